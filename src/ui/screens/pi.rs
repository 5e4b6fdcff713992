//! A PI's or institution's overview: counts, overlapping periods, budgets and the projects.

use super::{loading, name, put_lines};
use crate::app::{App, PiState};
use crate::model::{PiKey, allocated_label, budget_total_label};
use crate::text::{fit, fit_right, sanitize_line, thousands, truncate, width};
use crate::ui::theme::Theme;
use crate::ui::tr;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, p: &PiState, theme: Theme) {
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
    // Overlaps pair projects of one PI only: a PI's view counts the pairs, an institution's the
    // PIs that have one (and their pairs).
    let overlap = match &p.key {
        PiKey::Pi(_) => format!(
            "{}(!) {}{}",
            tr(lang, "期間重複", "overlapping"),
            thousands(o.overlapping_pairs),
            tr(lang, "組", " pairs")
        ),
        PiKey::Institution(_) => format!(
            "{}(!) {}{} ({}{})",
            tr(lang, "期間重複の研究者", "PIs with overlaps"),
            thousands(o.pis_overlapping),
            tr(lang, "名", ""),
            thousands(o.overlapping_pairs),
            tr(lang, "組", " pairs")
        ),
    };
    let missing = if o.budget_total_missing > 0 {
        format!(
            " ({}{}{})",
            tr(lang, "未登録 ", ""),
            thousands(o.budget_total_missing),
            tr(lang, "課題", " not recorded")
        )
    } else {
        String::new()
    };
    // Each head line fits the width: what does not ends with `~`, never cut silently.
    let counts = truncate(
        &format!(
            " {} {} | {} {} | {}(*) {} | ",
            thousands(o.projects.len() as i64),
            tr(lang, "課題", "projects"),
            thousands(o.programs),
            tr(lang, "事業", "programs"),
            tr(lang, "実施中", "active"),
            thousands(o.active),
        ),
        w,
    )
    .into_owned();
    let mut lines = vec![
        Line::styled(fit(&format!(" {who}"), w), theme.label()),
        Line::from(vec![
            Span::raw(counts.clone()),
            Span::styled(
                truncate(&overlap, w.saturating_sub(width(&counts))).into_owned(),
                if o.overlapping_pairs > 0 {
                    theme.warn()
                } else {
                    Style::new()
                },
            ),
        ]),
        Line::raw(
            truncate(
                &format!(
                    " {} {}{missing} | {} {} | {} {} ({})",
                    budget_total_label(lang),
                    thousands(o.budget_total_kyen),
                    allocated_label(lang),
                    thousands(o.allocated_kyen),
                    tr(lang, "今年度", "this year"),
                    thousands(o.budget_this_year_kyen),
                    tr(lang, "千円", "k yen"),
                ),
                w,
            )
            .into_owned(),
        ),
    ];
    // Columns as wide as their label in this language (and the figure they hold).
    let total_head = format!(
        "{}({})",
        budget_total_label(lang),
        tr(lang, "千円", "k yen")
    );
    let total_w = width(&total_head).max(11);
    let head = format!(
        "  {} {} {} {} {} {}",
        fit(tr(lang, "課題管理番号", "AMED id"), 14),
        fit(tr(lang, "期間", "Period"), 16),
        fit(tr(lang, "事業", "Program"), 14),
        fit(tr(lang, "段階", "Phase"), 6),
        fit_right(&total_head, total_w),
        tr(lang, "課題名", "Title")
    );
    lines.push(Line::styled(fit(&head, w), theme.column_header()));
    let page = (area.height as usize).saturating_sub(lines.len());
    let rest = w.saturating_sub(2 + 15 + 17 + 15 + 7 + total_w + 1);
    // Year and month are enough to see overlaps; the detail has the days.
    let month = |d: &str| d.get(..7).unwrap_or(d).to_string();
    for (k, r) in o.projects.iter().enumerate().skip(p.offset).take(page) {
        let period = format!(
            "{}〜{}",
            month(&r.start_date),
            r.end_date.as_deref().map(month).unwrap_or_default()
        );
        let total = r.budget_total_kyen.map_or_else(|| "-".into(), thousands);
        let mut line = Line::from(vec![
            Span::styled(if r.active { "*" } else { " " }, theme.ok()),
            Span::styled(if r.overlaps { "!" } else { " " }, theme.warn()),
            Span::styled(
                format!("{} ", fit(&sanitize_line(&r.amed_id), 14)),
                theme.dim(),
            ),
            Span::raw(format!(
                "{} {} {} {} {}",
                fit(&period, 16),
                fit(&name(lang, &r.program_ja, &r.program_en), 14),
                fit(r.phase.short_label(lang), 6),
                fit_right(&total, total_w),
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
