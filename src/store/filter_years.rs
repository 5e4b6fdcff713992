//! The filter terms about fiscal years: `fy:` (funded in the years: the projects behind a budget
//! pivot cell) and `inphase:` / `moved:` (in a phase during a year, moved on from it: the projects
//! behind a funnel cell). Their SQL counts exactly what `Store::budget_pivot` and `Store::funnel`
//! count, so a cell's figure and the length of the list it opens agree.

use crate::model::{FiscalYear, Phase};
use crate::query::Filter;
use rusqlite::types::Value;

/// Each project's stays in a phase, from `phase_change` (in the order `Store::funnel` reads it): the
/// phase, the day it began, the day the next change ended it (`NULL`: still there) and the phase
/// it moved to.
const STAYS: &str = "SELECT project_id, to_phase AS phase, changed_on AS from_on,
        lead(changed_on) OVER w AS to_on, lead(to_phase) OVER w AS next_phase
     FROM phase_change WINDOW w AS (PARTITION BY project_id ORDER BY changed_on, id)";

/// Adds the conditions of `filter`'s fiscal-year terms to `parts` (over `project p`).
pub(crate) fn add(filter: &Filter, parts: &mut Vec<String>, params: &mut Vec<Value>) {
    if let Some((from, to)) = filter.funded {
        parts.push(format!(
            "p.id IN (SELECT project_id FROM budget_allocation
                      WHERE fiscal_year BETWEEN {} AND {} AND amount_kyen > 0)",
            from.0, to.0
        ));
    }
    if let Some((phase, year)) = filter.in_phase {
        parts.push(stays(
            phase,
            "s.from_on <= ? AND (s.to_on IS NULL OR s.to_on >= ?)",
        ));
        let (start, end) = span(year);
        params.extend([end, start]);
    }
    if let Some((phase, year)) = filter.moved {
        parts.push(stays(
            phase,
            "s.from_on <= ? AND s.to_on BETWEEN ? AND ? AND s.next_phase > s.phase",
        ));
        let (start, end) = span(year);
        params.extend([end.clone(), start, end]);
    }
}

fn stays(phase: Phase, when: &str) -> String {
    format!(
        "p.id IN (SELECT s.project_id FROM ({STAYS}) s WHERE s.phase = {} AND {when})",
        phase.ord()
    )
}

fn span(year: FiscalYear) -> (Value, Value) {
    let (start, end) = year.span();
    (Value::Text(start.to_string()), Value::Text(end.to_string()))
}
