//! The matching radar's table (below the list's info line): for each project ending soon with no
//! decision on its seed, the end date and the days left (soonest first), the successor programs
//! its program is linked to (pairing / matching), the open flag's state, then the program, the PI
//! and the title as room allows. Widths come from the labels in the officer's language and the
//! values on screen; on a narrow terminal the PI, the program and the flag go first.

use crate::Lang;
use crate::app::{App, ListState};
use crate::model::{Coded, Date, FlagStatus, ProjectRow, Reference, SortKey};
use crate::text::{fit, fit_right, sanitize_line, width};
use crate::ui::theme::Theme;
use crate::ui::tr;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// A column of the radar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    AmedId,
    Ends,
    Left,
    Successors,
    Flag,
    Program,
    Pi,
    Title,
}

const ALL: [Column; 8] = [
    Column::AmedId,
    Column::Ends,
    Column::Left,
    Column::Successors,
    Column::Flag,
    Column::Program,
    Column::Pi,
    Column::Title,
];

/// The title's least width before a lower-priority column is dropped.
const TITLE_MIN: usize = 16;

fn header(column: Column, lang: Lang) -> &'static str {
    match column {
        Column::AmedId => tr(lang, "課題管理番号", "AMED id"),
        Column::Ends => tr(lang, "終了日", "Ends"),
        Column::Left => tr(lang, "残り", "Left"),
        Column::Successors => tr(lang, "接続先事業", "Successor programs"),
        Column::Flag => tr(lang, "旗", "Flag"),
        Column::Program => tr(lang, "事業", "Program"),
        Column::Pi => tr(lang, "代表者", "PI"),
        Column::Title => tr(lang, "研究開発課題名", "Title"),
    }
}

fn sort_key(column: Column) -> Option<SortKey> {
    Some(match column {
        Column::AmedId => SortKey::AmedId,
        Column::Ends | Column::Left => SortKey::EndDate,
        Column::Flag => SortKey::Flag,
        Column::Program => SortKey::Program,
        Column::Pi => SortKey::Pi,
        Column::Title => SortKey::Title,
        Column::Successors => return None,
    })
}

/// Days from `today` to the end date: `残り 45日` / `45 d left`, `今日終了` / `ends today`, and once
/// it has passed `終了後 12日` / `ended 12 d ago`.
pub fn days_left(lang: Lang, end: &str, today: Date) -> String {
    let Ok(end) = end.parse::<Date>() else {
        return String::new();
    };
    let days = (end - today).num_days();
    match (lang, days) {
        (Lang::Ja, 0) => "今日終了".into(),
        (Lang::En, 0) => "ends today".into(),
        (Lang::Ja, d) if d > 0 => format!("残り {d}日"),
        (Lang::En, d) if d > 0 => format!("{d} d left"),
        (Lang::Ja, d) => format!("終了後 {}日", -d),
        (Lang::En, d) => format!("ended {} d ago", -d),
    }
}

/// The successor programs `program_id` hands seeds to (pairing / matching), in link order.
pub fn successors(reference: &Reference, program_id: i64, lang: Lang) -> String {
    let names: Vec<String> = reference
        .successors(program_id)
        .iter()
        .map(|p| super::name(lang, &p.name_ja, &p.name_en))
        .collect();
    names.join(tr(lang, "、", ", "))
}

fn cell(row: &ProjectRow, column: Column, app: &App) -> String {
    let lang = app.lang;
    match column {
        Column::AmedId => sanitize_line(&row.amed_id).into_owned(),
        Column::Ends => row.end_date.clone().unwrap_or_default(),
        Column::Left => row
            .end_date
            .as_deref()
            .map(|e| days_left(lang, e, app.today))
            .unwrap_or_default(),
        Column::Successors => {
            let text = successors(&app.reference, row.program_id, lang);
            if text.is_empty() { "-".into() } else { text }
        }
        Column::Flag => row
            .flag
            .filter(|s| s.is_open())
            .map_or_else(|| "-".to_string(), |s| s.label(lang).to_string()),
        Column::Program => super::name(lang, &row.program_ja, &row.program_en),
        Column::Pi => sanitize_line(&row.pi_name).into_owned(),
        Column::Title if row.watched => format!("✦{}", sanitize_line(&row.title)),
        Column::Title => sanitize_line(&row.title).into_owned(),
    }
}

/// Least width, the width it may grow to, and priority (higher goes first when narrow). `left`:
/// the widest days-left label on screen.
fn sizing(column: Column, lang: Lang, left: usize) -> (usize, usize, u8) {
    let head = width(header(column, lang)) + 2; // room for the sort mark
    match column {
        Column::AmedId => (14, 14, 0),
        Column::Ends => (head.max(10), head.max(10), 0),
        Column::Left => (head.max(left), head.max(left), 0),
        Column::Successors => (head.max(12), 60, 0),
        Column::Flag => {
            let open = [FlagStatus::Candidate, FlagStatus::Recommended];
            let w = open.iter().map(|s| width(s.label(lang))).max().unwrap_or(0);
            (head.max(w), head.max(w), 1)
        }
        Column::Program => (head.max(12), 24, 2),
        Column::Pi => (head.max(10), 16, 3),
        Column::Title => (0, 0, 0),
    }
}

/// The columns that fit `width` cells (2 go to the selection mark, 1 after each column) and
/// their widths; the title takes what is left. `left`: the widest days-left label on screen.
pub fn columns(width: usize, lang: Lang, left: usize) -> Vec<(Column, usize)> {
    let shown: Vec<(Column, (usize, usize, u8))> =
        ALL.iter().map(|c| (*c, sizing(*c, lang, left))).collect();
    super::list_columns::fit(shown, Column::Title, width, TITLE_MIN)
}

fn style(row: &ProjectRow, column: Column, app: &App, theme: Theme) -> Style {
    let ended = row
        .end_date
        .as_deref()
        .and_then(|e| e.parse::<Date>().ok())
        .is_some_and(|e| e < app.today);
    match column {
        Column::AmedId => theme.dim(),
        Column::Left if ended => theme.alert(),
        Column::Flag if row.flag.is_some_and(|f| f.is_open()) => theme.flag(),
        _ => Style::new(),
    }
}

/// The column header and the rows on screen, into `area` (below the info line).
pub fn draw_table(frame: &mut Frame<'_>, area: Rect, app: &App, list: &ListState, theme: Theme) {
    let lang = app.lang;
    let end = (list.offset + app.list_page()).min(list.ids.len());
    let on_screen = || list.ids[list.offset.min(end)..end].iter();
    let left = on_screen()
        .filter_map(|id| list.rows.get(id))
        .filter_map(|r| r.end_date.as_deref())
        .map(|e| width(&days_left(lang, e, app.today)))
        .max()
        .unwrap_or(0);
    let columns = columns(area.width as usize, lang, left);
    let mut lines = Vec::new();
    let mut head = vec![Span::raw("  ")];
    for (column, w) in &columns {
        let mut label = header(*column, lang).to_string();
        if sort_key(*column) == Some(list.sort.key) && *column != Column::Left {
            label.push_str(if list.sort.descending { " v" } else { " ^" });
        }
        head.push(Span::styled(
            format!("{} ", fit(&label, *w)),
            theme.column_header(),
        ));
    }
    lines.push(Line::from(head));
    if list.loaded && list.ids.is_empty() {
        lines.push(Line::styled(
            tr(
                lang,
                "  終了が近く判断のない課題はありません",
                "  no project ending soon without a decision",
            ),
            theme.dim(),
        ));
    }
    for index in list.offset..end {
        lines.push(super::list::row_line(list, index, theme, |row| {
            columns
                .iter()
                .map(|(column, w)| {
                    let text = cell(row, *column, app);
                    let text = if *column == Column::Left {
                        fit_right(&text, *w)
                    } else {
                        fit(&text, *w)
                    };
                    Span::styled(format!("{text} "), style(row, *column, app, theme))
                })
                .collect()
        }));
    }
    super::put_lines(frame, area, lines);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_left_reads_in_both_languages() {
        let today: Date = "2026-12-04".parse().unwrap();
        assert_eq!(days_left(Lang::Ja, "2027-01-18", today), "残り 45日");
        assert_eq!(days_left(Lang::En, "2027-01-18", today), "45 d left");
        assert_eq!(days_left(Lang::Ja, "2026-11-22", today), "終了後 12日");
        assert_eq!(days_left(Lang::En, "2026-11-22", today), "ended 12 d ago");
        assert_eq!(days_left(Lang::En, "2026-12-04", today), "ends today");
    }

    #[test]
    fn the_radar_keeps_id_dates_and_successors_at_40_and_fills_200() {
        for lang in [Lang::Ja, Lang::En] {
            let at80: Vec<Column> = columns(80, lang, 10).into_iter().map(|c| c.0).collect();
            for needed in [
                Column::AmedId,
                Column::Ends,
                Column::Left,
                Column::Successors,
                Column::Title,
            ] {
                assert!(at80.contains(&needed), "{lang:?} {needed:?} at 80");
            }
            assert_eq!(columns(200, lang, 10).len(), 8, "{lang:?}: all at 200");
            let total: usize = columns(200, lang, 10)
                .iter()
                .map(|c| c.1 + 1)
                .sum::<usize>()
                + 2;
            assert_eq!(total, 200, "{lang:?}: the title takes the rest exactly");
            let at40 = columns(40, lang, 10);
            assert_eq!(
                at40[0],
                (Column::AmedId, 14),
                "{lang:?}: the id stays whole"
            );
            assert!(at40.iter().map(|c| c.1 + 1).sum::<usize>() + 2 <= 40);
            for (c, w) in columns(200, lang, 10) {
                assert!(width(header(c, lang)) <= w, "{lang:?} {c:?} header fits");
            }
        }
    }
}
