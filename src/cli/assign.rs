//! `seedline assign` / `seedline unassign`: an officer on or off many projects at once, in one
//! transaction (all or nothing), with the dates kept (who accompanied a seed when).

use super::args::{date_arg, parse_coded};
use crate::model::{Officer, OfficerRole};
use crate::msg::cli;
use crate::session::RunContext;
use crate::store::Store;
use crate::text::sanitize_line;
use anyhow::Result;
use std::collections::HashMap;
use std::process::ExitCode;

/// `seedline assign ID… --officer NAME [--from D]`.
#[derive(Debug, clap::Args)]
pub struct AssignArgs {
    /// 課題管理番号 (one or more).
    #[arg(required = true)]
    pub ids: Vec<String>,
    /// 氏名 as on the roster (`seedline officer list`).
    #[arg(long)]
    pub officer: String,
    /// Picks the officer when the name is on the roster in several roles.
    #[arg(long)]
    pub role: Option<String>,
    /// First day of the assignment (default: today).
    #[arg(long)]
    pub from: Option<String>,
}

/// `seedline unassign ID… --officer NAME [--to D]`.
#[derive(Debug, clap::Args)]
pub struct UnassignArgs {
    /// 課題管理番号 (one or more).
    #[arg(required = true)]
    pub ids: Vec<String>,
    #[arg(long)]
    pub officer: String,
    /// Picks the officer when the name is on the roster in several roles.
    #[arg(long)]
    pub role: Option<String>,
    /// Last day of the assignment (default: today; not before its start).
    #[arg(long)]
    pub to: Option<String>,
}

/// The officer and the projects' row ids (every unknown 課題管理番号 named at once), with their
/// 課題管理番号 for the report.
fn resolve(
    store: &Store,
    ids: &[String],
    officer: &str,
    role: Option<&str>,
) -> Result<(Officer, Vec<i64>, HashMap<i64, String>)> {
    let role = role
        .map(|r| parse_coded::<OfficerRole>("--role", r))
        .transpose()?;
    let mut unique: Vec<String> = Vec::new();
    for id in ids.iter().map(|i| i.trim().to_string()) {
        if !unique.contains(&id) {
            unique.push(id);
        }
    }
    let ids = unique;
    let (found, missing) = store.project_ids_by_amed_id(&ids)?;
    if !missing.is_empty() {
        let shown: Vec<String> = missing
            .iter()
            .map(|m| format!("'{}'", sanitize_line(m)))
            .collect();
        return Err(cli::unknown_projects(&shown.join(", ")).into());
    }
    let officer = store.find_officer(officer, role)?;
    // Every id was found, so `found` follows `ids` one to one.
    let names = found.iter().copied().zip(ids).collect();
    Ok((officer, found, names))
}

fn listed(ids: &[i64], names: &HashMap<i64, String>) -> String {
    ids.iter()
        .map(|id| sanitize_line(names.get(id).map_or("?", String::as_str)).into_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn assign(ctx: &RunContext, store: &mut Store, args: AssignArgs) -> Result<ExitCode> {
    let (officer, ids, names) = resolve(store, &args.ids, &args.officer, args.role.as_deref())?;
    let from = date_arg(ctx, "--from", args.from.as_deref())?;
    let done = store.assign_officer(&ids, officer.id, None, from)?;
    let who = sanitize_line(&officer.label()).into_owned();
    if !done.added.is_empty() {
        let line = crate::msg::cli_out::assigned(&who, &listed(&done.added, &names), from);
        println!("{}", line.get(ctx.lang));
    }
    if !done.already.is_empty() {
        let line = crate::msg::cli_out::already_assigned(&who, &listed(&done.already, &names));
        println!("{}", line.get(ctx.lang));
    }
    Ok(ExitCode::SUCCESS)
}

pub fn unassign(ctx: &RunContext, store: &mut Store, args: UnassignArgs) -> Result<ExitCode> {
    let (officer, ids, names) = resolve(store, &args.ids, &args.officer, args.role.as_deref())?;
    let to = date_arg(ctx, "--to", args.to.as_deref())?;
    // An assignment ends when it is ended: a later date would drop the projects from `mine` now.
    if to > ctx.today {
        return Err(cli::unassign_in_future(to, ctx.today).into());
    }
    let done = store.unassign_officer(&ids, officer.id, None, to, false)?;
    let who = sanitize_line(&officer.label()).into_owned();
    for (id, from) in &done.ended {
        let project = listed(&[*id], &names);
        let line =
            crate::msg::cli_out::unassigned(&who, &project, from.as_deref().unwrap_or("?"), to);
        println!("{}", line.get(ctx.lang));
    }
    if !done.not_assigned.is_empty() {
        let line = crate::msg::cli_out::not_assigned(&who, &listed(&done.not_assigned, &names));
        println!("{}", line.get(ctx.lang));
    }
    Ok(ExitCode::SUCCESS)
}
