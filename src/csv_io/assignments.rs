//! Assignments as CSV (`課題管理番号,氏名,役割,担当開始日,担当終了日`) both ways: a row with an
//! empty 担当終了日 is a current assignment, others are the assignment history. Import checks the
//! whole file (cells, rows repeated, projects and officers against the database), then writes
//! every row in one transaction or none. An officer not on the roster is refused, naming
//! `seedline officer add`, unless `create_officers` is set (then added, with the row's role).

use super::Problem;
use super::columns::{self, Field};
use super::export::{ExportOptions, write_row};
use super::import::{DataRows, ImportOptions, ImportReport, open_with_header};
use super::officers::{by_name, column_name, name_cell, role_cell};
use super::validate::Row;
use super::write::Cell;
use crate::model::{Coded, Date, NewOfficer, OfficerRole, officer_key};
use crate::store::{AssignmentImportCounts, AssignmentRow, OfficerRef, Store};
use crate::text::sanitize_line;
use crate::{Error, Result};
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

/// Writes the assignments of the projects `ids` (in that order), current and ended, in the
/// columns asked for. Returns the rows written and the output.
pub fn export_assignments<W: Write>(
    store: &Store,
    ids: &[i64],
    options: &ExportOptions,
    out: W,
) -> Result<(u64, W)> {
    let fail = |e: std::io::Error| Error::io(&options.output, e);
    let mut w = super::officers::start(options, out)?;
    let fields: Vec<Field> = options.columns.iter().map(|c| c.field).collect();
    let n = store.export_assignments(ids, |a| {
        write_row(&mut w, &fields, |f| match f {
            Field::AmedId => Cell::text(&a.amed_id),
            Field::OfficerName => Cell::text(&a.name),
            Field::OfficerRole => Cell::text(a.role.code()),
            Field::AssignedFrom => Cell::text(a.from.as_deref().unwrap_or("")),
            Field::AssignedTo => Cell::text(a.to.as_deref().unwrap_or("")),
            _ => Cell::text(""),
        })
        .map_err(fail)
    })?;
    Ok((n, w.finish().map_err(fail)?))
}

/// One row with valid cells, before its project and officer are looked up.
struct Checked {
    line: u64,
    amed_id: String,
    name: String,
    role: Option<OfficerRole>,
    from: Option<Date>,
    to: Option<Date>,
}

/// The cells of one row; problems are left in `row.problems`.
fn check_row(row: &mut Row<'_>) -> Option<Checked> {
    let amed_id = row
        .required(Field::AmedId, 64)
        .map(|s| s.trim().to_string());
    let name = name_cell(row);
    let role = role_cell(row);
    let from = row.date(Field::AssignedFrom, false);
    let to = row.date(Field::AssignedTo, false);
    if let (Ok(Some(f)), Ok(Some(t))) = (from, to)
        && t < f
    {
        row.problem(
            Field::AssignedTo,
            crate::msg::csv::assignment_ends_before_start(t, f),
        );
        return None;
    }
    Some(Checked {
        line: row.line,
        amed_id: amed_id?,
        name: name?,
        role: role.ok()?,
        from: from.ok()?,
        to: to.ok()?,
    })
}

/// Checks `path` and, unless `options.dry_run` or a problem was found, writes its assignments in
/// one transaction (see the module documentation).
pub fn import_assignments(
    store: &mut Store,
    path: &Path,
    options: &ImportOptions,
    create_officers: bool,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportReport<AssignmentImportCounts>> {
    let mut report = ImportReport::default();
    let cap = options.max_problems;
    let Some((records, header)) =
        open_with_header(path, columns::ASSIGNMENTS, options, &mut report)?
    else {
        return Ok(report);
    };
    let id_column = column_name(&header, Field::AmedId);
    let name_column = column_name(&header, Field::OfficerName);
    let mut rows: Vec<Checked> = Vec::new();
    let mut data = DataRows {
        records,
        names: &header.names,
        multiline_ok: |_| false,
        empty_rows: 0,
    };
    while let Some(record) = data.next_row(&mut report, cap, progress) {
        let mut row = Row::new(record.line, &header, &record.fields);
        let checked = check_row(&mut row);
        for p in row.problems {
            report.push(p, cap);
        }
        rows.extend(checked);
    }
    data.note_skipped(&mut report);
    if report.problem_count() == 0 && report.rows == 0 {
        report.notes.push(crate::msg::csv::no_data_rows());
        report.counts = Some(AssignmentImportCounts::default());
        return Ok(report);
    }
    // Projects and officers against the database.
    let mut ids: Vec<&str> = rows.iter().map(|r| r.amed_id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    let projects = store.project_ids_for(&ids)?;
    let roster = store.officers(true)?;
    let named = by_name(&roster);
    let mut new_officers: Vec<NewOfficer> = Vec::new();
    let mut resolved: Vec<AssignmentRow> = Vec::new();
    let mut seen: HashMap<(i64, OfficerRef, Option<Date>, Option<Date>), u64> = HashMap::new();
    for r in &rows {
        let shown = sanitize_line(&r.name);
        let project = projects.get(&r.amed_id).copied();
        if project.is_none() {
            let message = crate::msg::csv::unknown_project(&sanitize_line(&r.amed_id));
            report.push(Problem::at(r.line, &id_column, message), cap);
        }
        let key = officer_key(&r.name);
        let candidates: Vec<_> = named
            .get(&key)
            .map(|v| {
                v.iter()
                    .filter(|o| r.role.is_none_or(|role| o.role == role))
                    .collect()
            })
            .unwrap_or_default();
        let officer = match (candidates.as_slice(), r.role) {
            ([one], _) => {
                if r.to.is_none() && one.retired_on.is_some() {
                    let message = crate::msg::csv::officer_retired_current(
                        &sanitize_line(&one.label()),
                        one.retired_on.as_deref().unwrap_or("?"),
                    );
                    report.push(Problem::at(r.line, &name_column, message), cap);
                    continue;
                }
                OfficerRef::Id(one.id)
            }
            ([], Some(role)) if create_officers => {
                let at = new_officers
                    .iter()
                    .position(|o| officer_key(&o.name) == key && o.role == role)
                    .unwrap_or_else(|| {
                        new_officers.push(NewOfficer {
                            name: r.name.clone(),
                            role,
                            login: None,
                        });
                        new_officers.len() - 1
                    });
                OfficerRef::New(at)
            }
            ([], role) => {
                let names = roster.iter().map(|o| o.name.as_str());
                let unknown = super::labels::unknown("officer", &r.name, names);
                let role = role.map_or("PO", |r| r.code());
                let message =
                    crate::msg::csv::officer_unknown_add(&unknown, &shown, role, r.role.is_none());
                report.push(Problem::at(r.line, &name_column, message), cap);
                continue;
            }
            (many, _) => {
                let roles: Vec<&str> = many.iter().map(|o| o.role.code()).collect();
                let message = crate::msg::csv::officer_several_roles(&shown, &roles);
                report.push(Problem::at(r.line, &name_column, message), cap);
                continue;
            }
        };
        let Some(project_id) = project else { continue };
        // A current assignment once per project and officer; an ended one once per period.
        let from = if r.to.is_none() { None } else { r.from };
        if let Some(first) = seen.insert((project_id, officer, from, r.to), r.line) {
            let message = crate::msg::csv::duplicate_assignment(
                &sanitize_line(&r.amed_id),
                &shown,
                r.to.is_none(),
                first,
                r.line,
            );
            report.push(Problem::at(r.line, &name_column, message), cap);
            continue;
        }
        resolved.push(AssignmentRow {
            project_id,
            officer,
            from: r.from,
            to: r.to,
        });
    }
    if report.problem_count() > 0 {
        return Ok(report);
    }
    report.counts = Some(if options.dry_run {
        store.plan_assignments(&resolved, &new_officers)?
    } else {
        store.import_assignments(&resolved, &new_officers)?
    });
    Ok(report)
}
