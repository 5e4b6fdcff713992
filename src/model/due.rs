//! Portfolio analytics types: fiscal years (年度), deadlines, attachments, aging buckets and the
//! read models of the budget pivot, the phase funnel, the due board and the PI overview.

use super::{Date, Phase};
use chrono::Datelike;

/// 年度: a Japanese fiscal year, April 1 to March 31, named by the calendar year it starts in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct FiscalYear(pub i32);

impl FiscalYear {
    /// Earliest and latest fiscal years a budget may name (as the schema checks).
    pub const MIN: i32 = 1990;
    pub const MAX: i32 = 2100;

    /// The fiscal year `date` falls in.
    pub fn of(date: Date) -> FiscalYear {
        FiscalYear(if date.month() >= 4 {
            date.year()
        } else {
            date.year() - 1
        })
    }

    /// First and last day (inclusive).
    pub fn span(self) -> (Date, Date) {
        let start = Date::from_ymd_opt(self.0, 4, 1).unwrap_or_default();
        let end = Date::from_ymd_opt(self.0 + 1, 3, 31).unwrap_or_default();
        (start, end)
    }

    /// `2024`, `FY2024`, `2024年度`, `令和6年度`, `R6`, `H30` (full-width digits too); `None` for
    /// anything else or a year outside 1990–2100.
    pub fn parse(text: &str) -> Option<FiscalYear> {
        let folded = super::fold_key(text);
        let t = folded.trim();
        let t = t.strip_suffix("年度").unwrap_or(t);
        let t = t.strip_prefix("fy").unwrap_or(t);
        // Year 1 of an era is the calendar year it began in (令和元年度 = 2019).
        let year = super::ERAS
            .iter()
            .flat_map(|(name, initial, (first, _, _), _)| [(*name, *first), (*initial, *first)])
            .find_map(|(prefix, first)| {
                let rest = t.strip_prefix(prefix)?;
                let n: i32 = if rest == "元" { 1 } else { rest.parse().ok()? };
                (n >= 1).then_some(first - 1 + n)
            })
            .or_else(|| {
                (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| t.parse().ok())
                    .flatten()
            })?;
        (Self::MIN..=Self::MAX)
            .contains(&year)
            .then_some(FiscalYear(year))
    }

    /// `FY2024` / `2024年度`.
    pub fn label(self, lang: crate::Lang) -> String {
        match lang {
            crate::Lang::Ja => format!("{}年度", self.0),
            crate::Lang::En => format!("FY{}", self.0),
        }
    }
}

/// What "me" means for `mine`, `watch:yes` and the due board: the officer's name (config
/// `[officer] name`, else the OS account) and how long a phase may last before it counts as stalled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    pub today: Date,
    pub me: String,
    /// Days in the current phase beyond which a project is 停滞 (stalled).
    pub stall_days: i64,
}

impl Scope {
    /// The default for `stall_days` (two fiscal years without a phase move).
    pub const DEFAULT_STALL_DAYS: i64 = 730;

    pub fn new(today: Date, me: &str) -> Scope {
        Scope {
            today,
            me: me.to_string(),
            stall_days: Self::DEFAULT_STALL_DAYS,
        }
    }

    /// The last day a phase may have been entered on for the project to count as stalled.
    pub fn stalled_before(&self) -> Date {
        self.today
            .checked_sub_days(chrono::Days::new(self.stall_days.max(0) as u64))
            .unwrap_or(self.today)
    }
}

/// Officer names compare without spaces and case, so `岩崎 美紀` and `岩崎美紀` are one person.
pub fn officer_key(name: &str) -> String {
    crate::text::search_fold(name).replace([' ', '　'], "")
}

/// Where a due item falls on the board, by days until (or past) its due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AgingBucket {
    /// Overdue 61 days or more.
    Overdue61Plus,
    /// Overdue 31–60 days.
    Overdue31To60,
    /// Overdue 1–30 days.
    Overdue1To30,
    /// Due today or within the next 30 days.
    DueWithin30,
    /// Due later than 30 days from today.
    Later,
}

impl AgingBucket {
    /// The board's buckets, most urgent first (`Later` is not on the board).
    pub const BOARD: [AgingBucket; 4] = [
        AgingBucket::Overdue61Plus,
        AgingBucket::Overdue31To60,
        AgingBucket::Overdue1To30,
        AgingBucket::DueWithin30,
    ];

    /// The bucket of an item due on `due` as of `today`.
    pub fn of(due: Date, today: Date) -> AgingBucket {
        let overdue = (today - due).num_days();
        match overdue {
            61.. => AgingBucket::Overdue61Plus,
            31..=60 => AgingBucket::Overdue31To60,
            1..=30 => AgingBucket::Overdue1To30,
            -30..=0 => AgingBucket::DueWithin30,
            _ => AgingBucket::Later,
        }
    }

    /// The inclusive range of due dates in this bucket as of `today` (`None` = unbounded).
    pub fn due_range(self, today: Date) -> (Option<Date>, Option<Date>) {
        let day = |n: i64| {
            if n >= 0 {
                today.checked_add_days(chrono::Days::new(n as u64))
            } else {
                today.checked_sub_days(chrono::Days::new((-n) as u64))
            }
        };
        match self {
            AgingBucket::Overdue61Plus => (None, day(-61)),
            AgingBucket::Overdue31To60 => (day(-60), day(-31)),
            AgingBucket::Overdue1To30 => (day(-30), day(-1)),
            AgingBucket::DueWithin30 => (Some(today), day(30)),
            AgingBucket::Later => (day(31), None),
        }
    }

    pub fn label(self, lang: crate::Lang) -> &'static str {
        crate::tr(
            lang,
            match self {
                AgingBucket::Overdue61Plus => "超過61日+",
                AgingBucket::Overdue31To60 => "超過31-60日",
                AgingBucket::Overdue1To30 => "超過1-30日",
                AgingBucket::DueWithin30 => "30日以内",
                AgingBucket::Later => "31日以降",
            },
            match self {
                AgingBucket::Overdue61Plus => "overdue 61+",
                AgingBucket::Overdue31To60 => "overdue 31-60",
                AgingBucket::Overdue1To30 => "overdue 1-30",
                AgingBucket::DueWithin30 => "due in 30 days",
                AgingBucket::Later => "later",
            },
        )
    }
}

/// What a due-board item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DueSource {
    /// A note's follow-up (note id, the note's kind).
    FollowUp(i64, super::NoteKind),
    /// A deadline (deadline id) of a kind.
    Deadline(i64, super::DeadlineKind),
}

/// One item of the due board: a pending follow-up or an open deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueItem {
    pub source: DueSource,
    pub project_id: i64,
    pub amed_id: String,
    pub title: String,
    /// Who owes it: the note's author, or the project's assigned officers for a deadline.
    pub owners: Vec<String>,
    pub due_on: String,
    /// The note's first line, or the deadline's title.
    pub summary: String,
    /// The deadline's version (optimistic check when marking it done); 0 for follow-ups.
    pub version: i64,
}

impl DueItem {
    /// The note id for a follow-up.
    pub fn note_id(&self) -> Option<i64> {
        match self.source {
            DueSource::FollowUp(id, _) => Some(id),
            DueSource::Deadline(..) => None,
        }
    }

    pub fn bucket(&self, today: Date) -> AgingBucket {
        self.due_on
            .parse::<Date>()
            .map_or(AgingBucket::Later, |d| AgingBucket::of(d, today))
    }
}

/// A deadline as one phrase: its kind, then its title unless the title already names the kind
/// (`年次報告 2025年度成果報告`, but `2025年度 年次報告` alone).
pub fn deadline_text(kind: super::DeadlineKind, title: &str, lang: crate::Lang) -> String {
    use super::Coded;
    let title = title.trim();
    if title.is_empty() {
        kind.label(lang).to_string()
    } else if title.contains(kind.name_ja()) || title.contains(kind.name_en()) {
        title.to_string()
    } else {
        format!("{} {title}", kind.label(lang))
    }
}

/// One row of a due board summary: an owner's item counts per bucket (in [`AgingBucket::BOARD`] order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueBoardRow {
    pub owner: String,
    pub counts: [i64; 4],
}

/// Counts per owner and aging bucket (a deadline counts for each assigned officer), owners with the
/// most overdue first; the last row is everyone ("全員" / "everyone" is the caller's label).
pub fn due_board(items: &[DueItem], today: Date) -> (Vec<DueBoardRow>, [i64; 4]) {
    let mut by_owner: std::collections::BTreeMap<&str, [i64; 4]> =
        std::collections::BTreeMap::new();
    let mut all = [0i64; 4];
    for item in items {
        let bucket = item.bucket(today);
        let Some(slot) = AgingBucket::BOARD.iter().position(|b| *b == bucket) else {
            continue;
        };
        all[slot] += 1;
        if item.owners.is_empty() {
            by_owner.entry("-").or_default()[slot] += 1;
        }
        for owner in &item.owners {
            by_owner.entry(owner.as_str()).or_default()[slot] += 1;
        }
    }
    let mut rows: Vec<DueBoardRow> = by_owner
        .into_iter()
        .map(|(owner, counts)| DueBoardRow {
            owner: owner.to_string(),
            counts,
        })
        .collect();
    // Most long-overdue first: compare from the oldest bucket on.
    rows.sort_by(|a, b| b.counts.cmp(&a.counts).then_with(|| a.owner.cmp(&b.owner)));
    (rows, all)
}

/// Rows of the budget pivot.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum BudgetRows {
    /// 統合プロジェクト.
    #[default]
    IntegratedProject,
    /// 事業.
    Program,
    /// 研究開発フェーズ (the project's current phase).
    Phase,
}

impl BudgetRows {
    pub fn next(self) -> BudgetRows {
        match self {
            BudgetRows::IntegratedProject => BudgetRows::Program,
            BudgetRows::Program => BudgetRows::Phase,
            BudgetRows::Phase => BudgetRows::IntegratedProject,
        }
    }

    pub fn parse(text: &str) -> Option<BudgetRows> {
        match super::fold_key(text).as_str() {
            "ip" | "integrated_project" | "統合プロジェクト" => {
                Some(BudgetRows::IntegratedProject)
            }
            "program" | "事業" => Some(BudgetRows::Program),
            "phase" | "フェーズ" => Some(BudgetRows::Phase),
            _ => None,
        }
    }

    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            BudgetRows::IntegratedProject => {
                crate::tr(lang, "統合プロジェクト", "Integrated project")
            }
            BudgetRows::Program => crate::tr(lang, "事業", "Program"),
            BudgetRows::Phase => crate::tr(lang, "フェーズ", "Phase"),
        }
    }
}

/// One row of the budget pivot: amounts per fiscal year (千円), in the pivot's year order.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BudgetRow {
    /// For integrated projects, the period (2 or 3): their names repeat across periods; else 0.
    pub period: i64,
    pub name_ja: String,
    pub name_en: String,
    pub amounts: Vec<i64>,
    pub total: i64,
}

impl BudgetRow {
    /// The row's name, led by "2期 " / "P2 " for a 2nd-period integrated project.
    pub fn label(&self, lang: crate::Lang) -> String {
        let name = if lang == crate::Lang::Ja {
            &self.name_ja
        } else {
            &self.name_en
        };
        match self.period {
            2 => format!("{}{name}", crate::tr(lang, "2期 ", "P2 ")),
            _ => name.clone(),
        }
    }
}

/// Allocations (千円) summed per row and fiscal year, with totals.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct BudgetPivot {
    pub rows_by: BudgetRows,
    pub years: Vec<FiscalYear>,
    pub rows: Vec<BudgetRow>,
    pub column_totals: Vec<i64>,
    pub total: i64,
}

/// One phase of the funnel over a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FunnelStep {
    /// Projects in this phase at some time during the period.
    pub in_phase: i64,
    /// Of those, how many moved on to a later phase during the period.
    pub advanced: i64,
    /// Median days spent in this phase by stays that ended (any time), and how many stays.
    pub median_days: Option<i64>,
    pub stays: i64,
}

impl FunnelStep {
    /// `advanced / in_phase` as a percentage, if anything was in the phase.
    pub fn rate_percent(&self) -> Option<f64> {
        (self.in_phase > 0).then(|| self.advanced as f64 * 100.0 / self.in_phase as f64)
    }
}

/// Median days in each phase, for one integrated project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseDurations {
    /// The integrated project's period (2 or 3): 2nd- and 3rd-period names repeat.
    pub period: i64,
    pub name_ja: String,
    pub name_en: String,
    /// Median days per phase (基礎..実用化) of stays that ended, with their count.
    pub median_days: [(Option<i64>, i64); 5],
}

/// Phase transitions over a period (one fiscal year) and time in phase.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Funnel {
    pub year: Option<FiscalYear>,
    /// The period, inclusive.
    pub from: String,
    pub to: String,
    /// Per phase, 基礎..実用化 (実用化 never advances).
    pub steps: [FunnelStep; 5],
    /// Median days per phase per integrated project (3rd period and any holding projects).
    pub by_integrated_project: Vec<PhaseDurations>,
    /// Projects whose current phase began more than the stall threshold ago.
    pub stalled: i64,
}

/// One project in a PI or institution overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PiProject {
    pub id: i64,
    pub amed_id: String,
    pub title: String,
    pub pi_name: String,
    pub institution: String,
    pub program_ja: String,
    pub program_en: String,
    pub phase: Phase,
    pub start_date: String,
    pub end_date: Option<String>,
    /// Sum of the fiscal-year allocations (千円).
    pub budget_kyen: i64,
    /// This fiscal year's allocation (千円).
    pub budget_this_year_kyen: i64,
    /// Running today (started, not ended).
    pub active: bool,
}

/// Whose projects an overview gathers.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PiKey {
    /// 研究代表者 by name (spaces and width ignored).
    Pi(String),
    /// 所属機関 by name.
    Institution(String),
}

impl PiKey {
    pub fn name(&self) -> &str {
        match self {
            PiKey::Pi(n) | PiKey::Institution(n) => n,
        }
    }
}

/// All projects of one PI (or institution) across programs, for concentration and overlap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PiOverview {
    pub key: PiKey,
    pub projects: Vec<PiProject>,
    /// Distinct programs among the projects.
    pub programs: i64,
    pub budget_kyen: i64,
    pub budget_this_year_kyen: i64,
    /// Projects running today.
    pub active: i64,
    /// Pairs of the PI's projects whose periods overlap (e-Rad's duplicate-funding concern).
    pub overlapping_pairs: i64,
}

/// A file link on a project, note or flag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentView {
    pub id: i64,
    pub project_id: i64,
    pub note_id: Option<i64>,
    pub flag_id: Option<i64>,
    pub target: String,
    pub label: String,
    pub kind: super::AttachmentKind,
    pub dated_on: Option<String>,
    pub sha256: Option<String>,
    pub added_by: String,
    pub added_at: String,
}

/// A new attachment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAttachment {
    pub note_id: Option<i64>,
    pub flag_id: Option<i64>,
    pub target: String,
    pub label: String,
    pub kind: super::AttachmentKind,
    pub dated_on: Option<Date>,
    pub sha256: Option<String>,
}

/// A new deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDeadline {
    pub kind: super::DeadlineKind,
    pub title: String,
    pub due_on: Date,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn fiscal_years_run_april_to_march_and_parse_era_names() {
        assert_eq!(FiscalYear::of(d("2024-04-01")), FiscalYear(2024));
        assert_eq!(FiscalYear::of(d("2025-03-31")), FiscalYear(2024));
        assert_eq!(FiscalYear(2024).span(), (d("2024-04-01"), d("2025-03-31")));
        for text in [
            "2024",
            "FY2024",
            "fy2024",
            "2024年度",
            "令和6年度",
            "R6",
            "２０２４",
        ] {
            assert_eq!(FiscalYear::parse(text), Some(FiscalYear(2024)), "{text}");
        }
        assert_eq!(FiscalYear::parse("令和元年度"), Some(FiscalYear(2019)));
        assert_eq!(FiscalYear::parse("平成30年度"), Some(FiscalYear(2018)));
        for bad in ["24", "20245", "1989", "2101", "令和0年度", "next year", ""] {
            assert_eq!(FiscalYear::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn aging_buckets_split_at_30_and_60_days() {
        let today = d("2026-06-30");
        let bucket = |s: &str| AgingBucket::of(d(s), today);
        assert_eq!(bucket("2026-07-30"), AgingBucket::DueWithin30);
        assert_eq!(bucket("2026-07-31"), AgingBucket::Later);
        assert_eq!(bucket("2026-06-30"), AgingBucket::DueWithin30);
        assert_eq!(bucket("2026-06-29"), AgingBucket::Overdue1To30);
        assert_eq!(bucket("2026-05-31"), AgingBucket::Overdue1To30);
        assert_eq!(bucket("2026-05-30"), AgingBucket::Overdue31To60);
        assert_eq!(bucket("2026-05-01"), AgingBucket::Overdue31To60);
        assert_eq!(bucket("2026-04-30"), AgingBucket::Overdue61Plus);
        // The SQL ranges agree with the classification.
        for bucket in AgingBucket::BOARD {
            let (from, to) = bucket.due_range(today);
            for day in [from, to].into_iter().flatten() {
                assert_eq!(AgingBucket::of(day, today), bucket, "{day}");
            }
        }
    }

    #[test]
    fn a_deadline_title_naming_its_kind_is_not_repeated() {
        use super::super::DeadlineKind as K;
        let ja = crate::Lang::Ja;
        assert_eq!(
            deadline_text(K::AnnualReport, "2025年度 年次報告", ja),
            "2025年度 年次報告"
        );
        assert_eq!(deadline_text(K::InterimEvaluation, "", ja), "中間評価");
        assert_eq!(
            deadline_text(K::StageGate, "非臨床POC判定", ja),
            "ステージゲート 非臨床POC判定"
        );
    }

    #[test]
    fn officer_names_match_without_spaces_or_width() {
        assert_eq!(officer_key("岩崎　美紀"), officer_key("岩崎美紀"));
        assert_eq!(officer_key("Iwasaki Miki"), officer_key("iwasakimiki"));
    }
}
