//! The budget pivot: allocations (千円) per fiscal year × integrated project, program or phase,
//! with row and column totals; `t` changes the rows. A cell cursor: Up / Down rows (the totals
//! row last), Left / Right years (the all-years total column last; the window of years follows,
//! the latest years first), Enter opens the projects funded in the cell.

use super::Ctx;
use crate::app::{Command, Effect};
use crate::model::{BudgetPivot, BudgetRows, FiscalYear};
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
    /// The filter as typed, carried into the list Enter opens.
    pub query: String,
    /// Cursor row: a pivot row, or the totals row (`rows.len()`).
    pub row: usize,
    /// Cursor column: a fiscal year, or the total column (`years.len()`); `None` until moved: the
    /// latest year.
    pub col: Option<usize>,
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
    fn years(&self) -> usize {
        self.pivot.as_ref().map_or(0, |p| p.years.len())
    }

    fn rows(&self) -> usize {
        self.pivot.as_ref().map_or(0, |p| p.rows.len())
    }

    /// The cursor's column: the latest year until moved.
    pub fn cursor_col(&self) -> usize {
        self.col
            .unwrap_or_else(|| self.years().saturating_sub(1))
            .min(self.years())
    }

    /// `t` (rows by integrated project / program / phase), Left / Right (years), Up / Down (rows).
    pub fn command(&mut self, command: Command, ctx: &Ctx) -> Option<Vec<Effect>> {
        match command {
            Command::TogglePivot => {
                self.rows_by = self.rows_by.next();
                self.pivot = None;
                self.scroll = 0;
                self.row = 0;
                return Some(self.load(ctx));
            }
            Command::Left | Command::Right => {
                let col = self.cursor_col();
                let col = if command == Command::Left {
                    col.saturating_sub(1)
                } else {
                    (col + 1).min(self.years())
                };
                self.col = Some(col);
                // The window follows a year cursor (the total column is always drawn).
                if col < self.years() {
                    let fit = years_that_fit(ctx.cols());
                    let first = self.first_year_shown(ctx.cols());
                    if col < first {
                        self.first_year = Some(col);
                    } else if col >= first + fit {
                        self.first_year = Some(col + 1 - fit);
                    }
                }
            }
            _ if command.is_navigation() => {
                let page = Self::page(ctx);
                let (row, _) = command.move_cursor(self.row, 0, self.rows() + 1, page);
                self.row = row;
                self.keep_in_view(page);
            }
            _ => return None,
        }
        Some(Vec::new())
    }

    /// Pivot rows on screen at `ctx`'s size.
    pub fn page(ctx: &Ctx) -> usize {
        ctx.body_rows().saturating_sub(BUDGET_FRAME).max(1)
    }

    /// Scrolls so that the cursor row shows among `page` body rows (the totals row always shows).
    pub fn keep_in_view(&mut self, page: usize) {
        let rows = self.rows();
        self.row = self.row.min(rows);
        if self.row < rows {
            if self.row < self.scroll {
                self.scroll = self.row;
            } else if self.row >= self.scroll + page {
                self.scroll = self.row + 1 - page;
            }
        }
        self.scroll = self.scroll.min(rows.saturating_sub(page));
    }

    /// The filter line and the label of the projects behind the cursor cell: funded (above 0
    /// 千円) in the cell's fiscal year (every year of the pivot for the total column), of the
    /// row's integrated project, program or current phase (all for the totals row), within the
    /// screen's own filter. The list's projects are exactly those whose allocations the cell sums.
    pub fn cell_query(&self, lang: Lang) -> Option<(String, String)> {
        let pivot = self.pivot.as_ref()?;
        let (first, last) = (pivot.years.first()?, pivot.years.last()?);
        let mut terms = Vec::new();
        let mut label = vec![tr(lang, "配分あり", "Funded").to_string()];
        match pivot.rows.get(self.row) {
            Some(row) => {
                let field = match self.rows_by {
                    BudgetRows::IntegratedProject => "ip",
                    BudgetRows::Program => "program",
                    BudgetRows::Phase => "phase",
                };
                terms.push(format!("{field}:{}", row.code));
                label.push(row.label(lang));
            }
            None => label.push(tr(lang, "全行", "all rows").into()),
        }
        match pivot.years.get(self.cursor_col()) {
            Some(year) => {
                terms.push(format!("fy:{}", year.0));
                label.push(year.label(lang));
            }
            None => {
                terms.push(format!("fy:{}..{}", first.0, last.0));
                label.push(years_label(lang, first, last));
            }
        }
        if !self.query.trim().is_empty() {
            terms.insert(0, self.query.trim().to_string());
        }
        Some((terms.join(" "), label.join(" × ")))
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

    /// Takes a loaded pivot (an answer for other rows is an older request's); the cursor stays
    /// where it was, inside the new figures.
    pub fn loaded(&mut self, pivot: BudgetPivot) {
        if self.rows_by == pivot.rows_by {
            self.pivot = Some(pivot);
            self.row = self.row.min(self.rows());
            if let Some(c) = self.col {
                self.col = Some(c.min(self.years()));
            }
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

/// A span of fiscal years: `2019-2022年度` / `FY2019-FY2022` (one year: its own label).
pub fn years_label(lang: Lang, first: &FiscalYear, last: &FiscalYear) -> String {
    if first == last {
        return first.label(lang);
    }
    match lang {
        Lang::Ja => format!("{}-{}年度", first.0, last.0),
        Lang::En => format!("FY{}-FY{}", first.0, last.0),
    }
}
