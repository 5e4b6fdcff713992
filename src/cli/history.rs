//! `seedline history`: every change to a project, newest first.

use crate::store::Store;
use crate::text::sanitize_line;
use anyhow::Result;
use std::process::ExitCode;

/// `seedline history ID`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 課題管理番号.
    pub id: String,
}

pub fn run(ctx: &crate::session::RunContext, store: &Store, args: Args) -> Result<ExitCode> {
    // A retired project's history too (its retirement is the newest line).
    let project = store.project_id_any(&args.id)?;
    // One line per change: when (local time), who (the officer), the action's code (for
    // scripts), and the change in words.
    for h in store.history(project)? {
        println!(
            "{}  {}  {}  {}",
            h.at,
            sanitize_line(h.who()),
            h.action,
            sanitize_line(&h.text(ctx.lang))
        );
    }
    Ok(ExitCode::SUCCESS)
}
