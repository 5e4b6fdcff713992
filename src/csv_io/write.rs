//! The CSV writer of every export: UTF-8 with a byte-order mark by default (Excel on Japanese
//! Windows needs it to read UTF-8), CRLF line ends, quoting by the `csv` crate (every cell in
//! quotes: Excel still reads a quoted number as a number, and the crate skips testing each text
//! cell for a number), text cells neutralised against formula injection.

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

fn io_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// Writes the budget pivot as shown: a header of the row kind, the fiscal years and 計, one line
/// per row and a totals line (amounts in 千円, bare numbers). Returns the data lines written.
pub fn write_budget_pivot<W: Write>(
    out: W,
    pivot: &crate::model::BudgetPivot,
    lang: crate::Lang,
) -> io::Result<u64> {
    let mut w = CsvWriter::new(out, true)?;
    let years: Vec<String> = pivot.years.iter().map(|y| y.label(lang)).collect();
    let total = crate::tr(lang, "計", "Total");
    let mut header: Vec<&str> = vec![pivot.rows_by.label(lang)];
    header.extend(years.iter().map(String::as_str));
    header.push(total);
    w.header(&header)?;
    let mut lines = 0;
    for row in &pivot.rows {
        let mut cells = vec![Cell::owned(row.label(lang))];
        cells.extend(row.amounts.iter().map(|a| Cell::Number(Some(*a))));
        cells.push(Cell::Number(Some(row.total)));
        w.row(&cells)?;
        lines += 1;
    }
    let mut cells = vec![Cell::text(total)];
    cells.extend(pivot.column_totals.iter().map(|a| Cell::Number(Some(*a))));
    cells.push(Cell::Number(Some(pivot.total)));
    w.row(&cells)?;
    w.finish()?;
    Ok(lines + 1)
}

/// Writes records to `W` (buffered by the `csv` crate).
pub struct CsvWriter<W: Write> {
    csv: csv::Writer<W>,
}

impl<W: Write> CsvWriter<W> {
    /// Starts the output, with the UTF-8 byte-order mark when `bom` is set.
    pub fn new(mut out: W, bom: bool) -> io::Result<CsvWriter<W>> {
        if bom {
            out.write_all(BOM)?;
        }
        // A 64 KiB buffer: a 100,000-project export is ~40 MB, in 640 writes instead of 5,000.
        let csv = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .quote_style(csv::QuoteStyle::Always)
            .buffer_capacity(64 * 1024)
            .from_writer(out);
        Ok(CsvWriter { csv })
    }

    /// Writes the header line (fixed names, not neutralised).
    pub fn header(&mut self, names: &[&str]) -> io::Result<()> {
        self.csv.write_record(names).map_err(io_error)
    }

    /// Writes one row.
    pub fn row(&mut self, cells: &[Cell<'_>]) -> io::Result<()> {
        for (i, cell) in cells.iter().enumerate() {
            self.cell(i == 0, cell)?;
        }
        self.end_row(cells.len())
    }

    /// Writes one cell of the current row (the `csv` crate places the separators; `_first` is
    /// kept for callers that write cell by cell).
    pub fn cell(&mut self, _first: bool, cell: &Cell<'_>) -> io::Result<()> {
        match cell {
            Cell::Text(text) => self.csv.write_field(neutralize(text).as_bytes()),
            Cell::Number(Some(n)) => self.csv.write_field(n.to_string()),
            Cell::Number(None) => self.csv.write_field(""),
        }
        .map_err(io_error)
    }

    /// Ends the current row.
    pub fn end_row(&mut self, _cells: usize) -> io::Result<()> {
        self.csv.write_record(None::<&[u8]>).map_err(io_error)
    }

    /// Flushes everything written so far and returns the output.
    pub fn finish(self) -> io::Result<W> {
        self.csv
            .into_inner()
            .map_err(|e| io::Error::other(e.to_string()))
    }
}
