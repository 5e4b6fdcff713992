//! Writes one change: a function per kind of [`Save`], each calling the store and answering with
//! what it did ([`Done`]) and how to undo it; [`save`] turns a store error into the outcome.

use super::files;
use crate::Error;
use crate::app::{Done, Failure, Save, SaveOutcome, Undo};
use crate::model::{
    Author, Criteria, FlagStatus, NewAttachment, NewDeadline, NewFlag, NewGate, NewNote, PhaseMove,
};

/// What a write did and how to take it back.
pub type Written = (Done, Vec<Undo>);

/// Why a write did nothing: a store error, or a refusal that is already typed.
#[derive(Debug)]
pub enum Refused {
    Error(Error),
    Failure(Failure),
}

impl From<Error> for Refused {
    fn from(e: Error) -> Refused {
        Refused::Error(e)
    }
}

/// Writes one change and says what happened (with how to undo it), or why nothing was written.
pub fn save(store: &mut crate::store::Store, author: &Author, change: Save) -> SaveOutcome {
    let retry = change.clone();
    let note_id = match &change {
        Save::EditNote { note_id, .. } => Some(*note_id),
        _ => None,
    };
    let gate_id = match &change {
        Save::GateEdit { gate_id, .. } | Save::GateDelete { gate_id, .. } => Some(*gate_id),
        _ => None,
    };
    let project_edited = match &change {
        Save::ProjectEdit { project_id, .. } | Save::ProjectRetire { project_id, .. } => {
            Some(*project_id)
        }
        _ => None,
    };
    match write(store, author, change) {
        Ok((done, undo)) => SaveOutcome::Saved { done, undo },
        Err(Refused::Error(e)) if e.is_busy() => SaveOutcome::Busy {
            retry: Box::new(retry),
        },
        Err(Refused::Error(e @ Error::Conflict { .. })) => SaveOutcome::Conflict {
            message: crate::msg::Msg::of_error(&e),
            latest: note_id
                .and_then(|id| store.note_version(id).ok())
                .or_else(|| project_edited.and_then(|id| store.project_version(id).ok()))
                .or_else(|| gate_id.and_then(|id| store.gate(id).ok().map(|(g, _)| g.version))),
        },
        Err(Refused::Error(e)) => {
            SaveOutcome::Failed(Failure::Error(crate::msg::Msg::of_error(&e)))
        }
        Err(Refused::Failure(failure)) => SaveOutcome::Failed(failure),
    }
}

type Store = crate::store::Store;

/// Dispatches a change to the function that writes it.
fn write(store: &mut Store, author: &Author, change: Save) -> Result<Written, Refused> {
    Ok(match change {
        Save::Note { project_id, note } => save_note(store, author, project_id, &note)?,
        Save::EditNote {
            note_id,
            version,
            body,
            ..
        } => edit_note(store, author, note_id, version, &body)?,
        Save::Flags { project_ids, flag } => add_flags(store, author, &project_ids, &flag)?,
        Save::Criteria {
            flag_id,
            version,
            criteria,
        } => update_criteria(store, author, flag_id, version, &criteria)?,
        Save::FlagMove {
            flag_id,
            version,
            from,
            to,
            why,
        } => move_flag(store, author, flag_id, version, from, to, &why)?,
        Save::Phase {
            project_id,
            version,
            from,
            change,
        } => move_phase(store, author, project_id, version, from, &change)?,
        Save::Gate { project_id, gate } => add_gate(store, author, project_id, gate)?,
        Save::Outcome {
            project_id,
            outcome,
        } => add_outcome(store, author, project_id, &outcome)?,
        Save::Deadline {
            project_id,
            deadline,
        } => add_deadline(store, author, project_id, &deadline)?,
        Save::Attach {
            project_id,
            attachment,
        } => add_attachment(store, author, project_id, &attachment)?,
        Save::ExportPivot { pivot, path, lang } => files::export_pivot(store, lang, &pivot, &path)?,
        Save::Export {
            ids,
            columns,
            path,
            lang,
            remember,
        } => files::export_projects(store, lang, &ids, &columns, &path, &remember)?,
        Save::Import {
            path,
            upsert,
            dry_run,
        } => files::import_projects(store, &path, upsert, dry_run)?,
        Save::DeleteNote { note_id } => delete_note(store, author, note_id)?,
        Save::CompleteFollowUp { note_id } => complete_follow_up(store, author, note_id)?,
        Save::DeadlineDone {
            deadline_id,
            version,
        } => deadline_done(store, author, deadline_id, version)?,
        Save::Watch { project_ids, on } => watch(store, author, &project_ids, on)?,
        Save::Assign {
            project_ids,
            officer_id,
            version,
            label,
            on,
            assign,
        } => super::assign::toggle(store, &project_ids, officer_id, version, label, on, assign)?,
        Save::ProjectEdit {
            project_id,
            version,
            values,
        } => super::project::edit_project(store, author, project_id, version, &values)?,
        Save::ProjectAdd { values } => super::project::add_project(store, &values)?,
        Save::SuccessorAdd {
            predecessor_id,
            flag_id,
            values,
            on,
        } => super::lineage::create_successor(store, predecessor_id, flag_id, &values, on)?,
        Save::SuccessorLink {
            predecessor_id,
            successor_id,
            flag_id,
            amed_id,
        } => super::lineage::link_successor(store, predecessor_id, successor_id, flag_id, amed_id)?,
        Save::ProjectRetire {
            project_id,
            version,
            reason,
        } => super::project::retire_project(store, author, project_id, version, &reason)?,
        Save::Undo(undo) => take_back(store, author, undo)?,
        Save::GateEdit {
            gate_id,
            version,
            gate,
            ..
        } => edit_gate(store, author, gate_id, version, gate)?,
        Save::GateDelete {
            gate_id,
            version,
            gate,
            ..
        } => delete_gate(store, author, gate_id, version, gate)?,
    })
}

/// Nothing to undo.
fn only(done: Done) -> Written {
    (done, Vec::new())
}

pub fn save_note(
    store: &mut Store,
    author: &Author,
    project_id: i64,
    note: &NewNote,
) -> crate::Result<Written> {
    store.add_note(project_id, note, author)?;
    Ok(only(Done::NoteSaved))
}

pub fn edit_note(
    store: &mut Store,
    author: &Author,
    note_id: i64,
    version: i64,
    body: &str,
) -> crate::Result<Written> {
    store.edit_note(note_id, version, body, author)?;
    Ok(only(Done::NoteUpdated))
}

/// Flags each project; with several, one that already has an open flag is skipped and counted.
pub fn add_flags(
    store: &mut Store,
    author: &Author,
    project_ids: &[i64],
    flag: &NewFlag,
) -> crate::Result<Written> {
    let mut undo = Vec::new();
    let mut skipped = 0;
    for id in project_ids {
        match store.add_flag(*id, flag, author) {
            Ok(flag_id) => undo.push(Undo::FlagAdded { flag_id }),
            Err(Error::Invalid { .. }) if project_ids.len() > 1 => skipped += 1,
            Err(e) => return Err(e),
        }
    }
    let count = undo.len();
    Ok((Done::Flagged { count, skipped }, undo))
}

pub fn update_criteria(
    store: &mut Store,
    author: &Author,
    flag_id: i64,
    version: i64,
    criteria: &Criteria,
) -> crate::Result<Written> {
    store.update_flag_criteria(flag_id, version, criteria, author)?;
    Ok(only(Done::CriteriaUpdated))
}

pub fn move_flag(
    store: &mut Store,
    author: &Author,
    flag_id: i64,
    version: i64,
    from: FlagStatus,
    to: FlagStatus,
    why: &str,
) -> crate::Result<Written> {
    store.move_flag(flag_id, version, to, why, author)?;
    Ok((
        Done::FlagMoved { from, to },
        vec![Undo::FlagMoved { flag_id, from }],
    ))
}

pub fn move_phase(
    store: &mut Store,
    author: &Author,
    project_id: i64,
    version: Option<i64>,
    from: crate::model::Phase,
    change: &PhaseMove,
) -> crate::Result<Written> {
    store.move_phase(project_id, version, change, author)?;
    Ok((
        Done::PhaseMoved {
            from,
            to: change.to,
        },
        vec![Undo::PhaseMoved { project_id, from }],
    ))
}

pub fn add_gate(
    store: &mut Store,
    author: &Author,
    project_id: i64,
    gate: NewGate,
) -> crate::Result<Written> {
    let gate_id = store.add_gate(project_id, &gate, author)?;
    Ok((
        Done::GateRecorded {
            gate: gate.gate,
            decision: gate.decision,
        },
        vec![Undo::GateAdded { gate_id }],
    ))
}

/// Corrects a recorded decision (the version the officer saw); undo writes back what it was.
pub fn edit_gate(
    store: &mut Store,
    author: &Author,
    gate_id: i64,
    version: i64,
    gate: NewGate,
) -> crate::Result<Written> {
    let back = store.edit_gate(gate_id, Some(version), &gate, author)?;
    Ok((
        Done::GateCorrected {
            gate: gate.gate.trim().to_string(),
            decision: gate.decision,
            on: gate.decided_on,
        },
        vec![Undo::GateEdited { gate_id, back }],
    ))
}

/// Deletes a recorded decision (soft); undo restores it.
pub fn delete_gate(
    store: &mut Store,
    author: &Author,
    gate_id: i64,
    version: i64,
    gate: String,
) -> crate::Result<Written> {
    let reopened = store.delete_gate(gate_id, Some(version), author)?;
    Ok((
        Done::GateDeleted {
            gate,
            reopened: reopened.is_some(),
        },
        vec![Undo::GateDeleted { gate_id }],
    ))
}

/// Records an outcome; undo deletes it (soft).
pub fn add_outcome(
    store: &mut Store,
    author: &Author,
    project_id: i64,
    outcome: &crate::model::NewOutcome,
) -> crate::Result<Written> {
    let outcome_id = store.add_outcome(project_id, outcome, author)?;
    Ok((
        Done::OutcomeRecorded {
            kind: outcome.kind,
            on: outcome.on,
        },
        vec![Undo::OutcomeAdded { outcome_id }],
    ))
}

pub fn add_deadline(
    store: &mut Store,
    author: &Author,
    project_id: i64,
    deadline: &NewDeadline,
) -> crate::Result<Written> {
    store.add_deadline(project_id, deadline, author)?;
    Ok(only(Done::DeadlineAdded {
        kind: deadline.kind,
        due_on: deadline.due_on,
    }))
}

pub fn add_attachment(
    store: &mut Store,
    author: &Author,
    project_id: i64,
    attachment: &NewAttachment,
) -> crate::Result<Written> {
    store.add_attachment(project_id, attachment, author)?;
    Ok(only(Done::LinkAdded))
}

pub fn delete_note(store: &mut Store, author: &Author, note_id: i64) -> crate::Result<Written> {
    store.delete_note(note_id, author)?;
    Ok((Done::NoteDeleted, vec![Undo::NoteDeleted { note_id }]))
}

pub fn complete_follow_up(
    store: &mut Store,
    author: &Author,
    note_id: i64,
) -> crate::Result<Written> {
    store.complete_follow_up(note_id, author)?;
    Ok((Done::FollowUpDone, vec![Undo::FollowUpDone { note_id }]))
}

/// Marks a deadline done today (the version the officer saw).
pub fn deadline_done(
    store: &mut Store,
    author: &Author,
    deadline_id: i64,
    version: i64,
) -> crate::Result<Written> {
    let today = chrono::Local::now().date_naive();
    store.set_deadline_done(deadline_id, Some(version), Some(today), author)?;
    Ok((Done::DeadlineDone, vec![Undo::DeadlineDone { deadline_id }]))
}

/// Watches, unwatches or toggles (`None`) projects on the author's watch list.
pub fn watch(
    store: &mut Store,
    author: &Author,
    project_ids: &[i64],
    on: Option<bool>,
) -> crate::Result<Written> {
    let mut watched = 0;
    for id in project_ids {
        watched += i64::from(store.set_watch(*id, &author.name, on)?);
    }
    Ok(only(Done::Watched {
        projects: project_ids.len(),
        watched,
    }))
}

/// Takes back one triage action of this session (recorded in the history as a change of its own).
pub fn take_back(store: &mut Store, author: &Author, undo: Undo) -> crate::Result<Written> {
    store.undoing(|store| take_back_in(store, author, &undo))?;
    Ok(only(Done::Undone(undo)))
}

/// The writes of an undo (their audit rows marked as an undo by [`Store::undoing`]).
fn take_back_in(store: &mut Store, author: &Author, undo: &Undo) -> crate::Result<()> {
    match undo {
        Undo::FlagAdded { flag_id } => {
            store.revert_flag(*flag_id, FlagStatus::Withdrawn, author)?
        }
        Undo::FlagMoved { flag_id, from } => store.revert_flag(*flag_id, *from, author)?,
        Undo::PhaseMoved { project_id, from } => {
            let change = PhaseMove {
                to: *from,
                on: chrono::Local::now().date_naive(),
                reason: "取り消し (undo)".into(),
            };
            store.move_phase(*project_id, None, &change, author)?
        }
        Undo::NoteDeleted { note_id } => store.restore_note(*note_id)?,
        Undo::FollowUpDone { note_id } => store.reopen_follow_up(*note_id)?,
        Undo::DeadlineDone { deadline_id } => {
            store.set_deadline_done(*deadline_id, None, None, author)?
        }
        Undo::Assigned { .. } | Undo::Unassigned { .. } => super::assign::take_back(store, undo)?,
        Undo::OutcomeAdded { outcome_id } => store.delete_outcome(*outcome_id, author)?,
        Undo::LineageLinked {
            predecessor_id,
            successor_id,
        } => store.unlink_lineage(*predecessor_id, *successor_id)?,
        Undo::ProjectEdited { .. } | Undo::ProjectAdded { .. } | Undo::ProjectRetired { .. } => {
            super::project::take_back(store, author, undo)?
        }
        Undo::GateAdded { gate_id } => store.delete_gate(*gate_id, None, author).map(|_| ())?,
        Undo::GateEdited { gate_id, back } => {
            store.edit_gate(*gate_id, None, back, author).map(|_| ())?
        }
        Undo::GateDeleted { gate_id } => store.restore_gate(*gate_id)?,
    }
    Ok(())
}
