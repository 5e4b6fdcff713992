//! Moving between screens: the back stack, drilling down from the dashboard, Tab between the
//! top-level screens, and (re)loading what the current screen shows.

use super::screens::{
    BudgetState, DueState, FunnelState, HistoryState, LinksState, OutcomesState, PiState,
    SeamlessState,
};
use super::{App, DetailState, Effect, InputLine, ListKind, ListState, Overlay, Screen};
use crate::model::{BudgetRows, FiscalYear, PiKey};
use crate::query::{self, Filter};
use crate::tr;

impl App {
    /// Tab: dashboard › all projects › highway queue › matching radar › due follow-ups ›
    /// dashboard. From a screen opened deeper (a cell's list, a detail) Tab goes to the top-level
    /// screen after it.
    pub(crate) fn next_screen(&mut self) -> Vec<Effect> {
        let next = match self.stack.get(1) {
            None => 1,
            // All projects (however filtered since, whatever is open over it) → the highway queue.
            Some(Screen::List(l)) if l.kind == ListKind::Projects && l.opened.0.is_empty() => 2,
            Some(Screen::List(l)) if l.kind == ListKind::Projects => 1,
            Some(Screen::List(l)) if l.kind == ListKind::Highway => 4,
            Some(Screen::List(_)) => 3,
            _ => 0,
        };
        self.stack.truncate(1);
        match next {
            1 => self.push_list(ListKind::Projects, String::new(), String::new()),
            2 => self.push_list(ListKind::Highway, String::new(), String::new()),
            3 => self.push_due(false, false),
            4 => self.push_list(
                ListKind::Radar(self.radar_days),
                String::new(),
                String::new(),
            ),
            _ => self.load_current(),
        }
    }

    /// Enter: a dashboard cell opens exactly its projects; a list row or due item opens the project.
    pub(crate) fn open(&mut self) -> Vec<Effect> {
        let target = match self.screen() {
            Screen::Dashboard => return self.open_dashboard(),
            Screen::List(list) => list.cursor_id(),
            Screen::Due(due) => due.current().map(|i| i.project_id),
            // A lineage project focused (J / K): Enter opens its detail over this one (Esc
            // comes back). Else the PI line heads the detail: the PI's projects across programs.
            Screen::Detail(d) => {
                return match d.focused_chain() {
                    Some(id) => self.push_detail(id),
                    None => self.push_pi(false),
                };
            }
            Screen::Pi(p) => p.cursor_project().map(|r| r.id),
            Screen::Outcomes(o) => {
                let Some((query, label)) = o.cell_query(self.lang) else {
                    return Vec::new();
                };
                return self.push_list(ListKind::Projects, query, label);
            }
            Screen::Seamless(s) => {
                return match s.open_query(self.lang) {
                    Some((query, label)) => self.push_list(ListKind::Projects, query, label),
                    None => Vec::new(),
                };
            }
            Screen::Links(l) => {
                return match l.links.get(l.cursor) {
                    Some(link) => vec![Effect::OpenLink {
                        target: link.target.clone(),
                    }],
                    None => Vec::new(),
                };
            }
            Screen::Programs(p) => {
                return match p.open_query(self.lang) {
                    Some((query, label)) => self.push_list(ListKind::Projects, query, label),
                    None => Vec::new(),
                };
            }
            Screen::Budget(b) => {
                return match b.cell_query(self.lang) {
                    Some((query, label)) => self.push_list(ListKind::Projects, query, label),
                    None => Vec::new(),
                };
            }
            Screen::Funnel(f) => {
                return match f.cell_query(self.lang) {
                    Some((query, label)) => self.push_list(ListKind::Projects, query, label),
                    None if f.funnel.is_some() => {
                        self.status = Some(
                            tr(
                                self.lang,
                                "実用化は最後のフェーズで、移行はありません（在籍を開いてください）",
                                "the last phase has no 'moved on' cell (open its 'in' cell)",
                            )
                            .into(),
                        );
                        Vec::new()
                    }
                    None => Vec::new(),
                };
            }
            Screen::History(_) => None,
        };
        match target {
            Some(id) => self.push_detail(id),
            None => Vec::new(),
        }
    }

    /// The palette's "open project": the projects whose 課題管理番号 begins with `id`; when the
    /// answer is a single project, its detail replaces the list (see [`App::open_single_match`]).
    pub(crate) fn open_amed_id(&mut self, id: &str) -> Vec<Effect> {
        let label = format!("{} {id}", tr(self.lang, "課題管理番号", "AMED id"));
        let effects = self.push_list(ListKind::Projects, format!("id:{id}"), label);
        if let Some(Screen::List(list)) = self.stack.last_mut() {
            list.open_single = true;
        }
        effects
    }

    /// After a whole list answer: a list opened by 課題管理番号 that found exactly one project
    /// gives way to that project's detail (Esc then returns to where the palette was opened).
    pub(crate) fn open_single_match(&mut self) -> Option<Vec<Effect>> {
        let Some(Screen::List(list)) = self.stack.last_mut() else {
            return None;
        };
        if !list.open_single || !list.loaded || list.partial {
            return None;
        }
        list.open_single = false;
        let [id] = list.ids[..] else {
            return None;
        };
        self.stack.pop();
        Some(self.push_detail(id))
    }

    /// Opens one project's detail over the current screen.
    pub fn push_detail(&mut self, id: i64) -> Vec<Effect> {
        self.overlay = Overlay::None;
        self.stack
            .push(Screen::Detail(Box::new(DetailState::new(id))));
        vec![Effect::LoadDetail {
            id,
            me: self.author.name.clone(),
        }]
    }

    /// `H`: the focused project's history.
    pub fn push_history(&mut self) -> Vec<Effect> {
        let Some(project_id) = self.focused_project() else {
            return Vec::new();
        };
        let label = match self.screen() {
            Screen::Detail(d) => d.detail.as_ref().map(|d| d.amed_id.clone()),
            Screen::List(l) => l.rows.get(&project_id).map(|r| r.amed_id.clone()),
            _ => None,
        }
        .unwrap_or_else(|| format!("#{project_id}"));
        let label = format!("{label} {}", tr(self.lang, "履歴", "history"));
        self.stack.push(Screen::History(Box::new(HistoryState {
            project_id,
            label,
            entries: Vec::new(),
            scroll: 0,
        })));
        self.load_current()
    }

    /// Opens a list over the current screen (the filter must resolve; a bad one sets the status
    /// line and opens nothing).
    pub fn push_list(&mut self, kind: ListKind, query: String, label: String) -> Vec<Effect> {
        let filter = match query::resolve(&query, &self.reference) {
            Ok(f) => f,
            Err(e) => {
                self.status = Some(e.text(self.lang));
                return Vec::new();
            }
        };
        let label = if label.is_empty() {
            match kind {
                ListKind::Projects => tr(self.lang, "課題一覧", "Projects").into(),
                ListKind::Highway => tr(self.lang, "ハイウェイ支援キュー", "Highway queue").into(),
                ListKind::Portfolio => tr(self.lang, "マイポートフォリオ", "My portfolio").into(),
                ListKind::Radar(days) => {
                    super::screens::list::radar_label(self.lang, days, &filter)
                }
            }
        } else {
            label
        };
        self.stack.push(Screen::List(Box::new(ListState::new(
            kind, label, query, filter,
        ))));
        self.reload_list()
    }

    /// `/`: on a list, edit its filter; on the dashboard, its scope; elsewhere, open the project
    /// list with the filter line.
    pub(crate) fn open_filter(&mut self) -> Vec<Effect> {
        if matches!(self.screen(), Screen::Dashboard) {
            return self.edit_dashboard_scope();
        }
        let mut effects = Vec::new();
        if !matches!(self.screen(), Screen::List(_)) {
            self.stack.truncate(1);
            effects = self.push_list(ListKind::Projects, String::new(), String::new());
        }
        if let Screen::List(list) = self.screen() {
            self.overlay = Overlay::Filter {
                line: InputLine::new(&list.query),
                original: list.query.clone(),
            };
        }
        effects
    }

    /// Loads the list on top again (a new filter, a new sort).
    pub(crate) fn reload_list(&mut self) -> Vec<Effect> {
        let ctx = self.ctx();
        match self.stack.last_mut() {
            Some(Screen::List(list)) => list.load(&ctx),
            _ => Vec::new(),
        }
    }

    /// Fetches the display rows that came on screen.
    pub(crate) fn rows_effects(&mut self) -> Vec<Effect> {
        let ctx = self.ctx();
        match self.screen() {
            Screen::List(list) => list.rows_effect(&ctx),
            Screen::Due(due) => due.rows_effect(&ctx),
            _ => Vec::new(),
        }
    }

    /// The effects that (re)load the current screen's data.
    pub(crate) fn load_current(&mut self) -> Vec<Effect> {
        let ctx = self.ctx();
        match self.stack.last_mut() {
            Some(Screen::Dashboard) | None => self.dashboard.load(&ctx),
            Some(screen) => screen.load(&ctx),
        }
    }

    /// Another session committed `changes`: an unknown or large change reloads the screen and
    /// the project count as before; a change to a few projects reloads only what it can have
    /// moved on the screen on top (the screens beneath reload when they come back, as always).
    /// The project count moves only with a project created or retired: an unknown change.
    pub(crate) fn external_change(&mut self, changes: crate::model::Changes) -> Vec<Effect> {
        let crate::model::Changes::Projects(touched) = changes else {
            let mut effects = self.load_current();
            effects.push(Effect::CountProjects);
            return effects;
        };
        if touched.ids.is_empty() {
            return Vec::new();
        }
        let ctx = self.ctx();
        match self.stack.last_mut() {
            Some(Screen::Dashboard) | None => self.dashboard.refresh(&touched, &ctx),
            Some(screen) => screen.refresh(&touched, &ctx),
        }
    }

    /// A screen opened from another sits over it, so that Esc returns there with its filter,
    /// cursor and scroll. When a screen of the same kind is already on the stack (`B` from a list
    /// opened from the budget pivot), the stack goes back to it instead of growing: it comes
    /// back as it was left, reloaded. `Some` with its loading effects when it was found.
    fn raise(&mut self, same: impl Fn(&Screen) -> bool) -> Option<Vec<Effect>> {
        let at = self.stack.iter().rposition(same)?;
        if at == 0 {
            return None;
        }
        self.overlay = Overlay::None;
        self.stack.truncate(at + 1);
        Some(self.load_current())
    }

    /// `M`: my portfolio: projects assigned to me or on my watch list.
    pub(crate) fn push_portfolio(&mut self) -> Vec<Effect> {
        let portfolio = |s: &Screen| matches!(s, Screen::List(l) if l.kind == ListKind::Portfolio);
        if let Some(effects) = self.raise(portfolio) {
            return effects;
        }
        self.push_list(ListKind::Portfolio, "mine:watch".into(), String::new())
    }

    /// The palette's "all projects" and "highway queue": the list over the current screen.
    pub(crate) fn push_top_list(&mut self, kind: ListKind) -> Vec<Effect> {
        let unfiltered =
            |s: &Screen| matches!(s, Screen::List(l) if l.kind == kind && l.opened.0.is_empty());
        if let Some(effects) = self.raise(unfiltered) {
            return effects;
        }
        self.push_list(kind, String::new(), String::new())
    }

    /// `B`: the budget pivot over the current screen (the one already open, if any).
    /// (`show budget --rows --query` chooses the rows and the projects summed.)
    pub fn push_budget(&mut self, rows_by: BudgetRows, filter: Filter) -> Vec<Effect> {
        if let Some(effects) = self.raise(|s| matches!(s, Screen::Budget(_))) {
            return effects;
        }
        self.stack.push(Screen::Budget(Box::new(BudgetState {
            rows_by,
            filter,
            ..BudgetState::default()
        })));
        self.load_current()
    }

    /// `F`: the funnel for a fiscal year (the current one from the key; `show funnel --fy`), over
    /// the current screen (the one already open, if any, as it was left).
    pub fn push_funnel(&mut self, year: FiscalYear, filter: Filter) -> Vec<Effect> {
        if let Some(effects) = self.raise(|s| matches!(s, Screen::Funnel(_))) {
            return effects;
        }
        self.stack.push(Screen::Funnel(Box::new(FunnelState::new(
            year,
            filter,
            String::new(),
        ))));
        self.load_current()
    }

    /// `T`: the outcome tally, of one kind (`None`: all) and the projects matching `query`
    /// (`show outcomes --kind --query`; the key opens it for everyone's, all kinds).
    pub fn push_outcomes(
        &mut self,
        kind: Option<crate::model::OutcomeKind>,
        filter: Filter,
        query: String,
    ) -> Vec<Effect> {
        if let Some(effects) = self.raise(|s| matches!(s, Screen::Outcomes(_))) {
            return effects;
        }
        self.stack.push(Screen::Outcomes(Box::new(OutcomesState {
            kind,
            filter,
            query,
            ..OutcomesState::default()
        })));
        self.load_current()
    }

    /// `X`: the gaps between programs (切れ目), in `view` (the one already open, if any, as it was left).
    pub fn push_seamless(&mut self, view: crate::app::screens::SeamlessView) -> Vec<Effect> {
        if let Some(effects) = self.raise(|s| matches!(s, Screen::Seamless(_))) {
            return effects;
        }
        self.stack.push(Screen::Seamless(Box::new(SeamlessState {
            view,
            ..SeamlessState::default()
        })));
        self.load_current()
    }

    /// The due board over the current screen: everyone's, or only what I owe (the one already
    /// open, if any, as it was left).
    pub fn push_due(&mut self, mine: bool, by_officer: bool) -> Vec<Effect> {
        if let Some(effects) = self.raise(|s| matches!(s, Screen::Due(_))) {
            return effects;
        }
        self.stack.push(Screen::Due(Box::new(DueState {
            mine,
            by_officer,
            ..Default::default()
        })));
        self.load_current()
    }

    /// The overview of one PI or institution by name (`seedline show pi NAME`).
    pub fn push_pi_named(&mut self, key: PiKey) -> Vec<Effect> {
        self.stack.push(Screen::Pi(Box::new(PiState::new(key))));
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

    /// `Y`: the programs (事業), over the current screen (the one already open, if any).
    pub fn push_programs(&mut self) -> Vec<Effect> {
        if let Some(effects) = self.raise(|s| matches!(s, Screen::Programs(_))) {
            return effects;
        }
        self.stack.push(Screen::Programs(Box::default()));
        self.load_current()
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
            offset: 0,
        };
        self.stack.push(Screen::Links(Box::new(state)));
        Vec::new()
    }
}
