//! The highway queue's view of a project's open flag: when it was flagged, the successor program
//! it is proposed for, and the three licensing criteria.

use super::CriterionStatus;
use crate::Lang;

/// What the highway queue shows of a project's open flag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HighwayInfo {
    /// The day the flag was raised (`YYYY-MM-DD`), the queue's order.
    pub flagged_on: String,
    /// The successor program proposed (導出先・移行先の事業).
    pub target_ja: String,
    pub target_en: String,
    /// 競合優位性, 知財ポートフォリオ, 有効性・安全性・再現性データ.
    pub criteria: [CriterionStatus; 3],
}

/// A criterion's mark in a queue cell: a short word in the officer's language (no symbol of
/// ambiguous width): 充足 / 一部 / 不足 / 未 (met / part / unmet / -).
pub fn criterion_mark(status: CriterionStatus, lang: Lang) -> &'static str {
    match status {
        CriterionStatus::Sufficient => crate::tr(lang, "充足", "met"),
        CriterionStatus::Partial => crate::tr(lang, "一部", "part"),
        CriterionStatus::Insufficient => crate::tr(lang, "不足", "unmet"),
        CriterionStatus::NotAssessed => crate::tr(lang, "未", "-"),
    }
}

/// The three criteria's short column names, in [`HighwayInfo::criteria`] order.
pub fn criterion_heads(lang: Lang) -> [&'static str; 3] {
    [
        crate::tr(lang, "競合", "Comp"),
        crate::tr(lang, "知財", "IP"),
        crate::tr(lang, "データ", "Data"),
    ]
}
