//! Stage gates: a decision to record and its checks.

use super::{Date, GateDecision};
use crate::text::Lines;
use crate::{Error, Result};

/// A recorded stage-gate decision, as stored (what a correction starts from).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedGate {
    pub id: i64,
    pub project_id: i64,
    pub gate: NewGate,
    pub recorded_by: String,
    /// Bumped by each correction, deletion and restore (optimistic check).
    pub version: i64,
}

/// A stage-gate decision to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewGate {
    pub gate: String,
    pub decided_on: Date,
    pub decision: GateDecision,
    pub note: String,
}

impl NewGate {
    pub fn validate(&self) -> Result<()> {
        let gate = self.gate.trim();
        if gate.is_empty() || gate.chars().count() > 64 {
            return Err(Error::invalid("gate", crate::msg::invalid::gate_label()));
        }
        crate::text::check_text("gate", &self.gate, Lines::One)?;
        crate::text::check_text("note", &self.note, Lines::Many)?;
        Ok(())
    }
}
