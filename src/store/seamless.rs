//! 切れ目: the reads behind the gaps between programs — the first day each project of a lineage
//! entered 基礎 and 実用化 — and the figures themselves (`model::seamless_figures`). Also the
//! bulk loader's lineage rows for the demo generator.

use super::{BulkLoader, Store, now_ts};
use crate::Result;
use crate::model::{Coded, LineageKind, Phase, Seamless, SeedPhases, parse_date, seamless_figures};
use rusqlite::params;
use std::collections::HashMap;

impl Store {
    /// When each project that is an end of a lineage link first entered 基礎 (its phase history,
    /// else its start when it has no history and is in 基礎) and 実用化.
    pub fn seed_phases(&self) -> Result<HashMap<i64, SeedPhases>> {
        let mut stmt = self.conn.prepare_cached(
            "WITH ends(id) AS (SELECT predecessor_id FROM project_lineage
                               UNION SELECT successor_id FROM project_lineage)
             SELECT p.id,
                    coalesce((SELECT min(changed_on) FROM phase_change c
                               WHERE c.project_id = p.id AND c.to_phase = ?1),
                             CASE WHEN p.phase = ?1 AND NOT EXISTS
                                      (SELECT 1 FROM phase_change c WHERE c.project_id = p.id)
                                  THEN p.start_date END),
                    (SELECT min(changed_on) FROM phase_change c
                      WHERE c.project_id = p.id AND c.to_phase = ?2)
               FROM ends JOIN project p ON p.id = ends.id",
        )?;
        let rows = stmt.query_map(params![Phase::Basic.ord(), Phase::Practical.ord()], |r| {
            let basic: Option<String> = r.get(1)?;
            let practical: Option<String> = r.get(2)?;
            Ok((
                r.get::<_, i64>(0)?,
                SeedPhases {
                    basic_on: basic.as_deref().and_then(parse_date),
                    practical_on: practical.as_deref().and_then(parse_date),
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<HashMap<_, _>>>()?)
    }

    /// The gaps between programs over every lineage link (retired projects left out).
    pub fn seamless(&self) -> Result<Seamless> {
        Ok(seamless_figures(
            &self.lineage_links()?,
            &self.seed_phases()?,
        ))
    }
}

impl BulkLoader<'_> {
    /// A lineage link as the generator writes it (no checks: the generator links forward in
    /// time only, so no cycle can arise), recorded as made by `by` on `on`.
    pub fn lineage(
        &mut self,
        pred_id: i64,
        succ_id: i64,
        kind: LineageKind,
        flag_id: Option<i64>,
        by: &str,
    ) -> Result<i64> {
        Ok(self
            .tx
            .prepare_cached(
                "INSERT INTO project_lineage (predecessor_id, successor_id, kind, flag_id, linked_by, linked_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
            )?
            .query_row(
                params![pred_id, succ_id, kind.code(), flag_id, by, now_ts()],
                |r| r.get(0),
            )?)
    }
}
