//! Accompaniment notes: add, edit (the earlier text kept as a revision), soft delete and restore,
//! follow-ups done; each in one short transaction with its audit row.

use super::{Store, audit, now_ts};
use crate::model::{Author, Coded, NewNote, validate_body};
use crate::text::search_fold;
use crate::{Error, Result};
use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::json;

/// The project of a note and its version, or NotFound.
fn note_row(tx: &Transaction<'_>, note_id: i64) -> Result<(i64, i64, Option<String>)> {
    tx.query_row(
        "SELECT project_id, version, deleted_at FROM note WHERE id = ?1",
        [note_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        what: "note",
        key: format!("#{note_id}"),
    })
}

/// Who last changed this note and when, from the audit log.
pub(crate) fn last_change(
    tx: &Transaction<'_>,
    project_id: i64,
    key: &str,
    id: i64,
) -> (String, String) {
    tx.query_row(
        &format!(
            "SELECT coalesce(json_extract(detail, '$.officer'), actor), at FROM audit_log
             WHERE entity = 'project' AND entity_id = ?1 AND json_extract(detail, '$.{key}') = ?2
             ORDER BY id DESC LIMIT 1"
        ),
        params![project_id, id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .unwrap_or_else(|_| (String::new(), "?".into()))
}

impl Store {
    /// Adds a note to project `project_id` by `author`. Refuses an empty body, a NUL, more than
    /// 1 MiB and a follow-up before the note's date; NotFound for a missing project.
    pub fn add_note(&mut self, project_id: i64, note: &NewNote, author: &Author) -> Result<i64> {
        note.validate()?;
        let actor = self.actor.clone();
        self.write(|tx| {
            let now = now_ts();
            let id: i64 = tx
                .prepare_cached(
                    "INSERT INTO note (project_id, author, author_role, kind, body, occurred_on, follow_up_on,
                       created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) RETURNING id",
                )?
                .query_row(
                    params![
                        project_id,
                        author.name,
                        author.role,
                        note.kind.code(),
                        note.body,
                        note.occurred_on.to_string(),
                        note.follow_up_on.map(|d| d.to_string()),
                        now
                    ],
                    |r| r.get(0),
                )
                .map_err(|e| missing_project(e, project_id))?;
            tx.prepare_cached("INSERT INTO note_fts (rowid, body) VALUES (?1, ?2)")?
                .execute(params![id, search_fold(&note.body)])?;
            let detail = json!({"note_id": id, "kind": note.kind.code(), "officer": author.name,
                "follow_up": note.follow_up_on.map(|d| d.to_string())});
            audit::record(tx, &actor, "note.add", "project", Some(project_id), detail)?;
            Ok(id)
        })
    }

    /// Replaces a note's text, keeping the earlier text as a revision. `expected_version` is the
    /// version the officer loaded: if another session saved since, nothing is written and a
    /// `Conflict` names who changed it and when.
    pub fn edit_note(
        &mut self,
        note_id: i64,
        expected_version: i64,
        body: &str,
        author: &Author,
    ) -> Result<()> {
        validate_body(body)?;
        let actor = self.actor.clone();
        self.write(|tx| {
            let (project_id, version, deleted) = note_row(tx, note_id)?;
            if version != expected_version || deleted.is_some() {
                let (by, at) = last_change(tx, project_id, "note_id", note_id);
                return Err(Error::Conflict {
                    what: crate::msg::invalid::record_note(note_id),
                    by,
                    at,
                });
            }
            let now = now_ts();
            tx.execute(
                "INSERT INTO note_revision (note_id, version, body, edited_by, edited_at)
                 SELECT id, version, body, ?2, ?3 FROM note WHERE id = ?1",
                params![note_id, author.name, now],
            )?;
            tx.execute(
                "UPDATE note SET body = ?2, updated_at = ?3, version = version + 1 WHERE id = ?1 AND version = ?4",
                params![note_id, body, now, expected_version],
            )?;
            tx.execute("UPDATE note_fts SET body = ?2 WHERE rowid = ?1", params![note_id, search_fold(body)])?;
            let detail = json!({"note_id": note_id, "version": expected_version + 1, "officer": author.name});
            audit::record(tx, &actor, "note.edit", "project", Some(project_id), detail)
        })
    }

    /// Soft-deletes a note (it disappears from lists and search, stays in the database).
    pub fn delete_note(&mut self, note_id: i64, author: &Author) -> Result<()> {
        self.set_deleted(note_id, Some(author))
    }

    /// Brings back a soft-deleted note.
    pub fn restore_note(&mut self, note_id: i64) -> Result<()> {
        self.set_deleted(note_id, None)
    }

    fn set_deleted(&mut self, note_id: i64, by: Option<&Author>) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let (project_id, _, deleted) = note_row(tx, note_id)?;
            if deleted.is_some() == by.is_some() {
                return Err(Error::invalid(
                    "note",
                    if by.is_some() {
                        crate::msg::invalid::already_deleted()
                    } else {
                        crate::msg::invalid::not_deleted()
                    },
                ));
            }
            let now = now_ts();
            tx.execute(
                "UPDATE note SET deleted_at = ?2, deleted_by = ?3, updated_at = ?4, version = version + 1 WHERE id = ?1",
                params![note_id, by.map(|_| now.clone()), by.map(|a| a.name.clone()), now],
            )?;
            let (action, detail) = match by {
                Some(a) => ("note.delete", json!({"note_id": note_id, "officer": a.name})),
                None => ("note.restore", json!({"note_id": note_id})),
            };
            audit::record(tx, &actor, action, "project", Some(project_id), detail)
        })
    }

    /// Marks a note's follow-up done by `author` now. Refuses a note without a follow-up or one
    /// already done.
    pub fn complete_follow_up(&mut self, note_id: i64, author: &Author) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let (project_id, _, _) = note_row(tx, note_id)?;
            let changed = tx.execute(
                "UPDATE note SET follow_up_done_at = ?2, follow_up_done_by = ?3, version = version + 1
                 WHERE id = ?1 AND follow_up_on IS NOT NULL AND follow_up_done_at IS NULL",
                params![note_id, now_ts(), author.name],
            )?;
            if changed == 0 {
                return Err(Error::invalid("follow_up", crate::msg::invalid::no_pending_follow_up(note_id)));
            }
            let detail = json!({"note_id": note_id, "officer": author.name});
            audit::record(tx, &actor, "followup.done", "project", Some(project_id), detail)
        })
    }

    /// Takes back a follow-up marked done (undo).
    pub fn reopen_follow_up(&mut self, note_id: i64) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let (project_id, _, _) = note_row(tx, note_id)?;
            tx.execute(
                "UPDATE note SET follow_up_done_at = NULL, follow_up_done_by = NULL, version = version + 1 WHERE id = ?1",
                [note_id],
            )?;
            audit::record(tx, &actor, "followup.reopen", "project", Some(project_id), json!({"note_id": note_id}))
        })
    }

    /// A note's current version (after a conflict, to save on top of it).
    pub fn note_version(&self, note_id: i64) -> Result<i64> {
        self.conn
            .query_row("SELECT version FROM note WHERE id = ?1", [note_id], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or_else(|| Error::NotFound {
                what: "note",
                key: format!("#{note_id}"),
            })
    }

    /// Earlier texts of a note, oldest first: (version, body, edited_by, edited_at).
    pub fn note_revisions(&self, note_id: i64) -> Result<Vec<(i64, String, String, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT version, body, edited_by, edited_at FROM note_revision WHERE note_id = ?1 ORDER BY version",
        )?;
        let rows = stmt.query_map([note_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// A foreign-key failure on insert means the project is gone.
pub(crate) fn missing_project(e: rusqlite::Error, project_id: i64) -> Error {
    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation)
        && e.to_string().contains("FOREIGN KEY")
    {
        Error::NotFound {
            what: "project",
            key: format!("#{project_id}"),
        }
    } else {
        Error::Sqlite(e)
    }
}
