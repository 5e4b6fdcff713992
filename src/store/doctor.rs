//! `seedline doctor`: SQLite's own integrity and foreign-key checks plus seedline's invariants
//! (the dashboard's kept counts against a recount among them).

use super::Store;
use crate::Result;
use crate::msg::Msg;
use crate::msg::cli_out::{self, IndexKind};

/// What the checks found; empty lists mean a healthy database.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DoctorReport {
    /// Lines of `PRAGMA integrity_check` other than `ok`.
    pub integrity: Vec<String>,
    /// The table, row and missing parent of each row of `PRAGMA foreign_key_check`.
    pub foreign_keys: Vec<Msg>,
    /// seedline's own invariants that do not hold (search index out of step, …).
    pub invariants: Vec<Msg>,
    /// `-wal` / `-shm` files whose mode makes writes fail or differs from the database's, each
    /// with its `chmod` fix.
    pub files: Vec<Msg>,
    pub schema_version: i64,
    pub projects: i64,
    pub notes: i64,
}

impl DoctorReport {
    /// Whether every check passed.
    pub fn is_ok(&self) -> bool {
        self.integrity.is_empty()
            && self.foreign_keys.is_empty()
            && self.invariants.is_empty()
            && self.files.is_empty()
    }
}

impl Store {
    /// [`Store::doctor`], with SQLite's answer recorded as a full integrity check of `today` (the
    /// officer's date) that every session sees: a clean one clears a recorded failure. Nothing
    /// is recorded on a read-only open; a record that cannot be written (busy) does not hide
    /// the report.
    pub fn doctor_recorded(&mut self, today: crate::model::Date) -> Result<DoctorReport> {
        use super::integrity::{CheckKind, CheckReason};
        let started = super::now_ts();
        let report = self.doctor();
        let problem = match &report {
            Ok(r) => r.integrity.first().cloned(),
            Err(e) => Some(e.to_string()),
        };
        self.record_integrity_check(
            CheckKind::Full,
            CheckReason::Doctor,
            today,
            &started,
            problem.as_deref(),
        )
        .ok();
        report
    }

    /// Runs every check (reads only; nothing is repaired). Slow on big databases: a full scan of
    /// every page. Besides SQLite's checks and seedline's invariants, the modes of `-wal` / `-shm`
    /// (see [`super::side_file_mode`]).
    pub fn doctor(&self) -> Result<DoctorReport> {
        let mut report = DoctorReport {
            files: super::open::side_file_problems(&self.path),
            ..DoctorReport::default()
        };
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        for line in stmt.query_map([], |r| r.get::<_, String>(0))? {
            let line = line?;
            if line != "ok" {
                report.integrity.push(line);
            }
        }
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let rows = stmt.query_map([], |r| {
            Ok(cli_out::orphan_row(
                &r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?.unwrap_or(0),
                &r.get::<_, String>(2)?,
            ))
        })?;
        for row in rows {
            report.foreign_keys.push(row?);
        }
        let count = |sql: &str| -> Result<i64> { Ok(self.conn.query_row(sql, [], |r| r.get(0))?) };
        report.schema_version = count("PRAGMA user_version")?;
        report.projects = count("SELECT count(*) FROM project")?;
        report.notes = count("SELECT count(*) FROM note")?;
        let indexed = count("SELECT count(*) FROM project_fts")?;
        if indexed != report.projects {
            report.invariants.push(cli_out::index_out_of_step(
                IndexKind::Projects,
                indexed,
                report.projects,
            ));
        }
        let short = count("SELECT count(*) FROM project_short")?;
        if short != report.projects {
            report.invariants.push(cli_out::index_out_of_step(
                IndexKind::ShortWords,
                short,
                report.projects,
            ));
        }
        let indexed = count("SELECT count(*) FROM note_fts")?;
        if indexed != report.notes {
            report.invariants.push(cli_out::index_out_of_step(
                IndexKind::Notes,
                indexed,
                report.notes,
            ));
        }
        let open_twice = count(
            "SELECT count(*) FROM (SELECT project_id FROM highway_flag
               WHERE status IN ('candidate', 'recommended') GROUP BY project_id HAVING count(*) > 1)",
        )?;
        report.invariants.extend(self.tally_problems()?);
        if open_twice > 0 {
            report
                .invariants
                .push(cli_out::open_flags_twice(open_twice));
        }
        let tally = super::tally::check(&self.conn)?;
        if tally.cells > 0 {
            report
                .invariants
                .push(crate::msg::tally::counts_drift(tally.cells));
            for cell in &tally.first {
                report.invariants.push(crate::msg::tally::drift_cell(cell));
            }
        }
        let spans = super::tally_span::differing_rows(&self.conn)?;
        if spans > 0 {
            report
                .invariants
                .push(crate::msg::tally::spans_drift(spans));
        }
        if tally.paused {
            report.invariants.push(crate::msg::tally::counts_paused());
        }
        Ok(report)
    }
}
