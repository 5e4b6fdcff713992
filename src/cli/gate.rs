//! `seedline gate`: record stage-gate decisions, list them with their numbers and versions,
//! correct one (version-checked), delete one (soft) and restore it.

use super::args::{date_arg, parse_coded};
use crate::model::{Coded, GateDecision, NewGate};
use crate::msg::cli_out as out;
use crate::session::RunContext;
use crate::store::Store;
use crate::text::{Lines, check_text, sanitize_line};
use anyhow::Result;
use std::process::ExitCode;

/// `seedline gate …`.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
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
    /// A project's stage-gate decisions with their numbers and versions (for `gate edit`).
    List {
        /// 課題管理番号.
        id: String,
    },
    /// Correct a recorded decision: its label, decision, date or note (the rest stays).
    Edit {
        /// Gate number (as shown by `seedline gate list`).
        gate_id: i64,
        #[arg(long)]
        gate: Option<String>,
        /// go, no-go or conditional.
        #[arg(long)]
        decision: Option<String>,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        note: Option<String>,
        /// The version you read; a newer one in the database is refused as a conflict (default:
        /// the current one).
        #[arg(long)]
        version: Option<i64>,
    },
    /// Delete a decision recorded by mistake (soft: `gate restore` brings it back); the
    /// scheduled stage gate it settled is open again.
    Delete {
        gate_id: i64,
        #[arg(long)]
        version: Option<i64>,
    },
    /// Bring back a deleted decision.
    Restore { gate_id: i64 },
}

pub fn run(ctx: &RunContext, store: &mut Store, command: Command) -> Result<ExitCode> {
    match command {
        Command::Add {
            id,
            gate,
            decision,
            date,
            note,
        } => {
            check_text("--gate", &gate, Lines::One)?;
            check_text("--note", &note, Lines::Many)?;
            let project = store.project_id(&id)?;
            let gate = NewGate {
                gate,
                decided_on: date_arg(ctx, "--date", date.as_deref())?,
                decision: parse_coded::<GateDecision>("--decision", &decision)?,
                note,
            };
            let gate_id = store.add_gate(project, &gate, &ctx.author)?;
            let recorded = out::gate_recorded(
                gate_id,
                &sanitize_line(&id),
                &sanitize_line(&gate.gate),
                gate.decision.label(ctx.lang),
            );
            println!("{}", recorded.get(ctx.lang));
            if gate.decision == GateDecision::Go {
                println!("{}", out::after_go(&sanitize_line(&id)).get(ctx.lang));
            }
        }
        Command::List { id } => {
            let project = store.project_id(&id)?;
            let gates = store.gates(project)?;
            if gates.is_empty() {
                println!("{}", out::no_gates(&sanitize_line(&id)).get(ctx.lang));
            }
            for g in gates {
                let mut line = format!(
                    "#{}  v{}  {}  {}  {}",
                    g.id,
                    g.version,
                    g.gate.decided_on,
                    sanitize_line(&g.gate.gate),
                    g.gate.decision.label(ctx.lang)
                );
                if !g.gate.note.is_empty() {
                    line.push_str(&format!("  {}", sanitize_line(&g.gate.note)));
                }
                line.push_str(&format!(
                    "  (recorded by {})",
                    sanitize_line(&g.recorded_by)
                ));
                println!("{line}");
            }
        }
        Command::Edit {
            gate_id,
            gate,
            decision,
            date,
            note,
            version,
        } => {
            let (current, _) = store.gate(gate_id)?;
            let was = current.gate;
            if let Some(g) = &gate {
                check_text("--gate", g, Lines::One)?;
            }
            if let Some(n) = &note {
                check_text("--note", n, Lines::Many)?;
            }
            let corrected = NewGate {
                gate: gate.unwrap_or_else(|| was.gate.clone()),
                decided_on: match date.as_deref() {
                    Some(d) => date_arg(ctx, "--date", Some(d))?,
                    None => was.decided_on,
                },
                decision: match decision.as_deref() {
                    Some(d) => parse_coded::<GateDecision>("--decision", d)?,
                    None => was.decision,
                },
                note: note.unwrap_or_else(|| was.note.clone()),
            };
            let expected = version.unwrap_or(current.version);
            store.edit_gate(gate_id, Some(expected), &corrected, &ctx.author)?;
            let rest = format!(
                "{} {} {}",
                corrected.decided_on,
                sanitize_line(&corrected.gate),
                corrected.decision.label(ctx.lang)
            );
            println!(
                "{}",
                out::gate_corrected(gate_id, expected + 1, &rest).get(ctx.lang)
            );
        }
        Command::Delete { gate_id, version } => {
            let expected = match version {
                Some(v) => v,
                None => store.gate(gate_id)?.0.version,
            };
            let reopened = store.delete_gate(gate_id, Some(expected), &ctx.author)?;
            println!("{}", out::deleted(out::Thing::Gate, gate_id).get(ctx.lang));
            if let Some(d) = reopened {
                println!("{}", out::gate_deadline_reopened(d).get(ctx.lang));
            }
        }
        Command::Restore { gate_id } => {
            store.restore_gate(gate_id)?;
            println!("{}", out::restored(out::Thing::Gate, gate_id).get(ctx.lang));
        }
    }
    Ok(ExitCode::SUCCESS)
}
