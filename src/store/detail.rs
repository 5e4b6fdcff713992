//! One project with everything around it, for the detail screen and `seedline show project`.

use super::{Store, codes};
use crate::model::{
    CriterionStatus, DeadlineView, FlagView, GateView, NoteView, OutcomeView, PhaseStep,
    ProjectDetail,
};
use crate::{Error, Result};
use rusqlite::OptionalExtension;

impl Store {
    /// The project with row id `id` and its areas, officers, phase history, gates, flags (newest
    /// first, with their moves), outcomes and notes (newest first, deleted ones left out).
    /// `NotFound` when there is no such project; a retired one is refused, saying when and why
    /// it was retired and how to restore it.
    pub fn project_detail(&self, id: i64) -> Result<ProjectDetail> {
        if let Some((at, reason)) = self.project_retired(id)? {
            let amed_id: String =
                self.conn
                    .query_row("SELECT amed_id FROM project WHERE id = ?1", [id], |r| {
                        r.get(0)
                    })?;
            return Err(super::project_edit::retired_error(&amed_id, &at, &reason));
        }
        let mut d = self
            .conn
            .query_row(
                "SELECT p.id, p.amed_id, p.title, p.summary, p.pi_name, p.pi_title, p.institution,
                   g.name_ja, g.name_en, i.name_ja, i.name_en, p.modality, p.phase, p.start_date, p.end_date,
                   p.budget_total_kyen, p.partner_company, p.licensing_status, p.updated_at, p.version, p.program_id
                 FROM project p JOIN program g ON g.id = p.program_id
                 JOIN integrated_project i ON i.id = p.integrated_project_id WHERE p.id = ?1",
                [id],
                |r| {
                    Ok(ProjectDetail {
                        id: r.get(0)?,
                        amed_id: r.get(1)?,
                        title: r.get(2)?,
                        summary: r.get(3)?,
                        pi_name: r.get(4)?,
                        pi_title: r.get(5)?,
                        institution: r.get(6)?,
                        program_id: r.get(20)?,
                        program_ja: r.get(7)?,
                        program_en: r.get(8)?,
                        integrated_project_ja: r.get(9)?,
                        integrated_project_en: r.get(10)?,
                        modality: codes::coded(r, 11)?,
                        phase: codes::phase(r, 12)?,
                        start_date: r.get(13)?,
                        end_date: r.get(14)?,
                        budget_total_kyen: r.get(15)?,
                        partner_company: r.get(16)?,
                        licensing_status: codes::coded(r, 17)?,
                        updated_at: r.get(18)?,
                        version: r.get(19)?,
                        disease_areas: Vec::new(),
                        officers: Vec::new(),
                        past_officers: Vec::new(),
                        phase_history: Vec::new(),
                        gates: Vec::new(),
                        flags: Vec::new(),
                        outcomes: Vec::new(),
                        notes: Vec::new(),
                        phase_entered: None,
                        budgets: Vec::new(),
                        deadlines: Vec::new(),
                        attachments: Vec::new(),
                        watched: false,
                        lineage: Default::default(),
                    })
                },
            )
            .optional()?
            .ok_or_else(|| Error::NotFound {
                what: "project",
                key: format!("#{id}"),
            })?;
        d.disease_areas = self.rows(
            "SELECT a.name_ja, a.name_en FROM project_disease_area x JOIN disease_area a ON a.id = x.disease_area_id
             WHERE x.project_id = ?1 ORDER BY a.sort_order",
            id,
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        d.officers = self.rows(
            "SELECT o.name, o.role FROM project_officer po JOIN officer o ON o.id = po.officer_id
             WHERE po.project_id = ?1 ORDER BY CASE o.role WHEN 'PD' THEN 1 WHEN 'PS' THEN 2 WHEN 'PO' THEN 3 ELSE 4 END, o.name",
            id,
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        d.past_officers = self.past_assignments(id)?;
        d.phase_history = self.rows(
            "SELECT from_phase, to_phase, changed_on, changed_by FROM phase_change WHERE project_id = ?1
             ORDER BY changed_on, id",
            id,
            |r| {
                Ok(PhaseStep {
                    from: codes::phase_opt(r, 0)?,
                    to: codes::phase(r, 1)?,
                    on: r.get(2)?,
                    by: r.get(3)?,
                })
            },
        )?;
        d.gates = self.rows(
            "SELECT gate, decided_on, decision, note, recorded_by, id, version FROM stage_gate
             WHERE project_id = ?1 AND deleted_at IS NULL ORDER BY decided_on, id",
            id,
            |r| {
                Ok(GateView {
                    gate: r.get(0)?,
                    decided_on: r.get(1)?,
                    decision: codes::coded(r, 2)?,
                    note: r.get(3)?,
                    by: r.get(4)?,
                    id: r.get(5)?,
                    version: r.get(6)?,
                })
            },
        )?;
        d.flags = self.rows(
            "SELECT f.id, f.status, g.name_ja, g.name_en, f.reason, f.competitive_advantage, f.competitive_note,
               f.ip_portfolio, f.ip_note, f.evidence_data, f.evidence_note, f.flagged_by, f.created_at,
               f.decision_note, f.version
             FROM highway_flag f JOIN program g ON g.id = f.target_program_id WHERE f.project_id = ?1
             ORDER BY f.created_at DESC, f.id DESC",
            id,
            |r| {
                let c = |i: usize| -> rusqlite::Result<(CriterionStatus, String)> {
                    Ok((codes::coded(r, i)?, r.get(i + 1)?))
                };
                Ok(FlagView {
                    id: r.get(0)?,
                    status: codes::coded(r, 1)?,
                    target_ja: r.get(2)?,
                    target_en: r.get(3)?,
                    reason: r.get(4)?,
                    criteria: [c(5)?, c(7)?, c(9)?],
                    flagged_by: r.get(11)?,
                    created_at: r.get(12)?,
                    decision_note: r.get(13)?,
                    version: r.get(14)?,
                    moves: Vec::new(),
                })
            },
        )?;
        for flag in &mut d.flags {
            flag.moves = self.rows(
                "SELECT from_status, to_status, moved_by, moved_at, reason FROM highway_flag_event
                 WHERE flag_id = ?1 ORDER BY moved_at, id",
                flag.id,
                |r| {
                    Ok((
                        codes::coded_opt(r, 0)?,
                        codes::coded(r, 1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                    ))
                },
            )?;
        }
        d.outcomes = self.rows(
            "SELECT id, kind, occurred_on, product_name, detail, recorded_by, version FROM outcome
             WHERE project_id = ?1 AND deleted_at IS NULL ORDER BY occurred_on, id",
            id,
            |r| {
                Ok(OutcomeView {
                    id: r.get(0)?,
                    kind: codes::coded(r, 1)?,
                    on: r.get(2)?,
                    product_name: r.get(3)?,
                    detail: r.get(4)?,
                    recorded_by: r.get(5)?,
                    version: r.get(6)?,
                })
            },
        )?;
        d.notes = self.rows(
            "SELECT id, author, author_role, kind, body, occurred_on, follow_up_on, follow_up_done_by,
               follow_up_done_at, version
             FROM note WHERE project_id = ?1 AND deleted_at IS NULL ORDER BY occurred_on DESC, id DESC",
            id,
            |r| {
                let done_by: Option<String> = r.get(7)?;
                let done_at: Option<String> = r.get(8)?;
                Ok(NoteView {
                    id: r.get(0)?,
                    author: r.get(1)?,
                    author_role: r.get(2)?,
                    kind: codes::coded(r, 3)?,
                    body: r.get(4)?,
                    occurred_on: r.get(5)?,
                    follow_up_on: r.get(6)?,
                    follow_up_done: done_by.zip(done_at),
                    version: r.get(9)?,
                })
            },
        )?;
        d.phase_entered = self
            .conn
            .query_row(
                "SELECT entered_on FROM phase_entered WHERE project_id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        d.budgets = self.budgets(id)?;
        d.deadlines = self.rows(
            "SELECT id, kind, title, due_on, done_on, done_by, version FROM deadline WHERE project_id = ?1
             ORDER BY done_on IS NOT NULL, due_on, id",
            id,
            |r| {
                Ok(DeadlineView {
                    id: r.get(0)?,
                    kind: codes::coded(r, 1)?,
                    title: r.get(2)?,
                    due_on: r.get(3)?,
                    done: match (r.get::<_, Option<String>>(4)?, r.get::<_, Option<String>>(5)?) {
                        (Some(on), Some(by)) => Some((on, by)),
                        _ => None,
                    },
                    version: r.get(6)?,
                })
            },
        )?;
        d.attachments = self.attachments(id)?;
        d.lineage = self.lineage_chain(id)?;
        Ok(d)
    }

    /// Runs a query with one id parameter and collects its rows.
    fn rows<T>(
        &self,
        sql: &str,
        id: i64,
        map: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map([id], map)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
