//! 系譜 (lineage): the passage of one seed from a preceding project to its successor, and the
//! gap (切れ目) between them. Pure types and arithmetic; the links themselves are in the store.

use super::{LineageKind, Phase};
use chrono::NaiveDate as Date;

/// One project as it appears in a lineage: enough to name it and place it in time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineageProject {
    pub id: i64,
    /// 課題管理番号.
    pub amed_id: String,
    pub title: String,
    /// The program's name in Japanese and English.
    pub program: (String, String),
    pub phase: Phase,
    pub start: Date,
    pub end: Option<Date>,
    /// Whether the project is retired (entered by mistake): shown, marked, never followed.
    pub retired: bool,
}

/// One link of a lineage, with both ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineageLink {
    pub id: i64,
    pub predecessor: LineageProject,
    pub successor: LineageProject,
    pub kind: LineageKind,
    /// The highway flag the link came from, with the day it was raised and the day it was
    /// decided (highway links made from an accepted flag).
    pub flag: Option<LinkedFlag>,
    pub linked_by: String,
    /// When the link was recorded (UTC timestamp as stored).
    pub linked_at: String,
}

/// The highway flag behind a link: raised and decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkedFlag {
    pub id: i64,
    pub flagged_on: Date,
    pub decided_on: Option<Date>,
}

impl LineageLink {
    /// 切れ目: days from the predecessor's end to the successor's start; 0 or less is seamless.
    /// `None` while the predecessor has no end date.
    pub fn gap_days(&self) -> Option<i64> {
        gap_days(self.predecessor.end, self.successor.start)
    }

    /// For a highway link: days from raising the flag to its decision.
    pub fn decision_days(&self) -> Option<i64> {
        let f = self.flag?;
        Some((f.decided_on? - f.flagged_on).num_days())
    }
}

/// Days from `end` (the predecessor's last day) to `start` (the successor's first day), minus
/// one: a successor starting the day after the predecessor ends has a gap of 0 (seamless).
pub fn gap_days(end: Option<Date>, start: Date) -> Option<i64> {
    Some((start - end?).num_days() - 1)
}

/// A seed's whole chain around one project: every ancestor and descendant with its distance
/// (negative before, 0 the project itself, positive after), nearest first on each side.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Chain {
    /// (depth, link kind into the next project towards the centre, project); depth < 0.
    pub before: Vec<(i32, LineageKind, LineageProject)>,
    /// The project itself.
    pub this: Option<LineageProject>,
    /// (depth, link kind from the previous project, project); depth > 0.
    pub after: Vec<(i32, LineageKind, LineageProject)>,
}

impl Chain {
    /// Every project of the chain in order: ancestors farthest first, the project, successors.
    pub fn ordered(&self) -> Vec<(i32, Option<LineageKind>, &LineageProject)> {
        let mut out = Vec::new();
        let mut before: Vec<_> = self.before.iter().collect();
        before.sort_by_key(|(d, _, p)| (*d, p.start, p.id));
        out.extend(before.into_iter().map(|(d, k, p)| (*d, Some(*k), p)));
        if let Some(p) = &self.this {
            out.push((0, None, p));
        }
        let mut after: Vec<_> = self.after.iter().collect();
        after.sort_by_key(|(d, _, p)| (*d, p.start, p.id));
        out.extend(after.into_iter().map(|(d, k, p)| (*d, Some(*k), p)));
        out
    }

    /// Whether the project has neither predecessor nor successor.
    pub fn is_alone(&self) -> bool {
        self.before.is_empty() && self.after.is_empty()
    }
}

/// The median of `values` (the mean of the middle two for an even count), `None` when empty.
pub fn median_days(values: &[i64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_unstable();
    let mid = v.len() / 2;
    Some(if v.len() % 2 == 1 {
        v[mid] as f64
    } else {
        (v[mid - 1] + v[mid]) as f64 / 2.0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn a_successor_starting_the_next_day_is_seamless() {
        assert_eq!(gap_days(Some(d("2025-03-31")), d("2025-04-01")), Some(0));
        assert_eq!(gap_days(Some(d("2025-03-31")), d("2025-03-01")), Some(-31));
        assert_eq!(gap_days(Some(d("2025-03-31")), d("2025-07-01")), Some(91));
        assert_eq!(gap_days(None, d("2025-07-01")), None);
    }

    #[test]
    fn medians_of_odd_and_even_counts() {
        assert_eq!(median_days(&[]), None);
        assert_eq!(median_days(&[5, -3, 90]), Some(5.0));
        assert_eq!(median_days(&[0, 10, 30, 4]), Some(7.0));
    }

    fn project(id: i64, start: &str, end: Option<&str>) -> LineageProject {
        LineageProject {
            id,
            amed_id: format!("JP{id}"),
            title: String::new(),
            program: (String::new(), String::new()),
            phase: Phase::Basic,
            start: d(start),
            end: end.map(d),
            retired: false,
        }
    }

    #[test]
    fn a_link_measures_its_gap_and_its_flags_decision() {
        let mut link = LineageLink {
            id: 1,
            predecessor: project(1, "2022-04-01", Some("2025-03-31")),
            successor: project(2, "2025-07-01", None),
            kind: LineageKind::Highway,
            flag: Some(LinkedFlag {
                id: 9,
                flagged_on: d("2024-11-01"),
                decided_on: Some(d("2025-01-31")),
            }),
            linked_by: "po".into(),
            linked_at: String::new(),
        };
        assert_eq!(link.gap_days(), Some(91));
        assert_eq!(link.decision_days(), Some(91));
        link.flag = link.flag.map(|f| LinkedFlag {
            decided_on: None,
            ..f
        });
        assert_eq!(link.decision_days(), None, "an undecided flag");
        link.flag = None;
        assert_eq!(link.decision_days(), None, "no flag");
        link.predecessor.end = None;
        assert_eq!(link.gap_days(), None, "an open-ended predecessor");
    }

    #[test]
    fn a_chain_reads_from_the_farthest_ancestor_to_the_last_successor() {
        let chain = Chain {
            before: vec![
                (-1, LineageKind::Pairing, project(2, "2019-04-01", None)),
                (-2, LineageKind::OpenCall, project(1, "2016-04-01", None)),
            ],
            this: Some(project(3, "2022-04-01", None)),
            after: vec![
                (2, LineageKind::Highway, project(6, "2028-04-01", None)),
                (1, LineageKind::Matching, project(5, "2025-04-01", None)),
                (1, LineageKind::Matching, project(4, "2025-04-01", None)),
            ],
        };
        let order: Vec<(i32, Option<LineageKind>, i64)> = chain
            .ordered()
            .into_iter()
            .map(|(depth, kind, p)| (depth, kind, p.id))
            .collect();
        assert_eq!(
            order,
            [
                (-2, Some(LineageKind::OpenCall), 1),
                (-1, Some(LineageKind::Pairing), 2),
                (0, None, 3),
                (1, Some(LineageKind::Matching), 4),
                (1, Some(LineageKind::Matching), 5),
                (2, Some(LineageKind::Highway), 6),
            ]
        );
        assert!(!chain.is_alone());
        let only_before = Chain {
            after: Vec::new(),
            ..chain.clone()
        };
        assert!(!only_before.is_alone());
        let only_after = Chain {
            before: Vec::new(),
            ..chain
        };
        assert!(!only_after.is_alone());
        assert!(
            Chain {
                this: Some(project(3, "2022-04-01", None)),
                ..Chain::default()
            }
            .is_alone()
        );
    }

    #[test]
    fn the_median_of_two_middle_values_is_their_mean() {
        assert_eq!(median_days(&[1, 2]), Some(1.5));
        assert_eq!(median_days(&[7]), Some(7.0));
        assert_eq!(median_days(&[10, 1, 4, 3]), Some(3.5));
    }
}
