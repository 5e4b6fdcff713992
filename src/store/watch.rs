//! The watch list: projects an officer follows without being assigned.

use super::{Store, audit, now_ts};
use crate::model::officer_key;
use crate::{Error, Result};
use rusqlite::{OptionalExtension, params};
use serde_json::json;

impl Store {
    /// Puts `project_id` on (`true`) or off `me`'s watch list; `None` toggles. Returns the new state.
    pub fn set_watch(&mut self, project_id: i64, me: &str, on: Option<bool>) -> Result<bool> {
        let key = officer_key(me);
        if key.is_empty() {
            return Err(Error::invalid(
                "officer",
                crate::msg::invalid::watch_needs_officer(),
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
}
