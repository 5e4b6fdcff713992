//! The recount of each maintained tally (schema v10), as SQL: `seedline doctor` compares the
//! kept rows with these. Same figures as the fill in `migrate_v10.sql`.

/// (table, its kept rows that count, the same rows recounted from allocations and phase history).
pub(super) const CHECKS: [(&str, &str, &str); 4] = [
    (
        "budget_tally",
        "SELECT rows_by, key, fiscal_year, allocations, amount_kyen FROM budget_tally WHERE allocations <> 0 OR amount_kyen <> 0",
        "SELECT d.rows_by, CASE d.rows_by WHEN 1 THEN p.integrated_project_id WHEN 2 THEN p.program_id ELSE p.phase END, b.fiscal_year, count(*), sum(b.amount_kyen)
    FROM budget_allocation b JOIN project p ON p.id = b.project_id, (SELECT 1 AS rows_by UNION ALL SELECT 2 UNION ALL SELECT 3) d
    WHERE p.retired_at IS NULL GROUP BY 1, 2, 3",
    ),
    (
        "funnel_open",
        "SELECT integrated_project_id, phase, since_year, projects FROM funnel_open WHERE projects <> 0",
        "SELECT ip, phase, (CAST(substr(from_on, 1, 4) AS INTEGER) - (substr(from_on, 6, 2) < '04')), count(*) FROM (SELECT c.project_id AS project_id, p.integrated_project_id AS ip, c.to_phase AS phase,
           c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on, lead(c.to_phase) OVER w AS next_phase
    FROM phase_change c JOIN project p ON p.id = c.project_id WHERE p.retired_at IS NULL
    WINDOW w AS (PARTITION BY c.project_id ORDER BY c.changed_on, c.id)) WHERE to_on IS NULL GROUP BY 1, 2, 3",
    ),
    (
        "funnel_stay_days",
        "SELECT fiscal_year, integrated_project_id, phase, days, stays FROM funnel_stay_days WHERE stays <> 0",
        "SELECT (CAST(substr(to_on, 1, 4) AS INTEGER) - (substr(to_on, 6, 2) < '04')), ip, phase, CAST(round(julianday(to_on) - julianday(from_on)) AS INTEGER), count(*)
    FROM (SELECT c.project_id AS project_id, p.integrated_project_id AS ip, c.to_phase AS phase,
           c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on, lead(c.to_phase) OVER w AS next_phase
    FROM phase_change c JOIN project p ON p.id = c.project_id WHERE p.retired_at IS NULL
    WINDOW w AS (PARTITION BY c.project_id ORDER BY c.changed_on, c.id)) WHERE to_on IS NOT NULL GROUP BY 1, 2, 3, 4",
    ),
    (
        "funnel_tally",
        "SELECT fiscal_year, integrated_project_id, phase, in_phase, advanced FROM funnel_tally WHERE in_phase <> 0 OR advanced <> 0",
        "SELECT year, ip, phase, sum(inside), sum(advanced) FROM (
        SELECT project_id, ip, year, phase, max(inside) AS inside, max(advanced) AS advanced FROM (
            SELECT s.project_id, s.ip, y.year AS year, s.phase, 1 AS inside, 0 AS advanced
            FROM (SELECT c.project_id AS project_id, p.integrated_project_id AS ip, c.to_phase AS phase,
           c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on, lead(c.to_phase) OVER w AS next_phase
    FROM phase_change c JOIN project p ON p.id = c.project_id WHERE p.retired_at IS NULL
    WINDOW w AS (PARTITION BY c.project_id ORDER BY c.changed_on, c.id)) s
            JOIN fiscal_year_list y ON y.year BETWEEN (CAST(substr(s.from_on, 1, 4) AS INTEGER) - (substr(s.from_on, 6, 2) < '04')) AND (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04'))
            JOIN (SELECT c.project_id AS project_id, p.integrated_project_id AS ip, c.to_phase AS phase,
           c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on, lead(c.to_phase) OVER w AS next_phase
    FROM phase_change c JOIN project p ON p.id = c.project_id WHERE p.retired_at IS NULL
    WINDOW w AS (PARTITION BY c.project_id ORDER BY c.changed_on, c.id)) o ON o.project_id = s.project_id AND o.to_on IS NULL
            WHERE s.to_on IS NOT NULL AND NOT (s.phase = o.phase AND y.year >= (CAST(substr(o.from_on, 1, 4) AS INTEGER) - (substr(o.from_on, 6, 2) < '04')))
            UNION ALL
            SELECT project_id, ip, (CAST(substr(to_on, 1, 4) AS INTEGER) - (substr(to_on, 6, 2) < '04')), phase, 0, 1 FROM (SELECT c.project_id AS project_id, p.integrated_project_id AS ip, c.to_phase AS phase,
           c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on, lead(c.to_phase) OVER w AS next_phase
    FROM phase_change c JOIN project p ON p.id = c.project_id WHERE p.retired_at IS NULL
    WINDOW w AS (PARTITION BY c.project_id ORDER BY c.changed_on, c.id))
            WHERE to_on IS NOT NULL AND next_phase > phase)
        GROUP BY project_id, year, phase)
    GROUP BY year, ip, phase",
    ),
];
