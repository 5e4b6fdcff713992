//! The dashboard's kept counts (`tally`, schema v9) equal a recount after every kind of write: the
//! recount below is the dashboard's former GROUP BY queries, figure by figure, for everyone and
//! for each officer. `doctor` reports a hand-corrupted count; `doctor --rebuild-counts` fixes it.

use crate::common::kept::{cli_ok as run, export_delete_reimport, text as one};
use crate::common::{Home, raw, today};
use seedline::demo::{DemoOptions, generate};
use seedline::model::MatrixOptions;
use std::collections::BTreeMap;
use std::path::Path;

type Cells = BTreeMap<(i64, String, String, i64, i64, String), i64>;

/// Every figure recounted from the rows with the dashboard's former grouped queries (projects not
/// retired; a parent area counts a project once; per officer assigned, and 0 for everyone).
const RECOUNT: &str = "
WITH who(pid, oid) AS (SELECT id, 0 FROM project UNION ALL SELECT project_id, officer_id FROM project_officer),
cell(pid, dim, ckey, cphase) AS (
    SELECT id, 'ip', integrated_project_id, phase FROM project WHERE retired_at IS NULL
    UNION ALL
    SELECT p.id, 'area', x.disease_area_id, p.phase FROM project p
      JOIN project_disease_area x ON x.project_id = p.id WHERE p.retired_at IS NULL
    UNION
    SELECT p.id, 'top', coalesce(a.parent_id, a.id), p.phase FROM project p
      JOIN project_disease_area x ON x.project_id = p.id
      JOIN disease_area a ON a.id = x.disease_area_id WHERE p.retired_at IS NULL),
open_note AS (SELECT * FROM note
    WHERE follow_up_on IS NOT NULL AND follow_up_done_at IS NULL AND deleted_at IS NULL)
SELECT oid, dim, 'projects', ckey, cphase, '', count(DISTINCT pid)
  FROM cell JOIN who USING (pid) GROUP BY 1, 2, 4, 5
UNION ALL
SELECT oid, dim, 'flagged', ckey, cphase, '', count(DISTINCT pid)
  FROM cell JOIN who USING (pid) JOIN highway_flag f ON f.project_id = pid
  WHERE f.status IN ('candidate', 'recommended') GROUP BY 1, 2, 4, 5
UNION ALL
SELECT oid, dim, 'due_projects', ckey, cphase, first, count(DISTINCT pid)
  FROM cell JOIN who USING (pid)
  JOIN (SELECT project_id, min(follow_up_on) AS first FROM open_note GROUP BY 1) d ON d.project_id = pid
  GROUP BY 1, 2, 4, 5, 6
UNION ALL
SELECT oid, dim, 'due_notes', ckey, cphase, n.follow_up_on, count(*)
  FROM cell JOIN who USING (pid) JOIN open_note n ON n.project_id = pid
  WHERE dim = 'ip' GROUP BY 1, 2, 4, 5, 6
UNION ALL
SELECT oid, dim, 'licensed', ckey, cphase, '', count(DISTINCT pid)
  FROM cell JOIN who USING (pid) JOIN project p ON p.id = pid
  WHERE dim = 'ip' AND (p.licensing_status IN ('assignment', 'license', 'joint_development')
     OR p.id IN (SELECT project_id FROM outcome WHERE kind = 'licensing' AND deleted_at IS NULL))
  GROUP BY 1, 2, 4, 5
UNION ALL
SELECT oid, dim, 'approvals', ckey, cphase, '', count(*)
  FROM cell JOIN who USING (pid) JOIN outcome o ON o.project_id = pid
  WHERE dim = 'ip' AND o.kind = 'regulatory_approval' AND o.deleted_at IS NULL GROUP BY 1, 2, 4, 5
UNION ALL
SELECT oid, dim, 'budget', ckey, cphase, CAST(b.fiscal_year AS TEXT), sum(b.amount_kyen)
  FROM cell JOIN who USING (pid) JOIN budget_allocation b ON b.project_id = pid
  GROUP BY 1, 2, 4, 5, 6";

fn cells(conn: &rusqlite::Connection, sql: &str) -> Cells {
    let mut stmt = conn.prepare(sql).unwrap();
    let rows = stmt
        .query_map([], |r| {
            Ok((
                (
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ),
                r.get(6)?,
            ))
        })
        .unwrap();
    rows.map(Result::unwrap).filter(|(_, n)| *n != 0).collect()
}

/// The kept counts equal the recount, cell by cell, and `doctor` agrees.
#[track_caller]
fn assert_counts_hold(db: &Path, after: &str) {
    let conn = raw(db);
    let kept = cells(
        &conn,
        "SELECT officer_id, dim, figure, key, phase, day, n FROM tally",
    );
    let counted = cells(&conn, RECOUNT);
    assert!(!counted.is_empty(), "{after}: nothing counted");
    let differ: Vec<_> = counted
        .iter()
        .filter(|(k, n)| kept.get(*k) != Some(n))
        .chain(kept.iter().filter(|(k, _)| !counted.contains_key(*k)))
        .take(5)
        .collect();
    assert!(differ.is_empty(), "{after}: kept counts differ: {differ:?}");
}

fn demo(home: &Home) -> std::path::PathBuf {
    let mut store = home.store("tally.db");
    let options = DemoOptions {
        projects: 200,
        notes: 1500,
        flags: 60,
        seed: 15,
        anchor: today(),
    };
    generate(&mut store, &options, &mut |_, _, _| {}).unwrap();
    home.path("tally.db")
}

#[test]
fn every_kind_of_write_keeps_the_counts_equal_to_a_recount() {
    let home = Home::new();
    let db = demo(&home);
    assert_counts_hold(&db, "demo");
    // A project with no open follow-up, no open flag and no officer of its own.
    let plain = one(
        &db,
        "SELECT amed_id FROM project p WHERE retired_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM highway_flag f WHERE f.project_id = p.id
                           AND status IN ('candidate', 'recommended'))
           AND phase < 5 ORDER BY id LIMIT 1",
    );
    // Two sub-areas of one parent (the parent counts the project once) and a top area.
    let areas = one(
        &db,
        "SELECT group_concat(code) || ',cancer' FROM (SELECT code FROM disease_area
           WHERE parent_id = (SELECT max(parent_id) FROM disease_area) LIMIT 2)",
    );
    let steps: Vec<(&str, Vec<String>)> = vec![
        (
            "note with a follow-up",
            vec![
                "note".into(),
                "add".into(),
                plain.clone(),
                "--kind".into(),
                "meeting".into(),
                "--body".into(),
                "面談".into(),
                "--date".into(),
                "2026-10-01".into(),
                "--follow-up".into(),
                "2026-11-01".into(),
            ],
        ),
        (
            "flag opened",
            vec![
                "flag".into(),
                plain.clone(),
                "--to".into(),
                one(&db, "SELECT code FROM program LIMIT 1"),
                "--reason".into(),
                "有望".into(),
            ],
        ),
        (
            "phase move",
            vec![
                "phase".into(),
                plain.clone(),
                "--to".into(),
                "clinical".into(),
                "--reason".into(),
                "移行".into(),
            ],
        ),
        (
            "disease areas edited",
            vec![
                "project".into(),
                "edit".into(),
                plain.clone(),
                "--areas".into(),
                areas.clone(),
            ],
        ),
        (
            "licensing status edited",
            vec![
                "project".into(),
                "edit".into(),
                plain.clone(),
                "--licensing".into(),
                "license".into(),
            ],
        ),
        (
            "approval recorded",
            vec![
                "outcome".into(),
                "add".into(),
                plain.clone(),
                "--kind".into(),
                "regulatory_approval".into(),
                "--date".into(),
                "2026-10-01".into(),
            ],
        ),
        (
            "officer assigned",
            vec![
                "assign".into(),
                "--officer".into(),
                one(&db, "SELECT name FROM officer ORDER BY id LIMIT 1"),
                plain.clone(),
            ],
        ),
    ];
    for (what, args) in &steps {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run(&home, &db, &args);
        assert_counts_hold(&db, what);
    }
    let note = one(
        &db,
        &format!(
            "SELECT CAST(max(n.id) AS TEXT) FROM note n JOIN project p ON p.id = n.project_id WHERE p.amed_id = '{plain}'"
        ),
    );
    run(&home, &db, &["note", "done", &note]);
    assert_counts_hold(&db, "follow-up done");
    let open = one(
        &db,
        "SELECT CAST(max(id) AS TEXT) FROM note WHERE follow_up_on IS NOT NULL AND follow_up_done_at IS NULL AND deleted_at IS NULL",
    );
    run(&home, &db, &["note", "delete", &open]);
    assert_counts_hold(&db, "note with an open follow-up deleted");
    run(
        &home,
        &db,
        &[
            "flag",
            &plain,
            "--status",
            "withdrawn",
            "--reason",
            "取り下げ",
        ],
    );
    assert_counts_hold(&db, "flag withdrawn");
    let outcome = one(&db, "SELECT CAST(max(id) AS TEXT) FROM outcome");
    run(&home, &db, &["outcome", "delete", &outcome]);
    assert_counts_hold(&db, "outcome deleted");
    let officer = one(&db, "SELECT name FROM officer ORDER BY id LIMIT 1");
    run(&home, &db, &["unassign", "--officer", &officer, &plain]);
    assert_counts_hold(&db, "officer unassigned");
    run(
        &home,
        &db,
        &["project", "retire", &plain, "--reason", "誤登録"],
    );
    assert_counts_hold(&db, "retired");
    run(&home, &db, &["project", "restore", &plain]);
    assert_counts_hold(&db, "restored");
    let budgets = home.path("budgets.csv");
    std::fs::write(
        &budgets,
        format!("課題管理番号,年度,配分額(千円)\n{plain},2026,12345\n"),
    )
    .unwrap();
    run(
        &home,
        &db,
        &["import", "budgets", budgets.to_str().unwrap()],
    );
    assert_counts_hold(&db, "budget imported");
    std::fs::write(
        &budgets,
        format!("課題管理番号,年度,配分額(千円)\n{plain},2026,777\n"),
    )
    .unwrap();
    run(
        &home,
        &db,
        &["import", "budgets", budgets.to_str().unwrap()],
    );
    assert_counts_hold(&db, "budget replaced (an upsert)");
    export_delete_reimport(&home, &db, 20, || {
        assert_counts_hold(&db, "projects deleted (cascading to their rows)")
    });
    assert_counts_hold(&db, "projects imported (new and updated)");
    assert_eq!(
        one(&db, "SELECT CAST(count(*) AS TEXT) FROM tally_pending"),
        "0"
    );
}

#[test]
fn the_dashboard_reads_the_same_figures_from_the_kept_counts() {
    let home = Home::new();
    let db = demo(&home);
    let store =
        seedline::store::Store::open(&db, seedline::store::OpenOptions { create: false }).unwrap();
    let conn = raw(&db);
    let live: i64 = conn
        .query_row(
            "SELECT count(*) FROM project WHERE retired_at IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(store.project_count().unwrap(), live);
    let h = store.headline(today()).unwrap();
    let overdue: i64 = conn.query_row(
        "SELECT count(*) FROM note n JOIN project p ON p.id = n.project_id WHERE p.retired_at IS NULL
           AND follow_up_on IS NOT NULL AND follow_up_done_at IS NULL AND n.deleted_at IS NULL AND follow_up_on < ?1",
        [crate::common::TODAY], |r| r.get(0)).unwrap();
    assert_eq!((h.projects, h.overdue_follow_ups), (live, overdue));
    // One officer's matrix: the kept counts; two officers: counted, projects shared once.
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM officer ORDER BY id LIMIT 2")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mine = |ids: &[i64]| {
        let options = MatrixOptions {
            officers: Some(ids.to_vec()),
            ..MatrixOptions::default()
        };
        store
            .matrix_with(seedline::model::Pivot::IntegratedProject, today(), &options)
            .unwrap()
            .total
            .projects
    };
    let assigned = |ids: &str| -> i64 {
        conn.query_row(&format!("SELECT count(DISTINCT p.id) FROM project p JOIN project_officer o ON o.project_id = p.id
            WHERE p.retired_at IS NULL AND o.officer_id IN ({ids})"), [], |r| r.get(0)).unwrap()
    };
    assert_eq!(mine(&ids[..1]), assigned(&ids[0].to_string()));
    assert_eq!(mine(&ids), assigned(&format!("{}, {}", ids[0], ids[1])));
}

#[test]
fn doctor_reports_a_corrupted_count_and_the_rebuild_fixes_it() {
    let home = Home::new();
    let db = demo(&home);
    home.seedline()
        .arg("--db")
        .arg(&db)
        .args(["--lang", "en", "doctor"])
        .assert()
        .success();
    raw(&db)
        .execute_batch(
            "UPDATE tally SET n = n + 1 WHERE officer_id = 0 AND dim = 'ip' AND figure = 'projects'
               AND key = (SELECT min(key) FROM tally WHERE officer_id = 0 AND dim = 'ip' AND figure = 'projects')
               AND phase = (SELECT min(phase) FROM tally WHERE officer_id = 0 AND dim = 'ip' AND figure = 'projects'
                 AND key = (SELECT min(key) FROM tally WHERE officer_id = 0 AND dim = 'ip' AND figure = 'projects'))",
        )
        .unwrap();
    for (lang, words) in [
        ("en", "differ from a recount in 1 cells"),
        ("ja", "数え直しと 1 か所で異なります"),
    ] {
        let out = home
            .seedline()
            .arg("--db")
            .arg(&db)
            .args(["--lang", lang, "doctor"])
            .assert()
            .failure();
        let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        assert!(stdout.contains(words), "{stdout}");
    }
    let refused = home
        .seedline()
        .arg("--db")
        .arg(&db)
        .args(["--read-only", "doctor", "--rebuild-counts"])
        .assert()
        .failure();
    assert!(!refused.get_output().stderr.is_empty());
    home.seedline()
        .arg("--db")
        .arg(&db)
        .args(["--lang", "en", "doctor", "--rebuild-counts"])
        .assert()
        .success();
    assert_counts_hold(&db, "rebuilt");
    assert_eq!(
        one(&db, "SELECT action FROM audit_log ORDER BY id DESC LIMIT 1"),
        "rebuild_counts"
    );
}
