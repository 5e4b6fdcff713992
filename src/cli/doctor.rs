//! `seedline doctor`: integrity and foreign-key checks, seedline's invariants and the modes of the
//! `-wal` / `-shm` files; non-zero exit when anything is wrong.

use crate::store::Store;
use anyhow::Result;
use std::process::ExitCode;

/// Arguments of `seedline doctor`.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(store: &Store, _args: Args) -> Result<ExitCode> {
    let report = match store.doctor() {
        Ok(report) => report,
        Err(e) => {
            eprintln!(
                "seedline: {}: database failed integrity check: {e}",
                store.path().display()
            );
            return Ok(ExitCode::FAILURE);
        }
    };
    println!(
        "{}: schema version {}, {} projects, {} notes",
        store.path().display(),
        report.schema_version,
        report.projects,
        report.notes
    );
    for line in report
        .integrity
        .iter()
        .chain(&report.foreign_keys)
        .chain(&report.invariants)
        .chain(&report.files)
    {
        println!("problem: {}", crate::text::sanitize_line(line));
    }
    if report.is_ok() {
        println!("ok");
        Ok(ExitCode::SUCCESS)
    } else if report.integrity.is_empty()
        && report.foreign_keys.is_empty()
        && report.invariants.is_empty()
    {
        println!("the database is intact; fix the file modes above");
        Ok(ExitCode::FAILURE)
    } else {
        println!("database failed integrity check");
        Ok(ExitCode::FAILURE)
    }
}
