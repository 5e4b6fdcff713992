//! The pipeline matrix (integrated project or disease area × phase) and the headline figures
//! officers report against. A few grouped queries over covering indexes; no per-project work.

use super::filter::{LIVE, condition};
use super::{Store, codes};
use crate::Result;
use crate::model::{
    Coded, Date, Headline, Matrix, MatrixCell, MatrixOptions, MatrixRow, Phase, Pivot, Scope,
};
use crate::query::Filter;
use rusqlite::types::Value;
use std::collections::HashMap;

/// Which figure of a cell a grouped query fills.
#[derive(Clone, Copy)]
enum Figure {
    Projects,
    OpenFlags,
    FollowUpsDue,
    Budget,
}

pub(super) type Counts = HashMap<(i64, i64), MatrixCell>;

/// What every grouped query of one matrix shares.
struct Grouping<'a> {
    today: Date,
    options: &'a MatrixOptions,
    /// The dashboard's scope (`/`): a condition over `p` with its parameters; `None` unscoped.
    scope: Option<&'a Narrow>,
}

/// A scope's condition over `project p` (see `store::filter::condition`), retired projects left
/// out, with its positional parameters.
struct Narrow {
    /// `AND (condition)`.
    sql: String,
    /// The same as a set the query does not start from (`AND +p.id IN (…)`): for follow-ups,
    /// whose open-follow-up index must drive the query (starting from the scope's projects
    /// reads all their notes: 0.5 s for `ip:drug` at 100,000 projects, 0.07 s this way).
    late: String,
    params: Vec<Value>,
}

impl Narrow {
    /// The condition for `filter`, or `None` when the filter constrains nothing (the fast path).
    fn of(store: &Store, filter: &Filter, scope: &Scope) -> Result<Option<Narrow>> {
        if filter.is_empty() {
            return Ok(None);
        }
        let me = store.me(&scope.me)?;
        let cond = condition(filter, scope, &me);
        Ok(Some(Narrow {
            sql: format!("AND ({})", cond.sql),
            late: format!(
                "AND +p.id IN (SELECT p.id FROM project p WHERE {})",
                cond.sql
            ),
            params: cond.params,
        }))
    }
}

/// The ids of retired projects (few; read through the `project_retired` partial index).
const RETIRED: &str = "(SELECT id FROM project WHERE retired_at IS NOT NULL)";

impl Store {
    /// The matrix for `pivot` as of `today` (follow-ups dated today or earlier count as due).
    /// Rows: every 3rd-period integrated project (also when empty) and 2nd-period ones holding
    /// projects; or every disease area, parents counting distinct projects of their sub-areas.
    pub fn matrix(&self, pivot: Pivot, today: Date) -> Result<Matrix> {
        self.matrix_with(pivot, today, &MatrixOptions::default())
    }

    /// The matrix narrowed to some officers' projects and/or with a fiscal year's budget sums.
    pub fn matrix_with(
        &self,
        pivot: Pivot,
        today: Date,
        options: &MatrixOptions,
    ) -> Result<Matrix> {
        self.matrix_in(pivot, today, options, None)
    }

    /// The matrix of the projects matching `filter` (the dashboard's scope, in the list's filter
    /// language; `scope` says who "mine" is and what today is): every cell and total narrowed.
    pub fn matrix_scoped(
        &self,
        pivot: Pivot,
        today: Date,
        options: &MatrixOptions,
        filter: &Filter,
        scope: &Scope,
    ) -> Result<Matrix> {
        let narrow = Narrow::of(self, filter, scope)?;
        self.matrix_in(pivot, today, options, narrow.as_ref())
    }

    fn matrix_in(
        &self,
        pivot: Pivot,
        today: Date,
        options: &MatrixOptions,
        scope: Option<&Narrow>,
    ) -> Result<Matrix> {
        let reference = self.reference()?;
        // Unscoped, everyone's or one officer's: the kept counts (`store::tally`). A scope's set
        // is arbitrary and two officers may share a project: those are counted here.
        let kept = match (scope, options.officers.as_deref()) {
            (None, None) => Some(0),
            (None, Some(&[one])) => Some(one),
            _ => None,
        };
        let year = options.budget_year.map(|y| i64::from(y.0));
        let grouped = |dim: &str, key: &str, join: &str, q: &Grouping<'_>| match kept {
            Some(officer) => self.tally_counts(officer, dim, today, year),
            None => self.grouped(key, join, q),
        };
        let mut rows = Vec::new();
        let q = Grouping {
            today,
            options,
            scope,
        };
        match pivot {
            Pivot::IntegratedProject => {
                let counts = grouped("ip", "p.integrated_project_id", "", &q)?;
                for ip in &reference.integrated_projects {
                    let row = make_row(
                        ip.id,
                        &ip.code,
                        &ip.name_ja,
                        &ip.name_en,
                        (0, ip.period),
                        &counts,
                    );
                    if ip.period == 3 || row.total.projects > 0 {
                        rows.push(row);
                    }
                }
            }
            Pivot::DiseaseArea => {
                let join = "JOIN project_disease_area x ON x.project_id = p.id
                            JOIN disease_area a ON a.id = x.disease_area_id";
                let leaf = grouped("area", "a.id", join, &q)?;
                let top = grouped("top", "coalesce(a.parent_id, a.id)", join, &q)?;
                for area in &reference.disease_areas {
                    let (depth, counts) = if area.parent_id.is_some() {
                        (1, &leaf)
                    } else {
                        (0, &top)
                    };
                    rows.push(make_row(
                        area.id,
                        &area.code,
                        &area.name_ja,
                        &area.name_en,
                        (depth, 0),
                        counts,
                    ));
                }
            }
        }
        let mut column_totals = [MatrixCell::default(); 5];
        let mut total = MatrixCell::default();
        if pivot == Pivot::IntegratedProject {
            // Every project has exactly one integrated project: the rows add up to the totals.
            for row in &rows {
                for (sum, cell) in column_totals.iter_mut().zip(&row.cells) {
                    sum.add(cell);
                }
            }
        } else {
            let column = match kept {
                // Every project once per phase: the integrated projects' cells folded.
                Some(_) => {
                    let mut column = Counts::new();
                    for ((_, phase), cell) in grouped("ip", "", "", &q)? {
                        column.entry((0, phase)).or_default().add(&cell);
                    }
                    column
                }
                None => self.grouped("0", "", &q)?,
            };
            for phase in Phase::ALL {
                column_totals[phase.index()] =
                    column.get(&(0, phase.ord())).copied().unwrap_or_default();
            }
        }
        for cell in &column_totals {
            total.add(cell);
        }
        Ok(Matrix {
            pivot,
            options: options.clone(),
            rows,
            column_totals,
            total,
        })
    }

    /// Counts per (key, phase) of projects, projects with an open flag and projects with a
    /// follow-up due (and budget sums when asked); `key` is an SQL expression over `p` and the
    /// tables of `join`.
    fn grouped(&self, key: &str, join: &str, q: &Grouping<'_>) -> Result<Counts> {
        let mut counts = Counts::new();
        // Without a join a project is one row (and has at most one open flag): no DISTINCT,
        // which spares SQLite a temporary b-tree per query.
        let distinct = if join.is_empty() {
            "count(*)"
        } else {
            "count(DISTINCT p.id)"
        };
        // `column IN (my projects)`, or nothing when the matrix is everyone's.
        let narrow_on = |column: &str| match &q.options.officers {
            Some(ids) => format!(
                "AND {column} IN (SELECT project_id FROM project_officer WHERE officer_id IN ({}))",
                ids.iter()
                    .map(i64::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            None => String::new(),
        };
        // The scope's condition, after every numbered parameter (`?1`) of the queries below.
        let (scoped, scoped_late, scope_params) = match q.scope {
            Some(n) => (n.sql.as_str(), n.late.as_str(), n.params.as_slice()),
            None => ("", "", &[][..]),
        };
        // Retired projects count nowhere.
        let narrow = format!("AND {LIVE} {}{scoped}", narrow_on("p.id"));
        // For follow-ups the open-follow-up index must drive the query: with a bare `p.id IN`,
        // SQLite starts from my projects and reads all their notes (0.6 s at 100,000 projects);
        // `+p.id` keeps the term from choosing the plan.
        let narrow_late = format!("AND {LIVE} {}{scoped_late}", narrow_on("+p.id"));
        let mut queries = vec![
            (
                Figure::Projects,
                format!(
                    "SELECT {key}, p.phase, {distinct} FROM project p {join} WHERE 1 {narrow} GROUP BY 1, 2"
                ),
            ),
            (
                Figure::OpenFlags,
                format!(
                    "SELECT {key}, p.phase, {distinct} FROM highway_flag f
                     JOIN project p ON p.id = f.project_id {join}
                     WHERE f.status IN ('candidate', 'recommended') {narrow} GROUP BY 1, 2"
                ),
            ),
            (
                Figure::FollowUpsDue,
                format!(
                    "SELECT {key}, p.phase, count(DISTINCT p.id) FROM note n
                     JOIN project p ON p.id = n.project_id {join}
                     WHERE n.follow_up_on IS NOT NULL AND n.follow_up_done_at IS NULL
                       AND n.deleted_at IS NULL AND n.follow_up_on <= ?1 {narrow_late} GROUP BY 1, 2"
                ),
            ),
        ];
        if q.options.budget_year.is_some() {
            let sql = if join.is_empty() {
                // One row per project and year: a plain sum (DISTINCT would cost 3x at 100,000).
                format!(
                    "SELECT {key}, p.phase, sum(b.amount_kyen)
                     FROM budget_allocation b JOIN project p ON p.id = b.project_id
                     WHERE b.fiscal_year = ?1 {narrow} GROUP BY 1, 2"
                )
            } else {
                // A project in two sub-areas adds its budget to their parent once.
                format!(
                    "SELECT k, ph, sum(amount) FROM (
                       SELECT DISTINCT {key} AS k, p.phase AS ph, p.id, b.amount_kyen AS amount
                       FROM budget_allocation b JOIN project p ON p.id = b.project_id {join}
                       WHERE b.fiscal_year = ?1 {narrow})
                     GROUP BY 1, 2"
                )
            };
            queries.push((Figure::Budget, sql));
        }
        for (figure, sql) in queries {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let first = match figure {
                Figure::FollowUpsDue => Some(Value::Text(q.today.to_string())),
                Figure::Budget => Some(Value::Integer(
                    q.options.budget_year.map_or(0, |y| i64::from(y.0)),
                )),
                _ => None,
            };
            let mut rows =
                stmt.query(rusqlite::params_from_iter(first.iter().chain(scope_params)))?;
            while let Some(r) = rows.next()? {
                let cell = counts.entry((r.get(0)?, r.get(1)?)).or_default();
                let n: i64 = r.get(2)?;
                match figure {
                    Figure::Projects => cell.projects = n,
                    Figure::OpenFlags => cell.open_flags = n,
                    Figure::FollowUpsDue => cell.follow_ups_due = n,
                    Figure::Budget => cell.budget_kyen = n,
                }
            }
        }
        Ok(counts)
    }

    /// The headline figures of the projects the dashboard shows: those matching `filter` (the
    /// scope) and, with `options.officers`, assigned to those officers; everyone's figures
    /// ([`Store::headline`]) when neither narrows.
    pub fn headline_scoped(
        &self,
        today: Date,
        options: &MatrixOptions,
        filter: &Filter,
        scope: &Scope,
    ) -> Result<Headline> {
        let narrow = Narrow::of(self, filter, scope)?;
        match (&narrow, options.officers.as_deref()) {
            (None, None) => return self.headline(today),
            (None, Some(&[one])) => return self.tally_headline(one, today),
            _ => {}
        }
        let officers = options.officers.as_ref().map(|ids| {
            let ids: Vec<String> = ids.iter().map(i64::to_string).collect();
            format!(
                "(SELECT project_id FROM project_officer WHERE officer_id IN ({}))",
                ids.join(", ")
            )
        });
        // The projects shown, as a condition over `p`…
        let mut on_p = LIVE.to_string();
        if let Some(mine) = &officers {
            on_p.push_str(&format!(" AND p.id IN {mine}"));
        }
        let params = match &narrow {
            Some(n) => {
                on_p.push(' ');
                on_p.push_str(&n.sql);
                n.params.clone()
            }
            None => Vec::new(),
        };
        // …and as a set of ids for outcomes, flags and notes (`plus`: the set must not drive the
        // query, the row's own index must). Mine only: my ids less the few retired, which spares
        // a project row per outcome, flag or note (40 -> 10 ms at 100,000 projects).
        let in_scope = |column: &str, plus: bool| {
            let plus = if plus { "+" } else { "" };
            match (&narrow, &officers) {
                (None, Some(mine)) => {
                    format!("{column} NOT IN {RETIRED} AND {plus}{column} IN {mine}")
                }
                _ => format!(
                    "{plus}{column} IN (SELECT p.id FROM project p WHERE ?1 = ?1 AND {on_p})"
                ),
            }
        };
        // `?1` is today: every query names it before the scope's own (positional) parameters.
        let today = Value::Text(today.to_string());
        let one = |figure: &str| -> Result<i64> {
            let mut stmt = self.conn.prepare_cached(figure)?;
            let args = std::iter::once(&today).chain(&params);
            Ok(stmt.query_row(rusqlite::params_from_iter(args), |r| r.get(0))?)
        };
        let mut h = Headline::default();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT p.phase, count(*) FROM project p WHERE ?1 = ?1 AND {on_p} GROUP BY p.phase"
        ))?;
        let mut rows = stmt.query(rusqlite::params_from_iter(
            std::iter::once(&today).chain(&params),
        ))?;
        while let Some(r) = rows.next()? {
            h.per_phase[codes::phase(r, 0)?.index()] = r.get(1)?;
        }
        h.projects = h.per_phase.iter().sum();
        h.licensed = one(&match (&narrow, &officers) {
            (None, Some(_)) => format!(
                "SELECT count(*) FROM (
                   SELECT id FROM project
                   WHERE licensing_status IN ('assignment', 'license', 'joint_development')
                     AND retired_at IS NULL AND ?1 = ?1 AND {}
                   UNION
                   SELECT project_id FROM outcome
                   WHERE kind = 'licensing' AND deleted_at IS NULL AND {})",
                in_scope("id", true),
                in_scope("project_id", false)
            ),
            _ => format!(
                "SELECT count(*) FROM project p WHERE ?1 = ?1 AND {on_p}
                   AND (p.licensing_status IN ('assignment', 'license', 'joint_development')
                        OR p.id IN (SELECT project_id FROM outcome
                                    WHERE kind = 'licensing' AND deleted_at IS NULL))"
            ),
        })?;
        h.approvals = one(&format!(
            "SELECT count(*) FROM outcome
             WHERE ?1 = ?1 AND kind = 'regulatory_approval' AND deleted_at IS NULL AND {}",
            in_scope("project_id", false)
        ))?;
        h.open_flags = one(&format!(
            "SELECT count(*) FROM highway_flag
             WHERE ?1 = ?1 AND status IN ('candidate', 'recommended') AND {}",
            in_scope("project_id", false)
        ))?;
        h.overdue_follow_ups = one(&format!(
            "SELECT count(*) FROM note
             WHERE follow_up_on IS NOT NULL AND follow_up_done_at IS NULL
               AND deleted_at IS NULL AND follow_up_on < ?1 AND {}",
            in_scope("project_id", true)
        ))?;
        Ok(h)
    }

    /// The headline figures as of `today` (from the kept counts).
    pub fn headline(&self, today: Date) -> Result<Headline> {
        self.tally_headline(0, today)
    }
}

fn make_row(
    id: i64,
    code: &str,
    ja: &str,
    en: &str,
    (depth, period): (u8, i64),
    counts: &Counts,
) -> MatrixRow {
    let mut cells = [MatrixCell::default(); 5];
    let mut total = MatrixCell::default();
    for phase in Phase::ALL {
        let cell = counts.get(&(id, phase.ord())).copied().unwrap_or_default();
        cells[phase.index()] = cell;
        total.add(&cell);
    }
    MatrixRow {
        id,
        code: code.to_string(),
        name_ja: ja.to_string(),
        name_en: en.to_string(),
        depth,
        period,
        cells,
        total,
    }
}
