//! The dashboard's due figures read from `tally_span` (the due follow-ups summed by year, month
//! and day) equal a recount from the notes after every kind of write that moves them, for
//! everyone and for each officer, on days at year and month boundaries (where the sum switches
//! from years to months to days). `doctor` reports a tampered sum; `--rebuild-counts` fixes it.

use crate::common::kept::{cli_ok as run, export_delete_reimport, text as one};
use crate::common::{Home, raw};
use seedline::demo::{DemoOptions, generate};
use seedline::model::{Date, MatrixOptions, Pivot, parse_date};
use seedline::store::{OpenOptions, Store};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// (dim, key, phase) → projects with a follow-up due by today; ("overdue", 0, 0) → follow-ups
/// due before today (the headline).
type Due = BTreeMap<(String, i64, i64), i64>;

/// The days the figures are read on: the first and last day of a year, the first day of a fiscal
/// year (1 April) and of a month, the day before a month starts, and an ordinary day.
const DAYS: [&str; 7] = [
    "2026-01-01",
    "2025-12-31",
    "2026-04-01",
    "2026-03-31",
    "2026-11-01",
    "2026-12-31",
    "2026-11-25",
];

/// The same figures recounted from the notes (open follow-ups of live projects; a project counts
/// once per cell, at its earliest open follow-up; 'area' only for sub-areas, as the matrix shows).
const RECOUNT: &str = "
WITH who(pid, oid) AS (SELECT id, 0 FROM project UNION ALL SELECT project_id, officer_id FROM project_officer),
cell(pid, dim, ckey, cphase) AS (
    SELECT id, 'ip', integrated_project_id, phase FROM project WHERE retired_at IS NULL
    UNION ALL
    SELECT p.id, 'area', x.disease_area_id, p.phase FROM project p
      JOIN project_disease_area x ON x.project_id = p.id
      JOIN disease_area a ON a.id = x.disease_area_id
      WHERE p.retired_at IS NULL AND a.parent_id IS NOT NULL
    UNION
    SELECT p.id, 'top', coalesce(a.parent_id, a.id), p.phase FROM project p
      JOIN project_disease_area x ON x.project_id = p.id
      JOIN disease_area a ON a.id = x.disease_area_id WHERE p.retired_at IS NULL),
open_note AS (SELECT * FROM note
    WHERE follow_up_on IS NOT NULL AND follow_up_done_at IS NULL AND deleted_at IS NULL)
SELECT dim, ckey, cphase, count(DISTINCT pid)
  FROM cell JOIN who USING (pid)
  JOIN (SELECT project_id, min(follow_up_on) AS first FROM open_note GROUP BY 1) d ON d.project_id = pid
  WHERE oid = ?1 AND d.first <= ?2 GROUP BY 1, 2, 3
UNION ALL
SELECT 'overdue', 0, 0, count(*) FROM open_note n JOIN project p ON p.id = n.project_id
  JOIN who ON who.pid = p.id
  WHERE who.oid = ?1 AND p.retired_at IS NULL AND n.follow_up_on < ?2";

fn recount(db: &Path, officer: i64, today: &str) -> Due {
    let conn = raw(db);
    let mut stmt = conn.prepare(RECOUNT).unwrap();
    let rows = stmt
        .query_map(rusqlite::params![officer, today], |r| {
            Ok(((r.get(0)?, r.get(1)?, r.get(2)?), r.get(3)?))
        })
        .unwrap();
    rows.map(Result::unwrap).filter(|(_, n)| *n != 0).collect()
}

/// What the dashboard shows: the matrix's cells in both pivots and the headline's overdue count,
/// everyone's (`officer` 0) or one officer's (the dashboard's `o`).
fn shown(store: &Store, officer: i64, today: Date) -> Due {
    let options = MatrixOptions {
        officers: (officer != 0).then(|| vec![officer]),
        ..MatrixOptions::default()
    };
    let mut due = Due::new();
    for pivot in [Pivot::IntegratedProject, Pivot::DiseaseArea] {
        let matrix = store.matrix_with(pivot, today, &options).unwrap();
        for row in &matrix.rows {
            let dim = match (pivot, row.depth) {
                (Pivot::IntegratedProject, _) => "ip",
                (_, 0) => "top",
                _ => "area",
            };
            for (index, cell) in row.cells.iter().enumerate() {
                if cell.follow_ups_due != 0 {
                    due.insert(
                        (dim.to_string(), row.id, index as i64 + 1),
                        cell.follow_ups_due,
                    );
                }
            }
        }
    }
    let headline = if officer == 0 {
        store.headline(today).unwrap()
    } else {
        let scope = seedline::model::Scope::new(today, "");
        store
            .headline_scoped(today, &options, &Default::default(), &scope)
            .unwrap()
    };
    if headline.overdue_follow_ups != 0 {
        due.insert(("overdue".into(), 0, 0), headline.overdue_follow_ups);
    }
    due
}

/// Everyone's and each assigned officer's figures equal the recount on every day of `DAYS`.
#[track_caller]
fn assert_due_holds(db: &Path, after: &str) {
    let store = Store::open(db, OpenOptions { create: false }).unwrap();
    let mut officers: Vec<i64> = raw(db)
        .prepare("SELECT DISTINCT officer_id FROM project_officer ORDER BY 1")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(!officers.is_empty(), "{after}: no officer assigned");
    officers.insert(0, 0);
    let mut seen = 0;
    for day in DAYS {
        let today = parse_date(day).unwrap();
        for &officer in &officers {
            let counted = recount(db, officer, day);
            seen += counted.len();
            assert_eq!(
                shown(&store, officer, today),
                counted,
                "{after}: officer {officer}, today {day}"
            );
        }
    }
    assert!(seen > 0, "{after}: nothing due on any day");
}

/// A demo database (a paused bulk write) with follow-ups spread around the boundaries.
fn demo(home: &Home) -> PathBuf {
    let mut store = home.store("spans.db");
    let options = DemoOptions {
        projects: 150,
        notes: 1200,
        flags: 30,
        seed: 7,
        anchor: parse_date("2026-04-01").unwrap(),
    };
    generate(&mut store, &options, &mut |_, _, _| {}).unwrap();
    home.path("spans.db")
}

/// A live project assigned to an officer, and that officer's name.
fn assigned_project(db: &Path) -> (String, String) {
    let conn = raw(db);
    conn.query_row(
        "SELECT p.amed_id, o.name FROM project p JOIN project_officer x ON x.project_id = p.id
           JOIN officer o ON o.id = x.officer_id
         WHERE p.retired_at IS NULL AND p.phase < 5 ORDER BY p.id LIMIT 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .unwrap()
}

#[test]
fn the_due_figures_equal_a_recount_after_every_write_at_year_and_month_boundaries() {
    let home = Home::new();
    let db = demo(&home);
    assert_due_holds(&db, "demo (a paused bulk write)");
    let (plain, officer) = assigned_project(&db);
    // Follow-ups on each boundary day, so the years, months and days each carry a share.
    for day in [
        "2025-12-31",
        "2026-01-01",
        "2026-03-31",
        "2026-04-01",
        "2026-10-31",
        "2026-11-01",
        "2026-12-31",
    ] {
        run(
            &home,
            &db,
            &[
                "note",
                "add",
                &plain,
                "--kind",
                "meeting",
                "--body",
                "面談",
                "--date",
                "2025-12-01",
                "--follow-up",
                day,
            ],
        );
    }
    assert_due_holds(&db, "follow-ups added on boundary days");
    let note_on = |day: &str| {
        one(
            &db,
            &format!(
                "SELECT CAST(n.id AS TEXT) FROM note n JOIN project p ON p.id = n.project_id
                 WHERE p.amed_id = '{plain}' AND n.follow_up_on = '{day}'
                   AND n.follow_up_done_at IS NULL AND n.deleted_at IS NULL"
            ),
        )
    };
    run(&home, &db, &["note", "done", &note_on("2025-12-31")]);
    assert_due_holds(
        &db,
        "the earliest follow-up done (the project's first day moves)",
    );
    run(&home, &db, &["note", "delete", &note_on("2026-04-01")]);
    assert_due_holds(&db, "a follow-up deleted");
    run(
        &home,
        &db,
        &["note", "restore", &note_on_deleted(&db, &plain)],
    );
    assert_due_holds(&db, "a follow-up restored");
    run(
        &home,
        &db,
        &["phase", &plain, "--to", "clinical", "--reason", "移行"],
    );
    assert_due_holds(&db, "the project moved phase");
    let other = one(
        &db,
        "SELECT name FROM officer WHERE retired_at IS NULL ORDER BY id DESC LIMIT 1",
    );
    run(&home, &db, &["assign", "--officer", &other, &plain]);
    assert_due_holds(&db, "an officer assigned");
    run(&home, &db, &["unassign", "--officer", &officer, &plain]);
    assert_due_holds(&db, "an officer unassigned");
    run(
        &home,
        &db,
        &["project", "retire", &plain, "--reason", "誤登録"],
    );
    assert_due_holds(&db, "retired");
    run(&home, &db, &["project", "restore", &plain]);
    assert_due_holds(&db, "restored");
    // A paused bulk write: every project exported, some deleted, imported again (new and moved).
    export_delete_reimport(&home, &db, 15, || {
        assert_due_holds(&db, "projects deleted (their notes with them)")
    });
    assert_due_holds(&db, "projects imported (a paused bulk write)");
    // (The raw delete above left the notes' search index behind, which `doctor` would report.)
    let mut store = Store::open(&db, OpenOptions { create: false }).unwrap();
    store.rebuild_counts().unwrap();
    drop(store);
    assert_due_holds(&db, "counts rebuilt");
}

fn note_on_deleted(db: &Path, plain: &str) -> String {
    one(
        db,
        &format!(
            "SELECT CAST(n.id AS TEXT) FROM note n JOIN project p ON p.id = n.project_id
             WHERE p.amed_id = '{plain}' AND n.deleted_at IS NOT NULL"
        ),
    )
}

#[test]
fn doctor_reports_a_tampered_span_and_the_rebuild_fixes_it() {
    let home = Home::new();
    let db = demo(&home);
    run(&home, &db, &["doctor"]);
    // One month's sum off by one, one day's sum gone.
    raw(&db)
        .execute_batch(
            "UPDATE tally_span SET n = n + 1
             WHERE (officer_id, dim, figure, grain, span, key, phase) IN (
               SELECT officer_id, dim, figure, grain, span, key, phase FROM tally_span
               WHERE grain = 'm' AND figure = 'due_projects' LIMIT 1);
             DELETE FROM tally_span
             WHERE (officer_id, dim, figure, grain, span, key, phase) IN (
               SELECT officer_id, dim, figure, grain, span, key, phase FROM tally_span
               WHERE grain = 'd' AND figure = 'due_notes' LIMIT 1);",
        )
        .unwrap();
    for (lang, words) in [
        (
            "en",
            "summed by year, month and day differ from the kept counts in 3 rows",
        ),
        ("ja", "年・月・日ごとの合計が集計と 3 行で異なります"),
    ] {
        let out = home
            .seedline()
            .arg("--db")
            .arg(&db)
            .args(["--lang", lang, "doctor"])
            .assert()
            .failure();
        let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        assert!(stdout.contains(words), "{lang}: {stdout}");
    }
    run(&home, &db, &["--lang", "en", "doctor", "--rebuild-counts"]);
    run(&home, &db, &["--lang", "en", "doctor"]);
    assert_due_holds(&db, "rebuilt after tampering");
}
