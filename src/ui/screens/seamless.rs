//! The gaps between programs: a title with the view, the totals line, then one row per program
//! pair or fiscal year (hand-overs, median and worst gap in days, share seamless, median days
//! from highway flag to decision) or per seed (root, projects, 基礎, 実用化, days between). The
//! columns that do not fit at the width are left out, least important first; the name column
//! takes the rest.

use super::{loading, put_lines};
use crate::Lang;
use crate::app::App;
use crate::app::screens::seamless::{SEAMLESS_HEAD, SeamlessState, SeamlessView, key_label};
use crate::model::{GapRow, Seamless, SeedRow};
use crate::text::{fit, fit_right, sanitize_line, thousands, width};
use crate::ui::theme::Theme;
use crate::ui::tr;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Fewest cells the name column keeps before a figure column is left out (a seed's keeps its
/// root's whole 課題管理番号 and the start of its title, so that the `~` falls on the title).
const NAME_MIN: usize = 14;

/// Days as a whole number with separators, or with one decimal for a half-day median.
pub fn days_text(days: f64) -> String {
    let whole = days.trunc() as i64;
    let sign = if days < 0.0 && whole == 0 { "-" } else { "" };
    if days.fract() == 0.0 {
        thousands(whole)
    } else {
        format!(
            "{sign}{}.{}",
            thousands(whole),
            (days.fract().abs() * 10.0).round() as i64
        )
    }
}

/// A share as a whole percentage.
pub fn share_text(share: Option<f64>) -> String {
    share.map_or_else(|| "-".into(), |s| format!("{:.0}%", s * 100.0))
}

fn opt_days(days: Option<f64>) -> String {
    days.map_or_else(|| "-".into(), days_text)
}

/// One figure column: header, cells, and its place in the drop order (lower stays longer).
struct Column {
    head: String,
    cells: Vec<String>,
    keep: u8,
    /// Fewest cells the figures need (beside the header's own width).
    min: usize,
}

impl Column {
    /// The header's width, the figures' or `min`, whichever is widest: a figure is never cut.
    fn width(&self) -> usize {
        let cells = self.cells.iter().map(|c| width(c)).max().unwrap_or(0);
        width(&self.head).max(self.min).max(cells)
    }
}

/// The columns that fit beside a name column of at least `name_min` cells, in display order.
fn fitting(mut columns: Vec<Column>, w: usize, name_min: usize) -> Vec<Column> {
    loop {
        let used: usize = columns.iter().map(|c| c.width() + 1).sum();
        if used + name_min <= w || columns.is_empty() {
            return columns;
        }
        let drop = columns
            .iter()
            .enumerate()
            .max_by_key(|(_, c)| c.keep)
            .map_or(0, |(i, _)| i);
        columns.remove(drop);
    }
}

fn gap_columns(rows: &[GapRow], lang: Lang) -> Vec<Column> {
    let col = |head: &str, keep: u8, min: usize, f: &dyn Fn(&GapRow) -> String| Column {
        head: head.to_string(),
        cells: rows.iter().map(f).collect(),
        keep,
        min,
    };
    vec![
        col(tr(lang, "件数", "Count"), 0, 5, &|r| {
            thousands(r.handovers as i64)
        }),
        col(tr(lang, "中央(日)", "Median d"), 1, 6, &|r| {
            opt_days(r.median_gap)
        }),
        col(tr(lang, "最長(日)", "Worst d"), 3, 6, &|r| {
            r.worst_gap.map_or_else(|| "-".into(), thousands)
        }),
        col(tr(lang, "切れ目なし", "Seamless"), 2, 4, &|r| {
            share_text(r.seamless_share())
        }),
        col(tr(lang, "判断(日)", "Decide d"), 4, 6, &|r| {
            opt_days(r.median_decision)
        }),
    ]
}

fn date_text(d: Option<crate::model::Date>) -> String {
    d.map_or_else(|| "-".into(), |d| d.to_string())
}

/// The days a seed took from 基礎 to 実用化, or why there are none.
pub fn seed_days_text(seed: &SeedRow, lang: Lang) -> String {
    match (seed.basic_on, seed.days()) {
        (_, Some(days)) => thousands(days),
        (None, None) => tr(lang, "基礎外", "not basic").into(),
        (Some(_), None) => tr(lang, "未到達", "not yet").into(),
    }
}

fn seed_columns(seeds: &[SeedRow], lang: Lang) -> Vec<Column> {
    let col = |head: &str, keep: u8, min: usize, f: &dyn Fn(&SeedRow) -> String| Column {
        head: head.to_string(),
        cells: seeds.iter().map(f).collect(),
        keep,
        min,
    };
    vec![
        col(tr(lang, "課題数", "Projects"), 2, 3, &|s| {
            thousands(s.projects.len() as i64)
        }),
        col(tr(lang, "基礎開始", "Basic from"), 3, 10, &|s| {
            date_text(s.basic_on)
        }),
        col(tr(lang, "実用化", "Practical"), 1, 10, &|s| {
            date_text(s.practical_on)
        }),
        col(tr(lang, "日数", "Days"), 0, 5, &|s| {
            seed_days_text(s, lang)
        }),
    ]
}

/// The two totals lines: hand-overs, share seamless and highway decisions, then the gap in
/// days with what it measures; for seeds, how many reached 実用化 from 基礎 and their median
/// time, then what that time measures.
pub fn totals_lines(data: &Seamless, view: SeamlessView, lang: Lang) -> [String; 2] {
    let t = &data.total;
    if view == SeamlessView::Seeds {
        let (reached, median) = data.seeds_to_practical();
        return [
            format!(
                " {} {}/{} | {} {}",
                tr(lang, "基礎›実用化 到達シーズ", "seeds from basic to practical"),
                thousands(reached as i64),
                thousands(data.seeds.len() as i64),
                tr(lang, "中央値(日)", "median days"),
                opt_days(median),
            ),
            tr(
                lang,
                " 日数: 起点の課題の基礎開始から、系譜のいずれかの課題の実用化まで",
                " days: from the first project's start in basic to practical use anywhere along the chain",
            )
            .to_string(),
        ];
    }
    [
        format!(
            " {} {} | {} {} ({}/{}) | {} {} ({})",
            tr(lang, "引継ぎ", "hand-overs"),
            thousands(t.handovers as i64),
            tr(lang, "切れ目なし", "seamless"),
            share_text(t.seamless_share()),
            thousands(t.seamless as i64),
            thousands(t.measured as i64),
            tr(lang, "旗›判断 中央値(日)", "flag›decision median days"),
            opt_days(t.median_decision),
            thousands(t.decided as i64),
        ),
        format!(
            " {} {} | {} {} | {}",
            tr(lang, "切れ目 中央値(日)", "gap median days"),
            opt_days(t.median_gap),
            tr(lang, "最長(日)", "worst"),
            t.worst_gap.map_or_else(|| "-".into(), thousands),
            tr(
                lang,
                "前課題の終了翌日から後継課題の開始まで、0以下は切れ目なし",
                "from the day after the predecessor ends to the successor's start; 0 or less is seamless",
            ),
        ),
    ]
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, s: &SeamlessState, theme: Theme) {
    let lang = app.lang;
    let w = area.width as usize;
    let Some(data) = &s.data else {
        return put_lines(frame, area, vec![loading(lang, theme)]);
    };
    let mut lines = vec![Line::styled(
        fit(
            &format!(
                " {} | {} | {}",
                s.name(lang),
                tr(lang, "t 表示", "t view"),
                tr(lang, "Enter 課題", "Enter projects"),
            ),
            w,
        ),
        theme.label(),
    )];
    if data.total.handovers == 0 {
        lines.push(Line::styled(
            fit(
                tr(
                    lang,
                    " 系譜が記録されていません（seedline lineage link、import lineage）",
                    " no lineage recorded (seedline lineage link, import lineage)",
                ),
                w,
            ),
            theme.dim(),
        ));
        return put_lines(frame, area, lines);
    }
    let [first, second] = totals_lines(data, s.view, lang);
    lines.push(Line::styled(fit(&first, w), theme.totals()));
    lines.push(Line::styled(fit(&second, w), theme.dim()));
    let (name_head, names, columns) = match s.view {
        SeamlessView::Seeds => (
            tr(lang, "シーズ（起点の課題）", "Seed (first project)"),
            data.seeds
                .iter()
                .map(|r| format!("{} {}", r.root, sanitize_line(&r.title)))
                .collect::<Vec<_>>(),
            seed_columns(&data.seeds, lang),
        ),
        view => {
            let rows = s.gap_rows();
            (
                if view == SeamlessView::Pairs {
                    tr(lang, "先行事業 › 後継事業", "Preceding › successor program")
                } else {
                    tr(lang, "後継課題の開始年度", "Successor's start year")
                },
                rows.iter()
                    .map(|r| sanitize_line(&key_label(&r.key, lang)).into_owned())
                    .collect(),
                gap_columns(rows, lang),
            )
        }
    };
    let name_min = match s.view {
        SeamlessView::Seeds => data
            .seeds
            .iter()
            .map(|r| width(&r.root) + 5)
            .max()
            .unwrap_or(0)
            .max(NAME_MIN),
        _ => NAME_MIN,
    };
    let columns = fitting(columns, w, name_min);
    let name_w = w.saturating_sub(columns.iter().map(|c| c.width() + 1).sum::<usize>());
    let mut head = vec![Span::styled(
        fit(&format!(" {name_head}"), name_w),
        theme.column_header(),
    )];
    for c in &columns {
        head.push(Span::styled(
            format!(" {}", fit_right(&c.head, c.width())),
            theme.column_header(),
        ));
    }
    lines.push(Line::from(head));
    let body = (area.height as usize).saturating_sub(SEAMLESS_HEAD);
    for (i, name) in names.iter().enumerate().skip(s.scroll).take(body) {
        let style = if i == s.cursor {
            theme.selected()
        } else {
            Style::new()
        };
        let mut spans = vec![Span::styled(fit(&format!(" {name}"), name_w), style)];
        for c in &columns {
            let cell = c.cells.get(i).map_or("", String::as_str);
            spans.push(Span::styled(
                format!(" {}", fit_right(cell, c.width())),
                style,
            ));
        }
        lines.push(Line::from(spans));
    }
    put_lines(frame, area, lines);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_shares_are_written_in_full() {
        assert_eq!(days_text(14.0), "14");
        assert_eq!(days_text(14.5), "14.5");
        assert_eq!(days_text(-0.5), "-0.5");
        assert_eq!(days_text(-10.0), "-10");
        assert_eq!(days_text(1234.5), "1,234.5");
        assert_eq!(share_text(Some(0.5)), "50%");
        assert_eq!(share_text(None), "-");
    }
}
