//! The project detail screen: the loaded project laid out as lines (wrapped to the width, every
//! string sanitised), a scroll position and the focused note. Pure, so `seedline show project`
//! prints the same.

mod flags;
mod layout;
mod lineage;
mod officers;
mod sections;

pub use layout::{Laid, layout};
pub use lineage::gap_text;

use super::Ctx;
use crate::Lang;
use crate::app::{Command, Effect};
use crate::model::ProjectDetail;

/// How a piece of a line is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Normal,
    Heading,
    Label,
    Dim,
    Flag,
    Alert,
}

/// One screen line: styled pieces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailLine(pub Vec<(Tone, String)>);

impl DetailLine {
    pub(in crate::app) fn plain(tone: Tone, text: impl Into<String>) -> DetailLine {
        DetailLine(vec![(tone, text.into())])
    }

    /// The line's text without styles.
    pub fn text(&self) -> String {
        self.0.iter().map(|(_, s)| s.as_str()).collect()
    }
}

/// State of the detail screen.
#[derive(Debug, Clone, PartialEq)]
pub struct DetailState {
    pub id: i64,
    pub detail: Option<Box<ProjectDetail>>,
    pub lines: Vec<DetailLine>,
    pub scroll: usize,
    /// Index into `detail.notes` of the note that `e`, `x` and `c` act on.
    pub note_focus: Option<usize>,
    /// Line where each note starts, in `detail.notes` order.
    pub note_starts: Vec<usize>,
    /// The lineage's other projects: (line where it starts, project id), in chain order.
    pub chain: Vec<(usize, i64)>,
    /// Index into `chain` of the project Enter opens (J / K reach the chain before the notes).
    pub chain_focus: Option<usize>,
}

impl DetailState {
    /// Scrolling and the note focus (J / K).
    pub fn command(&mut self, command: Command, ctx: &Ctx) -> Option<Vec<Effect>> {
        let page = ctx.body_rows();
        match command {
            _ if command.is_navigation() => self.scroll(command, page),
            Command::NextNote | Command::PrevNote => {
                self.focus_note(command == Command::NextNote, page)
            }
            _ => return None,
        }
        Some(Vec::new())
    }

    /// The effect that loads the project (with whether it is on my watch list).
    pub fn load(&self, ctx: &Ctx) -> Vec<Effect> {
        vec![Effect::LoadDetail {
            id: self.id,
            me: ctx.scope.me.clone(),
        }]
    }

    /// Every laid-out line (one line, "...", while loading).
    pub fn content_height(&self) -> usize {
        if self.detail.is_none() {
            1
        } else {
            self.lines.len()
        }
    }

    /// The breadcrumb: the 課題管理番号 once loaded.
    pub fn name(&self) -> String {
        self.detail
            .as_ref()
            .map_or_else(|| format!("#{}", self.id), |d| d.amed_id.clone())
    }

    pub fn new(id: i64) -> DetailState {
        DetailState {
            id,
            detail: None,
            lines: Vec::new(),
            scroll: 0,
            note_focus: None,
            note_starts: Vec::new(),
            chain: Vec::new(),
            chain_focus: None,
        }
    }

    /// Takes the loaded project and lays it out for `cols` columns.
    pub fn set_detail(&mut self, detail: Box<ProjectDetail>, lang: Lang, cols: usize, today: &str) {
        // Keep the focus on the same note across reloads (another session may have added one).
        let focused = self
            .note_focus
            .and_then(|i| self.detail.as_ref()?.notes.get(i).map(|n| n.id));
        let chain_id = self.focused_chain();
        (self.lines, self.note_starts, self.chain) = layout(&detail, lang, cols, today);
        self.chain_focus = chain_id.and_then(|id| self.chain.iter().position(|c| c.1 == id));
        self.note_focus = focused.and_then(|id| detail.notes.iter().position(|n| n.id == id));
        self.detail = Some(detail);
        self.scroll = self.scroll.min(self.lines.len().saturating_sub(1));
    }

    /// The lineage project Enter opens, when J / K focus one.
    pub fn focused_chain(&self) -> Option<i64> {
        self.chain.get(self.chain_focus?).map(|c| c.1)
    }

    /// Moves the focus (J / K) through the lineage's projects, then the notes, and scrolls the
    /// focused line into view.
    pub fn focus_note(&mut self, forward: bool, page: usize) {
        let (chains, notes) = (self.chain.len(), self.note_starts.len());
        // One sequence: the chain's projects, then the notes.
        let at = match (self.chain_focus, self.note_focus) {
            (Some(i), _) => Some(i),
            (None, Some(n)) => Some(chains + n),
            (None, None) => None,
        };
        let count = chains + notes;
        if count == 0 {
            return;
        }
        let next = match (at, forward) {
            (None, _) => 0,
            (Some(i), true) => (i + 1).min(count - 1),
            (Some(i), false) => i.saturating_sub(1),
        };
        (self.chain_focus, self.note_focus) = if next < chains {
            (Some(next), None)
        } else {
            (None, Some(next - chains))
        };
        let line = match (self.chain_focus, self.note_focus) {
            (Some(i), _) => self.chain.get(i).map(|c| c.0),
            (None, Some(n)) => self.note_starts.get(n).copied(),
            (None, None) => None,
        };
        if let Some(line) = line {
            if line < self.scroll || line >= self.scroll + page.saturating_sub(2) {
                self.scroll = line
                    .saturating_sub(2)
                    .min(self.lines.len().saturating_sub(page));
            }
        }
    }

    /// Lays out again after a resize (`page`: the lines on screen now); the scroll stays inside
    /// the new lines.
    pub fn relayout(&mut self, lang: Lang, cols: usize, today: &str, page: usize) {
        if let Some(d) = &self.detail {
            (self.lines, self.note_starts, self.chain) = layout(d, lang, cols, today);
        }
        self.scroll = self.scroll.min(self.lines.len().saturating_sub(page));
    }

    /// Scrolls for a navigation command; `page` is the number of lines on screen.
    pub fn scroll(&mut self, command: Command, page: usize) {
        self.scroll = command.scroll(self.scroll, self.lines.len(), page);
    }
}
