//! A project list: info line (filter, `37 / 1,204`, selection, sort), column header and only the
//! rows on screen. Columns are dropped by priority when the terminal is narrow; the title takes
//! what is left.

use crate::Lang;
use crate::app::{App, ListState};
use crate::model::{Coded, Date, Phase, ProjectRow, SortKey};
use crate::text::{self, fit, fit_right, sanitize_line, thousands};
use crate::ui::theme::Theme;
use crate::ui::tr;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::column_header as header;

fn cell(row: &ProjectRow, key: SortKey, lang: Lang, today: Date) -> String {
    match key {
        SortKey::AmedId => sanitize_line(&row.amed_id).into_owned(),
        SortKey::Title if row.watched => format!("✦{}", sanitize_line(&row.title)),
        SortKey::Title => sanitize_line(&row.title).into_owned(),
        SortKey::DaysInPhase => row
            .days_in_phase(today)
            .map_or_else(String::new, |d| d.to_string()),
        SortKey::Pi => format!(
            "{}／{}",
            sanitize_line(&row.pi_name),
            sanitize_line(&row.institution)
        ),
        SortKey::Program => sanitize_line(if lang == Lang::Ja {
            &row.program_ja
        } else {
            &row.program_en
        })
        .into_owned(),
        SortKey::Phase => row.phase.short_label(lang).to_string(),
        SortKey::Modality => row.modality.label(lang).to_string(),
        SortKey::Flag | SortKey::FlagAge => match row.flag {
            Some(s) if s.is_open() => format!("⚑{}", s.label(lang)),
            Some(s) => s.label(lang).to_string(),
            None => String::new(),
        },
        SortKey::EndDate => row.end_date.clone().unwrap_or_default(),
        SortKey::LastNote => {
            let date = row.last_note.clone().unwrap_or_default();
            if row.follow_up_due {
                format!("{date}!")
            } else {
                date
            }
        }
    }
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, list: &ListState, theme: Theme) {
    let lang = app.lang;
    let w = area.width as usize;
    let mut y = area.y;
    let mut put = |frame: &mut Frame<'_>, line: Line<'_>| {
        if y < area.bottom() {
            frame.render_widget(
                line,
                Rect {
                    y,
                    height: 1,
                    ..area
                },
            );
            y += 1;
        }
    };
    // Info line: the filter, matches / total, selection, sort.
    let count = if list.loaded {
        // While only the first screen is in, the count is what is known so far.
        let more = if list.partial { "+" } else { "" };
        let counting = if list.partial {
            tr(lang, " 数え中", " counting")
        } else {
            ""
        };
        format!(
            "{}{more} / {}{counting}",
            thousands(list.ids.len() as i64),
            thousands(app.total_projects)
        )
    } else {
        tr(lang, "検索中", "searching").to_string()
    };
    let sort = format!(
        "{}{}",
        header(list.sort.key, lang),
        if list.sort.descending { " v" } else { " ^" }
    );
    let mut right = vec![Span::styled(count, theme.totals())];
    if !list.selected.is_empty() {
        right.push(Span::styled(
            format!(
                "  {} {}",
                tr(lang, "選択", "selected"),
                thousands(list.selected.len() as i64)
            ),
            theme.selected(),
        ));
    }
    if list.anchor.is_some() {
        right.push(Span::styled(
            tr(lang, "  範囲選択中", "  range"),
            theme.selected(),
        ));
    }
    right.push(Span::styled(
        format!("  {} {sort} ", tr(lang, "並び", "sort")),
        theme.dim(),
    ));
    let query = if list.query.is_empty() {
        tr(lang, "（/ で絞り込み）", "(/ to filter)").to_string()
    } else {
        sanitize_line(&list.query).into_owned()
    };
    let query = format!(" {query}");
    // Two cells always part the query from the figures. Where the line is short the query (or
    // the hint) is cut with `~` first, down to a few cells; then the figures after the count
    // (sort, range, selection) give way, the count last.
    let spans_w = |spans: &[Span<'_>]| spans.iter().map(|s| text::width(&s.content)).sum::<usize>();
    let least_query = text::width(&query).min(8);
    while right.len() > 1 && spans_w(&right) + 2 + least_query > w {
        right.pop();
    }
    if right.last().is_some_and(|s| !s.content.ends_with(' ')) {
        right.push(Span::raw(" "));
    }
    let right_w = spans_w(&right);
    let room = w.saturating_sub(right_w + 2);
    let shown = if room >= 4 {
        text::fit(&query, room)
    } else {
        " ".repeat(room)
    };
    let mut info = vec![Span::styled(shown, theme.label()), Span::raw("  ")];
    info.extend(right);
    put(frame, Line::from(info));
    if list.kind == crate::app::ListKind::Highway {
        let below = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        };
        return super::highway::draw_table(frame, below, app, list, theme);
    }
    if let crate::app::ListKind::Radar(_) = list.kind {
        let below = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        };
        return super::radar::draw_table(frame, below, app, list, theme);
    }

    let columns = crate::app::visible_columns(w, lang);
    let mut head = vec![Span::raw("  ")];
    for (key, width) in &columns {
        let mut label = header(*key, lang).to_string();
        if *key == list.sort.key {
            label.push_str(if list.sort.descending { " v" } else { " ^" });
        }
        head.push(Span::styled(
            format!("{} ", fit(&label, *width)),
            theme.column_header(),
        ));
    }
    put(frame, Line::from(head));

    let page = app.list_page();
    if list.loaded && list.ids.is_empty() {
        put(
            frame,
            Line::styled(
                tr(lang, "  該当する課題はありません", "  no matching projects"),
                theme.dim(),
            ),
        );
    }
    let end = (list.offset + page).min(list.ids.len());
    // 停滞: longer in a phase before 実用化 than the configured threshold.
    let stalled = |row: &ProjectRow| {
        row.phase != Phase::Practical
            && row
                .days_in_phase(app.today)
                .is_some_and(|d| d > app.stall_days)
    };
    for index in list.offset..end {
        let line = row_line(list, index, theme, |row| {
            columns
                .iter()
                .map(|(key, width)| {
                    let style = match key {
                        SortKey::Flag if row.flag.is_some_and(|f| f.is_open()) => theme.flag(),
                        SortKey::LastNote if row.follow_up_due => theme.alert(),
                        SortKey::AmedId => theme.dim(),
                        SortKey::DaysInPhase if stalled(row) => theme.warn(),
                        _ => Style::new(),
                    };
                    let text = cell(row, *key, lang, app.today);
                    let text = if *key == SortKey::DaysInPhase {
                        fit_right(&text, *width)
                    } else {
                        fit(&text, *width)
                    };
                    Span::styled(format!("{text} "), style)
                })
                .collect()
        });
        put(frame, line);
    }
}

/// One row of a project list (also the highway queue and the radar): the selection mark, the
/// cells `cells` draws for the row (`...` while it loads), and the cursor or selection style.
pub(super) fn row_line<'a>(
    list: &ListState,
    index: usize,
    theme: Theme,
    cells: impl FnOnce(&ProjectRow) -> Vec<Span<'a>>,
) -> Line<'a> {
    let id = list.ids[index];
    let mut spans = vec![Span::styled(row_mark(list, id, index), theme.selected())];
    match list.rows.get(&id) {
        Some(row) => spans.extend(cells(row)),
        None => spans.push(Span::styled("...", theme.dim())),
    }
    let line = Line::from(spans);
    if index == list.cursor {
        line.style(theme.cursor())
    } else if list.selected.contains(&id) {
        line.style(theme.selected())
    } else {
        line
    }
}

/// The mark before a list row: `* ` selected, `+ ` inside the range being selected (`v`).
fn row_mark(list: &ListState, id: i64, index: usize) -> &'static str {
    if list.selected.contains(&id) {
        "* "
    } else if list
        .anchor
        .is_some_and(|a| (a.min(list.cursor)..=a.max(list.cursor)).contains(&index))
    {
        "+ "
    } else {
        "  "
    }
}
