//! The append-only audit log: one row per change, written in the change's own transaction.

use super::now_ts;
use crate::Result;
use rusqlite::{Transaction, params};

/// Appends one audit row. `detail` is a small JSON object of ids and counts — never titles, note
/// text or names beyond the actor.
pub(crate) fn record(
    tx: &Transaction<'_>,
    actor: &str,
    action: &str,
    entity: &str,
    entity_id: Option<i64>,
    detail: serde_json::Value,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![now_ts(), actor, action, entity, entity_id, detail.to_string()])?;
    Ok(())
}
