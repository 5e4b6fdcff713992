//! The recount of each maintained portfolio tally (schema v11), as SQL: `seedline doctor` compares
//! the kept rows with these, `doctor --rebuild-counts` refills the tables from them, and the end of
//! a bulk write's pause (`tally::paused`) adds the contributions of the projects it touched (the
//! same recount narrowed to `budget_pending` / `funnel_pending`). Same figures as the fill in
//! `migrate_v11.sql`. Also checked and rebuilt here, kept row by row without a pause: the funnel's
//! stalled figure per entry day (v13), the due board's open deadlines per officer and day (v14),
//! its open follow-ups per author and day and unassigned deadlines per day (v18), and its open
//! deadlines per pair of officers of one project and day (v19).

use crate::Result;
use rusqlite::Transaction;

/// The fiscal year (April to March) of a `YYYY-MM-DD` column, as SQL.
fn fiscal_year(column: &str) -> String {
    format!("(CAST(substr({column}, 1, 4) AS INTEGER) - (substr({column}, 6, 2) < '04'))")
}

/// Every stay in a phase of live projects (`to_on` NULL for the current one), narrowed by `only`.
fn stays(only: &str) -> String {
    format!(
        "SELECT c.project_id AS project_id, p.integrated_project_id AS ip, c.to_phase AS phase,
                c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                lead(c.to_phase) OVER w AS next_phase
         FROM phase_change c JOIN project p ON p.id = c.project_id
         WHERE p.retired_at IS NULL {only}
         WINDOW w AS (PARTITION BY c.project_id ORDER BY c.changed_on, c.id)"
    )
}

/// One kept table: its name, its key and counted columns, the pending table of its triggers (none
/// when its triggers keep it row by row even during a bulk write's pause), and how its rows are
/// recounted (`only` narrows the projects; empty for all of them).
struct Tally {
    table: &'static str,
    key: &'static str,
    counts: &'static [&'static str],
    pending: Option<&'static str>,
    recount: fn(&str) -> String,
}

fn budget_recount(only: &str) -> String {
    format!(
        "SELECT d.rows_by, CASE d.rows_by WHEN 1 THEN p.integrated_project_id
                WHEN 2 THEN p.program_id ELSE p.phase END, b.fiscal_year, count(*), sum(b.amount_kyen)
         FROM budget_allocation b JOIN project p ON p.id = b.project_id,
              (SELECT 1 AS rows_by UNION ALL SELECT 2 UNION ALL SELECT 3) d
         WHERE p.retired_at IS NULL {} GROUP BY 1, 2, 3",
        only.replace("{id}", "b.project_id")
    )
}

fn open_recount(only: &str) -> String {
    format!(
        "SELECT ip, phase, {}, count(*) FROM ({}) WHERE to_on IS NULL GROUP BY 1, 2, 3",
        fiscal_year("from_on"),
        stays(&only.replace("{id}", "c.project_id"))
    )
}

fn stay_days_recount(only: &str) -> String {
    format!(
        "SELECT {}, ip, phase, CAST(round(julianday(to_on) - julianday(from_on)) AS INTEGER), count(*)
         FROM ({}) WHERE to_on IS NOT NULL GROUP BY 1, 2, 3, 4",
        fiscal_year("to_on"),
        stays(&only.replace("{id}", "c.project_id"))
    )
}

fn funnel_recount(only: &str) -> String {
    let s = stays(&only.replace("{id}", "c.project_id"));
    format!(
        "SELECT year, ip, phase, sum(inside), sum(advanced) FROM (
           SELECT project_id, ip, year, phase, max(inside) AS inside, max(advanced) AS advanced FROM (
             SELECT s.project_id, s.ip, y.year AS year, s.phase, 1 AS inside, 0 AS advanced
             FROM ({s}) s
             JOIN fiscal_year_list y ON y.year BETWEEN {from} AND {to}
             JOIN ({s}) o ON o.project_id = s.project_id AND o.to_on IS NULL
             WHERE s.to_on IS NOT NULL AND NOT (s.phase = o.phase AND y.year >= {open})
             UNION ALL
             SELECT project_id, ip, {to_plain}, phase, 0, 1 FROM ({s})
             WHERE to_on IS NOT NULL AND next_phase > phase)
           GROUP BY project_id, year, phase)
         GROUP BY year, ip, phase",
        from = fiscal_year("s.from_on"),
        to = fiscal_year("s.to_on"),
        open = fiscal_year("o.from_on"),
        to_plain = fiscal_year("to_on"),
    )
}

/// Live projects short of 実用化 by the day they entered their current phase (`stall_tally`).
fn stall_recount(only: &str) -> String {
    format!(
        "SELECT e.entered_on, count(*) FROM phase_entered e JOIN project p ON p.id = e.project_id
         WHERE p.retired_at IS NULL AND p.phase < 5 {} GROUP BY 1",
        only.replace("{id}", "e.project_id")
    )
}

/// The due board's open deadlines per officer and due day (`deadline_tally`): the recount is the
/// view the migration filled it from (never narrowed: these triggers never pause).
fn deadline_recount(_only: &str) -> String {
    "SELECT officer_id, due_on, n FROM deadline_tally_recount".into()
}

/// The due board's open follow-ups per author and due day (`follow_up_tally`, v18), and its open
/// deadlines without an officer per due day (`unassigned_tally`): the views the migration filled
/// them from (never narrowed: these triggers never pause).
fn follow_up_recount(_only: &str) -> String {
    "SELECT author, due_on, n FROM follow_up_tally_recount".into()
}

fn unassigned_recount(_only: &str) -> String {
    "SELECT due_on, n FROM unassigned_tally_recount".into()
}

/// The due board's open deadlines per pair of officers of one project and due day
/// (`deadline_pair_tally`, v19: the per-officer view of mine): the view the migration filled it
/// from (never narrowed: these triggers never pause).
fn pair_recount(_only: &str) -> String {
    "SELECT officer_id, co_officer_id, due_on, n FROM deadline_pair_tally_recount".into()
}

const TALLIES: [Tally; 9] = [
    Tally {
        table: "budget_tally",
        key: "rows_by, key, fiscal_year",
        counts: &["allocations", "amount_kyen"],
        pending: Some("budget_pending"),
        recount: budget_recount,
    },
    Tally {
        table: "funnel_open",
        key: "integrated_project_id, phase, since_year",
        counts: &["projects"],
        pending: Some("funnel_pending"),
        recount: open_recount,
    },
    Tally {
        table: "funnel_stay_days",
        key: "fiscal_year, integrated_project_id, phase, days",
        counts: &["stays"],
        pending: Some("funnel_pending"),
        recount: stay_days_recount,
    },
    Tally {
        table: "funnel_tally",
        key: "fiscal_year, integrated_project_id, phase",
        counts: &["in_phase", "advanced"],
        pending: Some("funnel_pending"),
        recount: funnel_recount,
    },
    // Cheap per row (one upsert into a table of days): its triggers never pause.
    Tally {
        table: "stall_tally",
        key: "entered_on",
        counts: &["projects"],
        pending: None,
        recount: stall_recount,
    },
    // Cheap per row too (upserts into a table of officers × days), bulk writes included.
    Tally {
        table: "deadline_tally",
        key: "officer_id, due_on",
        counts: &["n"],
        pending: None,
        recount: deadline_recount,
    },
    // The due board's per-officer view for everyone (v18): upserts into tables of days too.
    Tally {
        table: "follow_up_tally",
        key: "author, due_on",
        counts: &["n"],
        pending: None,
        recount: follow_up_recount,
    },
    Tally {
        table: "unassigned_tally",
        key: "due_on",
        counts: &["n"],
        pending: None,
        recount: unassigned_recount,
    },
    // The per-officer view of mine (v19): upserts into a table of officer pairs × days.
    Tally {
        table: "deadline_pair_tally",
        key: "officer_id, co_officer_id, due_on",
        counts: &["n"],
        pending: None,
        recount: pair_recount,
    },
];

/// (table, its kept rows that count, the same rows recounted from allocations and phase history).
pub(super) fn checks() -> Vec<(&'static str, String, String)> {
    TALLIES
        .iter()
        .map(|t| {
            let nonzero: Vec<String> = t.counts.iter().map(|c| format!("{c} <> 0")).collect();
            let kept = format!(
                "SELECT {}, {} FROM {} WHERE {}",
                t.key,
                t.counts.join(", "),
                t.table,
                nonzero.join(" OR ")
            );
            (t.table, kept, (t.recount)(""))
        })
        .collect()
}

/// Adds `only`'s recount to each table (`ON CONFLICT` adds to the kept row).
fn add(tx: &Transaction<'_>, tally: &Tally, only: &str) -> Result<()> {
    let set: Vec<String> = tally
        .counts
        .iter()
        .map(|c| format!("{c} = {c} + excluded.{c}"))
        .collect();
    tx.execute(
        &format!(
            "INSERT INTO {} ({}, {}) SELECT * FROM ({}) WHERE true
             ON CONFLICT ({}) DO UPDATE SET {}",
            tally.table,
            tally.key,
            tally.counts.join(", "),
            (tally.recount)(only),
            tally.key,
            set.join(", ")
        ),
        [],
    )?;
    Ok(())
}

/// The end of a bulk write's pause: the projects the triggers noted (their old contributions
/// already taken away) have their new contributions added set-wise; the notes are cleared.
pub(super) fn add_pending(tx: &Transaction<'_>) -> Result<()> {
    for tally in &TALLIES {
        if let Some(pending) = tally.pending {
            add(
                tx,
                tally,
                &format!("AND {{id}} IN (SELECT project_id FROM {pending})"),
            )?;
        }
    }
    tx.execute_batch("DELETE FROM budget_pending; DELETE FROM funnel_pending;")?;
    Ok(())
}

/// Refills every portfolio tally, the stalled and the due board's deadline counts from a recount
/// (`seedline doctor --rebuild-counts`).
pub(super) fn rebuild(tx: &Transaction<'_>) -> Result<()> {
    for tally in &TALLIES {
        tx.execute(&format!("DELETE FROM {}", tally.table), [])?;
        add(tx, tally, "")?;
    }
    tx.execute_batch("DELETE FROM budget_pending; DELETE FROM funnel_pending;")?;
    Ok(())
}

/// Projects a bulk write noted and left behind (a pause that never ended).
pub(super) const LEFT_PENDING: &str =
    "(SELECT count(*) FROM budget_pending) + (SELECT count(*) FROM funnel_pending)";
