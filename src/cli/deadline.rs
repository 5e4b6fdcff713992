//! `seedline deadline`: report and evaluation deadlines (年次報告, 中間評価, 事後評価, stage
//! gates): add, done, reopen, list. Deadlines have row numbers as printed by `deadline list`.

use super::args::era_date_arg;
use crate::model::{Coded, DeadlineKind, NewDeadline};
use crate::msg::cli_out as out;
use crate::session::RunContext;
use crate::store::Store;
use crate::text::{Lines, check_text, sanitize_line};
use anyhow::Result;
use std::process::ExitCode;

/// `seedline deadline …`.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add a deadline: annual-report, interim-evaluation, final-evaluation or stage-gate.
    Add {
        id: String,
        /// annual-report (年次報告), interim-evaluation (中間評価), final-evaluation (事後評価), stage-gate.
        #[arg(long)]
        kind: String,
        /// Due date: 2027-05-31, 2027/5/31, 令和9年5月31日, R9.5.31, +30d, 来月 (= a month from today).
        #[arg(long)]
        due: String,
        #[arg(long, default_value = "")]
        title: String,
    },
    /// Mark a deadline done (today unless --on).
    Done {
        deadline: i64,
        #[arg(long)]
        on: Option<String>,
    },
    /// Reopen a deadline marked done by mistake.
    Reopen { deadline: i64 },
    /// A project's deadlines.
    List { id: String },
}

pub fn run(ctx: &RunContext, store: &mut Store, command: Command) -> Result<ExitCode> {
    match command {
        Command::Add {
            id,
            kind,
            due,
            title,
        } => {
            check_text("--title", &title, Lines::One)?;
            let project = store.project_id(&id)?;
            let kind = DeadlineKind::parse(&kind)
                .ok_or_else(|| crate::msg::cli::unknown_kind(&kind, &DeadlineKind::codes_list()))?;
            let deadline = NewDeadline {
                kind,
                title,
                due_on: era_date_arg(ctx, "due", &due)?,
            };
            let n = store.add_deadline(project, &deadline, &ctx.author)?;
            println!(
                "{}",
                out::deadline_added(n, &sanitize_line(&id)).get(ctx.lang)
            );
        }
        Command::Done { deadline, on } => {
            let on = match on {
                Some(text) => era_date_arg(ctx, "on", &text)?,
                None => ctx.today,
            };
            store.set_deadline_done(deadline, None, Some(on), &ctx.author)?;
            println!("{}", out::deadline_done(deadline, on).get(ctx.lang));
        }
        Command::Reopen { deadline } => {
            store.set_deadline_done(deadline, None, None, &ctx.author)?;
            println!("{}", out::deadline_reopened(deadline).get(ctx.lang));
        }
        Command::List { id } => {
            let project = store.project_id(&id)?;
            for d in store.project_detail(project)?.deadlines {
                let state = match &d.done {
                    Some((on, by)) => format!("done {on} {}", sanitize_line(by)),
                    None if d.due_on < ctx.today.to_string() => "OVERDUE".into(),
                    None => "open".into(),
                };
                println!(
                    "#{}\t{}\t{}\t{state}\t{}",
                    d.id,
                    d.due_on,
                    d.kind.label(ctx.lang),
                    sanitize_line(&d.title)
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
