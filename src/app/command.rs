//! Commands: what a key can be bound to. Each has a stable name (used in the config file's
//! `[keys]` table and the palette) and Japanese / English descriptions.

use super::keymap::Mode;

/// A bindable command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    Up,
    Down,
    Left,
    Right,
    Top,
    Bottom,
    PageUp,
    PageDown,
    /// Drill down: a dashboard cell's projects, a list row's detail.
    Open,
    /// Back one level.
    Back,
    /// Quit from the top level; back on inner screens.
    Quit,
    /// Quit from anywhere.
    ForceQuit,
    Refresh,
    /// Dashboard rows: integrated projects ⇄ disease areas.
    TogglePivot,
    /// Dashboard → projects → highway queue → dashboard.
    NextScreen,
    /// Open the filter line.
    Filter,
    /// Toggle selection of the cursor row.
    ToggleSelect,
    /// Start / finish a range selection.
    SelectRange,
    /// Select every filtered row (again: clear the selection).
    SelectAll,
    /// Sort by the next column.
    SortNext,
    /// Reverse the sort.
    SortReverse,
    /// The key help for this screen.
    Help,
    /// The command palette.
    Palette,
    /// Next / previous note in the detail (the one `e`, `x`, `c` act on).
    NextNote,
    PrevNote,
    /// Write an accompaniment note.
    NewNote,
    /// Edit the focused note.
    EditNote,
    /// Delete the focused note (soft; undo brings it back).
    DeleteNote,
    /// Mark a follow-up done.
    CompleteFollowUp,
    /// Flag for highway support (the selection or the project).
    FlagProject,
    /// Move the open highway flag to its next status.
    MoveFlag,
    /// Move the project to another phase.
    MovePhase,
    /// Record a stage-gate decision.
    RecordGate,
    /// The project's history.
    History,
    /// Take back this session's last triage action.
    Undo,
    /// Due view: only my follow-ups / everyone's.
    ToggleMine,
    /// Assess the open flag's three licensing criteria again.
    ReviseCriteria,
    /// Export the list (its selection, else all its rows) to CSV.
    Export,
    /// Import a project list from CSV.
    Import,
    /// My portfolio: projects assigned to me or watched.
    Portfolio,
    /// Watch / unwatch the project (or the selection).
    ToggleWatch,
    /// Dashboard: counts ⇄ this fiscal year's budget (千円, or 百万円 when narrow).
    ToggleBudget,
    /// The budget pivot (fiscal years × integrated projects, programs or phases).
    BudgetView,
    /// Phase transitions and time in phase.
    Funnel,
    /// The PI's projects across programs.
    PiOverview,
    /// The institution's projects across programs.
    InstitutionOverview,
    /// The project's links (attachments).
    Links,
    /// Add a report / evaluation / stage-gate deadline to the project.
    AddDeadline,
    /// Add a file link (path or URL) to the project.
    AddLink,
    /// Assign / unassign officers (the picker) on the project or the selection.
    AssignOfficers,
    /// The programs (事業) and their links.
    Programs,
    /// Outcomes per integrated project × fiscal year (成果集計).
    OutcomeTally,
    /// Record an outcome of the project (薬事承認, 企業導出, …).
    RecordOutcome,
    /// Edit the project's own fields (detail).
    EditProject,
    /// Add a project.
    NewProject,
    /// Retire a project entered by mistake (after a confirmation).
    RetireProject,
    /// Correct or delete a recorded stage-gate decision (detail).
    CorrectGate,
    /// All projects (the unfiltered list), over the current screen.
    ProjectList,
    /// The highway queue (open flags, oldest first), over the current screen.
    HighwayQueue,
    /// The due board (follow-ups and deadlines), over the current screen.
    DueBoard,
    /// Back to the dashboard (closing every screen over it).
    Dashboard,
    /// The gaps between programs (切れ目): hand-overs per program pair, fiscal year and seed.
    Seamless,
    /// The matching radar (projects ending soon with no decision on their seed).
    RadarQueue,
}

impl Command {
    /// Every command, in palette order.
    pub const ALL: [Command; 63] = [
        Command::Open,
        Command::Programs,
        Command::Portfolio,
        Command::BudgetView,
        Command::Funnel,
        Command::PiOverview,
        Command::InstitutionOverview,
        Command::ToggleWatch,
        Command::ToggleBudget,
        Command::Links,
        Command::AddDeadline,
        Command::AddLink,
        Command::AssignOfficers,
        Command::OutcomeTally,
        Command::RecordOutcome,
        Command::EditProject,
        Command::NewProject,
        Command::RetireProject,
        Command::ReviseCriteria,
        Command::Export,
        Command::Import,
        Command::NewNote,
        Command::FlagProject,
        Command::MoveFlag,
        Command::MovePhase,
        Command::RecordGate,
        Command::EditNote,
        Command::DeleteNote,
        Command::CompleteFollowUp,
        Command::History,
        Command::Undo,
        Command::ToggleMine,
        Command::NextNote,
        Command::PrevNote,
        Command::Back,
        Command::Filter,
        Command::NextScreen,
        Command::TogglePivot,
        Command::ToggleSelect,
        Command::SelectRange,
        Command::SelectAll,
        Command::SortNext,
        Command::SortReverse,
        Command::Refresh,
        Command::Help,
        Command::Palette,
        Command::Quit,
        Command::ForceQuit,
        Command::Up,
        Command::Down,
        Command::Left,
        Command::Right,
        Command::Top,
        Command::Bottom,
        Command::PageUp,
        Command::PageDown,
        Command::CorrectGate,
        Command::ProjectList,
        Command::HighwayQueue,
        Command::DueBoard,
        Command::Dashboard,
        Command::Seamless,
        Command::RadarQueue,
    ];

    /// The name used in the config file and the palette.
    pub fn name(self) -> &'static str {
        self.describe().0
    }

    /// (name, Japanese, English).
    pub fn describe(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Command::Up => ("up", "上へ", "up"),
            Command::Down => ("down", "下へ", "down"),
            Command::Left => ("left", "左へ", "left"),
            Command::Right => ("right", "右へ", "right"),
            Command::Top => ("top", "先頭へ", "first row"),
            Command::Bottom => ("bottom", "末尾へ", "last row"),
            Command::PageUp => ("page_up", "前のページ", "page up"),
            Command::PageDown => ("page_down", "次のページ", "page down"),
            Command::Open => ("open", "開く（一覧・詳細へ）", "open (list, detail)"),
            Command::Back => ("back", "戻る", "back"),
            Command::Quit => (
                "quit",
                "終了（下位画面では戻る）",
                "quit (back on inner screens)",
            ),
            Command::ForceQuit => ("force_quit", "どこからでも終了", "quit from anywhere"),
            Command::Refresh => ("refresh", "再読み込み", "reload"),
            Command::TogglePivot => (
                "toggle_pivot",
                "統合PJ／疾患領域の切替",
                "projects / disease areas",
            ),
            Command::NextScreen => (
                "next_screen",
                "画面切替（ダッシュボード › 一覧 › ハイウェイ › レーダー › 期限）",
                "next screen (dashboard, list, highway, radar, due)",
            ),
            Command::Filter => ("filter", "絞り込み", "filter"),
            Command::ToggleSelect => (
                "toggle_select",
                "選択／解除（5 Space）",
                "select / unselect (5 Space)",
            ),
            Command::SelectRange => (
                "select_range",
                "範囲選択（開始／確定）",
                "range select (start / finish)",
            ),
            Command::SelectAll => (
                "select_all",
                "絞り込み結果を全選択／解除",
                "select all filtered / clear",
            ),
            Command::SortNext => ("sort_next", "並べ替え列を変更", "sort by next column"),
            Command::SortReverse => ("sort_reverse", "昇順／降順", "reverse sort"),
            Command::Help => ("help", "キー一覧", "key help"),
            Command::Palette => ("palette", "コマンド一覧", "command palette"),
            Command::NextNote => ("next_note", "次の記録を選択", "next note"),
            Command::PrevNote => ("prev_note", "前の記録を選択", "previous note"),
            Command::NewNote => ("new_note", "伴走支援記録を書く", "write a note"),
            Command::EditNote => ("edit_note", "選択中の記録を編集", "edit the selected note"),
            Command::DeleteNote => (
                "delete_note",
                "選択中の記録を削除（取り消し可）",
                "delete the selected note (undoable)",
            ),
            Command::CompleteFollowUp => {
                ("complete_follow_up", "フォローアップ完了", "follow-up done")
            }
            Command::FlagProject => (
                "flag",
                "ハイウェイ支援フラグを立てる",
                "flag for highway support",
            ),
            Command::MoveFlag => (
                "move_flag",
                "フラグの状態を進める（推薦・採用など）",
                "move the flag (recommend, accept, ...)",
            ),
            Command::MovePhase => ("move_phase", "フェーズを移行", "move to another phase"),
            Command::RecordGate => (
                "record_gate",
                "ステージゲート判定を記録",
                "record a stage gate",
            ),
            Command::History => ("history", "変更履歴", "history"),
            Command::Undo => ("undo", "直前の操作を取り消す", "undo my last action"),
            Command::ToggleMine => ("toggle_mine", "自分の分だけ／全員", "mine only / everyone"),
            Command::ReviseCriteria => (
                "revise_criteria",
                "導出基準（3項目）の評価を更新",
                "revise the three licensing criteria",
            ),
            Command::Export => (
                "export",
                "CSVに書き出す（選択行、なければ一覧全体）",
                "export to CSV (selection, else the whole list)",
            ),
            Command::Import => (
                "import",
                "CSVから課題を取り込む",
                "import projects from CSV",
            ),
            Command::Portfolio => (
                "portfolio",
                "マイポートフォリオ（担当＋ウォッチ）",
                "my portfolio (assigned + watched)",
            ),
            Command::ToggleWatch => ("toggle_watch", "ウォッチする／やめる", "watch / unwatch"),
            Command::ToggleBudget => (
                "toggle_budget",
                "課題数／今年度配分額の切替",
                "counts / this year's budget",
            ),
            Command::BudgetView => ("budget", "年度別配分額の集計", "budget by fiscal year"),
            Command::Funnel => (
                "funnel",
                "フェーズ推移と滞留日数",
                "phase funnel and time in phase",
            ),
            Command::PiOverview => ("pi", "研究代表者の全課題", "the PI's projects"),
            Command::InstitutionOverview => {
                ("institution", "機関の全課題", "the institution's projects")
            }
            Command::Links => ("links", "添付リンク一覧", "links (attachments)"),
            Command::AddDeadline => (
                "add_deadline",
                "期限（年次報告・評価・ステージゲート）を追加",
                "add a deadline (report, evaluation, stage gate)",
            ),
            Command::AddLink => ("add_link", "添付リンクを追加", "add a file link"),
            Command::AssignOfficers => (
                "assign_officers",
                "担当者を割り当て／外す",
                "assign / unassign officers",
            ),
            Command::Programs => (
                "programs",
                "事業一覧（統合PJ・課題数・後継事業）",
                "programs (integrated project, projects, successors)",
            ),
            Command::OutcomeTally => (
                "outcome_tally",
                "成果集計（統合PJ×年度）",
                "outcomes by integrated project and fiscal year",
            ),
            Command::RecordOutcome => (
                "record_outcome",
                "成果（承認・導出・PoC・治験・論文）を記録",
                "record an outcome (approval, licensing, PoC, trial, paper)",
            ),
            Command::EditProject => (
                "edit_project",
                "課題の項目を編集（企業導出・終了日など）",
                "edit the project's fields (licensing, end date, ...)",
            ),
            Command::NewProject => ("new_project", "課題を1件追加", "add a project"),
            Command::RetireProject => (
                "retire_project",
                "誤登録の課題を除外（確認あり、取り消し可）",
                "retire a mistaken project (confirmed, undoable)",
            ),
            Command::CorrectGate => (
                "correct_gate",
                "ステージゲート判定の訂正・削除",
                "correct or delete a stage-gate decision",
            ),
            Command::ProjectList => ("project_list", "課題一覧（全課題）", "all projects"),
            Command::HighwayQueue => (
                "highway_queue",
                "ハイウェイ支援キュー（旗の古い順）",
                "highway queue (oldest flag first)",
            ),
            Command::DueBoard => (
                "due_board",
                "期限ボード（フォローアップ・報告・評価）",
                "due board (follow-ups, reports, evaluations)",
            ),
            Command::Dashboard => ("dashboard", "ダッシュボードへ", "to the dashboard"),
            Command::Seamless => (
                "seamless",
                "事業間の切れ目（引継ぎの日数・シーズ別の期間）",
                "gaps between programs (hand-over days, seeds)",
            ),
            Command::RadarQueue => (
                "radar",
                "マッチング・レーダー（終了が近く判断のない課題）",
                "matching radar (ending soon, no decision)",
            ),
        }
    }

    /// What the command does on a screen of `mode`, for the help and the palette: `t` toggles
    /// something different on each screen, and `q` only quits from the dashboard.
    pub fn describe_in(self, mode: Mode, lang: crate::Lang) -> &'static str {
        let (ja, en) = match (self, mode) {
            (Command::Quit, Mode::Dashboard | Mode::Global) => ("終了", "quit"),
            (Command::Quit, _) => (
                "戻る（ダッシュボードでは終了）",
                "back (quit on the dashboard)",
            ),
            (Command::TogglePivot, Mode::Due) => (
                "担当者別の件数表／期限順の一覧の切替",
                "by officer / by due date",
            ),
            (Command::TogglePivot, Mode::Budget) => (
                "行の切替（統合PJ › 事業 › フェーズ）",
                "rows: integrated project › program › phase",
            ),
            (Command::TogglePivot, Mode::Pi) => (
                "研究代表者／所属機関の切替（カーソル行の課題から）",
                "PI / institution (of the cursor row's project)",
            ),
            (Command::TogglePivot, Mode::Programs) => {
                ("廃止事業の表示／非表示", "show / hide retired programs")
            }
            (Command::TogglePivot, Mode::Outcomes) => (
                "成果の種類を切替（承認・導出・PoC・治験・論文・全種別）",
                "outcome kind (approval, licensing, PoC, trial, paper, all)",
            ),
            (Command::Open, Mode::Detail) => (
                "J/K で選んだ系譜の課題を開く（未選択なら研究代表者の課題）",
                "open the lineage project J/K focused (else the PI's projects)",
            ),
            (Command::NextNote, Mode::Detail) => (
                "次を選択（系譜の課題、記録）",
                "next lineage project or note",
            ),
            (Command::PrevNote, Mode::Detail) => (
                "前を選択（系譜の課題、記録）",
                "previous lineage project or note",
            ),
            (Command::TogglePivot, Mode::Seamless) => (
                "表示の切替（事業間 › 年度別 › シーズ別）",
                "view: program pairs › fiscal years › seeds",
            ),
            (Command::Open, Mode::Seamless) => (
                "行の後継課題（シーズ別は系譜の課題）を開く",
                "open the row's successors (a seed: its chain)",
            ),
            (Command::Open, Mode::Budget | Mode::Funnel | Mode::Outcomes) => {
                ("セルの課題一覧を開く", "open the projects behind the cell")
            }
            (Command::Left | Command::Right, Mode::Funnel) => {
                ("前年度／次年度", "previous / next fiscal year")
            }
            _ => {
                let (_, ja, en) = self.describe();
                (ja, en)
            }
        };
        crate::tr(lang, ja, en)
    }

    /// The footer hint's word for the command on a screen of `mode` (see [`Command::describe_in`]).
    pub fn short_in(self, mode: Mode, lang: crate::Lang) -> &'static str {
        let (ja, en) = match (self, mode) {
            (Command::Quit, Mode::Dashboard | Mode::Global) => ("終了", "quit"),
            (Command::Quit, _) => ("戻る", "back"),
            (Command::TogglePivot, Mode::Due) => ("担当者別", "by officer"),
            (Command::TogglePivot, Mode::Pi) => ("代表者／機関", "PI/institution"),
            (Command::TogglePivot, Mode::Programs) => ("廃止事業", "retired"),
            (Command::TogglePivot, Mode::Outcomes) => ("種類", "kind"),
            (Command::TogglePivot, Mode::Seamless) => ("表示", "view"),
            _ => return self.short(lang),
        };
        crate::tr(lang, ja, en)
    }

    /// A one-word label for the footer hints.
    pub fn short(self, lang: crate::Lang) -> &'static str {
        let (ja, en) = match self {
            Command::Open => ("開く", "open"),
            Command::Quit => ("終了", "quit"),
            Command::NextScreen => ("画面", "screen"),
            Command::Help => ("ヘルプ", "help"),
            Command::Palette => ("コマンド", "commands"),
            Command::TogglePivot => ("行切替", "rows"),
            Command::Filter => ("絞込", "filter"),
            Command::ToggleSelect => ("選択", "select"),
            Command::SortNext => ("並替", "sort"),
            Command::NewNote => ("記録", "note"),
            Command::FlagProject => ("旗", "flag"),
            Command::MoveFlag => ("旗移動", "move flag"),
            Command::MovePhase => ("フェーズ", "phase"),
            Command::History => ("履歴", "history"),
            Command::Undo => ("取消", "undo"),
            Command::CompleteFollowUp => ("完了", "done"),
            Command::ToggleMine => ("自分", "mine"),
            Command::ReviseCriteria => ("基準", "criteria"),
            Command::EditNote => ("編集", "edit"),
            Command::Export => ("書出", "export"),
            Command::Portfolio => ("担当", "mine"),
            Command::ToggleWatch => ("ウォッチ", "watch"),
            Command::ToggleBudget => ("配分額", "budget"),
            Command::BudgetView => ("予算", "budget"),
            Command::Funnel => ("推移", "funnel"),
            Command::PiOverview => ("代表者", "PI"),
            Command::Links => ("添付", "links"),
            Command::AssignOfficers => ("担当者", "officers"),
            Command::Programs => ("事業", "programs"),
            Command::OutcomeTally => ("成果集計", "outcomes"),
            Command::Seamless => ("切れ目", "gaps"),
            Command::RecordOutcome => ("成果", "outcome"),
            other => return other.describe().2,
        };
        crate::tr(lang, ja, en)
    }

    /// A scroll offset after this command over `lines` lines shown `page` at a time (pages overlap
    /// by a line; the last page ends at the last line).
    pub fn scroll(self, offset: usize, lines: usize, page: usize) -> usize {
        let max = lines.saturating_sub(page);
        let step = page.saturating_sub(1).max(1);
        match self {
            Command::Up => offset.saturating_sub(1),
            Command::Down => offset + 1,
            Command::Top => 0,
            Command::Bottom => max,
            Command::PageUp => offset.saturating_sub(step),
            Command::PageDown => offset + step,
            _ => offset,
        }
        .min(max)
    }

    /// Whether this command moves a cursor or scrolls.
    pub fn is_navigation(self) -> bool {
        matches!(
            self,
            Command::Up
                | Command::Down
                | Command::Top
                | Command::Bottom
                | Command::PageUp
                | Command::PageDown
        )
    }

    /// A cursor and scroll offset after this command over `len` rows shown `page` at a time.
    pub fn move_cursor(
        self,
        cursor: usize,
        offset: usize,
        len: usize,
        page: usize,
    ) -> (usize, usize) {
        let last = len.saturating_sub(1);
        let page = page.max(1);
        let cursor = match self {
            Command::Up => cursor.saturating_sub(1),
            Command::Down => cursor + 1,
            Command::Top => 0,
            Command::Bottom => last,
            Command::PageUp => cursor.saturating_sub(page),
            Command::PageDown => cursor + page,
            _ => cursor,
        }
        .min(last);
        let offset = if cursor < offset {
            cursor
        } else if cursor >= offset + page {
            cursor + 1 - page
        } else {
            offset
        };
        (cursor, offset)
    }

    /// The command with this config name.
    pub fn from_name(name: &str) -> Option<Command> {
        Command::ALL.into_iter().find(|c| c.name() == name)
    }
}
