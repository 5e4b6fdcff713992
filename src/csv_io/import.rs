//! What every CSV import shares: its options and report, opening a file (encoding, header) and
//! reading its data rows one at a time. Projects are imported by `import_stream.rs`: check the
//! whole file first (encoding, header, every row, ids within the file and against the database),
//! then write every row in one transaction — or nothing, with a report of every problem by line
//! and column.

use super::Problem;
use super::encoding::{self, Encoding, ShiftJisReader};
use super::kaken::KakenOptions;
use super::read::{Record, Records, Stop, run_away_field};
use super::validate::Header;
use crate::model::Date;
use crate::store::{ImportCounts, ImportMode};
use crate::text::sanitize_line;
use crate::{Error, Result};
use std::io::{BufReader, Read};
use std::path::Path;

/// The shape of an imported file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// The columns export writes (AMED project list; Japanese or English headers).
    #[default]
    Amed,
    /// A KAKEN (科研費) CSV export.
    Kaken,
}

/// How to import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub mode: ImportMode,
    pub encoding: Encoding,
    pub format: Format,
    /// Ignore unknown columns instead of refusing the file.
    pub allow_extra_columns: bool,
    /// Check everything, write nothing.
    pub dry_run: bool,
    pub kaken: KakenOptions,
    /// The date of phase changes an upsert records.
    pub today: Date,
    /// Problems listed before "… and N more".
    pub max_problems: usize,
}

impl ImportOptions {
    pub fn new(today: Date) -> ImportOptions {
        ImportOptions {
            mode: ImportMode::Insert,
            encoding: Encoding::Utf8,
            format: Format::Amed,
            allow_extra_columns: false,
            dry_run: false,
            kaken: KakenOptions::default(),
            today,
            max_problems: 100,
        }
    }
}

/// What an import found and did (`C`: the counts of what was written).
#[derive(Debug, Clone, Default)]
pub struct ImportReport<C = ImportCounts> {
    /// Data rows read (empty rows not counted).
    pub rows: u64,
    /// The first problems (at most `max_problems`).
    pub problems: Vec<Problem>,
    /// Problems beyond those listed.
    pub more_problems: u64,
    /// What was written (or, in a dry run, would be); `None` when the file was refused.
    pub counts: Option<C>,
    /// Remarks that do not stop the import (ignored columns, skipped empty rows).
    pub notes: Vec<crate::msg::Msg>,
    /// Whether the last of `problems` is the one that ended the reading (kept even past the
    /// cap, and listed after "… and N more": what was not checked must never be hidden).
    pub stopped: bool,
}

impl<C> ImportReport<C> {
    /// Whether the file was accepted.
    pub fn is_ok(&self) -> bool {
        self.counts.is_some()
    }

    /// The problems as `file:line: column: message` lines (sanitised), with the "… and N more"
    /// line; the problem that ended the reading, if any, comes last.
    pub fn problem_lines(&self, file: &str, lang: crate::Lang) -> Vec<String> {
        let (listed, stop) = match self.problems.split_last() {
            Some((stop, listed)) if self.stopped => (listed, Some(stop)),
            _ => (&self.problems[..], None),
        };
        let mut lines: Vec<String> = listed.iter().map(|p| p.render(file, lang)).collect();
        if self.more_problems > 0 {
            let more = crate::msg::csv::and_more(self.more_problems);
            lines.push(more.get(lang).to_string());
        }
        lines.extend(stop.map(|p| p.render(file, lang)));
        lines
    }

    /// Records the problem that ended the reading: always listed, whatever came before.
    pub(super) fn push_stop(&mut self, problem: Problem) {
        self.problems.push(problem);
        self.stopped = true;
    }

    pub(super) fn push(&mut self, problem: Problem, cap: usize) {
        if self.problems.len() < cap {
            self.problems.push(problem);
        } else {
            self.more_problems += 1;
        }
    }

    pub(super) fn problem_count(&self) -> u64 {
        self.problems.len() as u64 + self.more_problems
    }
}

fn open(path: &Path) -> Result<std::fs::File> {
    std::fs::File::open(path).map_err(|e| Error::io(path, e))
}

pub(super) fn file_problem(line: Option<u64>, message: crate::msg::Msg) -> Problem {
    Problem {
        line,
        column: None,
        message,
    }
}

/// The records of `path` after the checks of the whole file: not empty, UTF-8 (a Shift_JIS file
/// is named as such), no byte-order mark with `--encoding shift_jis`. `None` (with the problem in
/// `report`) when the file cannot be read as CSV at all.
pub(super) fn open_records<C>(
    path: &Path,
    options: &ImportOptions,
    report: &mut ImportReport<C>,
) -> Result<Option<Records<Box<dyn Read>>>> {
    let cap = options.max_problems;
    let scan = encoding::scan(
        BufReader::new(open(path)?),
        options.encoding == Encoding::Utf8,
    )
    .map_err(|e| Error::io(path, e))?;
    if scan.bytes == 0 {
        report.push(file_problem(None, crate::msg::csv::empty_file()), cap);
        return Ok(None);
    }
    if let Some((line, byte, sjis)) = scan.not_utf8 {
        report.push(
            file_problem(Some(line), crate::msg::csv::not_utf8(byte, sjis)),
            cap,
        );
        return Ok(None);
    }
    if scan.bom && options.encoding == Encoding::ShiftJis {
        report.push(
            file_problem(Some(1), crate::msg::csv::bom_with_shift_jis()),
            cap,
        );
        return Ok(None);
    }
    let mut file = BufReader::new(open(path)?);
    if scan.bom {
        file.read_exact(&mut [0u8; 3])
            .map_err(|e| Error::io(path, e))?;
    }
    let input: Box<dyn Read> = match options.encoding {
        Encoding::Utf8 => Box::new(file),
        Encoding::ShiftJis => Box::new(ShiftJisReader::new(file)),
    };
    Ok(Some(Records::new(input)))
}

/// The records of an opened import file.
type OpenRecords = Records<Box<dyn Read>>;

/// Reads the header of `path` against `table`; `None` (problems in the report) when the file or
/// its header is refused.
pub(super) fn open_with_header<C>(
    path: &Path,
    table: &'static [super::columns::Column],
    options: &ImportOptions,
    report: &mut ImportReport<C>,
) -> Result<Option<(OpenRecords, Header)>> {
    let cap = options.max_problems;
    let Some(mut records) = open_records(path, options, report)? else {
        return Ok(None);
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
    let parsed =
        super::validate::header(&head.fields, table, options.allow_extra_columns, head.line);
    Ok(accept_header(parsed, report, cap).map(|h| (records, h)))
}

/// Why reading stopped, as a problem on its line.
/// A file's header as read: ignored columns noted, problems reported; `None` when the header is
/// refused (nothing else is read then).
pub(super) fn accept_header<C>(
    (header, problems): (Header, Vec<Problem>),
    report: &mut ImportReport<C>,
    cap: usize,
) -> Option<Header> {
    if !header.ignored.is_empty() {
        report
            .notes
            .push(crate::msg::csv::ignored_columns(&header.ignored.join(", ")));
    }
    let refused = !problems.is_empty();
    for p in problems {
        report.push(p, cap);
    }
    (!refused).then_some(header)
}

/// The data rows of an import, one at a time, as every CSV import reads them: empty rows are
/// skipped (and counted for a note), rows are counted with `progress` every 1,000, a quote that
/// never closes or an unreadable byte ends the reading with its problem, and a row with the wrong
/// number of fields is reported and passed over.
pub(super) struct DataRows<'h, R, M> {
    pub records: Records<R>,
    /// Columns of the header, and their names for problems.
    pub names: &'h [String],
    /// Columns whose cells may hold line breaks (a quote running on there is not a run-away).
    pub multiline_ok: M,
    pub empty_rows: u64,
}

impl<R: std::io::Read, M: Fn(usize) -> bool> DataRows<'_, R, M> {
    /// The next data row with as many fields as the header, or `None` at the end.
    pub(super) fn next_row<C>(
        &mut self,
        report: &mut ImportReport<C>,
        cap: usize,
        progress: &mut dyn FnMut(u64),
    ) -> Option<Record> {
        let columns = self.names.len();
        loop {
            let record = match self.records.next_record() {
                Ok(Some(r)) => r,
                Ok(None) => return None,
                Err(stop) => {
                    report.push_stop(stop_problem(stop));
                    return None;
                }
            };
            if record.fields.iter().all(|f| f.trim().is_empty()) {
                self.empty_rows += 1;
                continue;
            }
            report.rows += 1;
            if report.rows % 1000 == 0 {
                progress(report.rows);
            }
            if let Some((i, line)) = run_away_field(&record, columns, &self.multiline_ok) {
                let column = self.names.get(i).cloned();
                report.push_stop(Problem {
                    line: Some(line),
                    column,
                    message: crate::msg::csv::quote_runs_on(),
                });
                return None;
            }
            if record.fields.len() != columns {
                let message = crate::msg::csv::field_count(record.fields.len(), columns);
                report.push(file_problem(Some(record.line), message), cap);
                continue;
            }
            return Some(record);
        }
    }

    /// Notes what was passed over without a problem.
    pub(super) fn note_skipped<C>(&self, report: &mut ImportReport<C>) {
        if self.empty_rows > 0 {
            report
                .notes
                .push(crate::msg::csv::empty_rows_skipped(self.empty_rows));
        }
    }
}

pub(super) fn stop_problem(stop: Stop) -> Problem {
    let mib = super::read::MAX_RECORD_BYTES / (1024 * 1024);
    match stop {
        Stop::RunAway { line } => file_problem(
            Some(line),
            crate::msg::csv::quote_does_not_close(mib as usize),
        ),
        Stop::TooLong { line } => {
            file_problem(Some(line), crate::msg::csv::record_too_long(mib as usize))
        }
        Stop::NotShiftJis(e) => file_problem(Some(e.line), crate::msg::csv::not_shift_jis(e.byte)),
        Stop::Other { line, message } => file_problem(
            Some(line),
            crate::msg::csv::cannot_read_csv(&sanitize_line(&message)),
        ),
    }
}
