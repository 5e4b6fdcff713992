//! The due board: pending follow-ups and open deadlines up to 30 days ahead, oldest first, in
//! aging buckets, with who owes them; optionally only mine, or as counts per officer.

use super::{Ctx, list};
use crate::app::{Command, Effect};
use crate::model::{Date, DueBoardRow, DueItem, due_board};

/// State of the due view.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DueState {
    pub items: Vec<DueItem>,
    pub loaded: bool,
    pub cursor: usize,
    pub offset: usize,
    /// Only what the configured officer owes.
    pub mine: bool,
    /// Show the counts per officer and aging bucket instead of the items (`t`).
    pub by_officer: bool,
    /// Counts per officer and aging bucket, and for everyone: tallied once per load, not per frame.
    pub board: Vec<DueBoardRow>,
    pub totals: [i64; 4],
}

impl DueState {
    /// Cursor, `t` (counts per officer ⇄ items) and `o` (only mine ⇄ everyone's).
    pub fn command(&mut self, command: Command, ctx: &Ctx) -> Option<Vec<Effect>> {
        match command {
            // The per-officer counts have no cursor: only the item list moves.
            _ if command.is_navigation() && self.by_officer => {}
            _ if command.is_navigation() => self.scroll(command, list::page(ctx)),
            Command::TogglePivot => self.by_officer = !self.by_officer,
            Command::ToggleMine => {
                self.mine = !self.mine;
                return Some(self.load(ctx));
            }
            _ => return None,
        }
        Some(Vec::new())
    }

    /// The effect that loads what is due (30 days ahead), everyone's or only mine.
    pub fn load(&self, ctx: &Ctx) -> Vec<Effect> {
        vec![Effect::LoadDue {
            mine: self.mine,
            scope: ctx.scope.clone(),
        }]
    }

    /// The info line, the column header, then the items (or the line saying there are none);
    /// per officer: a row per officer, the total and the line saying how the rows count.
    pub fn content_height(&self) -> usize {
        if self.by_officer {
            list::LIST_HEAD + self.board.len() + 2
        } else {
            list::LIST_HEAD + self.items.len().max(usize::from(self.loaded))
        }
    }

    pub fn set_items(&mut self, items: Vec<DueItem>, page: usize, today: Date) {
        let keep = self.items.get(self.cursor).map(|i| i.source);
        (self.board, self.totals) = due_board(&items, today);
        self.items = items;
        self.loaded = true;
        self.cursor = keep
            .and_then(|source| self.items.iter().position(|i| i.source == source))
            .unwrap_or(self.cursor)
            .min(self.items.len().saturating_sub(1));
        self.scroll(Command::Refresh, page);
    }

    /// Moves the cursor for a navigation command and keeps it on screen.
    pub fn scroll(&mut self, command: Command, page: usize) {
        let last = self.items.len().saturating_sub(1);
        let page = page.max(1);
        self.cursor = match command {
            Command::Up => self.cursor.saturating_sub(1),
            Command::Down => (self.cursor + 1).min(last),
            Command::Top => 0,
            Command::Bottom => last,
            Command::PageUp => self.cursor.saturating_sub(page),
            Command::PageDown => (self.cursor + page).min(last),
            _ => self.cursor.min(last),
        };
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + page {
            self.offset = self.cursor + 1 - page;
        }
    }
}
