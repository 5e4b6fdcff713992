//! Officer workflow through the store and the CLI: notes with revisions and soft delete,
//! follow-ups, highway flags, gates, phase moves, history, conflicts, and several writers at once.

use crate::common::{Home, fixture, raw};
use predicates::prelude::*;
use seedline::Error;
use seedline::model::{
    Author, Criteria, FlagStatus, NewFlag, NewNote, NoteKind, Phase, PhaseMove, parse_date,
};
use seedline::store::{OpenOptions, Store};

fn author(name: &str) -> Author {
    Author::new(Some(name), Some("PO"), "test")
}

fn note(body: &str) -> NewNote {
    NewNote {
        kind: NoteKind::Meeting,
        body: body.into(),
        occurred_on: parse_date("2026-11-20").unwrap(),
        follow_up_on: parse_date("2026-12-01"),
    }
}

fn audit_rows(path: &std::path::Path) -> i64 {
    raw(path)
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_note_edit_keeps_the_earlier_text_and_a_stale_save_is_a_conflict() {
    let home = Home::new();
    let path = fixture::build(&home, "w.db");
    let mut a = Store::open(&path, OpenOptions { create: false }).unwrap();
    let mut b = Store::open(&path, OpenOptions { create: false }).unwrap();
    let id = a
        .add_note(20, &note("最初の記録"), &author("岩崎 美紀"))
        .unwrap();
    // Both sessions loaded version 1; A saves first.
    a.edit_note(id, 1, "Aの修正", &author("岩崎 美紀")).unwrap();
    let err = b
        .edit_note(id, 1, "Bの修正", &author("野口 健太"))
        .unwrap_err();
    match &err {
        Error::Conflict { by, .. } => assert_eq!(by, "岩崎 美紀"),
        other => panic!("expected a conflict, got {other}"),
    }
    assert!(
        err.to_string().contains("changed by 岩崎 美紀 at 20"),
        "{err}"
    );
    // B saves as a new revision on top of the current version: both texts stay in history.
    b.edit_note(id, 2, "Bの修正", &author("野口 健太")).unwrap();
    let revisions = a.note_revisions(id).unwrap();
    let bodies: Vec<&str> = revisions.iter().map(|r| r.1.as_str()).collect();
    assert_eq!(bodies, ["最初の記録", "Aの修正"]);
    let detail = a.project_detail(20).unwrap();
    assert_eq!(detail.notes[0].body, "Bの修正");
}

#[test]
fn one_audit_row_per_change_and_none_for_a_refused_one() {
    let home = Home::new();
    let path = fixture::build(&home, "w.db");
    let mut s = Store::open(&path, OpenOptions { create: false }).unwrap();
    let before = audit_rows(&path);
    let id = s.add_note(20, &note("記録"), &author("岩崎 美紀")).unwrap();
    assert_eq!(audit_rows(&path), before + 1);
    assert!(s.add_note(20, &note(""), &author("岩崎 美紀")).is_err());
    assert!(
        s.add_note(9999, &note("x"), &author("岩崎 美紀")).is_err(),
        "missing project"
    );
    assert!(
        s.edit_note(id, 7, "x", &author("岩崎 美紀")).is_err(),
        "stale version"
    );
    assert_eq!(
        audit_rows(&path),
        before + 1,
        "refused changes leave no audit row"
    );
    s.delete_note(id, &author("岩崎 美紀")).unwrap();
    assert!(
        s.project_detail(20)
            .unwrap()
            .notes
            .iter()
            .all(|n| n.id != id),
        "deleted notes are hidden"
    );
    s.restore_note(id).unwrap();
    assert!(
        s.project_detail(20)
            .unwrap()
            .notes
            .iter()
            .any(|n| n.id == id),
        "and can come back"
    );
    s.complete_follow_up(id, &author("岩崎 美紀")).unwrap();
    let done = &s.project_detail(20).unwrap().notes[0];
    assert_eq!(done.follow_up_done.as_ref().unwrap().0, "岩崎 美紀");
    assert_eq!(audit_rows(&path), before + 4);
}

#[test]
fn a_flag_moves_through_its_pipeline_with_history_and_one_open_at_a_time() {
    let home = Home::new();
    let path = fixture::build(&home, "w.db");
    let mut s = Store::open(&path, OpenOptions { create: false }).unwrap();
    let flag = NewFlag {
        target_program_id: 1,
        reason: "非臨床POC取得".into(),
        criteria: Criteria::default(),
        status: FlagStatus::Candidate,
    };
    let id = s.add_flag(20, &flag, &author("野口 健太")).unwrap();
    assert!(
        s.add_flag(20, &flag, &author("野口 健太"))
            .unwrap_err()
            .to_string()
            .contains("already has an open")
    );
    assert!(
        s.move_flag(id, 1, FlagStatus::Accepted, "早すぎ", &author("大野 恵子"))
            .is_err()
    );
    s.move_flag(
        id,
        1,
        FlagStatus::Recommended,
        "推薦書送付",
        &author("大野 恵子"),
    )
    .unwrap();
    let stale = s
        .move_flag(id, 1, FlagStatus::Withdrawn, "x", &author("野口 健太"))
        .unwrap_err();
    assert!(matches!(stale, Error::Conflict { .. }), "{stale}");
    s.move_flag(id, 2, FlagStatus::Accepted, "採用", &author("大野 恵子"))
        .unwrap();
    let d = s.project_detail(20).unwrap();
    let f = &d.flags[0];
    assert_eq!(f.status, FlagStatus::Accepted);
    let moves: Vec<_> = f.moves.iter().map(|m| (m.1, m.2.as_str())).collect();
    assert_eq!(
        moves,
        [
            (FlagStatus::Candidate, "野口 健太"),
            (FlagStatus::Recommended, "大野 恵子"),
            (FlagStatus::Accepted, "大野 恵子")
        ]
    );
    // Decided: a new flag may be opened.
    assert!(s.add_flag(20, &flag, &author("野口 健太")).is_ok());
    let actions: Vec<String> = s
        .history(20)
        .unwrap()
        .into_iter()
        .map(|h| h.action)
        .collect();
    assert_eq!(
        actions[..4],
        ["flag.add", "flag.move", "flag.move", "flag.add"],
        "newest first"
    );
}

#[test]
fn a_phase_move_updates_the_dashboard_and_a_stale_one_is_refused() {
    let home = Home::new();
    let path = fixture::build(&home, "w.db");
    let mut s = Store::open(&path, OpenOptions { create: false }).unwrap();
    let today = crate::common::today();
    let (phase, version) = s.project_phase(20).unwrap();
    assert_eq!(phase, Phase::Practical);
    let before = s.headline(today).unwrap().per_phase;
    let change = PhaseMove {
        to: Phase::Clinical,
        on: today,
        reason: "再評価".into(),
    };
    s.move_phase(20, Some(version), &change, &author("大野 恵子"))
        .unwrap();
    let after = s.headline(today).unwrap().per_phase;
    assert_eq!(
        after[Phase::Practical.index()],
        before[Phase::Practical.index()] - 1
    );
    assert_eq!(
        after[Phase::Clinical.index()],
        before[Phase::Clinical.index()] + 1
    );
    let err = s
        .move_phase(
            20,
            Some(version),
            &PhaseMove {
                to: Phase::Basic,
                ..change
            },
            &author("野口 健太"),
        )
        .unwrap_err();
    assert!(matches!(err, Error::Conflict { .. }), "{err}");
    let history = s.project_detail(20).unwrap().phase_history;
    assert_eq!(history.last().unwrap().to, Phase::Clinical);
    assert_eq!(history.last().unwrap().by, "大野 恵子");
}

#[test]
fn cli_workflow_round_trip() {
    let home = Home::new();
    fixture::build(&home, "c.db");
    let run = |args: &[&str]| home.seedline().args(args).args(["--db", "c.db"]).assert();
    run(&[
        "note",
        "add",
        "JP25fx0000020",
        "--kind",
        "site-visit",
        "--body",
        "GMP体制を確認",
        "--follow-up",
        "2026-12-01",
    ])
    .success()
    .stdout(predicate::str::contains("追加しました"));
    home.seedline()
        .args([
            "note",
            "add",
            "JP25fx0000020",
            "--kind",
            "PMDA相談",
            "--db",
            "c.db",
        ])
        .write_stdin("標準入力の\n複数行の記録\n")
        .assert()
        .success();
    run(&[
        "note",
        "add",
        "JP25fx0000020",
        "--kind",
        "lunch",
        "--body",
        "x",
    ])
    .failure()
    .stderr(predicate::str::contains("--kind"));
    run(&[
        "note",
        "add",
        "JP25fx0000020",
        "--kind",
        "meeting",
        "--body",
        "x",
        "--date",
        "2024-02-30",
    ])
    .failure()
    .stderr(predicate::str::contains("という日はありません"));
    run(&["note", "add", "JP99", "--kind", "meeting", "--body", "x"])
        .failure()
        .stderr(predicate::str::contains("課題が見つかりません"));
    run(&[
        "flag",
        "JP25fx0000020",
        "--to",
        "革新的がん医療実用化研究事業",
        "--reason",
        "有望",
        "--competitive",
        "sufficient:先行",
    ])
    .success();
    run(&[
        "flag",
        "JP25fx0000020",
        "--status",
        "recommended",
        "--reason",
        "推薦書",
    ])
    .success();
    run(&[
        "gate",
        "add",
        "JP25fx0000020",
        "--gate",
        "SG2",
        "--decision",
        "no-go",
        "--note",
        "データ不足",
    ])
    .success();
    run(&["phase", "JP25fx0000020", "--to", "臨床"]).success();
    run(&["show", "highway"])
        .success()
        .stdout(predicate::str::contains("JP25fx0000020"));
    run(&["show", "project", "JP25fx0000020"]).success().stdout(
        predicate::str::contains("標準入力の")
            .and(predicate::str::contains("推薦"))
            .and(predicate::str::contains("No-Go")),
    );
    let history = run(&["history", "JP25fx0000020"])
        .success()
        .get_output()
        .stdout
        .clone();
    let history = String::from_utf8(history).unwrap();
    let actions: Vec<&str> = history
        .lines()
        .map(|l| l.split("  ").nth(2).unwrap_or(""))
        .collect();
    assert_eq!(
        actions[..6],
        [
            "phase.move",
            "gate.add",
            "flag.move",
            "flag.add",
            "note.add",
            "note.add"
        ]
    );
}

/// Worker body for the concurrency test: runs in a child process (this test binary re-executed).
fn concurrency_worker(path: &str, worker: usize) {
    let mut s = Store::open(std::path::Path::new(path), OpenOptions { create: false }).unwrap();
    let me = author(&format!("worker{worker}"));
    let project = 1 + worker as i64 * 10;
    for i in 0..250 {
        s.add_note(project, &note(&format!("worker {worker} note {i}")), &me)
            .unwrap();
        if i % 25 == 0 {
            match s.open_flag(project).unwrap() {
                Some((flag, _, version)) => s
                    .move_flag(flag, version, FlagStatus::Withdrawn, "toggle", &me)
                    .unwrap(),
                None => {
                    let flag = NewFlag {
                        target_program_id: 1,
                        reason: "toggle".into(),
                        criteria: Criteria::default(),
                        status: FlagStatus::Candidate,
                    };
                    s.add_flag(project, &flag, &me).unwrap();
                }
            }
        }
    }
}

#[test]
fn four_processes_writing_at_once_lose_nothing() {
    if let (Ok(path), Ok(worker)) = (
        std::env::var("SEEDLINE_WORKER_DB"),
        std::env::var("SEEDLINE_WORKER"),
    ) {
        concurrency_worker(&path, worker.parse().unwrap());
        return;
    }
    let home = Home::new();
    let path = fixture::build(&home, "many.db");
    let before: i64 = raw(&path)
        .query_row("SELECT count(*) FROM note", [], |r| r.get(0))
        .unwrap();
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = (0..4)
        .map(|w| {
            std::process::Command::new(&exe)
                .args([
                    "--exact",
                    "workflow::four_processes_writing_at_once_lose_nothing",
                    "--nocapture",
                    "--test-threads=1",
                ])
                .env("SEEDLINE_WORKER_DB", &path)
                .env("SEEDLINE_WORKER", w.to_string())
                .output_spawned()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "worker failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let conn = raw(&path);
    let notes: i64 = conn
        .query_row("SELECT count(*) FROM note", [], |r| r.get(0))
        .unwrap();
    assert_eq!(notes - before, 1000);
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let audits: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'note.add'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audits, 1000);
}

trait SpawnQuiet {
    fn output_spawned(&mut self) -> std::process::Child;
}

impl SpawnQuiet for std::process::Command {
    fn output_spawned(&mut self) -> std::process::Child {
        self.stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    }
}
