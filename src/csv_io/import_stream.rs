//! Import of projects in bounded memory, in two passes over the file. The first reads it record
//! by record, checks every row (and, 500 rows at a time, against the database), and keeps only
//! what the checks across rows need: a hash and a line per 課題管理番号 (16 bytes a row), from
//! which duplicates are found — confirmed on the ids themselves by re-reading just the lines
//! whose hashes meet. Only a file without problems is read a second time, and its rows written
//! as they are read, in one transaction: all or nothing.

use super::Problem;
use super::columns::{self, Field};
use super::import::{
    DataRows, Format, ImportOptions, ImportReport, accept_header, file_problem, open_records,
    stop_problem,
};
use super::kaken::{KakenDefaults, kaken_project};
use super::labels::Labels;
use super::merge::{keep_absent_columns, keep_officer_fields};
use super::read::{Record, Records};
use super::validate::{Header, Row, amed_project, header};
use crate::model::NewProject;
use crate::store::{ImportCounts, ImportMode, Store, same_project};
use crate::text::sanitize_line;
use crate::{Error, Result};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Read;
use std::path::Path;

/// Rows checked against the database together.
const CHUNK_ROWS: usize = 500;

/// Bytes of row text checked against the database together (long summaries).
const CHUNK_BYTES: usize = 4 * 1024 * 1024;

/// An opened file of projects, past its header.
struct Opened {
    records: Records<Box<dyn Read>>,
    header: Header,
    kaken: Option<KakenDefaults>,
}

/// Opens `path` and reads its header (problems in `report`; `None` when refused).
fn open(
    path: &Path,
    options: &ImportOptions,
    labels: &Labels,
    report: &mut ImportReport,
) -> Result<Option<Opened>> {
    let cap = options.max_problems;
    let Some(mut records) = open_records(path, options, report)? else {
        return Ok(None);
    };
    let kaken = match options.format {
        Format::Kaken => match options.kaken.resolve(labels) {
            Ok(d) => Some(d),
            Err(m) => {
                report.push(file_problem(None, m), cap);
                return Ok(None);
            }
        },
        Format::Amed => None,
    };
    let head = match records.next_record() {
        Ok(Some(head)) => head,
        Ok(None) => {
            report.push(file_problem(None, crate::msg::csv::empty_file()), cap);
            return Ok(None);
        }
        Err(stop) => {
            report.push_stop(stop_problem(stop));
            return Ok(None);
        }
    };
    let table = match kaken {
        Some(_) => columns::KAKEN,
        None => columns::PROJECTS,
    };
    let allow_extra = options.allow_extra_columns || kaken.is_some();
    let parsed = header(&head.fields, table, allow_extra, head.line);
    Ok(accept_header(parsed, report, cap).map(|header| Opened {
        records,
        header,
        kaken,
    }))
}

/// Whether a column's cells may hold line breaks.
type MultilineOk<'a> = Box<dyn Fn(usize) -> bool + 'a>;

/// The rows of an opened file, each checked and turned into a project as it is read.
struct RowReader<'a> {
    data: DataRows<'a, Box<dyn Read>, MultilineOk<'a>>,
    header: &'a Header,
    kaken: Option<&'a KakenDefaults>,
    labels: &'a Labels,
}

/// One row read: where it starts, its cells, its project (`None` when it has problems) and its
/// problems.
struct CheckedRow {
    record: Record,
    project: Option<NewProject>,
    problems: Vec<Problem>,
}

impl<'a> RowReader<'a> {
    fn new(
        records: Records<Box<dyn Read>>,
        header: &'a Header,
        kaken: Option<&'a KakenDefaults>,
        labels: &'a Labels,
    ) -> RowReader<'a> {
        let multiline_ok = move |i: usize| {
            header
                .columns
                .get(i)
                .copied()
                .flatten()
                .is_some_and(|c| c.field == Field::Summary)
        };
        RowReader {
            data: DataRows {
                records,
                names: &header.names,
                multiline_ok: Box::new(multiline_ok),
                empty_rows: 0,
            },
            header,
            kaken,
            labels,
        }
    }

    /// The next row with as many cells as the header (problems of the file's shape go to
    /// `report`, none kept there beyond the one that ended the reading).
    fn next(
        &mut self,
        report: &mut ImportReport,
        progress: &mut dyn FnMut(u64),
    ) -> Option<CheckedRow> {
        let record = self.data.next_row(report, usize::MAX, progress)?;
        let mut row = Row::new(record.line, self.header, &record.fields);
        let project = match self.kaken {
            Some(d) => kaken_project(&mut row, d),
            None => amed_project(&mut row, self.labels),
        };
        let problems = row.problems;
        Some(CheckedRow {
            record,
            project,
            problems,
        })
    }
}

/// Problems kept in bounded memory: the first `cap` by line (in the order found within a line),
/// the rest counted.
struct Kept {
    problems: Vec<Problem>,
    more: u64,
    cap: usize,
}

impl Kept {
    fn add(&mut self, p: Problem) {
        self.problems.push(p);
        if self.problems.len() >= 2 * self.cap.max(1) {
            self.trim();
        }
    }

    fn trim(&mut self) {
        self.problems.sort_by_key(|p| p.line.unwrap_or(0));
        let cap = self.cap.min(self.problems.len());
        self.more += self.problems.drain(cap..).count() as u64;
    }
}

/// The hash under which a 課題管理番号 is remembered.
fn id_hash(id: &str) -> u64 {
    let mut h = DefaultHasher::new();
    id.hash(&mut h);
    h.finish()
}

/// What the first pass found, beyond the report.
struct Checked {
    counts: ImportCounts,
    /// Valid rows and the sum of their ids' hashes: the second pass must read the same.
    rows: u64,
    id_sum: u64,
}

/// Checks `path` and, unless `options.dry_run` or a problem was found, imports its rows in one
/// transaction. I/O failures are errors; everything wrong with the file's content is in the
/// report. `progress` is called with the running row count every 1,000 rows of the check.
pub fn import_projects(
    store: &mut Store,
    path: &Path,
    options: &ImportOptions,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportReport> {
    let mut report = ImportReport::default();
    let labels = Labels::new(&store.reference()?);
    let Some(checked) = check(store, path, options, &labels, &mut report, progress)? else {
        return Ok(report);
    };
    report.counts = Some(match options.dry_run {
        true => checked.counts,
        false => write(store, path, options, &labels, &checked)?,
    });
    Ok(report)
}

/// The first pass: every check, nothing written. `None` when the file is refused (problems in
/// `report`) or holds no data rows (a note, zero counts).
fn check(
    store: &Store,
    path: &Path,
    options: &ImportOptions,
    labels: &Labels,
    report: &mut ImportReport,
    progress: &mut dyn FnMut(u64),
) -> Result<Option<Checked>> {
    let Some(opened) = open(path, options, labels, report)? else {
        return Ok(None);
    };
    let header = &opened.header;
    let kaken = opened.kaken.is_some();
    let key = key_column(header);
    let highway = header
        .columns
        .iter()
        .position(|c| c.is_some_and(|c| c.field == Field::Highway));
    let mut kept = Kept {
        problems: std::mem::take(&mut report.problems),
        more: 0,
        cap: options.max_problems,
    };
    let mut highway_values = 0u64;
    // 16 bytes a valid row: 1,000,000 rows keep 16 MB.
    let mut ids: Vec<(u64, u64)> = Vec::new();
    let mut chunk: Vec<(u64, NewProject)> = Vec::new();
    let mut chunk_bytes = 0usize;
    let mut counts = ImportCounts::default();
    let mut id_sum = 0u64;
    let mut reader = RowReader::new(opened.records, header, opened.kaken.as_ref(), labels);
    let mut stop = None;
    while let Some(row) = reader.next(report, progress) {
        if highway.is_some_and(|i| !row.record.fields[i].trim().is_empty()) {
            highway_values += 1;
        }
        // Problems of the file's shape the reader found before this row.
        for p in report.problems.drain(..) {
            kept.add(p);
        }
        for p in row.problems {
            kept.add(p);
        }
        let Some(project) = row.project else {
            continue;
        };
        let hash = id_hash(&project.amed_id);
        id_sum = id_sum.wrapping_add(hash);
        ids.push((hash, row.record.line));
        chunk_bytes += project.title.len() + project.summary.len() + 256;
        chunk.push((row.record.line, project));
        if chunk.len() >= CHUNK_ROWS || chunk_bytes >= CHUNK_BYTES {
            against_database(
                store,
                options,
                labels,
                header,
                kaken,
                &mut chunk,
                &mut kept,
                &mut counts,
            )?;
            chunk_bytes = 0;
        }
    }
    if report.stopped {
        stop = report.problems.pop();
    }
    for p in report.problems.drain(..) {
        kept.add(p);
    }
    reader.data.note_skipped(report);
    against_database(
        store,
        options,
        labels,
        header,
        kaken,
        &mut chunk,
        &mut kept,
        &mut counts,
    )?;
    if highway_values > 0 {
        report
            .notes
            .push(crate::msg::csv::highway_not_imported(highway_values));
    }
    let duplicates = duplicate_lines(&mut ids);
    drop(ids);
    if !duplicates.is_empty() {
        for p in confirm_duplicates(path, options, labels, &duplicates, &key)? {
            kept.add(p);
        }
    }
    kept.trim();
    report.problems = kept.problems;
    report.more_problems += kept.more;
    report.problems.extend(stop);
    if report.problem_count() > 0 {
        return Ok(None);
    }
    if report.rows == 0 {
        report.notes.push(crate::msg::csv::no_data_rows());
        report.counts = Some(ImportCounts::default());
        return Ok(None);
    }
    Ok(Some(Checked {
        counts,
        rows: report.rows,
        id_sum,
    }))
}

/// Checks a chunk of valid rows against the database (retired programs; ids already stored:
/// refused under insert, completed by what the file leaves alone under upsert) and counts what
/// the rows would do; empties the chunk.
#[allow(clippy::too_many_arguments)]
fn against_database(
    store: &Store,
    options: &ImportOptions,
    labels: &Labels,
    header: &Header,
    kaken: bool,
    chunk: &mut Vec<(u64, NewProject)>,
    kept: &mut Kept,
    counts: &mut ImportCounts,
) -> Result<()> {
    if chunk.is_empty() {
        return Ok(());
    }
    let ids: Vec<&str> = chunk.iter().map(|(_, p)| p.amed_id.as_str()).collect();
    let existing = store.projects_by_amed_id(&ids)?;
    for (line, p) in chunk.iter_mut() {
        let old = existing.get(&p.amed_id);
        let stays = old.is_some_and(|old| old.program == p.program);
        if let Some(problem) = retired_program(labels, p, stays) {
            kept.add(Problem::at(*line, &program_column(header), problem));
        }
        match old {
            None => counts.inserted += 1,
            Some(_) if options.mode == ImportMode::Insert => {
                let id = sanitize_line(&p.amed_id);
                kept.add(Problem {
                    line: Some(*line),
                    column: Some(key_column(header)),
                    message: crate::msg::csv::already_in_database(&id),
                });
            }
            Some(old) => {
                merge(p, old, header, kaken);
                if same_project(old, p) {
                    counts.unchanged += 1;
                } else {
                    counts.updated += 1;
                }
            }
        }
    }
    chunk.clear();
    Ok(())
}

/// Under upsert, what a row leaves alone keeps its stored value.
fn merge(p: &mut NewProject, old: &NewProject, header: &Header, kaken: bool) {
    if kaken {
        keep_officer_fields(p, old);
    } else {
        keep_absent_columns(p, old, header);
    }
}

/// The lines whose ids' hashes meet another's (sorted): duplicates, or (rarely) hash collisions.
fn duplicate_lines(ids: &mut [(u64, u64)]) -> Vec<u64> {
    ids.sort_unstable();
    let mut lines = Vec::new();
    for run in ids.chunk_by(|a, b| a.0 == b.0).filter(|r| r.len() > 1) {
        lines.extend(run.iter().map(|(_, line)| *line));
    }
    lines.sort_unstable();
    lines
}

/// Re-reads the rows on `lines` and reports each whose 課題管理番号 an earlier row has.
fn confirm_duplicates(
    path: &Path,
    options: &ImportOptions,
    labels: &Labels,
    lines: &[u64],
    key: &str,
) -> Result<Vec<Problem>> {
    let mut scratch = ImportReport::default();
    let Some(opened) = open(path, options, labels, &mut scratch)? else {
        return Err(changed(path));
    };
    let mut reader = RowReader::new(
        opened.records,
        &opened.header,
        opened.kaken.as_ref(),
        labels,
    );
    let mut first: HashMap<String, u64> = HashMap::new();
    let mut problems = Vec::new();
    while let Some(row) = reader.next(&mut scratch, &mut |_| {}) {
        scratch.problems.clear();
        let line = row.record.line;
        let Some(p) = row.project.filter(|_| lines.binary_search(&line).is_ok()) else {
            continue;
        };
        match first.get(&p.amed_id) {
            Some(at) => problems.push(Problem {
                line: Some(line),
                column: Some(key.to_string()),
                message: crate::msg::csv::duplicate_id(&sanitize_line(&p.amed_id), *at, line),
            }),
            None => {
                first.insert(p.amed_id, line);
            }
        }
    }
    Ok(problems)
}

/// The file no longer reads as it did when it was checked.
fn changed(path: &Path) -> Error {
    Error::invalid(
        "import file",
        crate::msg::invalid::file_changed_during_import(path),
    )
}

/// The second pass: re-reads the checked file and writes its rows as they come, in one
/// transaction. A row that no longer reads as checked (the file changed) rolls it all back.
fn write(
    store: &mut Store,
    path: &Path,
    options: &ImportOptions,
    labels: &Labels,
    checked: &Checked,
) -> Result<ImportCounts> {
    let mut scratch = ImportReport::default();
    let Some(opened) = open(path, options, labels, &mut scratch)? else {
        return Err(changed(path));
    };
    let kaken = opened.kaken.is_some();
    let header = &opened.header;
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut reader = RowReader::new(opened.records, header, opened.kaken.as_ref(), labels);
    let mut rows = 0u64;
    let mut id_sum = 0u64;
    let mut next = || -> Result<Option<NewProject>> {
        let row = reader.next(&mut scratch, &mut |_| {});
        if !scratch.problems.is_empty() {
            return Err(changed(path));
        }
        match row {
            Some(CheckedRow {
                project: Some(p),
                problems,
                ..
            }) if problems.is_empty() => {
                rows += 1;
                id_sum = id_sum.wrapping_add(id_hash(&p.amed_id));
                Ok(Some(p))
            }
            None if (rows, id_sum) == (checked.rows, checked.id_sum) => Ok(None),
            _ => Err(changed(path)),
        }
    };
    store.import_project_rows(
        options.mode,
        options.today,
        &absolute.display().to_string(),
        &mut next,
        &|p, old| merge(p, old, header, kaken),
    )
}

/// A project row that would put a new project (or move one) into a retired program: refused, with
/// how to restore the program. A project already in that program may be updated.
fn retired_program(labels: &Labels, p: &NewProject, stays: bool) -> Option<crate::msg::Msg> {
    let day = labels.program_retired(&p.program).filter(|_| !stays)?;
    let name = sanitize_line(labels.program_label(&p.program));
    Some(crate::msg::csv::program_retired(&name, day, &p.program))
}

/// The 事業名 column's header as written in the file (KAKEN files name it with `--program`).
fn program_column(header: &Header) -> String {
    header
        .columns
        .iter()
        .position(|c| c.is_some_and(|c| c.field == Field::Program))
        .map_or_else(|| "--program".into(), |i| header.names[i].clone())
}

/// The 課題管理番号 column's header as written in the file.
fn key_column(header: &Header) -> String {
    header
        .columns
        .iter()
        .position(|c| c.is_some_and(|c| matches!(c.field, Field::AmedId | Field::KakenNumber)))
        .map_or_else(|| "課題管理番号".into(), |i| header.names[i].clone())
}
