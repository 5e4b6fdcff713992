//! What officers record: notes (伴走支援記録), highway flags, stage gates, phase moves; with the
//! rules that hold whatever the entry point (TUI, CLI, import).

use super::{CriterionStatus, Date, FlagStatus, GateDecision, NoteKind, Phase};
use crate::{Error, Result};

/// Largest note body accepted (1 MiB); larger input is refused, never cut.
pub const MAX_NOTE_BYTES: usize = 1024 * 1024;

/// Who writes: the officer's name and role (from the config; the OS account otherwise).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    pub name: String,
    /// PD / PS / PO / DC, or `other`.
    pub role: String,
}

impl Author {
    /// The author for this OS account and optional configured officer.
    pub fn new(name: Option<&str>, role: Option<&str>, os_user: &str) -> Author {
        let name = name
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .unwrap_or(os_user);
        let role = role
            .map(|r| r.trim().to_ascii_uppercase())
            .filter(|r| ["PD", "PS", "PO", "DC"].contains(&r.as_str()))
            .unwrap_or_else(|| "other".into());
        Author {
            name: name.to_string(),
            role,
        }
    }
}

/// A new accompaniment note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNote {
    pub kind: NoteKind,
    pub body: String,
    pub occurred_on: Date,
    pub follow_up_on: Option<Date>,
}

/// Checks a note body: not empty, no NUL, at most [`MAX_NOTE_BYTES`].
pub fn validate_body(body: &str) -> Result<()> {
    if body.trim().is_empty() {
        return Err(Error::invalid("body", "the note is empty"));
    }
    if body.contains('\0') {
        return Err(Error::invalid("body", "contains a NUL character"));
    }
    if body.len() > MAX_NOTE_BYTES {
        return Err(Error::invalid(
            "body",
            format!(
                "{} bytes; a note holds at most {MAX_NOTE_BYTES} bytes (1 MiB)",
                body.len()
            ),
        ));
    }
    Ok(())
}

impl NewNote {
    pub fn validate(&self) -> Result<()> {
        validate_body(&self.body)?;
        if let Some(f) = self.follow_up_on
            && f < self.occurred_on
        {
            return Err(Error::invalid(
                "follow_up",
                format!("{f} is before the note's date {}", self.occurred_on),
            ));
        }
        Ok(())
    }
}

/// The three licensing criteria (企業導出を見据えた共通ルール), each a status and a comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Criteria {
    /// 競合優位性.
    pub competitive: (CriterionStatus, String),
    /// 知財ポートフォリオ.
    pub ip: (CriterionStatus, String),
    /// 有効性・安全性・再現性データ.
    pub evidence: (CriterionStatus, String),
}

impl Default for Criteria {
    fn default() -> Criteria {
        let none = (CriterionStatus::NotAssessed, String::new());
        Criteria {
            competitive: none.clone(),
            ip: none.clone(),
            evidence: none,
        }
    }
}

/// A new highway-support flag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFlag {
    pub target_program_id: i64,
    pub reason: String,
    pub criteria: Criteria,
    /// Candidate or recommended.
    pub status: FlagStatus,
}

impl NewFlag {
    pub fn validate(&self) -> Result<()> {
        if self.reason.trim().is_empty() {
            return Err(Error::invalid(
                "reason",
                "say why this seed should get highway support",
            ));
        }
        if self.reason.contains('\0') {
            return Err(Error::invalid("reason", "contains a NUL character"));
        }
        if !self.status.is_open() {
            return Err(Error::invalid(
                "status",
                "a new flag starts as candidate or recommended",
            ));
        }
        Ok(())
    }
}

/// Whether a flag may move from `from` to `to`: candidate → recommended → accepted / declined;
/// candidate or recommended → withdrawn.
pub fn flag_move_allowed(from: FlagStatus, to: FlagStatus) -> bool {
    use FlagStatus::*;
    matches!(
        (from, to),
        (Candidate, Recommended)
            | (Recommended, Accepted)
            | (Recommended, Declined)
            | (Candidate | Recommended, Withdrawn)
    )
}

/// The statuses a flag can move to next.
pub fn next_flag_statuses(from: FlagStatus) -> Vec<FlagStatus> {
    use super::Coded;
    FlagStatus::ALL
        .iter()
        .copied()
        .filter(|to| flag_move_allowed(from, *to))
        .collect()
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

/// One line of a project's history (from the audit log).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    pub at: String,
    /// The OS account that made the change.
    pub actor: String,
    /// The officer name recorded with it, when there was one.
    pub officer: Option<String>,
    /// e.g. `note.add`, `flag.move`, `phase.move`.
    pub action: String,
    /// A short human summary (ids, statuses, phases).
    pub summary: String,
}

/// A phase move to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseMove {
    pub to: Phase,
    pub on: Date,
    pub reason: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use FlagStatus::*;

    #[test]
    fn flag_moves_follow_the_pipeline() {
        assert!(flag_move_allowed(Candidate, Recommended));
        assert!(flag_move_allowed(Recommended, Accepted));
        assert!(flag_move_allowed(Recommended, Declined));
        assert!(flag_move_allowed(Candidate, Withdrawn));
        assert!(
            !flag_move_allowed(Candidate, Accepted),
            "accepting needs a recommendation"
        );
        assert!(
            !flag_move_allowed(Accepted, Candidate),
            "decided flags stay decided"
        );
        assert_eq!(
            next_flag_statuses(Recommended),
            [Accepted, Declined, Withdrawn]
        );
    }

    #[test]
    fn note_bodies_are_checked_not_cut() {
        assert!(validate_body("面談").is_ok());
        assert!(validate_body("  \n").is_err());
        assert!(validate_body("a\0b").is_err());
        let big = "あ".repeat(MAX_NOTE_BYTES / 3 + 1);
        assert!(
            validate_body(&big)
                .unwrap_err()
                .to_string()
                .contains("1 MiB")
        );
    }

    #[test]
    fn author_falls_back_to_the_os_account() {
        assert_eq!(Author::new(None, None, "miki").name, "miki");
        let a = Author::new(Some("岩崎 美紀"), Some("po"), "miki");
        assert_eq!((a.name.as_str(), a.role.as_str()), ("岩崎 美紀", "PO"));
        assert_eq!(Author::new(Some(" "), Some("boss"), "miki").role, "other");
    }
}
