//! CSV in and out. Export streams projects (or their notes, flags, stage gates) into an
//! Excel-safe file: UTF-8 with BOM, CRLF, RFC 4180 quoting by the `csv` crate, formula cells
//! neutralised. Import reads a whole file, checks every row (encoding, header, fields, dates,
//! names, ids), and writes all rows in one transaction or none, with a line-numbered report.
//! Fiscal-year budgets go both ways in a long format, one row per project and 年度.
//!
//! Layering: `model ← store ← csv_io ← cli`; SQL stays in `store` (`export_*`, `import_projects`).

mod assignments;
mod budgets;
pub mod columns;
pub mod dates;
pub mod encoding;
mod export;
mod file;
mod import;
mod import_stream;
pub mod kaken;
pub mod labels;
mod lineage;
mod merge;
pub mod neutralize;
mod officers;
mod outcomes;
mod programs;
pub mod read;
pub mod single;
mod validate;
mod write;

pub use assignments::{export_assignments, import_assignments};
pub use budgets::import_budgets;
pub use columns::{Column, Field};
pub use encoding::Encoding;
pub use export::{ExportKind, ExportOptions, UnknownColumn, export, project_columns};
pub use file::AtomicFile;
pub use import::{Format, ImportOptions, ImportReport};
pub use import_stream::import_projects;
pub use kaken::KakenOptions;
pub use lineage::{export_lineage, import_lineage};
pub use officers::{export_officers, import_officers};
pub use outcomes::import_outcomes;
pub use programs::{import_links, import_programs};
pub use write::{Cell, CsvWriter, write_budget_pivot};

use crate::text::sanitize_line;

/// Something wrong with an imported file: where (line, column as headed in the file) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line of the file (a record spanning lines: the line it starts on).
    pub line: Option<u64>,
    pub column: Option<String>,
    /// What is wrong and what was expected, in both languages (`crate::msg::csv`); quoted
    /// values are already sanitised.
    pub message: crate::msg::Msg,
}

impl Problem {
    pub(crate) fn at(line: u64, column: &str, message: crate::msg::Msg) -> Problem {
        Problem {
            line: Some(line),
            column: Some(column.to_string()),
            message,
        }
    }

    /// `file:line: column: message` in `lang`, safe to print on a terminal.
    pub fn render(&self, file: &str, lang: crate::Lang) -> String {
        let mut out = sanitize_line(file).into_owned();
        if let Some(line) = self.line {
            out.push_str(&format!(":{line}"));
        }
        if let Some(column) = &self.column {
            out.push_str(&format!(": {}", sanitize_line(column)));
        }
        out.push_str(&format!(": {}", sanitize_line(self.message.get(lang))));
        out
    }
}
