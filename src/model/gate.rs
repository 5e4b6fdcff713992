//! Stage gates: a decision to record and its checks.

use super::{Date, GateDecision};
use crate::{Error, Result};

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
            return Err(Error::invalid(
                "gate",
                "a label of 1 to 64 characters, e.g. SG2",
            ));
        }
        if self.note.contains('\0') || gate.contains('\0') {
            return Err(Error::invalid("note", "contains a NUL character"));
        }
        Ok(())
    }
}
