//! Moving between screens: the back stack, drilling down from the dashboard, Tab between the
//! top-level screens, and (re)loading what the current screen shows.

use super::{App, DetailState, Effect, InputLine, ListKind, ListState, Overlay, Screen};
use crate::model::{Coded, Phase};
use crate::query;
use crate::store::Pivot;
use crate::{Lang, tr};

impl App {
    /// Esc first abandons a started range selection.
    pub(crate) fn cancel_range(&mut self) -> bool {
        if let Some(Screen::List(list)) = self.stack.last_mut()
            && list.anchor.is_some()
        {
            list.anchor = None;
            return true;
        }
        false
    }

    /// Tab: dashboard → all projects → highway queue → due follow-ups → dashboard. From a screen
    /// opened deeper (a cell's list, a detail) Tab goes to the top-level screen after it.
    pub(crate) fn next_screen(&mut self) -> Vec<Effect> {
        let next = match self.stack.get(1) {
            None => 1,
            Some(Screen::List(l))
                if l.kind == ListKind::Projects && l.query.is_empty() && self.stack.len() == 2 =>
            {
                2
            }
            Some(Screen::List(l)) if l.kind == ListKind::Projects => 1,
            Some(Screen::List(_)) => 3,
            _ => 0,
        };
        self.stack.truncate(1);
        match next {
            1 => self.push_list(ListKind::Projects, String::new(), String::new()),
            2 => self.push_list(ListKind::Highway, String::new(), String::new()),
            3 => self.push_due(false, false),
            _ => self.load_current(),
        }
    }

    /// Enter: a dashboard cell opens exactly its projects; a list row or due item opens the project.
    pub(crate) fn open(&mut self) -> Vec<Effect> {
        let target = match self.screen() {
            Screen::Dashboard => {
                let Some((query, label)) = self.cell_query() else {
                    return Vec::new();
                };
                return self.push_list(ListKind::Projects, query, label);
            }
            Screen::List(list) => list.cursor_id(),
            Screen::Due(due) => due.items.get(due.cursor).map(|i| i.project_id),
            // The PI line heads the detail: Enter opens the PI's projects across programs.
            Screen::Detail(_) => return self.push_pi(false),
            Screen::Pi(_) | Screen::Links(_) => {
                return self.open_portfolio_item().unwrap_or_default();
            }
            Screen::History(_) | Screen::Budget(_) | Screen::Funnel(_) => None,
        };
        match target {
            Some(id) => self.push_detail(id),
            None => Vec::new(),
        }
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
        self.stack
            .push(Screen::History(Box::new(super::HistoryState {
                project_id,
                label,
                entries: Vec::new(),
                scroll: 0,
            })));
        self.load_current()
    }

    /// The filter and breadcrumb label for the dashboard cell under the cursor.
    pub(crate) fn cell_query(&self) -> Option<(String, String)> {
        let data = self.dashboard.data.as_ref()?;
        let mut terms = Vec::new();
        let mut label = Vec::new();
        if let Some(row) = data.matrix.rows.get(self.dashboard.row) {
            let field = match data.matrix.pivot {
                Pivot::IntegratedProject => "ip",
                Pivot::DiseaseArea => "area",
            };
            terms.push(format!("{field}:{}", row.code));
            label.push(if self.lang == Lang::Ja {
                row.name_ja.clone()
            } else {
                row.name_en.clone()
            });
        }
        if let Some(phase) = Phase::ALL.get(self.dashboard.col) {
            terms.push(format!("phase:{}", phase.code()));
            label.push(phase.label(self.lang).to_string());
        }
        if label.is_empty() {
            label.push(tr(self.lang, "全課題", "All projects").into());
        }
        if self.dashboard.mine {
            terms.push("mine".into());
            label.push(tr(self.lang, "担当", "mine").into());
        }
        Some((terms.join(" "), label.join(" × ")))
    }

    /// Opens a list over the current screen (the filter must resolve; a bad one sets the status
    /// line and opens nothing).
    pub fn push_list(&mut self, kind: ListKind, query: String, label: String) -> Vec<Effect> {
        let filter = match query::resolve(&query, &self.reference) {
            Ok(f) => f,
            Err(e) => {
                self.status = Some(e.to_string());
                return Vec::new();
            }
        };
        let label = if label.is_empty() {
            match kind {
                ListKind::Projects => tr(self.lang, "課題一覧", "Projects").into(),
                ListKind::Highway => tr(self.lang, "ハイウェイ支援キュー", "Highway queue").into(),
                ListKind::Portfolio => tr(self.lang, "マイポートフォリオ", "My portfolio").into(),
            }
        } else {
            label
        };
        self.stack.push(Screen::List(Box::new(ListState::new(
            kind, label, query, filter,
        ))));
        self.reload_list()
    }

    /// `/`: on a list, edit its filter; elsewhere, open the project list with the filter line.
    pub(crate) fn open_filter(&mut self) -> Vec<Effect> {
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

    pub(crate) fn reload_list(&mut self) -> Vec<Effect> {
        self.next_request += 1;
        let request = self.next_request;
        let scope = self.scope();
        let page = self.list_page();
        match self.stack.last_mut() {
            Some(Screen::List(list)) => {
                list.request = request;
                list.loaded = false;
                // Rows may have changed too (a save, another session): fetch them again.
                list.rows.clear();
                // The first screen first (enough for where the cursor is), the rest after the frame.
                let limit = (list.offset + page + 1).min(1_000);
                vec![list.load_effect(request, scope, Some(limit))]
            }
            _ => Vec::new(),
        }
    }

    /// Fetches the display rows that came on screen.
    pub(crate) fn rows_effects(&self) -> Vec<Effect> {
        match self.screen() {
            Screen::List(list) if list.loaded => {
                let ids = list.missing_rows(self.list_page());
                if ids.is_empty() {
                    Vec::new()
                } else {
                    vec![Effect::LoadRows {
                        ids,
                        scope: self.scope(),
                    }]
                }
            }
            _ => Vec::new(),
        }
    }

    /// The effects that (re)load the current screen's data.
    pub(crate) fn load_current(&mut self) -> Vec<Effect> {
        match self.screen() {
            Screen::Dashboard => vec![Effect::LoadDashboard {
                pivot: self.dashboard.pivot,
                today: self.today,
                mine: self.dashboard.mine.then(|| self.author.name.clone()),
                budget_year: self
                    .dashboard
                    .budget
                    .then(|| crate::model::FiscalYear::of(self.today)),
            }],
            Screen::List(_) => self.reload_list(),
            Screen::Detail(d) => vec![Effect::LoadDetail {
                id: d.id,
                me: self.author.name.clone(),
            }],
            Screen::Due(d) => vec![Effect::LoadDue {
                mine: d.mine,
                scope: self.scope(),
            }],
            Screen::Links(l) => vec![Effect::LoadLinks {
                project_id: l.project_id,
            }],
            Screen::History(h) => vec![Effect::LoadHistory {
                project_id: h.project_id,
            }],
            Screen::Budget(_) | Screen::Funnel(_) | Screen::Pi(_) => self.load_portfolio_screen(),
        }
    }
}
