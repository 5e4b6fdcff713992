//! The officer's portfolio records: watch list, fiscal-year budgets, deadlines and attachments
//! (links only). Each change is one short transaction with its audit row.

use super::{Store, audit, now_ts};
use crate::model::{
    AttachmentKind, AttachmentView, Author, Coded, Date, FiscalYear, Me, NewAttachment,
    NewDeadline, officer_key,
};
use crate::{Error, Result};
use rusqlite::{OptionalExtension, params};
use serde_json::json;

/// Longest label / path accepted for an attachment (as the schema checks).
const MAX_TARGET: usize = 4096;
const MAX_LABEL: usize = 400;

impl Store {
    /// Resolves `me` (an officer's name) against the `officer` table.
    pub fn me(&self, me: &str) -> Result<Me> {
        let key = officer_key(me);
        let mut out = Me {
            names: vec![me.to_string()],
            key: key.clone(),
            ..Me::default()
        };
        let mut stmt = self.conn.prepare_cached("SELECT id, name FROM officer")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let name: String = r.get(1)?;
            if officer_key(&name) == key {
                out.officer_ids.push(r.get(0)?);
                if !out.names.contains(&name) {
                    out.names.push(name);
                }
            }
        }
        Ok(out)
    }

    /// The officer whose `login` is this OS account, if any: (name, role).
    pub fn officer_for_login(&self, login: &str) -> Result<Option<(String, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT name, role FROM officer WHERE login = ?1",
                [login],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// Puts `project_id` on (`true`) or off `me`'s watch list; `None` toggles. Returns the new state.
    pub fn set_watch(&mut self, project_id: i64, me: &str, on: Option<bool>) -> Result<bool> {
        let key = officer_key(me);
        if key.is_empty() {
            return Err(Error::invalid(
                "officer",
                "a watch list needs an officer name",
            ));
        }
        let actor = self.actor.clone();
        self.write(|tx| {
            let watched = tx
                .query_row(
                    "SELECT 1 FROM watch WHERE officer = ?1 AND project_id = ?2",
                    params![key, project_id],
                    |_| Ok(()),
                )
                .optional()?
                .is_some();
            let want = on.unwrap_or(!watched);
            if want == watched {
                return Ok(want);
            }
            if want {
                tx.execute(
                    "INSERT INTO watch (officer, project_id, added_at) VALUES (?1, ?2, ?3)",
                    params![key, project_id, now_ts()],
                )
                .map_err(|e| super::notes::missing_project(e, project_id))?;
            } else {
                tx.execute(
                    "DELETE FROM watch WHERE officer = ?1 AND project_id = ?2",
                    params![key, project_id],
                )?;
            }
            let action = if want { "watch.add" } else { "watch.remove" };
            audit::record(tx, &actor, action, "project", Some(project_id), json!({}))?;
            Ok(want)
        })
    }

    /// Whether `me` watches `project_id`.
    pub fn is_watched(&self, project_id: i64, me: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM watch WHERE officer = ?1 AND project_id = ?2")?
            .exists(params![officer_key(me), project_id])?)
    }

    /// Sets one fiscal year's allocation (千円) of a project, replacing an earlier figure.
    pub fn set_budget(&mut self, project_id: i64, year: FiscalYear, kyen: i64) -> Result<()> {
        check_budget(year, kyen)?;
        let actor = self.actor.clone();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO budget_allocation (project_id, fiscal_year, amount_kyen) VALUES (?1, ?2, ?3)
                 ON CONFLICT (project_id, fiscal_year) DO UPDATE SET amount_kyen = excluded.amount_kyen",
                params![project_id, year.0, kyen],
            )
            .map_err(|e| super::notes::missing_project(e, project_id))?;
            let detail = json!({"fiscal_year": year.0, "kyen": kyen});
            audit::record(tx, &actor, "budget.set", "project", Some(project_id), detail)
        })
    }

    /// A project's allocations, oldest year first.
    pub fn budgets(&self, project_id: i64) -> Result<Vec<(FiscalYear, i64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT fiscal_year, amount_kyen FROM budget_allocation WHERE project_id = ?1 ORDER BY 1",
        )?;
        let rows = stmt.query_map([project_id], |r| Ok((FiscalYear(r.get(0)?), r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds a deadline to a project.
    pub fn add_deadline(
        &mut self,
        project_id: i64,
        deadline: &NewDeadline,
        author: &Author,
    ) -> Result<i64> {
        let title = deadline.title.trim();
        crate::text::check_field("title", title, 200, false)?;
        let actor = self.actor.clone();
        self.write(|tx| {
            let id: i64 = tx
                .query_row(
                    "INSERT INTO deadline (project_id, kind, title, due_on, created_by, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
                    params![
                        project_id,
                        deadline.kind.code(),
                        title,
                        deadline.due_on.to_string(),
                        author.name,
                        now_ts()
                    ],
                    |r| r.get(0),
                )
                .map_err(|e| super::notes::missing_project(e, project_id))?;
            let detail =
                json!({"deadline_id": id, "kind": deadline.kind.code(), "officer": author.name});
            audit::record(
                tx,
                &actor,
                "deadline.add",
                "project",
                Some(project_id),
                detail,
            )?;
            Ok(id)
        })
    }

    /// Marks a deadline done on `on` (`None` reopens it). `expected_version` guards against
    /// another officer's change; a deadline already in that state is refused.
    pub fn set_deadline_done(
        &mut self,
        deadline_id: i64,
        expected_version: Option<i64>,
        on: Option<Date>,
        author: &Author,
    ) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let (project_id, version, done): (i64, i64, Option<String>) = tx
                .query_row(
                    "SELECT project_id, version, done_on FROM deadline WHERE id = ?1",
                    [deadline_id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?
                .ok_or_else(|| Error::NotFound {
                    what: "deadline",
                    key: format!("#{deadline_id}"),
                })?;
            if expected_version.is_some_and(|v| v != version) {
                return Err(Error::Conflict {
                    what: format!("deadline #{deadline_id}"),
                    by: "another session".into(),
                    at: "?".into(),
                });
            }
            if done.is_some() == on.is_some() {
                let state = if on.is_some() { "already done" } else { "not done" };
                return Err(Error::invalid("deadline", format!("deadline #{deadline_id} is {state}")));
            }
            tx.execute(
                "UPDATE deadline SET done_on = ?2, done_by = ?3, version = version + 1 WHERE id = ?1",
                params![
                    deadline_id,
                    on.map(|d| d.to_string()),
                    on.map(|_| author.name.clone())
                ],
            )?;
            let action = if on.is_some() { "deadline.done" } else { "deadline.reopen" };
            let detail = json!({"deadline_id": deadline_id, "officer": author.name});
            audit::record(tx, &actor, action, "project", Some(project_id), detail)
        })
    }

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
            return Err(Error::invalid("sha256", "expected 64 hexadecimal digits"));
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
                        return Err(Error::NotFound { what, key: format!("#{id} of project #{project_id}") });
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
                kind: AttachmentKind::parse(&r.get::<_, String>(6)?)
                    .unwrap_or(AttachmentKind::Other),
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

/// A budget figure the schema accepts: a fiscal year 1990–2100 and 0..=100,000,000 千円.
pub(crate) fn check_budget(year: FiscalYear, kyen: i64) -> Result<()> {
    if !(FiscalYear::MIN..=FiscalYear::MAX).contains(&year.0) {
        return Err(Error::invalid(
            "fiscal_year",
            "expected a fiscal year between 1990 and 2100",
        ));
    }
    if !(0..=100_000_000).contains(&kyen) {
        return Err(Error::invalid(
            "amount_kyen",
            "expected thousand yen between 0 and 100,000,000",
        ));
    }
    Ok(())
}
