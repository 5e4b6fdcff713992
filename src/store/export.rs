//! Rows for CSV export, read in chunks of project ids so that memory stays bounded at any size, and
//! the audit row that records an export.

use super::{Store, audit};
use crate::model::{
    Coded, CriterionStatus, Date, FlagStatus, GateDecision, LicensingStatus, Modality, NewProject,
    NoteKind, Phase, parse_date,
};
use crate::{Error, Result};
use rusqlite::Connection;
use std::collections::HashMap;

/// Projects read per statement (larger chunks were slower: more memory touched per chunk).
const CHUNK: usize = 500;

/// A project as exported: its fields as entered, and the status of its open highway flag.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectRecord {
    pub project: NewProject,
    /// Candidate or recommended, when the project has an open flag.
    pub open_flag: Option<FlagStatus>,
}

/// An accompaniment note as exported (deleted notes are left out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteRecord {
    pub amed_id: String,
    pub occurred_on: String,
    pub kind: NoteKind,
    pub author: String,
    pub author_role: String,
    pub body: String,
    pub follow_up_on: Option<String>,
    /// When the follow-up was marked done (timestamp) and by whom.
    pub follow_up_done: Option<(String, String)>,
}

/// A highway flag as exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagRecord {
    pub amed_id: String,
    pub status: FlagStatus,
    /// The successor program's code.
    pub target_program: String,
    pub reason: String,
    /// 競合優位性, 知財ポートフォリオ, 有効性・安全性・再現性データ: status and comment.
    pub criteria: [(CriterionStatus, String); 3],
    pub flagged_by: String,
    pub created_at: String,
    pub decided_at: Option<String>,
    pub decision_note: String,
}

/// A stage-gate decision as exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GateRecord {
    pub amed_id: String,
    pub gate: String,
    pub decided_on: String,
    pub decision: GateDecision,
    pub note: String,
    pub recorded_by: String,
}

fn date(field: &str, text: &str) -> Result<Date> {
    parse_date(text).ok_or_else(|| Error::invalid(field, crate::msg::invalid::stored_date(text)))
}

fn coded<T: Coded>(field: &str, text: &str) -> Result<T> {
    T::parse(text).ok_or_else(|| Error::invalid(field, crate::msg::invalid::stored_code(text)))
}

/// `ids` as a JSON array, the one parameter of the chunk statements (`json_each(?1)`): the
/// statements stay the same from chunk to chunk and are prepared once.
fn json_ids(ids: &[i64]) -> String {
    let mut out = String::with_capacity(ids.len() * 8 + 2);
    out.push('[');
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&id.to_string());
    }
    out.push(']');
    out
}

/// A text column read without an owned copy (codes and dates are parsed, not kept).
/// Like `get::<String>`, NULL or another type is an error.
fn text<'r>(r: &'r rusqlite::Row<'_>, i: usize) -> Result<&'r str> {
    match r.get_ref(i)? {
        rusqlite::types::ValueRef::Text(_) => text_or_null(r, i).map(Option::unwrap_or_default),
        other => Err(wrong_type(r, i, other.data_type())),
    }
}

/// A nullable text column read without an owned copy; another type is an error.
fn text_or_null<'r>(r: &'r rusqlite::Row<'_>, i: usize) -> Result<Option<&'r str>> {
    let value = r.get_ref(i)?;
    value
        .as_str_or_null()
        .map_err(|_| wrong_type(r, i, value.data_type()))
}

fn wrong_type(r: &rusqlite::Row<'_>, i: usize, found: rusqlite::types::Type) -> Error {
    let name = r.as_ref().column_name(i).unwrap_or("?").to_string();
    Error::Sqlite(rusqlite::Error::InvalidColumnType(i, name, found))
}

/// The projects with these row ids in the order given (missing ids left out), with disease areas
/// in reference display order. `ids` should be one chunk: everything is read into memory.
pub(super) fn load_projects(conn: &Connection, ids: &[i64]) -> Result<Vec<(i64, ProjectRecord)>> {
    let mut chunk = Chunk::default();
    let order = chunk.read(conn, ids, None)?;
    let mut slots: Vec<Option<ProjectRecord>> = chunk.records.into_iter().map(Some).collect();
    Ok(order
        .into_iter()
        .filter_map(|i| slots[i].take().map(|r| (chunk.record_ids[i], r)))
        .collect())
}

/// The open flag of every project that has one (a partial unique index allows one per project):
/// read once for a large export instead of one subquery per project.
fn open_flags(conn: &Connection) -> Result<HashMap<i64, FlagStatus>> {
    let mut stmt = conn.prepare(
        "SELECT project_id, status FROM highway_flag WHERE status IN ('candidate', 'recommended')",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = HashMap::new();
    while let Some(r) = rows.next()? {
        out.insert(r.get(0)?, coded::<FlagStatus>("flag", text(r, 1)?)?);
    }
    Ok(out)
}

/// Copies `value` into `field`, reusing its allocation.
fn set(field: &mut String, value: &str) {
    field.clear();
    field.push_str(value);
}

/// A record whose every field [`Chunk::read`] overwrites.
fn blank() -> ProjectRecord {
    ProjectRecord {
        project: NewProject {
            amed_id: String::new(),
            title: String::new(),
            summary: String::new(),
            pi_name: String::new(),
            pi_title: String::new(),
            institution: String::new(),
            program: String::new(),
            integrated_project: String::new(),
            modality: Modality::ALL[0],
            phase: Phase::ALL[0],
            start_date: Date::default(),
            end_date: None,
            budget_total_kyen: None,
            partner_company: None,
            licensing_status: LicensingStatus::ALL[0],
            disease_areas: Vec::new(),
        },
        open_flag: None,
    }
}

/// The page cache of a whole export, in KiB (see [`Store::export_projects`]).
const EXPORT_CACHE_KIB: i64 = 16 * 1024;

/// The projects of one chunk, in records reused from chunk to chunk (their strings keep their
/// memory: an export of 100,000 projects no longer allocates ten strings per project).
#[derive(Default)]
struct Chunk {
    records: Vec<ProjectRecord>,
    /// The row id of each record.
    record_ids: Vec<i64>,
    by_id: HashMap<i64, usize>,
    areas: HashMap<i64, Vec<String>>,
    /// Leave retired projects out (an export; an edit or import reads them all).
    live_only: bool,
}

impl Chunk {
    /// Reads the projects with these row ids, taking open flags from `flags` when given; returns
    /// the indices of their records in the order of `ids` (missing ids left out, a repeated one
    /// once).
    fn read(
        &mut self,
        conn: &Connection,
        ids: &[i64],
        flags: Option<&HashMap<i64, FlagStatus>>,
    ) -> Result<Vec<usize>> {
        self.by_id.clear();
        self.areas.clear();
        self.record_ids.clear();
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let json = json_ids(ids);
        let mut stmt = conn.prepare_cached(
            "SELECT x.project_id, a.code FROM project_disease_area x JOIN disease_area a ON a.id = x.disease_area_id
             LEFT JOIN disease_area parent ON parent.id = a.parent_id
             WHERE x.project_id IN (SELECT value FROM json_each(?1))
             ORDER BY x.project_id, coalesce(parent.sort_order, a.sort_order), a.parent_id IS NOT NULL, a.sort_order",
        )?;
        let mut rows = stmt.query([&json])?;
        while let Some(r) = rows.next()? {
            self.areas.entry(r.get(0)?).or_default().push(r.get(1)?);
        }
        let flag_column = match flags {
            Some(_) => "NULL",
            None => {
                "(SELECT f.status FROM highway_flag f WHERE f.project_id = p.id
                  AND f.status IN ('candidate', 'recommended') LIMIT 1)"
            }
        };
        let live = if self.live_only {
            "AND p.retired_at IS NULL"
        } else {
            ""
        };
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT p.id, p.amed_id, p.title, p.summary, p.pi_name, p.pi_title, p.institution, g.code, i.code,
               p.modality, p.phase, p.start_date, p.end_date, p.budget_total_kyen, p.partner_company,
               p.licensing_status, {flag_column}
             FROM project p JOIN program g ON g.id = p.program_id
             JOIN integrated_project i ON i.id = p.integrated_project_id
             WHERE p.id IN (SELECT value FROM json_each(?1)) {live}"
        ))?;
        let mut rows = stmt.query([&json])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let n = self.record_ids.len();
            if n == self.records.len() {
                self.records.push(blank());
            }
            let record = &mut self.records[n];
            let p = &mut record.project;
            set(&mut p.amed_id, text(r, 1)?);
            set(&mut p.title, text(r, 2)?);
            set(&mut p.summary, text(r, 3)?);
            set(&mut p.pi_name, text(r, 4)?);
            set(&mut p.pi_title, text(r, 5)?);
            set(&mut p.institution, text(r, 6)?);
            set(&mut p.program, text(r, 7)?);
            set(&mut p.integrated_project, text(r, 8)?);
            p.modality = coded::<Modality>("modality", text(r, 9)?)?;
            p.phase = Phase::from_ord(r.get(10)?)
                .ok_or_else(|| Error::invalid("phase", crate::msg::invalid::stored_phase()))?;
            p.start_date = date("start_date", text(r, 11)?)?;
            p.end_date = text_or_null(r, 12)?
                .map(|e| date("end_date", e))
                .transpose()?;
            p.budget_total_kyen = r.get(13)?;
            match (text_or_null(r, 14)?, &mut p.partner_company) {
                (Some(value), Some(old)) => set(old, value),
                (value, old) => *old = value.map(str::to_string),
            }
            p.licensing_status = coded::<LicensingStatus>("licensing_status", text(r, 15)?)?;
            p.disease_areas = self.areas.remove(&id).unwrap_or_default();
            record.open_flag = match flags {
                Some(flags) => flags.get(&id).copied(),
                None => text_or_null(r, 16)?
                    .map(|f| coded::<FlagStatus>("flag", f))
                    .transpose()?,
            };
            self.record_ids.push(id);
            self.by_id.entry(id).or_insert(n);
        }
        Ok(ids.iter().filter_map(|id| self.by_id.remove(id)).collect())
    }
}

/// Rows of a per-project table for one chunk, ordered by the chunk's project order, then `order`.
fn chunk_rows<T>(
    conn: &Connection,
    ids: &[i64],
    sql: &str,
    read: impl Fn(&rusqlite::Row<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    let position: HashMap<i64, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query([json_ids(ids)])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let project: i64 = r.get(0)?;
        out.push((
            position.get(&project).copied().unwrap_or(usize::MAX),
            read(r)?,
        ));
    }
    // A stable sort keeps the statement's own order (date, id) within each project.
    out.sort_by_key(|(p, _)| *p);
    Ok(out.into_iter().map(|(_, row)| row).collect())
}

impl Store {
    /// Calls `each` for the projects with these row ids, in the order given (ids that no longer
    /// exist and retired projects are skipped), reading 500 at a time; stops at the first error `each` returns.
    /// Returns how many rows were passed to `each`. Reads only; no transaction stays open.
    pub fn export_projects(
        &self,
        ids: &[i64],
        mut each: impl FnMut(&ProjectRecord) -> Result<()>,
    ) -> Result<u64> {
        // A bigger page cache for a whole export: the projects are read in 課題管理番号 order, not
        // row order, and their long summaries spill onto overflow pages; with SQLite's default 2 MB
        // the same pages are read from the file again and again (221,000 reads for 100,000
        // projects against sqlite3's 97,000). 16 MiB keeps the export within its memory budget.
        if ids.len() > CHUNK {
            self.conn
                .pragma_update(None, "cache_size", -EXPORT_CACHE_KIB)?;
        }
        let result = self.export_project_chunks(ids, &mut each);
        if ids.len() > CHUNK {
            self.conn.pragma_update(None, "cache_size", -2000)?;
        }
        result
    }

    fn export_project_chunks(
        &self,
        ids: &[i64],
        each: &mut impl FnMut(&ProjectRecord) -> Result<()>,
    ) -> Result<u64> {
        let mut n = 0;
        let flags = if ids.len() > CHUNK {
            Some(open_flags(&self.conn)?)
        } else {
            None
        };
        let mut rows = Chunk {
            live_only: true,
            ..Chunk::default()
        };
        for chunk in ids.chunks(CHUNK) {
            for i in rows.read(&self.conn, chunk, flags.as_ref())? {
                each(&rows.records[i])?;
                n += 1;
            }
        }
        Ok(n)
    }

    /// Calls `each` for the notes of these projects (project order, then date and note number);
    /// deleted notes are left out. Returns the number of rows.
    pub fn export_notes(
        &self,
        ids: &[i64],
        mut each: impl FnMut(&NoteRecord) -> Result<()>,
    ) -> Result<u64> {
        let sql = "SELECT n.project_id, p.amed_id, n.occurred_on, n.kind, n.author, n.author_role, n.body,
                     n.follow_up_on, n.follow_up_done_at, n.follow_up_done_by
                   FROM note n JOIN project p ON p.id = n.project_id
                   WHERE n.project_id IN (SELECT value FROM json_each(?1)) AND n.deleted_at IS NULL
                     AND p.retired_at IS NULL ORDER BY n.occurred_on, n.id";
        let mut n = 0;
        for chunk in ids.chunks(CHUNK) {
            let rows = chunk_rows(&self.conn, chunk, sql, |r| {
                let done_at: Option<String> = r.get(8)?;
                let done_by: Option<String> = r.get(9)?;
                Ok(NoteRecord {
                    amed_id: r.get(1)?,
                    occurred_on: r.get(2)?,
                    kind: coded("kind", &r.get::<_, String>(3)?)?,
                    author: r.get(4)?,
                    author_role: r.get(5)?,
                    body: r.get(6)?,
                    follow_up_on: r.get(7)?,
                    follow_up_done: done_at.zip(done_by),
                })
            })?;
            for row in &rows {
                each(row)?;
                n += 1;
            }
        }
        Ok(n)
    }

    /// Calls `each` for the highway flags of these projects (project order, then creation).
    pub fn export_flags(
        &self,
        ids: &[i64],
        mut each: impl FnMut(&FlagRecord) -> Result<()>,
    ) -> Result<u64> {
        let sql = "SELECT f.project_id, p.amed_id, f.status, g.code, f.reason, f.competitive_advantage,
                     f.competitive_note, f.ip_portfolio, f.ip_note, f.evidence_data, f.evidence_note,
                     f.flagged_by, f.created_at, f.decided_at, f.decision_note
                   FROM highway_flag f JOIN project p ON p.id = f.project_id
                   JOIN program g ON g.id = f.target_program_id
                   WHERE f.project_id IN (SELECT value FROM json_each(?1)) AND p.retired_at IS NULL
                   ORDER BY f.created_at, f.id";
        let mut n = 0;
        for chunk in ids.chunks(CHUNK) {
            let rows = chunk_rows(&self.conn, chunk, sql, |r| {
                let criterion = |s: usize| -> Result<(CriterionStatus, String)> {
                    Ok((coded("criterion", &r.get::<_, String>(s)?)?, r.get(s + 1)?))
                };
                Ok(FlagRecord {
                    amed_id: r.get(1)?,
                    status: coded("status", &r.get::<_, String>(2)?)?,
                    target_program: r.get(3)?,
                    reason: r.get(4)?,
                    criteria: [criterion(5)?, criterion(7)?, criterion(9)?],
                    flagged_by: r.get(11)?,
                    created_at: r.get(12)?,
                    decided_at: r.get(13)?,
                    decision_note: r.get(14)?,
                })
            })?;
            for row in &rows {
                each(row)?;
                n += 1;
            }
        }
        Ok(n)
    }

    /// Calls `each` for the stage-gate decisions of these projects (project order, then date).
    pub fn export_gates(
        &self,
        ids: &[i64],
        mut each: impl FnMut(&GateRecord) -> Result<()>,
    ) -> Result<u64> {
        let sql = "SELECT s.project_id, p.amed_id, s.gate, s.decided_on, s.decision, s.note, s.recorded_by
                   FROM stage_gate s JOIN project p ON p.id = s.project_id
                   WHERE s.project_id IN (SELECT value FROM json_each(?1)) AND p.retired_at IS NULL
                     AND s.deleted_at IS NULL
                   ORDER BY s.decided_on, s.id";
        let mut n = 0;
        for chunk in ids.chunks(CHUNK) {
            let rows = chunk_rows(&self.conn, chunk, sql, |r| {
                Ok(GateRecord {
                    amed_id: r.get(1)?,
                    gate: r.get(2)?,
                    decided_on: r.get(3)?,
                    decision: coded("decision", &r.get::<_, String>(4)?)?,
                    note: r.get(5)?,
                    recorded_by: r.get(6)?,
                })
            })?;
            for row in &rows {
                each(row)?;
                n += 1;
            }
        }
        Ok(n)
    }

    /// Row ids of the projects with these 課題管理番号, in the order given; the ones not found are
    /// returned separately. Duplicates are kept once.
    pub fn project_ids_by_amed_id(&self, amed_ids: &[String]) -> Result<(Vec<i64>, Vec<String>)> {
        let mut found = Vec::new();
        let mut missing = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM project WHERE amed_id = ?1")?;
        for amed_id in amed_ids {
            if !seen.insert(amed_id.as_str()) {
                continue;
            }
            let id: Option<i64> =
                rusqlite::OptionalExtension::optional(stmt.query_row([amed_id], |r| r.get(0)))?;
            match id {
                Some(id) => found.push(id),
                None => missing.push(amed_id.clone()),
            }
        }
        Ok((found, missing))
    }

    /// Records one export in the audit log (action `export`, entity `database`): the kind, the
    /// number of rows and the file written (`-` for standard output). No titles or text.
    pub fn record_export(&mut self, kind: &str, rows: u64, file: &str) -> Result<()> {
        let actor = self.actor.clone();
        let detail = serde_json::json!({"kind": kind, "rows": rows, "file": file});
        self.write(|tx| audit::record(tx, &actor, "export", "database", None, detail))
    }
}
