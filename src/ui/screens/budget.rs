//! The budget pivot: fiscal years × integrated projects, programs or phases (千円), the window
//! of years that fits, and the totals row.

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
    let col = budget::YEAR_COLUMN;
    let label_w = budget::label_width(w);
    let first = b.first_year_shown(w);
    let shown: Vec<usize> = (first..pivot.years.len())
        .take(budget::years_that_fit(w))
        .collect();
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
