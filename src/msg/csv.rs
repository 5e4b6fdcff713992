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
                format!("{kj} U+{code:04X}"),
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

// --- rows against each other and the database -------------------------------------------------

pub fn unknown_project(id: &str) -> Msg {
    Msg::new(
        format!(
            "課題管理番号 '{id}' の課題はデータベースにありません（先に課題一覧を取り込んでください）"
        ),
        format!(
            "unknown 課題管理番号 '{id}': no such project in the database (import the project list first)"
        ),
    )
}

pub fn duplicate_id(id: &str, first: u64, line: u64) -> Msg {
    Msg::new(
        format!("課題管理番号 '{id}' が重複しています: {first} 行目と {line} 行目"),
        format!("duplicate 課題管理番号 '{id}': lines {first} and {line} both have it"),
    )
}

pub fn already_in_database(id: &str) -> Msg {
    Msg::new(
        format!("'{id}' は既にデータベースにあります（更新するには --mode upsert）"),
        format!("'{id}' is already in the database (use --mode upsert to update it)"),
    )
}

pub fn duplicate_budget(id: &str, year: crate::model::FiscalYear, first: u64, line: u64) -> Msg {
    Msg::new(
        format!(
            "課題管理番号と年度 '{id}' {} が重複しています: {first} 行目と {line} 行目",
            year.label(Lang::Ja)
        ),
        format!(
            "duplicate 課題管理番号 and 年度 '{id}' {}: lines {first} and {line} both have it",
            year.label(Lang::En)
        ),
    )
}

pub fn duplicate_outcome(first: u64) -> Msg {
    Msg::new(
        format!(
            "{first} 行目と同じ成果です（課題管理番号、種別、日付、製品名、内容）。どちらかを消してください"
        ),
        format!(
            "the same outcome (課題管理番号, 種別, 日付, 製品名 and 内容) as line {first}; remove one of them"
        ),
    )
}

pub fn officer_retired_current(label: &str, day: &str) -> Msg {
    Msg::new(
        format!(
            "{label} は {day} に退任しているため現在の担当にできません（担当終了日を書くか、`seedline officer restore`）"
        ),
        format!(
            "{label} retired on {day} and cannot have a current assignment (give 担当終了日, or `seedline officer restore`)"
        ),
    )
}

pub fn officer_unknown_add(unknown: &Msg, shown: &str, role: &str, needs_role: bool) -> Msg {
    let (rj, re) = if needs_role {
        ("（役割も書いてください）", " (and a 役割)")
    } else {
        ("", "")
    };
    Msg::new(
        format!(
            "{}。`seedline officer add '{shown}' --role {role}` で追加するか、--create-officers を付けて取り込んでください{rj}",
            unknown.ja
        ),
        format!(
            "{}; add it with `seedline officer add '{shown}' --role {role}`, or import with --create-officers{re}",
            unknown.en
        ),
    )
}

pub fn officer_several_roles(shown: &str, roles: &[&str]) -> Msg {
    Msg::new(
        format!(
            "'{shown}' は名簿に {} として載っています: 役割を書いてどちらか選んでください",
            roles.join(" と ")
        ),
        format!(
            "'{shown}' is on the roster as {}: give 役割 to pick one",
            roles.join(" and ")
        ),
    )
}

pub fn duplicate_assignment(id: &str, shown: &str, current: bool, first: u64, line: u64) -> Msg {
    let (ja, en) = if current {
        ("現在の担当", "a current assignment")
    } else {
        ("同じ期間の担当", "the same period")
    };
    Msg::new(
        format!("重複: '{id}' と {shown} の{ja}が {first} 行目と {line} 行目にあります"),
        format!("duplicate: '{id}' and {shown} have {en} on lines {first} and {line}"),
    )
}

pub fn duplicate_officer(role: &str, name: &str, first: u64, line: u64) -> Msg {
    Msg::new(
        format!("担当者 {role} {name} が重複しています: {first} 行目と {line} 行目"),
        format!("duplicate officer {role} {name}: lines {first} and {line}"),
    )
}

pub fn login_on_two_lines(login: &str, first: u64, line: u64) -> Msg {
    Msg::new(
        format!("ログイン '{login}' が {first} 行目と {line} 行目にあります"),
        format!("login '{login}' is on lines {first} and {line}"),
    )
}

pub fn login_of_other(login: &str, other: &str) -> Msg {
    Msg::new(
        format!("ログイン '{login}' は既に {other} のものです"),
        format!("login '{login}' is already {other}'s"),
    )
}

pub fn officer_still_assigned(label: &str, n: i64, day: impl Display) -> Msg {
    Msg::new(
        format!(
            "{label} には現在の担当が {n} 件あります。`seedline officer retire` で退任させてください（{day} で担当を終了します）"
        ),
        format!(
            "{label} still has {n} current assignment(s); retire with `seedline officer retire` (it ends them on {day})"
        ),
    )
}

/// Whose a code or name is: another line of the file (`first` > 0) or a stored program.
pub fn duplicate_program_code(code: &str, first: u64, line: u64) -> Msg {
    Msg::new(
        format!("コード '{code}' が重複しています: {first} 行目と {line} 行目"),
        format!("duplicate コード '{code}': lines {first} and {line} both have it"),
    )
}

fn whose(first: u64, other: &str) -> (String, String) {
    if first == 0 {
        (
            format!("データベースの事業 '{other}'"),
            format!("program '{other}' in the database"),
        )
    } else {
        (
            format!("{first} 行目（コード {other}）"),
            format!("line {first} (code {other})"),
        )
    }
}

pub fn program_code_case(code: &str, other: &str) -> Msg {
    let (ja, en) = whose(0, other);
    Msg::new(
        format!("コード '{code}' は{ja}と大文字小文字・全角半角だけが違います"),
        format!("コード '{code}' differs from {en} only in case or width"),
    )
}

pub fn program_name_used(name: &str, first: u64, other: &str) -> Msg {
    let (ja, en) = whose(first, other);
    Msg::new(
        format!("事業名 '{name}' は既に{ja}が使っています。名前は一つの事業のものです"),
        format!("事業名 '{name}' is already used by {en}; a name belongs to one program"),
    )
}

pub fn link_to_itself(code: &str) -> Msg {
    super::invalid::link_to_itself(code)
}

pub fn duplicate_link(from: &str, to: &str, kind: &str, first: u64, line: u64) -> Msg {
    Msg::new(
        format!("連携 {from} › {to}（{kind}）が重複しています: {first} 行目と {line} 行目"),
        format!("duplicate link {from} › {to} ({kind}): lines {first} and {line} both have it"),
    )
}

// --- reading the file ---------------------------------------------------------------------------

pub fn not_utf8(byte: u64, looks_sjis: bool) -> Msg {
    if looks_sjis {
        Msg::new(
            format!(
                "{byte} バイト目が UTF-8 ではありません: Shift_JIS のようです。--encoding shift_jis を付けてください"
            ),
            format!("not UTF-8 at byte {byte}: looks like Shift_JIS, use --encoding shift_jis"),
        )
    } else {
        Msg::new(
            format!(
                "{byte} バイト目が UTF-8 ではありません: ファイルは UTF-8（または --encoding shift_jis で Shift_JIS）にしてください"
            ),
            format!(
                "not UTF-8 at byte {byte}: the file must be UTF-8 (or Shift_JIS with --encoding shift_jis)"
            ),
        )
    }
}

pub fn bom_with_shift_jis() -> Msg {
    Msg::new(
        "ファイルが UTF-8 のバイト順マークで始まっています: UTF-8 のファイルなので --encoding shift_jis を外してください",
        "the file starts with a UTF-8 byte-order mark: it is UTF-8, leave out --encoding shift_jis",
    )
}

const NOT_READ_JA: &str = "。ファイルの残りは読んでいません";
const NOT_READ_EN: &str = "; the rest of the file was not read";

pub fn quote_runs_on() -> Msg {
    Msg::new(
        format!(
            "ここで開いた引用符が次の行以降に続いています（\" の対応がとれていません）{NOT_READ_JA}"
        ),
        format!(
            "a quote opened here runs on over the following lines (unbalanced \"){NOT_READ_EN}"
        ),
    )
}

pub fn field_count(found: usize, header: usize) -> Msg {
    Msg::new(
        format!("{found} 項目ありますが、見出し行は {header} 項目です"),
        format!("{found} fields, but the header has {header}"),
    )
}

pub fn empty_rows_skipped(n: u64) -> Msg {
    Msg::new(
        format!("空の行 {n} 行を飛ばしました"),
        format!("{n} empty rows skipped"),
    )
}

pub fn quote_does_not_close(mib: usize) -> Msg {
    Msg::new(
        format!(
            "この行で開いた引用符が {mib} MiB 以内に閉じていません（\" の対応がとれていません）{NOT_READ_JA}"
        ),
        format!(
            "a quoted field opened on this line does not close within {mib} MiB (unbalanced \"){NOT_READ_EN}"
        ),
    )
}

pub fn record_too_long(mib: usize) -> Msg {
    Msg::new(
        format!(
            "{mib} MiB を超える行です（引用符の外で改行がありません: CSV ファイルではないか、改行が失われています）{NOT_READ_JA}"
        ),
        format!(
            "record longer than {mib} MiB (no line break for that long, outside any quote: not a CSV file, or its line breaks were lost){NOT_READ_EN}"
        ),
    )
}

pub fn not_shift_jis(byte: u64) -> Msg {
    Msg::new(
        format!("{byte} バイト目: Shift_JIS として正しくありません{NOT_READ_JA}"),
        format!("byte {byte}: not valid Shift_JIS{NOT_READ_EN}"),
    )
}

pub fn cannot_read_csv(detail: &str) -> Msg {
    Msg::new(
        format!("CSV として読めません: {detail}{NOT_READ_JA}"),
        format!("cannot read CSV: {detail}{NOT_READ_EN}"),
    )
}

pub fn highway_not_imported(n: u64) -> Msg {
    Msg::new(
        format!(
            "ハイウェイの値 {n} 件は取り込んでいません（ハイウェイ支援フラグは取り込みではなく `seedline flag` で記録します）"
        ),
        format!(
            "{n} ハイウェイ values not imported (highway flags are recorded with `seedline flag`, not by import)"
        ),
    )
}

pub fn no_data_rows() -> Msg {
    Msg::new("データ行が 0 行です", "0 data rows")
}

pub fn and_more(n: u64) -> Msg {
    Msg::new(format!("ほか {n} 件"), format!("and {n} more"))
}

/// The status line of a refused import: how many problems, and the first one.
pub fn import_refused(path: &str, problems: u64, first: &Msg) -> Msg {
    Msg::new(
        format!(
            "{path}: {problems} 件の問題があり、何も書き込んでいません。最初の問題: {}",
            first.ja
        ),
        format!(
            "{path}: {problems} problems, nothing written; first: {}",
            first.en
        ),
    )
}

/// The last line of a refused import on the command line.
pub fn nothing_imported(path: &str, problems: u64) -> Msg {
    Msg::new(
        format!("{path}: 問題が {problems} 件あるため、何も取り込んでいません"),
        if problems == 1 {
            format!("{path}: 1 problem; nothing imported")
        } else {
            format!("{path}: {problems} problems; nothing imported")
        },
    )
}

/// A refused single project (`project add`, the project form): the problems and that nothing
/// was saved.
pub fn nothing_saved(problems: &Msg) -> Msg {
    Msg::new(
        format!("{}。何も保存していません", problems.ja),
        format!("{}; nothing was saved", problems.en),
    )
}

pub fn empty_file() -> Msg {
    Msg::new("空のファイルです", "empty file")
}

pub fn empty_role() -> Msg {
    Msg::new(
        "空です。PD、PS、PO、DC のいずれかを書いてください",
        "empty; expected PD, PS, PO or DC",
    )
}

pub fn ip_required() -> Msg {
    Msg::new(
        "空です。統合プロジェクトは必須です",
        "empty; an integrated project is required",
    )
}

pub fn program_or_code_required() -> Msg {
    Msg::new(
        "空です。事業（事業名かコード）は必須です",
        "empty; a program (事業名 or code) is required",
    )
}

pub fn last_phase_before_first(last: crate::model::Phase, first: crate::model::Phase) -> Msg {
    use crate::model::Coded;
    Msg::new(
        format!(
            "{} は最初の段階 {} より前です",
            last.label(Lang::Ja),
            first.label(Lang::Ja)
        ),
        format!(
            "{} comes before the first phase {}",
            last.label(Lang::En),
            first.label(Lang::En)
        ),
    )
}

pub fn not_changed_here() -> Msg {
    Msg::new(
        "ここでは変更できません（課題管理番号は課題を識別する番号です。段階は `seedline phase` で移します）",
        "cannot be changed here (課題管理番号 is the project's identity; `seedline phase` moves the phase)",
    )
}

/// One problem as its line of a report (`file:line: column: what`), in both languages.
pub fn problem_line(problem: &crate::csv_io::Problem, file: &str) -> Msg {
    Msg::new(
        problem.render(file, Lang::Ja),
        problem.render(file, Lang::En),
    )
}
