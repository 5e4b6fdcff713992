//! Hints of the filter language (`/` on screen, `--query` on the command line): what a term
//! that could not be understood should look like. Field names and example terms are the
//! language's own words and stay as they are.

use super::Msg;
use crate::model::{Coded, FlagStatus, Modality, Phase};

/// An example term of `field`, in both languages.
pub fn example(field: &str) -> Msg {
    let (ja, en) = match field {
        "ip" => ("ip:drug", "ip:drug"),
        "area" => ("area:がん", "area:がん"),
        "phase" => (
            "phase:非臨床 や phase:応用..臨床",
            "phase:nonclinical or phase:applied..clinical",
        ),
        "modality" => ("modality:医療機器", "modality:device"),
        "program" => ("program:橋渡し", "program:橋渡し"),
        "po" => ("po:岩崎", "po:岩崎"),
        "flag" => (
            "flag:highway や flag:recommended",
            "flag:highway or flag:recommended",
        ),
        "due" => ("due:overdue や due:31-60", "due:overdue or due:31-60"),
        "mine" => ("mine や mine:watch", "mine or mine:watch"),
        "watch" => ("watch:yes", "watch:yes"),
        "stalled" => ("stalled:yes", "stalled:yes"),
        "outcome" => (
            "outcome:licensing や outcome:薬事承認@2024",
            "outcome:licensing or outcome:approval@2024",
        ),
        "fy" => (
            "fy:2025、fy:2024..2026 や fy:any",
            "fy:2025, fy:2024..2026 or fy:any",
        ),
        "inphase" => ("inphase:応用@2025", "inphase:applied@2025"),
        "moved" => ("moved:応用@2025", "moved:applied@2025"),
        "ending" => (
            "ending:180、ending:6m や ending:overdue",
            "ending:180, ending:6m or ending:overdue",
        ),
        _ => ("id:JP24", "id:JP24"),
    };
    Msg::new(ja, en)
}

pub fn unknown_field(field: &str, fields: &str) -> Msg {
    Msg::new(
        format!("'{field}:' という項目はありません。項目: {fields}"),
        format!("unknown field '{field}:'; fields are {fields}"),
    )
}

pub fn needs_value(field: &str) -> Msg {
    let e = example(field);
    Msg::new(
        format!("'{field}:' の後に値を書いてください（例: {}）", e.ja),
        format!("'{field}:' needs a value, e.g. {}", e.en),
    )
}

pub fn try_example(field: &str) -> Msg {
    let e = example(field);
    Msg::new(format!("例: {}", e.ja), format!("try {}", e.en))
}

/// What a name was looked up as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    IntegratedProject,
    DiseaseArea,
    Program,
}

/// A name that matches nothing; `closest`: the nearest valid name.
pub fn unknown_name(kind: NameKind, closest: Option<&str>) -> Msg {
    let (ja, en) = match kind {
        NameKind::IntegratedProject => ("統合プロジェクト", "integrated project"),
        NameKind::DiseaseArea => ("疾患領域", "disease area"),
        NameKind::Program => ("事業", "program"),
    };
    match closest {
        Some(n) => Msg::new(
            format!("該当する{ja}がありません。'{n}' のことですか"),
            format!("unknown {en}; did you mean '{n}'?"),
        ),
        None => Msg::new(format!("該当する{ja}がありません"), format!("unknown {en}")),
    }
}

pub fn phase_expected() -> Msg {
    let ja: Vec<&str> = Phase::ALL.iter().map(|p| p.name_ja()).collect();
    let en: Vec<&str> = Phase::ALL.iter().map(|p| p.code()).collect();
    Msg::new(
        format!("段階は {}（範囲は 応用..臨床）", ja.join("・")),
        format!(
            "expected {} (or a range such as applied..clinical)",
            en.join(", ")
        ),
    )
}

pub fn modality_expected() -> Msg {
    let ja: Vec<&str> = Modality::ALL.iter().map(|m| m.name_ja()).collect();
    let en: Vec<&str> = Modality::ALL.iter().map(|m| m.code()).collect();
    Msg::new(
        format!("{} のいずれかを書いてください", ja.join("、")),
        format!("expected {}", en.join(", ")),
    )
}

pub fn flag_expected() -> Msg {
    let codes = FlagStatus::codes_list();
    Msg::new(
        format!("highway、any、none または状態（{codes}）を書いてください"),
        format!("expected highway, any, none or a status: {codes}"),
    )
}

pub fn due_expected() -> Msg {
    Msg::new(
        "overdue（期限超過）、today（今日）、yes（今日まで）、week（今週）、30（30日以内）、または超過日数 1-30、31-60、61+ を書いてください",
        "expected overdue, today, yes (today or earlier), week, 30 (next 30 days), or days overdue 1-30, 31-60, 61+",
    )
}

pub fn mine_expected() -> Msg {
    Msg::new(
        "yes（担当）、watch（担当またはウォッチ）、no のいずれかを書いてください",
        "expected yes, watch (assigned or watched) or no",
    )
}

pub fn yes_no_expected() -> Msg {
    Msg::new("yes か no を書いてください", "expected yes or no")
}

pub fn not_a_fiscal_year(text: &str) -> Msg {
    Msg::new(
        format!("'{text}' は年度ではありません（例: outcome:licensing@2024、@令和6年度）"),
        format!("'{text}' is not a fiscal year; write e.g. outcome:licensing@2024 or @令和6年度"),
    )
}

pub fn unknown_outcome_kind() -> Msg {
    Msg::new(
        "不明な成果の種別です。any、approval（薬事承認）、licensing（企業導出）、nonclinical-poc（非臨床PoC）、clinical-trial（治験）、paper（論文）のいずれかを書いてください",
        "unknown outcome kind; expected any, approval, licensing, nonclinical-poc, clinical-trial or paper",
    )
}

/// A `fy:` value that is no fiscal year.
pub fn not_a_fiscal_year_term(value: &str) -> Msg {
    Msg::new(
        format!("'{value}' は年度ではありません。例: fy:2025、fy:2024..2026、fy:any"),
        format!("'{value}' is not a fiscal year; write e.g. fy:2025, fy:2024..2026 or fy:any"),
    )
}

/// An `inphase:` / `moved:` value that is not `PHASE@YEAR` (`bad`: the part that did not read).
pub fn phase_at_year(bad: Option<&str>) -> Msg {
    let ja = "段階と年度を書いてください（例: 応用@2025、applied@令和7年度）";
    let en = "write a phase and a fiscal year, e.g. 応用@2025 or applied@令和7年度";
    match bad {
        Some(b) => Msg::new(
            format!("'{b}' は読めません。{ja}"),
            format!("'{b}' does not read; {en}"),
        ),
        None => Msg::new(ja, en),
    }
}

/// An `ending:` value that is no window.
pub fn ending_expected() -> Msg {
    Msg::new(
        "日数（ending:180、最大3650）、月数（ending:6m、最大120）または overdue（終了後で判断なし）を書いてください",
        "expected days (ending:180, at most 3650), months (ending:6m, at most 120) or overdue (ended without a decision)",
    )
}
