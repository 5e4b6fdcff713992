//! Writing projects: one at a time (with audit) or many through [`super::BulkLoader`], sharing one
//! insert path that also fills the disease areas, the first phase change and the search index.

use super::rows_insert::{insert_values, text, text_or_null};
use super::{Store, audit, now_ts};
use crate::model::{Coded, Date, NewProject, Phase};
use crate::text::search_fold;
use crate::{Error, Result};
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Transaction, params};
use std::collections::HashMap;

/// Codes of programs, integrated projects and disease areas resolved to row ids.
pub(crate) struct Codes {
    programs: HashMap<String, i64>,
    integrated_projects: HashMap<String, i64>,
    disease_areas: HashMap<String, i64>,
}

impl Codes {
    /// Loads the code → id maps (a few dozen rows).
    pub(crate) fn load(tx: &Transaction<'_>) -> Result<Codes> {
        let map = |sql: &str| -> Result<HashMap<String, i64>> {
            let mut stmt = tx.prepare(sql)?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        Ok(Codes {
            programs: map("SELECT code, id FROM program")?,
            integrated_projects: map("SELECT code, id FROM integrated_project")?,
            disease_areas: map("SELECT code, id FROM disease_area")?,
        })
    }

    /// The row id of the program with this code.
    pub(crate) fn program(&self, code: &str) -> Result<i64> {
        Codes::get(&self.programs, "program", code)
    }

    /// The row id of the integrated project with this code.
    pub(crate) fn integrated_project(&self, code: &str) -> Result<i64> {
        Codes::get(&self.integrated_projects, "integrated_project", code)
    }

    /// The row id of the disease area with this code.
    pub(crate) fn disease_area(&self, code: &str) -> Result<i64> {
        Codes::get(&self.disease_areas, "disease_area", code)
    }

    fn get(map: &HashMap<String, i64>, field: &str, code: &str) -> Result<i64> {
        map.get(code).copied().ok_or_else(|| {
            Error::invalid(
                field,
                crate::msg::invalid::unknown_code(&crate::text::sanitize_line(code)),
            )
        })
    }
}

/// Inserts one project with its disease areas, its phase history and its search-index row.
/// `entered` lists the phases the project went through with the date it entered each, oldest first,
/// ending in its current phase; empty means it entered its current phase on its start date.
/// Fails on a duplicate 課題管理番号 or unknown codes.
pub(crate) fn insert(
    tx: &Transaction<'_>,
    codes: &Codes,
    actor: &str,
    p: &NewProject,
    entered: &[(Phase, Date)],
    search: &mut SearchBatch,
) -> Result<i64> {
    p.validate()?;
    if let Some((last, _)) = entered.last()
        && *last != p.phase
    {
        return Err(Error::invalid(
            "phase",
            crate::msg::invalid::history_not_current_phase(),
        ));
    }
    let program = Codes::get(&codes.programs, "program", &p.program)?;
    let ip = Codes::get(
        &codes.integrated_projects,
        "integrated_project",
        &p.integrated_project,
    )?;
    let now = now_ts();
    // No `RETURNING id`: SQLite implements RETURNING like a trigger, which makes every insert open
    // a statement journal and copy each page it touches there first (a sixth of a large import).
    tx.prepare_cached(
        "INSERT INTO project (amed_id, title, summary, pi_name, pi_title, institution, program_id,
           integrated_project_id, modality, phase, start_date, end_date, budget_total_kyen,
           partner_company, licensing_status, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16)",
    )?
    .execute(params![
        p.amed_id,
        p.title,
        p.summary,
        p.pi_name,
        p.pi_title,
        p.institution,
        program,
        ip,
        p.modality.code(),
        p.phase.ord(),
        p.start_date.to_string(),
        p.end_date.map(|d| d.to_string()),
        p.budget_total_kyen,
        p.partner_company,
        p.licensing_status.code(),
        now,
    ])
    .map_err(|e| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ConstraintViolation) if e.to_string().contains("amed_id") => {
            Error::invalid("amed_id", crate::msg::invalid::already_exists(&p.amed_id))
        }
        _ => Error::Sqlite(e),
    })?;
    let id = tx.last_insert_rowid();
    for code in &p.disease_areas {
        let area = Codes::get(&codes.disease_areas, "disease_area", code)?;
        tx.prepare_cached(
            "INSERT OR IGNORE INTO project_disease_area (project_id, disease_area_id) VALUES (?1, ?2)",
        )?
        .execute(params![id, area])?;
    }
    let first = [(p.phase, p.start_date)];
    let steps = if entered.is_empty() {
        &first[..]
    } else {
        entered
    };
    let mut from: Option<i64> = None;
    for (phase, on) in steps {
        tx.prepare_cached(
            "INSERT INTO phase_change (project_id, from_phase, to_phase, changed_on, changed_by, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![id, from, phase.ord(), on.to_string(), actor, now])?;
        from = Some(phase.ord());
    }
    search.add_project(id, p);
    Ok(id)
}

/// Inserts new projects together, as [`insert`] does one at a time (its checks, disease areas,
/// first phase change, search-index rows), a statement per table (see `rows_insert`): the
/// projects, their disease areas, their phase changes. Per-row inserts cost a statement journal
/// each: the functions in the tables' checks and in the kept counts' triggers make SQLite ready
/// to undo a statement, so every row copied each page it touched (the row's page and a page per
/// index, about fifteen) to the journal first, a third of an import's time; a statement per
/// batch copies each page once. The rows take the next free ids in order, as SQLite would give them one by one.
pub(crate) fn insert_many(
    tx: &Transaction<'_>,
    codes: &Codes,
    actor: &str,
    rows: &[NewProject],
    search: &mut SearchBatch,
) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let first: i64 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM project", [], |r| {
        r.get(0)
    })?;
    let mut seen = std::collections::HashSet::new();
    let now = text(&now_ts());
    let mut projects = Vec::with_capacity(rows.len() * PROJECT_COLUMNS);
    let mut areas = Vec::new();
    let mut phases = Vec::with_capacity(rows.len() * 6);
    for (p, id) in rows.iter().zip(first..) {
        p.validate()?;
        if !seen.insert(p.amed_id.as_str()) {
            return Err(duplicate(&p.amed_id));
        }
        for code in &p.disease_areas {
            areas.extend([
                Value::Integer(id),
                Value::Integer(codes.disease_area(code)?),
            ]);
        }
        let start = text(&p.start_date.to_string());
        phases.extend([
            Value::Integer(id),
            Value::Null,
            Value::Integer(p.phase.ord()),
            start.clone(),
            text(actor),
            now.clone(),
        ]);
        projects.extend([
            Value::Integer(id),
            text(&p.amed_id),
            text(&p.title),
            text(&p.summary),
            text(&p.pi_name),
            text(&p.pi_title),
            text(&p.institution),
            Value::Integer(codes.program(&p.program)?),
            Value::Integer(codes.integrated_project(&p.integrated_project)?),
            text(p.modality.code()),
            Value::Integer(p.phase.ord()),
            start,
            text_or_null(p.end_date.map(|d| d.to_string()).as_deref()),
            p.budget_total_kyen.map_or(Value::Null, Value::Integer),
            text_or_null(p.partner_company.as_deref()),
            text(p.licensing_status.code()),
            now.clone(),
            now.clone(),
        ]);
    }
    let added = insert_values(
        tx,
        "INSERT INTO project (id, amed_id, title, summary, pi_name, pi_title, institution,
           program_id, integrated_project_id, modality, phase, start_date, end_date,
           budget_total_kyen, partner_company, licensing_status, created_at, updated_at)",
        "",
        PROJECT_COLUMNS,
        projects,
    );
    match added {
        Err(Error::Sqlite(e)) => return Err(named_duplicate(tx, rows, e)?),
        other => other?,
    };
    insert_values(
        tx,
        "INSERT OR IGNORE INTO project_disease_area (project_id, disease_area_id)",
        "",
        2,
        areas,
    )?;
    insert_values(
        tx,
        "INSERT INTO phase_change (project_id, from_phase, to_phase, changed_on, changed_by, created_at)",
        "",
        6,
        phases,
    )?;
    for (p, id) in rows.iter().zip(first..) {
        search.add_project(id, p);
    }
    Ok(())
}

/// Values per row of `insert_many`'s project statement.
const PROJECT_COLUMNS: usize = 18;

/// A batch insert's failure in words: a 課題管理番号 already stored is named; any other failure
/// stays SQLite's.
fn named_duplicate(tx: &Transaction<'_>, rows: &[NewProject], e: rusqlite::Error) -> Result<Error> {
    let taken = e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation)
        && e.to_string().contains("amed_id");
    if taken {
        let mut stored =
            tx.prepare_cached("SELECT EXISTS (SELECT 1 FROM project WHERE amed_id = ?1)")?;
        for p in rows {
            if stored.query_row([&p.amed_id], |r| r.get(0))? {
                return Ok(duplicate(&p.amed_id));
            }
        }
    }
    Ok(Error::Sqlite(e))
}

/// A 課題管理番号 that is already taken.
fn duplicate(amed_id: &str) -> Error {
    Error::invalid(
        "amed_id",
        crate::msg::invalid::already_exists(&crate::text::sanitize_line(amed_id)),
    )
}

/// Search-index rows (project_fts, project_short, note_fts) waiting to be written together.
/// FTS5 flushes its pending data to disk whenever another statement in the transaction opens a
/// statement journal (any insert with constraints does), so writing the index row by row between
/// other inserts cost a flush and a merge per row: bulk paths queue the rows and write them in a
/// run (an import of 100,000 projects spent about a third of its time there).
pub(crate) struct SearchBatch {
    projects: Vec<(i64, [String; 5], String)>,
    notes: Vec<(i64, String)>,
    /// Bytes of text queued (long summaries fill a batch before its row count does).
    bytes: usize,
    /// Bytes of text queued before the batch is full.
    max_bytes: usize,
}

impl Default for SearchBatch {
    fn default() -> SearchBatch {
        SearchBatch::bounded(usize::MAX)
    }
}

/// Rows queued before a bulk path writes them (bounds the memory of a big load).
const SEARCH_BATCH: usize = 20_000;

/// The full-text tables whose settings a bulk load changes.
const FTS_TABLES: [&str; 2] = ["project_fts", "note_fts"];

/// FTS5's `hashsize` during a bulk load: new index data it keeps in memory before writing a
/// segment. The default (1 MiB) wrote a run of 20,000 projects as dozens of small segments, each
/// merged again later; at 64 MiB a run becomes one segment.
const BULK_HASH_SIZE: i64 = 64 * 1024 * 1024;

/// FTS5's default `hashsize`, restored when a table had none set.
const DEFAULT_HASH_SIZE: i64 = 1024 * 1024;

/// Runs `load` with the full-text tables set up for many inserts (see [`BULK_HASH_SIZE`]), then
/// puts their settings back, all inside `tx`: a rolled-back load leaves the settings unchanged.
pub(crate) fn bulk_fts<T>(tx: &Transaction<'_>, load: impl FnOnce() -> Result<T>) -> Result<T> {
    bulk_fts_sized(tx, BULK_HASH_SIZE, load)
}

/// [`bulk_fts`] with FTS5's `hashsize` set to `hash_size` (a smaller one bounds memory).
pub(crate) fn bulk_fts_sized<T>(
    tx: &Transaction<'_>,
    hash_size: i64,
    load: impl FnOnce() -> Result<T>,
) -> Result<T> {
    let set = |table: &str, size: i64| -> Result<()> {
        tx.execute(
            &format!("INSERT INTO {table} ({table}, rank) VALUES ('hashsize', ?1)"),
            [size],
        )?;
        Ok(())
    };
    let mut before = Vec::new();
    for table in FTS_TABLES {
        let size: Option<i64> = tx
            .query_row(
                &format!("SELECT v FROM {table}_config WHERE k = 'hashsize'"),
                [],
                |r| r.get(0),
            )
            .optional()?;
        before.push(size.unwrap_or(DEFAULT_HASH_SIZE));
        set(table, hash_size)?;
    }
    let value = load()?;
    for (table, size) in FTS_TABLES.iter().zip(before) {
        set(table, size)?;
    }
    Ok(value)
}

impl SearchBatch {
    /// A batch that is also full once it holds `max_bytes` of text (bounds memory when rows are
    /// long).
    pub(crate) fn bounded(max_bytes: usize) -> SearchBatch {
        SearchBatch {
            projects: Vec::new(),
            notes: Vec::new(),
            bytes: 0,
            max_bytes,
        }
    }

    /// Queues the project's index rows (folded text; see `text::search_fold`).
    pub(crate) fn add_project(&mut self, id: i64, p: &NewProject) {
        let fts =
            [&p.amed_id, &p.title, &p.summary, &p.pi_name, &p.institution].map(|s| search_fold(s));
        let short = [&fts[0], &fts[1], &fts[3], &fts[4]]
            .map(|s| s.as_str())
            .join("\u{1f}");
        self.bytes += fts.iter().map(String::len).sum::<usize>() + short.len();
        self.projects.push((id, fts, short));
    }

    /// Queues a note's index row.
    pub(crate) fn add_note(&mut self, id: i64, body: &str) {
        let body = search_fold(body);
        self.bytes += body.len();
        self.notes.push((id, body));
    }

    /// Whether enough rows wait for a write.
    pub(crate) fn is_full(&self) -> bool {
        self.projects.len() + self.notes.len() >= SEARCH_BATCH || self.bytes >= self.max_bytes
    }

    /// Writes every queued row, the FTS rows in one run, then the short-word rows.
    pub(crate) fn flush(&mut self, tx: &Transaction<'_>) -> Result<()> {
        {
            // A statement per row here, in one run: a multi-row statement opens a statement
            // journal, which makes FTS5 write its pending rows out as a segment each time (an
            // import of 100,000 projects took 9.5-9.7 s that way against 8.8 s).
            let mut stmt = tx.prepare_cached(
                "INSERT OR REPLACE INTO project_fts (rowid, amed_id, title, summary, pi_name, institution)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for (id, f, _) in &self.projects {
                stmt.execute(params![id, f[0], f[1], f[2], f[3], f[4]])?;
            }
            let mut stmt =
                tx.prepare_cached("INSERT OR REPLACE INTO note_fts (rowid, body) VALUES (?1, ?2)")?;
            for (id, body) in &self.notes {
                stmt.execute(params![id, body])?;
            }
        }
        // The short-word rows in one statement: a statement per row cost a statement journal per
        // row (its foreign key and `OR REPLACE` may fail halfway), each copying the pages it
        // touched first.
        if !self.projects.is_empty() {
            let rows = self
                .projects
                .iter()
                .flat_map(|(id, _, short)| [Value::Integer(*id), text(short)])
                .collect();
            insert_values(
                tx,
                "INSERT OR REPLACE INTO project_short (id, text)",
                "",
                2,
                rows,
            )?;
        }
        self.projects.clear();
        self.notes.clear();
        self.bytes = 0;
        Ok(())
    }
}

impl Store {
    /// Inserts one project (see [`NewProject`]) with its audit row, in one transaction. Fails
    /// without writing anything on invalid fields, unknown codes or an existing 課題管理番号.
    pub fn insert_project(&mut self, p: &NewProject) -> Result<i64> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let codes = Codes::load(tx)?;
            let mut search = SearchBatch::default();
            let id = insert(tx, &codes, &actor, p, &[], &mut search)?;
            search.flush(tx)?;
            audit::record(
                tx,
                &actor,
                "project.create",
                "project",
                Some(id),
                serde_json::json!({}),
            )?;
            Ok(id)
        })
    }

    /// The row id of the project with this 課題管理番号, or `NotFound`. A retired project is
    /// refused with when and why it was retired and how to restore it (see
    /// [`Store::project_id_any`] for commands that work on retired projects too).
    pub fn project_id(&self, amed_id: &str) -> Result<i64> {
        let id = self.project_id_any(amed_id)?;
        match self.project_retired(id)? {
            Some((at, reason)) => Err(super::project_edit::retired_error(amed_id, &at, &reason)),
            None => Ok(id),
        }
    }

    /// The row id of the project with this 課題管理番号, retired or not, or `NotFound`.
    pub fn project_id_any(&self, amed_id: &str) -> Result<i64> {
        self.conn
            .query_row(
                "SELECT id FROM project WHERE amed_id = ?1",
                [amed_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| Error::NotFound {
                what: "project",
                key: crate::text::sanitize_line(amed_id).into_owned(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(amed_id: &str) -> NewProject {
        crate::model::sample_project(amed_id)
    }

    /// A new database holding one project, `JP24aa0000001` (the directory must outlive the store).
    fn store_with_one() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let options = super::super::OpenOptions { create: true };
        let mut store = Store::open(&dir.path().join("s.db"), options).unwrap();
        store.insert_project(&project("JP24aa0000001")).unwrap();
        (dir, store)
    }

    /// Writes `amed_ids` as one batch through `insert_many`; its error.
    fn batch_error(store: &mut Store, amed_ids: [&str; 2]) -> Error {
        store
            .write(|tx| {
                let codes = Codes::load(tx)?;
                let rows = amed_ids.map(project);
                insert_many(tx, &codes, "test", &rows, &mut SearchBatch::default())
            })
            .unwrap_err()
    }

    /// A batch naming a stored 課題管理番号 fails with the field and the number, not with SQLite's
    /// own words (the import checks first; this holds for any other caller).
    #[test]
    fn a_stored_number_in_a_batch_is_named() {
        let (_dir, mut store) = store_with_one();
        match batch_error(&mut store, ["JP24aa0000002", "JP24aa0000001"]) {
            Error::Invalid { field, reason } => {
                assert_eq!(field, "amed_id");
                let named = crate::msg::invalid::already_exists("JP24aa0000001");
                assert_eq!(reason.to_string(), named.to_string());
            }
            other => panic!("expected the number named, got {other:?}"),
        }
        let n: i64 = store
            .conn
            .query_row("SELECT count(*) FROM project", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1, "nothing of the batch is written");
    }

    /// Any other failure of a batch stays SQLite's own, even when the batch also holds a stored
    /// number: the error never blames a 課題管理番号 for what it did not cause.
    #[test]
    fn another_failure_is_not_blamed_on_a_stored_number() {
        let (_dir, mut store) = store_with_one();
        // A refusal of SQLite's own kind (a constraint) on the batch's first row.
        store
            .conn
            .execute_batch(
                "CREATE TEMP TRIGGER refuse BEFORE INSERT ON project
                 WHEN NEW.amed_id = 'JP24aa0000009' BEGIN SELECT RAISE(ABORT, 'refused'); END",
            )
            .unwrap();
        let err = batch_error(&mut store, ["JP24aa0000009", "JP24aa0000001"]);
        assert!(
            matches!(&err, Error::Sqlite(e) if e.to_string().contains("refused")),
            "{err:?}"
        );
    }
}
