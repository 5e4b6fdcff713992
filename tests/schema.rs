//! The schema: a new database and one migrated from the first release both equal `schema.sql`
//! (statements and columns), read from disk at test time.

use crate::common::{Home, raw};
use seedline::store::{LATEST_VERSION, OpenOptions, SCHEMA_SQL, Store};
use std::os::unix::fs::PermissionsExt;

/// `sqlite_master` as comparable text: every object's type, name and whitespace-normalised SQL.
fn schema_of(conn: &rusqlite::Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name")
        .unwrap();
    stmt.query_map([], |r| {
        let sql: String = r.get(2)?;
        Ok(format!(
            "{} {} {}",
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            // ALTER TABLE ADD COLUMN writes `, col` and `)` where schema.sql breaks lines.
            sql.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .replace(" ,", ",")
                .replace(" )", ")")
        ))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

/// The `CREATE` statements of the repository's `schema.sql`, read from disk now (not the copy
/// compiled into the binary), by object name: comments dropped, whitespace normalised.
fn schema_sql_statements() -> std::collections::BTreeMap<String, String> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schema.sql")).unwrap();
    let mut statements = std::collections::BTreeMap::new();
    let mut current = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with("--") || line.is_empty() {
            continue;
        }
        current.push_str(line);
        current.push(' ');
        // A trigger's body holds `;` of its own: it ends at `END;`.
        let done = if current.starts_with("CREATE TRIGGER") {
            line == "END;"
        } else {
            line.ends_with(';')
        };
        if done {
            let sql = normalise(current.trim_end().trim_end_matches(';'));
            let name = sql
                .split_whitespace()
                .skip_while(|w| !matches!(*w, "TABLE" | "INDEX" | "TRIGGER" | "VIEW"))
                .nth(1)
                .filter(|n| *n != "IF")
                .unwrap_or_else(|| panic!("no object name in {sql}"))
                .to_string();
            assert!(
                statements.insert(name.clone(), sql).is_none(),
                "{name} twice"
            );
            current.clear();
        }
    }
    assert!(current.trim().is_empty(), "unterminated: {current}");
    statements
}

fn normalise(sql: &str) -> String {
    // ALTER TABLE ADD COLUMN writes `, col` and `)` where schema.sql breaks lines.
    sql.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" ,", ",")
        .replace(" )", ")")
}

/// The objects of a database that `schema.sql` spells out: SQLite's own (`sqlite_…`, automatic
/// indexes) and the shadow tables of the full-text tables left out, by name.
fn declared_objects(conn: &rusqlite::Connection) -> std::collections::BTreeMap<String, String> {
    let virtual_tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut stmt = conn
        .prepare("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .filter(|(name, _)| {
            !virtual_tables
                .iter()
                .any(|v| name.starts_with(&format!("{v}_")))
        })
        .map(|(name, sql)| (name, normalise(&sql)))
        .collect()
}

/// Every table's columns as SQLite reports them (name, type, not null, default, key position,
/// hidden), for the tables, shadow tables included.
fn columns_of(conn: &rusqlite::Connection) -> Vec<String> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = Vec::new();
    for table in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM pragma_table_xinfo('{table}')"))
            .unwrap();
        let rows = stmt
            .query_map([], |r| {
                Ok(format!(
                    "{table}.{} {} notnull={} default={:?} pk={} hidden={}",
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, i64>(5)?,
                    r.get::<_, i64>(6)?,
                ))
            })
            .unwrap()
            .map(Result::unwrap);
        out.extend(rows);
    }
    out
}

#[test]
fn a_migrated_database_has_exactly_the_schema_of_schema_sql() {
    let home = Home::new();
    // A database as the first released seedline left it, brought forward by Store::open.
    let old = home.path("v1.db");
    {
        let conn = raw(&old);
        conn.execute_batch(include_str!("fixtures/schema_v1.sql"))
            .unwrap();
        conn.pragma_update(None, "application_id", 0x5344_4C4E)
            .unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
    }
    std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o600)).unwrap();
    drop(Store::open(&old, OpenOptions { create: false }).unwrap());
    drop(home.store("fresh.db"));
    let fresh = home.path("fresh.db");

    // The text of schema.sql as it is on disk, statement by statement.
    let statements = schema_sql_statements();
    assert!(
        statements.len() > 40 && statements.contains_key("project"),
        "{:?}",
        statements.keys()
    );
    for (what, path) in [("migrated from v1", &old), ("created new", &fresh)] {
        let conn = raw(path);
        let objects = declared_objects(&conn);
        let missing: Vec<_> = statements
            .iter()
            .filter(|(name, sql)| objects.get(*name) != Some(*sql))
            .map(|(name, sql)| {
                format!(
                    "{name}:\n  schema.sql: {sql}\n  database:   {:?}",
                    objects.get(name)
                )
            })
            .collect();
        assert!(
            missing.is_empty(),
            "{what}: differs from schema.sql:\n{}",
            missing.join("\n")
        );
        let extra: Vec<_> = objects
            .keys()
            .filter(|name| !statements.contains_key(*name))
            .collect();
        assert!(extra.is_empty(), "{what}: not in schema.sql: {extra:?}");
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, LATEST_VERSION, "{what}");
    }

    // Beyond the text: every column (shadow tables included) and every object SQLite derives
    // from the text, against a database made from schema.sql on disk.
    let on_disk =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schema.sql")).unwrap();
    let expected = rusqlite::Connection::open_in_memory().unwrap();
    expected.execute_batch(&on_disk).unwrap();
    for (what, path) in [("migrated from v1", &old), ("created new", &fresh)] {
        let conn = raw(path);
        assert_eq!(columns_of(&conn), columns_of(&expected), "{what}");
        assert_eq!(schema_of(&conn), schema_of(&expected), "{what}");
    }
    assert_eq!(
        on_disk, SCHEMA_SQL,
        "the binary embeds the repository's schema.sql"
    );
}

/// Makes a database look as schema version 12 left it: the objects of steps 13 to 15, 18 and 19 dropped
/// (triggers first; the indexes step 14 redefines are simply redefined again).
fn undo_to_v12(conn: &rusqlite::Connection) {
    let objects: Vec<(String, String)> = conn
        .prepare(
            "SELECT type, name FROM sqlite_master
             WHERE (name LIKE 'stall_tally%' OR name LIKE 'deadline_tally%' OR name LIKE 'tally_span%'
                    OR name LIKE 'follow_up_tally%' OR name LIKE 'unassigned_tally%'
                    OR name LIKE 'deadline_pair_tally%')
               AND type <> 'index'
             ORDER BY type = 'table', type = 'view'",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(objects.len() > 10, "{objects:?}");
    for (kind, name) in objects {
        conn.execute_batch(&format!("DROP {} IF EXISTS {name}", kind.to_uppercase()))
            .unwrap();
    }
    conn.pragma_update(None, "user_version", 12).unwrap();
}

/// A database left by an older seedline: an officer is told before the upgrade starts (it takes
/// minutes on a big database), in their language, and only once.
#[test]
fn the_cli_says_it_upgrades_an_older_database_before_doing_it() {
    let home = Home::new();
    let path = home.path("old.db");
    drop(home.store("old.db"));
    let latest = seedline::store::LATEST_VERSION;
    let dashboard = |lang: &str| {
        home.seedline()
            .args(["--lang", lang, "show", "dashboard", "--db"])
            .arg(&path)
            .output()
            .unwrap()
    };
    for (lang, expected) in [
        (
            "en",
            format!(
                "upgrading {} to the current schema (v12 → v{latest})",
                path.display()
            ),
        ),
        (
            "ja",
            format!(
                "{} を新しい形式 (v12 → v{latest}) に更新しています",
                path.display()
            ),
        ),
    ] {
        undo_to_v12(&raw(&path));
        let out = dashboard(lang);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{stderr}");
        assert!(stderr.contains(&expected), "{lang}: {stderr}");
        let version: i64 = raw(&path)
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, latest);
        // `init` says it too.
        undo_to_v12(&raw(&path));
        let init = home
            .seedline()
            .args(["--lang", lang, "init", "--db"])
            .arg(&path)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&init.stderr);
        assert!(
            init.status.success() && stderr.contains(&expected),
            "{lang}: {stderr}"
        );
        // Once upgraded, nothing more is said.
        let again = dashboard(lang);
        let stderr = String::from_utf8_lossy(&again.stderr);
        assert!(
            again.status.success()
                && !stderr.contains("upgrading")
                && !stderr.contains("新しい形式"),
            "{stderr}"
        );
    }
}
