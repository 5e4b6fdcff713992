//! Domain types of AMED's research pipeline and their validation; no I/O here.

mod attachment;
mod budget;
mod changes;
mod dashboard;
pub mod date_input;
mod deadline;
mod due;
mod enums;
mod export;
mod fiscal_year;
mod flag;
mod funnel;
mod gate;
mod highway;
mod history;
mod lineage;
mod note;
mod officer;
mod outcome;
mod phase;
mod pi;
mod project;
mod project_edit;
pub mod reference;
mod seamless;
mod views;

pub use attachment::{AttachmentView, NewAttachment};
pub use budget::{BudgetPivot, BudgetRow, BudgetRows};
pub use changes::{ChangeKind, Changes, MAX_TARGETED_PROJECTS, TouchedProjects};
pub use dashboard::{Headline, Matrix, MatrixCell, MatrixOptions, MatrixRow, Pivot};
pub use deadline::{NewDeadline, deadline_text};
pub use due::{
    AgingBucket, DueBoardRow, DueCounts, DueHead, DueItem, DueKey, DueSeek, DueSource, due_board,
    sort_board,
};
pub use enums::{
    AttachmentKind, CriterionStatus, DeadlineKind, FlagStatus, GateDecision, LicensingStatus,
    LineageKind, Ministry, Modality, NoteKind, OfficerRole, OutcomeKind,
};
pub use export::{
    COMPLETE_EXPORT_COLUMNS, ColumnSet, ExportColumns, LIST_EXPORT_COLUMNS, free_file_name,
};
pub use fiscal_year::FiscalYear;
pub use flag::{Criteria, NewFlag, flag_move_allowed, next_flag_statuses, validate_flag_reason};
pub use funnel::{Funnel, FunnelStep, PhaseDurations};
pub use gate::{NewGate, RecordedGate};
pub use highway::{HighwayInfo, criterion_heads, criterion_mark};
pub use history::{HistoryEntry, HistorySubject, UndoLink, link_undos};
pub use lineage::{Chain, LineageLink, LineageProject, LinkedFlag, gap_days, median_days};
pub use note::{MAX_NOTE_BYTES, NewNote, validate_body};
pub use officer::{
    Author, MAX_OFFICER_NAME, Me, NewOfficer, Officer, OfficerEdit, PastAssignment, RosterEntry,
    Scope, officer_key, validate_login, validate_officer_name,
};
pub use outcome::{
    MAX_DETAIL_CHARS, MAX_PRODUCT_CHARS, NewOutcome, OUTCOME_KINDS_HELP, OutcomeChange,
    OutcomeRecord, OutcomeTally, PERIOD2_YEARS, PERIOD3_YEARS, TallyRow, next_tally_kind,
    outcome_history_summary, outcome_short_label, parse_outcome_kind, period2_result,
    period3_target,
};
pub use phase::{Phase, PhaseMove};
pub use pi::{
    PiKey, PiOverview, PiProject, allocated_label, budget_total_label, mark_overlaps, pi_name_key,
};
pub use project::NewProject;
#[cfg(test)]
pub(crate) use project::sample as sample_project;
pub use project_edit::{
    FieldChange, MAX_RETIRE_REASON_CHARS, ProjectChanges, ProjectEdited, ProjectField,
    ProjectValue, changed_fields, validate_retire_reason,
};
pub use reference::{
    DiseaseAreaRef, IntegratedProjectRef, LinkKind, NameIndex, NameMatch, NewProgram,
    ProgramChange, ProgramLink, ProgramRef, ProgramRow, RefKind, Reference, suggest,
};
pub use seamless::{GapKey, GapRow, Seamless, SeedPhases, SeedRow, seamless_figures};
pub use views::{
    DeadlineView, FlagView, GateView, NoteView, OutcomeView, PhaseStep, ProjectDetail, ProjectRow,
    Sort, SortKey,
};

/// A calendar day as (year, month, day).
pub type Ymd = (i32, u32, u32);

/// Japanese eras, newest first: name, its initial as written folded (`R6`, `H30`), first day and
/// last day as (year, month, day). Era dates of imported cells and era fiscal years both read it.
pub const ERAS: [(&str, &str, Ymd, Ymd); 3] = [
    ("令和", "r", (2019, 5, 1), (9999, 12, 31)),
    ("平成", "h", (1989, 1, 8), (2019, 4, 30)),
    ("昭和", "s", (1926, 12, 25), (1989, 1, 7)),
];

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
        // So do the labels export writes (and most imported cells): every label of every value
        // folds to its own value only (a test checks), so an exact match is the folded answer.
        if let Some(v) = Self::ALL
            .iter()
            .copied()
            .find(|v| v.name_ja() == text || v.name_en() == text)
        {
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
    // The common exact form (every stored date) without chrono's format parser; it reads such a
    // text the same way.
    if let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *t.as_bytes() {
        let digits = [y0, y1, y2, y3, m0, m1, d0, d1];
        if digits.iter().all(u8::is_ascii_digit) {
            let n = |ds: &[u8]| {
                ds.iter()
                    .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'))
            };
            let year = i32::try_from(n(&digits[..4])).ok()?;
            return chrono::NaiveDate::from_ymd_opt(year, n(&digits[4..6]), n(&digits[6..]));
        }
    }
    chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod date_tests {
    use super::parse_date;

    #[test]
    fn the_fast_path_reads_dates_as_chrono_does() {
        for text in [
            "2024-04-01",
            "2024-02-29",
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-01-00",
            "0000-01-01",
            "9999-12-31",
            " 2024-04-01 ",
            "2024-4-01x",
            "2024/04/01",
            "+202-04-01",
            "2024-04-1 ",
            "２０２４-04-01",
            "20240401xx",
        ] {
            let t = text.trim();
            let chrono = (t.len() == 10)
                .then(|| chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
                .flatten();
            assert_eq!(parse_date(text), chrono, "{text:?}");
        }
    }
}
