//! One PI's or institution's projects across programs: counts, overlapping periods, budgets, and
//! the projects themselves (Enter opens one; `t` switches between the PI and the institution).

use super::Ctx;
use crate::app::{Command, Effect};
use crate::model::{PiKey, PiOverview, PiProject};
use crate::{Lang, tr};

/// One PI's (or institution's) projects.
#[derive(Debug, Clone, PartialEq)]
pub struct PiState {
    pub key: PiKey,
    pub overview: Option<PiOverview>,
    pub cursor: usize,
    pub offset: usize,
}

/// Lines above the projects: who, the counts, the budgets and the column header.
pub const PI_HEAD: usize = 4;

impl PiState {
    /// A new overview screen, before its data arrives.
    pub fn new(key: PiKey) -> PiState {
        PiState {
            key,
            overview: None,
            cursor: 0,
            offset: 0,
        }
    }

    /// The project under the cursor.
    pub fn cursor_project(&self) -> Option<&PiProject> {
        self.overview.as_ref()?.projects.get(self.cursor)
    }

    /// `t`: the institution of the project under the cursor (or its PI); the cursor.
    pub fn command(&mut self, command: Command, ctx: &Ctx) -> Option<Vec<Effect>> {
        match command {
            Command::TogglePivot => {
                let key = self.cursor_project().map(|r| match &self.key {
                    PiKey::Pi(_) => PiKey::Institution(r.institution.clone()),
                    PiKey::Institution(_) => PiKey::Pi(r.pi_name.clone()),
                });
                let Some(key) = key else {
                    return Some(Vec::new());
                };
                *self = PiState::new(key);
                Some(self.load(ctx))
            }
            _ if command.is_navigation() => {
                let len = self.overview.as_ref().map_or(0, |o| o.projects.len());
                let page = ctx.body_rows().saturating_sub(PI_HEAD);
                (self.cursor, self.offset) =
                    command.move_cursor(self.cursor, self.offset, len, page);
                Some(Vec::new())
            }
            _ => None,
        }
    }

    /// The effect that loads the overview.
    pub fn load(&self, ctx: &Ctx) -> Vec<Effect> {
        vec![Effect::LoadPi {
            key: self.key.clone(),
            today: ctx.today,
        }]
    }

    /// Takes a loaded overview (one for another name is an older request's).
    pub fn loaded(&mut self, overview: PiOverview) {
        if self.key == overview.key {
            self.cursor = self.cursor.min(overview.projects.len().saturating_sub(1));
            self.overview = Some(overview);
        }
    }

    /// The head lines and every project.
    pub fn content_height(&self) -> usize {
        self.overview
            .as_ref()
            .map_or(1, |o| PI_HEAD + o.projects.len())
    }

    /// The breadcrumb: whose projects.
    pub fn name(&self, lang: Lang) -> String {
        match &self.key {
            PiKey::Pi(n) => format!("{} {n}", tr(lang, "研究代表者", "PI")),
            PiKey::Institution(n) => format!("{} {n}", tr(lang, "機関", "Institution")),
        }
    }
}
