//! Which columns a project list shows at a width. The CSV export does not follow the window: it
//! writes a fixed column set (`model::ColumnSet`).

use crate::Lang;
use crate::model::{Coded, FlagStatus, Modality, Phase, SortKey};
use crate::text::width;

/// A list column: what it shows, its width (and the width it grows to on wide terminals), and its
/// priority (lower survives longer on narrow ones).
struct Column {
    key: SortKey,
    width: usize,
    max: usize,
    priority: u8,
}

const fn column(key: SortKey, width: usize, max: usize, priority: u8) -> Column {
    Column {
        key,
        width,
        max,
        priority,
    }
}

const COLUMNS: [Column; 9] = [
    column(SortKey::AmedId, 14, 14, 0),
    column(SortKey::Title, 0, 0, 0),
    column(SortKey::Pi, 22, 40, 1),
    column(SortKey::Program, 18, 36, 4),
    column(SortKey::Phase, 6, 6, 0),
    column(SortKey::DaysInPhase, 4, 6, 3),
    column(SortKey::Modality, 8, 14, 3),
    column(SortKey::Flag, 6, 8, 2),
    column(SortKey::LastNote, 11, 11, 2),
];

/// Title's minimum width before other columns are dropped.
const TITLE_MIN: usize = 20;
/// Beyond this the title gives room to the other columns first.
const TITLE_COMFORT: usize = 70;

/// A list column's header in `lang`.
pub fn column_header(key: SortKey, lang: Lang) -> &'static str {
    let (ja, en) = match key {
        SortKey::AmedId => ("課題管理番号", "AMED id"),
        SortKey::Title => ("研究開発課題名", "Title"),
        SortKey::Pi => ("代表者／機関", "PI / institution"),
        SortKey::Program => ("事業", "Program"),
        SortKey::Phase => ("段階", "Phase"),
        SortKey::Modality => ("分類", "Modality"),
        SortKey::Flag => ("旗", "Flag"),
        SortKey::LastNote => ("最終記録", "Last note"),
        SortKey::FlagAge => ("旗の日付", "Flagged"),
        SortKey::DaysInPhase => ("滞留", "Days"),
        SortKey::EndDate => ("終了日", "Ends"),
    };
    crate::tr(lang, ja, en)
}

/// Cells a column needs in `lang`: its header with the sort mark (` ^`), and for the phase (a
/// column never dropped) its widest word; the flag and the modality grow towards their widest
/// word when there is room (narrower, they end with `~`).
fn sized(c: &Column, lang: Lang) -> Column {
    let header = width(column_header(c.key, lang)) + 2;
    let widest =
        |labels: &mut dyn Iterator<Item = &'static str>| labels.map(width).max().unwrap_or(0);
    let words = match c.key {
        SortKey::Phase => widest(&mut Phase::ALL.iter().map(|p| p.short_label(lang))),
        _ => 0,
    };
    let grows_to = match c.key {
        // The open-flag mark `⚑` leads the word.
        SortKey::Flag => 1 + widest(&mut FlagStatus::ALL.iter().map(|s| s.label(lang))),
        SortKey::Modality => widest(&mut Modality::ALL.iter().map(|m| m.label(lang))),
        _ => 0,
    };
    let w = if c.width == 0 {
        0
    } else {
        c.width.max(header).max(words)
    };
    Column {
        key: c.key,
        width: w,
        max: c.max.max(w).max(grows_to),
        priority: c.priority,
    }
}

/// The columns that fit `width` in `lang` (2 cells go to the selection mark, 1 between
/// columns), each as wide as its header and words need in that language.
pub fn visible_columns(width: usize, lang: Lang) -> Vec<(SortKey, usize)> {
    let sized: Vec<Column> = COLUMNS.iter().map(|c| sized(c, lang)).collect();
    let mut shown: Vec<&Column> = sized.iter().collect();
    loop {
        let fixed: usize = shown.iter().map(|c| c.width + 1).sum::<usize>() + 2;
        if width >= fixed + TITLE_MIN || shown.iter().all(|c| c.priority == 0) {
            let mut spare = width.saturating_sub(fixed + TITLE_COMFORT);
            let mut widths: Vec<(SortKey, usize)> = Vec::new();
            for c in &shown {
                let grow = c.max.saturating_sub(c.width).min(spare);
                spare -= grow;
                widths.push((c.key, c.width + grow));
            }
            let used: usize = widths.iter().map(|(_, w)| w + 1).sum::<usize>() + 2;
            let title = width.saturating_sub(used).max(4);
            for w in &mut widths {
                if w.0 == SortKey::Title {
                    w.1 = title;
                }
            }
            return widths;
        }
        let worst = shown.iter().map(|c| c.priority).max().unwrap_or(0);
        if let Some(i) = shown.iter().rposition(|c| c.priority == worst) {
            shown.remove(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_terminals_drop_low_priority_columns_first() {
        let at80: Vec<SortKey> = visible_columns(80, Lang::Ja)
            .into_iter()
            .map(|c| c.0)
            .collect();
        assert!(!at80.contains(&SortKey::Program) && !at80.contains(&SortKey::Modality));
        assert!(at80.contains(&SortKey::Title) && at80.contains(&SortKey::Phase));
        let at200: Vec<(SortKey, usize)> = visible_columns(200, Lang::Ja);
        assert_eq!(at200.len(), 9);
        let total: usize = at200.iter().map(|c| c.1 + 1).sum::<usize>() + 2;
        assert_eq!(total, 200, "the title takes the remaining width exactly");
    }

    #[test]
    fn every_header_fits_its_column_with_the_sort_mark_in_both_languages() {
        for lang in [Lang::Ja, Lang::En] {
            for cols in [80, 120, 200] {
                for (key, w) in visible_columns(cols, lang) {
                    if key != SortKey::Title {
                        let label = format!("{} ^", column_header(key, lang));
                        assert!(width(&label) <= w, "{lang:?} {cols}: {label} in {w}");
                    }
                }
            }
        }
    }
}
