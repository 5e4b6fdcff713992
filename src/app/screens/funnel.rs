//! The phase funnel of one fiscal year: how many projects moved on from each phase, how long
//! they stayed, what is stalled now, and the median time in phase per integrated project.
//! A cell cursor on the transitions: Up / Down phases, Left / Right between 在籍 (in the phase
//! during the year) and 移行 (moved on during it), walking on into the year before or after at
//! the edges; Enter opens the projects the cell counts.

use super::Ctx;
use crate::app::{Command, Effect};
use crate::model::{Coded, FiscalYear, Funnel, Phase};
use crate::query::Filter;
use crate::{Lang, tr};

/// The funnel screen: transitions in one fiscal year and time in phase.
#[derive(Debug, Clone, PartialEq)]
pub struct FunnelState {
    pub year: FiscalYear,
    pub funnel: Option<Funnel>,
    /// Lines scrolled past.
    pub scroll: usize,
    /// Which projects are counted (everyone's by default; `show funnel --query`).
    pub filter: Filter,
    /// The filter as typed, carried into the list Enter opens.
    pub query: String,
    /// Cursor row: a phase, 0 (基礎) to 4 (実用化).
    pub row: usize,
    /// Cursor column: 0 在籍 (in the phase during the year), 1 移行 (moved on during it).
    pub col: usize,
}

/// The funnel's cell columns: in the phase, moved on.
pub const FUNNEL_COLUMNS: usize = 2;

/// Lines above the per-integrated-project rows: title, stalled line, transitions header, one
/// line per phase (five), legend, a blank line and the time-in-phase header.
pub const FUNNEL_HEAD: usize = 11;

/// The line of the first phase (基礎) in the content: after the title, stalled and header lines.
pub const FUNNEL_FIRST_PHASE_LINE: usize = 3;

impl FunnelState {
    /// A funnel of `year` over the projects matching `filter` (typed as `query`), the cursor on
    /// the first phase's 在籍.
    pub fn new(year: FiscalYear, filter: Filter, query: String) -> FunnelState {
        FunnelState {
            year,
            funnel: None,
            scroll: 0,
            filter,
            query,
            row: 0,
            col: 0,
        }
    }

    /// Left / Right: the other cell of the year, then the year before or after (not past the
    /// current one); Up / Down: the phases; other moves scroll the whole content.
    pub fn command(&mut self, command: Command, ctx: &Ctx) -> Option<Vec<Effect>> {
        match command {
            Command::Left if self.col > 0 => self.col -= 1,
            Command::Right if self.col + 1 < FUNNEL_COLUMNS => self.col += 1,
            Command::Left | Command::Right => {
                let step = if command == Command::Left { -1 } else { 1 };
                let year = (self.year.0 + step).clamp(FiscalYear::MIN, FiscalYear::of(ctx.today).0);
                if year == self.year.0 {
                    return Some(Vec::new());
                }
                self.year = FiscalYear(year);
                self.col = if command == Command::Left {
                    FUNNEL_COLUMNS - 1
                } else {
                    0
                };
                self.funnel = None;
                return Some(self.load(ctx));
            }
            Command::Up | Command::Down => {
                let last = Phase::ALL.len() - 1;
                let moved = if command == Command::Up {
                    self.row.checked_sub(1)
                } else {
                    (self.row < last).then_some(self.row + 1)
                };
                match moved {
                    Some(row) => self.row = row,
                    // Past the phases: the content scrolls (to the medians below).
                    None => {
                        self.scroll =
                            command.scroll(self.scroll, self.content_height(), ctx.body_rows())
                    }
                }
                // The cursor's line stays on screen.
                let line = FUNNEL_FIRST_PHASE_LINE + self.row;
                if line < self.scroll {
                    self.scroll = line;
                } else if line >= self.scroll + ctx.body_rows() {
                    self.scroll = line + 1 - ctx.body_rows();
                }
            }
            _ if command.is_navigation() => {
                self.scroll = command.scroll(self.scroll, self.content_height(), ctx.body_rows());
            }
            _ => return None,
        }
        Some(Vec::new())
    }

    /// The filter line and the label of the projects behind the cursor cell: in the phase on some
    /// day of the year, or moved on from it during the year, within the screen's own filter.
    /// `None` on 実用化's 移行 (there is no later phase) and while loading.
    pub fn cell_query(&self, lang: Lang) -> Option<(String, String)> {
        self.funnel.as_ref()?;
        let phase = Phase::ALL.get(self.row)?;
        let (field, what) = match self.col {
            0 => ("inphase", tr(lang, "在籍", "in")),
            _ if self.row + 1 < Phase::ALL.len() => ("moved", tr(lang, "移行", "moved on")),
            _ => return None,
        };
        let mut terms = vec![format!("{field}:{}@{}", phase.code(), self.year.0)];
        if !self.query.trim().is_empty() {
            terms.insert(0, self.query.trim().to_string());
        }
        let label = [
            self.year.label(lang),
            phase.label(lang).to_string(),
            what.to_string(),
        ];
        Some((terms.join(" "), label.join(" × ")))
    }

    /// The effect that loads the year's funnel.
    pub fn load(&self, ctx: &Ctx) -> Vec<Effect> {
        vec![Effect::LoadFunnel {
            year: self.year,
            filter: self.filter.clone(),
            scope: ctx.scope.clone(),
        }]
    }

    /// Takes a loaded funnel (an answer for another year is an older request's).
    pub fn loaded(&mut self, funnel: Funnel) {
        if funnel.year == Some(self.year) {
            self.funnel = Some(funnel);
        }
    }

    /// The head lines and a row per integrated project (or the line saying there are none).
    pub fn content_height(&self) -> usize {
        self.funnel
            .as_ref()
            .map_or(1, |f| FUNNEL_HEAD + f.by_integrated_project.len().max(1))
    }

    /// The breadcrumb: which fiscal year.
    pub fn name(&self, lang: Lang) -> String {
        format!(
            "{} {}",
            tr(lang, "フェーズ推移", "Phase funnel"),
            self.year.label(lang)
        )
    }
}
