//! Portfolio figures: budgets per fiscal year (pivot), phase transitions and time in phase
//! (funnel), and one PI's or institution's projects across programs.

use super::Store;
use super::filter::condition;
use crate::Result;
use crate::model::{
    BudgetPivot, BudgetRow, BudgetRows, Coded, Date, FiscalYear, Funnel, FunnelStep, Phase,
    PhaseDurations, PiKey, PiOverview, PiProject, Scope,
};
use crate::query::Filter;
use std::collections::{BTreeMap, HashMap, HashSet};

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

fn median(values: &mut [i64]) -> Option<i64> {
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
    /// Allocations (千円) of the projects matching `filter`, summed per row and fiscal year. Years
    /// run from the earliest to the latest with any allocation (or `years` when given).
    pub fn budget_pivot(
        &self,
        rows_by: BudgetRows,
        filter: &Filter,
        scope: &Scope,
        years: Option<(FiscalYear, FiscalYear)>,
    ) -> Result<BudgetPivot> {
        let me = self.me(&scope.me)?;
        let cond = condition(filter, scope, &me, &Default::default());
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
        let labels: Vec<(i64, i64, String, String)> = match rows_by {
            BudgetRows::IntegratedProject => reference
                .integrated_projects
                .iter()
                .map(|p| (p.id, p.period, p.name_ja.clone(), p.name_en.clone()))
                .collect(),
            BudgetRows::Program => reference
                .programs
                .iter()
                .map(|p| (p.id, 0, p.name_ja.clone(), p.name_en.clone()))
                .collect(),
            BudgetRows::Phase => Phase::ALL
                .iter()
                .map(|p| (p.ord(), 0, p.name_ja().to_string(), p.name_en().to_string()))
                .collect(),
        };
        let mut pivot = BudgetPivot {
            rows_by,
            column_totals: vec![0; years.len()],
            years,
            ..BudgetPivot::default()
        };
        for (id, period, name_ja, name_en) in labels {
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
                name_ja,
                name_en,
                amounts,
                total,
            });
        }
        Ok(pivot)
    }

    /// Phase transitions during fiscal year `year` and median time in phase, over the projects
    /// matching `filter`. A project counts as "in" a phase if it was there on any day of the year,
    /// and as advanced if it moved to a later phase within the year. Medians are over stays that
    /// ended (whenever), in days.
    pub fn funnel(&self, year: FiscalYear, filter: &Filter, scope: &Scope) -> Result<Funnel> {
        let me = self.me(&scope.me)?;
        let cond = condition(filter, scope, &me, &Default::default());
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
                let (project, ip, phase): (i64, i64, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
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
            if let Some(to) = stay.to {
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
        let stalled = Filter {
            stalled: Some(true),
            ..filter.clone()
        };
        let cond = condition(&stalled, scope, &me, &Default::default());
        funnel.stalled = self
            .conn
            .prepare_cached(&format!(
                "SELECT count(*) FROM project p WHERE {}",
                cond.sql
            ))?
            .query_row(rusqlite::params_from_iter(cond.params.iter()), |r| r.get(0))?;
        Ok(funnel)
    }

    /// Every project of one PI (or institution) across programs, with budgets and overlaps.
    /// Names match ignoring spaces (half- or full-width).
    pub fn pi_overview(&self, key: &PiKey, today: Date) -> Result<PiOverview> {
        let column = match key {
            PiKey::Pi(_) => "p.pi_name",
            PiKey::Institution(_) => "p.institution",
        };
        let name = key.name().trim();
        let squeezed: String = name.chars().filter(|c| !matches!(c, ' ' | '　')).collect();
        let this_year = FiscalYear::of(today).0;
        let sql = format!(
            "SELECT p.id, p.amed_id, p.title, p.pi_name, p.institution, g.name_ja, g.name_en, p.phase,
               p.start_date, p.end_date, p.program_id,
               coalesce((SELECT sum(b.amount_kyen) FROM budget_allocation b WHERE b.project_id = p.id),
                        p.budget_total_kyen, 0),
               coalesce((SELECT b.amount_kyen FROM budget_allocation b
                         WHERE b.project_id = p.id AND b.fiscal_year = ?3), 0)
             FROM project p JOIN program g ON g.id = p.program_id
             WHERE {column} = ?1 OR replace(replace({column}, ' ', ''), '　', '') = ?2
             ORDER BY p.start_date, p.amed_id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut programs = HashSet::new();
        let today_s = today.to_string();
        let rows = stmt.query_map(rusqlite::params![name, squeezed, this_year], |r| {
            let start: String = r.get(8)?;
            let end: Option<String> = r.get(9)?;
            let program: i64 = r.get(10)?;
            Ok((
                PiProject {
                    id: r.get(0)?,
                    amed_id: r.get(1)?,
                    title: r.get(2)?,
                    pi_name: r.get(3)?,
                    institution: r.get(4)?,
                    program_ja: r.get(5)?,
                    program_en: r.get(6)?,
                    phase: Phase::from_ord(r.get(7)?).unwrap_or(Phase::Basic),
                    active: start <= today_s && end.as_ref().is_none_or(|e| *e >= today_s),
                    start_date: start,
                    end_date: end,
                    budget_kyen: r.get(11)?,
                    budget_this_year_kyen: r.get(12)?,
                },
                program,
            ))
        })?;
        let mut projects = Vec::new();
        for row in rows {
            let (project, program) = row?;
            programs.insert(program);
            projects.push(project);
        }
        let overlaps = |a: &PiProject, b: &PiProject| {
            let ends = |p: &PiProject| p.end_date.clone().unwrap_or_else(|| "9999-12-31".into());
            a.start_date <= ends(b) && b.start_date <= ends(a)
        };
        let mut overlapping_pairs = 0;
        for (i, a) in projects.iter().enumerate() {
            overlapping_pairs += projects[i + 1..].iter().filter(|b| overlaps(a, b)).count() as i64;
        }
        Ok(PiOverview {
            key: key.clone(),
            programs: programs.len() as i64,
            budget_kyen: projects.iter().map(|p| p.budget_kyen).sum(),
            budget_this_year_kyen: projects.iter().map(|p| p.budget_this_year_kyen).sum(),
            active: projects.iter().filter(|p| p.active).count() as i64,
            overlapping_pairs,
            projects,
        })
    }
}
