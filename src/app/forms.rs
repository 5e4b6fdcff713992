//! Building each kind of form, in one place: opening a form and restoring a saved draft of it give
//! the same fields. Drafts are stored as the form's kind plus `key → text` values.

use super::App;
use super::form::{Choice, Field, Form, FormKind, Value};
use crate::model::{
    AttachmentKind, Coded, CriterionStatus, DeadlineKind, FlagStatus, GateDecision, NoteKind,
    OutcomeKind, Phase, next_flag_statuses,
};
use crate::tr;

/// A form as kept in the draft file: enough to rebuild it exactly.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DraftRecord {
    pub kind: FormKind,
    pub heading: String,
    /// Field key → text (a choice's code, a date as typed, a body's text).
    pub values: Vec<(String, String)>,
    pub focus: usize,
}

fn choice(code: &str, ja: &str, en: &str) -> Choice {
    Choice {
        ja: ja.into(),
        en: en.into(),
        code: code.into(),
    }
}

fn import_modes() -> Vec<Choice> {
    vec![
        choice(
            "insert",
            "新規のみ（既存の番号はエラー）",
            "insert (existing ids are errors)",
        ),
        choice("upsert", "新規と更新", "insert and update"),
    ]
}

fn yes_no() -> Vec<Choice> {
    vec![choice("no", "いいえ", "no"), choice("yes", "はい", "yes")]
}

/// The three licensing criteria, each a status and a comment (flag and criteria forms).
fn criteria_fields() -> Vec<Field> {
    let criteria = || choices(CriterionStatus::ALL);
    vec![
        Field::choice(
            "competitive",
            "競合優位性",
            "Competitive advantage",
            criteria(),
            0,
        ),
        Field::text("competitive_note", "  コメント", "  comment", ""),
        Field::choice("ip", "知財ポートフォリオ", "IP portfolio", criteria(), 0),
        Field::text("ip_note", "  コメント", "  comment", ""),
        Field::choice(
            "evidence",
            "有効性・安全性・再現性",
            "Efficacy / safety / reproducibility",
            criteria(),
            0,
        ),
        Field::text("evidence_note", "  コメント", "  comment", ""),
    ]
}

pub(crate) fn choices<T: Coded>(items: &[T]) -> Vec<Choice> {
    items
        .iter()
        .map(|v| Choice {
            ja: v.name_ja().into(),
            en: v.name_en().into(),
            code: v.code().into(),
        })
        .collect()
}

impl App {
    /// The empty form of `kind`.
    pub fn build_form(&self, kind: FormKind, heading: String) -> Form {
        if let Some(fields) = super::project_form::build_fields(self, &kind)
            .or_else(|| super::gate_form::build_fields(self, &kind))
        {
            return Form::new(kind, heading, fields, self.today);
        }
        if let Some(fields) = self.export_fields(&kind) {
            return Form::new(kind, heading, fields, self.today);
        }
        let fields = match &kind {
            // Drawn top to bottom in this order; the text is where typing starts (see below),
            // and Tab goes on from it to the kind, the date and the follow-up.
            FormKind::Note { .. } => vec![
                Field::choice("kind", "種別", "Kind", choices(NoteKind::ALL), 0),
                Field::date("date", "日付", "Date", Some(self.today), false),
                Field::date(
                    "follow_up",
                    "フォローアップ期限",
                    "Follow-up due",
                    None,
                    true,
                ),
                Field::body("body", "本文", "Text", ""),
            ],
            FormKind::EditNote { .. } => vec![Field::body("body", "本文", "Text", "")],
            FormKind::Flag { program_id, .. } => {
                // Successor programs linked to the project's program (pairing / matching) first.
                let successors: Vec<i64> = program_id
                    .map(|p| self.reference.successors(p).iter().map(|s| s.id).collect())
                    .unwrap_or_default();
                // In link order: the first is preselected (the radar lists them in that order).
                let mut programs: Vec<Choice> = Vec::new();
                for p in successors
                    .iter()
                    .filter_map(|id| self.reference.program(*id))
                {
                    programs.push(Choice {
                        ja: format!("* {}", p.name_ja),
                        en: format!("* {}", p.name_en),
                        code: p.id.to_string(),
                    });
                }
                for p in self
                    .reference
                    .programs
                    .iter()
                    .filter(|p| !successors.contains(&p.id) && Some(p.id) != *program_id)
                {
                    programs.push(Choice {
                        ja: p.name_ja.clone(),
                        en: p.name_en.clone(),
                        code: p.id.to_string(),
                    });
                }
                // In the order an officer fills it: where the project goes, how far the
                // decision is, why (two Tabs from the top), then the optional criteria.
                let mut fields = vec![
                    Field::choice("target", "後継事業", "Successor program", programs, 0),
                    Field::choice(
                        "status",
                        "状態",
                        "Status",
                        choices(&[FlagStatus::Candidate, FlagStatus::Recommended]),
                        0,
                    ),
                    Field::body("reason", "理由", "Reason", ""),
                ];
                fields.extend(criteria_fields());
                fields
            }
            FormKind::Criteria { .. } => criteria_fields(),
            FormKind::FlagMove { from, .. } => vec![
                Field::choice(
                    "to",
                    "新しい状態",
                    "New status",
                    choices(&next_flag_statuses(*from)),
                    0,
                ),
                Field::text("why", "理由", "Why", ""),
            ],
            FormKind::Phase { from, .. } => {
                let others: Vec<Phase> = Phase::ALL.iter().copied().filter(|p| p != from).collect();
                let next = others.iter().position(|p| p > from).unwrap_or(0);
                vec![
                    Field::choice("to", "移行先フェーズ", "Move to", choices(&others), next),
                    Field::date("date", "日付", "Date", Some(self.today), false),
                    Field::text("reason", "理由", "Reason", ""),
                ]
            }
            // Built by export_form above.
            FormKind::Export { .. } | FormKind::ExportPivot { .. } => Vec::new(),
            FormKind::Import => vec![
                Field::text("file", "CSVファイル", "CSV file", ""),
                Field::choice("mode", "取り込み方", "Mode", import_modes(), 0),
                Field::choice(
                    "dry_run",
                    "確認のみ（書き込まない）",
                    "Dry run (write nothing)",
                    yes_no(),
                    0,
                ),
            ],
            FormKind::Deadline { .. } => vec![
                Field::choice("kind", "種別", "Kind", choices(DeadlineKind::ALL), 0),
                Field::date("due", "期限", "Due", None, true),
                Field::text("title", "件名", "Title", ""),
            ],
            FormKind::Attach { .. } => vec![
                Field::text("target", "パスまたはURL", "Path or URL", ""),
                Field::text("label", "ラベル", "Label", ""),
                Field::choice("kind", "種別", "Kind", choices(AttachmentKind::ALL), 0),
                Field::date("date", "日付", "Date", Some(self.today), false),
            ],
            FormKind::Outcome { .. } => vec![
                Field::choice("kind", "種別", "Kind", choices(OutcomeKind::ALL), 1),
                Field::date("date", "日付", "Date", Some(self.today), false),
                Field::text("product", "製品名", "Product", ""),
                Field::text("detail", "内容", "Detail", ""),
            ],
            // Built by project_form::build_fields and gate_form::build_fields above.
            FormKind::ProjectEdit { .. }
            | FormKind::ProjectNew
            | FormKind::SuccessorNew { .. }
            | FormKind::ProjectRetire { .. }
            | FormKind::GateEdit { .. } => Vec::new(),
            FormKind::Gate { .. } => vec![
                Field::text("gate", "ゲート", "Gate", "SG"),
                Field::choice(
                    "decision",
                    "判定",
                    "Decision",
                    choices(GateDecision::ALL),
                    0,
                ),
                Field::date("date", "日付", "Date", Some(self.today), false),
                Field::text("note", "メモ", "Note", ""),
            ],
        };
        let mut form = Form::new(kind, heading, fields, self.today);
        // A note form opens in its text.
        if let Some(body) = form
            .fields
            .iter()
            .position(|f| matches!(f.value, Value::Body(_)))
            .filter(|_| matches!(form.kind, FormKind::Note { .. }))
        {
            form.focus = body;
        }
        form
    }

    /// The form's state as a draft record.
    pub fn draft_of(form: &Form) -> DraftRecord {
        let values = form
            .fields
            .iter()
            .map(|f| {
                let text = match &f.value {
                    // A relative date (`+7d`, `来週`) is kept as the day it meant when typed: the
                    // draft may be reopened another day.
                    Value::Date { line, .. }
                        if crate::model::date_input::is_relative(&line.text) =>
                    {
                        crate::model::date_input::resolve(&line.text, form.today)
                            .map(|d| d.to_string())
                            .unwrap_or_else(|_| line.text.clone())
                    }
                    Value::Text(line) | Value::Date { line, .. } => line.text.clone(),
                    Value::Choice { options, index } => options
                        .get(*index)
                        .map(|c| c.code.clone())
                        .unwrap_or_default(),
                    Value::Body(editor) => editor.text(),
                };
                (f.key.to_string(), text)
            })
            .collect();
        DraftRecord {
            kind: form.kind.clone(),
            heading: form.heading.clone(),
            values,
            focus: form.focus,
        }
    }

    /// Rebuilds a form from its draft record (values whose key or choice no longer exists are
    /// left at their defaults).
    pub fn form_from_draft(&self, record: &DraftRecord) -> Form {
        let mut form = self.build_form(record.kind.clone(), record.heading.clone());
        for (key, text) in &record.values {
            let Some(field) = form.fields.iter_mut().find(|f| f.key == key) else {
                continue;
            };
            match &mut field.value {
                Value::Text(line) | Value::Date { line, .. } => *line = super::InputLine::new(text),
                Value::Choice { options, index } => {
                    if let Some(i) = options.iter().position(|c| c.code == *text) {
                        *index = i;
                    }
                }
                Value::Body(editor) => *editor = super::editor::Editor::new(text),
            }
        }
        form.focus = record.focus.min(form.fields.len().saturating_sub(1));
        form
    }

    /// Every unsaved form of this session (the open one first), for the draft file.
    pub fn draft_records(&self) -> Vec<DraftRecord> {
        let open = match &self.overlay {
            super::Overlay::Form(form) if form.has_text() => Some(App::draft_of(form)),
            _ => None,
        };
        open.into_iter()
            .chain(self.drafts.values().map(App::draft_of))
            .collect()
    }

    /// Takes drafts saved by an earlier session: the first reopens on screen, the rest wait for
    /// their own form's key on their project.
    pub fn restore_drafts(&mut self, records: Vec<DraftRecord>) {
        let count = records.len();
        for (i, record) in records.into_iter().enumerate() {
            let form = self.form_from_draft(&record);
            if i == 0 {
                self.overlay = super::Overlay::Form(Box::new(form));
            } else if let Some(slot) = form.kind.draft_slot() {
                self.drafts.insert(slot, form);
            }
        }
        if count > 0 {
            self.notice = Some(format!(
                "{} {} {}",
                tr(self.lang, "前回の下書き", "drafts from last time:"),
                count,
                tr(
                    self.lang,
                    "件を復元しました（Ctrl-S 保存 / Esc 保持）",
                    "restored (Ctrl-S saves, Esc keeps)"
                )
            ));
        }
    }
}
