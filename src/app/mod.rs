//! The pure state machine of the TUI: screens on a back stack, cursor, selection, filter line,
//! forms and overlays. `App::update` is the only place state changes; it returns [`Effect`]s (I/O
//! as data) that the runtime performs against the store and answers with more [`Action`]s. No
//! terminal and no database here: every behaviour is testable with plain structs.

mod columns;
mod command;
mod dashboard;
pub mod detail;
mod detail_sections;
mod due;
pub mod editor;
mod filter_line;
pub mod form;
mod forms;
mod input;
pub mod keymap;
mod list;
mod messages;
mod navigate;
mod outcome;
mod overlay;
mod portfolio;
mod save;
pub mod workflow;

pub use columns::{export_columns, visible_columns};
pub use command::Command;
pub use dashboard::{COLUMNS, DashboardData, DashboardState};
pub use detail::DetailState;
pub use due::{DueState, HistoryState};
pub use form::{Form, FormKind};
pub use forms::DraftRecord;
pub use input::{Edit, InputLine};
pub use list::{ListKind, ListState};
pub use messages::{Action, Effect};
pub use outcome::{Done, Failure};
pub use overlay::{Overlay, PaletteEntry, PaletteState, palette_entries};
pub use portfolio::{BudgetState, FunnelState, LinksState, PiState, dashboard_mode};
pub use save::{Save, SaveOutcome, Undo};

use crate::model::{Author, Date};
use crate::store::Reference;
use crate::{Lang, tr};
use keymap::{Key, Keymap, Mode};
use std::collections::HashMap;
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
    /// Pending follow-ups.
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
}

/// The whole UI state.
#[derive(Debug, Clone)]
pub struct App {
    pub lang: Lang,
    pub today: Date,
    pub reference: Arc<Reference>,
    pub keymap: Keymap,
    /// Who writes notes and flags in this session.
    pub author: Author,
    pub stack: Vec<Screen>,
    pub dashboard: DashboardState,
    pub overlay: Overlay,
    /// Errors and hints, at the bottom; cleared by the next command.
    pub status: Option<String>,
    /// Confirmations ("saved"), at the bottom; cleared by the next command.
    pub notice: Option<String>,
    pub should_quit: bool,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// Projects in the database.
    pub total_projects: i64,
    /// Notes closed unsaved, by project: `n` on the project reopens them.
    pub drafts: HashMap<i64, Form>,
    /// This session's triage actions that `u` can take back, newest last.
    pub undo_stack: Vec<Undo>,
    /// A save waiting for a busy database.
    pub pending_save: Option<Save>,
    /// A save is in flight (the form shows it).
    pub saving: bool,
    /// Days in one phase after which a project counts as stalled (config `stall_days`).
    pub stall_days: i64,
    next_request: u64,
    ticks: u32,
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
            author: Author::new(None, None, &crate::identity::os_user()),
            stack: vec![Screen::Dashboard],
            dashboard: DashboardState::default(),
            overlay: Overlay::None,
            status: None,
            notice: None,
            should_quit: false,
            size: (80, 24),
            total_projects: 0,
            drafts: HashMap::new(),
            undo_stack: Vec::new(),
            pending_save: None,
            saving: false,
            stall_days: crate::model::Scope::DEFAULT_STALL_DAYS,
            next_request: 0,
            ticks: 0,
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
            Screen::Due(_) => Mode::Due,
            Screen::History(_) => Mode::History,
            Screen::Budget(_) => Mode::Budget,
            Screen::Funnel(_) => Mode::Funnel,
            Screen::Pi(_) => Mode::Pi,
            Screen::Links(_) => Mode::Links,
        }
    }

    /// Rows of the list on screen.
    pub fn list_page(&self) -> usize {
        self.size.1.saturating_sub(LIST_CHROME).max(1) as usize
    }

    fn detail_page(&self) -> usize {
        self.size.1.saturating_sub(DETAIL_CHROME).max(1) as usize
    }

    /// What a key means now: text editing while an input line or form is open, the help closes on
    /// any key, otherwise the keymap of the current screen. Ctrl-C always quits.
    pub fn key_action(&self, key: Key) -> Option<Action> {
        if key == Key::Ctrl('c') {
            return Some(Action::Command(Command::ForceQuit));
        }
        let editing = |key: Key| -> Option<Action> {
            Some(Action::Edit(match key {
                Key::Char(c) => Edit::Insert(c),
                Key::Backspace | Key::Ctrl('h') => Edit::Backspace,
                Key::Delete => Edit::Delete,
                Key::Left => Edit::Left,
                Key::Right => Edit::Right,
                Key::Home | Key::Ctrl('a') => Edit::Home,
                Key::End | Key::Ctrl('e') => Edit::End,
                Key::Ctrl('u') => Edit::Clear,
                _ => return None,
            }))
        };
        match &self.overlay {
            Overlay::Form(_) => match key {
                Key::Ctrl('s') => Some(Action::Submit),
                Key::Esc => Some(Action::Cancel),
                Key::Tab => Some(Action::FocusNext),
                Key::BackTab => Some(Action::FocusPrev),
                Key::Enter => Some(Action::Edit(Edit::Newline)),
                Key::Up => Some(Action::Edit(Edit::Up)),
                Key::Down => Some(Action::Edit(Edit::Down)),
                key => editing(key),
            },
            Overlay::Filter { .. } | Overlay::Palette(_) => match key {
                Key::Enter => Some(Action::Submit),
                Key::Esc => Some(Action::Cancel),
                Key::Up | Key::Ctrl('p') => Some(Action::Command(Command::Up)),
                Key::Down | Key::Ctrl('n') | Key::Tab => Some(Action::Command(Command::Down)),
                key => editing(key),
            },
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
                self.notice = None;
                self.command(command)
            }
            Action::Edit(edit) => self.edit(edit),
            Action::Submit => self.submit(),
            Action::Cancel => self.cancel(),
            Action::FocusNext | Action::FocusPrev => {
                if let Overlay::Form(form) = &mut self.overlay {
                    form.cycle_focus(matches!(action, Action::FocusNext));
                }
                Vec::new()
            }
            Action::Resize(w, h) => {
                self.size = (w, h);
                let (lang, today, cols) = (self.lang, self.today.to_string(), w as usize);
                if let Some(Screen::Detail(d)) = self.stack.last_mut() {
                    d.relayout(lang, cols, &today);
                }
                self.rows_effects()
            }
            Action::Tick => {
                self.ticks = self.ticks.wrapping_add(1);
                match &self.pending_save {
                    Some(save) if self.ticks % 4 == 0 => vec![Effect::Save(save.clone())],
                    _ => Vec::new(),
                }
            }
            Action::ExternalChange => {
                let mut effects = self.load_current();
                effects.push(Effect::CountProjects);
                effects
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
            Action::ListHeadLoaded { request, ids } => {
                let page = self.list_page();
                let scope = self.scope();
                let mut effects = Vec::new();
                if let Some(Screen::List(list)) = self.stack.last_mut()
                    && list.request == request
                {
                    list.set_head(ids, page);
                    let full = list.load_effect(request, scope, None);
                    effects.push(Effect::Later(Box::new(full)));
                }
                effects.extend(self.rows_effects());
                effects
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
            Action::DueLoaded(items) => {
                let page = self.list_page();
                if let Some(Screen::Due(d)) = self.stack.last_mut() {
                    d.set_items(items, page, self.today);
                }
                Vec::new()
            }
            Action::HistoryLoaded(entries) => {
                if let Some(Screen::History(h)) = self.stack.last_mut() {
                    h.entries = entries;
                }
                Vec::new()
            }
            Action::SaveDone(outcome) => self.saved(outcome),
            Action::BudgetLoaded(pivot) => {
                if let Some(Screen::Budget(b)) = self.stack.last_mut()
                    && b.rows_by == pivot.rows_by
                {
                    b.pivot = Some(*pivot);
                }
                Vec::new()
            }
            Action::FunnelLoaded(funnel) => {
                if let Some(Screen::Funnel(f)) = self.stack.last_mut()
                    && funnel.year == Some(f.year)
                {
                    f.funnel = Some(*funnel);
                }
                Vec::new()
            }
            Action::PiLoaded(overview) => {
                if let Some(Screen::Pi(p)) = self.stack.last_mut()
                    && p.key == overview.key
                {
                    p.cursor = p.cursor.min(overview.projects.len().saturating_sub(1));
                    p.overview = Some(*overview);
                }
                Vec::new()
            }
            Action::LinksLoaded { project_id, links } => {
                if let Some(Screen::Links(l)) = self.stack.last_mut()
                    && l.project_id == project_id
                {
                    l.cursor = l.cursor.min(links.len().saturating_sub(1));
                    l.links = links;
                }
                Vec::new()
            }
            Action::Notice(message) => {
                self.notice = Some(message);
                Vec::new()
            }
        }
    }

    fn command(&mut self, command: Command) -> Vec<Effect> {
        use Command as C;
        if let Some(effects) = self.portfolio_command(command) {
            return effects;
        }
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
            C::Refresh => self.update(Action::ExternalChange),
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
            C::TogglePivot => match self.stack.last_mut() {
                Some(Screen::Due(d)) => {
                    d.by_officer = !d.by_officer;
                    Vec::new()
                }
                Some(Screen::Dashboard) => {
                    self.dashboard.toggle_pivot();
                    self.load_current()
                }
                _ => Vec::new(),
            },
            C::Open => self.open(),
            C::Up | C::Down | C::Left | C::Right | C::Top | C::Bottom | C::PageUp | C::PageDown => {
                let (list_page, detail_page) = (self.list_page(), self.detail_page());
                match self.stack.last_mut() {
                    Some(Screen::List(list)) => list.move_cursor(command, list_page),
                    Some(Screen::Detail(d)) => d.scroll(command, detail_page),
                    Some(Screen::Due(d)) => d.scroll(command, list_page),
                    Some(Screen::History(h)) => {
                        // The history has a heading line above its entries.
                        h.scroll = command.scroll(
                            h.scroll,
                            h.entries.len(),
                            detail_page.saturating_sub(1),
                        );
                    }
                    _ => self.dashboard.move_cursor(command),
                }
                self.rows_effects()
            }
            C::NextNote | C::PrevNote => {
                let page = self.detail_page();
                if let Some(Screen::Detail(d)) = self.stack.last_mut() {
                    d.focus_note(command == C::NextNote, page);
                }
                Vec::new()
            }
            C::ToggleSelect | C::SelectRange | C::SelectAll | C::SortNext | C::SortReverse => {
                self.list_command(command)
            }
            C::NewNote => self.open_note_form(),
            C::EditNote => self.open_edit_note_form(),
            C::DeleteNote => self.delete_focused_note(),
            C::CompleteFollowUp => self.complete_follow_up(),
            C::FlagProject => self.open_flag_form(),
            C::MoveFlag => self.open_flag_move_form(),
            C::MovePhase => self.open_phase_form(),
            C::RecordGate => self.open_gate_form(),
            C::History => self.push_history(),
            C::Undo => self.undo(),
            C::Export => self.open_export_form(),
            C::ReviseCriteria => self.open_criteria_form(),
            C::Import => self.open_import_form(),
            C::ToggleMine => {
                match self.stack.last_mut() {
                    Some(Screen::Due(d)) => d.mine = !d.mine,
                    Some(Screen::Dashboard) => self.dashboard.mine = !self.dashboard.mine,
                    _ => return Vec::new(),
                }
                self.load_current()
            }
            C::ToggleBudget => {
                if !matches!(self.screen(), Screen::Dashboard) {
                    return Vec::new();
                }
                self.dashboard.budget = !self.dashboard.budget;
                self.load_current()
            }
            C::Portfolio => self.push_portfolio(),
            C::BudgetView => self.push_budget(Default::default(), Default::default()),
            C::Funnel => {
                self.push_funnel(crate::model::FiscalYear::of(self.today), Default::default())
            }
            C::PiOverview | C::InstitutionOverview => {
                self.push_pi(command == C::InstitutionOverview)
            }
            C::ToggleWatch => self.toggle_watch(),
            C::Links => self.push_links(),
            C::AddDeadline => {
                self.open_project_form(|project_id| FormKind::Deadline { project_id })
            }
            C::AddLink => self.open_project_form(|project_id| FormKind::Attach { project_id }),
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
            Overlay::Form(form) => {
                let too_big =
                    matches!(&edit, Edit::Paste(text) if text.len() > crate::model::MAX_NOTE_BYTES);
                if too_big {
                    self.status = Some(
                        tr(
                            self.lang,
                            "貼り付けが大きすぎます（1 MiB まで）。何も挿入していません",
                            "paste too large (1 MiB at most); nothing was inserted",
                        )
                        .into(),
                    );
                    return Vec::new();
                }
                form.edit(edit);
                Vec::new()
            }
            Overlay::Help | Overlay::None => Vec::new(),
        }
    }

    fn submit(&mut self) -> Vec<Effect> {
        match &self.overlay {
            Overlay::Form(_) if self.saving => Vec::new(),
            Overlay::Form(_) => self.submit_form(),
            Overlay::Palette(p) => {
                let chosen = overlay::palette_entries(self)
                    .get(p.cursor)
                    .map(|e| e.command);
                self.overlay = Overlay::None;
                match chosen {
                    Some(command) => self.update(Action::Command(command)),
                    None => Vec::new(),
                }
            }
            _ => {
                self.overlay = Overlay::None;
                Vec::new()
            }
        }
    }

    /// Esc closes the overlay; in the filter line it also restores the filter it started from; a
    /// form with text is kept as a draft.
    fn cancel(&mut self) -> Vec<Effect> {
        self.status = None;
        if matches!(self.overlay, Overlay::Form(_)) {
            self.close_form();
            return Vec::new();
        }
        match std::mem::take(&mut self.overlay) {
            Overlay::Filter { original, .. } => self.apply_filter(&original),
            _ => Vec::new(),
        }
    }

    fn overlay_command(&mut self, command: Command) -> Vec<Effect> {
        let count = overlay::palette_entries(self).len();
        match (&mut self.overlay, command) {
            (_, Command::ForceQuit) => self.should_quit = true,
            (Overlay::Palette(p), Command::Up) => p.cursor = p.cursor.saturating_sub(1),
            (Overlay::Palette(p), Command::Down) => {
                p.cursor = (p.cursor + 1).min(count.saturating_sub(1))
            }
            _ => {}
        }
        Vec::new()
    }
}
