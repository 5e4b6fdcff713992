//! CSV of programs and links, and project imports naming programs.

use super::{ADD, fresh, ok, run, state};
use crate::common::{Home, raw};
use std::path::{Path, PathBuf};

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
    let (success, _, stderr) = run(&home, &db, &["import", "projects", file, "--lang", "en"]);
    assert!(!success);
    assert!(
        stderr.contains("did you mean '難治性疾患実用化研究事業' (code rare-practical)"),
        "{stderr}"
    );
    project_csv(&home, "認知症テスト研究事業");
    let (success, _, stderr) = run(&home, &db, &["import", "projects", file, "--lang", "en"]);
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
    let (success, _, stderr) = run(&home, &db, &["import", "projects", file, "--lang", "en"]);
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
    assert!(out.contains("追加 1、更新 1"), "{out}");
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
    assert!(out.contains("追加 0、更新 0"), "{out}");
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
        vec!["import", "programs", &programs, "--lang", "en"],
        vec!["import", "programs", &programs, "--dry-run", "--lang", "en"],
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
    let (success, _, stderr) = run(&home, &db, &["import", "links", &links, "--lang", "en"]);
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
