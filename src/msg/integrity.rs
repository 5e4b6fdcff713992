//! What `seedline doctor` says about the integrity checks recorded in the database
//! (`store::integrity`): when the last one ran, which, why, by whom and what it found.

use super::Msg;
use crate::store::{CheckKind, CheckReason, IntegrityRecord};

/// The last recorded check, in the officer's local time.
pub fn last_check(r: &IntegrityRecord) -> Msg {
    let when = chrono::DateTime::parse_from_rfc3339(&r.finished_at)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| r.finished_at.clone());
    let (kind_ja, kind_en) = match r.kind {
        CheckKind::Quick => ("簡易検査", "quick check"),
        CheckKind::Full => ("完全検査", "full check"),
    };
    let (why_ja, why_en) = match r.reason {
        CheckReason::Daily => ("その日最初の起動", "the day's first session"),
        CheckReason::Unclean => (
            "正常に閉じられなかったため",
            "the file was not closed cleanly",
        ),
        CheckReason::Doctor => ("seedline doctor", "seedline doctor"),
    };
    let by = crate::text::sanitize_line(&r.by_actor);
    let (found_ja, found_en) = if r.is_ok() {
        ("問題なし".to_string(), "ok".to_string())
    } else {
        let detail = crate::text::sanitize_line(&r.result);
        (format!("問題あり: {detail}"), format!("failed: {detail}"))
    };
    Msg::new(
        format!("前回の整合性検査: {when}、{kind_ja}（{why_ja}、{by}）: {found_ja}"),
        format!("last integrity check: {when}, {kind_en} ({why_en}, by {by}): {found_en}"),
    )
}

/// No check recorded yet.
pub fn never_checked() -> Msg {
    Msg::new(
        "前回の整合性検査: 記録なし",
        "last integrity check: none recorded",
    )
}

/// `seedline doctor` on a read-only open: its check is shown, not recorded.
pub fn not_recorded_read_only() -> Msg {
    Msg::new(
        "読み取り専用で開いたため、この検査は記録しません",
        "opened read-only: this check is not recorded",
    )
}
