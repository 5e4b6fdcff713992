//! The append-only audit log: one row per change, written in the change's own transaction.
//! `actor` is the OS account that wrote the row; `detail.officer` the officer who made the change.

use super::bulk::BulkLoader;
use super::{Store, now_ts};
use crate::Result;
use rusqlite::{Transaction, params};
use std::cell::Cell;

thread_local! {
    /// Set while an undo runs (see [`Store::undoing`]).
    static UNDOING: Cell<bool> = const { Cell::new(false) };
}

/// Appends one audit row. `detail` is a small JSON object of ids and counts — never titles, note
/// text or names beyond the actor and the officer. Inside [`Store::undoing`] it says
/// `"undo": true`.
pub(crate) fn record(
    tx: &Transaction<'_>,
    actor: &str,
    action: &str,
    entity: &str,
    entity_id: Option<i64>,
    detail: serde_json::Value,
) -> Result<()> {
    insert(
        tx,
        &now_ts(),
        actor,
        action,
        entity,
        entity_id,
        marked(detail),
    )
}

/// `detail` with `"undo": true` while an undo runs.
fn marked(mut detail: serde_json::Value) -> serde_json::Value {
    if UNDOING.with(Cell::get)
        && let Some(map) = detail.as_object_mut()
    {
        map.insert("undo".into(), serde_json::Value::Bool(true));
    }
    detail
}

fn insert(
    tx: &Transaction<'_>,
    at: &str,
    actor: &str,
    action: &str,
    entity: &str,
    entity_id: Option<i64>,
    detail: serde_json::Value,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![at, actor, action, entity, entity_id, detail.to_string()])?;
    Ok(())
}

/// Puts the undo mark back as it was, also when the undo fails.
struct Restore(bool);

impl Drop for Restore {
    fn drop(&mut self) {
        UNDOING.with(|u| u.set(self.0));
    }
}

impl Store {
    /// Runs `f` as the undo of an earlier change: every audit row it writes says `"undo": true`,
    /// so that the history marks it and links it to the change it took back.
    pub fn undoing<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        let _restore = Restore(UNDOING.with(|u| u.replace(true)));
        f(self)
    }
}

impl BulkLoader<'_> {
    /// Appends the audit row of a generated change to project `project_id`, dated `at` (the
    /// moment it stands for), made by the officer `by` (the OS account that generates is the
    /// actor).
    pub fn audit(
        &mut self,
        at: &str,
        action: &str,
        project_id: i64,
        by: &str,
        mut detail: serde_json::Value,
    ) -> Result<()> {
        if let Some(map) = detail.as_object_mut() {
            map.insert("officer".into(), serde_json::Value::from(by));
        }
        insert(
            self.tx,
            at,
            &self.actor,
            action,
            "project",
            Some(project_id),
            detail,
        )
    }
}
