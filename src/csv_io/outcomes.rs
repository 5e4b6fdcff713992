//! Outcomes (成果) as CSV: `課題管理番号,種別,日付,製品名,内容` (English headers `amed_id,kind,date,
//! product,detail`). Export writes the outcomes (not deleted) of the chosen projects; import
//! checks the whole file first (encoding, header, every cell, rows repeated in the file, ids
//! against the database), then appends every row in one transaction — or nothing. A row equal in
//! project, kind, date, product and detail to an outcome already stored (not deleted) is counted
//! unchanged, so importing the same file twice records nothing twice.

use super::Problem;
use super::columns::{self, Field};
use super::import::{DataRows, ImportOptions, ImportReport, open_with_header};
use super::validate::{Header, Row};
use super::write::Cell;
use crate::Result;
use crate::model::{
    Author, Coded, MAX_DETAIL_CHARS, MAX_PRODUCT_CHARS, NewOutcome, OutcomeRecord,
    parse_outcome_kind,
};
use crate::store::{OutcomeImportCounts, Store};
use crate::text::sanitize_line;
use std::collections::HashMap;
use std::path::Path;

/// The cell of `field` for an exported outcome (`date`: its date as text, made by the caller).
pub(super) fn outcome_cell<'a>(field: Field, r: &'a OutcomeRecord, date: &'a str) -> Cell<'a> {
    let o = &r.outcome;
    match field {
        Field::AmedId => Cell::text(&r.amed_id),
        Field::OutcomeKind => Cell::text(o.kind.name_ja()),
        Field::OutcomeDate => Cell::text(date),
        Field::OutcomeProduct => Cell::text(o.product.as_deref().unwrap_or("")),
        Field::OutcomeDetail => Cell::text(&o.detail),
        _ => Cell::text(""),
    }
}

/// One checked row, before its 課題管理番号 is looked up.
struct Checked {
    line: u64,
    amed_id: String,
    outcome: NewOutcome,
}

/// The header of `field` as written in the file.
fn column_name(header: &Header, field: Field) -> String {
    header
        .columns
        .iter()
        .position(|c| c.is_some_and(|c| c.field == field))
        .map_or_else(String::new, |i| header.names[i].clone())
}

/// The cells of one row; problems are left in `row.problems`. Also returns the 課題管理番号 when
/// that cell is valid, so that an unknown one is reported even on a row with other problems.
fn check_row(row: &mut Row<'_>) -> (Option<String>, Option<Checked>) {
    let amed_id = row
        .required(Field::AmedId, 64)
        .map(|s| s.trim().to_string());
    let kind = row.token(Field::OutcomeKind).and_then(|t| {
        let kind = parse_outcome_kind(&t);
        if kind.is_none() {
            let value = sanitize_line(&t);
            row.problem(
                Field::OutcomeKind,
                crate::msg::csv::outcome_kind((!t.is_empty()).then_some(&*value)),
            );
        }
        kind
    });
    let on = row.date(Field::OutcomeDate, true).ok().flatten();
    let product = if row.has(Field::OutcomeProduct) {
        row.text(Field::OutcomeProduct, MAX_PRODUCT_CHARS, false)
            .map(Some)
    } else {
        Some(None)
    };
    let detail = if row.has(Field::OutcomeDetail) {
        row.text(Field::OutcomeDetail, MAX_DETAIL_CHARS, false)
    } else {
        Some(String::new())
    };
    let checked = match (&amed_id, kind, on, product, detail) {
        (Some(id), Some(kind), Some(on), Some(product), Some(detail)) => Some(Checked {
            line: row.line,
            amed_id: id.clone(),
            outcome: NewOutcome {
                kind,
                on,
                product,
                detail,
            }
            .normalized(),
        }),
        _ => None,
    };
    (amed_id, checked)
}

/// Checks `path` and, unless `options.dry_run` or a problem was found, appends its outcomes in
/// one transaction, recorded by `author`; rows equal to a stored outcome are left alone (see the
/// module documentation). I/O failures are errors; everything wrong with the file's content is in
/// the report. `progress` is called with the running row count every 1,000 rows.
pub fn import_outcomes(
    store: &mut Store,
    path: &Path,
    options: &ImportOptions,
    author: &Author,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportReport<OutcomeImportCounts>> {
    let mut report = ImportReport::default();
    let cap = options.max_problems;
    let Some((records, header)) = open_with_header(path, columns::OUTCOMES, options, &mut report)?
    else {
        return Ok(report);
    };
    let id_column = column_name(&header, Field::AmedId);
    let mut rows: Vec<Checked> = Vec::new();
    let mut named: Vec<(u64, String)> = Vec::new();
    let mut seen: HashMap<(String, NewOutcomeKey), u64> = HashMap::new();
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
        let key = (checked.amed_id.clone(), key_of(&checked.outcome));
        if let Some(first) = seen.insert(key, checked.line) {
            let message = crate::msg::csv::duplicate_outcome(first);
            report.push(Problem::at(checked.line, &id_column, message), cap);
            continue;
        }
        rows.push(checked);
    }
    data.note_skipped(&mut report);
    if report.problem_count() == 0 && report.rows == 0 {
        report.notes.push(crate::msg::csv::no_data_rows());
        report.counts = Some(OutcomeImportCounts::default());
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
    let resolved: Vec<(i64, NewOutcome)> = rows
        .into_iter()
        .filter_map(|r| Some((*projects.get(&r.amed_id)?, r.outcome)))
        .collect();
    report.counts = Some(if options.dry_run {
        store.plan_outcomes(&resolved)?
    } else {
        store.import_outcomes(&resolved, author)?
    });
    Ok(report)
}

/// An outcome's natural key within one project: kind, date, product, detail.
type NewOutcomeKey = (&'static str, String, Option<String>, String);

fn key_of(o: &NewOutcome) -> NewOutcomeKey {
    (
        o.kind.code(),
        o.on.to_string(),
        o.product.clone(),
        o.detail.clone(),
    )
}
