//! The watch list's one command: `w` watches or unwatches the focused project, or a list's
//! selection as a whole.

use super::save::Save;
use super::{App, Effect, Screen};

impl App {
    /// `w`: watch or unwatch the selection (lists) or the focused project.
    pub(crate) fn toggle_watch(&mut self) -> Vec<Effect> {
        let (ids, on) = match self.screen() {
            Screen::List(l) if !l.selected.is_empty() => {
                // A selection is put on the list as a whole (or taken off when all are on it).
                let all_on = l
                    .selected
                    .iter()
                    .all(|id| l.rows.get(id).is_some_and(|r| r.watched));
                (l.selected.iter().copied().collect(), Some(!all_on))
            }
            Screen::List(l) => match l.cursor_id() {
                Some(id) => (vec![id], None),
                None => return Vec::new(),
            },
            Screen::Detail(d) => (vec![d.id], None),
            Screen::Pi(p) => match p.cursor_project() {
                Some(r) => (vec![r.id], None),
                None => return Vec::new(),
            },
            _ => return self.not_here(),
        };
        vec![Effect::Save(Save::Watch {
            project_ids: ids,
            on,
        })]
    }
}
