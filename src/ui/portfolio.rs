//! The portfolio screens: budget pivot (fiscal years × rows, 千円), phase funnel with time in
//! phase, a PI's or institution's projects, and a project's links.

use super::theme::Theme;
use super::tr;
use crate::Lang;
use crate::app::{App, BudgetState, FunnelState, LinksState, PiState};
use crate::model::{Coded, Phase, PiKey};
use crate::text::{fit, fit_right, sanitize_line, thousands};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Draws `lines` from the top of `area`, as many as fit.
fn put_lines(frame: &mut Frame<'_>, area: Rect, lines: Vec<Line<'_>>) {
    for (i, line) in lines.into_iter().take(area.height as usize).enumerate() {
        let row = Rect {
            y: area.y + i as u16,
            height: 1,
            ..area
        };
        frame.render_widget(line, row);
    }
}

fn loading(lang: Lang, theme: Theme) -> Line<'static> {
    Line::styled(tr(lang, " 読み込み中", " loading"), theme.dim())
}

fn name<'a>(lang: Lang, ja: &'a str, en: &'a str) -> String {
    sanitize_line(if lang == Lang::Ja { ja } else { en }).into_owned()
}

pub fn draw_budget(frame: &mut Frame<'_>, area: Rect, app: &App, b: &BudgetState, theme: Theme) {
    let lang = app.lang;
    let Some(pivot) = &b.pivot else {
        return put_lines(frame, area, vec![loading(lang, theme)]);
    };
    let w = area.width as usize;
    let mut lines = vec![Line::styled(
        format!(
            " {} ({}) | {} {} {}",
            tr(lang, "年度別配分額", "Budget by fiscal year"),
            tr(lang, "千円", "thousand yen"),
            tr(lang, "総額", "total"),
            thousands(pivot.total),
            tr(
                lang,
                "| t 行切替 | 左右キー 年度",
                "| t rows | Left/Right years"
            ),
        ),
        theme.label(),
    )];
    if pivot.years.is_empty() {
        lines.push(Line::styled(
            tr(
                lang,
                " 配分額が登録されていません（seedline import budgets で取り込み）",
                " no allocations recorded (seedline import budgets)",
            ),
            theme.dim(),
        ));
        return put_lines(frame, area, lines);
    }
    let col = 12;
    let label_w = (w / 4).clamp(12, 40);
    let fit_years = (w.saturating_sub(label_w + col + 1) / (col + 1)).max(1);
    let n = pivot.years.len();
    // The latest years first come into view; ←/→ move the window.
    let first = b
        .first_year
        .unwrap_or(n.saturating_sub(fit_years))
        .min(n.saturating_sub(fit_years.min(n)));
    let shown: Vec<usize> = (first..n).take(fit_years).collect();
    let mut head = vec![Span::styled(
        fit(&format!(" {}", pivot.rows_by.label(lang)), label_w),
        theme.column_header(),
    )];
    for &i in &shown {
        head.push(Span::styled(
            format!(" {}", fit_right(&pivot.years[i].label(lang), col)),
            theme.column_header(),
        ));
    }
    head.push(Span::styled(
        format!(" {}", fit_right(tr(lang, "計", "Total"), col)),
        theme.column_header(),
    ));
    lines.push(Line::from(head));
    let body_rows = (area.height as usize).saturating_sub(lines.len() + 1);
    for row in pivot.rows.iter().skip(b.scroll).take(body_rows) {
        let mut spans = vec![Span::raw(fit(
            &format!(" {}", sanitize_line(&row.label(lang))),
            label_w,
        ))];
        for &i in &shown {
            let v = row.amounts[i];
            spans.push(Span::styled(
                format!(" {}", fit_right(&thousands(v), col)),
                if v == 0 { theme.dim() } else { Style::new() },
            ));
        }
        spans.push(Span::styled(
            format!(" {}", fit_right(&thousands(row.total), col)),
            theme.totals(),
        ));
        lines.push(Line::from(spans));
    }
    let mut totals = vec![Span::styled(
        fit(tr(lang, " 計", " Total"), label_w),
        theme.totals(),
    )];
    for &i in &shown {
        totals.push(Span::styled(
            format!(" {}", fit_right(&thousands(pivot.column_totals[i]), col)),
            theme.totals(),
        ));
    }
    totals.push(Span::styled(
        format!(" {}", fit_right(&thousands(pivot.total), col)),
        theme.totals(),
    ));
    lines.push(Line::from(totals));
    put_lines(frame, area, lines);
}

pub fn draw_funnel(frame: &mut Frame<'_>, area: Rect, app: &App, f: &FunnelState, theme: Theme) {
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
                        "days, 実用化 aside; stalled:yes"
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
    for ip in funnel.by_integrated_project.iter().skip(f.scroll) {
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
    put_lines(frame, area, lines);
}

pub fn draw_pi(frame: &mut Frame<'_>, area: Rect, app: &App, p: &PiState, theme: Theme) {
    let lang = app.lang;
    let Some(o) = &p.overview else {
        return put_lines(frame, area, vec![loading(lang, theme)]);
    };
    let w = area.width as usize;
    let who = match &p.key {
        PiKey::Pi(n) => format!("{} {}", tr(lang, "研究代表者", "PI"), sanitize_line(n)),
        PiKey::Institution(n) => {
            format!("{} {}", tr(lang, "機関", "Institution"), sanitize_line(n))
        }
    };
    let mut lines = vec![
        Line::styled(fit(&format!(" {who}"), w), theme.label()),
        Line::from(vec![
            Span::raw(format!(
                " {} {} | {} {} | {} {} | ",
                thousands(o.projects.len() as i64),
                tr(lang, "課題", "projects"),
                thousands(o.programs),
                tr(lang, "事業", "programs"),
                tr(lang, "実施中", "active"),
                thousands(o.active),
            )),
            Span::styled(
                format!(
                    "{} {}{}",
                    tr(lang, "期間重複", "overlapping:"),
                    thousands(o.overlapping_pairs),
                    tr(lang, "組", " pairs")
                ),
                if o.overlapping_pairs > 0 {
                    theme.warn()
                } else {
                    Style::new()
                },
            ),
        ]),
        Line::raw(format!(
            " {} {} | {} {} ({})",
            tr(lang, "総額", "total"),
            thousands(o.budget_kyen),
            tr(lang, "今年度", "this year"),
            thousands(o.budget_this_year_kyen),
            tr(lang, "千円", "thousand yen"),
        )),
    ];
    let head = format!(
        "  {} {} {} {} {} {}",
        fit(tr(lang, "課題管理番号", "AMED id"), 14),
        fit(tr(lang, "期間", "Period"), 16),
        fit(tr(lang, "事業", "Program"), 14),
        fit(tr(lang, "段階", "Phase"), 6),
        fit_right(tr(lang, "総額(千円)", "k yen"), 11),
        tr(lang, "課題名", "Title")
    );
    lines.push(Line::styled(fit(&head, w), theme.column_header()));
    let page = (area.height as usize).saturating_sub(lines.len());
    let rest = w.saturating_sub(2 + 15 + 17 + 15 + 7 + 12);
    // Year and month are enough to see overlaps; the detail has the days.
    let month = |d: &str| d.get(..7).unwrap_or(d).to_string();
    for (k, r) in o.projects.iter().enumerate().skip(p.offset).take(page) {
        let period = format!(
            "{}〜{}",
            month(&r.start_date),
            r.end_date.as_deref().map(month).unwrap_or_default()
        );
        let mut line = Line::from(vec![
            Span::styled(if r.active { "◉ " } else { "  " }, theme.ok()),
            Span::styled(
                format!("{} ", fit(&sanitize_line(&r.amed_id), 14)),
                theme.dim(),
            ),
            Span::raw(format!(
                "{} {} {} {} {}",
                fit(&period, 16),
                fit(&name(lang, &r.program_ja, &r.program_en), 14),
                fit(r.phase.short_label(lang), 6),
                fit_right(&thousands(r.budget_kyen), 11),
                fit(&sanitize_line(&r.title), rest)
            )),
        ]);
        if k == p.cursor {
            line = line.style(theme.cursor());
        }
        lines.push(line);
    }
    put_lines(frame, area, lines);
}

pub fn draw_links(frame: &mut Frame<'_>, area: Rect, app: &App, l: &LinksState, theme: Theme) {
    let lang = app.lang;
    let w = area.width as usize;
    let mut lines = vec![Line::styled(
        fit(
            tr(
                lang,
                " Enter で開く（画面のない SSH では場所を表示） | seedline attach で追加",
                " Enter opens (over SSH without a display: shows where) | seedline attach adds",
            ),
            w,
        ),
        theme.label(),
    )];
    let head = format!(
        "  {} {} {} {}",
        fit(tr(lang, "種別", "Kind"), 10),
        fit(tr(lang, "日付", "Date"), 10),
        fit(tr(lang, "ラベル", "Label"), 24),
        tr(lang, "リンク", "Link")
    );
    lines.push(Line::styled(fit(&head, w), theme.column_header()));
    if l.links.is_empty() {
        lines.push(Line::styled(
            tr(lang, "  添付リンクはありません", "  no links"),
            theme.dim(),
        ));
    }
    let rest = w.saturating_sub(2 + 11 + 11 + 25);
    for (k, a) in l.links.iter().enumerate() {
        let mut line = Line::raw(format!(
            "  {} {} {} {}",
            fit(a.kind.label(lang), 10),
            fit(a.dated_on.as_deref().unwrap_or(""), 10),
            fit(&sanitize_line(&a.label), 24),
            fit(&sanitize_line(&a.target), rest)
        ));
        if k == l.cursor {
            line = line.style(theme.cursor());
        }
        lines.push(line);
    }
    put_lines(frame, area, lines);
}
