//! The saves of the successor offer: the successor created from its predecessor (project, PS /
//! PO, highway link in one transaction) or an existing project linked; each with how `u` takes
//! it back.

use super::project::new_project;
use super::save::{Refused, Written};
use crate::app::{Done, Undo};
use crate::model::{Date, LineageKind, ProjectValue};
use crate::store::Store;

/// Creates the successor of `predecessor_id`; `u` retires it (its link then leaves every view).
pub fn create_successor(
    store: &mut Store,
    predecessor_id: i64,
    flag_id: i64,
    values: &[ProjectValue],
    today: Date,
) -> Result<Written, Refused> {
    let project = new_project(store, values)?;
    let created = store.create_successor(predecessor_id, Some(flag_id), &project, today)?;
    Ok((
        Done::SuccessorCreated {
            amed_id: project.amed_id,
            officers: created.officers,
        },
        vec![Undo::ProjectAdded {
            project_id: created.project_id,
        }],
    ))
}

/// Records `successor_id` as the successor (highway, with the flag); `u` removes the link.
pub fn link_successor(
    store: &mut Store,
    predecessor_id: i64,
    successor_id: i64,
    flag_id: i64,
    amed_id: String,
) -> crate::Result<Written> {
    store.link_lineage(
        predecessor_id,
        successor_id,
        LineageKind::Highway,
        Some(flag_id),
    )?;
    Ok((
        Done::SuccessorLinked { amed_id },
        vec![Undo::LineageLinked {
            predecessor_id,
            successor_id,
        }],
    ))
}
