//! `seedline officer`: the roster of PD / PS / PO / DC — add, list, edit, retire, restore.

use super::args::{date_arg, parse_coded};
use crate::model::{Coded, NewOfficer, OfficerEdit, OfficerRole};
use crate::msg::cli;
use crate::session::RunContext;
use crate::store::Store;
use crate::text::{fit, sanitize_line};
use anyhow::Result;
use std::process::ExitCode;

/// `seedline officer …`.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add an officer to the roster.
    Add {
        /// 氏名, e.g. "山田 花子".
        name: String,
        /// PD, PS, PO or DC.
        #[arg(long)]
        role: String,
        /// The OS account that makes this officer "me" when config.toml has no [officer].
        #[arg(long)]
        login: Option<String>,
    },
    /// The roster: name, role, login and current assignments (retired officers with --all).
    List {
        #[arg(long)]
        all: bool,
    },
    /// Change an officer's name, role or login.
    Edit {
        /// 氏名 as on the roster (spaces and width ignored).
        name: String,
        /// The role to pick when the name is on the roster in several roles; otherwise the new role.
        #[arg(long)]
        role: Option<String>,
        /// The new name.
        #[arg(long = "name")]
        new_name: Option<String>,
        /// The new login ("" clears it).
        #[arg(long)]
        login: Option<String>,
        /// The version you looked at (`officer list` shows it); a newer one is refused.
        #[arg(long)]
        version: Option<i64>,
    },
    /// Retire an officer: their current assignments end that day; notes and past assignments stay.
    Retire {
        name: String,
        /// Picks the officer when the name is on the roster in several roles.
        #[arg(long)]
        role: Option<String>,
        /// The retirement day (default: today).
        #[arg(long)]
        on: Option<String>,
    },
    /// Bring a retired officer back on the roster.
    Restore {
        name: String,
        #[arg(long)]
        role: Option<String>,
    },
}

fn role_arg(role: Option<&str>) -> Result<Option<OfficerRole>> {
    role.map(|r| parse_coded::<OfficerRole>("--role", r))
        .transpose()
}

fn non_empty(login: Option<String>) -> Option<String> {
    login
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
}

pub fn run(ctx: &RunContext, store: &mut Store, command: Command) -> Result<ExitCode> {
    match command {
        Command::Add { name, role, login } => {
            let officer = NewOfficer {
                name: name.trim().to_string(),
                role: parse_coded("--role", &role)?,
                login: non_empty(login),
            };
            store.add_officer(&officer)?;
            let added = crate::msg::cli_out::officer_added(
                officer.role.code(),
                &sanitize_line(&officer.name),
            );
            println!("{}", added.get(ctx.lang));
        }
        Command::List { all } => list(store, all, ctx.lang)?,
        Command::Edit {
            name,
            role,
            new_name,
            login,
            version,
        } => {
            let role = role_arg(role.as_deref())?;
            // `--role` picks among several roles; with one officer of that name it is the new role.
            let (officer, new_role) = match store.find_officer(&name, role) {
                Ok(o) => (o, None),
                Err(e) => match (role, store.find_officer(&name, None)) {
                    (Some(r), Ok(o)) => (o, Some(r)),
                    _ => return Err(e.into()),
                },
            };
            let edit = OfficerEdit {
                name: new_name.map(|n| n.trim().to_string()),
                role: new_role,
                login: login.map(|l| non_empty(Some(l))),
            };
            if edit == OfficerEdit::default() {
                return Err(cli::nothing_to_change("--name, --role, --login").into());
            }
            let after =
                store.edit_officer(officer.id, version.unwrap_or(officer.version), &edit)?;
            let changed = crate::msg::cli_out::officer_changed(
                &sanitize_line(&officer.label()),
                &sanitize_line(&after.label()),
                after.version,
            );
            println!("{}", changed.get(ctx.lang));
        }
        Command::Retire { name, role, on } => {
            let officer = store.find_officer(&name, role_arg(role.as_deref())?)?;
            let on = date_arg(ctx, "--on", on.as_deref())?;
            let ended = store.retire_officer(officer.id, None, on)?;
            let retired =
                crate::msg::cli_out::officer_retired(&sanitize_line(&officer.label()), on, ended);
            println!("{}", retired.get(ctx.lang));
        }
        Command::Restore { name, role } => {
            let officer = store.find_officer(&name, role_arg(role.as_deref())?)?;
            store.restore_officer(officer.id)?;
            let back = crate::msg::cli_out::officer_back(&sanitize_line(&officer.label()));
            println!("{}", back.get(ctx.lang));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The roster as aligned columns.
fn list(store: &Store, all: bool, lang: crate::Lang) -> Result<()> {
    let officers = store.officers(all)?;
    if officers.is_empty() {
        println!("{}", crate::msg::cli_out::no_officers().get(lang));
        return Ok(());
    }
    let mut head = format!(
        "{}  {}  {}  {:>5}  {:>3}",
        fit(crate::tr(lang, "氏名", "name"), 20),
        fit(crate::tr(lang, "役割", "role"), 4),
        fit(crate::tr(lang, "ログイン", "login"), 12),
        crate::tr(lang, "担当", "projects"),
        crate::tr(lang, "版", "ver")
    );
    if all {
        head.push_str(crate::tr(lang, "  退任日", "  retired"));
    }
    println!("{}", head.trim_end());
    for o in officers {
        let mut line = format!(
            "{}  {}  {}  {:>5}  {:>3}",
            fit(&sanitize_line(&o.name), 20),
            fit(o.role.code(), 4),
            fit(&sanitize_line(o.login.as_deref().unwrap_or("-")), 12),
            o.assignments,
            o.version
        );
        if let Some(day) = &o.retired_on {
            line.push_str(&format!("  {day}"));
        }
        println!("{}", line.trim_end());
    }
    Ok(())
}
