//! Words of one or two characters (がん, 東京), too short for the trigram index: matched with
//! `instr()` against `project_short` (the folded 課題管理番号, title, PI and institution) on disk.
//! Nothing is copied into memory (at 1,000,000 projects the table holds about 130 MB).
//!
//! Two ways in, the same matches (exactly the projects `instr(text, word) > 0` holds for):
//! - the whole list scans the table once (`p.id IN (SELECT id FROM project_short WHERE …)`, see
//!   `store::filter`); the TUI runs it off the key path, on its list worker;
//! - the first screen ([`short_words_each`], used by `Store::project_ids_head`) tests each
//!   project of the head's window in 課題管理番号 order by its row id: a broad word (が) fills a
//!   screen within the first rows, and the window bounds the cost of a rare one.

use rusqlite::types::Value;

/// The condition that a project (`p`) holds every one of the short `words`, tested one project at
/// a time through `project_short`'s primary key, and its parameters (in order).
pub(super) fn short_words_each(words: &[&str]) -> (String, Vec<Value>) {
    let sql = words
        .iter()
        .map(|_| "instr(coalesce((SELECT s.text FROM project_short s WHERE s.id = p.id), ''), ?) > 0")
        .collect::<Vec<_>>()
        .join(" AND ");
    let params = words
        .iter()
        .map(|w| Value::Text((*w).to_string()))
        .collect();
    (sql, params)
}
