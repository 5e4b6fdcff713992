//! `seedline gate`: record stage-gate decisions.

use super::args::{date_arg, parse_coded};
use crate::model::{Coded, GateDecision, NewGate};
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
}

pub fn run(ctx: &RunContext, store: &mut Store, command: Command) -> Result<ExitCode> {
    let Command::Add {
        id,
        gate,
        decision,
        date,
        note,
    } = command;
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
