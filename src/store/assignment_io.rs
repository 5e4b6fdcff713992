//! Assignments and the roster as CSV rows: what export reads, and what import writes (every row
//! checked before, then all in ONE transaction, one audit row per change).

use super::officer::ROLE_ORDER;
use super::{Store, audit};
use crate::model::{Coded, Date, NewOfficer, Officer, OfficerRole};
use crate::{Error, Result};
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::json;

/// An assignment as exported: current when `to` is `None`, else ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignmentRecord {
    pub amed_id: String,
    pub name: String,
    pub role: OfficerRole,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// Which officer an imported assignment names: one on the roster, or one the import adds
/// (`--create-officers`, by its index in the officers to add).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OfficerRef {
    Id(i64),
    New(usize),
}

/// One checked assignment row of an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignmentRow {
    pub project_id: i64,
    pub officer: OfficerRef,
    pub from: Option<Date>,
    /// `None`: a current assignment.
    pub to: Option<Date>,
}

/// What an assignment import wrote (or, in a dry run, would write).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AssignmentImportCounts {
    /// Current assignments added.
    pub current: u64,
    /// Current assignments whose start date changed.
    pub updated: u64,
    /// Ended assignments recorded in the history.
    pub past: u64,
    pub unchanged: u64,
    /// Officers added to the roster (`--create-officers`).
    pub officers_added: u64,
}

/// One checked row of an officers import: matched to `existing` (same name and role) or new.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficerRow {
    pub officer: NewOfficer,
    pub retired_on: Option<Date>,
    pub existing: Option<Officer>,
}

/// What an officers import wrote (or would write).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OfficerImportCounts {
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    Insert,
    /// A current assignment with another start date.
    Update,
    Unchanged,
}

/// What writing `row` (for officer `officer_id`, `None` for one not added yet) would do.
fn classify(conn: &Connection, row: &AssignmentRow, officer_id: Option<i64>) -> Result<Change> {
    let Some(officer_id) = officer_id else {
        return Ok(Change::Insert);
    };
    let from = row.from.map(|d| d.to_string());
    Ok(match row.to {
        None => {
            let stored: Option<Option<String>> = conn
                .query_row(
                    "SELECT assigned_on FROM project_officer WHERE project_id = ?1 AND officer_id = ?2",
                    params![row.project_id, officer_id],
                    |r| r.get(0),
                )
                .optional()?;
            match stored {
                None => Change::Insert,
                Some(f) if f == from => Change::Unchanged,
                Some(_) => Change::Update,
            }
        }
        Some(to) => {
            let n: i64 = conn.query_row(
                "SELECT count(*) FROM assignment_history WHERE project_id = ?1 AND officer_id = ?2
                   AND assigned_on IS ?3 AND unassigned_on = ?4",
                params![row.project_id, officer_id, from, to.to_string()],
                |r| r.get(0),
            )?;
            if n > 0 {
                Change::Unchanged
            } else {
                Change::Insert
            }
        }
    })
}

fn count(counts: &mut AssignmentImportCounts, row: &AssignmentRow, change: Change) {
    match (change, row.to) {
        (Change::Unchanged, _) => counts.unchanged += 1,
        (Change::Update, _) => counts.updated += 1,
        (Change::Insert, None) => counts.current += 1,
        (Change::Insert, Some(_)) => counts.past += 1,
    }
}

impl Store {
    /// Calls `each` for the assignments of these projects, current and ended: project order, then
    /// start date (unknown first), role, name, end date (current last). Reads only.
    pub fn export_assignments(
        &self,
        ids: &[i64],
        mut each: impl FnMut(&AssignmentRecord) -> Result<()>,
    ) -> Result<u64> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT p.amed_id, o.name, o.role, a.assigned_on, a.unassigned_on FROM (
               SELECT project_id, officer_id, assigned_on, NULL AS unassigned_on FROM project_officer
               UNION ALL
               SELECT project_id, officer_id, assigned_on, unassigned_on FROM assignment_history
             ) a JOIN project p ON p.id = a.project_id JOIN officer o ON o.id = a.officer_id
             WHERE a.project_id = ?1
             ORDER BY coalesce(a.assigned_on, ''), {ROLE_ORDER}, coalesce(a.unassigned_on, '9999')"
        ))?;
        let mut n = 0;
        for id in ids {
            let rows = stmt.query_map([id], |r| {
                Ok(AssignmentRecord {
                    amed_id: r.get(0)?,
                    name: r.get(1)?,
                    role: super::codes::coded(r, 2)?,
                    from: r.get(3)?,
                    to: r.get(4)?,
                })
            })?;
            for row in rows {
                each(&row?)?;
                n += 1;
            }
        }
        Ok(n)
    }

    /// The counts [`Store::import_assignments`] would give now (for `--dry-run`).
    pub fn plan_assignments(
        &self,
        rows: &[AssignmentRow],
        new_officers: &[NewOfficer],
    ) -> Result<AssignmentImportCounts> {
        let mut counts = AssignmentImportCounts {
            officers_added: new_officers.len() as u64,
            ..Default::default()
        };
        for row in rows {
            let id = match row.officer {
                OfficerRef::Id(id) => Some(id),
                OfficerRef::New(_) => None,
            };
            count(&mut counts, row, classify(&self.conn, row, id)?);
        }
        Ok(counts)
    }

    /// Writes checked assignment rows in ONE transaction: the officers in `new_officers` first
    /// (`officer.add`), then each row that changes something, one audit row (entity `project`)
    /// each: `assign.add` for a current assignment (`assign.edit` for another start date) and
    /// `assign.past` for an ended one. Rows already stored are left alone.
    pub fn import_assignments(
        &mut self,
        rows: &[AssignmentRow],
        new_officers: &[NewOfficer],
    ) -> Result<AssignmentImportCounts> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let mut added = Vec::new();
            for o in new_officers {
                o.validate()?;
                let id: i64 = tx.query_row(
                    "INSERT INTO officer (name, role, login) VALUES (?1, ?2, ?3) RETURNING id",
                    params![o.name, o.role.code(), o.login],
                    |r| r.get(0),
                )?;
                let d = json!({"name": o.name, "role": o.role.code(), "login": o.login, "import": true});
                audit::record(tx, &actor, "officer.add", "officer", Some(id), d)?;
                added.push((id, o));
            }
            let mut counts = AssignmentImportCounts {
                officers_added: added.len() as u64,
                ..Default::default()
            };
            for row in rows {
                let (officer_id, name, role) = match row.officer {
                    OfficerRef::Id(id) => {
                        let o = super::officer::officer_by_id(tx, id)?;
                        (id, o.name, o.role)
                    }
                    OfficerRef::New(i) => {
                        let (id, o) = added.get(i).ok_or_else(|| {
                            Error::invalid("officer", crate::msg::invalid::no_new_officer(i))
                        })?;
                        (*id, o.name.clone(), o.role)
                    }
                };
                let change = classify(tx, row, Some(officer_id))?;
                count(&mut counts, row, change);
                let from = row.from.map(|d| d.to_string());
                let to = row.to.map(|d| d.to_string());
                let action = match (change, &to) {
                    (Change::Unchanged, _) => continue,
                    (Change::Update, _) => {
                        tx.execute(
                            "UPDATE project_officer SET assigned_on = ?3 WHERE project_id = ?1 AND officer_id = ?2",
                            params![row.project_id, officer_id, from],
                        )?;
                        "assign.edit"
                    }
                    (Change::Insert, None) => {
                        tx.execute(
                            "INSERT INTO project_officer (project_id, officer_id, assigned_on) VALUES (?1, ?2, ?3)",
                            params![row.project_id, officer_id, from],
                        )?;
                        "assign.add"
                    }
                    (Change::Insert, Some(to)) => {
                        tx.execute(
                            "INSERT INTO assignment_history (project_id, officer_id, assigned_on, unassigned_on)
                             VALUES (?1, ?2, ?3, ?4)",
                            params![row.project_id, officer_id, from, to],
                        )?;
                        "assign.past"
                    }
                };
                let d = json!({"officer_id": officer_id, "name": name, "role": role.code(),
                    "from": from, "to": to, "import": true});
                audit::record(tx, &actor, action, "project", Some(row.project_id), d)?;
            }
            Ok(counts)
        })
    }

    /// The counts [`Store::import_officers`] would give (for `--dry-run`).
    pub fn plan_officers(&self, rows: &[OfficerRow]) -> OfficerImportCounts {
        let mut counts = OfficerImportCounts::default();
        for row in rows {
            match &row.existing {
                None => counts.inserted += 1,
                Some(o) if same(o, row) => counts.unchanged += 1,
                Some(_) => counts.updated += 1,
            }
        }
        counts
    }

    /// Writes checked officer rows in ONE transaction: new officers (`officer.add`), and the
    /// login and 退任日 of those already on the roster where they differ (`officer.edit`).
    pub fn import_officers(&mut self, rows: &[OfficerRow]) -> Result<OfficerImportCounts> {
        let actor = self.actor.clone();
        let counts = self.plan_officers(rows);
        self.write(|tx| {
            for row in rows {
                let o = &row.officer;
                o.validate()?;
                let retired = row.retired_on.map(|d| d.to_string());
                let d = json!({"name": o.name, "role": o.role.code(), "login": o.login,
                    "retired": retired, "import": true});
                match &row.existing {
                    None => {
                        let id: i64 = tx.query_row(
                            "INSERT INTO officer (name, role, login, retired_at) VALUES (?1, ?2, ?3, ?4)
                             RETURNING id",
                            params![o.name, o.role.code(), o.login, retired],
                            |r| r.get(0),
                        )?;
                        audit::record(tx, &actor, "officer.add", "officer", Some(id), d)?;
                    }
                    Some(old) if same(old, row) => {}
                    Some(old) => {
                        let changed = tx.execute(
                            "UPDATE officer SET login = ?2, retired_at = ?3, version = version + 1
                             WHERE id = ?1 AND version = ?4",
                            params![old.id, o.login, retired, old.version],
                        )?;
                        if changed == 0 {
                            return Err(super::officer::officer_conflict(tx, old));
                        }
                        audit::record(tx, &actor, "officer.edit", "officer", Some(old.id), d)?;
                    }
                }
            }
            Ok(counts)
        })
    }
}

/// Whether an imported officer row says what the roster already says.
fn same(old: &Officer, row: &OfficerRow) -> bool {
    old.login == row.officer.login && old.retired_on == row.retired_on.map(|d| d.to_string())
}
