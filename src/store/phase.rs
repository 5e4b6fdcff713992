//! Phase moves and a project's current phase.

use super::{Store, audit, codes, now_ts};
use crate::model::{Author, Coded, Phase, PhaseMove};
use crate::{Error, Result};
use rusqlite::{OptionalExtension, params};
use serde_json::json;

impl Store {
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
        change.validate()?;
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
                    .unwrap_or_else(|_| String::new());
                return Err(Error::Conflict {
                    what: crate::msg::invalid::record_project(),
                    by,
                    at: updated_at,
                });
            }
            if from == change.to.ord() {
                return Err(Error::invalid("phase", crate::msg::invalid::already_at_phase(change.to)));
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
        let (phase, version): (Phase, i64) = self
            .conn
            .query_row(
                "SELECT phase, version FROM project WHERE id = ?1",
                [project_id],
                |r| Ok((codes::phase(r, 0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| Error::NotFound {
                what: "project",
                key: format!("#{project_id}"),
            })?;
        Ok((phase, version))
    }
}
