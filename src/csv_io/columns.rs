//! Column definitions of every CSV shape: Japanese header, English header (also the name for
//! `--columns`) and accepted aliases; header matching ignores case, width (NFKC), spaces and `_`.

use crate::Lang;
use crate::model::fold_key;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    // projects
    AmedId,
    Title,
    Program,
    IntegratedProject,
    Institution,
    PiName,
    PiTitle,
    StartDate,
    EndDate,
    Budget,
    Phase,
    Modality,
    DiseaseAreas,
    Summary,
    Licensing,
    Partner,
    Highway,
    // notes
    NoteDate,
    NoteKind,
    NoteAuthor,
    NoteRole,
    NoteBody,
    FollowUpOn,
    FollowUpDoneAt,
    FollowUpDoneBy,
    // highway flags
    FlagStatus,
    FlagTarget,
    FlagReason,
    Competitive,
    CompetitiveNote,
    IpPortfolio,
    IpNote,
    Evidence,
    EvidenceNote,
    FlaggedBy,
    FlaggedAt,
    DecidedAt,
    DecisionNote,
    // stage gates
    Gate,
    GateDate,
    GateDecision,
    GateNote,
    GateBy,
    // KAKEN (import only)
    KakenTitle,
    KakenNumber,
    KakenPeriod,
    KakenPi,
    KakenInstitution,
    KakenBudget,
    KakenKeywords,
    // fiscal-year budgets
    FiscalYear,
    Allocation,
    // officers and assignments
    OfficerName,
    OfficerRole,
    OfficerLogin,
    RetiredOn,
    AssignedFrom,
    AssignedTo,
    // programs (事業)
    ProgramCode,
    ProgramName,
    ProgramNameEn,
    Ministry,
    FirstPhase,
    LastPhase,
    // program links
    Preceding,
    Successor,
    LinkKind,
    LinkSince,
    // outcomes
    OutcomeKind,
    OutcomeDate,
    OutcomeProduct,
    OutcomeDetail,
    // lineage (系譜)
    LineagePredecessor,
    LineageSuccessor,
    LineageKind,
    LinkedBy,
    LinkedAt,
}

/// One column of a CSV shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub field: Field,
    /// Japanese header (the default).
    pub ja: &'static str,
    /// English header (`--lang en`), also accepted by `--columns` and import.
    pub en: &'static str,
    /// Other headers import accepts.
    pub aliases: &'static [&'static str],
    /// Import refuses a file without this column, and an empty cell in it.
    pub required: bool,
}

impl Column {
    /// The header in `lang`.
    pub fn header(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ja => self.ja,
            Lang::En => self.en,
        }
    }

    /// Whether `name` names this column (any header or alias).
    pub fn matches(&self, name: &str) -> bool {
        let key = header_key(name);
        [self.ja, self.en]
            .iter()
            .chain(self.aliases)
            .any(|n| header_key(n) == key)
    }
}

/// The form headers are compared in: NFKC, lower case, without spaces or `_`.
pub fn header_key(name: &str) -> String {
    fold_key(name).replace(['_', '\u{3000}'], "")
}

const fn col(
    field: Field,
    ja: &'static str,
    en: &'static str,
    aliases: &'static [&'static str],
    required: bool,
) -> Column {
    Column {
        field,
        ja,
        en,
        aliases,
        required,
    }
}

/// 研究開発課題: the export columns and the import format `amed`, in file order.
#[rustfmt::skip]
pub const PROJECTS: &[Column] = &[
    col(Field::AmedId, "課題管理番号", "amed_id", &["課題番号", "AMED ID", "id"], true),
    col(Field::Title, "研究開発課題名", "title", &["課題名"], true),
    col(Field::Program, "事業名", "program", &["事業"], true),
    col( Field::IntegratedProject, "統合プロジェクト", "integrated_project", &["ip"], false),
    col( Field::Institution, "代表研究機関", "institution", &["研究機関"], true),
    col( Field::PiName, "研究開発代表者", "pi_name", &["研究開発代表者氏名", "代表者", "pi"], true),
    col( Field::PiTitle, "役職", "pi_title", &["研究開発代表者役職"], false),
    col( Field::StartDate, "開始日", "start_date", &["研究開発期間(開始)", "開始"], true),
    col( Field::EndDate, "終了日", "end_date", &["研究開発期間(終了)", "終了"], false),
    col( Field::Budget, "総配分額(千円)", "budget_total_kyen", &["budget_kyen", "budget"], false),
    col( Field::Phase, "研究開発フェーズ", "phase", &["フェーズ"], true),
    col( Field::Modality, "承認上の分類", "modality", &["モダリティ"], false),
    col( Field::DiseaseAreas, "対象疾患", "disease_areas", &["疾患領域", "disease_area"], false),
    col(Field::Summary, "概要", "summary", &["研究開発概要"], false),
    col( Field::Licensing, "企業導出", "licensing_status", &["licensing"], false),
    col( Field::Partner, "並走企業", "partner_company", &["partner"], false),
    col( Field::Highway, "ハイウェイ", "highway", &["highway_flag", "ハイウェイ支援"], false),
];

/// 伴走支援記録 (export only).
#[rustfmt::skip]
pub const NOTES: &[Column] = &[
    col(Field::AmedId, "課題管理番号", "amed_id", &[], true),
    col(Field::NoteDate, "日付", "occurred_on", &[], true),
    col(Field::NoteKind, "種別", "kind", &[], true),
    col(Field::NoteAuthor, "記録者", "author", &[], true),
    col(Field::NoteRole, "役割", "author_role", &[], true),
    col(Field::NoteBody, "本文", "body", &[], true),
    col( Field::FollowUpOn, "フォローアップ期限", "follow_up_on", &[], false),
    col( Field::FollowUpDoneAt, "フォローアップ完了日時", "follow_up_done_at", &[], false),
    col( Field::FollowUpDoneBy, "フォローアップ完了者", "follow_up_done_by", &[], false),
];

/// ハイウェイ支援フラグ (export only).
#[rustfmt::skip]
pub const FLAGS: &[Column] = &[
    col(Field::AmedId, "課題管理番号", "amed_id", &[], true),
    col(Field::FlagStatus, "状態", "status", &[], true),
    col(Field::FlagTarget, "推薦先事業", "target_program", &[], true),
    col(Field::FlagReason, "理由", "reason", &[], true),
    col( Field::Competitive, "競合優位性", "competitive_advantage", &[], true),
    col( Field::CompetitiveNote, "競合優位性メモ", "competitive_note", &[], false),
    col( Field::IpPortfolio, "知財ポートフォリオ", "ip_portfolio", &[], true),
    col(Field::IpNote, "知財メモ", "ip_note", &[], false),
    col( Field::Evidence, "有効性・安全性・再現性データ", "evidence_data", &[], true),
    col( Field::EvidenceNote, "データメモ", "evidence_note", &[], false),
    col(Field::FlaggedBy, "登録者", "flagged_by", &[], true),
    col(Field::FlaggedAt, "登録日時", "created_at", &[], true),
    col(Field::DecidedAt, "決定日時", "decided_at", &[], false),
    col(Field::DecisionNote, "決定メモ", "decision_note", &[], false),
];

/// ステージゲート (export only).
#[rustfmt::skip]
pub const GATES: &[Column] = &[
    col(Field::AmedId, "課題管理番号", "amed_id", &[], true),
    col(Field::Gate, "ゲート", "gate", &[], true),
    col(Field::GateDate, "判定日", "decided_on", &[], true),
    col(Field::GateDecision, "判定", "decision", &[], true),
    col(Field::GateNote, "メモ", "note", &[], false),
    col(Field::GateBy, "記録者", "recorded_by", &[], true),
];

/// 年度別配分額: one row per project and fiscal year (import and export).
#[rustfmt::skip]
pub const BUDGETS: &[Column] = &[
    col(Field::AmedId, "課題管理番号", "amed_id", &["課題番号", "AMED ID", "id"], true),
    col(Field::FiscalYear, "年度", "fiscal_year", &["FY"], true),
    col(Field::Allocation, "配分額(千円)", "amount_kyen", &["配分額"], true),
];

/// 担当: one row per assignment, current (empty 担当終了日) or ended (import and export).
#[rustfmt::skip]
pub const ASSIGNMENTS: &[Column] = &[
    col(Field::AmedId, "課題管理番号", "amed_id", &["課題番号", "AMED ID", "id"], true),
    col(Field::OfficerName, "氏名", "name", &["担当者", "officer"], true),
    col(Field::OfficerRole, "役割", "role", &[], false),
    col(Field::AssignedFrom, "担当開始日", "from", &["開始日", "assigned_on"], false),
    col(Field::AssignedTo, "担当終了日", "to", &["終了日", "unassigned_on"], false),
];

/// 担当者名簿: the roster (import and export).
#[rustfmt::skip]
pub const OFFICERS: &[Column] = &[
    col(Field::OfficerName, "氏名", "name", &["officer"], true),
    col(Field::OfficerRole, "役割", "role", &[], true),
    col(Field::OfficerLogin, "ログイン", "login", &["アカウント", "account"], false),
    col(Field::RetiredOn, "退任日", "retired_on", &["retired"], false),
];

/// 事業: one row per program (import and export; import upserts by コード).
#[rustfmt::skip]
pub const PROGRAMS: &[Column] = &[
    col(Field::ProgramCode, "コード", "code", &["事業コード", "program_code"], true),
    col(Field::ProgramName, "事業名", "name", &["name_ja", "program"], true),
    col(Field::ProgramNameEn, "英語名", "name_en", &["英文名", "english_name"], false),
    col(Field::Ministry, "府省", "ministry", &["所管府省", "省庁"], true),
    col(Field::IntegratedProject, "統合プロジェクト", "integrated_project", &["ip"], true),
    col(Field::FirstPhase, "開始フェーズ", "first_phase", &[], true),
    col(Field::LastPhase, "終了フェーズ", "last_phase", &[], true),
    col(Field::RetiredOn, "廃止日", "retired_on", &["retired"], false),
];

/// 事業間の連携 (ペアリング / マッチング): one row per link (import and export).
#[rustfmt::skip]
pub const LINKS: &[Column] = &[
    col(Field::Preceding, "先行事業", "preceding", &["preceding_program"], true),
    col(Field::Successor, "後継事業", "successor", &["successor_program"], true),
    col(Field::LinkKind, "種別", "kind", &[], true),
    col(Field::LinkSince, "開始日", "since", &[], false),
];

/// 系譜: one row per link between two projects (import and export; 記録者 and 記録日時 are
/// written for the record and ignored on import, which records its own).
#[rustfmt::skip]
pub const LINEAGE: &[Column] = &[
    col(Field::LineagePredecessor, "前身課題管理番号", "predecessor", &["前身課題", "predecessor_amed_id"], true),
    col(Field::LineageSuccessor, "後継課題管理番号", "successor", &["後継課題", "successor_amed_id"], true),
    col(Field::LineageKind, "種別", "kind", &["系譜種別"], false),
    col(Field::LinkedBy, "記録者", "linked_by", &[], false),
    col(Field::LinkedAt, "記録日時", "linked_at", &[], false),
];

/// 成果: one row per outcome (import and export).
#[rustfmt::skip]
pub const OUTCOMES: &[Column] = &[
    col(Field::AmedId, "課題管理番号", "amed_id", &["課題番号", "AMED ID", "id"], true),
    col(Field::OutcomeKind, "種別", "kind", &["成果種別", "outcome"], true),
    col(Field::OutcomeDate, "日付", "date", &["occurred_on", "年月日"], true),
    col(Field::OutcomeProduct, "製品名", "product", &["product_name", "製品"], false),
    col(Field::OutcomeDetail, "内容", "detail", &["詳細", "概要"], false),
];

/// KAKEN (科研費) CSV exports: the import format `kaken`.
#[rustfmt::skip]
pub const KAKEN: &[Column] = &[
    col(Field::KakenTitle, "研究課題名", "kaken_title", &[], true),
    col( Field::KakenNumber, "研究課題/領域番号", "award_number", &["研究課題番号"], true),
    col( Field::KakenPeriod, "研究期間 (年度)", "period", &["研究期間"], true),
    col( Field::KakenPi, "研究代表者", "principal_investigator", &[], true),
    col( Field::KakenInstitution, "研究機関", "research_institution", &[], true),
    col(Field::KakenBudget, "総配分額", "total_award", &[], false),
    col(Field::KakenKeywords, "キーワード", "keywords", &[], false),
];

/// The column of `table` that `name` names, or a hint with the closest header.
pub fn find(table: &'static [Column], name: &str) -> Result<&'static Column, crate::msg::Msg> {
    if let Some(c) = table.iter().find(|c| c.matches(name)) {
        return Ok(c);
    }
    let key = header_key(name);
    let closest = table
        .iter()
        .flat_map(|c| [c.ja, c.en])
        .min_by_key(|n| strsim::levenshtein(&header_key(n), &key))
        .unwrap_or("");
    Err(crate::msg::csv::did_you_mean_column(closest))
}

/// Parses `--columns`: names separated by `,` (or `、`), each a Japanese or English header.
pub fn select(
    table: &'static [Column],
    list: &str,
) -> Result<Vec<&'static Column>, crate::msg::Msg> {
    let mut out = Vec::new();
    for name in list
        .split([',', '、', '，'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        let column = find(table, name).map_err(|hint| {
            crate::msg::csv::unknown_export_column(&crate::text::sanitize_line(name), &hint)
        })?;
        if !out.contains(&column) {
            out.push(column);
        }
    }
    if out.is_empty() {
        return Err(crate::msg::csv::no_column_named());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_across_width_case_and_spacing() {
        let budget = &PROJECTS[9];
        assert!(budget.matches("総配分額（千円）"));
        assert!(budget.matches("Budget Total Kyen"));
        assert!(KAKEN[2].matches("研究期間(年度)"));
        assert!(!PROJECTS[0].matches("課題管理"));
    }

    #[test]
    fn every_header_names_one_column_per_table() {
        for table in [
            PROJECTS,
            NOTES,
            FLAGS,
            GATES,
            KAKEN,
            BUDGETS,
            ASSIGNMENTS,
            OFFICERS,
            PROGRAMS,
            LINKS,
            OUTCOMES,
            LINEAGE,
        ] {
            for c in table {
                for name in [c.ja, c.en].iter().chain(c.aliases) {
                    let hits = table.iter().filter(|o| o.matches(name)).count();
                    assert_eq!(hits, 1, "{name}");
                }
            }
        }
    }

    #[test]
    fn columns_list_resolves_both_languages_and_suggests() {
        let cols = select(PROJECTS, "amed_id,研究開発課題名, phase").unwrap();
        assert_eq!(cols.len(), 3);
        let e = select(PROJECTS, "titel").unwrap_err();
        assert!(e.to_string().contains("did you mean 'title'"), "{e}");
    }
}
