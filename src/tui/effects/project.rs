//! The saves of the project forms: values as typed, checked by the rules of an imported row
//! (`csv_io::single`), then written by the store; each with how `u` takes it back.

use super::save::{Refused, Written};
use crate::app::{Done, Failure, Undo};
use crate::csv_io::Field;
use crate::csv_io::labels::Labels;
use crate::csv_io::single::{self, Cell};
use crate::model::{Author, ProjectField, ProjectValue};
use crate::store::Store;

/// The typed values as cells of an imported row, each named by its form label.
fn cells(values: &[ProjectValue]) -> Vec<Cell> {
    values
        .iter()
        .filter_map(|v| {
            let field = match v.key.as_str() {
                "amed_id" => Field::AmedId,
                "phase" => Field::Phase,
                key => single::column_of(ProjectField::from_key(key)?),
            };
            Some(Cell::new(field, v.label.clone(), v.value.clone()))
        })
        .collect()
}

/// Problems as the status line shows them (nothing was written).
fn refused(problems: &[crate::csv_io::Problem]) -> Refused {
    Refused::Failure(Failure::Error(single::describe(problems)))
}

fn labels(store: &Store) -> Result<Labels, Refused> {
    Ok(Labels::new(&store.reference()?))
}

/// Writes the changed fields on `version`; an edit that changes no value writes nothing.
pub fn edit_project(
    store: &mut Store,
    author: &Author,
    project_id: i64,
    version: i64,
    values: &[ProjectValue],
) -> Result<Written, Refused> {
    let changes =
        single::project_changes(&labels(store)?, &cells(values)).map_err(|p| refused(&p))?;
    let edited = store.edit_project(project_id, Some(version), &changes, author)?;
    if edited.changes.is_empty() {
        return Ok((Done::ProjectUnchanged, Vec::new()));
    }
    Ok((
        Done::ProjectSaved {
            changes: edited.changes,
        },
        vec![Undo::ProjectEdited {
            project_id,
            version: edited.version,
            back: Box::new(edited.undo),
        }],
    ))
}

/// The typed values as a new project, checked as an imported row.
pub fn new_project(
    store: &Store,
    values: &[ProjectValue],
) -> Result<crate::model::NewProject, Refused> {
    single::new_project(&labels(store)?, &cells(values)).map_err(|p| refused(&p))
}

/// Adds a project; `u` retires it again.
pub fn add_project(store: &mut Store, values: &[ProjectValue]) -> Result<Written, Refused> {
    let project = new_project(store, values)?;
    let project_id = store.insert_project(&project)?;
    Ok((
        Done::ProjectAdded {
            amed_id: project.amed_id,
        },
        vec![Undo::ProjectAdded { project_id }],
    ))
}

/// Retires a project; `u` restores it.
pub fn retire_project(
    store: &mut Store,
    author: &Author,
    project_id: i64,
    version: i64,
    reason: &str,
) -> crate::Result<Written> {
    let amed_id = store
        .project_for_edit(project_id)
        .map_or_else(|_| format!("#{project_id}"), |(p, _)| p.amed_id);
    store.retire_project(project_id, Some(version), reason, author)?;
    Ok((
        Done::ProjectRetired { amed_id },
        vec![Undo::ProjectRetired { project_id }],
    ))
}

/// Takes back a project action: earlier values written back on the version the edit left
/// (a later change by someone else is a conflict), an added project retired, a retired one
/// restored.
pub fn take_back(store: &mut Store, author: &Author, undo: &Undo) -> crate::Result<()> {
    match undo {
        Undo::ProjectEdited {
            project_id,
            version,
            back,
        } => store
            .edit_project(*project_id, Some(*version), back, author)
            .map(|_| ()),
        Undo::ProjectAdded { project_id } => {
            store.retire_project(*project_id, None, "取り消し (undo)", author)
        }
        Undo::ProjectRetired { project_id } => store.restore_project(*project_id, author),
        _ => Ok(()),
    }
}
