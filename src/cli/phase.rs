//! `seedline phase`: move a project to another phase.

use super::args::{date_arg, parse_coded};
use crate::model::{Coded, Phase, PhaseMove};
use crate::session::RunContext;
use crate::store::Store;
use crate::text::{Lines, check_text, sanitize_line};
use anyhow::Result;
use std::process::ExitCode;

/// `seedline phase ID --to …`.
#[derive(Debug, clap::Args)]
pub struct Args {
    pub id: String,
    /// 基礎, 応用, 非臨床, 臨床, 実用化 (or basic … practical).
    #[arg(long)]
    pub to: String,
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long, default_value = "")]
    pub reason: String,
}

pub fn run(ctx: &RunContext, store: &mut Store, args: Args) -> Result<ExitCode> {
    check_text("--reason", &args.reason, Lines::Many)?;
    let project = store.project_id(&args.id)?;
    let to = parse_coded::<Phase>("--to", &args.to)?;
    let change = PhaseMove {
        to,
        on: date_arg(ctx, "--date", args.date.as_deref())?,
        reason: args.reason,
    };
    store.move_phase(project, None, &change, &ctx.author)?;
    println!(
        "{}",
        crate::msg::cli_out::phase_moved(&sanitize_line(&args.id), to.label(ctx.lang))
            .get(ctx.lang)
    );
    Ok(ExitCode::SUCCESS)
}
