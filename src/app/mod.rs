//! The pure state machine of the TUI: screens on a back stack, cursor, selection, filter line,
//! forms and overlays. `App::update` is the only place state changes; it returns [`Effect`]s (I/O
//! as data) that the runtime performs against the store and answers with more [`Action`]s. No
//! terminal and no database here: every behaviour is testable with plain structs.

mod columns;
mod command;
pub mod editor;
mod export_form;
mod filter_line;
pub mod form;
mod forms;
mod gate_form;
mod input;
mod key_action;
pub mod keymap;
mod messages;
mod navigate;
mod outcome;
mod overlay;
mod picker;
mod project_form;
mod save;
pub mod screens;
mod successor;
mod watch;
pub mod workflow;

pub use columns::{column_header, visible_columns};
pub use command::Command;
pub use export_form::{ExportProblem, ExportSettings};
pub use form::{DraftSlot, Form, FormKind};
pub use forms::DraftRecord;
pub use input::{Edit, InputLine};
pub use messages::{Action, Effect};
pub use outcome::{Done, Failure};
pub(crate) use overlay::form_wants_help;
pub use overlay::{
    HelpRow, Overlay, PaletteAction, PaletteEntry, PaletteState, help_rows, palette_entries,
};
pub use picker::{Mark, PickerState};
pub use save::{Save, SaveOutcome, Undo};
pub use screens::dashboard::dashboard_mode;
pub use screens::detail;
pub use screens::{
    BudgetState, COLUMNS, Ctx, DashboardData, DashboardState, DetailState, DueState, FunnelState,
    HistoryState, LinksState, ListKind, ListState, OutcomesState, PiState, Screen,
};
pub use successor::{OfferEntry, SuccessorOffer};

use crate::model::{Author, Date, Reference, Scope};
use crate::{Lang, tr};
use keymap::{Keymap, Mode};
use std::collections::HashMap;
use std::sync::Arc;

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
    pub drafts: HashMap<DraftSlot, Form>,
    /// This session's triage actions that `u` can take back, newest last.
    pub undo_stack: Vec<Undo>,
    /// A save waiting for a busy database.
    pub pending_save: Option<Save>,
    /// A save is in flight (the form shows it).
    pub saving: bool,
    /// Days in one phase after which a project counts as stalled (config `stall_days`).
    pub stall_days: i64,
    /// The matching radar's horizon in days (config `radar_days`, `show radar --days`).
    pub radar_days: u32,
    /// Where the config file is (named by the first-run guide of an empty database).
    pub config_file: String,
    /// The export form's folder and remembered column set.
    pub export: ExportSettings,
    next_request: u64,
    ticks: u32,
}

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
            radar_days: crate::config::DEFAULT_RADAR_DAYS,
            config_file: String::new(),
            export: ExportSettings::default(),
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
        self.screen().mode()
    }

    /// What "me", today and the stall threshold are for the store.
    pub fn scope(&self) -> Scope {
        Scope {
            today: self.today,
            me: self.author.name.clone(),
            stall_days: self.stall_days,
        }
    }

    /// What the screens may know of the app, with a fresh request id.
    pub fn ctx(&mut self) -> Ctx {
        self.next_request += 1;
        Ctx {
            lang: self.lang,
            today: self.today,
            size: self.size,
            scope: self.scope(),
            request: self.next_request,
            status: None,
        }
    }

    /// Rows of a list on screen.
    pub fn list_page(&self) -> usize {
        let rows = self.size.1.saturating_sub(screens::CHROME).max(1) as usize;
        rows.saturating_sub(screens::list::LIST_HEAD).max(1)
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
            Action::Count(digit) => {
                let lang = self.lang;
                if let Some(Screen::List(list)) = self.stack.last_mut() {
                    self.status = list.push_digit(digit).map(|n| list_count_hint(lang, n));
                }
                Vec::new()
            }
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
                let ctx = self.ctx();
                let today = self.today.to_string();
                match self.stack.last_mut() {
                    Some(Screen::Detail(d)) => {
                        d.relayout(ctx.lang, ctx.cols(), &today, ctx.body_rows())
                    }
                    Some(screen) => screen.keep_in_view(&ctx),
                    None => {}
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
            Action::ExternalChange(changes) => self.external_change(changes),
            Action::Failed(message) => {
                self.status = Some(message.get(self.lang).to_string());
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
                let ctx = self.ctx();
                let effects = match self.stack.last_mut() {
                    Some(Screen::List(list)) => list.loaded_ids(request, ids, &ctx),
                    _ => Vec::new(),
                };
                self.open_single_match().unwrap_or(effects)
            }
            Action::ListHeadLoaded { request, ids } => {
                let ctx = self.ctx();
                match self.stack.last_mut() {
                    Some(Screen::List(list)) => list.loaded_head(request, ids, &ctx),
                    _ => Vec::new(),
                }
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
            action @ (Action::DueHeadLoaded(_)
            | Action::DueRowsLoaded { .. }
            | Action::DueBoardLoaded(_)) => {
                let ctx = self.ctx();
                match self.stack.last_mut() {
                    Some(Screen::Due(d)) => d.answered(action, &ctx),
                    _ => Vec::new(),
                }
            }
            Action::HistoryLoaded(entries) => {
                if let Some(Screen::History(h)) = self.stack.last_mut() {
                    h.entries = entries;
                }
                Vec::new()
            }
            Action::SaveDone(outcome) => self.saved(outcome),
            Action::SuccessorCandidates {
                program_id,
                projects,
            } => {
                self.successor_candidates_loaded(program_id, projects);
                Vec::new()
            }
            Action::RosterLoaded {
                project_ids,
                roster,
            } => {
                self.roster_loaded(project_ids, roster);
                Vec::new()
            }
            Action::BudgetLoaded(pivot) => {
                if let Some(Screen::Budget(b)) = self.stack.last_mut() {
                    b.loaded(*pivot);
                }
                Vec::new()
            }
            Action::FunnelLoaded(funnel) => {
                if let Some(Screen::Funnel(f)) = self.stack.last_mut() {
                    f.loaded(*funnel);
                }
                Vec::new()
            }
            Action::OutcomesLoaded(tally) => {
                if let Some(Screen::Outcomes(o)) = self.stack.last_mut() {
                    o.loaded(*tally);
                }
                Vec::new()
            }
            Action::SeamlessLoaded(data) => {
                if let Some(Screen::Seamless(s)) = self.stack.last_mut() {
                    s.loaded(*data);
                }
                Vec::new()
            }
            Action::PiLoaded(overview) => {
                if let Some(Screen::Pi(p)) = self.stack.last_mut() {
                    p.loaded(*overview);
                }
                Vec::new()
            }
            Action::ProgramsLoaded { reference, counts } => {
                self.reference = Arc::clone(&reference);
                if let Some(Screen::Programs(p)) = self.stack.last_mut() {
                    p.loaded(reference, counts);
                }
                Vec::new()
            }
            Action::LinksLoaded { project_id, links } => {
                if let Some(Screen::Links(l)) = self.stack.last_mut() {
                    l.loaded(project_id, links);
                }
                Vec::new()
            }
            Action::LinkOpened(opened) => {
                self.notice = Some(opened.message(self.lang));
                Vec::new()
            }
        }
    }

    /// A command: the current screen first, then the app's global commands.
    fn command(&mut self, command: Command) -> Vec<Effect> {
        let mut ctx = self.ctx();
        let handled = match self.stack.last_mut() {
            Some(Screen::Dashboard) | None => self.dashboard.command(command, &ctx),
            Some(screen) => screen.command(command, &mut ctx),
        };
        if let Some(status) = ctx.status {
            self.status = Some(status);
        }
        match handled {
            Some(effects) => effects,
            None => self.global_command(command),
        }
    }

    /// Commands that mean the same on every screen, or that open another screen or a form.
    fn global_command(&mut self, command: Command) -> Vec<Effect> {
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
            C::Quit | C::Back => {
                self.stack.pop();
                self.load_current()
            }
            C::Refresh => self.external_change(crate::model::Changes::Unknown),
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
            C::Open => self.open(),
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
            C::Programs => self.push_programs(),
            C::AddDeadline => {
                self.open_project_form(|project_id| FormKind::Deadline { project_id })
            }
            C::AddLink => self.open_project_form(|project_id| FormKind::Attach { project_id }),
            C::AssignOfficers => self.open_officer_picker(),
            C::OutcomeTally => self.push_outcomes(None, Default::default(), String::new()),
            C::RecordOutcome => {
                self.open_project_form(|project_id| FormKind::Outcome { project_id })
            }
            C::EditProject => self.open_project_edit_form(),
            C::NewProject => self.open_new_project_form(),
            C::RetireProject => self.open_retire_form(),
            C::CorrectGate => self.open_gate_edit_form(),
            C::ProjectList => self.push_top_list(ListKind::Projects),
            C::HighwayQueue => self.push_top_list(ListKind::Highway),
            C::RadarQueue => self.push_top_list(ListKind::Radar(self.radar_days)),
            C::DueBoard => self.push_due(false, false),
            C::Seamless => self.push_seamless(Default::default()),
            C::Dashboard => {
                self.stack.truncate(1);
                self.load_current()
            }
            // Keys that only mean something on a screen that did not take them.
            C::Up
            | C::Down
            | C::Left
            | C::Right
            | C::Top
            | C::Bottom
            | C::PageUp
            | C::PageDown
            | C::NextNote
            | C::PrevNote
            | C::ToggleSelect
            | C::SelectRange
            | C::SelectAll
            | C::SortNext
            | C::SortReverse
            | C::TogglePivot
            | C::ToggleMine
            | C::ToggleBudget => Vec::new(),
        }
    }

    fn edit(&mut self, edit: Edit) -> Vec<Effect> {
        match &mut self.overlay {
            Overlay::Filter { line, .. } => {
                if line.apply(edit) {
                    let text = line.text.clone();
                    return self.filter_typed(&text);
                }
                Vec::new()
            }
            Overlay::Palette(p) => {
                if p.input.apply(edit) {
                    p.cursor = 0;
                }
                Vec::new()
            }
            Overlay::Picker(p) => {
                if p.input.apply(edit) {
                    p.cursor = 0;
                }
                Vec::new()
            }
            Overlay::Successor(o) => {
                if o.input.apply(edit) {
                    o.cursor = 0;
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
                let refused = (self.status.as_ref())
                    .filter(|_| !form.kind.is_export())
                    .filter(|s| save::build_save(form, self.lang).err().as_ref() == Some(*s))
                    .cloned();
                form.edit(edit);
                if gate_form::wants_retarget(form) {
                    self.retarget_gate_form();
                }
                self.clear_refusal_once_read(refused);
                Vec::new()
            }
            Overlay::Help | Overlay::FormHelp(_) | Overlay::None => Vec::new(),
        }
    }

    fn submit(&mut self) -> Vec<Effect> {
        match &self.overlay {
            Overlay::Form(_) if self.saving => Vec::new(),
            Overlay::Form(_) => self.submit_form(),
            Overlay::Filter { line, .. } => {
                let text = line.text.clone();
                self.finish_filter(&text)
            }
            Overlay::Picker(_) if self.saving => Vec::new(),
            Overlay::Picker(_) => self.picker_toggle(),
            Overlay::Successor(_) if self.saving => Vec::new(),
            Overlay::Successor(_) => self.successor_choose(),
            Overlay::Palette(p) => {
                let cursor = p.cursor;
                self.run_palette(cursor)
            }
            Overlay::FormHelp(_) => {
                self.close_form_help();
                Vec::new()
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
        if self.close_form_help() {
            return Vec::new();
        }
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
            (Overlay::Form(_), Command::Help) => self.show_form_help(),
            (Overlay::Picker(_), Command::Up | Command::Down) => {
                self.picker_move(command == Command::Down)
            }
            (Overlay::Successor(_), Command::Up | Command::Down) => {
                self.successor_move(command == Command::Down)
            }
            (Overlay::Palette(p), Command::Up) => p.cursor = p.cursor.saturating_sub(1),
            (Overlay::Palette(p), Command::Down) => {
                p.cursor = (p.cursor + 1).min(count.saturating_sub(1))
            }
            _ => {}
        }
        Vec::new()
    }
}

/// The status line while a count is typed on a list.
fn list_count_hint(lang: Lang, n: usize) -> String {
    format!(
        "{n} › {}",
        match lang {
            Lang::Ja => format!("Space で {n} 件を選択 / j k で {n} 行移動 / Esc で取消"),
            Lang::En => format!("Space selects {n} rows / j k move {n} / Esc cancels"),
        }
    )
}
