//! The portfolio commands of the real binary, for scripts: watch, attach (with checksums),
//! deadline, and `show portfolio|due|pi|funnel|budget`, over the fixture database.

use crate::common::{Home, fixture};
use predicates::prelude::*;

/// The fixture, with the config naming 岩崎 美紀 (PO on the even projects) as the officer.
fn home() -> Home {
    let home = Home::new();
    fixture::build(&home, "f.db");
    std::fs::create_dir_all(home.path("config")).unwrap();
    std::fs::write(
        home.path("config/config.toml"),
        "[officer]\nname = \"岩崎 美紀\"\nrole = \"PO\"\n",
    )
    .unwrap();
    home
}

fn run(home: &Home, args: &[&str]) -> String {
    let out = home
        .seedline()
        .args(["--db", "f.db"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn watch_then_show_portfolio() {
    let home = home();
    assert!(run(&home, &["show", "portfolio"]).contains("22 / 45"));
    run(&home, &["watch", "add", "JP25fx0000001", "JP25fx0000003"]);
    let listed = run(&home, &["watch", "list"]);
    assert_eq!(listed.lines().count(), 2, "{listed}");
    let shown = run(&home, &["show", "portfolio"]);
    assert!(shown.contains("24 / 45"), "{shown}");
    assert!(shown.contains("✦"), "watched projects are marked");
    // An unknown id changes nothing.
    home.seedline()
        .args(["--db", "f.db", "watch", "add", "JP25fx0000005", "JP99xx"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("JP99xx"));
    assert_eq!(run(&home, &["watch", "list"]).lines().count(), 2);
    run(&home, &["watch", "remove", "JP25fx0000001"]);
    assert_eq!(run(&home, &["watch", "list"]).lines().count(), 1);
}

#[test]
fn attachments_record_links_and_checksums_tell_a_changed_file() {
    let home = home();
    let file = home.path("推薦書.pdf");
    std::fs::write(&file, b"%PDF-1.7 recommendation").unwrap();
    let out = run(
        &home,
        &[
            "attach",
            "add",
            "JP25fx0000003",
            file.to_str().unwrap(),
            "--label",
            "推薦書 2026年度",
            "--kind",
            "推薦書",
            "--flag",
            "1",
            "--checksum",
        ],
    );
    assert!(out.contains("添付 #1 を"), "{out}");
    let listed = run(&home, &["attach", "list", "JP25fx0000003"]);
    assert!(
        listed.contains("推薦書 2026年度") && listed.contains("flag #1"),
        "{listed}"
    );
    assert!(run(&home, &["attach", "verify", "JP25fx0000003"]).contains("一致"));
    std::fs::write(&file, b"%PDF-1.7 edited").unwrap();
    home.seedline()
        .args(["--db", "f.db", "attach", "verify", "JP25fx0000003"])
        .assert()
        .failure()
        .stdout(predicate::str::contains("変更あり"));
    // Without a display the place is printed, never opened.
    let opened = run(&home, &["attach", "open", "1"]);
    assert!(
        opened.starts_with("場所:") && opened.contains("推薦書.pdf"),
        "{opened}"
    );
    // A flag of another project is refused.
    home.seedline()
        .args([
            "--db",
            "f.db",
            "attach",
            "add",
            "JP25fx0000004",
            "/x.pdf",
            "--label",
            "x",
            "--flag",
            "1",
        ])
        .assert()
        .failure();
    run(&home, &["attach", "remove", "1"]);
    assert!(run(&home, &["attach", "list", "JP25fx0000003"]).is_empty());
}

#[test]
fn deadlines_reach_the_due_board_and_leave_it_when_done() {
    let home = home();
    let out = run(
        &home,
        &[
            "deadline",
            "add",
            "JP25fx0000002",
            "--kind",
            "中間評価",
            "--due",
            "令和8年8月1日",
        ],
    );
    assert!(out.contains("期限 #1 を"), "{out}");
    let board = run(&home, &["show", "due", "--width", "100"]);
    assert!(board.contains("超過61日+ 1"), "{board}");
    assert!(board.contains("中間評価"), "{board}");
    let by_officer = run(&home, &["show", "due", "--by-officer", "--width", "100"]);
    let row = by_officer
        .lines()
        .find(|l| l.trim_start().starts_with("岩崎 美紀"))
        .expect(&by_officer);
    let counts: Vec<&str> = row.split_whitespace().skip(2).collect();
    assert_eq!(counts, ["1", "0", "2", "2"], "{row}");
    run(&home, &["deadline", "done", "1"]);
    assert!(run(&home, &["deadline", "list", "JP25fx0000002"]).contains("done 2026-11-25"));
    assert!(run(&home, &["show", "due", "--width", "100"]).contains("超過61日+ 0"));
    home.seedline()
        .args([
            "--db",
            "f.db",
            "deadline",
            "add",
            "JP25fx0000002",
            "--kind",
            "x",
            "--due",
            "2026-01-01",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("annual_report"));
}

#[test]
fn pi_funnel_and_budget_views_print() {
    let home = home();
    let pi = run(&home, &["show", "pi", "鈴木智子", "--width", "100"]);
    assert!(
        pi.contains("9 課題") && pi.contains("期間重複(!) 36組"),
        "{pi}"
    );
    let inst = run(
        &home,
        &["show", "institution", "京都大学", "--width", "100"],
    );
    assert!(inst.contains("9 課題"), "{inst}");
    let funnel = run(
        &home,
        &["show", "funnel", "--fy", "令和6年度", "--width", "100"],
    );
    assert!(
        funnel.contains("2024年度 (2024-04-01〜2025-03-31)"),
        "{funnel}"
    );
    assert!(funnel.contains("停滞（現在） 36"), "{funnel}");
    home.seedline()
        .args(["--db", "f.db", "show", "funnel", "--fy", "来年"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("は年度ではありません"));
    let budget = run(&home, &["show", "budget", "--rows", "phase"]);
    assert!(budget.contains("配分額が登録されていません"), "{budget}");
    home.seedline()
        .args(["--db", "f.db", "show", "budget", "--rows", "colour"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("ip、program、phase のいずれか"));
}
