//! 系譜 (lineage): link a project to its successor, unlink, read a seed's whole chain and every
//! link with both ends (for the gaps between programs and CSV). Each write is one transaction
//! with its audit row; a self-link, an unknown or retired project and a link that would close a
//! cycle are refused with nothing changed.

use super::{Store, audit, codes, now_ts};
use crate::model::{
    Chain, Coded, LineageKind, LineageLink, LineageProject, LinkedFlag, parse_date,
};
use crate::msg::invalid as why;
use crate::{Error, Result};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde_json::json;

/// The columns [`lineage_project`] reads, over `project p JOIN program g`, starting at `first`.
pub(crate) const PROJECT_COLUMNS: &str = "p.id, p.amed_id, p.title, g.name_ja, g.name_en, p.phase, \
     p.start_date, p.end_date, p.retired_at IS NOT NULL";

/// One project of a lineage from [`PROJECT_COLUMNS`] starting at column `at`.
pub(crate) fn lineage_project(
    r: &rusqlite::Row<'_>,
    at: usize,
) -> rusqlite::Result<LineageProject> {
    let start: String = r.get(at + 6)?;
    let end: Option<String> = r.get(at + 7)?;
    Ok(LineageProject {
        id: r.get(at)?,
        amed_id: r.get(at + 1)?,
        title: r.get(at + 2)?,
        program: (r.get(at + 3)?, r.get(at + 4)?),
        phase: codes::phase(r, at + 5)?,
        start: parse_date(&start).unwrap_or_default(),
        end: end.as_deref().and_then(parse_date),
        retired: r.get(at + 8)?,
    })
}

/// One project of a lineage by row id, or NotFound.
fn project(conn: &Connection, id: i64) -> Result<LineageProject> {
    conn.prepare_cached(&format!(
        "SELECT {PROJECT_COLUMNS} FROM project p JOIN program g ON g.id = p.program_id WHERE p.id = ?1"
    ))?
    .query_row([id], |r| lineage_project(r, 0))
    .optional()?
    .ok_or_else(|| Error::NotFound {
        what: "project",
        key: format!("#{id}"),
    })
}

/// Whether `to` can already be reached from `from` by following links forward.
fn reaches(tx: &Connection, from: i64, to: i64) -> Result<bool> {
    Ok(tx
        .prepare_cached(
            "WITH RECURSIVE down(id) AS (
                 SELECT ?1
                 UNION
                 SELECT l.successor_id FROM project_lineage l JOIN down ON l.predecessor_id = down.id
             )
             SELECT EXISTS (SELECT 1 FROM down WHERE id = ?2)",
        )?
        .query_row(params![from, to], |r| r.get(0))?)
}

/// Refuses a link the lineage cannot hold: to itself, to a retired project, a second link
/// between the same two projects, or one that would close a cycle.
fn check_link(tx: &Transaction<'_>, pred: &LineageProject, succ: &LineageProject) -> Result<()> {
    if pred.id == succ.id {
        return Err(Error::invalid("lineage", why::lineage_self(&pred.amed_id)));
    }
    for p in [pred, succ] {
        if p.retired {
            return Err(Error::invalid("lineage", why::lineage_retired(&p.amed_id)));
        }
    }
    let existing: Option<String> = tx
        .query_row(
            "SELECT kind FROM project_lineage WHERE predecessor_id = ?1 AND successor_id = ?2",
            params![pred.id, succ.id],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(kind) = existing {
        let kind = LineageKind::parse(&kind).unwrap_or(LineageKind::OpenCall);
        return Err(Error::invalid(
            "lineage",
            why::lineage_exists(&pred.amed_id, &succ.amed_id, kind),
        ));
    }
    if reaches(tx, succ.id, pred.id)? {
        return Err(Error::invalid(
            "lineage",
            why::lineage_cycle(&pred.amed_id, &succ.amed_id),
        ));
    }
    Ok(())
}

/// Writes one link inside `tx` (checks included), with its audit row on the successor.
pub(crate) fn insert_link(
    tx: &Transaction<'_>,
    actor: &str,
    pred_id: i64,
    succ_id: i64,
    kind: LineageKind,
    flag_id: Option<i64>,
) -> Result<i64> {
    let pred = project(tx, pred_id)?;
    let succ = project(tx, succ_id)?;
    check_link(tx, &pred, &succ)?;
    let id: i64 = tx
        .prepare_cached(
            "INSERT INTO project_lineage (predecessor_id, successor_id, kind, flag_id, linked_by, linked_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
        )?
        .query_row(
            params![pred.id, succ.id, kind.code(), flag_id, actor, now_ts()],
            |r| r.get(0),
        )?;
    audit::record(
        tx,
        actor,
        "lineage.link",
        "project",
        Some(succ.id),
        json!({ "link": id, "predecessor": pred.id, "successor": succ.id, "kind": kind.code(), "flag": flag_id }),
    )?;
    Ok(id)
}

impl Store {
    /// Records that `succ_id` carries on the seed of `pred_id`. Refused (nothing written) for a
    /// self-link, a retired or unknown project, a repeated link or a cycle.
    pub fn link_lineage(
        &mut self,
        pred_id: i64,
        succ_id: i64,
        kind: LineageKind,
        flag_id: Option<i64>,
    ) -> Result<i64> {
        let actor = self.actor.clone();
        self.write(|tx| insert_link(tx, &actor, pred_id, succ_id, kind, flag_id))
    }

    /// Removes the link between `pred_id` and `succ_id`; NotFound when there is none.
    pub fn unlink_lineage(&mut self, pred_id: i64, succ_id: i64) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let row: Option<(i64, String)> = tx
                .query_row(
                    "DELETE FROM project_lineage WHERE predecessor_id = ?1 AND successor_id = ?2
                     RETURNING id, kind",
                    params![pred_id, succ_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let (id, kind) = row.ok_or_else(|| Error::NotFound {
                what: "lineage",
                key: format!("#{pred_id} > #{succ_id}"),
            })?;
            audit::record(
                tx,
                &actor,
                "lineage.unlink",
                "project",
                Some(succ_id),
                json!({ "link": id, "predecessor": pred_id, "successor": succ_id, "kind": kind }),
            )
        })
    }

    /// The seed's whole chain around `project_id`: every ancestor and every descendant, with
    /// their distance and the kind of link that leads towards the project.
    pub fn lineage_chain(&self, project_id: i64) -> Result<Chain> {
        let this = project(&self.conn, project_id)?;
        let side = |sql: &str| -> Result<Vec<(i32, LineageKind, LineageProject)>> {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let rows = stmt.query_map([project_id], |r| {
                Ok((r.get(0)?, codes::coded(r, 1)?, lineage_project(r, 2)?))
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        };
        // Depth is capped (a lineage is a handful of programs); `UNION` stops on repeats too.
        // CROSS JOIN: the chain's few ids drive the query (left to itself, SQLite walked every
        // project in id order to spare the GROUP BY a sort: 0.6 s per detail at 1,000,000).
        let before = side(&format!(
            "WITH RECURSIVE up(id, depth, kind) AS (
                 SELECT predecessor_id, -1, kind FROM project_lineage WHERE successor_id = ?1
                 UNION
                 SELECT l.predecessor_id, up.depth - 1, l.kind
                   FROM project_lineage l JOIN up ON l.successor_id = up.id WHERE up.depth > -64
             )
             SELECT max(up.depth), up.kind, {PROJECT_COLUMNS}
               FROM up CROSS JOIN project p ON p.id = up.id JOIN program g ON g.id = p.program_id
              GROUP BY p.id"
        ))?;
        let after = side(&format!(
            "WITH RECURSIVE down(id, depth, kind) AS (
                 SELECT successor_id, 1, kind FROM project_lineage WHERE predecessor_id = ?1
                 UNION
                 SELECT l.successor_id, down.depth + 1, l.kind
                   FROM project_lineage l JOIN down ON l.predecessor_id = down.id WHERE down.depth < 64
             )
             SELECT min(down.depth), down.kind, {PROJECT_COLUMNS}
               FROM down CROSS JOIN project p ON p.id = down.id JOIN program g ON g.id = p.program_id
              GROUP BY p.id"
        ))?;
        Ok(Chain {
            before,
            this: Some(this),
            after,
        })
    }

    /// Every lineage link with both ends and its highway flag, oldest predecessor first: the
    /// input of the gaps between programs and of `export lineage`. Links touching a retired
    /// project are left out.
    pub fn lineage_links(&self) -> Result<Vec<LineageLink>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT l.id, l.kind, l.linked_by, l.linked_at, f.id, f.created_at, f.decided_at,
                    {pred}, {succ}
               FROM project_lineage l
               JOIN project p ON p.id = l.predecessor_id JOIN program g ON g.id = p.program_id
               JOIN project s ON s.id = l.successor_id JOIN program h ON h.id = s.program_id
               LEFT JOIN highway_flag f ON f.id = l.flag_id
              WHERE p.retired_at IS NULL AND s.retired_at IS NULL
              ORDER BY p.start_date, p.amed_id, s.start_date, s.amed_id",
            pred = PROJECT_COLUMNS,
            succ = PROJECT_COLUMNS.replace("p.", "s.").replace("g.", "h.")
        ))?;
        let rows = stmt.query_map([], |r| {
            let flag_id: Option<i64> = r.get(4)?;
            let flagged: Option<String> = r.get(5)?;
            let decided: Option<String> = r.get(6)?;
            let day = |ts: &str| parse_date(ts.get(..10).unwrap_or(ts));
            let flag = match (flag_id, flagged.as_deref().and_then(day)) {
                (Some(id), Some(flagged_on)) => Some(LinkedFlag {
                    id,
                    flagged_on,
                    decided_on: decided.as_deref().and_then(day),
                }),
                _ => None,
            };
            Ok(LineageLink {
                id: r.get(0)?,
                kind: codes::coded(r, 1)?,
                linked_by: r.get(2)?,
                linked_at: r.get(3)?,
                flag,
                predecessor: lineage_project(r, 7)?,
                successor: lineage_project(r, 16)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The successors recorded for `project_id` (ids), for the radar's "no successor yet".
    pub fn successor_ids(&self, project_id: i64) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT successor_id FROM project_lineage WHERE predecessor_id = ?1 ORDER BY successor_id",
        )?;
        let rows = stmt.query_map([project_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
