//! The due board's per-officer view (`t`) for everyone from kept counts (schema v18): open
//! follow-ups per author and due day (`follow_up_tally`) and open deadlines without an officer per
//! due day (`unassigned_tally`). After every kind of write that moves an open follow-up or
//! deadline, both equal a recount written here, and `due_owner_counts` (everyone's and mine)
//! equals the per-officer rows of the whole board read item by item. `doctor` names a tampered row
//! in both languages and `doctor --rebuild-counts` repairs it.

use crate::common::kept::{
    assert_kept_equal, day, demo_with_busiest, doctor_names_then_rebuild_mends, import_then_change,
    objects_named, one, run_one, steps, undo_step_then_upgrade, until,
};
use crate::common::{Home, raw, today};
use seedline::model::{
    Author, DeadlineKind, Me, NewDeadline, NewNote, NewOfficer, NoteKind, OfficerRole, due_board,
};
use seedline::store::{BulkDeadline, BulkNote, Store};
use std::collections::BTreeMap;
use std::path::Path;

fn author() -> Author {
    Author::new(Some("岩崎 美紀"), Some("PO"), "iwasaki")
}

type Rows = BTreeMap<(String, String), i64>;

/// Counted from the rows: open follow-ups of live projects per (author, day), and open deadlines
/// of live projects without an officer per ("", day).
fn recount(db: &Path) -> (Rows, Rows) {
    let conn = raw(db);
    let count = |sql: &str| -> Rows {
        let mut out = BTreeMap::new();
        let mut stmt = conn.prepare(sql).unwrap();
        for row in stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .unwrap()
        {
            *out.entry(row.unwrap()).or_insert(0) += 1;
        }
        out
    };
    (
        count(
            "SELECT n.author, n.follow_up_on FROM note n JOIN project p ON p.id = n.project_id
             WHERE p.retired_at IS NULL AND n.follow_up_on IS NOT NULL
               AND n.follow_up_done_at IS NULL AND n.deleted_at IS NULL",
        ),
        count(
            "SELECT '', d.due_on FROM deadline d JOIN project p ON p.id = d.project_id
             LEFT JOIN project_officer po ON po.project_id = d.project_id
             WHERE p.retired_at IS NULL AND d.done_on IS NULL AND po.officer_id IS NULL",
        ),
    )
}

fn kept(db: &Path) -> (Rows, Rows) {
    let conn = raw(db);
    let read = |sql: &str| -> Rows {
        conn.prepare(sql)
            .unwrap()
            .query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    (
        read("SELECT author, due_on, n FROM follow_up_tally"),
        read("SELECT '', due_on, n FROM unassigned_tally"),
    )
}

/// The per-officer rows equal those of the whole board read item by item, for `mine`.
fn assert_owner_rows(s: &Store, mine: Option<&Me>, when: &str) {
    let whole = s.due_items(Some(until()), mine).unwrap();
    let (expected, _) = due_board(&whole, today());
    let rows = s.due_owner_counts(until(), today(), mine).unwrap();
    assert_eq!(rows, expected, "{when}: per-officer rows");
}

struct Board {
    home: Home,
    store: Store,
    busy: Me,
}

impl Board {
    fn db(&self) -> std::path::PathBuf {
        self.home.path("o.db")
    }

    /// Kept rows equal the recount; the per-officer view is right for everyone and the busy officer.
    fn check(&self, when: &str) {
        let (kept, counted) = (kept(&self.db()), recount(&self.db()));
        assert!(!counted.0.is_empty(), "{when}: follow-ups to count");
        for (k, c, what) in [
            (&kept.0, &counted.0, "follow-ups"),
            (&kept.1, &counted.1, "unassigned"),
        ] {
            assert_kept_equal(k, c, when, what);
        }
        assert_owner_rows(&self.store, None, &format!("{when}, everyone"));
        assert_owner_rows(&self.store, Some(&self.busy), &format!("{when}, busy"));
    }

    /// Whether everyone's per-officer view has the `-` row (deadlines without an officer).
    fn nobody_row(&self) -> bool {
        let rows = self.store.due_owner_counts(until(), today(), None).unwrap();
        rows.iter().any(|r| r.owner == "-")
    }

    fn one(&self, sql: &str, params: impl rusqlite::Params) -> i64 {
        one(&self.db(), sql, params)
    }

    fn run(&self, sql: &str, params: impl rusqlite::Params) {
        run_one(&self.db(), sql, params)
    }
}

fn board() -> Board {
    let home = Home::new();
    let (store, busiest) = demo_with_busiest(&home, "o.db", 17);
    let busy = store.me(&busiest).unwrap();
    // The demo assigns every project with deadlines: one loses its officers (the last one out).
    let conn = raw(&home.path("o.db"));
    conn.execute(
        "DELETE FROM project_officer WHERE project_id = (
             SELECT d.project_id FROM deadline d JOIN project p ON p.id = d.project_id
             WHERE d.done_on IS NULL AND p.retired_at IS NULL AND d.due_on <= ?1
             ORDER BY d.due_on DESC LIMIT 1)",
        [until().to_string()],
    )
    .unwrap();
    drop(conn);
    Board { home, store, busy }
}

#[test]
fn every_write_that_moves_an_open_item_keeps_the_per_officer_view() {
    let mut b = board();
    b.check("after the demo");
    assert!(
        b.nobody_row(),
        "a project without officers has due deadlines"
    );
    // A project without officers, with open deadlines (the board's `-` row).
    let lone = b.one(
        "SELECT p.id FROM project p WHERE p.retired_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM project_officer WHERE project_id = p.id)
         ORDER BY p.id LIMIT 1",
        [],
    );
    for offset in [-45, 3, 3, 20] {
        let deadline = NewDeadline {
            kind: DeadlineKind::AnnualReport,
            title: format!("報告 {offset}"),
            due_on: day(offset),
        };
        b.store.add_deadline(lone, &deadline, &author()).unwrap();
    }
    b.check("after adding deadlines to a project without officers");
    let open = b.one(
        "SELECT min(id) FROM deadline WHERE project_id = ?1 AND done_on IS NULL",
        [lone],
    );
    b.store
        .set_deadline_done(open, None, Some(today()), &author())
        .unwrap();
    b.check("after marking one done");
    b.store
        .set_deadline_done(open, None, None, &author())
        .unwrap();
    b.check("after reopening it");
    b.run(
        "UPDATE deadline SET due_on = ?2 WHERE id = ?1",
        rusqlite::params![open, day(-70).to_string()],
    );
    b.check("after changing a due date");

    // Follow-ups: added (overdue and in the month), done, reopened, deleted, restored.
    let mut notes = Vec::new();
    for offset in [-90, -10, 5, 5] {
        let note = NewNote {
            kind: NoteKind::Meeting,
            body: format!("確認 {offset}"),
            occurred_on: day(-120),
            follow_up_on: Some(day(offset)),
        };
        notes.push(b.store.add_note(lone, &note, &author()).unwrap());
    }
    b.check("after adding follow-ups");
    b.store.complete_follow_up(notes[0], &author()).unwrap();
    b.check("after a follow-up done");
    b.store.reopen_follow_up(notes[0]).unwrap();
    b.check("after reopening it");
    b.store.delete_note(notes[1], &author()).unwrap();
    b.check("after deleting a note");
    b.store.restore_note(notes[1]).unwrap();
    b.check("after restoring it");
    // No screen changes a note's author, date or project; the raw rows do (a repair by hand).
    b.run(
        "UPDATE note SET author = ?2 WHERE id = ?1",
        rusqlite::params![notes[2], b.busy.names[0]],
    );
    b.check("after changing a follow-up's author");
    b.run(
        "UPDATE note SET follow_up_on = ?2 WHERE id = ?1",
        rusqlite::params![notes[3], day(-3).to_string()],
    );
    b.check("after changing a follow-up's date");
    let other = b.one(
        "SELECT id FROM project WHERE id <> ?1 AND retired_at IS NULL ORDER BY id DESC LIMIT 1",
        [lone],
    );
    b.run(
        "UPDATE note SET project_id = ?2 WHERE id = ?1",
        [notes[3], other],
    );
    b.check("after moving a follow-up to another project");

    // The first officer in: the project's deadlines leave `-`; a second changes nothing there;
    // the last officer out: they come back.
    let officer = b.busy.officer_ids[0];
    b.store
        .assign_officer(&[lone], officer, None, today())
        .unwrap();
    b.check("after assigning the first officer");
    let role = if b.one("SELECT role = 'DC' FROM officer WHERE id = ?1", [officer]) == 1 {
        OfficerRole::Ps
    } else {
        OfficerRole::Dc
    };
    let namesake = b
        .store
        .add_officer(&NewOfficer {
            name: b.busy.names[0].clone(),
            role,
            login: None,
        })
        .unwrap();
    b.store
        .assign_officer(&[lone], namesake, None, today())
        .unwrap();
    b.check("after assigning a second officer of the same name");
    b.store
        .unassign_officer(&[lone], officer, None, today(), false)
        .unwrap();
    b.check("after unassigning one of two");
    b.run(
        "UPDATE project_officer SET project_id = ?2 WHERE project_id = ?1 AND officer_id = ?3",
        [lone, other, namesake],
    );
    b.check("after moving the last assignment to another project");
    b.run(
        "UPDATE project_officer SET project_id = ?2 WHERE project_id = ?1 AND officer_id = ?3",
        [other, lone, namesake],
    );
    b.check("after moving it back");
    b.store
        .unassign_officer(&[lone], namesake, None, today(), false)
        .unwrap();
    b.check("after unassigning the last officer");
    assert!(b.nobody_row(), "the deadlines are back in `-`");

    b.store
        .retire_project(lone, None, "重複登録のため", &author())
        .unwrap();
    b.check("after retiring the project");
    b.store.restore_project(lone, &author()).unwrap();
    b.check("after restoring it");

    // A paused bulk write (import, demo): a project without officers, its deadlines and notes.
    let created = b
        .store
        .bulk_load("test", |l| {
            let p = crate::common::fixture::new_project("JP26ot0000001", "担当別の一括");
            let id = l.project(&p, &[])?;
            for (offset, done) in [(-10, false), (-10, false), (5, true), (20, false)] {
                l.deadline(&BulkDeadline {
                    project_id: id,
                    kind: DeadlineKind::InterimEvaluation,
                    title: "中間評価",
                    due_on: day(offset),
                    done: done.then_some((today(), "岩崎 美紀")),
                    created_by: "test",
                    created_at: "2026-11-25T00:00:00Z",
                })?;
                l.note(&BulkNote {
                    project_id: id,
                    author: "一括 記録者",
                    author_role: OfficerRole::Po,
                    kind: NoteKind::Progress,
                    body: "一括",
                    occurred_on: day(-30),
                    follow_up_on: Some(day(offset)),
                    follow_up_done: done.then(|| ("岩崎 美紀", "2026-11-25T00:00:00Z".into())),
                })?;
            }
            Ok((id, serde_json::json!({})))
        })
        .unwrap();
    b.check("after a paused bulk write");

    // Project import, insert then upsert (a new project and a moved one).
    import_then_change(&mut b.store, "JP26ot0000002");
    b.check("after importing projects");

    // Deleting a project cascades to its deadlines, notes and officers: its part leaves once.
    b.run("DELETE FROM project WHERE id = ?1", [created]);
    b.check("after deleting a project without officers");
    let assigned = b.one(
        "SELECT n.project_id FROM note n JOIN project_officer po ON po.project_id = n.project_id
         JOIN project p ON p.id = n.project_id
         WHERE p.retired_at IS NULL AND n.follow_up_on IS NOT NULL AND n.follow_up_done_at IS NULL
           AND n.deleted_at IS NULL ORDER BY n.project_id LIMIT 1",
        [],
    );
    b.run("DELETE FROM project WHERE id = ?1", [assigned]);
    b.check("after deleting a project with officers and follow-ups");
}

#[test]
fn doctor_names_a_tampered_per_officer_count_and_rebuild_repairs_it() {
    let b = board();
    let db = b.db();
    drop(b.store);
    raw(&db)
        .execute_batch(
            "UPDATE follow_up_tally SET n = n + 1
             WHERE (author, due_on) = (SELECT author, min(due_on) FROM follow_up_tally);
             UPDATE unassigned_tally SET n = n + 2
             WHERE due_on = (SELECT max(due_on) FROM unassigned_tally);",
        )
        .unwrap();
    assert_ne!(kept(&db), recount(&db));
    doctor_names_then_rebuild_mends(
        &b.home,
        &db,
        &[
            ("en", "tally follow_up_tally: 2 rows differ from a recount"),
            ("en", "tally unassigned_tally: 2 rows differ from a recount"),
            ("ja", "集計表 follow_up_tally の 2 行が再集計と一致しません"),
            (
                "ja",
                "集計表 unassigned_tally の 2 行が再集計と一致しません",
            ),
        ],
        || assert_eq!(kept(&db), recount(&db)),
    );
}

/// A write on one project costs the same whatever the open items of the other projects: the
/// triggers read the written project's follow-ups, deadlines and officers by index (the same
/// write on the same project, before and after every other project got open items).
#[test]
fn a_write_reads_its_own_projects_open_items_not_everyones() {
    let b = board();
    let db = b.db();
    let id = b.one(
        "SELECT p.id FROM project p WHERE p.retired_at IS NULL
           AND EXISTS (SELECT 1 FROM project_officer WHERE project_id = p.id)
           AND EXISTS (SELECT 1 FROM deadline WHERE project_id = p.id AND done_on IS NULL)
         ORDER BY p.id LIMIT 1",
        [],
    );
    raw(&db)
        .execute(
            "INSERT INTO note (project_id, occurred_on, kind, author, author_role, body,
                 follow_up_on, created_at, updated_at)
             VALUES (?1, '2026-11-01', 'meeting', '岩崎 美紀', 'PO', '確認', '2026-12-01', 't', 't')",
            [id],
        )
        .unwrap();
    let writes = [
        "UPDATE project SET retired_at = '2026-11-25T00:00:00Z' WHERE id = ?1",
        "DELETE FROM project WHERE id = ?1",
        "DELETE FROM project_officer WHERE project_id = ?1
           AND officer_id = (SELECT min(officer_id) FROM project_officer WHERE project_id = ?1)",
        "INSERT INTO project_officer (project_id, officer_id)
         SELECT ?1, max(id) FROM officer
         WHERE id NOT IN (SELECT officer_id FROM project_officer WHERE project_id = ?1)",
        "UPDATE note SET follow_up_done_at = 't', follow_up_done_by = 'x'
         WHERE id = (SELECT max(id) FROM note WHERE project_id = ?1)",
        "UPDATE deadline SET done_on = '2026-11-25', done_by = 'x'
         WHERE id = (SELECT min(id) FROM deadline WHERE project_id = ?1 AND done_on IS NULL)",
    ];
    let before: Vec<i32> = writes.iter().map(|sql| steps(&db, sql, id)).collect();
    // Every other project: open follow-ups and deadlines, half of them without officers.
    raw(&db)
        .execute_batch(&format!(
            "INSERT INTO note (project_id, occurred_on, kind, author, author_role, body,
                 follow_up_on, created_at, updated_at)
             SELECT p.id, '2026-11-01', 'meeting', '岩崎 美紀', 'PO', '確認', d.day, 't', 't'
             FROM project p, (SELECT '2026-12-01' AS day UNION ALL SELECT '2026-10-01'
                              UNION ALL SELECT '2026-11-20') d WHERE p.id <> {id};
             INSERT INTO deadline (project_id, kind, due_on, created_by, created_at)
             SELECT p.id, 'annual_report', d.day, 'x', 't'
             FROM project p, (SELECT '2026-12-01' AS day UNION ALL SELECT '2026-10-01') d
             WHERE p.id <> {id};
             DELETE FROM project_officer WHERE project_id % 2 = 0 AND project_id <> {id};"
        ))
        .unwrap();
    for (sql, a) in writes.iter().zip(before) {
        let b = steps(&db, sql, id);
        assert!(
            b < a + 300,
            "{sql}: {a} steps, {b} once the other projects have open items: it reads them"
        );
    }
}

/// A database left by schema v17: the CLI says it upgrades (v17 → v18), and the upgrade fills the
/// kept counts from a recount, so the per-officer view is right at once.
#[test]
fn an_upgrade_from_v17_fills_the_counts_from_a_recount() {
    let b = board();
    let db = b.db();
    let expected = b.store.due_owner_counts(until(), today(), None).unwrap();
    drop(b.store);
    let objects = objects_named(&db, &["follow_up_tally", "unassigned_tally"]);
    undo_step_then_upgrade(&b.home, &db, &objects, 17);
    let (kept, counted) = (kept(&db), recount(&db));
    assert!(!kept.0.is_empty() && !kept.1.is_empty());
    assert_eq!(kept, counted);
    let store =
        seedline::store::Store::open(&db, seedline::store::OpenOptions { create: false }).unwrap();
    assert_eq!(
        store.due_owner_counts(until(), today(), None).unwrap(),
        expected
    );
}
