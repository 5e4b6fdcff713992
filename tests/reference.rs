//! Built-in reference data: its tables are consistent, a new database holds them, an existing one
//! takes in rows added later exactly once (on a writable open, keeping its own rows and ids), a
//! read-only open writes nothing, and projects of the added programs import.

use crate::common::{Home, raw};
use seedline::model::Reference;
use seedline::model::reference::builtin::{
    INTEGRATED_PROJECTS, PROGRAM_LINKS, PROGRAMS, REFERENCE_VERSION,
};
use seedline::store::{OpenOptions, Store};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The codes built in before issue 12, in their seeding order (their ids are 1..=21).
const FIRST_CODES: [&str; 21] = [
    "cancer-practical",
    "p-promote",
    "rare-practical",
    "drug-base",
    "infect-drug",
    "infect-base",
    "scarda",
    "bridge",
    "med-support",
    "device-dev",
    "device-results",
    "device-resilience",
    "device-global",
    "regen-practical",
    "regen-industry",
    "venture-eco",
    "crest",
    "p-direct",
    "p-create",
    "medeng-commercial",
    "medeng-innovation",
];

fn stored_version(path: &Path) -> Option<String> {
    raw(path)
        .query_row(
            "SELECT value FROM meta WHERE key = 'reference_version'",
            [],
            |r| r.get(0),
        )
        .ok()
}

fn programs(path: &Path) -> Vec<(i64, String, String)> {
    let conn = raw(path);
    let mut stmt = conn
        .prepare("SELECT id, code, name_ja FROM program ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// A database as an older seedline left it: the first 21 programs, then one an officer added
/// (id 22), no record of the reference version.
fn old_database(home: &Home, name: &str) -> PathBuf {
    drop(home.store(name));
    let path = home.path(name);
    let conn = raw(&path);
    let first = FIRST_CODES.map(|c| format!("'{c}'")).join(",");
    conn.execute_batch(&format!(
        "DELETE FROM program WHERE code NOT IN ({first});
         INSERT INTO program (code, name_ja, name_en, ministry, integrated_project_id, first_phase, last_phase)
             VALUES ('my-own', 'officer の事業', 'Our own', 'other',
                     (SELECT id FROM integrated_project WHERE code = 'seeds'), 1, 2);
         DELETE FROM meta;"
    ))
    .unwrap();
    path
}

/// Whether anything was committed to `path` while `f` ran: `PRAGMA data_version` on a connection
/// held across it, and the bytes of the database and its WAL.
fn wrote(path: &Path, f: impl FnOnce()) -> bool {
    let bytes = |p: &Path| {
        ["", "-wal"]
            .iter()
            .map(|s| {
                let mut name = p.as_os_str().to_owned();
                name.push(s);
                std::fs::read(PathBuf::from(name)).unwrap_or_default()
            })
            .collect::<Vec<_>>()
    };
    let conn = raw(path);
    let version = |c: &rusqlite::Connection| -> i64 {
        c.query_row("PRAGMA data_version", [], |r| r.get(0))
            .unwrap()
    };
    let (before, sum) = (version(&conn), bytes(path));
    f();
    version(&conn) != before || bytes(path) != sum
}

#[test]
fn the_builtin_tables_are_consistent() {
    let codes: Vec<&str> = PROGRAMS.iter().map(|p| p.0).collect();
    assert_eq!(
        &codes[..21],
        &FIRST_CODES,
        "the first 21 codes keep their order"
    );
    let unique_codes: HashSet<_> = codes.iter().collect();
    assert_eq!(unique_codes.len(), codes.len(), "two programs share a code");
    let names: HashSet<_> = PROGRAMS.iter().map(|p| p.1).collect();
    assert_eq!(names.len(), PROGRAMS.len(), "two programs share a 名称");
    let ips: HashSet<&str> = INTEGRATED_PROJECTS
        .iter()
        .flat_map(|(_, list)| list.iter().map(|p| p.0))
        .collect();
    for (code, ja, en, ministry, ip, first, last) in PROGRAMS {
        assert!(
            code.len() <= 32
                && code
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !code.starts_with('-')
                && !code.ends_with('-'),
            "{code} is not short kebab-case ASCII"
        );
        assert!(ja.ends_with("事業") || ja.ends_with("プログラム"), "{ja}");
        assert!(!en.is_empty(), "{code}");
        assert!(
            ["MEXT", "MHLW", "METI", "other"].contains(ministry),
            "{code}: {ministry}"
        );
        assert!(ips.contains(ip), "{code}: unknown integrated project {ip}");
        assert!(first <= last, "{code}: {first:?} after {last:?}");
    }
    for (from, to, kind) in PROGRAM_LINKS {
        assert!(codes.contains(from) && codes.contains(to) && from != to);
        assert!(["pairing", "matching"].contains(kind));
    }
    for name in ["認知症研究開発事業", "肝炎等克服実用化研究事業"] {
        assert!(names.contains(name), "{name} is built in");
    }
}

#[test]
fn a_new_database_holds_the_builtin_reference_and_its_version() {
    let home = Home::new();
    let store = home.store("new.db");
    assert_eq!(store.reference().unwrap(), Reference::builtin());
    assert_eq!(
        stored_version(&home.path("new.db")),
        Some(REFERENCE_VERSION.to_string())
    );
}

#[test]
fn an_older_database_takes_in_the_new_programs_once_keeping_its_own_rows_and_ids() {
    let home = Home::new();
    let path = old_database(&home, "old.db");
    let before = programs(&path);
    assert_eq!(before.len(), 22);
    assert_eq!(before[21], (22, "my-own".into(), "officer の事業".into()));

    assert!(wrote(&path, || {
        Store::open(&path, OpenOptions::EXISTING).unwrap();
    }));
    let after = programs(&path);
    assert_eq!(&after[..22], &before[..], "existing rows and ids stay");
    let added: Vec<&str> = after[22..].iter().map(|p| p.1.as_str()).collect();
    let expected: Vec<&str> = PROGRAMS[21..].iter().map(|p| p.0).collect();
    assert_eq!(added, expected, "the new programs, in built-in order");
    assert_eq!(stored_version(&path), Some(REFERENCE_VERSION.to_string()));
    let reference = Store::open(&path, OpenOptions::EXISTING)
        .unwrap()
        .reference()
        .unwrap();
    let builtin = Reference::builtin();
    assert_eq!(reference.program_links.len(), builtin.program_links.len());

    assert!(
        !wrote(&path, || {
            Store::open(&path, OpenOptions::EXISTING).unwrap();
        }),
        "an up-to-date database is not written on open"
    );
}

#[test]
fn a_read_only_open_of_an_older_database_writes_nothing() {
    let home = Home::new();
    let path = old_database(&home, "old.db");
    assert!(!wrote(&path, || {
        let store = Store::open_with(&path, OpenOptions::EXISTING, true).unwrap();
        assert!(store.is_read_only());
        assert_eq!(store.reference().unwrap().programs.len(), 22);
    }));
    assert_eq!(programs(&path).len(), 22);
    assert_eq!(stored_version(&path), None);
}

#[test]
fn a_database_from_a_newer_reference_is_left_alone() {
    let home = Home::new();
    drop(home.store("new.db"));
    let path = home.path("new.db");
    raw(&path)
        .execute(
            "UPDATE meta SET value = ?1 WHERE key = 'reference_version'",
            [(REFERENCE_VERSION + 1).to_string()],
        )
        .unwrap();
    assert!(!wrote(&path, || {
        Store::open(&path, OpenOptions::EXISTING).unwrap();
    }));
}

#[test]
fn projects_of_the_added_programs_import() {
    let home = Home::new();
    let path = old_database(&home, "old.db");
    std::fs::write(
        home.path("in.csv"),
        "課題管理番号,研究開発課題名,事業名,代表研究機関,研究開発代表者,開始日,研究開発フェーズ\r\n\
         JP26dk0000001,認知症の課題,認知症研究開発事業,京都大学,山田 太郎,2025-04-01,基礎\r\n\
         JP26fk0000002,肝炎の課題,肝炎等克服実用化研究事業,大阪大学,佐藤 花子,2025-04-01,応用\r\n",
    )
    .unwrap();
    let out = home
        .seedline()
        .args([
            "import",
            "projects",
            "in.csv",
            "--db",
            path.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let conn = raw(&path);
    let code = |amed: &str| -> String {
        conn.query_row(
            "SELECT g.code FROM project p JOIN program g ON g.id = p.program_id WHERE p.amed_id = ?1",
            [amed],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_eq!(code("JP26dk0000001"), "dementia");
    assert_eq!(code("JP26fk0000002"), "hepatitis");
}
