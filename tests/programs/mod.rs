//! Programs and program links: `seedline program add|edit|list|retire|restore|history`, `link
//! add|list|remove`, `export|import programs|links`, and project imports naming programs. Each
//! happy path, and each refusal with the database unchanged (audit rows, programs, links and
//! `PRAGMA data_version` compared before and after).

use crate::common::{Home, raw};
use std::path::{Path, PathBuf};

mod audit;
mod csv;

/// A fresh database `t.db` in a new home.
pub(super) fn fresh() -> (Home, PathBuf) {
    let home = Home::new();
    drop(home.store("t.db"));
    let path = home.path("t.db");
    (home, path)
}

/// Runs `seedline --db PATH ARGS…`: (success, stdout, stderr).
pub(super) fn run(home: &Home, db: &Path, args: &[&str]) -> (bool, String, String) {
    let out = home
        .seedline()
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

pub(super) fn ok(home: &Home, db: &Path, args: &[&str]) -> String {
    let (success, stdout, stderr) = run(home, db, args);
    assert!(success, "{args:?}: {stderr}");
    stdout
}

/// Refused with a message containing `needle`, and nothing written.
pub(super) fn refused(home: &Home, db: &Path, args: &[&str], needle: &str) {
    let before = state(db);
    // The English wording is checked here (tests/lang.rs checks the Japanese).
    let args: Vec<&str> = args.iter().copied().chain(["--lang", "en"]).collect();
    let (success, _, stderr) = run(home, db, &args);
    assert!(!success, "{args:?} should be refused");
    assert!(stderr.contains(needle), "{args:?}: {stderr}");
    assert_eq!(state(db), before, "{args:?} changed the database");
}

/// What a refused command must leave as it was: every program and link row, the audit log.
pub(super) fn state(db: &Path) -> (Vec<String>, Vec<String>, i64) {
    let conn = raw(db);
    let rows = |sql: &str| -> Vec<String> {
        let mut stmt = conn.prepare(sql).unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    (
        rows("SELECT code || '|' || name_ja || '|' || ministry || '|' || first_phase || last_phase
              || '|' || coalesce(retired_at, '') || '|' || version FROM program ORDER BY id"),
        rows("SELECT preceding_program_id || '>' || successor_program_id || kind || coalesce(since, '')
              FROM program_link ORDER BY id"),
        conn.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
            .unwrap(),
    )
}

/// The last audit row: (action, entity).
pub(super) fn last_audit(db: &Path) -> (String, String) {
    raw(db)
        .query_row(
            "SELECT action, entity FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

pub(super) const ADD: &[&str] = &[
    "program",
    "add",
    "--code",
    "dementia-x",
    "--name",
    "認知症テスト研究事業",
    "--name-en",
    "Dementia Test Program",
    "--ministry",
    "MHLW",
    "--ip",
    "データ利活用・ライフコース",
    "--phases",
    "基礎..臨床",
];

#[test]
fn program_add_list_edit_retire_restore_and_history() {
    let (home, db) = fresh();
    ok(&home, &db, ADD);
    assert_eq!(last_audit(&db), ("program.add".into(), "program".into()));
    let list = ok(&home, &db, &["program", "list"]);
    let line = list.lines().find(|l| l.contains("dementia-x")).unwrap();
    assert!(
        line.contains("認知症テスト研究事業") && line.contains("MHLW"),
        "{line}"
    );
    assert!(line.contains("基礎..臨床"), "{line}");

    let out = ok(
        &home,
        &db,
        &["program", "edit", "dementia-x", "--phases", "応用..実用化"],
    );
    assert!(out.contains("版 2"), "{out}");
    assert_eq!(last_audit(&db), ("program.edit".into(), "program".into()));
    refused(
        &home,
        &db,
        &[
            "program",
            "edit",
            "dementia-x",
            "--name",
            "別名",
            "--version",
            "1",
        ],
        "was changed by",
    );

    ok(
        &home,
        &db,
        &["program", "retire", "dementia-x", "--on", "2026-03-31"],
    );
    assert_eq!(last_audit(&db), ("program.retire".into(), "program".into()));
    let list = ok(&home, &db, &["program", "list"]);
    assert!(!list.contains("dementia-x"), "retired ones need --all");
    let all = ok(&home, &db, &["program", "list", "--all"]);
    assert!(
        all.contains("dementia-x") && all.contains("2026-03-31"),
        "{all}"
    );
    refused(
        &home,
        &db,
        &["program", "retire", "dementia-x"],
        "already retired",
    );
    ok(&home, &db, &["program", "restore", "dementia-x"]);
    assert_eq!(
        last_audit(&db),
        ("program.restore".into(), "program".into())
    );
    refused(
        &home,
        &db,
        &["program", "restore", "dementia-x"],
        "is not retired",
    );

    let history = ok(&home, &db, &["program", "history", "dementia-x"]);
    let actions: Vec<&str> = history
        .lines()
        .map(|l| l.split("  ").nth(2).unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "program.restore",
            "program.retire",
            "program.edit",
            "program.add"
        ]
    );
    assert!(history.contains("changed phases"), "{history}");
}

#[test]
fn program_add_refuses_duplicates_and_unknown_values() {
    let (home, db) = fresh();
    ok(&home, &db, ADD);
    fn with(i: usize, value: &'static str) -> Vec<&'static str> {
        let mut args: Vec<&str> = ADD.to_vec();
        args[i] = value;
        args
    }
    refused(
        &home,
        &db,
        &with(3, "y"),
        "already the name of program 'dementia-x'",
    );
    refused(&home, &db, &with(3, "DEMENTIA_X"), "already a program");
    refused(&home, &db, &with(3, "認知症"), "letters, digits");
    let mut args = with(3, "y");
    args[5] = "別の事業";
    let mut bad_ip = args.clone();
    bad_ip[11] = "nope";
    refused(&home, &db, &bad_ip, "unknown integrated project 'nope'");
    let mut bad_ministry = args.clone();
    bad_ministry[9] = "MOF";
    refused(&home, &db, &bad_ministry, "--ministry");
    let mut bad_phases = args.clone();
    bad_phases[13] = "基礎..治験";
    refused(&home, &db, &bad_phases, "--phases");
    refused(
        &home,
        &db,
        &["program", "edit", "nothing-here", "--name", "x"],
        "unknown program",
    );
    refused(
        &home,
        &db,
        &[
            "program",
            "edit",
            "dementia-x",
            "--name",
            "革新的がん医療実用化研究事業",
        ],
        "already the name of program 'cancer-practical'",
    );
}

#[test]
fn links_are_added_listed_removed_and_refused_when_wrong() {
    let (home, db) = fresh();
    ok(&home, &db, ADD);
    ok(
        &home,
        &db,
        &[
            "link",
            "add",
            "dementia-x",
            "難治性疾患実用化研究事業",
            "--kind",
            "pairing",
            "--since",
            "2026-04-01",
        ],
    );
    assert_eq!(last_audit(&db), ("link.add".into(), "program_link".into()));
    let list = ok(&home, &db, &["link", "list", "dementia-x"]);
    assert_eq!(list.lines().count(), 1, "{list}");
    assert!(
        list.contains("dementia-x → rare-practical") && list.contains("2026-04-01"),
        "{list}"
    );
    let shown = ok(&home, &db, &["program", "list"]);
    let line = shown.lines().find(|l| l.contains("dementia-x")).unwrap();
    assert!(line.contains("→ rare-practical"), "{line}");

    refused(
        &home,
        &db,
        &[
            "link",
            "add",
            "dementia-x",
            "rare-practical",
            "--kind",
            "pairing",
        ],
        "already linked",
    );
    refused(
        &home,
        &db,
        &[
            "link",
            "add",
            "dementia-x",
            "dementia-x",
            "--kind",
            "matching",
        ],
        "its own successor",
    );
    refused(
        &home,
        &db,
        &["link", "add", "dementia-x", "難治性", "--kind", "matching"],
        "did you mean '難治性疾患実用化研究事業'",
    );
    refused(
        &home,
        &db,
        &[
            "link",
            "add",
            "dementia-x",
            "rare-practical",
            "--kind",
            "merger",
        ],
        "--kind",
    );
    refused(
        &home,
        &db,
        &[
            "link",
            "remove",
            "dementia-x",
            "rare-practical",
            "--kind",
            "matching",
        ],
        "not found",
    );
    ok(
        &home,
        &db,
        &[
            "link",
            "remove",
            "dementia-x",
            "rare-practical",
            "--kind",
            "pairing",
        ],
    );
    assert_eq!(
        last_audit(&db),
        ("link.remove".into(), "program_link".into())
    );
    assert_eq!(ok(&home, &db, &["link", "list", "dementia-x"]), "");
}
