//! The filter term `ending:` (the matching radar): projects whose end date falls in a window (or
//! passed) and whose seed has no decision yet. "No decision" means no highway flag accepted or
//! declined (a withdrawn flag took the nomination back and decided nothing about the seed; an
//! open one is the decision under way, shown on the radar) and no successor project recorded in
//! `project_lineage` (a retired successor, entered by mistake, does not count).

use crate::query::Filter;
use rusqlite::types::Value;

/// Adds the condition of `filter`'s `ending:` term to `parts` (over `project p`), as of `today`.
pub(crate) fn add(
    filter: &Filter,
    today: crate::model::Date,
    parts: &mut Vec<String>,
    params: &mut Vec<Value>,
) {
    let Some(ending) = filter.ending else {
        return;
    };
    let (from, to) = ending.range(today);
    let from = from.map_or_else(|| "0000-01-01".to_string(), |d| d.to_string());
    let to = to.map_or_else(|| "9999-12-31".to_string(), |d| d.to_string());
    parts.push(
        "(p.end_date BETWEEN ? AND ?
          AND NOT EXISTS (SELECT 1 FROM highway_flag f WHERE f.project_id = p.id
                            AND f.status IN ('accepted', 'declined'))
          AND NOT EXISTS (SELECT 1 FROM project_lineage l JOIN project s ON s.id = l.successor_id
                            WHERE l.predecessor_id = p.id AND s.retired_at IS NULL))"
            .into(),
    );
    params.extend([from, to].map(Value::Text));
}
