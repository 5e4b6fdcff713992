//! Errors and warnings of `seedline …` on stderr, and how an error chain is worded there.
//! Option names (`--force`), commands (`seedline doctor`) and values stay as typed.

use super::Msg;
use crate::Lang;
use std::fmt::Display;

/// An error of the command line in `lang`: each layer of the chain worded by the message table
/// (a [`Msg`], a [`crate::Error`], a filter error), joined by `: ` as `{:#}` would. A conflict
/// says what the command line can do about it.
pub fn describe(error: &anyhow::Error, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    for layer in error.chain() {
        let text = if let Some(m) = layer.downcast_ref::<Msg>() {
            m.get(lang).to_string()
        } else if let Some(e) = layer.downcast_ref::<crate::Error>() {
            let mut text = e.text(lang);
            if matches!(e, crate::Error::Conflict { .. }) {
                text.push_str(conflict_hint().get(lang));
            }
            text
        } else if let Some(e) = layer.downcast_ref::<crate::query::QueryError>() {
            e.text(lang)
        } else if let Some(e) = layer.downcast_ref::<std::io::Error>() {
            super::io_error(e, lang)
        } else {
            layer.to_string()
        };
        // A context that repeats its cause (`{e}` spliced in) is said once.
        if parts.last().is_some_and(|p| p.ends_with(&text)) {
            continue;
        }
        parts.push(text);
    }
    parts.join(": ")
}

fn conflict_hint() -> Msg {
    Msg::new(
        "。何も保存していません。最新の内容を確かめ、その版（--version）でもう一度実行してください",
        "; nothing was saved: look at the latest, then run the command again on its version (--version)",
    )
}

/// An option's value that is not a date.
pub fn not_a_date(flag: &str, value: &str) -> Msg {
    Msg::new(
        format!("{flag}: '{value}' は日付ではありません（YYYY-MM-DD の形、例: 2026-04-01）"),
        format!("{flag}: '{value}' is not a date (expected YYYY-MM-DD, e.g. 2026-04-01)"),
    )
}

/// An option's value that is not a date, where Japanese dates are read too.
pub fn not_a_date_wareki(flag: &str, value: &str) -> Msg {
    Msg::new(
        format!("{flag}: '{value}' は日付ではありません（例: 2025-05-31、令和7年5月31日）"),
        format!("{flag}: '{value}' is not a date (expected 2025-05-31 or 令和7年5月31日)"),
    )
}

/// An option's value that is none of `choices`.
pub fn not_one_of(flag: &str, value: &str, choices: &str) -> Msg {
    Msg::new(
        format!("{flag}: '{value}' は使えません。次のいずれかです: {choices}"),
        format!("{flag}: '{value}' is not one of {choices}"),
    )
}

pub fn not_an_outcome_kind(flag: &str, value: &str) -> Msg {
    super::csv::not_an_outcome_kind(flag, value)
}

pub fn not_a_fiscal_year(flag: &str, value: &str) -> Msg {
    Msg::new(
        format!("{flag}: '{value}' は年度ではありません（例: 2024、FY2024、令和6年度）"),
        format!("{flag}: '{value}' is not a fiscal year (e.g. 2024, FY2024, 令和6年度)"),
    )
}

pub fn not_a_seamless_view(flag: &str, value: &str) -> Msg {
    Msg::new(
        format!("{flag}: '{value}' は表示の種類ではありません（pairs、years、seeds）"),
        format!("{flag}: '{value}' is not a view (pairs, years, seeds)"),
    )
}

/// `show radar --days` outside 1..=3650.
pub fn not_radar_days(days: u32) -> Msg {
    Msg::new(
        format!("--days: {days} ではなく 1 から 3650 までの日数を指定してください"),
        format!("--days: expected a number of days from 1 to 3650, not {days}"),
    )
}

pub fn nothing_to_change(options: &str) -> Msg {
    Msg::new(
        format!("変更する項目がありません: {options} のいずれかを指定してください"),
        format!("nothing to change: give {options}"),
    )
}

pub fn demo_and_db(path: impl Display) -> Msg {
    Msg::new(
        format!(
            "--demo と --db {path} は同時に使えません: --demo は常にデモ用データベースを開きます。そのファイルを使うなら --demo を、デモを使うなら --db を外してください"
        ),
        format!(
            "--demo and --db {path} cannot be used together: --demo always opens the demo database; drop --demo to use that file, or --db to use the demo"
        ),
    )
}

pub fn generating_demo(path: impl Display) -> Msg {
    Msg::new(
        format!("seedline: デモ用データベースを {path} に作成しています ..."),
        format!("seedline: generating the demo database at {path} ..."),
    )
}

/// Printed before a database made by an older seedline is brought to the current schema: on a
/// big database some steps rebuild kept counts or indexes and take minutes.
pub fn upgrading_schema(path: impl Display, from: i64, to: i64) -> Msg {
    Msg::new(
        format!(
            "seedline: {path} を新しい形式 (v{from} → v{to}) に更新しています ... 大きなデータベースでは数分かかります。中断してもデータは失われず、次回の起動で続きから更新します"
        ),
        format!(
            "seedline: upgrading {path} to the current schema (v{from} → v{to}) ... a big database takes minutes; if interrupted, nothing is lost and the next start goes on from there"
        ),
    )
}

pub fn unknown_projects(ids: &str) -> Msg {
    Msg::new(
        format!(
            "課題管理番号 {ids} の課題はありません（先に課題一覧を取り込んでください）。何も変更していません"
        ),
        format!(
            "unknown 課題管理番号 {ids}: no such project (import the project list first); nothing changed"
        ),
    )
}

pub fn unassign_in_future(to: impl Display, today: impl Display) -> Msg {
    Msg::new(
        format!(
            "--to: {to} は今日（{today}）より後です。その日に `seedline unassign` を実行してください（何も変更していません）"
        ),
        format!(
            "--to: {to} is after today ({today}); run `seedline unassign` on that day (nothing changed)"
        ),
    )
}

pub fn cannot_open(flag: &str, path: impl Display, error: &std::io::Error) -> Msg {
    let io = super::io(error);
    Msg::new(
        format!("{flag}: {path} を開けません: {}", io.ja),
        format!("{flag}: cannot open {path}: {}", io.en),
    )
}

pub fn ids_not_utf8(line: usize) -> Msg {
    Msg::new(
        format!("--ids: {line} 行目が UTF-8 のテキストではありません"),
        format!("--ids: line {line}: not UTF-8 text"),
    )
}

pub fn roster_is_whole() -> Msg {
    Msg::new(
        "--query と --ids は課題を選びます。担当者の書き出しは名簿全体です",
        "--query and --ids choose projects; the officers export is the whole roster",
    )
}

pub fn reference_is_whole(kind: &str) -> Msg {
    Msg::new(
        format!("--query と --ids は課題を選びます。export {kind} は全行を書き出します"),
        format!("--query and --ids choose projects; export {kind} writes every row"),
    )
}

pub fn ids_missing(count: usize, shown: &str) -> Msg {
    Msg::new(
        format!("--ids: {count} 件がデータベースにありません: {shown}"),
        format!("--ids: {count} not in the database: {shown}"),
    )
}

pub fn and_more(n: usize) -> Msg {
    Msg::new(format!(" ほか {n} 件"), format!(" and {n} more"))
}

pub fn export_read_only() -> Msg {
    Msg::new(
        "書き出しはすべて監査ログに記録しますが、このデータベースは読み取り専用で開いています",
        "every export is recorded in the audit log, and this database is open read-only",
    )
}

pub fn exporting(n: u64) -> Msg {
    Msg::new(
        format!("seedline: 書き出し中 {n} 行"),
        format!("seedline: exporting, {n} rows"),
    )
}

pub fn checking(n: u64) -> Msg {
    Msg::new(
        format!("seedline: 検査中 {n} 行"),
        format!("seedline: checking, {n} rows"),
    )
}

pub fn export_interrupted() -> Msg {
    Msg::new(
        "seedline: シグナルで書き出しを中断しました。ファイルは書いていません",
        "seedline: export interrupted by a signal; no file written",
    )
}

pub fn type_the_note() -> Msg {
    Msg::new(
        "記録を入力してください。Ctrl-D で終わります。",
        "Type the note; end with Ctrl-D.",
    )
}

pub fn note_stdin_too_big(max: usize) -> Msg {
    Msg::new(
        format!("本文: 標準入力が {max} バイト（1 MiB）を超えています。何も保存していません"),
        format!("body: more than {max} bytes (1 MiB) on standard input; nothing was saved"),
    )
}

pub fn note_stdin_not_utf8() -> Msg {
    Msg::new(
        "本文: 標準入力が UTF-8 のテキストではありません",
        "body: standard input is not UTF-8",
    )
}

pub fn integrity_failed(path: impl Display, detail: impl Display) -> Msg {
    Msg::new(
        format!("seedline: {path}: データベースの整合性検査で問題が見つかりました: {detail}"),
        format!("seedline: {path}: database failed integrity check: {detail}"),
    )
}

pub fn unknown_budget_rows(value: &str) -> Msg {
    Msg::new(
        format!("--rows: '{value}' は使えません。ip、program、phase のいずれかです"),
        format!("--rows: '{value}' unknown; expected ip, program or phase"),
    )
}

pub fn no_program_matches(value: &str, programs: &str) -> Msg {
    Msg::new(
        format!("--to: '{value}' に合う事業がありません。事業: {programs}"),
        format!("--to: no program matches '{value}'; programs: {programs}"),
    )
}

pub fn several_programs_match(value: &str, count: usize, codes: &str) -> Msg {
    Msg::new(
        format!("--to: '{value}' は {count} 件の事業に合います: {codes}"),
        format!("--to: '{value}' matches {count} programs: {codes}"),
    )
}

pub fn flag_needs_to_or_status() -> Msg {
    Msg::new(
        "フラグを立てるには --to 事業 を、未決フラグを移すには --status を指定してください",
        "give --to PROGRAM to flag a project, or --status to move its open flag",
    )
}

pub fn no_open_flag(id: &str) -> Msg {
    Msg::new(
        format!("{id} には移せる未決のハイウェイ支援フラグがありません（--to で作成します）"),
        format!("{id} has no open highway flag to move (create one with --to)"),
    )
}

pub fn unknown_ip(value: &str, codes: &str) -> Msg {
    Msg::new(
        format!("--ip: 統合プロジェクト '{value}' はありません。次のいずれかです: {codes}"),
        format!("--ip: unknown integrated project '{value}'; one of {codes}"),
    )
}

pub fn not_a_phase_range(value: &str) -> Msg {
    Msg::new(
        format!(
            "--phases: '{value}' は段階でも範囲でもありません（例: 基礎..臨床。段階は 基礎、応用、非臨床、臨床、実用化）"
        ),
        format!(
            "--phases: '{value}' is not a phase or range (e.g. basic..clinical; phases are basic, applied, nonclinical, clinical, practical)"
        ),
    )
}

pub fn checksum_cannot_read(path: &str, error: &std::io::Error) -> Msg {
    let io = super::io(error);
    Msg::new(
        format!("--checksum: {path} を読めません: {}", io.ja),
        format!("--checksum: cannot read {path}: {}", io.en),
    )
}

pub fn checksum_url() -> Msg {
    Msg::new(
        "--checksum: 読めるのはローカルのファイルだけで、URL は読めません",
        "--checksum: only a local file can be read, not a URL",
    )
}

pub fn unknown_kind(value: &str, codes: &str) -> Msg {
    Msg::new(
        format!("--kind: '{value}' は使えません。次のいずれかです: {codes}"),
        format!("--kind: '{value}' unknown; expected {codes}"),
    )
}

pub fn import_option_mismatch(which: ImportMismatch) -> Msg {
    match which {
        ImportMismatch::KakenOnly => Msg::new(
            "--program、--ip、--phase、--modality、--area は --format kaken のときだけ使えます",
            "--program, --ip, --phase, --modality and --area apply to --format kaken only",
        ),
        ImportMismatch::Budgets => Msg::new(
            "--mode と --format は課題の取り込みだけに使えます: 配分額の形式は一つで、後の取り込みが（課題, 年度）の額を置き換えます",
            "--mode and --format apply to projects only: budgets have one format, and a later import replaces a (project, 年度) figure",
        ),
        ImportMismatch::People => Msg::new(
            "--mode と --format は課題の取り込みだけに使えます: 担当と担当者の形式は一つで、登録済みの行はそのままです",
            "--mode and --format apply to projects only: assignments and officers have one format, and rows already stored are left as they are",
        ),
        ImportMismatch::CreateOfficers => Msg::new(
            "--create-officers は `import assignments` だけに使えます",
            "--create-officers applies to `import assignments` only",
        ),
        ImportMismatch::Programs => Msg::new(
            "--mode と --format は課題の取り込みだけに使えます: 事業はコードで更新し、連携は追加します",
            "--mode and --format apply to projects only: programs are updated by コード, links added",
        ),
        ImportMismatch::Outcomes => Msg::new(
            "--mode と --format は課題の取り込みだけに使えます: 成果の形式は一つで、追加されます（登録済みの行はそのまま）",
            "--mode and --format apply to projects only: outcomes have one format and are appended (a row already stored is left alone)",
        ),
        ImportMismatch::Lineage => Msg::new(
            "--mode と --format は課題の取り込みだけに使えます: 系譜は追加し、種別だけを更新します",
            "--mode and --format apply to projects only: lineage links are added, only their kind updated",
        ),
        ImportMismatch::ReadOnly => Msg::new(
            "データベースを読み取り専用で開いています: ファイルの検査には --dry-run を使ってください",
            "the database is open read-only: use --dry-run to check the file",
        ),
    }
}

/// Options of `seedline import` that do not go together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMismatch {
    KakenOnly,
    Budgets,
    People,
    CreateOfficers,
    Programs,
    Outcomes,
    ReadOnly,
    /// `import lineage` with `--mode` or `--format`.
    Lineage,
}

pub fn cannot_read(path: impl Display, error: &std::io::Error) -> Msg {
    let io = super::io(error);
    Msg::new(
        format!("{path} を読めません: {}", io.ja),
        format!("cannot read {path}: {}", io.en),
    )
}

pub fn needs_terminal() -> Msg {
    Msg::new(
        "ダッシュボードには端末が必要です。テキストで見るには `seedline show dashboard|list|project|highway`",
        "the dashboard needs a terminal; for plain text use `seedline show dashboard|list|project|highway`",
    )
}

pub fn database_not_found(path: impl Display) -> Msg {
    Msg::new(
        format!("データベースが見つかりません: {path}（`seedline init` で作成します）"),
        format!("database not found: {path} (create it with `seedline init`)"),
    )
}

/// A date option that does not read (`--due 来週金曜`): the parser's own words in each language.
pub fn bad_date_option(flag: &str, e: &crate::model::date_input::DateError) -> Msg {
    Msg::new(
        format!("{flag}: {}", e.message(crate::Lang::Ja)),
        format!("{flag}: {}", e.message(crate::Lang::En)),
    )
}
