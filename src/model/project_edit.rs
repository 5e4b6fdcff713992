//! Changing one project's own fields: which fields an officer maintains, a set of changes to
//! some of them, and the retirement of a project entered by mistake. No I/O.

use super::{Date, LicensingStatus, Modality, NewProject};

/// A field of a project an officer maintains: every field but the 課題管理番号 (its identity)
/// and the phase (phase moves have their own command and history).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProjectField {
    Title,
    Summary,
    PiName,
    PiTitle,
    Institution,
    Program,
    Modality,
    StartDate,
    EndDate,
    Budget,
    DiseaseAreas,
    Partner,
    Licensing,
}

impl ProjectField {
    /// Every field, in the order of the CSV columns.
    pub const ALL: [ProjectField; 13] = [
        ProjectField::Title,
        ProjectField::Program,
        ProjectField::Institution,
        ProjectField::PiName,
        ProjectField::PiTitle,
        ProjectField::StartDate,
        ProjectField::EndDate,
        ProjectField::Budget,
        ProjectField::Modality,
        ProjectField::DiseaseAreas,
        ProjectField::Summary,
        ProjectField::Licensing,
        ProjectField::Partner,
    ];

    /// (key, Japanese, English): the key is the CSV column's English header and the audit
    /// detail's field name; the Japanese name is the CSV column's header.
    pub fn describe(self) -> (&'static str, &'static str, &'static str) {
        match self {
            ProjectField::Title => ("title", "研究開発課題名", "title"),
            ProjectField::Summary => ("summary", "概要", "summary"),
            ProjectField::PiName => ("pi_name", "研究開発代表者", "PI"),
            ProjectField::PiTitle => ("pi_title", "役職", "PI's title"),
            ProjectField::Institution => ("institution", "代表研究機関", "institution"),
            ProjectField::Program => ("program", "事業名", "program"),
            ProjectField::Modality => ("modality", "承認上の分類", "modality"),
            ProjectField::StartDate => ("start_date", "開始日", "start date"),
            ProjectField::EndDate => ("end_date", "終了日", "end date"),
            ProjectField::Budget => (
                "budget_total_kyen",
                "総配分額(千円)",
                "total budget (k yen)",
            ),
            ProjectField::DiseaseAreas => ("disease_areas", "対象疾患", "disease areas"),
            ProjectField::Partner => ("partner_company", "並走企業", "partner company"),
            ProjectField::Licensing => ("licensing_status", "企業導出", "licensing"),
        }
    }

    /// The key (see [`ProjectField::describe`]).
    pub fn key(self) -> &'static str {
        self.describe().0
    }

    /// The field with this key.
    pub fn from_key(key: &str) -> Option<ProjectField> {
        ProjectField::ALL.into_iter().find(|f| f.key() == key)
    }

    /// Whether the audit log keeps the old and new value: not for the title, the summary and
    /// the PI's name (the log holds ids, codes and short labels, never titles, text or people's
    /// names); their change is recorded by name.
    pub fn logs_values(self) -> bool {
        !matches!(
            self,
            ProjectField::Title | ProjectField::Summary | ProjectField::PiName
        )
    }
}

/// New values for some of a project's fields (`None`: unchanged). Program and disease areas are
/// codes; `Some(None)` clears an optional field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectChanges {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub pi_name: Option<String>,
    pub pi_title: Option<String>,
    pub institution: Option<String>,
    pub program: Option<String>,
    pub modality: Option<Modality>,
    pub start_date: Option<Date>,
    pub end_date: Option<Option<Date>>,
    pub budget_total_kyen: Option<Option<i64>>,
    pub disease_areas: Option<Vec<String>>,
    pub partner_company: Option<Option<String>>,
    pub licensing_status: Option<LicensingStatus>,
}

impl ProjectChanges {
    /// Whether no field is given.
    pub fn is_empty(&self) -> bool {
        *self == ProjectChanges::default()
    }

    /// `project` with these changes made (the integrated project is the caller's: it follows
    /// a changed program).
    pub fn apply(&self, project: &NewProject) -> NewProject {
        let mut p = project.clone();
        let set = |slot: &mut String, value: &Option<String>| {
            if let Some(v) = value {
                slot.clone_from(v);
            }
        };
        set(&mut p.title, &self.title);
        set(&mut p.summary, &self.summary);
        set(&mut p.pi_name, &self.pi_name);
        set(&mut p.pi_title, &self.pi_title);
        set(&mut p.institution, &self.institution);
        set(&mut p.program, &self.program);
        if let Some(v) = self.modality {
            p.modality = v;
        }
        if let Some(v) = self.start_date {
            p.start_date = v;
        }
        if let Some(v) = self.end_date {
            p.end_date = v;
        }
        if let Some(v) = self.budget_total_kyen {
            p.budget_total_kyen = v;
        }
        if let Some(v) = &self.disease_areas {
            p.disease_areas.clone_from(v);
        }
        if let Some(v) = &self.partner_company {
            p.partner_company = v.clone().filter(|c| !c.is_empty());
        }
        if let Some(v) = self.licensing_status {
            p.licensing_status = v;
        }
        p
    }

    /// The changes that turn `new` back into `old` for the fields that differ (what an undo
    /// writes).
    pub fn reverting(old: &NewProject, new: &NewProject) -> ProjectChanges {
        let mut back = ProjectChanges::default();
        for field in changed_fields(old, new) {
            match field {
                ProjectField::Title => back.title = Some(old.title.clone()),
                ProjectField::Summary => back.summary = Some(old.summary.clone()),
                ProjectField::PiName => back.pi_name = Some(old.pi_name.clone()),
                ProjectField::PiTitle => back.pi_title = Some(old.pi_title.clone()),
                ProjectField::Institution => back.institution = Some(old.institution.clone()),
                ProjectField::Program => back.program = Some(old.program.clone()),
                ProjectField::Modality => back.modality = Some(old.modality),
                ProjectField::StartDate => back.start_date = Some(old.start_date),
                ProjectField::EndDate => back.end_date = Some(old.end_date),
                ProjectField::Budget => back.budget_total_kyen = Some(old.budget_total_kyen),
                ProjectField::DiseaseAreas => back.disease_areas = Some(old.disease_areas.clone()),
                ProjectField::Partner => back.partner_company = Some(old.partner_company.clone()),
                ProjectField::Licensing => back.licensing_status = Some(old.licensing_status),
            }
        }
        back
    }
}

/// The fields whose values differ between `old` and `new`, in [`ProjectField::ALL`] order
/// (disease areas compare as sets).
pub fn changed_fields(old: &NewProject, new: &NewProject) -> Vec<ProjectField> {
    let areas = |p: &NewProject| {
        let mut a = p.disease_areas.clone();
        a.sort();
        a.dedup();
        a
    };
    ProjectField::ALL
        .into_iter()
        .filter(|field| match field {
            ProjectField::Title => old.title != new.title,
            ProjectField::Summary => old.summary != new.summary,
            ProjectField::PiName => old.pi_name != new.pi_name,
            ProjectField::PiTitle => old.pi_title != new.pi_title,
            ProjectField::Institution => old.institution != new.institution,
            ProjectField::Program => old.program != new.program,
            ProjectField::Modality => old.modality != new.modality,
            ProjectField::StartDate => old.start_date != new.start_date,
            ProjectField::EndDate => old.end_date != new.end_date,
            ProjectField::Budget => old.budget_total_kyen != new.budget_total_kyen,
            ProjectField::DiseaseAreas => areas(old) != areas(new),
            ProjectField::Partner => old.partner_company != new.partner_company,
            ProjectField::Licensing => old.licensing_status != new.licensing_status,
        })
        .collect()
}

/// One changed field as the history tells it, values as labels (`None`: the audit log does not
/// keep this field's values, see [`ProjectField::logs_values`]; an empty label: no value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub field: ProjectField,
    pub from: Option<String>,
    pub to: Option<String>,
}

impl FieldChange {
    /// `企業導出: 未導出 › 実施許諾`; `終了日: なし › 2028-03-31`; `研究開発課題名: 変更` when the
    /// values are not kept.
    pub fn words(&self) -> String {
        self.words_in(crate::Lang::Ja)
    }

    /// The change in `lang`: `課題名: 旧 › 新` / `title: old › new`.
    pub fn words_in(&self, lang: crate::Lang) -> String {
        let (_, ja, en) = self.field.describe();
        let name = crate::tr(lang, ja, en);
        let shown = |v: &str| {
            if v.is_empty() {
                crate::tr(lang, "なし", "none").to_string()
            } else {
                crate::text::sanitize_line(v).into_owned()
            }
        };
        match (&self.from, &self.to) {
            (Some(from), Some(to)) => format!("{name}: {} › {}", shown(from), shown(to)),
            _ => format!("{name}: {}", crate::tr(lang, "変更", "changed")),
        }
    }
}

/// A value typed for one of a project's fields (a form's field): its key (the CSV column's
/// English header, e.g. `licensing_status`), the label the officer saw, and the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectValue {
    pub key: String,
    pub label: String,
    pub value: String,
}

/// What an edit of a project wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectEdited {
    /// The project's version after the edit (unchanged when nothing changed).
    pub version: i64,
    /// The fields that changed, in words; empty when the edit changed nothing (nothing written).
    pub changes: Vec<FieldChange>,
    /// The changes that put the changed fields back (an undo).
    pub undo: ProjectChanges,
}

/// Longest reason accepted for retiring a project (characters).
pub const MAX_RETIRE_REASON_CHARS: usize = 2000;

/// Checks a retirement reason: not empty, one line of at most 2,000 characters, by the rule
/// every input shares.
pub fn validate_retire_reason(reason: &str) -> crate::Result<()> {
    if reason.trim().is_empty() {
        return Err(crate::Error::invalid(
            "reason",
            crate::msg::invalid::retire_reason_empty(),
        ));
    }
    crate::text::check_text("reason", reason, crate::text::Lines::One)?;
    let chars = reason.chars().count();
    if chars > MAX_RETIRE_REASON_CHARS {
        return Err(crate::Error::invalid(
            "reason",
            crate::msg::invalid::too_many_chars(chars, MAX_RETIRE_REASON_CHARS),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_change_reads_in_the_officers_language() {
        let change = super::FieldChange {
            field: super::ProjectField::Licensing,
            from: Some("未導出".into()),
            to: Some(String::new()),
        };
        assert_eq!(change.words_in(crate::Lang::Ja), "企業導出: 未導出 › なし");
        assert_eq!(change.words(), change.words_in(crate::Lang::Ja));
        assert_eq!(change.words_in(crate::Lang::En), "licensing: 未導出 › none");
        let hidden = super::FieldChange {
            from: None,
            ..change
        };
        assert_eq!(hidden.words_in(crate::Lang::En), "licensing: changed");
        assert_eq!(hidden.words_in(crate::Lang::Ja), "企業導出: 変更");
    }

    use super::*;
    use crate::model::parse_date;

    fn project() -> NewProject {
        crate::model::sample_project("JP1")
    }

    #[test]
    fn changes_apply_and_revert() {
        let old = project();
        let changes = ProjectChanges {
            licensing_status: Some(LicensingStatus::License),
            end_date: Some(parse_date("2028-03-31")),
            disease_areas: Some(vec!["rare".into()]),
            partner_company: Some(Some(String::new())),
            ..ProjectChanges::default()
        };
        let new = changes.apply(&old);
        assert_eq!(
            changed_fields(&old, &new),
            vec![
                ProjectField::EndDate,
                ProjectField::DiseaseAreas,
                ProjectField::Licensing
            ],
            "an empty partner changes nothing"
        );
        let reordered = ProjectChanges {
            disease_areas: Some(vec!["rare".into(), "cancer".into()]),
            ..ProjectChanges::default()
        };
        assert!(changed_fields(&old, &reordered.apply(&old)).is_empty());
        let back = ProjectChanges::reverting(&old, &new);
        assert_eq!(back.apply(&new), old);
        assert!(ProjectChanges::default().is_empty());
    }

    #[test]
    fn every_key_names_its_field() {
        for f in ProjectField::ALL {
            assert_eq!(ProjectField::from_key(f.key()), Some(f));
        }
        assert!(validate_retire_reason(" ").is_err());
        assert!(validate_retire_reason("重複\n登録").is_err());
        assert!(validate_retire_reason("重複登録").is_ok());
    }
}
