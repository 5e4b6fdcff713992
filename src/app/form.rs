//! Forms over a screen: a note, a highway flag, a flag status move, a phase move, a stage gate.
//! One generic shape (labelled fields: one-line text, date, choice, multi-line body) so every form
//! edits, moves focus and validates the same way.

use super::editor::Editor;
use super::{Edit, InputLine};
use crate::model::Date;
use crate::model::date_input::{self, DateError};
use crate::tr;

/// What the form saves, with the ids and versions it was opened on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FormKind {
    /// A new note on a project.
    Note { project_id: i64 },
    /// A new text for an existing note (the version loaded; a newer one is a conflict).
    EditNote {
        project_id: i64,
        note_id: i64,
        version: i64,
    },
    /// New highway flags on one or more projects (`program_id`: the cursor project's program,
    /// whose successors are offered first).
    Flag {
        project_ids: Vec<i64>,
        program_id: Option<i64>,
    },
    /// A status move of a project's open flag (from its current status).
    FlagMove {
        project_id: i64,
        flag_id: i64,
        version: i64,
        from: crate::model::FlagStatus,
    },
    /// A phase move (from its current phase; the version when known).
    Phase {
        project_id: i64,
        version: Option<i64>,
        from: crate::model::Phase,
    },
    /// A stage-gate decision.
    Gate { project_id: i64 },
    /// A new assessment of the open flag's three licensing criteria.
    Criteria {
        project_id: i64,
        flag_id: i64,
        version: i64,
    },
    /// Export a list: its selection or every listed project (ids in display order; the form's
    /// choice says which).
    Export {
        selection: Vec<i64>,
        matching: Vec<i64>,
        /// The file name offered (editable in the form).
        suggested: String,
    },
    /// Import a project list from a CSV file.
    Import,
    /// A report, evaluation or stage-gate deadline on a project.
    Deadline { project_id: i64 },
    /// A file link (path or URL) on a project.
    Attach { project_id: i64 },
    /// An outcome of a project (薬事承認, 企業導出, 非臨床PoC, 治験, 論文).
    Outcome { project_id: i64 },
    /// Export the budget pivot as shown (rows × fiscal years, with totals).
    ExportPivot {
        pivot: Box<crate::model::BudgetPivot>,
        suggested: String,
    },
    /// A project's own fields, prefilled with `original` (field key → text as loaded; the save
    /// sends only what differs), saved on the version loaded.
    ProjectEdit {
        project_id: i64,
        version: i64,
        original: Vec<(String, String)>,
    },
    /// A new project.
    ProjectNew,
    /// Retire a project entered by mistake: a reason, and a confirmation.
    ProjectRetire { project_id: i64, version: i64 },
    /// A new project as the successor of `predecessor_id` through the accepted highway flag
    /// `flag_id`, its fields prefilled (`prefill`: key, value) from the predecessor.
    SuccessorNew {
        predecessor_id: i64,
        flag_id: i64,
        prefill: Vec<(String, String)>,
        /// The day the PS / PO assignments start (today when the form opened).
        on: crate::model::Date,
    },
    /// Correct or delete a recorded stage-gate decision, on the version loaded; `original`:
    /// field key → value as loaded.
    GateEdit {
        project_id: i64,
        gate_id: i64,
        version: i64,
        original: Vec<(String, String)>,
    },
}

/// Where a form's draft waits: its project, its kind of form and the record it edits (a note, a
/// gate decision). The form's own opening key on the same project restores it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DraftSlot {
    pub project: Option<i64>,
    pub form: &'static str,
    pub item: Option<i64>,
}

impl FormKind {
    /// Where a draft of this form is kept; `None`: the form keeps no draft (an export form only
    /// names a file and is opened on another selection each time).
    pub fn draft_slot(&self) -> Option<DraftSlot> {
        let (form, item) = match self {
            FormKind::Note { .. } => ("note", None),
            FormKind::EditNote { note_id, .. } => ("edit_note", Some(*note_id)),
            FormKind::Flag { .. } => ("flag", None),
            FormKind::FlagMove { .. } => ("flag_move", None),
            FormKind::Criteria { .. } => ("criteria", None),
            FormKind::Phase { .. } => ("phase", None),
            FormKind::Gate { .. } => ("gate", None),
            FormKind::GateEdit { gate_id, .. } => ("gate_edit", Some(*gate_id)),
            FormKind::Deadline { .. } => ("deadline", None),
            FormKind::Attach { .. } => ("attach", None),
            FormKind::Outcome { .. } => ("outcome", None),
            FormKind::ProjectEdit { .. } => ("project_edit", None),
            FormKind::ProjectRetire { .. } => ("project_retire", None),
            FormKind::ProjectNew => ("project_new", None),
            FormKind::Import => ("import", None),
            // A successor is prefilled anew from its predecessor each time the offer is taken.
            FormKind::Export { .. }
            | FormKind::ExportPivot { .. }
            | FormKind::SuccessorNew { .. } => {
                return None;
            }
        };
        Some(DraftSlot {
            project: self.project_id(),
            form,
            item,
        })
    }

    /// The project the form is about (the first one for several).
    pub fn project_id(&self) -> Option<i64> {
        match self {
            FormKind::Note { project_id }
            | FormKind::EditNote { project_id, .. }
            | FormKind::FlagMove { project_id, .. }
            | FormKind::Criteria { project_id, .. }
            | FormKind::Phase { project_id, .. }
            | FormKind::Gate { project_id }
            | FormKind::Deadline { project_id }
            | FormKind::Attach { project_id }
            | FormKind::Outcome { project_id }
            | FormKind::ProjectEdit { project_id, .. }
            | FormKind::ProjectRetire { project_id, .. }
            | FormKind::GateEdit { project_id, .. } => Some(*project_id),
            FormKind::Flag { project_ids, .. } => project_ids.first().copied(),
            FormKind::Export { .. }
            | FormKind::Import
            | FormKind::ExportPivot { .. }
            | FormKind::ProjectNew
            | FormKind::SuccessorNew { .. } => None,
        }
    }
}

/// One option of a choice field: labels and the code it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub ja: String,
    pub en: String,
    pub code: String,
}

/// A field's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(InputLine),
    /// A date as typed (any form of [`date_input`]: `2026/12/11`, `令和8年12月11日`, `+7d`, `来週`),
    /// read against the form's `today`; empty allowed when `optional`.
    Date {
        line: InputLine,
        optional: bool,
    },
    Choice {
        options: Vec<Choice>,
        index: usize,
    },
    Body(Editor),
}

/// A labelled field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Stable key the save reads it by.
    pub key: &'static str,
    pub ja: &'static str,
    pub en: &'static str,
    pub value: Value,
}

/// An open form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub kind: FormKind,
    /// Shown above the fields, e.g. the project's id and title.
    pub heading: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Set after a refused save because another session changed the record: their version, on
    /// top of which the next save goes (a new revision), keeping both texts in history.
    pub conflict_version: Option<i64>,
    /// The day relative dates (`+7d`, `来週`) count from: the app's today.
    pub today: Date,
    /// Each field's text as the form opened (choices: none), to tell a draft worth keeping.
    opened: Vec<Option<String>>,
}

impl Field {
    pub fn text(key: &'static str, ja: &'static str, en: &'static str, text: &str) -> Field {
        Field {
            key,
            ja,
            en,
            value: Value::Text(InputLine::new(text)),
        }
    }

    pub fn date(
        key: &'static str,
        ja: &'static str,
        en: &'static str,
        date: Option<Date>,
        optional: bool,
    ) -> Field {
        let text = date.map(|d| d.to_string()).unwrap_or_default();
        Field {
            key,
            ja,
            en,
            value: Value::Date {
                line: InputLine::new(&text),
                optional,
            },
        }
    }

    pub fn choice(
        key: &'static str,
        ja: &'static str,
        en: &'static str,
        options: Vec<Choice>,
        index: usize,
    ) -> Field {
        Field {
            key,
            ja,
            en,
            value: Value::Choice { options, index },
        }
    }

    pub fn body(key: &'static str, ja: &'static str, en: &'static str, text: &str) -> Field {
        Field {
            key,
            ja,
            en,
            value: Value::Body(Editor::new(text)),
        }
    }
}

impl Form {
    pub fn new(kind: FormKind, heading: String, fields: Vec<Field>, today: Date) -> Form {
        let opened = fields.iter().map(Field::typed).collect();
        Form {
            kind,
            heading,
            fields,
            focus: 0,
            conflict_version: None,
            today,
            opened,
        }
    }

    /// Applies an edit to the focused field. Enter and Up/Down move between one-line fields;
    /// in the body they edit. Left/Right change a choice. Returns whether anything changed.
    pub fn edit(&mut self, edit: Edit) -> bool {
        let count = self.fields.len();
        let Some(field) = self.fields.get_mut(self.focus) else {
            return false;
        };
        match (&mut field.value, edit) {
            (Value::Body(editor), edit) => editor.apply(edit),
            (_, Edit::Newline | Edit::Down) => {
                self.focus = (self.focus + 1) % count;
                false
            }
            (_, Edit::Up) => {
                self.focus = (self.focus + count - 1) % count;
                false
            }
            (Value::Choice { options, index }, Edit::Right | Edit::Insert(' ')) => {
                *index = (*index + 1) % options.len().max(1);
                true
            }
            (Value::Choice { options, index }, Edit::Left) => {
                *index = (*index + options.len().max(1) - 1) % options.len().max(1);
                true
            }
            (Value::Choice { .. }, _) => false,
            (Value::Text(line) | Value::Date { line, .. }, edit) => line.apply(edit),
        }
    }

    /// Moves the focus to the next (or previous) field.
    pub fn cycle_focus(&mut self, forward: bool) {
        let count = self.fields.len().max(1);
        self.focus = if forward {
            (self.focus + 1) % count
        } else {
            (self.focus + count - 1) % count
        };
    }

    fn field(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The text of a text or body field.
    pub fn text(&self, key: &str) -> String {
        match self.field(key).map(|f| &f.value) {
            Some(Value::Text(line)) => line.text.trim().to_string(),
            Some(Value::Body(editor)) => editor.text(),
            _ => String::new(),
        }
    }

    /// The code of a choice field.
    pub fn choice(&self, key: &str) -> Option<&str> {
        match self.field(key).map(|f| &f.value) {
            Some(Value::Choice { options, index }) => options.get(*index).map(|c| c.code.as_str()),
            _ => None,
        }
    }

    /// The label of the field `key` in `lang` (the key itself for a field the form lacks).
    pub fn label(&self, key: &str, lang: crate::Lang) -> String {
        self.field(key).map_or_else(
            || crate::msg::field(key).get(lang).to_string(),
            |f| crate::tr(lang, f.ja, f.en).trim().to_string(),
        )
    }

    /// `label: 入力してください` for a field left without a value.
    pub fn missing(&self, key: &str, lang: crate::Lang) -> String {
        format!(
            "{}: {}",
            self.label(key, lang),
            crate::msg::invalid::empty().get(lang)
        )
    }

    /// A date field, read by the one date parser ([`date_input::resolve`] against `today`):
    /// `Ok(None)` when optional and empty; an error naming the field, in `lang`, otherwise.
    pub fn date(&self, key: &str, lang: crate::Lang) -> Result<Option<Date>, String> {
        let Some(field) = self.field(key) else {
            return Ok(None);
        };
        match self.resolved(field) {
            None => Ok(None),
            Some(Ok(date)) => Ok(Some(date)),
            Some(Err(e)) => Err(format!(
                "{}: {}",
                tr(lang, field.ja, field.en).trim(),
                e.message(lang)
            )),
        }
    }

    /// What a date field's text reads as: `None` for another kind of field or an optional date
    /// left empty.
    pub fn resolved(&self, field: &Field) -> Option<Result<Date, DateError>> {
        let Value::Date { line, optional } = &field.value else {
            return None;
        };
        if line.text.trim().is_empty() && *optional {
            return None;
        }
        Some(date_input::resolve(&line.text, self.today))
    }

    /// Whether the officer typed anything worth keeping as a draft: any line, date or body whose
    /// text differs from what the form opened with (a follow-up date alone counts; a date left
    /// at today does not).
    pub fn has_text(&self) -> bool {
        self.fields.iter().enumerate().any(|(i, f)| {
            let now = f.typed();
            now.is_some() && now != self.opened.get(i).cloned().flatten()
        })
    }
}

impl Field {
    /// The text typed into a line, a date or the body (trimmed; an empty body as ""); `None`
    /// for a choice.
    fn typed(&self) -> Option<String> {
        match &self.value {
            Value::Text(line) | Value::Date { line, .. } => Some(line.text.trim().to_string()),
            Value::Body(editor) if editor.is_empty() => Some(String::new()),
            Value::Body(editor) => Some(editor.text()),
            Value::Choice { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;
    use crate::model::parse_date;

    fn form() -> Form {
        let kinds = vec![
            Choice {
                ja: "面談".into(),
                en: "Meeting".into(),
                code: "meeting".into(),
            },
            Choice {
                ja: "PMDA相談".into(),
                en: "PMDA".into(),
                code: "pmda".into(),
            },
        ];
        Form::new(
            FormKind::Note { project_id: 1 },
            "JP1".into(),
            vec![
                Field::choice("kind", "種別", "Kind", kinds, 0),
                Field::date("date", "日付", "Date", parse_date("2026-11-25"), false),
                Field::date("follow_up", "フォローアップ", "Follow-up", None, true),
                Field::body("body", "本文", "Text", ""),
            ],
            parse_date("2026-12-04").unwrap(),
        )
    }

    #[test]
    fn fields_edit_and_focus_moves() {
        let mut f = form();
        f.edit(Edit::Right);
        assert_eq!(f.choice("kind"), Some("pmda"));
        f.edit(Edit::Newline);
        assert_eq!(f.focus, 1);
        f.cycle_focus(true);
        for c in "2026-12-01".chars() {
            f.edit(Edit::Insert(c));
        }
        assert_eq!(
            f.date("follow_up", Lang::Ja).unwrap(),
            parse_date("2026-12-01")
        );
        f.cycle_focus(true);
        f.edit(Edit::Insert('記'));
        f.edit(Edit::Newline);
        f.edit(Edit::Insert('録'));
        assert_eq!(f.text("body"), "記\n録");
        assert_eq!(
            f.focus, 3,
            "Enter in the body is a new line, not the next field"
        );
        assert!(f.has_text());
    }

    #[test]
    fn a_bad_date_names_the_field() {
        let mut f = form();
        f.focus = 1;
        f.edit(Edit::Clear);
        for c in "2024-02-30".chars() {
            f.edit(Edit::Insert(c));
        }
        assert!(f.date("date", Lang::En).unwrap_err().starts_with("Date: "));
        let ja = f.date("date", Lang::Ja).unwrap_err();
        assert!(
            ja.starts_with("日付: ") && ja.contains("ありません"),
            "{ja}"
        );
        assert_eq!(
            f.date("follow_up", Lang::Ja).unwrap(),
            None,
            "an empty optional date is fine"
        );
    }

    #[test]
    fn every_form_of_date_reads_against_the_forms_today() {
        let mut f = form();
        f.focus = 2;
        for (typed, day) in [
            ("+7d", "2026-12-11"),
            ("来週", "2026-12-11"),
            ("2026/12/11", "2026-12-11"),
            ("令和8年12月11日", "2026-12-11"),
            ("明日", "2026-12-05"),
        ] {
            f.edit(Edit::Clear);
            f.edit(Edit::Paste(typed.into()));
            assert_eq!(
                f.date("follow_up", Lang::Ja).unwrap(),
                parse_date(day),
                "{typed}"
            );
        }
    }

    #[test]
    fn a_follow_up_date_alone_is_worth_keeping_and_today_left_alone_is_not() {
        let mut f = form();
        assert!(!f.has_text(), "a fresh form (date prefilled) is no draft");
        f.edit(Edit::Right);
        assert!(!f.has_text(), "a choice alone is no draft");
        f.focus = 2;
        f.edit(Edit::Paste("+7d".into()));
        assert!(f.has_text(), "a follow-up date alone is a draft");
        f.edit(Edit::Clear);
        assert!(!f.has_text());
        f.focus = 1;
        f.edit(Edit::Backspace);
        assert!(f.has_text(), "the date changed from today");
    }
}
