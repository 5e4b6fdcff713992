//! One project's own fields changed (version-checked, audited field by field), and retiring a
//! project entered by mistake: hidden from every view, count and export, its notes kept,
//! restorable. Each change is one transaction with one audit row (entity 'project').

use super::export::load_projects;
use super::projects::{Codes, SearchBatch};
use super::{Store, audit, now_ts};
use crate::model::{
    Author, Coded, FieldChange, NewProject, ProjectChanges, ProjectEdited, ProjectField,
    changed_fields, validate_retire_reason,
};
use crate::text::sanitize_line;
use crate::{Error, Result};
use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::json;

/// A project's row facts a change checks first.
struct Row {
    amed_id: String,
    version: i64,
    updated_at: String,
    retired: Option<(String, String)>,
}

fn row(tx: &Transaction<'_>, id: i64) -> Result<Row> {
    tx.query_row(
        "SELECT amed_id, version, updated_at, retired_at, coalesce(retired_reason, '') FROM project WHERE id = ?1",
        [id],
        |r| {
            let at: Option<String> = r.get(3)?;
            Ok(Row {
                amed_id: r.get(0)?,
                version: r.get(1)?,
                updated_at: r.get(2)?,
                retired: at.map(|at| (at, r.get::<_, String>(4).unwrap_or_default())),
            })
        },
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        what: "project",
        key: format!("#{id}"),
    })
}

/// The refusal for a retired project: when, why, and how to bring it back.
pub(crate) fn retired_error(amed_id: &str, at: &str, reason: &str) -> Error {
    let id = sanitize_line(amed_id);
    Error::invalid(
        id.clone(),
        crate::msg::invalid::project_retired(
            &id,
            at.get(..10).unwrap_or(at),
            &sanitize_line(reason),
        ),
    )
}

/// A stale version: who changed the project last, and when.
fn conflict(tx: &Transaction<'_>, id: i64, updated_at: &str) -> Error {
    let by = tx
        .query_row(
            "SELECT coalesce(json_extract(detail, '$.officer'), actor) FROM audit_log
             WHERE entity = 'project' AND entity_id = ?1 ORDER BY id DESC LIMIT 1",
            [id],
            |r| r.get(0),
        )
        .unwrap_or_else(|_| String::new());
    Error::Conflict {
        what: crate::msg::invalid::record_project(),
        by,
        at: updated_at.to_string(),
    }
}

/// A field's value as the audit log and the history show it (names, not codes).
fn label(tx: &Transaction<'_>, p: &NewProject, field: ProjectField) -> Result<String> {
    let name = |table: &str, code: &str| -> Result<String> {
        Ok(tx
            .prepare_cached(&format!("SELECT name_ja FROM {table} WHERE code = ?1"))?
            .query_row([code], |r| r.get(0))
            .optional()?
            .unwrap_or_else(|| code.to_string()))
    };
    Ok(match field {
        ProjectField::Title => p.title.clone(),
        ProjectField::Summary => p.summary.clone(),
        ProjectField::PiName => p.pi_name.clone(),
        ProjectField::PiTitle => p.pi_title.clone(),
        ProjectField::Institution => p.institution.clone(),
        ProjectField::Program => name("program", &p.program)?,
        ProjectField::Modality => p.modality.name_ja().into(),
        ProjectField::StartDate => p.start_date.to_string(),
        ProjectField::EndDate => p.end_date.map(|d| d.to_string()).unwrap_or_default(),
        ProjectField::Budget => p
            .budget_total_kyen
            .map(|b| b.to_string())
            .unwrap_or_default(),
        ProjectField::DiseaseAreas => {
            let mut names = Vec::new();
            for code in &p.disease_areas {
                names.push(name("disease_area", code)?);
            }
            names.join("、")
        }
        ProjectField::Partner => p.partner_company.clone().unwrap_or_default(),
        ProjectField::Licensing => p.licensing_status.name_ja().into(),
    })
}

/// Writes `p` over project `id` (version-checked against `version`): fields, disease areas and
/// search rows.
fn update(tx: &Transaction<'_>, id: i64, version: i64, p: &NewProject) -> Result<()> {
    let codes = Codes::load(tx)?;
    let program = codes.program(&p.program)?;
    let ip = codes.integrated_project(&p.integrated_project)?;
    let changed = tx.execute(
        "UPDATE project SET title = ?2, summary = ?3, pi_name = ?4, pi_title = ?5, institution = ?6,
           program_id = ?7, integrated_project_id = ?8, modality = ?9, start_date = ?10,
           end_date = ?11, budget_total_kyen = ?12, partner_company = ?13, licensing_status = ?14,
           updated_at = ?15, version = version + 1
         WHERE id = ?1 AND version = ?16 AND retired_at IS NULL",
        params![
            id,
            p.title,
            p.summary,
            p.pi_name,
            p.pi_title,
            p.institution,
            program,
            ip,
            p.modality.code(),
            p.start_date.to_string(),
            p.end_date.map(|d| d.to_string()),
            p.budget_total_kyen,
            p.partner_company,
            p.licensing_status.code(),
            now_ts(),
            version,
        ],
    )?;
    if changed != 1 {
        return Err(Error::invalid(
            "version",
            crate::msg::invalid::changed_during_edit(),
        ));
    }
    tx.execute(
        "DELETE FROM project_disease_area WHERE project_id = ?1",
        [id],
    )?;
    for code in &p.disease_areas {
        tx.prepare_cached(
            "INSERT OR IGNORE INTO project_disease_area (project_id, disease_area_id) VALUES (?1, ?2)",
        )?
        .execute(params![id, codes.disease_area(code)?])?;
    }
    let mut search = SearchBatch::default();
    search.add_project(id, p);
    search.flush(tx)
}

impl Store {
    /// The project with row id `id` as entered (fields by code) and its version, for an edit.
    /// `NotFound` when there is none; a retired one is refused, saying how to restore it.
    pub fn project_for_edit(&self, id: i64) -> Result<(NewProject, i64)> {
        let (version, retired): (i64, Option<(String, String, String)>) = self
            .conn
            .query_row(
                "SELECT version, retired_at, amed_id, coalesce(retired_reason, '') FROM project WHERE id = ?1",
                [id],
                |r| {
                    let at: Option<String> = r.get(1)?;
                    Ok((r.get(0)?, at.map(|at| (at, r.get(2).unwrap_or_default(), r.get(3).unwrap_or_default()))))
                },
            )
            .optional()?
            .ok_or_else(|| Error::NotFound {
                what: "project",
                key: format!("#{id}"),
            })?;
        if let Some((at, amed_id, reason)) = retired {
            return Err(retired_error(&amed_id, &at, &reason));
        }
        let project = load_projects(&self.conn, &[id])?
            .pop()
            .map(|(_, r)| r.project)
            .ok_or_else(|| Error::NotFound {
                what: "project",
                key: format!("#{id}"),
            })?;
        Ok((project, version))
    }

    /// Changes some of project `id`'s fields, in one transaction: the whole project is checked as
    /// a new one would be ([`NewProject::validate`], known codes); a changed program brings its
    /// integrated project along. `expected_version` is the version the officer loaded (`None`:
    /// whatever it is now, for scripts); a newer one is a `Conflict` and nothing is written.
    /// Changes that leave every value as it is write nothing (no audit row, same version).
    /// One audit row `project.edit` lists the changed fields, old → new (values of the title,
    /// summary and PI's name left out). `NotFound` for no such project; a retired one is refused.
    pub fn edit_project(
        &mut self,
        id: i64,
        expected_version: Option<i64>,
        changes: &ProjectChanges,
        author: &Author,
    ) -> Result<ProjectEdited> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let row = row(tx, id)?;
            if let Some((at, reason)) = &row.retired {
                return Err(retired_error(&row.amed_id, at, reason));
            }
            if expected_version.is_some_and(|v| v != row.version) {
                return Err(conflict(tx, id, &row.updated_at));
            }
            let old = load_projects(tx, &[id])?
                .pop()
                .map(|(_, r)| r.project)
                .ok_or_else(|| Error::NotFound {
                    what: "project",
                    key: format!("#{id}"),
                })?;
            let mut new = changes.apply(&old);
            if new.program != old.program {
                new.integrated_project = tx
                    .query_row(
                        "SELECT i.code FROM program g JOIN integrated_project i ON i.id = g.integrated_project_id
                         WHERE g.code = ?1",
                        [&new.program],
                        |r| r.get(0),
                    )
                    .optional()?
                    .ok_or_else(|| {
                        Error::invalid(
                            "program",
                            crate::msg::invalid::unknown_code(&sanitize_line(&new.program)),
                        )
                    })?;
            }
            new.validate()?;
            let fields = changed_fields(&old, &new);
            if fields.is_empty() {
                return Ok(ProjectEdited {
                    version: row.version,
                    changes: Vec::new(),
                    undo: ProjectChanges::default(),
                });
            }
            update(tx, id, row.version, &new)?;
            let mut words = Vec::new();
            let mut detail = Vec::new();
            for field in fields {
                let (from, to) = if field.logs_values() {
                    (Some(label(tx, &old, field)?), Some(label(tx, &new, field)?))
                } else {
                    (None, None)
                };
                detail.push(json!({"field": field.key(), "from": from, "to": to}));
                words.push(FieldChange { field, from, to });
            }
            let version = row.version + 1;
            let detail = json!({"changes": detail, "version": version, "officer": author.name});
            audit::record(tx, &actor, "project.edit", "project", Some(id), detail)?;
            Ok(ProjectEdited {
                version,
                changes: words,
                undo: ProjectChanges::reverting(&old, &new),
            })
        })
    }

    /// Retires project `id` (entered by mistake, a duplicate): hidden from every view, count and
    /// export from now on; its notes and history stay. Version-checked like an edit
    /// (`expected_version` `None`: any version). Refuses an empty reason and a project already
    /// retired; `NotFound` when there is none. One audit row `project.retire`.
    pub fn retire_project(
        &mut self,
        id: i64,
        expected_version: Option<i64>,
        reason: &str,
        author: &Author,
    ) -> Result<()> {
        validate_retire_reason(reason)?;
        let actor = self.actor.clone();
        self.write(|tx| {
            let row = row(tx, id)?;
            if let Some((at, reason)) = &row.retired {
                return Err(retired_error(&row.amed_id, at, reason));
            }
            if expected_version.is_some_and(|v| v != row.version) {
                return Err(conflict(tx, id, &row.updated_at));
            }
            let now = now_ts();
            tx.execute(
                "UPDATE project SET retired_at = ?2, retired_reason = ?3, updated_at = ?2,
                   version = version + 1 WHERE id = ?1 AND version = ?4",
                params![id, now, reason, row.version],
            )?;
            let detail =
                json!({"reason": reason, "version": row.version + 1, "officer": author.name});
            audit::record(tx, &actor, "project.retire", "project", Some(id), detail)
        })
    }

    /// Brings a retired project back into every view. Refuses a project that is not retired;
    /// `NotFound` when there is none. One audit row `project.restore`.
    pub fn restore_project(&mut self, id: i64, author: &Author) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let row = row(tx, id)?;
            if row.retired.is_none() {
                return Err(Error::invalid(
                    sanitize_line(&row.amed_id),
                    crate::msg::invalid::project_not_retired(),
                ));
            }
            tx.execute(
                "UPDATE project SET retired_at = NULL, retired_reason = NULL, updated_at = ?2,
                   version = version + 1 WHERE id = ?1",
                params![id, now_ts()],
            )?;
            let detail = json!({"version": row.version + 1, "officer": author.name});
            audit::record(tx, &actor, "project.restore", "project", Some(id), detail)
        })
    }

    /// The project's current version (`NotFound` when there is none), retired or not.
    pub fn project_version(&self, id: i64) -> Result<i64> {
        self.conn
            .query_row("SELECT version FROM project WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or_else(|| Error::NotFound {
                what: "project",
                key: format!("#{id}"),
            })
    }

    /// When and why the project was retired, or `None` when it is in use (`NotFound` when there
    /// is no such project).
    pub fn project_retired(&self, id: i64) -> Result<Option<(String, String)>> {
        let retired: Option<(Option<String>, String)> = self
            .conn
            .query_row(
                "SELECT retired_at, coalesce(retired_reason, '') FROM project WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match retired {
            None => Err(Error::NotFound {
                what: "project",
                key: format!("#{id}"),
            }),
            Some((at, reason)) => Ok(at.map(|at| (at, reason))),
        }
    }
}
