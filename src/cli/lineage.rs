//! `seedline lineage link|unlink|list`: record which project carried a seed on from which
//! (課題管理番号 to 課題管理番号), take a link back, list the links.
//!
//! Without `--kind`, `link` takes the kind from the data: highway when the predecessor has an
//! accepted highway flag to the successor's program (the flag is recorded with the link), else
//! pairing or matching when a program link joins the two programs, else open call; the printed
//! line says which, so a wrong guess is seen at once.

use super::args::parse_coded;
use super::show_lineage::{amed_id, period, program_name, table};
use crate::model::{Coded, LineageKind, LineageLink};
use crate::msg::lineage::{self as msg, KindSource};
use crate::session::RunContext;
use crate::store::Store;
use crate::text::sanitize_line;
use crate::tr;
use anyhow::Result;
use std::process::ExitCode;

/// `seedline lineage …`.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Record that SUCC carries on the seed of PRED (both 課題管理番号).
    Link {
        /// 前身課題の課題管理番号.
        pred: String,
        /// 後継課題の課題管理番号.
        succ: String,
        /// pairing, matching, highway or open-call (default: from an accepted highway flag or
        /// the program link between the two programs, else open-call).
        #[arg(long)]
        kind: Option<String>,
    },
    /// Remove the link from PRED to SUCC.
    Unlink { pred: String, succ: String },
    /// Every link, or those of one project (as predecessor or successor), with the gap.
    List {
        /// 課題管理番号.
        id: Option<String>,
    },
}

pub fn run(ctx: &RunContext, store: &mut Store, command: Command) -> Result<ExitCode> {
    let lang = ctx.lang;
    match command {
        Command::Link { pred, succ, kind } => {
            let (a, b) = store.lineage_pair_ids(&pred, &succ)?;
            let (inferred, flag) = store.inferred_lineage_kind(a, b)?;
            let (kind, source) = match kind {
                Some(text) => (
                    parse_coded::<LineageKind>("--kind", &text.replace('-', "_"))?,
                    KindSource::Given,
                ),
                None if flag.is_some() => (inferred, KindSource::Flag),
                None if inferred == LineageKind::OpenCall => (inferred, KindSource::Default),
                None => (inferred, KindSource::ProgramLink),
            };
            let flag = flag.filter(|_| kind == LineageKind::Highway);
            store.link_lineage(a, b, kind, flag)?;
            let (p, s) = (sanitize_line(&pred), sanitize_line(&succ));
            println!("{}", msg::linked(&p, &s, kind, source).get(lang));
        }
        Command::Unlink { pred, succ } => {
            let (a, b) = (store.project_id_any(&pred)?, store.project_id_any(&succ)?);
            let (p, s) = (sanitize_line(&pred), sanitize_line(&succ));
            match store.unlink_lineage(a, b) {
                Err(crate::Error::NotFound { .. }) => return Err(msg::no_link(&p, &s).into()),
                other => other?,
            }
            println!("{}", msg::unlinked(&p, &s).get(lang));
        }
        Command::List { id } => {
            let only = id.as_deref().map(|i| store.project_id_any(i)).transpose()?;
            let links: Vec<LineageLink> = store
                .lineage_links()?
                .into_iter()
                .filter(|l| only.is_none_or(|o| l.predecessor.id == o || l.successor.id == o))
                .collect();
            if links.is_empty() {
                println!("{}", msg::no_links().get(lang));
                return Ok(ExitCode::SUCCESS);
            }
            let rows: Vec<Vec<String>> = links.iter().map(|l| row(l, ctx.lang)).collect();
            let header = [
                tr(lang, "前身", "Predecessor"),
                tr(lang, "後継", "Successor"),
                tr(lang, "後継の事業", "Successor program"),
                tr(lang, "後継の期間", "Successor period"),
                tr(lang, "種別", "Kind"),
                tr(lang, "切れ目", "Gap"),
                tr(lang, "記録", "Recorded"),
            ];
            super::program::print_out(&table(&header, &rows))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One line of `lineage list`.
fn row(l: &LineageLink, lang: crate::Lang) -> Vec<String> {
    let mut gap = msg::gap(l.gap_days()).get(lang).to_string();
    if l.flag.is_some() {
        gap = format!("{gap}; {}", msg::decision(l.decision_days()).get(lang));
    }
    vec![
        amed_id(&l.predecessor, lang),
        amed_id(&l.successor, lang),
        program_name(&l.successor, lang),
        period(&l.successor),
        l.kind.label(lang).to_string(),
        gap,
        format!(
            "{} {}",
            sanitize_line(&l.linked_by),
            l.linked_at.get(..10).unwrap_or(&l.linked_at)
        ),
    ]
}
