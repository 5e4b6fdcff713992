//! Words of one or two characters (がん, 東京), too short for the trigram index: matched against an
//! in-memory copy of `project_short` (the folded 課題管理番号, title, PI and institution), kept in
//! 課題管理番号 order. Scanning it in memory takes a few milliseconds where SQL's `instr()` over
//! the table, then sorting the matches, took about 30 at 100,000 projects.
//!
//! The copy is read on the second short word of a session (see [`Store::short_texts_ready`]) and
//! read again once the database changed: another connection's
//! commit moves `PRAGMA data_version`, this connection's own writes move the store's write count.
//! It holds the same rows the table does, so a word matches exactly the projects
//! `instr(text, word) > 0` matches.

use super::Store;
use crate::Result;

/// `project_short` in memory.
pub(super) struct ShortTexts {
    /// (`PRAGMA data_version`, the store's write count) when read.
    version: (i64, u64),
    /// Every text, one after the other in row order; entry `i` is `text[starts[i]..starts[i + 1]]`.
    text: String,
    starts: Vec<usize>,
    /// Project row id of each entry (ascending).
    ids: Vec<i64>,
    /// Entries in 課題管理番号 order.
    order: Vec<u32>,
}

impl ShortTexts {
    fn load(conn: &rusqlite::Connection, version: (i64, u64)) -> Result<ShortTexts> {
        // Two sequential reads, the texts in row order and the ids in 課題管理番号 order, are
        // cheaper than a join that visits the texts in 課題管理番号 order.
        let mut short = ShortTexts {
            version,
            text: String::new(),
            starts: vec![0],
            ids: Vec::new(),
            order: Vec::new(),
        };
        let mut stmt = conn.prepare("SELECT id, text FROM project_short ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            short.ids.push(r.get(0)?);
            let text = r.get_ref(1)?.as_str().map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, e.into())
            })?;
            short.text.push_str(text);
            short.starts.push(short.text.len());
        }
        let mut stmt =
            conn.prepare("SELECT id FROM project WHERE retired_at IS NULL ORDER BY amed_id")?;
        let mut rows = stmt.query([])?;
        short.order.reserve(short.ids.len());
        while let Some(r) = rows.next()? {
            // A project without a short row matches no short word (as with the `IN` subquery).
            if let Ok(entry) = short.ids.binary_search(&r.get(0)?) {
                short.order.push(entry as u32);
            }
        }
        Ok(short)
    }

    /// Row ids of the projects whose text contains every word, in 課題管理番号 order.
    fn matching(&self, words: &[&str]) -> Vec<i64> {
        // The texts are scanned in memory order; only the small match marks are then visited in
        // 課題管理番号 order.
        let hit: Vec<bool> = self
            .starts
            .windows(2)
            .map(|w| {
                let entry = &self.text[w[0]..w[1]];
                words.iter().all(|word| entry.contains(word))
            })
            .collect();
        self.order
            .iter()
            .map(|&i| i as usize)
            .filter(|&i| hit[i])
            .map(|i| self.ids[i])
            .collect()
    }
}

impl Store {
    /// Whether the in-memory copy is there for [`Store::short_matches`], reading it when the
    /// database changed since. The first short word of a session goes to SQL instead: a one-shot
    /// command (`show list --query がん`) would spend more reading the copy than it saves.
    pub(super) fn short_texts_ready(&self) -> Result<bool> {
        let version = (self.data_version()?, self.writes.get());
        let mut cache = self.short.borrow_mut();
        if cache.as_ref().is_some_and(|c| c.version == version) {
            return Ok(true);
        }
        *cache = None;
        if !self.short_used.replace(true) {
            return Ok(false);
        }
        *cache = Some(ShortTexts::load(&self.conn, version)?);
        Ok(true)
    }

    /// Row ids of the projects whose `project_short` text contains every one of `words`, in
    /// 課題管理番号 order (ascending, as stored text compares); empty unless
    /// [`Store::short_texts_ready`] said yes.
    pub(super) fn short_matches(&self, words: &[&str]) -> Vec<i64> {
        self.short
            .borrow()
            .as_ref()
            .map(|c| c.matching(words))
            .unwrap_or_default()
    }
}
