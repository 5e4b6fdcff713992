//! PI and institution overviews: one researcher's (or institution's) projects across programs.

use super::{Store, codes};
use crate::Result;
use crate::model::{Date, FiscalYear, PiKey, PiOverview, PiProject, mark_overlaps, pi_name_key};
use std::collections::HashSet;

impl Store {
    /// Names match ignoring spaces (half- or full-width).
    pub fn pi_overview(&self, key: &PiKey, today: Date) -> Result<PiOverview> {
        let column = match key {
            PiKey::Pi(_) => "p.pi_name",
            PiKey::Institution(_) => "p.institution",
        };
        let name = key.name().trim();
        let squeezed = pi_name_key(name);
        let this_year = FiscalYear::of(today).0;
        let sql = format!(
            "SELECT p.id, p.amed_id, p.title, p.pi_name, p.institution, g.name_ja, g.name_en, p.phase,
               p.start_date, p.end_date, p.program_id,
               p.budget_total_kyen,
               coalesce((SELECT sum(b.amount_kyen) FROM budget_allocation b WHERE b.project_id = p.id), 0),
               coalesce((SELECT b.amount_kyen FROM budget_allocation b
                         WHERE b.project_id = p.id AND b.fiscal_year = ?3), 0)
             FROM project p JOIN program g ON g.id = p.program_id
             WHERE ({column} = ?1 OR replace(replace({column}, ' ', ''), '　', '') = ?2)
               AND p.retired_at IS NULL
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
                    phase: codes::phase(r, 7)?,
                    active: start <= today_s && end.as_ref().is_none_or(|e| *e >= today_s),
                    start_date: start,
                    end_date: end,
                    budget_total_kyen: r.get(11)?,
                    allocated_kyen: r.get(12)?,
                    budget_this_year_kyen: r.get(13)?,
                    overlaps: false,
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
        let (overlapping_pairs, pis_overlapping) = mark_overlaps(&mut projects);
        Ok(PiOverview {
            key: key.clone(),
            programs: programs.len() as i64,
            budget_total_kyen: projects.iter().filter_map(|p| p.budget_total_kyen).sum(),
            budget_total_missing: projects
                .iter()
                .filter(|p| p.budget_total_kyen.is_none())
                .count() as i64,
            allocated_kyen: projects.iter().map(|p| p.allocated_kyen).sum(),
            budget_this_year_kyen: projects.iter().map(|p| p.budget_this_year_kyen).sum(),
            active: projects.iter().filter(|p| p.active).count() as i64,
            overlapping_pairs,
            pis_overlapping,
            projects,
        })
    }
}
