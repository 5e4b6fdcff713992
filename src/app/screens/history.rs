//! A project's history: what changed, by which officer and when, newest first, from the audit
//! log (each change worded by `model::HistoryEntry`).

use super::Ctx;
use crate::app::{Command, Effect};
use crate::model::HistoryEntry;

/// State of a project's history screen.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryState {
    pub project_id: i64,
    pub label: String,
    pub entries: Vec<HistoryEntry>,
    pub scroll: usize,
}

/// Rows above the entries: the heading line.
pub const HISTORY_HEAD: usize = 1;

impl HistoryState {
    /// Scrolling through the entries.
    pub fn command(&mut self, command: Command, ctx: &Ctx) -> Option<Vec<Effect>> {
        if !command.is_navigation() {
            return None;
        }
        let page = ctx.body_rows().saturating_sub(HISTORY_HEAD);
        self.scroll = command.scroll(self.scroll, self.entries.len(), page);
        Some(Vec::new())
    }

    /// The effect that loads the project's history.
    pub fn load(&self) -> Vec<Effect> {
        vec![Effect::LoadHistory {
            project_id: self.project_id,
        }]
    }

    /// The heading and every entry (or the line saying there is none).
    pub fn content_height(&self) -> usize {
        HISTORY_HEAD + self.entries.len().max(1)
    }
}
