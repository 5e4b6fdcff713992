//! Fiscal-year budgets in bulk, for CSV: project ids by 課題管理番号, the counts an import would
//! give, the import itself (one transaction, one audit row) and the rows an export writes.
//!
//! Lists of ids go to SQLite as one JSON array read by `json_each`: one statement whatever the
//! number of rows, instead of one query per row.

use super::budget::check_budget;
use super::{Store, audit};
use crate::Result;
use crate::model::FiscalYear;
use rusqlite::{Connection, params};
use serde_json::json;
use std::collections::HashMap;

/// What a budget import did (or, in a dry run, would do), by (project, fiscal year).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BudgetImportCounts {
    /// No figure for that year before.
    pub inserted: u64,
    /// A different figure replaced.
    pub replaced: u64,
    /// The same figure already stored.
    pub unchanged: u64,
}

/// One exported allocation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetRecord {
    pub amed_id: String,
    pub fiscal_year: FiscalYear,
    pub amount_kyen: i64,
}

/// One imported allocation: project row id, fiscal year, 千円.
pub type BudgetRow = (i64, FiscalYear, i64);

/// The stored figures of these projects, by (project id, fiscal year).
fn stored(conn: &Connection, rows: &[BudgetRow]) -> Result<HashMap<(i64, i32), i64>> {
    let ids = json!(rows.iter().map(|r| r.0).collect::<Vec<_>>()).to_string();
    let mut stmt = conn.prepare_cached(
        "SELECT project_id, fiscal_year, amount_kyen FROM budget_allocation
         WHERE project_id IN (SELECT value FROM json_each(?1))",
    )?;
    let found = stmt.query_map([ids], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// How `rows` compare with what is stored.
fn plan(rows: &[BudgetRow], stored: &HashMap<(i64, i32), i64>) -> BudgetImportCounts {
    let mut counts = BudgetImportCounts::default();
    for (project, year, kyen) in rows {
        match stored.get(&(*project, year.0)) {
            None => counts.inserted += 1,
            Some(old) if old == kyen => counts.unchanged += 1,
            Some(_) => counts.replaced += 1,
        }
    }
    counts
}

impl Store {
    /// Row ids of the projects with these 課題管理番号 (one statement); ids not in the database are
    /// absent from the map.
    pub fn project_ids_for(&self, amed_ids: &[&str]) -> Result<HashMap<String, i64>> {
        let list = json!(amed_ids).to_string();
        let mut stmt = self.conn.prepare_cached(
            "SELECT amed_id, id FROM project WHERE amed_id IN (SELECT value FROM json_each(?1))",
        )?;
        let found = stmt.query_map([list], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(found.collect::<rusqlite::Result<_>>()?)
    }

    /// The counts [`Store::import_budgets`] would give now (for `--dry-run`).
    pub fn plan_budgets(&self, rows: &[BudgetRow]) -> Result<BudgetImportCounts> {
        Ok(plan(rows, &stored(&self.conn, rows)?))
    }

    /// Writes allocations in ONE `BEGIN IMMEDIATE` transaction with ONE audit row
    /// (`budget.import`, entity `database`, counts only): a (project, year) already stored is
    /// replaced, an equal figure left alone. Every row is checked before the transaction starts;
    /// rows must name existing projects and no (project, year) twice.
    pub fn import_budgets(&mut self, rows: &[BudgetRow]) -> Result<BudgetImportCounts> {
        for (_, year, kyen) in rows {
            check_budget(*year, *kyen)?;
        }
        let actor = self.actor.clone();
        self.write(|tx| {
            // Counted inside the transaction, so that the audit row matches what was written.
            let before = stored(tx, rows)?;
            let counts = plan(rows, &before);
            let mut upsert = tx.prepare_cached(
                "INSERT INTO budget_allocation (project_id, fiscal_year, amount_kyen) VALUES (?1, ?2, ?3)
                 ON CONFLICT (project_id, fiscal_year) DO UPDATE SET amount_kyen = excluded.amount_kyen",
            )?;
            for (project, year, kyen) in rows {
                if before.get(&(*project, year.0)) != Some(kyen) {
                    upsert
                        .execute(params![project, year.0, kyen])
                        .map_err(|e| super::notes::missing_project(e, *project))?;
                }
            }
            let detail = json!({
                "rows": rows.len(),
                "inserted": counts.inserted,
                "replaced": counts.replaced,
                "unchanged": counts.unchanged,
            });
            audit::record(tx, &actor, "budget.import", "database", None, detail)?;
            Ok(counts)
        })
    }

    /// Calls `each` for the allocations of these projects, by 課題管理番号 then fiscal year.
    pub fn export_budgets(
        &self,
        ids: &[i64],
        mut each: impl FnMut(&BudgetRecord) -> Result<()>,
    ) -> Result<u64> {
        let list = json!(ids).to_string();
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.amed_id, b.fiscal_year, b.amount_kyen
             FROM budget_allocation b JOIN project p ON p.id = b.project_id
             WHERE b.project_id IN (SELECT value FROM json_each(?1)) AND p.retired_at IS NULL
             ORDER BY p.amed_id, b.fiscal_year",
        )?;
        let mut rows = stmt.query([list])?;
        let mut n = 0;
        while let Some(r) = rows.next()? {
            each(&BudgetRecord {
                amed_id: r.get(0)?,
                fiscal_year: FiscalYear(r.get(1)?),
                amount_kyen: r.get(2)?,
            })?;
            n += 1;
        }
        Ok(n)
    }
}
