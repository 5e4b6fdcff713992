//! Correcting a recorded stage-gate decision (`C` on the detail): the form names the decision it
//! corrects (newest first; choosing another one fills the fields with that one's values), whether
//! to correct or delete it, and the label, decision, date and note as recorded. The save is
//! checked against the version loaded; `u` takes it back.

use super::form::{Choice, Field, Form, FormKind, Value};
use super::forms::choices;
use super::save::Save;
use super::{App, Effect, Overlay, Screen};
use crate::model::{Coded, GateDecision, GateView, NewGate, parse_date};
use crate::{Lang, tr};

/// The values a gate is loaded with, by field key (the form's `original`).
fn values_of(g: &GateView) -> Vec<(String, String)> {
    [
        ("gate", g.gate.clone()),
        ("decision", g.decision.code().to_string()),
        ("date", g.decided_on.clone()),
        ("note", g.note.clone()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

fn original<'a>(original: &'a [(String, String)], key: &str) -> &'a str {
    original
        .iter()
        .find(|(k, _)| k == key)
        .map_or("", |(_, v)| v.as_str())
}

/// `2026-03-10 SG2 Go`: a decision as the target choice names it.
fn target_choice(g: &GateView) -> Choice {
    let line = |lang| {
        format!(
            "{} {} {}",
            g.decided_on,
            crate::text::sanitize_line(&g.gate),
            g.decision.label(lang)
        )
    };
    Choice {
        ja: line(Lang::Ja),
        en: line(Lang::En),
        code: g.id.to_string(),
    }
}

impl App {
    /// The decisions of the project on the detail screen, newest first.
    fn detail_gates(&self, project_id: i64) -> Vec<GateView> {
        match self.screen() {
            Screen::Detail(d) => d
                .detail
                .as_ref()
                .filter(|d| d.id == project_id)
                .map(|d| d.gates.iter().rev().cloned().collect())
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    /// `C` on the detail: correct or delete the newest recorded stage-gate decision (another one
    /// is chosen in the form's first field).
    pub fn open_gate_edit_form(&mut self) -> Vec<Effect> {
        let Screen::Detail(d) = self.screen() else {
            return self.not_here();
        };
        let project_id = d.id;
        let Some(newest) = self.detail_gates(project_id).into_iter().next() else {
            self.status = Some(
                tr(
                    self.lang,
                    "訂正できるステージゲート判定はありません（a で記録）",
                    "no stage-gate decision to correct (a records one)",
                )
                .into(),
            );
            return Vec::new();
        };
        let kind = FormKind::GateEdit {
            project_id,
            gate_id: newest.id,
            version: newest.version,
            original: values_of(&newest),
        };
        let heading = format!(
            "{} {}",
            tr(
                self.lang,
                "ステージゲート判定の訂正:",
                "Correct a stage gate:"
            ),
            self.heading_for(project_id)
        );
        let form = self.build_form(kind, heading);
        self.show_form(form)
    }

    /// After the target choice moved: the form corrects that decision now, its fields filled
    /// with its values (the action chosen and the focus stay).
    pub(crate) fn retarget_gate_form(&mut self) {
        let Overlay::Form(form) = &self.overlay else {
            return;
        };
        let FormKind::GateEdit {
            project_id,
            gate_id,
            ..
        } = &form.kind
        else {
            return;
        };
        let chosen = form.choice("target").and_then(|c| c.parse::<i64>().ok());
        let (project_id, gate_id) = (*project_id, *gate_id);
        let Some(g) = self
            .detail_gates(project_id)
            .into_iter()
            .find(|g| Some(g.id) == chosen && g.id != gate_id)
        else {
            return;
        };
        let kind = FormKind::GateEdit {
            project_id,
            gate_id: g.id,
            version: g.version,
            original: values_of(&g),
        };
        let (heading, focus, action) = (
            form.heading.clone(),
            form.focus,
            form.choice("action").map(str::to_string),
        );
        let mut rebuilt = self.build_form(kind, heading);
        rebuilt.focus = focus;
        if let Some(action) = action
            && let Some(Field {
                value: Value::Choice { options, index },
                ..
            }) = rebuilt.fields.iter_mut().find(|f| f.key == "action")
            && let Some(i) = options.iter().position(|c| c.code == action)
        {
            *index = i;
        }
        self.overlay = Overlay::Form(Box::new(rebuilt));
    }
}

/// Whether an edit just moved the gate form's target choice.
pub(crate) fn wants_retarget(form: &Form) -> bool {
    matches!(form.kind, FormKind::GateEdit { .. })
        && form
            .fields
            .get(form.focus)
            .is_some_and(|f| f.key == "target")
}

/// The fields of the gate correction form (`None` for another kind).
pub(crate) fn build_fields(app: &App, kind: &FormKind) -> Option<Vec<Field>> {
    let FormKind::GateEdit {
        project_id,
        gate_id,
        original: values,
        ..
    } = kind
    else {
        return None;
    };
    let mut targets: Vec<Choice> = app
        .detail_gates(*project_id)
        .iter()
        .map(target_choice)
        .collect();
    if targets.is_empty() {
        // Not over its detail (a draft): only the decision it was opened on.
        targets.push(Choice {
            ja: format!("#{gate_id}"),
            en: format!("#{gate_id}"),
            code: gate_id.to_string(),
        });
    }
    let at = targets
        .iter()
        .position(|c| c.code == gate_id.to_string())
        .unwrap_or(0);
    let decision = GateDecision::ALL
        .iter()
        .position(|d| d.code() == original(values, "decision"))
        .unwrap_or(0);
    let actions = vec![
        Choice {
            ja: "訂正する".into(),
            en: "correct it".into(),
            code: "edit".into(),
        },
        Choice {
            ja: "削除する（誤記録。u で取り消し）".into(),
            en: "delete it (recorded by mistake; u undoes)".into(),
            code: "delete".into(),
        },
    ];
    Some(vec![
        Field::choice("target", "対象の判定", "Decision", targets, at),
        Field::choice("action", "操作", "Action", actions, 0),
        Field::text("gate", "ゲート", "Gate", original(values, "gate")),
        Field::choice(
            "decision",
            "判定",
            "Decision",
            choices(GateDecision::ALL),
            decision,
        ),
        Field::date(
            "date",
            "日付",
            "Date",
            parse_date(original(values, "date")),
            false,
        ),
        Field::text("note", "メモ", "Note", original(values, "note")),
    ])
}

/// Reads the gate correction form into its save (`None` for another kind): a deletion, or the
/// corrected decision when something differs from what was loaded.
pub(crate) fn build_save(form: &Form, lang: Lang) -> Option<Result<Save, String>> {
    let FormKind::GateEdit {
        project_id,
        gate_id,
        version,
        original: values,
    } = &form.kind
    else {
        return None;
    };
    // After a conflict, saving again goes on top of the other session's version.
    let version = form.conflict_version.unwrap_or(*version);
    if form.choice("action") == Some("delete") {
        return Some(Ok(Save::GateDelete {
            project_id: *project_id,
            gate_id: *gate_id,
            version,
            gate: original(values, "gate").to_string(),
        }));
    }
    let decided_on = match form.date("date", lang) {
        Ok(Some(d)) => d,
        Ok(None) => {
            return Some(Err(
                tr(lang, "日付を入力してください", "type the date").into()
            ));
        }
        Err(e) => return Some(Err(e)),
    };
    let gate = NewGate {
        gate: form.text("gate"),
        decided_on,
        decision: form
            .choice("decision")
            .and_then(GateDecision::parse)
            .unwrap_or(GateDecision::Go),
        note: form.text("note"),
    };
    let unchanged = gate.gate == original(values, "gate")
        && gate.decided_on.to_string() == original(values, "date")
        && gate.decision.code() == original(values, "decision")
        && gate.note == original(values, "note");
    Some(if unchanged {
        Err(tr(
            lang,
            "変更はありません（Esc で閉じる）",
            "nothing changed (Esc closes)",
        )
        .into())
    } else {
        Ok(Save::GateEdit {
            project_id: *project_id,
            gate_id: *gate_id,
            version,
            gate,
        })
    })
}
