//! Officer workflow from the command line, for scripts: notes, follow-ups, highway flags, stage
//! gates, phase moves and a project's history. `ID` is always the 課題管理番号.

use crate::model::{
    Coded, Criteria, CriterionStatus, FlagStatus, GateDecision, MAX_NOTE_BYTES, NewFlag, NewGate,
    NewNote, NoteKind, Phase, PhaseMove, parse_date,
};
use crate::session::RunContext;
use crate::store::Store;
use crate::text::sanitize_line;
use anyhow::{Context, Result, anyhow, bail};
use std::io::{IsTerminal, Read};
use std::process::ExitCode;

/// `seedline note …`.
#[derive(Debug, clap::Subcommand)]
pub enum NoteCommand {
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
        /// Follow-up due date.
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

/// `seedline gate …`.
#[derive(Debug, clap::Subcommand)]
pub enum GateCommand {
    /// Record a stage-gate decision.
    Add {
        id: String,
        /// Gate label, e.g. SG2.
        #[arg(long)]
        gate: String,
        /// go, no-go or conditional.
        #[arg(long)]
        decision: String,
        #[arg(long)]
        date: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
    },
}

/// `seedline flag ID …`: with --to, create a flag; without, move the open flag to --status.
#[derive(Debug, clap::Args)]
pub struct FlagArgs {
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

/// `seedline phase ID --to …`.
#[derive(Debug, clap::Args)]
pub struct PhaseArgs {
    pub id: String,
    /// 基礎, 応用, 非臨床, 臨床, 実用化 (or basic … practical).
    #[arg(long)]
    pub to: String,
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long, default_value = "")]
    pub reason: String,
}

fn date_arg(ctx: &RunContext, flag: &str, text: Option<&str>) -> Result<crate::model::Date> {
    match text {
        None => Ok(ctx.today),
        Some(t) => parse_date(t).ok_or_else(|| {
            anyhow!(
                "{flag}: '{}' is not a date (expected YYYY-MM-DD, e.g. 2026-04-01)",
                sanitize_line(t)
            )
        }),
    }
}

/// The body from the option, or standard input (at most 1 MiB; more is refused, never cut).
fn body_arg(body: Option<String>) -> Result<String> {
    if let Some(b) = body {
        return Ok(b);
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprintln!("Type the note; end with Ctrl-D.");
    }
    let mut bytes = Vec::new();
    stdin
        .lock()
        .take(MAX_NOTE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() > MAX_NOTE_BYTES {
        bail!(
            "body: more than {MAX_NOTE_BYTES} bytes (1 MiB) on standard input; nothing was saved"
        );
    }
    let text = String::from_utf8(bytes).context("body: standard input is not UTF-8")?;
    Ok(text.trim_end_matches('\n').to_string())
}

fn parse_coded<T: Coded>(flag: &str, text: &str) -> Result<T> {
    T::parse(text).ok_or_else(|| {
        anyhow!(
            "{flag}: '{}' is not one of {}",
            sanitize_line(text),
            T::codes_list()
        )
    })
}

pub fn note(ctx: &RunContext, store: &mut Store, command: NoteCommand) -> Result<ExitCode> {
    match command {
        NoteCommand::Add {
            id,
            kind,
            body,
            date,
            follow_up,
        } => {
            let project = store.project_id(&id)?;
            let note = NewNote {
                kind: parse_coded::<NoteKind>("--kind", &kind)?,
                body: body_arg(body)?,
                occurred_on: date_arg(ctx, "--date", date.as_deref())?,
                follow_up_on: follow_up
                    .as_deref()
                    .map(|f| date_arg(ctx, "--follow-up", Some(f)))
                    .transpose()?,
            };
            let note_id = store.add_note(project, &note, &ctx.author)?;
            println!("note {note_id} added to {}", sanitize_line(&id));
        }
        NoteCommand::Edit {
            note,
            body,
            version,
        } => {
            store.edit_note(note, version, &body_arg(body)?, &ctx.author)?;
            println!("note {note} saved (version {})", version + 1);
        }
        NoteCommand::Delete { note } => {
            store.delete_note(note, &ctx.author)?;
            println!("note {note} deleted (seedline note restore {note} brings it back)");
        }
        NoteCommand::Restore { note } => {
            store.restore_note(note)?;
            println!("note {note} restored");
        }
        NoteCommand::Done { note } => {
            store.complete_follow_up(note, &ctx.author)?;
            println!("follow-up of note {note} done");
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn criterion(flag: &str, text: Option<&str>) -> Result<(CriterionStatus, String)> {
    let Some(text) = text else {
        return Ok((CriterionStatus::NotAssessed, String::new()));
    };
    let (status, comment) = text.split_once(':').unwrap_or((text, ""));
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
        [] => bail!(
            "--to: no program matches '{}'; programs: {}",
            sanitize_line(text),
            reference
                .programs
                .iter()
                .map(|p| p.code.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        many => bail!(
            "--to: '{}' matches {} programs: {}",
            sanitize_line(text),
            many.len(),
            many.iter()
                .map(|p| p.code.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

pub fn flag(store: &mut Store, ctx: &RunContext, args: FlagArgs) -> Result<ExitCode> {
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
            println!(
                "flag {id}: {} → {} ({})",
                sanitize_line(&args.id),
                program.name_ja,
                status.name_ja()
            );
        }
        None => {
            let Some(status) = &args.status else {
                bail!("give --to PROGRAM to flag a project, or --status to move its open flag");
            };
            let to = parse_coded::<FlagStatus>("--status", status)?;
            let (flag_id, from, version) = store.open_flag(project)?.ok_or_else(|| {
                anyhow!(
                    "{} has no open highway flag to move (create one with --to)",
                    sanitize_line(&args.id)
                )
            })?;
            store.move_flag(flag_id, version, to, &args.reason, &ctx.author)?;
            println!("flag {flag_id}: {} → {}", from.name_ja(), to.name_ja());
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn gate(ctx: &RunContext, store: &mut Store, command: GateCommand) -> Result<ExitCode> {
    let GateCommand::Add {
        id,
        gate,
        decision,
        date,
        note,
    } = command;
    let project = store.project_id(&id)?;
    let gate = NewGate {
        gate,
        decided_on: date_arg(ctx, "--date", date.as_deref())?,
        decision: parse_coded::<GateDecision>("--decision", &decision)?,
        note,
    };
    let gate_id = store.add_gate(project, &gate, &ctx.author)?;
    println!(
        "gate {gate_id}: {} {} {}",
        sanitize_line(&id),
        sanitize_line(&gate.gate),
        gate.decision.name_ja()
    );
    if gate.decision == GateDecision::Go {
        println!(
            "(a Go may be followed by: seedline phase {} --to PHASE)",
            sanitize_line(&id)
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn phase(ctx: &RunContext, store: &mut Store, args: PhaseArgs) -> Result<ExitCode> {
    let project = store.project_id(&args.id)?;
    let to = parse_coded::<Phase>("--to", &args.to)?;
    let change = PhaseMove {
        to,
        on: date_arg(ctx, "--date", args.date.as_deref())?,
        reason: args.reason,
    };
    store.move_phase(project, None, &change, &ctx.author)?;
    println!("{} → {}", sanitize_line(&args.id), to.name_ja());
    Ok(ExitCode::SUCCESS)
}

pub fn history(store: &Store, id: &str) -> Result<ExitCode> {
    let project = store.project_id(id)?;
    for h in store.history(project)? {
        let who = match &h.officer {
            Some(o) if *o != h.actor => format!("{} ({})", o, h.actor),
            _ => h.actor.clone(),
        };
        println!(
            "{}  {}  {}  {}",
            h.at,
            sanitize_line(&who),
            h.action,
            sanitize_line(&h.summary)
        );
    }
    Ok(ExitCode::SUCCESS)
}
