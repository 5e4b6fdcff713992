//! The due board's deadline counts kept per due day and officer (`deadline_tally`, schema v14):
//! after every kind of write that moves open deadlines, the kept rows equal a recount written here,
//! and the paged board (counts, buckets, pages, positions) equals the whole board read at once, for
//! everyone, for a busy officer and for an officer with one project. `doctor` names a tampered row
//! in both languages and `doctor --rebuild-counts` repairs it.

use crate::common::kept::{
    assert_kept_equal, day, demo_with_busiest, doctor_names_then_rebuild_mends, until,
};
use crate::common::{Home, raw, today};
use seedline::model::{
    Author, DeadlineKind, DueItem, DueSeek, Me, NewDeadline, NewOfficer, OfficerRole, due_board,
};
use seedline::store::{BulkDeadline, Store};
use std::collections::BTreeMap;
use std::path::Path;

fn author() -> Author {
    Author::new(Some("岩崎 美紀"), Some("PO"), "iwasaki")
}

/// Open deadlines of live projects per (officer, day), counted from the rows (0: everyone).
fn recount(db: &Path) -> BTreeMap<(i64, String), i64> {
    let conn = raw(db);
    let mut stmt = conn
        .prepare(
            "SELECT w.oid, d.due_on FROM deadline d
             JOIN project p ON p.id = d.project_id AND p.retired_at IS NULL
             JOIN (SELECT id AS pid, 0 AS oid FROM project
                   UNION ALL SELECT project_id, officer_id FROM project_officer) w ON w.pid = p.id
             WHERE d.done_on IS NULL",
        )
        .unwrap();
    let mut out = BTreeMap::new();
    for row in stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
        .unwrap()
    {
        *out.entry(row.unwrap()).or_insert(0) += 1;
    }
    out
}

fn kept(db: &Path) -> BTreeMap<(i64, String), i64> {
    let conn = raw(db);
    let mut stmt = conn
        .prepare("SELECT officer_id, due_on, n FROM deadline_tally")
        .unwrap();
    stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// The paged board equals the whole board for `mine`: counts, buckets, pages, every position.
fn assert_board(s: &Store, mine: Option<&Me>, when: &str) {
    let whole = s.due_items(Some(until()), mine).unwrap();
    let counts = s.due_counts(until(), today(), mine).unwrap();
    let (_, buckets) = due_board(&whole, today());
    assert_eq!(counts.total, whole.len(), "{when}: total");
    assert_eq!(counts.buckets, buckets, "{when}: buckets");
    let mut paged: Vec<DueItem> = s.due_page(until(), mine, &DueSeek::Start, 9).unwrap();
    while let Some(last) = paged.last() {
        let page = s
            .due_page(until(), mine, &DueSeek::After(last.key()), 9)
            .unwrap();
        if page.is_empty() {
            break;
        }
        paged.extend(page);
    }
    assert_eq!(paged, whole, "{when}: pages");
    let end = s.due_page(until(), mine, &DueSeek::End, 9).unwrap();
    assert_eq!(end, whole[whole.len().saturating_sub(9)..], "{when}: end");
    for (at, item) in whole.iter().enumerate() {
        let key = item.key();
        assert_eq!(
            s.due_position(until(), mine, &key).unwrap(),
            at,
            "{when}: position of {key:?}"
        );
    }
}

struct Board {
    home: Home,
    store: Store,
    busy: Me,
    solo: Me,
    solo_id: i64,
}

impl Board {
    fn db(&self) -> std::path::PathBuf {
        self.home.path("d.db")
    }

    /// Kept rows equal the recount; the board is right for everyone, the busy and the solo officer.
    fn check(&self, when: &str) {
        let (kept, counted) = (kept(&self.db()), recount(&self.db()));
        assert!(!counted.is_empty(), "{when}: something to count");
        assert_kept_equal(&kept, &counted, when, "rows");
        assert_board(&self.store, None, &format!("{when}, everyone"));
        assert_board(&self.store, Some(&self.busy), &format!("{when}, busy"));
        assert_board(&self.store, Some(&self.solo), &format!("{when}, solo"));
    }

    fn open_deadlines(&self, project: i64) -> Vec<i64> {
        let conn = raw(&self.db());
        let mut stmt = conn
            .prepare(
                "SELECT id FROM deadline WHERE project_id = ?1 AND done_on IS NULL ORDER BY id",
            )
            .unwrap();
        stmt.query_map([project], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }
}

fn board() -> Board {
    let home = Home::new();
    let (mut store, busiest) = demo_with_busiest(&home, "d.db", 13);
    let busy = store.me(&busiest).unwrap();
    assert_eq!(busy.officer_ids.len(), 1);
    let solo_id = store
        .add_officer(&NewOfficer {
            name: "期限 一人".into(),
            role: OfficerRole::Po,
            login: None,
        })
        .unwrap();
    let solo = store.me("期限 一人").unwrap();
    Board {
        home,
        store,
        busy,
        solo,
        solo_id,
    }
}

#[test]
fn every_write_that_moves_an_open_deadline_keeps_the_counts_and_the_board() {
    let mut b = board();
    b.check("after the demo");
    let project: i64 = raw(&b.db())
        .query_row(
            "SELECT d.project_id FROM deadline d JOIN project_officer po ON po.project_id = d.project_id
             WHERE po.officer_id = ?1 AND d.done_on IS NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
            [b.busy.officer_ids[0]],
            |r| r.get(0),
        )
        .unwrap();
    // Added: overdue, due in the month, and a second one on the same day (positions within a day).
    for offset in [-45, 3, 3, 40] {
        let deadline = NewDeadline {
            kind: DeadlineKind::AnnualReport,
            title: format!("報告 {offset}"),
            due_on: day(offset),
        };
        b.store.add_deadline(project, &deadline, &author()).unwrap();
    }
    b.check("after adding deadlines");
    let open = b.open_deadlines(project);
    b.store
        .set_deadline_done(open[0], None, Some(today()), &author())
        .unwrap();
    b.check("after marking one done");
    b.store
        .set_deadline_done(open[0], None, None, &author())
        .unwrap();
    b.check("after reopening it");
    raw(&b.db())
        .execute(
            "UPDATE deadline SET due_on = ?2 WHERE id = ?1",
            rusqlite::params![open[1], day(-70).to_string()],
        )
        .unwrap();
    b.check("after changing a due date");

    // The solo officer: one project, its deadlines a small share of the board (pages walk it).
    b.store
        .assign_officer(&[project], b.solo_id, None, today())
        .unwrap();
    b.solo = b.store.me("期限 一人").unwrap();
    b.check("after assigning an officer");
    let other: i64 = raw(&b.db())
        .query_row(
            "SELECT id FROM project WHERE id <> ?1 AND retired_at IS NULL
               AND id NOT IN (SELECT project_id FROM project_officer WHERE officer_id IN (?2, ?3))
             ORDER BY id LIMIT 1",
            [project, b.busy.officer_ids[0], b.solo_id],
            |r| r.get(0),
        )
        .unwrap();
    raw(&b.db())
        .execute(
            "UPDATE deadline SET project_id = ?2 WHERE id = ?1",
            [open[2], other],
        )
        .unwrap();
    b.check("after moving a deadline to a project of other officers");
    raw(&b.db())
        .execute(
            "UPDATE project_officer SET project_id = ?2 WHERE project_id = ?1 AND officer_id = ?3",
            [project, other, b.solo_id],
        )
        .unwrap();
    b.check("after moving an assignment to another project");
    b.store
        .unassign_officer(&[other], b.solo_id, None, today(), false)
        .unwrap();
    b.check("after unassigning the officer");
    b.store
        .assign_officer(&[project], b.solo_id, None, today())
        .unwrap();

    b.store
        .retire_project(project, None, "重複登録のため", &author())
        .unwrap();
    b.check("after retiring the project");
    b.store.restore_project(project, &author()).unwrap();
    b.check("after restoring it");

    // A paused bulk write (import, demo): a new project with an officer and deadlines.
    let created = b
        .store
        .bulk_load("test", |l| {
            let mut p = crate::common::fixture::new_project("JP26dt0000001", "期限の一括");
            p.phase = seedline::model::Phase::Applied;
            let id = l.project(&p, &[])?;
            l.assign(id, b.solo_id, today())?;
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
            }
            Ok((id, serde_json::json!({})))
        })
        .unwrap();
    b.check("after a paused bulk write");

    // Deleting a project cascades to its deadlines and officers: its part leaves once.
    let conn = raw(&b.db());
    conn.execute_batch("PRAGMA foreign_keys = ON").unwrap();
    conn.execute("DELETE FROM project WHERE id = ?1", [created])
        .unwrap();
    drop(conn);
    b.check("after deleting a project");
}

#[test]
fn doctor_names_a_tampered_deadline_count_and_rebuild_repairs_it() {
    let b = board();
    let db = b.db();
    drop(b.store);
    raw(&db)
        .execute_batch(
            "UPDATE deadline_tally SET n = n + 1
             WHERE officer_id = 0 AND due_on = (SELECT min(due_on) FROM deadline_tally WHERE officer_id = 0)",
        )
        .unwrap();
    assert_ne!(kept(&db), recount(&db));
    doctor_names_then_rebuild_mends(
        &b.home,
        &db,
        &[
            ("en", "tally deadline_tally: 2 rows differ from a recount"),
            ("ja", "集計表 deadline_tally の 2 行が再集計と一致しません"),
        ],
        || assert_eq!(kept(&db), recount(&db)),
    );
}
