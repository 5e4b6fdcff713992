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
fn init_then_show_lists_every_integrated_project_with_zero_counts() {
    let home = Home::new();
    home.seedline()
        .args(["init", "--db", "x.db"])
        .assert()
        .success();
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
        assert_eq!(counts, ["0"; 6], "{line}");
    }
}

#[test]
fn after_demo_the_dashboard_shows_projects_in_all_five_phases() {
    let home = Home::new();
    home.seedline()
        .args(["demo", "--db", "y.db", "--projects", "200"])
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
            predicate::str::contains("database failed integrity check")
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
            predicate::str::contains("not a seedline database")
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
