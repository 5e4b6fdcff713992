//! A project's history, read from the audit log, with what each row points at (the note's first
//! line, the gate's day, the flag's successor program, the deadline's title) and who made it.

use super::Store;
use crate::Result;
use crate::model::{HistoryEntry, HistorySubject, link_undos};

/// The longest note opening read for a history line (the line is cut on screen anyway).
const NOTE_HEAD_CHARS: i64 = 200;

impl Store {
    /// Every recorded change to the project, newest first, from the append-only audit log, with
    /// undos linked to what they took back; a project that came in with an import ends with that
    /// import (one audit row covers every project of a file: it is the first import recorded at or
    /// after the project's creation, writes being serialised). A missing project has an empty
    /// history. Times are local.
    pub fn history(&self, project_id: i64) -> Result<Vec<HistoryEntry>> {
        let mut entries = self.project_rows_history(project_id)?;
        if !entries.iter().any(|e| e.action == "project.create") {
            entries.extend(self.import_of(project_id)?);
        }
        for e in &mut entries {
            e.at = local_time(&e.at);
        }
        link_undos(&mut entries);
        Ok(entries)
    }

    /// The import that created the project, as a history entry.
    fn import_of(&self, project_id: i64) -> Result<Option<HistoryEntry>> {
        use rusqlite::OptionalExtension;
        let row = self
            .conn
            .prepare_cached(
                "SELECT a.at, a.actor, a.detail,
                        (SELECT o.name FROM officer o WHERE o.login = a.actor)
                 FROM project p JOIN audit_log a
                   ON a.entity = 'database' AND a.entity_id IS NULL AND a.at >= p.created_at
                 WHERE p.id = ?1 AND a.action = 'import'
                 ORDER BY a.at, a.id LIMIT 1",
            )?
            .query_row([project_id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                ))
            })
            .optional()?;
        Ok(row.map(|(at, actor, detail, officer)| {
            let value: serde_json::Value = serde_json::from_str(&detail).unwrap_or_default();
            let file = value.get("file").and_then(|v| v.as_str()).unwrap_or("");
            HistoryEntry {
                at,
                actor,
                officer,
                action: "project.import".into(),
                summary: format!("imported from {file}"),
                detail: value,
                ..HistoryEntry::default()
            }
        }))
    }

    /// The audit rows on the project itself, newest first (by time, then by order of writing:
    /// generated demo rows carry the day they stand for).
    fn project_rows_history(&self, project_id: i64) -> Result<Vec<HistoryEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.at, a.actor, a.action, a.detail,
                    (SELECT o.name FROM officer o WHERE o.login = a.actor),
                    (SELECT substr(n.body, 1, ?2) FROM note n
                      WHERE n.id = json_extract(a.detail, '$.note_id')),
                    (SELECT g.decided_on FROM stage_gate g
                      WHERE g.id = json_extract(a.detail, '$.gate_id')),
                    (SELECT pr.name_ja || char(31) || pr.name_en FROM program pr
                      WHERE pr.id = coalesce(json_extract(a.detail, '$.target_program_id'),
                        (SELECT f.target_program_id FROM highway_flag f
                          WHERE f.id = json_extract(a.detail, '$.flag_id')))),
                    (SELECT d.kind || char(31) || d.title || char(31) || d.due_on FROM deadline d
                      WHERE d.id = json_extract(a.detail, '$.deadline_id')),
                    (SELECT t.kind || char(31) || t.label || char(31) FROM attachment t
                      WHERE t.id = json_extract(a.detail, '$.attachment_id'))
             FROM audit_log a WHERE a.entity = 'project' AND a.entity_id = ?1
             ORDER BY a.at DESC, a.id DESC",
        )?;
        let rows = stmt.query_map(rusqlite::params![project_id, NOTE_HEAD_CHARS], |r| {
            let detail: String = r.get(3)?;
            let value: serde_json::Value = serde_json::from_str(&detail).unwrap_or_default();
            let actor: String = r.get(1)?;
            // The officer recorded with the change, unless it is only the OS account again
            // (no officer configured): then the officer whose login that account is.
            let recorded = value
                .get("officer")
                .and_then(|v| v.as_str())
                .filter(|o| !o.trim().is_empty() && *o != actor)
                .map(str::to_string);
            let officer = recorded.or(r.get::<_, Option<String>>(4)?);
            let action: String = r.get(2)?;
            let summary = match action.as_str() {
                "project.retire" => format!(
                    "retired: {}",
                    value.get("reason").and_then(|v| v.as_str()).unwrap_or("")
                ),
                _ => summarize(&value),
            };
            let fields = |s: Option<String>| -> Vec<String> {
                s.map(|s| s.split('\u{1f}').map(str::to_string).collect())
                    .unwrap_or_default()
            };
            let program = fields(r.get(7)?);
            // A deadline's or a linked file's kind, title and day.
            let mut deadline = fields(r.get(8)?);
            if deadline.is_empty() {
                deadline = fields(r.get(9)?);
            }
            let subject = HistorySubject {
                note: r.get::<_, Option<String>>(5)?.map(|b| first_line(&b)),
                program: match program.as_slice() {
                    [ja, en] => Some((ja.clone(), en.clone())),
                    _ => None,
                },
                day: r
                    .get::<_, Option<String>>(6)?
                    .or(deadline.get(2).cloned())
                    .filter(|d| !d.is_empty()),
                title: deadline.get(1).cloned(),
                kind: deadline.first().cloned(),
            };
            Ok(HistoryEntry {
                at: r.get(0)?,
                actor,
                officer,
                action,
                summary,
                detail: value,
                subject,
                ..HistoryEntry::default()
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// The first non-blank line of a note, trimmed.
fn first_line(body: &str) -> String {
    body.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .to_string()
}

/// A stored UTC timestamp in local time (`2026-11-20T19:02:03+09:00`); left as it is when it does
/// not parse.
fn local_time(at: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(at)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%Y-%m-%dT%H:%M:%S%:z")
                .to_string()
        })
        .unwrap_or_else(|_| at.to_string())
}

/// `key=value` pairs of an audit detail, the officer left out (shown on its own).
fn summarize(value: &serde_json::Value) -> String {
    let Some(map) = value.as_object() else {
        return String::new();
    };
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
