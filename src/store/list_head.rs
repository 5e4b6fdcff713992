//! The first screen of a list before the whole of it: the matching projects among the first
//! few thousand in 課題管理番号 order. A broad filter (a third of 100,000 projects) takes tens of
//! milliseconds to list and sort in full (ten times that at 1,000,000); its first screen is found
//! in this window in a few, whatever the size of the database, so the TUI draws it at once and
//! loads the full list off the key path (`tui::worker`). A rare filter finds fewer than a screen
//! in the window: those are shown, the rest arrives with the full list.

use super::Store;
use super::filter::{condition_probing, is_short};
use super::short::short_words_each;
use crate::Result;
use crate::model::{Scope, Sort, SortKey};
use crate::query::Filter;

/// Projects looked at, in 課題管理番号 order, before the head gives up (the cost bound).
const WINDOW: usize = 4_000;

impl Store {
    /// The first `limit` ids of what [`Store::project_ids`] would answer, looked for among the
    /// first [`WINDOW`] projects of 課題管理番号 order: all `limit` of them when the window holds
    /// them; else the matches found there, which are the start of the answer (the caller loads
    /// the whole list to know the rest). `None` for another sort: the caller loads in full.
    pub fn project_ids_head(
        &self,
        filter: &Filter,
        sort: Sort,
        scope: &Scope,
        limit: usize,
    ) -> Result<Option<Vec<i64>>> {
        // The highway queue as opened: from the flags' index (issue 15).
        if super::highway_queue::is_queue(filter, sort) && limit > 0 {
            return Ok(Some(self.highway_queue_head(sort.descending, limit)?));
        }
        if sort.key != SortKey::AmedId || limit == 0 {
            return Ok(None);
        }
        // Short words are tested project by project (see `store::short`), the others as the full
        // list tests them.
        let (short, long): (Vec<&String>, Vec<&String>) =
            filter.words.iter().partition(|w| is_short(w));
        let rest = Filter {
            words: long.into_iter().cloned().collect(),
            ..filter.clone()
        };
        let me = self.me(&scope.me)?;
        let mut cond = condition_probing(&rest, scope, &me);
        if !short.is_empty() {
            let words: Vec<&str> = short.iter().map(|w| w.as_str()).collect();
            let (sql, params) = short_words_each(&words);
            cond.sql = format!("({}) AND {sql}", cond.sql);
            cond.params.extend(params);
        }
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
        Ok(Some(ids))
    }
}
