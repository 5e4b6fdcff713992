//! The messages of the state machine: what happened ([`Action`], fed to `App::update`) and what
//! I/O `update` asks for ([`Effect`], performed by the runtime).

use super::{Command, DashboardData, Edit, Save, SaveOutcome};
use crate::model::Pivot;
use crate::model::{
    AttachmentView, BudgetPivot, BudgetRows, Date, DueItem, FiscalYear, Funnel, HistoryEntry,
    OutcomeTally, PiKey, PiOverview, ProjectDetail, ProjectRow, Scope, Sort,
};
use crate::query::Filter;

/// Something that happened: a command, an edit in the open input line or form, or an effect's result.
#[derive(Debug, Clone)]
pub enum Action {
    Command(Command),
    /// Editing the filter line, the palette's input or a form field.
    Edit(Edit),
    /// Enter in an input line; Ctrl-S in a form.
    Submit,
    /// A digit typed before a list key: a count (`5 Space` selects five rows).
    Count(u8),
    /// Esc in an input line, form or overlay.
    Cancel,
    /// Tab / Shift-Tab in a form.
    FocusNext,
    FocusPrev,
    Resize(u16, u16),
    /// About four times a second: retries a save that found the database busy.
    Tick,
    /// Another session committed: reload what the change can have moved on screen (all of it
    /// when the change is unknown or large), keeping cursor and selection.
    ExternalChange(crate::model::Changes),
    DashboardLoaded(Box<DashboardData>),
    ListLoaded {
        request: u64,
        ids: Vec<i64>,
    },
    /// The first screen of a list; the whole list follows after the frame.
    ListHeadLoaded {
        request: u64,
        ids: Vec<i64>,
    },
    RowsLoaded(Vec<ProjectRow>),
    DetailLoaded(Box<ProjectDetail>),
    /// The whole due board at once.
    DueLoaded(Vec<DueItem>),
    /// The due board's counts and the items on screen; the rest is read as it scrolls in.
    DueHeadLoaded(Box<crate::model::DueHead>),
    /// Items of the due board that came on screen, read from `seek`.
    DueRowsLoaded {
        seek: crate::model::DueSeek,
        items: Vec<DueItem>,
    },
    /// The due board's counts per officer and aging bucket.
    DueBoardLoaded(Vec<crate::model::DueBoardRow>),
    HistoryLoaded(Vec<HistoryEntry>),
    BudgetLoaded(Box<BudgetPivot>),
    FunnelLoaded(Box<Funnel>),
    OutcomesLoaded(Box<OutcomeTally>),
    SeamlessLoaded(Box<crate::model::Seamless>),
    PiLoaded(Box<PiOverview>),
    LinksLoaded {
        project_id: i64,
        links: Vec<AttachmentView>,
    },
    /// What became of a link (opened, or where it is when it cannot be opened here).
    LinkOpened(crate::opener::Opened),
    /// Total projects in the database (for `37 / 1,204`).
    TotalLoaded(i64),
    /// The active roster for the officer picker, with each officer's count of these targets.
    RosterLoaded {
        project_ids: Vec<i64>,
        roster: Vec<crate::model::RosterEntry>,
    },
    /// The successor offer's candidates: the target program's projects.
    SuccessorCandidates {
        program_id: i64,
        projects: Vec<crate::model::LineageProject>,
    },
    /// The reference data as stored now and the projects per program (the programs screen).
    ProgramsLoaded {
        reference: std::sync::Arc<crate::model::Reference>,
        counts: std::collections::HashMap<i64, i64>,
    },
    SaveDone(SaveOutcome),
    /// An effect failed; shown in the status line, in the officer's language.
    Failed(crate::msg::Msg),
}

/// I/O the runtime performs for `update`.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    LoadDashboard {
        pivot: Pivot,
        today: Date,
        /// Only the projects assigned to this officer (the dashboard's `o`).
        mine: Option<String>,
        /// Sum this fiscal year's allocations per cell (the dashboard's `b`).
        budget_year: Option<FiscalYear>,
    },
    /// The dashboard narrowed to a scope (`/` on the dashboard, `show dashboard --query`): as
    /// `LoadDashboard`, every figure of the projects matching `filter`.
    LoadScopedDashboard {
        pivot: Pivot,
        today: Date,
        mine: Option<String>,
        budget_year: Option<FiscalYear>,
        filter: Filter,
        scope: Scope,
    },
    LoadList {
        request: u64,
        filter: Filter,
        sort: Sort,
        scope: Scope,
    },
    LoadRows {
        ids: Vec<i64>,
        scope: Scope,
    },
    /// The first `limit` ids of a list (see `Store::project_ids_head`), else the whole list.
    LoadListHead {
        request: u64,
        filter: Filter,
        sort: Sort,
        scope: Scope,
        limit: usize,
    },
    /// An effect to perform after the next frame is drawn (the TUI shows what it has first).
    Later(Box<Effect>),
    LoadDetail {
        id: i64,
        /// Whose watch list the detail's ✦ reflects.
        me: String,
    },
    /// The due board up to 30 days ahead; `mine`: only what `scope.me` owes.
    LoadDue {
        mine: bool,
        scope: Scope,
    },
    /// At most `limit` items of the due board from `seek` (before it for `Before` / `End`).
    LoadDueRows {
        mine: bool,
        scope: Scope,
        seek: crate::model::DueSeek,
        limit: usize,
    },
    /// The due board's counts per officer and aging bucket.
    LoadDueBoard {
        mine: bool,
        scope: Scope,
    },
    LoadBudget {
        rows_by: BudgetRows,
        filter: Filter,
        scope: Scope,
    },
    LoadFunnel {
        year: FiscalYear,
        filter: Filter,
        scope: Scope,
    },
    /// The outcome tally of the projects matching `filter`.
    LoadOutcomes {
        filter: Filter,
        scope: Scope,
    },
    /// The gaps between programs over every lineage link.
    LoadSeamless,
    LoadPi {
        key: PiKey,
        today: Date,
    },
    /// A project's links (the links screen).
    LoadLinks {
        project_id: i64,
    },
    /// Opens a link with the system opener (`xdg-open`), or says where it is.
    OpenLink {
        target: String,
    },
    LoadHistory {
        project_id: i64,
    },
    CountProjects,
    /// The active roster for the officer picker over these projects.
    LoadRoster {
        project_ids: Vec<i64>,
    },
    /// The programs screen: the reference data and the projects per program.
    LoadPrograms,
    /// The projects of a highway flag's target program, for the successor offer (`exclude`: the
    /// predecessor).
    LoadSuccessorCandidates {
        program_id: i64,
        exclude: i64,
    },
    Save(Save),
}
