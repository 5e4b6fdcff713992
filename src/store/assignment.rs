//! Assignments of officers to projects (担当): current ones in `project_officer`, ended ones in
//! `assignment_history` with both dates. Many projects at once in one transaction, one audit row
//! (entity `project`) per project changed, so that a project's history says who was added when.

use super::officer::{ROLE_ORDER, officer_by_id, officer_conflict};
use super::{Store, audit};
use crate::model::{Coded, Date, Officer, PastAssignment, RosterEntry};
use crate::text::sanitize_line;
use crate::{Error, Result};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde_json::json;

/// What an assignment of several projects did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assigned {
    /// Projects the officer was added to.
    pub added: Vec<i64>,
    /// Projects the officer was already assigned to (left as they were).
    pub already: Vec<i64>,
}

/// What ending an officer's assignments did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unassigned {
    /// (project, the assignment's start date): moved to the history.
    pub ended: Vec<(i64, Option<String>)>,
    /// Projects the officer was not assigned to.
    pub not_assigned: Vec<i64>,
}

/// The audit detail of an assignment change: who (id, name, role) and the dates.
fn detail(officer: &Officer, from: Option<&str>, to: Option<&str>) -> serde_json::Value {
    json!({"officer_id": officer.id, "name": officer.name, "role": officer.role.code(),
        "from": from, "to": to})
}

/// The 課題管理番号 of a project, or NotFound.
fn amed_id(tx: &Connection, project_id: i64) -> Result<String> {
    tx.query_row(
        "SELECT amed_id FROM project WHERE id = ?1",
        [project_id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        what: "project",
        key: format!("#{project_id}"),
    })
}

/// The start date of the officer's current assignment to the project: `None` when not assigned,
/// `Some(None)` when assigned without a recorded start.
fn current(tx: &Connection, project_id: i64, officer_id: i64) -> Result<Option<Option<String>>> {
    Ok(tx
        .query_row(
            "SELECT assigned_on FROM project_officer WHERE project_id = ?1 AND officer_id = ?2",
            params![project_id, officer_id],
            |r| r.get(0),
        )
        .optional()?)
}

/// Ends the officer's assignments to `projects` on `on` (each moved to the history with its
/// start date, one `assign.remove` audit row per project). Refuses a day before an assignment's
/// start. Projects the officer is not assigned to are skipped. `why`: what ended them.
pub(crate) fn end_assignments(
    tx: &Transaction<'_>,
    actor: &str,
    officer: &Officer,
    projects: &[i64],
    on: Date,
    why: &str,
) -> Result<Vec<(i64, Option<String>)>> {
    let to = on.to_string();
    let mut ended = Vec::new();
    for &project_id in projects {
        let Some(from) = current(tx, project_id, officer.id)? else {
            continue;
        };
        if from.as_deref().is_some_and(|f| f > to.as_str()) {
            return Err(Error::invalid(
                "--to",
                crate::msg::invalid::assignment_ends_before_start(
                    to,
                    &sanitize_line(&officer.label()),
                    &sanitize_line(&amed_id(tx, project_id)?),
                    from.as_deref().unwrap_or("?"),
                ),
            ));
        }
        tx.execute(
            "INSERT INTO assignment_history (project_id, officer_id, assigned_on, unassigned_on)
             VALUES (?1, ?2, ?3, ?4)",
            params![project_id, officer.id, from, to],
        )?;
        tx.execute(
            "DELETE FROM project_officer WHERE project_id = ?1 AND officer_id = ?2",
            params![project_id, officer.id],
        )?;
        let mut d = detail(officer, from.as_deref(), Some(&to));
        if why != "unassign" {
            d["why"] = json!(why);
        }
        audit::record(tx, actor, "assign.remove", "project", Some(project_id), d)?;
        ended.push((project_id, from));
    }
    Ok(ended)
}

/// The officer, checked against the version the caller saw (`None`: not checked).
fn checked_officer(tx: &Connection, officer_id: i64, version: Option<i64>) -> Result<Officer> {
    let officer = officer_by_id(tx, officer_id)?;
    if version.is_some_and(|v| v != officer.version) {
        return Err(officer_conflict(tx, &officer));
    }
    Ok(officer)
}

impl Store {
    /// Assigns the officer to every project in `project_ids` from `from`, in ONE transaction
    /// (all or nothing), one `assign.add` audit row (entity `project`) per project added. A
    /// project the officer is already assigned to is left as it is and reported in `already`.
    /// Refuses a retired officer and a missing project (NotFound); `version` (the officer's, as
    /// the caller saw it) makes a change to the officer since a `Conflict`.
    pub fn assign_officer(
        &mut self,
        project_ids: &[i64],
        officer_id: i64,
        version: Option<i64>,
        from: Date,
    ) -> Result<Assigned> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let officer = checked_officer(tx, officer_id, version)?;
            if let Some(day) = &officer.retired_on {
                return Err(Error::invalid(
                    "officer",
                    crate::msg::invalid::officer_retired_cannot_assign(
                        &sanitize_line(&officer.label()),
                        day,
                    ),
                ));
            }
            let mut out = Assigned::default();
            let from = from.to_string();
            for &project_id in project_ids {
                amed_id(tx, project_id)?;
                if current(tx, project_id, officer_id)?.is_some() {
                    out.already.push(project_id);
                    continue;
                }
                tx.execute(
                    "INSERT INTO project_officer (project_id, officer_id, assigned_on) VALUES (?1, ?2, ?3)",
                    params![project_id, officer_id, from],
                )?;
                let d = detail(&officer, Some(&from), None);
                audit::record(tx, &actor, "assign.add", "project", Some(project_id), d)?;
                out.added.push(project_id);
            }
            Ok(out)
        })
    }

    /// Ends the officer's assignments to `project_ids` on `to`, in ONE transaction: each moves to
    /// the history with both dates (one `assign.remove` audit row per project). Refuses `to`
    /// before an assignment's start and a missing project. A project the officer is not assigned
    /// to is reported in `not_assigned`, or, with `strict` (the caller saw it assigned), is a
    /// `Conflict` naming who changed it. `version` as for [`Store::assign_officer`].
    pub fn unassign_officer(
        &mut self,
        project_ids: &[i64],
        officer_id: i64,
        version: Option<i64>,
        to: Date,
        strict: bool,
    ) -> Result<Unassigned> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let officer = checked_officer(tx, officer_id, version)?;
            let mut out = Unassigned::default();
            for &project_id in project_ids {
                let amed = amed_id(tx, project_id)?;
                if current(tx, project_id, officer_id)?.is_none() {
                    if strict {
                        let (by, at) =
                            super::notes::last_change(tx, project_id, "officer_id", officer_id);
                        return Err(Error::Conflict {
                            what: crate::msg::invalid::record_assignment(&officer.label(), &amed),
                            by,
                            at,
                        });
                    }
                    out.not_assigned.push(project_id);
                }
            }
            out.ended = end_assignments(tx, &actor, &officer, project_ids, to, "unassign")?;
            Ok(out)
        })
    }

    /// Takes back assignments made in this session (undo): the officer's current rows on these
    /// projects are removed as if never made (one `assign.undo` audit row per project removed).
    pub fn revert_assigned(&mut self, officer_id: i64, project_ids: &[i64]) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let officer = officer_by_id(tx, officer_id)?;
            for &project_id in project_ids {
                let Some(from) = current(tx, project_id, officer_id)? else {
                    continue;
                };
                tx.execute(
                    "DELETE FROM project_officer WHERE project_id = ?1 AND officer_id = ?2",
                    params![project_id, officer_id],
                )?;
                let d = detail(&officer, from.as_deref(), None);
                audit::record(tx, &actor, "assign.undo", "project", Some(project_id), d)?;
            }
            Ok(())
        })
    }

    /// Takes back assignments ended in this session on `to` (undo): each history row goes and
    /// the assignment is current again with its start date (one `unassign.undo` audit row per
    /// project). A project the officer was assigned to again since is left as it is.
    pub fn revert_unassigned(
        &mut self,
        officer_id: i64,
        ended: &[(i64, Option<String>)],
        to: Date,
    ) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let officer = officer_by_id(tx, officer_id)?;
            let to = to.to_string();
            for (project_id, from) in ended {
                if current(tx, *project_id, officer_id)?.is_some() {
                    continue;
                }
                tx.execute(
                    "DELETE FROM assignment_history WHERE id = (SELECT max(id) FROM assignment_history
                       WHERE project_id = ?1 AND officer_id = ?2 AND unassigned_on = ?3
                         AND assigned_on IS ?4)",
                    params![project_id, officer_id, to, from],
                )?;
                tx.execute(
                    "INSERT INTO project_officer (project_id, officer_id, assigned_on) VALUES (?1, ?2, ?3)",
                    params![project_id, officer_id, from],
                )?;
                let d = detail(&officer, from.as_deref(), Some(&to));
                audit::record(tx, &actor, "unassign.undo", "project", Some(*project_id), d)?;
            }
            Ok(())
        })
    }

    /// The active roster for the officer picker, PD / PS / PO / DC then by name, each with how
    /// many of `project_ids` they are assigned to now.
    pub fn roster_for(&self, project_ids: &[i64]) -> Result<Vec<RosterEntry>> {
        let ids = json!(project_ids).to_string();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT o.id, o.name, o.role, o.login, o.version,
               (SELECT count(*) FROM project_officer po WHERE po.officer_id = o.id
                  AND po.project_id IN (SELECT value FROM json_each(?1)))
             FROM officer o WHERE o.retired_at IS NULL ORDER BY {ROLE_ORDER}"
        ))?;
        let rows = stmt.query_map([ids], |r| {
            Ok(RosterEntry {
                id: r.get(0)?,
                name: r.get(1)?,
                role: super::codes::coded(r, 2)?,
                login: r.get(3)?,
                version: r.get(4)?,
                assigned: r.get::<_, i64>(5)? as usize,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The project's ended assignments (担当履歴), the most recent end first.
    pub fn past_assignments(&self, project_id: i64) -> Result<Vec<PastAssignment>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT o.name, o.role, h.assigned_on, h.unassigned_on FROM assignment_history h
             JOIN officer o ON o.id = h.officer_id WHERE h.project_id = ?1
             ORDER BY h.unassigned_on DESC, h.id DESC",
        )?;
        let rows = stmt.query_map([project_id], |r| {
            Ok(PastAssignment {
                name: r.get(0)?,
                role: super::codes::coded(r, 1)?,
                from: r.get(2)?,
                to: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
