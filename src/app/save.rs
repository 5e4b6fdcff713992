//! The changes a form or a quick action asks the runtime to write, how each is undone, what the
//! runtime answers, and reading a form into its change.

use super::form::{Form, FormKind, Value};
use super::outcome::{Done, Failure};
use crate::model::{
    Coded, Criteria, CriterionStatus, FlagStatus, GateDecision, NewFlag, NewGate, NewNote,
    NoteKind, Phase, PhaseMove,
};
use crate::text::{Lines, refused_char};
use crate::tr;

/// A change to write, as the runtime performs it against the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Save {
    Note {
        project_id: i64,
        note: NewNote,
    },
    EditNote {
        project_id: i64,
        note_id: i64,
        version: i64,
        body: String,
    },
    Flags {
        project_ids: Vec<i64>,
        flag: NewFlag,
    },
    FlagMove {
        flag_id: i64,
        version: i64,
        from: FlagStatus,
        to: FlagStatus,
        why: String,
    },
    Phase {
        project_id: i64,
        version: Option<i64>,
        from: Phase,
        change: PhaseMove,
    },
    Gate {
        project_id: i64,
        gate: NewGate,
    },
    /// A new outcome of a project.
    Outcome {
        project_id: i64,
        outcome: crate::model::NewOutcome,
    },
    /// A new assessment of a flag's licensing criteria (the version the officer saw).
    Criteria {
        flag_id: i64,
        version: i64,
        criteria: Criteria,
    },
    /// Projects (ids in order) to a new CSV file with this column set, at `path` or the next
    /// free name beside it (`-2`, `-3`…).
    Export {
        ids: Vec<i64>,
        columns: crate::model::ExportColumns,
        path: String,
        /// The language of the file's headers.
        lang: crate::Lang,
        /// The state file the column set is remembered in once written (empty: not remembered).
        remember: String,
    },
    Deadline {
        project_id: i64,
        deadline: crate::model::NewDeadline,
    },
    Attach {
        project_id: i64,
        attachment: crate::model::NewAttachment,
    },
    /// The budget pivot to a new CSV file.
    ExportPivot {
        pivot: Box<crate::model::BudgetPivot>,
        path: String,
        /// The language of the file's headers and labels.
        lang: crate::Lang,
    },
    /// A project list from a CSV file.
    Import {
        path: String,
        upsert: bool,
        dry_run: bool,
    },
    DeleteNote {
        note_id: i64,
    },
    CompleteFollowUp {
        note_id: i64,
    },
    /// A deadline done today (the version the officer saw).
    DeadlineDone {
        deadline_id: i64,
        version: i64,
    },
    /// Watch (`Some(true)`), unwatch or toggle (`None`) projects.
    Watch {
        project_ids: Vec<i64>,
        on: Option<bool>,
    },
    /// The officer picker's Enter: assign the officer to every project from `on`, or (`assign`
    /// false) end their assignments on `on`. `version`: the officer's, as the picker showed it.
    Assign {
        project_ids: Vec<i64>,
        officer_id: i64,
        version: i64,
        /// `PO 山田 花子`, for the notice.
        label: String,
        on: crate::model::Date,
        assign: bool,
    },
    /// Some of a project's fields, as typed (only those the officer changed), on the version
    /// the form loaded.
    ProjectEdit {
        project_id: i64,
        version: i64,
        values: Vec<crate::model::ProjectValue>,
    },
    /// A new project, every field as typed.
    ProjectAdd {
        values: Vec<crate::model::ProjectValue>,
    },
    /// A new project as the successor of `predecessor_id` (accepted highway flag `flag_id`):
    /// the project, the predecessor's PS / PO and the link, in one transaction.
    SuccessorAdd {
        predecessor_id: i64,
        flag_id: i64,
        values: Vec<crate::model::ProjectValue>,
        /// The day the PS / PO assignments start.
        on: crate::model::Date,
    },
    /// An existing project recorded as the successor (highway link with the flag).
    SuccessorLink {
        predecessor_id: i64,
        successor_id: i64,
        flag_id: i64,
        amed_id: String,
    },
    /// Retire a project (the version the officer saw).
    ProjectRetire {
        project_id: i64,
        version: i64,
        reason: String,
    },
    Undo(Undo),
    /// A recorded stage-gate decision corrected (the version the officer saw).
    GateEdit {
        project_id: i64,
        gate_id: i64,
        version: i64,
        gate: NewGate,
    },
    /// A recorded stage-gate decision deleted (soft; `gate`: its label, for the notice).
    GateDelete {
        project_id: i64,
        gate_id: i64,
        version: i64,
        gate: String,
    },
}

/// How to take back one triage action of this session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undo {
    /// A flag was created: withdraw it.
    FlagAdded { flag_id: i64 },
    /// A flag moved: put it back.
    FlagMoved { flag_id: i64, from: FlagStatus },
    /// A project moved phase: move it back.
    PhaseMoved { project_id: i64, from: Phase },
    /// A note was deleted: restore it.
    NoteDeleted { note_id: i64 },
    /// A follow-up was marked done: reopen it.
    FollowUpDone { note_id: i64 },
    /// A deadline was marked done: reopen it.
    DeadlineDone { deadline_id: i64 },
    /// An officer was assigned to these projects: take the assignments back.
    Assigned {
        officer_id: i64,
        project_ids: Vec<i64>,
    },
    /// An officer's assignments ended on `on`: (project, start date) current again.
    Unassigned {
        officer_id: i64,
        ended: Vec<(i64, Option<String>)>,
        on: crate::model::Date,
    },
    /// An outcome was recorded: delete it (soft).
    OutcomeAdded { outcome_id: i64 },
    /// A project's fields were edited (to `version`): write the earlier values back.
    ProjectEdited {
        project_id: i64,
        version: i64,
        back: Box<crate::model::ProjectChanges>,
    },
    /// A project was added: retire it.
    ProjectAdded { project_id: i64 },
    /// A lineage link was recorded: remove it.
    LineageLinked {
        predecessor_id: i64,
        successor_id: i64,
    },
    /// A project was retired: restore it.
    ProjectRetired { project_id: i64 },
    /// A stage-gate decision was recorded: delete it (its scheduled gate opens again).
    GateAdded { gate_id: i64 },
    /// A stage-gate decision was corrected: write back what it was.
    GateEdited { gate_id: i64, back: NewGate },
    /// A stage-gate decision was deleted: restore it.
    GateDeleted { gate_id: i64 },
}

/// What a performed save reports back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Written: what was done (the app words it) and how to undo it.
    Saved {
        done: Done,
        undo: Vec<Undo>,
    },
    /// Another session changed the record; the officer's text stays in the form. `latest` is
    /// the record's version now (a note's), for saving on top of it. `message`: the store's
    /// error, in both languages.
    Conflict {
        message: crate::msg::Msg,
        latest: Option<i64>,
    },
    /// The database stayed locked through the busy timeout; the save is retried.
    Busy {
        retry: Box<Save>,
    },
    Failed(Failure),
}

/// The three licensing criteria of a flag or criteria form.
fn criteria_of(form: &Form) -> Criteria {
    let criterion = |key: &str, note: &str| -> (CriterionStatus, String) {
        (
            form.choice(key)
                .and_then(CriterionStatus::parse)
                .unwrap_or(CriterionStatus::NotAssessed),
            form.text(note),
        )
    };
    Criteria {
        competitive: criterion("competitive", "competitive_note"),
        ip: criterion("ip", "ip_note"),
        evidence: criterion("evidence", "evidence_note"),
    }
}

/// Every typed field of the form passes the same character rule as the CLI and CSV import
/// ([`crate::text::refused_char`]): one-line fields no control characters at all, the body tab
/// and line breaks only. Typing and pasting already drop such characters; this catches text
/// that came in another way (a restored draft file).
fn check_form_text(form: &Form, lang: crate::Lang) -> Result<(), String> {
    for field in &form.fields {
        let (text, lines) = match &field.value {
            Value::Text(line) | Value::Date { line, .. } => (line.text.clone(), Lines::One),
            Value::Body(editor) => (editor.text(), Lines::Many),
            Value::Choice { .. } => continue,
        };
        if let Some(r) = refused_char(&text, lines) {
            let label = tr(lang, field.ja, field.en).trim();
            return Err(match lang {
                crate::Lang::Ja => format!(
                    "{label}: {}文字目の制御文字 U+{:04X} は使えません",
                    r.position, r.ch as u32
                ),
                crate::Lang::En => format!("{label}: {}", r.message()),
            });
        }
    }
    Ok(())
}

/// Reads a form into the change it stands for, or a message naming what is wrong.
pub(crate) fn build_save(form: &Form, lang: crate::Lang) -> Result<Save, String> {
    check_form_text(form, lang)?;
    if let Some(save) = super::project_form::build_save(form, lang)
        .or_else(|| super::gate_form::build_save(form, lang))
    {
        return save;
    }
    let need = |code: Option<&str>, key: &str| {
        code.map(str::to_string).ok_or_else(|| {
            format!(
                "{}: {}",
                form.label(key, lang),
                tr(lang, "選択してください", "choose one")
            )
        })
    };
    Ok(match &form.kind {
        FormKind::Note { project_id } => Save::Note {
            project_id: *project_id,
            note: NewNote {
                kind: NoteKind::parse(&need(form.choice("kind"), "kind")?)
                    .unwrap_or(NoteKind::Other),
                body: form.text("body"),
                occurred_on: form
                    .date("date", lang)?
                    .ok_or_else(|| form.missing("date", lang))?,
                follow_up_on: form.date("follow_up", lang)?,
            },
        },
        FormKind::EditNote {
            project_id,
            note_id,
            version,
        } => Save::EditNote {
            project_id: *project_id,
            note_id: *note_id,
            // After a conflict, saving again goes on top of the other session's version.
            version: form.conflict_version.unwrap_or(*version),
            body: form.text("body"),
        },
        FormKind::Flag { project_ids, .. } => Save::Flags {
            project_ids: project_ids.clone(),
            flag: NewFlag {
                target_program_id: need(form.choice("target"), "target")?
                    .parse()
                    .map_err(|_| form.missing("target", lang))?,
                reason: form.text("reason"),
                criteria: criteria_of(form),
                status: form
                    .choice("status")
                    .and_then(FlagStatus::parse)
                    .unwrap_or(FlagStatus::Candidate),
            },
        },
        FormKind::Criteria {
            flag_id, version, ..
        } => Save::Criteria {
            flag_id: *flag_id,
            version: *version,
            criteria: criteria_of(form),
        },
        FormKind::FlagMove {
            flag_id,
            version,
            from,
            ..
        } => {
            let to = FlagStatus::parse(&need(form.choice("to"), "status")?)
                .ok_or_else(|| form.missing("status", lang))?;
            Save::FlagMove {
                flag_id: *flag_id,
                version: *version,
                from: *from,
                to,
                why: form.text("why"),
            }
        }
        FormKind::Phase {
            project_id,
            version,
            from,
        } => {
            let to = Phase::parse(&need(form.choice("to"), "phase")?)
                .ok_or_else(|| form.missing("phase", lang))?;
            Save::Phase {
                project_id: *project_id,
                version: *version,
                from: *from,
                change: PhaseMove {
                    to,
                    on: form
                        .date("date", lang)?
                        .ok_or_else(|| form.missing("date", lang))?,
                    reason: form.text("reason"),
                },
            }
        }
        FormKind::Export { .. } | FormKind::ExportPivot { .. } => {
            unreachable!("read by App::export_save")
        }
        FormKind::Import => {
            let path = form.text("file");
            if path.is_empty() {
                return Err(tr(
                    lang,
                    "CSVファイルのパスを入力してください",
                    "type the CSV file's path",
                )
                .into());
            }
            Save::Import {
                path,
                upsert: form.choice("mode") == Some("upsert"),
                dry_run: form.choice("dry_run") == Some("yes"),
            }
        }
        FormKind::Deadline { project_id } => Save::Deadline {
            project_id: *project_id,
            deadline: crate::model::NewDeadline {
                kind: crate::model::DeadlineKind::parse(&need(form.choice("kind"), "kind")?)
                    .unwrap_or(crate::model::DeadlineKind::AnnualReport),
                title: form.text("title"),
                due_on: form.date("due", lang)?.ok_or_else(|| {
                    tr(lang, "期限の日付を入力してください", "type the due date").to_string()
                })?,
            },
        },
        FormKind::Attach { project_id } => {
            let (target, label) = (form.text("target"), form.text("label"));
            if target.trim().is_empty() || label.trim().is_empty() {
                return Err(tr(
                    lang,
                    "パス（またはURL）とラベルを入力してください",
                    "type a path (or URL) and a label",
                )
                .into());
            }
            Save::Attach {
                project_id: *project_id,
                attachment: crate::model::NewAttachment {
                    note_id: None,
                    flag_id: None,
                    target,
                    label,
                    kind: crate::model::AttachmentKind::parse(&need(form.choice("kind"), "kind")?)
                        .unwrap_or(crate::model::AttachmentKind::Other),
                    dated_on: form.date("date", lang)?,
                    sha256: None,
                },
            }
        }
        FormKind::Outcome { project_id } => Save::Outcome {
            project_id: *project_id,
            outcome: crate::model::NewOutcome {
                kind: crate::model::OutcomeKind::parse(&need(form.choice("kind"), "kind")?)
                    .ok_or_else(|| form.missing("kind", lang))?,
                on: form.date("date", lang)?.ok_or_else(|| {
                    tr(lang, "日付を入力してください", "type the date").to_string()
                })?,
                product: Some(form.text("product")).filter(|p| !p.is_empty()),
                detail: form.text("detail"),
            },
        },
        FormKind::ProjectEdit { .. }
        | FormKind::ProjectNew
        | FormKind::SuccessorNew { .. }
        | FormKind::ProjectRetire { .. }
        | FormKind::GateEdit { .. } => {
            unreachable!("read by project_form::build_save or gate_form::build_save above")
        }
        FormKind::Gate { project_id } => Save::Gate {
            project_id: *project_id,
            gate: NewGate {
                gate: form.text("gate"),
                decided_on: form
                    .date("date", lang)?
                    .ok_or_else(|| form.missing("date", lang))?,
                decision: GateDecision::parse(&need(form.choice("decision"), "decision")?)
                    .unwrap_or(GateDecision::Go),
                note: form.text("note"),
            },
        },
    })
}
