//! `seedline note`: add, edit, delete and restore accompaniment notes; mark follow-ups done.

use super::args::{date_arg, parse_coded};
use crate::model::{MAX_NOTE_BYTES, NewNote, NoteKind};
use crate::msg::cli_out as out;
use crate::session::RunContext;
use crate::store::Store;
use crate::text::{Lines, check_text, sanitize_line};
use anyhow::Result;
use std::io::{IsTerminal, Read};
use std::process::ExitCode;

/// `seedline note …`.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add an accompaniment note (body from --body or standard input).
    Add {
        /// 課題管理番号.
        id: String,
        /// meeting, site-visit, pmda, ip, flux, progress, evaluation, licensing, other (or 面談・助言, サイトビジット, …).
        #[arg(long)]
        kind: String,
        #[arg(long)]
        body: Option<String>,
        /// When it happened (default: today).
        #[arg(long)]
        date: Option<String>,
        /// Follow-up due date (2026-12-11, 2026/12/11, 令和8年12月11日, +7d, 来週 = in 7 days).
        #[arg(long = "follow-up")]
        follow_up: Option<String>,
    },
    /// Replace a note's text (the earlier text is kept as a revision).
    Edit {
        /// Note number (as shown by `seedline show project`).
        note: i64,
        #[arg(long)]
        body: Option<String>,
        /// The version you edited; a newer one in the database is refused as a conflict.
        #[arg(long)]
        version: i64,
    },
    /// Delete a note (soft: `note restore` brings it back).
    Delete { note: i64 },
    /// Bring back a deleted note.
    Restore { note: i64 },
    /// Mark a note's follow-up done.
    Done { note: i64 },
}

/// The body from the option, or standard input (at most 1 MiB; more is refused, never cut),
/// checked for control and bidi characters (tab and line breaks are allowed).
fn body_arg(lang: crate::Lang, body: Option<String>) -> Result<String> {
    if let Some(b) = body {
        check_text("--body", &b, Lines::Many)?;
        return Ok(b);
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprintln!("{}", crate::msg::cli::type_the_note().get(lang));
    }
    let mut bytes = Vec::new();
    stdin
        .lock()
        .take(MAX_NOTE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() > MAX_NOTE_BYTES {
        return Err(crate::msg::cli::note_stdin_too_big(MAX_NOTE_BYTES).into());
    }
    let text = String::from_utf8(bytes).map_err(|_| crate::msg::cli::note_stdin_not_utf8())?;
    let text = text.trim_end_matches('\n').to_string();
    check_text("body (standard input)", &text, Lines::Many)?;
    Ok(text)
}

pub fn run(ctx: &RunContext, store: &mut Store, command: Command) -> Result<ExitCode> {
    match command {
        Command::Add {
            id,
            kind,
            body,
            date,
            follow_up,
        } => {
            let project = store.project_id(&id)?;
            let note = NewNote {
                kind: parse_coded::<NoteKind>("--kind", &kind)?,
                body: body_arg(ctx.lang, body)?,
                occurred_on: date_arg(ctx, "--date", date.as_deref())?,
                follow_up_on: follow_up
                    .as_deref()
                    .map(|f| date_arg(ctx, "--follow-up", Some(f)))
                    .transpose()?,
            };
            let note_id = store.add_note(project, &note, &ctx.author)?;
            println!(
                "{}",
                out::note_added(note_id, &sanitize_line(&id)).get(ctx.lang)
            );
        }
        Command::Edit {
            note,
            body,
            version,
        } => {
            store.edit_note(note, version, &body_arg(ctx.lang, body)?, &ctx.author)?;
            println!(
                "{}",
                out::saved_version(out::Thing::Note, note, version + 1).get(ctx.lang)
            );
        }
        Command::Delete { note } => {
            store.delete_note(note, &ctx.author)?;
            println!("{}", out::deleted(out::Thing::Note, note).get(ctx.lang));
        }
        Command::Restore { note } => {
            store.restore_note(note)?;
            println!("{}", out::restored(out::Thing::Note, note).get(ctx.lang));
        }
        Command::Done { note } => {
            store.complete_follow_up(note, &ctx.author)?;
            println!("{}", out::follow_up_done(note).get(ctx.lang));
        }
    }
    Ok(ExitCode::SUCCESS)
}
