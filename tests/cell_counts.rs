//! A pivot cell and the list its Enter opens agree: on a demo database, every budget pivot cell's
//! filter (`fy:` with the row's `ip:` / `program:` / `phase:`) lists exactly the projects whose
//! allocations the cell sums, and every funnel cell's filter (`inphase:` / `moved:`) lists as many
//! projects as the cell counts. The filters are the screens' own (`cell_query`), resolved and run
//! as the list would run them.

use crate::common::{Home, today};
use seedline::Lang;
use seedline::app::{BudgetState, FunnelState};
use seedline::demo::{DemoOptions, generate};
use seedline::model::{BudgetRows, Coded, FiscalYear, Phase, Scope, Sort};
use seedline::query::{Filter, resolve};
use seedline::store::Store;

fn demo() -> (Home, Store) {
    let home = Home::new();
    let mut store = home.store("cells.db");
    let options = DemoOptions {
        projects: 300,
        notes: 300,
        flags: 30,
        seed: 11,
        anchor: today(),
    };
    generate(&mut store, &options, &mut |_, _, _| {}).unwrap();
    (home, store)
}

fn scope() -> Scope {
    Scope::new(today(), "岩崎 美紀")
}

/// The ids the list opened with `query` shows.
fn listed(store: &Store, query: &str) -> Vec<i64> {
    let filter = resolve(query, &store.reference().unwrap()).unwrap();
    store
        .project_ids(&filter, Sort::default(), &scope())
        .unwrap()
}

#[test]
fn every_budget_cell_lists_exactly_the_projects_it_sums() {
    let (_home, store) = demo();
    for rows_by in [
        BudgetRows::IntegratedProject,
        BudgetRows::Program,
        BudgetRows::Phase,
    ] {
        let pivot = store
            .budget_pivot(rows_by, &Filter::default(), &scope(), None)
            .unwrap();
        assert!(pivot.years.len() > 3 && !pivot.rows.is_empty());
        let mut state = BudgetState {
            rows_by,
            pivot: Some(pivot.clone()),
            ..BudgetState::default()
        };
        // Every row and the totals row; every year and the all-years total.
        for row in 0..=pivot.rows.len() {
            for col in 0..=pivot.years.len() {
                state.row = row;
                state.col = Some(col);
                let (query, _) = state.cell_query(Lang::Ja).unwrap();
                let ids = listed(&store, &query);
                let years: Vec<FiscalYear> = match pivot.years.get(col) {
                    Some(y) => vec![*y],
                    None => pivot.years.clone(),
                };
                let sum: i64 = ids
                    .iter()
                    .flat_map(|id| store.budgets(*id).unwrap())
                    .filter(|(y, _)| years.contains(y))
                    .map(|(_, k)| k)
                    .sum();
                let cell = match (pivot.rows.get(row), col < pivot.years.len()) {
                    (Some(r), true) => r.amounts[col],
                    (Some(r), false) => r.total,
                    (None, true) => pivot.column_totals[col],
                    (None, false) => pivot.total,
                };
                assert_eq!(sum, cell, "{rows_by:?} row {row} col {col}: {query}");
                assert_eq!(
                    ids.is_empty(),
                    cell == 0,
                    "{query}: no project without money"
                );
            }
        }
    }
}

#[test]
fn every_funnel_cell_lists_as_many_projects_as_it_counts() {
    let (_home, store) = demo();
    let current = FiscalYear::of(today()).0;
    let mut checked = 0;
    for year in (current - 3)..=current {
        let funnel = store
            .funnel(FiscalYear(year), &Filter::default(), &scope())
            .unwrap();
        let mut state = FunnelState::new(FiscalYear(year), Filter::default(), String::new());
        state.funnel = Some(funnel.clone());
        for (row, step) in funnel.steps.iter().enumerate() {
            state.row = row;
            state.col = 0;
            let (query, _) = state.cell_query(Lang::En).unwrap();
            assert_eq!(
                listed(&store, &query).len() as i64,
                step.in_phase,
                "{query}"
            );
            state.col = 1;
            match state.cell_query(Lang::En) {
                Some((query, _)) => {
                    assert_eq!(
                        listed(&store, &query).len() as i64,
                        step.advanced,
                        "{query}"
                    )
                }
                None => assert_eq!(Phase::ALL[row], Phase::Practical, "only 実用化 has no 移行"),
            }
            checked += step.in_phase;
        }
    }
    assert!(checked > 100, "the demo has projects in the funnel");
}
