//! `seedline attach`: file links (path or URL) on a project, note or flag: add, list, open,
//! verify, remove. Attachments have row numbers as printed by `attach list` and `show project`.

use super::args::era_date_arg;
use crate::model::{AttachmentKind, Coded, NewAttachment};
use crate::session::RunContext;
use crate::store::Store;
use crate::text::{Lines, check_text, sanitize_line};
use anyhow::Result;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::process::ExitCode;

/// `seedline attach …`.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
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

/// The SHA-256 of a local file, read in blocks.
fn sha256_of(path: &str) -> Result<String> {
    let mut file =
        std::fs::File::open(path).map_err(|e| crate::msg::cli::checksum_cannot_read(path, &e))?;
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

pub fn run(ctx: &RunContext, store: &mut Store, command: Command) -> Result<ExitCode> {
    match command {
        Command::Add {
            id,
            target,
            label,
            kind,
            date,
            note,
            flag,
            checksum,
        } => {
            check_text("TARGET", &target, Lines::One)?;
            check_text("--label", &label, Lines::One)?;
            let project = store.project_id(&id)?;
            let kind = AttachmentKind::parse(&kind).ok_or_else(|| {
                crate::msg::cli::unknown_kind(&kind, &AttachmentKind::codes_list())
            })?;
            let dated_on = date
                .as_deref()
                .map(|d| era_date_arg(ctx, "date", d))
                .transpose()?;
            let sha256 = if checksum {
                if target.contains("://") {
                    return Err(crate::msg::cli::checksum_url().into());
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
            println!(
                "{}",
                crate::msg::cli_out::attachment_added(n, &sanitize_line(&id)).get(ctx.lang)
            );
        }
        Command::List { id } => {
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
        Command::Open { attachment } => {
            let a = store.attachment(attachment)?;
            println!(
                "{}",
                sanitize_line(&crate::opener::open(&a.target).message(ctx.lang))
            );
        }
        Command::Verify { id } => {
            let project = store.project_id(&id)?;
            let mut changed = 0;
            for a in store.attachments(project)? {
                let Some(recorded) = &a.sha256 else { continue };
                let state = match sha256_of(&a.target) {
                    Ok(now) if now == *recorded => crate::tr(ctx.lang, "一致", "ok"),
                    Ok(_) => {
                        changed += 1;
                        crate::tr(ctx.lang, "変更あり", "CHANGED")
                    }
                    Err(_) => {
                        changed += 1;
                        crate::tr(ctx.lang, "見つからない", "MISSING")
                    }
                };
                println!("#{}\t{state}\t{}", a.id, sanitize_line(&a.target));
            }
            if changed > 0 {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Remove { attachment } => {
            store.remove_attachment(attachment, &ctx.author)?;
            println!(
                "{}",
                crate::msg::cli_out::attachment_removed(attachment).get(ctx.lang)
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
