//! Reading CSV records for import with the `csv` crate (`flexible`, so that wrong field counts are
//! ours to report), with line numbers, a cap on one record's size (a stray `"` would otherwise
//! swallow the rest of the file into one field, in memory), and the detection of such a run-away
//! quoted field. A record over the cap is a run-away quote only when it is inside a quoted field:
//! the reader follows the quoting the way the `csv` crate does, byte by byte.

use super::encoding::NotShiftJis;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::io::{self, Read};
use std::rc::Rc;

/// The largest record accepted: far above the schema's limits (a 20,000-character summary is at
/// most 80 KB of UTF-8), small enough to keep memory bounded whatever the file holds.
pub const MAX_RECORD_BYTES: u64 = 1024 * 1024;

/// A record that ran past [`MAX_RECORD_BYTES`]; `quoted`: inside a quoted field at that point.
#[derive(Debug, thiserror::Error)]
#[error("record too long")]
struct TooLong {
    quoted: bool,
}

/// Where the bytes read so far leave the quoting, as the `csv` crate's defaults read it (`,`
/// separates, `"` quotes a field it opens, `""` is a quote inside one, CR or LF ends a record).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quoting {
    FieldStart,
    Unquoted,
    Quoted,
    /// A `"` inside a quoted field: its end, or the first half of `""`.
    QuoteInQuoted,
}

impl Quoting {
    fn next(self, b: u8) -> Quoting {
        use Quoting::*;
        match (self, b) {
            (Quoted, b'"') => QuoteInQuoted,
            (Quoted, _) => Quoted,
            (QuoteInQuoted, b'"') => Quoted,
            (FieldStart, b'"') => Quoted,
            (_, b',' | b'\r' | b'\n') => FieldStart,
            _ => Unquoted,
        }
    }
}

/// Line numbers by byte offset. The `csv` crate's own line count lags one line behind after a
/// CRLF, so the reader notes where every line break is; offsets the parser has passed are dropped
/// (what is kept spans at most one record and one buffer).
#[derive(Debug, Default)]
struct Lines {
    passed: u64,
    pending: VecDeque<u64>,
}

impl Lines {
    /// The line of the byte at `offset` (a record start may point at the `\n` of the CRLF before
    /// it: that line break counts as passed, since no record starts with a line break).
    fn line_at(&mut self, offset: u64) -> u64 {
        while self.pending.front().is_some_and(|p| *p <= offset) {
            self.pending.pop_front();
            self.passed += 1;
        }
        self.passed + 1
    }
}

/// Passes bytes through, noting line breaks, and fails once the current record has taken more
/// than the cap.
struct Capped<R> {
    inner: R,
    total: u64,
    record_start: Rc<Cell<u64>>,
    lines: Rc<RefCell<Lines>>,
    quoting: Quoting,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.total.saturating_sub(self.record_start.get()) > MAX_RECORD_BYTES {
            let quoted = self.quoting == Quoting::Quoted;
            return Err(io::Error::other(TooLong { quoted }));
        }
        let n = self.inner.read(buf)?;
        let mut lines = self.lines.borrow_mut();
        for (i, b) in buf[..n].iter().enumerate() {
            if *b == b'\n' {
                lines.pending.push_back(self.total + i as u64);
            }
            self.quoting = self.quoting.next(*b);
        }
        self.total += n as u64;
        Ok(n)
    }
}

/// One record: the line it starts on and its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: u64,
    pub fields: Vec<String>,
}

/// Why reading stopped before the end of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    /// A quoted field opened on this line never closed within [`MAX_RECORD_BYTES`].
    RunAway { line: u64 },
    /// A record starting on this line ran past [`MAX_RECORD_BYTES`] outside any quoted field
    /// (no line break for that long: not a CSV file, or line breaks lost).
    TooLong { line: u64 },
    /// A byte that is not Shift_JIS (with `--encoding shift_jis`).
    NotShiftJis(NotShiftJis),
    /// Anything else the CSV reader or the file system reported.
    Other { line: u64, message: String },
}

/// Records of one file, read one at a time.
pub struct Records<R> {
    csv: csv::Reader<Capped<R>>,
    record_start: Rc<Cell<u64>>,
    lines: Rc<RefCell<Lines>>,
    record: csv::ByteRecord,
}

impl<R: Read> Records<R> {
    /// Reads `input` (already UTF-8, without a byte-order mark).
    pub fn new(input: R) -> Records<R> {
        let record_start = Rc::new(Cell::new(0));
        let lines = Rc::new(RefCell::new(Lines::default()));
        let capped = Capped {
            inner: input,
            total: 0,
            record_start: record_start.clone(),
            lines: lines.clone(),
            quoting: Quoting::FieldStart,
        };
        let csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(capped);
        Records {
            csv,
            record_start,
            lines,
            record: csv::ByteRecord::new(),
        }
    }

    /// The next record, `None` at the end of the file.
    pub fn next_record(&mut self) -> Result<Option<Record>, Stop> {
        let line = self.lines.borrow_mut().line_at(self.csv.position().byte());
        match self.csv.read_byte_record(&mut self.record) {
            Ok(false) => Ok(None),
            Ok(true) => {
                self.record_start.set(self.csv.position().byte());
                let line = match self.record.position() {
                    Some(p) => self.lines.borrow_mut().line_at(p.byte()),
                    None => line,
                };
                let fields = self
                    .record
                    .iter()
                    .map(|f| String::from_utf8_lossy(f).into_owned())
                    .collect();
                Ok(Some(Record { line, fields }))
            }
            Err(e) => Err(match e.into_kind() {
                csv::ErrorKind::Io(io) => stop_from_io(io, line),
                other => Stop::Other {
                    line,
                    message: format!("{:?}", other),
                },
            }),
        }
    }
}

fn stop_from_io(io: io::Error, line: u64) -> Stop {
    if let Some(inner) = io.get_ref() {
        if let Some(TooLong { quoted }) = inner.downcast_ref::<TooLong>() {
            return if *quoted {
                Stop::RunAway { line }
            } else {
                Stop::TooLong { line }
            };
        }
        if let Some(e) = inner.downcast_ref::<NotShiftJis>() {
            return Stop::NotShiftJis(*e);
        }
    }
    Stop::Other {
        line,
        message: io.to_string(),
    }
}

/// A field that looks like a quoted field run on past its end (an unbalanced `"`): it holds a
/// line break, and what follows reads like more records (lines with as many commas as a record
/// has separators), or the record has the wrong number of fields, or a line break is not allowed
/// in that column. Returns the field's index and the line its opening quote is on.
pub fn run_away_field(
    record: &Record,
    columns: usize,
    multiline_ok: impl Fn(usize) -> bool,
) -> Option<(usize, u64)> {
    let separators = columns.saturating_sub(1).max(2);
    let mut line = record.line;
    for (i, field) in record.fields.iter().enumerate() {
        if field.contains('\n') {
            let record_like = field
                .split('\n')
                .skip(1)
                .filter(|l| l.matches(',').count() >= separators)
                .count();
            let suspicious = record_like >= 2
                || (record_like >= 1 && (record.fields.len() != columns || !multiline_ok(i)));
            if suspicious {
                return Some((i, line));
            }
        }
        line += field.matches('\n').count() as u64;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> (Vec<Record>, Option<Stop>) {
        let mut r = Records::new(text.as_bytes());
        let mut out = Vec::new();
        loop {
            match r.next_record() {
                Ok(Some(rec)) => out.push(rec),
                Ok(None) => return (out, None),
                Err(stop) => return (out, Some(stop)),
            }
        }
    }

    #[test]
    fn line_numbers_count_line_breaks_inside_quotes() {
        let (recs, stop) = all("a,b\r\n1,\"x\ny\"\r\n2,z\r\n");
        assert_eq!(stop, None);
        let lines: Vec<u64> = recs.iter().map(|r| r.line).collect();
        assert_eq!(lines, [1, 2, 4]);
        assert_eq!(recs[1].fields, ["1", "x\ny"]);
    }

    #[test]
    fn a_stray_quote_is_caught_by_size_or_shape() {
        let mut text = String::from("a,b,c\n1,2,3\n4,\"5,6\n");
        for i in 0..120_000 {
            text.push_str(&format!("{i},row{i},x\n"));
        }
        let (recs, stop) = all(&text);
        assert_eq!(stop, Some(Stop::RunAway { line: 3 }));
        assert_eq!(recs.len(), 2);
        let (recs, _) = all("a,b,c\n1,2,3\n4,\"5,6\n7,8,9\n10,11,12\n");
        assert_eq!(run_away_field(&recs[2], 3, |_| true), Some((1, 3)));
        let (recs, _) = all("a,b,c\n1,\"two\nlines, here\",3\n");
        assert_eq!(run_away_field(&recs[1], 3, |_| true), None);
    }

    #[test]
    fn a_long_record_outside_quotes_is_too_long_not_run_away() {
        let long = "x".repeat(1_100_000);
        let (recs, stop) = all(&format!("a,b\n1,{long}\n"));
        assert_eq!((recs.len(), stop), (1, Some(Stop::TooLong { line: 2 })));
        // Quotes closed (and doubled) before the long stretch, or inside an unquoted field.
        let (_, stop) = all(&format!("a,b\n\"x\"\"y\",{long}\n"));
        assert_eq!(stop, Some(Stop::TooLong { line: 2 }));
        let (_, stop) = all(&format!("a,b\n5\" disk,{long}\n"));
        assert_eq!(stop, Some(Stop::TooLong { line: 2 }));
        let (_, stop) = all(&format!("a,b\n1,\"{long}\n"));
        assert_eq!(stop, Some(Stop::RunAway { line: 2 }));
    }
}
