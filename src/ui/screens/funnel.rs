//! The phase funnel: transitions of one fiscal year with a bar per phase, what is stalled, and
//! the median time in phase per integrated project.

use super::{loading, name, put_lines};
use crate::app::{App, FunnelState};
use crate::model::{Coded, Phase};
use crate::text::{fit, fit_right, thousands};
use crate::ui::theme::Theme;
use crate::ui::tr;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, f: &FunnelState, theme: Theme) {
    let lang = app.lang;
    let Some(funnel) = &f.funnel else {
        return put_lines(frame, area, vec![loading(lang, theme)]);
    };
    let w = area.width as usize;
    let mut lines = vec![
        Line::styled(
            format!(
                " {} ({}〜{}) | {}",
                f.year.label(lang),
                funnel.from,
                funnel.to,
                tr(lang, "左右キーで年度", "Left/Right: year")
            ),
            theme.label(),
        ),
        Line::from(vec![
            Span::styled(
                format!(
                    " {} {} ",
                    tr(lang, "停滞（現在）", "Stalled now"),
                    thousands(funnel.stalled)
                ),
                if funnel.stalled > 0 {
                    theme.warn()
                } else {
                    Style::new()
                },
            ),
            Span::styled(
                format!(
                    "({} {} {})",
                    tr(lang, "同じフェーズに", "in one phase over"),
                    thousands(app.stall_days),
                    tr(
                        lang,
                        "日超・実用化を除く; stalled:yes",
                        "days, practical use aside; stalled:yes"
                    ),
                ),
                theme.dim(),
            ),
        ]),
    ];
    let head = format!(
        " {} {} {} {} {}",
        fit(tr(lang, "移行", "Transition"), 16),
        fit_right(tr(lang, "移行/在籍", "moved/in"), 15),
        fit_right(tr(lang, "率", "rate"), 6),
        fit_right(tr(lang, "滞留中央値", "median days"), 11),
        tr(lang, "", ""),
    );
    lines.push(Line::styled(fit(&head, w), theme.column_header()));
    let max_in = funnel
        .steps
        .iter()
        .map(|s| s.in_phase)
        .max()
        .unwrap_or(0)
        .max(1);
    let bar_room = w.saturating_sub(1 + 16 + 16 + 7 + 12 + 2).max(1);
    for (i, phase) in Phase::ALL.iter().enumerate() {
        let step = &funnel.steps[i];
        let next = Phase::ALL.get(i + 1);
        let label = match next {
            // U+203A is one cell everywhere (an arrow is ambiguous-width in CJK terminals).
            Some(n) => format!("{}›{}", phase.short_label(lang), n.short_label(lang)),
            None => phase.short_label(lang).to_string(),
        };
        let moved = if next.is_some() {
            format!(
                "{} / {}",
                thousands(step.advanced),
                thousands(step.in_phase)
            )
        } else {
            thousands(step.in_phase)
        };
        let rate = match (next, step.rate_percent()) {
            (Some(_), Some(r)) => format!("{r:.1}%"),
            _ => "-".into(),
        };
        let median = step.median_days.map_or("-".into(), thousands);
        let len = (step.in_phase as f64 / max_in as f64 * bar_room as f64).round() as usize;
        lines.push(Line::from(vec![
            Span::raw(format!(
                " {} {} {} {} ",
                fit(&label, 16),
                fit_right(&moved, 15),
                fit_right(&rate, 6),
                fit_right(&median, 11)
            )),
            // U+25AE is one cell in every terminal.
            Span::styled(
                "▮".repeat(len.max(usize::from(step.in_phase > 0))),
                theme.bar(),
            ),
        ]));
    }
    lines.push(Line::styled(
        tr(
            lang,
            " 在籍=年度中にいた課題 移行=年度中に先へ進んだ課題 中央値=終えた滞在",
            " in = there during the year; moved = went on in it; median of ended stays",
        ),
        theme.dim(),
    ));
    lines.push(Line::raw(""));
    let cell = 7;
    let label_w = w.saturating_sub((cell + 1) * 5).max(8);
    let mut head = vec![Span::styled(
        fit(
            tr(lang, " 滞留中央値（日）", " Median days in phase"),
            label_w,
        ),
        theme.column_header(),
    )];
    for phase in Phase::ALL {
        head.push(Span::styled(
            format!(" {}", fit_right(phase.short_label(lang), cell)),
            theme.column_header(),
        ));
    }
    lines.push(Line::from(head));
    if funnel.by_integrated_project.is_empty() {
        lines.push(Line::styled(
            tr(lang, " 終えた滞在はまだありません", " no ended stays yet"),
            theme.dim(),
        ));
    }
    for ip in &funnel.by_integrated_project {
        let mark = if ip.period == 2 {
            tr(lang, "2期 ", "P2 ")
        } else {
            ""
        };
        let mut spans = vec![Span::raw(fit(
            &format!(" {mark}{}", name(lang, &ip.name_ja, &ip.name_en)),
            label_w,
        ))];
        for (median, _) in ip.median_days {
            spans.push(Span::raw(format!(
                " {}",
                fit_right(&median.map_or("-".into(), thousands), cell)
            )));
        }
        lines.push(Line::from(spans));
    }
    // The whole content scrolls: on a short terminal the per-project rows lie below the head.
    put_lines(frame, area, lines.into_iter().skip(f.scroll).collect());
}
