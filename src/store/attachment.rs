//! Attachments: file links (never contents) on a project, note or flag; add, list, remove.

use super::{Store, audit, codes, now_ts};
use crate::model::{AttachmentView, Author, Coded, NewAttachment};
use crate::{Error, Result};
use rusqlite::{OptionalExtension, params};
use serde_json::json;

/// Longest label / path accepted for an attachment (as the schema checks).
const MAX_TARGET: usize = 4096;
const MAX_LABEL: usize = 400;

impl Store {
    /// Attaches a link to a project (or one of its notes or flags). The target is stored as
    /// given (a path or URL); nothing is read from it here.
    pub fn add_attachment(
        &mut self,
        project_id: i64,
        a: &NewAttachment,
        author: &Author,
    ) -> Result<i64> {
        crate::text::check_field("target", a.target.trim(), MAX_TARGET, true)?;
        crate::text::check_field("label", a.label.trim(), MAX_LABEL, true)?;
        if let Some(sum) = &a.sha256
            && !(sum.len() == 64 && sum.bytes().all(|b| b.is_ascii_hexdigit()))
        {
            return Err(Error::invalid(
                "sha256",
                crate::msg::invalid::sha256_digits(),
            ));
        }
        let actor = self.actor.clone();
        self.write(|tx| {
            // A note or flag must belong to the project it is attached under.
            for (what, table, id) in [("note", "note", a.note_id), ("flag", "highway_flag", a.flag_id)] {
                if let Some(id) = id {
                    let owner: Option<i64> = tx
                        .query_row(&format!("SELECT project_id FROM {table} WHERE id = ?1"), [id], |r| r.get(0))
                        .optional()?;
                    if owner != Some(project_id) {
                        return Err(Error::NotFound { what, key: format!("#{id}") });
                    }
                }
            }
            let id: i64 = tx
                .query_row(
                    "INSERT INTO attachment (project_id, note_id, flag_id, target, label, kind, dated_on, sha256,
                       added_by, added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id",
                    params![
                        project_id,
                        a.note_id,
                        a.flag_id,
                        a.target.trim(),
                        a.label.trim(),
                        a.kind.code(),
                        a.dated_on.map(|d| d.to_string()),
                        a.sha256.as_ref().map(|s| s.to_ascii_lowercase()),
                        author.name,
                        now_ts()
                    ],
                    |r| r.get(0),
                )
                .map_err(|e| super::notes::missing_project(e, project_id))?;
            let detail = json!({"attachment_id": id, "kind": a.kind.code(), "officer": author.name});
            audit::record(tx, &actor, "attachment.add", "project", Some(project_id), detail)?;
            Ok(id)
        })
    }

    /// Removes an attachment from the lists (soft: the row stays, with who and when).
    pub fn remove_attachment(&mut self, attachment_id: i64, author: &Author) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let project_id = live_attachment_project(tx, attachment_id)?;
            tx.execute(
                "UPDATE attachment SET removed_at = ?2, removed_by = ?3 WHERE id = ?1",
                params![attachment_id, now_ts(), author.name],
            )?;
            let detail = json!({"attachment_id": attachment_id, "officer": author.name});
            audit::record(
                tx,
                &actor,
                "attachment.remove",
                "project",
                Some(project_id),
                detail,
            )
        })
    }

    /// A project's attachments (not removed), oldest first.
    pub fn attachments(&self, project_id: i64) -> Result<Vec<AttachmentView>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, project_id, note_id, flag_id, target, label, kind, dated_on, sha256, added_by, added_at
             FROM attachment WHERE project_id = ?1 AND removed_at IS NULL ORDER BY id",
        )?;
        let rows = stmt.query_map([project_id], |r| {
            Ok(AttachmentView {
                id: r.get(0)?,
                project_id: r.get(1)?,
                note_id: r.get(2)?,
                flag_id: r.get(3)?,
                target: r.get(4)?,
                label: r.get(5)?,
                kind: codes::coded(r, 6)?,
                dated_on: r.get(7)?,
                sha256: r.get(8)?,
                added_by: r.get(9)?,
                added_at: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One attachment by id (also a removed one is not found).
    pub fn attachment(&self, attachment_id: i64) -> Result<AttachmentView> {
        let project_id = live_attachment_project(&self.conn, attachment_id)?;
        self.attachments(project_id)?
            .into_iter()
            .find(|a| a.id == attachment_id)
            .ok_or_else(|| Error::NotFound {
                what: "attachment",
                key: format!("#{attachment_id}"),
            })
    }
}

/// The project of an attachment that is not removed, or NotFound.
fn live_attachment_project(conn: &rusqlite::Connection, attachment_id: i64) -> Result<i64> {
    conn.query_row(
        "SELECT project_id FROM attachment WHERE id = ?1 AND removed_at IS NULL",
        [attachment_id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        what: "attachment",
        key: format!("#{attachment_id}"),
    })
}
