//! The command line: global options, one module per subcommand (`Args` + `run`), and the choice of
//! database. `seedline` alone opens the dashboard.

mod args;
mod assign;
mod attach;
mod backup;
mod deadline;
mod demo;
mod doctor;
mod export;
mod flag;
mod gate;
mod history;
mod import;
mod init;
mod lineage;
mod link;
mod note;
mod officer;
mod outcome;
mod phase;
mod program;
mod project;
mod show;
mod show_lineage;
mod watch;

use crate::Lang;
use crate::config::Config;
use crate::paths::{Paths, ensure_private_dir};
use crate::session::RunContext;
use crate::store::{OpenOptions, Store};
use anyhow::Result;
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// seedline — AMED research seeds from basic research to practical use, in your terminal.
#[derive(Debug, Parser)]
#[command(name = "seedline", version, about, long_about = None)]
pub struct Cli {
    /// Database file (default: $SEEDLINE_DB, else seedline.db in the per-user data directory).
    /// `SEEDLINE_DB` is read by seedline itself, not by clap, so that `--demo` can ignore it.
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Use the demo database (generated on first use), never the officer's own: `SEEDLINE_DB` is
    /// ignored, and `--db` with `--demo` is an error.
    #[arg(long, global = true)]
    pub demo: bool,

    /// Open the database read-only: look without any risk of changing it.
    #[arg(long, global = true)]
    pub read_only: bool,

    /// Label language: ja or en (default from LANG; Japanese unless an English locale is set).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,

    /// Treat this date as today (YYYY-MM-DD), for reproducible output.
    #[arg(
        long,
        global = true,
        env = "SEEDLINE_TODAY",
        value_name = "DATE",
        hide = true
    )]
    pub today: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the database (if missing) with AMED reference data.
    Init(init::Args),
    /// Fill an empty database with generated demo data.
    Demo(demo::Args),
    /// Print a view as plain text (no terminal needed).
    #[command(subcommand)]
    Show(show::View),
    /// Check the database: integrity, foreign keys, seedline's invariants.
    Doctor(doctor::Args),
    /// Accompaniment notes: add, edit, delete, restore, follow-up done.
    #[command(subcommand)]
    Note(note::Command),
    /// Flag a seed for highway support (--to), or move its open flag (--status).
    Flag(flag::Args),
    /// Stage-gate decisions.
    #[command(subcommand)]
    Gate(gate::Command),
    /// Move a project to another phase.
    Phase(phase::Args),
    /// Write a consistent copy of the database (safe while others write).
    Backup(backup::Args),
    /// Export projects (or their notes, flags, gates, budgets) as an Excel-safe CSV file.
    Export(export::Args),
    /// Import projects or fiscal-year budgets from a CSV file: every row checked, then all or none.
    Import(import::Args),
    /// My watch list: projects followed without being assigned.
    #[command(subcommand)]
    Watch(watch::Command),
    /// File links (path or URL) on a project, note or flag: add, list, open, remove.
    #[command(subcommand)]
    Attach(attach::Command),
    /// Report and evaluation deadlines (年次報告, 中間評価, 事後評価, stage gates).
    #[command(subcommand)]
    Deadline(deadline::Command),
    /// Every change to a project, newest first.
    History(history::Args),
    /// The roster of PD / PS / PO / DC: add, list, edit, retire, restore.
    #[command(subcommand)]
    Officer(officer::Command),
    /// Assign an officer to projects (from a day; already assigned is no change).
    Assign(assign::AssignArgs),
    /// End an officer's assignment to projects (kept in the assignment history with its dates).
    Unassign(assign::UnassignArgs),
    /// Programs (事業): add, edit, list, retire, restore.
    #[command(subcommand)]
    Program(program::Command),
    /// Program links (ペアリング / マッチング): add, list, remove.
    #[command(subcommand)]
    Link(link::Command),
    /// Outcomes (薬事承認, 企業導出, 非臨床PoC, 治験, 論文): add, list, edit, delete, restore.
    #[command(subcommand)]
    Outcome(outcome::Command),
    /// One project: add, edit its fields, retire (hide a mistaken one), restore.
    #[command(subcommand)]
    Project(project::Command),
    /// 系譜: which project carried a seed on from which (link, unlink, list).
    #[command(subcommand)]
    Lineage(lineage::Command),
}

/// A run that failed: the error, and the officer's language to word it in (`--lang`, else the
/// config file's, else the locale's; the config file's only once it was read).
#[derive(Debug)]
pub struct Failed {
    pub lang: Lang,
    pub error: anyhow::Error,
}

impl Failed {
    /// The error in one line of the officer's language, safe for a terminal.
    pub fn message(&self) -> String {
        crate::text::sanitize_line(&crate::msg::cli::describe(&self.error, self.lang)).into_owned()
    }
}

/// Runs the command line; errors come back to `main`, which prints them in one line.
pub fn run(cli: Cli) -> Result<ExitCode, Failed> {
    let mut lang = cli.lang.unwrap_or_else(Lang::from_env);
    run_in(cli, &mut lang).map_err(|error| Failed { lang, error })
}

fn run_in(cli: Cli, lang: &mut Lang) -> Result<ExitCode> {
    crate::store::busy::timeout_from_env();
    let paths = Paths::resolve()?;
    let today = match &cli.today {
        Some(text) => crate::model::parse_date(text)
            .ok_or_else(|| crate::msg::cli::not_a_date("--today", text))?,
        None => chrono::Local::now().date_naive(),
    };
    crate::log::init(&paths.state);
    let config = Config::load(&paths.config_file())?;
    *lang = cli.lang.or(config.lang).unwrap_or(*lang);
    let mut ctx = RunContext {
        lang: *lang,
        paths,
        today,
        keymap: config.keymap,
        read_only: cli.read_only,
        officer_configured: config.officer.is_some(),
        stall_days: config.stall_days,
        radar_days: config.radar_days,
        author: crate::model::Author::new(
            config.officer.as_ref().map(|o| o.name.as_str()),
            config.officer.as_ref().and_then(|o| o.role.as_deref()),
            &crate::identity::os_user(),
        ),
    };
    let choice = DbChoice::from_args(cli.db, cli.demo, std::env::var_os(DB_ENV))?;
    let (db, demo) = (&choice, choice == DbChoice::Demo);
    match cli.command {
        Some(Command::Init(args)) => init::run(&ctx, &db_path(&choice, &ctx)?, args),
        Some(Command::Demo(args)) => demo::run(&ctx, &demo_target(&choice, &ctx)?, args),
        Some(Command::Watch(command)) => {
            let mut store = open_for_use(db, demo, &mut ctx)?;
            watch::run(&ctx, &mut store, command)
        }
        Some(Command::Attach(command)) => {
            let mut store = open_for_use(db, demo, &mut ctx)?;
            attach::run(&ctx, &mut store, command)
        }
        Some(Command::Deadline(command)) => {
            let mut store = open_for_use(db, demo, &mut ctx)?;
            deadline::run(&ctx, &mut store, command)
        }
        Some(Command::Show(view)) => {
            let mut store = open_for_use(db, demo, &mut ctx)?;
            show::run(&ctx, &mut store, view)
        }
        Some(Command::Doctor(args)) => doctor::run(
            ctx.lang,
            ctx.today,
            &mut open_for_use(db, demo, &mut ctx)?,
            args,
        ),
        Some(Command::Note(command)) => {
            let mut store = open_for_use(db, demo, &mut ctx)?;
            note::run(&ctx, &mut store, command)
        }
        Some(Command::Flag(args)) => {
            let mut store = open_for_use(db, demo, &mut ctx)?;
            flag::run(&mut store, &ctx, args)
        }
        Some(Command::Gate(command)) => {
            let mut store = open_for_use(db, demo, &mut ctx)?;
            gate::run(&ctx, &mut store, command)
        }
        Some(Command::Phase(args)) => {
            let mut store = open_for_use(db, demo, &mut ctx)?;
            phase::run(&ctx, &mut store, args)
        }
        Some(Command::Backup(args)) => {
            backup::run(&open_for_use(db, demo, &mut ctx)?, args, ctx.lang)
        }
        Some(Command::Export(args)) => {
            let mut store = open_for_use(db, demo, &mut ctx)?;
            export::run(&ctx, &mut store, args)
        }
        Some(Command::Import(args)) => {
            let mut store = open_for_use(db, demo, &mut ctx)?;
            import::run(&ctx, &mut store, args)
        }
        Some(Command::History(args)) => {
            let store = open_for_use(db, demo, &mut ctx)?;
            history::run(&ctx, &store, args)
        }
        Some(Command::Officer(command)) => {
            let mut store = open_for_use(db, demo, &mut ctx)?;
            officer::run(&ctx, &mut store, command)
        }
        Some(Command::Assign(args)) => {
            let mut store = open_for_use(db, demo, &mut ctx)?;
            assign::assign(&ctx, &mut store, args)
        }
        Some(Command::Unassign(args)) => {
            let mut store = open_for_use(db, demo, &mut ctx)?;
            assign::unassign(&ctx, &mut store, args)
        }
        Some(Command::Program(command)) => {
            let mut store = open_for_use(db, demo, &mut ctx)?;
            program::run(&ctx, &mut store, command)
        }
        Some(Command::Link(command)) => {
            let mut store = open_for_use(db, demo, &mut ctx)?;
            link::run(&ctx, &mut store, command)
        }
        Some(Command::Outcome(command)) => {
            let mut store = open_for_use(db, demo, &mut ctx)?;
            outcome::run(&ctx, &mut store, command)
        }
        Some(Command::Project(command)) => {
            let mut store = open_for_use(db, demo, &mut ctx)?;
            project::run(&ctx, &mut store, command)
        }
        Some(Command::Lineage(command)) => {
            let mut store = open_for_use(db, demo, &mut ctx)?;
            lineage::run(&ctx, &mut store, command)
        }
        None => {
            let store = open_for_use(db, demo, &mut ctx)?;
            crate::tui::run(store, &ctx)
        }
    }
}

/// The environment variable naming the officer's database (like `--db`).
pub const DB_ENV: &str = "SEEDLINE_DB";

/// Which database the command line asked for, environment included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbChoice {
    /// `--db PATH`: must exist.
    Flag(PathBuf),
    /// `SEEDLINE_DB`, when neither `--db` nor `--demo` is given: must exist.
    Env(PathBuf),
    /// `--demo`: the demo database in the data directory, whatever `SEEDLINE_DB` says.
    Demo,
    /// Nothing given: the officer's default database, created on first use.
    Default,
}

impl DbChoice {
    /// `--demo` always means the demo database: `SEEDLINE_DB` is ignored with it, and an explicit
    /// `--db` with it is an error naming both flags. An empty `SEEDLINE_DB` counts as unset.
    pub fn from_args(
        db: Option<PathBuf>,
        demo: bool,
        env: Option<std::ffi::OsString>,
    ) -> Result<DbChoice> {
        match (db, demo) {
            (Some(path), true) => Err(crate::msg::cli::demo_and_db(path.display()).into()),
            (Some(path), false) => Ok(DbChoice::Flag(path)),
            (None, true) => Ok(DbChoice::Demo),
            (None, false) => Ok(match env {
                Some(path) if !path.is_empty() => DbChoice::Env(PathBuf::from(path)),
                _ => DbChoice::Default,
            }),
        }
    }
}

/// The database a command works on: the explicit path, else the demo or the officer's default
/// database (its directory created 0700).
fn db_path(choice: &DbChoice, ctx: &RunContext) -> Result<PathBuf> {
    if let DbChoice::Flag(path) | DbChoice::Env(path) = choice {
        return Ok(path.clone());
    }
    ensure_private_dir(&ctx.paths.data)?;
    Ok(if *choice == DbChoice::Demo {
        ctx.paths.demo_db()
    } else {
        ctx.paths.default_db()
    })
}

/// `seedline demo` writes to `--db` when given, else to the demo database — never to the
/// officer's own database by accident (`SEEDLINE_DB` alone does not make it a target).
fn demo_target(choice: &DbChoice, ctx: &RunContext) -> Result<PathBuf> {
    match choice {
        DbChoice::Flag(path) => Ok(path.clone()),
        _ => db_path(&DbChoice::Demo, ctx),
    }
}

/// Says on stderr, before opening, that the database at `path` will be brought to this version's
/// schema (on a big database that takes minutes, with nothing else to show for it).
pub(crate) fn announce_upgrade(path: &Path, ctx: &RunContext) {
    if let Some((from, to)) = Store::upgrade_pending(path) {
        eprintln!(
            "{}",
            crate::msg::cli::upgrading_schema(path.display(), from, to).get(ctx.lang)
        );
    }
}

/// Opens the database for viewing or editing. An explicit database (`--db`, `SEEDLINE_DB`) must
/// exist and must not be an empty file (a typo should not create a database; only `init` does);
/// the default and demo databases are created on first use, the demo one filled with demo data.
/// Without a configured officer, an officer row whose `login` is this OS account becomes the
/// author ("me").
fn open_for_use(choice: &DbChoice, demo: bool, ctx: &mut RunContext) -> Result<Store> {
    let path = db_path(choice, ctx)?;
    let explicit = matches!(choice, DbChoice::Flag(_) | DbChoice::Env(_));
    let create = !explicit && !ctx.read_only;
    if !ctx.read_only {
        announce_upgrade(&path, ctx);
    }
    let mut store = Store::open_with(&path, OpenOptions { create }, ctx.read_only)?;
    if demo && !ctx.read_only && store.project_count()? == 0 {
        eprintln!(
            "{}",
            crate::msg::cli::generating_demo(path.display()).get(ctx.lang)
        );
        let options = crate::demo::DemoOptions::new(ctx.today);
        crate::demo::generate(&mut store, &options, &mut demo::progress_printer(ctx.lang))?;
    }
    if !ctx.officer_configured
        && let Some((name, role)) = store.officer_for_login(&crate::identity::os_user())?
    {
        ctx.author = crate::model::Author::new(Some(&name), Some(&role), &name);
    }
    Ok(store)
}

#[cfg(test)]
mod tests {
    use super::DbChoice;
    use std::path::PathBuf;

    #[test]
    fn demo_ignores_the_environment_and_refuses_an_explicit_db() {
        let own = Some("/srv/own.db".into());
        assert_eq!(
            DbChoice::from_args(None, true, own.clone()).unwrap(),
            DbChoice::Demo
        );
        assert_eq!(
            DbChoice::from_args(None, false, own).unwrap(),
            DbChoice::Env(PathBuf::from("/srv/own.db"))
        );
        assert_eq!(
            DbChoice::from_args(None, false, Some("".into())).unwrap(),
            DbChoice::Default
        );
        let err = DbChoice::from_args(Some("x.db".into()), true, None).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("--demo") && text.contains("--db"), "{text}");
    }
}
