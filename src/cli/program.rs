//! `seedline program`: add, edit, list, retire and restore programs (事業), and a program's history.

use super::args::{date_arg, parse_coded};
use crate::model::reference::program::{display_name, find_program, parse_phase_range};
use crate::model::{
    Coded, Ministry, NameIndex, NameMatch, NewProgram, ProgramChange, RefKind, Reference,
};
use crate::msg::cli_out as out;
use crate::session::RunContext;
use crate::store::Store;
use crate::text::{fit, fit_right, sanitize_line};
use crate::{Lang, tr};
use anyhow::Result;
use std::process::ExitCode;

/// `seedline program …`.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add a program (事業) that is not built in.
    Add {
        /// A short code: letters, digits, '-', '_', '.' (e.g. dementia-rd).
        #[arg(long)]
        code: String,
        /// 事業名 (Japanese name).
        #[arg(long)]
        name: String,
        /// English name (default: none; the Japanese name is shown).
        #[arg(long = "name-en", default_value = "")]
        name_en: String,
        /// MEXT, MHLW, METI or other.
        #[arg(long)]
        ministry: String,
        /// Integrated project (code or name, e.g. drug or 医薬品プロジェクト).
        #[arg(long)]
        ip: String,
        /// The phases it funds: one phase or a range such as 基礎..臨床.
        #[arg(long)]
        phases: String,
    },
    /// Change a program's names, ministry, integrated project or phases.
    Edit {
        /// Program code (or its whole name).
        program: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long = "name-en")]
        name_en: Option<String>,
        #[arg(long)]
        ministry: Option<String>,
        #[arg(long)]
        ip: Option<String>,
        #[arg(long)]
        phases: Option<String>,
        /// The version you edited (`program list` shows it); a newer one in the database is
        /// refused as a conflict. Default: the current version.
        #[arg(long)]
        version: Option<i64>,
    },
    /// The programs: code, 事業名, ministry, integrated project, phases, projects, successors.
    List {
        /// Include retired programs.
        #[arg(long)]
        all: bool,
    },
    /// Retire a program: its projects stay; it takes no new ones.
    Retire {
        program: String,
        /// The day it ended (default: today).
        #[arg(long)]
        on: Option<String>,
    },
    /// Bring a retired program back.
    Restore { program: String },
    /// Every change to a program and its links, newest first.
    History { program: String },
}

/// The code of the program `text` names (code or whole name; a part of one name is suggested).
pub(super) fn program_code(reference: &Reference, text: &str) -> Result<String> {
    let index = NameIndex::new(reference, RefKind::Program);
    let id = find_program(&index, text)?;
    Ok(index
        .code(id)
        .ok_or_else(|| crate::msg::csv::unknown_program(&sanitize_line(text)))?
        .to_string())
}

/// The code of the integrated project `text` names (code or name, with or without プロジェクト).
fn ip_code(reference: &Reference, text: &str) -> Result<String> {
    let index = NameIndex::new(reference, RefKind::IntegratedProject);
    let value = sanitize_line(text);
    let codes = || {
        reference
            .integrated_projects
            .iter()
            .map(|p| p.code.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match index.find(text) {
        NameMatch::Exact(ids) => ids.first().and_then(|id| index.code(*id)),
        NameMatch::Partial(ids) if ids.len() == 1 => index.code(ids[0]),
        _ => None,
    }
    .map(str::to_string)
    .ok_or_else(|| anyhow::Error::from(crate::msg::cli::unknown_ip(&value, &codes())))
}

fn phases_arg(text: &str) -> Result<(crate::model::Phase, crate::model::Phase)> {
    parse_phase_range(text).ok_or_else(|| {
        anyhow::Error::from(crate::msg::cli::not_a_phase_range(&sanitize_line(text)))
    })
}

pub fn run(ctx: &RunContext, store: &mut Store, command: Command) -> Result<ExitCode> {
    let reference = store.reference()?;
    match command {
        Command::Add {
            code,
            name,
            name_en,
            ministry,
            ip,
            phases,
        } => {
            let (first_phase, last_phase) = phases_arg(&phases)?;
            let program = NewProgram {
                code,
                name_ja: name,
                name_en,
                ministry: parse_coded::<Ministry>("--ministry", &ministry)?,
                integrated_project: ip_code(&reference, &ip)?,
                first_phase,
                last_phase,
                retired_on: None,
            };
            store.add_program(&program)?;
            // A program added with its Japanese name only is named by it in English too.
            let name = match ctx.lang {
                crate::Lang::En if !program.name_en.trim().is_empty() => &program.name_en,
                _ => &program.name_ja,
            };
            let added = out::program_added(&program.code, &sanitize_line(name));
            println!("{}", added.get(ctx.lang));
        }
        Command::Edit {
            program,
            name,
            name_en,
            ministry,
            ip,
            phases,
            version,
        } => {
            let code = program_code(&reference, &program)?;
            let change = ProgramChange {
                name_ja: name,
                name_en,
                ministry: ministry
                    .map(|m| parse_coded::<Ministry>("--ministry", &m))
                    .transpose()?,
                integrated_project: ip.map(|i| ip_code(&reference, &i)).transpose()?,
                phases: phases.map(|p| phases_arg(&p)).transpose()?,
            };
            if change.is_empty() {
                return Err(crate::msg::cli::nothing_to_change(
                    "--name, --name-en, --ministry, --ip, --phases",
                )
                .into());
            }
            let current = reference.program_by_code(&code).map_or(1, |p| p.version);
            let new = store.edit_program(&code, version.unwrap_or(current), &change)?;
            if new == version.unwrap_or(current) {
                println!("{}", out::program_saved(&code, new, false).get(ctx.lang));
            } else {
                println!("{}", out::program_saved(&code, new, true).get(ctx.lang));
            }
        }
        Command::List { all } => {
            let counts = store.program_project_counts()?;
            print_out(&list_text(&reference, &counts, all, ctx.lang))?;
        }
        Command::Retire { program, on } => {
            let code = program_code(&reference, &program)?;
            let day = date_arg(ctx, "--on", on.as_deref())?;
            store.set_program_retired(&code, Some(day))?;
            println!("{}", out::program_retired(&code, day).get(ctx.lang));
        }
        Command::Restore { program } => {
            let code = program_code(&reference, &program)?;
            store.set_program_retired(&code, None)?;
            println!("{}", out::program_restored(&code).get(ctx.lang));
        }
        Command::History { program } => {
            let code = program_code(&reference, &program)?;
            let mut out = String::new();
            for h in store.program_history(&code)? {
                out.push_str(&format!(
                    "{}  {}  {}  {}\n",
                    h.at,
                    sanitize_line(&h.actor),
                    h.action,
                    sanitize_line(&h.summary)
                ));
            }
            print_out(&out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes `text` to standard output; a reader that went away (`| head`) is not an error.
pub(super) fn print_out(text: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// The program table: one line per program, grouped by integrated project.
fn list_text(
    reference: &Reference,
    counts: &std::collections::HashMap<i64, i64>,
    all: bool,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let rows = reference.program_rows(counts, all);
    let code_w = rows
        .iter()
        .map(|r| crate::text::width(&r.program.code))
        .max()
        .unwrap_or(4)
        .max(4);
    let phases = |p: &crate::model::ProgramRef| {
        crate::model::reference::program::phase_range_label(p.first_phase, p.last_phase, lang)
    };
    let phase_w = rows
        .iter()
        .map(|r| crate::text::width(&phases(&r.program)))
        .max()
        .unwrap_or(8)
        .max(8);
    let retired_head = if all {
        format!("{}  ", fit(tr(lang, "廃止日", "retired"), 10))
    } else {
        String::new()
    };
    out.push_str(&format!(
        "{}  {}  {}  {}  {}  {}{}  {}  {}\n",
        fit(tr(lang, "コード", "code"), code_w),
        fit(tr(lang, "事業名", "program"), 36),
        fit(tr(lang, "府省", "ministry"), 8),
        fit(tr(lang, "統合プロジェクト", "integrated project"), 24),
        fit(tr(lang, "フェーズ", "phases"), phase_w),
        retired_head,
        fit_right(tr(lang, "課題数", "projects"), 8),
        fit_right("ver", 3),
        tr(lang, "後継事業", "successors"),
    ));
    for r in &rows {
        let p = &r.program;
        let ministry = Ministry::parse(&p.ministry).map_or(p.ministry.as_str(), |m| m.code());
        let name = display_name(p, lang).to_string();
        let retired = if all {
            let day = p.retired_on.map(|d| d.to_string()).unwrap_or_default();
            format!("{}  ", fit(&day, 10))
        } else {
            String::new()
        };
        let links: Vec<String> = r
            .successors
            .iter()
            .map(|(code, _, _, kind)| format!("→ {code} ({})", kind.label(lang)))
            .collect();
        out.push_str(&format!(
            "{}  {}  {}  {}  {}  {}{}  {}  {}\n",
            fit(&sanitize_line(&p.code), code_w),
            fit(&sanitize_line(&name), 36),
            fit(ministry, 8),
            fit(&sanitize_line(r.ip_name(lang)), 24),
            fit(&phases(p), phase_w),
            retired,
            fit_right(&r.projects.to_string(), 8),
            fit_right(&p.version.to_string(), 3),
            sanitize_line(&links.join(", ")),
        ));
    }
    out
}
