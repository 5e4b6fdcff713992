//! `seedline outcome`: record a project's outcomes (薬事承認, 企業導出, 非臨床PoC, 治験, 論文), list
//! them with their numbers and versions, edit one (version-checked), delete (soft) and restore.

use super::args::date_arg;
use crate::model::{Coded, NewOutcome, OutcomeChange, OutcomeKind, parse_outcome_kind};
use crate::msg::cli_out as out;
use crate::session::RunContext;
use crate::store::Store;
use crate::text::sanitize_line;
use anyhow::Result;
use std::process::ExitCode;

/// `seedline outcome …`.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Record an outcome of a project.
    Add {
        /// 課題管理番号.
        id: String,
        /// approval, licensing, nonclinical-poc, clinical-trial, paper (or 薬事承認, 企業導出,
        /// 非臨床PoC, 治験, 論文).
        #[arg(long)]
        kind: String,
        /// When it happened (2026-04-01, 2026/4/1, 令和8年4月1日, 昨日): the approval, the contract, the first patient, the
        /// publication.
        #[arg(long)]
        date: String,
        /// 製品名 (approved or licensed product).
        #[arg(long)]
        product: Option<String>,
        /// 内容: one line, e.g. the company, the trial, the journal.
        #[arg(long, default_value = "")]
        detail: String,
    },
    /// A project's outcomes with their numbers and versions (for `outcome edit`).
    List {
        /// 課題管理番号.
        id: String,
        /// Deleted outcomes too (marked).
        #[arg(long)]
        all: bool,
    },
    /// Change an outcome's kind, date, product or detail.
    Edit {
        /// Outcome number (as shown by `seedline outcome list`).
        outcome: i64,
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        date: Option<String>,
        /// An empty value clears the product name.
        #[arg(long)]
        product: Option<String>,
        #[arg(long)]
        detail: Option<String>,
        /// The version you read; a newer one in the database is refused as a conflict (default:
        /// the current one, and a change by someone else before the write is still refused).
        #[arg(long)]
        version: Option<i64>,
    },
    /// Delete an outcome (soft: `outcome restore` brings it back).
    Delete { outcome: i64 },
    /// Bring back a deleted outcome.
    Restore { outcome: i64 },
}

/// A `--kind` value.
fn kind_arg(text: &str) -> Result<OutcomeKind> {
    parse_outcome_kind(text).ok_or_else(|| {
        anyhow::Error::from(crate::msg::cli::not_an_outcome_kind(
            "--kind",
            &sanitize_line(text),
        ))
    })
}

pub fn run(ctx: &RunContext, store: &mut Store, command: Command) -> Result<ExitCode> {
    match command {
        Command::Add {
            id,
            kind,
            date,
            product,
            detail,
        } => {
            let project = store.project_id(&id)?;
            let outcome = NewOutcome {
                kind: kind_arg(&kind)?,
                on: date_arg(ctx, "--date", Some(&date))?,
                product,
                detail,
            };
            let n = store.add_outcome(project, &outcome, &ctx.author)?;
            let kind = outcome.kind.label(ctx.lang);
            let added = out::outcome_added(n, kind, outcome.on, &sanitize_line(&id));
            println!("{}", added.get(ctx.lang));
        }
        Command::List { id, all } => {
            let project = store.project_id(&id)?;
            let rows = store.outcomes(project, all)?;
            if rows.is_empty() {
                println!("{}", out::no_outcomes(&sanitize_line(&id)).get(ctx.lang));
            }
            for r in rows {
                let o = &r.outcome;
                let mut line = format!(
                    "#{}  v{}  {}  {}",
                    r.id,
                    r.version,
                    o.on,
                    o.kind.label(ctx.lang)
                );
                if let Some(p) = &o.product {
                    line.push_str(&format!("  「{}」", sanitize_line(p)));
                }
                if !o.detail.is_empty() {
                    line.push_str(&format!("  {}", sanitize_line(&o.detail)));
                }
                if let Some(by) = &r.recorded_by {
                    line.push_str(&format!("  (recorded by {})", sanitize_line(by)));
                }
                if let Some((at, by)) = &r.deleted {
                    line.push_str(&format!(
                        "  [deleted {at} by {}; seedline outcome restore {}]",
                        sanitize_line(by),
                        r.id
                    ));
                }
                println!("{line}");
            }
        }
        Command::Edit {
            outcome,
            kind,
            date,
            product,
            detail,
            version,
        } => {
            let change = OutcomeChange {
                kind: kind.as_deref().map(kind_arg).transpose()?,
                on: date
                    .as_deref()
                    .map(|d| date_arg(ctx, "--date", Some(d)))
                    .transpose()?,
                product: product.map(|p| Some(p).filter(|p| !p.trim().is_empty())),
                detail,
            };
            // Without --version: the version read now; a change by another session between this
            // read and the write is still a conflict.
            let expected = match version {
                Some(v) => v,
                None => store.outcome(outcome)?.version,
            };
            store.edit_outcome(outcome, expected, &change, &ctx.author)?;
            println!(
                "{}",
                out::saved_version(out::Thing::Outcome, outcome, expected + 1).get(ctx.lang)
            );
        }
        Command::Delete { outcome } => {
            store.delete_outcome(outcome, &ctx.author)?;
            println!(
                "{}",
                out::deleted(out::Thing::Outcome, outcome).get(ctx.lang)
            );
        }
        Command::Restore { outcome } => {
            store.restore_outcome(outcome)?;
            println!(
                "{}",
                out::restored(out::Thing::Outcome, outcome).get(ctx.lang)
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_errors_list_what_works() {
        let e = kind_arg("patent").unwrap_err();
        let ja = crate::msg::cli::describe(&e, crate::Lang::Ja);
        assert!(
            ja.contains("nonclinical-poc") && ja.contains("治験"),
            "{ja}"
        );
        let en = crate::msg::cli::describe(&e, crate::Lang::En);
        assert!(
            en.contains("nonclinical-poc") && !en.contains("治験"),
            "{en}"
        );
        assert_eq!(kind_arg("approval").unwrap().code(), "regulatory_approval");
    }
}
