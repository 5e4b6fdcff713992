//! The due board: pending follow-ups and open deadlines, their aging buckets and the per-owner
//! counts.

use super::Date;

/// Where a due item falls on the board, by days until (or past) its due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AgingBucket {
    /// Overdue 61 days or more.
    Overdue61Plus,
    /// Overdue 31–60 days.
    Overdue31To60,
    /// Overdue 1–30 days.
    Overdue1To30,
    /// Due today or within the next 30 days.
    DueWithin30,
    /// Due later than 30 days from today.
    Later,
}

impl AgingBucket {
    /// The board's buckets, most urgent first (`Later` is not on the board).
    pub const BOARD: [AgingBucket; 4] = [
        AgingBucket::Overdue61Plus,
        AgingBucket::Overdue31To60,
        AgingBucket::Overdue1To30,
        AgingBucket::DueWithin30,
    ];

    /// The bucket of an item due on `due` as of `today`.
    pub fn of(due: Date, today: Date) -> AgingBucket {
        let overdue = (today - due).num_days();
        match overdue {
            61.. => AgingBucket::Overdue61Plus,
            31..=60 => AgingBucket::Overdue31To60,
            1..=30 => AgingBucket::Overdue1To30,
            -30..=0 => AgingBucket::DueWithin30,
            _ => AgingBucket::Later,
        }
    }

    /// The inclusive range of due dates in this bucket as of `today` (`None` = unbounded).
    pub fn due_range(self, today: Date) -> (Option<Date>, Option<Date>) {
        let day = |n: i64| {
            if n >= 0 {
                today.checked_add_days(chrono::Days::new(n as u64))
            } else {
                today.checked_sub_days(chrono::Days::new((-n) as u64))
            }
        };
        match self {
            AgingBucket::Overdue61Plus => (None, day(-61)),
            AgingBucket::Overdue31To60 => (day(-60), day(-31)),
            AgingBucket::Overdue1To30 => (day(-30), day(-1)),
            AgingBucket::DueWithin30 => (Some(today), day(30)),
            AgingBucket::Later => (day(31), None),
        }
    }

    pub fn label(self, lang: crate::Lang) -> &'static str {
        crate::tr(
            lang,
            match self {
                AgingBucket::Overdue61Plus => "超過61日+",
                AgingBucket::Overdue31To60 => "超過31-60日",
                AgingBucket::Overdue1To30 => "超過1-30日",
                AgingBucket::DueWithin30 => "30日以内",
                AgingBucket::Later => "31日以降",
            },
            match self {
                AgingBucket::Overdue61Plus => "overdue 61+",
                AgingBucket::Overdue31To60 => "overdue 31-60",
                AgingBucket::Overdue1To30 => "overdue 1-30",
                AgingBucket::DueWithin30 => "due in 30 days",
                AgingBucket::Later => "later",
            },
        )
    }
}

/// What a due-board item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DueSource {
    /// A note's follow-up (note id, the note's kind).
    FollowUp(i64, super::NoteKind),
    /// A deadline (deadline id) of a kind.
    Deadline(i64, super::DeadlineKind),
}

/// One item of the due board: a pending follow-up or an open deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueItem {
    pub source: DueSource,
    pub project_id: i64,
    pub amed_id: String,
    pub title: String,
    /// Who owes it: the note's author, or the project's assigned officers for a deadline.
    pub owners: Vec<String>,
    pub due_on: String,
    /// The note's first line, or the deadline's title.
    pub summary: String,
    /// The deadline's version (optimistic check when marking it done); 0 for follow-ups.
    pub version: i64,
}

impl DueItem {
    /// The note id for a follow-up.
    pub fn note_id(&self) -> Option<i64> {
        match self.source {
            DueSource::FollowUp(id, _) => Some(id),
            DueSource::Deadline(..) => None,
        }
    }

    pub fn bucket(&self, today: Date) -> AgingBucket {
        self.due_on
            .parse::<Date>()
            .map_or(AgingBucket::Later, |d| AgingBucket::of(d, today))
    }
}

/// Where an item sits in the board's order: due date, follow-ups before deadlines, then id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DueKey {
    pub due_on: String,
    pub deadline: bool,
    pub id: i64,
}

/// Where a page of the due board starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DueSeek {
    /// From the first item.
    Start,
    /// The last items (the page ends with the board).
    End,
    /// The items after this one.
    After(DueKey),
    /// This item (or the next one still due) and those after it.
    From(DueKey),
    /// The items before this one (the page ends just before it).
    Before(DueKey),
}

/// The figures of the whole board, counted without loading its items.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DueCounts {
    /// Items on the board (each once).
    pub total: usize,
    /// Items per aging bucket (in [`AgingBucket::BOARD`] order).
    pub buckets: [i64; 4],
}

/// What the due board needs for its first frame: its counts and the items on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueHead {
    pub counts: DueCounts,
    /// The position of `items[0]` on the board.
    pub at: usize,
    pub items: Vec<DueItem>,
}

impl DueItem {
    /// The item's place in the board's order.
    pub fn key(&self) -> DueKey {
        let (deadline, id) = match self.source {
            DueSource::FollowUp(id, _) => (false, id),
            DueSource::Deadline(id, _) => (true, id),
        };
        DueKey {
            due_on: self.due_on.clone(),
            deadline,
            id,
        }
    }
}

/// One row of a due board summary: an owner's item counts per bucket (in [`AgingBucket::BOARD`] order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueBoardRow {
    pub owner: String,
    pub counts: [i64; 4],
}

/// Counts per owner and aging bucket (a deadline counts for each assigned officer), owners with the
/// most overdue first; the last row is everyone ("全員" / "everyone" is the caller's label).
pub fn due_board(items: &[DueItem], today: Date) -> (Vec<DueBoardRow>, [i64; 4]) {
    let mut by_owner: std::collections::BTreeMap<&str, [i64; 4]> =
        std::collections::BTreeMap::new();
    let mut all = [0i64; 4];
    for item in items {
        let bucket = item.bucket(today);
        let Some(slot) = AgingBucket::BOARD.iter().position(|b| *b == bucket) else {
            continue;
        };
        all[slot] += 1;
        if item.owners.is_empty() {
            by_owner.entry("-").or_default()[slot] += 1;
        }
        for owner in &item.owners {
            by_owner.entry(owner.as_str()).or_default()[slot] += 1;
        }
    }
    let rows: Vec<DueBoardRow> = by_owner
        .into_iter()
        .map(|(owner, counts)| DueBoardRow {
            owner: owner.to_string(),
            counts,
        })
        .collect();
    (sort_board(rows), all)
}

/// The board's rows in its order: most long-overdue first (compared from the oldest bucket on),
/// then by name.
pub fn sort_board(mut rows: Vec<DueBoardRow>) -> Vec<DueBoardRow> {
    rows.sort_by(|a, b| b.counts.cmp(&a.counts).then_with(|| a.owner.cmp(&b.owner)));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn aging_buckets_split_at_30_and_60_days() {
        let today = d("2026-06-30");
        let bucket = |s: &str| AgingBucket::of(d(s), today);
        assert_eq!(bucket("2026-07-30"), AgingBucket::DueWithin30);
        assert_eq!(bucket("2026-07-31"), AgingBucket::Later);
        assert_eq!(bucket("2026-06-30"), AgingBucket::DueWithin30);
        assert_eq!(bucket("2026-06-29"), AgingBucket::Overdue1To30);
        assert_eq!(bucket("2026-05-31"), AgingBucket::Overdue1To30);
        assert_eq!(bucket("2026-05-30"), AgingBucket::Overdue31To60);
        assert_eq!(bucket("2026-05-01"), AgingBucket::Overdue31To60);
        assert_eq!(bucket("2026-04-30"), AgingBucket::Overdue61Plus);
        // The SQL ranges agree with the classification.
        for bucket in AgingBucket::BOARD {
            let (from, to) = bucket.due_range(today);
            for day in [from, to].into_iter().flatten() {
                assert_eq!(AgingBucket::of(day, today), bucket, "{day}");
            }
        }
    }
}
