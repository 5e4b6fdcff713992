//! The due board's per-officer view of "mine" from kept counts (schema v19): open deadlines of
//! live projects per pair of officers assigned to the same project, and due day
//! (`deadline_pair_tally`). After every kind of write that moves an open deadline or an
//! assignment, the kept rows equal a recount written here (each open deadline paired over its
//! project's officers in Rust), and `due_owner_counts(mine)` equals the per-officer rows of my
//! board read item by item: for a busy officer, a one-project officer, a name two officer records
//! share, and a name without an officer record. `doctor` names a tampered row in both languages,
//! `doctor --rebuild-counts` repairs it, and an upgrade from v18 fills the table.

use crate::common::kept::{
    assert_kept_equal, day, demo_with_busiest, doctor_names_then_rebuild_mends, import_then_change,
    objects_named, one, run_one, steps, undo_step_then_upgrade, until,
};
use crate::common::{Home, raw, today};
use seedline::model::{Author, DeadlineKind, NewDeadline, NewOfficer, OfficerRole, due_board};
use seedline::store::{BulkDeadline, Store};
use std::collections::BTreeMap;
use std::path::Path;

fn author() -> Author {
    Author::new(Some("岩崎 美紀"), Some("PO"), "iwasaki")
}

/// (officer, co-officer, due day) → open deadlines.
type Pairs = BTreeMap<(i64, i64, String), i64>;

/// Counted from the rows: every open deadline of a live project, once for each ordered pair of
/// its project's officers (an officer with itself included).
fn recount(db: &Path) -> Pairs {
    let conn = raw(db);
    let mut officers: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    let mut stmt = conn
        .prepare("SELECT project_id, officer_id FROM project_officer")
        .unwrap();
    for row in stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))
        .unwrap()
    {
        let (project, officer) = row.unwrap();
        officers.entry(project).or_default().push(officer);
    }
    let mut out = BTreeMap::new();
    let mut stmt = conn
        .prepare(
            "SELECT d.project_id, d.due_on FROM deadline d JOIN project p ON p.id = d.project_id
             WHERE p.retired_at IS NULL AND d.done_on IS NULL",
        )
        .unwrap();
    for row in stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
        .unwrap()
    {
        let (project, due_on) = row.unwrap();
        let on = officers.get(&project).cloned().unwrap_or_default();
        for a in &on {
            for b in &on {
                *out.entry((*a, *b, due_on.clone())).or_insert(0) += 1;
            }
        }
    }
    out
}

fn kept(db: &Path) -> Pairs {
    raw(db)
        .prepare("SELECT officer_id, co_officer_id, due_on, n FROM deadline_pair_tally")
        .unwrap()
        .query_map([], |r| Ok(((r.get(0)?, r.get(1)?, r.get(2)?), r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

struct Board {
    home: Home,
    store: Store,
    /// The officers whose "mine" view is checked, by name.
    names: Vec<String>,
}

impl Board {
    fn db(&self) -> std::path::PathBuf {
        self.home.path("p.db")
    }

    /// Kept pairs equal the recount (the diagonal equals `deadline_tally`'s officer rows); each
    /// checked officer's per-officer view equals their board's items grouped per owner.
    fn check(&self, when: &str) {
        let (kept, counted) = (kept(&self.db()), recount(&self.db()));
        assert!(!counted.is_empty(), "{when}: pairs to count");
        assert_kept_equal(&kept, &counted, when, "pairs");
        let own: Pairs = raw(&self.db())
            .prepare(
                "SELECT officer_id, officer_id, due_on, n FROM deadline_tally WHERE officer_id > 0",
            )
            .unwrap()
            .query_map([], |r| Ok(((r.get(0)?, r.get(1)?, r.get(2)?), r.get(3)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let diagonal: Pairs = kept.into_iter().filter(|((a, b, _), _)| a == b).collect();
        assert_eq!(
            diagonal, own,
            "{when}: the diagonal is each officer's own count"
        );
        for name in &self.names {
            let me = self.store.me(name).unwrap();
            let whole = self.store.due_items(Some(until()), Some(&me)).unwrap();
            let (expected, _) = due_board(&whole, today());
            let rows = self
                .store
                .due_owner_counts(until(), today(), Some(&me))
                .unwrap();
            assert_eq!(rows, expected, "{when}: {name}'s per-officer rows");
        }
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
    let (store, busiest) = demo_with_busiest(&home, "p.db", 23);
    let names = vec![
        busiest,
        "一件 担当".into(),
        "単独 担当".into(),
        "名簿 にない人".into(),
    ];
    Board { home, store, names }
}

#[test]
fn every_write_that_moves_a_deadline_or_an_assignment_keeps_the_pairs() {
    let mut b = board();
    b.check("after the demo");
    let busy = b.store.me(&b.names[0]).unwrap().officer_ids;
    assert_eq!(
        busy.len(),
        1,
        "the busy officer's rows come from the kept pairs"
    );
    let busy = busy[0];
    // A live project of the busy officer's with another officer.
    let shared = b.one(
        "SELECT po.project_id FROM project_officer po JOIN project p ON p.id = po.project_id
         WHERE po.officer_id = ?1 AND p.retired_at IS NULL
           AND (SELECT count(*) FROM project_officer WHERE project_id = po.project_id) >= 2
         ORDER BY po.project_id LIMIT 1",
        [busy],
    );
    // An officer of that one project only.
    let one = b
        .store
        .add_officer(&NewOfficer {
            name: b.names[1].clone(),
            role: OfficerRole::Po,
            login: None,
        })
        .unwrap();
    b.store
        .assign_officer(&[shared], one, None, today())
        .unwrap();
    b.check("after assigning a one-project officer");
    assert_eq!(b.store.me(&b.names[1]).unwrap().officer_ids, [one]);
    let mut added = Vec::new();
    for offset in [-45, 3, 3, 20] {
        let deadline = NewDeadline {
            kind: DeadlineKind::AnnualReport,
            title: format!("報告 {offset}"),
            due_on: day(offset),
        };
        added.push(b.store.add_deadline(shared, &deadline, &author()).unwrap());
    }
    b.check("after adding deadlines to a shared project");
    b.store
        .set_deadline_done(added[0], None, Some(today()), &author())
        .unwrap();
    b.check("after marking one done");
    b.store
        .set_deadline_done(added[0], None, None, &author())
        .unwrap();
    b.check("after reopening it");
    b.run(
        "UPDATE deadline SET due_on = ?2 WHERE id = ?1",
        rusqlite::params![added[1], day(-70).to_string()],
    );
    b.check("after changing a due date");
    b.run("DELETE FROM deadline WHERE id = ?1", [added[3]]);
    b.check("after deleting a deadline");

    // A project without officers, with open deadlines: its first, second and a same-name officer.
    let solo = b.one(
        "SELECT p.id FROM project p WHERE p.retired_at IS NULL AND p.id <> ?1
         ORDER BY p.id DESC LIMIT 1",
        [shared],
    );
    raw(&b.db())
        .execute("DELETE FROM project_officer WHERE project_id = ?1", [solo])
        .unwrap();
    for offset in [-10, 1, 12] {
        let deadline = NewDeadline {
            kind: DeadlineKind::StageGate,
            title: format!("審査 {offset}"),
            due_on: day(offset),
        };
        b.store.add_deadline(solo, &deadline, &author()).unwrap();
    }
    b.check("after adding deadlines to a project without officers");
    let single = b
        .store
        .add_officer(&NewOfficer {
            name: b.names[2].clone(),
            role: OfficerRole::Po,
            login: None,
        })
        .unwrap();
    b.store
        .assign_officer(&[solo], single, None, today())
        .unwrap();
    b.check("after assigning the first officer");
    b.store
        .assign_officer(&[solo], busy, None, today())
        .unwrap();
    b.check("after assigning a second officer");
    let namesake = b
        .store
        .add_officer(&NewOfficer {
            name: b.names[2].clone(),
            role: OfficerRole::Dc,
            login: None,
        })
        .unwrap();
    b.store
        .assign_officer(&[solo], namesake, None, today())
        .unwrap();
    b.check("after assigning a second officer of the same name");
    assert_eq!(b.store.me(&b.names[2]).unwrap().officer_ids.len(), 2);
    b.store
        .unassign_officer(&[solo], single, None, today(), false)
        .unwrap();
    b.check("after unassigning one of three");
    b.run(
        "UPDATE project_officer SET project_id = ?2 WHERE project_id = ?1 AND officer_id = ?3",
        [solo, shared, namesake],
    );
    b.check("after moving an assignment to another project");
    b.run(
        "UPDATE project_officer SET project_id = ?2 WHERE project_id = ?1 AND officer_id = ?3",
        [shared, solo, namesake],
    );
    b.check("after moving it back");
    b.run(
        "UPDATE project_officer SET officer_id = ?2 WHERE project_id = ?1 AND officer_id = ?3",
        [solo, single, namesake],
    );
    b.check("after handing an assignment to another officer in place");

    b.store
        .retire_project(solo, None, "重複登録のため", &author())
        .unwrap();
    b.check("after retiring the project");
    b.store.restore_project(solo, &author()).unwrap();
    b.check("after restoring it");

    // A bulk write (import, demo): a project, deadlines before and after its officers.
    let created = b
        .store
        .bulk_load("test", |l| {
            let p = crate::common::fixture::new_project("JP26pt0000001", "組の一括");
            let id = l.project(&p, &[])?;
            let deadline = |offset: i64, done: bool| BulkDeadline {
                project_id: id,
                kind: DeadlineKind::InterimEvaluation,
                title: "中間評価",
                due_on: day(offset),
                done: done.then_some((today(), "岩崎 美紀")),
                created_by: "test",
                created_at: "2026-11-25T00:00:00Z",
            };
            l.deadline(&deadline(-10, false))?;
            l.deadline(&deadline(5, true))?;
            l.assign(id, busy, today())?;
            l.assign(id, single, today())?;
            l.deadline(&deadline(20, false))?;
            Ok((id, serde_json::json!({})))
        })
        .unwrap();
    b.check("after a bulk write");

    // Project import, insert then upsert (a new project and a changed one).
    import_then_change(&mut b.store, "JP26pt0000002");
    b.check("after importing projects");

    // Deleting a project cascades to its deadlines and officers: its part leaves once.
    b.run("DELETE FROM project WHERE id = ?1", [created]);
    b.check("after deleting a project with officers and open deadlines");
    b.run("DELETE FROM project WHERE id = ?1", [shared]);
    b.check("after deleting the shared project");
}

#[test]
fn doctor_names_a_tampered_pair_count_and_rebuild_repairs_it() {
    let b = board();
    let db = b.db();
    drop(b.store);
    raw(&db)
        .execute_batch(
            "UPDATE deadline_pair_tally SET n = n + 1
             WHERE (officer_id, co_officer_id, due_on) =
                   (SELECT officer_id, co_officer_id, due_on FROM deadline_pair_tally
                    WHERE officer_id <> co_officer_id ORDER BY due_on LIMIT 1);",
        )
        .unwrap();
    assert_ne!(kept(&db), recount(&db));
    doctor_names_then_rebuild_mends(
        &b.home,
        &db,
        &[
            (
                "en",
                "tally deadline_pair_tally: 2 rows differ from a recount",
            ),
            (
                "ja",
                "集計表 deadline_pair_tally の 2 行が再集計と一致しません",
            ),
        ],
        || assert_eq!(kept(&db), recount(&db)),
    );
}

/// A database left by schema v18: the CLI says it upgrades (v18 → v19), and the upgrade fills the
/// pairs from a recount, so the per-officer view of mine is right at once.
#[test]
fn an_upgrade_from_v18_fills_the_pairs_from_a_recount() {
    let b = board();
    let db = b.db();
    let me = b.store.me(&b.names[0]).unwrap();
    let expected = b
        .store
        .due_owner_counts(until(), today(), Some(&me))
        .unwrap();
    drop(b.store);
    let objects = objects_named(&db, &["deadline_pair_tally"]);
    assert_eq!(objects.len(), 11, "{objects:?}");
    undo_step_then_upgrade(&b.home, &db, &objects, 18);
    let (kept, counted) = (kept(&db), recount(&db));
    assert!(!kept.is_empty());
    assert_eq!(kept, counted);
    let store =
        seedline::store::Store::open(&db, seedline::store::OpenOptions { create: false }).unwrap();
    assert_eq!(
        store.due_owner_counts(until(), today(), Some(&me)).unwrap(),
        expected
    );
}

/// A write on one project costs the same whatever the other projects' deadlines and officers:
/// the pair triggers read the written project's open deadlines and officers by index (the same
/// write on the same project, before and after a thousand more projects, and open deadlines and
/// one more officer on every other project).
#[test]
fn a_write_reads_its_own_projects_pairs_not_everyones() {
    let b = board();
    let db = b.db();
    let id = b.one(
        "SELECT p.id FROM project p WHERE p.retired_at IS NULL
           AND (SELECT count(*) FROM project_officer WHERE project_id = p.id) >= 2
           AND EXISTS (SELECT 1 FROM deadline WHERE project_id = p.id AND done_on IS NULL)
         ORDER BY p.id LIMIT 1",
        [],
    );
    let writes = [
        "UPDATE project SET retired_at = '2026-11-25T00:00:00Z' WHERE id = ?1",
        "DELETE FROM project WHERE id = ?1",
        "DELETE FROM project_officer WHERE project_id = ?1
           AND officer_id = (SELECT min(officer_id) FROM project_officer WHERE project_id = ?1)",
        "INSERT INTO project_officer (project_id, officer_id)
         SELECT ?1, max(id) FROM officer
         WHERE id NOT IN (SELECT officer_id FROM project_officer WHERE project_id = ?1)",
        "UPDATE project_officer SET officer_id = (SELECT max(id) FROM officer
             WHERE id NOT IN (SELECT officer_id FROM project_officer WHERE project_id = ?1))
         WHERE project_id = ?1
           AND officer_id = (SELECT min(officer_id) FROM project_officer WHERE project_id = ?1)",
        "INSERT INTO deadline (project_id, kind, due_on, created_by, created_at)
         VALUES (?1, 'annual_report', '2026-12-01', 'x', 't')",
        "UPDATE deadline SET due_on = '2026-12-03'
         WHERE id = (SELECT min(id) FROM deadline WHERE project_id = ?1 AND done_on IS NULL)",
        "UPDATE deadline SET done_on = '2026-11-25', done_by = 'x'
         WHERE id = (SELECT min(id) FROM deadline WHERE project_id = ?1 AND done_on IS NULL)",
    ];
    let before: Vec<i32> = writes.iter().map(|sql| steps(&db, sql, id)).collect();
    // A thousand more projects; every other project: open deadlines on the same days, and one
    // more officer.
    raw(&db)
        .execute_batch(&format!(
            "INSERT INTO project (amed_id, title, summary, pi_name, pi_title, institution,
                 program_id, integrated_project_id, modality, phase, start_date, end_date,
                 budget_total_kyen, partner_company, licensing_status, created_at, updated_at,
                 version)
             WITH RECURSIVE k (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 1000)
             SELECT 'PAIR-' || k.n, title, summary, pi_name, pi_title, institution, program_id,
                 integrated_project_id, modality, phase, start_date, end_date, budget_total_kyen,
                 partner_company, licensing_status, created_at, updated_at, version
             FROM project, k WHERE project.id = {id};
             INSERT INTO project_officer (project_id, officer_id)
             SELECT p.id, (SELECT max(id) FROM officer) FROM project p WHERE p.amed_id LIKE 'PAIR-%';
             INSERT INTO deadline (project_id, kind, due_on, created_by, created_at)
             SELECT p.id, 'annual_report', d.day, 'x', 't'
             FROM project p, (SELECT '2026-12-01' AS day UNION ALL SELECT '2026-10-01'
                              UNION ALL SELECT '2026-12-03') d WHERE p.id <> {id};
             INSERT OR IGNORE INTO project_officer (project_id, officer_id)
             SELECT p.id, (SELECT min(id) FROM officer) FROM project p WHERE p.id <> {id};"
        ))
        .unwrap();
    for (sql, a) in writes.iter().zip(before) {
        let b = steps(&db, sql, id);
        assert!(
            b < a + 300,
            "{sql}: {a} steps, {b} once there are more projects with open deadlines: it reads them"
        );
    }
}
