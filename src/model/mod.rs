//! Domain types of AMED's research pipeline and their validation; no I/O here.

mod enums;
mod phase;
mod portfolio;
mod project;
mod views;
mod workflow;

pub use enums::{
    AttachmentKind, CriterionStatus, DeadlineKind, FlagStatus, GateDecision, LicensingStatus,
    Ministry, Modality, NoteKind, OfficerRole, OutcomeKind,
};
pub use phase::Phase;
pub use portfolio::{
    AgingBucket, AttachmentView, BudgetPivot, BudgetRow, BudgetRows, DueBoardRow, DueItem,
    DueSource, FiscalYear, Funnel, FunnelStep, NewAttachment, NewDeadline, PhaseDurations, PiKey,
    PiOverview, PiProject, Scope, deadline_text, due_board, officer_key,
};
pub use project::NewProject;
pub use views::{
    DeadlineView, FlagView, GateView, NoteView, OutcomeView, PhaseStep, ProjectDetail, ProjectRow,
    Sort, SortKey,
};
pub use workflow::{
    Author, Criteria, HistoryEntry, MAX_NOTE_BYTES, NewFlag, NewGate, NewNote, PhaseMove,
    flag_move_allowed, next_flag_statuses, validate_body,
};

/// A value that has a stable code (stored in the database) and Japanese / English labels.
pub trait Coded: Sized + Copy + 'static {
    /// Every value, in display order.
    const ALL: &'static [Self];
    /// The code stored in the database and accepted on the command line.
    fn code(self) -> &'static str;
    /// The Japanese label officers use.
    fn name_ja(self) -> &'static str;
    /// The English label.
    fn name_en(self) -> &'static str;

    /// Parses a code, a Japanese label or an English label (case-insensitive; `-` and `_` alike).
    fn parse(text: &str) -> Option<Self> {
        // Codes read back from the database match exactly: skip the folding (NFKC of every
        // candidate name), which dominated exports of 100,000 rows.
        if let Some(v) = Self::ALL.iter().copied().find(|v| v.code() == text) {
            return Some(v);
        }
        let wanted = fold_key(text);
        Self::ALL.iter().copied().find(|v| {
            fold_key(v.code()) == wanted
                || fold_key(v.name_ja()) == wanted
                || fold_key(v.name_en()) == wanted
        })
    }

    /// The label in the chosen language.
    fn label(self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Ja => self.name_ja(),
            crate::Lang::En => self.name_en(),
        }
    }

    /// All codes, for "expected one of …" messages.
    fn codes_list() -> String {
        Self::ALL
            .iter()
            .map(|v| v.code())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Lower-cases, NFKC-normalises and treats `-`/`_`/space alike, for lenient matching of names.
pub fn fold_key(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.trim()
        .nfkc()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '-' || c == ' ' { '_' } else { c })
        .collect()
}

/// A calendar date (dates in seedline carry no time zone).
pub type Date = chrono::NaiveDate;

/// Parses an ISO date `YYYY-MM-DD`, refusing impossible dates such as 2024-02-30.
pub fn parse_date(text: &str) -> Option<Date> {
    let t = text.trim();
    if t.len() != 10 {
        return None;
    }
    chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d").ok()
}
