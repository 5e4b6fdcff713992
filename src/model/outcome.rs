//! 成果: the approvals, licensing deals, PoCs, trials and papers a project reports. How officers
//! write the kinds, the checks a new or edited outcome passes, the tally per integrated project ×
//! fiscal year, and AMED's published figures that tally is read against.

use super::{Coded, Date, FiscalYear, OutcomeKind, fold_key};
use crate::text::check_field;
use crate::{Lang, Result, tr};

/// Longest 製品名 accepted (characters).
pub const MAX_PRODUCT_CHARS: usize = 400;
/// Longest 内容 accepted (characters).
pub const MAX_DETAIL_CHARS: usize = 2000;

/// Reads an outcome kind as officers and scripts write it: the code (`licensing`), the CLI names
/// (`approval`, `nonclinical-poc`, `clinical-trial`, `paper`), the Japanese labels (薬事承認,
/// 企業導出, 非臨床PoC, 治験, 論文) and the English ones; case, width, `-` and `_` ignored.
pub fn parse_outcome_kind(text: &str) -> Option<OutcomeKind> {
    if let Some(kind) = OutcomeKind::parse(text) {
        return Some(kind);
    }
    Some(match fold_key(text).as_str() {
        "approval" | "承認" | "薬事" => OutcomeKind::RegulatoryApproval,
        "license" | "licence" | "導出" | "シーズの企業導出" => OutcomeKind::Licensing,
        "poc" | "nonclinical" | "非臨床pocの取得" | "非臨床poc取得" => {
            OutcomeKind::NonclinicalPoc
        }
        "trial" | "治験" | "治験開始" | "臨床試験開始" | "治験到達" => {
            OutcomeKind::ClinicalTrial
        }
        "papers" | "トップジャーナル論文" | "原著論文" => OutcomeKind::Paper,
        _ => return None,
    })
}

/// What `--kind` and the 種別 column accept, for messages.
pub const OUTCOME_KINDS_HELP: &str = "approval (薬事承認), licensing (企業導出), nonclinical-poc (非臨床PoC), clinical-trial (治験), paper (論文)";

/// The short label of a kind on the tally and in its help (AMED's words: 治験, 非臨床PoC).
pub fn outcome_short_label(kind: Option<OutcomeKind>, lang: Lang) -> &'static str {
    match kind {
        None => tr(lang, "全種別", "all kinds"),
        Some(OutcomeKind::RegulatoryApproval) => tr(lang, "薬事承認", "Approvals"),
        Some(OutcomeKind::Licensing) => tr(lang, "企業導出", "Licensing"),
        Some(OutcomeKind::NonclinicalPoc) => tr(lang, "非臨床PoC", "Non-clinical PoC"),
        Some(OutcomeKind::ClinicalTrial) => tr(lang, "治験", "Clinical trials"),
        Some(OutcomeKind::Paper) => tr(lang, "論文", "Papers"),
    }
}

/// The tally's kinds in the order `t` cycles them: each kind, then all of them (`None`).
pub fn next_tally_kind(kind: Option<OutcomeKind>) -> Option<OutcomeKind> {
    match kind {
        None => OutcomeKind::ALL.first().copied(),
        Some(k) => {
            let i = OutcomeKind::ALL.iter().position(|x| *x == k).unwrap_or(0);
            OutcomeKind::ALL.get(i + 1).copied()
        }
    }
}

/// A new outcome of a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOutcome {
    pub kind: OutcomeKind,
    pub on: Date,
    /// 製品名 (approvals, licensed products); `None` when empty.
    pub product: Option<String>,
    /// 内容: one line.
    pub detail: String,
}

impl NewOutcome {
    /// One-line texts without control or bidi characters, within their lengths; an empty product
    /// name is stored as none.
    pub fn validate(&self) -> Result<()> {
        if let Some(p) = &self.product {
            check_field("product", p, MAX_PRODUCT_CHARS, false)?;
        }
        check_field("detail", &self.detail, MAX_DETAIL_CHARS, false)
    }

    /// Trims the texts and turns an empty product name into none.
    pub fn normalized(mut self) -> NewOutcome {
        self.product = self
            .product
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty());
        self.detail = self.detail.trim().to_string();
        self
    }
}

/// Changes to an outcome (`None`: left as it is; `product: Some(None)` clears the product).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutcomeChange {
    pub kind: Option<OutcomeKind>,
    pub on: Option<Date>,
    pub product: Option<Option<String>>,
    pub detail: Option<String>,
}

impl OutcomeChange {
    /// Whether nothing would change.
    pub fn is_empty(&self) -> bool {
        *self == OutcomeChange::default()
    }

    /// The outcome after this change.
    pub fn apply(&self, old: &NewOutcome) -> NewOutcome {
        NewOutcome {
            kind: self.kind.unwrap_or(old.kind),
            on: self.on.unwrap_or(old.on),
            product: self.product.clone().unwrap_or_else(|| old.product.clone()),
            detail: self.detail.clone().unwrap_or_else(|| old.detail.clone()),
        }
        .normalized()
    }
}

/// A stored outcome, as `outcome list` and the export read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeRecord {
    pub id: i64,
    pub project_id: i64,
    pub amed_id: String,
    pub outcome: NewOutcome,
    pub recorded_by: Option<String>,
    /// (deleted at, by whom) for a soft-deleted outcome.
    pub deleted: Option<(String, String)>,
    pub version: i64,
}

/// AMED's reported 2nd-period results (FY2020–FY2023, `/work/shared/domain.md` "Figures"):
/// 40 regulatory approvals, 434 seeds licensed to companies, 357 non-clinical PoCs, 6,090
/// top-journal papers. No figure was published for clinical trials.
pub const PERIOD2_RESULTS: [(OutcomeKind, i64); 4] = [
    (OutcomeKind::RegulatoryApproval, 40),
    (OutcomeKind::Licensing, 434),
    (OutcomeKind::NonclinicalPoc, 357),
    (OutcomeKind::Paper, 6090),
];

/// The fiscal years AMED's 2nd-period results cover.
pub const PERIOD2_YEARS: (FiscalYear, FiscalYear) = (FiscalYear(2020), FiscalYear(2023));

/// AMED's 3rd-period yearly targets (FY2025–FY2029): 130 seeds licensed and 60 seeds reaching
/// clinical trials a year (650 / 300 over five years).
pub const PERIOD3_TARGETS: [(OutcomeKind, i64); 2] = [
    (OutcomeKind::Licensing, 130),
    (OutcomeKind::ClinicalTrial, 60),
];

/// The fiscal years of the 3rd period.
pub const PERIOD3_YEARS: (FiscalYear, FiscalYear) = (FiscalYear(2025), FiscalYear(2029));

/// AMED's 2nd-period result for `kind`, if one was published.
pub fn period2_result(kind: OutcomeKind) -> Option<i64> {
    PERIOD2_RESULTS
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, n)| *n)
}

/// AMED's 3rd-period yearly target for `kind`, if one was set.
pub fn period3_target(kind: OutcomeKind) -> Option<i64> {
    PERIOD3_TARGETS
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, n)| *n)
}

/// One row of the tally: an integrated project and its outcome counts per fiscal year and kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TallyRow {
    pub id: i64,
    pub code: String,
    /// 2 or 3: 2nd-period rows are marked 2期.
    pub period: i64,
    pub name_ja: String,
    pub name_en: String,
    /// Per fiscal year (the tally's `years`), per kind (`OutcomeKind::ALL` order).
    pub counts: Vec<[i64; 5]>,
}

impl TallyRow {
    /// The row's name, led by "2期 " / "P2 " for a 2nd-period integrated project.
    pub fn label(&self, lang: Lang) -> String {
        let name = if lang == Lang::Ja {
            &self.name_ja
        } else {
            &self.name_en
        };
        match self.period {
            2 => format!("{}{name}", tr(lang, "2期 ", "P2 ")),
            _ => name.clone(),
        }
    }
}

/// Outcomes (not deleted, of projects not retired) counted per integrated project × fiscal year ×
/// kind. Years run from the earliest outcome's to the later of the latest outcome's and this one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OutcomeTally {
    pub years: Vec<FiscalYear>,
    pub rows: Vec<TallyRow>,
}

/// The count of `kind` (all kinds for `None`) in one cell's per-kind counts.
fn pick(counts: &[i64; 5], kind: Option<OutcomeKind>) -> i64 {
    match kind {
        None => counts.iter().sum(),
        Some(k) => OutcomeKind::ALL
            .iter()
            .position(|x| *x == k)
            .map_or(0, |i| counts[i]),
    }
}

impl OutcomeTally {
    /// Row `row`, year column `year`.
    pub fn cell(&self, row: usize, year: usize, kind: Option<OutcomeKind>) -> i64 {
        self.rows
            .get(row)
            .and_then(|r| r.counts.get(year))
            .map_or(0, |c| pick(c, kind))
    }

    /// A row's total over all years.
    pub fn row_total(&self, row: usize, kind: Option<OutcomeKind>) -> i64 {
        (0..self.years.len()).map(|y| self.cell(row, y, kind)).sum()
    }

    /// A year's total over all rows.
    pub fn year_total(&self, year: usize, kind: Option<OutcomeKind>) -> i64 {
        (0..self.rows.len()).map(|r| self.cell(r, year, kind)).sum()
    }

    /// Everything of `kind`.
    pub fn total(&self, kind: Option<OutcomeKind>) -> i64 {
        (0..self.years.len())
            .map(|y| self.year_total(y, kind))
            .sum()
    }

    /// The count of `kind` in the fiscal years `from..=to`.
    pub fn within(&self, kind: Option<OutcomeKind>, (from, to): (FiscalYear, FiscalYear)) -> i64 {
        self.years
            .iter()
            .enumerate()
            .filter(|(_, y)| (from..=to).contains(*y))
            .map(|(i, _)| self.year_total(i, kind))
            .sum()
    }
}

/// The words of an outcome's audit row in a project's history (`outcome.add`, `.edit`,
/// `.delete`, `.restore`, `.import`): which outcome, its kind and date, what changed.
pub fn outcome_history_summary(action: &str, detail: &serde_json::Value) -> Option<String> {
    outcome_history_words(action, detail, crate::Lang::En)
}

/// An outcome's audit row in the officer's language: `成果 #12 企業導出 2026-06-01 を記録` /
/// `recorded outcome #12 企業導出 (Licensing) 2026-06-01`.
pub fn outcome_history_words(
    action: &str,
    detail: &serde_json::Value,
    lang: crate::Lang,
) -> Option<String> {
    let (verb, verb_ja) = match action.strip_prefix("outcome.")? {
        "add" => ("recorded", "記録"),
        "import" => ("imported", "取り込み"),
        "edit" => ("edited", "編集"),
        "delete" => ("deleted", "削除"),
        "restore" => ("restored", "復元"),
        _ => return None,
    };
    let text = |key: &str| detail.get(key).and_then(|v| v.as_str()).map(str::to_string);
    let id = detail.get("outcome_id").and_then(|v| v.as_i64())?;
    let kind_of = text("kind").and_then(|k| OutcomeKind::parse(&k));
    let date = text("date").map(|d| format!(" {d}")).unwrap_or_default();
    let changed: Vec<String> = detail
        .get("changed")
        .and_then(|v| v.as_array())
        .map(|c| {
            c.iter()
                .filter_map(|v| v.as_str())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let version = detail.get("version").and_then(|v| v.as_i64());
    let mut out = match lang {
        crate::Lang::En => {
            let kind = kind_of
                .map(|k| format!(" {} ({})", k.name_ja(), k.name_en()))
                .unwrap_or_default();
            format!("{verb} outcome #{id}{kind}{date}")
        }
        crate::Lang::Ja => {
            let kind = kind_of
                .map(|k| format!(" {}", k.name_ja()))
                .unwrap_or_default();
            format!("成果 #{id}{kind}{date} を{verb_ja}")
        }
    };
    if !changed.is_empty() {
        out.push_str(&match lang {
            crate::Lang::En => format!("; changed {}", changed.join(", ")),
            crate::Lang::Ja => format!("（変更: {}）", changed.join(", ")),
        });
    }
    if let Some(v) = version {
        out.push_str(&match lang {
            crate::Lang::En => format!(" (version {v})"),
            crate::Lang::Ja => format!("（版 {v}）"),
        });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_cli_names_codes_and_japanese() {
        use OutcomeKind as K;
        for (text, kind) in [
            ("approval", K::RegulatoryApproval),
            ("regulatory_approval", K::RegulatoryApproval),
            ("薬事承認", K::RegulatoryApproval),
            ("licensing", K::Licensing),
            ("企業導出", K::Licensing),
            ("nonclinical-poc", K::NonclinicalPoc),
            ("非臨床PoC", K::NonclinicalPoc),
            ("非臨床POC", K::NonclinicalPoc),
            ("clinical-trial", K::ClinicalTrial),
            ("治験", K::ClinicalTrial),
            ("臨床試験", K::ClinicalTrial),
            ("paper", K::Paper),
            ("論文", K::Paper),
            ("Ｐａｐｅｒ", K::Paper),
        ] {
            assert_eq!(parse_outcome_kind(text), Some(kind), "{text}");
        }
        assert_eq!(parse_outcome_kind("patent"), None);
    }

    #[test]
    fn the_tally_kinds_cycle_through_all() {
        let mut kind = None;
        let mut seen = Vec::new();
        for _ in 0..6 {
            kind = next_tally_kind(kind);
            seen.push(kind);
        }
        assert_eq!(seen.len(), 6);
        assert_eq!(seen[0], Some(OutcomeKind::RegulatoryApproval));
        assert_eq!(seen[5], None, "after the five kinds: all of them");
    }

    #[test]
    fn texts_are_checked_and_an_empty_product_is_none() {
        let o = NewOutcome {
            kind: OutcomeKind::Paper,
            on: Date::from_ymd_opt(2024, 5, 1).unwrap(),
            product: Some("  ".into()),
            detail: " 原著論文 ".into(),
        }
        .normalized();
        assert_eq!(o.product, None);
        assert_eq!(o.detail, "原著論文");
        assert!(o.validate().is_ok());
        let bad = NewOutcome {
            detail: "a\u{1b}[2Jb".into(),
            ..o.clone()
        };
        assert!(bad.validate().is_err());
        let long = NewOutcome {
            product: Some("x".repeat(MAX_PRODUCT_CHARS + 1)),
            ..o
        };
        assert!(long.validate().is_err());
    }

    #[test]
    fn tally_sums_by_kind_year_and_window() {
        let row = |counts: Vec<[i64; 5]>| TallyRow {
            id: 1,
            code: "drug".into(),
            period: 3,
            name_ja: "医薬品".into(),
            name_en: "Drug".into(),
            counts,
        };
        let tally = OutcomeTally {
            years: vec![FiscalYear(2023), FiscalYear(2024)],
            rows: vec![
                row(vec![[1, 2, 0, 0, 5], [0, 1, 0, 0, 0]]),
                row(vec![[0, 0, 0, 0, 1], [1, 0, 0, 3, 0]]),
            ],
        };
        assert_eq!(tally.cell(0, 0, Some(OutcomeKind::Licensing)), 2);
        assert_eq!(tally.cell(0, 0, None), 8);
        assert_eq!(tally.row_total(1, None), 5);
        assert_eq!(
            tally.year_total(1, Some(OutcomeKind::RegulatoryApproval)),
            1
        );
        assert_eq!(tally.total(Some(OutcomeKind::Paper)), 6);
        assert_eq!(tally.within(None, (FiscalYear(2020), FiscalYear(2023))), 9);
    }

    #[test]
    fn history_words_name_the_outcome() {
        let d = serde_json::json!({"outcome_id": 7, "kind": "licensing", "date": "2024-05-01"});
        assert_eq!(
            outcome_history_summary("outcome.add", &d).unwrap(),
            "recorded outcome #7 企業導出 (Licensing) 2024-05-01"
        );
        let e = serde_json::json!({"outcome_id": 7, "changed": ["date", "product"], "version": 2});
        assert_eq!(
            outcome_history_summary("outcome.edit", &e).unwrap(),
            "edited outcome #7; changed date, product (version 2)"
        );
        assert_eq!(outcome_history_summary("note.add", &d), None);
        let ja = |action, d| outcome_history_words(action, d, crate::Lang::Ja).unwrap();
        assert_eq!(ja("outcome.add", &d), "成果 #7 企業導出 2024-05-01 を記録");
        assert_eq!(
            ja("outcome.edit", &e),
            "成果 #7 を編集（変更: date, product）（版 2）"
        );
    }
}
