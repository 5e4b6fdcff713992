-- Open deadlines of live projects per due day, for everyone (officer 0) and per assigned officer
-- (schema v14): the due board's deadline counts are sums over days of one officer's rows, whatever
-- the number of projects. Kept by the triggers below in the same transaction as every change
-- (bulk writes too: each is one upsert on this small table); a row back at zero is removed;
-- `seedline doctor` compares it with a recount and `doctor --rebuild-counts` refills it.
CREATE TABLE deadline_tally (
    officer_id INTEGER NOT NULL,
    due_on     TEXT NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (officer_id, due_on)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER deadline_tally_zero AFTER UPDATE OF n ON deadline_tally WHEN NEW.n = 0
BEGIN
    DELETE FROM deadline_tally WHERE officer_id = NEW.officer_id AND due_on = NEW.due_on;
END;

-- One deadline counts for everyone and each officer of its project while both are open and live.
-- A project's own deletion takes its whole part away first (`deadline_tally_project_delete`); the
-- cascaded deletes of its deadlines and officers then find no project and change nothing.
CREATE TRIGGER deadline_tally_insert AFTER INSERT ON deadline WHEN NEW.done_on IS NULL
BEGIN
    INSERT INTO deadline_tally (officer_id, due_on, n)
        SELECT w.officer_id, NEW.due_on, 1
        FROM project p,
             (SELECT 0 AS officer_id UNION ALL
              SELECT officer_id FROM project_officer WHERE project_id = NEW.project_id) w
        WHERE p.id = NEW.project_id AND p.retired_at IS NULL
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER deadline_tally_delete AFTER DELETE ON deadline WHEN OLD.done_on IS NULL
BEGIN
    INSERT INTO deadline_tally (officer_id, due_on, n)
        SELECT w.officer_id, OLD.due_on, -1
        FROM project p,
             (SELECT 0 AS officer_id UNION ALL
              SELECT officer_id FROM project_officer WHERE project_id = OLD.project_id) w
        WHERE p.id = OLD.project_id AND p.retired_at IS NULL
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER deadline_tally_update AFTER UPDATE OF due_on, done_on, project_id ON deadline
WHEN OLD.done_on IS NULL OR NEW.done_on IS NULL
BEGIN
    INSERT INTO deadline_tally (officer_id, due_on, n)
        SELECT w.officer_id, OLD.due_on, -1
        FROM project p,
             (SELECT 0 AS officer_id UNION ALL
              SELECT officer_id FROM project_officer WHERE project_id = OLD.project_id) w
        WHERE p.id = OLD.project_id AND p.retired_at IS NULL AND OLD.done_on IS NULL
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO deadline_tally (officer_id, due_on, n)
        SELECT w.officer_id, NEW.due_on, 1
        FROM project p,
             (SELECT 0 AS officer_id UNION ALL
              SELECT officer_id FROM project_officer WHERE project_id = NEW.project_id) w
        WHERE p.id = NEW.project_id AND p.retired_at IS NULL AND NEW.done_on IS NULL
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- An officer assigned or unassigned: that officer's part of the project's open deadlines.
CREATE TRIGGER deadline_tally_officer_insert AFTER INSERT ON project_officer
BEGIN
    INSERT INTO deadline_tally (officer_id, due_on, n)
        SELECT NEW.officer_id, d.due_on, count(*)
        FROM deadline d JOIN project p ON p.id = d.project_id
        WHERE d.project_id = NEW.project_id AND d.done_on IS NULL AND p.retired_at IS NULL
        GROUP BY d.due_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER deadline_tally_officer_delete AFTER DELETE ON project_officer
BEGIN
    INSERT INTO deadline_tally (officer_id, due_on, n)
        SELECT OLD.officer_id, d.due_on, -count(*)
        FROM deadline d JOIN project p ON p.id = d.project_id
        WHERE d.project_id = OLD.project_id AND d.done_on IS NULL AND p.retired_at IS NULL
        GROUP BY d.due_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER deadline_tally_officer_update AFTER UPDATE OF project_id, officer_id ON project_officer
BEGIN
    INSERT INTO deadline_tally (officer_id, due_on, n)
        SELECT OLD.officer_id, d.due_on, -count(*)
        FROM deadline d JOIN project p ON p.id = d.project_id
        WHERE d.project_id = OLD.project_id AND d.done_on IS NULL AND p.retired_at IS NULL
        GROUP BY d.due_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO deadline_tally (officer_id, due_on, n)
        SELECT NEW.officer_id, d.due_on, count(*)
        FROM deadline d JOIN project p ON p.id = d.project_id
        WHERE d.project_id = NEW.project_id AND d.done_on IS NULL AND p.retired_at IS NULL
        GROUP BY d.due_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- A project retired (its open deadlines leave every count) or restored (they come back).
CREATE TRIGGER deadline_tally_project_retire AFTER UPDATE OF retired_at ON project
WHEN (OLD.retired_at IS NULL) <> (NEW.retired_at IS NULL)
BEGIN
    INSERT INTO deadline_tally (officer_id, due_on, n)
        SELECT w.officer_id, d.due_on, CASE WHEN NEW.retired_at IS NULL THEN 1 ELSE -1 END * count(*)
        FROM deadline d,
             (SELECT 0 AS officer_id UNION ALL
              SELECT officer_id FROM project_officer WHERE project_id = NEW.id) w
        WHERE d.project_id = NEW.id AND d.done_on IS NULL
        GROUP BY w.officer_id, d.due_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER deadline_tally_project_delete BEFORE DELETE ON project WHEN OLD.retired_at IS NULL
BEGIN
    INSERT INTO deadline_tally (officer_id, due_on, n)
        SELECT w.officer_id, d.due_on, -count(*)
        FROM deadline d,
             (SELECT 0 AS officer_id UNION ALL
              SELECT officer_id FROM project_officer WHERE project_id = OLD.id) w
        WHERE d.project_id = OLD.id AND d.done_on IS NULL
        GROUP BY w.officer_id, d.due_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- The same rows counted afresh: what `doctor` compares with, `--rebuild-counts` and the migration
-- fill from.
CREATE VIEW deadline_tally_recount (officer_id, due_on, n) AS
    SELECT 0, d.due_on, count(*)
    FROM deadline d JOIN project p ON p.id = d.project_id
    WHERE d.done_on IS NULL AND p.retired_at IS NULL
    GROUP BY d.due_on
    UNION ALL
    SELECT po.officer_id, d.due_on, count(*)
    FROM deadline d JOIN project p ON p.id = d.project_id
    JOIN project_officer po ON po.project_id = d.project_id
    WHERE d.done_on IS NULL AND p.retired_at IS NULL
    GROUP BY po.officer_id, d.due_on;
