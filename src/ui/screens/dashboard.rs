//! The pipeline dashboard: the scope line (when narrowed), the headline strip, the matrix (rows ×
//! 基礎…実用化 + total) with open-flag (⚑) and due follow-up (!) markers, the totals with every
//! mark, and a per-phase bar chart when there is room.

mod headline;
mod layout;

use crate::Lang;
use crate::app::{App, DashboardState, Overlay};
use crate::model::{Coded, Matrix, MatrixCell, Phase, Pivot};
use crate::text::{self, fit, fit_right, thousands};
use crate::ui::theme::Theme;
use crate::ui::tr;
use layout::{Columns, Marks};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Flag marker: U+2691 is East Asian "neutral", one cell everywhere.
pub const FLAG: &str = "⚑";

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: Theme) {
    let lang = app.lang;
    let state = &app.dashboard;
    let Some(data) = &state.data else {
        frame.render_widget(
            Line::styled(tr(lang, "読み込み中", "loading"), theme.dim()),
            area,
        );
        return;
    };
    let w = area.width as usize;
    // A database without projects (not a narrowed view of one): say what to do first.
    if data.headline.projects == 0
        && data.matrix.options.officers.is_none()
        && data.filter.is_empty()
    {
        return super::put_lines(frame, area, super::first_run::lines(app, w, theme));
    }
    let mut lines = Vec::new();
    // The scope line sits first, where `/` edits it (the filter line is drawn over it).
    let editing = matches!(app.overlay, Overlay::Filter { .. });
    if state.has_scope_line() || editing {
        lines.push(scope_line(app, w, theme));
    }
    lines.extend(headline::lines(&data.headline, w, lang, theme));
    let columns = layout::columns(state, &data.matrix, w, lang);
    let below = columns.totals_lines(&data.matrix) + legend_lines(state.pivot);
    // A blank line under the headline, unless the matrix rows need it.
    let whole = lines.len() + 2 + data.matrix.rows.len() + below;
    if lines.len() < 3 && whole <= area.height as usize {
        lines.push(Line::raw(""));
    }
    lines.push(header(state.pivot, &columns, lang, theme));
    // Matrix rows that fit above the totals and the legend; the window follows the cursor.
    let room = (area.height as usize)
        .saturating_sub(lines.len() + below)
        .max(1);
    matrix(&mut lines, state, &data.matrix, &columns, room, lang, theme);
    legend(&mut lines, state.pivot, columns.budget, w, lang, theme);
    if (area.height as usize).saturating_sub(lines.len()) >= 7 {
        phase_bars(&mut lines, &data.matrix, w, lang, theme);
    }
    super::put_lines(frame, area, lines);
}

/// What the figures are narrowed to: the scope (`/`, or the rows Enter on a row label chose),
/// mine only (`o`), this year's budget (`b`), and what Esc does.
fn scope_line(app: &App, w: usize, theme: Theme) -> Line<'static> {
    let lang = app.lang;
    let state = &app.dashboard;
    let mut parts = Vec::new();
    if let Some(scope) = state.scope_name() {
        parts.push(format!(
            "{} {}",
            tr(lang, "範囲:", "Scope:"),
            text::sanitize_line(&scope)
        ));
    }
    let mode = crate::app::dashboard_mode(
        lang,
        state.mine.then_some(app.author.name.as_str()),
        state
            .budget
            .then(|| crate::model::FiscalYear::of(app.today)),
    );
    if !mode.is_empty() {
        parts.push(mode);
    }
    let esc = if !state.trail.is_empty() {
        tr(lang, "Esc 戻る", "Esc back")
    } else if state.scope_name().is_some() {
        tr(lang, "Esc 範囲解除", "Esc clears the scope")
    } else {
        ""
    };
    let text = format!(" ▸ {}", parts.join(" | "));
    let hint_w = if esc.is_empty() {
        0
    } else {
        text::width(esc) + 2
    };
    let shown = text::fit(&text, w.saturating_sub(hint_w));
    let mut spans = vec![Span::styled(shown, theme.selected())];
    if !esc.is_empty() && w >= hint_w + 8 {
        spans.push(Span::styled(format!("  {esc}"), theme.dim()));
    }
    Line::from(spans)
}

/// The column header: the pivot's name, the phases and the total, each as long as it fits.
fn header(pivot: Pivot, columns: &Columns, lang: Lang, theme: Theme) -> Line<'static> {
    let room = columns.col_w.saturating_sub(1);
    let label = |long: &str, short: &str| {
        let text = if text::width(long) <= room {
            long
        } else {
            short
        };
        format!(" {}", fit_right(text, room))
    };
    let mut spans = vec![Span::styled(
        fit(
            &format!(" {}", layout::pivot_name(pivot, lang)),
            columns.label_w,
        ),
        theme.column_header(),
    )];
    for phase in Phase::ALL {
        spans.push(Span::styled(
            label(phase.label(lang), phase.short_label(lang)),
            theme.column_header(),
        ));
    }
    let total = layout::total_label(lang);
    spans.push(Span::styled(label(total, total), theme.column_header()));
    Line::from(spans)
}

/// A row per integrated project (or disease area), then the totals with their marks.
fn matrix(
    lines: &mut Vec<Line<'static>>,
    state: &DashboardState,
    m: &Matrix,
    columns: &Columns,
    room: usize,
    lang: Lang,
    theme: Theme,
) {
    let total_row = m.rows.len();
    let first = state
        .row
        .min(total_row.saturating_sub(1))
        .saturating_sub(room.saturating_sub(1))
        .min(total_row.saturating_sub(room));
    let label_style = |r: usize, base: Style| {
        if r != state.row {
            base
        } else if state.on_label {
            theme.cursor()
        } else {
            theme.totals()
        }
    };
    for (r, row) in m.rows.iter().enumerate().skip(first).take(room) {
        let name = layout::row_label(&row.name_ja, &row.name_en, row.period == 2, row.depth, lang);
        let mut spans = vec![Span::styled(
            fit(&name, columns.label_w),
            label_style(r, Style::new()),
        )];
        for (c, cell) in row.cells.iter().chain([&row.total]).enumerate() {
            let cursor = r == state.row && c == state.col && !state.on_label;
            spans.push(cell_span(cell, columns, cursor, false, theme));
        }
        lines.push(Line::from(spans));
    }
    let totals: Vec<&MatrixCell> = m.column_totals.iter().chain([&m.total]).collect();
    let mut spans = vec![Span::styled(
        fit(&format!(" {}", layout::total_label(lang)), columns.label_w),
        label_style(total_row, theme.totals()),
    )];
    for (c, cell) in totals.iter().enumerate() {
        let cursor = state.row == total_row && c == state.col && !state.on_label;
        spans.push(cell_span(cell, columns, cursor, true, theme));
    }
    lines.push(Line::from(spans));
    // The totals' marks under them when they do not fit beside the counts: every one shown.
    if columns.budget.is_some() || columns.marks == Marks::Inline {
        return;
    }
    let mark_lines: Vec<fn(&MatrixCell) -> String> = match columns.marks {
        Marks::Line => vec![layout::marks],
        _ => vec![
            |c: &MatrixCell| {
                if c.open_flags > 0 {
                    format!("{FLAG}{}", thousands(c.open_flags))
                } else {
                    String::new()
                }
            },
            |c: &MatrixCell| {
                if c.follow_ups_due > 0 {
                    format!("!{}", thousands(c.follow_ups_due))
                } else {
                    String::new()
                }
            },
        ],
    };
    for text_of in mark_lines {
        let texts: Vec<String> = totals.iter().map(|c| text_of(c)).collect();
        if texts.iter().all(String::is_empty) {
            continue;
        }
        let mut spans = vec![Span::raw(" ".repeat(columns.label_w))];
        for (cell, text) in totals.iter().zip(&texts) {
            let style = if cell.follow_ups_due > 0 && text.contains('!') {
                theme.alert()
            } else {
                theme.flag()
            };
            spans.push(Span::styled(
                format!(
                    "{}{}",
                    " ".repeat(columns.gap),
                    fit_right(text, columns.room())
                ),
                style,
            ));
        }
        lines.push(Line::from(spans));
    }
}

/// Lines of the legend under the totals.
fn legend_lines(pivot: Pivot) -> usize {
    1 + usize::from(pivot == Pivot::DiseaseArea)
}

/// The first of `texts` that fits `w` cells, else the last cut with `~`.
fn fitting(texts: &[String], w: usize) -> String {
    texts
        .iter()
        .find(|t| text::width(t) <= w)
        .cloned()
        .unwrap_or_else(|| text::truncate(texts.last().map_or("", |s| s), w).into_owned())
}

/// What the figures mean (and, by disease area, how projects in several areas count).
fn legend(
    lines: &mut Vec<Line<'static>>,
    pivot: Pivot,
    budget: Option<i64>,
    w: usize,
    lang: Lang,
    theme: Theme,
) {
    if pivot == Pivot::DiseaseArea {
        let texts = [
            tr(
                lang,
                " 複数の疾患領域に属する課題は各領域で数えます（計は重複なし）",
                " A project in several areas counts in each (totals count it once)",
            ),
            tr(
                lang,
                " 複数領域の課題は各領域で数える（計は重複なし）",
                " Counted in each of its areas (totals once)",
            ),
        ];
        lines.push(Line::styled(
            fitting(&texts.map(String::from), w),
            theme.dim(),
        ));
    }
    let texts = if let Some(unit) = budget {
        let unit = match unit {
            1 => tr(lang, "千円", "thousand yen"),
            layout::OKU => tr(lang, "億円", "100 million yen"),
            _ => tr(lang, "百万円", "million yen"),
        };
        [
            format!(
                " {} ({unit}){}",
                tr(
                    lang,
                    "数値は今年度の配分額",
                    "Figures are this fiscal year's budget"
                ),
                tr(lang, "。b で課題数に戻る", "; b for counts")
            ),
            format!(
                " {} ({unit})",
                tr(lang, "今年度の配分額", "This year's budget")
            ),
        ]
    } else {
        [
            format!(
                " {FLAG}n {}   !n {}",
                tr(lang, "ハイウェイ候補・推薦", "open highway flags"),
                tr(lang, "フォローアップ期限到来", "follow-ups due")
            ),
            format!(
                " {FLAG} {}  ! {}",
                tr(lang, "ハイウェイ候補・推薦", "highway flags"),
                tr(lang, "期限到来", "follow-ups due")
            ),
        ]
    };
    lines.push(Line::styled(fitting(&texts, w), theme.dim()));
}

/// Projects per phase as bars, when the terminal has room under the matrix.
fn phase_bars(lines: &mut Vec<Line<'static>>, m: &Matrix, w: usize, lang: Lang, theme: Theme) {
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        tr(lang, " フェーズ別課題数", " Projects per phase"),
        theme.label(),
    ));
    let label_w = Phase::ALL
        .iter()
        .map(|p| text::width(p.label(lang)))
        .max()
        .unwrap_or(0)
        + 2;
    let max = m
        .column_totals
        .iter()
        .map(|c| c.projects)
        .max()
        .unwrap_or(0)
        .max(1);
    let figure_w = m
        .column_totals
        .iter()
        .map(|c| text::width(&thousands(c.projects)))
        .max()
        .unwrap_or(1);
    let bar_room = w.saturating_sub(label_w + figure_w + 2).clamp(1, 60);
    for phase in Phase::ALL {
        let n = m.column_totals[phase.index()].projects;
        let len = ((n as f64 / max as f64) * bar_room as f64).round() as usize;
        lines.push(Line::from(vec![
            Span::raw(fit(&format!(" {}", phase.label(lang)), label_w)),
            // U+25AE is East Asian "neutral": one cell in every terminal.
            Span::styled("▮".repeat(len.max(usize::from(n > 0))), theme.bar()),
            Span::raw(format!(" {}", thousands(n))),
        ]));
    }
}

/// A cell right-aligned after a gap: in counts mode `123 ⚑4 !2` when it fits, else `123⚑!`, else
/// the count alone (the totals' marks go under them); in budget mode the sum in its unit. A
/// figure too wide for its column ends with `~`.
fn cell_span(
    cell: &MatrixCell,
    columns: &Columns,
    cursor: bool,
    totals: bool,
    theme: Theme,
) -> Span<'static> {
    let room = columns.room();
    let gap = " ".repeat(columns.col_w.saturating_sub(room));
    if let Some(unit) = columns.budget {
        let style = if cursor {
            theme.cursor()
        } else if cell.budget_kyen == 0 {
            theme.dim()
        } else {
            Style::new()
        };
        return Span::styled(
            format!("{gap}{}", fit_right(&layout::budget_text(cell, unit), room)),
            style,
        );
    }
    let count = thousands(cell.projects);
    let text = if totals && columns.marks != Marks::Inline {
        count
    } else {
        [layout::full(cell), layout::compact(cell)]
            .into_iter()
            .find(|t| text::width(t) <= room)
            .unwrap_or(count)
    };
    let style = if cursor {
        theme.cursor()
    } else if cell.projects == 0 {
        theme.dim()
    } else if cell.follow_ups_due > 0 {
        theme.alert()
    } else if cell.open_flags > 0 {
        theme.flag()
    } else {
        Style::new()
    };
    Span::styled(format!("{gap}{}", fit_right(&text, room)), style)
}
