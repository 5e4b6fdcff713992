//! The dashboard (home): which pivot, the figures, the cursor over the matrix cells (and the row
//! labels), the modes `o` (only my projects) and `b` (this fiscal year's allocations instead of
//! counts), and the scope: a filter (`/`, or Enter on a row label) that narrows every figure.

mod scope;

pub use scope::{Narrowing, narrow_query};

use super::Ctx;
use crate::app::{Command, Effect};
use crate::model::{Coded, FiscalYear, Headline, Matrix, Phase, Pivot};
use crate::query::Filter;
use crate::{Lang, tr};

/// Figures for the dashboard, loaded together.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DashboardData {
    pub matrix: Matrix,
    pub headline: Headline,
    /// The scope these figures are narrowed to (empty: every project).
    pub filter: Filter,
}

/// The dashboard's state.
#[derive(Debug, Clone, Default)]
pub struct DashboardState {
    pub pivot: Pivot,
    pub data: Option<DashboardData>,
    /// Row of the matrix (the last row index + 1 is the totals row).
    pub row: usize,
    /// 0..5 are the phases, 5 is the row total.
    pub col: usize,
    /// The cursor stands on the row's label (left of the first phase): Enter shows that row by
    /// the other axis.
    pub on_label: bool,
    /// Only projects assigned to me (`o`).
    pub mine: bool,
    /// Cells show this fiscal year's allocations (千円) instead of counts (`b`).
    pub budget: bool,
    /// The scope as typed (`/`, the list's filter language); empty: every project.
    pub scope: String,
    /// `scope` resolved: what every figure is narrowed to.
    pub filter: Filter,
    /// The rows' names when the scope came from Enter on row labels, with the scope it names
    /// (an edited scope is no longer what the names say).
    pub scope_label: Option<(String, String)>,
    /// The dashboards Enter on a row label left, newest last: Esc returns to each in turn.
    pub trail: Vec<Place>,
}

/// Where the dashboard was before Enter on a row label: pivot, scope and cursor.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub pivot: Pivot,
    pub scope: String,
    pub filter: Filter,
    pub scope_label: Option<(String, String)>,
    pub row: usize,
    pub col: usize,
    pub on_label: bool,
}

/// Columns a cursor can stand on: five phases and the total.
pub const COLUMNS: usize = 6;

/// The most lines the totals take: counts, then (when they do not fit beside the counts) the
/// ⚑ marks and the ! marks, each on its own line at the narrowest.
pub const TOTALS_LINES: usize = 3;

impl DashboardState {
    /// Stores loaded figures, keeping the cursor inside the new matrix.
    pub fn set_data(&mut self, data: DashboardData) {
        let mine = data.matrix.options.officers.is_some();
        let budget = data.matrix.options.budget_year.is_some();
        if data.matrix.pivot != self.pivot
            || mine != self.mine
            || budget != self.budget
            || data.filter != self.filter
        {
            return; // an answer to an older request
        }
        self.data = Some(data);
        self.row = self.row.min(self.rows().saturating_sub(1));
    }

    /// Whether a line above the headline says what the figures are narrowed to (scope, mine,
    /// budget); otherwise a blank line separates the headline from the matrix.
    pub fn has_scope_line(&self) -> bool {
        !self.scope.trim().is_empty() || self.mine || self.budget
    }

    /// Lines of the whole dashboard: the scope line or a blank one, the headline (two lines), the
    /// column header, the matrix rows, the totals (up to three lines), the legend (two lines by
    /// disease area) and the phase bars (a blank line, a heading and one bar per phase).
    pub fn content_height(&self) -> usize {
        let Some(data) = &self.data else {
            return 1;
        };
        let legend = 1 + usize::from(self.pivot == Pivot::DiseaseArea);
        4 + data.matrix.rows.len() + TOTALS_LINES + legend + 2 + Phase::ALL.len()
    }

    /// Rows the cursor can visit: matrix rows plus the totals row.
    pub fn rows(&self) -> usize {
        self.data.as_ref().map_or(0, |d| d.matrix.rows.len() + 1)
    }

    /// Switches between integrated projects and disease areas; the cursor goes to the top.
    pub fn toggle_pivot(&mut self) {
        self.pivot = match self.pivot {
            Pivot::IntegratedProject => Pivot::DiseaseArea,
            Pivot::DiseaseArea => Pivot::IntegratedProject,
        };
        self.data = None;
        self.row = 0;
    }

    /// The commands the dashboard handles itself; `None` hands the command to the app.
    pub fn command(&mut self, command: Command, ctx: &Ctx) -> Option<Vec<Effect>> {
        match command {
            Command::TogglePivot => self.toggle_pivot(),
            Command::ToggleMine => self.mine = !self.mine,
            Command::ToggleBudget => self.budget = !self.budget,
            // Esc: back to where Enter on a row label came from, else clear the scope; on an
            // unscoped dashboard it keeps its meaning (the app's).
            Command::Back if !self.trail.is_empty() => self.go_back(),
            Command::Back if !self.scope.trim().is_empty() || !self.filter.is_empty() => {
                self.set_scope(String::new(), Filter::default());
                self.scope_label = None;
            }
            _ if command.is_navigation() || matches!(command, Command::Left | Command::Right) => {
                self.move_cursor(command);
                return Some(Vec::new());
            }
            _ => return None,
        }
        Some(self.load(ctx))
    }

    /// Returns to the dashboard the last Enter on a row label left (pivot, scope, cursor).
    fn go_back(&mut self) {
        let Some(place) = self.trail.pop() else {
            return;
        };
        if place.pivot != self.pivot {
            self.data = None;
        }
        self.pivot = place.pivot;
        self.scope = place.scope;
        self.filter = place.filter;
        self.scope_label = place.scope_label;
        self.row = place.row;
        self.col = place.col;
        self.on_label = place.on_label;
    }

    /// Narrows the dashboard to `scope` (resolved: `filter`); the figures shown stay until the
    /// new ones arrive.
    pub fn set_scope(&mut self, scope: String, filter: Filter) {
        self.scope = scope;
        self.filter = filter;
    }

    /// What the scope is called on screen: the rows' names when it came from row labels and was
    /// not edited since, else the scope as typed; `None` when unscoped.
    pub fn scope_name(&self) -> Option<String> {
        if self.scope.trim().is_empty() {
            return None;
        }
        match &self.scope_label {
            Some((query, label)) if query.trim() == self.scope.trim() => Some(label.clone()),
            _ => Some(self.scope.trim().to_string()),
        }
    }

    /// The effect that loads the figures for the current pivot, modes and scope.
    pub fn load(&self, ctx: &Ctx) -> Vec<Effect> {
        let mine = self.mine.then(|| ctx.scope.me.clone());
        let budget_year = self.budget.then(|| FiscalYear::of(ctx.today));
        if self.filter.is_empty() {
            return vec![Effect::LoadDashboard {
                pivot: self.pivot,
                today: ctx.today,
                mine,
                budget_year,
            }];
        }
        vec![Effect::LoadScopedDashboard {
            pivot: self.pivot,
            today: ctx.today,
            mine,
            budget_year,
            filter: self.filter.clone(),
            scope: ctx.scope.clone(),
        }]
    }

    /// The row's name in `lang` (the label of a list or scope it opens).
    pub fn row_name(&self, row: usize, lang: Lang) -> Option<String> {
        let row = self.data.as_ref()?.matrix.rows.get(row)?;
        Some(match lang {
            Lang::Ja => row.name_ja.clone(),
            Lang::En => row.name_en.clone(),
        })
    }

    /// The filter and breadcrumb label for the cell under the cursor: exactly its projects (the
    /// scope's, narrowed by the cell's row and phase). `Some(None)`: the cell lies outside the
    /// scope (nothing can match both); `None`: no figures yet.
    pub fn cell_query(
        &self,
        lang: Lang,
        reference: &crate::model::Reference,
    ) -> Option<Option<(String, String)>> {
        let data = self.data.as_ref()?;
        let mut query = self.scope.trim().to_string();
        let mut filter = self.filter.clone();
        let mut label: Vec<String> = self.scope_name().into_iter().collect();
        let mut narrowings = Vec::new();
        if let Some(row) = data.matrix.rows.get(self.row) {
            narrowings.push(match data.matrix.pivot {
                Pivot::IntegratedProject => Narrowing::IntegratedProject(row.id),
                Pivot::DiseaseArea => Narrowing::DiseaseArea(row.id),
            });
            label.extend(self.row_name(self.row, lang));
        }
        if let Some(phase) = Phase::ALL.get(self.col) {
            narrowings.push(Narrowing::Phase(*phase));
            label.push(phase.label(lang).to_string());
        }
        if label.is_empty() {
            label.push(tr(lang, "全課題", "All projects").into());
        }
        if self.mine {
            narrowings.push(Narrowing::Mine);
            label.push(tr(lang, "担当", "mine").into());
        }
        for by in narrowings {
            let Some(narrower) = narrow_query(&query, &filter, by, reference) else {
                return Some(None);
            };
            query = narrower;
            filter = crate::query::resolve(&query, reference).ok()?;
        }
        Some(Some((query, label.join(" × "))))
    }

    /// Moves the cursor for a navigation action; stays inside the matrix. Left of the first
    /// phase is the row's label.
    pub fn move_cursor(&mut self, command: Command) {
        let last_row = self.rows().saturating_sub(1);
        match command {
            Command::Up => self.row = self.row.saturating_sub(1),
            Command::Down => self.row = (self.row + 1).min(last_row),
            Command::Left if self.col == 0 => self.on_label = true,
            Command::Left => self.col -= 1,
            Command::Right if self.on_label => self.on_label = false,
            Command::Right => self.col = (self.col + 1).min(COLUMNS - 1),
            Command::Top => self.row = 0,
            Command::Bottom => self.row = last_row,
            Command::PageUp => self.row = self.row.saturating_sub(10),
            Command::PageDown => self.row = (self.row + 10).min(last_row),
            _ => {}
        }
    }
}

/// The dashboard's note of what it shows (mine only, 千円 sums).
pub fn dashboard_mode(lang: Lang, mine: Option<&str>, budget: Option<FiscalYear>) -> String {
    let mut parts = Vec::new();
    if let Some(me) = mine {
        parts.push(format!("{} {me}", tr(lang, "担当分のみ:", "mine only:")));
    }
    if let Some(year) = budget {
        parts.push(format!(
            "{} {}",
            year.label(lang),
            tr(lang, "配分額", "budget")
        ));
    }
    parts.join(" | ")
}
