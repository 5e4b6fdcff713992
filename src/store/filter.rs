//! Turning a [`Filter`] into an SQL condition over `project p`. Ids and codes are inlined (they
//! come from the reference data or enums); everything typed by the user is a bound parameter.

use crate::model::{Coded, Date};
use crate::query::{DueFilter, Filter, FlagFilter};
use rusqlite::types::Value;

/// An SQL boolean expression over `p` with its parameters.
pub(crate) struct Condition {
    pub sql: String,
    pub params: Vec<Value>,
}

fn ids(list: &[i64]) -> String {
    list.iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Escapes `%`, `_` and `\` for `LIKE … ESCAPE '\'`.
fn like_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Trigram FTS needs three characters; a phrase in double quotes matches the text as typed.
fn fts_phrase(word: &str) -> String {
    format!("\"{}\"", word.replace('"', "\"\""))
}

/// Whether `word` is too short for the trigram index (one or two characters).
pub(crate) fn is_short(word: &str) -> bool {
    word.chars().count() < 3
}

/// Builds the condition for `filter` as of `today` (`1` when nothing is constrained).
/// `short_ids` holds, for each short word, the JSON array of the projects whose
/// `project_short` text contains it (see `store::short`): such words become an id list.
pub(crate) fn condition(
    filter: &Filter,
    today: Date,
    short_ids: &std::collections::HashMap<&str, String>,
) -> Condition {
    let mut parts: Vec<String> = Vec::new();
    let mut params: Vec<Value> = Vec::new();
    for word in &filter.words {
        if let Some(json) = short_ids.get(word.as_str()) {
            parts.push("p.id IN (SELECT value FROM json_each(?))".into());
            params.push(Value::Text(json.clone()));
        } else if !is_short(word) {
            parts.push(
                "(p.id IN (SELECT rowid FROM project_fts WHERE project_fts MATCH ?)
                  OR p.id IN (SELECT n.project_id FROM note n
                              WHERE n.id IN (SELECT rowid FROM note_fts WHERE note_fts MATCH ?)
                                AND n.deleted_at IS NULL))"
                    .into(),
            );
            params.push(Value::Text(fts_phrase(word)));
            params.push(Value::Text(fts_phrase(word)));
        } else {
            // Too short for trigrams (がん, 東京): scan the compact folded copy of the id, title, PI
            // and institution (`project_short`, a few MB at 100,000 projects). Summaries and notes
            // are searched from three characters on: scanning them would not be instant.
            parts.push("p.id IN (SELECT id FROM project_short WHERE instr(text, ?) > 0)".into());
            params.push(Value::Text(word.clone()));
        }
    }
    if let Some(list) = &filter.integrated_projects {
        parts.push(format!("p.integrated_project_id IN ({})", ids(list)));
    }
    if let Some(list) = &filter.disease_areas {
        parts.push(format!(
            "EXISTS (SELECT 1 FROM project_disease_area x WHERE x.project_id = p.id AND x.disease_area_id IN ({}))",
            ids(list)
        ));
    }
    if let Some((from, to)) = filter.phases {
        parts.push(format!("p.phase BETWEEN {} AND {}", from.ord(), to.ord()));
    }
    if let Some(list) = &filter.modalities {
        let codes: Vec<String> = list.iter().map(|m| format!("'{}'", m.code())).collect();
        parts.push(format!("p.modality IN ({})", codes.join(", ")));
    }
    if let Some(list) = &filter.programs {
        parts.push(format!("p.program_id IN ({})", ids(list)));
    }
    if let Some(names) = &filter.officers {
        let any: Vec<&str> = names
            .iter()
            .map(|_| "replace(replace(lower(o.name), ' ', ''), '　', '') LIKE ? ESCAPE '\\'")
            .collect();
        parts.push(format!(
            "EXISTS (SELECT 1 FROM project_officer po JOIN officer o ON o.id = po.officer_id
                     WHERE po.project_id = p.id AND ({}))",
            any.join(" OR ")
        ));
        params.extend(
            names
                .iter()
                .map(|n| Value::Text(format!("%{}%", like_escape(n)))),
        );
    }
    if let Some(ids) = &filter.ids {
        let any: Vec<&str> = ids.iter().map(|_| "p.amed_id LIKE ? ESCAPE '\\'").collect();
        parts.push(format!("({})", any.join(" OR ")));
        params.extend(
            ids.iter()
                .map(|i| Value::Text(format!("{}%", like_escape(i)))),
        );
    }
    if let Some(flag) = filter.flag {
        let exists = "EXISTS (SELECT 1 FROM highway_flag f WHERE f.project_id = p.id";
        parts.push(match flag {
            FlagFilter::Open => format!("{exists} AND f.status IN ('candidate', 'recommended'))"),
            FlagFilter::Any => format!("{exists})"),
            FlagFilter::None => format!("NOT {exists})"),
            FlagFilter::Status(s) => format!("{exists} AND f.status = '{}')", s.code()),
        });
    }
    if let Some(due) = filter.due {
        let today_s = today.to_string();
        let week = today
            .checked_add_days(chrono::Days::new(7))
            .unwrap_or(today)
            .to_string();
        let (cond, values): (&str, Vec<String>) = match due {
            DueFilter::Overdue => ("n.follow_up_on < ?", vec![today_s]),
            DueFilter::Today => ("n.follow_up_on = ?", vec![today_s]),
            DueFilter::Due => ("n.follow_up_on <= ?", vec![today_s]),
            DueFilter::Week => ("n.follow_up_on BETWEEN ? AND ?", vec![today_s, week]),
        };
        // IN (…) rather than EXISTS: SQLite then reads the partial index of open follow-ups
        // once, instead of probing every project's notes.
        parts.push(format!(
            "p.id IN (SELECT n.project_id FROM note n WHERE n.follow_up_on IS NOT NULL
                     AND n.follow_up_done_at IS NULL AND n.deleted_at IS NULL AND {cond})"
        ));
        params.extend(values.into_iter().map(Value::Text));
    }
    Condition {
        sql: if parts.is_empty() {
            "1".into()
        } else {
            parts.join("\n AND ")
        },
        params,
    }
}
