//! What other sessions changed since this one last looked: read from the audit log by the store
//! (`Store::changes_since`), handed to the app with `Action::ExternalChange`, which reloads only
//! what the change can have moved.

use std::collections::BTreeSet;

/// More projects than this in one look, and everything on screen is reloaded instead.
pub const MAX_TARGETED_PROJECTS: usize = 50;

/// The kinds of change to a project, as the audit log names them (`note.add` → `Note`…).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    /// A note added, edited or deleted, a follow-up done or reopened.
    Note,
    /// A highway flag added, moved or its criteria revised.
    Flag,
    Phase,
    Gate,
    Deadline,
    Outcome,
    Budget,
    /// An officer assigned or unassigned.
    Assign,
    Watch,
    Attachment,
    Lineage,
    /// The project's own fields (title, PI, program, dates, licensing…).
    Edit,
}

impl ChangeKind {
    /// The kind of an audit row's `action` on a project; `None`: a change seedline cannot scope
    /// to the one project (a project created, retired or restored changes every list).
    pub fn of_action(action: &str) -> Option<ChangeKind> {
        let (noun, verb) = action.split_once('.')?;
        Some(match noun {
            "note" | "followup" => ChangeKind::Note,
            "flag" => ChangeKind::Flag,
            "phase" => ChangeKind::Phase,
            "gate" => ChangeKind::Gate,
            "deadline" => ChangeKind::Deadline,
            "outcome" => ChangeKind::Outcome,
            "budget" if verb == "set" => ChangeKind::Budget,
            "assign" | "unassign" => ChangeKind::Assign,
            "watch" => ChangeKind::Watch,
            "attachment" => ChangeKind::Attachment,
            "lineage" => ChangeKind::Lineage,
            "project" if verb == "edit" => ChangeKind::Edit,
            _ => return None,
        })
    }
}

/// Changes to a known, small set of projects.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TouchedProjects {
    pub ids: BTreeSet<i64>,
    pub kinds: BTreeSet<ChangeKind>,
}

impl TouchedProjects {
    /// Whether project `id` was touched.
    pub fn touches(&self, id: i64) -> bool {
        self.ids.contains(&id)
    }

    /// Whether any change is of one of `kinds`.
    pub fn any_of(&self, kinds: &[ChangeKind]) -> bool {
        kinds.iter().any(|k| self.kinds.contains(k))
    }
}

/// What changed, as far as this session can tell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Changes {
    /// Not known, or too much to look at one by one (reference data, officers, programs, an
    /// import, a project created or retired, a write with no audit row, more than
    /// [`MAX_TARGETED_PROJECTS`] projects): everything on screen reloads.
    #[default]
    Unknown,
    /// Only these projects (none: nothing shown can have moved, e.g. another officer's export).
    Projects(TouchedProjects),
}

impl Changes {
    /// No change at all: nothing to reload.
    pub fn none() -> Changes {
        Changes::Projects(TouchedProjects::default())
    }

    /// Adds an audit row (`entity`, `entity_id`, `action`) to the set; an unscoped change, or
    /// one project too many, makes it `Unknown`.
    pub fn add(&mut self, entity: &str, entity_id: Option<i64>, action: &str) {
        let Changes::Projects(set) = self else {
            return;
        };
        match (entity, entity_id, ChangeKind::of_action(action)) {
            // An export writes nothing but its audit row.
            ("database", _, _) if action == "export" => {}
            ("project", Some(id), Some(kind)) => {
                set.ids.insert(id);
                set.kinds.insert(kind);
                if set.ids.len() > MAX_TARGETED_PROJECTS {
                    *self = Changes::Unknown;
                }
            }
            _ => *self = Changes::Unknown,
        }
    }
}
