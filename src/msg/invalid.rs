//! Why a value is refused: the reason of an [`crate::Error::Invalid`], in both languages, and
//! the names of records that another session changed ([`crate::Error::Conflict`]). Grouped by
//! what they are about; values are spliced in verbatim.

use super::Msg;
use crate::Lang;
use crate::model::Coded;
use std::fmt::Display;

// --- any field --------------------------------------------------------------------------------

pub fn empty() -> Msg {
    Msg::new("入力してください（空にはできません）", "must not be empty")
}

pub fn nul() -> Msg {
    Msg::new("NUL 文字が含まれています", "contains a NUL character")
}

pub fn too_many_chars(n: usize, max: usize) -> Msg {
    Msg::new(
        format!("{n} 文字あります（{max} 文字まで）"),
        format!("{n} characters, at most {max} allowed"),
    )
}

pub fn negative() -> Msg {
    Msg::new("負の値は指定できません", "must not be negative")
}

/// A character stored text may not hold (`crate::text::Refused`).
pub fn refused_char(kind: RefusedKind, ch: char, position: usize) -> Msg {
    let (kind_ja, kind_en) = match kind {
        RefusedKind::Control => ("制御文字", "control character"),
        RefusedKind::Bidi => ("双方向制御文字", "bidirectional control character"),
        RefusedKind::Invisible => ("不可視の書式文字", "invisible format character"),
    };
    let (name_ja, name_en) = match ch {
        '\0' => ("（NUL）", " (NUL)"),
        '\t' => ("（タブ）", " (tab)"),
        '\n' => ("（改行）", " (line feed)"),
        '\r' => ("（復帰）", " (carriage return)"),
        _ => ("", ""),
    };
    let (one_ja, one_en) = if matches!(ch, '\t' | '\n') {
        ("（この欄は 1 行です）", " (this field is one line)")
    } else {
        ("", "")
    };
    let code = ch as u32;
    Msg::new(
        format!("{position} 文字目の{kind_ja} U+{code:04X}{name_ja} は使えません{one_ja}"),
        format!("{kind_en} U+{code:04X}{name_en} at character {position} is not allowed{one_en}"),
    )
}

/// The kind of a refused character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefusedKind {
    Control,
    Bidi,
    Invisible,
}

pub fn unknown_code(code: &str) -> Msg {
    Msg::new(
        format!("コード '{code}' は登録されていません"),
        format!("unknown code '{code}'"),
    )
}

pub fn already_exists(value: &str) -> Msg {
    Msg::new(
        format!("{value} は既に登録されています"),
        format!("{value} already exists"),
    )
}

/// Something that should not happen (a value that cannot be serialised): the detail verbatim.
pub fn internal(detail: impl Display) -> Msg {
    Msg::new(
        format!("内部エラー: {detail}"),
        format!("internal error: {detail}"),
    )
}

// --- projects ---------------------------------------------------------------------------------

pub fn ends_before_start(end: impl Display, start: impl Display) -> Msg {
    Msg::new(
        format!("{end} は開始日 {start} より前です"),
        format!("{end} is before the start date {start}"),
    )
}

pub fn retire_reason_empty() -> Msg {
    Msg::new(
        "除外する理由を入力してください（例: 重複登録）",
        "must not be empty: say why the project is retired (e.g. entered twice)",
    )
}

pub fn project_retired(id: &str, on: &str, reason: &str) -> Msg {
    Msg::new(
        format!("{on} に除外されています（{reason}）。`seedline project restore {id}` で戻せます"),
        format!("retired on {on} ({reason}); `seedline project restore {id}` brings it back"),
    )
}

pub fn project_not_retired() -> Msg {
    Msg::new(
        "除外されていません。戻すものはありません",
        "is not retired; nothing to restore",
    )
}

pub fn changed_during_edit() -> Msg {
    Msg::new(
        "編集中に課題が変更されました",
        "the project changed during the edit",
    )
}

pub fn history_not_current_phase() -> Msg {
    Msg::new(
        "段階の履歴が現在の段階で終わっていません",
        "history does not end in the current phase",
    )
}

pub fn already_at_phase(phase: crate::model::Phase) -> Msg {
    Msg::new(
        format!("課題は既に{}です", phase.label(Lang::Ja)),
        format!("the project is already at {}", phase.label(Lang::En)),
    )
}

pub fn vanished(id: &str) -> Msg {
    Msg::new(
        format!("{id} が取り込みの途中で消えました"),
        format!("{id} vanished during the import"),
    )
}

pub fn stored_date(text: &str) -> Msg {
    Msg::new(
        format!("保存されている日付 '{text}' が正しくありません"),
        format!("stored date '{text}' is invalid"),
    )
}

pub fn stored_code(text: &str) -> Msg {
    Msg::new(
        format!("保存されているコード '{text}' が不明です"),
        format!("stored code '{text}' is unknown"),
    )
}

pub fn stored_phase() -> Msg {
    Msg::new("保存されている段階が不明です", "stored phase is unknown")
}

// --- notes, flags, gates, deadlines, outcomes, links --------------------------------------------

pub fn note_empty() -> Msg {
    Msg::new("記録の本文が空です", "the note is empty")
}

pub fn note_too_big(bytes: usize, max: usize) -> Msg {
    Msg::new(
        format!("{bytes} バイトあります。記録は {max} バイト（1 MiB）までです"),
        format!("{bytes} bytes; a note holds at most {max} bytes (1 MiB)"),
    )
}

pub fn follow_up_before_note(follow_up: impl Display, date: impl Display) -> Msg {
    Msg::new(
        format!("{follow_up} は記録の日付 {date} より前です"),
        format!("{follow_up} is before the note's date {date}"),
    )
}

pub fn no_pending_follow_up(note_id: i64) -> Msg {
    Msg::new(
        format!("記録 #{note_id} に未完了のフォローアップはありません"),
        format!("note #{note_id} has no pending follow-up"),
    )
}

pub fn gate_deleted() -> Msg {
    Msg::new(
        "削除済みの判定です（先に復元してください）",
        "is deleted (restore it first)",
    )
}

pub fn gate_unchanged() -> Msg {
    Msg::new("変更する項目がありません", "nothing to change")
}

pub fn already_deleted() -> Msg {
    Msg::new("既に削除されています", "already deleted")
}

pub fn not_deleted() -> Msg {
    Msg::new("削除されていません", "is not deleted")
}

pub fn flag_reason_empty() -> Msg {
    Msg::new(
        "ハイウェイ支援が必要な理由を入力してください",
        "say why this seed should get highway support",
    )
}

pub fn flag_new_status() -> Msg {
    Msg::new(
        "新しいフラグの状態は「候補」か「推薦」です",
        "a new flag starts as candidate or recommended",
    )
}

pub fn flag_already_open(status: crate::model::FlagStatus) -> Msg {
    Msg::new(
        format!(
            "この課題には未決のハイウェイ支援フラグ（{}）が既にあります。先に移すか取り下げてください",
            status.label(Lang::Ja)
        ),
        format!(
            "the project already has an open highway flag ({}); move or withdraw it first",
            status.label(Lang::En)
        ),
    )
}

pub fn flag_another_open() -> Msg {
    Msg::new(
        "この課題には別の未決フラグがあります。未決のフラグは 1 件だけです",
        "the project has another open highway flag; only one can be open",
    )
}

pub fn flag_cannot_move(from: crate::model::FlagStatus, to: crate::model::FlagStatus) -> Msg {
    Msg::new(
        format!(
            "「{}」のフラグは「{}」に移せません",
            from.label(Lang::Ja),
            to.label(Lang::Ja)
        ),
        format!(
            "a {} flag cannot move to {}",
            from.label(Lang::En),
            to.label(Lang::En)
        ),
    )
}

pub fn flag_needs_creation() -> Msg {
    Msg::new(
        "フラグには少なくとも作成の記録が必要です",
        "a flag needs at least its creation",
    )
}

pub fn gate_label() -> Msg {
    Msg::new(
        "1 から 64 文字のラベルを入力してください（例: SG2）",
        "a label of 1 to 64 characters, e.g. SG2",
    )
}

pub fn deadline_state(id: i64, done: bool) -> Msg {
    if done {
        Msg::new(
            format!("期限 #{id} は既に完了しています"),
            format!("deadline #{id} is already done"),
        )
    } else {
        Msg::new(
            format!("期限 #{id} は完了になっていません"),
            format!("deadline #{id} is not done"),
        )
    }
}

pub fn outcome_duplicate(id: i64) -> Msg {
    Msg::new(
        format!(
            "成果 #{id} として記録済みです（種別・日付・製品名・内容が同じ）。何も追加していません"
        ),
        format!(
            "already recorded as outcome #{id} (same kind, date, product and detail); nothing was added"
        ),
    )
}

pub fn outcome_nothing_to_change() -> Msg {
    Msg::new(
        "変更する項目がありません: --kind、--date、--product、--detail のいずれかを指定してください",
        "nothing to change: give --kind, --date, --product or --detail",
    )
}

pub fn outcome_already_deleted(id: i64) -> Msg {
    Msg::new(
        format!("成果 #{id} は既に削除されています（seedline outcome restore で戻せます）"),
        format!("outcome #{id} is already deleted (seedline outcome restore brings it back)"),
    )
}

pub fn outcome_not_deleted(id: i64) -> Msg {
    Msg::new(
        format!("成果 #{id} は削除されていません"),
        format!("outcome #{id} is not deleted"),
    )
}

pub fn sha256_digits() -> Msg {
    Msg::new(
        "16 進数 64 桁で指定してください",
        "expected 64 hexadecimal digits",
    )
}

pub fn fiscal_year_range() -> Msg {
    Msg::new(
        "1990 から 2100 までの年度を指定してください",
        "expected a fiscal year between 1990 and 2100",
    )
}

pub fn amount_range() -> Msg {
    Msg::new(
        "0 から 100,000,000 までの千円単位の額を指定してください",
        "expected thousand yen between 0 and 100,000,000",
    )
}

// --- officers, assignments, watch -------------------------------------------------------------

pub fn login_has_space() -> Msg {
    Msg::new(
        "OS のアカウント名に空白は含まれません",
        "an OS account name has no spaces",
    )
}

pub fn officer_on_roster(role: &str, name: &str) -> Msg {
    Msg::new(
        format!("{role} {name} は既に名簿にあります（`seedline officer list --all`）"),
        format!("{role} {name} is already on the roster (`seedline officer list --all`)"),
    )
}

pub fn login_taken(login: &str, by: &str) -> Msg {
    Msg::new(
        format!("'{login}' は既に {by} のログインです"),
        format!("'{login}' is already the login of {by}"),
    )
}

/// `closest`: the nearest name on the roster and its role, if any is close.
pub fn unknown_officer(shown: &str, closest: Option<(&str, &str)>, role: &str) -> Msg {
    let (hint_ja, hint_en) = match closest {
        Some((name, r)) => (
            format!("'{name}'（{r}）のことですか。"),
            format!("did you mean '{name}' ({r})? "),
        ),
        None => (String::new(), String::new()),
    };
    Msg::new(
        format!(
            "名簿にない担当者 '{shown}' です。{hint_ja}新しく登録するには `seedline officer add '{shown}' --role {role}`"
        ),
        format!(
            "unknown officer '{shown}'; {hint_en}add a new one with `seedline officer add '{shown}' --role {role}`"
        ),
    )
}

pub fn officer_other_role(shown: &str, roles: &[&str], role: &str) -> Msg {
    Msg::new(
        format!(
            "'{shown}' は名簿では {} で、{role} ではありません",
            roles.join("、")
        ),
        format!(
            "'{shown}' is on the roster as {}, not {role}",
            roles.join(", ")
        ),
    )
}

/// `options`: `--role PO`, `--role PS`, …
pub fn officer_several_roles(shown: &str, options: &[String]) -> Msg {
    Msg::new(
        format!(
            "'{shown}' は名簿に複数の役割で載っています: {} を付けてください",
            options.join(" か ")
        ),
        format!(
            "'{shown}' is on the roster in several roles: add {}",
            options.join(" or ")
        ),
    )
}

pub fn officer_already_retired(label: &str, day: &str) -> Msg {
    Msg::new(
        format!("{label} は既に退任しています（{day}）"),
        format!("{label} is already retired ({day})"),
    )
}

pub fn officer_not_retired(label: &str) -> Msg {
    Msg::new(
        format!("{label} は退任していません"),
        format!("{label} is not retired"),
    )
}

pub fn officer_retired_cannot_assign(label: &str, day: &str) -> Msg {
    Msg::new(
        format!(
            "{label} は {day} に退任しているため担当にできません。`seedline officer restore` で戻せます"
        ),
        format!(
            "{label} retired on {day} and cannot be assigned; `seedline officer restore` brings them back"
        ),
    )
}

pub fn assignment_ends_before_start(to: impl Display, officer: &str, id: &str, from: &str) -> Msg {
    Msg::new(
        format!("{to} は {officer} が {id} の担当になった日（{from}）より前です"),
        format!("{to} is before {officer} started on {id} (from {from})"),
    )
}

pub fn no_new_officer(i: usize) -> Msg {
    Msg::new(
        format!("新しい担当者 #{i} がありません"),
        format!("no new officer #{i}"),
    )
}

pub fn watch_needs_officer() -> Msg {
    Msg::new(
        "ウォッチリストには担当者名が必要です",
        "a watch list needs an officer name",
    )
}

// --- programs and links -----------------------------------------------------------------------

pub fn phases_reversed() -> Msg {
    Msg::new(
        "最初の段階が最後の段階より後になっています",
        "the first phase comes after the last",
    )
}

pub fn code_length(code: &str, max: usize) -> Msg {
    Msg::new(
        format!("'{code}': コードは 1 から {max} 文字です"),
        format!("'{code}' must be 1 to {max} characters"),
    )
}

/// `c`: the refused character, made safe to show.
pub fn code_char_text(c: &str) -> Msg {
    Msg::new(
        format!(
            "'{c}' は使えません。コードは英字・数字・'-'・'_'・'.' で書きます（例: dementia-rd）"
        ),
        format!(
            "'{c}' is not allowed; a code is letters, digits, '-', '_' and '.' (e.g. dementia-rd)"
        ),
    )
}

pub fn unknown_ip(code: &str) -> Msg {
    Msg::new(
        format!(
            "統合プロジェクト '{code}' は登録されていません。コードは `seedline program list` で確認できます"
        ),
        format!("unknown integrated project '{code}'; `seedline program list` shows the codes"),
    )
}

pub fn program_code_taken(code: &str, other_name: &str) -> Msg {
    Msg::new(
        format!("'{code}' は既に事業（{other_name}）のコードです"),
        format!("'{code}' is already a program ({other_name})"),
    )
}

pub fn program_name_taken(name: &str, other_code: &str) -> Msg {
    Msg::new(
        format!("'{name}' は既に事業 '{other_code}' の名前です"),
        format!("'{name}' is already the name of program '{other_code}'"),
    )
}

pub fn program_already_retired(code: &str, day: &str) -> Msg {
    Msg::new(
        format!("'{code}' は {day} に既に廃止されています"),
        format!("'{code}' was already retired on {day}"),
    )
}

pub fn program_not_retired(code: &str) -> Msg {
    Msg::new(
        format!("'{code}' は廃止されていません"),
        format!("'{code}' is not retired"),
    )
}

pub fn link_to_itself(code: &str) -> Msg {
    Msg::new(
        format!("'{code}' を自身の後継事業にはできません"),
        format!("'{code}' cannot be its own successor"),
    )
}

pub fn link_exists(preceding: &str, successor: &str, kind: &str) -> Msg {
    Msg::new(
        format!("{preceding} › {successor}（{kind}）は既に連携済みです"),
        format!("{preceding} › {successor} ({kind}) is already linked"),
    )
}

pub use super::invalid_files::*;

// --- lineage (系譜) ---------------------------------------------------------------------------

pub fn lineage_self(id: &str) -> Msg {
    Msg::new(
        format!("{id} を自分自身の後継にはできません"),
        format!("{id} cannot succeed itself"),
    )
}

pub fn lineage_retired(id: &str) -> Msg {
    Msg::new(
        format!("{id} は除外された課題です（先に seedline project restore {id} で戻してください）"),
        format!("{id} is a retired project (restore it first with seedline project restore {id})"),
    )
}

pub fn lineage_exists(pred: &str, succ: &str, kind: crate::model::LineageKind) -> Msg {
    Msg::new(
        format!(
            "{pred} から {succ} への系譜は既にあります（{}）",
            kind.name_ja()
        ),
        format!("{pred} is already linked to {succ} ({})", kind.name_en()),
    )
}

pub fn lineage_cycle(pred: &str, succ: &str) -> Msg {
    Msg::new(
        format!("{succ} は既に {pred} の前身です: この系譜は循環になります"),
        format!("{succ} already comes before {pred}: this link would make a cycle"),
    )
}
