//! Why a value is refused, continued (see `invalid.rs`): files and the database, the config
//! file, and the names of records another session changed.

use super::Msg;
use crate::Lang;
use std::fmt::Display;
use std::path::Path;

// --- files and the database -------------------------------------------------------------------

pub fn output_exists(path: &Path) -> Msg {
    let p = path.display();
    Msg::new(
        format!("{p} は既に存在します。上書きするには --force を付けてください"),
        format!("{p} already exists; use --force to overwrite it"),
    )
}

pub fn output_is_directory(path: &Path) -> Msg {
    let p = path.display();
    Msg::new(
        format!("{p} はディレクトリです"),
        format!("{p} is a directory"),
    )
}

pub fn not_a_file_name(path: &Path) -> Msg {
    let p = path.display();
    Msg::new(
        format!("{p} はファイル名ではありません"),
        format!("{p} is not a file name"),
    )
}

pub fn file_changed_during_import(path: &Path) -> Msg {
    let p = path.display();
    Msg::new(
        format!(
            "{p} が取り込みの途中で変更されました。何も取り込んでいません。もう一度取り込んでください"
        ),
        format!("{p} changed during the import; nothing was imported: import it again"),
    )
}

pub fn backup_exists() -> Msg {
    Msg::new(
        "既に存在します。新しいファイル名を指定してください（バックアップは上書きしません）",
        "already exists; choose a new file name (backups never overwrite)",
    )
}

pub fn empty_read_only(path: &Path) -> Msg {
    let p = path.display();
    Msg::new(
        format!("{p} は空で、読み取り専用です: 表示するものがありません"),
        format!("{p} is empty and read-only: nothing to show"),
    )
}

pub fn needs_upgrade_read_only(path: &Path, from: i64, to: i64) -> Msg {
    let p = path.display();
    Msg::new(
        format!("{p} は更新（スキーマ {from} › {to}）が必要ですが、読み取り専用です"),
        format!("{p} needs an upgrade (schema {from} › {to}) but is read-only"),
    )
}

pub fn readable_by_others(mode: u32, path: &Path) -> Msg {
    let p = path.display();
    Msg::new(
        format!(
            "他のユーザーが読めるようになっています（モード {mode:o}）。`chmod o-rwx {p}` で直してください"
        ),
        format!("readable by other users (mode {mode:o}); fix it with `chmod o-rwx {p}`"),
    )
}

pub fn read_only_for_you(path: &Path) -> Msg {
    let p = path.display();
    Msg::new(
        format!("{p} はあなたには読み取り専用です: 変更を保存できません"),
        format!("{p} is read-only for you: changes cannot be saved"),
    )
}

pub fn no_home() -> Msg {
    Msg::new(
        "ホームディレクトリが見つかりません: この環境変数を設定するか、--db を指定してください",
        "no home directory found: set this variable or pass --db",
    )
}

pub fn draft_damaged(detail: impl Display) -> Msg {
    Msg::new(
        format!("下書きファイルが壊れています（{detail}）。ファイルはそのまま残しました"),
        format!("draft file is damaged ({detail}); it was left in place"),
    )
}

pub fn config_invalid(detail: &Msg) -> Msg {
    Msg::new(
        format!(
            "設定ファイルの記述が正しくありません: {}",
            detail.get(Lang::Ja)
        ),
        format!("the config file is not valid: {}", detail.get(Lang::En)),
    )
}

pub fn config_syntax(detail: &str) -> Msg {
    Msg::new(
        format!("TOML として読めません（{detail}）"),
        format!("not valid TOML ({detail})"),
    )
}

pub fn stall_days(days: i64) -> Msg {
    Msg::new(
        format!("stall_days = {days}: 1 から 3650 までの日数を指定してください"),
        format!("stall_days = {days}: expected a number of days from 1 to 3650"),
    )
}

pub fn radar_days(days: i64) -> Msg {
    Msg::new(
        format!("radar_days = {days}: 1 から 3650 までの日数を指定してください"),
        format!("radar_days = {days}: expected a number of days from 1 to 3650"),
    )
}

pub fn demo_db_not_empty(path: &Path) -> Msg {
    let p = path.display();
    Msg::new(
        format!(
            "{p} には既に課題があります。デモデータは新しいデータベースに作ります（別の --db を指定してください）"
        ),
        format!(
            "{p} already holds projects; demo data goes into a new database (choose another --db)"
        ),
    )
}

pub fn demo_min_projects(n: usize) -> Msg {
    Msg::new(
        format!("{n} 以上を指定してください（実在の承認品目は必ず含めます）"),
        format!("at least {n} (the real approvals are always included)"),
    )
}

// --- records named in a conflict ----------------------------------------------------------------

pub fn record_project() -> Msg {
    Msg::new("課題", "the project")
}

pub fn record_gate(id: i64) -> Msg {
    Msg::new(
        format!("ステージゲート判定 #{id}"),
        format!("stage gate #{id}"),
    )
}

pub fn record_note(id: i64) -> Msg {
    Msg::new(format!("記録 #{id}"), format!("note #{id}"))
}

pub fn record_flag(id: i64) -> Msg {
    Msg::new(
        format!("ハイウェイ支援フラグ #{id}"),
        format!("highway flag #{id}"),
    )
}

pub fn record_outcome(id: i64) -> Msg {
    Msg::new(format!("成果 #{id}"), format!("outcome #{id}"))
}

pub fn record_deadline(id: i64) -> Msg {
    Msg::new(format!("期限 #{id}"), format!("deadline #{id}"))
}

pub fn record_officer(label: &str) -> Msg {
    Msg::new(format!("担当者 {label}"), format!("officer {label}"))
}

pub fn record_program(code: &str) -> Msg {
    Msg::new(format!("事業 {code}"), format!("program {code}"))
}

pub fn record_assignment(officer: &str, id: &str) -> Msg {
    Msg::new(
        format!("{officer} の {id} の担当"),
        format!("the assignment of {officer} to {id}"),
    )
}

// --- the config file's [keys] -----------------------------------------------------------------

pub fn keys_unknown_screen(mode: &str) -> Msg {
    let screens = "global, dashboard, list, detail, due, history, budget, funnel, pi, links, programs, outcomes";
    Msg::new(
        format!("[keys.{mode}]: 不明な画面です。画面は {screens}"),
        format!("[keys.{mode}]: unknown screen; screens are {screens}"),
    )
}

pub fn keys_unknown_action(mode: &str, command: &str, actions: &str) -> Msg {
    Msg::new(
        format!("[keys.{mode}] {command}: 不明な操作です。操作は {actions}"),
        format!("[keys.{mode}] {command}: unknown action; actions are {actions}"),
    )
}

pub fn keys_unknown_key(mode: &str, command: &str, key: &str) -> Msg {
    let examples = "\"x\", \"Ctrl-x\", \"Enter\", \"PgDn\", \"Space\"";
    Msg::new(
        format!("[keys.{mode}] {command}: 不明なキー '{key}' です（例: {examples}）"),
        format!("[keys.{mode}] {command}: unknown key '{key}' (write e.g. {examples})"),
    )
}

/// A form's date that does not parse.
pub fn form_not_a_date(value: &str) -> Msg {
    Msg::new(
        format!("'{value}' は日付ではありません（YYYY-MM-DD の形、例: 2026-12-11）"),
        format!("'{value}' is not a date (YYYY-MM-DD, e.g. 2026-12-11)"),
    )
}
