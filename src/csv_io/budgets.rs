//! Import of fiscal-year budgets: the long format `課題管理番号,年度,配分額(千円)`, one row per
//! project and 年度. Same standards as the project import: the whole file is checked first
//! (encoding, header, every cell, pairs repeated in the file, ids against the database), then
//! every row is written in one transaction — or nothing, with every problem by line and column.

use super::Problem;
use super::columns::{self, Field};
use super::import::{DataRows, ImportOptions, ImportReport, open_with_header};
use super::validate::{Header, Row};
use crate::Result;
use crate::model::{FiscalYear, fold_key};
use crate::store::{BudgetImportCounts, BudgetRow, Store};
use crate::text::sanitize_line;
use std::collections::HashMap;
use std::path::Path;

/// The largest allocation accepted (千円), as the schema checks.
const MAX_KYEN: i64 = 100_000_000;

/// One checked row, before its 課題管理番号 is looked up.
struct Checked {
    line: u64,
    amed_id: String,
    year: FiscalYear,
    kyen: i64,
}

/// The header of `field` as written in the file.
fn column_name(header: &Header, field: Field) -> String {
    header
        .columns
        .iter()
        .position(|c| c.is_some_and(|c| c.field == field))
        .map_or_else(String::new, |i| header.names[i].clone())
}

/// A 4-digit year (`1989`, `FY2101`, `2101年度`) that `FiscalYear::parse` refused for its range
/// only: worth a message of its own.
fn out_of_range_year(text: &str) -> Option<i32> {
    let folded = fold_key(text);
    let t = folded.trim();
    let t = t.strip_suffix("年度").unwrap_or(t);
    let t = t.strip_prefix("fy").unwrap_or(t);
    (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
}

/// The cells of one row; problems are left in `row.problems`. Also returns the 課題管理番号 when
/// that cell is valid, so that an unknown one is reported even on a row with other problems.
fn check_row(row: &mut Row<'_>) -> (Option<String>, Option<Checked>) {
    let amed_id = row
        .required(Field::AmedId, 64)
        .map(|s| s.trim().to_string());
    let year = row
        .token(Field::FiscalYear)
        .and_then(|t| match FiscalYear::parse(&t) {
            Some(y) => Some(y),
            None => {
                let value = sanitize_line(&t);
                let message = match out_of_range_year(&t) {
                    _ if t.is_empty() => crate::msg::csv::empty_year(),
                    Some(_) => {
                        crate::msg::csv::year_out_of_range(FiscalYear::MIN, FiscalYear::MAX, &value)
                    }
                    None => crate::msg::csv::not_a_year(&value),
                };
                row.problem(Field::FiscalYear, message);
                None
            }
        });
    let kyen = match row.amount_in(Field::Allocation, Some("千円")) {
        Ok(Some(n)) if n > MAX_KYEN => {
            row.problem(Field::Allocation, crate::msg::csv::allocation_too_big(n));
            None
        }
        Ok(Some(n)) => Some(n),
        Ok(None) => {
            row.problem(Field::Allocation, crate::msg::csv::allocation_empty());
            None
        }
        Err(()) => None,
    };
    let checked = match (&amed_id, year, kyen) {
        (Some(id), Some(year), Some(kyen)) => Some(Checked {
            line: row.line,
            amed_id: id.clone(),
            year,
            kyen,
        }),
        _ => None,
    };
    (amed_id, checked)
}

/// Checks `path` and, unless `options.dry_run` or a problem was found, writes its allocations in
/// one transaction (a (project, 年度) already stored is replaced). I/O failures are errors;
/// everything wrong with the file's content is in the report. `progress` is called with the
/// running row count every 1,000 rows.
pub fn import_budgets(
    store: &mut Store,
    path: &Path,
    options: &ImportOptions,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportReport<BudgetImportCounts>> {
    let mut report = ImportReport::default();
    let cap = options.max_problems;
    let Some((records, header)) = open_with_header(path, columns::BUDGETS, options, &mut report)?
    else {
        return Ok(report);
    };
    let id_column = column_name(&header, Field::AmedId);
    let year_column = column_name(&header, Field::FiscalYear);
    let mut rows: Vec<Checked> = Vec::new();
    // Every valid 課題管理番号 with its line, looked up in the database at the end.
    let mut named: Vec<(u64, String)> = Vec::new();
    let mut seen: HashMap<(String, FiscalYear), u64> = HashMap::new();
    let mut data = DataRows {
        records,
        names: &header.names,
        multiline_ok: |_| false,
        empty_rows: 0,
    };
    while let Some(record) = data.next_row(&mut report, cap, progress) {
        let mut row = Row::new(record.line, &header, &record.fields);
        let (amed_id, checked) = check_row(&mut row);
        for p in row.problems {
            report.push(p, cap);
        }
        if let Some(id) = amed_id {
            named.push((record.line, id));
        }
        let Some(checked) = checked else { continue };
        let key = (checked.amed_id.clone(), checked.year);
        if let Some(first) = seen.insert(key, checked.line) {
            let id = sanitize_line(&checked.amed_id);
            let message = crate::msg::csv::duplicate_budget(&id, checked.year, first, checked.line);
            report.push(Problem::at(checked.line, &year_column, message), cap);
            continue;
        }
        rows.push(checked);
    }
    data.note_skipped(&mut report);
    if report.problem_count() == 0 && report.rows == 0 {
        report.notes.push(crate::msg::csv::no_data_rows());
        report.counts = Some(BudgetImportCounts::default());
        return Ok(report);
    }
    let mut ids: Vec<&str> = named.iter().map(|(_, id)| id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    let projects = store.project_ids_for(&ids)?;
    for (line, amed_id) in named.iter().filter(|(_, id)| !projects.contains_key(id)) {
        let id = sanitize_line(amed_id);
        let message = crate::msg::csv::unknown_project(&id);
        report.push(Problem::at(*line, &id_column, message), cap);
    }
    if report.problem_count() > 0 {
        return Ok(report);
    }
    let resolved: Vec<BudgetRow> = rows
        .iter()
        .filter_map(|r| Some((*projects.get(&r.amed_id)?, r.year, r.kyen)))
        .collect();
    report.counts = Some(if options.dry_run {
        store.plan_budgets(&resolved)?
    } else {
        store.import_budgets(&resolved)?
    });
    Ok(report)
}
