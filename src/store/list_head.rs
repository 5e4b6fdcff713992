//! The first screen of a list before the whole of it: the matching projects among the first
//! few thousand in 課題管理番号 order. A broad filter (a third of 100,000 projects) takes tens of
//! milliseconds to list and sort in full; its first screen is found in this window in a few, so
//! the TUI draws it at once and loads the full list right after the frame.

use super::Store;
use super::filter::condition;
use crate::Result;
use crate::model::{Scope, Sort, SortKey};
use crate::query::Filter;

/// Projects looked at, in 課題管理番号 order, before the head gives up (the cost bound).
const WINDOW: usize = 4_000;

impl Store {
    /// The first `limit` ids of what [`Store::project_ids`] would answer, when they can be found
    /// among the first [`WINDOW`] projects of the sort order; `None` when they cannot (a rare
    /// filter, a sort other than 課題管理番号) — the caller then loads the full list.
    pub fn project_ids_head(
        &self,
        filter: &Filter,
        sort: Sort,
        scope: &Scope,
        limit: usize,
    ) -> Result<Option<Vec<i64>>> {
        // Short words are answered from memory by `project_ids` (see `store::short`): faster than
        // any window.
        // The highway queue as opened: from the flags' index (issue 15).
        if super::highway_queue::is_queue(filter, sort) && limit > 0 {
            return Ok(Some(self.highway_queue_head(sort.descending, limit)?));
        }
        let short_words = filter.words.iter().any(|w| super::filter::is_short(w));
        if sort.key != SortKey::AmedId || limit == 0 || short_words {
            return Ok(None);
        }
        let me = self.me(&scope.me)?;
        let cond = condition(filter, scope, &me, &Default::default());
        let direction = if sort.descending { "DESC" } else { "ASC" };
        // CROSS JOIN keeps the window first: SQLite walks it in order and tests each project.
        let sql = format!(
            "SELECT p.id FROM (SELECT id, amed_id FROM project ORDER BY amed_id {direction} LIMIT {WINDOW}) AS w
             CROSS JOIN project p ON p.id = w.id
             WHERE {} ORDER BY w.amed_id {direction} LIMIT {limit}",
            cond.sql
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let ids = stmt
            .query_map(rusqlite::params_from_iter(cond.params.iter()), |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        // Fewer than asked: the answer may continue past the window, unless it held everything.
        // (Whether projects lie past the window: one bounded step, not a count of all of them.)
        let beyond_window = self
            .conn
            .prepare_cached(&format!("SELECT 1 FROM project LIMIT 1 OFFSET {WINDOW}"))?
            .exists([])?;
        if ids.len() == limit || !beyond_window {
            Ok(Some(ids))
        } else {
            Ok(None)
        }
    }
}
