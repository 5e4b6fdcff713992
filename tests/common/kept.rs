//! What the kept-count tests share: a small demo database with its busiest officer, and the
//! doctor round trip (a tampered count named in both languages, mended by `--rebuild-counts`).

use super::{Home, raw, today};
use seedline::demo::{DemoOptions, generate};
use seedline::store::Store;
use std::path::Path;

/// A 240-project demo in `home` under `file` (seed `seed`), and the name of the officer with the
/// most projects.
pub fn demo_with_busiest(home: &Home, file: &str, seed: u64) -> (Store, String) {
    let mut store = home.store(file);
    let options = DemoOptions {
        projects: 240,
        notes: 1200,
        flags: 30,
        seed,
        anchor: today(),
    };
    generate(&mut store, &options, &mut |_, _, _| {}).unwrap();
    let busiest = raw(&home.path(file))
        .query_row(
            "SELECT o.name FROM officer o JOIN project_officer po ON po.officer_id = o.id
             GROUP BY o.id ORDER BY count(*) DESC, o.id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    (store, busiest)
}

/// One integer from `sql` on the database at `db`.
pub fn one(db: &Path, sql: &str, params: impl rusqlite::Params) -> i64 {
    raw(db).query_row(sql, params, |r| r.get(0)).unwrap()
}

/// Runs `sql` on the database at `db` with foreign keys on; it must change exactly one row.
pub fn run_one(db: &Path, sql: &str, params: impl rusqlite::Params) {
    let conn = raw(db);
    conn.execute_batch("PRAGMA foreign_keys = ON").unwrap();
    assert_eq!(conn.execute(sql, params).unwrap(), 1, "{sql}");
}

/// On a database whose kept counts were tampered with: `doctor` fails and prints each
/// `(language, words)`; `doctor --rebuild-counts` succeeds, `mended` (the test's own comparison
/// with a recount) holds, and `doctor` is clean again.
pub fn doctor_names_then_rebuild_mends(
    home: &Home,
    db: &Path,
    words: &[(&str, &str)],
    mended: impl Fn(),
) {
    for (lang, words) in words {
        let out = home
            .seedline()
            .arg("--db")
            .arg(db)
            .args(["--lang", lang, "doctor"])
            .assert()
            .failure();
        let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        assert!(stdout.contains(words), "{stdout}");
    }
    home.seedline()
        .arg("--db")
        .arg(db)
        .args(["--lang", "en", "doctor", "--rebuild-counts"])
        .assert()
        .success();
    mended();
    home.seedline()
        .arg("--db")
        .arg(db)
        .args(["--lang", "en", "doctor"])
        .assert()
        .success();
}

/// 30 days after the tests' today: the due board's horizon.
pub fn until() -> seedline::model::Date {
    today().checked_add_days(chrono::Days::new(30)).unwrap()
}

/// The tests' today moved by `offset` days.
pub fn day(offset: i64) -> seedline::model::Date {
    today()
        .checked_add_signed(chrono::Duration::days(offset))
        .unwrap()
}

/// Kept rows equal their recount, key by key, and none is left at zero.
pub fn assert_kept_equal<K: Ord + std::fmt::Debug>(
    kept: &std::collections::BTreeMap<K, i64>,
    counted: &std::collections::BTreeMap<K, i64>,
    when: &str,
    what: &str,
) {
    let differ: Vec<_> = kept
        .keys()
        .chain(counted.keys())
        .filter(|key| kept.get(*key) != counted.get(*key))
        .map(|key| (key, kept.get(key), counted.get(key)))
        .collect();
    assert!(differ.is_empty(), "{when}: kept {what} differ: {differ:?}");
    assert!(
        kept.values().all(|n| *n > 0),
        "{when}: no {what} row at zero"
    );
}

/// Imports one new project (`amed_id`) under upsert, then the same row with a changed title.
pub fn import_then_change(store: &mut Store, amed_id: &str) {
    use seedline::store::ImportMode;
    let mut row = super::fixture::new_project(amed_id, "取込");
    store
        .import_projects(
            std::slice::from_ref(&row),
            ImportMode::Upsert,
            super::today(),
            "a.csv",
        )
        .unwrap();
    row.title = "取込（改）".into();
    store
        .import_projects(&[row], ImportMode::Upsert, super::today(), "a.csv")
        .unwrap();
}

/// The virtual-machine steps of `sql` on project `id` (rolled back).
pub fn steps(db: &Path, sql: &str, id: i64) -> i32 {
    let mut conn = raw(db);
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    let tx = conn.transaction().unwrap();
    let mut stmt = tx.prepare(sql).unwrap();
    assert_eq!(stmt.execute([id]).unwrap(), 1, "{sql}");
    let n = stmt.get_status(rusqlite::StatementStatus::VmStep);
    drop(stmt);
    tx.rollback().unwrap();
    n
}

/// Drops `objects` (type, name) and marks the database as left by schema `version`; the next
/// command (`show due --by-officer`) says it upgrades from that version, in English, and succeeds.
pub fn undo_step_then_upgrade(home: &Home, db: &Path, objects: &[(String, String)], version: i64) {
    let conn = raw(db);
    for (kind, name) in objects {
        conn.execute_batch(&format!("DROP {} {name}", kind.to_uppercase()))
            .unwrap();
    }
    conn.pragma_update(None, "user_version", version).unwrap();
    drop(conn);
    let out = home
        .seedline()
        .args(["--lang", "en", "show", "due", "--by-officer", "--db"])
        .arg(db)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let latest = seedline::store::LATEST_VERSION;
    assert!(
        stderr.contains(&format!("to the current schema (v{version} → v{latest})")),
        "{stderr}"
    );
}

/// One text value from `sql` on the database at `db`.
pub fn text(db: &Path, sql: &str) -> String {
    raw(db).query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Runs seedline on the database at `db` with `args`; it must succeed.
pub fn cli_ok(home: &Home, db: &Path, args: &[&str]) {
    home.seedline()
        .arg("--db")
        .arg(db)
        .args(args)
        .assert()
        .success();
}

/// Every project exported to `projects.csv` in `home`, then the newest `delete` projects deleted
/// raw (cascading to their rows), `deleted` checked, and the file imported again under upsert (a
/// paused bulk write inserting the deleted ones and leaving the others alone).
pub fn export_delete_reimport(home: &Home, db: &Path, delete: i64, deleted: impl Fn()) {
    let projects = home.path("projects.csv");
    let out = home
        .seedline()
        .arg("--db")
        .arg(db)
        .args(["export", "projects"])
        .assert()
        .success();
    std::fs::write(&projects, &out.get_output().stdout).unwrap();
    raw(db)
        .execute(
            "DELETE FROM project WHERE id IN (SELECT id FROM project ORDER BY id DESC LIMIT ?1)",
            [delete],
        )
        .unwrap();
    deleted();
    let file = projects.to_str().unwrap();
    cli_ok(home, db, &["import", "projects", file, "--mode", "upsert"]);
}

/// The tables, views and triggers of the database at `db` whose names start with one of
/// `prefixes` (a schema step's objects), tables last so that they can be dropped in order.
pub fn objects_named(db: &Path, prefixes: &[&str]) -> Vec<(String, String)> {
    let like = vec!["name LIKE ? || '%'"; prefixes.len()].join(" OR ");
    raw(db)
        .prepare(&format!(
            "SELECT type, name FROM sqlite_master WHERE ({like}) AND type <> 'index'
             ORDER BY type = 'table'"
        ))
        .unwrap()
        .query_map(rusqlite::params_from_iter(prefixes), |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}
