//! Performs the app's effects against the store and feeds the results back as actions: one small
//! function per effect, each answering with typed data; the app words whatever the officer reads.

mod assign;
mod files;
mod lineage;
mod project;
mod save;

pub use files::export_settings;
pub use save::save;

use crate::app::{Action, App, DashboardData, Effect};
use crate::model::{
    AttachmentView, BudgetPivot, BudgetRows, Date, DueHead, DueItem, DueSeek, FiscalYear, Funnel,
    HistoryEntry, PiKey, PiOverview, ProjectDetail, ProjectRow, Scope, Sort,
};
use crate::model::{MatrixOptions, Pivot};
use crate::query::Filter;
use crate::store::Store;

/// Runs effects until none are left (an effect's answer may ask for more), the ones meant for
/// after a frame included, last: for `show`, tests and scripts, which want the whole answer.
pub fn run_all(store: &mut Store, app: &mut App, effects: Vec<Effect>) {
    let mut effects = effects;
    while !effects.is_empty() {
        effects = run_until_frame(store, app, effects);
    }
}

/// Runs effects until none are left but those meant for after the next frame, which it returns
/// (the TUI draws, then runs them).
pub fn run_until_frame(store: &mut Store, app: &mut App, effects: Vec<Effect>) -> Vec<Effect> {
    let mut later = Vec::new();
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        if let Effect::Later(effect) = effect {
            later.push(*effect);
            continue;
        }
        let action = perform(store, app, effect);
        queue.extend(app.update(action));
    }
    later
}

/// Runs the effects of start-up until none are left, as [`run_all`] does, except that a failure
/// stops it and is returned: a damaged database shows before the terminal changes mode, on the
/// dashboard's own first queries (no query is run twice to find out).
pub fn run_start(store: &mut Store, app: &mut App, effects: Vec<Effect>) -> crate::Result<()> {
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        let effect = match effect {
            Effect::Later(effect) => *effect,
            effect => effect,
        };
        let action = try_perform(store, app, effect)?;
        queue.extend(app.update(action));
    }
    Ok(())
}

/// Performs one effect for `app` (whose author signs the saves); a failure becomes
/// `Action::Failed` (shown in the status line), never a panic.
pub fn perform(store: &mut Store, app: &App, effect: Effect) -> Action {
    try_perform(store, app, effect)
        .unwrap_or_else(|e| Action::Failed(crate::msg::Msg::of_error(&e)))
}

/// Performs one effect for `app`, its failure returned.
fn try_perform(store: &mut Store, app: &App, effect: Effect) -> crate::Result<Action> {
    match effect {
        Effect::LoadDashboard {
            pivot,
            today,
            mine,
            budget_year,
        } => load_dashboard(store, pivot, today, mine.as_deref(), budget_year)
            .map(|d| Action::DashboardLoaded(Box::new(d))),
        Effect::LoadScopedDashboard {
            pivot,
            today,
            mine,
            budget_year,
            filter,
            scope,
        } => load_scoped_dashboard(
            store,
            (pivot, today),
            (mine.as_deref(), budget_year),
            filter,
            &scope,
        )
        .map(|d| Action::DashboardLoaded(Box::new(d))),
        Effect::LoadList {
            request,
            filter,
            sort,
            scope,
        } => load_list(store, &filter, sort, &scope).map(|ids| Action::ListLoaded { request, ids }),
        Effect::LoadListHead {
            request,
            filter,
            sort,
            scope,
            limit,
        } => load_list_head(store, &filter, sort, &scope, limit).map(|head| match head {
            Head::Head(ids) => Action::ListHeadLoaded { request, ids },
            Head::Whole(ids) => Action::ListLoaded { request, ids },
        }),
        // Performed by the caller after its frame (`run_until_frame`); here at once.
        Effect::Later(effect) => try_perform(store, app, *effect),
        Effect::LoadRows { ids, scope } => load_rows(store, &ids, &scope).map(Action::RowsLoaded),
        Effect::LoadDetail { id, me } => {
            load_detail(store, id, &me).map(|d| Action::DetailLoaded(Box::new(d)))
        }
        // The due board a screen at a time (issue 15): its counts and the screen where it is
        // scrolled to, read from the app's due state.
        Effect::LoadDue { mine, scope } => load_due_head(store, app, mine, &scope)
            .map(|head| Action::DueHeadLoaded(Box::new(head))),
        Effect::LoadDueRows {
            mine,
            scope,
            seek,
            limit,
        } => load_due_rows(store, mine, &scope, &seek, limit)
            .map(|items| Action::DueRowsLoaded { seek, items }),
        Effect::LoadDueBoard { mine, scope } => {
            load_due_board(store, mine, &scope).map(Action::DueBoardLoaded)
        }
        Effect::LoadBudget {
            rows_by,
            filter,
            scope,
        } => {
            load_budget(store, rows_by, &filter, &scope).map(|p| Action::BudgetLoaded(Box::new(p)))
        }
        Effect::LoadFunnel {
            year,
            filter,
            scope,
        } => load_funnel(store, year, &filter, &scope).map(|f| Action::FunnelLoaded(Box::new(f))),
        Effect::LoadOutcomes { filter, scope } => store
            .outcome_tally(&filter, &scope)
            .map(|t| Action::OutcomesLoaded(Box::new(t))),
        Effect::LoadSeamless => store
            .seamless()
            .map(|s| Action::SeamlessLoaded(Box::new(s))),
        Effect::LoadPi { key, today } => {
            load_pi(store, &key, today).map(|o| Action::PiLoaded(Box::new(o)))
        }
        Effect::LoadLinks { project_id } => {
            load_links(store, project_id).map(|links| Action::LinksLoaded { project_id, links })
        }
        Effect::OpenLink { target } => Ok(Action::LinkOpened(crate::opener::open(&target))),
        Effect::LoadHistory { project_id } => {
            load_history(store, project_id).map(Action::HistoryLoaded)
        }
        Effect::CountProjects => count_projects(store).map(Action::TotalLoaded),
        Effect::LoadRoster { project_ids } => {
            store
                .roster_for(&project_ids)
                .map(|roster| Action::RosterLoaded {
                    project_ids,
                    roster,
                })
        }
        Effect::LoadSuccessorCandidates {
            program_id,
            exclude,
        } => store
            .successor_candidates(program_id, exclude)
            .map(|projects| Action::SuccessorCandidates {
                program_id,
                projects,
            }),
        Effect::LoadPrograms => {
            load_programs(store).map(|(reference, counts)| Action::ProgramsLoaded {
                reference: std::sync::Arc::new(reference),
                counts,
            })
        }
        Effect::Save(change) => Ok(Action::SaveDone(save(store, &app.author, change))),
    }
}

/// What narrows every cell: this officer's projects (`o`), this year's budget instead of counts.
fn matrix_options(
    store: &Store,
    mine: Option<&str>,
    budget_year: Option<FiscalYear>,
) -> crate::Result<MatrixOptions> {
    Ok(MatrixOptions {
        officers: match mine {
            Some(me) => Some(store.me(me)?.officer_ids),
            None => None,
        },
        budget_year,
    })
}

/// The pipeline matrix and headline; `mine`: only this officer's projects.
pub fn load_dashboard(
    store: &mut Store,
    pivot: Pivot,
    today: Date,
    mine: Option<&str>,
    budget_year: Option<FiscalYear>,
) -> crate::Result<DashboardData> {
    let options = matrix_options(store, mine, budget_year)?;
    Ok(DashboardData {
        matrix: store.matrix_with(pivot, today, &options)?,
        // Everyone's, or (with `o`) the figures of my projects.
        headline: store.headline_scoped(
            today,
            &options,
            &Filter::default(),
            &Scope::new(today, mine.unwrap_or_default()),
        )?,
        filter: Filter::default(),
    })
}

/// The pipeline matrix and headline of the projects matching `filter` (and mine, with `o`).
pub fn load_scoped_dashboard(
    store: &mut Store,
    (pivot, today): (Pivot, Date),
    (mine, budget_year): (Option<&str>, Option<FiscalYear>),
    filter: Filter,
    scope: &Scope,
) -> crate::Result<DashboardData> {
    let options = matrix_options(store, mine, budget_year)?;
    Ok(DashboardData {
        matrix: store.matrix_scoped(pivot, today, &options, &filter, scope)?,
        headline: store.headline_scoped(today, &options, &filter, scope)?,
        filter,
    })
}

/// A whole list's project ids, in order.
pub fn load_list(
    store: &mut Store,
    filter: &Filter,
    sort: Sort,
    scope: &Scope,
) -> crate::Result<Vec<i64>> {
    store.project_ids(filter, sort, scope)
}

/// A list's first ids, or the whole list when that is as cheap.
pub enum Head {
    /// The first `limit` ids; more may follow.
    Head(Vec<i64>),
    /// Every id.
    Whole(Vec<i64>),
}

/// The first `limit` ids of a list (see `Store::project_ids_head`), else the whole list.
pub fn load_list_head(
    store: &mut Store,
    filter: &Filter,
    sort: Sort,
    scope: &Scope,
    limit: usize,
) -> crate::Result<Head> {
    Ok(match store.project_ids_head(filter, sort, scope, limit)? {
        Some(ids) => Head::Head(ids),
        None => Head::Whole(store.project_ids(filter, sort, scope)?),
    })
}

pub fn load_rows(store: &mut Store, ids: &[i64], scope: &Scope) -> crate::Result<Vec<ProjectRow>> {
    store.project_rows(ids, scope)
}

/// One project, its ✦ from `me`'s watch list.
pub fn load_detail(store: &mut Store, id: i64, me: &str) -> crate::Result<ProjectDetail> {
    let mut detail = store.project_detail(id)?;
    detail.watched = store.is_watched(id, me)?;
    Ok(detail)
}

/// Whose items and up to which day the due board holds: today + 30 days.
fn due_scope(
    store: &mut Store,
    mine: bool,
    scope: &Scope,
) -> crate::Result<(Option<crate::model::Me>, Date)> {
    let me = if mine {
        Some(store.me(&scope.me)?)
    } else {
        None
    };
    let until = scope
        .today
        .checked_add_days(chrono::Days::new(30))
        .unwrap_or(scope.today);
    Ok((me, until))
}

/// The due board's counts and the items on the screen of `app`'s due board where it is scrolled
/// to (the item at the top of the screen, wherever it now is; the last screen when the board
/// now ends before a screen's worth). Reads a screen, never the whole board.
pub fn load_due_head(
    store: &mut Store,
    app: &App,
    mine: bool,
    scope: &Scope,
) -> crate::Result<DueHead> {
    let (me, until) = due_scope(store, mine, scope)?;
    let counts = store.due_counts(until, scope.today, me.as_ref())?;
    let page = app.list_page();
    let anchor = match app.screen() {
        crate::app::Screen::Due(d) if d.mine == mine => d.item(d.offset).map(DueItem::key),
        _ => None,
    };
    let (mut at, mut items) = match anchor {
        Some(key) => (
            store.due_position(until, me.as_ref(), &key)?,
            store.due_page(until, me.as_ref(), &DueSeek::From(key), page)?,
        ),
        None => (
            0,
            store.due_page(until, me.as_ref(), &DueSeek::Start, page)?,
        ),
    };
    if at > 0 && items.len() < page {
        items = store.due_page(until, me.as_ref(), &DueSeek::End, page)?;
        at = counts.total.saturating_sub(items.len());
    }
    Ok(DueHead { counts, at, items })
}

/// The due board's counts per officer and aging bucket.
pub fn load_due_board(
    store: &mut Store,
    mine: bool,
    scope: &Scope,
) -> crate::Result<Vec<crate::model::DueBoardRow>> {
    let (me, until) = due_scope(store, mine, scope)?;
    store.due_owner_counts(until, scope.today, me.as_ref())
}

/// Items of the due board from `seek` (see `Store::due_page`).
pub fn load_due_rows(
    store: &mut Store,
    mine: bool,
    scope: &Scope,
    seek: &DueSeek,
    limit: usize,
) -> crate::Result<Vec<DueItem>> {
    let (me, until) = due_scope(store, mine, scope)?;
    store.due_page(until, me.as_ref(), seek, limit)
}

pub fn load_budget(
    store: &mut Store,
    rows_by: BudgetRows,
    filter: &Filter,
    scope: &Scope,
) -> crate::Result<BudgetPivot> {
    store.budget_pivot(rows_by, filter, scope, None)
}

pub fn load_funnel(
    store: &mut Store,
    year: FiscalYear,
    filter: &Filter,
    scope: &Scope,
) -> crate::Result<Funnel> {
    store.funnel(year, filter, scope)
}

pub fn load_pi(store: &mut Store, key: &PiKey, today: Date) -> crate::Result<PiOverview> {
    store.pi_overview(key, today)
}

pub fn load_links(store: &mut Store, project_id: i64) -> crate::Result<Vec<AttachmentView>> {
    store.attachments(project_id)
}

pub fn load_history(store: &mut Store, project_id: i64) -> crate::Result<Vec<HistoryEntry>> {
    store.history(project_id)
}

pub fn count_projects(store: &mut Store) -> crate::Result<i64> {
    store.project_count()
}

/// The reference data as stored now and the projects per program (one grouped query).
pub fn load_programs(
    store: &mut Store,
) -> crate::Result<(crate::model::Reference, std::collections::HashMap<i64, i64>)> {
    Ok((store.reference()?, store.program_project_counts()?))
}
