//! The detail's past assignments (担当履歴): who accompanied the project before, with their
//! periods. The current officers stay on the 担当 line of the head.

use super::layout::heading;
use super::{DetailLine, Tone};
use crate::model::{Coded, ProjectDetail};
use crate::text::sanitize_line;
use crate::{Lang, tr};

/// `▸ 担当履歴` and one line per ended assignment (`PO 山田 花子  2024-04-01〜2026-03-31`),
/// nothing when no assignment has ended.
pub(super) fn past_officers(out: &mut Vec<DetailLine>, d: &ProjectDetail, lang: Lang) {
    if d.past_officers.is_empty() {
        return;
    }
    heading(out, tr(lang, "担当履歴", "Past assignments").into());
    for a in &d.past_officers {
        out.push(DetailLine(vec![
            (
                Tone::Normal,
                format!("  {} {}  ", a.role.code(), sanitize_line(&a.name)),
            ),
            (
                Tone::Dim,
                format!("{}〜{}", a.from.as_deref().unwrap_or("?"), a.to),
            ),
        ]));
    }
}
