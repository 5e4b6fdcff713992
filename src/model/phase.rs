//! 研究開発フェーズ: the five pipeline phases, ordered, and a move between them.

use super::{Coded, Date};

/// 研究開発フェーズ (research and development phase), in pipeline order.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// 基礎
    Basic = 1,
    /// 応用
    Applied = 2,
    /// 非臨床
    NonClinical = 3,
    /// 臨床 (臨床試験・治験)
    Clinical = 4,
    /// 実用化
    Practical = 5,
}

impl Phase {
    /// The phase's position (1..=5), also its id in the database.
    pub fn ord(self) -> i64 {
        self as i64
    }

    /// The phase with the given position.
    pub fn from_ord(ord: i64) -> Option<Phase> {
        Phase::ALL
            .get(usize::try_from(ord).ok()?.checked_sub(1)?)
            .copied()
    }

    /// Position 0..5 for indexing arrays of per-phase figures.
    pub fn index(self) -> usize {
        self as usize - 1
    }
}

impl Phase {
    /// A label short enough for a matrix column (English abbreviates 'Non-clinical').
    pub fn short_label(self, lang: crate::Lang) -> &'static str {
        match (lang, self) {
            (crate::Lang::En, Phase::NonClinical) => "Non-clin",
            (crate::Lang::En, Phase::Practical) => "Practical",
            (lang, phase) => phase.label(lang),
        }
    }
}

impl Coded for Phase {
    const ALL: &'static [Phase] = &[
        Phase::Basic,
        Phase::Applied,
        Phase::NonClinical,
        Phase::Clinical,
        Phase::Practical,
    ];
    fn code(self) -> &'static str {
        match self {
            Phase::Basic => "basic",
            Phase::Applied => "applied",
            Phase::NonClinical => "nonclinical",
            Phase::Clinical => "clinical",
            Phase::Practical => "practical",
        }
    }
    fn name_ja(self) -> &'static str {
        match self {
            Phase::Basic => "基礎",
            Phase::Applied => "応用",
            Phase::NonClinical => "非臨床",
            Phase::Clinical => "臨床",
            Phase::Practical => "実用化",
        }
    }
    fn name_en(self) -> &'static str {
        match self {
            Phase::Basic => "Basic",
            Phase::Applied => "Applied",
            Phase::NonClinical => "Non-clinical",
            Phase::Clinical => "Clinical",
            Phase::Practical => "Practical use",
        }
    }
}

/// A phase move to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseMove {
    pub to: Phase,
    pub on: Date,
    pub reason: String,
}

impl PhaseMove {
    /// Checks the reason (several lines allowed; no control or bidi characters).
    pub fn validate(&self) -> crate::Result<()> {
        crate::text::check_text("reason", &self.reason, crate::text::Lines::Many)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_japanese_english_and_codes() {
        assert_eq!(Phase::parse("非臨床"), Some(Phase::NonClinical));
        assert_eq!(Phase::parse("non-clinical"), Some(Phase::NonClinical));
        assert_eq!(Phase::parse("NONCLINICAL"), Some(Phase::NonClinical));
        assert_eq!(Phase::parse("practical use"), Some(Phase::Practical));
        assert_eq!(Phase::parse("第3相"), None);
    }

    #[test]
    fn ord_round_trips_and_orders() {
        for p in Phase::ALL {
            assert_eq!(Phase::from_ord(p.ord()), Some(*p));
        }
        assert!(Phase::Basic < Phase::Practical);
        assert_eq!(Phase::from_ord(0), None);
        assert_eq!(Phase::from_ord(6), None);
    }
}
