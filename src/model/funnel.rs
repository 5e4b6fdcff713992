//! The phase funnel: transitions over a fiscal year and median time in each phase.

use super::FiscalYear;

/// One phase of the funnel over a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FunnelStep {
    /// Projects in this phase at some time during the period.
    pub in_phase: i64,
    /// Of those, how many moved on to a later phase during the period.
    pub advanced: i64,
    /// Median days spent in this phase by the stays that ended within the period (the year's
    /// cohort), and how many such stays.
    pub median_days: Option<i64>,
    pub stays: i64,
}

impl FunnelStep {
    /// `advanced / in_phase` as a percentage, if anything was in the phase.
    pub fn rate_percent(&self) -> Option<f64> {
        (self.in_phase > 0).then(|| self.advanced as f64 * 100.0 / self.in_phase as f64)
    }
}

/// Median days in each phase, for one integrated project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseDurations {
    /// The integrated project's period (2 or 3): 2nd- and 3rd-period names repeat.
    pub period: i64,
    pub name_ja: String,
    pub name_en: String,
    /// Median days per phase (基礎..実用化) of stays that ended within the period, with their count.
    pub median_days: [(Option<i64>, i64); 5],
}

/// Phase transitions over a period (one fiscal year) and time in phase.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Funnel {
    pub year: Option<FiscalYear>,
    /// The period, inclusive.
    pub from: String,
    pub to: String,
    /// Per phase, 基礎..実用化 (実用化 never advances).
    pub steps: [FunnelStep; 5],
    /// Median days per phase per integrated project (3rd period and any holding projects), over
    /// the stays that ended within the period; integrated projects without one are left out.
    pub by_integrated_project: Vec<PhaseDurations>,
    /// Projects whose current phase began more than the stall threshold ago.
    pub stalled: i64,
}
