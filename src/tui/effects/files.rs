//! The saves that write or read a CSV file: project export, budget pivot export, project import;
//! and the export settings the dashboard starts with (its folder, the column set chosen last).

use super::save::{Refused, Written};
use crate::app::{Done, ExportProblem, ExportSettings, Failure};
use crate::model::ExportColumns;
use crate::store::Store;
use crate::{Error, Lang};
use std::path::{Path, PathBuf};

/// The name of the state file that remembers the export column set.
const REMEMBER_FILE: &str = "export-columns.json";

/// The export settings a session starts with: the folder it was started in, and the column set
/// remembered in `state_dir` (the complete set when none is, or the file cannot be read: a
/// preference is not worth refusing to start over).
pub fn export_settings(state_dir: &Path) -> ExportSettings {
    let remember = state_dir.join(REMEMBER_FILE);
    let columns = std::fs::read(&remember)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<ExportColumns>(&bytes).ok())
        .unwrap_or_default();
    ExportSettings {
        dir: std::env::current_dir()
            .map(|d| d.display().to_string())
            .unwrap_or_default(),
        remember_file: remember.display().to_string(),
        columns,
    }
}

/// Keeps the column set for the next session (best effort: the export itself is done).
fn remember_columns(file: &str, columns: &ExportColumns) {
    if file.is_empty() {
        return;
    }
    let path = Path::new(file);
    let written = serde_json::to_vec_pretty(columns)
        .map_err(|e| Error::invalid("columns", crate::msg::invalid::stored_code(&e.to_string())))
        .and_then(|bytes| {
            if let Some(dir) = path.parent() {
                crate::paths::ensure_private_dir(dir)?;
            }
            crate::fsutil::write_atomic(path, &bytes)
        });
    if written.is_err() {
        crate::log::event("export.remember_failed", &[]);
    }
}

/// The absolute path of `path` (relative to the working directory), moved to the next free name
/// (`-2`, `-3`…) when something is there already: an export never overwrites and never stops
/// for a name.
fn free_target(path: &str) -> Result<PathBuf, Refused> {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| PathBuf::from(path));
    let taken = |p: &str| std::fs::symlink_metadata(p).is_ok();
    crate::model::free_file_name(&absolute.display().to_string(), taken)
        .map(PathBuf::from)
        .ok_or_else(|| refused(path, ExportProblem::Other("no free file name".into())))
}

fn refused(path: &str, why: ExportProblem) -> Refused {
    Refused::Failure(Failure::ExportRefused {
        path: path.to_string(),
        why,
    })
}

/// A file error of an export, typed for the officer's language where it is a common one.
fn file_problem(path: &Path, error: Error) -> Refused {
    let shown = path.display().to_string();
    match &error {
        Error::Io { error: io, .. } => match io.kind() {
            std::io::ErrorKind::NotFound => refused(&shown, ExportProblem::NoFolder),
            std::io::ErrorKind::PermissionDenied => refused(&shown, ExportProblem::Denied),
            _ => Refused::Error(error),
        },
        _ => Refused::Error(error),
    }
}

/// Writes the projects `ids` (in that order) with the column set `columns` to a new file at
/// `path`, or at the next free name beside it: 0600, via a temporary file, recorded in the audit
/// log before it appears. `lang`: the headers' language. The column set is then remembered in
/// `remember` (a state file; empty: not remembered). The notice names the absolute path written.
pub fn export_projects(
    store: &mut Store,
    lang: Lang,
    ids: &[i64],
    columns: &ExportColumns,
    path: &str,
    remember: &str,
) -> Result<Written, Refused> {
    use crate::csv_io::{AtomicFile, ExportKind, ExportOptions, export, project_columns};
    let chosen = project_columns(columns)
        .map_err(|unknown| refused(path, ExportProblem::UnknownColumn(unknown.0)))?;
    let target = free_target(path)?;
    let shown = target.display().to_string();
    let mut options = ExportOptions::new(ExportKind::Projects, &shown);
    options.lang = lang;
    options.columns = chosen;
    let mut out = AtomicFile::create(&target, false).map_err(|e| file_problem(&target, e))?;
    let (rows, _) = export(store, ids, &options, &mut out, &mut |_| {})?;
    store.record_export(ExportKind::Projects.code(), rows, &shown)?;
    out.commit().map_err(|e| file_problem(&target, e))?;
    crate::log::event("export", &[("rows", rows as i64)]);
    remember_columns(remember, columns);
    Ok(exported(rows, &shown))
}

/// Writes the budget pivot as shown to a new file at `path`, or at the next free name beside it
/// (0600, via a temporary file, audited).
pub fn export_pivot(
    store: &mut Store,
    lang: Lang,
    pivot: &crate::model::BudgetPivot,
    path: &str,
) -> Result<Written, Refused> {
    use crate::csv_io::AtomicFile;
    let target = free_target(path)?;
    let shown = target.display().to_string();
    let mut out = AtomicFile::create(&target, false).map_err(|e| file_problem(&target, e))?;
    let rows = crate::csv_io::write_budget_pivot(&mut out, pivot, lang)
        .map_err(|e| Error::io(&target, e))?;
    store.record_export("budget_pivot", rows, &shown)?;
    out.commit().map_err(|e| file_problem(&target, e))?;
    Ok(exported(rows, &shown))
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
