//! The due board: pending follow-ups and open deadlines up to 30 days ahead, oldest first, in
//! aging buckets, with who owes them; optionally only mine, or as counts per officer.
//!
//! The board is read a screen at a time, as lists are: it opens with its counts and the items on
//! screen (`Effect::LoadDue` → `Action::DueHeadLoaded`); the items that scroll into view are read
//! next to the ones held (`Effect::LoadDueRows`), and the counts per officer only when shown
//! (`Effect::LoadDueBoard`).

use super::{Ctx, list};
use crate::app::{Command, Effect};
use crate::model::{Date, DueBoardRow, DueHead, DueItem, DueSeek, due_board};

/// Items held before the window is started again from what is on screen (a few screens' worth).
const WINDOW: usize = 2_000;

/// State of the due view.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DueState {
    /// The items read so far: a run of the board starting at position `first`.
    pub items: Vec<DueItem>,
    /// The board position of `items[0]`.
    pub first: usize,
    /// Items on the board (each once).
    pub total: usize,
    pub loaded: bool,
    pub cursor: usize,
    pub offset: usize,
    /// Only what the configured officer owes.
    pub mine: bool,
    /// Show the counts per officer and aging bucket instead of the items (`t`).
    pub by_officer: bool,
    /// Counts per officer and aging bucket, and for everyone: tallied once per load, not per frame.
    pub board: Vec<DueBoardRow>,
    /// Whether `board` answers the current load (it is read only when shown).
    pub board_loaded: bool,
    pub totals: [i64; 4],
}

impl DueState {
    /// Cursor, `t` (counts per officer ⇄ items) and `o` (only mine ⇄ everyone's).
    pub fn command(&mut self, command: Command, ctx: &Ctx) -> Option<Vec<Effect>> {
        match command {
            // The per-officer counts have no cursor: only the item list moves.
            _ if command.is_navigation() && self.by_officer => {}
            _ if command.is_navigation() => {
                let page = list::page(ctx);
                self.scroll(command, page);
                return Some(self.rows_effect(ctx));
            }
            Command::TogglePivot => {
                self.by_officer = !self.by_officer;
                return Some(self.board_effect(ctx));
            }
            Command::ToggleMine => {
                self.mine = !self.mine;
                return Some(self.load(ctx));
            }
            _ => return None,
        }
        Some(Vec::new())
    }

    /// The effect that loads what is due (30 days ahead), everyone's or only mine: the counts
    /// and the screen at the current scroll position (the runtime reads where that is).
    pub fn load(&self, ctx: &Ctx) -> Vec<Effect> {
        vec![Effect::LoadDue {
            mine: self.mine,
            scope: ctx.scope.clone(),
        }]
    }

    /// What the store answered the board's reads; asks for the items still missing on screen.
    pub fn answered(&mut self, action: crate::app::Action, ctx: &Ctx) -> Vec<Effect> {
        use crate::app::Action;
        match action {
            Action::DueHeadLoaded(head) => self.set_head(*head, ctx),
            // Only an answer that brought items asks for more: one that brought none (the
            // board shrank since) ends there.
            Action::DueRowsLoaded { seek, items } => {
                let more = !items.is_empty();
                self.add_rows(&seek, items);
                if more {
                    self.rows_effect(ctx)
                } else {
                    Vec::new()
                }
            }
            Action::DueBoardLoaded(rows) => {
                self.board = rows;
                self.board_loaded = true;
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// The counts per officer, when they are shown and not read since the last load.
    pub fn board_effect(&self, ctx: &Ctx) -> Vec<Effect> {
        if self.by_officer && self.loaded && !self.board_loaded {
            vec![Effect::LoadDueBoard {
                mine: self.mine,
                scope: ctx.scope.clone(),
            }]
        } else {
            Vec::new()
        }
    }

    /// The item at board position `at`, when it has been read.
    pub fn item(&self, at: usize) -> Option<&DueItem> {
        at.checked_sub(self.first).and_then(|k| self.items.get(k))
    }

    /// The item under the cursor.
    pub fn current(&self) -> Option<&DueItem> {
        self.item(self.cursor)
    }

    /// The info line, the column header, then the items (or the line saying there are none);
    /// per officer: a row per officer, the total and the line saying how the rows count.
    pub fn content_height(&self) -> usize {
        if self.by_officer {
            list::LIST_HEAD + self.board.len() + 2
        } else {
            list::LIST_HEAD + self.total.max(usize::from(self.loaded))
        }
    }

    /// The whole board at once (`show`, tests): every item, its counts tallied here.
    pub fn set_items(&mut self, items: Vec<DueItem>, page: usize, today: Date) {
        let keep = self.current().map(|i| i.source);
        (self.board, self.totals) = due_board(&items, today);
        self.board_loaded = true;
        self.total = items.len();
        self.first = 0;
        self.items = items;
        self.loaded = true;
        self.cursor = keep
            .and_then(|source| self.items.iter().position(|i| i.source == source))
            .unwrap_or(self.cursor)
            .min(self.total.saturating_sub(1));
        self.scroll(Command::Refresh, page);
    }

    /// The counts and the items on screen: the cursor stays on its item when that is still due
    /// and on screen, else at its place; the rest is read as it scrolls into view.
    pub fn set_head(&mut self, head: DueHead, ctx: &Ctx) -> Vec<Effect> {
        let keep = self.current().map(|i| i.source);
        self.totals = head.counts.buckets;
        self.total = head.counts.total;
        self.first = head.at;
        self.items = head.items;
        self.loaded = true;
        self.board_loaded = false;
        self.cursor = keep
            .and_then(|source| self.items.iter().position(|i| i.source == source))
            .map_or(self.cursor, |k| self.first + k)
            .min(self.total.saturating_sub(1));
        self.offset = self.offset.min(self.first);
        self.scroll(Command::Refresh, list::page(ctx));
        let mut effects = self.rows_effect(ctx);
        effects.extend(self.board_effect(ctx));
        effects
    }

    /// Items read for the screen: placed next to the run they continue (an answer for a run
    /// since replaced is dropped), or as a new run.
    pub fn add_rows(&mut self, seek: &DueSeek, rows: Vec<DueItem>) {
        let held = self.items.len();
        match seek {
            DueSeek::Start => (self.first, self.items) = (0, rows),
            DueSeek::End => {
                (self.first, self.items) = (self.total.saturating_sub(rows.len()), rows)
            }
            DueSeek::After(key) if self.items.last().map(DueItem::key).as_ref() == Some(key) => {
                if rows.is_empty() {
                    // Nothing after the last item read: the board ends there.
                    self.total = self.first + held;
                } else if held + rows.len() > WINDOW {
                    (self.first, self.items) = (self.first + held, rows);
                } else {
                    self.items.extend(rows);
                }
            }
            DueSeek::Before(key) if self.items.first().map(DueItem::key).as_ref() == Some(key) => {
                if rows.is_empty() {
                    // Nothing before the first item read: it is the board's first.
                    self.first = 0;
                }
                let n = rows.len().min(self.first);
                let mut run = rows;
                run.drain(..run.len() - n);
                if held + n > WINDOW {
                    self.items = run;
                } else {
                    run.append(&mut self.items);
                    self.items = run;
                }
                self.first -= n;
            }
            _ => {}
        }
        self.cursor = self.cursor.min(self.total.saturating_sub(1));
    }

    /// Reads the items on screen that have not been read: next to the run held when they
    /// continue it, else from the nearer end of the board.
    pub fn rows_effect(&self, ctx: &Ctx) -> Vec<Effect> {
        let page = list::page(ctx);
        let (start, end) = (self.offset, (self.offset + page).min(self.total));
        let (first, last) = (self.first, self.first + self.items.len());
        if !self.loaded || start >= end || (first <= start && end <= last) {
            return Vec::new();
        }
        let (seek, limit) = match (self.items.first(), self.items.last()) {
            (Some(_), Some(item)) if start >= first && start <= last => {
                (DueSeek::After(item.key()), end - last)
            }
            (Some(item), Some(_)) if end >= first && end <= last => {
                (DueSeek::Before(item.key()), first - start)
            }
            _ if end == self.total => (DueSeek::End, end - start),
            _ if start == 0 => (DueSeek::Start, end),
            // Far from what is held and from either end (not reachable by the keys, which move
            // from what is on screen): from the end nearer the screen.
            _ if self.total - end < start => (DueSeek::End, self.total - start),
            _ => (DueSeek::Start, end),
        };
        vec![Effect::LoadDueRows {
            mine: self.mine,
            scope: ctx.scope.clone(),
            seek,
            limit,
        }]
    }

    /// Moves the cursor for a navigation command and keeps it on screen.
    pub fn scroll(&mut self, command: Command, page: usize) {
        let last = self.total.saturating_sub(1);
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
