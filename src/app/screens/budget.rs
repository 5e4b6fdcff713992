//! The budget pivot: allocations (千円) per fiscal year × integrated project, program or phase,
//! with row and column totals; `t` changes the rows, Left / Right move the window of years.

use super::Ctx;
use crate::app::{Command, Effect};
use crate::model::{BudgetPivot, BudgetRows};
use crate::query::Filter;
use crate::{Lang, tr};

/// The budget pivot screen.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BudgetState {
    pub rows_by: BudgetRows,
    pub pivot: Option<BudgetPivot>,
    /// First row on screen.
    pub scroll: usize,
    /// First fiscal-year column on screen (the latest years show first on narrow terminals).
    pub first_year: Option<usize>,
    /// Which projects are summed (everyone's by default; `show budget --query`).
    pub filter: Filter,
}

/// Rows of the pivot around its body rows: the title line and the column header above, the
/// totals row below.
pub const BUDGET_FRAME: usize = 3;

/// Cells of one fiscal-year column (and of the total).
pub const YEAR_COLUMN: usize = 12;

/// Cells of the row-name column at `cols` columns.
pub fn label_width(cols: usize) -> usize {
    (cols / 4).clamp(12, 40)
}

/// Fiscal-year columns that fit beside the names and the total at `cols` columns (at least one).
pub fn years_that_fit(cols: usize) -> usize {
    (cols.saturating_sub(label_width(cols) + YEAR_COLUMN + 1) / (YEAR_COLUMN + 1)).max(1)
}

impl BudgetState {
    /// `t` (rows by integrated project / program / phase), Left / Right (years) and scrolling.
    pub fn command(&mut self, command: Command, ctx: &Ctx) -> Option<Vec<Effect>> {
        match command {
            Command::TogglePivot => {
                self.rows_by = self.rows_by.next();
                self.pivot = None;
                self.scroll = 0;
                return Some(self.load(ctx));
            }
            Command::Left | Command::Right => {
                let last_first = self.last_first_year(ctx.cols());
                let first = self.first_year_shown(ctx.cols());
                self.first_year = Some(if command == Command::Left {
                    first.saturating_sub(1)
                } else {
                    (first + 1).min(last_first)
                });
            }
            _ if command.is_navigation() => {
                let rows = self.pivot.as_ref().map_or(0, |p| p.rows.len());
                let page = ctx.body_rows().saturating_sub(BUDGET_FRAME);
                self.scroll = command.scroll(self.scroll, rows, page);
            }
            _ => return None,
        }
        Some(Vec::new())
    }

    /// The first fiscal-year column drawn at `cols` columns: the latest years come into view
    /// first, Left / Right move the window.
    pub fn first_year_shown(&self, cols: usize) -> usize {
        let last_first = self.last_first_year(cols);
        self.first_year.unwrap_or(last_first).min(last_first)
    }

    /// The first column when the window shows the latest years.
    fn last_first_year(&self, cols: usize) -> usize {
        let years = self.pivot.as_ref().map_or(0, |p| p.years.len());
        years.saturating_sub(years_that_fit(cols))
    }

    /// The effect that loads the pivot.
    pub fn load(&self, ctx: &Ctx) -> Vec<Effect> {
        vec![Effect::LoadBudget {
            rows_by: self.rows_by,
            filter: self.filter.clone(),
            scope: ctx.scope.clone(),
        }]
    }

    /// Takes a loaded pivot (an answer for other rows is an older request's).
    pub fn loaded(&mut self, pivot: BudgetPivot) {
        if self.rows_by == pivot.rows_by {
            self.pivot = Some(pivot);
        }
    }

    /// The title, header, rows and totals; the title and a "none recorded" line without years.
    pub fn content_height(&self) -> usize {
        match &self.pivot {
            None => 1,
            Some(p) if p.years.is_empty() => 2,
            Some(p) => p.rows.len() + BUDGET_FRAME,
        }
    }

    /// The breadcrumb: what the rows are.
    pub fn name(&self, lang: Lang) -> String {
        format!(
            "{} ({})",
            tr(lang, "年度別配分額", "Budget by fiscal year"),
            self.rows_by.label(lang)
        )
    }
}
