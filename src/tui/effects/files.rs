//! The saves that write or read a CSV file: project export, budget pivot export, project import.

use super::save::{Refused, Written};
use crate::app::{Done, Failure};
use crate::store::Store;
use crate::{Error, Lang};

/// Writes the projects `ids` (in that order) with `columns` to a new file at `path`: 0600, via a
/// temporary file, recorded in the audit log before it appears; an existing file is refused.
/// `lang`: the headers' language.
pub fn export_projects(
    store: &mut Store,
    lang: Lang,
    ids: &[i64],
    columns: &str,
    path: &str,
) -> crate::Result<Written> {
    use crate::csv_io::{AtomicFile, ExportKind, ExportOptions, columns as cols, export};
    let target = std::path::Path::new(path);
    let mut options = ExportOptions::new(ExportKind::Projects, path);
    options.lang = lang;
    options.columns = cols::select(ExportKind::Projects.columns(), columns)
        .map_err(|e| Error::invalid("columns", e))?;
    let mut out = AtomicFile::create(target, false)?;
    let (rows, _) = export(store, ids, &options, &mut out, &mut |_| {})?;
    let file = std::path::absolute(target).unwrap_or_else(|_| target.to_path_buf());
    store.record_export(
        ExportKind::Projects.code(),
        rows,
        &file.display().to_string(),
    )?;
    out.commit()?;
    crate::log::event("export", &[("rows", rows as i64)]);
    Ok(exported(rows, path))
}

/// Writes the budget pivot as shown to a new file at `path` (0600, via a temporary file, audited).
pub fn export_pivot(
    store: &mut Store,
    lang: Lang,
    pivot: &crate::model::BudgetPivot,
    path: &str,
) -> crate::Result<Written> {
    use crate::csv_io::AtomicFile;
    let target = std::path::Path::new(path);
    let mut out = AtomicFile::create(target, false)?;
    let rows = crate::csv_io::write_budget_pivot(&mut out, pivot, lang)
        .map_err(|e| Error::io(target, e))?;
    let file = std::path::absolute(target).unwrap_or_else(|_| target.to_path_buf());
    store.record_export("budget_pivot", rows, &file.display().to_string())?;
    out.commit()?;
    Ok(exported(rows, path))
}

fn exported(rows: u64, path: &str) -> Written {
    (
        Done::Exported {
            rows,
            path: path.to_string(),
        },
        Vec::new(),
    )
}

/// Imports a project list; a refused file writes nothing and names its first problem.
pub fn import_projects(
    store: &mut Store,
    path: &str,
    upsert: bool,
    dry_run: bool,
) -> Result<Written, Refused> {
    use crate::csv_io::{ImportOptions, import_projects};
    let mut options = ImportOptions::new(chrono::Local::now().date_naive());
    options.mode = if upsert {
        crate::store::ImportMode::Upsert
    } else {
        crate::store::ImportMode::Insert
    };
    options.dry_run = dry_run;
    let report = import_projects(store, std::path::Path::new(path), &options, &mut |_| {})?;
    let Some(counts) = report.counts.filter(|_| report.is_ok()) else {
        return Err(Refused::Failure(Failure::ImportRefused {
            path: path.to_string(),
            problems: report.problems.len() as u64 + report.more_problems,
            first: report
                .problems
                .first()
                .map(|p| crate::msg::csv::problem_line(p, path))
                .unwrap_or_default(),
        }));
    };
    crate::log::event(
        "import",
        &[
            ("inserted", counts.inserted as i64),
            ("updated", counts.updated as i64),
        ],
    );
    Ok((
        Done::Imported {
            dry_run,
            inserted: counts.inserted,
            updated: counts.updated,
            unchanged: counts.unchanged,
        },
        Vec::new(),
    ))
}
