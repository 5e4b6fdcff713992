//! 研究開発課題 as entered (by import, the demo generator or a form), with its validation.

use super::{Date, LicensingStatus, Modality, Phase};
use crate::text::Lines;
use crate::{Error, Result};

/// Longest title accepted (characters); matches the schema's CHECK.
pub const MAX_TITLE_CHARS: usize = 2000;
/// Longest summary accepted (characters).
pub const MAX_SUMMARY_CHARS: usize = 20_000;

/// A project to be stored. Program, integrated project and disease areas are given by code.
#[derive(Debug, Clone, PartialEq)]
pub struct NewProject {
    /// 課題管理番号, e.g. `JP23ck0106123`.
    pub amed_id: String,
    /// 研究開発課題名.
    pub title: String,
    /// 概要.
    pub summary: String,
    /// 研究開発代表者 氏名.
    pub pi_name: String,
    /// 研究開発代表者 役職.
    pub pi_title: String,
    /// 代表研究機関.
    pub institution: String,
    /// 事業 code.
    pub program: String,
    /// 統合プロジェクト code.
    pub integrated_project: String,
    pub modality: Modality,
    pub phase: Phase,
    pub start_date: Date,
    pub end_date: Option<Date>,
    /// 総配分額 (千円).
    pub budget_total_kyen: Option<i64>,
    /// 並走企業.
    pub partner_company: Option<String>,
    pub licensing_status: LicensingStatus,
    /// 対象疾患 (disease area codes).
    pub disease_areas: Vec<String>,
}

impl NewProject {
    /// Checks what the database would refuse, with a message naming the field.
    pub fn validate(&self) -> Result<()> {
        required("amed_id", &self.amed_id, 64)?;
        required("title", &self.title, MAX_TITLE_CHARS)?;
        required("pi_name", &self.pi_name, 200)?;
        required("institution", &self.institution, 400)?;
        optional("summary", &self.summary, MAX_SUMMARY_CHARS)?;
        crate::text::check_text("summary", &self.summary, Lines::Many)?;
        for (field, value) in [
            ("amed_id", &self.amed_id),
            ("title", &self.title),
            ("pi_name", &self.pi_name),
            ("institution", &self.institution),
            ("pi_title", &self.pi_title),
        ] {
            crate::text::check_text(field, value, Lines::One)?;
        }
        if let Some(company) = &self.partner_company {
            crate::text::check_text("partner_company", company, Lines::One)?;
        }
        optional("pi_title", &self.pi_title, 200)?;
        if let Some(company) = &self.partner_company {
            optional("partner_company", company, 400)?;
        }
        if let Some(end) = self.end_date
            && end < self.start_date
        {
            return Err(Error::invalid(
                "end_date",
                crate::msg::invalid::ends_before_start(end, self.start_date),
            ));
        }
        if let Some(budget) = self.budget_total_kyen
            && budget < 0
        {
            return Err(Error::invalid(
                "budget_total_kyen",
                crate::msg::invalid::negative(),
            ));
        }
        Ok(())
    }
}

fn required(field: &str, value: &str, max: usize) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::invalid(field, crate::msg::invalid::empty()));
    }
    optional(field, value, max)
}

fn optional(field: &str, value: &str, max: usize) -> Result<()> {
    if value.contains('\0') {
        return Err(Error::invalid(field, crate::msg::invalid::nul()));
    }
    let chars = value.chars().count();
    if chars > max {
        return Err(Error::invalid(
            field,
            crate::msg::invalid::too_many_chars(chars, max),
        ));
    }
    Ok(())
}

/// A valid project for unit tests (program AMED-CREST in シーズ開発・研究基盤, がん and 難病).
#[cfg(test)]
pub(crate) fn sample(amed_id: &str) -> NewProject {
    use super::{LicensingStatus, Modality, Phase, parse_date};
    NewProject {
        amed_id: amed_id.into(),
        title: "課題".into(),
        summary: String::new(),
        pi_name: "山田 太郎".into(),
        pi_title: "教授".into(),
        institution: "東京大学".into(),
        program: "crest".into(),
        integrated_project: "seeds".into(),
        modality: Modality::Drug,
        phase: Phase::Basic,
        start_date: parse_date("2025-04-01").unwrap(),
        end_date: None,
        budget_total_kyen: Some(1000),
        partner_company: None,
        licensing_status: LicensingStatus::None,
        disease_areas: vec!["cancer".into(), "rare".into()],
    }
}
