//! `seedline demo`: fill an empty database with deterministic demo data.

use crate::demo::{DemoOptions, generate};
use crate::session::RunContext;
use crate::store::{OpenOptions, Store};
use anyhow::Result;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `seedline demo`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Number of projects (at least 8: the real approvals are always included).
    #[arg(long, default_value_t = 600)]
    pub projects: usize,
    /// Number of accompaniment notes (default: four per project).
    #[arg(long)]
    pub notes: Option<usize>,
    /// Number of highway-support flags (default: one per eight projects).
    #[arg(long)]
    pub flags: Option<usize>,
    /// Seed of the generator: the same seed and date give the same data.
    #[arg(long, default_value_t = 2025)]
    pub seed: u64,
}

pub fn run(ctx: &RunContext, path: &Path, args: Args) -> Result<ExitCode> {
    super::announce_upgrade(path, ctx);
    let mut store = Store::open(path, OpenOptions { create: true })?;
    let options = DemoOptions {
        projects: args.projects,
        notes: args.notes.unwrap_or(args.projects * 4),
        flags: args.flags.unwrap_or(args.projects / 8),
        seed: args.seed,
        anchor: ctx.today,
    };
    let started = Instant::now();
    let summary = generate(&mut store, &options, &mut progress_printer(ctx.lang))?;
    let counts = [
        summary.projects,
        summary.notes,
        summary.flags,
        summary.gates,
        summary.outcomes,
        summary.budgets,
        summary.deadlines,
        summary.attachments,
    ];
    let seconds = started.elapsed().as_secs_f64();
    let made = crate::msg::cli_out::demo_made(path.display(), counts, seconds);
    println!("{}", made.get(ctx.lang));
    Ok(ExitCode::SUCCESS)
}

/// Progress on stderr, only when stderr is a terminal (quiet in pipes and logs).
pub fn progress_printer(lang: crate::Lang) -> impl FnMut(&'static str, usize, usize) {
    let tty = std::io::stderr().is_terminal();
    move |stage, done, total| {
        if tty {
            let mut err = std::io::stderr();
            let line = crate::msg::cli_out::demo_progress(stage, done, total);
            let _ = write!(err, "\r\x1b[K{}", line.get(lang));
            if done >= total {
                let _ = writeln!(err);
            }
        }
    }
}
