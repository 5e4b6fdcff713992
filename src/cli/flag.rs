//! `seedline flag`: flag a seed for highway support, or move its open flag.

use super::args::parse_coded;
use crate::model::{Coded, Criteria, CriterionStatus, FlagStatus, NewFlag};
use crate::session::RunContext;
use crate::store::Store;
use crate::text::{Lines, check_text, sanitize_line};
use anyhow::Result;
use std::process::ExitCode;

/// `seedline flag ID …`: with --to, create a flag; without, move the open flag to --status.
#[derive(Debug, clap::Args)]
pub struct Args {
    pub id: String,
    /// Successor program (code or Japanese name); creates a new flag.
    #[arg(long)]
    pub to: Option<String>,
    /// Why (required).
    #[arg(long)]
    pub reason: String,
    /// candidate or recommended for a new flag; recommended, accepted, declined, withdrawn to move one.
    #[arg(long)]
    pub status: Option<String>,
    /// 競合優位性: not-assessed, insufficient, partial or sufficient, optionally ":comment".
    #[arg(long)]
    pub competitive: Option<String>,
    /// 知財ポートフォリオ: as --competitive.
    #[arg(long)]
    pub ip: Option<String>,
    /// 有効性・安全性・再現性データ: as --competitive.
    #[arg(long)]
    pub evidence: Option<String>,
}

fn criterion(flag: &str, text: Option<&str>) -> Result<(CriterionStatus, String)> {
    let Some(text) = text else {
        return Ok((CriterionStatus::NotAssessed, String::new()));
    };
    let (status, comment) = text.split_once(':').unwrap_or((text, ""));
    check_text(flag, comment, Lines::Many)?;
    Ok((
        parse_coded::<CriterionStatus>(flag, status)?,
        comment.trim().to_string(),
    ))
}

/// A program by code, exact Japanese name, or a part of its name that matches only one.
pub fn resolve_program(store: &Store, text: &str) -> Result<crate::model::ProgramRef> {
    let reference = store.reference()?;
    let wanted = crate::model::fold_key(text);
    if let Some(p) = reference.programs.iter().find(|p| {
        crate::model::fold_key(&p.code) == wanted || crate::model::fold_key(&p.name_ja) == wanted
    }) {
        return Ok(p.clone());
    }
    let partial: Vec<_> = reference
        .programs
        .iter()
        .filter(|p| crate::model::fold_key(&p.name_ja).contains(&wanted))
        .collect();
    match partial.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(crate::msg::cli::no_program_matches(
            &sanitize_line(text),
            &reference
                .programs
                .iter()
                .map(|p| p.code.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        )
        .into()),
        many => Err(crate::msg::cli::several_programs_match(
            &sanitize_line(text),
            many.len(),
            &many
                .iter()
                .map(|p| p.code.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        )
        .into()),
    }
}

pub fn run(store: &mut Store, ctx: &RunContext, args: Args) -> Result<ExitCode> {
    check_text("--reason", &args.reason, Lines::Many)?;
    let project = store.project_id(&args.id)?;
    match &args.to {
        Some(to) => {
            let program = resolve_program(store, to)?;
            let status = match &args.status {
                Some(s) => parse_coded::<FlagStatus>("--status", s)?,
                None => FlagStatus::Candidate,
            };
            let flag = NewFlag {
                target_program_id: program.id,
                reason: args.reason.clone(),
                criteria: Criteria {
                    competitive: criterion("--competitive", args.competitive.as_deref())?,
                    ip: criterion("--ip", args.ip.as_deref())?,
                    evidence: criterion("--evidence", args.evidence.as_deref())?,
                },
                status,
            };
            let id = store.add_flag(project, &flag, &ctx.author)?;
            let name = match ctx.lang {
                crate::Lang::Ja => &program.name_ja,
                crate::Lang::En => &program.name_en,
            };
            let added = crate::msg::cli_out::flag_added(
                id,
                &sanitize_line(&args.id),
                &sanitize_line(name),
                status.label(ctx.lang),
            );
            println!("{}", added.get(ctx.lang));
        }
        None => {
            let Some(status) = &args.status else {
                return Err(crate::msg::cli::flag_needs_to_or_status().into());
            };
            let to = parse_coded::<FlagStatus>("--status", status)?;
            let (flag_id, from, version) = store
                .open_flag(project)?
                .ok_or_else(|| crate::msg::cli::no_open_flag(&sanitize_line(&args.id)))?;
            store.move_flag(flag_id, version, to, &args.reason, &ctx.author)?;
            println!(
                "{}",
                crate::msg::cli_out::flag_moved(flag_id, from.label(ctx.lang), to.label(ctx.lang))
                    .get(ctx.lang)
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
