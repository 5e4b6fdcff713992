//! Turning a [`Filter`] into an SQL condition over `project p`. Ids and codes are inlined (they
//! come from the reference data or enums); everything typed by the user is a bound parameter.

use crate::model::Me;
use crate::model::{Coded, Scope};
use crate::query::{Filter, FlagFilter, MineFilter};
use rusqlite::types::Value;

/// The condition every view puts on `project p`: not retired (see `Store::retire_project`).
pub(crate) const LIVE: &str = "p.retired_at IS NULL";

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

/// Builds the condition for `filter` in `scope` (today, who "me" is: `me` as resolved by
/// [`Store::me`](super::Store::me)); retired projects are always left out.
pub(crate) fn condition(filter: &Filter, scope: &Scope, me: &Me) -> Condition {
    build(filter, scope, me, Probe::Set)
}

/// The same condition tested project by project (`EXISTS` over a per-project index) where the
/// whole-list form builds a set first: for a list's first screen, which tests a few thousand
/// projects and must not read every open follow-up of a million projects to do it.
pub(crate) fn condition_probing(filter: &Filter, scope: &Scope, me: &Me) -> Condition {
    build(filter, scope, me, Probe::EachProject)
}

/// How a term over other tables meets the project: as a set built once (the whole list: one
/// pass over a partial index), or probed per project (a window of projects: one index seek each).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Probe {
    Set,
    EachProject,
}

fn build(filter: &Filter, scope: &Scope, me: &Me, probe: Probe) -> Condition {
    // A retired project (entered by mistake) is in no view: every condition leaves it out.
    let mut parts: Vec<String> = vec![LIVE.into()];
    let mut params: Vec<Value> = Vec::new();
    for word in &filter.words {
        if !is_short(word) {
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
        let (from, to) = due.range(scope.today);
        let from = from.map_or_else(|| "0000-01-01".to_string(), |d| d.to_string());
        let to = to.map_or_else(|| "9999-12-31".to_string(), |d| d.to_string());
        // IN (…) rather than EXISTS: SQLite then reads the partial indexes of open follow-ups
        // and open deadlines once, instead of probing every project's notes.
        if probe == Probe::EachProject {
            // One seek each in the per-project partial indexes of open items (schema v12).
            parts.push(
                "(EXISTS (SELECT 1 FROM note n WHERE n.project_id = p.id AND n.follow_up_on IS NOT NULL
                            AND n.follow_up_done_at IS NULL AND n.deleted_at IS NULL
                            AND n.follow_up_on BETWEEN ? AND ?)
                  OR EXISTS (SELECT 1 FROM deadline d WHERE d.project_id = p.id AND d.done_on IS NULL
                            AND d.due_on BETWEEN ? AND ?))"
                    .into(),
            );
        } else {
            parts.push(
                "p.id IN (SELECT n.project_id FROM note n WHERE n.follow_up_on IS NOT NULL
                        AND n.follow_up_done_at IS NULL AND n.deleted_at IS NULL
                        AND n.follow_up_on BETWEEN ? AND ?
                      UNION ALL
                      SELECT d.project_id FROM deadline d WHERE d.done_on IS NULL
                        AND d.due_on BETWEEN ? AND ?)"
                    .into(),
            );
        }
        params.extend([from.clone(), to.clone(), from, to].map(Value::Text));
    }
    if let Some(mine) = filter.mine {
        let assigned = match probe {
            Probe::Set => format!(
                "p.id IN (SELECT project_id FROM project_officer WHERE officer_id IN ({}))",
                ids(&me.officer_ids)
            ),
            // The assignment table's key is (project, officer): one seek per project.
            Probe::EachProject => format!(
                "EXISTS (SELECT 1 FROM project_officer po WHERE po.project_id = p.id
                           AND po.officer_id IN ({}))",
                ids(&me.officer_ids)
            ),
        };
        let watched = "p.id IN (SELECT project_id FROM watch WHERE officer = ?)";
        match mine {
            MineFilter::Assigned => parts.push(assigned),
            MineFilter::NotMine => parts.push(format!("NOT {assigned}")),
            MineFilter::Portfolio => {
                parts.push(format!("({assigned} OR {watched})"));
                params.push(Value::Text(me.key.clone()));
            }
        }
    }
    if let Some(on) = filter.watched {
        let not = if on { "" } else { "NOT " };
        parts.push(format!(
            "{not}p.id IN (SELECT project_id FROM watch WHERE officer = ?)"
        ));
        params.push(Value::Text(me.key.clone()));
    }
    if let Some(on) = filter.stalled {
        // 実用化 is where a seed is meant to stay: it never counts as stalled.
        let stalled =
            "(p.phase < 5 AND p.id IN (SELECT project_id FROM phase_entered WHERE entered_on < ?))";
        parts.push(if on {
            stalled.to_string()
        } else {
            format!("NOT {stalled}")
        });
        params.push(Value::Text(scope.stalled_before().to_string()));
    }
    if let Some(o) = &filter.outcome {
        let mut sql =
            "p.id IN (SELECT o.project_id FROM outcome o WHERE o.deleted_at IS NULL".to_string();
        if let Some(kinds) = &o.kinds {
            let codes: Vec<String> = kinds.iter().map(|k| format!("'{}'", k.code())).collect();
            sql.push_str(&format!(" AND o.kind IN ({})", codes.join(", ")));
        }
        if let Some(year) = o.year {
            let (from, to) = year.span();
            sql.push_str(" AND o.occurred_on BETWEEN ? AND ?");
            params.extend([from.to_string(), to.to_string()].map(Value::Text));
        }
        sql.push(')');
        parts.push(sql);
    }
    super::filter_years::add(filter, &mut parts, &mut params);
    super::filter_ending::add(filter, scope.today, &mut parts, &mut params);
    Condition {
        sql: parts.join("\n AND "),
        params,
    }
}
