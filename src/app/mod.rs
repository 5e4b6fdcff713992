//! The pure state machine of the TUI: screens on a back stack, cursor, selection, filter line,
//! overlays. `App::update` is the only place state changes; it returns [`Effect`]s (I/O as data)
//! that the runtime performs against the store and answers with more [`Action`]s. No terminal and
//! no database here: every behaviour is testable with plain structs.

mod command;
mod dashboard;
pub mod detail;
mod input;
pub mod keymap;
mod list;
mod overlay;

pub use command::Command;
pub use dashboard::{COLUMNS, DashboardData, DashboardState};
pub use detail::DetailState;
pub use input::{Edit, InputLine};
pub use list::{ListKind, ListState};
pub use overlay::{Overlay, PaletteEntry, PaletteState, palette_entries};

use crate::model::{Coded, Date, Phase, ProjectDetail, ProjectRow, Sort};
use crate::query::{self, Filter};
use crate::store::{Pivot, Reference};
use crate::{Lang, tr};
use keymap::{Key, Keymap, Mode};
use std::sync::Arc;

/// A screen on the back stack.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// The pipeline matrix (home).
    Dashboard,
    /// A project list or the highway queue.
    List(Box<ListState>),
    /// One project.
    Detail(Box<DetailState>),
}

/// Something that happened: a command, an edit in the open input line, or an effect's result.
#[derive(Debug, Clone)]
pub enum Action {
    Command(Command),
    /// Editing the filter line or the palette's input.
    Edit(Edit),
    /// Enter in an input line.
    Submit,
    /// Esc in an input line or overlay.
    Cancel,
    Resize(u16, u16),
    DashboardLoaded(Box<DashboardData>),
    ListLoaded {
        request: u64,
        ids: Vec<i64>,
    },
    RowsLoaded(Vec<ProjectRow>),
    DetailLoaded(Box<ProjectDetail>),
    /// Total projects in the database (for `37 / 1,204`).
    TotalLoaded(i64),
    /// An effect failed; shown in the status line.
    Failed(String),
}

/// I/O the runtime performs for `update`.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    LoadDashboard {
        pivot: Pivot,
        today: Date,
    },
    LoadList {
        request: u64,
        filter: Filter,
        sort: Sort,
        today: Date,
    },
    LoadRows {
        ids: Vec<i64>,
        today: Date,
    },
    LoadDetail {
        id: i64,
    },
    CountProjects,
}

/// The whole UI state.
#[derive(Debug, Clone)]
pub struct App {
    pub lang: Lang,
    pub today: Date,
    pub reference: Arc<Reference>,
    pub keymap: Keymap,
    pub stack: Vec<Screen>,
    pub dashboard: DashboardState,
    pub overlay: Overlay,
    /// One line at the bottom: errors and hints; cleared by the next command.
    pub status: Option<String>,
    pub should_quit: bool,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// Projects in the database.
    pub total_projects: i64,
    next_request: u64,
}

/// Rows of chrome around a list: title, filter/info line, column header, status line.
pub const LIST_CHROME: u16 = 4;
/// Rows of chrome around the detail: title and status line.
pub const DETAIL_CHROME: u16 = 2;

impl App {
    /// A new app on the dashboard, with the effects that load it.
    pub fn new(
        lang: Lang,
        today: Date,
        reference: Arc<Reference>,
        keymap: Keymap,
    ) -> (App, Vec<Effect>) {
        let mut app = App {
            lang,
            today,
            reference,
            keymap,
            stack: vec![Screen::Dashboard],
            dashboard: DashboardState::default(),
            overlay: Overlay::None,
            status: None,
            should_quit: false,
            size: (80, 24),
            total_projects: 0,
            next_request: 0,
        };
        let mut effects = app.load_current();
        effects.push(Effect::CountProjects);
        (app, effects)
    }

    /// The screen on top of the back stack.
    pub fn screen(&self) -> &Screen {
        self.stack.last().unwrap_or(&Screen::Dashboard)
    }

    /// The keymap mode of the current screen.
    pub fn mode(&self) -> Mode {
        match self.screen() {
            Screen::Dashboard => Mode::Dashboard,
            Screen::List(_) => Mode::List,
            Screen::Detail(_) => Mode::Detail,
        }
    }

    /// Rows of the list on screen.
    pub fn list_page(&self) -> usize {
        self.size.1.saturating_sub(LIST_CHROME).max(1) as usize
    }

    fn detail_page(&self) -> usize {
        self.size.1.saturating_sub(DETAIL_CHROME).max(1) as usize
    }

    /// What a key means now: text editing while an input line is open, the help closes on any
    /// key, otherwise the keymap of the current screen. Ctrl-C always quits.
    pub fn key_action(&self, key: Key) -> Option<Action> {
        if key == Key::Ctrl('c') {
            return Some(Action::Command(Command::ForceQuit));
        }
        match &self.overlay {
            Overlay::Filter { .. } | Overlay::Palette(_) => Some(match key {
                Key::Enter => Action::Submit,
                Key::Esc => Action::Cancel,
                Key::Char(c) => Action::Edit(Edit::Insert(c)),
                Key::Backspace => Action::Edit(Edit::Backspace),
                Key::Delete => Action::Edit(Edit::Delete),
                Key::Left => Action::Edit(Edit::Left),
                Key::Right => Action::Edit(Edit::Right),
                Key::Home | Key::Ctrl('a') => Action::Edit(Edit::Home),
                Key::End | Key::Ctrl('e') => Action::Edit(Edit::End),
                Key::Ctrl('u') => Action::Edit(Edit::Clear),
                Key::Up | Key::Ctrl('p') => Action::Command(Command::Up),
                Key::Down | Key::Ctrl('n') | Key::Tab => Action::Command(Command::Down),
                _ => return None,
            }),
            Overlay::Help => Some(Action::Cancel),
            Overlay::None => self.keymap.lookup(self.mode(), key).map(Action::Command),
        }
    }

    /// Applies one action; returns the I/O it asks for.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Command(command) => {
                if !matches!(self.overlay, Overlay::None) {
                    return self.overlay_command(command);
                }
                self.status = None;
                self.command(command)
            }
            Action::Edit(edit) => self.edit(edit),
            Action::Submit => self.submit(),
            Action::Cancel => self.cancel(),
            Action::Resize(w, h) => {
                self.size = (w, h);
                let (lang, today, cols) = (self.lang, self.today.to_string(), w as usize);
                if let Some(Screen::Detail(d)) = self.stack.last_mut() {
                    d.relayout(lang, cols, &today);
                }
                self.rows_effects()
            }
            Action::Failed(message) => {
                self.status = Some(message);
                Vec::new()
            }
            Action::TotalLoaded(n) => {
                self.total_projects = n;
                Vec::new()
            }
            Action::DashboardLoaded(data) => {
                self.dashboard.set_data(*data);
                Vec::new()
            }
            Action::ListLoaded { request, ids } => {
                let page = self.list_page();
                if let Some(Screen::List(list)) = self.stack.last_mut()
                    && list.request == request
                {
                    list.set_ids(ids, page);
                }
                self.rows_effects()
            }
            Action::RowsLoaded(rows) => {
                if let Some(Screen::List(list)) = self.stack.last_mut() {
                    list.add_rows(rows);
                }
                Vec::new()
            }
            Action::DetailLoaded(detail) => {
                let (lang, today, cols) = (self.lang, self.today.to_string(), self.size.0 as usize);
                if let Some(Screen::Detail(d)) = self.stack.last_mut()
                    && d.id == detail.id
                {
                    d.set_detail(detail, lang, cols, &today);
                }
                Vec::new()
            }
        }
    }

    fn command(&mut self, command: Command) -> Vec<Effect> {
        use Command as C;
        match command {
            C::ForceQuit => {
                self.should_quit = true;
                Vec::new()
            }
            C::Quit | C::Back if self.stack.len() <= 1 => {
                self.should_quit = command == C::Quit;
                Vec::new()
            }
            C::Back if self.cancel_range() => Vec::new(),
            C::Quit | C::Back => {
                self.stack.pop();
                self.load_current()
            }
            C::Refresh => {
                let mut effects = self.load_current();
                effects.push(Effect::CountProjects);
                effects
            }
            C::Help => {
                self.overlay = Overlay::Help;
                Vec::new()
            }
            C::Palette => {
                self.overlay = Overlay::Palette(PaletteState::default());
                Vec::new()
            }
            C::NextScreen => self.next_screen(),
            C::Filter => self.open_filter(),
            C::TogglePivot => {
                if matches!(self.screen(), Screen::Dashboard) {
                    self.dashboard.toggle_pivot();
                    return self.load_current();
                }
                Vec::new()
            }
            C::Open => self.open(),
            C::Up | C::Down | C::Left | C::Right | C::Top | C::Bottom | C::PageUp | C::PageDown => {
                let (list_page, detail_page) = (self.list_page(), self.detail_page());
                match self.stack.last_mut() {
                    Some(Screen::List(list)) => list.move_cursor(command, list_page),
                    Some(Screen::Detail(d)) => d.scroll(command, detail_page),
                    _ => self.dashboard.move_cursor(command),
                }
                self.rows_effects()
            }
            C::ToggleSelect | C::SelectRange | C::SelectAll | C::SortNext | C::SortReverse => {
                self.list_command(command)
            }
        }
    }

    /// Selection and sort commands of a list.
    fn list_command(&mut self, command: Command) -> Vec<Effect> {
        let page = self.list_page();
        let lang = self.lang;
        let Some(Screen::List(list)) = self.stack.last_mut() else {
            return Vec::new();
        };
        match command {
            Command::ToggleSelect => list.toggle_select(page),
            Command::SelectRange if !list.select_range() => {
                self.status = Some(
                    tr(
                        lang,
                        "範囲選択: 終点へ移動して v",
                        "range: move to the end and press v",
                    )
                    .into(),
                );
            }
            Command::SelectAll => list.select_all(),
            Command::SortNext | Command::SortReverse => {
                if command == Command::SortNext {
                    list.sort_next();
                } else {
                    list.sort.descending = !list.sort.descending;
                }
                return self.reload_list();
            }
            _ => {}
        }
        self.rows_effects()
    }

    /// Esc first abandons a started range selection.
    fn cancel_range(&mut self) -> bool {
        if let Some(Screen::List(list)) = self.stack.last_mut()
            && list.anchor.is_some()
        {
            list.anchor = None;
            return true;
        }
        false
    }

    /// Tab: dashboard → all projects → highway queue → dashboard.
    fn next_screen(&mut self) -> Vec<Effect> {
        let next = match self.stack.get(1) {
            None => Some(ListKind::Projects),
            Some(Screen::List(l)) if l.kind == ListKind::Projects && self.stack.len() == 2 => {
                Some(ListKind::Highway)
            }
            Some(Screen::List(l)) if l.kind == ListKind::Projects => Some(ListKind::Projects),
            _ => None,
        };
        self.stack.truncate(1);
        match next {
            Some(kind) => self.push_list(kind, String::new(), String::new()),
            None => self.load_current(),
        }
    }

    /// Enter: a dashboard cell opens exactly its projects; a list row opens the project.
    fn open(&mut self) -> Vec<Effect> {
        match self.screen() {
            Screen::Dashboard => {
                let Some((query, label)) = self.cell_query() else {
                    return Vec::new();
                };
                self.push_list(ListKind::Projects, query, label)
            }
            Screen::List(list) => match list.cursor_id() {
                Some(id) => self.push_detail(id),
                None => Vec::new(),
            },
            Screen::Detail(_) => Vec::new(),
        }
    }

    /// Opens one project's detail over the current screen.
    pub fn push_detail(&mut self, id: i64) -> Vec<Effect> {
        self.stack
            .push(Screen::Detail(Box::new(DetailState::new(id))));
        vec![Effect::LoadDetail { id }]
    }

    /// The filter and breadcrumb label for the dashboard cell under the cursor.
    fn cell_query(&self) -> Option<(String, String)> {
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
    fn open_filter(&mut self) -> Vec<Effect> {
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

    fn edit(&mut self, edit: Edit) -> Vec<Effect> {
        match &mut self.overlay {
            Overlay::Filter { line, .. } => {
                if line.apply(edit) {
                    let text = line.text.clone();
                    return self.apply_filter(&text);
                }
                Vec::new()
            }
            Overlay::Palette(p) => {
                if p.input.apply(edit) {
                    p.cursor = 0;
                }
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// Narrows the list as the officer types; a term that does not parse shows its hint and keeps
    /// the previous results.
    fn apply_filter(&mut self, text: &str) -> Vec<Effect> {
        match query::resolve(text, &self.reference) {
            Ok(filter) => {
                self.status = None;
                if let Some(Screen::List(list)) = self.stack.last_mut() {
                    list.query = text.to_string();
                    if list.filter == filter {
                        return Vec::new();
                    }
                    list.filter = filter;
                }
                self.reload_list()
            }
            Err(e) => {
                self.status = Some(e.to_string());
                Vec::new()
            }
        }
    }

    fn submit(&mut self) -> Vec<Effect> {
        match std::mem::take(&mut self.overlay) {
            Overlay::Palette(p) => {
                let entries = overlay::palette_entries(self);
                match entries.get(p.cursor) {
                    Some(entry) => self.update(Action::Command(entry.command)),
                    None => Vec::new(),
                }
            }
            _ => Vec::new(),
        }
    }

    /// Esc closes the overlay; in the filter line it also restores the filter it started from.
    fn cancel(&mut self) -> Vec<Effect> {
        let previous = std::mem::take(&mut self.overlay);
        self.status = None;
        match previous {
            Overlay::Filter { original, .. } => self.apply_filter(&original),
            _ => Vec::new(),
        }
    }

    fn overlay_command(&mut self, command: Command) -> Vec<Effect> {
        let count = overlay::palette_entries(self).len();
        match (&mut self.overlay, command) {
            (_, Command::ForceQuit) => {
                self.should_quit = true;
            }
            (Overlay::Palette(p), Command::Up) => p.cursor = p.cursor.saturating_sub(1),
            (Overlay::Palette(p), Command::Down) => {
                p.cursor = (p.cursor + 1).min(count.saturating_sub(1))
            }
            _ => {}
        }
        Vec::new()
    }

    fn reload_list(&mut self) -> Vec<Effect> {
        self.next_request += 1;
        let request = self.next_request;
        let today = self.today;
        match self.stack.last_mut() {
            Some(Screen::List(list)) => {
                list.request = request;
                list.loaded = false;
                vec![Effect::LoadList {
                    request,
                    filter: list.effective_filter(),
                    sort: list.sort,
                    today,
                }]
            }
            _ => Vec::new(),
        }
    }

    /// Fetches the display rows that came on screen.
    fn rows_effects(&self) -> Vec<Effect> {
        match self.screen() {
            Screen::List(list) if list.loaded => {
                let ids = list.missing_rows(self.list_page());
                if ids.is_empty() {
                    Vec::new()
                } else {
                    vec![Effect::LoadRows {
                        ids,
                        today: self.today,
                    }]
                }
            }
            _ => Vec::new(),
        }
    }

    /// The effects that (re)load the current screen's data.
    fn load_current(&mut self) -> Vec<Effect> {
        match self.screen() {
            Screen::Dashboard => vec![Effect::LoadDashboard {
                pivot: self.dashboard.pivot,
                today: self.today,
            }],
            Screen::List(_) => self.reload_list(),
            Screen::Detail(d) => vec![Effect::LoadDetail { id: d.id }],
        }
    }
}
