//! The pure state machine of the TUI: screens, cursor, back stack. `App::update` is the only place
//! state changes; it returns [`Effect`]s (I/O as data) that the runtime performs against the store
//! and answers with more [`Action`]s. No terminal, no database here.

mod dashboard;
pub mod keymap;

pub use dashboard::{DashboardData, DashboardState};

use crate::Lang;
use crate::model::Date;
use crate::store::Pivot;

/// A screen on the back stack.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// The pipeline matrix (home).
    Dashboard,
}

/// Something that happened: a key's meaning, or the result of an effect.
#[derive(Debug, Clone)]
pub enum Action {
    Up,
    Down,
    Left,
    Right,
    Top,
    Bottom,
    PageUp,
    PageDown,
    /// Go back one level; quit from the top level is `Quit`.
    Back,
    /// Quit from the top level (`q`); on deeper screens it goes back.
    Quit,
    /// Quit from anywhere (Ctrl-C).
    ForceQuit,
    /// Switch the dashboard rows between integrated projects and disease areas.
    TogglePivot,
    /// Reload the current screen's data.
    Refresh,
    /// The terminal was resized.
    Resize(u16, u16),
    /// Dashboard figures arrived.
    DashboardLoaded(Box<DashboardData>),
    /// An effect failed; shown in the status line.
    Failed(String),
}

/// I/O the runtime performs for `update`.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    LoadDashboard { pivot: Pivot, today: Date },
}

/// The whole UI state.
#[derive(Debug, Clone)]
pub struct App {
    pub lang: Lang,
    pub today: Date,
    pub stack: Vec<Screen>,
    pub dashboard: DashboardState,
    /// One line shown at the bottom (errors, hints).
    pub status: Option<String>,
    pub should_quit: bool,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
}

impl App {
    /// A new app on the dashboard, with the effects that load it.
    pub fn new(lang: Lang, today: Date) -> (App, Vec<Effect>) {
        let app = App {
            lang,
            today,
            stack: vec![Screen::Dashboard],
            dashboard: DashboardState::default(),
            status: None,
            should_quit: false,
            size: (80, 24),
        };
        let effects = app.load_current();
        (app, effects)
    }

    /// The screen on top of the back stack.
    pub fn screen(&self) -> &Screen {
        self.stack.last().unwrap_or(&Screen::Dashboard)
    }

    /// Applies one action; returns the I/O it asks for.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::ForceQuit => {
                self.should_quit = true;
                Vec::new()
            }
            Action::Quit | Action::Back if self.stack.len() <= 1 => {
                if matches!(action, Action::Quit) {
                    self.should_quit = true;
                }
                Vec::new()
            }
            Action::Quit | Action::Back => {
                self.stack.pop();
                self.load_current()
            }
            Action::Resize(w, h) => {
                self.size = (w, h);
                Vec::new()
            }
            Action::Refresh => self.load_current(),
            Action::Failed(message) => {
                self.status = Some(message);
                Vec::new()
            }
            Action::DashboardLoaded(data) => {
                self.dashboard.set_data(*data);
                Vec::new()
            }
            Action::TogglePivot => {
                self.dashboard.toggle_pivot();
                self.load_current()
            }
            Action::Up
            | Action::Down
            | Action::Left
            | Action::Right
            | Action::Top
            | Action::Bottom
            | Action::PageUp
            | Action::PageDown => {
                match self.screen() {
                    Screen::Dashboard => self.dashboard.move_cursor(&action),
                }
                Vec::new()
            }
        }
    }

    /// The effects that (re)load the current screen's data.
    fn load_current(&self) -> Vec<Effect> {
        match self.screen() {
            Screen::Dashboard => vec![Effect::LoadDashboard {
                pivot: self.dashboard.pivot,
                today: self.today,
            }],
        }
    }
}
