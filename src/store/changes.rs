//! Other sessions' changes since this one last looked, from the audit log: every write records
//! its row in the same transaction, naming the project it touched (`entity = 'project'`,
//! `entity_id`). `id > ?` is a rowid range, so a look costs what changed, not what is stored.

use super::Store;
use crate::Result;
use crate::model::Changes;
use rusqlite::{Connection, OptionalExtension};

/// Rows read in one look at most; past this the change is large and everything reloads.
const MAX_ROWS: usize = 500;

/// The newest audit row's id (0: none).
pub(crate) fn last_id(conn: &Connection) -> Result<i64> {
    Ok(conn
        .query_row("SELECT max(id) FROM audit_log", [], |r| {
            r.get::<_, Option<i64>>(0)
        })
        .optional()?
        .flatten()
        .unwrap_or(0))
}

impl Store {
    /// The newest audit row's id: where a session starts looking for others' changes.
    pub fn last_audit_id(&self) -> Result<i64> {
        last_id(&self.conn)
    }

    /// What other sessions changed after audit row `after`, and the id to look after next time.
    /// Rows this connection wrote are left out (its own saves refreshed what they touched).
    /// Called when `PRAGMA data_version` moved: a commit with no audit row of another session
    /// (a write by `sqlite3`, a migration) is a change of unknown extent.
    pub fn changes_since(&mut self, after: i64) -> Result<(i64, Changes)> {
        let mut changes = Changes::none();
        let mut seen = after;
        let mut foreign = 0usize;
        let mut complete = true;
        {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id, action, entity, entity_id FROM audit_log WHERE id > ?1 ORDER BY id LIMIT ?2",
            )?;
            let mut rows = stmt.query(rusqlite::params![after, MAX_ROWS as i64 + 1])?;
            let mut read = 0usize;
            while let Some(row) = rows.next()? {
                read += 1;
                if read > MAX_ROWS {
                    complete = false;
                    break;
                }
                let id: i64 = row.get(0)?;
                seen = id;
                if self.own_audit.iter().any(|&(lo, hi)| id > lo && id <= hi) {
                    continue;
                }
                foreign += 1;
                let action: String = row.get(1)?;
                let entity: String = row.get(2)?;
                changes.add(&entity, row.get(3)?, &action);
                if changes == Changes::Unknown {
                    complete = false;
                    break;
                }
            }
        }
        if !complete {
            changes = Changes::Unknown;
            seen = seen.max(last_id(&self.conn)?);
        } else if foreign == 0 {
            changes = Changes::Unknown;
        }
        self.own_audit.retain(|&(_, hi)| hi > seen);
        Ok((seen, changes))
    }
}
