//! Highway-support flags: create (at most one open per project), move through their statuses with
//! who / when / why, revise the licensing criteria; every change with its audit row.

use super::notes::{last_change, missing_project};
use super::{Store, audit, codes, now_ts};
use crate::model::{Author, Coded, Criteria, FlagStatus, NewFlag, flag_move_allowed};
use crate::{Error, Result};
use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::json;

/// A flag's project, status and version, or NotFound.
fn flag_row(tx: &Transaction<'_>, flag_id: i64) -> Result<(i64, FlagStatus, i64)> {
    let row: Option<(i64, FlagStatus, i64)> = tx
        .query_row(
            "SELECT project_id, status, version FROM highway_flag WHERE id = ?1",
            [flag_id],
            |r| Ok((r.get(0)?, codes::coded(r, 1)?, r.get(2)?)),
        )
        .optional()?;
    let (project, status, version) = row.ok_or_else(|| Error::NotFound {
        what: "highway flag",
        key: format!("#{flag_id}"),
    })?;
    Ok((project, status, version))
}

impl Store {
    /// Flags project `project_id` for highway support into the target program. Refuses a second
    /// open flag on the same project (move or withdraw the open one instead).
    pub fn add_flag(&mut self, project_id: i64, flag: &NewFlag, author: &Author) -> Result<i64> {
        flag.validate()?;
        let actor = self.actor.clone();
        self.write(|tx| {
            let open: Option<String> = tx
                .query_row(
                    "SELECT status FROM highway_flag WHERE project_id = ?1 AND status IN ('candidate', 'recommended')",
                    [project_id],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(status) = open {
                return Err(Error::invalid(
                    "flag",
                    match crate::model::FlagStatus::parse(&status) {
                        Some(status) => crate::msg::invalid::flag_already_open(status),
                        None => crate::msg::invalid::flag_another_open(),
                    },
                ));
            }
            let now = now_ts();
            let c = &flag.criteria;
            let id: i64 = tx
                .prepare_cached(
                    "INSERT INTO highway_flag (project_id, target_program_id, status, reason, competitive_advantage,
                       competitive_note, ip_portfolio, ip_note, evidence_data, evidence_note, flagged_by,
                       created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)
                     RETURNING id",
                )?
                .query_row(
                    params![
                        project_id,
                        flag.target_program_id,
                        flag.status.code(),
                        flag.reason,
                        c.competitive.0.code(),
                        c.competitive.1,
                        c.ip.0.code(),
                        c.ip.1,
                        c.evidence.0.code(),
                        c.evidence.1,
                        author.name,
                        now
                    ],
                    |r| r.get(0),
                )
                .map_err(|e| missing_project(e, project_id))?;
            tx.execute(
                "INSERT INTO highway_flag_event (flag_id, from_status, to_status, moved_by, moved_at, reason)
                 VALUES (?1, NULL, ?2, ?3, ?4, ?5)",
                params![id, flag.status.code(), author.name, now, flag.reason],
            )?;
            let detail = json!({"flag_id": id, "status": flag.status.code(), "target_program_id": flag.target_program_id,
                "officer": author.name});
            audit::record(tx, &actor, "flag.add", "project", Some(project_id), detail)?;
            Ok(id)
        })
    }

    /// Moves a flag to `to` (candidate → recommended → accepted / declined, or withdrawn), recording
    /// who, when and why. A stale `expected_version` is a `Conflict`; a move the pipeline does not
    /// allow is refused.
    pub fn move_flag(
        &mut self,
        flag_id: i64,
        expected_version: i64,
        to: FlagStatus,
        why: &str,
        author: &Author,
    ) -> Result<()> {
        self.flag_status(flag_id, Some(expected_version), to, why, author, false)
    }

    /// Puts a flag back to `to` whatever the pipeline rules (undo of the officer's own last move);
    /// recorded in the flag's history and the audit log like any move.
    pub fn revert_flag(&mut self, flag_id: i64, to: FlagStatus, author: &Author) -> Result<()> {
        self.flag_status(flag_id, None, to, "取り消し (undo)", author, true)
    }

    fn flag_status(
        &mut self,
        flag_id: i64,
        expected_version: Option<i64>,
        to: FlagStatus,
        why: &str,
        author: &Author,
        undo: bool,
    ) -> Result<()> {
        crate::model::validate_flag_reason(why)?;
        let actor = self.actor.clone();
        self.write(|tx| {
            let (project_id, from, version) = flag_row(tx, flag_id)?;
            if expected_version.is_some_and(|v| v != version) {
                let (by, at) = last_change(tx, project_id, "flag_id", flag_id);
                return Err(Error::Conflict {
                    what: crate::msg::invalid::record_flag(flag_id),
                    by,
                    at,
                });
            }
            if !undo && !flag_move_allowed(from, to) {
                return Err(Error::invalid(
                    "status",
                    crate::msg::invalid::flag_cannot_move(from, to),
                ));
            }
            let now = now_ts();
            let decided = (!to.is_open()).then(|| now.clone());
            tx.execute(
                "UPDATE highway_flag SET status = ?2, updated_at = ?3, decided_at = ?4,
                   decision_note = CASE WHEN ?4 IS NULL THEN '' ELSE ?5 END, version = version + 1
                 WHERE id = ?1",
                params![flag_id, to.code(), now, decided, why],
            )
            .map_err(|e| match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::ConstraintViolation) => Error::invalid(
                    "flag",
                    crate::msg::invalid::flag_another_open(),
                ),
                _ => Error::Sqlite(e),
            })?;
            tx.execute(
                "INSERT INTO highway_flag_event (flag_id, from_status, to_status, moved_by, moved_at, reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![flag_id, from.code(), to.code(), author.name, now, why],
            )?;
            let detail = json!({"flag_id": flag_id, "from": from.code(), "to": to.code(), "officer": author.name, "undo": undo});
            audit::record(tx, &actor, "flag.move", "project", Some(project_id), detail)
        })
    }

    /// Revises a flag's licensing criteria (and reason); a stale version is a `Conflict`.
    pub fn update_flag_criteria(
        &mut self,
        flag_id: i64,
        expected_version: i64,
        criteria: &Criteria,
        author: &Author,
    ) -> Result<()> {
        criteria.validate()?;
        let actor = self.actor.clone();
        self.write(|tx| {
            let (project_id, _, version) = flag_row(tx, flag_id)?;
            if version != expected_version {
                let (by, at) = last_change(tx, project_id, "flag_id", flag_id);
                return Err(Error::Conflict {
                    what: crate::msg::invalid::record_flag(flag_id),
                    by,
                    at,
                });
            }
            let c = criteria;
            tx.execute(
                "UPDATE highway_flag SET competitive_advantage = ?2, competitive_note = ?3, ip_portfolio = ?4,
                   ip_note = ?5, evidence_data = ?6, evidence_note = ?7, updated_at = ?8, version = version + 1
                 WHERE id = ?1",
                params![flag_id, c.competitive.0.code(), c.competitive.1, c.ip.0.code(), c.ip.1, c.evidence.0.code(), c.evidence.1, now_ts()],
            )?;
            let detail = json!({"flag_id": flag_id, "officer": author.name,
                "criteria": [c.competitive.0.code(), c.ip.0.code(), c.evidence.0.code()]});
            audit::record(tx, &actor, "flag.criteria", "project", Some(project_id), detail)
        })
    }

    /// The open flag of a project, if any: (flag id, status, version).
    pub fn open_flag(&self, project_id: i64) -> Result<Option<(i64, FlagStatus, i64)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, status, version FROM highway_flag WHERE project_id = ?1 AND status IN ('candidate', 'recommended')",
                [project_id],
                |r| Ok((r.get(0)?, codes::coded(r, 1)?, r.get(2)?)),
            )
            .optional()?)
    }
}
