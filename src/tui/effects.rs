//! Performs the app's effects against the store and feeds the results back as actions.

use crate::app::{Action, App, DashboardData, Effect};
use crate::store::Store;

/// Runs effects until none are left (an effect's answer may ask for more).
pub fn run_all(store: &mut Store, app: &mut App, effects: Vec<Effect>) {
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        let action = perform(store, effect);
        queue.extend(app.update(action));
    }
}

/// Performs one effect; a failure becomes a message in the status line, never a panic.
pub fn perform(store: &mut Store, effect: Effect) -> Action {
    let result = match effect {
        Effect::LoadDashboard { pivot, today } => store.matrix(pivot, today).and_then(|matrix| {
            Ok(Action::DashboardLoaded(Box::new(DashboardData {
                matrix,
                headline: store.headline(today)?,
            })))
        }),
        Effect::LoadList {
            request,
            filter,
            sort,
            today,
        } => store
            .project_ids(&filter, sort, today)
            .map(|ids| Action::ListLoaded { request, ids }),
        Effect::LoadRows { ids, today } => store.project_rows(&ids, today).map(Action::RowsLoaded),
        Effect::LoadDetail { id } => store
            .project_detail(id)
            .map(|d| Action::DetailLoaded(Box::new(d))),
        Effect::CountProjects => store.project_count().map(Action::TotalLoaded),
    };
    result.unwrap_or_else(|e| Action::Failed(e.to_string()))
}
