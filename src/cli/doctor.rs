//! `seedline doctor`: integrity and foreign-key checks, seedline's invariants and the modes of the
//! `-wal` / `-shm` files; non-zero exit when anything is wrong.

use crate::model::Date;
use crate::store::Store;
use crate::{Lang, tr};
use anyhow::Result;
use std::process::ExitCode;

/// Arguments of `seedline doctor`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Rebuild the dashboard's kept counts from a recount (one transaction, audit-logged), then check
    #[arg(long)]
    pub rebuild_counts: bool,
}

pub fn run(lang: Lang, today: Date, store: &mut Store, args: Args) -> Result<ExitCode> {
    if args.rebuild_counts {
        // Refused on a read-only open like every write; worded by the caller.
        let cells = store.rebuild_counts()?;
        println!("{}", crate::msg::tally::counts_rebuilt(cells).get(lang));
    }
    // The check recorded before this one (this one's answer is the report below).
    let last = match store.last_integrity_check()? {
        Some(last) => crate::msg::integrity::last_check(&last),
        None => crate::msg::integrity::never_checked(),
    };
    let report = match store.doctor_recorded(today) {
        Ok(report) => report,
        Err(e) => {
            eprintln!(
                "{}",
                crate::msg::cli::integrity_failed(store.path().display(), e.text(lang)).get(lang)
            );
            return Ok(ExitCode::FAILURE);
        }
    };
    let path = store.path().display();
    let (version, projects, notes) = (report.schema_version, report.projects, report.notes);
    match lang {
        Lang::Ja => println!("{path}: スキーマ版 {version}、課題 {projects} 件、記録 {notes} 件"),
        Lang::En => {
            println!("{path}: schema version {version}, {projects} projects, {notes} notes")
        }
    }
    println!("{}", last.get(lang));
    if store.is_read_only() {
        println!(
            "{}",
            crate::msg::integrity::not_recorded_read_only().get(lang)
        );
    }
    // SQLite's own integrity lines are its words, shown as they are.
    let sqlite = report.integrity.iter().map(|line| line.as_str());
    let ours = (report.foreign_keys.iter())
        .chain(&report.invariants)
        .chain(&report.files)
        .map(|m| m.get(lang));
    for line in sqlite.chain(ours) {
        let line = crate::msg::cli_out::problem(&crate::text::sanitize_line(line));
        println!("{}", line.get(lang));
    }
    if report.is_ok() {
        println!("{}", tr(lang, "問題なし", "ok"));
        Ok(ExitCode::SUCCESS)
    } else if report.integrity.is_empty()
        && report.foreign_keys.is_empty()
        && report.invariants.is_empty()
    {
        println!(
            "{}",
            tr(
                lang,
                "データベースは無事です。上のファイルのモードを直してください",
                "the database is intact; fix the file modes above"
            )
        );
        Ok(ExitCode::FAILURE)
    } else {
        println!(
            "{}",
            tr(
                lang,
                "データベースの整合性検査で問題が見つかりました",
                "database failed integrity check"
            )
        );
        Ok(ExitCode::FAILURE)
    }
}
