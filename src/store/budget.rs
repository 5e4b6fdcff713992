//! Fiscal-year budgets (千円): one project's allocations, and the pivot summed per row and year.

use super::filter::condition;
use super::{Store, audit};
use crate::model::{BudgetPivot, BudgetRow, BudgetRows, Coded, FiscalYear, Phase, Scope};
use crate::query::Filter;
use crate::{Error, Result};
use rusqlite::params;
use serde_json::json;
use std::collections::HashMap;

impl Store {
    /// Sets one fiscal year's allocation (千円) of a project, replacing an earlier figure.
    pub fn set_budget(&mut self, project_id: i64, year: FiscalYear, kyen: i64) -> Result<()> {
        check_budget(year, kyen)?;
        let actor = self.actor.clone();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO budget_allocation (project_id, fiscal_year, amount_kyen) VALUES (?1, ?2, ?3)
                 ON CONFLICT (project_id, fiscal_year) DO UPDATE SET amount_kyen = excluded.amount_kyen",
                params![project_id, year.0, kyen],
            )
            .map_err(|e| super::notes::missing_project(e, project_id))?;
            let detail = json!({"fiscal_year": year.0, "kyen": kyen});
            audit::record(tx, &actor, "budget.set", "project", Some(project_id), detail)
        })
    }

    /// A project's allocations, oldest year first.
    pub fn budgets(&self, project_id: i64) -> Result<Vec<(FiscalYear, i64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT fiscal_year, amount_kyen FROM budget_allocation WHERE project_id = ?1 ORDER BY 1",
        )?;
        let rows = stmt.query_map([project_id], |r| Ok((FiscalYear(r.get(0)?), r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Allocations (千円) of the projects matching `filter`, summed per row and fiscal year. Years
    /// run from the earliest to the latest with any allocation (or `years` when given). Without a
    /// filter the sums come from `budget_tally` (kept by triggers, a few hundred rows whatever
    /// the number of projects); with one, from the allocations themselves.
    pub fn budget_pivot(
        &self,
        rows_by: BudgetRows,
        filter: &Filter,
        scope: &Scope,
        years: Option<(FiscalYear, FiscalYear)>,
    ) -> Result<BudgetPivot> {
        if filter.is_empty() {
            let sums = self.budget_tally_sums(rows_by)?;
            return self.pivot_from_sums(rows_by, sums, years);
        }
        self.budget_pivot_recount(rows_by, filter, scope, years)
    }

    /// [`Store::budget_pivot`] summed from every allocation of the matching projects: the
    /// reference the tallies are checked against.
    pub fn budget_pivot_recount(
        &self,
        rows_by: BudgetRows,
        filter: &Filter,
        scope: &Scope,
        years: Option<(FiscalYear, FiscalYear)>,
    ) -> Result<BudgetPivot> {
        let me = self.me(&scope.me)?;
        let cond = condition(filter, scope, &me);
        let key = match rows_by {
            BudgetRows::IntegratedProject => "p.integrated_project_id",
            BudgetRows::Program => "p.program_id",
            BudgetRows::Phase => "p.phase",
        };
        let sql = format!(
            "SELECT {key}, b.fiscal_year, sum(b.amount_kyen) FROM budget_allocation b
             JOIN project p ON p.id = b.project_id WHERE {} GROUP BY 1, 2",
            cond.sql
        );
        let mut sums: HashMap<(i64, i32), i64> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(cond.params.iter()))?;
        while let Some(r) = rows.next()? {
            sums.insert((r.get(0)?, r.get(1)?), r.get(2)?);
        }
        self.pivot_from_sums(rows_by, sums, years)
    }

    /// The pivot from sums per (row key, fiscal year); a key present with 0 still marks a year.
    fn pivot_from_sums(
        &self,
        rows_by: BudgetRows,
        sums: HashMap<(i64, i32), i64>,
        years: Option<(FiscalYear, FiscalYear)>,
    ) -> Result<BudgetPivot> {
        let (first, last) = match years {
            Some((a, b)) => (a.min(b), a.max(b)),
            None => {
                let mut ys = sums.keys().map(|(_, y)| *y);
                let Some(y0) = ys.next() else {
                    return Ok(BudgetPivot {
                        rows_by,
                        ..BudgetPivot::default()
                    });
                };
                let (lo, hi) = ys.fold((y0, y0), |(lo, hi), y| (lo.min(y), hi.max(y)));
                (FiscalYear(lo), FiscalYear(hi))
            }
        };
        let years: Vec<FiscalYear> = (first.0..=last.0).map(FiscalYear).collect();
        let reference = self.reference()?;
        let labels: Vec<(i64, i64, String, String, String)> = match rows_by {
            BudgetRows::IntegratedProject => reference
                .integrated_projects
                .iter()
                .map(|p| {
                    let names = (p.name_ja.clone(), p.name_en.clone());
                    (p.id, p.period, p.code.clone(), names.0, names.1)
                })
                .collect(),
            BudgetRows::Program => reference
                .programs
                .iter()
                .map(|p| {
                    (
                        p.id,
                        0,
                        p.code.clone(),
                        p.name_ja.clone(),
                        p.name_en.clone(),
                    )
                })
                .collect(),
            BudgetRows::Phase => Phase::ALL
                .iter()
                .map(|p| {
                    let names = (p.name_ja().to_string(), p.name_en().to_string());
                    (p.ord(), 0, p.code().to_string(), names.0, names.1)
                })
                .collect(),
        };
        let mut pivot = BudgetPivot {
            rows_by,
            column_totals: vec![0; years.len()],
            years,
            ..BudgetPivot::default()
        };
        for (id, period, code, name_ja, name_en) in labels {
            let amounts: Vec<i64> = pivot
                .years
                .iter()
                .map(|y| sums.get(&(id, y.0)).copied().unwrap_or(0))
                .collect();
            let total: i64 = amounts.iter().sum();
            if total == 0 {
                continue;
            }
            for (sum, a) in pivot.column_totals.iter_mut().zip(&amounts) {
                *sum += a;
            }
            pivot.total += total;
            pivot.rows.push(BudgetRow {
                period,
                code,
                name_ja,
                name_en,
                amounts,
                total,
            });
        }
        Ok(pivot)
    }
}

/// A budget figure the schema accepts: a fiscal year 1990–2100 and 0..=100,000,000 千円.
pub(crate) fn check_budget(year: FiscalYear, kyen: i64) -> Result<()> {
    if !(FiscalYear::MIN..=FiscalYear::MAX).contains(&year.0) {
        return Err(Error::invalid(
            "fiscal_year",
            crate::msg::invalid::fiscal_year_range(),
        ));
    }
    if !(0..=100_000_000).contains(&kyen) {
        return Err(Error::invalid(
            "amount_kyen",
            crate::msg::invalid::amount_range(),
        ));
    }
    Ok(())
}
