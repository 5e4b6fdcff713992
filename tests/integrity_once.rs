//! Integrity checks once per database per day, not once per session: the first session of the
//! day claims and records the check, the others start with none; a file left open by no one is
//! checked whatever the day; a recorded failure reaches every new session until `seedline doctor`
//! records a clean check.

use crate::common::{Home, TODAY, raw, today};
use crate::ui::Harness;
use seedline::Lang;
use seedline::drafts::DraftFile;
use seedline::store::{CheckReason, IntegrityPlan, OpenOptions, Store};
use seedline::tui::Runtime;
use seedline::ui::theme::Theme;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

fn session(path: &std::path::Path, who: &str) -> Store {
    let mut store = Store::open(path, OpenOptions::EXISTING).unwrap();
    store.set_actor(who);
    store
}

/// The recorded checks: (reason, day, finished, result, by).
fn rows(path: &std::path::Path) -> Vec<(String, String, bool, Option<String>, String)> {
    let conn = raw(path);
    let mut stmt = conn
        .prepare(
            "SELECT reason, day, finished_at IS NOT NULL, result, by_actor FROM integrity_check
             ORDER BY id",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

fn claim_of(plan: IntegrityPlan) -> i64 {
    match plan {
        IntegrityPlan::Run {
            claim: Some(claim), ..
        } => claim,
        other => panic!("expected a claimed check, got {other:?}"),
    }
}

#[test]
fn sessions_opened_the_same_day_check_once_and_the_next_day_checks_again() {
    let home = Home::new();
    let path = home.path("t.db");
    drop(home.store("t.db"));
    let mut first = session(&path, "sato");
    let claim = claim_of(first.integrity_plan(today()).unwrap());
    // A colleague opening while the first session's check runs starts with none.
    let mut second = session(&path, "suzuki");
    assert!(!second.was_left_open(), "the first session holds the file");
    assert_eq!(second.integrity_plan(today()).unwrap(), IntegrityPlan::Skip);
    first.finish_integrity_check(claim, None).unwrap();
    let mut third = session(&path, "tanaka");
    assert_eq!(third.integrity_plan(today()).unwrap(), IntegrityPlan::Skip);
    assert_eq!(
        rows(&path),
        vec![(
            "daily".into(),
            TODAY.into(),
            true,
            Some("ok".into()),
            "sato".into()
        )],
        "one check, recorded by the first session"
    );
    let last = third.last_integrity_check().unwrap().unwrap();
    assert!(last.is_ok());
    assert_eq!(last.by_actor, "sato");
    // The next morning the first session to open checks again.
    let tomorrow = today().succ_opt().unwrap();
    let claim = claim_of(third.integrity_plan(tomorrow).unwrap());
    assert_eq!(
        second.integrity_plan(tomorrow).unwrap(),
        IntegrityPlan::Skip
    );
    third.finish_integrity_check(claim, None).unwrap();
    assert_eq!(rows(&path).len(), 2);
    assert_eq!(rows(&path)[1].1, "2026-11-26");
}

#[test]
fn a_stale_claim_is_retaken_and_a_fresh_one_is_left_alone() {
    let home = Home::new();
    let path = home.path("t.db");
    drop(home.store("t.db"));
    let claim = |age: &str| {
        raw(&path)
            .execute(
                "INSERT INTO integrity_check (kind, reason, day, started_at, by_actor)
                 VALUES ('quick', 'daily', ?1,
                         strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?2), 'gone')",
                [TODAY, age],
            )
            .unwrap();
    };
    claim("-2 minutes");
    let mut store = session(&path, "sato");
    assert_eq!(
        store.integrity_plan(today()).unwrap(),
        IntegrityPlan::Skip,
        "a check started two minutes ago is under way"
    );
    raw(&path)
        .execute("DELETE FROM integrity_check", [])
        .unwrap();
    claim("-1 hour");
    let mine = claim_of(store.integrity_plan(today()).unwrap());
    let left = rows(&path);
    assert_eq!(
        left.len(),
        1,
        "the dead session's claim is replaced: {left:?}"
    );
    assert_eq!(left[0].4, "sato");
    store.finish_integrity_check(mine, None).unwrap();
    assert_eq!(rows(&path)[0].3.as_deref(), Some("ok"));
}

#[test]
fn a_database_left_open_by_no_one_is_checked_whatever_the_day() {
    let home = Home::new();
    let path = home.path("t.db");
    drop(home.store("t.db"));
    let mut live = session(&path, "sato");
    let claim = claim_of(live.integrity_plan(today()).unwrap());
    live.finish_integrity_check(claim, None).unwrap();
    // The file as a host that lost power leaves it: the log full, no one holding it open.
    let crashed = home.path("crashed.db");
    std::fs::copy(&path, &crashed).unwrap();
    std::fs::copy(home.path("t.db-wal"), home.path("crashed.db-wal")).unwrap();
    let mut after = session(&crashed, "suzuki");
    assert!(after.was_left_open());
    let claim = match after.integrity_plan(today()).unwrap() {
        IntegrityPlan::Run {
            reason: CheckReason::Unclean,
            claim: Some(claim),
        } => claim,
        other => panic!("a check after an unclean shutdown, got {other:?}"),
    };
    // Another session opening meanwhile finds this one holding the file: no second check.
    let mut other = session(&crashed, "tanaka");
    assert!(!other.was_left_open());
    assert_eq!(other.integrity_plan(today()).unwrap(), IntegrityPlan::Skip);
    after.finish_integrity_check(claim, None).unwrap();
    let recorded = rows(&crashed);
    assert_eq!(recorded.len(), 2, "{recorded:?}");
    assert_eq!(recorded[1].0, "unclean");
    // Closed cleanly, the original is not "left open": today's clean check stands.
    drop(live);
    let mut again = session(&path, "tanaka");
    assert!(!again.was_left_open());
    assert_eq!(again.integrity_plan(today()).unwrap(), IntegrityPlan::Skip);
}

#[test]
fn a_read_only_session_checks_without_recording() {
    let home = Home::new();
    let path = home.path("t.db");
    drop(home.store("t.db"));
    let mut reader = Store::open_with(&path, OpenOptions::EXISTING, true).unwrap();
    assert_eq!(
        reader.integrity_plan(today()).unwrap(),
        IntegrityPlan::Run {
            reason: CheckReason::Daily,
            claim: None
        }
    );
    assert!(
        rows(&path).is_empty(),
        "nothing written by a read-only open"
    );
}

/// A session started as the TUI starts on a file whose last recorded check failed.
fn start_on_failed(lang: Lang) -> Option<String> {
    let t = Harness::new(lang, 100, 30);
    raw(t.store.path())
        .execute(
            "INSERT INTO integrity_check
                 (kind, reason, day, started_at, finished_at, result, by_actor)
             VALUES ('quick', 'daily', ?1, '2026-11-25T00:00:00.000Z', '2026-11-25T00:00:05.000Z',
                     '*** in database main *** Page 42: btreeInitPage() returns error code 11',
                     'sato')",
            [TODAY],
        )
        .unwrap();
    let drafts = DraftFile::for_db(&t.home.path("state"), t.store.path());
    let signal = Arc::new(AtomicUsize::new(0));
    let Harness { app, store, home } = t;
    let runtime = Runtime::new(store, app, drafts, Theme::monochrome(), signal).unwrap();
    assert!(
        !runtime.integrity_running(),
        "a known failure is not checked again"
    );
    let status = runtime.app().status.clone();
    drop(home);
    status
}

#[test]
fn a_recorded_failure_is_shown_to_every_session_that_opens_the_file() {
    let ja = start_on_failed(Lang::Ja).expect("a status");
    assert!(
        ja.starts_with(
            "データベースの整合性検査で問題が見つかりました（*** in database main *** Page 42"
        ),
        "{ja}"
    );
    assert!(ja.contains("seedline doctor"), "{ja}");
    let en = start_on_failed(Lang::En).expect("a status");
    assert!(
        en.starts_with("database failed integrity check (*** in database main *** Page 42"),
        "{en}"
    );
}

#[test]
fn doctor_shows_the_last_check_and_a_clean_run_clears_a_recorded_failure() {
    let home = Home::new();
    let path = home.path("t.db");
    drop(home.store("t.db"));
    raw(&path)
        .execute(
            "INSERT INTO integrity_check
                 (kind, reason, day, started_at, finished_at, result, by_actor)
             VALUES ('quick', 'daily', '2026-11-24', '2026-11-24T00:00:00.000Z',
                     '2026-11-24T00:00:05.000Z', 'Page 42: never used', 'sato')",
            [],
        )
        .unwrap();
    let mut store = session(&path, "suzuki");
    assert!(matches!(
        store.integrity_plan(today()).unwrap(),
        IntegrityPlan::Failed(last) if last.result == "Page 42: never used"
    ));
    drop(store);
    let out = home
        .seedline()
        .args(["--db", "t.db", "doctor"])
        .assert()
        .success();
    let ja = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        ja.contains("前回の整合性検査: 2026-11-24 ")
            && ja.contains("簡易検査（その日最初の起動、sato）: 問題あり: Page 42: never used"),
        "{ja}"
    );
    let out = home
        .seedline()
        .args(["--db", "t.db", "--lang", "en", "doctor"])
        .assert()
        .success();
    let en = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        en.contains("last integrity check: ") && en.contains(", full check (seedline doctor, by "),
        "{en}"
    );
    assert!(en.contains("): ok\n"), "{en}");
    // The clean full check is today's: a new session starts with none and no failure.
    let mut store = session(&path, "tanaka");
    assert_eq!(store.integrity_plan(today()).unwrap(), IntegrityPlan::Skip);
    let recorded = rows(&path);
    assert_eq!(recorded.len(), 3, "{recorded:?}");
    assert_eq!(recorded[1].0, "doctor");
}

#[test]
fn a_real_session_records_the_days_check_and_leaves_the_file_closed_cleanly() {
    use crate::pty::{Tui, command, demo_home, list_count, seedline_bin, wait_dashboard};
    let (home, db) = demo_home();
    let mut cmd = command(&home, seedline_bin());
    cmd.arg("--db").arg(&db);
    let keep = home.path("kept.db");
    let mut tui = Tui::spawn(home, cmd, 80, 24);
    wait_dashboard(&mut tui);
    // A list loads on the list worker's own connection, which must close before the session's.
    tui.send("jl\r");
    tui.wait_for("a cell's list", |s| list_count(s).is_some());
    tui.send("\x1bq");
    tui.assert_exit_code(0);
    let wal = home_path(&db, "-wal");
    assert!(
        std::fs::metadata(&wal).map_or(0, |m| m.len()) == 0,
        "the last session out leaves no log behind"
    );
    let recorded = rows(&db);
    assert_eq!(recorded.len(), 1, "{recorded:?}");
    assert_eq!(
        (recorded[0].0.as_str(), recorded[0].1.as_str()),
        ("daily", TODAY)
    );
    assert_eq!(recorded[0].3.as_deref(), Some("ok"));
    std::fs::copy(&db, &keep).unwrap();
    let mut next = session(&keep, "suzuki");
    assert!(!next.was_left_open());
    assert_eq!(next.integrity_plan(today()).unwrap(), IntegrityPlan::Skip);
}

fn home_path(db: &std::path::Path, suffix: &str) -> std::path::PathBuf {
    let mut name = db.as_os_str().to_os_string();
    name.push(suffix);
    name.into()
}
