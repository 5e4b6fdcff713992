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
