//! The pipeline dashboard: headline strip, the matrix (rows × 基礎…実用化 + total) with open-flag
//! (⚑) and due follow-up (!) markers, and a per-phase bar chart when there is room.

use crate::Lang;
use crate::app::{App, DashboardState};
use crate::model::{Coded, Headline, Matrix, MatrixCell, Phase, Pivot};
use crate::text::{self, fit, fit_right, thousands};
use crate::ui::theme::Theme;
use crate::ui::tr;
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
    if data.headline.projects == 0 && data.matrix.options.officers.is_none() {
        return super::put_lines(frame, area, super::first_run::lines(app, w, theme));
    }
    let mut lines = headline(&data.headline, lang, theme);
    let mode = crate::app::dashboard_mode(
        lang,
        data.matrix
            .options
            .officers
            .is_some()
            .then_some(app.author.name.as_str()),
        data.matrix.options.budget_year,
    );
    if mode.is_empty() {
        lines.push(Line::raw(""));
    } else {
        lines.push(Line::styled(format!(" ▸ {mode}"), theme.selected()));
    }
    // Counts with their markers first (ten cells at 80 columns); names get the rest.
    let col_w = (w.saturating_sub(30) / 6).clamp(10, 14).min(w / 8).max(4);
    let columns = Columns {
        col_w,
        label_w: w.saturating_sub(col_w * 6).max(4),
        // Budget mode: 千円, or 百万円 when the grand total would not fit a cell.
        budget: data.matrix.options.budget_year.map(|_| {
            if text::width(&thousands(data.matrix.total.budget_kyen)) > col_w - 1 {
                1_000
            } else {
                1
            }
        }),
    };
    lines.push(header(state.pivot, &columns, lang, theme));
    // Matrix rows that fit above the totals row and the legend; the window follows the cursor.
    let below = 1 + legend_lines(state.pivot);
    let room = (area.height as usize)
        .saturating_sub(lines.len() + below)
        .max(1);
    matrix(&mut lines, state, &data.matrix, &columns, room, lang, theme);
    legend(&mut lines, state.pivot, columns.budget, lang, theme);
    if (area.height as usize).saturating_sub(lines.len()) >= 7 {
        phase_bars(&mut lines, &data.matrix, columns.label_w, w, lang, theme);
    }
    super::put_lines(frame, area, lines);
}

/// How the matrix columns are laid out: the name column, the count cells, the budget unit.
struct Columns {
    label_w: usize,
    col_w: usize,
    /// Budget mode's unit (1 for 千円, 1,000 for 百万円); `None` for counts.
    budget: Option<i64>,
}

/// The two headline lines: projects per phase, then licensing, approvals, flags and overdue.
fn headline(h: &Headline, lang: Lang, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut strip = vec![Span::styled(
        tr(lang, " 課題 ", " Projects "),
        theme.label(),
    )];
    strip.push(Span::raw(thousands(h.projects)));
    for phase in Phase::ALL {
        strip.push(Span::styled(
            format!("  {} ", phase.short_label(lang)),
            theme.label(),
        ));
        strip.push(Span::raw(thousands(h.per_phase[phase.index()])));
    }
    lines.push(Line::from(strip));
    lines.push(Line::from(vec![
        Span::styled(tr(lang, " 企業導出 ", " Licensed "), theme.label()),
        Span::raw(thousands(h.licensed)),
        Span::styled(tr(lang, "  薬事承認 ", "  Approvals "), theme.label()),
        Span::raw(thousands(h.approvals)),
        Span::styled(
            tr(lang, "  ハイウェイ候補・推薦 ", "  Open highway flags "),
            theme.label(),
        ),
        Span::styled(format!("{FLAG}{}", thousands(h.open_flags)), theme.flag()),
        Span::styled(
            tr(lang, "  期限超過フォローアップ ", "  Overdue follow-ups "),
            theme.label(),
        ),
        Span::styled(
            thousands(h.overdue_follow_ups),
            if h.overdue_follow_ups > 0 {
                theme.alert()
            } else {
                Style::new()
            },
        ),
    ]));
    lines
}

/// The column header: the pivot's name, the phases and the total.
fn header(pivot: Pivot, columns: &Columns, lang: Lang, theme: Theme) -> Line<'static> {
    let (label_w, col_w) = (columns.label_w, columns.col_w);
    let pivot_name = match pivot {
        Pivot::IntegratedProject => tr(lang, "統合プロジェクト", "Integrated project"),
        Pivot::DiseaseArea => tr(lang, "疾患領域", "Disease area"),
    };
    let mut header = vec![Span::styled(
        fit(&format!(" {pivot_name}"), label_w),
        theme.column_header(),
    )];
    for phase in Phase::ALL {
        header.push(Span::styled(
            format!(" {}", fit_right(phase.short_label(lang), col_w - 1)),
            theme.column_header(),
        ));
    }
    header.push(Span::styled(
        format!(" {}", fit_right(tr(lang, "計", "Total"), col_w - 1)),
        theme.column_header(),
    ));
    Line::from(header)
}

/// A row per integrated project (or disease area), then the totals row.
fn matrix(
    lines: &mut Vec<Line<'static>>,
    state: &DashboardState,
    m: &Matrix,
    columns: &Columns,
    room: usize,
    lang: Lang,
    theme: Theme,
) {
    let (label_w, col_w, budget) = (columns.label_w, columns.col_w, columns.budget);
    let total_row = m.rows.len();
    let first = state
        .row
        .min(total_row.saturating_sub(1))
        .saturating_sub(room.saturating_sub(1))
        .min(total_row.saturating_sub(room));
    for (r, row) in m.rows.iter().enumerate().skip(first).take(room) {
        let name = match lang {
            Lang::Ja => short_name_ja(&row.name_ja, row.period == 2),
            Lang::En => text::sanitize_line(&row.name_en).into_owned(),
        };
        let indent = if row.depth > 0 { "   " } else { " " };
        let label_style = if r == state.row {
            theme.totals()
        } else {
            Style::new()
        };
        let mut spans = vec![Span::styled(
            fit(&format!("{indent}{name}"), label_w),
            label_style,
        )];
        for (c, cell) in row
            .cells
            .iter()
            .chain(std::iter::once(&row.total))
            .enumerate()
        {
            spans.push(cell_span(
                cell,
                col_w,
                r == state.row && c == state.col,
                budget,
                theme,
            ));
        }
        lines.push(Line::from(spans));
    }
    let mut spans = vec![Span::styled(
        fit(tr(lang, " 計", " Total"), label_w),
        theme.totals(),
    )];
    for (c, cell) in m
        .column_totals
        .iter()
        .chain(std::iter::once(&m.total))
        .enumerate()
    {
        spans.push(cell_span(
            cell,
            col_w,
            state.row == total_row && c == state.col,
            budget,
            theme,
        ));
    }
    lines.push(Line::from(spans));
}

/// Lines of the legend under the totals row.
fn legend_lines(pivot: Pivot) -> usize {
    1 + usize::from(pivot == Pivot::DiseaseArea)
}

/// What the figures mean (and, by disease area, how projects in several areas count).
fn legend(
    lines: &mut Vec<Line<'static>>,
    pivot: Pivot,
    budget: Option<i64>,
    lang: Lang,
    theme: Theme,
) {
    if pivot == Pivot::DiseaseArea {
        lines.push(Line::styled(
            tr(
                lang,
                " 複数の疾患領域に属する課題は各領域で数えます（計は重複なし）",
                " A project in several areas counts in each (totals count it once)",
            ),
            theme.dim(),
        ));
    }
    let legend = if let Some(unit) = budget {
        let unit = match unit {
            1 => tr(lang, "千円", "thousand yen"),
            _ => tr(lang, "百万円", "million yen"),
        };
        format!(
            " {} ({unit}){}",
            tr(
                lang,
                "数値は今年度の配分額",
                "Figures are this fiscal year's budget"
            ),
            tr(lang, "。b で課題数に戻る", "; b for counts")
        )
    } else {
        format!(
            " {FLAG}n {}   !n {}",
            tr(lang, "ハイウェイ候補・推薦", "open highway flags"),
            tr(lang, "フォローアップ期限到来", "follow-ups due")
        )
    };
    lines.push(Line::styled(legend, theme.dim()));
}

/// Projects per phase as bars, when the terminal has room under the matrix.
fn phase_bars(
    lines: &mut Vec<Line<'static>>,
    m: &Matrix,
    label_w: usize,
    w: usize,
    lang: Lang,
    theme: Theme,
) {
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        tr(lang, " フェーズ別課題数", " Projects per phase"),
        theme.label(),
    ));
    let max = m
        .column_totals
        .iter()
        .map(|c| c.projects)
        .max()
        .unwrap_or(0)
        .max(1);
    let bar_room = w.saturating_sub(label_w + 10).max(1);
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

/// `123 ⚑4 !2` right-aligned: count, open flags, follow-ups due (zero parts left out; the markers
/// dropped first when the column is narrow). In budget mode (`Some(unit)`, 1 for 千円, 1,000 for
/// 百万円): the sum alone, rounded to the unit.
fn cell_span(
    cell: &MatrixCell,
    width: usize,
    cursor: bool,
    budget: Option<i64>,
    theme: Theme,
) -> Span<'static> {
    let room = width.saturating_sub(1);
    if let Some(unit) = budget {
        let style = if cursor {
            theme.cursor()
        } else if cell.budget_kyen == 0 {
            theme.dim()
        } else {
            Style::new()
        };
        return Span::styled(
            format!(
                " {}",
                fit_right(&thousands((cell.budget_kyen + unit / 2) / unit), room)
            ),
            style,
        );
    }
    let mut s = thousands(cell.projects);
    let mut extra = String::new();
    if cell.open_flags > 0 {
        extra.push_str(&format!(" {FLAG}{}", cell.open_flags));
    }
    if cell.follow_ups_due > 0 {
        extra.push_str(&format!(" !{}", cell.follow_ups_due));
    }
    // One cell stays free on the left so neighbouring columns never touch.
    if text::width(&s) + text::width(&extra) <= room {
        s.push_str(&extra);
    }
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
    Span::styled(format!(" {}", fit_right(&s, room)), style)
}

/// The Japanese name without the "プロジェクト" suffix, led by "2期 " for 2nd-period projects so
/// that the mark survives truncation.
fn short_name_ja(name: &str, second_period: bool) -> String {
    let name = text::sanitize_line(name);
    let short = name.strip_suffix("プロジェクト").unwrap_or(&name);
    if second_period {
        format!("2期 {short}")
    } else {
        short.to_string()
    }
}
