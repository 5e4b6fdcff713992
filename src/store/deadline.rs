//! Report and evaluation deadlines: add one, mark it done or reopen it.

use super::{Store, audit, now_ts};
use crate::model::{Author, Coded, Date, NewDeadline};
use crate::{Error, Result};
use rusqlite::{OptionalExtension, params};
use serde_json::json;

impl Store {
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
                    what: crate::msg::invalid::record_deadline(deadline_id),
                    by: String::new(),
                    at: "?".into(),
                });
            }
            if done.is_some() == on.is_some() {
                return Err(Error::invalid(
                    "deadline",
                    crate::msg::invalid::deadline_state(deadline_id, on.is_some()),
                ));
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
}
