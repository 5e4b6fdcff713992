//! `seedline watch`: my watch list — projects followed without being assigned.

use crate::model::Coded;
use crate::session::RunContext;
use crate::store::Store;
use crate::text::sanitize_line;
use anyhow::Result;
use std::process::ExitCode;

/// `seedline watch …`.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Put projects on my watch list.
    Add {
        /// 課題管理番号 (one or more).
        #[arg(required = true)]
        ids: Vec<String>,
    },
    /// Take projects off my watch list.
    Remove {
        #[arg(required = true)]
        ids: Vec<String>,
    },
    /// The projects on my watch list (`seedline show portfolio` adds my assigned ones).
    List,
}

pub fn run(ctx: &RunContext, store: &mut Store, command: Command) -> Result<ExitCode> {
    let me = &ctx.author.name;
    match command {
        Command::Add { ids } => {
            let projects = resolve_ids(store, &ids)?;
            for (id, project) in ids.iter().zip(projects) {
                store.set_watch(project, me, Some(true))?;
                println!(
                    "{}",
                    crate::msg::cli_out::watching(&sanitize_line(id), true).get(ctx.lang)
                );
            }
        }
        Command::Remove { ids } => {
            let projects = resolve_ids(store, &ids)?;
            for (id, project) in ids.iter().zip(projects) {
                store.set_watch(project, me, Some(false))?;
                println!(
                    "{}",
                    crate::msg::cli_out::watching(&sanitize_line(id), false).get(ctx.lang)
                );
            }
        }
        Command::List => {
            let filter = crate::query::Filter {
                watched: Some(true),
                ..Default::default()
            };
            let ids = store.project_ids(&filter, Default::default(), &ctx.scope())?;
            for row in store.project_rows(&ids, &ctx.scope())? {
                println!(
                    "{}\t{}\t{}",
                    sanitize_line(&row.amed_id),
                    row.phase.label(ctx.lang),
                    sanitize_line(&row.title)
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Every id must exist before anything is written.
fn resolve_ids(store: &Store, ids: &[String]) -> Result<Vec<i64>> {
    ids.iter()
        .map(|id| Ok(store.project_id(id)?))
        .collect::<Result<Vec<_>>>()
}
