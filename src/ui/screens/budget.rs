//! The budget pivot: fiscal years × integrated projects, programs or phases (千円), the window
//! of years that fits (`‹` / `›` and the title say which years lie off screen), the all-years
//! total column, the totals row and the cell cursor.

use super::{loading, put_lines};
use crate::app::screens::budget;
use crate::app::{App, BudgetState};
use crate::text::{fit, fit_right, sanitize_line, thousands};
use crate::ui::theme::Theme;
use crate::ui::tr;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, b: &BudgetState, theme: Theme) {
    let lang = app.lang;
    let Some(pivot) = &b.pivot else {
        return put_lines(frame, area, vec![loading(lang, theme)]);
    };
    let w = area.width as usize;
    let first = b.first_year_shown(w);
    let shown: Vec<usize> = (first..pivot.years.len())
        .take(budget::years_that_fit(w))
        .collect();
    let (left, right) = match (shown.first(), shown.last()) {
        (Some(&f), Some(&l)) => (f > 0, l + 1 < pivot.years.len()),
        _ => (false, false),
    };
    // Which years lie off screen, by name: the total column sums them too.
    let mut hidden = Vec::new();
    if let (true, Some(&f)) = (left, shown.first()) {
        hidden.push(format!(
            "‹ {}",
            budget::years_label(lang, &pivot.years[0], &pivot.years[f - 1])
        ));
    }
    if let (true, Some(&l), Some(last)) = (right, shown.last(), pivot.years.last()) {
        hidden.push(format!(
            "{} ›",
            budget::years_label(lang, &pivot.years[l + 1], last)
        ));
    }
    // The breadcrumb names the screen; this line says the unit, the total and what is hidden.
    let mut title = format!(
        " {} | {} {}",
        tr(lang, "単位 千円", "thousand yen"),
        tr(lang, "総額", "total"),
        thousands(pivot.total),
    );
    if !hidden.is_empty() {
        title.push_str(&format!(
            " | {} {}",
            hidden.join(" "),
            tr(lang, "は画面外（左右キー）", "off screen (Left/Right)")
        ));
    }
    let mut lines = vec![Line::styled(fit(&title, w), theme.label())];
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
    let col = budget::YEAR_COLUMN;
    let label_w = budget::label_width(w);
    let cursor_col = b.cursor_col();
    let mut head = vec![Span::styled(
        fit(&format!(" {}", pivot.rows_by.label(lang)), label_w),
        theme.column_header(),
    )];
    for (k, &i) in shown.iter().enumerate() {
        // `‹` before the first year shown when earlier years lie to the left.
        let lead = if k == 0 && left { "‹" } else { " " };
        head.push(Span::styled(
            format!("{lead}{}", fit_right(&pivot.years[i].label(lang), col)),
            theme.column_header(),
        ));
    }
    // `›` before the total when later years lie to the right; the total is of every year.
    head.push(Span::styled(
        format!(
            "{}{}",
            if right { "›" } else { " " },
            fit_right(tr(lang, "全年度計", "All FYs"), col)
        ),
        theme.column_header(),
    ));
    lines.push(Line::from(head));
    let body_rows = (area.height as usize).saturating_sub(lines.len() + 1);
    let cell = |text: String, at: (usize, usize), style: Style| {
        let style = if at == (b.row, cursor_col) {
            theme.cursor()
        } else {
            style
        };
        Span::styled(text, style)
    };
    let years = pivot.years.len();
    for (r, row) in pivot.rows.iter().enumerate().skip(b.scroll).take(body_rows) {
        let name_style = if r == b.row {
            theme.selected()
        } else {
            Style::new()
        };
        let mut spans = vec![Span::styled(
            fit(&format!(" {}", sanitize_line(&row.label(lang))), label_w),
            name_style,
        )];
        for &i in &shown {
            let v = row.amounts[i];
            let style = if v == 0 { theme.dim() } else { Style::new() };
            spans.push(Span::raw(" "));
            spans.push(cell(fit_right(&thousands(v), col), (r, i), style));
        }
        spans.push(Span::raw(" "));
        spans.push(cell(
            fit_right(&thousands(row.total), col),
            (r, years),
            theme.totals(),
        ));
        lines.push(Line::from(spans));
    }
    let totals_row = pivot.rows.len();
    let mut totals = vec![Span::styled(
        fit(tr(lang, " 計", " Total"), label_w),
        theme.totals(),
    )];
    for &i in &shown {
        totals.push(Span::raw(" "));
        totals.push(cell(
            fit_right(&thousands(pivot.column_totals[i]), col),
            (totals_row, i),
            theme.totals(),
        ));
    }
    totals.push(Span::raw(" "));
    totals.push(cell(
        fit_right(&thousands(pivot.total), col),
        (totals_row, years),
        theme.totals(),
    ));
    lines.push(Line::from(totals));
    put_lines(frame, area, lines);
}
