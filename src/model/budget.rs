//! The budget pivot: fiscal-year allocations (千円) summed per integrated project, program or
//! disease area.

use super::FiscalYear;

/// Rows of the budget pivot.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum BudgetRows {
    /// 統合プロジェクト.
    #[default]
    IntegratedProject,
    /// 事業.
    Program,
    /// 研究開発フェーズ (the project's current phase).
    Phase,
}

impl BudgetRows {
    pub fn next(self) -> BudgetRows {
        match self {
            BudgetRows::IntegratedProject => BudgetRows::Program,
            BudgetRows::Program => BudgetRows::Phase,
            BudgetRows::Phase => BudgetRows::IntegratedProject,
        }
    }

    pub fn parse(text: &str) -> Option<BudgetRows> {
        match super::fold_key(text).as_str() {
            "ip" | "integrated_project" | "統合プロジェクト" => {
                Some(BudgetRows::IntegratedProject)
            }
            "program" | "事業" => Some(BudgetRows::Program),
            "phase" | "フェーズ" => Some(BudgetRows::Phase),
            _ => None,
        }
    }

    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            BudgetRows::IntegratedProject => {
                crate::tr(lang, "統合プロジェクト", "Integrated project")
            }
            BudgetRows::Program => crate::tr(lang, "事業", "Program"),
            BudgetRows::Phase => crate::tr(lang, "フェーズ", "Phase"),
        }
    }
}

/// One row of the budget pivot: amounts per fiscal year (千円), in the pivot's year order.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BudgetRow {
    /// For integrated projects, the period (2 or 3): their names repeat across periods; else 0.
    pub period: i64,
    /// The row's code in the filter language (`ip:`, `program:` or `phase:`): what the list
    /// behind one of its cells is filtered by.
    #[serde(default)]
    pub code: String,
    pub name_ja: String,
    pub name_en: String,
    pub amounts: Vec<i64>,
    pub total: i64,
}

impl BudgetRow {
    /// The row's name, led by "2期 " / "P2 " for a 2nd-period integrated project.
    pub fn label(&self, lang: crate::Lang) -> String {
        let name = if lang == crate::Lang::Ja {
            &self.name_ja
        } else {
            &self.name_en
        };
        match self.period {
            2 => format!("{}{name}", crate::tr(lang, "2期 ", "P2 ")),
            _ => name.clone(),
        }
    }
}

/// Allocations (千円) summed per row and fiscal year, with totals.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct BudgetPivot {
    pub rows_by: BudgetRows,
    pub years: Vec<FiscalYear>,
    pub rows: Vec<BudgetRow>,
    pub column_totals: Vec<i64>,
    pub total: i64,
}
