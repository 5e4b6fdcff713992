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
    /// Sum of the fiscal-year allocations (千円).
    pub budget_kyen: i64,
    /// This fiscal year's allocation (千円).
    pub budget_this_year_kyen: i64,
    /// Running today (started, not ended).
    pub active: bool,
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
    pub budget_kyen: i64,
    pub budget_this_year_kyen: i64,
    /// Projects running today.
    pub active: i64,
    /// Pairs of the PI's projects whose periods overlap (e-Rad's duplicate-funding concern).
    pub overlapping_pairs: i64,
}
