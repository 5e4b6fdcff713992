//! PI and institution overviews: one researcher's (or institution's) projects across programs.

use super::Phase;

/// One project in a PI or institution overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PiProject {
    pub id: i64,
    pub amed_id: String,
    pub title: String,
    pub pi_name: String,
    pub institution: String,
    pub program_ja: String,
    pub program_en: String,
    pub phase: Phase,
    pub start_date: String,
    pub end_date: Option<String>,
    /// 総配分額: the total recorded on the project (千円), as the detail's 総配分額.
    pub budget_total_kyen: Option<i64>,
    /// 年度別計: the sum of the project's fiscal-year allocation rows (千円).
    pub allocated_kyen: i64,
    /// This fiscal year's allocation (千円).
    pub budget_this_year_kyen: i64,
    /// Running today (started, not ended).
    pub active: bool,
    /// Runs at the same time as another project of the same PI (overlapping periods).
    pub overlaps: bool,
}

/// Whose projects an overview gathers.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PiKey {
    /// 研究代表者 by name (spaces and width ignored).
    Pi(String),
    /// 所属機関 by name.
    Institution(String),
}

impl PiKey {
    pub fn name(&self) -> &str {
        match self {
            PiKey::Pi(n) | PiKey::Institution(n) => n,
        }
    }
}

/// All projects of one PI (or institution) across programs, for concentration and overlap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PiOverview {
    pub key: PiKey,
    pub projects: Vec<PiProject>,
    /// Distinct programs among the projects.
    pub programs: i64,
    /// 総配分額: the sum of the totals recorded on the projects (千円).
    pub budget_total_kyen: i64,
    /// Projects without a recorded 総配分額 (left out of `budget_total_kyen`).
    pub budget_total_missing: i64,
    /// 年度別計: the sum of every fiscal-year allocation row of the projects (千円).
    pub allocated_kyen: i64,
    pub budget_this_year_kyen: i64,
    /// Projects running today.
    pub active: i64,
    /// Pairs of projects of one and the same PI whose periods overlap (e-Rad's duplicate-funding
    /// concern); projects of different PIs at one institution never pair.
    pub overlapping_pairs: i64,
    /// PIs with at least one such pair (what an institution's view counts).
    pub pis_overlapping: i64,
}

/// A PI's name as overviews compare it: spaces (half- or full-width) ignored.
pub fn pi_name_key(name: &str) -> String {
    name.chars().filter(|c| !matches!(c, ' ' | '　')).collect()
}

/// Marks the projects that run at the same time as another of the same PI, and counts those
/// pairs and the PIs that have one: `(pairs, PIs)`. Periods are inclusive (`None` end: open);
/// one project ending the day before another starts does not overlap it.
pub fn mark_overlaps(projects: &mut [PiProject]) -> (i64, i64) {
    let ends = |p: &PiProject| p.end_date.clone().unwrap_or_else(|| "9999-12-31".into());
    let keys: Vec<String> = projects.iter().map(|p| pi_name_key(&p.pi_name)).collect();
    let mut pairs = 0;
    let mut pis = std::collections::BTreeSet::new();
    for i in 0..projects.len() {
        for j in i + 1..projects.len() {
            let (a, b) = (&projects[i], &projects[j]);
            if keys[i] == keys[j] && a.start_date <= ends(b) && b.start_date <= ends(a) {
                pairs += 1;
                pis.insert(keys[i].clone());
                projects[i].overlaps = true;
                projects[j].overlaps = true;
            }
        }
    }
    (pairs, pis.len() as i64)
}

/// 総配分額: the total recorded on a project (its contract, as imported or edited); the detail
/// and the PI overview use this one label for this one figure.
pub fn budget_total_label(lang: crate::Lang) -> &'static str {
    crate::tr(lang, "総配分額", "Total award")
}

/// 年度別計: the sum of a project's fiscal-year allocation rows (it may differ from 総配分額).
pub fn allocated_label(lang: crate::Lang) -> &'static str {
    crate::tr(lang, "年度別計", "Sum of years")
}
