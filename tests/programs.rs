//! Programs and program links: `seedline program add|edit|list|retire|restore|history`, `link
//! add|list|remove`, `export|import programs|links`, and project imports naming programs. Each
//! happy path, and each refusal with the database unchanged (audit rows, programs, links and
//! `PRAGMA data_version` compared before and after).

use crate::common::{Home, raw};
use std::path::{Path, PathBuf};

/// A fresh database `t.db` in a new home.
fn fresh() -> (Home, PathBuf) {
    let home = Home::new();
    drop(home.store("t.db"));
    let path = home.path("t.db");
    (home, path)
}

/// Runs `seedline --db PATH ARGS…`: (success, stdout, stderr).
fn run(home: &Home, db: &Path, args: &[&str]) -> (bool, String, String) {
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

fn ok(home: &Home, db: &Path, args: &[&str]) -> String {
    let (success, stdout, stderr) = run(home, db, args);
    assert!(success, "{args:?}: {stderr}");
    stdout
}

/// Refused with a message containing `needle`, and nothing written.
fn refused(home: &Home, db: &Path, args: &[&str], needle: &str) {
    let before = state(db);
    let (success, _, stderr) = run(home, db, args);
    assert!(!success, "{args:?} should be refused");
    assert!(stderr.contains(needle), "{args:?}: {stderr}");
    assert_eq!(state(db), before, "{args:?} changed the database");
}

/// What a refused command must leave as it was: every program and link row, the audit log.
fn state(db: &Path) -> (Vec<String>, Vec<String>, i64) {
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
fn last_audit(db: &Path) -> (String, String) {
    raw(db)
        .query_row(
            "SELECT action, entity FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

const ADD: &[&str] = &[
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
    assert!(out.contains("version 2"), "{out}");
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

/// A project list naming `program` in its 事業名 column.
fn project_csv(home: &Home, program: &str) -> PathBuf {
    let path = home.path("projects.csv");
    std::fs::write(
        &path,
        format!(
            "課題管理番号,研究開発課題名,事業名,代表研究機関,研究開発代表者,開始日,研究開発フェーズ\r\n\
             JP26xx0000001,テスト課題,{program},京都大学,山田 太郎,2026-04-01,基礎\r\n"
        ),
    )
    .unwrap();
    path
}

fn project_count(db: &Path) -> i64 {
    raw(db)
        .query_row("SELECT count(*) FROM project", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_project_import_names_programs_by_the_filters_rule() {
    let (home, db) = fresh();
    let file = project_csv(&home, "難治性");
    let file = file.to_str().unwrap();
    let (success, _, stderr) = run(&home, &db, &["import", "projects", file]);
    assert!(!success);
    assert!(
        stderr.contains("did you mean '難治性疾患実用化研究事業' (code rare-practical)"),
        "{stderr}"
    );
    project_csv(&home, "認知症テスト研究事業");
    let (success, _, stderr) = run(&home, &db, &["import", "projects", file]);
    assert!(!success);
    assert!(
        stderr.contains(
            "add it with `seedline program add --code CODE --name '認知症テスト研究事業'"
        ),
        "{stderr}"
    );
    assert_eq!(project_count(&db), 0);

    ok(&home, &db, ADD);
    ok(&home, &db, &["program", "retire", "dementia-x"]);
    let (success, _, stderr) = run(&home, &db, &["import", "projects", file]);
    assert!(!success);
    assert!(
        stderr.contains(
            "takes no new projects; restore it with `seedline program restore dementia-x`"
        ),
        "{stderr}"
    );
    assert_eq!(project_count(&db), 0);
    ok(&home, &db, &["program", "restore", "dementia-x"]);
    ok(&home, &db, &["import", "projects", file]);
    assert_eq!(project_count(&db), 1);
    // A retired program keeps its projects, and they stay updatable.
    ok(&home, &db, &["program", "retire", "dementia-x"]);
    ok(
        &home,
        &db,
        &["import", "projects", file, "--mode", "upsert"],
    );
    let all = ok(&home, &db, &["program", "list", "--all"]);
    let line = all.lines().find(|l| l.contains("dementia-x")).unwrap();
    assert!(
        line.split_whitespace().any(|w| w == "1"),
        "one project: {line}"
    );
}

#[test]
fn programs_and_links_round_trip_byte_identical() {
    let (home, db) = fresh();
    ok(&home, &db, ADD);
    ok(
        &home,
        &db,
        &["program", "retire", "dementia-x", "--on", "2026-03-31"],
    );
    ok(
        &home,
        &db,
        &[
            "program",
            "edit",
            "p-promote",
            "--name-en",
            "=HYPERLINK(\"x\")",
        ],
    );
    ok(
        &home,
        &db,
        &[
            "link",
            "add",
            "dementia-x",
            "rare-practical",
            "--kind",
            "matching",
            "--since",
            "2026-04-01",
        ],
    );
    for kind in ["programs", "links"] {
        ok(&home, &db, &["export", kind, "-o", &format!("{kind}1.csv")]);
    }
    let bytes = std::fs::read(home.path("programs1.csv")).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF\"\xE3\x82\xB3"),
        "BOM, quoted コード"
    );
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("\"'=HYPERLINK(\"\"x\"\")\""), "formula guard");
    assert!(text.contains("\"2026-03-31\"\r\n"), "{text}");

    drop(home.store("u.db"));
    let other = home.path("u.db");
    let out = ok(
        &home,
        &other,
        &["import", "programs", "programs1.csv", "--dry-run"],
    );
    assert!(out.contains("1 added, 1 updated"), "{out}");
    ok(&home, &other, &["import", "programs", "programs1.csv"]);
    ok(&home, &other, &["import", "links", "links1.csv"]);
    for kind in ["programs", "links"] {
        ok(
            &home,
            &other,
            &["export", kind, "-o", &format!("{kind}2.csv")],
        );
        assert_eq!(
            std::fs::read(home.path(&format!("{kind}1.csv"))).unwrap(),
            std::fs::read(home.path(&format!("{kind}2.csv"))).unwrap(),
            "{kind}"
        );
    }
    let out = ok(&home, &other, &["import", "programs", "programs1.csv"]);
    assert!(out.contains("0 added, 0 updated"), "{out}");
}

#[test]
fn bad_program_and_link_files_change_nothing() {
    let (home, db) = fresh();
    let write = |name: &str, text: &str| {
        std::fs::write(home.path(name), text).unwrap();
        name.to_string()
    };
    let programs = write(
        "bad.csv",
        "コード,事業名,府省,統合プロジェクト,開始フェーズ,終了フェーズ\r\n\
         new-a,新しい事業A,MHLW,drug,基礎,臨床\r\n\
         new-b,革新的がん医療実用化研究事業,MHLW,drug,基礎,臨床\r\n\
         new-a,新しい事業C,MHLW,drug,基礎,臨床\r\n\
         new-d,新しい事業D,MOF,drugx,臨床,基礎\r\n",
    );
    let before = state(&db);
    // One connection held across the runs: its data_version moves when another one commits.
    let watcher = raw(&db);
    let version = || -> i64 {
        watcher
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .unwrap()
    };
    let v = version();
    for args in [
        vec!["import", "programs", &programs],
        vec!["import", "programs", &programs, "--dry-run"],
    ] {
        let (success, _, stderr) = run(&home, &db, &args);
        assert!(!success);
        assert!(stderr.contains("bad.csv:3: 事業名: 事業名 '革新的がん医療実用化研究事業' is already used by program 'cancer-practical'"), "{stderr}");
        assert!(
            stderr.contains("bad.csv:4: コード: duplicate コード 'new-a': lines 2 and 4"),
            "{stderr}"
        );
        assert!(
            stderr.contains("bad.csv:5: 府省: unknown ministry 'MOF'"),
            "{stderr}"
        );
        assert!(
            stderr.contains("bad.csv:5: 統合プロジェクト: unknown integrated project 'drugx'"),
            "{stderr}"
        );
        assert!(stderr.contains("bad.csv:5: 終了フェーズ"), "{stderr}");
    }
    assert_eq!(state(&db), before);

    let links = write(
        "links.csv",
        "先行事業,後継事業,種別,開始日\r\n\
         p-promote,p-promote,ペアリング,\r\n\
         p-promote,難治性,マッチング,\r\n\
         p-promote,rare-practical,合併,2026-02-30\r\n\
         p-promote,rare-practical,pairing,\r\n\
         p-promote,rare-practical,ペアリング,\r\n",
    );
    let (success, _, stderr) = run(&home, &db, &["import", "links", &links]);
    assert!(!success);
    for needle in [
        "links.csv:2: 後継事業: 'p-promote' cannot be its own successor",
        "links.csv:3: 後継事業: unknown program '難治性'; did you mean '難治性疾患実用化研究事業'",
        "links.csv:4: 種別: unknown link kind '合併'",
        "links.csv:4: 開始日",
        "links.csv:6: 後継事業: duplicate link",
    ] {
        assert!(stderr.contains(needle), "{needle}: {stderr}");
    }
    assert_eq!(state(&db), before);
    assert_eq!(version(), v, "data_version unchanged");
}
