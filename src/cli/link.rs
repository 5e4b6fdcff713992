//! `seedline link`: pairings and matchings between programs (先行事業 → 後継事業).

use super::args::{date_arg, parse_coded};
use super::program::program_code;
use crate::model::{Coded, LinkKind};
use crate::session::RunContext;
use crate::store::Store;
use crate::text::sanitize_line;
use crate::tr;
use anyhow::Result;
use std::process::ExitCode;

/// `seedline link …`.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Link a preceding program to a successor (codes or whole names).
    Add {
        /// 先行事業.
        preceding: String,
        /// 後継事業.
        successor: String,
        /// pairing (ペアリング) or matching (マッチング).
        #[arg(long)]
        kind: String,
        /// Since when the link holds (2026-04-01, 2026/4/1, 令和8年4月1日).
        #[arg(long)]
        since: Option<String>,
    },
    /// The links, or those of one program (as preceding or successor).
    List { program: Option<String> },
    /// Remove a link.
    Remove {
        preceding: String,
        successor: String,
        #[arg(long)]
        kind: String,
    },
}

pub fn run(ctx: &RunContext, store: &mut Store, command: Command) -> Result<ExitCode> {
    let reference = store.reference()?;
    match command {
        Command::Add {
            preceding,
            successor,
            kind,
            since,
        } => {
            let (from, to) = (
                program_code(&reference, &preceding)?,
                program_code(&reference, &successor)?,
            );
            let kind = parse_coded::<LinkKind>("--kind", &kind)?;
            let since = since
                .map(|s| date_arg(ctx, "--since", Some(&s)))
                .transpose()?;
            store.add_program_link(&from, &to, kind, since)?;
            println!(
                "{}",
                crate::msg::cli_out::program_linked(&from, &to, kind.code(), true).get(ctx.lang)
            );
        }
        Command::List { program } => {
            let only = program.map(|p| program_code(&reference, &p)).transpose()?;
            let lang = ctx.lang;
            let mut out = String::new();
            for link in &reference.program_links {
                let (Some(a), Some(b)) = (
                    reference.program(link.preceding),
                    reference.program(link.successor),
                ) else {
                    continue;
                };
                if only.as_ref().is_some_and(|c| *c != a.code && *c != b.code) {
                    continue;
                }
                let since = link
                    .since
                    .map(|d| format!("  {} {d}", tr(lang, "開始", "since")))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "{} → {}  {}{since}  ({} → {})\n",
                    a.code,
                    b.code,
                    link.kind.label(lang),
                    sanitize_line(crate::model::reference::program::display_name(a, lang)),
                    sanitize_line(crate::model::reference::program::display_name(b, lang)),
                ));
            }
            super::program::print_out(&out)?;
        }
        Command::Remove {
            preceding,
            successor,
            kind,
        } => {
            let (from, to) = (
                program_code(&reference, &preceding)?,
                program_code(&reference, &successor)?,
            );
            let kind = parse_coded::<LinkKind>("--kind", &kind)?;
            store.remove_program_link(&from, &to, kind)?;
            println!(
                "{}",
                crate::msg::cli_out::program_linked(&from, &to, kind.code(), false).get(ctx.lang)
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
