//! Deadlines (reports, evaluations, scheduled stage gates): new ones and how one reads as a phrase.

use super::Date;

/// A deadline as one phrase: its kind, then its title unless the title already names the kind
/// (`年次報告 2025年度成果報告`, but `2025年度 年次報告` alone).
pub fn deadline_text(kind: super::DeadlineKind, title: &str, lang: crate::Lang) -> String {
    use super::Coded;
    let title = title.trim();
    if title.is_empty() {
        kind.label(lang).to_string()
    } else if title.contains(kind.name_ja()) || title.contains(kind.name_en()) {
        title.to_string()
    } else {
        format!("{} {title}", kind.label(lang))
    }
}

/// A new deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDeadline {
    pub kind: super::DeadlineKind,
    pub title: String,
    pub due_on: Date,
}

impl NewDeadline {
    /// Checks the title: one line, at most 200 characters, no control or bidi characters.
    pub fn validate(&self) -> crate::Result<()> {
        crate::text::check_field("title", self.title.trim(), 200, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deadline_title_naming_its_kind_is_not_repeated() {
        use super::super::DeadlineKind as K;
        let ja = crate::Lang::Ja;
        assert_eq!(
            deadline_text(K::AnnualReport, "2025年度 年次報告", ja),
            "2025年度 年次報告"
        );
        assert_eq!(deadline_text(K::InterimEvaluation, "", ja), "中間評価");
        assert_eq!(
            deadline_text(K::StageGate, "非臨床POC判定", ja),
            "ステージゲート 非臨床POC判定"
        );
    }
}
