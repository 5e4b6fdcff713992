//! The dashboard's counts kept per cell (`tally`, schema v9): read by the matrix, the headline and
//! the project count; kept by the triggers of `tally.sql` in the same transaction as every change;
//! paused around bulk writes; compared with a recount by `doctor`; rebuilt on demand.

use super::dashboard::Counts;
use super::{Store, audit, codes, tally_span};
use crate::Result;
use crate::model::{Date, Headline};
use rusqlite::{Transaction, named_params};

/// The contribution of some projects, grouped per cell: `{only}` narrows each part of the view to
/// a set of projects (`IN (…)`, pushed into every arm so that only their rows are read), or is
/// empty for every project (a recount).
fn contribution_of(only: &str) -> String {
    let narrow = |column: &str| {
        if only.is_empty() {
            String::new()
        } else {
            format!("AND {column} IN {only}")
        }
    };
    format!(
        "SELECT w.officer_id AS officer_id, k.dim AS dim, f.figure AS figure, k.key AS key,
                k.phase AS phase, f.day AS day, sum(f.n) AS n
         FROM tally_keys k, tally_who w, tally_figures f
         WHERE w.project_id = k.project_id AND f.project_id = k.project_id
           AND (k.dim = 'ip' OR f.figure IN ('projects', 'flagged', 'due_projects', 'budget'))
           {} {} {}
         GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(f.n) <> 0",
        narrow("k.project_id"),
        narrow("w.project_id"),
        narrow("f.project_id")
    )
}

/// Runs a bulk write `load` with the per-row upkeep of the counts paused: the triggers only note
/// the projects touched (taking their old contribution away once), and their new contributions
/// are added set-wise afterwards, in the same transaction, so the counts never drift. The same
/// pause holds for the budget pivot's and the funnel's tallies (`tally_recount::add_pending`).
pub(crate) fn paused<T>(tx: &Transaction<'_>, load: impl FnOnce() -> Result<T>) -> Result<T> {
    tx.execute("INSERT OR IGNORE INTO tally_pause (one) VALUES (1)", [])?;
    let value = load()?;
    tx.execute("DELETE FROM tally_pause", [])?;
    // The set-wise adds group every pending project's contribution: SQLite's sorters take as much
    // memory as the page cache allows before they spill to temporary files, so a small cache here
    // keeps a million-row import within its memory bound (a 32 MB peak otherwise).
    let cache: i64 = tx.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    tx.pragma_update(None, "cache_size", -4096)?;
    let added = add_pending_contributions(tx);
    tx.pragma_update(None, "cache_size", cache)?;
    added?;
    Ok(value)
}

/// Adds the contributions of the projects a paused bulk write touched, to every kept count.
fn add_pending_contributions(tx: &Transaction<'_>) -> Result<()> {
    tx.execute(
        &format!(
            "INSERT INTO tally (officer_id, dim, figure, key, phase, day, n) {}
             ON CONFLICT DO UPDATE SET n = n + excluded.n",
            contribution_of("(SELECT project_id FROM tally_pending)")
        ),
        [],
    )?;
    tx.execute("DELETE FROM tally_pending", [])?;
    super::tally_recount::add_pending(tx)?;
    Ok(())
}

/// One cell whose kept count differs from a recount.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TallyDrift {
    pub officer_id: i64,
    pub dim: String,
    pub figure: String,
    pub key: i64,
    pub phase: i64,
    pub day: String,
    pub kept: i64,
    pub counted: i64,
}

/// What a look at the kept counts found: cells that differ (the first few of `cells` in all), and
/// whether a bulk write's pause was left behind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TallyCheck {
    pub cells: i64,
    pub first: Vec<TallyDrift>,
    pub paused: bool,
}

/// How many differing cells `doctor` names one by one.
const SHOWN: i64 = 10;

/// Compares the kept counts with a recount (every project's contribution).
pub(crate) fn check(conn: &rusqlite::Connection) -> Result<TallyCheck> {
    let mut out = TallyCheck::default();
    let mut stmt = conn.prepare(&format!(
        "SELECT officer_id, dim, figure, key, phase, day, sum(kept), sum(counted) FROM (
           SELECT officer_id, dim, figure, key, phase, day, n AS kept, 0 AS counted FROM tally
           UNION ALL
           SELECT officer_id, dim, figure, key, phase, day, 0, n FROM ({}))
         GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(kept) <> sum(counted)
         ORDER BY 1, 2, 3, 4, 5, 6",
        contribution_of("")
    ))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        out.cells += 1;
        if out.cells <= SHOWN {
            out.first.push(TallyDrift {
                officer_id: r.get(0)?,
                dim: r.get(1)?,
                figure: r.get(2)?,
                key: r.get(3)?,
                phase: r.get(4)?,
                day: r.get(5)?,
                kept: r.get(6)?,
                counted: r.get(7)?,
            });
        }
    }
    let left: i64 = conn.query_row(
        &format!(
            "SELECT (SELECT count(*) FROM tally_pause) + (SELECT count(*) FROM tally_pending) + {}",
            super::tally_recount::LEFT_PENDING
        ),
        [],
        |r| r.get(0),
    )?;
    out.paused = left > 0;
    Ok(out)
}

impl Store {
    /// Rebuilds the kept counts (the dashboard's, the budget pivot's and the funnel's) from a
    /// recount in one transaction (audit action `rebuild_counts`); refused on a read-only open.
    /// Returns the number of dashboard cells kept.
    pub fn rebuild_counts(&mut self) -> Result<i64> {
        let actor = self.actor.clone();
        self.write(|tx| {
            // The kept counts' triggers fill `tally_span` again from the rows inserted below.
            tx.execute_batch(
                "DELETE FROM tally; DELETE FROM tally_span; DELETE FROM tally_pause;
                 DELETE FROM tally_pending;",
            )?;
            let cells = tx.execute(
                &format!(
                    "INSERT INTO tally (officer_id, dim, figure, key, phase, day, n) {}",
                    contribution_of("")
                ),
                [],
            )? as i64;
            super::tally_recount::rebuild(tx)?;
            audit::record(
                tx,
                &actor,
                "rebuild_counts",
                "database",
                None,
                serde_json::json!({ "cells": cells }),
            )?;
            Ok(cells)
        })
    }

    /// The kept counts compared with a recount (reads only; slow on big databases).
    pub fn check_counts(&self) -> Result<TallyCheck> {
        check(&self.conn)
    }

    /// Per (key, phase) cell of `dim` ('ip', 'area', 'top'), the figures of `officer` (0:
    /// everyone's) as of `today`, with the budget of `year` when asked.
    pub(super) fn tally_counts(
        &self,
        officer: i64,
        dim: &str,
        today: Date,
        year: Option<i64>,
    ) -> Result<Counts> {
        let mut counts = Counts::new();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT key, phase, figure, sum(n) FROM (
               SELECT key, phase, figure, n FROM tally
               WHERE officer_id = :officer AND dim = :dim AND figure IN ('projects', 'flagged')
               UNION ALL
               SELECT key, phase, figure, n FROM tally
               WHERE officer_id = :officer AND dim = :dim AND figure = 'budget' AND day = :budget
               UNION ALL {})
             GROUP BY 1, 2, 3",
            tally_span::due_arms(":dim", "due_projects", true)
        ))?;
        let year = year.map(|y| y.to_string());
        let b = tally_span::Bounds::of(today);
        let mut rows = stmt.query(named_params! {
            ":officer": officer, ":dim": dim, ":budget": year, ":today": b.today, ":year": b.year,
            ":year_start": b.year_start, ":month": b.month, ":month_start": b.month_start,
        })?;
        while let Some(r) = rows.next()? {
            let cell = counts.entry((r.get(0)?, r.get(1)?)).or_default();
            let n: i64 = r.get(3)?;
            match r.get_ref(2)?.as_str().unwrap_or_default() {
                "projects" => cell.projects = n,
                "flagged" => cell.open_flags = n,
                "due_projects" => cell.follow_ups_due = n,
                _ => cell.budget_kyen = n,
            }
        }
        Ok(counts)
    }

    /// The headline figures of `officer`'s projects (0: everyone's) as of `today`.
    pub(super) fn tally_headline(&self, officer: i64, today: Date) -> Result<Headline> {
        let mut h = Headline::default();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT phase, figure, sum(n) FROM (
               SELECT key, phase, figure, n FROM tally
               WHERE officer_id = :officer AND dim = 'ip'
                 AND figure IN ('projects', 'flagged', 'licensed', 'approvals')
               UNION ALL {})
             GROUP BY 1, 2",
            tally_span::due_arms("'ip'", "due_notes", false)
        ))?;
        let b = tally_span::Bounds::of(today);
        let mut rows = stmt.query(named_params! {
            ":officer": officer, ":today": b.today, ":year": b.year,
            ":year_start": b.year_start, ":month": b.month, ":month_start": b.month_start,
        })?;
        while let Some(r) = rows.next()? {
            let n: i64 = r.get(2)?;
            match r.get_ref(1)?.as_str().unwrap_or_default() {
                "projects" => h.per_phase[codes::phase(r, 0)?.index()] = n,
                "flagged" => h.open_flags += n,
                "licensed" => h.licensed += n,
                "approvals" => h.approvals += n,
                _ => h.overdue_follow_ups += n,
            }
        }
        h.projects = h.per_phase.iter().sum();
        Ok(h)
    }

    /// How many projects the database holds (retired ones left out), from the kept counts.
    pub fn project_count(&self) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT coalesce(sum(n), 0) FROM tally
             WHERE officer_id = 0 AND dim = 'ip' AND figure = 'projects'",
            [],
            |r| r.get(0),
        )?)
    }
}
