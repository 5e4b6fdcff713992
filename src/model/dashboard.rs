//! The dashboard's figures: the pipeline matrix (integrated project or disease area × phase) and
//! the headline strip officers report against.

use super::FiscalYear;

/// What the matrix rows are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pivot {
    /// 統合プロジェクト (rows), the default.
    #[default]
    IntegratedProject,
    /// 疾患領域 (rows); a project in several areas counts in each.
    DiseaseArea,
}

/// One cell: projects, how many carry an open highway flag, how many have a follow-up due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MatrixCell {
    pub projects: i64,
    pub open_flags: i64,
    pub follow_ups_due: i64,
    /// Allocations (千円) of the fiscal year asked for in [`MatrixOptions::budget_year`].
    pub budget_kyen: i64,
}

impl MatrixCell {
    /// Adds another cell's figures to this one.
    pub fn add(&mut self, other: &MatrixCell) {
        self.projects += other.projects;
        self.open_flags += other.open_flags;
        self.follow_ups_due += other.follow_ups_due;
        self.budget_kyen += other.budget_kyen;
    }
}

/// What the matrix counts beyond projects, flags and due follow-ups.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MatrixOptions {
    /// Only projects assigned to these officers (`Me::officer_ids`); `None` = everyone's.
    pub officers: Option<Vec<i64>>,
    /// Also sum this fiscal year's allocations per cell.
    pub budget_year: Option<FiscalYear>,
}

/// One row of the matrix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixRow {
    /// Integrated project id or disease area id.
    pub id: i64,
    pub code: String,
    pub name_ja: String,
    pub name_en: String,
    /// 0 for top-level rows, 1 for ライフコース's sub-areas.
    pub depth: u8,
    /// The integrated project's period (2 or 3); 0 for disease areas.
    pub period: i64,
    pub cells: [MatrixCell; 5],
    pub total: MatrixCell,
}

/// The pipeline matrix with column totals (distinct projects, even in the disease-area pivot).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Matrix {
    pub pivot: Pivot,
    pub options: MatrixOptions,
    pub rows: Vec<MatrixRow>,
    pub column_totals: [MatrixCell; 5],
    pub total: MatrixCell,
}

/// Headline figures for the dashboard's header strip.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Headline {
    pub per_phase: [i64; 5],
    pub projects: i64,
    /// Projects whose seed went to a company: a licensing outcome (not deleted), or a licensing
    /// status of 権利譲渡 / 実施許諾 / 共同研究開発契約; each project once.
    pub licensed: i64,
    /// 薬事承認 outcomes (not deleted).
    pub approvals: i64,
    /// Highway flags in candidate or recommended.
    pub open_flags: i64,
    /// Follow-ups not done whose date has passed.
    pub overdue_follow_ups: i64,
}
