//! The project forms: `E` on the detail edits the project's own fields (prefilled, saved on the
//! version loaded, only the changed fields sent), `N` adds a project, and the palette's
//! `retire_project` retires one after a confirmation. Values travel as typed: the runtime checks
//! them by the rules of an imported row, so the form refuses what import refuses, in its words.

use super::form::{Choice, Field, Form, FormKind, Value};
use super::forms::choices;
use super::save::Save;
use super::{App, Effect, Screen};
use crate::model::{
    Coded, LicensingStatus, Modality, Phase, ProjectDetail, ProjectField, ProjectValue,
};
use crate::{Lang, tr};

/// The program choices: every program, by code.
fn programs(app: &App) -> Vec<Choice> {
    app.reference
        .programs
        .iter()
        .map(|p| Choice {
            ja: p.name_ja.clone(),
            en: p.name_en.clone(),
            code: p.code.clone(),
        })
        .collect()
}

/// A choice field set to the option whose code is `code` (the first when none is).
fn choice_at(
    key: &'static str,
    ja: &'static str,
    en: &'static str,
    options: Vec<Choice>,
    code: &str,
) -> Field {
    let index = options.iter().position(|c| c.code == code).unwrap_or(0);
    Field::choice(key, ja, en, options, index)
}

/// The fields of a project form, valued from `value(key)` (the loaded text, or a default).
fn fields(app: &App, new: bool, value: &dyn Fn(&str) -> String) -> Vec<Field> {
    let text = |f: ProjectField, ja: &'static str, en: &'static str| {
        let key = f.key();
        Field::text(key, ja, en, &value(key))
    };
    let date = |f: ProjectField, ja: &'static str, en: &'static str, optional: bool| {
        let key = f.key();
        let mut field = Field::date(key, ja, en, None, optional);
        field.value = Value::Date {
            line: super::InputLine::new(&value(key)),
            optional,
        };
        field
    };
    let mut out = Vec::new();
    if new {
        out.push(Field::text(
            "amed_id",
            "課題管理番号",
            "AMED ID",
            &value("amed_id"),
        ));
    }
    out.push(text(ProjectField::Title, "研究開発課題名", "Title"));
    out.push(choice_at(
        "program",
        "事業",
        "Program",
        programs(app),
        &value("program"),
    ));
    if new {
        out.push(choice_at(
            "phase",
            "研究開発フェーズ",
            "Phase",
            choices(Phase::ALL),
            &value("phase"),
        ));
    }
    out.push(text(
        ProjectField::Institution,
        "代表研究機関",
        "Institution",
    ));
    out.push(text(ProjectField::PiName, "研究開発代表者", "PI"));
    out.push(text(ProjectField::PiTitle, "役職", "PI's title"));
    out.push(date(ProjectField::StartDate, "開始日", "Start", false));
    out.push(date(ProjectField::EndDate, "終了日", "End", true));
    out.push(text(
        ProjectField::Budget,
        "総配分額(千円)",
        "Budget (k yen)",
    ));
    out.push(choice_at(
        "modality",
        "承認上の分類",
        "Modality",
        choices(Modality::ALL),
        &value("modality"),
    ));
    out.push(text(
        ProjectField::DiseaseAreas,
        "対象疾患（, 区切り）",
        "Disease areas (a, b)",
    ));
    out.push(choice_at(
        "licensing_status",
        "企業導出",
        "Licensing",
        choices(LicensingStatus::ALL),
        &value("licensing_status"),
    ));
    out.push(text(ProjectField::Partner, "並走企業", "Partner company"));
    out.push(Field::body("summary", "概要", "Summary", &value("summary")));
    out
}

/// The detail's values by field key, as the edit form shows them.
fn loaded_values(app: &App, d: &ProjectDetail) -> Vec<(String, String)> {
    let program = app
        .reference
        .programs
        .iter()
        .find(|p| p.id == d.program_id)
        .map(|p| p.code.clone())
        .unwrap_or_default();
    let areas: Vec<&str> = d.disease_areas.iter().map(|(ja, _)| ja.as_str()).collect();
    [
        ("title", d.title.clone()),
        ("program", program),
        ("institution", d.institution.clone()),
        ("pi_name", d.pi_name.clone()),
        ("pi_title", d.pi_title.clone()),
        ("start_date", d.start_date.clone()),
        ("end_date", d.end_date.clone().unwrap_or_default()),
        (
            "budget_total_kyen",
            d.budget_total_kyen
                .map(|b| b.to_string())
                .unwrap_or_default(),
        ),
        ("modality", d.modality.code().to_string()),
        ("disease_areas", areas.join(", ")),
        ("licensing_status", d.licensing_status.code().to_string()),
        (
            "partner_company",
            d.partner_company.clone().unwrap_or_default(),
        ),
        ("summary", d.summary.clone()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// The successor's values from its predecessor `d`: title, PI, institution, disease areas,
/// modality, phase, licensing and summary carried over; the program is the flag's target, the
/// start the day after the predecessor ends (today when it has no end); the 課題管理番号, end and
/// budget left for the officer (the new award has its own).
pub(crate) fn successor_values(
    app: &App,
    d: &ProjectDetail,
    program: &str,
) -> Vec<(String, String)> {
    let start = d
        .end_date
        .as_deref()
        .and_then(crate::model::parse_date)
        .and_then(|e| e.succ_opt())
        .unwrap_or(app.today);
    let mut values = loaded_values(app, d);
    for (key, value) in &mut values {
        match key.as_str() {
            "program" => *value = program.to_string(),
            "start_date" => *value = start.to_string(),
            "end_date" | "budget_total_kyen" => value.clear(),
            _ => {}
        }
    }
    values.push(("phase".into(), d.phase.code().to_string()));
    values
}

/// The fields of a project form kind, or `None` for another kind.
pub(crate) fn build_fields(app: &App, kind: &FormKind) -> Option<Vec<Field>> {
    Some(match kind {
        FormKind::ProjectEdit { original, .. } => fields(app, false, &|key| {
            original
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        }),
        FormKind::ProjectNew => {
            let today = app.today.to_string();
            fields(app, true, &|key| match key {
                "start_date" => today.clone(),
                "modality" => Modality::Other.code().into(),
                "phase" => Phase::Basic.code().into(),
                _ => String::new(),
            })
        }
        FormKind::SuccessorNew { prefill, .. } => fields(app, true, &|key| {
            prefill
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        }),
        FormKind::ProjectRetire { .. } => vec![
            Field::text("reason", "理由（例: 重複登録）", "Why (e.g. duplicate)", ""),
            Field::choice(
                "confirm",
                "除外する",
                "Retire it",
                vec![
                    Choice {
                        ja: "いいえ".into(),
                        en: "no".into(),
                        code: "no".into(),
                    },
                    Choice {
                        ja: "はい（全画面・集計・書き出しから除外、記録は保持）".into(),
                        en: "yes (hidden from every view, count, export; notes kept)".into(),
                        code: "yes".into(),
                    },
                ],
                0,
            ),
        ],
        _ => return None,
    })
}

/// A field's value as typed: a choice's code, a line's trimmed text, a date that reads (any form
/// the forms accept, `2026/4/1`, `+7d`) as `YYYY-MM-DD`, the body's text.
fn typed(form: &Form, field: &Field) -> String {
    if let Some(Ok(date)) = form.resolved(field) {
        return date.to_string();
    }
    match &field.value {
        Value::Text(line) | Value::Date { line, .. } => line.text.trim().to_string(),
        Value::Choice { options, index } => options
            .get(*index)
            .map(|c| c.code.clone())
            .unwrap_or_default(),
        Value::Body(editor) => editor.text(),
    }
}

fn value_of(form: &Form, field: &Field, lang: Lang) -> ProjectValue {
    ProjectValue {
        key: field.key.to_string(),
        label: tr(lang, field.ja, field.en).trim().to_string(),
        value: typed(form, field),
    }
}

/// Reads a project form into its save (`None` for another kind of form): an edit sends the
/// fields that differ from what was loaded (none: a message, nothing to save); a retirement
/// needs a reason and the confirmation.
pub(crate) fn build_save(form: &Form, lang: Lang) -> Option<Result<Save, String>> {
    Some(match &form.kind {
        FormKind::ProjectEdit {
            project_id,
            version,
            original,
        } => {
            let values: Vec<ProjectValue> = form
                .fields
                .iter()
                .filter(|f| {
                    let before = original.iter().find(|(k, _)| k == f.key).map(|(_, v)| v);
                    before.is_none_or(|v| *v != typed(form, f))
                })
                .map(|f| value_of(form, f, lang))
                .collect();
            if values.is_empty() {
                Err(tr(
                    lang,
                    "変更はありません（Esc で閉じる）",
                    "nothing changed (Esc closes)",
                )
                .into())
            } else {
                Ok(Save::ProjectEdit {
                    project_id: *project_id,
                    // After a conflict, saving again puts the changed fields on top of the other
                    // session's version (the fields left alone keep its values).
                    version: form.conflict_version.unwrap_or(*version),
                    values,
                })
            }
        }
        FormKind::ProjectNew => Ok(Save::ProjectAdd {
            values: form
                .fields
                .iter()
                .map(|f| value_of(form, f, lang))
                .collect(),
        }),
        FormKind::SuccessorNew {
            predecessor_id,
            flag_id,
            on,
            ..
        } => Ok(Save::SuccessorAdd {
            predecessor_id: *predecessor_id,
            flag_id: *flag_id,
            on: *on,
            values: form
                .fields
                .iter()
                .map(|f| value_of(form, f, lang))
                .collect(),
        }),
        FormKind::ProjectRetire {
            project_id,
            version,
        } => {
            let reason = form.text("reason");
            if reason.is_empty() {
                Err(tr(
                    lang,
                    "除外の理由を入力してください",
                    "type why the project is retired",
                )
                .into())
            } else if form.choice("confirm") != Some("yes") {
                Err(tr(
                    lang,
                    "確認:「はい」を選んでから Ctrl-S（左右キーで選択）",
                    "confirm: choose yes, then Ctrl-S (Left/Right)",
                )
                .into())
            } else {
                Ok(Save::ProjectRetire {
                    project_id: *project_id,
                    version: form.conflict_version.unwrap_or(*version),
                    reason,
                })
            }
        }
        _ => return None,
    })
}

impl App {
    fn detail_loaded(&self) -> Option<&ProjectDetail> {
        match self.screen() {
            Screen::Detail(d) => d.detail.as_deref(),
            _ => None,
        }
    }

    fn needs_detail(&mut self) -> Vec<Effect> {
        self.status = Some(
            tr(
                self.lang,
                "課題の詳細画面で使えます（Enter で開く）",
                "on a project's detail (Enter opens one)",
            )
            .into(),
        );
        Vec::new()
    }

    /// `E` on the detail: the project's own fields, prefilled, saved on the version loaded.
    pub fn open_project_edit_form(&mut self) -> Vec<Effect> {
        let Some(d) = self.detail_loaded() else {
            return self.needs_detail();
        };
        let kind = FormKind::ProjectEdit {
            project_id: d.id,
            version: d.version,
            original: loaded_values(self, d),
        };
        let heading = format!(
            "{}  {}  ({})",
            tr(self.lang, "課題を編集:", "Edit project:"),
            d.amed_id,
            d.title
        );
        let form = self.build_form(kind, heading);
        self.show_form(form)
    }

    /// `N`: a new project, every required field in the form.
    pub fn open_new_project_form(&mut self) -> Vec<Effect> {
        let heading = tr(
            self.lang,
            "新しい課題（取り込みと同じ検査）",
            "New project (checked as an import row)",
        )
        .to_string();
        let form = self.build_form(FormKind::ProjectNew, heading);
        self.show_form(form)
    }

    /// From the palette on the detail: retire the project after a confirmation.
    pub fn open_retire_form(&mut self) -> Vec<Effect> {
        let Some(d) = self.detail_loaded() else {
            return self.needs_detail();
        };
        let kind = FormKind::ProjectRetire {
            project_id: d.id,
            version: d.version,
        };
        let heading = format!(
            "{}  {}  {}",
            tr(self.lang, "課題を除外:", "Retire project:"),
            d.amed_id,
            d.title
        );
        let form = self.build_form(kind, heading);
        self.show_form(form)
    }
}
