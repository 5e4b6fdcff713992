//! 系譜 (lineage) in bulk and by 課題管理番号: what `seedline lineage` and `import lineage` need
//! around the single-link writes of `lineage.rs`: the kind a link most likely has (from an
//! accepted highway flag or a program link), the ends of the links a file names, every stored
//! link as plain ids (for cycle checks before writing), and the import itself in one
//! transaction (each link through the same checks as `link_lineage`).

use super::lineage::insert_link;
use super::{Store, audit};
use crate::model::{Coded, LineageKind};
use crate::{Error, Result};
use rusqlite::{OptionalExtension, params};
use serde_json::json;
use std::collections::HashMap;

/// One project a lineage file names: its row id, whether it is retired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineageEnd {
    pub id: i64,
    pub retired: bool,
}

/// One row of a lineage import, already checked: predecessor and successor row ids and the
/// kind (given, or inferred with [`Store::inferred_lineage_kind`]), the flag behind a highway
/// link when one was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineageRow {
    pub predecessor: i64,
    pub successor: i64,
    pub kind: LineageKind,
    pub flag: Option<i64>,
}

/// What an import of lineage links wrote (or would write).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LineageImportCounts {
    pub inserted: u64,
    /// Links already stored whose kind the file changed.
    pub updated: u64,
    pub unchanged: u64,
}

impl Store {
    /// The kind a link from `pred_id` to `succ_id` most likely has when none is given: highway
    /// when the predecessor has an accepted highway flag to the successor's program (that flag
    /// returned with it), else pairing or matching when a program link joins the two programs
    /// (pairing first), else an open call.
    pub fn inferred_lineage_kind(
        &self,
        pred_id: i64,
        succ_id: i64,
    ) -> Result<(LineageKind, Option<i64>)> {
        let flag: Option<i64> = self
            .conn
            .prepare_cached(
                "SELECT f.id FROM highway_flag f JOIN project s ON s.id = ?2
                  WHERE f.project_id = ?1 AND f.status = 'accepted'
                    AND f.target_program_id = s.program_id
                  ORDER BY f.decided_at DESC, f.id DESC LIMIT 1",
            )?
            .query_row(params![pred_id, succ_id], |r| r.get(0))
            .optional()?;
        if flag.is_some() {
            return Ok((LineageKind::Highway, flag));
        }
        let link: Option<String> = self
            .conn
            .prepare_cached(
                "SELECT l.kind FROM program_link l
                   JOIN project p ON p.id = ?1 JOIN project s ON s.id = ?2
                  WHERE l.preceding_program_id = p.program_id
                    AND l.successor_program_id = s.program_id
                  ORDER BY CASE l.kind WHEN 'pairing' THEN 0 ELSE 1 END LIMIT 1",
            )?
            .query_row(params![pred_id, succ_id], |r| r.get(0))
            .optional()?;
        Ok((
            link.as_deref()
                .and_then(LineageKind::parse)
                .unwrap_or(LineageKind::OpenCall),
            None,
        ))
    }

    /// The projects among `amed_ids` (retired ones included), by 課題管理番号.
    pub fn lineage_ends(&self, amed_ids: &[String]) -> Result<HashMap<String, LineageEnd>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, retired_at IS NOT NULL FROM project WHERE amed_id = ?1")?;
        let mut out = HashMap::new();
        for a in amed_ids {
            if out.contains_key(a) {
                continue;
            }
            let end = stmt
                .query_row([a], |r| {
                    Ok(LineageEnd {
                        id: r.get(0)?,
                        retired: r.get(1)?,
                    })
                })
                .optional()?;
            if let Some(end) = end {
                out.insert(a.clone(), end);
            }
        }
        Ok(out)
    }

    /// Every stored link as (predecessor id, successor id, kind), retired ends included: the
    /// graph an import's cycle check runs on.
    pub fn lineage_pairs(&self) -> Result<Vec<(i64, i64, LineageKind)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT predecessor_id, successor_id, kind FROM project_lineage ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, super::codes::coded(r, 2)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// What [`Store::import_lineage`] would do with `rows`, without writing.
    pub fn plan_lineage(&self, rows: &[LineageRow]) -> Result<LineageImportCounts> {
        let stored: HashMap<(i64, i64), LineageKind> = self
            .lineage_pairs()?
            .into_iter()
            .map(|(a, b, k)| ((a, b), k))
            .collect();
        let mut counts = LineageImportCounts::default();
        for r in rows {
            match stored.get(&(r.predecessor, r.successor)) {
                None => counts.inserted += 1,
                Some(k) if *k == r.kind => counts.unchanged += 1,
                Some(_) => counts.updated += 1,
            }
        }
        Ok(counts)
    }

    /// Writes `rows` in one transaction: a new link through the checks of
    /// [`Store::link_lineage`] (audit `lineage.link`), a stored link with another kind takes the
    /// file's (audit `lineage.edit`), an equal one is left alone. Any refusal rolls back all.
    pub fn import_lineage(&mut self, rows: &[LineageRow]) -> Result<LineageImportCounts> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let mut counts = LineageImportCounts::default();
            for r in rows {
                let found: Option<(i64, String)> = tx
                    .query_row(
                        "SELECT id, kind FROM project_lineage
                          WHERE predecessor_id = ?1 AND successor_id = ?2",
                        params![r.predecessor, r.successor],
                        |row| Ok((row.get(0)?, row.get(1)?)),
                    )
                    .optional()?;
                match found {
                    None => {
                        insert_link(tx, &actor, r.predecessor, r.successor, r.kind, r.flag)?;
                        counts.inserted += 1;
                    }
                    Some((_, kind)) if kind == r.kind.code() => counts.unchanged += 1,
                    Some((id, kind)) => {
                        tx.execute(
                            "UPDATE project_lineage SET kind = ?2 WHERE id = ?1",
                            params![id, r.kind.code()],
                        )?;
                        audit::record(
                            tx,
                            &actor,
                            "lineage.edit",
                            "project",
                            Some(r.successor),
                            json!({ "link": id, "predecessor": r.predecessor,
                                    "successor": r.successor, "kind": r.kind.code(), "was": kind }),
                        )?;
                        counts.updated += 1;
                    }
                }
            }
            Ok(counts)
        })
    }

    /// The link between two projects given by 課題管理番号 (retired ones refused as by
    /// [`Store::project_id`]): their row ids.
    pub fn lineage_pair_ids(&self, pred: &str, succ: &str) -> Result<(i64, i64)> {
        let a = self.project_id(pred)?;
        let b = self.project_id(succ)?;
        if a == b {
            return Err(Error::invalid(
                "lineage",
                crate::msg::invalid::lineage_self(&crate::text::sanitize_line(pred)),
            ));
        }
        Ok((a, b))
    }
}
