//! `seedline init`: create the database with AMED reference data, or add missing reference rows.

use crate::session::RunContext;
use crate::store::{OpenOptions, Store};
use anyhow::Result;
use std::path::Path;
use std::process::ExitCode;

/// Arguments of `seedline init`.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(ctx: &RunContext, path: &Path, _args: Args) -> Result<ExitCode> {
    let existed = path.exists();
    super::announce_upgrade(path, ctx);
    let mut store = Store::open(path, OpenOptions { create: true })?;
    store.ensure_reference()?;
    let reference = store.reference()?;
    let counts = [
        reference.integrated_projects.len(),
        reference.disease_areas.len(),
        reference.programs.len(),
        reference.program_links.len(),
    ];
    let done = crate::msg::cli_out::initialized(existed, path.display(), counts);
    println!("{}", done.get(ctx.lang));
    Ok(ExitCode::SUCCESS)
}
