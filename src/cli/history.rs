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
    for h in store.history(project)? {
        let who = match &h.officer {
            Some(o) if *o != h.actor => format!("{} ({})", o, h.actor),
            _ => h.actor.clone(),
        };
        println!(
            "{}  {}  {}  {}",
            h.at,
            sanitize_line(&who),
            h.action,
            sanitize_line(&h.text(ctx.lang))
        );
    }
    Ok(ExitCode::SUCCESS)
}
