//! The phase funnel: transitions of one fiscal year with a bar per phase, what is stalled, and
//! the median time in phase per integrated project.

use super::{loading, name, put_lines};
use crate::app::{App, FunnelState};
use crate::model::{Coded, Funnel, Phase};
use crate::text::{self, fit, fit_right, thousands};
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
            fit(
                &format!(
                    " {} ({}{}{}) | {}",
                    f.year.label(lang),
                    funnel.from,
                    tr(lang, "〜", " to "),
                    funnel.to,
                    tr(
                        lang,
                        "Enter 課題一覧 | 左右 セル・年度",
                        "Enter: projects | Left/Right: cell, year"
                    )
                ),
                w,
            ),
            theme.label(),
        ),
        stalled_line(app, funnel, w, theme),
    ];
    // The transition names' column is as wide as the widest name in this language.
    let step_label = |i: usize| {
        let phase = Phase::ALL[i];
        match Phase::ALL.get(i + 1) {
            // U+203A is one cell everywhere (an arrow is ambiguous-width in CJK terminals).
            Some(n) => format!("{}›{}", phase.short_label(lang), n.short_label(lang)),
            None => phase.short_label(lang).to_string(),
        }
    };
    let label_w = (0..Phase::ALL.len())
        .map(|i| text::width(&step_label(i)))
        .chain([text::width(tr(lang, "移行", "Transition"))])
        .max()
        .unwrap_or(16);
    // The counts always show; the rate and the median only when they fit whole (a number is
    // never cut).
    let counts_w = 1 + label_w + 8 + 8;
    let show_rate = w >= counts_w + 7;
    let show_median = w >= counts_w + 7 + 12;
    let mut head = format!(
        " {} {} {}",
        fit(tr(lang, "移行", "Transition"), label_w),
        fit_right(tr(lang, "在籍", "in"), 7),
        fit_right(tr(lang, "移行", "moved"), 7),
    );
    if show_rate {
        head.push_str(&format!(" {}", fit_right(tr(lang, "率", "rate"), 6)));
    }
    if show_median {
        head.push_str(&format!(
            " {}",
            fit_right(tr(lang, "滞留中央値", "median days"), 11)
        ));
    }
    lines.push(Line::styled(fit(&head, w), theme.column_header()));
    let max_in = funnel
        .steps
        .iter()
        .map(|s| s.in_phase)
        .max()
        .unwrap_or(0)
        .max(1);
    let bar_room = w.saturating_sub(1 + label_w + 16 + 7 + 12 + 2).max(1);
    let cell = |text: String, at: (usize, usize)| {
        if at == (f.row, f.col) {
            Span::styled(text, theme.cursor())
        } else {
            Span::raw(text)
        }
    };
    for i in 0..Phase::ALL.len() {
        let step = &funnel.steps[i];
        let next = Phase::ALL.get(i + 1);
        let label = step_label(i);
        let moved = match next {
            Some(_) => thousands(step.advanced),
            None => "-".into(),
        };
        let rate = match (next, step.rate_percent()) {
            (Some(_), Some(r)) => format!("{r:.1}%"),
            _ => "-".into(),
        };
        let median = step.median_days.map_or("-".into(), thousands);
        let len = (step.in_phase as f64 / max_in as f64 * bar_room as f64).round() as usize;
        let name_style = if i == f.row {
            theme.selected()
        } else {
            Style::new()
        };
        lines.push(Line::from(vec![
            Span::styled(format!(" {}", fit(&label, label_w)), name_style),
            Span::raw(" "),
            cell(fit_right(&thousands(step.in_phase), 7), (i, 0)),
            Span::raw(" "),
            cell(fit_right(&moved, 7), (i, 1)),
            Span::raw(match (show_rate, show_median) {
                (true, true) => format!(" {} {} ", fit_right(&rate, 6), fit_right(&median, 11)),
                (true, false) => format!(" {}", fit_right(&rate, 6)),
                _ => String::new(),
            }),
            // U+25AE is one cell in every terminal; the bar needs the room after the median.
            Span::styled(
                if show_median {
                    "▮".repeat(len.max(usize::from(step.in_phase > 0)))
                } else {
                    String::new()
                },
                theme.bar(),
            ),
        ]));
    }
    lines.push(Line::styled(
        text::truncate(
            tr(
                lang,
                " 在籍=年度中にいた課題 移行=年度中に先へ進んだ課題 中央値=年度中に終えた滞在",
                " in = there during the year; moved = went on in it; median of stays ended in it",
            ),
            w,
        )
        .into_owned(),
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
            tr(
                lang,
                " この年度に終えた滞在はありません",
                " no stay ended in this year",
            ),
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

/// "Stalled now N (in one phase over D days …)": the figure whole, its explanation cut with `~`
/// to what is left of the width.
fn stalled_line(app: &App, funnel: &Funnel, w: usize, theme: Theme) -> Line<'static> {
    let lang = app.lang;
    let figure = format!(
        " {} {} ",
        tr(lang, "停滞（現在）", "Stalled now"),
        thousands(funnel.stalled)
    );
    let why = format!(
        "({} {} {})",
        tr(lang, "同じフェーズに", "in one phase over"),
        thousands(app.stall_days),
        tr(
            lang,
            "日超・実用化を除く; stalled:yes",
            "days, practical use aside; stalled:yes"
        ),
    );
    let room = w.saturating_sub(text::width(&figure));
    Line::from(vec![
        Span::styled(
            figure,
            if funnel.stalled > 0 {
                theme.warn()
            } else {
                Style::new()
            },
        ),
        Span::styled(text::truncate(&why, room).into_owned(), theme.dim()),
    ])
}
