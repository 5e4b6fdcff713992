//! The roster (PD / PS / PO / DC): who "me" is (matched by name or by OS login), adding,
//! editing, retiring and restoring officers, each in one transaction with its audit row.

use super::{Store, audit, codes};
use crate::model::{
    Coded, Date, Me, NewOfficer, Officer, OfficerEdit, OfficerRole, officer_key, validate_login,
    validate_officer_name,
};
use crate::text::sanitize_line;
use crate::{Error, Result};
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::json;

impl Store {
    /// Resolves `me` (an officer's name) against the `officer` table.
    pub fn me(&self, me: &str) -> Result<Me> {
        let key = officer_key(me);
        let mut out = Me {
            names: vec![me.to_string()],
            key: key.clone(),
            ..Me::default()
        };
        let mut stmt = self.conn.prepare_cached("SELECT id, name FROM officer")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let name: String = r.get(1)?;
            if officer_key(&name) == key {
                out.officer_ids.push(r.get(0)?);
                if !out.names.contains(&name) {
                    out.names.push(name);
                }
            }
        }
        Ok(out)
    }

    /// The officer whose `login` is this OS account, if any: (name, role).
    pub fn officer_for_login(&self, login: &str) -> Result<Option<(String, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT name, role FROM officer WHERE login = ?1",
                [login],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }
}

/// Officers in the order every list shows them: PD, PS, PO, DC, then by name.
pub(crate) const ROLE_ORDER: &str =
    "CASE o.role WHEN 'PD' THEN 1 WHEN 'PS' THEN 2 WHEN 'PO' THEN 3 ELSE 4 END, o.name, o.id";

/// The columns [`officer_from`] reads, from `officer o`.
const OFFICER_COLUMNS: &str = "o.id, o.name, o.role, o.login, o.retired_at, o.version,
    (SELECT count(*) FROM project_officer po WHERE po.officer_id = o.id)";

fn officer_from(r: &rusqlite::Row<'_>) -> rusqlite::Result<Officer> {
    Ok(Officer {
        id: r.get(0)?,
        name: r.get(1)?,
        role: codes::coded(r, 2)?,
        login: r.get(3)?,
        retired_on: r.get(4)?,
        version: r.get(5)?,
        assignments: r.get(6)?,
    })
}

/// The officer with this row id, or NotFound.
pub(crate) fn officer_by_id(conn: &Connection, id: i64) -> Result<Officer> {
    conn.query_row(
        &format!("SELECT {OFFICER_COLUMNS} FROM officer o WHERE o.id = ?1"),
        [id],
        officer_from,
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        what: "officer",
        key: format!("#{id}"),
    })
}

/// A conflict on an officer row: who last changed it and when (from the audit log).
pub(crate) fn officer_conflict(conn: &Connection, officer: &Officer) -> Error {
    let (by, at) = conn
        .query_row(
            "SELECT actor, at FROM audit_log WHERE entity = 'officer' AND entity_id = ?1
             ORDER BY id DESC LIMIT 1",
            [officer.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap_or_else(|_| (String::new(), "?".into()));
    Error::Conflict {
        what: crate::msg::invalid::record_officer(&officer.label()),
        by,
        at,
    }
}

/// Another officer (not `except`) with the same name (spaces and width ignored) and role.
fn same_name_and_role(
    conn: &Connection,
    name: &str,
    role: OfficerRole,
    except: Option<i64>,
) -> Result<Option<String>> {
    let key = officer_key(name);
    let mut stmt = conn.prepare_cached("SELECT id, name FROM officer WHERE role = ?1")?;
    let mut rows = stmt.query([role.code()])?;
    while let Some(r) = rows.next()? {
        let (id, other): (i64, String) = (r.get(0)?, r.get(1)?);
        if Some(id) != except && officer_key(&other) == key {
            return Ok(Some(other));
        }
    }
    Ok(None)
}

/// Another officer (not `except`) with this login.
fn login_taken(conn: &Connection, login: &str, except: Option<i64>) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT name FROM officer WHERE login = ?1 AND id IS NOT ?2",
            params![login, except],
            |r| r.get(0),
        )
        .optional()?)
}

fn duplicate(name: &str, role: OfficerRole) -> Error {
    Error::invalid(
        "officer",
        crate::msg::invalid::officer_on_roster(role.code(), &sanitize_line(name)),
    )
}

fn login_in_use(login: &str, by: &str) -> Error {
    Error::invalid(
        "login",
        crate::msg::invalid::login_taken(&sanitize_line(login), &sanitize_line(by)),
    )
}

impl Store {
    /// The roster, PD / PS / PO / DC then by name, each with their current assignment count;
    /// retired officers only with `all`.
    pub fn officers(&self, all: bool) -> Result<Vec<Officer>> {
        let filter = if all {
            ""
        } else {
            "WHERE o.retired_at IS NULL"
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {OFFICER_COLUMNS} FROM officer o {filter} ORDER BY {ROLE_ORDER}"
        ))?;
        let rows = stmt.query_map([], officer_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The officer named `name` (spaces and width ignored), retired ones included. `role` picks
    /// one when the name is on the roster in several roles (then it is required). An unknown
    /// name is `Invalid`, naming close names and `seedline officer add`.
    pub fn find_officer(&self, name: &str, role: Option<OfficerRole>) -> Result<Officer> {
        let key = officer_key(name);
        let everyone = self.officers(true)?;
        let named: Vec<&Officer> = everyone
            .iter()
            .filter(|o| officer_key(&o.name) == key)
            .collect();
        let shown = sanitize_line(name);
        match (named.as_slice(), role) {
            ([], _) => {
                let mut close: Vec<(usize, &Officer)> = everyone
                    .iter()
                    .map(|o| (strsim::levenshtein(&officer_key(&o.name), &key), o))
                    .filter(|(d, o)| {
                        *d <= 2.max(key.chars().count() / 3) || officer_key(&o.name).contains(&key)
                    })
                    .collect();
                close.sort_by_key(|(d, _)| *d);
                let closest = close
                    .first()
                    .map(|(_, o)| (sanitize_line(&o.name).into_owned(), o.role.code()));
                let role = role.map_or("PO", |r| r.code());
                Err(Error::invalid(
                    "officer",
                    crate::msg::invalid::unknown_officer(
                        &shown,
                        closest.as_ref().map(|(n, r)| (n.as_str(), *r)),
                        role,
                    ),
                ))
            }
            ([one], None) => Ok((*one).clone()),
            (_, Some(role)) => named
                .iter()
                .find(|o| o.role == role)
                .map(|o| (*o).clone())
                .ok_or_else(|| {
                    let roles: Vec<&str> = named.iter().map(|o| o.role.code()).collect();
                    Error::invalid(
                        "--role",
                        crate::msg::invalid::officer_other_role(&shown, &roles, role.code()),
                    )
                }),
            (many, None) => {
                let roles: Vec<String> = many
                    .iter()
                    .map(|o| format!("--role {}", o.role.code()))
                    .collect();
                Err(Error::invalid(
                    "officer",
                    crate::msg::invalid::officer_several_roles(&shown, &roles),
                ))
            }
        }
    }

    /// Adds an officer to the roster (audit `officer.add`). Refuses a name already there in the
    /// same role (spaces and width ignored) and a login another officer has.
    pub fn add_officer(&mut self, officer: &NewOfficer) -> Result<i64> {
        officer.validate()?;
        let actor = self.actor.clone();
        self.write(|tx| {
            if same_name_and_role(tx, &officer.name, officer.role, None)?.is_some() {
                return Err(duplicate(&officer.name, officer.role));
            }
            if let Some(login) = &officer.login
                && let Some(by) = login_taken(tx, login, None)?
            {
                return Err(login_in_use(login, &by));
            }
            let id: i64 = tx.query_row(
                "INSERT INTO officer (name, role, login) VALUES (?1, ?2, ?3) RETURNING id",
                params![officer.name, officer.role.code(), officer.login],
                |r| r.get(0),
            )?;
            let detail =
                json!({"name": officer.name, "role": officer.role.code(), "login": officer.login});
            audit::record(tx, &actor, "officer.add", "officer", Some(id), detail)?;
            Ok(id)
        })
    }

    /// Changes an officer's name, role or login (audit `officer.edit`). `expected_version` is the
    /// version the caller read: another session's change since is a `Conflict`, nothing written.
    /// Refuses a name and role another officer has, and another officer's login.
    pub fn edit_officer(
        &mut self,
        id: i64,
        expected_version: i64,
        edit: &OfficerEdit,
    ) -> Result<Officer> {
        if let Some(name) = &edit.name {
            validate_officer_name(name)?;
        }
        if let Some(Some(login)) = &edit.login {
            validate_login(login)?;
        }
        let actor = self.actor.clone();
        self.write(|tx| {
            let old = officer_by_id(tx, id)?;
            if old.version != expected_version {
                return Err(officer_conflict(tx, &old));
            }
            let name = edit.name.clone().unwrap_or_else(|| old.name.clone());
            let role = edit.role.unwrap_or(old.role);
            let login = edit.login.clone().unwrap_or_else(|| old.login.clone());
            if same_name_and_role(tx, &name, role, Some(id))?.is_some() {
                return Err(duplicate(&name, role));
            }
            if let Some(login) = &login
                && let Some(by) = login_taken(tx, login, Some(id))?
            {
                return Err(login_in_use(login, &by));
            }
            tx.execute(
                "UPDATE officer SET name = ?2, role = ?3, login = ?4, version = version + 1
                 WHERE id = ?1 AND version = ?5",
                params![id, name, role.code(), login, expected_version],
            )?;
            let detail = json!({"name": name, "role": role.code(), "login": login,
                "was": {"name": old.name, "role": old.role.code(), "login": old.login}});
            audit::record(tx, &actor, "officer.edit", "officer", Some(id), detail)?;
            officer_by_id(tx, id)
        })
    }

    /// Retires an officer as of `on` (audit `officer.retire`): their current assignments end on
    /// that day (each moved to the history, one `assign.remove` row per project); notes and past
    /// assignments stay. Refuses an officer already retired, and a day before the start of one of
    /// their assignments. Returns how many assignments ended.
    pub fn retire_officer(
        &mut self,
        id: i64,
        expected_version: Option<i64>,
        on: Date,
    ) -> Result<usize> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let officer = officer_by_id(tx, id)?;
            if expected_version.is_some_and(|v| v != officer.version) {
                return Err(officer_conflict(tx, &officer));
            }
            if let Some(day) = &officer.retired_on {
                return Err(Error::invalid(
                    "officer",
                    crate::msg::invalid::officer_already_retired(
                        &sanitize_line(&officer.label()),
                        day,
                    ),
                ));
            }
            let projects: Vec<i64> = {
                let mut stmt = tx.prepare_cached(
                    "SELECT project_id FROM project_officer WHERE officer_id = ?1 ORDER BY project_id",
                )?;
                let rows = stmt.query_map([id], |r| r.get(0))?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            let ended = super::assignment::end_assignments(tx, &actor, &officer, &projects, on, "officer.retire")?;
            tx.execute(
                "UPDATE officer SET retired_at = ?2, version = version + 1 WHERE id = ?1",
                params![id, on.to_string()],
            )?;
            let detail = json!({"name": officer.name, "role": officer.role.code(), "on": on.to_string(), "ended": ended.len()});
            audit::record(tx, &actor, "officer.retire", "officer", Some(id), detail)?;
            Ok(ended.len())
        })
    }

    /// Brings a retired officer back on the roster (audit `officer.restore`); their ended
    /// assignments stay ended.
    pub fn restore_officer(&mut self, id: i64) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let officer = officer_by_id(tx, id)?;
            if officer.retired_on.is_none() {
                return Err(Error::invalid(
                    "officer",
                    crate::msg::invalid::officer_not_retired(&sanitize_line(&officer.label())),
                ));
            }
            tx.execute(
                "UPDATE officer SET retired_at = NULL, version = version + 1 WHERE id = ?1",
                [id],
            )?;
            let detail = json!({"name": officer.name, "role": officer.role.code()});
            audit::record(tx, &actor, "officer.restore", "officer", Some(id), detail)
        })
    }
}
