//! Loading AMED reference data from the database, and seeding the built-in tables
//! ([`crate::model::reference::builtin`]) into every new database and, once per
//! [`REFERENCE_VERSION`], into existing ones ([`catch_up`]).

use super::{Store, codes};
use crate::Result;
use crate::model::reference::builtin::{
    DISEASE_AREAS, INTEGRATED_PROJECTS, PROGRAM_LINKS, PROGRAMS, REFERENCE_VERSION,
};
use crate::model::{
    Coded, DiseaseAreaRef, IntegratedProjectRef, Modality, Phase, ProgramLink, ProgramRef,
    Reference,
};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

impl Store {
    /// Loads all reference data (a few dozen rows) in display order.
    pub fn reference(&self) -> Result<Reference> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, code, name_ja, name_en, period FROM integrated_project
             ORDER BY period DESC, sort_order",
        )?;
        let integrated_projects = stmt
            .query_map([], |r| {
                Ok(IntegratedProjectRef {
                    id: r.get(0)?,
                    code: r.get(1)?,
                    name_ja: r.get(2)?,
                    name_en: r.get(3)?,
                    period: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.code, a.name_ja, a.name_en, a.parent_id FROM disease_area a
             LEFT JOIN disease_area p ON p.id = a.parent_id
             ORDER BY coalesce(p.sort_order, a.sort_order), a.parent_id IS NOT NULL, a.sort_order",
        )?;
        let disease_areas = stmt
            .query_map([], |r| {
                Ok(DiseaseAreaRef {
                    id: r.get(0)?,
                    code: r.get(1)?,
                    name_ja: r.get(2)?,
                    name_en: r.get(3)?,
                    parent_id: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, code, name_ja, name_en, ministry, integrated_project_id, first_phase, last_phase,
               retired_at, version
             FROM program ORDER BY id",
        )?;
        let programs = stmt
            .query_map([], |r| {
                Ok(ProgramRef {
                    id: r.get(0)?,
                    code: r.get(1)?,
                    name_ja: r.get(2)?,
                    name_en: r.get(3)?,
                    ministry: r.get(4)?,
                    integrated_project_id: r.get(5)?,
                    first_phase: codes::phase(r, 6)?,
                    last_phase: codes::phase(r, 7)?,
                    retired_on: codes::date_opt(r, 8)?,
                    version: r.get(9)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT preceding_program_id, successor_program_id, kind, since FROM program_link ORDER BY id",
        )?;
        let program_links = stmt
            .query_map([], |r| {
                Ok(ProgramLink {
                    preceding: r.get(0)?,
                    successor: r.get(1)?,
                    kind: codes::coded(r, 2)?,
                    since: codes::date_opt(r, 3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Reference {
            integrated_projects,
            disease_areas,
            programs,
            program_links,
        })
    }

    /// Adds any reference rows missing from this database (idempotent; `seedline init`).
    pub fn ensure_reference(&mut self) -> Result<()> {
        self.write(seed)
    }
}

/// The `meta` key under which a database records the built-in reference version it took in.
const VERSION_KEY: &str = "reference_version";

/// The built-in reference version this database last took in (0: never recorded).
fn stored_version(conn: &Connection) -> Result<i64> {
    let value: Option<String> = conn
        .query_row(
            "SELECT value FROM meta WHERE key = ?1",
            [VERSION_KEY],
            |r| r.get(0),
        )
        .optional()?;
    Ok(value.and_then(|v| v.parse().ok()).unwrap_or(0))
}

/// On a writable open: when the built-in reference data is newer than what this database last
/// took in, adds the missing rows (never changing or removing existing ones, so officers' own rows
/// and every id stay) and records the version, in one transaction. Otherwise it only reads the
/// stored version: shared databases are opened often and must not be written on each open.
/// Returns whether it wrote.
pub(crate) fn catch_up(conn: &mut Connection) -> Result<bool> {
    if stored_version(conn)? >= REFERENCE_VERSION {
        return Ok(false);
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Another session may have caught up while this one waited for the lock.
    if stored_version(&tx)? >= REFERENCE_VERSION {
        return Ok(false);
    }
    seed(&tx)?;
    tx.commit()?;
    Ok(true)
}

/// Inserts every reference row that is missing (matched by code); never changes existing rows.
/// Records [`REFERENCE_VERSION`] as taken in unless the database already holds a newer one.
pub(crate) fn seed(tx: &Transaction<'_>) -> Result<()> {
    for (i, p) in Phase::ALL.iter().enumerate() {
        tx.execute(
            "INSERT OR IGNORE INTO phase (id, code, name_ja, name_en) VALUES (?1, ?2, ?3, ?4)",
            params![p.ord(), p.code(), p.name_ja(), p.name_en()],
        )?;
        debug_assert_eq!(i + 1, p.ord() as usize);
    }
    for (i, m) in Modality::ALL.iter().enumerate() {
        tx.execute(
            "INSERT OR IGNORE INTO modality (code, name_ja, name_en, sort_order) VALUES (?1, ?2, ?3, ?4)",
            params![m.code(), m.name_ja(), m.name_en(), i as i64],
        )?;
    }
    for (period, list) in INTEGRATED_PROJECTS {
        for (i, (code, ja, en)) in list.iter().enumerate() {
            tx.execute(
                "INSERT OR IGNORE INTO integrated_project (code, name_ja, name_en, period, sort_order)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![code, ja, en, period, i as i64 + 1],
            )?;
        }
    }
    for (i, (code, ja, en, parent)) in DISEASE_AREAS.iter().enumerate() {
        tx.execute(
            "INSERT OR IGNORE INTO disease_area (code, name_ja, name_en, parent_id, sort_order)
             VALUES (?1, ?2, ?3, (SELECT id FROM disease_area WHERE code = ?4), ?5)",
            params![code, ja, en, parent, i as i64 + 1],
        )?;
    }
    for (code, ja, en, ministry, ip, first, last) in PROGRAMS {
        tx.execute(
            "INSERT OR IGNORE INTO program
               (code, name_ja, name_en, ministry, integrated_project_id, first_phase, last_phase)
             VALUES (?1, ?2, ?3, ?4, (SELECT id FROM integrated_project WHERE code = ?5), ?6, ?7)",
            params![code, ja, en, ministry, ip, first.ord(), last.ord()],
        )?;
    }
    for (from, to, kind) in PROGRAM_LINKS {
        tx.execute(
            "INSERT OR IGNORE INTO program_link (preceding_program_id, successor_program_id, kind)
             VALUES ((SELECT id FROM program WHERE code = ?1), (SELECT id FROM program WHERE code = ?2), ?3)",
            params![from, to, kind],
        )?;
    }
    if stored_version(tx)? < REFERENCE_VERSION {
        tx.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![VERSION_KEY, REFERENCE_VERSION.to_string()],
        )?;
    }
    Ok(())
}
