//! The highway queue (every live project with an open highway flag, oldest flag first) read from
//! the flags' `(status, created_at)` index instead of testing every project: its first screen
//! walks the index from its oldest open flag, and the whole queue is read from the open flags
//! alone (at 1,000,000 projects, ~107,000 of them) rather than from a correlated sort of all
//! projects. A project has at most one open flag (`highway_flag_one_open`).

use super::Store;
use crate::Result;
use crate::model::{Sort, SortKey};
use crate::query::{Filter, FlagFilter};

/// The open statuses, each walked in `created_at` order through `highway_flag_status`.
const OPEN: [&str; 2] = ["candidate", "recommended"];

/// Whether `filter` and `sort` are the highway queue as opened: open flags only, by flag age
/// (other filters and sorts take the general path).
pub(super) fn is_queue(filter: &Filter, sort: Sort) -> bool {
    sort.key == SortKey::FlagAge
        && *filter
            == Filter {
                flag: Some(FlagFilter::Open),
                ..Filter::default()
            }
}

impl Store {
    /// The queue's first `limit` project ids: per open status, its oldest flags by the index
    /// (`SEARCH f USING INDEX highway_flag_status (status=?)`, at most `limit` entries), merged by
    /// age and 課題管理番号; flags as old as the last one taken are all read so that ties sort
    /// as the whole queue does.
    pub(super) fn highway_queue_head(&self, descending: bool, limit: usize) -> Result<Vec<i64>> {
        let dir = if descending { "DESC" } else { "ASC" };
        let live = "f.project_id NOT IN (SELECT id FROM project WHERE retired_at IS NOT NULL)";
        let mut rows: Vec<(String, String, i64)> = Vec::new();
        for status in OPEN {
            let sql = format!(
                "SELECT f.created_at, p.amed_id, p.id FROM highway_flag f JOIN project p ON p.id = f.project_id
                 WHERE f.status = ?1 AND {live} ORDER BY f.created_at {dir} LIMIT {limit}"
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let found = stmt.query_map([status], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            rows.extend(found.collect::<rusqlite::Result<Vec<_>>>()?);
        }
        let order = |rows: &mut Vec<(String, String, i64)>| {
            rows.sort();
            if descending {
                rows.reverse();
            }
        };
        order(&mut rows);
        if let Some((last, _, _)) = rows.get(limit.saturating_sub(1)).cloned() {
            // Every open flag as old as the last taken (`status=? AND created_at=?`).
            let sql = format!(
                "SELECT f.created_at, p.amed_id, p.id FROM highway_flag f JOIN project p ON p.id = f.project_id
                 WHERE f.status IN ('candidate', 'recommended') AND f.created_at = ?1 AND {live}"
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let ties = stmt.query_map([&last], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            rows.extend(ties.collect::<rusqlite::Result<Vec<_>>>()?);
            order(&mut rows);
            rows.dedup();
        }
        Ok(rows.into_iter().take(limit).map(|(_, _, id)| id).collect())
    }

    /// The whole queue's project ids, in order, from the open flags (`SEARCH f USING INDEX
    /// highway_flag_status (status=?)` for each open status, then a sort of the open flags only).
    pub(super) fn highway_queue(&self, descending: bool) -> Result<Vec<i64>> {
        let dir = if descending { "DESC" } else { "ASC" };
        let sql = format!(
            "SELECT p.id FROM highway_flag f JOIN project p ON p.id = f.project_id
             WHERE f.status IN ('candidate', 'recommended') AND p.retired_at IS NULL
             ORDER BY f.created_at {dir}, p.amed_id {dir}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let ids = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok(ids)
    }
}
