//! The phase funnel: transitions over a fiscal year and median time in each phase.

use super::filter::condition;
use super::{Store, codes};
use crate::Result;
use crate::model::{Date, FiscalYear, Funnel, FunnelStep, Phase, PhaseDurations, Scope};
use crate::query::Filter;
use std::collections::{BTreeMap, HashSet};

/// One stay of a project in a phase: entered on `from`, left on `to` (still there when `None`).
struct Stay {
    project: i64,
    ip: i64,
    phase: i64,
    from: Date,
    to: Option<Date>,
    /// The phase it moved to.
    next: Option<i64>,
}

pub(super) fn median(values: &mut [i64]) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2
    })
}
impl Store {
    /// Phase transitions during fiscal year `year` and median time in phase, over the projects
    /// matching `filter`. A project counts as "in" a phase if it was there on any day of the year,
    /// and as advanced if it moved to a later phase within the year. Medians (in days) are over the
    /// year's cohort of stays: those that ended within the year (each year its own figure).
    /// Without a filter the figures come from the tallies the triggers keep (`funnel_tally`,
    /// `funnel_open`, `funnel_stay_days`: bounded by years × integrated projects × phases × distinct
    /// durations); with one, from the phase history itself.
    pub fn funnel(&self, year: FiscalYear, filter: &Filter, scope: &Scope) -> Result<Funnel> {
        if filter.is_empty() {
            let mut funnel = self.funnel_tallied(year)?;
            funnel.stalled = self.stalled_tallied(scope)?;
            return Ok(funnel);
        }
        self.funnel_recount(year, filter, scope)
    }

    /// [`Store::funnel`] computed from every phase change of the matching projects: the
    /// reference the tallies are checked against.
    pub fn funnel_recount(
        &self,
        year: FiscalYear,
        filter: &Filter,
        scope: &Scope,
    ) -> Result<Funnel> {
        let me = self.me(&scope.me)?;
        let cond = condition(filter, scope, &me);
        let sql = format!(
            "SELECT c.project_id, p.integrated_project_id, c.to_phase, c.changed_on
             FROM phase_change c JOIN project p ON p.id = c.project_id
             WHERE {} ORDER BY c.project_id, c.changed_on, c.id",
            cond.sql
        );
        let mut stays: Vec<Stay> = Vec::new();
        {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let mut rows = stmt.query(rusqlite::params_from_iter(cond.params.iter()))?;
            while let Some(r) = rows.next()? {
                let (project, ip, phase): (i64, i64, i64) =
                    (r.get(0)?, r.get(1)?, codes::phase(r, 2)?.ord());
                let on: String = r.get(3)?;
                let Ok(on) = on.parse::<Date>() else { continue };
                if let Some(last) = stays.last_mut()
                    && last.project == project
                {
                    last.to = Some(on);
                    last.next = Some(phase);
                }
                stays.push(Stay {
                    project,
                    ip,
                    phase,
                    from: on,
                    to: None,
                    next: None,
                });
            }
        }
        let (start, end) = year.span();
        let mut in_phase: [HashSet<i64>; 5] = Default::default();
        let mut advanced: [HashSet<i64>; 5] = Default::default();
        let mut durations: [Vec<i64>; 5] = Default::default();
        let mut by_ip: BTreeMap<i64, [Vec<i64>; 5]> = BTreeMap::new();
        for stay in &stays {
            let Some(slot) = Phase::from_ord(stay.phase).map(Phase::index) else {
                continue;
            };
            if stay.from <= end && stay.to.is_none_or(|t| t >= start) {
                in_phase[slot].insert(stay.project);
                if let (Some(to), Some(next)) = (stay.to, stay.next)
                    && to >= start
                    && to <= end
                    && next > stay.phase
                {
                    advanced[slot].insert(stay.project);
                }
            }
            if let Some(to) = stay.to.filter(|t| *t >= start && *t <= end) {
                let days = (to - stay.from).num_days();
                durations[slot].push(days);
                by_ip.entry(stay.ip).or_default()[slot].push(days);
            }
        }
        let mut funnel = Funnel {
            year: Some(year),
            from: start.to_string(),
            to: end.to_string(),
            ..Funnel::default()
        };
        for (i, step) in funnel.steps.iter_mut().enumerate() {
            *step = FunnelStep {
                in_phase: in_phase[i].len() as i64,
                advanced: advanced[i].len() as i64,
                stays: durations[i].len() as i64,
                median_days: median(&mut durations[i]),
            };
        }
        let reference = self.reference()?;
        for ip in &reference.integrated_projects {
            let Some(mut lists) = by_ip.remove(&ip.id) else {
                continue;
            };
            let mut median_days = [(None, 0); 5];
            for (slot, list) in median_days.iter_mut().zip(lists.iter_mut()) {
                *slot = (median(list), list.len() as i64);
            }
            funnel.by_integrated_project.push(PhaseDurations {
                period: ip.period,
                name_ja: ip.name_ja.clone(),
                name_en: ip.name_en.clone(),
                median_days,
            });
        }
        funnel.stalled = self.stalled_count(filter, scope)?;
        Ok(funnel)
    }

    /// Projects matching `filter` whose current phase began more than the stall threshold ago.
    fn stalled_count(&self, filter: &Filter, scope: &Scope) -> Result<i64> {
        let me = self.me(&scope.me)?;
        let stalled = Filter {
            stalled: Some(true),
            ..filter.clone()
        };
        let cond = condition(&stalled, scope, &me);
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT count(*) FROM project p WHERE {}",
                cond.sql
            ))?
            .query_row(rusqlite::params_from_iter(cond.params.iter()), |r| r.get(0))?)
    }
}
