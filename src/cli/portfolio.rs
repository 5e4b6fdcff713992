//! Portfolio records from the command line, for scripts: the watch list, attachments (links) and
//! deadlines. `ID` is always the 課題管理番号; attachments and deadlines have row numbers as
//! printed by the `list` subcommands and `seedline show project`.

use crate::model::{AttachmentKind, Coded, DeadlineKind, NewAttachment, NewDeadline, parse_date};
use crate::session::RunContext;
use crate::store::Store;
use crate::text::sanitize_line;
use anyhow::{Context, Result, anyhow, bail};
use sha2::{Digest, Sha256};
use std::io::Read;
use std::process::ExitCode;

/// `seedline watch …`.
#[derive(Debug, clap::Subcommand)]
pub enum WatchCommand {
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

/// `seedline attach …`.
#[derive(Debug, clap::Subcommand)]
pub enum AttachCommand {
    /// Link a file (path) or URL to a project, or to one of its notes (--note) or flags (--flag).
    Add {
        /// 課題管理番号.
        id: String,
        /// File path or URL (http, https, file). Only the link is stored, never the contents.
        target: String,
        /// What it is, e.g. "推薦書 2025年度".
        #[arg(long)]
        label: String,
        /// recommendation (推薦書), report, minutes, contract, ip, data, other.
        #[arg(long, default_value = "other")]
        kind: String,
        /// The document's date.
        #[arg(long)]
        date: Option<String>,
        /// Note number to attach to.
        #[arg(long, conflicts_with = "flag")]
        note: Option<i64>,
        /// Flag number to attach to.
        #[arg(long)]
        flag: Option<i64>,
        /// Record the file's SHA-256 (read once now), to tell a changed file later.
        #[arg(long)]
        checksum: bool,
    },
    /// A project's links.
    List { id: String },
    /// Open a link with the system opener (xdg-open), or print where it is.
    Open { attachment: i64 },
    /// Check recorded checksums against the files as they are now.
    Verify { id: String },
    /// Remove a link from the lists (kept in the database with who and when).
    Remove { attachment: i64 },
}

/// `seedline deadline …`.
#[derive(Debug, clap::Subcommand)]
pub enum DeadlineCommand {
    /// Add a deadline: annual-report, interim-evaluation, final-evaluation or stage-gate.
    Add {
        id: String,
        /// annual-report (年次報告), interim-evaluation (中間評価), final-evaluation (事後評価), stage-gate.
        #[arg(long)]
        kind: String,
        /// Due date (YYYY-MM-DD or 令和7年5月31日).
        #[arg(long)]
        due: String,
        #[arg(long, default_value = "")]
        title: String,
    },
    /// Mark a deadline done (today unless --on).
    Done {
        deadline: i64,
        #[arg(long)]
        on: Option<String>,
    },
    /// Reopen a deadline marked done by mistake.
    Reopen { deadline: i64 },
    /// A project's deadlines.
    List { id: String },
}

pub fn watch(ctx: &RunContext, store: &mut Store, command: WatchCommand) -> Result<ExitCode> {
    let me = &ctx.author.name;
    match command {
        WatchCommand::Add { ids } => {
            let projects = resolve_ids(store, &ids)?;
            for (id, project) in ids.iter().zip(projects) {
                store.set_watch(project, me, Some(true))?;
                println!("watching {}", sanitize_line(id));
            }
        }
        WatchCommand::Remove { ids } => {
            let projects = resolve_ids(store, &ids)?;
            for (id, project) in ids.iter().zip(projects) {
                store.set_watch(project, me, Some(false))?;
                println!("not watching {}", sanitize_line(id));
            }
        }
        WatchCommand::List => {
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

fn date_arg(what: &str, text: &str) -> Result<crate::model::Date> {
    crate::csv_io::dates::parse(text)
        .or_else(|| parse_date(text))
        .ok_or_else(|| {
            anyhow!("--{what}: '{text}' is not a date (expected 2025-05-31 or 令和7年5月31日)")
        })
}

/// The SHA-256 of a local file, read in blocks.
fn sha256_of(path: &str) -> Result<String> {
    let mut file =
        std::fs::File::open(path).with_context(|| format!("--checksum: cannot read {path}"))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

pub fn attach(ctx: &RunContext, store: &mut Store, command: AttachCommand) -> Result<ExitCode> {
    match command {
        AttachCommand::Add {
            id,
            target,
            label,
            kind,
            date,
            note,
            flag,
            checksum,
        } => {
            let project = store.project_id(&id)?;
            let kind = AttachmentKind::parse(&kind).ok_or_else(|| {
                anyhow!(
                    "--kind: '{kind}' unknown; expected {}",
                    AttachmentKind::codes_list()
                )
            })?;
            let dated_on = date.as_deref().map(|d| date_arg("date", d)).transpose()?;
            let sha256 = if checksum {
                if target.contains("://") {
                    bail!("--checksum: only a local file can be read, not a URL");
                }
                Some(sha256_of(&target)?)
            } else {
                None
            };
            let attachment = NewAttachment {
                note_id: note,
                flag_id: flag,
                target,
                label,
                kind,
                dated_on,
                sha256,
            };
            let n = store.add_attachment(project, &attachment, &ctx.author)?;
            println!("attachment #{n} added to {}", sanitize_line(&id));
        }
        AttachCommand::List { id } => {
            let project = store.project_id(&id)?;
            for a in store.attachments(project)? {
                let on = match (a.note_id, a.flag_id) {
                    (Some(n), _) => format!("note #{n}"),
                    (_, Some(f)) => format!("flag #{f}"),
                    _ => "project".into(),
                };
                println!(
                    "#{}\t{}\t{}\t{}\t{}\t{}",
                    a.id,
                    a.kind.label(ctx.lang),
                    a.dated_on.as_deref().unwrap_or("-"),
                    on,
                    sanitize_line(&a.label),
                    sanitize_line(&a.target)
                );
            }
        }
        AttachCommand::Open { attachment } => {
            let a = store.attachment(attachment)?;
            println!(
                "{}",
                sanitize_line(&crate::opener::open(&a.target, ctx.lang))
            );
        }
        AttachCommand::Verify { id } => {
            let project = store.project_id(&id)?;
            let mut changed = 0;
            for a in store.attachments(project)? {
                let Some(recorded) = &a.sha256 else { continue };
                let state = match sha256_of(&a.target) {
                    Ok(now) if now == *recorded => "ok",
                    Ok(_) => {
                        changed += 1;
                        "CHANGED"
                    }
                    Err(_) => {
                        changed += 1;
                        "MISSING"
                    }
                };
                println!("#{}\t{state}\t{}", a.id, sanitize_line(&a.target));
            }
            if changed > 0 {
                return Ok(ExitCode::FAILURE);
            }
        }
        AttachCommand::Remove { attachment } => {
            store.remove_attachment(attachment, &ctx.author)?;
            println!("attachment #{attachment} removed");
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn deadline(ctx: &RunContext, store: &mut Store, command: DeadlineCommand) -> Result<ExitCode> {
    match command {
        DeadlineCommand::Add {
            id,
            kind,
            due,
            title,
        } => {
            let project = store.project_id(&id)?;
            let kind = DeadlineKind::parse(&kind).ok_or_else(|| {
                anyhow!(
                    "--kind: '{kind}' unknown; expected {}",
                    DeadlineKind::codes_list()
                )
            })?;
            let deadline = NewDeadline {
                kind,
                title,
                due_on: date_arg("due", &due)?,
            };
            let n = store.add_deadline(project, &deadline, &ctx.author)?;
            println!("deadline #{n} added to {}", sanitize_line(&id));
        }
        DeadlineCommand::Done { deadline, on } => {
            let on = match on {
                Some(text) => date_arg("on", &text)?,
                None => ctx.today,
            };
            store.set_deadline_done(deadline, None, Some(on), &ctx.author)?;
            println!("deadline #{deadline} done on {on}");
        }
        DeadlineCommand::Reopen { deadline } => {
            store.set_deadline_done(deadline, None, None, &ctx.author)?;
            println!("deadline #{deadline} reopened");
        }
        DeadlineCommand::List { id } => {
            let project = store.project_id(&id)?;
            for d in store.project_detail(project)?.deadlines {
                let state = match &d.done {
                    Some((on, by)) => format!("done {on} {}", sanitize_line(by)),
                    None if d.due_on < ctx.today.to_string() => "OVERDUE".into(),
                    None => "open".into(),
                };
                println!(
                    "#{}\t{}\t{}\t{state}\t{}",
                    d.id,
                    d.due_on,
                    d.kind.label(ctx.lang),
                    sanitize_line(&d.title)
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
