//! Programs (事業) and program links as CSV: the cells export writes, and the imports, by the
//! same rules as projects: the whole file checked first (encoding, header, every cell, keys
//! repeated in the file, names against the database), then every row written in one transaction
//! — or nothing, with every problem by line and column. Programs are upserted by コード; links are
//! added (an existing one gets the file's 開始日), never removed by an import.

use super::Problem;
use super::columns::{self, Field};
use super::import::{DataRows, ImportOptions, ImportReport, open_with_header};
use super::labels::Labels;
use super::validate::{Header, Row};
use crate::Result;
use crate::model::reference::program::{MAX_NAME_CHARS, check_code};
use crate::model::{
    Coded, LinkKind, Ministry, NewProgram, Phase, ProgramLink, ProgramRef, Reference, fold_key,
};
use crate::store::{LinkImportCounts, LinkRow, ProgramImportCounts, Store};
use crate::text::sanitize_line;
use std::collections::HashMap;
use std::path::Path;

/// The cell of `field` for program `p` (Japanese values, as every export writes them).
pub(super) fn program_cell(field: Field, p: &ProgramRef, r: &Reference, labels: &Labels) -> String {
    match field {
        Field::ProgramCode => p.code.clone(),
        Field::ProgramName => p.name_ja.clone(),
        Field::ProgramNameEn => p.name_en.clone(),
        Field::Ministry => p.ministry.clone(),
        Field::IntegratedProject => r
            .integrated_project(p.integrated_project_id)
            .map(|ip| labels.ip_label(&ip.code).to_string())
            .unwrap_or_default(),
        Field::FirstPhase => p.first_phase.name_ja().to_string(),
        Field::LastPhase => p.last_phase.name_ja().to_string(),
        Field::RetiredOn => p.retired_on.map(|d| d.to_string()).unwrap_or_default(),
        _ => String::new(),
    }
}

/// The cell of `field` for link `l` (programs by 事業名).
pub(super) fn link_cell(field: Field, l: &ProgramLink, r: &Reference) -> String {
    let name = |id: i64| r.program(id).map(|p| p.name_ja.clone()).unwrap_or_default();
    match field {
        Field::Preceding => name(l.preceding),
        Field::Successor => name(l.successor),
        Field::LinkKind => l.kind.name_ja().to_string(),
        Field::LinkSince => l.since.map(|d| d.to_string()).unwrap_or_default(),
        _ => String::new(),
    }
}

/// The header of `field` as written in the file.
fn column_name(header: &Header, field: Field) -> String {
    header
        .columns
        .iter()
        .position(|c| c.is_some_and(|c| c.field == field))
        .map_or_else(String::new, |i| header.names[i].clone())
}

/// A stored program as an import row would give it.
fn as_new(p: &ProgramRef, r: &Reference) -> NewProgram {
    NewProgram {
        code: p.code.clone(),
        name_ja: p.name_ja.clone(),
        name_en: p.name_en.clone(),
        ministry: Ministry::parse(&p.ministry).unwrap_or(Ministry::Other),
        integrated_project: r
            .integrated_project(p.integrated_project_id)
            .map(|i| i.code.clone())
            .unwrap_or_default(),
        first_phase: p.first_phase,
        last_phase: p.last_phase,
        retired_on: p.retired_on,
    }
}

/// One row of a programs file; problems are left in `row.problems`.
fn program_row(row: &mut Row<'_>, labels: &Labels) -> Option<NewProgram> {
    let code = row.required(Field::ProgramCode, 64).and_then(|c| {
        let c = c.trim().to_string();
        check_code(&c)
            .map_err(|e| row.problem(Field::ProgramCode, invalid_message(e)))
            .ok()
            .map(|_| c)
    });
    let name_ja = row
        .required(Field::ProgramName, MAX_NAME_CHARS)
        .map(|n| n.trim().to_string());
    let name_en = if row.has(Field::ProgramNameEn) {
        row.text(Field::ProgramNameEn, MAX_NAME_CHARS, false)
            .map(|n| n.trim().to_string())
    } else {
        Some(String::new())
    };
    let ministry = row.coded::<Ministry>(Field::Ministry, "ministry", None);
    let ip = row.token(Field::IntegratedProject).and_then(|t| {
        if t.is_empty() {
            row.problem(Field::IntegratedProject, crate::msg::csv::ip_required());
            return None;
        }
        labels
            .integrated_project(&t)
            .map_err(|m| row.problem(Field::IntegratedProject, m))
            .ok()
    });
    let first = row.coded::<Phase>(Field::FirstPhase, "phase", None);
    let last = row.coded::<Phase>(Field::LastPhase, "phase", None);
    if let (Some(a), Some(b)) = (first, last)
        && a > b
    {
        row.problem(
            Field::LastPhase,
            crate::msg::csv::last_phase_before_first(b, a),
        );
        return None;
    }
    let retired_on = row.date(Field::RetiredOn, false).ok()?;
    Some(NewProgram {
        code: code?,
        name_ja: name_ja?,
        name_en: name_en?,
        ministry: ministry?,
        integrated_project: ip?,
        first_phase: first?,
        last_phase: last?,
        retired_on,
    })
}

/// An `Invalid` error's reason without its field name (the column names it).
fn invalid_message(e: crate::Error) -> crate::msg::Msg {
    match e {
        crate::Error::Invalid { reason, .. } => reason,
        other => crate::msg::Msg::of_error(&other),
    }
}

/// Checks a programs file and, unless `options.dry_run` or a problem was found, upserts its rows
/// by コード in one transaction. A 事業名 (or code, compared folded) that another program would
/// then share is a problem on its line.
pub fn import_programs(
    store: &mut Store,
    path: &Path,
    options: &ImportOptions,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportReport<ProgramImportCounts>> {
    let mut report = ImportReport::default();
    let cap = options.max_problems;
    let reference = store.reference()?;
    let labels = Labels::new(&reference);
    let Some((records, header)) = open_with_header(path, columns::PROGRAMS, options, &mut report)?
    else {
        return Ok(report);
    };
    let code_column = column_name(&header, Field::ProgramCode);
    let name_column = column_name(&header, Field::ProgramName);
    let mut rows: Vec<(u64, NewProgram)> = Vec::new();
    let mut data = DataRows {
        records,
        names: &header.names,
        multiline_ok: |_| false,
        empty_rows: 0,
    };
    while let Some(record) = data.next_row(&mut report, cap, progress) {
        let mut row = Row::new(record.line, &header, &record.fields);
        let program = program_row(&mut row, &labels);
        for p in row.problems {
            report.push(p, cap);
        }
        rows.extend(program.map(|p| (record.line, p)));
    }
    data.note_skipped(&mut report);
    if report.problem_count() == 0 && report.rows == 0 {
        report.notes.push(crate::msg::csv::no_data_rows());
        report.counts = Some(ProgramImportCounts::default());
        return Ok(report);
    }
    // The programs as they would be after the import: stored ones (line 0) overlaid by the file.
    let after: Vec<(u64, String, String)> = reference
        .programs
        .iter()
        .filter(|p| !rows.iter().any(|(_, r)| r.code == p.code))
        .map(|p| (0, p.code.clone(), p.name_ja.clone()))
        .collect();
    let mut codes: HashMap<String, (u64, String)> = after
        .iter()
        .map(|(line, code, _)| (fold_key(code), (*line, code.clone())))
        .collect();
    let mut names: HashMap<String, (u64, String)> = after
        .iter()
        .map(|(line, code, name)| (fold_key(name), (*line, code.clone())))
        .collect();
    let mut counts = ProgramImportCounts::default();
    for (line, p) in &rows {
        let (code, name) = (sanitize_line(&p.code), sanitize_line(&p.name_ja));
        if let Some((first, other)) = codes.insert(fold_key(&p.code), (*line, p.code.clone())) {
            let message = if first != 0 {
                crate::msg::csv::duplicate_program_code(&code, first, *line)
            } else {
                crate::msg::csv::program_code_case(&code, &sanitize_line(&other))
            };
            report.push(Problem::at(*line, &code_column, message), cap);
            continue;
        }
        if let Some((first, other)) = names.insert(fold_key(&p.name_ja), (*line, p.code.clone())) {
            let message = crate::msg::csv::program_name_used(&name, first, &sanitize_line(&other));
            report.push(Problem::at(*line, &name_column, message), cap);
            continue;
        }
        match reference.program_by_code(&p.code) {
            None => counts.inserted += 1,
            Some(old) if as_new(old, &reference) == *p => counts.unchanged += 1,
            Some(_) => counts.updated += 1,
        }
    }
    if report.problem_count() > 0 {
        return Ok(report);
    }
    if options.dry_run {
        report.counts = Some(counts);
        return Ok(report);
    }
    let rows: Vec<NewProgram> = rows.into_iter().map(|(_, p)| p).collect();
    report.counts = Some(store.import_programs(&rows)?);
    Ok(report)
}

/// Checks a links file and, unless `options.dry_run` or a problem was found, adds its links in one
/// transaction (a link already stored takes the file's 開始日; none is removed).
pub fn import_links(
    store: &mut Store,
    path: &Path,
    options: &ImportOptions,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportReport<LinkImportCounts>> {
    let mut report = ImportReport::default();
    let cap = options.max_problems;
    let reference = store.reference()?;
    let labels = Labels::new(&reference);
    let Some((records, header)) = open_with_header(path, columns::LINKS, options, &mut report)?
    else {
        return Ok(report);
    };
    let successor_column = column_name(&header, Field::Successor);
    let mut rows: Vec<LinkRow> = Vec::new();
    let mut seen: HashMap<(String, String, LinkKind), u64> = HashMap::new();
    let mut data = DataRows {
        records,
        names: &header.names,
        multiline_ok: |_| false,
        empty_rows: 0,
    };
    while let Some(record) = data.next_row(&mut report, cap, progress) {
        let mut row = Row::new(record.line, &header, &record.fields);
        let program = |row: &mut Row<'_>, field: Field| {
            let t = row.token(field)?;
            if t.is_empty() {
                row.problem(field, crate::msg::csv::program_or_code_required());
                return None;
            }
            labels.program(&t).map_err(|m| row.problem(field, m)).ok()
        };
        let from = program(&mut row, Field::Preceding);
        let to = program(&mut row, Field::Successor);
        let kind = row.coded::<LinkKind>(Field::LinkKind, "link kind", None);
        let since = row.date(Field::LinkSince, false);
        let problems = std::mem::take(&mut row.problems);
        for p in problems {
            report.push(p, cap);
        }
        let (Some(from), Some(to), Some(kind), Ok(since)) = (from, to, kind, since) else {
            continue;
        };
        let line = record.line;
        if from == to {
            let message = crate::msg::csv::link_to_itself(&sanitize_line(&from));
            report.push(Problem::at(line, &successor_column, message), cap);
            continue;
        }
        if let Some(first) = seen.insert((from.clone(), to.clone(), kind), line) {
            let message = crate::msg::csv::duplicate_link(
                &sanitize_line(&from),
                &sanitize_line(&to),
                kind.name_ja(),
                first,
                line,
            );
            report.push(Problem::at(line, &successor_column, message), cap);
            continue;
        }
        rows.push((from, to, kind, since));
    }
    data.note_skipped(&mut report);
    if report.problem_count() > 0 {
        return Ok(report);
    }
    if report.rows == 0 {
        report.notes.push(crate::msg::csv::no_data_rows());
        report.counts = Some(LinkImportCounts::default());
        return Ok(report);
    }
    if options.dry_run {
        let mut counts = LinkImportCounts::default();
        for (from, to, kind, since) in &rows {
            let id = |code: &str| reference.program_by_code(code).map(|p| p.id);
            let stored = reference.program_links.iter().find(|l| {
                Some(l.preceding) == id(from) && Some(l.successor) == id(to) && l.kind == *kind
            });
            match stored {
                None => counts.inserted += 1,
                Some(l) if l.since == *since => counts.unchanged += 1,
                Some(_) => counts.updated += 1,
            }
        }
        report.counts = Some(counts);
        return Ok(report);
    }
    report.counts = Some(store.import_program_links(&rows)?);
    Ok(report)
}
