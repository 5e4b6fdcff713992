//! Which columns a project list shows at a width. The CSV export does not follow the window: it
//! writes a fixed column set (`model::ColumnSet`).

use crate::model::SortKey;

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

/// The columns that fit `width` (2 cells go to the selection mark, 1 between columns).
pub fn visible_columns(width: usize) -> Vec<(SortKey, usize)> {
    let mut shown: Vec<&Column> = COLUMNS.iter().collect();
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
        let at80: Vec<SortKey> = visible_columns(80).into_iter().map(|c| c.0).collect();
        assert!(!at80.contains(&SortKey::Program) && !at80.contains(&SortKey::Modality));
        assert!(at80.contains(&SortKey::Title) && at80.contains(&SortKey::Phase));
        let at200: Vec<(SortKey, usize)> = visible_columns(200);
        assert_eq!(at200.len(), 9);
        let total: usize = at200.iter().map(|c| c.1 + 1).sum::<usize>() + 2;
        assert_eq!(total, 200, "the title takes the remaining width exactly");
    }
}
