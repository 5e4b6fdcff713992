//! The detail's highway-support section: each flag with its target program, reason, the three
//! licensing criteria and its status moves.

use super::layout::{heading, wrap};
use super::{DetailLine, Tone};
use crate::model::{Coded, ProjectDetail};
use crate::text::sanitize_line;
use crate::{Lang, tr};

/// Flags, newest first, or the line saying there is none.
pub(super) fn flags(out: &mut Vec<DetailLine>, d: &ProjectDetail, lang: Lang, cols: usize) {
    let ja = lang == Lang::Ja;
    heading(out, tr(lang, "ハイウェイ支援", "Highway support").into());
    if d.flags.is_empty() {
        out.push(DetailLine::plain(
            Tone::Dim,
            format!("  {}", tr(lang, "フラグなし", "no flag")),
        ));
    }
    let criteria_names = [
        tr(lang, "競合優位性", "Competitive advantage"),
        tr(lang, "知財ポートフォリオ", "IP portfolio"),
        tr(
            lang,
            "有効性・安全性・再現性",
            "Efficacy/safety/reproducibility",
        ),
    ];
    for f in &d.flags {
        let target = if ja { &f.target_ja } else { &f.target_en };
        let tone = if f.status.is_open() {
            Tone::Flag
        } else {
            Tone::Dim
        };
        out.push(DetailLine(vec![
            (
                tone,
                format!("  ⚑ {} › {}", f.status.label(lang), sanitize_line(target)),
            ),
            (
                Tone::Dim,
                format!(
                    "  {} {}",
                    &f.created_at.get(..10).unwrap_or(&f.created_at),
                    sanitize_line(&f.flagged_by)
                ),
            ),
        ]));
        wrap(out, &f.reason, 4, cols, Tone::Normal);
        for (name, (status, note)) in criteria_names.iter().zip(&f.criteria) {
            let tone = match status {
                crate::model::CriterionStatus::Insufficient => Tone::Alert,
                crate::model::CriterionStatus::NotAssessed => Tone::Dim,
                _ => Tone::Normal,
            };
            out.push(DetailLine(vec![
                (Tone::Label, format!("    {}", crate::text::fit(name, 24))),
                (tone, crate::text::fit(status.label(lang), 10)),
                (
                    Tone::Dim,
                    crate::text::truncate(&sanitize_line(note), cols.saturating_sub(40))
                        .into_owned(),
                ),
            ]));
        }
        for (from, to, by, at, why) in &f.moves {
            let step = match from {
                Some(from) => format!("{} › {}", from.label(lang), to.label(lang)),
                None => to.label(lang).to_string(),
            };
            out.push(DetailLine::plain(
                Tone::Dim,
                crate::text::truncate(
                    &format!(
                        "    {} {step}  {}  {}",
                        at.get(..10).unwrap_or(at),
                        sanitize_line(by),
                        sanitize_line(why)
                    ),
                    cols,
                )
                .into_owned(),
            ));
        }
        if !f.decision_note.is_empty() {
            wrap(out, &f.decision_note, 4, cols, Tone::Dim);
        }
    }
}
