//! Bulk writes of the portfolio records (schema v4) inside a [`BulkLoader`]'s transaction:
//! fiscal-year budgets, deadlines, attachments (links only) and watch-list entries. Kept apart from
//! `bulk.rs` so that the two can change independently.

use super::BulkLoader;
use super::budget::check_budget;
use crate::Result;
use crate::model::{AttachmentKind, Coded, Date, DeadlineKind, FiscalYear, officer_key};
use rusqlite::params;

/// A deadline as the generator writes it (timestamps given, so that a seed gives the same rows).
#[derive(Debug, Clone)]
pub struct BulkDeadline<'a> {
    pub project_id: i64,
    pub kind: DeadlineKind,
    pub title: &'a str,
    pub due_on: Date,
    /// When it was done and by whom.
    pub done: Option<(Date, &'a str)>,
    pub created_by: &'a str,
    pub created_at: &'a str,
}

/// A link as the generator writes it: on the project, or on one of its notes or flags.
#[derive(Debug, Clone)]
pub struct BulkAttachment<'a> {
    pub project_id: i64,
    pub note_id: Option<i64>,
    pub flag_id: Option<i64>,
    pub target: &'a str,
    pub label: &'a str,
    pub kind: AttachmentKind,
    pub dated_on: Option<Date>,
    /// 64 lowercase hexadecimal digits.
    pub sha256: Option<&'a str>,
    pub added_by: &'a str,
    pub added_at: &'a str,
}

impl BulkLoader<'_> {
    /// Inserts (or replaces) a project's allocation for one fiscal year, in thousand yen.
    pub fn budget(&mut self, project_id: i64, year: FiscalYear, kyen: i64) -> Result<()> {
        check_budget(year, kyen)?;
        self.tx
            .prepare_cached(
                "INSERT INTO budget_allocation (project_id, fiscal_year, amount_kyen) VALUES (?1, ?2, ?3)
                 ON CONFLICT (project_id, fiscal_year) DO UPDATE SET amount_kyen = excluded.amount_kyen",
            )?
            .execute(params![project_id, year.0, kyen])?;
        Ok(())
    }

    /// Inserts a deadline; returns its id.
    pub fn deadline(&mut self, d: &BulkDeadline<'_>) -> Result<i64> {
        let (done_on, done_by) = match d.done {
            Some((on, by)) => (Some(on.to_string()), Some(by)),
            None => (None, None),
        };
        self.tx
            .prepare_cached(
                "INSERT INTO deadline (project_id, kind, title, due_on, done_on, done_by, created_by, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                d.project_id,
                d.kind.code(),
                d.title,
                d.due_on.to_string(),
                done_on,
                done_by,
                d.created_by,
                d.created_at,
            ])?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Inserts a link; returns its id.
    pub fn attachment(&mut self, a: &BulkAttachment<'_>) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO attachment (project_id, note_id, flag_id, target, label, kind, dated_on, sha256,
                   added_by, added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                a.project_id,
                a.note_id,
                a.flag_id,
                a.target,
                a.label,
                a.kind.code(),
                a.dated_on.map(|d| d.to_string()),
                a.sha256,
                a.added_by,
                a.added_at,
            ])?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Puts a project on an officer's watch list (stored under the folded name, as `set_watch`
    /// does); a project already there stays as it was.
    pub fn watch(&mut self, officer: &str, project_id: i64, added_at: &str) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO watch (officer, project_id, added_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (officer, project_id) DO NOTHING",
            )?
            .execute(params![officer_key(officer), project_id, added_at])?;
        Ok(())
    }
}
