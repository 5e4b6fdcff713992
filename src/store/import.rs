//! Writing validated imported projects: all rows in one `BEGIN IMMEDIATE` transaction with one
//! audit row, new ones through the same insert path as [`Store::insert_project`], existing ones
//! (upsert) updated only when a field differs.

use super::export::{ProjectRecord, load_projects};
use super::projects::{self, Codes, SearchBatch};
use super::{Store, audit, now_ts};
use crate::model::{Coded, Date, NewProject};
use crate::{Error, Result};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use std::collections::{HashMap, HashSet};

/// What an import does with a 課題管理番号 that is already in the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ImportMode {
    /// Existing ids are errors.
    #[default]
    Insert,
    /// Existing ids are updated when a field differs, left alone otherwise.
    Upsert,
}

impl ImportMode {
    /// `insert` / `upsert`.
    pub fn code(self) -> &'static str {
        match self {
            ImportMode::Insert => "insert",
            ImportMode::Upsert => "upsert",
        }
    }
}

/// What an import did (or, for a dry run, would do).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
}

impl ImportCounts {
    /// The counts `rows` would give against `existing` (as read by
    /// [`Store::projects_by_amed_id`]) under upsert; under insert every row counts as inserted.
    pub fn plan(rows: &[NewProject], existing: &HashMap<String, NewProject>) -> ImportCounts {
        let mut counts = ImportCounts::default();
        for row in rows {
            match existing.get(&row.amed_id) {
                None => counts.inserted += 1,
                Some(old) if same_project(old, row) => counts.unchanged += 1,
                Some(_) => counts.updated += 1,
            }
        }
        counts
    }
}

/// Whether two projects hold the same data (disease areas compared as sets; an empty partner
/// company equals none).
pub fn same_project(a: &NewProject, b: &NewProject) -> bool {
    let areas = |p: &NewProject| {
        let mut v = p.disease_areas.clone();
        v.sort();
        v.dedup();
        v
    };
    let partner = |p: &NewProject| p.partner_company.clone().filter(|c| !c.is_empty());
    let strip = |p: &NewProject| NewProject {
        disease_areas: areas(p),
        partner_company: partner(p),
        ..p.clone()
    };
    strip(a) == strip(b)
}

/// The row ids of those of these 課題管理番号 that are stored, in one statement (one chunk).
fn ids_by_amed_id(conn: &Connection, amed_ids: &[&str]) -> Result<HashMap<String, i64>> {
    let json = serde_json::to_string(amed_ids)
        .map_err(|e| Error::invalid("amed_id", crate::msg::invalid::internal(e)))?;
    let mut stmt = conn.prepare_cached(
        "SELECT amed_id, id FROM project WHERE amed_id IN (SELECT value FROM json_each(?1))",
    )?;
    let rows = stmt.query_map([json], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn existing_id(tx: &Transaction<'_>, amed_id: &str) -> Result<Option<i64>> {
    Ok(tx
        .prepare_cached("SELECT id FROM project WHERE amed_id = ?1")?
        .query_row([amed_id], |r| r.get(0))
        .optional()?)
}

/// Rewrites an existing project's fields, areas and search row; records a phase change dated
/// `today` when the phase moves; bumps `version`.
fn update(
    tx: &Transaction<'_>,
    actor: &str,
    id: i64,
    old: &NewProject,
    p: &NewProject,
    today: Date,
    search: &mut SearchBatch,
) -> Result<()> {
    p.validate()?;
    let now = now_ts();
    let changed = tx
        .prepare_cached(
            "UPDATE project SET title = ?2, summary = ?3, pi_name = ?4, pi_title = ?5, institution = ?6,
               program_id = (SELECT id FROM program WHERE code = ?7),
               integrated_project_id = (SELECT id FROM integrated_project WHERE code = ?8),
               modality = ?9, phase = ?10, start_date = ?11, end_date = ?12, budget_total_kyen = ?13,
               partner_company = ?14, licensing_status = ?15, updated_at = ?16, version = version + 1
             WHERE id = ?1",
        )?
        .execute(params![
            id,
            p.title,
            p.summary,
            p.pi_name,
            p.pi_title,
            p.institution,
            p.program,
            p.integrated_project,
            p.modality.code(),
            p.phase.ord(),
            p.start_date.to_string(),
            p.end_date.map(|d| d.to_string()),
            p.budget_total_kyen,
            p.partner_company,
            p.licensing_status.code(),
            now,
        ])?;
    if changed != 1 {
        return Err(Error::invalid(
            "amed_id",
            crate::msg::invalid::vanished(&p.amed_id),
        ));
    }
    tx.prepare_cached("DELETE FROM project_disease_area WHERE project_id = ?1")?
        .execute([id])?;
    for code in &p.disease_areas {
        let n = tx
            .prepare_cached(
                "INSERT OR IGNORE INTO project_disease_area (project_id, disease_area_id)
                 SELECT ?1, id FROM disease_area WHERE code = ?2",
            )?
            .execute(params![id, code])?;
        if n == 0 {
            let known: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM disease_area WHERE code = ?1)",
                [code],
                |r| r.get(0),
            )?;
            if !known {
                let code = crate::text::sanitize_line(code);
                return Err(Error::invalid(
                    "disease_area",
                    crate::msg::invalid::unknown_code(&code),
                ));
            }
        }
    }
    if old.phase != p.phase {
        tx.prepare_cached(
            "INSERT INTO phase_change (project_id, from_phase, to_phase, changed_on, changed_by, reason, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, 'import', ?6)",
        )?
        .execute(params![id, old.phase.ord(), p.phase.ord(), today.to_string(), actor, now])?;
    }
    search.add_project(id, p);
    Ok(())
}

impl Store {
    /// The projects already stored under these 課題管理番号 (those found), read in chunks of 500;
    /// no transaction stays open.
    pub fn projects_by_amed_id(&self, amed_ids: &[&str]) -> Result<HashMap<String, NewProject>> {
        let mut out = HashMap::new();
        for chunk in amed_ids.chunks(500) {
            let ids: Vec<i64> = ids_by_amed_id(&self.conn, chunk)?.into_values().collect();
            for (_, ProjectRecord { project, .. }) in load_projects(&self.conn, &ids)? {
                out.insert(project.amed_id.clone(), project);
            }
        }
        Ok(out)
    }

    /// Writes validated projects in ONE `BEGIN IMMEDIATE` transaction with ONE audit row
    /// (action `import`, entity `database`, detail: counts, mode and `file`); see
    /// [`Store::import_project_rows`], which this calls with the rows as they are.
    pub fn import_projects(
        &mut self,
        rows: &[NewProject],
        mode: ImportMode,
        today: Date,
        file: &str,
    ) -> Result<ImportCounts> {
        let mut rows = rows.iter().cloned();
        self.import_project_rows(mode, today, file, &mut || Ok(rows.next()), &|_, _| {})
    }

    /// Writes the projects `next` yields, one at a time, in ONE `BEGIN IMMEDIATE` transaction
    /// with ONE audit row (action `import`, entity `database`, detail: counts, mode and `file`).
    /// A new 課題管理番号 is inserted as by [`Store::insert_project`] (phase history starting on its
    /// start date); an existing one (stored before, or written earlier in this import) fails the
    /// whole import under [`ImportMode::Insert`], and under [`ImportMode::Upsert`] is first
    /// completed by `merge(row, stored)` (what the file leaves alone), then updated (version + 1;
    /// a phase change dated `today` when the phase differs) only when a field differs. An error
    /// from `next` or from a write rolls everything back: nothing is written. Memory stays
    /// bounded whatever the number of rows (index rows are written in batches).
    pub fn import_project_rows(
        &mut self,
        mode: ImportMode,
        today: Date,
        file: &str,
        next: &mut dyn FnMut() -> Result<Option<NewProject>>,
        merge: &dyn Fn(&mut NewProject, &NewProject),
    ) -> Result<ImportCounts> {
        // A larger page cache keeps the index pages of a big import in memory, within the import's
        // memory bound (see `IMPORT_CACHE_KIB`).
        self.conn
            .pragma_update(None, "cache_size", -IMPORT_CACHE_KIB)?;
        // SQLite's own memory (page cache, the sorters of the counts' set-wise upkeep at the end)
        // stays under this whatever the file's size: it spills to its temporary files instead.
        self.conn
            .pragma_update(None, "soft_heap_limit", IMPORT_HEAP_LIMIT)?;
        let actor = self.actor.clone();
        // Counts kept set-wise after the rows, not per row (`tally::paused`).
        let result = self.write(|tx| {
            super::tally::paused(tx, || {
                projects::bulk_fts_sized(tx, IMPORT_FTS_HASH_SIZE, || {
                    write_rows(tx, &actor, mode, today, file, next, merge)
                })
            })
        });
        self.conn.pragma_update(None, "cache_size", -2000)?;
        self.conn.pragma_update(None, "soft_heap_limit", 0)?;
        result
    }
}

/// The page cache (KiB) of a connection writing an import: the index pages of the rows written
/// stay in memory, while the whole import stays under 64 MiB.
const IMPORT_CACHE_KIB: i64 = 16 * 1024;

/// SQLite's soft heap limit during an import, in bytes (the rest of 64 MiB is the checking pass's
/// per-row hashes and the rows in flight).
const IMPORT_HEAP_LIMIT: i64 = 32 * 1024 * 1024;

/// FTS5's pending-data size during an import (see `projects::BULK_HASH_SIZE`), kept small enough
/// for the import's memory bound.
const IMPORT_FTS_HASH_SIZE: i64 = 8 * 1024 * 1024;

/// Bytes of folded text an import queues for the search index before writing it.
const IMPORT_SEARCH_BYTES: usize = 4 * 1024 * 1024;

/// New projects an import inserts together: at most this many rows at a time…
const INSERT_ROWS: usize = 500;

/// …and about this many bytes of text (long summaries).
const INSERT_BYTES: usize = 2 * 1024 * 1024;

/// New projects of an import waiting to be inserted together.
#[derive(Default)]
struct NewRows {
    rows: Vec<NewProject>,
    ids: HashSet<String>,
    bytes: usize,
}

impl NewRows {
    /// Queues a new project; true when the batch is full.
    fn add(&mut self, p: NewProject) -> bool {
        self.bytes += p.title.len() + p.summary.len() + 256;
        self.ids.insert(p.amed_id.clone());
        self.rows.push(p);
        self.rows.len() >= INSERT_ROWS || self.bytes >= INSERT_BYTES
    }

    /// Inserts the queued projects and empties the batch.
    fn write(
        &mut self,
        tx: &Transaction<'_>,
        codes: &Codes,
        actor: &str,
        search: &mut SearchBatch,
    ) -> Result<()> {
        projects::insert_many(tx, codes, actor, &self.rows, search)?;
        self.rows.clear();
        self.ids.clear();
        self.bytes = 0;
        Ok(())
    }
}

/// The write loop of an import: every row of `next`, inserted or updated, then the audit row.
fn write_rows(
    tx: &Transaction<'_>,
    actor: &str,
    mode: ImportMode,
    today: Date,
    file: &str,
    next: &mut dyn FnMut() -> Result<Option<NewProject>>,
    merge: &dyn Fn(&mut NewProject, &NewProject),
) -> Result<ImportCounts> {
    let codes = Codes::load(tx)?;
    let mut counts = ImportCounts::default();
    let mut search = SearchBatch::bounded(IMPORT_SEARCH_BYTES);
    let mut rows = 0u64;
    // New projects waiting to be inserted together (`projects::insert_many`), with their ids.
    let mut new = NewRows::default();
    while let Some(mut p) = next()? {
        rows += 1;
        if search.is_full() {
            search.flush(tx)?;
        }
        // A row naming a project still waiting is looked up once that one is written.
        if new.ids.contains(&p.amed_id) {
            new.write(tx, &codes, actor, &mut search)?;
        }
        match existing_id(tx, &p.amed_id)? {
            None => {
                counts.inserted += 1;
                if new.add(p) {
                    new.write(tx, &codes, actor, &mut search)?;
                }
            }
            Some(_) if mode == ImportMode::Insert => {
                return Err(Error::invalid(
                    "amed_id",
                    crate::msg::invalid::already_exists(&crate::text::sanitize_line(&p.amed_id)),
                ));
            }
            Some(id) => {
                let old = load_projects(tx, &[id])?
                    .pop()
                    .map(|(_, r)| r.project)
                    .ok_or_else(|| {
                        Error::invalid("amed_id", crate::msg::invalid::vanished(&p.amed_id))
                    })?;
                merge(&mut p, &old);
                if same_project(&old, &p) {
                    counts.unchanged += 1;
                } else {
                    update(tx, actor, id, &old, &p, today, &mut search)?;
                    counts.updated += 1;
                }
            }
        }
    }
    new.write(tx, &codes, actor, &mut search)?;
    search.flush(tx)?;
    let detail = serde_json::json!({
        "kind": "projects", "mode": mode.code(), "rows": rows, "file": file,
        "inserted": counts.inserted, "updated": counts.updated, "unchanged": counts.unchanged,
    });
    audit::record(tx, actor, "import", "database", None, detail)?;
    Ok(counts)
}
