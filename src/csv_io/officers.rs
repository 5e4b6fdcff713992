//! The roster as CSV (`氏名,役割,ログイン,退任日`) both ways. Import matches an officer by name
//! (spaces and width ignored) and role: a new one is added, one on the roster gets the file's
//! login and 退任日. Every row is checked first, then all are written in one transaction or none.

use super::Problem;
use super::columns::{self, Field};
use super::export::{ExportOptions, write_row};
use super::import::{DataRows, ImportOptions, ImportReport, open_with_header};
use super::validate::{Header, Row};
use super::write::{Cell, CsvWriter};
use crate::model::{Coded, NewOfficer, Officer, OfficerRole, officer_key};
use crate::store::{OfficerImportCounts, OfficerRow, Store};
use crate::text::sanitize_line;
use crate::{Error, Result};
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

/// The header of `field` as written in the file.
pub(super) fn column_name(header: &Header, field: Field) -> String {
    header
        .columns
        .iter()
        .position(|c| c.is_some_and(|c| c.field == field))
        .map_or_else(String::new, |i| header.names[i].clone())
}

/// A role cell: `Ok(None)` when empty or absent, a problem when it names no role.
pub(super) fn role_cell(row: &mut Row<'_>) -> std::result::Result<Option<OfficerRole>, ()> {
    match row.token(Field::OfficerRole) {
        None if row.has(Field::OfficerRole) => Err(()),
        None => Ok(None),
        Some(t) if t.is_empty() => Ok(None),
        Some(t) => match super::labels::coded::<OfficerRole>(&t, "role") {
            Ok(r) => Ok(Some(r)),
            Err(m) => {
                row.problem(Field::OfficerRole, crate::msg::csv::role_choices(&m));
                Err(())
            }
        },
    }
}

/// A name cell: one line, 1 to 200 characters.
pub(super) fn name_cell(row: &mut Row<'_>) -> Option<String> {
    row.required(Field::OfficerName, crate::model::MAX_OFFICER_NAME)
        .map(|n| n.trim().to_string())
}

/// The roster by name key (spaces and width ignored).
pub(super) fn by_name(officers: &[Officer]) -> HashMap<String, Vec<&Officer>> {
    let mut out: HashMap<String, Vec<&Officer>> = HashMap::new();
    for o in officers {
        out.entry(officer_key(&o.name)).or_default().push(o);
    }
    out
}

/// A CSV writer with the header of `options.columns` written.
pub(super) fn start<W: Write>(options: &ExportOptions, out: W) -> Result<CsvWriter<W>> {
    let fail = |e: std::io::Error| Error::io(&options.output, e);
    let mut w = CsvWriter::new(out, options.bom).map_err(fail)?;
    let names: Vec<&str> = options
        .columns
        .iter()
        .map(|c| c.header(options.lang))
        .collect();
    w.header(&names).map_err(fail)?;
    Ok(w)
}

/// Writes the roster (retired officers included) as `氏名,役割,ログイン,退任日` (or the columns
/// asked for), PD / PS / PO / DC then by name. Returns the rows written and the output.
pub fn export_officers<W: Write>(
    store: &Store,
    options: &ExportOptions,
    out: W,
) -> Result<(u64, W)> {
    let fail = |e: std::io::Error| Error::io(&options.output, e);
    let mut w = start(options, out)?;
    let fields: Vec<Field> = options.columns.iter().map(|c| c.field).collect();
    let mut n = 0;
    for o in store.officers(true)? {
        write_row(&mut w, &fields, |f| match f {
            Field::OfficerName => Cell::text(&o.name),
            Field::OfficerRole => Cell::text(o.role.code()),
            Field::OfficerLogin => Cell::text(o.login.as_deref().unwrap_or("")),
            Field::RetiredOn => Cell::text(o.retired_on.as_deref().unwrap_or("")),
            _ => Cell::text(""),
        })
        .map_err(fail)?;
        n += 1;
    }
    Ok((n, w.finish().map_err(fail)?))
}

/// Checks `path` and, unless `options.dry_run` or a problem was found, writes the roster rows in
/// one transaction (see the module documentation).
pub fn import_officers(
    store: &mut Store,
    path: &Path,
    options: &ImportOptions,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportReport<OfficerImportCounts>> {
    let mut report = ImportReport::default();
    let cap = options.max_problems;
    let Some((records, header)) = open_with_header(path, columns::OFFICERS, options, &mut report)?
    else {
        return Ok(report);
    };
    let roster = store.officers(true)?;
    let named = by_name(&roster);
    let login_column = column_name(&header, Field::OfficerLogin);
    let name_column = column_name(&header, Field::OfficerName);
    let mut seen: HashMap<(String, OfficerRole), u64> = HashMap::new();
    let mut logins: HashMap<String, u64> = HashMap::new();
    let mut rows = Vec::new();
    let mut data = DataRows {
        records,
        names: &header.names,
        multiline_ok: |_| false,
        empty_rows: 0,
    };
    while let Some(record) = data.next_row(&mut report, cap, progress) {
        let mut row = Row::new(record.line, &header, &record.fields);
        let name = name_cell(&mut row);
        let role = match role_cell(&mut row) {
            Ok(None) => {
                row.problem(Field::OfficerRole, crate::msg::csv::empty_role());
                None
            }
            Ok(r) => r,
            Err(()) => None,
        };
        let login = row.token(Field::OfficerLogin).filter(|l| !l.is_empty());
        if let Some(l) = &login
            && let Err(e) = crate::model::validate_login(l)
        {
            let reason = match e {
                crate::Error::Invalid { reason, .. } => reason,
                other => crate::msg::Msg::of_error(&other),
            };
            row.problem(Field::OfficerLogin, reason);
        }
        let retired_on = row.date(Field::RetiredOn, false).unwrap_or(None);
        let line = row.line;
        let problems = std::mem::take(&mut row.problems);
        for p in problems {
            report.push(p, cap);
        }
        let (Some(name), Some(role)) = (name, role) else {
            continue;
        };
        let key = officer_key(&name);
        if let Some(first) = seen.insert((key.clone(), role), line) {
            let message =
                crate::msg::csv::duplicate_officer(role.code(), &sanitize_line(&name), first, line);
            report.push(Problem::at(line, &name_column, message), cap);
            continue;
        }
        let existing = named
            .get(&key)
            .and_then(|v| v.iter().find(|o| o.role == role))
            .map(|o| (*o).clone());
        if let Some(l) = &login {
            if let Some(first) = logins.insert(l.clone(), line) {
                let message = crate::msg::csv::login_on_two_lines(&sanitize_line(l), first, line);
                report.push(Problem::at(line, &login_column, message), cap);
            } else if let Some(other) = roster.iter().find(|o| {
                o.login.as_deref() == Some(l.as_str())
                    && existing.as_ref().is_none_or(|e| e.id != o.id)
            }) {
                let message = crate::msg::csv::login_of_other(
                    &sanitize_line(l),
                    &sanitize_line(&other.label()),
                );
                report.push(Problem::at(line, &login_column, message), cap);
            }
        }
        if let (Some(old), Some(day)) = (&existing, retired_on)
            && old.retired_on.is_none()
            && old.assignments > 0
        {
            let message = crate::msg::csv::officer_still_assigned(
                &sanitize_line(&old.label()),
                old.assignments,
                day,
            );
            report.push(Problem::at(line, &name_column, message), cap);
        }
        rows.push(OfficerRow {
            officer: NewOfficer { name, role, login },
            retired_on,
            existing,
        });
    }
    data.note_skipped(&mut report);
    if report.problem_count() > 0 {
        return Ok(report);
    }
    if report.rows == 0 {
        report.notes.push(crate::msg::csv::no_data_rows());
    }
    report.counts = Some(if options.dry_run {
        store.plan_officers(&rows)
    } else {
        store.import_officers(&rows)?
    });
    Ok(report)
}
