//! The maintained tallies (schema v11) behind the unfiltered budget pivot and phase funnel: after
//! every kind of write they give exactly the figures of a recount from the rows, a migrated
//! database is filled with the same figures, and `seedline doctor` notices a tally out of step.

use crate::common::{Home, fixture, raw, today};
use seedline::demo::{DemoOptions, generate};
use seedline::model::{Author, BudgetRows, FiscalYear, Phase, PhaseMove, ProjectChanges, Scope};
use seedline::query::Filter;
use seedline::store::{ImportMode, OpenOptions, Store};

fn demo(home: &Home) -> (std::path::PathBuf, Store) {
    let path = home.path("tally.db");
    let mut store = Store::open(&path, OpenOptions { create: true }).unwrap();
    let options = DemoOptions {
        projects: 300,
        notes: 300,
        flags: 30,
        seed: 7,
        anchor: today(),
    };
    generate(&mut store, &options, &mut |_, _, _| {}).unwrap();
    (path, store)
}

fn author() -> Author {
    Author::new(Some("岩崎 美紀"), Some("PO"), "iwasaki")
}

fn scope() -> Scope {
    Scope::new(today(), "岩崎美紀")
}

/// Asserts the tallied (unfiltered) pivot and funnel equal the recount, for every row kind and
/// every fiscal year with phase history, and that they hold something to compare.
fn assert_tallies_match(store: &Store, when: &str) {
    let none = Filter::default();
    let mut any_budget = false;
    for rows_by in [
        BudgetRows::IntegratedProject,
        BudgetRows::Program,
        BudgetRows::Phase,
    ] {
        let kept = store.budget_pivot(rows_by, &none, &scope(), None).unwrap();
        let counted = store
            .budget_pivot_recount(rows_by, &none, &scope(), None)
            .unwrap();
        assert_eq!(kept, counted, "budget pivot by {rows_by:?} {when}");
        any_budget |= counted.total > 0;
    }
    assert!(any_budget, "the demo has budgets");
    let mut any_stays = false;
    for year in 2010..=2030 {
        let year = FiscalYear(year);
        let kept = store.funnel(year, &none, &scope()).unwrap();
        let counted = store.funnel_recount(year, &none, &scope()).unwrap();
        assert_eq!(kept, counted, "funnel of {year:?} {when}");
        any_stays |= counted.steps.iter().any(|s| s.stays > 0 && s.advanced > 0);
    }
    assert!(any_stays, "the demo has phase history");
    let stalled = store.funnel(FiscalYear(2026), &none, &scope()).unwrap();
    assert!(stalled.stalled > 0, "the demo has stalled projects");
    let report = store.doctor().unwrap();
    assert!(
        report.invariants.is_empty(),
        "{when}: {:?}",
        report.invariants
    );
}

fn a_live_project(store: &Store, phase: i64) -> i64 {
    raw(store.path())
        .query_row(
            "SELECT id FROM project WHERE retired_at IS NULL AND phase = ?1 ORDER BY id LIMIT 1",
            [phase],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn tallies_equal_a_recount_after_every_kind_of_write() {
    let home = Home::new();
    let (_path, mut store) = demo(&home);
    assert_tallies_match(&store, "after the demo");

    let mv = |to, on: &str| PhaseMove {
        to,
        on: seedline::model::parse_date(on).unwrap(),
        reason: String::new(),
    };
    let p = a_live_project(&store, 1);
    store
        .move_phase(p, None, &mv(Phase::Applied, "2025-05-10"), &author())
        .unwrap();
    assert_tallies_match(&store, "after a phase move forward");
    store
        .move_phase(p, None, &mv(Phase::Basic, "2026-02-01"), &author())
        .unwrap();
    store
        .move_phase(p, None, &mv(Phase::Applied, "2026-02-01"), &author())
        .unwrap();
    assert_tallies_match(&store, "after moves back and forth within a year");

    let q = a_live_project(&store, 2);
    store.set_budget(q, FiscalYear(2026), 12_345).unwrap();
    store.set_budget(q, FiscalYear(2026), 0).unwrap();
    store.set_budget(q, FiscalYear(2031), 777).unwrap();
    assert_tallies_match(&store, "after budgets set and replaced");

    store
        .retire_project(q, None, "二重登録", &author())
        .unwrap();
    assert_tallies_match(&store, "after a retirement");
    store.restore_project(q, &author()).unwrap();
    assert_tallies_match(&store, "after a restore");

    let r = a_live_project(&store, 3);
    let other_program: String = raw(store.path())
        .query_row(
            "SELECT g.code FROM program g, project p WHERE p.id = ?1
               AND g.integrated_project_id <> p.integrated_project_id
               AND g.retired_at IS NULL AND 3 BETWEEN g.first_phase AND g.last_phase
             ORDER BY g.id LIMIT 1",
            [r],
            |row| row.get(0),
        )
        .unwrap();
    let changes = ProjectChanges {
        program: Some(other_program),
        ..ProjectChanges::default()
    };
    let edited = store.edit_project(r, None, &changes, &author()).unwrap();
    assert!(!edited.changes.is_empty());
    assert_tallies_match(&store, "after a program (and integrated project) edit");

    let rows: Vec<_> = (0..20)
        .map(|i| fixture::new_project(&format!("TALLY-{i:03}"), &format!("集計 {i}")))
        .collect();
    store
        .import_projects(&rows, ImportMode::Insert, today(), "tally.csv")
        .unwrap();
    assert_tallies_match(&store, "after an import");

    // A second import moves projects that already have a history and budgets: inside the pause
    // each one's old contribution is taken away once, however many rows touch it.
    let first = store.project_id("TALLY-000").unwrap();
    store.set_budget(first, FiscalYear(2025), 5_000).unwrap();
    store.set_budget(first, FiscalYear(2026), 7_000).unwrap();
    let moved: Vec<_> = rows
        .iter()
        .map(|row| seedline::model::NewProject {
            phase: Phase::Applied,
            ..row.clone()
        })
        .collect();
    store
        .import_projects(&moved, ImportMode::Upsert, today(), "tally2.csv")
        .unwrap();
    let (phase, changes): (i64, i64) = raw(store.path())
        .query_row(
            "SELECT phase, (SELECT count(*) FROM phase_change WHERE project_id = p.id)
             FROM project p WHERE id = ?1",
            [first],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (phase, changes),
        (2, 2),
        "the second import moved the project"
    );
    assert_tallies_match(&store, "after an import that moves existing projects");
}

#[test]
fn a_migrated_database_gets_its_tallies_from_a_recount_and_doctor_sees_drift() {
    let home = Home::new();
    let (path, store) = demo(&home);
    drop(store);
    {
        // The database as schema 9 left it: no portfolio tallies, no triggers.
        let conn = raw(&path);
        let mut objects: Vec<(String, String)> = conn
            .prepare(
                "SELECT type, name FROM sqlite_master
                 WHERE name IN ('budget_tally', 'funnel_tally', 'funnel_open', 'funnel_stay_days',
                                'fiscal_year_list', 'budget_pending', 'funnel_pending')
                    OR (type = 'trigger' AND (name LIKE 'budget_tally%' OR name LIKE 'funnel_tally%'
                                              OR name LIKE 'portfolio_tally%'))",
            )
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        objects.sort_by_key(|(kind, _)| kind != "trigger");
        assert!(objects.len() >= 20, "{objects:?}");
        for (kind, name) in objects {
            conn.execute_batch(&format!("DROP {} {name}", kind.to_uppercase()))
                .unwrap();
        }
        // Later steps run again after this one: their objects go too.
        conn.execute_batch(
            "DROP INDEX note_open_follow_up_project; DROP INDEX note_open_follow_up_author;
             DROP INDEX deadline_open_project; DROP TABLE stall_tally;
             DROP TRIGGER stall_tally_entered_insert; DROP TRIGGER stall_tally_entered_update;
             DROP TRIGGER stall_tally_entered_delete; DROP TRIGGER stall_tally_project_update;
             DROP TRIGGER stall_tally_project_delete; DROP VIEW deadline_tally_recount;",
        )
        .unwrap();
        let triggers: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name <> 'deadline_tally' AND name LIKE 'deadline_tally%'")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(triggers.len(), 8, "{triggers:?}");
        for name in triggers {
            conn.execute_batch(&format!("DROP TRIGGER {name}")).unwrap();
        }
        conn.execute_batch("DROP TABLE deadline_tally").unwrap();
        // Steps 18 and 19's kept counts of the per-officer view.
        let later = crate::common::kept::objects_named(
            &path,
            &["follow_up_tally", "unassigned_tally", "deadline_pair_tally"],
        );
        assert_eq!(later.len(), 30, "{later:?}");
        for (kind, name) in later {
            conn.execute_batch(&format!("DROP {} {name}", kind.to_uppercase()))
                .unwrap();
        }
        conn.execute_batch(
            "DROP TRIGGER tally_span_insert; DROP TRIGGER tally_span_update;
             DROP TRIGGER tally_span_delete; DROP TABLE tally_span;",
        )
        .unwrap();
        conn.pragma_update(None, "user_version", 10).unwrap();
    }
    let store = Store::open(&path, OpenOptions { create: false }).unwrap();
    assert_tallies_match(&store, "after migrating");
    drop(store);
    raw(&path)
        .execute_batch(
            "UPDATE budget_tally SET amount_kyen = amount_kyen + 1
             WHERE (rows_by, key, fiscal_year) IN (SELECT rows_by, key, fiscal_year FROM budget_tally LIMIT 1)",
        )
        .unwrap();
    let store = Store::open(&path, OpenOptions { create: false }).unwrap();
    let report = store.doctor().unwrap();
    assert_eq!(report.invariants.len(), 1, "{:?}", report.invariants);
    assert!(
        report.invariants[0]
            .get(seedline::Lang::En)
            .contains("budget_tally"),
        "{:?}",
        report.invariants
    );
}
