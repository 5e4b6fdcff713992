//! Read models: what lists and the detail screen show, as plain data (no I/O).

use super::{
    CriterionStatus, FlagStatus, GateDecision, LicensingStatus, Modality, NoteKind, OutcomeKind,
    Phase,
};

/// Columns a project list can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SortKey {
    /// 課題管理番号.
    #[default]
    AmedId,
    Title,
    /// PI, then institution.
    Pi,
    Program,
    Phase,
    Modality,
    /// Open flags first (recommended, candidate), then decided ones.
    Flag,
    /// Most recent note's date.
    LastNote,
    /// Age of the open highway flag (the highway queue's order: oldest first).
    FlagAge,
    /// Days since the project entered its current phase (滞留日数).
    DaysInPhase,
    /// End date (終了日), soonest first (the matching radar's order); projects without one last.
    EndDate,
}

impl SortKey {
    /// The list columns in display order (the keys `s` cycles through).
    pub const COLUMNS: [SortKey; 9] = [
        SortKey::AmedId,
        SortKey::Title,
        SortKey::Pi,
        SortKey::Program,
        SortKey::Phase,
        SortKey::DaysInPhase,
        SortKey::Modality,
        SortKey::Flag,
        SortKey::LastNote,
    ];
}

/// A sort: key and direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

/// One row of a project list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectRow {
    pub id: i64,
    pub amed_id: String,
    pub title: String,
    pub pi_name: String,
    pub institution: String,
    pub program_ja: String,
    pub program_en: String,
    pub phase: Phase,
    pub modality: Modality,
    /// The open flag's status, else the latest decided one.
    pub flag: Option<FlagStatus>,
    /// The open flag (id, version), for moving it from a list.
    pub open_flag: Option<(i64, i64)>,
    pub program_id: i64,
    /// Date of the most recent (not deleted) note.
    pub last_note: Option<String>,
    /// Whether a follow-up is due today or earlier.
    pub follow_up_due: bool,
    /// The day the project entered its current phase.
    pub phase_entered: Option<String>,
    /// On my watch list.
    pub watched: bool,
    /// The open flag's date, successor program and criteria (the highway queue's columns).
    pub highway: Option<super::HighwayInfo>,
    /// End date (終了日, `YYYY-MM-DD`), when set (the matching radar's columns).
    pub end_date: Option<String>,
}

impl ProjectRow {
    /// Days in the current phase as of `today`.
    pub fn days_in_phase(&self, today: super::Date) -> Option<i64> {
        let entered: super::Date = self.phase_entered.as_deref()?.parse().ok()?;
        Some((today - entered).num_days().max(0))
    }
}

/// Everything the project detail screen shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectDetail {
    pub id: i64,
    pub amed_id: String,
    pub title: String,
    pub summary: String,
    pub pi_name: String,
    pub pi_title: String,
    pub institution: String,
    pub program_id: i64,
    pub program_ja: String,
    pub program_en: String,
    pub integrated_project_ja: String,
    pub integrated_project_en: String,
    pub modality: Modality,
    pub phase: Phase,
    pub start_date: String,
    pub end_date: Option<String>,
    pub budget_total_kyen: Option<i64>,
    pub partner_company: Option<String>,
    pub licensing_status: LicensingStatus,
    pub updated_at: String,
    pub version: i64,
    /// Disease areas (Japanese, English).
    pub disease_areas: Vec<(String, String)>,
    /// Assigned officers: (name, role).
    pub officers: Vec<(String, String)>,
    /// Assignments that ended (担当履歴), most recent end first.
    pub past_officers: Vec<super::PastAssignment>,
    pub phase_history: Vec<PhaseStep>,
    pub gates: Vec<GateView>,
    /// Flags, newest first, each with its status moves.
    pub flags: Vec<FlagView>,
    pub outcomes: Vec<OutcomeView>,
    /// Notes, newest first (deleted ones left out).
    pub notes: Vec<NoteView>,
    /// The day the project entered its current phase.
    pub phase_entered: Option<String>,
    /// Allocations per fiscal year (千円), oldest first.
    pub budgets: Vec<(super::FiscalYear, i64)>,
    /// Deadlines, open ones first by due date, then done ones.
    pub deadlines: Vec<DeadlineView>,
    /// Links, oldest first.
    pub attachments: Vec<super::AttachmentView>,
    /// On the viewing officer's watch list (filled by the caller, who knows who is viewing).
    pub watched: bool,
    /// 系譜: the seed's chain around the project (predecessors, the project, successors).
    pub lineage: super::Chain,
}

/// A report, evaluation or scheduled stage-gate deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineView {
    pub id: i64,
    pub kind: super::DeadlineKind,
    pub title: String,
    pub due_on: String,
    /// (done on, by whom).
    pub done: Option<(String, String)>,
    pub version: i64,
}

/// One entry of the phase history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseStep {
    pub from: Option<Phase>,
    pub to: Phase,
    pub on: String,
    pub by: String,
}

/// A stage-gate decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GateView {
    pub gate: String,
    pub decided_on: String,
    pub decision: GateDecision,
    pub note: String,
    pub by: String,
    pub id: i64,
    /// For correcting it (optimistic check).
    pub version: i64,
}

/// A highway flag with its licensing criteria and history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagView {
    pub id: i64,
    pub status: FlagStatus,
    pub target_ja: String,
    pub target_en: String,
    pub reason: String,
    /// 競合優位性, 知財ポートフォリオ, 有効性・安全性・再現性データ: status and comment.
    pub criteria: [(CriterionStatus, String); 3],
    pub flagged_by: String,
    pub created_at: String,
    pub decision_note: String,
    pub version: i64,
    /// (from, to, by, at, why), oldest first.
    pub moves: Vec<(Option<FlagStatus>, FlagStatus, String, String, String)>,
}

/// An outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeView {
    pub id: i64,
    pub kind: OutcomeKind,
    pub on: String,
    pub product_name: Option<String>,
    pub detail: String,
    /// Who recorded it (none for rows from before schema v5).
    pub recorded_by: Option<String>,
    pub version: i64,
}

/// An accompaniment note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteView {
    pub id: i64,
    pub author: String,
    pub author_role: String,
    pub kind: NoteKind,
    pub body: String,
    pub occurred_on: String,
    pub follow_up_on: Option<String>,
    pub follow_up_done: Option<(String, String)>,
    pub version: i64,
}
