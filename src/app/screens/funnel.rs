//! The phase funnel of one fiscal year: how many projects moved on from each phase, how long
//! they stayed, what is stalled now, and the median time in phase per integrated project.

use super::Ctx;
use crate::app::{Command, Effect};
use crate::model::{FiscalYear, Funnel};
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
}

/// Lines above the per-integrated-project rows: title, stalled line, transitions header, one
/// line per phase (five), legend, a blank line and the time-in-phase header.
pub const FUNNEL_HEAD: usize = 11;

impl FunnelState {
    /// Left / Right: the fiscal year before or after (not past the current one); scrolling.
    pub fn command(&mut self, command: Command, ctx: &Ctx) -> Option<Vec<Effect>> {
        match command {
            Command::Left | Command::Right => {
                let step = if command == Command::Left { -1 } else { 1 };
                let year = (self.year.0 + step).clamp(FiscalYear::MIN, FiscalYear::of(ctx.today).0);
                if year == self.year.0 {
                    return Some(Vec::new());
                }
                self.year = FiscalYear(year);
                self.funnel = None;
                Some(self.load(ctx))
            }
            _ if command.is_navigation() => {
                self.scroll = command.scroll(self.scroll, self.content_height(), ctx.body_rows());
                Some(Vec::new())
            }
            _ => None,
        }
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
