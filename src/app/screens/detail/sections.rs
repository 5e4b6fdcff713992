//! The detail's portfolio sections: time in the current phase, allocations per fiscal year,
//! deadlines (reports, evaluations, scheduled stage gates) and links.

use super::layout::{field, heading};
use super::{DetailLine, Tone};
use crate::model::{
    Coded, ProjectDetail, allocated_label, budget_total_label, deadline_text, parse_date,
};
use crate::text::{sanitize_line, thousands};
use crate::{Lang, tr};

/// `   滞留 412日（2025-10-09〜）` after the phase, or nothing without a phase history.
pub(super) fn time_in_phase(d: &ProjectDetail, lang: Lang, today: &str) -> String {
    let (Some(entered), Some(now)) = (
        d.phase_entered.as_deref().and_then(parse_date),
        parse_date(today),
    ) else {
        return String::new();
    };
    let days = (now - entered).num_days().max(0);
    format!(
        "   {} {}{} ({entered}〜)",
        tr(lang, "滞留", "in phase"),
        thousands(days),
        tr(lang, "日", " days"),
    )
}

/// The two budget figures, each under its own label: 総配分額 (the total recorded on the project)
/// and, when the project has fiscal-year rows, those rows (`2024年度 30,000 | 2025年度 28,000`)
/// and their sum 年度別計 with its difference from 総配分額 when the two disagree.
pub(super) fn budgets(out: &mut Vec<DetailLine>, d: &ProjectDetail, lang: Lang, cols: usize) {
    let kyen = tr(lang, "千円", "thousand yen");
    let total = d
        .budget_total_kyen
        .map_or_else(|| "-".to_string(), |b| format!("{} {kyen}", thousands(b)));
    field(out, budget_total_label(lang), &total, cols);
    if d.budgets.is_empty() {
        return;
    }
    let years: Vec<String> = d
        .budgets
        .iter()
        .map(|(y, k)| format!("{} {}", y.label(lang), thousands(*k)))
        .collect();
    field(
        out,
        tr(lang, "年度別配分額", "By fiscal year"),
        &format!("{} ({})", years.join(" | "), tr(lang, "千円", "k yen")),
        cols,
    );
    let sum: i64 = d.budgets.iter().map(|(_, k)| k).sum();
    let against = match d.budget_total_kyen {
        None => tr(lang, "総配分額は未登録", "no total award recorded").to_string(),
        Some(t) if t == sum => tr(lang, "総配分額と一致", "equals the total award").to_string(),
        Some(t) => format!(
            "{} {}",
            tr(lang, "総配分額との差", "against the total award:"),
            signed_thousands(sum - t)
        ),
    };
    let first = out.len();
    field(
        out,
        allocated_label(lang),
        &format!("{} {kyen} ({against})", thousands(sum)),
        cols,
    );
    // A disagreement stands out (the officer decides which figure is right).
    if d.budget_total_kyen.is_some_and(|t| t != sum) {
        for line in &mut out[first..] {
            for piece in line.0.iter_mut().skip(1) {
                piece.0 = Tone::Alert;
            }
        }
    }
}

/// `+275`, `-1,200`, `0`: a difference with its sign and thousands separators.
fn signed_thousands(n: i64) -> String {
    if n > 0 {
        format!("+{}", thousands(n))
    } else {
        thousands(n)
    }
}

/// The deadlines (open first, overdue ones in red) and the links (`L` lists them to open).
pub(super) fn deadlines_and_links(
    out: &mut Vec<DetailLine>,
    d: &ProjectDetail,
    lang: Lang,
    today: &str,
) {
    if !d.deadlines.is_empty() {
        heading(out, tr(lang, "期限（報告・評価）", "Deadlines").into());
    }
    for dl in &d.deadlines {
        let what = sanitize_line(&deadline_text(dl.kind, &dl.title, lang)).into_owned();
        let (tone, state) = match &dl.done {
            Some((on, by)) => (
                Tone::Dim,
                format!("{} {on} {}", tr(lang, "完了", "done"), sanitize_line(by)),
            ),
            None if dl.due_on.as_str() < today => {
                (Tone::Alert, tr(lang, "期限超過", "overdue").into())
            }
            None => (Tone::Normal, tr(lang, "未了", "open").into()),
        };
        out.push(DetailLine(vec![
            (Tone::Normal, format!("  {}  {what}  ", dl.due_on)),
            (tone, state),
        ]));
    }
    if !d.attachments.is_empty() {
        heading(
            out,
            format!(
                "{} ({})",
                tr(lang, "添付リンク", "Links"),
                tr(lang, "L で一覧・開く", "L to list and open")
            ),
        );
    }
    for a in &d.attachments {
        let on = a
            .note_id
            .map(|n| format!(" [{} #{n}]", tr(lang, "記録", "note")))
            .or_else(|| {
                a.flag_id
                    .map(|f| format!(" [{} #{f}]", tr(lang, "フラグ", "flag")))
            })
            .unwrap_or_default();
        out.push(DetailLine(vec![
            (
                Tone::Normal,
                format!(
                    "  {}  {}{on}  ",
                    a.kind.label(lang),
                    sanitize_line(&a.label)
                ),
            ),
            (Tone::Dim, sanitize_line(&a.target).into_owned()),
        ]));
    }
}
