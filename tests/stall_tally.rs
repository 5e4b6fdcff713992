//! The funnel's "stalled" figure kept per phase-entry day (schema v13): the unfiltered funnel reads
//! it from `stall_tally`, and after every kind of write it equals a count of the projects, for
//! any stall threshold; `seedline doctor` notices the table out of step and the rebuild mends it.

use crate::common::{Home, fixture, raw, today};
use seedline::demo::{DemoOptions, generate};
use seedline::model::{Author, FiscalYear, Phase, PhaseMove, Scope};
use seedline::query::Filter;
use seedline::store::{ImportMode, OpenOptions, Store};

fn demo(home: &Home) -> Store {
    let mut store = Store::open(&home.path("stall.db"), OpenOptions { create: true }).unwrap();
    let options = DemoOptions {
        projects: 300,
        notes: 100,
        flags: 10,
        seed: 11,
        anchor: today(),
    };
    generate(&mut store, &options, &mut |_, _, _| {}).unwrap();
    store
}

fn author() -> Author {
    Author::new(Some("岩崎 美紀"), Some("PO"), "iwasaki")
}

/// The officer's scope with a stall threshold of `days`.
fn scope(days: i64) -> Scope {
    Scope {
        stall_days: days,
        ..Scope::new(today(), "岩崎美紀")
    }
}

/// The stalled figure the funnel shows (kept) and the count of the projects (recount).
fn stalled(store: &Store, days: i64) -> (i64, i64) {
    let year = FiscalYear(2026);
    let none = Filter::default();
    let kept = store.funnel(year, &none, &scope(days)).unwrap().stalled;
    let counted = store
        .funnel_recount(year, &none, &scope(days))
        .unwrap()
        .stalled;
    (kept, counted)
}

/// The kept figure equals the count at several thresholds, and the doctor finds nothing.
fn assert_stalled_match(store: &Store, when: &str) -> i64 {
    for days in [0, 30, 365, Scope::DEFAULT_STALL_DAYS, 5000] {
        let (kept, counted) = stalled(store, days);
        assert_eq!(kept, counted, "stalled after {days} days, {when}");
    }
    let report = store.doctor().unwrap();
    assert!(
        report.invariants.is_empty(),
        "{when}: {:?}",
        report.invariants
    );
    stalled(store, 365).1
}

/// A live project short of 実用化 whose current phase began more than a year before today.
fn a_stalled_project(store: &Store) -> (i64, Phase) {
    raw(store.path())
        .query_row(
            "SELECT p.id, p.phase FROM project p JOIN phase_entered e ON e.project_id = p.id
             WHERE p.retired_at IS NULL AND p.phase < 4 AND e.entered_on < date(?1, '-400 days')
             ORDER BY p.id LIMIT 1",
            [today().to_string()],
            |r| Ok((r.get(0)?, Phase::from_ord(r.get(1)?).unwrap())),
        )
        .unwrap()
}

fn mv(to: Phase, on: &str) -> PhaseMove {
    PhaseMove {
        to,
        on: seedline::model::parse_date(on).unwrap(),
        reason: String::new(),
    }
}

#[test]
fn the_stalled_figure_follows_every_write() {
    let home = Home::new();
    let mut store = demo(&home);
    let before = assert_stalled_match(&store, "after the demo");
    assert!(before > 0, "the demo has projects stalled for a year");

    // A phase move today ends a stall: the figure drops by exactly that project.
    let (p, phase) = a_stalled_project(&store);
    let next = Phase::from_ord(phase.ord() + 1).unwrap();
    store
        .move_phase(p, None, &mv(next, &today().to_string()), &author())
        .unwrap();
    assert_eq!(
        assert_stalled_match(&store, "after a move today"),
        before - 1
    );

    // 実用化 never counts as stalled, however long ago it was entered.
    let (q, _) = a_stalled_project(&store);
    store
        .move_phase(q, None, &mv(Phase::Practical, "2020-04-01"), &author())
        .unwrap();
    assert_eq!(
        assert_stalled_match(&store, "after a move to 実用化"),
        before - 2
    );
    store
        .move_phase(q, None, &mv(Phase::Clinical, "2020-05-01"), &author())
        .unwrap();
    assert_eq!(
        assert_stalled_match(&store, "after a move back from 実用化"),
        before - 1
    );

    // A retired project counts nowhere; restored, it counts again.
    let (r, _) = a_stalled_project(&store);
    store
        .retire_project(r, None, "二重登録", &author())
        .unwrap();
    assert_eq!(
        assert_stalled_match(&store, "after a retirement"),
        before - 2
    );
    store.restore_project(r, &author()).unwrap();
    assert_eq!(assert_stalled_match(&store, "after a restore"), before - 1);

    // Imported projects enter their phase on the import day; an upsert moves them.
    let rows: Vec<_> = (0..15)
        .map(|i| fixture::new_project(&format!("STALL-{i:03}"), &format!("停滞 {i}")))
        .collect();
    store
        .import_projects(&rows, ImportMode::Insert, today(), "stall.csv")
        .unwrap();
    assert_stalled_match(&store, "after an import");
    let moved: Vec<_> = rows
        .iter()
        .map(|row| seedline::model::NewProject {
            phase: Phase::Practical,
            ..row.clone()
        })
        .collect();
    store
        .import_projects(&moved, ImportMode::Upsert, today(), "stall2.csv")
        .unwrap();
    assert_stalled_match(&store, "after an import that moves projects");

    // A project deleted outright (by hand, with its rows cascading) is counted away once.
    let (gone, _) = a_stalled_project(&store);
    let counted_before = stalled(&store, 365).1;
    {
        let conn = raw(store.path());
        conn.execute_batch("PRAGMA foreign_keys = ON").unwrap();
        conn.execute("DELETE FROM project WHERE id = ?1", [gone])
            .unwrap();
    }
    // (seedline never deletes a project, so the search index keeps it: only the figure is compared.)
    for days in [0, 365, 5000] {
        let (kept, counted) = stalled(&store, days);
        assert_eq!(
            kept, counted,
            "stalled after {days} days, after a project's delete"
        );
    }
    assert_eq!(stalled(&store, 365).1, counted_before - 1);
}

#[test]
fn doctor_sees_the_stall_count_out_of_step_and_the_rebuild_mends_it() {
    let home = Home::new();
    let mut store = demo(&home);
    assert_stalled_match(&store, "after the demo");
    raw(store.path())
        .execute_batch(
            "UPDATE stall_tally SET projects = projects + 3
             WHERE entered_on = (SELECT min(entered_on) FROM stall_tally)",
        )
        .unwrap();
    let (kept, counted) = stalled(&store, 365);
    assert_eq!(kept, counted + 3, "the funnel reads the kept figure");
    let report = store.doctor().unwrap();
    assert_eq!(report.invariants.len(), 1, "{:?}", report.invariants);
    for (lang, word) in [
        (seedline::Lang::En, "stall_tally"),
        (seedline::Lang::Ja, "stall_tally"),
    ] {
        assert!(report.invariants[0].get(lang).contains(word));
    }
    store.rebuild_counts().unwrap();
    assert_stalled_match(&store, "after the rebuild");
}
