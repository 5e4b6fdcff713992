//! Another session's change to a few known projects: each screen reloads only what the change
//! can have moved (see `App::external_change`; an unknown or large change reloads it all).

use super::{Ctx, DashboardState, ListState, Screen};
use crate::app::Effect;
use crate::model::{ChangeKind as K, SortKey, TouchedProjects};
use crate::query::Filter;

/// Whether which projects match `filter` can change with changes of these kinds: each term
/// names what it reads (a term reads the project's own fields unless it says otherwise).
pub fn filter_moves(filter: &Filter, changes: &TouchedProjects) -> bool {
    // Spelled out whole, so that a new term has to say what moves it.
    let Filter {
        words,
        integrated_projects,
        disease_areas,
        phases,
        modalities,
        programs,
        officers,
        flag,
        due,
        ids,
        mine,
        watched,
        stalled,
        outcome,
        funded,
        in_phase,
        moved,
        ending,
    } = filter;
    let fields = integrated_projects.is_some()
        || disease_areas.is_some()
        || modalities.is_some()
        || programs.is_some()
        || ids.is_some();
    // Free words are looked for in the project's fields and its notes.
    (!words.is_empty() && changes.any_of(&[K::Note, K::Edit]))
        || (fields && changes.any_of(&[K::Edit]))
        || ((phases.is_some() || stalled.is_some() || in_phase.is_some() || moved.is_some())
            && changes.any_of(&[K::Phase]))
        || (officers.is_some() && changes.any_of(&[K::Assign]))
        || (flag.is_some() && changes.any_of(&[K::Flag]))
        || (due.is_some() && changes.any_of(&[K::Note, K::Deadline]))
        || (mine.is_some() && changes.any_of(&[K::Assign, K::Watch]))
        || (watched.is_some() && changes.any_of(&[K::Watch]))
        || (outcome.is_some() && changes.any_of(&[K::Outcome]))
        || (funded.is_some() && changes.any_of(&[K::Budget]))
        // "No decision on the seed": a licensing outcome, status or highway flag decides it.
        || (ending.is_some() && changes.any_of(&[K::Edit, K::Outcome, K::Flag]))
}

/// Whether the order of a list sorted by `key` can change with these changes.
fn sort_moves(key: SortKey, changes: &TouchedProjects) -> bool {
    match key {
        SortKey::AmedId => false,
        SortKey::Title | SortKey::Pi | SortKey::Program | SortKey::Modality | SortKey::EndDate => {
            changes.any_of(&[K::Edit])
        }
        SortKey::Phase | SortKey::DaysInPhase => changes.any_of(&[K::Phase]),
        SortKey::Flag | SortKey::FlagAge => changes.any_of(&[K::Flag]),
        SortKey::LastNote => changes.any_of(&[K::Note]),
    }
}

impl ListState {
    /// The touched projects' rows are read again (those on screen now, the others when they
    /// scroll in); the whole list (ids, count) only when its filter or order can have moved. The
    /// cursor and the selection stay either way.
    pub fn refresh(&mut self, changes: &TouchedProjects, ctx: &Ctx) -> Vec<Effect> {
        if !self.loaded
            || self.partial
            || sort_moves(self.sort.key, changes)
            || filter_moves(&self.effective_filter(), changes)
        {
            return self.load(ctx);
        }
        self.rows.retain(|id, _| !changes.touches(*id));
        self.rows_effect(ctx)
    }
}

impl DashboardState {
    /// The matrix and headline count projects per phase and cell, open flags, due follow-ups,
    /// licensing and approvals (and this officer's assignments with `o`, allocations with `b`):
    /// maintained counts, so a reload reads a few hundred rows. A gate, deadline, watch, link or
    /// lineage change moves none of them.
    pub fn refresh(&self, changes: &TouchedProjects, ctx: &Ctx) -> Vec<Effect> {
        let moves = filter_moves(&self.filter, changes)
            || changes.any_of(&[K::Note, K::Flag, K::Phase, K::Outcome, K::Edit])
            || (self.mine && changes.any_of(&[K::Assign]))
            || (self.budget && changes.any_of(&[K::Budget]));
        if moves { self.load(ctx) } else { Vec::new() }
    }
}

impl Screen {
    /// What this screen reloads after another session changed `changes`.
    pub fn refresh(&mut self, changes: &TouchedProjects, ctx: &Ctx) -> Vec<Effect> {
        let moved = match self {
            Screen::Dashboard => false,
            Screen::List(s) => return s.refresh(changes, ctx),
            // One project's screens: only a change to that project.
            Screen::Detail(s) => changes.touches(s.id),
            Screen::History(s) => changes.touches(s.project_id),
            Screen::Links(s) => changes.touches(s.project_id),
            // Follow-ups and deadlines of every project, by officer, with the project's title.
            Screen::Due(_) => changes.any_of(&[K::Note, K::Deadline, K::Assign, K::Edit]),
            // One PI's projects; an edit can bring a project to this PI or take it away.
            Screen::Pi(s) => {
                changes.any_of(&[K::Edit])
                    || s.overview
                        .as_ref()
                        .is_some_and(|o| o.projects.iter().any(|p| changes.touches(p.id)))
            }
            // Allocations per fiscal year, by program, integrated project or phase.
            Screen::Budget(s) => {
                changes.any_of(&[K::Budget, K::Edit, K::Phase]) || filter_moves(&s.filter, changes)
            }
            // Phase transitions and time in phase.
            Screen::Funnel(s) => {
                changes.any_of(&[K::Phase, K::Edit]) || filter_moves(&s.filter, changes)
            }
            Screen::Outcomes(s) => {
                changes.any_of(&[K::Outcome, K::Edit]) || filter_moves(&s.filter, changes)
            }
            // Gaps between programs over lineage links, from the projects' dates.
            Screen::Seamless(_) => changes.any_of(&[K::Lineage, K::Edit]),
            // Projects per program: a project moved to another program.
            Screen::Programs(_) => changes.any_of(&[K::Edit]),
        };
        if moved { self.load(ctx) } else { Vec::new() }
    }
}
