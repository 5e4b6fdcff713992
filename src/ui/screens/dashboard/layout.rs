//! How wide the dashboard's columns are, from what they hold in the chosen language: the row
//! labels, the phase headers and the figures. Counts always show whole; the ⚑ and ! marks beside
//! them, and the headers, give way first, and what gives way is moved (the totals' marks to lines
//! of their own) or cut with `~`, never dropped unseen.

use super::FLAG;
use crate::Lang;
use crate::app::DashboardState;
use crate::model::{Coded, Matrix, MatrixCell, Phase, Pivot};
use crate::text::{self, thousands};
use crate::ui::tr;

/// Cells between two figures: one space inside a cell (`29 ⚑3 !1`) never reads as the gap
/// between cells.
pub const GAP: usize = 2;

/// Where the totals' ⚑ and ! marks go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marks {
    /// Beside each total's count (`600 ⚑44 !28`).
    Inline,
    /// On one line under the totals (`⚑44 !28`).
    Line,
    /// On two lines under the totals: the ⚑ marks, then the ! marks.
    Lines,
}

/// How the matrix columns are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    /// The row label column, its trailing space included.
    pub label_w: usize,
    /// Each of the six figure columns, the gap before the figure included.
    pub col_w: usize,
    /// Budget mode's unit in 千円 (1: 千円, 1,000: 百万円, 100,000: 億円); `None` for counts.
    pub budget: Option<i64>,
    pub marks: Marks,
    /// Blank cells before each figure: [`GAP`], or one between budget sums (no spaces inside
    /// them) when nothing wider fits.
    pub gap: usize,
}

/// The unit of budget sums when 百万円 do not fit: 億円 with one decimal.
pub const OKU: i64 = 100_000;

impl Columns {
    /// Cells a figure may fill.
    pub fn room(&self) -> usize {
        self.col_w.saturating_sub(self.gap).max(1)
    }

    /// Lines the totals take (counts and their marks) for `m`.
    pub fn totals_lines(&self, m: &Matrix) -> usize {
        if self.budget.is_some() {
            return 1;
        }
        let cells = || m.column_totals.iter().chain(std::iter::once(&m.total));
        let flags = cells().any(|c| c.open_flags > 0);
        let due = cells().any(|c| c.follow_ups_due > 0);
        match self.marks {
            Marks::Inline => 1,
            Marks::Line => 1 + usize::from(flags || due),
            Marks::Lines => 1 + usize::from(flags) + usize::from(due),
        }
    }
}

/// A cell's figures in full: count, then open flags and follow-ups due (zero parts left out).
pub fn full(cell: &MatrixCell) -> String {
    let mut s = thousands(cell.projects);
    let marks = marks(cell);
    if !marks.is_empty() {
        s.push(' ');
        s.push_str(&marks);
    }
    s
}

/// `⚑4 !2` (zero parts left out).
pub fn marks(cell: &MatrixCell) -> String {
    let mut parts = Vec::new();
    if cell.open_flags > 0 {
        parts.push(format!("{FLAG}{}", thousands(cell.open_flags)));
    }
    if cell.follow_ups_due > 0 {
        parts.push(format!("!{}", thousands(cell.follow_ups_due)));
    }
    parts.join(" ")
}

/// The count with bare marks (`29⚑!`): some flags, some follow-ups due, numbers in the totals.
pub fn compact(cell: &MatrixCell) -> String {
    let mut s = thousands(cell.projects);
    if cell.open_flags > 0 {
        s.push_str(FLAG);
    }
    if cell.follow_ups_due > 0 {
        s.push('!');
    }
    s
}

/// The budget figure in `unit` (1: 千円, 1,000: 百万円, rounded; [`OKU`]: 億円 to one decimal).
pub fn budget_text(cell: &MatrixCell, unit: i64) -> String {
    if unit == OKU {
        let tenths = (cell.budget_kyen + OKU / 20) / (OKU / 10);
        return format!("{}.{}", thousands(tenths / 10), tenths % 10);
    }
    thousands((cell.budget_kyen + unit / 2) / unit)
}

/// The row's name as the matrix shows it in `lang` (Japanese without "プロジェクト", 2nd-period
/// rows led by "2期 " so that the mark survives cutting), indented under its parent.
pub fn row_label(
    name_ja: &str,
    name_en: &str,
    second_period: bool,
    depth: u8,
    lang: Lang,
) -> String {
    let name = match lang {
        Lang::Ja => {
            let name = text::sanitize_line(name_ja);
            let short = name
                .strip_suffix("プロジェクト")
                .unwrap_or(&name)
                .to_string();
            if second_period {
                format!("2期 {short}")
            } else {
                short
            }
        }
        Lang::En => text::sanitize_line(name_en).into_owned(),
    };
    let indent = if depth > 0 { "   " } else { " " };
    format!("{indent}{name}")
}

/// The pivot's name over the row labels.
pub fn pivot_name(pivot: Pivot, lang: Lang) -> &'static str {
    match pivot {
        Pivot::IntegratedProject => tr(lang, "統合プロジェクト", "Integrated project"),
        Pivot::DiseaseArea => tr(lang, "疾患領域", "Disease area"),
    }
}

/// The total column's header.
pub fn total_label(lang: Lang) -> &'static str {
    tr(lang, "計", "Total")
}

/// Lays the matrix out in `w` cells: the widest layout that fits, row labels as wide as the
/// longest in `lang` when there is room, never narrower than a quarter of the width.
pub fn columns(state: &DashboardState, m: &Matrix, w: usize, lang: Lang) -> Columns {
    let widest =
        |texts: &mut dyn Iterator<Item = String>| texts.map(|s| text::width(&s)).max().unwrap_or(0);
    // The phase cells decide the widths; a row's total, whose marks its cells show, may shorten
    // to its count with bare marks (`120⚑!`).
    let body = || m.rows.iter().flat_map(|r| r.cells.iter());
    let row_totals = || m.rows.iter().map(|r| &r.total);
    let totals = || m.column_totals.iter().chain([&m.total]);
    let all = || body().chain(row_totals()).chain(totals());
    let label_full = widest(
        &mut m
            .rows
            .iter()
            .map(|r| row_label(&r.name_ja, &r.name_en, r.period == 2, r.depth, lang))
            .chain([format!(" {}", pivot_name(state.pivot, lang))])
            .chain([format!(" {}", total_label(lang))]),
    ) + 1;
    let label_min = label_full.min((w / 4).max(8));
    let heads = |long: bool| {
        Phase::ALL
            .iter()
            .map(|p| {
                text::width(if long {
                    p.label(lang)
                } else {
                    p.short_label(lang)
                })
            })
            .chain([text::width(total_label(lang))])
            .max()
            .unwrap_or(0)
            + 1
    };
    let fits = |col: usize| w >= label_min + 6 * col;
    let done = |col_w: usize, budget: Option<i64>, marks: Marks| {
        // Room to spare widens the figure columns up to ten cells, for an easier read.
        let spare = w.saturating_sub(label_full + 6 * col_w) / 6;
        let col_w = col_w.max((col_w + spare).min(10));
        Columns {
            label_w: label_full.min(w.saturating_sub(6 * col_w)).max(4),
            col_w,
            budget,
            marks,
            gap: GAP,
        }
    };
    if m.options.budget_year.is_some() {
        // 千円 when the figures fit, else 百万円, else 億円; headers are cut before figures.
        for unit in [1, 1_000, OKU] {
            let figures = widest(&mut all().map(|c| budget_text(c, unit))) + GAP;
            for col in [figures.max(heads(false)), figures] {
                if fits(col) {
                    return done(col, Some(unit), Marks::Inline);
                }
            }
        }
        // The narrowest: 億円 one cell apart, the labels shortest; figures cut only past that.
        let col = widest(&mut all().map(|c| budget_text(c, OKU))) + 1;
        let col = col.min(w.saturating_sub(4) / 6).max(2);
        return Columns {
            label_w: w.saturating_sub(6 * col).max(4),
            col_w: col,
            budget: Some(OKU),
            marks: Marks::Inline,
            gap: 1,
        };
    }
    let count = widest(&mut all().map(|c| thousands(c.projects))) + GAP;
    let full_body = widest(&mut body().map(full)) + GAP;
    let full_totals = widest(&mut totals().map(full)) + GAP;
    let marks_line = widest(&mut totals().map(marks)) + GAP;
    let compact_body = widest(&mut body().map(compact)) + GAP;
    let candidates = [
        (heads(true).max(full_body).max(full_totals), Marks::Inline),
        (heads(false).max(full_body).max(full_totals), Marks::Inline),
        (heads(false).max(full_body).max(marks_line), Marks::Line),
        (full_body.max(marks_line), Marks::Line),
        (compact_body.max(count), Marks::Lines),
        (count, Marks::Lines),
    ];
    for (col, marks) in candidates {
        let col = col.max(count);
        if fits(col) {
            return done(col, None, marks);
        }
    }
    done(shrunk(count, w), None, Marks::Lines)
}

/// A column width that leaves the labels at least four cells when even `col` does not fit:
/// figures are then cut, with `~`.
fn shrunk(col: usize, w: usize) -> usize {
    col.min(w.saturating_sub(4) / 6).max(GAP + 1)
}
