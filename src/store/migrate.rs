//! Schema versions (`PRAGMA user_version`): a new database gets `schema.sql` as a whole; an older
//! one is brought forward by the ordered, append-only migrations below, each in its own transaction.

use crate::{Error, Result};
use rusqlite::{Connection, TransactionBehavior};
use std::path::Path;

/// The current schema, as in `schema.sql` at the repository root.
pub const SCHEMA_SQL: &str = include_str!("../../schema.sql");

/// `PRAGMA application_id` of seedline databases ("SDLN"): tells ours from other SQLite files.
pub(crate) const APPLICATION_ID: i64 = 0x5344_4C4E;

/// Migrations from version N to N+1 are `MIGRATIONS[N - 1]`. Append only; never edit a shipped one.
const MIGRATIONS: &[&str] = &[
    // 2: lists filtered by phase come out in 課題管理番号 order straight from the index; the
    // headline's licensed count stops scanning the table.
    "DROP INDEX project_phase;
     CREATE INDEX project_phase_amed ON project (phase, amed_id);
     CREATE INDEX project_licensing ON project (licensing_status);",
    // 3: a compact table for one- and two-character searches, filled from the search index.
    "CREATE TABLE project_short (
         id   INTEGER PRIMARY KEY REFERENCES project (id) ON DELETE CASCADE,
         text TEXT NOT NULL
     ) STRICT;
     INSERT INTO project_short (id, text)
         SELECT rowid, amed_id || char(31) || title || char(31) || pi_name || char(31) || institution
         FROM project_fts;",
];

/// The schema version this seedline writes.
pub const LATEST_VERSION: i64 = 1 + MIGRATIONS.len() as i64;

/// What `classify` found in a file before anything was written to it.
pub(crate) enum Found {
    /// No tables: a brand-new database.
    Empty,
    /// A seedline database at this schema version.
    Seedline(i64),
}

/// Looks at an opened database without writing: new, ours (with its version), or refused.
pub(crate) fn classify(conn: &Connection, path: &Path) -> Result<Found> {
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let app_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if tables == 0 && version == 0 && app_id == 0 {
        return Ok(Found::Empty);
    }
    if app_id != APPLICATION_ID || version < 1 {
        return Err(Error::ForeignDatabase {
            path: path.to_path_buf(),
        });
    }
    if version > LATEST_VERSION {
        return Err(Error::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: LATEST_VERSION,
        });
    }
    Ok(Found::Seedline(version))
}

/// Creates the current schema in an empty database, with `fill` run in the same transaction
/// (reference data), so a database is never left half-created.
pub(crate) fn create(
    conn: &mut Connection,
    fill: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<()>,
) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.execute_batch(SCHEMA_SQL)?;
    fill(&tx)?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", LATEST_VERSION)?;
    tx.commit()?;
    Ok(())
}

/// Applies the migrations after `from`, each in its own transaction with its version bump.
pub(crate) fn upgrade(conn: &mut Connection, from: i64) -> Result<()> {
    for (index, sql) in MIGRATIONS.iter().enumerate() {
        let target = index as i64 + 2;
        if target <= from {
            continue;
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", target)?;
        tx.commit()?;
    }
    Ok(())
}
