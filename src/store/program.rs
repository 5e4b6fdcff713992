//! Programs (事業) and program links as officers maintain them: add, edit (version-checked),
//! retire and restore a program; add and remove a pairing or matching; the whole-file imports of
//! both. Each change is one short transaction with one audit row per change (entity `program` or
//! `program_link`: reference data, not a project's history).

use super::{Store, audit};
use crate::model::{Coded, Date, LinkKind, NewProgram, ProgramChange, fold_key};
use crate::{Error, Result};
use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::json;
use std::collections::HashMap;

/// What an import of programs wrote (or, in a dry run, would write).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProgramImportCounts {
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
}

/// What an import of program links wrote (or would write).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LinkImportCounts {
    pub inserted: u64,
    /// Links already stored whose 開始日 changed.
    pub updated: u64,
    pub unchanged: u64,
}

/// One link of an import: preceding and successor program codes, kind, 開始日.
pub type LinkRow = (String, String, LinkKind, Option<Date>);

/// A stored program as the writes compare it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stored {
    id: i64,
    version: i64,
    program: NewProgram,
}

fn stored(tx: &Transaction<'_>, code: &str) -> Result<Stored> {
    tx.query_row(
        "SELECT g.id, g.version, g.code, g.name_ja, g.name_en, g.ministry, i.code, g.first_phase,
                g.last_phase, g.retired_at
         FROM program g JOIN integrated_project i ON i.id = g.integrated_project_id
         WHERE g.code = ?1",
        [code],
        |r| {
            Ok(Stored {
                id: r.get(0)?,
                version: r.get(1)?,
                program: NewProgram {
                    code: r.get(2)?,
                    name_ja: r.get(3)?,
                    name_en: r.get(4)?,
                    ministry: super::codes::coded(r, 5)?,
                    integrated_project: r.get(6)?,
                    first_phase: super::codes::phase(r, 7)?,
                    last_phase: super::codes::phase(r, 8)?,
                    retired_on: super::codes::date_opt(r, 9)?,
                },
            })
        },
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        what: "program",
        key: code.to_string(),
    })
}

/// The integrated project's id, or an error naming the code.
fn ip_id(tx: &Transaction<'_>, code: &str) -> Result<i64> {
    tx.query_row(
        "SELECT id FROM integrated_project WHERE code = ?1",
        [code],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| Error::invalid("ip", crate::msg::invalid::unknown_ip(code)))
}

/// Refuses a code or 事業名 another program already has (compared as names are looked up:
/// width, case and `-`/`_` folded). `except`: the program being changed.
fn check_unique(tx: &Transaction<'_>, p: &NewProgram, except: Option<i64>) -> Result<()> {
    let (code, name) = (fold_key(&p.code), fold_key(&p.name_ja));
    let mut stmt = tx.prepare_cached("SELECT id, code, name_ja FROM program")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if Some(id) == except {
            continue;
        }
        let (other_code, other_name): (String, String) = (r.get(1)?, r.get(2)?);
        if fold_key(&other_code) == code {
            return Err(Error::invalid(
                "code",
                crate::msg::invalid::program_code_taken(&p.code, &other_name),
            ));
        }
        if fold_key(&other_name) == name || fold_key(&other_code) == name {
            return Err(Error::invalid(
                "name",
                crate::msg::invalid::program_name_taken(&p.name_ja, &other_code),
            ));
        }
    }
    Ok(())
}

fn insert(tx: &Transaction<'_>, actor: &str, p: &NewProgram) -> Result<i64> {
    p.validate()?;
    check_unique(tx, p, None)?;
    let ip = ip_id(tx, &p.integrated_project)?;
    let id: i64 = tx.query_row(
        "INSERT INTO program (code, name_ja, name_en, ministry, integrated_project_id, first_phase,
           last_phase, retired_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
        params![
            p.code,
            p.name_ja,
            p.name_en,
            p.ministry.code(),
            ip,
            p.first_phase.ord(),
            p.last_phase.ord(),
            p.retired_on.map(|d| d.to_string())
        ],
        |r| r.get(0),
    )?;
    let detail = json!({"code": p.code, "on": p.retired_on.map(|d| d.to_string())});
    audit::record(tx, actor, "program.add", "program", Some(id), detail)?;
    Ok(id)
}

/// The names of the fields in which `new` differs from `old` (retirement not included).
fn changed_fields(old: &NewProgram, new: &NewProgram) -> Vec<&'static str> {
    let mut out = Vec::new();
    if old.name_ja != new.name_ja {
        out.push("name");
    }
    if old.name_en != new.name_en {
        out.push("name_en");
    }
    if old.ministry != new.ministry {
        out.push("ministry");
    }
    if old.integrated_project != new.integrated_project {
        out.push("ip");
    }
    if (old.first_phase, old.last_phase) != (new.first_phase, new.last_phase) {
        out.push("phases");
    }
    out
}

/// Writes `new` over the stored program `old` if `old.version` is still current; one audit row
/// for the field changes and one for a change of retirement.
fn update(tx: &Transaction<'_>, actor: &str, old: &Stored, new: &NewProgram) -> Result<()> {
    new.validate()?;
    check_unique(tx, new, Some(old.id))?;
    let ip = ip_id(tx, &new.integrated_project)?;
    let changed = tx.execute(
        "UPDATE program SET name_ja = ?2, name_en = ?3, ministry = ?4, integrated_project_id = ?5,
           first_phase = ?6, last_phase = ?7, retired_at = ?8, version = version + 1
         WHERE id = ?1 AND version = ?9",
        params![
            old.id,
            new.name_ja,
            new.name_en,
            new.ministry.code(),
            ip,
            new.first_phase.ord(),
            new.last_phase.ord(),
            new.retired_on.map(|d| d.to_string()),
            old.version
        ],
    )?;
    if changed == 0 {
        return Err(conflict(tx, old.id, &new.code));
    }
    let fields = changed_fields(&old.program, new);
    let version = old.version + 1;
    if !fields.is_empty() {
        let detail = json!({"code": new.code, "fields": fields, "version": version});
        audit::record(tx, actor, "program.edit", "program", Some(old.id), detail)?;
    }
    match (old.program.retired_on, new.retired_on) {
        (None, Some(day)) => audit::record(
            tx,
            actor,
            "program.retire",
            "program",
            Some(old.id),
            json!({"code": new.code, "on": day.to_string(), "version": version}),
        )?,
        (Some(_), None) => audit::record(
            tx,
            actor,
            "program.restore",
            "program",
            Some(old.id),
            json!({"code": new.code, "version": version}),
        )?,
        _ => {}
    }
    Ok(())
}

/// "program 'x' was changed by … at …": the last audit row of the program.
fn conflict(tx: &Transaction<'_>, id: i64, code: &str) -> Error {
    let (by, at) = tx
        .query_row(
            "SELECT actor, at FROM audit_log WHERE entity = 'program' AND entity_id = ?1
             ORDER BY id DESC LIMIT 1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap_or_else(|_| (String::new(), "?".into()));
    Error::Conflict {
        what: crate::msg::invalid::record_program(code),
        by,
        at,
    }
}

/// The program id of `code`, or NotFound.
fn program_id(tx: &Transaction<'_>, code: &str) -> Result<i64> {
    Ok(stored(tx, code)?.id)
}

impl Store {
    /// Adds a program. Refuses an invalid code or name, a code or 事業名 another program has, and
    /// an unknown integrated project; one `program.add` audit row.
    pub fn add_program(&mut self, program: &NewProgram) -> Result<i64> {
        let actor = self.actor.clone();
        self.write(|tx| insert(tx, &actor, program))
    }

    /// Changes a program's names, ministry, integrated project or phases if its version is still
    /// `expected_version` (else `Conflict`, nothing written); NotFound for an unknown code.
    /// Returns the new version. One `program.edit` audit row naming the changed fields; a change
    /// that changes nothing writes nothing and returns the current version.
    pub fn edit_program(
        &mut self,
        code: &str,
        expected_version: i64,
        change: &ProgramChange,
    ) -> Result<i64> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let old = stored(tx, code)?;
            if old.version != expected_version {
                return Err(conflict(tx, old.id, code));
            }
            let mut new = old.program.clone();
            if let Some(v) = &change.name_ja {
                new.name_ja = v.clone();
            }
            if let Some(v) = &change.name_en {
                new.name_en = v.clone();
            }
            if let Some(v) = change.ministry {
                new.ministry = v;
            }
            if let Some(v) = &change.integrated_project {
                new.integrated_project = v.clone();
            }
            if let Some((first, last)) = change.phases {
                (new.first_phase, new.last_phase) = (first, last);
            }
            if new == old.program {
                return Ok(old.version);
            }
            update(tx, &actor, &old, &new)?;
            Ok(old.version + 1)
        })
    }

    /// Retires a program as of `on` (`Some`) or brings it back (`None`): its projects stay; a
    /// retired program is not offered for new ones. Refuses retiring a retired program and
    /// restoring a current one; NotFound for an unknown code. One audit row.
    pub fn set_program_retired(&mut self, code: &str, on: Option<Date>) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let old = stored(tx, code)?;
            match (old.program.retired_on, on) {
                (Some(day), Some(_)) => {
                    return Err(Error::invalid(
                        "program",
                        crate::msg::invalid::program_already_retired(code, &day.to_string()),
                    ));
                }
                (None, None) => {
                    return Err(Error::invalid(
                        "program",
                        crate::msg::invalid::program_not_retired(code),
                    ));
                }
                _ => {}
            }
            let new = NewProgram {
                retired_on: on,
                ..old.program.clone()
            };
            update(tx, &actor, &old, &new)
        })
    }

    /// Projects per program id (retired projects not counted), in one grouped query.
    pub fn program_project_counts(&self) -> Result<HashMap<i64, i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT program_id, count(*) FROM project WHERE retired_at IS NULL GROUP BY program_id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds a link from program `preceding` to `successor` (codes). Refuses a self-link and a
    /// link already stored (same programs and kind); NotFound for an unknown code. One
    /// `link.add` audit row.
    pub fn add_program_link(
        &mut self,
        preceding: &str,
        successor: &str,
        kind: LinkKind,
        since: Option<Date>,
    ) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| insert_link(tx, &actor, preceding, successor, kind, since))
    }

    /// Removes a link (NotFound when there is none of that kind between the two). One
    /// `link.remove` audit row.
    pub fn remove_program_link(
        &mut self,
        preceding: &str,
        successor: &str,
        kind: LinkKind,
    ) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let (from, to) = (program_id(tx, preceding)?, program_id(tx, successor)?);
            let id: i64 = tx
                .query_row(
                    "DELETE FROM program_link WHERE preceding_program_id = ?1
                       AND successor_program_id = ?2 AND kind = ?3 RETURNING id",
                    params![from, to, kind.code()],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or_else(|| Error::NotFound {
                    what: "program link",
                    key: format!("{preceding} → {successor} ({})", kind.code()),
                })?;
            let detail =
                json!({"preceding": preceding, "successor": successor, "kind": kind.code()});
            audit::record(tx, &actor, "link.remove", "program_link", Some(id), detail)
        })
    }

    /// Imports programs by code in one transaction: new codes are inserted, stored ones whose
    /// fields or 廃止日 differ are updated (version bumped, audited), the rest left alone. Any
    /// error (a name another code has, an unknown integrated project) leaves the database
    /// unchanged. (`csv_io` plans a dry run from [`Store::reference`] without writing.)
    pub fn import_programs(&mut self, rows: &[NewProgram]) -> Result<ProgramImportCounts> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let mut counts = ProgramImportCounts::default();
            for p in rows {
                match stored(tx, &p.code) {
                    Err(Error::NotFound { .. }) => {
                        insert(tx, &actor, p)?;
                        counts.inserted += 1;
                    }
                    Err(e) => return Err(e),
                    Ok(old) if old.program == *p => counts.unchanged += 1,
                    Ok(old) => {
                        update(tx, &actor, &old, p)?;
                        counts.updated += 1;
                    }
                }
            }
            Ok(counts)
        })
    }

    /// Imports program links in one transaction: missing links are added, stored ones whose
    /// 開始日 differs are updated (`link.edit`), none removed; any error leaves the database
    /// unchanged.
    pub fn import_program_links(&mut self, rows: &[LinkRow]) -> Result<LinkImportCounts> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let mut counts = LinkImportCounts::default();
            for (from, to, kind, since) in rows {
                let (a, b) = (program_id(tx, from)?, program_id(tx, to)?);
                let found: Option<(i64, Option<String>)> = tx
                    .query_row(
                        "SELECT id, since FROM program_link WHERE preceding_program_id = ?1
                           AND successor_program_id = ?2 AND kind = ?3",
                        params![a, b, kind.code()],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()?;
                match found {
                    None => {
                        insert_link(tx, &actor, from, to, *kind, *since)?;
                        counts.inserted += 1;
                    }
                    Some((_, old)) if old == since.map(|d| d.to_string()) => counts.unchanged += 1,
                    Some((id, _)) => {
                        tx.execute(
                            "UPDATE program_link SET since = ?2 WHERE id = ?1",
                            params![id, since.map(|d| d.to_string())],
                        )?;
                        let detail = json!({"preceding": from, "successor": to, "kind": kind.code(),
                            "since": since.map(|d| d.to_string())});
                        audit::record(tx, &actor, "link.edit", "program_link", Some(id), detail)?;
                        counts.updated += 1;
                    }
                }
            }
            Ok(counts)
        })
    }

    /// A program's changes and its links' changes, newest first: (at, actor, action, summary).
    pub fn program_history(&self, code: &str) -> Result<Vec<crate::model::HistoryEntry>> {
        let id: i64 = self
            .conn
            .query_row("SELECT id FROM program WHERE code = ?1", [code], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or_else(|| Error::NotFound {
                what: "program",
                key: code.to_string(),
            })?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT at, actor, action, detail FROM audit_log
             WHERE (entity = 'program' AND entity_id = ?1)
                OR (entity = 'program_link' AND (json_extract(detail, '$.preceding') = ?2
                    OR json_extract(detail, '$.successor') = ?2))
             ORDER BY id DESC",
        )?;
        let rows = stmt.query_map(params![id, code], |r| {
            let detail: String = r.get(3)?;
            let value: serde_json::Value = serde_json::from_str(&detail).unwrap_or_default();
            Ok(crate::model::HistoryEntry {
                at: r.get(0)?,
                actor: r.get(1)?,
                officer: None,
                action: r.get(2)?,
                summary: program_summary(&value),
                detail: value,
                ..Default::default()
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// A program audit row in words: `fields: name, phases (version 3)`, `pairing a → b since …`.
fn program_summary(v: &serde_json::Value) -> String {
    let text = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
    let mut out = Vec::new();
    if let Some(fields) = v.get("fields").and_then(|f| f.as_array()) {
        let names: Vec<&str> = fields.iter().filter_map(|f| f.as_str()).collect();
        out.push(format!("changed {}", names.join(", ")));
    }
    if v.get("preceding").is_some() {
        out.push(format!(
            "{} {} → {}",
            text("kind"),
            text("preceding"),
            text("successor")
        ));
        if let Some(since) = v.get("since").and_then(|s| s.as_str()) {
            out.push(format!("since {since}"));
        }
    } else if out.is_empty() {
        out.push(text("code"));
    }
    if let Some(on) = v.get("on").and_then(|s| s.as_str()) {
        out.push(format!("on {on}"));
    }
    if let Some(n) = v.get("version").and_then(|n| n.as_i64()) {
        out.push(format!("(version {n})"));
    }
    out.join(" ")
}

fn insert_link(
    tx: &Transaction<'_>,
    actor: &str,
    preceding: &str,
    successor: &str,
    kind: LinkKind,
    since: Option<Date>,
) -> Result<()> {
    let (from, to) = (program_id(tx, preceding)?, program_id(tx, successor)?);
    if from == to {
        return Err(Error::invalid(
            "link",
            crate::msg::invalid::link_to_itself(preceding),
        ));
    }
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM program_link WHERE preceding_program_id = ?1
           AND successor_program_id = ?2 AND kind = ?3)",
        params![from, to, kind.code()],
        |r| r.get(0),
    )?;
    if exists {
        return Err(Error::invalid(
            "link",
            crate::msg::invalid::link_exists(preceding, successor, kind.code()),
        ));
    }
    let id: i64 = tx.query_row(
        "INSERT INTO program_link (preceding_program_id, successor_program_id, kind, since)
         VALUES (?1, ?2, ?3, ?4) RETURNING id",
        params![from, to, kind.code(), since.map(|d| d.to_string())],
        |r| r.get(0),
    )?;
    let detail = json!({"preceding": preceding, "successor": successor, "kind": kind.code(),
        "since": since.map(|d| d.to_string())});
    audit::record(tx, actor, "link.add", "program_link", Some(id), detail)
}
