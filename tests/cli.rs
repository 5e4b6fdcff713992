//! The real binary: init, demo, show dashboard, doctor, and clear one-line errors.

use crate::common::Home;
use predicates::prelude::*;

const THIRD_PERIOD: [&str; 8] = [
    "医薬品",
    "医療機器・ヘルスケア",
    "再生・細胞医療・遺伝子治療",
    "感染症",
    "データ利活用・ライフコース",
    "シーズ開発・基礎研究",
    "橋渡し・臨床加速化",
    "イノベーション・エコシステム",
];

#[test]
fn init_seeds_every_integrated_project_and_the_first_project_shows_them_with_zero_counts() {
    let home = Home::new();
    home.seedline()
        .args(["init", "--db", "x.db"])
        .assert()
        .success();
    // An empty database shows the first steps (tests/first_run.rs); one project brings the
    // matrix, every 3rd-period integrated project in it.
    let mut store = home.store("x.db");
    let mut project = crate::common::fixture::new_project("JP26zz0000001", "最初の課題");
    project.integrated_project = "eco".into();
    project.program = "venture-eco".into();
    store.insert_project(&project).unwrap();
    drop(store);
    let out = home
        .seedline()
        .args(["show", "dashboard", "--db", "x.db", "--width", "120"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for name in THIRD_PERIOD {
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(name))
            .unwrap_or_else(|| panic!("{name} missing:\n{text}"));
        let counts: Vec<&str> = line.split_whitespace().skip(1).collect();
        let expected = if name == "イノベーション・エコシステム" {
            ["1", "0", "0", "0", "0", "1"]
        } else {
            ["0"; 6]
        };
        assert_eq!(counts, expected, "{line}");
    }
}

#[test]
fn after_demo_the_dashboard_shows_projects_in_all_five_phases() {
    let home = Home::new();
    home.seedline()
        .args(["demo", "--db", "y.db", "--projects", "200", "--lang", "en"])
        .assert()
        .success()
        .stdout(predicate::str::contains("200 projects"));
    let out = home
        .seedline()
        .args(["show", "dashboard", "--db", "y.db", "--width", "120"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let total = text
        .lines()
        .find(|l| l.trim_start().starts_with("計"))
        .expect(&text);
    let phase_totals: Vec<i64> = total
        .split_whitespace()
        .skip(1)
        .filter_map(|t| t.replace(',', "").parse().ok())
        .collect();
    assert_eq!(phase_totals.len(), 6, "{total}");
    assert!(phase_totals[..5].iter().all(|n| *n > 0), "{total}");
    assert_eq!(phase_totals[..5].iter().sum::<i64>(), phase_totals[5]);
    assert_eq!(phase_totals[5], 200);
    // English labels on request.
    home.seedline()
        .args(["show", "dashboard", "--db", "y.db", "--lang", "en"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Integrated project").and(predicate::str::contains("Total")),
        );
    // Every line fits the requested width.
    for width in [80usize, 120] {
        let out = home
            .seedline()
            .args([
                "show",
                "dashboard",
                "--db",
                "y.db",
                "--width",
                &width.to_string(),
            ])
            .output()
            .unwrap();
        for line in String::from_utf8(out.stdout).unwrap().lines() {
            assert!(seedline::text::width(line) <= width, "{line}");
        }
    }
}

#[test]
fn doctor_passes_a_healthy_database_and_fails_a_corrupted_copy() {
    let home = Home::new();
    home.seedline()
        .args(["demo", "--db", "ok.db", "--projects", "100"])
        .assert()
        .success();
    home.seedline()
        .args(["doctor", "--db", "ok.db"])
        .assert()
        .success()
        .stdout(predicate::str::contains("ok"));
    // Checkpoint so the whole database is in the main file, then damage page 2 of a copy.
    crate::common::raw(&home.path("ok.db"))
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let mut bytes = std::fs::read(home.path("ok.db")).unwrap();
    for b in &mut bytes[4096..4096 + 2048] {
        *b = 0xA5;
    }
    std::fs::write(home.path("bad.db"), &bytes).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(home.path("bad.db"), std::fs::Permissions::from_mode(0o600)).unwrap();
    home.seedline()
        .args(["doctor", "--db", "bad.db"])
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("データベースの整合性検査で問題が見つかりました")
                .and(predicate::str::contains("panicked").not()),
        );
}

#[test]
fn a_file_that_is_not_a_database_gives_one_clear_line_and_stays_unchanged() {
    let home = Home::new();
    let path = home.path("notes.txt");
    std::fs::write(&path, "これはデータベースではありません\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    home.seedline()
        .args(["show", "dashboard", "--db", "notes.txt"])
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("seedline のデータベースではありません")
                .and(predicate::str::contains("panicked").not()),
        );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "これはデータベースではありません\n"
    );
}

#[test]
fn a_missing_explicit_database_is_not_created_by_a_typo() {
    let home = Home::new();
    home.seedline()
        .args(["show", "dashboard", "--db", "typo.db"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("seedline init"));
    assert!(!home.path("typo.db").exists());
}

#[test]
fn the_demo_database_is_separate_from_the_officers_own() {
    let home = Home::new();
    home.seedline()
        .args(["--demo", "show", "dashboard"])
        .assert()
        .success()
        .stdout(predicate::str::contains("医薬品"));
    assert!(home.path("data/demo.db").exists());
    assert!(
        !home.path("data/seedline.db").exists(),
        "--demo never creates or touches the real database"
    );
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(home.path("data"))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o700);
}

/// `seedline export <kind>` of the fixture to a file: the bytes, checked to be a BOM, then
/// CRLF-terminated lines only; returns the header and the rows.
fn export_lines(kind: &str) -> (String, Vec<String>) {
    let home = Home::new();
    crate::common::fixture::build(&home, "f.db");
    let file = format!("{kind}.csv");
    home.seedline()
        .args(["export", kind, "--db", "f.db", "-o", &file])
        .assert()
        .success();
    let bytes = std::fs::read(home.path(&file)).unwrap();
    let text = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or_else(|| panic!("{kind}: no UTF-8 BOM"));
    let text = String::from_utf8(text.to_vec()).unwrap();
    assert!(!text.starts_with('\u{FEFF}'), "{kind}: one BOM only");
    assert!(text.ends_with("\r\n"), "{kind}: the last line ends in CRLF");
    let lines: Vec<&str> = text.split_terminator("\r\n").collect();
    for line in &lines {
        assert!(
            !line.contains(['\r', '\n']),
            "{kind}: bare CR or LF in {line:?}"
        );
    }
    (
        lines[0].to_string(),
        lines[1..].iter().map(|l| l.to_string()).collect(),
    )
}

#[test]
fn export_notes_writes_every_note_of_the_fixture() {
    let (header, rows) = export_lines("notes");
    assert_eq!(
        header,
        "\"課題管理番号\",\"日付\",\"種別\",\"記録者\",\"役割\",\"本文\",\"フォローアップ期限\",\
         \"フォローアップ完了日時\",\"フォローアップ完了者\""
    );
    assert_eq!(rows.len(), 24, "two notes on each of projects 1-12");
    let done = "\"JP25fx0000005\",\"2026-11-10\",\"サイトビジット\",\"岩崎 美紀\",\"PO\",\
                \"面談メモ5-1: 進捗を確認。次回までに非臨床試験計画を共有いただく。\",\
                \"2026-11-01\",\"2026-11-02T09:00:00.000Z\",\"岩崎 美紀\"";
    assert_eq!(rows.iter().filter(|r| *r == done).count(), 1, "{rows:#?}");
    let plain = "\"JP25fx0000012\",\"2026-10-01\",\"面談・助言\",\"岩崎 美紀\",\"PO\",\
                 \"面談メモ12-0: 進捗を確認。次回までに非臨床試験計画を共有いただく。\",\"\",\"\",\"\"";
    assert_eq!(rows.iter().filter(|r| *r == plain).count(), 1, "{rows:#?}");
}

#[test]
fn export_flags_writes_every_flag_with_its_criteria() {
    let (header, rows) = export_lines("flags");
    assert_eq!(
        header,
        "\"課題管理番号\",\"状態\",\"推薦先事業\",\"理由\",\"競合優位性\",\"競合優位性メモ\",\
         \"知財ポートフォリオ\",\"知財メモ\",\"有効性・安全性・再現性データ\",\"データメモ\",\
         \"登録者\",\"登録日時\",\"決定日時\",\"決定メモ\""
    );
    assert_eq!(rows.len(), 4, "flags on projects 2, 3, 4 and 9");
    let declined = "\"JP25fx0000004\",\"見送り\",\"橋渡し研究プログラム\",\"知財不十分\",\
                    \"一部充足\",\"\",\"不十分\",\"\",\"一部充足\",\"\",\"岩崎 美紀\",\
                    \"2025-06-01T09:00:00.000Z\",\"2025-09-01T09:00:00.000Z\",\
                    \"知財ポートフォリオ不十分のため見送り\"";
    assert_eq!(
        rows.iter().filter(|r| *r == declined).count(),
        1,
        "{rows:#?}"
    );
    let mut projects: Vec<&str> = rows.iter().map(|r| &r[1..14]).collect();
    projects.sort();
    assert_eq!(
        projects,
        [
            "JP25fx0000002",
            "JP25fx0000003",
            "JP25fx0000004",
            "JP25fx0000009"
        ]
    );
}

#[test]
fn export_gates_writes_every_decision() {
    let (header, rows) = export_lines("gates");
    assert_eq!(
        header,
        "\"課題管理番号\",\"ゲート\",\"判定日\",\"判定\",\"メモ\",\"記録者\""
    );
    let mut rows = rows;
    rows.sort();
    assert_eq!(
        rows,
        [
            "\"JP25fx0000003\",\"SG2\",\"2025-10-01\",\"Go\",\"評価委員会にてGo判定\",\"大野 恵子\"",
            "\"JP25fx0000008\",\"SG3\",\"2026-06-01\",\"No-Go\",\"有効性データ不十分\",\"大野 恵子\"",
        ]
    );
}

/// The CLI's date options read what the forms read (one parser): slashes, era dates and days
/// counted from today (`SEEDLINE_TODAY` is 2026-11-25 here); a bad one lists the accepted forms.
#[test]
fn date_options_read_slashes_era_dates_and_days_from_today() {
    let home = Home::new();
    let db = crate::common::fixture::build(&home, "dates.db");
    let db = db.to_str().unwrap();
    home.seedline()
        .args([
            "--db",
            db,
            "note",
            "add",
            "JP25fx0000020",
            "--kind",
            "meeting",
        ])
        .args(["--body", "x", "--date", "2026/11/2", "--follow-up", "来週"])
        .assert()
        .success();
    home.seedline()
        .args([
            "--db",
            db,
            "deadline",
            "add",
            "JP25fx0000020",
            "--kind",
            "中間評価",
        ])
        .args(["--due", "R8.12.11", "--title", "中間評価"])
        .assert()
        .success();
    let conn = crate::common::raw(std::path::Path::new(db));
    let (on, follow_up): (String, String) = conn
        .query_row(
            "SELECT occurred_on, follow_up_on FROM note WHERE body = 'x'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (on.as_str(), follow_up.as_str()),
        ("2026-11-02", "2026-12-02")
    );
    let due: String = conn
        .query_row("SELECT due_on FROM deadline", [], |r| r.get(0))
        .unwrap();
    assert_eq!(due, "2026-12-11");
    home.seedline()
        .args([
            "--db",
            db,
            "note",
            "add",
            "JP25fx0000020",
            "--kind",
            "meeting",
        ])
        .args(["--body", "x", "--follow-up", "soon"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "--follow-up: 'soon' は日付として読めません。使える形: 2026-12-11, 2026/12/11",
        ));
}
