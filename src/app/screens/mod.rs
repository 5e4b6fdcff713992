//! The screens of the back stack, one module each. A screen owns its state, the commands it
//! handles (asked before the app's global ones), the effects that load it, how it takes its
//! loaded data, and how tall its content is (what scrolling and `seedline show` both use).
//! Drawing lives beside it in `ui/screens/`, one file per screen.

pub mod budget;
pub mod dashboard;
pub mod detail;
pub mod due;
pub mod funnel;
pub mod history;
pub mod links;
pub mod list;
pub mod outcomes;
pub mod pi;
pub mod programs;
pub mod refresh;
pub mod seamless;

use super::keymap::Mode;
use super::{Command, Effect};
use crate::model::{Date, Scope};
use crate::{Lang, tr};

pub use budget::BudgetState;
pub use dashboard::{COLUMNS, DashboardData, DashboardState};
pub use detail::DetailState;
pub use due::DueState;
pub use funnel::FunnelState;
pub use history::HistoryState;
pub use links::LinksState;
pub use list::{ListKind, ListState};
pub use outcomes::OutcomesState;
pub use pi::PiState;
pub use programs::ProgramsState;
pub use seamless::{SeamlessState, SeamlessView};

/// Rows around every screen's body: the title (breadcrumb) above, the status line below.
pub const CHROME: u16 = 2;

/// A screen on the back stack. The dashboard's state is kept by the app, not here: it lies
/// beneath every stack and keeps its cursor, pivot and modes while other screens come and go.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// The pipeline matrix (home).
    Dashboard,
    /// A project list or the highway queue.
    List(Box<ListState>),
    /// One project.
    Detail(Box<DetailState>),
    /// Pending follow-ups and deadlines.
    Due(Box<DueState>),
    /// One project's history.
    History(Box<HistoryState>),
    /// Allocations per fiscal year.
    Budget(Box<BudgetState>),
    /// Phase transitions and time in phase.
    Funnel(Box<FunnelState>),
    /// A PI's or institution's projects.
    Pi(Box<PiState>),
    /// A project's links.
    Links(Box<LinksState>),
    /// The programs (事業) and their links.
    Programs(Box<ProgramsState>),
    /// Outcomes per integrated project × fiscal year.
    Outcomes(Box<OutcomesState>),
    /// The gaps between programs (切れ目).
    Seamless(Box<SeamlessState>),
}

/// What a screen may know of the app while it handles a command or loads, and the one thing it
/// may say back (a hint for the status line).
#[derive(Debug, Clone)]
pub struct Ctx {
    pub lang: Lang,
    pub today: Date,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// Today, "me" and the stall threshold, as the store wants them.
    pub scope: Scope,
    /// A fresh request id, for a load whose older answers must be ignored.
    pub request: u64,
    /// Set by a screen to show a hint in the status line.
    pub status: Option<String>,
}

impl Ctx {
    /// Rows between the title and the status line.
    pub fn body_rows(&self) -> usize {
        self.size.1.saturating_sub(CHROME).max(1) as usize
    }

    /// Columns of the terminal.
    pub fn cols(&self) -> usize {
        self.size.0 as usize
    }
}

impl Screen {
    /// The keymap mode of this screen (which bindings the footer and `?` show).
    pub fn mode(&self) -> Mode {
        match self {
            Screen::Dashboard => Mode::Dashboard,
            Screen::List(_) => Mode::List,
            Screen::Detail(_) => Mode::Detail,
            Screen::Due(_) => Mode::Due,
            Screen::History(_) => Mode::History,
            Screen::Budget(_) => Mode::Budget,
            Screen::Funnel(_) => Mode::Funnel,
            Screen::Pi(_) => Mode::Pi,
            Screen::Links(_) => Mode::Links,
            Screen::Programs(_) => Mode::Programs,
            Screen::Outcomes(_) => Mode::Outcomes,
            Screen::Seamless(_) => Mode::Seamless,
        }
    }

    /// The commands this screen handles itself; `None` hands the command to the app. (The
    /// dashboard's are its state's: see `DashboardState::command`.)
    pub fn command(&mut self, command: Command, ctx: &mut Ctx) -> Option<Vec<Effect>> {
        match self {
            Screen::Dashboard => None,
            Screen::List(s) => s.command(command, ctx),
            Screen::Detail(s) => s.command(command, ctx),
            Screen::Due(s) => s.command(command, ctx),
            Screen::History(s) => s.command(command, ctx),
            Screen::Budget(s) => s.command(command, ctx),
            Screen::Funnel(s) => s.command(command, ctx),
            Screen::Pi(s) => s.command(command, ctx),
            Screen::Links(s) => s.command(command, ctx),
            Screen::Programs(s) => s.command(command, ctx),
            Screen::Outcomes(s) => s.command(command, ctx),
            Screen::Seamless(s) => s.command(command, ctx),
        }
    }

    /// The effects that (re)load what this screen shows. (The dashboard's: its state's `load`.)
    pub fn load(&mut self, ctx: &Ctx) -> Vec<Effect> {
        match self {
            Screen::Dashboard => Vec::new(),
            Screen::List(s) => s.load(ctx),
            Screen::Detail(s) => s.load(ctx),
            Screen::Due(s) => s.load(ctx),
            Screen::History(s) => s.load(),
            Screen::Budget(s) => s.load(ctx),
            Screen::Funnel(s) => s.load(ctx),
            Screen::Pi(s) => s.load(ctx),
            Screen::Links(s) => s.load(),
            Screen::Programs(s) => s.load(),
            Screen::Outcomes(s) => s.load(ctx),
            Screen::Seamless(s) => s.load(),
        }
    }

    /// Rows the whole content takes in the body (between title and status line), as drawn at the
    /// width it was laid out for: what scrolling stops at and what `seedline show` prints.
    /// `None` for the dashboard, whose state the app keeps (see `DashboardState::content_height`).
    pub fn content_height(&self) -> Option<usize> {
        Some(match self {
            Screen::Dashboard => return None,
            Screen::List(s) => s.content_height(),
            Screen::Detail(s) => s.content_height(),
            Screen::Due(s) => s.content_height(),
            Screen::History(s) => s.content_height(),
            Screen::Budget(s) => s.content_height(),
            Screen::Funnel(s) => s.content_height(),
            Screen::Pi(s) => s.content_height(),
            Screen::Links(s) => s.content_height(),
            Screen::Programs(s) => s.content_height(),
            Screen::Outcomes(s) => s.content_height(),
            Screen::Seamless(s) => s.content_height(),
        })
    }

    /// After a resize: the cursor row stays on screen and the scroll inside the content.
    pub fn keep_in_view(&mut self, ctx: &Ctx) {
        let body = ctx.body_rows();
        match self {
            Screen::List(s) => s.scroll_into_view(list::page(ctx)),
            Screen::Due(s) => s.scroll(Command::Refresh, list::page(ctx)),
            Screen::Pi(s) => {
                let len = s.overview.as_ref().map_or(0, |o| o.projects.len());
                let page = body.saturating_sub(pi::PI_HEAD);
                (s.cursor, s.offset) = Command::Refresh.move_cursor(s.cursor, s.offset, len, page);
            }
            Screen::Links(s) => {
                let page = body.saturating_sub(links::LINKS_HEAD);
                (s.cursor, s.offset) =
                    Command::Refresh.move_cursor(s.cursor, s.offset, s.links.len(), page);
            }
            Screen::Programs(s) => s.keep_in_view(ctx),
            Screen::History(s) => {
                let page = body.saturating_sub(history::HISTORY_HEAD);
                s.scroll = s.scroll.min(s.entries.len().saturating_sub(page));
            }
            Screen::Budget(s) => s.keep_in_view(BudgetState::page(ctx)),
            Screen::Funnel(s) => s.scroll = s.scroll.min(s.content_height().saturating_sub(body)),
            Screen::Outcomes(s) => {
                s.keep_in_view(body.saturating_sub(outcomes::OUTCOMES_FRAME).max(1))
            }
            Screen::Seamless(s) => s.keep_in_view(body.saturating_sub(seamless::SEAMLESS_HEAD)),
            // The detail is laid out again for the new width by the app (it needs the language).
            Screen::Detail(_) | Screen::Dashboard => {}
        }
    }

    /// The screen's name in the breadcrumb.
    pub fn name(&self, lang: Lang) -> String {
        match self {
            Screen::Dashboard => tr(lang, "ダッシュボード", "Dashboard").into(),
            Screen::List(s) => s.label.clone(),
            Screen::Detail(s) => s.name(),
            Screen::Due(_) => tr(lang, "期限ボード", "Due board").into(),
            Screen::History(s) => s.label.clone(),
            Screen::Budget(s) => s.name(lang),
            Screen::Funnel(s) => s.name(lang),
            Screen::Pi(s) => s.name(lang),
            Screen::Links(s) => s.label.clone(),
            Screen::Programs(s) => s.name(lang),
            Screen::Outcomes(s) => s.name(lang),
            Screen::Seamless(s) => s.name(lang),
        }
    }

    /// The project the screen is about, or the one under its cursor.
    pub fn focused_project(&self) -> Option<i64> {
        match self {
            Screen::List(l) => l.cursor_id(),
            Screen::Detail(d) => Some(d.id),
            Screen::Due(d) => d.current().map(|i| i.project_id),
            Screen::Pi(p) => p.cursor_project().map(|r| r.id),
            Screen::History(h) => Some(h.project_id),
            Screen::Links(l) => Some(l.project_id),
            Screen::Dashboard
            | Screen::Budget(_)
            | Screen::Funnel(_)
            | Screen::Programs(_)
            | Screen::Outcomes(_)
            | Screen::Seamless(_) => None,
        }
    }
}
