//! The filter language shared by the TUI's `/` line, `seedline show … --query` and CSV export:
//! free words (all must match) and field terms that combine, e.g.
//! `がん ip:drug phase:応用..臨床 modality:医療機器 flag:recommended due:overdue mine stalled:yes`.
//! `mine` alone is a term (search the word with quotes: `"mine"`).
//! Parsing and name resolution are pure; `store` turns a [`Filter`] into SQL.

mod parse;
mod resolve;

pub use parse::{Term, parse};
pub use resolve::resolve;

use crate::model::{AgingBucket, Date, FiscalYear, FlagStatus, Modality, OutcomeKind, Phase};

/// The part of a filter line being typed that is worth searching for: a last word of one or two
/// Latin letters that begins a field name (`p`, `ph`, `ip`, `du`) is most likely the start of a
/// field term, so it waits for the next keystroke instead of scanning every project for "p".
pub fn settled(text: &str) -> &str {
    let trimmed = text.trim_end();
    let last_start = trimmed.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let last = &trimmed[last_start..];
    let partial = !last.is_empty()
        && last.len() <= 2
        && last.chars().all(|c| c.is_ascii_alphabetic())
        && FIELDS
            .iter()
            .any(|f| f.starts_with(&last.to_ascii_lowercase()));
    if partial && text.len() == trimmed.len() {
        &trimmed[..last_start]
    } else {
        text
    }
}

/// Field names the filter accepts, for help and error messages.
pub const FIELDS: &[&str] = &[
    "ip", "area", "phase", "modality", "program", "po", "flag", "due", "id", "mine", "watch",
    "stalled", "outcome", "fy", "inphase", "moved", "ending",
];

/// Which highway flags a project must carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagFilter {
    /// An open flag (candidate or recommended): `flag:highway` / `flag:open`.
    Open,
    /// Any flag ever: `flag:any`.
    Any,
    /// No flag at all: `flag:none`.
    None,
    /// A flag in this status (current or past): `flag:recommended`.
    Status(FlagStatus),
}

/// Which pending follow-ups (not done, note not deleted) or open deadlines (reports, evaluations,
/// scheduled stage gates) a project must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueFilter {
    /// Due before today: `due:overdue`.
    Overdue,
    /// Due today: `due:today`.
    Today,
    /// Due today or earlier: `due:yes`.
    Due,
    /// Due within the next 7 days (today included): `due:week`.
    Week,
    /// An aging bucket of the due board: `due:30` (today to 30 days ahead), `due:1-30`,
    /// `due:31-60`, `due:61+` (days overdue).
    Bucket(AgingBucket),
}

impl DueFilter {
    /// The inclusive range of due dates as of `today` (`None` = unbounded).
    pub fn range(self, today: Date) -> (Option<Date>, Option<Date>) {
        let day = |n: u64| today.checked_add_days(chrono::Days::new(n));
        let yesterday = today.pred_opt();
        match self {
            DueFilter::Overdue => (None, yesterday),
            DueFilter::Today => (Some(today), Some(today)),
            DueFilter::Due => (None, Some(today)),
            DueFilter::Week => (Some(today), day(7)),
            DueFilter::Bucket(b) => b.due_range(today),
        }
    }
}

/// Projects ending soon without a decision on their seed (the matching radar): the end date in a
/// window, no decided highway flag (accepted or declined; a withdrawn flag decided nothing about
/// the seed), no successor project recorded in the lineage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndingFilter {
    /// Ending today or within the next N days: `ending:180`, `ending:90d`, `ending:90日`.
    Days(u32),
    /// Ending today or within N calendar months: `ending:6m` (today 2026-12-04: up to 2027-06-04).
    Months(u32),
    /// Ended before today: `ending:overdue`.
    Overdue,
}

impl EndingFilter {
    /// Longest window, in days or months, a term may ask for (ten years).
    pub const MAX_DAYS: u32 = 3_650;
    pub const MAX_MONTHS: u32 = 120;

    /// The inclusive range of end dates as of `today` (`None` = unbounded).
    pub fn range(self, today: Date) -> (Option<Date>, Option<Date>) {
        match self {
            EndingFilter::Days(n) => (
                Some(today),
                today.checked_add_days(chrono::Days::new(u64::from(n))),
            ),
            EndingFilter::Months(n) => (
                Some(today),
                today.checked_add_months(chrono::Months::new(n)),
            ),
            EndingFilter::Overdue => (None, today.pred_opt()),
        }
    }
}

/// Which outcomes (成果, not deleted) a project must have: `outcome:licensing`,
/// `outcome:薬事承認,治験`, `outcome:any`; a fiscal year after `@` narrows them to that year's:
/// `outcome:licensing@2024`, `outcome:any@令和6年度`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeFilter {
    /// The kinds, any of them; `None` for any kind.
    pub kinds: Option<Vec<OutcomeKind>>,
    /// Only outcomes dated in this fiscal year.
    pub year: Option<FiscalYear>,
}

/// Whose projects: `mine` / `mine:yes` (assigned to me in `project_officer`), `mine:watch` (assigned
/// or on my watch list: my portfolio), `mine:no`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MineFilter {
    Assigned,
    Portfolio,
    NotMine,
}

/// A resolved filter: names turned into ids, each part `None` when not constrained.
/// Parts combine with AND; values inside one part (`ip:drug,device`) with OR.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Free words, NFKC-folded and lower-cased; each must appear in a project field or a note.
    pub words: Vec<String>,
    pub integrated_projects: Option<Vec<i64>>,
    /// Disease areas, parents expanded to their sub-areas.
    pub disease_areas: Option<Vec<i64>>,
    /// Inclusive phase range.
    pub phases: Option<(Phase, Phase)>,
    pub modalities: Option<Vec<Modality>>,
    pub programs: Option<Vec<i64>>,
    /// Officer name fragments (folded, spaces removed); an assigned officer must match one.
    pub officers: Option<Vec<String>>,
    pub flag: Option<FlagFilter>,
    pub due: Option<DueFilter>,
    /// 課題管理番号 prefixes (folded).
    pub ids: Option<Vec<String>>,
    pub mine: Option<MineFilter>,
    /// On (`watch:yes`) or off (`watch:no`) my watch list.
    pub watched: Option<bool>,
    /// In the current phase (before 実用化) longer than the stall threshold: `stalled:yes`.
    pub stalled: Option<bool>,
    /// Having outcomes of these kinds (in a fiscal year): `outcome:licensing@2024`.
    pub outcome: Option<OutcomeFilter>,
    /// Funded (an allocation above 0 千円) in one of these fiscal years, inclusive: `fy:2025`,
    /// `fy:2024..2026`, `fy:any` (the projects behind a budget pivot cell).
    pub funded: Option<(FiscalYear, FiscalYear)>,
    /// In this phase on some day of the fiscal year: `inphase:応用@2025` (the funnel's 在籍).
    pub in_phase: Option<(Phase, FiscalYear)>,
    /// Moved on from this phase to a later one during the fiscal year: `moved:応用@2025` (the
    /// funnel's 移行).
    pub moved: Option<(Phase, FiscalYear)>,
    /// Ending in a window (or ended) with no decision on the seed: `ending:180`, `ending:6m`,
    /// `ending:overdue` (the matching radar).
    pub ending: Option<EndingFilter>,
}

impl Filter {
    /// Whether nothing is constrained (every project matches).
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

/// A filter that could not be understood: the term and a hint that says what would work (in
/// both languages, from the message table; `Display` is the English).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{term}: {hint}")]
pub struct QueryError {
    pub term: String,
    pub hint: crate::msg::Msg,
}

impl QueryError {
    /// `term: hint` in `lang`, the term as typed.
    pub fn text(&self, lang: crate::Lang) -> String {
        format!("{}: {}", self.term, self.hint.get(lang))
    }
}

#[cfg(test)]
mod tests {
    use super::settled;

    #[test]
    fn a_field_name_being_typed_waits() {
        assert_eq!(settled("がん p"), "がん ");
        assert_eq!(settled("ph"), "");
        assert_eq!(
            settled("がん ph "),
            "がん ph ",
            "a finished word (space typed) is searched"
        );
        assert_eq!(settled("phase:"), "phase:");
        assert_eq!(settled("zz"), "zz", "not the start of a field name");
        assert_eq!(
            settled("が"),
            "が",
            "Japanese one-character words are searched at once"
        );
        assert_eq!(settled("pha"), "pha");
    }
}
