//! The due board: pending follow-ups and open deadlines (reports, evaluations, scheduled stage
//! gates) up to 30 days ahead, oldest first, with who owes them; everyone's or mine.

use super::{Store, codes};
use crate::Result;
use crate::model::Me;
use crate::model::{Date, DeadlineKind, DueItem, DueSource, NoteKind};
use rusqlite::types::Value;

/// Officers' names joined inside SQL with a separator no name contains.
const SEP: char = '\u{1f}';

impl Store {
    /// Items due on or before `until` (everything pending when `None`), oldest first. With `mine`,
    /// only follow-ups `me` wrote and deadlines of projects assigned to `me`.
    pub fn due_items(&self, until: Option<Date>, mine: Option<&Me>) -> Result<Vec<DueItem>> {
        let until = until.map_or_else(|| "9999-12-31".to_string(), |d| d.to_string());
        let mut params: Vec<Value> = vec![Value::Text(until)];
        let (note_mine, deadline_mine) = match mine {
            Some(me) => {
                let names: Vec<&str> = me.names.iter().map(|_| "?").collect();
                params.extend(me.names.iter().map(|n| Value::Text(n.clone())));
                let ids: Vec<String> = me.officer_ids.iter().map(i64::to_string).collect();
                (
                    format!("AND n.author IN ({})", names.join(", ")),
                    format!(
                        "AND d.project_id IN (SELECT project_id FROM project_officer WHERE officer_id IN ({}))",
                        ids.join(", ")
                    ),
                )
            }
            None => (String::new(), String::new()),
        };
        let sql = select(
            &format!(
                "n.follow_up_on IS NOT NULL AND n.follow_up_done_at IS NULL AND n.deleted_at IS NULL
                 AND n.follow_up_on <= ?1 AND p.retired_at IS NULL {note_mine}"
            ),
            &format!(
                "d.done_on IS NULL AND d.due_on <= ?1 AND p.retired_at IS NULL {deadline_mine}"
            ),
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params.iter()), due_item)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// The board's items matching `note` (on `note n`, `project p`) and `deadline` (on `deadline d`,
/// `project p`), in the board's order: due date, follow-ups before deadlines, then id.
pub(super) fn select(note: &str, deadline: &str) -> String {
    format!(
        "SELECT 0, n.id, p.id, p.amed_id, p.title, n.author, n.follow_up_on, substr(n.body, 1, 400), 0, n.kind
         FROM note n JOIN project p ON p.id = n.project_id
         WHERE {note}
         UNION ALL
         SELECT 1, d.id, p.id, p.amed_id, p.title,
           coalesce((SELECT group_concat(o.name, char(31)) FROM project_officer po
                     JOIN officer o ON o.id = po.officer_id WHERE po.project_id = p.id), ''),
           d.due_on, d.title, d.version, d.kind
         FROM deadline d JOIN project p ON p.id = d.project_id
         WHERE {deadline}
         ORDER BY 7, 1, 2"
    )
}

/// One due item from a row of the board's query.
pub(super) fn due_item(r: &rusqlite::Row<'_>) -> rusqlite::Result<DueItem> {
    let deadline: i64 = r.get(0)?;
    let id: i64 = r.get(1)?;
    let kind: String = r.get(9)?;
    let owners: String = r.get(5)?;
    let text: String = r.get(7)?;
    Ok(DueItem {
        source: if deadline == 1 {
            DueSource::Deadline(id, codes::coded_text::<DeadlineKind>(r, 9, &kind)?)
        } else {
            DueSource::FollowUp(id, codes::coded_text::<NoteKind>(r, 9, &kind)?)
        },
        project_id: r.get(2)?,
        amed_id: r.get(3)?,
        title: r.get(4)?,
        owners: owners
            .split(SEP)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        due_on: r.get(6)?,
        summary: text
            .lines()
            .next()
            .unwrap_or("")
            .chars()
            .take(200)
            .collect(),
        version: r.get(8)?,
    })
}
