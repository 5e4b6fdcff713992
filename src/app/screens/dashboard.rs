//! The dashboard (home): which pivot, the figures, the cursor over the matrix cells, and the
//! modes `o` (only my projects) and `b` (this fiscal year's allocations instead of counts).

use super::Ctx;
use crate::app::{Command, Effect};
use crate::model::{Coded, FiscalYear, Headline, Matrix, Phase, Pivot};
use crate::{Lang, tr};

/// Figures for the dashboard, loaded together.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DashboardData {
    pub matrix: Matrix,
    pub headline: Headline,
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
    /// Only projects assigned to me (`o`).
    pub mine: bool,
    /// Cells show this fiscal year's allocations (千円) instead of counts (`b`).
    pub budget: bool,
}

/// Columns a cursor can stand on: five phases and the total.
pub const COLUMNS: usize = 6;

impl DashboardState {
    /// Stores loaded figures, keeping the cursor inside the new matrix.
    pub fn set_data(&mut self, data: DashboardData) {
        let mine = data.matrix.options.officers.is_some();
        let budget = data.matrix.options.budget_year.is_some();
        if data.matrix.pivot != self.pivot || mine != self.mine || budget != self.budget {
            return; // an answer to an older request
        }
        self.data = Some(data);
        self.row = self.row.min(self.rows().saturating_sub(1));
    }

    /// Lines of the whole dashboard: the headline (two lines), the mode line, the column header,
    /// the matrix rows, the totals row, the legend (two lines by disease area) and the phase bars
    /// (a blank line, a heading and one bar per phase).
    pub fn content_height(&self) -> usize {
        let Some(data) = &self.data else {
            return 1;
        };
        let legend = 1 + usize::from(self.pivot == Pivot::DiseaseArea);
        4 + data.matrix.rows.len() + 1 + legend + 2 + Phase::ALL.len()
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
            _ if command.is_navigation() || matches!(command, Command::Left | Command::Right) => {
                self.move_cursor(command);
                return Some(Vec::new());
            }
            _ => return None,
        }
        Some(self.load(ctx))
    }

    /// The effect that loads the figures for the current pivot and modes.
    pub fn load(&self, ctx: &Ctx) -> Vec<Effect> {
        vec![Effect::LoadDashboard {
            pivot: self.pivot,
            today: ctx.today,
            mine: self.mine.then(|| ctx.scope.me.clone()),
            budget_year: self.budget.then(|| FiscalYear::of(ctx.today)),
        }]
    }

    /// The filter and breadcrumb label for the cell under the cursor: exactly its projects.
    pub fn cell_query(&self, lang: Lang) -> Option<(String, String)> {
        let data = self.data.as_ref()?;
        let mut terms = Vec::new();
        let mut label = Vec::new();
        if let Some(row) = data.matrix.rows.get(self.row) {
            let field = match data.matrix.pivot {
                Pivot::IntegratedProject => "ip",
                Pivot::DiseaseArea => "area",
            };
            terms.push(format!("{field}:{}", row.code));
            label.push(if lang == Lang::Ja {
                row.name_ja.clone()
            } else {
                row.name_en.clone()
            });
        }
        if let Some(phase) = Phase::ALL.get(self.col) {
            terms.push(format!("phase:{}", phase.code()));
            label.push(phase.label(lang).to_string());
        }
        if label.is_empty() {
            label.push(tr(lang, "全課題", "All projects").into());
        }
        if self.mine {
            terms.push("mine".into());
            label.push(tr(lang, "担当", "mine").into());
        }
        Some((terms.join(" "), label.join(" × ")))
    }

    /// Moves the cursor for a navigation action; stays inside the matrix.
    pub fn move_cursor(&mut self, command: Command) {
        let last_row = self.rows().saturating_sub(1);
        match command {
            Command::Up => self.row = self.row.saturating_sub(1),
            Command::Down => self.row = (self.row + 1).min(last_row),
            Command::Left => self.col = self.col.saturating_sub(1),
            Command::Right => self.col = (self.col + 1).min(COLUMNS - 1),
            Command::Top => self.row = 0,
            Command::Bottom => self.row = last_row,
            Command::PageUp => self.row = self.row.saturating_sub(10),
            Command::PageDown => self.row = (self.row + 10).min(last_row),
            _ => {}
        }
    }
}

/// The dashboard title's note of what it shows (mine only, 千円 sums).
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
