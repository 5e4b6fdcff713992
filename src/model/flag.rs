//! Highway-support flags: a new flag, its licensing criteria and the moves its status may make.

use super::{CriterionStatus, FlagStatus};
use crate::text::Lines;
use crate::{Error, Result};

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

impl Criteria {
    /// Checks the three comments (several lines allowed; no control or bidi characters).
    pub fn validate(&self) -> Result<()> {
        for (field, (_, comment)) in [
            ("competitive", &self.competitive),
            ("ip", &self.ip),
            ("evidence", &self.evidence),
        ] {
            crate::text::check_text(field, comment, Lines::Many)?;
        }
        Ok(())
    }
}

/// Checks the reason given for moving a flag (several lines allowed).
pub fn validate_flag_reason(reason: &str) -> Result<()> {
    crate::text::check_text("reason", reason, Lines::Many)
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
                crate::msg::invalid::flag_reason_empty(),
            ));
        }
        crate::text::check_text("reason", &self.reason, Lines::Many)?;
        self.criteria.validate()?;
        if !self.status.is_open() {
            return Err(Error::invalid(
                "status",
                crate::msg::invalid::flag_new_status(),
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
}
