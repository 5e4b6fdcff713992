//! Stage gates, phase moves and a project's history from the audit log.

use super::notes::missing_project;
use super::{Store, audit, now_ts};
use crate::model::{Author, Coded, HistoryEntry, NewGate, Phase, PhaseMove};
use crate::{Error, Result};
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

    /// Moves a project to another phase, written to `phase_change`. `expected_version` is the
    /// project version the officer saw (`None` to move whatever the version, for scripts); a stale
    /// one is a `Conflict`. Moving to the phase it is in is refused.
    pub fn move_phase(
        &mut self,
        project_id: i64,
        expected_version: Option<i64>,
        change: &PhaseMove,
        author: &Author,
    ) -> Result<()> {
        if change.reason.contains('\0') {
            return Err(Error::invalid("reason", "contains a NUL character"));
        }
        let actor = self.actor.clone();
        self.write(|tx| {
            let row: Option<(i64, i64, String)> = tx
                .query_row(
                    "SELECT phase, version, updated_at FROM project WHERE id = ?1",
                    [project_id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            let (from, version, updated_at) = row.ok_or_else(|| Error::NotFound {
                what: "project",
                key: format!("#{project_id}"),
            })?;
            if expected_version.is_some_and(|v| v != version) {
                let by = tx
                    .query_row(
                        "SELECT coalesce(json_extract(detail, '$.officer'), actor) FROM audit_log
                         WHERE entity = 'project' AND entity_id = ?1 ORDER BY id DESC LIMIT 1",
                        [project_id],
                        |r| r.get(0),
                    )
                    .unwrap_or_else(|_| "another session".into());
                return Err(Error::Conflict {
                    what: "the project".into(),
                    by,
                    at: updated_at,
                });
            }
            if from == change.to.ord() {
                return Err(Error::invalid("phase", format!("the project is already at {}", change.to.name_ja())));
            }
            let now = now_ts();
            tx.execute(
                "UPDATE project SET phase = ?2, updated_at = ?3, version = version + 1 WHERE id = ?1",
                params![project_id, change.to.ord(), now],
            )?;
            tx.execute(
                "INSERT INTO phase_change (project_id, from_phase, to_phase, changed_on, changed_by, reason, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![project_id, from, change.to.ord(), change.on.to_string(), author.name, change.reason, now],
            )?;
            let from_code = Phase::from_ord(from).map_or("?", |p| p.code());
            let detail = json!({"from": from_code, "to": change.to.code(), "officer": author.name});
            audit::record(tx, &actor, "phase.move", "project", Some(project_id), detail)
        })
    }

    /// The project's current phase and version.
    pub fn project_phase(&self, project_id: i64) -> Result<(Phase, i64)> {
        let (phase, version): (i64, i64) = self
            .conn
            .query_row(
                "SELECT phase, version FROM project WHERE id = ?1",
                [project_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| Error::NotFound {
                what: "project",
                key: format!("#{project_id}"),
            })?;
        Ok((Phase::from_ord(phase).unwrap_or(Phase::Basic), version))
    }

    /// Every recorded change to the project, newest first, from the append-only audit log.
    pub fn history(&self, project_id: i64) -> Result<Vec<HistoryEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT at, actor, action, detail FROM audit_log WHERE entity = 'project' AND entity_id = ?1
             ORDER BY id DESC",
        )?;
        let rows = stmt.query_map([project_id], |r| {
            let detail: String = r.get(3)?;
            let value: serde_json::Value = serde_json::from_str(&detail).unwrap_or_default();
            let officer = value
                .get("officer")
                .and_then(|v| v.as_str())
                .map(str::to_string);
            let summary = summarize(&value);
            Ok(HistoryEntry {
                at: r.get(0)?,
                actor: r.get(1)?,
                officer,
                action: r.get(2)?,
                summary,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// `key=value` pairs of an audit detail, names left out (the officer is shown on its own).
fn summarize(value: &serde_json::Value) -> String {
    let Some(map) = value.as_object() else {
        return String::new();
    };
    map.iter()
        .filter(|(k, v)| {
            k.as_str() != "officer" && !v.is_null() && **v != serde_json::Value::Bool(false)
        })
        .map(|(k, v)| match v {
            serde_json::Value::String(s) => format!("{k}={s}"),
            other => format!("{k}={other}"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}
