//! A project's history as read from the audit log.

/// One line of a project's history (from the audit log).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    pub at: String,
    /// The OS account that made the change.
    pub actor: String,
    /// The officer name recorded with it, when there was one.
    pub officer: Option<String>,
    /// e.g. `note.add`, `flag.move`, `phase.move`.
    pub action: String,
    /// A short human summary (ids, statuses, phases).
    pub summary: String,
}
