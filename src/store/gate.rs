//! Stage-gate decisions.

use super::notes::missing_project;
use super::{Store, audit, now_ts};
use crate::Result;
use crate::model::{Author, Coded, NewGate};
use rusqlite::{OptionalExtension, params};
use serde_json::json;

impl Store {
    /// Records a stage-gate decision (a Go may be followed by a phase move); the project's
    /// earliest open scheduled stage gate (a `stage_gate` deadline) is marked done on its date.
    pub fn add_gate(&mut self, project_id: i64, gate: &NewGate, author: &Author) -> Result<i64> {
        gate.validate()?;
        let actor = self.actor.clone();
        self.write(|tx| {
            let id: i64 = tx
                .query_row(
                    "INSERT INTO stage_gate (project_id, gate, decided_on, decision, note, recorded_by, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
                    params![project_id, gate.gate.trim(), gate.decided_on.to_string(), gate.decision.code(), gate.note, author.name, now_ts()],
                    |r| r.get(0),
                )
                .map_err(|e| missing_project(e, project_id))?;
            // A decision settles the project's earliest scheduled stage gate still open (if any),
            // so it leaves the due board in the same transaction.
            let settled: Option<i64> = tx
                .query_row(
                    "UPDATE deadline SET done_on = ?2, done_by = ?3, version = version + 1
                     WHERE id = (SELECT id FROM deadline WHERE project_id = ?1 AND kind = 'stage_gate'
                                 AND done_on IS NULL ORDER BY due_on, id LIMIT 1)
                     RETURNING id",
                    params![project_id, gate.decided_on.to_string(), author.name],
                    |r| r.get(0),
                )
                .optional()?;
            let detail = json!({"gate_id": id, "gate": gate.gate.trim(), "decision": gate.decision.code(),
                                "officer": author.name, "deadline_id": settled});
            audit::record(tx, &actor, "gate.add", "project", Some(project_id), detail)?;
            Ok(id)
        })
    }
}
