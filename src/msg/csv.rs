//! Problems of an imported file (`file:line: column: what was wrong, what was expected`) and
//! the notes of an import, in both languages. Column headers (課題管理番号, 年度) are the file's
//! own words and are quoted as they are.

use super::Msg;
use crate::Lang;
use std::fmt::Display;

/// The name of a kind of value a cell holds, for "unknown phase '臨床試験'".
fn noun(what: &str) -> (&'static str, &'static str) {
    match what {
        "phase" => ("段階", "phase"),
        "modality" => ("モダリティ", "modality"),
        "licensing status" => ("企業導出の状況", "licensing status"),
        "integrated project" => ("統合プロジェクト", "integrated project"),
        "disease area" => ("疾患領域", "disease area"),
        "program" => ("事業", "program"),
        "link kind" => ("連携の種別", "link kind"),
        "lineage kind" => ("系譜の種別", "lineage kind"),
        "role" => ("役割", "role"),
        "officer" => ("担当者", "officer"),
        "ministry" => ("府省", "ministry"),
        _ => ("値", "value"),
    }
}

/// `unknown phase '臨床試験'; did you mean '臨床'?`
pub fn unknown_value(what: &str, value: &str, closest: Option<&str>) -> Msg {
    let (ja, en) = noun(what);
    match closest {
        Some(name) => Msg::new(
            format!("{ja} '{value}' はありません。'{name}' のことですか"),
            format!("unknown {en} '{value}'; did you mean '{name}'?"),
        ),
        None => Msg::new(
            format!("{ja} '{value}' はありません"),
            format!("unknown {en} '{value}'"),
        ),
    }
}

/// An empty cell where a coded value is required; `names`: the values it may hold.
pub fn empty_coded(what: &str, names: &str) -> Msg {
    let (ja, en) = noun(what);
    Msg::new(
        format!("空です。{ja}（{names}）を書いてください"),
        format!("empty; expected a {en} ({names})"),
    )
}

pub fn role_choices(m: &Msg) -> Msg {
    Msg::new(
        format!("{}（PD、PS、PO、DC のいずれか）", m.ja),
        format!("{} (PD, PS, PO or DC)", m.en),
    )
}

pub fn area_ambiguous(value: &str, names: &[&str]) -> Msg {
    Msg::new(
        format!(
            "疾患領域 '{value}' は {} 件の名前の一部です: {}。どれか一つを書いてください",
            names.len(),
            names.join("、")
        ),
        format!(
            "disease area '{value}' is part of {} names: {}; write one of them",
            names.len(),
            names.join(", ")
        ),
    )
}

/// `seedline program add …`: how to add a program named `name` (phases in `lang`'s names).
fn add_program(name: &str, lang: Lang) -> String {
    let phases = match lang {
        Lang::Ja => "基礎..臨床",
        Lang::En => "basic..clinical",
    };
    format!(
        "`seedline program add --code CODE --name '{name}' --ministry MEXT|MHLW|METI|other --ip CODE --phases {phases}`"
    )
}

/// The outcome kinds an option or a cell takes: codes with AMED's words in Japanese, codes in
/// English.
fn outcome_kinds(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => crate::model::OUTCOME_KINDS_HELP,
        Lang::En => "approval, licensing, nonclinical-poc, clinical-trial, paper",
    }
}

pub fn unknown_program(value: &str) -> Msg {
    Msg::new(
        format!("事業 '{value}' はありません"),
        format!("unknown program '{value}'"),
    )
}

pub fn program_part_of_one(value: &str, name: &str, code: &str) -> Msg {
    Msg::new(
        format!(
            "事業 '{value}' はありません。'{name}'（コード {code}）のことですか。名前全体かコードを書いてください"
        ),
        format!(
            "unknown program '{value}'; did you mean '{name}' (code {code})? Write its whole name or code"
        ),
    )
}

pub fn program_part_of_many(value: &str, count: usize, names: &str, add_name: &str) -> Msg {
    let (add_ja, add_en) = (
        add_program(add_name, Lang::Ja),
        add_program(add_name, Lang::En),
    );
    Msg::new(
        format!(
            "事業 '{value}' はありません。{count} 件の事業名の一部です（{names}）。名前全体かコードを書くか、{add_ja} で追加してください"
        ),
        format!(
            "unknown program '{value}': it is part of {count} program names ({names}); write a whole name or code, or add it with {add_en}"
        ),
    )
}

pub fn program_unknown_add(value: &str, closest: Option<&str>, add_name: &str) -> Msg {
    let (add_ja, add_en) = (
        add_program(add_name, Lang::Ja),
        add_program(add_name, Lang::En),
    );
    let (ja, en) = match closest {
        Some(n) => (
            format!("'{n}' のことですか。または "),
            format!("did you mean '{n}'? Or "),
        ),
        None => (String::new(), String::new()),
    };
    Msg::new(
        format!("事業 '{value}' はありません。{ja}{add_ja} で追加してください"),
        format!("unknown program '{value}'; {en}add it with {add_en}"),
    )
}

pub fn program_retired(name: &str, day: impl Display, code: &str) -> Msg {
    Msg::new(
        format!(
            "事業 '{name}' は {day} に廃止され、新しい課題を受け付けません。`seedline program restore {code}` で戻せます"
        ),
        format!(
            "program '{name}' was retired on {day} and takes no new projects; restore it with `seedline program restore {code}`"
        ),
    )
}

// --- the header ---------------------------------------------------------------------------------

pub fn duplicate_column(first: usize, second: usize, name: &str) -> Msg {
    Msg::new(
        format!("列が重複しています: {first} 列目と {second} 列目がどちらも {name} です"),
        format!("duplicate column: columns {first} and {second} both are {name}"),
    )
}

/// `hint`: the closest header (see [`did_you_mean_column`]), if any.
pub fn unknown_column(n: usize, hint: Option<&Msg>) -> Msg {
    let (ja, en) = hint.map_or((String::new(), String::new()), |h| {
        (format!("{}。", h.ja), format!("{} ", h.en))
    });
    Msg::new(
        format!(
            "不明な列です（{n} 列目）。{ja}無視するには --allow-extra-columns を付けてください"
        ),
        format!("unknown column (column {n}); {en}use --allow-extra-columns to ignore it"),
    )
}

pub fn did_you_mean_column(name: &str) -> Msg {
    Msg::new(
        format!("'{name}' のことですか"),
        format!("did you mean '{name}'?"),
    )
}

pub fn missing_column(ja: &str, en: &str) -> Msg {
    Msg::new(
        format!("必須の列 {ja} がありません"),
        format!("missing required column {ja} ({en})"),
    )
}

pub fn required_value(ja: &str, en: &str) -> Msg {
    Msg::new(
        format!("{ja} は必須です"),
        format!("{ja} ({en}) is required"),
    )
}

pub fn unknown_export_column(name: &str, hint: &Msg) -> Msg {
    Msg::new(
        format!("列 '{name}' はありません。{}", hint.ja),
        format!("unknown column '{name}'; {}", hint.en),
    )
}

pub fn no_column_named() -> Msg {
    Msg::new("列名が指定されていません", "no column named")
}

pub fn ignored_columns(names: &str) -> Msg {
    Msg::new(
        format!("無視した列: {names}"),
        format!("ignored columns: {names}"),
    )
}

// --- cells --------------------------------------------------------------------------------------

/// What a refused character in a cell is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellChar {
    Nul,
    LoneCarriageReturn,
    LineBreak,
    Tab,
    /// Another character: its kind (`crate::text::Refused::reason`'s words) and code point.
    Other(super::invalid::RefusedKind, u32),
}

pub fn cell_char(what: CellChar, position: usize, multiline: bool) -> Msg {
    use super::invalid::RefusedKind as K;
    let (ja, en) = match what {
        CellChar::Nul => ("NUL 文字".to_string(), "a NUL character".to_string()),
        CellChar::LoneCarriageReturn => (
            "改行が続かない復帰文字".to_string(),
            "a carriage return not followed by a line feed".to_string(),
        ),
        CellChar::LineBreak => ("改行".to_string(), "a line break".to_string()),
        CellChar::Tab => ("タブ".to_string(), "a tab".to_string()),
        CellChar::Other(kind, code) => {
            let (kj, ke) = match kind {
                K::Control => ("制御文字", "control character"),
                K::Bidi => ("双方向制御文字", "bidirectional control character"),
                K::Invisible => ("不可視の書式文字", "invisible format character"),
            };
            (
                format!("{kj} U+{code:04X} "),
                format!("the {ke} U+{code:04X}"),
            )
        }
    };
    let (aj, ae) = if multiline {
        ("", "")
    } else {
        (
            "（改行とタブは概要にだけ書けます）",
            " (line breaks and tabs are allowed in 概要 only)",
        )
    };
    Msg::new(
        format!("{position} 文字目に{ja}が含まれています{aj}"),
        format!("contains {en} at character {position}{ae}"),
    )
}

pub fn too_many_chars(n: usize, max: usize) -> Msg {
    super::invalid::too_many_chars(n, max)
}

pub fn empty_required() -> Msg {
    Msg::new("空です。値が必要です", "empty; a value is required")
}

const DATE_JA: &str = "2024-04-01、2024/4/1、令和6年4月1日 のような日付";
const DATE_EN: &str = "a date such as 2024-04-01, 2024/4/1 or 令和6年4月1日";

pub fn empty_date() -> Msg {
    Msg::new(
        format!("空です。{DATE_JA}を書いてください"),
        format!("empty; expected {DATE_EN}"),
    )
}

pub fn not_a_date(value: &str) -> Msg {
    Msg::new(
        format!("'{value}' は正しい日付ではありません。{DATE_JA}を書いてください"),
        format!("'{value}' is not a valid date; expected {DATE_EN}"),
    )
}

pub fn negative_amount(n: i64) -> Msg {
    Msg::new(
        format!("{n} は負の値です。0 以上の額を書いてください"),
        format!("{n} is negative; expected an amount of 0 or more"),
    )
}

pub fn not_a_whole_number(value: &str) -> Msg {
    Msg::new(
        format!("'{value}' は整数ではありません（例: 12000、12,000）"),
        format!("'{value}' is not a whole number (expected e.g. 12000 or 12,000)"),
    )
}

pub fn end_before_start(end: impl Display, start: impl Display) -> Msg {
    super::invalid::ends_before_start(end, start)
}

pub fn program_required() -> Msg {
    Msg::new(
        "空です。事業名は必須です",
        "empty; a program (事業名) is required",
    )
}

const YEAR_JA: &str = "2024、FY2024、令和6年度 のような年度";
const YEAR_EN: &str = "a fiscal year such as 2024, FY2024 or 令和6年度";

pub fn empty_year() -> Msg {
    Msg::new(
        format!("空です。{YEAR_JA}を書いてください"),
        format!("empty; expected {YEAR_EN}"),
    )
}

pub fn year_out_of_range(min: impl Display, max: impl Display, value: &str) -> Msg {
    Msg::new(
        format!("'{value}' は範囲外です。{min} から {max} までの年度を書いてください"),
        format!("expected a fiscal year between {min} and {max}, found '{value}'"),
    )
}

pub fn not_a_year(value: &str) -> Msg {
    Msg::new(
        format!("'{value}' は年度ではありません。{YEAR_JA}を書いてください"),
        format!("expected {YEAR_EN}, found '{value}'"),
    )
}

pub fn allocation_too_big(n: i64) -> Msg {
    Msg::new(
        format!("{n} は 100,000,000（千円）を超えています"),
        format!("{n} is more than 100,000,000 (thousand yen)"),
    )
}

pub fn allocation_empty() -> Msg {
    Msg::new(
        "空です。12345 や 12,345 のような千円単位の額を書いてください",
        "empty; expected an amount in thousand yen such as 12345 or 12,345",
    )
}

pub fn not_yen(value: &str) -> Msg {
    Msg::new(
        format!("'{value}' は円単位の額ではありません（例: 4,290,000）"),
        format!("'{value}' is not an amount in yen (expected e.g. 4,290,000)"),
    )
}

pub fn outcome_kind(value: Option<&str>) -> Msg {
    let (ja, en) = (outcome_kinds(Lang::Ja), outcome_kinds(Lang::En));
    match value {
        None => Msg::new(
            format!("空です。成果の種別を書いてください: {ja}"),
            format!("empty; expected {en}"),
        ),
        Some(v) => Msg::new(
            format!("'{v}' は成果の種別ではありません。種別: {ja}"),
            format!("'{v}' is not an outcome kind; expected {en}"),
        ),
    }
}

/// An option's value that is not an outcome kind.
pub fn not_an_outcome_kind(flag: &str, value: &str) -> Msg {
    let (ja, en) = (outcome_kinds(Lang::Ja), outcome_kinds(Lang::En));
    Msg::new(
        format!("{flag}: '{value}' は成果の種別ではありません。種別: {ja}"),
        format!("{flag}: '{value}' is not an outcome kind; expected {en}"),
    )
}

pub fn assignment_ends_before_start(to: impl Display, from: impl Display) -> Msg {
    Msg::new(
        format!("{to} は担当開始日 {from} より前です。担当は開始日以降に終わります"),
        format!("{to} is before 担当開始日 {from}; an assignment ends on or after its start"),
    )
}

pub fn research_period(value: &str) -> Msg {
    Msg::new(
        format!("'{value}' は研究期間ではありません（例: 2019-04-01 - 2022-03-31、2019 - 2021）"),
        format!(
            "'{value}' is not a research period; expected e.g. 2019-04-01 - 2022-03-31 or 2019 - 2021"
        ),
    )
}

pub fn period_reversed(end: impl Display, start: impl Display) -> Msg {
    Msg::new(
        format!("研究期間の終わり（{end}）が始まり（{start}）より前です"),
        format!("the period ends ({end}) before it starts ({start})"),
    )
}

pub fn kaken_needs_program() -> Msg {
    Msg::new(
        "--format kaken には --program CODE が必要です（これらの研究課題を管理する事業、例: --program crest）",
        "--format kaken needs --program CODE (the 事業 these grants are tracked under, e.g. --program crest)",
    )
}

pub use super::csv_rows::*;
