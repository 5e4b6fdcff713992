//! The maintained portfolio tallies (schema v11): the unfiltered budget pivot and phase funnel read
//! a few hundred rows kept by triggers instead of every allocation and phase change, and
//! `seedline doctor` compares those rows with a recount.

use super::Store;
use crate::Result;
use crate::model::{BudgetRows, FiscalYear, Funnel, FunnelStep, Phase, PhaseDurations, Scope};
use crate::msg::Msg;
use std::collections::{BTreeMap, HashMap};

/// Days in phase → how many stays lasted that long, in ascending order of days.
type Histogram = BTreeMap<i64, i64>;

/// The median of the values a histogram holds, exactly as `funnel::median` computes it over the
/// list (the mean of the two middle values, rounded down, for an even count).
fn histogram_median(histogram: &Histogram) -> Option<i64> {
    let n: i64 = histogram.values().sum();
    if n <= 0 {
        return None;
    }
    let nth = |k: i64| -> Option<i64> {
        let mut seen = 0;
        histogram.iter().find_map(|(days, count)| {
            seen += count;
            (seen > k).then_some(*days)
        })
    };
    let mid = n / 2;
    if n % 2 == 1 {
        nth(mid)
    } else {
        Some((nth(mid - 1)? + nth(mid)?) / 2)
    }
}

impl Store {
    /// Sums (千円) per (row key, fiscal year) of live projects, from `budget_tally`.
    pub(super) fn budget_tally_sums(
        &self,
        rows_by: BudgetRows,
    ) -> Result<HashMap<(i64, i32), i64>> {
        let dimension = match rows_by {
            BudgetRows::IntegratedProject => 1,
            BudgetRows::Program => 2,
            BudgetRows::Phase => 3,
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT key, fiscal_year, amount_kyen FROM budget_tally
             WHERE rows_by = ?1 AND allocations > 0",
        )?;
        let rows = stmt.query_map([dimension], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The funnel of every live project over `year` from the tallies (the stalled count apart:
    /// [`Store::stalled_tallied`]).
    pub(super) fn funnel_tallied(&self, year: FiscalYear) -> Result<Funnel> {
        let (start, end) = year.span();
        let mut funnel = Funnel {
            year: Some(year),
            from: start.to_string(),
            to: end.to_string(),
            ..Funnel::default()
        };
        let slot = |phase: i64| Phase::from_ord(phase).map(Phase::index);
        let mut stmt = self.conn.prepare_cached(
            "SELECT phase, sum(in_phase), sum(advanced) FROM funnel_tally
             WHERE fiscal_year = ?1 GROUP BY phase",
        )?;
        let mut rows = stmt.query([year.0])?;
        while let Some(r) = rows.next()? {
            if let Some(i) = slot(r.get(0)?) {
                funnel.steps[i].in_phase += r.get::<_, i64>(1)?;
                funnel.steps[i].advanced += r.get::<_, i64>(2)?;
            }
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT phase, sum(projects) FROM funnel_open WHERE since_year <= ?1 GROUP BY phase",
        )?;
        let mut rows = stmt.query([year.0])?;
        while let Some(r) = rows.next()? {
            if let Some(i) = slot(r.get(0)?) {
                funnel.steps[i].in_phase += r.get::<_, i64>(1)?;
            }
        }
        let mut all: [Histogram; 5] = Default::default();
        let mut by_ip: HashMap<i64, [Histogram; 5]> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT integrated_project_id, phase, days, stays FROM funnel_stay_days
             WHERE fiscal_year = ?1 AND stays > 0",
        )?;
        let mut rows = stmt.query([year.0])?;
        while let Some(r) = rows.next()? {
            let (ip, days, stays): (i64, i64, i64) = (r.get(0)?, r.get(2)?, r.get(3)?);
            let Some(i) = slot(r.get(1)?) else { continue };
            *all[i].entry(days).or_default() += stays;
            *by_ip.entry(ip).or_default()[i].entry(days).or_default() += stays;
        }
        for (step, histogram) in funnel.steps.iter_mut().zip(&all) {
            *step = FunnelStep {
                stays: histogram.values().sum(),
                median_days: histogram_median(histogram),
                ..*step
            };
        }
        let reference = self.reference()?;
        for ip in &reference.integrated_projects {
            let Some(histograms) = by_ip.remove(&ip.id) else {
                continue;
            };
            let mut median_days = [(None, 0); 5];
            for (slot, histogram) in median_days.iter_mut().zip(&histograms) {
                *slot = (histogram_median(histogram), histogram.values().sum());
            }
            funnel.by_integrated_project.push(PhaseDurations {
                period: ip.period,
                name_ja: ip.name_ja.clone(),
                name_en: ip.name_en.clone(),
                median_days,
            });
        }
        Ok(funnel)
    }

    /// Live projects short of 実用化 whose current phase began before the stall threshold of
    /// `scope`, from `stall_tally` (a sum over days, bounded by the calendar).
    pub(super) fn stalled_tallied(&self, scope: &Scope) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT coalesce(sum(projects), 0) FROM stall_tally WHERE entered_on < ?1",
            )?
            .query_row([scope.stalled_before().to_string()], |r| r.get(0))?)
    }

    /// For `seedline doctor`: each tally whose rows differ from a recount of the allocations and
    /// the phase history, with how many rows differ (reads every row: slow on big databases).
    pub(super) fn tally_problems(&self) -> Result<Vec<Msg>> {
        let mut problems = Vec::new();
        for (table, kept, recount) in super::tally_recount::checks() {
            let sql = format!(
                "SELECT (SELECT count(*) FROM ({kept} EXCEPT {recount}))
                      + (SELECT count(*) FROM ({recount} EXCEPT {kept}))"
            );
            let differ: i64 = self.conn.query_row(&sql, [], |r| r.get(0))?;
            if differ > 0 {
                problems.push(crate::msg::cli_out::tally_out_of_step(table, differ));
            }
        }
        Ok(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_histogram_median_is_the_list_median() {
        let lists: [&[i64]; 6] = [
            &[],
            &[7],
            &[3, 9],
            &[1, 2, 2, 10],
            &[5, 5, 5],
            &[0, 4, 4, 8, 9, 100, 3],
        ];
        for list in lists {
            let mut histogram = Histogram::new();
            for v in list {
                *histogram.entry(*v).or_default() += 1;
            }
            let mut values = list.to_vec();
            assert_eq!(
                histogram_median(&histogram),
                super::super::funnel::median(&mut values),
                "{list:?}"
            );
        }
    }
}
