//! Who "me" is in the database: officer rows matched by name or by OS login.

use super::Store;
use crate::Result;
use crate::model::{Me, officer_key};
use rusqlite::OptionalExtension;

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
