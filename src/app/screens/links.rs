//! A project's links (attachments: files and URLs); Enter opens one with the system opener, or
//! says where it is when there is no display.

use super::Ctx;
use crate::app::{Command, Effect};
use crate::model::AttachmentView;

/// A project's links (attachments).
#[derive(Debug, Clone, PartialEq)]
pub struct LinksState {
    pub project_id: i64,
    pub label: String,
    pub links: Vec<AttachmentView>,
    pub cursor: usize,
    /// First link on screen.
    pub offset: usize,
}

/// Lines above the links: the hint line and the column header.
pub const LINKS_HEAD: usize = 2;

impl LinksState {
    /// The cursor.
    pub fn command(&mut self, command: Command, ctx: &Ctx) -> Option<Vec<Effect>> {
        if !command.is_navigation() {
            return None;
        }
        let page = ctx.body_rows().saturating_sub(LINKS_HEAD);
        (self.cursor, self.offset) =
            command.move_cursor(self.cursor, self.offset, self.links.len(), page);
        Some(Vec::new())
    }

    /// The effect that loads the links again.
    pub fn load(&self) -> Vec<Effect> {
        vec![Effect::LoadLinks {
            project_id: self.project_id,
        }]
    }

    /// Takes loaded links (for another project: an older request's).
    pub fn loaded(&mut self, project_id: i64, links: Vec<AttachmentView>) {
        if self.project_id == project_id {
            self.cursor = self.cursor.min(links.len().saturating_sub(1));
            self.links = links;
        }
    }

    /// The head lines and every link (or the line saying there are none).
    pub fn content_height(&self) -> usize {
        LINKS_HEAD + self.links.len().max(1)
    }
}
