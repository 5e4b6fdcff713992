-- Migration 10 (seedline schema): the portfolio tallies of schema.sql, filled from a recount.

-- Portfolio tallies: the budget pivot and the phase funnel of live projects without a filter, kept
-- by the triggers below in the same transaction as every change, so the screens that open first
-- read a few hundred rows instead of every allocation and phase change. A filtered pivot or funnel
-- still counts from the rows. `seedline doctor` compares these tables with a recount.

-- The fiscal years a funnel can be asked for (FiscalYear::MIN..=MAX): a stay is "in phase" in each.
CREATE TABLE fiscal_year_list (year INTEGER PRIMARY KEY) STRICT;

-- Allocations (千円) of live projects summed per row of the pivot and fiscal year. `rows_by`: 1 統合
-- プロジェクト (key = its id), 2 事業 (program id), 3 フェーズ (phase id). `allocations` counts the
-- rows summed (a year with only zero allocations is still a column).
CREATE TABLE budget_tally (
    rows_by     INTEGER NOT NULL CHECK (rows_by BETWEEN 1 AND 3),
    key         INTEGER NOT NULL,
    fiscal_year INTEGER NOT NULL,
    allocations INTEGER NOT NULL,
    amount_kyen INTEGER NOT NULL,
    PRIMARY KEY (rows_by, key, fiscal_year)
) STRICT, WITHOUT ROWID;

-- Per fiscal year × integrated project × phase, over live projects: `in_phase` the projects in the
-- phase on some day of the year through a stay that has ended (their current stay is in
-- funnel_open instead), `advanced` the projects that moved on to a later phase within the year.
CREATE TABLE funnel_tally (
    fiscal_year           INTEGER NOT NULL,
    integrated_project_id INTEGER NOT NULL,
    phase                 INTEGER NOT NULL,
    in_phase              INTEGER NOT NULL,
    advanced              INTEGER NOT NULL,
    PRIMARY KEY (fiscal_year, integrated_project_id, phase)
) STRICT, WITHOUT ROWID;

-- Live projects by current phase and the fiscal year they entered it: in the phase every year since.
CREATE TABLE funnel_open (
    integrated_project_id INTEGER NOT NULL,
    phase                 INTEGER NOT NULL,
    since_year            INTEGER NOT NULL,
    projects              INTEGER NOT NULL,
    PRIMARY KEY (integrated_project_id, phase, since_year)
) STRICT, WITHOUT ROWID;

-- Stays of live projects that ended, by the fiscal year they ended and their length in days.
CREATE TABLE funnel_stay_days (
    fiscal_year           INTEGER NOT NULL,
    integrated_project_id INTEGER NOT NULL,
    phase                 INTEGER NOT NULL,
    days                  INTEGER NOT NULL,
    stays                 INTEGER NOT NULL,
    PRIMARY KEY (fiscal_year, integrated_project_id, phase, days)
) STRICT, WITHOUT ROWID;

-- A bulk write (import, demo) pauses the per-row upkeep with the dashboard's counts (`tally_pause`):
-- a project's first change takes its whole budget or funnel contribution away and notes it here;
-- the triggers then leave it alone, and `tally::paused` adds the noted projects back set-wise
-- before the write commits. Kept apart from `tally_pending` so that no trigger depends on the
-- order in which SQLite fires the triggers of one statement.
CREATE TABLE budget_pending (
    project_id INTEGER PRIMARY KEY
) STRICT;

CREATE TABLE funnel_pending (
    project_id INTEGER PRIMARY KEY
) STRICT;

CREATE TRIGGER budget_tally_insert AFTER INSERT ON budget_allocation
WHEN NOT EXISTS (SELECT 1 FROM budget_pending WHERE project_id = NEW.project_id)
BEGIN
    INSERT INTO budget_tally (rows_by, key, fiscal_year, allocations, amount_kyen)
        SELECT d.rows_by, CASE d.rows_by WHEN 1 THEN p.integrated_project_id WHEN 2 THEN p.program_id
                          ELSE p.phase END, NEW.fiscal_year, 1, NEW.amount_kyen
        FROM project p, (SELECT 1 AS rows_by UNION ALL SELECT 2 UNION ALL SELECT 3) d
        WHERE p.id = NEW.project_id AND NOT EXISTS (SELECT 1 FROM budget_pending WHERE project_id = NEW.project_id) AND p.retired_at IS NULL
        ON CONFLICT (rows_by, key, fiscal_year) DO UPDATE
        SET allocations = allocations + excluded.allocations, amount_kyen = amount_kyen + excluded.amount_kyen;
END;

CREATE TRIGGER budget_tally_delete AFTER DELETE ON budget_allocation
WHEN NOT EXISTS (SELECT 1 FROM budget_pending WHERE project_id = OLD.project_id)
BEGIN
    INSERT INTO budget_tally (rows_by, key, fiscal_year, allocations, amount_kyen)
        SELECT d.rows_by, CASE d.rows_by WHEN 1 THEN p.integrated_project_id WHEN 2 THEN p.program_id
                          ELSE p.phase END, OLD.fiscal_year, -1, -OLD.amount_kyen
        FROM project p, (SELECT 1 AS rows_by UNION ALL SELECT 2 UNION ALL SELECT 3) d
        WHERE p.id = OLD.project_id AND NOT EXISTS (SELECT 1 FROM budget_pending WHERE project_id = OLD.project_id) AND p.retired_at IS NULL
        ON CONFLICT (rows_by, key, fiscal_year) DO UPDATE
        SET allocations = allocations + excluded.allocations, amount_kyen = amount_kyen + excluded.amount_kyen;
END;

CREATE TRIGGER budget_tally_update AFTER UPDATE ON budget_allocation
BEGIN
    INSERT INTO budget_tally (rows_by, key, fiscal_year, allocations, amount_kyen)
        SELECT d.rows_by, CASE d.rows_by WHEN 1 THEN p.integrated_project_id WHEN 2 THEN p.program_id
                          ELSE p.phase END, OLD.fiscal_year, -1, -OLD.amount_kyen
        FROM project p, (SELECT 1 AS rows_by UNION ALL SELECT 2 UNION ALL SELECT 3) d
        WHERE p.id = OLD.project_id AND NOT EXISTS (SELECT 1 FROM budget_pending WHERE project_id = OLD.project_id) AND p.retired_at IS NULL
        ON CONFLICT (rows_by, key, fiscal_year) DO UPDATE
        SET allocations = allocations + excluded.allocations, amount_kyen = amount_kyen + excluded.amount_kyen;
    INSERT INTO budget_tally (rows_by, key, fiscal_year, allocations, amount_kyen)
        SELECT d.rows_by, CASE d.rows_by WHEN 1 THEN p.integrated_project_id WHEN 2 THEN p.program_id
                          ELSE p.phase END, NEW.fiscal_year, 1, NEW.amount_kyen
        FROM project p, (SELECT 1 AS rows_by UNION ALL SELECT 2 UNION ALL SELECT 3) d
        WHERE p.id = NEW.project_id AND NOT EXISTS (SELECT 1 FROM budget_pending WHERE project_id = NEW.project_id) AND p.retired_at IS NULL
        ON CONFLICT (rows_by, key, fiscal_year) DO UPDATE
        SET allocations = allocations + excluded.allocations, amount_kyen = amount_kyen + excluded.amount_kyen;
END;

CREATE TRIGGER funnel_tally_before_insert BEFORE INSERT ON phase_change
WHEN NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = NEW.project_id)
BEGIN
    INSERT INTO funnel_tally (fiscal_year, integrated_project_id, phase, in_phase, advanced)
        SELECT t.year, p.integrated_project_id, t.phase, -max(t.inside), -max(t.advanced)
        FROM project p, (
            SELECT y.year AS year, s.phase AS phase, 1 AS inside, 0 AS advanced
            FROM (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = NEW.project_id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
            JOIN fiscal_year_list y ON y.year BETWEEN (CAST(substr(s.from_on, 1, 4) AS INTEGER) - (substr(s.from_on, 6, 2) < '04')) AND (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')),
            (SELECT to_phase, changed_on FROM phase_change WHERE project_id = NEW.project_id ORDER BY changed_on DESC, id DESC LIMIT 1) o
            WHERE s.to_on IS NOT NULL AND NOT (s.phase = o.to_phase AND y.year >= (CAST(substr(o.changed_on, 1, 4) AS INTEGER) - (substr(o.changed_on, 6, 2) < '04')))
            UNION ALL
            SELECT (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')), s.phase, 0, 1
            FROM (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = NEW.project_id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
            WHERE s.to_on IS NOT NULL AND s.next_phase > s.phase) t
        WHERE p.id = NEW.project_id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = NEW.project_id) AND p.retired_at IS NULL GROUP BY t.year, t.phase
        ON CONFLICT (fiscal_year, integrated_project_id, phase) DO UPDATE
        SET in_phase = in_phase + excluded.in_phase, advanced = advanced + excluded.advanced;
    INSERT INTO funnel_open (integrated_project_id, phase, since_year, projects)
        SELECT p.integrated_project_id, o.to_phase, (CAST(substr(o.changed_on, 1, 4) AS INTEGER) - (substr(o.changed_on, 6, 2) < '04')), -1
        FROM project p, (SELECT to_phase, changed_on FROM phase_change WHERE project_id = NEW.project_id ORDER BY changed_on DESC, id DESC LIMIT 1) o
        WHERE p.id = NEW.project_id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = NEW.project_id) AND p.retired_at IS NULL
        ON CONFLICT (integrated_project_id, phase, since_year) DO UPDATE
        SET projects = projects + excluded.projects;
    INSERT INTO funnel_stay_days (fiscal_year, integrated_project_id, phase, days, stays)
        SELECT (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')), p.integrated_project_id, s.phase,
               CAST(round(julianday(s.to_on) - julianday(s.from_on)) AS INTEGER), -count(*)
        FROM project p, (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = NEW.project_id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
        WHERE p.id = NEW.project_id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = NEW.project_id) AND p.retired_at IS NULL AND s.to_on IS NOT NULL GROUP BY 1, 2, 3, 4
        ON CONFLICT (fiscal_year, integrated_project_id, phase, days) DO UPDATE
        SET stays = stays + excluded.stays;
    INSERT OR IGNORE INTO funnel_pending (project_id) SELECT NEW.project_id FROM tally_pause;
END;

CREATE TRIGGER funnel_tally_after_insert AFTER INSERT ON phase_change
WHEN NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = NEW.project_id)
BEGIN
    INSERT INTO funnel_tally (fiscal_year, integrated_project_id, phase, in_phase, advanced)
        SELECT t.year, p.integrated_project_id, t.phase, max(t.inside), max(t.advanced)
        FROM project p, (
            SELECT y.year AS year, s.phase AS phase, 1 AS inside, 0 AS advanced
            FROM (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = NEW.project_id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
            JOIN fiscal_year_list y ON y.year BETWEEN (CAST(substr(s.from_on, 1, 4) AS INTEGER) - (substr(s.from_on, 6, 2) < '04')) AND (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')),
            (SELECT to_phase, changed_on FROM phase_change WHERE project_id = NEW.project_id ORDER BY changed_on DESC, id DESC LIMIT 1) o
            WHERE s.to_on IS NOT NULL AND NOT (s.phase = o.to_phase AND y.year >= (CAST(substr(o.changed_on, 1, 4) AS INTEGER) - (substr(o.changed_on, 6, 2) < '04')))
            UNION ALL
            SELECT (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')), s.phase, 0, 1
            FROM (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = NEW.project_id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
            WHERE s.to_on IS NOT NULL AND s.next_phase > s.phase) t
        WHERE p.id = NEW.project_id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = NEW.project_id) AND p.retired_at IS NULL GROUP BY t.year, t.phase
        ON CONFLICT (fiscal_year, integrated_project_id, phase) DO UPDATE
        SET in_phase = in_phase + excluded.in_phase, advanced = advanced + excluded.advanced;
    INSERT INTO funnel_open (integrated_project_id, phase, since_year, projects)
        SELECT p.integrated_project_id, o.to_phase, (CAST(substr(o.changed_on, 1, 4) AS INTEGER) - (substr(o.changed_on, 6, 2) < '04')), 1
        FROM project p, (SELECT to_phase, changed_on FROM phase_change WHERE project_id = NEW.project_id ORDER BY changed_on DESC, id DESC LIMIT 1) o
        WHERE p.id = NEW.project_id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = NEW.project_id) AND p.retired_at IS NULL
        ON CONFLICT (integrated_project_id, phase, since_year) DO UPDATE
        SET projects = projects + excluded.projects;
    INSERT INTO funnel_stay_days (fiscal_year, integrated_project_id, phase, days, stays)
        SELECT (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')), p.integrated_project_id, s.phase,
               CAST(round(julianday(s.to_on) - julianday(s.from_on)) AS INTEGER), count(*)
        FROM project p, (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = NEW.project_id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
        WHERE p.id = NEW.project_id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = NEW.project_id) AND p.retired_at IS NULL AND s.to_on IS NOT NULL GROUP BY 1, 2, 3, 4
        ON CONFLICT (fiscal_year, integrated_project_id, phase, days) DO UPDATE
        SET stays = stays + excluded.stays;
END;

CREATE TRIGGER funnel_tally_before_delete BEFORE DELETE ON phase_change
WHEN NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = OLD.project_id)
BEGIN
    INSERT INTO funnel_tally (fiscal_year, integrated_project_id, phase, in_phase, advanced)
        SELECT t.year, p.integrated_project_id, t.phase, -max(t.inside), -max(t.advanced)
        FROM project p, (
            SELECT y.year AS year, s.phase AS phase, 1 AS inside, 0 AS advanced
            FROM (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = OLD.project_id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
            JOIN fiscal_year_list y ON y.year BETWEEN (CAST(substr(s.from_on, 1, 4) AS INTEGER) - (substr(s.from_on, 6, 2) < '04')) AND (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')),
            (SELECT to_phase, changed_on FROM phase_change WHERE project_id = OLD.project_id ORDER BY changed_on DESC, id DESC LIMIT 1) o
            WHERE s.to_on IS NOT NULL AND NOT (s.phase = o.to_phase AND y.year >= (CAST(substr(o.changed_on, 1, 4) AS INTEGER) - (substr(o.changed_on, 6, 2) < '04')))
            UNION ALL
            SELECT (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')), s.phase, 0, 1
            FROM (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = OLD.project_id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
            WHERE s.to_on IS NOT NULL AND s.next_phase > s.phase) t
        WHERE p.id = OLD.project_id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = OLD.project_id) AND p.retired_at IS NULL GROUP BY t.year, t.phase
        ON CONFLICT (fiscal_year, integrated_project_id, phase) DO UPDATE
        SET in_phase = in_phase + excluded.in_phase, advanced = advanced + excluded.advanced;
    INSERT INTO funnel_open (integrated_project_id, phase, since_year, projects)
        SELECT p.integrated_project_id, o.to_phase, (CAST(substr(o.changed_on, 1, 4) AS INTEGER) - (substr(o.changed_on, 6, 2) < '04')), -1
        FROM project p, (SELECT to_phase, changed_on FROM phase_change WHERE project_id = OLD.project_id ORDER BY changed_on DESC, id DESC LIMIT 1) o
        WHERE p.id = OLD.project_id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = OLD.project_id) AND p.retired_at IS NULL
        ON CONFLICT (integrated_project_id, phase, since_year) DO UPDATE
        SET projects = projects + excluded.projects;
    INSERT INTO funnel_stay_days (fiscal_year, integrated_project_id, phase, days, stays)
        SELECT (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')), p.integrated_project_id, s.phase,
               CAST(round(julianday(s.to_on) - julianday(s.from_on)) AS INTEGER), -count(*)
        FROM project p, (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = OLD.project_id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
        WHERE p.id = OLD.project_id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = OLD.project_id) AND p.retired_at IS NULL AND s.to_on IS NOT NULL GROUP BY 1, 2, 3, 4
        ON CONFLICT (fiscal_year, integrated_project_id, phase, days) DO UPDATE
        SET stays = stays + excluded.stays;
    INSERT OR IGNORE INTO funnel_pending (project_id) SELECT OLD.project_id FROM tally_pause;
END;

CREATE TRIGGER funnel_tally_after_delete AFTER DELETE ON phase_change
WHEN NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = OLD.project_id)
BEGIN
    INSERT INTO funnel_tally (fiscal_year, integrated_project_id, phase, in_phase, advanced)
        SELECT t.year, p.integrated_project_id, t.phase, max(t.inside), max(t.advanced)
        FROM project p, (
            SELECT y.year AS year, s.phase AS phase, 1 AS inside, 0 AS advanced
            FROM (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = OLD.project_id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
            JOIN fiscal_year_list y ON y.year BETWEEN (CAST(substr(s.from_on, 1, 4) AS INTEGER) - (substr(s.from_on, 6, 2) < '04')) AND (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')),
            (SELECT to_phase, changed_on FROM phase_change WHERE project_id = OLD.project_id ORDER BY changed_on DESC, id DESC LIMIT 1) o
            WHERE s.to_on IS NOT NULL AND NOT (s.phase = o.to_phase AND y.year >= (CAST(substr(o.changed_on, 1, 4) AS INTEGER) - (substr(o.changed_on, 6, 2) < '04')))
            UNION ALL
            SELECT (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')), s.phase, 0, 1
            FROM (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = OLD.project_id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
            WHERE s.to_on IS NOT NULL AND s.next_phase > s.phase) t
        WHERE p.id = OLD.project_id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = OLD.project_id) AND p.retired_at IS NULL GROUP BY t.year, t.phase
        ON CONFLICT (fiscal_year, integrated_project_id, phase) DO UPDATE
        SET in_phase = in_phase + excluded.in_phase, advanced = advanced + excluded.advanced;
    INSERT INTO funnel_open (integrated_project_id, phase, since_year, projects)
        SELECT p.integrated_project_id, o.to_phase, (CAST(substr(o.changed_on, 1, 4) AS INTEGER) - (substr(o.changed_on, 6, 2) < '04')), 1
        FROM project p, (SELECT to_phase, changed_on FROM phase_change WHERE project_id = OLD.project_id ORDER BY changed_on DESC, id DESC LIMIT 1) o
        WHERE p.id = OLD.project_id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = OLD.project_id) AND p.retired_at IS NULL
        ON CONFLICT (integrated_project_id, phase, since_year) DO UPDATE
        SET projects = projects + excluded.projects;
    INSERT INTO funnel_stay_days (fiscal_year, integrated_project_id, phase, days, stays)
        SELECT (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')), p.integrated_project_id, s.phase,
               CAST(round(julianday(s.to_on) - julianday(s.from_on)) AS INTEGER), count(*)
        FROM project p, (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = OLD.project_id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
        WHERE p.id = OLD.project_id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = OLD.project_id) AND p.retired_at IS NULL AND s.to_on IS NOT NULL GROUP BY 1, 2, 3, 4
        ON CONFLICT (fiscal_year, integrated_project_id, phase, days) DO UPDATE
        SET stays = stays + excluded.stays;
END;

CREATE TRIGGER funnel_tally_before_update BEFORE UPDATE OF project_id, to_phase, changed_on ON phase_change
BEGIN
    INSERT INTO funnel_tally (fiscal_year, integrated_project_id, phase, in_phase, advanced)
        SELECT t.year, p.integrated_project_id, t.phase, -max(t.inside), -max(t.advanced)
        FROM project p, (
            SELECT y.year AS year, s.phase AS phase, 1 AS inside, 0 AS advanced
            FROM (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = OLD.project_id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
            JOIN fiscal_year_list y ON y.year BETWEEN (CAST(substr(s.from_on, 1, 4) AS INTEGER) - (substr(s.from_on, 6, 2) < '04')) AND (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')),
            (SELECT to_phase, changed_on FROM phase_change WHERE project_id = OLD.project_id ORDER BY changed_on DESC, id DESC LIMIT 1) o
            WHERE s.to_on IS NOT NULL AND NOT (s.phase = o.to_phase AND y.year >= (CAST(substr(o.changed_on, 1, 4) AS INTEGER) - (substr(o.changed_on, 6, 2) < '04')))
            UNION ALL
            SELECT (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')), s.phase, 0, 1
            FROM (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = OLD.project_id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
            WHERE s.to_on IS NOT NULL AND s.next_phase > s.phase) t
        WHERE p.id = OLD.project_id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = OLD.project_id) AND p.retired_at IS NULL GROUP BY t.year, t.phase
        ON CONFLICT (fiscal_year, integrated_project_id, phase) DO UPDATE
        SET in_phase = in_phase + excluded.in_phase, advanced = advanced + excluded.advanced;
    INSERT INTO funnel_open (integrated_project_id, phase, since_year, projects)
        SELECT p.integrated_project_id, o.to_phase, (CAST(substr(o.changed_on, 1, 4) AS INTEGER) - (substr(o.changed_on, 6, 2) < '04')), -1
        FROM project p, (SELECT to_phase, changed_on FROM phase_change WHERE project_id = OLD.project_id ORDER BY changed_on DESC, id DESC LIMIT 1) o
        WHERE p.id = OLD.project_id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = OLD.project_id) AND p.retired_at IS NULL
        ON CONFLICT (integrated_project_id, phase, since_year) DO UPDATE
        SET projects = projects + excluded.projects;
    INSERT INTO funnel_stay_days (fiscal_year, integrated_project_id, phase, days, stays)
        SELECT (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')), p.integrated_project_id, s.phase,
               CAST(round(julianday(s.to_on) - julianday(s.from_on)) AS INTEGER), -count(*)
        FROM project p, (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = OLD.project_id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
        WHERE p.id = OLD.project_id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = OLD.project_id) AND p.retired_at IS NULL AND s.to_on IS NOT NULL GROUP BY 1, 2, 3, 4
        ON CONFLICT (fiscal_year, integrated_project_id, phase, days) DO UPDATE
        SET stays = stays + excluded.stays;
    INSERT INTO funnel_tally (fiscal_year, integrated_project_id, phase, in_phase, advanced)
        SELECT t.year, p.integrated_project_id, t.phase, -max(t.inside), -max(t.advanced)
        FROM project p, (
            SELECT y.year AS year, s.phase AS phase, 1 AS inside, 0 AS advanced
            FROM (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = NEW.project_id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
            JOIN fiscal_year_list y ON y.year BETWEEN (CAST(substr(s.from_on, 1, 4) AS INTEGER) - (substr(s.from_on, 6, 2) < '04')) AND (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')),
            (SELECT to_phase, changed_on FROM phase_change WHERE project_id = NEW.project_id ORDER BY changed_on DESC, id DESC LIMIT 1) o
            WHERE s.to_on IS NOT NULL AND NOT (s.phase = o.to_phase AND y.year >= (CAST(substr(o.changed_on, 1, 4) AS INTEGER) - (substr(o.changed_on, 6, 2) < '04')))
            UNION ALL
            SELECT (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')), s.phase, 0, 1
            FROM (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = NEW.project_id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
            WHERE s.to_on IS NOT NULL AND s.next_phase > s.phase) t
        WHERE p.id = NEW.project_id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = NEW.project_id) AND NEW.project_id <> OLD.project_id AND p.retired_at IS NULL GROUP BY t.year, t.phase
        ON CONFLICT (fiscal_year, integrated_project_id, phase) DO UPDATE
        SET in_phase = in_phase + excluded.in_phase, advanced = advanced + excluded.advanced;
    INSERT INTO funnel_open (integrated_project_id, phase, since_year, projects)
        SELECT p.integrated_project_id, o.to_phase, (CAST(substr(o.changed_on, 1, 4) AS INTEGER) - (substr(o.changed_on, 6, 2) < '04')), -1
        FROM project p, (SELECT to_phase, changed_on FROM phase_change WHERE project_id = NEW.project_id ORDER BY changed_on DESC, id DESC LIMIT 1) o
        WHERE p.id = NEW.project_id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = NEW.project_id) AND NEW.project_id <> OLD.project_id AND p.retired_at IS NULL
        ON CONFLICT (integrated_project_id, phase, since_year) DO UPDATE
        SET projects = projects + excluded.projects;
    INSERT INTO funnel_stay_days (fiscal_year, integrated_project_id, phase, days, stays)
        SELECT (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')), p.integrated_project_id, s.phase,
               CAST(round(julianday(s.to_on) - julianday(s.from_on)) AS INTEGER), -count(*)
        FROM project p, (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = NEW.project_id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
        WHERE p.id = NEW.project_id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = NEW.project_id) AND NEW.project_id <> OLD.project_id AND p.retired_at IS NULL AND s.to_on IS NOT NULL GROUP BY 1, 2, 3, 4
        ON CONFLICT (fiscal_year, integrated_project_id, phase, days) DO UPDATE
        SET stays = stays + excluded.stays;
    INSERT OR IGNORE INTO funnel_pending (project_id) SELECT OLD.project_id FROM tally_pause;
    INSERT OR IGNORE INTO funnel_pending (project_id) SELECT NEW.project_id FROM tally_pause;
END;

CREATE TRIGGER funnel_tally_after_update AFTER UPDATE OF project_id, to_phase, changed_on ON phase_change
BEGIN
    INSERT INTO funnel_tally (fiscal_year, integrated_project_id, phase, in_phase, advanced)
        SELECT t.year, p.integrated_project_id, t.phase, max(t.inside), max(t.advanced)
        FROM project p, (
            SELECT y.year AS year, s.phase AS phase, 1 AS inside, 0 AS advanced
            FROM (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = NEW.project_id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
            JOIN fiscal_year_list y ON y.year BETWEEN (CAST(substr(s.from_on, 1, 4) AS INTEGER) - (substr(s.from_on, 6, 2) < '04')) AND (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')),
            (SELECT to_phase, changed_on FROM phase_change WHERE project_id = NEW.project_id ORDER BY changed_on DESC, id DESC LIMIT 1) o
            WHERE s.to_on IS NOT NULL AND NOT (s.phase = o.to_phase AND y.year >= (CAST(substr(o.changed_on, 1, 4) AS INTEGER) - (substr(o.changed_on, 6, 2) < '04')))
            UNION ALL
            SELECT (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')), s.phase, 0, 1
            FROM (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = NEW.project_id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
            WHERE s.to_on IS NOT NULL AND s.next_phase > s.phase) t
        WHERE p.id = NEW.project_id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = NEW.project_id) AND p.retired_at IS NULL GROUP BY t.year, t.phase
        ON CONFLICT (fiscal_year, integrated_project_id, phase) DO UPDATE
        SET in_phase = in_phase + excluded.in_phase, advanced = advanced + excluded.advanced;
    INSERT INTO funnel_open (integrated_project_id, phase, since_year, projects)
        SELECT p.integrated_project_id, o.to_phase, (CAST(substr(o.changed_on, 1, 4) AS INTEGER) - (substr(o.changed_on, 6, 2) < '04')), 1
        FROM project p, (SELECT to_phase, changed_on FROM phase_change WHERE project_id = NEW.project_id ORDER BY changed_on DESC, id DESC LIMIT 1) o
        WHERE p.id = NEW.project_id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = NEW.project_id) AND p.retired_at IS NULL
        ON CONFLICT (integrated_project_id, phase, since_year) DO UPDATE
        SET projects = projects + excluded.projects;
    INSERT INTO funnel_stay_days (fiscal_year, integrated_project_id, phase, days, stays)
        SELECT (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')), p.integrated_project_id, s.phase,
               CAST(round(julianday(s.to_on) - julianday(s.from_on)) AS INTEGER), count(*)
        FROM project p, (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = NEW.project_id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
        WHERE p.id = NEW.project_id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = NEW.project_id) AND p.retired_at IS NULL AND s.to_on IS NOT NULL GROUP BY 1, 2, 3, 4
        ON CONFLICT (fiscal_year, integrated_project_id, phase, days) DO UPDATE
        SET stays = stays + excluded.stays;
    INSERT INTO funnel_tally (fiscal_year, integrated_project_id, phase, in_phase, advanced)
        SELECT t.year, p.integrated_project_id, t.phase, max(t.inside), max(t.advanced)
        FROM project p, (
            SELECT y.year AS year, s.phase AS phase, 1 AS inside, 0 AS advanced
            FROM (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = OLD.project_id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
            JOIN fiscal_year_list y ON y.year BETWEEN (CAST(substr(s.from_on, 1, 4) AS INTEGER) - (substr(s.from_on, 6, 2) < '04')) AND (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')),
            (SELECT to_phase, changed_on FROM phase_change WHERE project_id = OLD.project_id ORDER BY changed_on DESC, id DESC LIMIT 1) o
            WHERE s.to_on IS NOT NULL AND NOT (s.phase = o.to_phase AND y.year >= (CAST(substr(o.changed_on, 1, 4) AS INTEGER) - (substr(o.changed_on, 6, 2) < '04')))
            UNION ALL
            SELECT (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')), s.phase, 0, 1
            FROM (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = OLD.project_id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
            WHERE s.to_on IS NOT NULL AND s.next_phase > s.phase) t
        WHERE p.id = OLD.project_id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = OLD.project_id) AND NEW.project_id <> OLD.project_id AND p.retired_at IS NULL GROUP BY t.year, t.phase
        ON CONFLICT (fiscal_year, integrated_project_id, phase) DO UPDATE
        SET in_phase = in_phase + excluded.in_phase, advanced = advanced + excluded.advanced;
    INSERT INTO funnel_open (integrated_project_id, phase, since_year, projects)
        SELECT p.integrated_project_id, o.to_phase, (CAST(substr(o.changed_on, 1, 4) AS INTEGER) - (substr(o.changed_on, 6, 2) < '04')), 1
        FROM project p, (SELECT to_phase, changed_on FROM phase_change WHERE project_id = OLD.project_id ORDER BY changed_on DESC, id DESC LIMIT 1) o
        WHERE p.id = OLD.project_id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = OLD.project_id) AND NEW.project_id <> OLD.project_id AND p.retired_at IS NULL
        ON CONFLICT (integrated_project_id, phase, since_year) DO UPDATE
        SET projects = projects + excluded.projects;
    INSERT INTO funnel_stay_days (fiscal_year, integrated_project_id, phase, days, stays)
        SELECT (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')), p.integrated_project_id, s.phase,
               CAST(round(julianday(s.to_on) - julianday(s.from_on)) AS INTEGER), count(*)
        FROM project p, (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = OLD.project_id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
        WHERE p.id = OLD.project_id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = OLD.project_id) AND NEW.project_id <> OLD.project_id AND p.retired_at IS NULL AND s.to_on IS NOT NULL GROUP BY 1, 2, 3, 4
        ON CONFLICT (fiscal_year, integrated_project_id, phase, days) DO UPDATE
        SET stays = stays + excluded.stays;
END;

CREATE TRIGGER portfolio_tally_before_project BEFORE UPDATE OF integrated_project_id, program_id, phase, retired_at ON project
    WHEN OLD.integrated_project_id <> NEW.integrated_project_id OR OLD.program_id <> NEW.program_id
      OR OLD.phase <> NEW.phase OR (OLD.retired_at IS NULL) <> (NEW.retired_at IS NULL)
BEGIN
    INSERT INTO budget_tally (rows_by, key, fiscal_year, allocations, amount_kyen)
        SELECT d.rows_by, CASE d.rows_by WHEN 1 THEN p.integrated_project_id WHEN 2 THEN p.program_id ELSE p.phase END, b.fiscal_year, -count(*), -sum(b.amount_kyen)
        FROM project p JOIN budget_allocation b ON b.project_id = p.id, (SELECT 1 AS rows_by UNION ALL SELECT 2 UNION ALL SELECT 3) d
        WHERE p.id = OLD.id AND NOT EXISTS (SELECT 1 FROM budget_pending WHERE project_id = OLD.id) AND p.retired_at IS NULL GROUP BY 1, 2, 3
        ON CONFLICT (rows_by, key, fiscal_year) DO UPDATE
        SET allocations = allocations + excluded.allocations, amount_kyen = amount_kyen + excluded.amount_kyen;
    INSERT INTO funnel_tally (fiscal_year, integrated_project_id, phase, in_phase, advanced)
        SELECT t.year, p.integrated_project_id, t.phase, -max(t.inside), -max(t.advanced)
        FROM project p, (
            SELECT y.year AS year, s.phase AS phase, 1 AS inside, 0 AS advanced
            FROM (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = OLD.id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
            JOIN fiscal_year_list y ON y.year BETWEEN (CAST(substr(s.from_on, 1, 4) AS INTEGER) - (substr(s.from_on, 6, 2) < '04')) AND (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')),
            (SELECT to_phase, changed_on FROM phase_change WHERE project_id = OLD.id ORDER BY changed_on DESC, id DESC LIMIT 1) o
            WHERE s.to_on IS NOT NULL AND NOT (s.phase = o.to_phase AND y.year >= (CAST(substr(o.changed_on, 1, 4) AS INTEGER) - (substr(o.changed_on, 6, 2) < '04')))
            UNION ALL
            SELECT (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')), s.phase, 0, 1
            FROM (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = OLD.id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
            WHERE s.to_on IS NOT NULL AND s.next_phase > s.phase) t
        WHERE p.id = OLD.id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = OLD.id) AND p.retired_at IS NULL GROUP BY t.year, t.phase
        ON CONFLICT (fiscal_year, integrated_project_id, phase) DO UPDATE
        SET in_phase = in_phase + excluded.in_phase, advanced = advanced + excluded.advanced;
    INSERT INTO funnel_open (integrated_project_id, phase, since_year, projects)
        SELECT p.integrated_project_id, o.to_phase, (CAST(substr(o.changed_on, 1, 4) AS INTEGER) - (substr(o.changed_on, 6, 2) < '04')), -1
        FROM project p, (SELECT to_phase, changed_on FROM phase_change WHERE project_id = OLD.id ORDER BY changed_on DESC, id DESC LIMIT 1) o
        WHERE p.id = OLD.id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = OLD.id) AND p.retired_at IS NULL
        ON CONFLICT (integrated_project_id, phase, since_year) DO UPDATE
        SET projects = projects + excluded.projects;
    INSERT INTO funnel_stay_days (fiscal_year, integrated_project_id, phase, days, stays)
        SELECT (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')), p.integrated_project_id, s.phase,
               CAST(round(julianday(s.to_on) - julianday(s.from_on)) AS INTEGER), -count(*)
        FROM project p, (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = OLD.id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
        WHERE p.id = OLD.id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = OLD.id) AND p.retired_at IS NULL AND s.to_on IS NOT NULL GROUP BY 1, 2, 3, 4
        ON CONFLICT (fiscal_year, integrated_project_id, phase, days) DO UPDATE
        SET stays = stays + excluded.stays;
    INSERT OR IGNORE INTO budget_pending (project_id) SELECT OLD.id FROM tally_pause;
    INSERT OR IGNORE INTO funnel_pending (project_id) SELECT OLD.id FROM tally_pause;
END;

CREATE TRIGGER portfolio_tally_after_project AFTER UPDATE OF integrated_project_id, program_id, phase, retired_at ON project
    WHEN OLD.integrated_project_id <> NEW.integrated_project_id OR OLD.program_id <> NEW.program_id
      OR OLD.phase <> NEW.phase OR (OLD.retired_at IS NULL) <> (NEW.retired_at IS NULL)
BEGIN
    INSERT INTO budget_tally (rows_by, key, fiscal_year, allocations, amount_kyen)
        SELECT d.rows_by, CASE d.rows_by WHEN 1 THEN p.integrated_project_id WHEN 2 THEN p.program_id ELSE p.phase END, b.fiscal_year, count(*), sum(b.amount_kyen)
        FROM project p JOIN budget_allocation b ON b.project_id = p.id, (SELECT 1 AS rows_by UNION ALL SELECT 2 UNION ALL SELECT 3) d
        WHERE p.id = NEW.id AND NOT EXISTS (SELECT 1 FROM budget_pending WHERE project_id = NEW.id) AND p.retired_at IS NULL GROUP BY 1, 2, 3
        ON CONFLICT (rows_by, key, fiscal_year) DO UPDATE
        SET allocations = allocations + excluded.allocations, amount_kyen = amount_kyen + excluded.amount_kyen;
    INSERT INTO funnel_tally (fiscal_year, integrated_project_id, phase, in_phase, advanced)
        SELECT t.year, p.integrated_project_id, t.phase, max(t.inside), max(t.advanced)
        FROM project p, (
            SELECT y.year AS year, s.phase AS phase, 1 AS inside, 0 AS advanced
            FROM (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = NEW.id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
            JOIN fiscal_year_list y ON y.year BETWEEN (CAST(substr(s.from_on, 1, 4) AS INTEGER) - (substr(s.from_on, 6, 2) < '04')) AND (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')),
            (SELECT to_phase, changed_on FROM phase_change WHERE project_id = NEW.id ORDER BY changed_on DESC, id DESC LIMIT 1) o
            WHERE s.to_on IS NOT NULL AND NOT (s.phase = o.to_phase AND y.year >= (CAST(substr(o.changed_on, 1, 4) AS INTEGER) - (substr(o.changed_on, 6, 2) < '04')))
            UNION ALL
            SELECT (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')), s.phase, 0, 1
            FROM (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = NEW.id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
            WHERE s.to_on IS NOT NULL AND s.next_phase > s.phase) t
        WHERE p.id = NEW.id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = NEW.id) AND p.retired_at IS NULL GROUP BY t.year, t.phase
        ON CONFLICT (fiscal_year, integrated_project_id, phase) DO UPDATE
        SET in_phase = in_phase + excluded.in_phase, advanced = advanced + excluded.advanced;
    INSERT INTO funnel_open (integrated_project_id, phase, since_year, projects)
        SELECT p.integrated_project_id, o.to_phase, (CAST(substr(o.changed_on, 1, 4) AS INTEGER) - (substr(o.changed_on, 6, 2) < '04')), 1
        FROM project p, (SELECT to_phase, changed_on FROM phase_change WHERE project_id = NEW.id ORDER BY changed_on DESC, id DESC LIMIT 1) o
        WHERE p.id = NEW.id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = NEW.id) AND p.retired_at IS NULL
        ON CONFLICT (integrated_project_id, phase, since_year) DO UPDATE
        SET projects = projects + excluded.projects;
    INSERT INTO funnel_stay_days (fiscal_year, integrated_project_id, phase, days, stays)
        SELECT (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04')), p.integrated_project_id, s.phase,
               CAST(round(julianday(s.to_on) - julianday(s.from_on)) AS INTEGER), count(*)
        FROM project p, (SELECT c.to_phase AS phase, c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on,
                     lead(c.to_phase) OVER w AS next_phase
              FROM phase_change c WHERE c.project_id = NEW.id WINDOW w AS (ORDER BY c.changed_on, c.id)) s
        WHERE p.id = NEW.id AND NOT EXISTS (SELECT 1 FROM funnel_pending WHERE project_id = NEW.id) AND p.retired_at IS NULL AND s.to_on IS NOT NULL GROUP BY 1, 2, 3, 4
        ON CONFLICT (fiscal_year, integrated_project_id, phase, days) DO UPDATE
        SET stays = stays + excluded.stays;
END;

-- A project added during a bulk write contributes nothing yet (no allocation, no phase change can
-- name it before it exists): it is noted at once, so its rows never run the per-row triggers.
CREATE TRIGGER portfolio_tally_project_insert AFTER INSERT ON project
WHEN EXISTS (SELECT 1 FROM tally_pause)
BEGIN
    INSERT OR IGNORE INTO budget_pending (project_id) VALUES (NEW.id);
    INSERT OR IGNORE INTO funnel_pending (project_id) VALUES (NEW.id);
END;

CREATE TRIGGER portfolio_tally_project_delete BEFORE DELETE ON project
BEGIN
    DELETE FROM budget_allocation WHERE project_id = OLD.id;
    DELETE FROM phase_change WHERE project_id = OLD.id;
END;

-- While a bulk write holds `tally_pause`, an allocation's first change takes its project's whole
-- budget contribution away and notes the project in `budget_pending`; the triggers above then
-- leave it alone until `tally::paused` adds the pending projects back set-wise.
CREATE TRIGGER budget_tally_pause_insert BEFORE INSERT ON budget_allocation
WHEN EXISTS (SELECT 1 FROM tally_pause)
 AND NOT EXISTS (SELECT 1 FROM budget_pending WHERE project_id = NEW.project_id)
BEGIN
    INSERT INTO budget_tally (rows_by, key, fiscal_year, allocations, amount_kyen)
        SELECT d.rows_by, CASE d.rows_by WHEN 1 THEN p.integrated_project_id WHEN 2 THEN p.program_id ELSE p.phase END, b.fiscal_year, -count(*), -sum(b.amount_kyen)
        FROM project p JOIN budget_allocation b ON b.project_id = p.id, (SELECT 1 AS rows_by UNION ALL SELECT 2 UNION ALL SELECT 3) d
        WHERE p.id = NEW.project_id AND NOT EXISTS (SELECT 1 FROM budget_pending WHERE project_id = NEW.project_id) AND p.retired_at IS NULL GROUP BY 1, 2, 3
        ON CONFLICT (rows_by, key, fiscal_year) DO UPDATE
        SET allocations = allocations + excluded.allocations, amount_kyen = amount_kyen + excluded.amount_kyen;
    INSERT OR IGNORE INTO budget_pending (project_id) SELECT NEW.project_id FROM tally_pause;
END;

CREATE TRIGGER budget_tally_pause_delete BEFORE DELETE ON budget_allocation
WHEN EXISTS (SELECT 1 FROM tally_pause)
 AND NOT EXISTS (SELECT 1 FROM budget_pending WHERE project_id = OLD.project_id)
BEGIN
    INSERT INTO budget_tally (rows_by, key, fiscal_year, allocations, amount_kyen)
        SELECT d.rows_by, CASE d.rows_by WHEN 1 THEN p.integrated_project_id WHEN 2 THEN p.program_id ELSE p.phase END, b.fiscal_year, -count(*), -sum(b.amount_kyen)
        FROM project p JOIN budget_allocation b ON b.project_id = p.id, (SELECT 1 AS rows_by UNION ALL SELECT 2 UNION ALL SELECT 3) d
        WHERE p.id = OLD.project_id AND NOT EXISTS (SELECT 1 FROM budget_pending WHERE project_id = OLD.project_id) AND p.retired_at IS NULL GROUP BY 1, 2, 3
        ON CONFLICT (rows_by, key, fiscal_year) DO UPDATE
        SET allocations = allocations + excluded.allocations, amount_kyen = amount_kyen + excluded.amount_kyen;
    INSERT OR IGNORE INTO budget_pending (project_id) SELECT OLD.project_id FROM tally_pause;
END;

CREATE TRIGGER budget_tally_pause_update BEFORE UPDATE ON budget_allocation
WHEN EXISTS (SELECT 1 FROM tally_pause)
BEGIN
    INSERT INTO budget_tally (rows_by, key, fiscal_year, allocations, amount_kyen)
        SELECT d.rows_by, CASE d.rows_by WHEN 1 THEN p.integrated_project_id WHEN 2 THEN p.program_id ELSE p.phase END, b.fiscal_year, -count(*), -sum(b.amount_kyen)
        FROM project p JOIN budget_allocation b ON b.project_id = p.id, (SELECT 1 AS rows_by UNION ALL SELECT 2 UNION ALL SELECT 3) d
        WHERE p.id = OLD.project_id AND NOT EXISTS (SELECT 1 FROM budget_pending WHERE project_id = OLD.project_id) AND p.retired_at IS NULL GROUP BY 1, 2, 3
        ON CONFLICT (rows_by, key, fiscal_year) DO UPDATE
        SET allocations = allocations + excluded.allocations, amount_kyen = amount_kyen + excluded.amount_kyen;
    INSERT OR IGNORE INTO budget_pending (project_id) SELECT OLD.project_id FROM tally_pause;
    INSERT INTO budget_tally (rows_by, key, fiscal_year, allocations, amount_kyen)
        SELECT d.rows_by, CASE d.rows_by WHEN 1 THEN p.integrated_project_id WHEN 2 THEN p.program_id ELSE p.phase END, b.fiscal_year, -count(*), -sum(b.amount_kyen)
        FROM project p JOIN budget_allocation b ON b.project_id = p.id, (SELECT 1 AS rows_by UNION ALL SELECT 2 UNION ALL SELECT 3) d
        WHERE p.id = NEW.project_id AND NOT EXISTS (SELECT 1 FROM budget_pending WHERE project_id = NEW.project_id) AND p.retired_at IS NULL GROUP BY 1, 2, 3
        ON CONFLICT (rows_by, key, fiscal_year) DO UPDATE
        SET allocations = allocations + excluded.allocations, amount_kyen = amount_kyen + excluded.amount_kyen;
    INSERT OR IGNORE INTO budget_pending (project_id) SELECT NEW.project_id FROM tally_pause;
END;

INSERT INTO fiscal_year_list (year)
    WITH RECURSIVE y (v) AS (SELECT 1990 UNION ALL SELECT v + 1 FROM y WHERE v < 2100) SELECT v FROM y;

INSERT INTO budget_tally (rows_by, key, fiscal_year, allocations, amount_kyen)
    SELECT d.rows_by, CASE d.rows_by WHEN 1 THEN p.integrated_project_id WHEN 2 THEN p.program_id ELSE p.phase END, b.fiscal_year, count(*), sum(b.amount_kyen)
    FROM budget_allocation b JOIN project p ON p.id = b.project_id, (SELECT 1 AS rows_by UNION ALL SELECT 2 UNION ALL SELECT 3) d
    WHERE p.retired_at IS NULL GROUP BY 1, 2, 3;
CREATE TEMP TABLE funnel_stay AS
    SELECT c.project_id AS project_id, p.integrated_project_id AS ip, c.to_phase AS phase,
           c.changed_on AS from_on, lead(c.changed_on) OVER w AS to_on, lead(c.to_phase) OVER w AS next_phase
    FROM phase_change c JOIN project p ON p.id = c.project_id WHERE p.retired_at IS NULL
    WINDOW w AS (PARTITION BY c.project_id ORDER BY c.changed_on, c.id);
INSERT INTO funnel_open (integrated_project_id, phase, since_year, projects)
    SELECT ip, phase, (CAST(substr(from_on, 1, 4) AS INTEGER) - (substr(from_on, 6, 2) < '04')), count(*) FROM temp.funnel_stay WHERE to_on IS NULL GROUP BY 1, 2, 3;
INSERT INTO funnel_stay_days (fiscal_year, integrated_project_id, phase, days, stays)
    SELECT (CAST(substr(to_on, 1, 4) AS INTEGER) - (substr(to_on, 6, 2) < '04')), ip, phase, CAST(round(julianday(to_on) - julianday(from_on)) AS INTEGER), count(*)
    FROM temp.funnel_stay WHERE to_on IS NOT NULL GROUP BY 1, 2, 3, 4;
INSERT INTO funnel_tally (fiscal_year, integrated_project_id, phase, in_phase, advanced)
    SELECT year, ip, phase, sum(inside), sum(advanced) FROM (
        SELECT project_id, ip, year, phase, max(inside) AS inside, max(advanced) AS advanced FROM (
            SELECT s.project_id, s.ip, y.year AS year, s.phase, 1 AS inside, 0 AS advanced
            FROM temp.funnel_stay s
            JOIN fiscal_year_list y ON y.year BETWEEN (CAST(substr(s.from_on, 1, 4) AS INTEGER) - (substr(s.from_on, 6, 2) < '04')) AND (CAST(substr(s.to_on, 1, 4) AS INTEGER) - (substr(s.to_on, 6, 2) < '04'))
            JOIN temp.funnel_stay o ON o.project_id = s.project_id AND o.to_on IS NULL
            WHERE s.to_on IS NOT NULL AND NOT (s.phase = o.phase AND y.year >= (CAST(substr(o.from_on, 1, 4) AS INTEGER) - (substr(o.from_on, 6, 2) < '04')))
            UNION ALL
            SELECT project_id, ip, (CAST(substr(to_on, 1, 4) AS INTEGER) - (substr(to_on, 6, 2) < '04')), phase, 0, 1 FROM temp.funnel_stay
            WHERE to_on IS NOT NULL AND next_phase > phase)
        GROUP BY project_id, year, phase)
    GROUP BY year, ip, phase;
DROP TABLE temp.funnel_stay;
