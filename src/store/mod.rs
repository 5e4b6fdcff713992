//! The only module that talks to SQLite: opening (pragmas, checks), migrations, reference data,
//! queries and writes. Every write runs in a short `BEGIN IMMEDIATE` transaction with its audit row.

mod assignment;
mod assignment_io;
mod attachment;
mod audit;
mod backup;
mod budget;
mod budget_import;
mod bulk;
mod bulk_portfolio;
pub mod busy;
mod changes;
pub(crate) mod codes;
mod dashboard;
mod deadline;
mod detail;
mod doctor;
mod due;
mod due_owner;
mod due_page;
mod export;
mod filter;
mod filter_ending;
mod filter_years;
mod flags;
mod funnel;
mod funnel_tally;
mod gate;
mod highway_queue;
mod history;
mod import;
mod integrity;
mod lineage;
mod lineage_io;
mod lineage_successor;
mod list;
mod list_head;
mod migrate;
mod notes;
mod officer;
mod open;
mod outcome;
mod phase;
mod pi;
mod program;
mod project_edit;
mod projects;
mod reference;
mod rows_insert;
mod seamless;
mod short;
mod tally;
mod tally_recount;
mod tally_span;
mod watch;

pub use assignment::{Assigned, Unassigned};
pub use assignment_io::{
    AssignmentImportCounts, AssignmentRecord, AssignmentRow, OfficerImportCounts, OfficerRef,
    OfficerRow,
};
pub use budget_import::{BudgetImportCounts, BudgetRecord, BudgetRow};
pub use bulk::{BulkFlag, BulkLoader, BulkNote};
pub use bulk_portfolio::{BulkAttachment, BulkDeadline};
pub use doctor::DoctorReport;
pub use export::{FlagRecord, GateRecord, NoteRecord, ProjectRecord};
pub use import::{ImportCounts, ImportMode, same_project};
pub use integrity::{
    CheckKind, CheckReason, IntegrityPlan, IntegrityRecord, background_quick_check,
};
pub use lineage_io::{LineageEnd, LineageImportCounts, LineageRow};
pub use lineage_successor::SuccessorCreated;
pub use list::Interrupt;
pub use migrate::{LATEST_VERSION, SCHEMA_SQL};
pub use open::{OpenOptions, QUICK_CHECK_LIMIT, side_file_mode};
pub use outcome::OutcomeImportCounts;
pub use program::{LinkImportCounts, LinkRow, ProgramImportCounts};
pub use tally::{TallyCheck, TallyDrift};

use crate::Result;
use rusqlite::{Connection, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};

/// An open seedline database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    actor: String,
    read_only: bool,
    begin_retries: u32,
    /// The file was left open by no one (host down, sessions killed) when this session opened it.
    left_open: bool,
    /// When this session opened the file (UTC, as stored).
    opened_at: String,
    /// The audit rows this connection wrote and other sessions' changes must not count (see
    /// [`Store::changes_since`]): id ranges `(after, upto]`.
    own_audit: Vec<(i64, i64)>,
}

impl Store {
    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Who writes: recorded in the audit log and as author of phase changes.
    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// How many more busy waits a write makes before it reports "busy" (default 2: about 15 s in
    /// all, for scripts; the TUI sets 0 and shows a "busy, retrying" message instead).
    pub fn set_begin_retries(&mut self, retries: u32) {
        self.begin_retries = retries;
    }

    /// Whether the database was opened read-only (the file is not writable by this user).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Runs `f` inside a `BEGIN IMMEDIATE` transaction: the write lock is taken up front, so a busy
    /// database waits for the busy timeout instead of failing half-way; commits when `f` returns
    /// `Ok`, rolls back otherwise (audit rows included). A lock still held after the last retry is
    /// [`crate::Error::Busy`], naming the file and, where the OS shows them, who holds it open.
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        if self.read_only {
            return Err(crate::Error::invalid(
                "database",
                crate::msg::invalid::read_only_for_you(&self.path),
            ));
        }
        // The write lock is taken here; a lock held past the busy wait is retried `begin_retries`
        // times (scripts), or reported at once so that the TUI can say so and retry itself.
        let mut attempt = 0;
        let tx = loop {
            match self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
            {
                Err(e) if attempt < self.begin_retries && busy::is_busy(&e) => attempt += 1,
                Err(e) if busy::is_busy(&e) => {
                    return Err(crate::Error::Busy {
                        holders: busy::holders(&self.path),
                        path: self.path.clone(),
                    });
                }
                other => break other?,
            }
        };
        // Nobody else writes while the write lock is held: the audit rows between are this one's.
        let before = changes::last_id(&tx)?;
        let value = f(&tx)?;
        let after = changes::last_id(&tx)?;
        tx.commit()?;
        if after > before {
            self.own_audit.push((before, after));
        }
        Ok(value)
    }

    /// A counter that changes whenever another connection commits (`PRAGMA data_version`); cheap
    /// enough to poll between frames.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }
}

/// The current time as stored in the database: UTC, milliseconds, `Z`.
pub(crate) fn now_ts() -> String {
    chrono::Utc::now()
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}
