//! `seedline backup FILE`: a consistent copy of the database while others write, published
//! atomically (see `Store::backup_to`): FILE is either absent or complete, never overwritten.

use crate::store::Store;
use anyhow::Result;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `seedline backup`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write the copy (must not exist: backups never overwrite).
    pub file: PathBuf,
}

pub fn run(store: &Store, args: Args, lang: crate::Lang) -> Result<ExitCode> {
    if args.file.exists() {
        return Err(crate::msg::invalid::backup_exists()
            .at(&args.file.display().to_string())
            .into());
    }
    store.backup_to(&args.file)?;
    let size = std::fs::metadata(&args.file).map(|m| m.len()).unwrap_or(0);
    crate::log::event("backup", &[("bytes", size as i64)]);
    let bytes = crate::text::thousands(size as i64);
    let written = crate::msg::cli_out::backup_written(args.file.display(), &bytes);
    println!("{}", written.get(lang));
    Ok(ExitCode::SUCCESS)
}
