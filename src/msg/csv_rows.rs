//! Problems of an imported file, continued (see `csv.rs`): rows against each other and the
//! database, reading the file, and the report's last lines.

use super::Msg;
use crate::Lang;
use std::fmt::Display;

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
