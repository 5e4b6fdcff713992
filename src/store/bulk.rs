//! Loading many rows in one transaction with cached prepared statements (the demo generator; large
//! imports). Either everything the closure wrote is committed, or nothing is.

use super::projects::{self, Codes, SearchBatch};
use super::{Store, audit, now_ts};
use crate::Result;
use crate::model::{
    Coded, CriterionStatus, Date, FlagStatus, GateDecision, NewProject, NoteKind, OfficerRole,
    OutcomeKind, Phase,
};
use rusqlite::{Transaction, params};

/// A note as the generator writes it (author given by name).
#[derive(Debug, Clone)]
pub struct BulkNote<'a> {
    pub project_id: i64,
    pub author: &'a str,
    pub author_role: OfficerRole,
    pub kind: NoteKind,
    pub body: &'a str,
    pub occurred_on: Date,
    pub follow_up_on: Option<Date>,
    /// Who marked the follow-up done, and when (timestamp).
    pub follow_up_done: Option<(&'a str, String)>,
}

/// A highway flag as the generator writes it, with its status history.
#[derive(Debug, Clone)]
pub struct BulkFlag<'a> {
    pub project_id: i64,
    pub target_program: &'a str,
    pub reason: &'a str,
    /// 競合優位性, 知財ポートフォリオ, 有効性・安全性・再現性データ: status and comment each.
    pub criteria: [(CriterionStatus, &'a str); 3],
    pub flagged_by: &'a str,
    /// Status moves, oldest first: (status, timestamp, by, why). The first is the creation.
    pub moves: Vec<(FlagStatus, String, &'a str, &'a str)>,
}

/// Writes rows inside one open transaction; obtained from [`Store::bulk_load`].
pub struct BulkLoader<'t> {
    pub(super) tx: &'t Transaction<'t>,
    codes: Codes,
    /// The OS account generating the rows (the audit log's actor).
    pub(super) actor: String,
    now: String,
    /// Search-index rows written in runs (see `projects::SearchBatch`).
    search: SearchBatch,
}

impl BulkLoader<'_> {
    /// Inserts a project with its phase history (see `NewProject`; `entered` oldest first, ending
    /// in the current phase, may be empty).
    pub fn project(&mut self, p: &NewProject, entered: &[(Phase, Date)]) -> Result<i64> {
        self.flush_if_full()?;
        projects::insert(
            self.tx,
            &self.codes,
            &self.actor,
            p,
            entered,
            &mut self.search,
        )
    }

    /// As [`BulkLoader::project`], the phase changes recorded as made by the officer `by`.
    pub fn project_by(
        &mut self,
        p: &NewProject,
        entered: &[(Phase, Date)],
        by: &str,
    ) -> Result<i64> {
        self.flush_if_full()?;
        projects::insert(self.tx, &self.codes, by, p, entered, &mut self.search)
    }

    /// Writes the queued search-index rows when enough have piled up.
    fn flush_if_full(&mut self) -> Result<()> {
        if self.search.is_full() {
            self.search.flush(self.tx)?;
        }
        Ok(())
    }

    /// Inserts an officer, or returns the existing one with this name and role.
    pub fn officer(&mut self, name: &str, role: OfficerRole, login: Option<&str>) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO officer (name, role, login) VALUES (?1, ?2, ?3)
                 ON CONFLICT (name, role) DO UPDATE SET login = coalesce(officer.login, excluded.login)
                 RETURNING id",
            )?
            .query_row(params![name, role.code(), login], |r| r.get(0))
            .map_err(Into::into)
    }

    /// Assigns an officer to a project.
    pub fn assign(&mut self, project_id: i64, officer_id: i64, on: Date) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT OR IGNORE INTO project_officer (project_id, officer_id, assigned_on) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![project_id, officer_id, on.to_string()])?;
        Ok(())
    }

    /// Inserts an accompaniment note and its search-index row.
    pub fn note(&mut self, n: &BulkNote<'_>) -> Result<i64> {
        let (done_by, done_at) = match &n.follow_up_done {
            Some((by, at)) => (Some(*by), Some(at.as_str())),
            None => (None, None),
        };
        let id: i64 = self
            .tx
            .prepare_cached(
                "INSERT INTO note (project_id, author, author_role, kind, body, occurred_on, follow_up_on,
                   follow_up_done_at, follow_up_done_by, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10) RETURNING id",
            )?
            .query_row(
                params![
                    n.project_id,
                    n.author,
                    n.author_role.code(),
                    n.kind.code(),
                    n.body,
                    n.occurred_on.to_string(),
                    n.follow_up_on.map(|d| d.to_string()),
                    done_at,
                    done_by,
                    self.now,
                ],
                |r| r.get(0),
            )?;
        self.search.add_note(id, n.body);
        self.flush_if_full()?;
        Ok(id)
    }

    /// Inserts a stage-gate decision; its row id.
    pub fn gate(
        &mut self,
        project_id: i64,
        gate: &str,
        decided_on: Date,
        decision: GateDecision,
        note: &str,
        by: &str,
    ) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO stage_gate (project_id, gate, decided_on, decision, note, recorded_by, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                project_id,
                gate,
                decided_on.to_string(),
                decision.code(),
                note,
                by,
                self.now
            ])?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Inserts a highway flag in the status of its last move, with one event per move.
    pub fn flag(&mut self, f: &BulkFlag<'_>) -> Result<i64> {
        let (Some(first), Some(last)) = (f.moves.first(), f.moves.last()) else {
            return Err(crate::Error::invalid(
                "flag",
                crate::msg::invalid::flag_needs_creation(),
            ));
        };
        let decided_at = (!last.0.is_open()).then(|| last.1.clone());
        let decision_note = if last.0.is_open() { "" } else { last.3 };
        let [(ca, can), (ip, ipn), (ev, evn)] = f.criteria;
        let id: i64 = self
            .tx
            .prepare_cached(
                "INSERT INTO highway_flag (project_id, target_program_id, status, reason,
                   competitive_advantage, competitive_note, ip_portfolio, ip_note, evidence_data, evidence_note,
                   flagged_by, created_at, updated_at, decided_at, decision_note, version)
                 VALUES (?1, (SELECT id FROM program WHERE code = ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,
                   ?11, ?12, ?13, ?14, ?15, ?16) RETURNING id",
            )?
            .query_row(
                params![
                    f.project_id,
                    f.target_program,
                    last.0.code(),
                    f.reason,
                    ca.code(),
                    can,
                    ip.code(),
                    ipn,
                    ev.code(),
                    evn,
                    f.flagged_by,
                    first.1,
                    last.1,
                    decided_at,
                    decision_note,
                    f.moves.len() as i64,
                ],
                |r| r.get(0),
            )?;
        let mut from: Option<&str> = None;
        for (status, at, by, why) in &f.moves {
            self.tx
                .prepare_cached(
                    "INSERT INTO highway_flag_event (flag_id, from_status, to_status, moved_by, moved_at, reason)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )?
                .execute(params![id, from, status.code(), by, at, why])?;
            from = Some(status.code());
        }
        Ok(id)
    }

    /// Inserts an outcome (approval, licensing, PoC, trial, paper) recorded by `recorded_by`; its
    /// row id.
    pub fn outcome(
        &mut self,
        project_id: i64,
        kind: OutcomeKind,
        on: Date,
        (product_name, detail): (Option<&str>, &str),
        recorded_by: &str,
    ) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO outcome (project_id, kind, occurred_on, product_name, detail, recorded_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![project_id, kind.code(), on.to_string(), product_name, detail, recorded_by])?;
        Ok(self.tx.last_insert_rowid())
    }
}

impl Store {
    /// Runs `load` with a [`BulkLoader`] in one `BEGIN IMMEDIATE` transaction and records one audit
    /// row `action` with `detail`; all rows are committed together or none are.
    pub fn bulk_load<T>(
        &mut self,
        action: &str,
        load: impl FnOnce(&mut BulkLoader<'_>) -> Result<(T, serde_json::Value)>,
    ) -> Result<T> {
        // A larger page cache keeps index pages of a big load in memory (about 256 MB at most).
        self.conn.pragma_update(None, "cache_size", -262_144)?;
        let actor = self.actor.clone();
        let result = self.write(|tx| {
            // Counts kept set-wise after the load, not per row (`tally::paused`).
            super::tally::paused(tx, || {
                projects::bulk_fts(tx, || {
                    let mut loader = BulkLoader {
                        tx,
                        codes: Codes::load(tx)?,
                        actor: actor.clone(),
                        now: now_ts(),
                        search: SearchBatch::default(),
                    };
                    let (value, detail) = load(&mut loader)?;
                    loader.search.flush(tx)?;
                    audit::record(tx, &actor, action, "database", None, detail)?;
                    Ok(value)
                })
            })
        });
        self.conn.pragma_update(None, "cache_size", -2000)?;
        result
    }
}
