//! `seedline import projects|budgets|outcomes|assignments|officers|programs|links|lineage FILE`: check the whole file, then import every row in one
//! transaction or none; problems are listed by line and column on standard error.

use crate::csv_io::{self, Encoding, Format, ImportOptions, ImportReport, KakenOptions};
use crate::msg::Msg;
use crate::msg::cli::{self, ImportMismatch};
use crate::msg::cli_out::{Counted, counted, imported};
use crate::session::RunContext;
use crate::store::{ImportMode, Store};
use crate::text::sanitize_line;
use anyhow::Result;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// What to import.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Kind {
    /// 研究開発課題.
    Projects,
    /// 年度別配分額: `課題管理番号,年度,配分額(千円)`, one row per project and fiscal year; a
    /// (project, 年度) already stored is replaced.
    Budgets,
    /// 担当: `課題管理番号,氏名,役割,担当開始日,担当終了日`; an empty 担当終了日 is a current
    /// assignment, others the history. Officers must be on the roster (see --create-officers).
    Assignments,
    /// The roster: `氏名,役割,ログイン,退任日`; an officer already there (same name and role) gets
    /// the file's login and 退任日.
    Officers,
    /// 事業: `コード,事業名,英語名,府省,統合プロジェクト,開始フェーズ,終了フェーズ,廃止日`; new codes
    /// are added, stored ones updated.
    Programs,
    /// 事業間の連携: `先行事業,後継事業,種別,開始日`; missing links are added, none removed.
    Links,
    /// 成果: `課題管理番号,種別,日付,製品名,内容`, appended; a row equal to an outcome already
    /// stored (same project, kind, date, product and detail) is left alone and counted unchanged.
    Outcomes,
    /// 系譜: `前身課題管理番号,後継課題管理番号,種別`; every row checked (unknown or retired
    /// projects, self-links, repeats, cycles with the database), then all added or none. A link
    /// already stored keeps its place (a different 種別 replaces its kind); an empty 種別 is
    /// inferred as `lineage link` does. Importing the same file twice changes nothing.
    Lineage,
}

/// `--mode`.
#[derive(Debug, Clone, Copy, Default, clap::ValueEnum)]
pub enum Mode {
    /// New 課題管理番号 only; one already in the database is an error.
    #[default]
    Insert,
    /// Insert new ones, update existing ones whose fields differ.
    Upsert,
}

/// `--encoding`.
#[derive(Debug, Clone, Copy, Default, clap::ValueEnum)]
pub enum FileEncoding {
    #[default]
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// Shift_JIS as Excel on Japanese Windows saves it (CP932).
    #[value(
        name = "shift_jis",
        alias = "sjis",
        alias = "cp932",
        alias = "shift-jis"
    )]
    ShiftJis,
}

/// `--format`.
#[derive(Debug, Clone, Copy, Default, clap::ValueEnum)]
pub enum FileFormat {
    /// The columns `seedline export projects` writes (Japanese or English headers).
    #[default]
    Amed,
    /// A KAKEN (科研費) CSV export.
    Kaken,
}

/// `seedline import …`.
#[derive(Debug, clap::Args)]
pub struct Args {
    pub kind: Kind,
    /// The CSV file.
    pub file: PathBuf,
    /// Check everything and report, but change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Projects only (default: insert); budgets always replace a stored (project, 年度) figure.
    #[arg(long, value_enum)]
    pub mode: Option<Mode>,
    #[arg(long, value_enum, default_value_t)]
    pub encoding: FileEncoding,
    /// Ignore columns seedline does not know instead of refusing the file.
    #[arg(long)]
    pub allow_extra_columns: bool,
    #[arg(long, value_enum, default_value_t)]
    pub format: FileFormat,
    /// KAKEN: the 事業 the grants are tracked under (code or name; required with --format kaken).
    #[arg(long)]
    pub program: Option<String>,
    /// KAKEN: 統合プロジェクト (default: the program's).
    #[arg(long)]
    pub ip: Option<String>,
    /// KAKEN: 研究開発フェーズ (default 基礎).
    #[arg(long)]
    pub phase: Option<String>,
    /// KAKEN: 承認上の分類 (default その他).
    #[arg(long)]
    pub modality: Option<String>,
    /// KAKEN: 対象疾患, comma-separated (default none).
    #[arg(long)]
    pub area: Option<String>,
    /// Assignments: add officers not on the roster (with the row's 役割) instead of refusing.
    #[arg(long)]
    pub create_officers: bool,
}

pub fn run(ctx: &RunContext, store: &mut Store, args: Args) -> Result<ExitCode> {
    let kaken_only = [
        &args.program,
        &args.ip,
        &args.phase,
        &args.modality,
        &args.area,
    ];
    if matches!(args.format, FileFormat::Amed) && kaken_only.iter().any(|o| o.is_some()) {
        return Err(cli::import_option_mismatch(ImportMismatch::KakenOnly).into());
    }
    if matches!(args.kind, Kind::Budgets)
        && (args.mode.is_some() || matches!(args.format, FileFormat::Kaken))
    {
        return Err(cli::import_option_mismatch(ImportMismatch::Budgets).into());
    }
    if matches!(args.kind, Kind::Assignments | Kind::Officers)
        && (args.mode.is_some() || matches!(args.format, FileFormat::Kaken))
    {
        return Err(cli::import_option_mismatch(ImportMismatch::People).into());
    }
    if args.create_officers && !matches!(args.kind, Kind::Assignments) {
        return Err(cli::import_option_mismatch(ImportMismatch::CreateOfficers).into());
    }
    if matches!(args.kind, Kind::Programs | Kind::Links)
        && (args.mode.is_some() || matches!(args.format, FileFormat::Kaken))
    {
        return Err(cli::import_option_mismatch(ImportMismatch::Programs).into());
    }
    if matches!(args.kind, Kind::Outcomes)
        && (args.mode.is_some() || matches!(args.format, FileFormat::Kaken))
    {
        return Err(cli::import_option_mismatch(ImportMismatch::Outcomes).into());
    }
    if matches!(args.kind, Kind::Lineage)
        && (args.mode.is_some() || matches!(args.format, FileFormat::Kaken))
    {
        return Err(cli::import_option_mismatch(ImportMismatch::Lineage).into());
    }
    if store.is_read_only() && !args.dry_run {
        return Err(cli::import_option_mismatch(ImportMismatch::ReadOnly).into());
    }
    let mut options = ImportOptions::new(ctx.today);
    options.dry_run = args.dry_run;
    options.allow_extra_columns = args.allow_extra_columns;
    options.mode = match args.mode.unwrap_or_default() {
        Mode::Insert => ImportMode::Insert,
        Mode::Upsert => ImportMode::Upsert,
    };
    options.encoding = match args.encoding {
        FileEncoding::Utf8 => Encoding::Utf8,
        FileEncoding::ShiftJis => Encoding::ShiftJis,
    };
    options.format = match args.format {
        FileFormat::Amed => Format::Amed,
        FileFormat::Kaken => Format::Kaken,
    };
    options.kaken = KakenOptions {
        program: args.program,
        integrated_project: args.ip,
        phase: args.phase,
        modality: args.modality,
        areas: args.area,
    };
    let show_progress = std::io::stderr().is_terminal();
    let lang = ctx.lang;
    let mut progress = |n: u64| {
        if show_progress {
            eprint!("\r{}", cli::checking(n).get(lang));
        }
    };
    let name = args.file.display().to_string();
    // Each kind's counts, as the summary line words them.
    let (rows, counts) = match args.kind {
        Kind::Projects => {
            let report = csv_io::import_projects(store, &args.file, &options, &mut progress)
                .map_err(read_error)?;
            finish(lang, &name, show_progress, report, |c| {
                counted(&[
                    (Counted::Inserted, c.inserted),
                    (Counted::Updated, c.updated),
                    (Counted::Unchanged, c.unchanged),
                ])
            })?
        }
        Kind::Budgets => {
            let report = csv_io::import_budgets(store, &args.file, &options, &mut progress)
                .map_err(read_error)?;
            finish(lang, &name, show_progress, report, |c| {
                counted(&[
                    (Counted::Inserted, c.inserted),
                    (Counted::Replaced, c.replaced),
                    (Counted::Unchanged, c.unchanged),
                ])
            })?
        }
        Kind::Assignments => {
            let report = csv_io::import_assignments(
                store,
                &args.file,
                &options,
                args.create_officers,
                &mut progress,
            )
            .map_err(read_error)?;
            finish(lang, &name, show_progress, report, |c| {
                counted(&[
                    (Counted::CurrentAdded, c.current),
                    (Counted::StartChanged, c.updated),
                    (Counted::PastRecorded, c.past),
                    (Counted::Unchanged, c.unchanged),
                    (Counted::OfficersAdded, c.officers_added),
                ])
            })?
        }
        Kind::Officers => {
            let report = csv_io::import_officers(store, &args.file, &options, &mut progress)
                .map_err(read_error)?;
            finish(lang, &name, show_progress, report, |c| {
                counted(&[
                    (Counted::Inserted, c.inserted),
                    (Counted::Updated, c.updated),
                    (Counted::Unchanged, c.unchanged),
                ])
            })?
        }
        Kind::Programs => {
            let report = csv_io::import_programs(store, &args.file, &options, &mut progress)
                .map_err(read_error)?;
            finish(lang, &name, show_progress, report, |c| {
                counted(&[
                    (Counted::Added, c.inserted),
                    (Counted::Updated, c.updated),
                    (Counted::Unchanged, c.unchanged),
                ])
            })?
        }
        Kind::Links => {
            let report = csv_io::import_links(store, &args.file, &options, &mut progress)
                .map_err(read_error)?;
            finish(lang, &name, show_progress, report, |c| {
                counted(&[
                    (Counted::Added, c.inserted),
                    (Counted::Updated, c.updated),
                    (Counted::Unchanged, c.unchanged),
                ])
            })?
        }
        Kind::Lineage => {
            let report = csv_io::import_lineage(store, &args.file, &options, &mut progress)
                .map_err(read_error)?;
            finish(lang, &name, show_progress, report, |c| {
                counted(&[
                    (Counted::Added, c.inserted),
                    (Counted::KindChanged, c.updated),
                    (Counted::Unchanged, c.unchanged),
                ])
            })?
        }
        Kind::Outcomes => {
            let report =
                csv_io::import_outcomes(store, &args.file, &options, &ctx.author, &mut progress)
                    .map_err(read_error)?;
            finish(lang, &name, show_progress, report, |c| {
                counted(&[
                    (Counted::Inserted, c.inserted),
                    (Counted::AlreadyRecorded, c.unchanged),
                ])
            })?
        }
    };
    let summary = imported(args.dry_run, &sanitize_line(&name), rows, &counts);
    println!("{}", summary.get(lang));
    Ok(ExitCode::SUCCESS)
}

/// A file that could not be read, named once with the OS's reason (the only I/O an import does
/// is reading its file).
fn read_error(e: crate::Error) -> anyhow::Error {
    match e {
        crate::Error::Io { path, error } => cli::cannot_read(path.display(), &error).into(),
        other => other.into(),
    }
}

/// Prints the report's notes, and its problems when the file was refused (then an error);
/// otherwise the rows read and the counts as `words` puts them.
fn finish<C>(
    lang: crate::Lang,
    name: &str,
    show_progress: bool,
    report: ImportReport<C>,
    words: impl FnOnce(&C) -> Msg,
) -> Result<(u64, Msg)> {
    let counts = report.counts.as_ref().map(words);
    if show_progress {
        eprint!("\r\x1b[K");
    }
    for note in &report.notes {
        eprintln!(
            "seedline: {}: {}",
            sanitize_line(name),
            sanitize_line(note.get(lang))
        );
    }
    let Some(counts) = counts else {
        for line in report.problem_lines(name, lang) {
            eprintln!("{line}");
        }
        let n = report.problems.len() as u64 + report.more_problems;
        return Err(crate::msg::csv::nothing_imported(&sanitize_line(name), n).into());
    };
    Ok((report.rows, counts))
}
