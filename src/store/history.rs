//! A project's history, read from the audit log.

use super::Store;
use crate::Result;
use crate::model::{FieldChange, HistoryEntry, ProjectField};

impl Store {
    /// Every recorded change to the project, newest first, from the append-only audit log; a
    /// project that came in with an import ends with that import (one audit row covers every
    /// project of a file: it is the first import recorded at or after the project's creation,
    /// writes being serialised). A missing project has an empty history.
    pub fn history(&self, project_id: i64) -> Result<Vec<HistoryEntry>> {
        let mut entries = self.project_rows_history(project_id)?;
        if !entries.iter().any(|e| e.action == "project.create") {
            entries.extend(self.import_of(project_id)?);
        }
        Ok(entries)
    }

    /// The import that created the project, as a history entry.
    fn import_of(&self, project_id: i64) -> Result<Option<HistoryEntry>> {
        use rusqlite::OptionalExtension;
        let row = self
            .conn
            .prepare_cached(
                "SELECT a.at, a.actor, a.detail FROM project p JOIN audit_log a
                   ON a.entity = 'database' AND a.entity_id IS NULL AND a.at >= p.created_at
                 WHERE p.id = ?1 AND a.action = 'import'
                 ORDER BY a.at, a.id LIMIT 1",
            )?
            .query_row([project_id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .optional()?;
        Ok(row.map(|(at, actor, detail)| {
            let value: serde_json::Value = serde_json::from_str(&detail).unwrap_or_default();
            let file = value.get("file").and_then(|v| v.as_str()).unwrap_or("");
            HistoryEntry {
                at,
                actor,
                officer: None,
                action: "project.import".into(),
                summary: format!("imported from {file}"),
                detail: value,
            }
        }))
    }

    /// The audit rows on the project itself, newest first.
    fn project_rows_history(&self, project_id: i64) -> Result<Vec<HistoryEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT at, actor, action, detail FROM audit_log WHERE entity = 'project' AND entity_id = ?1
             ORDER BY id DESC",
        )?;
        let rows = stmt.query_map([project_id], |r| {
            let detail: String = r.get(3)?;
            let value: serde_json::Value = serde_json::from_str(&detail).unwrap_or_default();
            let officer = value
                .get("officer")
                .and_then(|v| v.as_str())
                .map(str::to_string);
            let action: String = r.get(2)?;
            let summary = match action.as_str() {
                "project.retire" => format!(
                    "除外（全画面・集計・書き出しから）: {}",
                    value.get("reason").and_then(|v| v.as_str()).unwrap_or("")
                ),
                "project.restore" => "除外を取り消し、復元".to_string(),
                _ => crate::model::outcome_history_summary(&action, &value)
                    .unwrap_or_else(|| summarize(&value)),
            };
            Ok(HistoryEntry {
                at: r.get(0)?,
                actor: r.get(1)?,
                officer,
                action,
                summary,
                detail: value,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// A project edit's changed fields in words (`企業導出: 未導出 › 実施許諾; 研究開発課題名: 変更`).
fn edit_words(changes: &[serde_json::Value]) -> String {
    let text =
        |v: &serde_json::Value, key: &str| v.get(key).and_then(|t| t.as_str()).map(str::to_string);
    changes
        .iter()
        .filter_map(|c| {
            let field = ProjectField::from_key(c.get("field")?.as_str()?)?;
            Some(
                FieldChange {
                    field,
                    from: text(c, "from"),
                    to: text(c, "to"),
                }
                .words(),
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// `key=value` pairs of an audit detail, names left out (the officer is shown on its own); a
/// project edit's changes in words.
fn summarize(value: &serde_json::Value) -> String {
    let Some(map) = value.as_object() else {
        return String::new();
    };
    if let Some(changes) = map.get("changes").and_then(|c| c.as_array()) {
        return edit_words(changes);
    }
    map.iter()
        .filter(|(k, v)| {
            k.as_str() != "officer" && !v.is_null() && **v != serde_json::Value::Bool(false)
        })
        .map(|(k, v)| match v {
            serde_json::Value::String(s) => format!("{k}={s}"),
            other => format!("{k}={other}"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}
