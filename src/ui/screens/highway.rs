//! The highway queue's table (below the list's info line): for each flagged project the day it was
//! flagged (the queue's order), the flag's status, the successor program proposed and the three
//! licensing criteria, then the phase, the PI and the title as room allows. Column widths come
//! from the labels in the officer's language; on a narrow terminal the phase and the PI go first.

use crate::Lang;
use crate::app::{App, ListState};
use crate::model::{
    Coded, CriterionStatus, FlagStatus, ProjectRow, SortKey, criterion_heads, criterion_mark,
};
use crate::text::{fit, sanitize_line, width};
use crate::ui::theme::Theme;
use crate::ui::tr;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// A column of the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    AmedId,
    Flagged,
    Status,
    Target,
    /// One of the three licensing criteria (競合優位性, 知財, データ).
    Criterion(usize),
    Phase,
    Pi,
    Title,
}

/// The title's least width before a lower-priority column is dropped.
const TITLE_MIN: usize = 16;

fn header(column: Column, lang: Lang) -> &'static str {
    match column {
        Column::AmedId => tr(lang, "課題管理番号", "AMED id"),
        Column::Flagged => tr(lang, "旗の日付", "Flagged"),
        Column::Status => tr(lang, "状態", "Status"),
        Column::Target => tr(lang, "移行先事業", "Successor program"),
        Column::Criterion(i) => criterion_heads(lang)[i.min(2)],
        Column::Phase => tr(lang, "段階", "Phase"),
        Column::Pi => tr(lang, "代表者", "PI"),
        Column::Title => tr(lang, "研究開発課題名", "Title"),
    }
}

/// The sort key a column stands for (its header carries the sort mark).
fn sort_key(column: Column) -> Option<SortKey> {
    Some(match column {
        Column::AmedId => SortKey::AmedId,
        Column::Flagged => SortKey::FlagAge,
        Column::Status => SortKey::Flag,
        Column::Phase => SortKey::Phase,
        Column::Pi => SortKey::Pi,
        Column::Title => SortKey::Title,
        Column::Target | Column::Criterion(_) => return None,
    })
}

/// Least width, the width it may grow to, and priority (higher goes first when narrow).
fn sizing(column: Column, lang: Lang) -> (usize, usize, u8) {
    let head = width(header(column, lang)) + 2; // room for the sort mark
    match column {
        Column::AmedId => (14, 14, 0),
        Column::Flagged => (head.max(10), head.max(10), 0),
        Column::Status => {
            let open = [FlagStatus::Candidate, FlagStatus::Recommended];
            let w = open.iter().map(|s| width(s.label(lang))).max().unwrap_or(0);
            (head.max(w), head.max(w), 1)
        }
        Column::Target => (head.max(12), 30, 0),
        Column::Criterion(_) => {
            let marks = CriterionStatus::ALL
                .iter()
                .map(|s| width(criterion_mark(*s, lang)))
                .max()
                .unwrap_or(1);
            let w = width(header(column, lang)).max(marks);
            (w, w, 0)
        }
        Column::Phase => (head.max(6), head.max(6), 2),
        Column::Pi => (head.max(14), 28, 3),
        Column::Title => (0, 0, 0),
    }
}

/// The columns that fit `width` cells (2 go to the selection mark, 1 after each column) and
/// their widths; the title takes what is left.
pub fn columns(width: usize, lang: Lang) -> Vec<(Column, usize)> {
    let all = [
        Column::AmedId,
        Column::Flagged,
        Column::Status,
        Column::Target,
        Column::Criterion(0),
        Column::Criterion(1),
        Column::Criterion(2),
        Column::Phase,
        Column::Pi,
        Column::Title,
    ];
    let shown: Vec<(Column, (usize, usize, u8))> =
        all.iter().map(|c| (*c, sizing(*c, lang))).collect();
    super::list_columns::fit(shown, Column::Title, width, TITLE_MIN)
}

fn cell(row: &ProjectRow, column: Column, lang: Lang) -> String {
    let flag = row.highway.as_ref();
    match column {
        Column::AmedId => sanitize_line(&row.amed_id).into_owned(),
        Column::Flagged => flag.map(|f| f.flagged_on.clone()).unwrap_or_default(),
        Column::Status => row
            .flag
            .filter(|s| s.is_open())
            .map(|s| s.label(lang).to_string())
            .unwrap_or_default(),
        Column::Target => flag
            .map(|f| super::name(lang, &f.target_ja, &f.target_en))
            .unwrap_or_default(),
        Column::Criterion(i) => flag
            .and_then(|f| f.criteria.get(i))
            .map(|s| criterion_mark(*s, lang).to_string())
            .unwrap_or_default(),
        Column::Phase => row.phase.short_label(lang).to_string(),
        Column::Pi => sanitize_line(&row.pi_name).into_owned(),
        Column::Title if row.watched => format!("✦{}", sanitize_line(&row.title)),
        Column::Title => sanitize_line(&row.title).into_owned(),
    }
}

fn style(row: &ProjectRow, column: Column, theme: Theme) -> Style {
    let criterion = |i: usize| {
        row.highway
            .as_ref()
            .and_then(|f| f.criteria.get(i).copied())
    };
    match column {
        Column::AmedId => theme.dim(),
        Column::Status => theme.flag(),
        Column::Criterion(i) => match criterion(i) {
            Some(CriterionStatus::Sufficient) => theme.ok(),
            Some(CriterionStatus::Insufficient) => theme.alert(),
            Some(CriterionStatus::NotAssessed) => theme.dim(),
            _ => Style::new(),
        },
        _ => Style::new(),
    }
}

/// The column header and the rows on screen, into `area` (below the info line).
pub fn draw_table(frame: &mut Frame<'_>, area: Rect, app: &App, list: &ListState, theme: Theme) {
    let lang = app.lang;
    let columns = columns(area.width as usize, lang);
    let mut lines = Vec::new();
    let mut head = vec![Span::raw("  ")];
    for (column, w) in &columns {
        let mut label = header(*column, lang).to_string();
        if sort_key(*column) == Some(list.sort.key) {
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
                "  未決のハイウェイ支援フラグはありません",
                "  no open highway flag",
            ),
            theme.dim(),
        ));
    }
    let end = (list.offset + app.list_page()).min(list.ids.len());
    for index in list.offset..end {
        lines.push(super::list::row_line(list, index, theme, |row| {
            columns
                .iter()
                .map(|(column, w)| {
                    Span::styled(
                        format!("{} ", fit(&cell(row, *column, lang), *w)),
                        style(row, *column, theme),
                    )
                })
                .collect()
        }));
    }
    super::put_lines(frame, area, lines);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(width: usize, lang: Lang) -> Vec<Column> {
        columns(width, lang).into_iter().map(|c| c.0).collect()
    }

    #[test]
    fn the_queue_keeps_date_successor_and_criteria_at_80_and_fills_200() {
        for lang in [Lang::Ja, Lang::En] {
            let at80 = columns(80, lang);
            let shown: Vec<Column> = at80.iter().map(|c| c.0).collect();
            for needed in [
                Column::AmedId,
                Column::Flagged,
                Column::Target,
                Column::Criterion(0),
                Column::Criterion(1),
                Column::Criterion(2),
                Column::Title,
            ] {
                assert!(shown.contains(&needed), "{lang:?} {needed:?} at 80");
            }
            let total: usize = at80.iter().map(|c| c.1 + 1).sum::<usize>() + 2;
            assert_eq!(total, 80, "{lang:?}: the title takes the rest exactly");
            assert_eq!(keys(200, lang).len(), 10, "{lang:?}: every column at 200");
            // At 40 the id and the date stay whole, the successor is cut to what is left.
            let at40 = columns(40, lang);
            assert_eq!(
                at40.iter().map(|c| c.0).collect::<Vec<_>>(),
                [Column::AmedId, Column::Flagged, Column::Target]
            );
            assert!(at40.iter().map(|c| c.1 + 1).sum::<usize>() + 2 <= 40);
            for (c, w) in columns(200, lang) {
                assert!(width(header(c, lang)) <= w, "{lang:?} {c:?} header fits");
            }
        }
    }
}
