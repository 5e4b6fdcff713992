//! Stage-gate decisions: recorded, corrected in place (version-checked), deleted softly and
//! restored; each with its audit row in the same transaction.

use super::notes::missing_project;
use super::{Store, audit, now_ts};
use crate::model::{Author, Coded, GateDecision, NewGate, RecordedGate, parse_date};
use crate::msg::invalid as why;
use crate::{Error, Result};
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::json;

/// A gate row as stored, with whether it is deleted.
fn gate_row(tx: &Connection, gate_id: i64) -> Result<(RecordedGate, bool)> {
    tx.query_row(
        "SELECT id, project_id, gate, decided_on, decision, note, recorded_by, version,
                deleted_at IS NOT NULL
         FROM stage_gate WHERE id = ?1",
        [gate_id],
        |r| {
            let on: String = r.get(3)?;
            let decision: String = r.get(4)?;
            Ok((
                (
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    on,
                    decision,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, i64>(7)?,
                ),
                r.get::<_, bool>(8)?,
            ))
        },
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        what: "stage gate",
        key: format!("#{gate_id}"),
    })
    .and_then(
        |((id, project_id, gate, on, decision, note, by, version), deleted)| {
            let record = RecordedGate {
                id,
                project_id,
                gate: NewGate {
                    gate,
                    decided_on: parse_date(&on)
                        .ok_or_else(|| Error::invalid("date", why::stored_date(&on)))?,
                    decision: GateDecision::parse(&decision)
                        .ok_or_else(|| Error::invalid("decision", why::stored_code(&decision)))?,
                    note,
                },
                recorded_by: by,
                version,
            };
            Ok((record, deleted))
        },
    )
}

/// Who last changed a gate and when (its last audit row), for a conflict message.
fn last_change(tx: &Connection, gate_id: i64) -> (String, String) {
    tx.query_row(
        "SELECT actor, at FROM audit_log WHERE action LIKE 'gate.%'
           AND json_extract(detail, '$.gate_id') = ?1 ORDER BY id DESC LIMIT 1",
        [gate_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .unwrap_or_else(|_| (String::new(), "?".into()))
}

/// Refuses a change made on a version other than the current one (`None`: no check).
fn check_version(tx: &Connection, current: &RecordedGate, seen: Option<i64>) -> Result<()> {
    if seen.is_some_and(|v| v != current.version) {
        let (by, at) = last_change(tx, current.id);
        return Err(Error::Conflict {
            what: why::record_gate(current.id),
            by,
            at,
        });
    }
    Ok(())
}

/// The deadline (`stage_gate` kind) a recorded gate settled when it was recorded, if any.
fn settled_deadline(tx: &Connection, gate_id: i64) -> Result<Option<i64>> {
    Ok(tx
        .query_row(
            "SELECT json_extract(detail, '$.deadline_id') FROM audit_log
             WHERE action = 'gate.add' AND json_extract(detail, '$.gate_id') = ?1
             ORDER BY id DESC LIMIT 1",
            [gate_id],
            |r| r.get::<_, Option<i64>>(0),
        )
        .optional()?
        .flatten())
}

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

    /// One recorded gate decision (deleted ones included), or `NotFound`.
    pub fn gate(&self, gate_id: i64) -> Result<(RecordedGate, bool)> {
        gate_row(&self.conn, gate_id)
    }

    /// A project's gate decisions in date order (deleted ones left out).
    pub fn gates(&self, project_id: i64) -> Result<Vec<RecordedGate>> {
        let ids: Vec<i64> = self
            .conn
            .prepare_cached(
                "SELECT id FROM stage_gate WHERE project_id = ?1 AND deleted_at IS NULL
                 ORDER BY decided_on, id",
            )?
            .query_map([project_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.into_iter()
            .map(|id| self.gate(id).map(|(g, _)| g))
            .collect()
    }

    /// Corrects a decision in place: label, date, decision and note. `seen`: the version the
    /// officer corrected (a newer one is a conflict; `None` corrects whatever is there). Returns
    /// the decision as it was, for undo. One `gate.edit` audit row naming what changed.
    pub fn edit_gate(
        &mut self,
        gate_id: i64,
        seen: Option<i64>,
        gate: &NewGate,
        author: &Author,
    ) -> Result<NewGate> {
        gate.validate()?;
        let actor = self.actor.clone();
        self.write(|tx| {
            let (old, deleted) = gate_row(tx, gate_id)?;
            if deleted {
                return Err(Error::invalid(format!("#{gate_id}"), why::gate_deleted()));
            }
            check_version(tx, &old, seen)?;
            if old.gate == *gate {
                return Err(Error::invalid(format!("#{gate_id}"), why::gate_unchanged()));
            }
            tx.execute(
                "UPDATE stage_gate SET gate = ?2, decided_on = ?3, decision = ?4, note = ?5,
                   version = version + 1 WHERE id = ?1",
                params![
                    gate_id,
                    gate.gate.trim(),
                    gate.decided_on.to_string(),
                    gate.decision.code(),
                    gate.note
                ],
            )?;
            // What changed, each as `before › after` (the note's text stays out of the log).
            let was = &old.gate;
            let moved = |a: String, b: String| if a == b { a } else { format!("{a} › {b}") };
            let mut detail = json!({
                "gate_id": gate_id, "officer": author.name, "version": old.version + 1,
                "gate": moved(was.gate.clone(), gate.gate.trim().to_string()),
                "decision": moved(was.decision.code().into(), gate.decision.code().into()),
                "decided_on": moved(was.decided_on.to_string(), gate.decided_on.to_string()),
            });
            if was.note != gate.note {
                detail["note_changed"] = json!(true);
            }
            audit::record(
                tx,
                &actor,
                "gate.edit",
                "project",
                Some(old.project_id),
                detail,
            )?;
            Ok(old.gate)
        })
    }

    /// Deletes a decision softly (`seen`: the version the officer saw). The scheduled stage gate
    /// it settled when recorded, if still marked done, is open again. Returns the deadline
    /// reopened. One `gate.delete` audit row.
    pub fn delete_gate(
        &mut self,
        gate_id: i64,
        seen: Option<i64>,
        author: &Author,
    ) -> Result<Option<i64>> {
        self.set_gate_deleted(gate_id, seen, Some(author))
    }

    /// Brings back a deleted decision (and settles again the deadline its deletion reopened).
    /// One `gate.restore` audit row.
    pub fn restore_gate(&mut self, gate_id: i64) -> Result<()> {
        self.set_gate_deleted(gate_id, None, None).map(|_| ())
    }

    fn set_gate_deleted(
        &mut self,
        gate_id: i64,
        seen: Option<i64>,
        by: Option<&Author>,
    ) -> Result<Option<i64>> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let (old, deleted) = gate_row(tx, gate_id)?;
            if deleted == by.is_some() {
                return Err(Error::invalid(
                    format!("#{gate_id}"),
                    if by.is_some() {
                        why::already_deleted()
                    } else {
                        why::not_deleted()
                    },
                ));
            }
            check_version(tx, &old, seen)?;
            let now = now_ts();
            tx.execute(
                "UPDATE stage_gate SET deleted_at = ?2, deleted_by = ?3, version = version + 1
                 WHERE id = ?1",
                params![gate_id, by.map(|_| now.clone()), by.map(|a| a.name.clone())],
            )?;
            // The scheduled gate this decision settled comes back on the due board (and is
            // settled again when the decision is restored).
            let deadline = match settled_deadline(tx, gate_id)? {
                Some(d) if by.is_some() => tx
                    .query_row(
                        "UPDATE deadline SET done_on = NULL, done_by = NULL, version = version + 1
                         WHERE id = ?1 AND done_on IS NOT NULL RETURNING id",
                        [d],
                        |r| r.get::<_, i64>(0),
                    )
                    .optional()?,
                Some(d) => tx
                    .query_row(
                        "UPDATE deadline SET done_on = ?2, done_by = ?3, version = version + 1
                         WHERE id = ?1 AND done_on IS NULL RETURNING id",
                        params![d, old.gate.decided_on.to_string(), old.recorded_by],
                        |r| r.get::<_, i64>(0),
                    )
                    .optional()?,
                None => None,
            };
            let (action, officer) = match by {
                Some(a) => ("gate.delete", a.name.clone()),
                None => ("gate.restore", actor.clone()),
            };
            let detail = json!({"gate_id": gate_id, "gate": old.gate.gate,
                                "decision": old.gate.decision.code(),
                                "decided_on": old.gate.decided_on.to_string(),
                                "officer": officer, "deadline_id": deadline});
            audit::record(tx, &actor, action, "project", Some(old.project_id), detail)?;
            Ok(deadline)
        })
    }
}
