//! The officer picker's writes: an officer on or off the target projects in one transaction,
//! and taking that back (`u`).

use super::save::Written;
use crate::app::{Done, Undo};
use crate::model::Date;
use crate::store::Store;

/// Assigns the officer to every project from `on` (or, `assign` false, ends their assignments
/// on `on`; a project no longer assigned since the picker loaded is a conflict). `version` is the
/// officer's as the picker showed it.
pub fn toggle(
    store: &mut Store,
    project_ids: &[i64],
    officer_id: i64,
    version: i64,
    label: String,
    on: Date,
    assign: bool,
) -> crate::Result<Written> {
    if assign {
        let done = store.assign_officer(project_ids, officer_id, Some(version), on)?;
        let undo = if done.added.is_empty() {
            Vec::new()
        } else {
            vec![Undo::Assigned {
                officer_id,
                project_ids: done.added.clone(),
            }]
        };
        Ok((
            Done::Assigned {
                officer: label,
                projects: done.added.len(),
                already: done.already.len(),
            },
            undo,
        ))
    } else {
        let done = store.unassign_officer(project_ids, officer_id, Some(version), on, true)?;
        Ok((
            Done::Unassigned {
                officer: label,
                projects: done.ended.len(),
            },
            vec![Undo::Unassigned {
                officer_id,
                ended: done.ended,
                on,
            }],
        ))
    }
}

/// Takes back an assignment or its end made in this session.
pub fn take_back(store: &mut Store, undo: &Undo) -> crate::Result<()> {
    match undo {
        Undo::Assigned {
            officer_id,
            project_ids,
        } => store.revert_assigned(*officer_id, project_ids),
        Undo::Unassigned {
            officer_id,
            ended,
            on,
        } => store.revert_unassigned(*officer_id, ended, *on),
        _ => Ok(()),
    }
}
