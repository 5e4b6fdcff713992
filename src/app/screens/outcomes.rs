//! The outcome tally (成果集計): outcomes per integrated project × fiscal year, one kind at a time
//! (`t` cycles 薬事承認 / 企業導出 / 非臨床PoC / 治験 / 論文 / all), with AMED's published figures
//! as reference lines. A cell cursor: Up / Down rows (the total row last), Left / Right years (the
//! total column last; the window of years follows, the latest years first), Enter opens the
//! projects behind the cell.

use super::Ctx;
use crate::app::{Command, Effect};
use crate::model::{Coded, OutcomeKind, OutcomeTally, next_tally_kind, outcome_short_label};
use crate::query::Filter;
use crate::{Lang, tr};

/// The outcome tally screen.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OutcomesState {
    pub tally: Option<OutcomeTally>,
    /// The kind counted; `None` for all kinds.
    pub kind: Option<OutcomeKind>,
    /// Cursor row: an integrated project, or the total row (`rows.len()`).
    pub row: usize,
    /// Cursor column: a fiscal year, or the total column (`years.len()`); `None` until moved:
    /// the latest year.
    pub col: Option<usize>,
    /// First fiscal-year column on screen; `None`: the window that ends with the latest year.
    pub first_year: Option<usize>,
    /// First integrated-project row on screen.
    pub scroll: usize,
    /// Which projects' outcomes are counted (everyone's by default; `show outcomes --query`).
    pub filter: Filter,
    /// The filter as typed, carried into the list Enter opens.
    pub query: String,
}

/// Rows around the body rows: title, the two reference lines and the column header above, the
/// totals row below.
pub const OUTCOMES_FRAME: usize = 5;

/// Cells of one fiscal-year column (and of the total).
pub const YEAR_COLUMN: usize = 9;

/// Cells of the row-name column at `cols` columns.
pub fn label_width(cols: usize) -> usize {
    (cols / 4).clamp(12, 32)
}

/// Fiscal-year columns that fit beside the names and the total at `cols` columns (at least one).
pub fn years_that_fit(cols: usize) -> usize {
    (cols.saturating_sub(label_width(cols) + YEAR_COLUMN + 1) / (YEAR_COLUMN + 1)).max(1)
}

impl OutcomesState {
    fn years(&self) -> usize {
        self.tally.as_ref().map_or(0, |t| t.years.len())
    }

    fn rows(&self) -> usize {
        self.tally.as_ref().map_or(0, |t| t.rows.len())
    }

    /// The cursor's column: the latest year until moved.
    pub fn cursor_col(&self) -> usize {
        self.col
            .unwrap_or_else(|| self.years().saturating_sub(1))
            .min(self.years())
    }

    /// `t` (next kind), Left / Right (years), Up / Down (rows).
    pub fn command(&mut self, command: Command, ctx: &Ctx) -> Option<Vec<Effect>> {
        match command {
            Command::TogglePivot => self.kind = next_tally_kind(self.kind),
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
                let page = ctx.body_rows().saturating_sub(OUTCOMES_FRAME).max(1);
                let (row, _) = command.move_cursor(self.row, 0, self.rows() + 1, page);
                self.row = row;
                self.keep_in_view(page);
            }
            _ => return None,
        }
        Some(Vec::new())
    }

    /// Scrolls so that the cursor row shows among `page` body rows (the total row always shows).
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

    /// The first fiscal-year column drawn at `cols` columns.
    pub fn first_year_shown(&self, cols: usize) -> usize {
        let last_first = self.years().saturating_sub(years_that_fit(cols));
        self.first_year.unwrap_or(last_first).min(last_first)
    }

    /// The effect that loads the tally.
    pub fn load(&self, ctx: &Ctx) -> Vec<Effect> {
        vec![Effect::LoadOutcomes {
            filter: self.filter.clone(),
            scope: ctx.scope.clone(),
        }]
    }

    /// Takes a loaded tally; the cursor stays where it was, inside the new figures.
    pub fn loaded(&mut self, tally: OutcomeTally) {
        self.tally = Some(tally);
        self.row = self.row.min(self.rows());
        if let Some(c) = self.col {
            self.col = Some(c.min(self.years()));
        }
    }

    /// The filter line and the label of the projects behind the cursor cell: outcomes of the
    /// kind (in the year), of the row's integrated project, within the screen's own filter.
    pub fn cell_query(&self, lang: Lang) -> Option<(String, String)> {
        let tally = self.tally.as_ref()?;
        if tally.years.is_empty() {
            return None;
        }
        let kind = self.kind.map_or("any", |k| k.code());
        let year = tally.years.get(self.cursor_col());
        let mut term = format!("outcome:{kind}");
        if let Some(y) = year {
            term.push_str(&format!("@{}", y.0));
        }
        let mut terms = vec![term];
        let mut label = vec![outcome_short_label(self.kind, lang).to_string()];
        match tally.rows.get(self.row) {
            Some(row) => {
                terms.push(format!("ip:{}", row.code));
                label.push(row.label(lang));
            }
            None => label.push(tr(lang, "全統合PJ", "all projects").into()),
        }
        if let Some(y) = year {
            label.push(y.label(lang));
        }
        if !self.query.trim().is_empty() {
            terms.insert(0, self.query.trim().to_string());
        }
        Some((terms.join(" "), label.join(" × ")))
    }

    /// The title, references, header, rows and totals; the title and a "none recorded" line
    /// without outcomes.
    pub fn content_height(&self) -> usize {
        match &self.tally {
            None => 1,
            Some(t) if t.years.is_empty() => 2,
            Some(t) => t.rows.len() + OUTCOMES_FRAME,
        }
    }

    /// The breadcrumb: which kind.
    pub fn name(&self, lang: Lang) -> String {
        format!(
            "{} ({})",
            tr(lang, "成果集計", "Outcomes by fiscal year"),
            outcome_short_label(self.kind, lang)
        )
    }
}
