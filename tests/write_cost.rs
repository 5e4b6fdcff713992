//! A single write costs the same on a big database as on a small one: the triggers that keep the
//! counts (`tally`, the portfolio tallies, the stalled, deadline, per-officer and pair counts) read the
//! written project's rows, never every project's. Measured in SQLite's virtual-machine steps
//! (which count the trigger programs a statement runs), so the test is exact and independent of
//! the machine's speed: a phase move on 4× the projects must not take more than a few more steps.

use crate::common::{Home, today};
use rusqlite::StatementStatus;
use seedline::demo::{DemoOptions, generate};
use seedline::store::{OpenOptions, Store};

fn database(home: &Home, name: &str, projects: usize) -> std::path::PathBuf {
    let path = home.path(name);
    let mut store = Store::open(&path, OpenOptions { create: true }).unwrap();
    let options = DemoOptions {
        projects,
        notes: projects * 3,
        flags: projects / 10,
        seed: 5,
        anchor: today(),
    };
    generate(&mut store, &options, &mut |_, _, _| {}).unwrap();
    path
}

/// The virtual-machine steps of `sql` run once on project `id`'s row (rolled back).
fn steps(path: &std::path::Path, sql: &str) -> i32 {
    let mut conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    let tx = conn.transaction().unwrap();
    let id: i64 = tx
        .query_row(
            "SELECT id FROM project WHERE retired_at IS NULL AND phase = 2 ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let mut stmt = tx.prepare(sql).unwrap();
    assert_eq!(stmt.execute([id]).unwrap(), 1, "{sql}");
    let n = stmt.get_status(StatementStatus::VmStep);
    drop(stmt);
    tx.rollback().unwrap();
    n
}

#[test]
fn a_write_reads_the_project_it_writes_not_every_project() {
    let home = Home::new();
    let small = database(&home, "small.db", 150);
    let big = database(&home, "big.db", 600);
    let writes = [
        "UPDATE project SET phase = 3 WHERE id = ?1",
        "UPDATE project SET licensing_status = 'license' WHERE id = ?1",
        "UPDATE project SET retired_at = '2026-11-25T00:00:00Z' WHERE id = ?1",
        "UPDATE project SET title = title || '（改）' WHERE id = ?1",
        "INSERT INTO note (project_id, occurred_on, kind, author, author_role, body, follow_up_on,
             created_at, updated_at)
         SELECT ?1, occurred_on, kind, author, author_role, '追加', '2026-12-01', created_at, updated_at
         FROM note LIMIT 1",
        // The due board's per-officer counts (v18): a follow-up done, a deadline added, an
        // officer assigned, a project deleted (its part taken away before the cascade).
        "UPDATE note SET follow_up_done_at = 't', follow_up_done_by = 'x'
         WHERE id = (SELECT max(id) FROM note WHERE project_id >= ?1 AND follow_up_on IS NOT NULL)",
        "INSERT INTO deadline (project_id, kind, due_on, created_by, created_at)
         VALUES (?1, 'annual_report', '2026-12-01', 'x', 't')",
        "INSERT INTO project_officer (project_id, officer_id)
         SELECT ?1, max(id) FROM officer
         WHERE id NOT IN (SELECT officer_id FROM project_officer WHERE project_id = ?1)",
        "DELETE FROM project WHERE id = ?1",
        // The per-officer view of mine (v19): an officer unassigned, an assignment handed to
        // another officer, a deadline's date moved, a deadline deleted.
        "DELETE FROM project_officer WHERE project_id = ?1
           AND officer_id = (SELECT min(officer_id) FROM project_officer WHERE project_id = ?1)",
        "UPDATE project_officer SET officer_id = (SELECT max(id) FROM officer
             WHERE id NOT IN (SELECT officer_id FROM project_officer WHERE project_id = ?1))
         WHERE project_id = ?1
           AND officer_id = (SELECT min(officer_id) FROM project_officer WHERE project_id = ?1)",
        "UPDATE deadline SET due_on = '2026-12-02'
         WHERE id = (SELECT max(id) FROM deadline WHERE project_id >= ?1 AND done_on IS NULL)",
        "DELETE FROM deadline
         WHERE id = (SELECT max(id) FROM deadline WHERE project_id >= ?1 AND done_on IS NULL)",
        "DELETE FROM project_disease_area WHERE project_id = ?1 AND disease_area_id =
             (SELECT min(disease_area_id) FROM project_disease_area WHERE project_id = ?1)",
        "INSERT INTO project (amed_id, title, summary, pi_name, pi_title, institution, program_id,
             integrated_project_id, modality, phase, start_date, end_date, budget_total_kyen,
             partner_company, licensing_status, created_at, updated_at, version)
         SELECT 'COST-1', title, summary, pi_name, pi_title, institution, program_id,
             integrated_project_id, modality, phase, start_date, end_date, budget_total_kyen,
             partner_company, licensing_status, created_at, updated_at, version
         FROM project WHERE id = ?1",
    ];
    for sql in writes {
        let (a, b) = (steps(&small, sql), steps(&big, sql));
        // Per-project work varies with the project's own rows (notes, areas): allow for that, not
        // for a pass over the other projects (which would be about 4x here).
        assert!(
            b < a * 2 + 2_000,
            "{sql}: {a} steps on 150 projects, {b} on 600: the write reads every project"
        );
    }
}
