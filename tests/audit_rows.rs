//! Every write of `Store` leaves exactly one audit row naming the action, the entity (type and id),
//! the session's actor and, where the write has an author, the officer; a refused write leaves
//! none (quality case 9). One row of the table per write method, each on a fresh fixture database.
//!
//! Fixture facts used (see tests/common/fixture.rs): project `k` (1–12) holds notes `2k-1` and
//! `2k`; note 2 (project 1) has a pending follow-up, note 10 (project 5) one done. Flag 1 is project
//! 3's (recommended), 2 is project 2's (candidate), 3 is project 9's (candidate). Projects 13–45
//! hold no notes, flags or deadlines.

use crate::common::{Home, fixture, raw, today};
use seedline::model::{
    AttachmentKind, Author, Criteria, CriterionStatus, DeadlineKind, FiscalYear, FlagStatus,
    GateDecision, NewAttachment, NewDeadline, NewFlag, NewGate, NewNote, NoteKind, OfficerRole,
    Phase, PhaseMove, parse_date,
};
use seedline::store::{BulkNote, ImportMode, Store};

const ACTOR: &str = "audit-actor";
const OFFICER: &str = "岩崎 美紀";

fn author() -> Author {
    Author::new(Some(OFFICER), Some("PO"), "iwasaki")
}

fn note() -> NewNote {
    NewNote {
        kind: NoteKind::Meeting,
        body: "監査テストの記録".into(),
        occurred_on: parse_date("2026-11-20").unwrap(),
        follow_up_on: parse_date("2026-12-01"),
    }
}

fn deadline() -> NewDeadline {
    NewDeadline {
        kind: DeadlineKind::AnnualReport,
        title: "年次報告".into(),
        due_on: parse_date("2026-12-15").unwrap(),
    }
}

fn attachment() -> NewAttachment {
    NewAttachment {
        note_id: None,
        flag_id: None,
        target: "/srv/amed/報告書.pdf".into(),
        label: "報告書".into(),
        kind: AttachmentKind::Report,
        dated_on: None,
        sha256: None,
    }
}

fn flag_version(s: &Store, project_id: i64) -> i64 {
    s.open_flag(project_id).unwrap().unwrap().2
}

/// The audit row a write should leave.
#[derive(Debug, PartialEq)]
struct Row {
    action: String,
    entity: String,
    entity_id: Option<i64>,
    actor: String,
    /// `detail.officer`: the officer the write was made as (absent for writes without an author).
    officer: Option<String>,
}

fn row(action: &str, entity: &str, entity_id: Option<i64>, officer: Option<&str>) -> Row {
    Row {
        action: action.into(),
        entity: entity.into(),
        entity_id,
        actor: ACTOR.into(),
        officer: officer.map(str::to_string),
    }
}

/// One write: `setup` prepares what it needs (its rows are not counted) and returns an id for
/// `write`, the write under test.
struct Case {
    name: &'static str,
    setup: fn(&mut Store) -> i64,
    write: fn(&mut Store, i64),
    expect: Row,
}

fn nothing(_: &mut Store) -> i64 {
    0
}

fn cases() -> Vec<Case> {
    let me = Some(OFFICER);
    vec![
        Case {
            name: "note add",
            setup: nothing,
            write: |s, _| {
                s.add_note(20, &note(), &author()).unwrap();
            },
            expect: row("note.add", "project", Some(20), me),
        },
        Case {
            name: "note edit",
            setup: nothing,
            write: |s, _| {
                let v = s.note_version(3).unwrap();
                s.edit_note(3, v, "書き直した記録", &author()).unwrap();
            },
            expect: row("note.edit", "project", Some(2), me),
        },
        Case {
            name: "note delete",
            setup: nothing,
            write: |s, _| s.delete_note(3, &author()).unwrap(),
            expect: row("note.delete", "project", Some(2), me),
        },
        Case {
            name: "note restore",
            setup: |s| {
                s.delete_note(3, &author()).unwrap();
                3
            },
            write: |s, id| s.restore_note(id).unwrap(),
            expect: row("note.restore", "project", Some(2), None),
        },
        Case {
            name: "follow-up done",
            setup: nothing,
            write: |s, _| s.complete_follow_up(2, &author()).unwrap(),
            expect: row("followup.done", "project", Some(1), me),
        },
        Case {
            name: "follow-up reopen",
            setup: nothing,
            write: |s, _| s.reopen_follow_up(10).unwrap(),
            expect: row("followup.reopen", "project", Some(5), None),
        },
        Case {
            name: "flag add",
            setup: nothing,
            write: |s, _| {
                let flag = NewFlag {
                    target_program_id: 1,
                    reason: "非臨床POC取得".into(),
                    criteria: Criteria::default(),
                    status: FlagStatus::Candidate,
                };
                s.add_flag(20, &flag, &author()).unwrap();
            },
            expect: row("flag.add", "project", Some(20), me),
        },
        Case {
            name: "flag move",
            setup: nothing,
            write: |s, _| {
                let v = flag_version(s, 2);
                s.move_flag(2, v, FlagStatus::Recommended, "推薦書送付", &author())
                    .unwrap();
            },
            expect: row("flag.move", "project", Some(2), me),
        },
        Case {
            name: "flag revert (undo)",
            setup: nothing,
            write: |s, _| s.revert_flag(1, FlagStatus::Candidate, &author()).unwrap(),
            expect: row("flag.move", "project", Some(3), me),
        },
        Case {
            name: "flag criteria",
            setup: nothing,
            write: |s, _| {
                let v = flag_version(s, 9);
                let criteria = Criteria {
                    competitive: (CriterionStatus::Sufficient, "先行".into()),
                    ..Criteria::default()
                };
                s.update_flag_criteria(3, v, &criteria, &author()).unwrap();
            },
            expect: row("flag.criteria", "project", Some(9), me),
        },
        Case {
            name: "gate",
            setup: nothing,
            write: |s, _| {
                let gate = NewGate {
                    gate: "SG2".into(),
                    decided_on: parse_date("2026-11-20").unwrap(),
                    decision: GateDecision::Go,
                    note: String::new(),
                };
                s.add_gate(21, &gate, &author()).unwrap();
            },
            expect: row("gate.add", "project", Some(21), me),
        },
        Case {
            name: "gate settling a scheduled stage gate",
            setup: |s| {
                let d = NewDeadline {
                    kind: DeadlineKind::StageGate,
                    ..deadline()
                };
                s.add_deadline(21, &d, &author()).unwrap()
            },
            write: |s, _| {
                let gate = NewGate {
                    gate: "SG2".into(),
                    decided_on: parse_date("2026-11-20").unwrap(),
                    decision: GateDecision::Go,
                    note: String::new(),
                };
                s.add_gate(21, &gate, &author()).unwrap();
            },
            expect: row("gate.add", "project", Some(21), me),
        },
        Case {
            name: "phase move",
            setup: nothing,
            write: |s, _| {
                let (_, v) = s.project_phase(21).unwrap();
                let change = PhaseMove {
                    to: Phase::Clinical,
                    on: today(),
                    reason: "再評価".into(),
                };
                s.move_phase(21, Some(v), &change, &author()).unwrap();
            },
            expect: row("phase.move", "project", Some(21), me),
        },
        Case {
            name: "watch add",
            setup: nothing,
            write: |s, _| assert!(s.set_watch(22, OFFICER, Some(true)).unwrap()),
            expect: row("watch.add", "project", Some(22), None),
        },
        Case {
            name: "watch remove",
            setup: |s| {
                s.set_watch(22, OFFICER, Some(true)).unwrap();
                22
            },
            write: |s, id| assert!(!s.set_watch(id, OFFICER, None).unwrap()),
            expect: row("watch.remove", "project", Some(22), None),
        },
        Case {
            name: "deadline add",
            setup: nothing,
            write: |s, _| {
                s.add_deadline(23, &deadline(), &author()).unwrap();
            },
            expect: row("deadline.add", "project", Some(23), me),
        },
        Case {
            name: "deadline done",
            setup: |s| s.add_deadline(23, &deadline(), &author()).unwrap(),
            write: |s, id| {
                s.set_deadline_done(id, Some(1), Some(today()), &author())
                    .unwrap()
            },
            expect: row("deadline.done", "project", Some(23), me),
        },
        Case {
            name: "deadline reopen",
            setup: |s| {
                let id = s.add_deadline(23, &deadline(), &author()).unwrap();
                s.set_deadline_done(id, Some(1), Some(today()), &author())
                    .unwrap();
                id
            },
            write: |s, id| s.set_deadline_done(id, Some(2), None, &author()).unwrap(),
            expect: row("deadline.reopen", "project", Some(23), me),
        },
        Case {
            name: "attachment add",
            setup: nothing,
            write: |s, _| {
                s.add_attachment(24, &attachment(), &author()).unwrap();
            },
            expect: row("attachment.add", "project", Some(24), me),
        },
        Case {
            name: "attachment remove",
            setup: |s| s.add_attachment(24, &attachment(), &author()).unwrap(),
            write: |s, id| s.remove_attachment(id, &author()).unwrap(),
            expect: row("attachment.remove", "project", Some(24), me),
        },
        Case {
            name: "budget set",
            setup: nothing,
            write: |s, _| s.set_budget(25, FiscalYear(2026), 5_000).unwrap(),
            expect: row("budget.set", "project", Some(25), None),
        },
        Case {
            name: "budget import (many rows, one audit row)",
            setup: nothing,
            write: |s, _| {
                let rows = [
                    (25, FiscalYear(2025), 1_000),
                    (25, FiscalYear(2026), 2_000),
                    (26, FiscalYear(2026), 3_000),
                ];
                s.import_budgets(&rows).unwrap();
            },
            expect: row("budget.import", "database", None, None),
        },
        Case {
            name: "project insert",
            setup: nothing,
            write: |s, _| {
                let id = s
                    .insert_project(&fixture::new_project("JP26au0000001", "監査の課題"))
                    .unwrap();
                assert_eq!(id, 46);
            },
            expect: row("project.create", "project", Some(46), None),
        },
        Case {
            name: "project import (many rows, one audit row)",
            setup: nothing,
            write: |s, _| {
                let rows = [
                    fixture::new_project("JP26au0000001", "一つ目"),
                    fixture::new_project("JP26au0000002", "二つ目"),
                ];
                s.import_projects(&rows, ImportMode::Insert, today(), "in.csv")
                    .unwrap();
            },
            expect: row("import", "database", None, None),
        },
        Case {
            name: "project import, upsert of a changed project",
            setup: nothing,
            write: |s, _| {
                let mut p = fixture::new_project("JP25fx0000001", "題名を改めた課題");
                p.program = "cancer-practical".into();
                let counts = s
                    .import_projects(&[p], ImportMode::Upsert, today(), "in.csv")
                    .unwrap();
                assert_eq!(counts.updated, 1);
            },
            expect: row("import", "database", None, None),
        },
        Case {
            name: "export",
            setup: nothing,
            write: |s, _| s.record_export("notes", 24, "-").unwrap(),
            expect: row("export", "database", None, None),
        },
        Case {
            name: "bulk load",
            setup: nothing,
            write: |s, _| {
                s.bulk_load("bulk.test", |l| {
                    for project_id in [27, 28] {
                        l.note(&BulkNote {
                            project_id,
                            author: OFFICER,
                            author_role: OfficerRole::Po,
                            kind: NoteKind::Meeting,
                            body: "一括",
                            occurred_on: today(),
                            follow_up_on: None,
                            follow_up_done: None,
                        })?;
                    }
                    Ok(((), serde_json::json!({"notes": 2})))
                })
                .unwrap();
            },
            expect: row("bulk.test", "database", None, None),
        },
    ]
}

fn audit_count(path: &std::path::Path) -> i64 {
    raw(path)
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap()
}

fn last_row(path: &std::path::Path) -> Row {
    raw(path)
        .query_row(
            "SELECT action, entity, entity_id, actor, json_extract(detail, '$.officer')
             FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| {
                Ok(Row {
                    action: r.get(0)?,
                    entity: r.get(1)?,
                    entity_id: r.get(2)?,
                    actor: r.get(3)?,
                    officer: r.get(4)?,
                })
            },
        )
        .unwrap()
}

#[test]
fn every_store_write_leaves_exactly_one_audit_row_with_its_action_entity_and_actor() {
    let home = Home::new();
    let base = fixture::build(&home, "base.db");
    let mut failures = Vec::new();
    for (i, case) in cases().into_iter().enumerate() {
        let name = format!("a{i}.db");
        let mut store = fixture::open_copy(&home, &base, &name, ACTOR);
        let path = home.path(&name);
        let id = (case.setup)(&mut store);
        let before = audit_count(&path);
        (case.write)(&mut store, id);
        let added = audit_count(&path) - before;
        if added != 1 {
            failures.push(format!("{}: {added} audit rows, expected 1", case.name));
            continue;
        }
        let got = last_row(&path);
        if got != case.expect {
            failures.push(format!(
                "{}: got {got:?}, expected {:?}",
                case.name, case.expect
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn refused_and_idle_writes_leave_no_audit_row() {
    let home = Home::new();
    let mut s = fixture::open(&home, "r.db", ACTOR);
    let path = home.path("r.db");
    let deadline_id = s.add_deadline(23, &deadline(), &author()).unwrap();
    let deleted = s.add_note(20, &note(), &author()).unwrap();
    s.delete_note(deleted, &author()).unwrap();
    let before = audit_count(&path);
    let stale = |e: seedline::Error| matches!(e, seedline::Error::Conflict { .. });
    let v = s.note_version(3).unwrap();
    assert!(stale(
        s.edit_note(3, v + 1, "古い版からの保存", &author())
            .unwrap_err()
    ));
    assert!(
        s.edit_note(deleted, 2, "削除済みへの保存", &author())
            .is_err(),
        "edit of a deleted note"
    );
    assert!(s.delete_note(deleted, &author()).is_err(), "deleted twice");
    assert!(s.restore_note(3).is_err(), "restore of a live note");
    assert!(
        s.complete_follow_up(10, &author()).is_err(),
        "follow-up already done"
    );
    let fv = flag_version(&s, 2);
    assert!(stale(
        s.move_flag(2, fv + 1, FlagStatus::Recommended, "古い", &author())
            .unwrap_err()
    ));
    assert!(
        s.move_flag(2, fv, FlagStatus::Accepted, "飛び越し", &author())
            .is_err(),
        "a move the pipeline does not allow"
    );
    assert!(stale(
        s.update_flag_criteria(2, fv + 1, &Criteria::default(), &author())
            .unwrap_err()
    ));
    let (_, pv) = s.project_phase(21).unwrap();
    let change = PhaseMove {
        to: Phase::Clinical,
        on: today(),
        reason: String::new(),
    };
    assert!(stale(
        s.move_phase(21, Some(pv + 1), &change, &author())
            .unwrap_err()
    ));
    assert!(stale(
        s.set_deadline_done(deadline_id, Some(9), Some(today()), &author())
            .unwrap_err()
    ));
    assert!(
        s.set_deadline_done(deadline_id, Some(1), None, &author())
            .is_err(),
        "reopen of an open deadline"
    );
    assert!(
        !s.set_watch(22, OFFICER, Some(false)).unwrap(),
        "unwatching an unwatched project changes nothing"
    );
    let mut duplicate = fixture::new_project("JP26au0000001", "重複");
    let twice = [duplicate.clone(), {
        duplicate.title = "重複2".into();
        duplicate
    }];
    assert!(
        s.import_projects(&twice, ImportMode::Insert, today(), "in.csv")
            .is_err()
    );
    assert!(
        s.import_budgets(&[(9999, FiscalYear(2026), 1)]).is_err(),
        "a budget of a missing project"
    );
    assert!(
        s.bulk_load(
            "bulk.test",
            |_| -> seedline::Result<((), serde_json::Value)> {
                Err(seedline::Error::invalid(
                    "bulk",
                    seedline::msg::invalid::internal("rolled back"),
                ))
            }
        )
        .is_err()
    );
    assert_eq!(audit_count(&path), before, "no row for a refused write");
    // Reference data is seed, not an officer's change: topping it up on a current database
    // writes nothing at all.
    s.ensure_reference().unwrap();
    assert_eq!(audit_count(&path), before);
}
