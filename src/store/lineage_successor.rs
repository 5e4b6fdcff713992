//! The successor of an accepted highway flag, created in ONE transaction: the new project (its
//! fields prefilled from the predecessor by the form, checked as an imported row), the
//! predecessor's current PS / PO assigned to it (相互乗り入れ: they follow the seed), and the
//! `highway` lineage link with the flag. Any failure (a 課題管理番号 already taken, an unknown
//! code, a refused link) leaves neither project, assignment nor link.

use super::lineage::{PROJECT_COLUMNS, insert_link, lineage_project};
use super::projects::{Codes, SearchBatch, insert};
use super::{Store, audit};
use crate::Result;
use crate::model::{Date, LineageKind, LineageProject, NewProject};
use rusqlite::params;
use serde_json::json;

/// What [`Store::create_successor`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuccessorCreated {
    pub project_id: i64,
    pub link_id: i64,
    /// The officers (PS / PO) now assigned to the successor too.
    pub officers: usize,
}

/// How many candidates the successor offer lists at most (newest start first; typing narrows).
const CANDIDATES: i64 = 500;

impl Store {
    /// The successor offer's candidates: the program's projects (not retired, not `exclude`),
    /// newest start first, at most [`CANDIDATES`].
    pub fn successor_candidates(
        &self,
        program_id: i64,
        exclude: i64,
    ) -> Result<Vec<LineageProject>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {PROJECT_COLUMNS} FROM project p JOIN program g ON g.id = p.program_id
              WHERE p.program_id = ?1 AND p.id <> ?2 AND p.retired_at IS NULL
              ORDER BY p.start_date DESC, p.amed_id LIMIT ?3"
        ))?;
        let rows = stmt.query_map(params![program_id, exclude, CANDIDATES], |r| {
            lineage_project(r, 0)
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Creates `p` as the successor of `pred_id` through the highway flag `flag_id`: the project,
    /// the predecessor's current PS and PO (active officers) assigned from `on`, and the lineage
    /// link (kind highway), all or nothing.
    pub fn create_successor(
        &mut self,
        pred_id: i64,
        flag_id: Option<i64>,
        p: &NewProject,
        on: Date,
    ) -> Result<SuccessorCreated> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let codes = Codes::load(tx)?;
            let mut search = SearchBatch::default();
            let project_id = insert(tx, &codes, &actor, p, &[], &mut search)?;
            search.flush(tx)?;
            audit::record(
                tx,
                &actor,
                "project.create",
                "project",
                Some(project_id),
                json!({ "successor_of": pred_id, "flag": flag_id }),
            )?;
            let officers: Vec<(i64, String, String)> = {
                let mut stmt = tx.prepare_cached(
                    "SELECT o.id, o.name, o.role FROM project_officer x JOIN officer o ON o.id = x.officer_id
                      WHERE x.project_id = ?1 AND o.role IN ('PS', 'PO') AND o.retired_at IS NULL
                      ORDER BY o.role, o.name",
                )?;
                let rows = stmt.query_map([pred_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            let from = on.to_string();
            for (officer_id, name, role) in &officers {
                tx.execute(
                    "INSERT INTO project_officer (project_id, officer_id, assigned_on) VALUES (?1, ?2, ?3)",
                    params![project_id, officer_id, from],
                )?;
                audit::record(
                    tx,
                    &actor,
                    "assign.add",
                    "project",
                    Some(project_id),
                    json!({ "officer_id": officer_id, "name": name, "role": role, "from": from, "to": null }),
                )?;
            }
            let link_id = insert_link(tx, &actor, pred_id, project_id, LineageKind::Highway, flag_id)?;
            Ok(SuccessorCreated {
                project_id,
                link_id,
                officers: officers.len(),
            })
        })
    }
}
