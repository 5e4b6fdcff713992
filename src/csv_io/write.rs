//! The CSV writer of every export: UTF-8 with a byte-order mark by default (Excel on Japanese
//! Windows needs it to read UTF-8), CRLF line ends, quoting as the `csv` crate's `NonNumeric` style
//! (every text cell in quotes, numbers bare), text cells neutralised against formula injection.

use super::encoding::BOM;
use super::neutralize::neutralize;
use std::borrow::Cow;
use std::io::{self, Write};

/// One cell of an exported row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell<'a> {
    /// Text: neutralised (`'` prefix) when a spreadsheet would read it as a formula.
    Text(Cow<'a, str>),
    /// A number (a numeric column): written as digits, never prefixed; empty when `None`.
    Number(Option<i64>),
}

impl<'a> Cell<'a> {
    pub fn text(s: &'a str) -> Cell<'a> {
        Cell::Text(Cow::Borrowed(s))
    }

    pub fn owned(s: String) -> Cell<'a> {
        Cell::Text(Cow::Owned(s))
    }
}

/// Writes records to `W` through a 64 KiB buffer.
///
/// The encoding is that of `csv::WriterBuilder` with `QuoteStyle::NonNumeric` and CRLF ends (what
/// this writer used before), done by hand because the `csv` crate decides "numeric" by parsing
/// every field as a float: a cell is quoted, with `"` doubled, unless it reads as a number.
pub struct CsvWriter<W: Write> {
    out: io::BufWriter<W>,
}

/// Whether `csv`'s `NonNumeric` style quotes `field`: when it is neither an `f64` nor an `i128`.
/// Both parsers need the first byte to be a digit, a sign, `.`, or the start of `inf`/`nan`: any
/// other first byte (every Japanese text) settles it without parsing.
fn is_non_numeric(field: &str) -> bool {
    match field.as_bytes().first() {
        Some(b'0'..=b'9' | b'+' | b'-' | b'.' | b'i' | b'I' | b'n' | b'N') => {
            field.parse::<f64>().is_err() && field.parse::<i128>().is_err()
        }
        _ => true,
    }
}

impl<W: Write> CsvWriter<W> {
    /// Starts the output, with the UTF-8 byte-order mark when `bom` is set.
    pub fn new(out: W, bom: bool) -> io::Result<CsvWriter<W>> {
        let mut out = io::BufWriter::with_capacity(64 * 1024, out);
        if bom {
            out.write_all(BOM)?;
        }
        Ok(CsvWriter { out })
    }

    fn field(&mut self, first: bool, text: &str) -> io::Result<()> {
        if !first {
            self.out.write_all(b",")?;
        }
        if !is_non_numeric(text) {
            return self.out.write_all(text.as_bytes());
        }
        self.out.write_all(b"\"")?;
        // `str::find` of an ASCII character runs memchr, not a byte-by-byte loop.
        let mut rest = text;
        while let Some(at) = rest.find('"') {
            self.out.write_all(&rest.as_bytes()[..=at])?;
            self.out.write_all(b"\"")?;
            rest = &rest[at + 1..];
        }
        self.out.write_all(rest.as_bytes())?;
        self.out.write_all(b"\"")
    }

    /// Writes the header line (fixed names, not neutralised).
    pub fn header(&mut self, names: &[&str]) -> io::Result<()> {
        for (i, name) in names.iter().enumerate() {
            self.field(i == 0, name)?;
        }
        self.end(names.len())
    }

    /// Ends a record of `fields` fields (a record of none is one empty field, as in `csv`).
    fn end(&mut self, fields: usize) -> io::Result<()> {
        if fields == 0 {
            self.out.write_all(b"\"\"")?;
        }
        self.out.write_all(b"\r\n")
    }

    /// Writes one row.
    pub fn row(&mut self, cells: &[Cell<'_>]) -> io::Result<()> {
        for (i, cell) in cells.iter().enumerate() {
            self.cell(i == 0, cell)?;
        }
        self.end_row(cells.len())
    }

    /// Writes one cell of a row (`first`: the row's first cell); [`CsvWriter::end_row`] ends the
    /// row. The same bytes as [`CsvWriter::row`], without gathering the cells first.
    pub fn cell(&mut self, first: bool, cell: &Cell<'_>) -> io::Result<()> {
        match cell {
            Cell::Text(text) => self.field(first, &neutralize(text)),
            Cell::Number(Some(n)) => {
                if !first {
                    self.out.write_all(b",")?;
                }
                write!(self.out, "{n}")
            }
            Cell::Number(None) => self.field(first, ""),
        }
    }

    /// Ends a row of `cells` cells written with [`CsvWriter::cell`].
    pub fn end_row(&mut self, cells: usize) -> io::Result<()> {
        self.end(cells)
    }

    /// Flushes everything written so far and returns the output.
    pub fn finish(self) -> io::Result<W> {
        self.out.into_inner().map_err(|e| e.into_error())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bytes `csv`'s `NonNumeric` writer gives for these fields (the reference encoding).
    fn reference(rows: &[Vec<&str>]) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .quote_style(csv::QuoteStyle::NonNumeric)
            .from_writer(Vec::new());
        for row in rows {
            w.write_record(row).unwrap();
        }
        w.into_inner().unwrap()
    }

    #[test]
    fn quoting_matches_the_csv_crate() {
        let fields = [
            "",
            "がん",
            "a\"b",
            "\"",
            "1",
            "-1",
            "+1",
            "1.5",
            ".5",
            "1e5",
            "1E-3",
            "inf",
            "-inf",
            "NaN",
            "nan",
            "infinity",
            "Infinity",
            "i",
            "n",
            "1,2",
            "a,b",
            "x\r\ny",
            "0x10",
            "00",
            "1_000",
            "340282366920938463463374607431768211456",
            "１",
            "2024-04-01",
            " 1",
            "1 ",
        ];
        let rows: Vec<Vec<&str>> = fields.iter().map(|f| vec![*f, "x", *f]).collect();
        let mut w = CsvWriter::new(Vec::new(), false).unwrap();
        for row in &rows {
            w.header(row).unwrap();
        }
        assert_eq!(
            String::from_utf8(w.finish().unwrap()).unwrap(),
            String::from_utf8(reference(&rows)).unwrap()
        );
        // Text cells only differ by neutralisation, numbers are bare, a missing number is "".
        let mut w = CsvWriter::new(Vec::new(), false).unwrap();
        w.row(&[
            Cell::text("a\"b"),
            Cell::Number(Some(12)),
            Cell::Number(None),
        ])
        .unwrap();
        w.row(&[]).unwrap();
        assert_eq!(w.finish().unwrap(), b"\"a\"\"b\",12,\"\"\r\n\"\"\r\n");
    }
}
