//! The portfolio screens: my portfolio (a list), the budget pivot, the phase funnel, a PI's or
//! institution's overview and a project's links; and the portfolio commands (watch, mine, budget
//! sums on the dashboard).

use super::save::Save;
use super::{App, Command, Effect, ListKind, Screen};
use crate::model::{
    AttachmentView, BudgetPivot, BudgetRows, FiscalYear, Funnel, PiKey, PiOverview, Scope,
};
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

/// The funnel screen: transitions in one fiscal year and time in phase.
#[derive(Debug, Clone, PartialEq)]
pub struct FunnelState {
    pub year: FiscalYear,
    pub funnel: Option<Funnel>,
    pub scroll: usize,
    /// Which projects are counted (everyone's by default; `show funnel --query`).
    pub filter: Filter,
}

/// One PI's (or institution's) projects.
#[derive(Debug, Clone, PartialEq)]
pub struct PiState {
    pub key: PiKey,
    pub overview: Option<PiOverview>,
    pub cursor: usize,
    pub offset: usize,
}

impl PiState {
    /// The project under the cursor.
    pub fn cursor_project(&self) -> Option<&crate::model::PiProject> {
        self.overview.as_ref()?.projects.get(self.cursor)
    }
}

/// A project's links (attachments).
#[derive(Debug, Clone, PartialEq)]
pub struct LinksState {
    pub project_id: i64,
    pub label: String,
    pub links: Vec<AttachmentView>,
    pub cursor: usize,
}

impl App {
    /// What "me", today and the stall threshold are for the store.
    pub fn scope(&self) -> Scope {
        Scope {
            today: self.today,
            me: self.author.name.clone(),
            stall_days: self.stall_days,
        }
    }

    /// `M`: my portfolio: projects assigned to me or on my watch list.
    pub(crate) fn push_portfolio(&mut self) -> Vec<Effect> {
        self.stack.truncate(1);
        self.push_list(ListKind::Portfolio, "mine:watch".into(), String::new())
    }

    /// `B`: the budget pivot.
    /// (`show budget --rows --query` chooses the rows and the projects summed.)
    pub fn push_budget(&mut self, rows_by: BudgetRows, filter: Filter) -> Vec<Effect> {
        self.stack.truncate(1);
        self.stack.push(Screen::Budget(Box::new(BudgetState {
            rows_by,
            filter,
            ..BudgetState::default()
        })));
        self.load_current()
    }

    /// `F`: the funnel for a fiscal year (the current one from the key; `show funnel --fy`).
    pub fn push_funnel(&mut self, year: FiscalYear, filter: Filter) -> Vec<Effect> {
        self.stack.truncate(1);
        self.stack.push(Screen::Funnel(Box::new(FunnelState {
            year,
            funnel: None,
            scroll: 0,
            filter,
        })));
        self.load_current()
    }

    /// The due board over the current screen: everyone's, or only what I owe.
    pub fn push_due(&mut self, mine: bool, by_officer: bool) -> Vec<Effect> {
        self.stack.push(Screen::Due(Box::new(super::DueState {
            mine,
            by_officer,
            ..Default::default()
        })));
        self.load_current()
    }

    /// The overview of one PI or institution by name (`seedline show pi NAME`).
    pub fn push_pi_named(&mut self, key: PiKey) -> Vec<Effect> {
        self.stack.push(Screen::Pi(Box::new(PiState {
            key,
            overview: None,
            cursor: 0,
            offset: 0,
        })));
        self.load_current()
    }

    /// `P` / `I` (and Enter on the detail's PI line): the overview of the focused project's PI or
    /// institution.
    pub(crate) fn push_pi(&mut self, institution: bool) -> Vec<Effect> {
        let names = match self.screen() {
            Screen::Detail(d) => d
                .detail
                .as_ref()
                .map(|d| (d.pi_name.clone(), d.institution.clone())),
            Screen::List(l) => l
                .cursor_id()
                .and_then(|id| l.rows.get(&id))
                .map(|r| (r.pi_name.clone(), r.institution.clone())),
            Screen::Pi(p) => p
                .cursor_project()
                .map(|r| (r.pi_name.clone(), r.institution.clone())),
            _ => None,
        };
        let Some((pi, inst)) = names else {
            return self.not_here();
        };
        self.push_pi_named(if institution {
            PiKey::Institution(inst)
        } else {
            PiKey::Pi(pi)
        })
    }

    /// `L`: the focused project's links.
    pub(crate) fn push_links(&mut self) -> Vec<Effect> {
        let Screen::Detail(d) = self.screen() else {
            return self.not_here();
        };
        let Some(detail) = &d.detail else {
            return Vec::new();
        };
        let state = LinksState {
            project_id: detail.id,
            label: format!("{} {}", detail.amed_id, tr(self.lang, "添付", "links")),
            links: detail.attachments.clone(),
            cursor: 0,
        };
        self.stack.push(Screen::Links(Box::new(state)));
        Vec::new()
    }

    /// `w`: watch or unwatch the selection (lists) or the focused project.
    pub(crate) fn toggle_watch(&mut self) -> Vec<Effect> {
        let (ids, on) = match self.screen() {
            Screen::List(l) if !l.selected.is_empty() => {
                // A selection is put on the list as a whole (or taken off when all are on it).
                let all_on = l
                    .selected
                    .iter()
                    .all(|id| l.rows.get(id).is_some_and(|r| r.watched));
                (l.selected.iter().copied().collect(), Some(!all_on))
            }
            Screen::List(l) => match l.cursor_id() {
                Some(id) => (vec![id], None),
                None => return Vec::new(),
            },
            Screen::Detail(d) => (vec![d.id], None),
            Screen::Pi(p) => match p.cursor_project() {
                Some(r) => (vec![r.id], None),
                None => return Vec::new(),
            },
            _ => return self.not_here(),
        };
        vec![Effect::Save(Save::Watch {
            project_ids: ids,
            on,
        })]
    }

    /// Commands of the portfolio screens; `None` when the command is not theirs.
    pub(crate) fn portfolio_command(&mut self, command: Command) -> Option<Vec<Effect>> {
        let page = self.list_page();
        let today = self.today;
        let effects = match (self.stack.last_mut()?, command) {
            (Screen::Budget(b), Command::TogglePivot) => {
                b.rows_by = b.rows_by.next();
                b.pivot = None;
                b.scroll = 0;
                return Some(self.load_current());
            }
            (Screen::Budget(b), Command::Left | Command::Right) => {
                let years = b.pivot.as_ref().map_or(0, |p| p.years.len());
                let first = b.first_year.unwrap_or(years.saturating_sub(1));
                b.first_year = Some(if command == Command::Left {
                    first.saturating_sub(1)
                } else {
                    (first + 1).min(years.saturating_sub(1))
                });
                Vec::new()
            }
            (Screen::Budget(b), _) if command.is_navigation() => {
                let rows = b.pivot.as_ref().map_or(0, |p| p.rows.len());
                b.scroll = command.scroll(b.scroll, rows, page);
                Vec::new()
            }
            (Screen::Funnel(f), Command::Left | Command::Right) => {
                let step = if command == Command::Left { -1 } else { 1 };
                let year = (f.year.0 + step).clamp(FiscalYear::MIN, FiscalYear::of(today).0);
                if year == f.year.0 {
                    return Some(Vec::new());
                }
                f.year = FiscalYear(year);
                f.funnel = None;
                return Some(self.load_current());
            }
            (Screen::Funnel(f), _) if command.is_navigation() => {
                let rows = f
                    .funnel
                    .as_ref()
                    .map_or(0, |x| x.by_integrated_project.len() + 9);
                f.scroll = command.scroll(f.scroll, rows, page);
                Vec::new()
            }
            (Screen::Pi(p), Command::TogglePivot) => {
                let name = p.cursor_project().map(|r| match &p.key {
                    PiKey::Pi(_) => PiKey::Institution(r.institution.clone()),
                    PiKey::Institution(_) => PiKey::Pi(r.pi_name.clone()),
                });
                if let Some(key) = name {
                    p.key = key;
                    p.overview = None;
                    p.cursor = 0;
                    p.offset = 0;
                    return Some(self.load_current());
                }
                Vec::new()
            }
            (Screen::Pi(p), _) if command.is_navigation() => {
                let len = p.overview.as_ref().map_or(0, |o| o.projects.len());
                (p.cursor, p.offset) =
                    command.move_cursor(p.cursor, p.offset, len, page.saturating_sub(3));
                Vec::new()
            }
            (Screen::Links(l), _) if command.is_navigation() => {
                (l.cursor, _) = command.move_cursor(l.cursor, 0, l.links.len(), page);
                Vec::new()
            }
            _ => return None,
        };
        Some(effects)
    }

    /// The effects that load a portfolio screen.
    pub(crate) fn load_portfolio_screen(&self) -> Vec<Effect> {
        let scope = self.scope();
        match self.screen() {
            Screen::Budget(b) => vec![Effect::LoadBudget {
                rows_by: b.rows_by,
                filter: b.filter.clone(),
                scope,
            }],
            Screen::Funnel(f) => vec![Effect::LoadFunnel {
                year: f.year,
                filter: f.filter.clone(),
                scope,
            }],
            Screen::Pi(p) => vec![Effect::LoadPi {
                key: p.key.clone(),
                today: self.today,
            }],
            _ => Vec::new(),
        }
    }

    /// Enter on a portfolio screen: a PI's project opens its detail; a link opens with the system
    /// opener.
    pub(crate) fn open_portfolio_item(&mut self) -> Option<Vec<Effect>> {
        match self.screen() {
            Screen::Pi(p) => {
                let id = p.cursor_project()?.id;
                Some(self.push_detail(id))
            }
            Screen::Links(l) => {
                let target = l.links.get(l.cursor)?.target.clone();
                Some(vec![Effect::OpenLink { target }])
            }
            _ => None,
        }
    }

    /// The breadcrumb name of a portfolio screen.
    pub fn portfolio_screen_name(&self, screen: &Screen) -> Option<String> {
        let lang = self.lang;
        Some(match screen {
            Screen::Budget(b) => format!(
                "{} ({})",
                tr(lang, "年度別配分額", "Budget by fiscal year"),
                b.rows_by.label(lang)
            ),
            Screen::Funnel(f) => format!(
                "{} {}",
                tr(lang, "フェーズ推移", "Phase funnel"),
                f.year.label(lang)
            ),
            Screen::Pi(p) => match &p.key {
                PiKey::Pi(n) => format!("{} {n}", tr(lang, "研究代表者", "PI")),
                PiKey::Institution(n) => format!("{} {n}", tr(lang, "機関", "Institution")),
            },
            Screen::Links(l) => l.label.clone(),
            _ => return None,
        })
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
