//! 成果 (outcomes): add, edit (version-checked), soft delete and restore, each in one short
//! transaction with one audit row on the project; the list of a project's outcomes, the tally per
//! integrated project × fiscal year, and outcomes in bulk for CSV (export rows, import with its
//! natural key).

use super::filter::condition;
use super::notes::{last_change, missing_project};
use super::{Store, audit, codes, now_ts};
use crate::model::{
    Author, Coded, FiscalYear, NewOutcome, OutcomeChange, OutcomeKind, OutcomeRecord, OutcomeTally,
    Scope, TallyRow, parse_date,
};
use crate::query::Filter;
use crate::{Error, Result};
use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::json;
use std::collections::HashMap;

/// The columns [`record`] reads, over `outcome o JOIN project p`.
const COLUMNS: &str =
    "o.id, o.project_id, p.amed_id, o.kind, o.occurred_on, o.product_name, o.detail,
     o.recorded_by, o.deleted_at, o.deleted_by, o.version";

/// One row of [`COLUMNS`].
fn record(r: &rusqlite::Row<'_>) -> rusqlite::Result<OutcomeRecord> {
    let on: String = r.get(4)?;
    let deleted_at: Option<String> = r.get(8)?;
    let deleted_by: Option<String> = r.get(9)?;
    Ok(OutcomeRecord {
        id: r.get(0)?,
        project_id: r.get(1)?,
        amed_id: r.get(2)?,
        outcome: NewOutcome {
            kind: codes::coded(r, 3)?,
            on: parse_date(&on).unwrap_or_default(),
            product: r.get(5)?,
            detail: r.get(6)?,
        },
        recorded_by: r.get(7)?,
        deleted: deleted_at.zip(deleted_by),
        version: r.get(10)?,
    })
}

/// An outcome by number, deleted or not, or NotFound naming it.
fn outcome_row(tx: &rusqlite::Connection, outcome_id: i64) -> Result<OutcomeRecord> {
    tx.query_row(
        &format!(
            "SELECT {COLUMNS} FROM outcome o JOIN project p ON p.id = o.project_id WHERE o.id = ?1"
        ),
        [outcome_id],
        record,
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        what: "outcome",
        key: format!("#{outcome_id} (seedline outcome list ID shows the numbers)"),
    })
}

/// The live outcome of `project_id` equal to `o` in every field, if one is stored: the natural
/// key that keeps `outcome add` and a second import of the same file from recording it twice.
fn same_outcome(
    tx: &rusqlite::Connection,
    project_id: i64,
    o: &NewOutcome,
    except: Option<i64>,
) -> Result<Option<i64>> {
    Ok(tx
        .prepare_cached(
            "SELECT id FROM outcome WHERE project_id = ?1 AND kind = ?2 AND occurred_on = ?3
               AND product_name IS ?4 AND detail = ?5 AND deleted_at IS NULL AND id IS NOT ?6
             ORDER BY id LIMIT 1",
        )?
        .query_row(
            params![
                project_id,
                o.kind.code(),
                o.on.to_string(),
                o.product,
                o.detail,
                except
            ],
            |r| r.get(0),
        )
        .optional()?)
}

fn duplicate(id: i64) -> Error {
    Error::invalid("outcome", crate::msg::invalid::outcome_duplicate(id))
}

/// Inserts one outcome and its audit row (`action`: `outcome.add` or `outcome.import`).
fn insert(
    tx: &Transaction<'_>,
    actor: &str,
    action: &str,
    project_id: i64,
    o: &NewOutcome,
    by: &str,
) -> Result<i64> {
    let id: i64 = tx
        .prepare_cached(
            "INSERT INTO outcome (project_id, kind, occurred_on, product_name, detail, recorded_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
        )?
        .query_row(
            params![
                project_id,
                o.kind.code(),
                o.on.to_string(),
                o.product,
                o.detail,
                by
            ],
            |r| r.get(0),
        )
        .map_err(|e| missing_project(e, project_id))?;
    let detail =
        json!({"outcome_id": id, "kind": o.kind.code(), "date": o.on.to_string(), "officer": by});
    audit::record(tx, actor, action, "project", Some(project_id), detail)?;
    Ok(id)
}

/// What an outcome import did (or, in a dry run, would do).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutcomeImportCounts {
    /// New outcomes.
    pub inserted: u64,
    /// Rows equal to an outcome already stored (not deleted): left alone.
    pub unchanged: u64,
}

impl Store {
    /// Records an outcome of project `project_id` by `author` (its `recorded_by`). Refuses texts
    /// with control characters or too long, and an outcome equal in kind, date, product and detail
    /// to one the project already has (not deleted); NotFound for a missing project. One
    /// transaction, one `outcome.add` audit row on the project. Returns the outcome's number.
    pub fn add_outcome(
        &mut self,
        project_id: i64,
        outcome: &NewOutcome,
        author: &Author,
    ) -> Result<i64> {
        let o = outcome.clone().normalized();
        o.validate()?;
        let actor = self.actor.clone();
        self.write(|tx| {
            if let Some(id) = same_outcome(tx, project_id, &o, None)? {
                return Err(duplicate(id));
            }
            insert(tx, &actor, "outcome.add", project_id, &o, &author.name)
        })
    }

    /// One outcome by number (deleted ones too), or NotFound.
    pub fn outcome(&self, outcome_id: i64) -> Result<OutcomeRecord> {
        outcome_row(&self.conn, outcome_id)
    }

    /// A project's outcomes, oldest first (by date, then number); deleted ones only with
    /// `with_deleted`.
    pub fn outcomes(&self, project_id: i64, with_deleted: bool) -> Result<Vec<OutcomeRecord>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM outcome o JOIN project p ON p.id = o.project_id
             WHERE o.project_id = ?1 AND (?2 OR o.deleted_at IS NULL) ORDER BY o.occurred_on, o.id"
        ))?;
        let rows = stmt.query_map(params![project_id, with_deleted], record)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Changes an outcome that is at `expected_version` (the version the officer read): another
    /// change in between — or a delete — is a `Conflict` naming who made it and when, and nothing
    /// is written. Refuses an empty change, bad texts and a result equal to another live outcome
    /// of the project. One transaction, one `outcome.edit` audit row naming the fields changed.
    pub fn edit_outcome(
        &mut self,
        outcome_id: i64,
        expected_version: i64,
        change: &OutcomeChange,
        author: &Author,
    ) -> Result<()> {
        if change.is_empty() {
            return Err(Error::invalid(
                "outcome",
                crate::msg::invalid::outcome_nothing_to_change(),
            ));
        }
        let actor = self.actor.clone();
        self.write(|tx| {
            let old = outcome_row(tx, outcome_id)?;
            if old.version != expected_version || old.deleted.is_some() {
                let (by, at) = last_change(tx, old.project_id, "outcome_id", outcome_id);
                return Err(Error::Conflict {
                    what: crate::msg::invalid::record_outcome(outcome_id),
                    by,
                    at,
                });
            }
            let new = change.apply(&old.outcome);
            new.validate()?;
            if let Some(id) = same_outcome(tx, old.project_id, &new, Some(outcome_id))? {
                return Err(duplicate(id));
            }
            let mut changed = Vec::new();
            for (name, differs) in [
                ("kind", new.kind != old.outcome.kind),
                ("date", new.on != old.outcome.on),
                ("product", new.product != old.outcome.product),
                ("detail", new.detail != old.outcome.detail),
            ] {
                if differs {
                    changed.push(name);
                }
            }
            let n = tx.execute(
                "UPDATE outcome SET kind = ?2, occurred_on = ?3, product_name = ?4, detail = ?5,
                   version = version + 1 WHERE id = ?1 AND version = ?6",
                params![
                    outcome_id,
                    new.kind.code(),
                    new.on.to_string(),
                    new.product,
                    new.detail,
                    expected_version
                ],
            )?;
            if n == 0 {
                return Err(Error::Conflict {
                    what: crate::msg::invalid::record_outcome(outcome_id),
                    by: String::new(),
                    at: "?".into(),
                });
            }
            let detail = json!({"outcome_id": outcome_id, "kind": new.kind.code(),
                "date": new.on.to_string(), "changed": changed, "version": expected_version + 1,
                "officer": author.name});
            audit::record(
                tx,
                &actor,
                "outcome.edit",
                "project",
                Some(old.project_id),
                detail,
            )
        })
    }

    /// Soft-deletes an outcome (kept in the database with who and when; it leaves every count).
    /// Refuses one already deleted. One `outcome.delete` audit row on the project.
    pub fn delete_outcome(&mut self, outcome_id: i64, author: &Author) -> Result<()> {
        self.set_outcome_deleted(outcome_id, Some(author))
    }

    /// Brings back a soft-deleted outcome. Refuses one not deleted, and one equal to an outcome
    /// recorded since. One `outcome.restore` audit row on the project.
    pub fn restore_outcome(&mut self, outcome_id: i64) -> Result<()> {
        self.set_outcome_deleted(outcome_id, None)
    }

    fn set_outcome_deleted(&mut self, outcome_id: i64, by: Option<&Author>) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let old = outcome_row(tx, outcome_id)?;
            if old.deleted.is_some() == by.is_some() {
                return Err(Error::invalid(
                    "outcome",
                    if by.is_some() {
                        crate::msg::invalid::outcome_already_deleted(outcome_id)
                    } else {
                        crate::msg::invalid::outcome_not_deleted(outcome_id)
                    },
                ));
            }
            if by.is_none()
                && let Some(id) = same_outcome(tx, old.project_id, &old.outcome, Some(outcome_id))?
            {
                return Err(duplicate(id));
            }
            let now = now_ts();
            tx.execute(
                "UPDATE outcome SET deleted_at = ?2, deleted_by = ?3, version = version + 1 WHERE id = ?1",
                params![
                    outcome_id,
                    by.map(|_| now.clone()),
                    by.map(|a| a.name.clone())
                ],
            )?;
            let mut detail = json!({"outcome_id": outcome_id, "kind": old.outcome.kind.code(),
                "date": old.outcome.on.to_string()});
            let action = match by {
                Some(a) => {
                    detail["officer"] = json!(a.name);
                    "outcome.delete"
                }
                None => "outcome.restore",
            };
            audit::record(tx, &actor, action, "project", Some(old.project_id), detail)
        })
    }

    /// Outcomes (not deleted) of the projects matching `filter` (retired projects left out),
    /// counted per integrated project × fiscal year × kind. Rows: every 3rd-period integrated
    /// project, and 2nd-period ones holding outcomes. Years: from the earliest outcome's to the
    /// later of the latest outcome's and today's; none when there are no outcomes.
    pub fn outcome_tally(&self, filter: &Filter, scope: &Scope) -> Result<OutcomeTally> {
        let me = self.me(&scope.me)?;
        let cond = condition(filter, scope, &me);
        let sql = format!(
            "SELECT p.integrated_project_id,
                    CAST(substr(o.occurred_on, 1, 4) AS INTEGER) - (substr(o.occurred_on, 6, 2) < '04'),
                    o.kind, count(*)
             FROM outcome o JOIN project p ON p.id = o.project_id
             WHERE o.deleted_at IS NULL AND p.retired_at IS NULL AND {}
             GROUP BY 1, 2, 3",
            cond.sql
        );
        let mut counts: HashMap<(i64, i32), [i64; 5]> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(cond.params.iter()))?;
        while let Some(r) = rows.next()? {
            let kind: OutcomeKind = codes::coded(r, 2)?;
            let i = OutcomeKind::ALL
                .iter()
                .position(|k| *k == kind)
                .unwrap_or(0);
            counts.entry((r.get(0)?, r.get(1)?)).or_default()[i] = r.get(3)?;
        }
        let mut tally = OutcomeTally::default();
        let mut ys = counts.keys().map(|(_, y)| *y);
        if let Some(y0) = ys.next() {
            let (lo, hi) = ys.fold((y0, y0), |(lo, hi), y| (lo.min(y), hi.max(y)));
            let hi = hi.max(FiscalYear::of(scope.today).0);
            tally.years = (lo..=hi).map(FiscalYear).collect();
        }
        for ip in &self.reference()?.integrated_projects {
            let row: Vec<[i64; 5]> = tally
                .years
                .iter()
                .map(|y| counts.get(&(ip.id, y.0)).copied().unwrap_or_default())
                .collect();
            let any = row.iter().flatten().any(|n| *n > 0);
            if ip.period == 3 || any {
                tally.rows.push(TallyRow {
                    id: ip.id,
                    code: ip.code.clone(),
                    period: ip.period,
                    name_ja: ip.name_ja.clone(),
                    name_en: ip.name_en.clone(),
                    counts: row,
                });
            }
        }
        Ok(tally)
    }

    /// Calls `each` for the outcomes (not deleted) of these projects, in the order of `ids`, then
    /// by date and number, 500 projects at a time. Returns the number of rows.
    pub fn export_outcomes(
        &self,
        ids: &[i64],
        mut each: impl FnMut(&OutcomeRecord) -> Result<()>,
    ) -> Result<u64> {
        let sql = format!(
            "SELECT {COLUMNS} FROM json_each(?1) j JOIN outcome o ON o.project_id = j.value
               JOIN project p ON p.id = o.project_id
             WHERE o.deleted_at IS NULL ORDER BY j.key, o.occurred_on, o.id"
        );
        let mut n = 0;
        for chunk in ids.chunks(500) {
            let list = json!(chunk).to_string();
            let rows: Vec<OutcomeRecord> = {
                let mut stmt = self.conn.prepare_cached(&sql)?;
                let found = stmt.query_map([list], record)?;
                found.collect::<rusqlite::Result<_>>()?
            };
            for row in &rows {
                each(row)?;
                n += 1;
            }
        }
        Ok(n)
    }

    /// How `rows` (project row id, outcome) compare with what is stored: a row equal to a live
    /// outcome of its project (the natural key: project, kind, date, product and detail) is
    /// unchanged, any other is new. For `--dry-run`.
    pub fn plan_outcomes(&self, rows: &[(i64, NewOutcome)]) -> Result<OutcomeImportCounts> {
        let mut counts = OutcomeImportCounts::default();
        for (project, o) in rows {
            match same_outcome(&self.conn, *project, o, None)? {
                Some(_) => counts.unchanged += 1,
                None => counts.inserted += 1,
            }
        }
        Ok(counts)
    }

    /// Appends `rows` (project row id, checked outcome) in ONE `BEGIN IMMEDIATE` transaction,
    /// recorded by `author`: a row equal to a live outcome of its project is left alone (counted
    /// unchanged), every other is inserted with one `outcome.import` audit row on its project.
    /// All or nothing.
    pub fn import_outcomes(
        &mut self,
        rows: &[(i64, NewOutcome)],
        author: &Author,
    ) -> Result<OutcomeImportCounts> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let mut counts = OutcomeImportCounts::default();
            for (project, o) in rows {
                if same_outcome(tx, *project, o, None)?.is_some() {
                    counts.unchanged += 1;
                    continue;
                }
                insert(tx, &actor, "outcome.import", *project, o, &author.name)?;
                counts.inserted += 1;
            }
            Ok(counts)
        })
    }
}
