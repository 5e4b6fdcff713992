//! 切れ目 (the gaps between programs): from every lineage link, the days between a predecessor's
//! end and its successor's start, gathered per program pair and per fiscal year of the hand-over;
//! for highway links the days from flag to decision; and per seed (a chain from a root with no
//! predecessor) the time from its start in 基礎 to 実用化 anywhere along the chain. Pure functions.

use super::{Date, FiscalYear, LineageKind, LineageLink, median_days};
use std::collections::{BTreeMap, HashMap, HashSet};

/// When a project of a chain entered 基礎 and 実用化 (the first time each), as the store reads them
/// from the phase history (or, for 基礎, the project's start when it began there).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SeedPhases {
    pub basic_on: Option<Date>,
    pub practical_on: Option<Date>,
}

/// What a row of gaps is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum GapKey {
    /// Predecessor program > successor program, names (ja, en).
    Pair {
        from: (String, String),
        to: (String, String),
    },
    /// The fiscal year the successor started in.
    Year(FiscalYear),
    /// Every link.
    Total,
}

/// The hand-overs of one program pair, one fiscal year, or all of them.
#[derive(Debug, Clone, PartialEq)]
pub struct GapRow {
    pub key: GapKey,
    /// Links (hand-overs).
    pub handovers: usize,
    /// Links whose gap is known (the predecessor has an end date).
    pub measured: usize,
    /// Of those, the seamless ones (gap 0 or less).
    pub seamless: usize,
    pub median_gap: Option<f64>,
    /// The longest gap.
    pub worst_gap: Option<i64>,
    /// Highway links with a decided flag.
    pub decided: usize,
    /// Median days from flag to decision of those.
    pub median_decision: Option<f64>,
    /// 課題管理番号 of the successors, for the list Enter opens.
    pub successors: Vec<String>,
}

impl GapRow {
    /// The share of measured hand-overs that were seamless (0.0–1.0).
    pub fn seamless_share(&self) -> Option<f64> {
        (self.measured > 0).then(|| self.seamless as f64 / self.measured as f64)
    }
}

/// One seed: its chain from a root project, and how long it took from 基礎 to 実用化.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedRow {
    /// The root's 課題管理番号 and title.
    pub root: String,
    pub title: String,
    pub root_start: Date,
    /// 課題管理番号 of every project of the chain, the root first.
    pub projects: Vec<String>,
    /// The root's start in 基礎; `None` when the root did not start in 基礎.
    pub basic_on: Option<Date>,
    /// The first day a project of the chain reached 実用化.
    pub practical_on: Option<Date>,
}

impl SeedRow {
    /// Days from 基礎 to 実用化, when both are known.
    pub fn days(&self) -> Option<i64> {
        Some((self.practical_on? - self.basic_on?).num_days())
    }
}

/// The gaps between programs: per pair, per fiscal year, per seed, and over all links.
#[derive(Debug, Clone, PartialEq)]
pub struct Seamless {
    /// Program pairs, most hand-overs first (then by name).
    pub pairs: Vec<GapRow>,
    /// Fiscal years of the hand-over, oldest first.
    pub years: Vec<GapRow>,
    /// Seeds, the oldest root first.
    pub seeds: Vec<SeedRow>,
    pub total: GapRow,
}

impl Default for Seamless {
    fn default() -> Seamless {
        Seamless {
            pairs: Vec::new(),
            years: Vec::new(),
            seeds: Vec::new(),
            total: gap_row(GapKey::Total, &[]),
        }
    }
}

impl Seamless {
    /// Seeds that reached 実用化 from 基礎, and the median days it took them.
    pub fn seeds_to_practical(&self) -> (usize, Option<f64>) {
        let days: Vec<i64> = self.seeds.iter().filter_map(SeedRow::days).collect();
        (days.len(), median_days(&days))
    }
}

/// The figures of `key` over `links`.
fn gap_row(key: GapKey, links: &[&LineageLink]) -> GapRow {
    let gaps: Vec<i64> = links.iter().filter_map(|l| l.gap_days()).collect();
    let decisions: Vec<i64> = links
        .iter()
        .filter(|l| l.kind == LineageKind::Highway)
        .filter_map(|l| l.decision_days())
        .collect();
    let mut successors: Vec<String> = links.iter().map(|l| l.successor.amed_id.clone()).collect();
    successors.sort();
    successors.dedup();
    GapRow {
        key,
        handovers: links.len(),
        measured: gaps.len(),
        seamless: gaps.iter().filter(|g| **g <= 0).count(),
        median_gap: median_days(&gaps),
        worst_gap: gaps.iter().copied().max(),
        decided: decisions.len(),
        median_decision: median_days(&decisions),
        successors,
    }
}

/// Every figure of the gaps between programs from the lineage links and the 基礎 / 実用化 dates
/// of their projects (by project id).
pub fn seamless_figures(links: &[LineageLink], phases: &HashMap<i64, SeedPhases>) -> Seamless {
    let all: Vec<&LineageLink> = links.iter().collect();
    let mut by_pair: BTreeMap<GapKey, Vec<&LineageLink>> = BTreeMap::new();
    let mut by_year: BTreeMap<FiscalYear, Vec<&LineageLink>> = BTreeMap::new();
    for l in &all {
        let pair = GapKey::Pair {
            from: l.predecessor.program.clone(),
            to: l.successor.program.clone(),
        };
        by_pair.entry(pair).or_default().push(l);
        by_year
            .entry(FiscalYear::of(l.successor.start))
            .or_default()
            .push(l);
    }
    let mut pairs: Vec<GapRow> = by_pair.into_iter().map(|(k, ls)| gap_row(k, &ls)).collect();
    pairs.sort_by(|a, b| b.handovers.cmp(&a.handovers).then(a.key.cmp(&b.key)));
    let years = by_year
        .into_iter()
        .map(|(y, ls)| gap_row(GapKey::Year(y), &ls))
        .collect();
    Seamless {
        pairs,
        years,
        seeds: seeds(links, phases),
        total: gap_row(GapKey::Total, &all),
    }
}

/// One row per root (a project that hands a seed on and has no predecessor), with everything
/// reachable from it.
fn seeds(links: &[LineageLink], phases: &HashMap<i64, SeedPhases>) -> Vec<SeedRow> {
    let mut next: HashMap<i64, Vec<&LineageLink>> = HashMap::new();
    let successors: HashSet<i64> = links.iter().map(|l| l.successor.id).collect();
    for l in links {
        next.entry(l.predecessor.id).or_default().push(l);
    }
    let mut roots: Vec<_> = links
        .iter()
        .map(|l| &l.predecessor)
        .filter(|p| !successors.contains(&p.id))
        .collect();
    roots.sort_by(|a, b| (a.start, &a.amed_id).cmp(&(b.start, &b.amed_id)));
    roots.dedup_by_key(|p| p.id);
    roots
        .into_iter()
        .map(|root| {
            let mut seen = HashSet::from([root.id]);
            let mut projects = vec![root.amed_id.clone()];
            let mut practical_on = phases.get(&root.id).and_then(|p| p.practical_on);
            let mut stack = vec![root.id];
            while let Some(id) = stack.pop() {
                for l in next.get(&id).into_iter().flatten() {
                    let s = &l.successor;
                    if seen.insert(s.id) {
                        projects.push(s.amed_id.clone());
                        let reached = phases.get(&s.id).and_then(|p| p.practical_on);
                        practical_on = match (practical_on, reached) {
                            (Some(a), Some(b)) => Some(a.min(b)),
                            (a, b) => a.or(b),
                        };
                        stack.push(s.id);
                    }
                }
            }
            SeedRow {
                root: root.amed_id.clone(),
                title: root.title.clone(),
                root_start: root.start,
                projects,
                basic_on: phases.get(&root.id).and_then(|p| p.basic_on),
                practical_on,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LineageProject, LinkedFlag, Phase};

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn project(id: i64, program: &str, start: &str, end: &str) -> LineageProject {
        LineageProject {
            id,
            amed_id: format!("JP{id:02}"),
            title: format!("seed {id}"),
            program: (program.to_string(), format!("{program}-en")),
            phase: Phase::Basic,
            start: d(start),
            end: Some(d(end)),
            retired: false,
        }
    }

    fn link(
        pred: &LineageProject,
        succ: &LineageProject,
        kind: LineageKind,
        flag: Option<(&str, &str)>,
    ) -> LineageLink {
        LineageLink {
            id: pred.id * 100 + succ.id,
            predecessor: pred.clone(),
            successor: succ.clone(),
            kind,
            flag: flag.map(|(a, b)| LinkedFlag {
                id: 1,
                flagged_on: d(a),
                decided_on: Some(d(b)),
            }),
            linked_by: "po".into(),
            linked_at: "2025-01-01T00:00:00Z".into(),
        }
    }

    /// Two seeds: 1 > 2 > 3 (CREST > bridge > practical: seamless, then 91 days; a highway
    /// decided in 30 days) and 4 > 5 (CREST > bridge, 28 days), 4 > 6 (CREST > practical, -10).
    fn fixture() -> (Vec<LineageLink>, HashMap<i64, SeedPhases>) {
        let p1 = project(1, "crest", "2018-04-01", "2021-03-31");
        let p2 = project(2, "bridge", "2021-04-01", "2023-03-31");
        let p3 = project(3, "practical", "2023-07-01", "2026-03-31");
        let p4 = project(4, "crest", "2019-04-01", "2022-03-31");
        let p5 = project(5, "bridge", "2022-04-29", "2024-03-31");
        let p6 = project(6, "practical", "2022-03-22", "2025-03-31");
        let links = vec![
            link(&p1, &p2, LineageKind::Matching, None),
            link(
                &p2,
                &p3,
                LineageKind::Highway,
                Some(("2022-10-01", "2022-10-31")),
            ),
            link(&p4, &p5, LineageKind::Matching, None),
            link(&p4, &p6, LineageKind::OpenCall, None),
        ];
        let phases = HashMap::from([
            (
                1,
                SeedPhases {
                    basic_on: Some(d("2018-04-01")),
                    practical_on: None,
                },
            ),
            (
                3,
                SeedPhases {
                    basic_on: None,
                    practical_on: Some(d("2025-06-10")),
                },
            ),
            (4, SeedPhases::default()),
        ]);
        (links, phases)
    }

    #[test]
    fn gaps_per_pair_with_median_worst_and_share() {
        let (links, phases) = fixture();
        let s = seamless_figures(&links, &phases);
        let t = &s.total;
        assert_eq!((t.handovers, t.measured, t.seamless), (4, 4, 2));
        // Gaps 0, 91, 28, -10: median (0 + 28) / 2, worst 91, half seamless.
        assert_eq!(t.median_gap, Some(14.0));
        assert_eq!(t.worst_gap, Some(91));
        assert_eq!(t.seamless_share(), Some(0.5));
        assert_eq!((t.decided, t.median_decision), (1, Some(30.0)));
        let names: Vec<_> = s
            .pairs
            .iter()
            .map(|r| match &r.key {
                GapKey::Pair { from, to } => format!("{}>{}", from.0, to.0),
                _ => String::new(),
            })
            .collect();
        assert_eq!(
            names,
            ["crest>bridge", "bridge>practical", "crest>practical"]
        );
        let crest_bridge = &s.pairs[0];
        assert_eq!(crest_bridge.handovers, 2);
        assert_eq!(crest_bridge.median_gap, Some(14.0));
        assert_eq!(crest_bridge.worst_gap, Some(28));
        assert_eq!(crest_bridge.seamless_share(), Some(0.5));
        assert_eq!(crest_bridge.successors, ["JP02", "JP05"]);
        assert_eq!(s.pairs[2].seamless_share(), Some(1.0));
    }

    #[test]
    fn gaps_per_fiscal_year_of_the_successors_start() {
        let (links, phases) = fixture();
        let s = seamless_figures(&links, &phases);
        let years: Vec<_> = s
            .years
            .iter()
            .map(|r| match r.key {
                GapKey::Year(y) => (y.0, r.handovers, r.median_gap, r.worst_gap),
                _ => (0, 0, None, None),
            })
            .collect();
        // 2022-03-22 falls in FY2021; 2021-04-01 in FY2021 too.
        assert_eq!(
            years,
            [
                (2021, 2, Some(-5.0), Some(0)),
                (2022, 1, Some(28.0), Some(28)),
                (2023, 1, Some(91.0), Some(91)),
            ]
        );
    }

    #[test]
    fn seeds_from_basic_to_practical_or_not_yet() {
        let (links, phases) = fixture();
        let s = seamless_figures(&links, &phases);
        assert_eq!(s.seeds.len(), 2);
        let first = &s.seeds[0];
        assert_eq!(first.projects, ["JP01", "JP02", "JP03"]);
        // 2018-04-01 to 2025-06-10.
        assert_eq!(first.days(), Some(2627));
        let second = &s.seeds[1];
        assert_eq!(second.projects.len(), 3);
        assert_eq!((second.basic_on, second.practical_on), (None, None));
        assert_eq!(second.days(), None);
        assert_eq!(s.seeds_to_practical(), (1, Some(2627.0)));
    }

    #[test]
    fn no_links_no_figures() {
        let s = seamless_figures(&[], &HashMap::new());
        assert!(s.pairs.is_empty() && s.seeds.is_empty());
        assert_eq!(s.total.median_gap, None);
        assert_eq!(s.total.seamless_share(), None);
    }
}
