-- Schema v19: the due board's per-officer view of "mine" (`o`, then `t`) from kept counts, whatever
-- the number of projects. `deadline_pair_tally`: open deadlines of live projects per pair of
-- officers assigned to the same project, and due day: a deadline counts once in (a, b) for every
-- officer a and every officer b of its project, so officer a's rows are a's open deadlines counted
-- once for each officer assigned with a (a itself included: the diagonal (a, a) is a's own count,
-- `deadline_tally`'s row of a). Kept by the triggers below in the same transaction as every
-- change, bulk writes too (upserts into a table of officer pairs × days); a row back at zero is
-- removed; `seedline doctor` compares it with a recount (the view at the end) and
-- `doctor --rebuild-counts` refills it. AFTER triggers on `project_officer` see the table after
-- the change, so the officer that came or went is paired with the others by statements of their
-- own, and with itself once. Triggers on `project` name the row as `id + 0` (see
-- `tally_project.sql`).
CREATE TABLE deadline_pair_tally (
    officer_id    INTEGER NOT NULL,
    co_officer_id INTEGER NOT NULL,
    due_on        TEXT NOT NULL,
    n             INTEGER NOT NULL,
    PRIMARY KEY (officer_id, due_on, co_officer_id)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER deadline_pair_tally_zero AFTER UPDATE OF n ON deadline_pair_tally WHEN NEW.n = 0
BEGIN
    DELETE FROM deadline_pair_tally
    WHERE officer_id = NEW.officer_id AND due_on = NEW.due_on AND co_officer_id = NEW.co_officer_id;
END;

-- A deadline opened, closed, moved or deleted: every pair of its project's officers. A project's
-- own deletion takes its whole part away first (`deadline_pair_tally_project_delete`); the
-- cascaded deletes of its deadlines and officers then find no project and change nothing.
CREATE TRIGGER deadline_pair_tally_insert AFTER INSERT ON deadline WHEN NEW.done_on IS NULL
BEGIN
    INSERT INTO deadline_pair_tally (officer_id, co_officer_id, due_on, n)
        SELECT a.officer_id, b.officer_id, NEW.due_on, 1
        FROM project p JOIN project_officer a ON a.project_id = p.id
        JOIN project_officer b ON b.project_id = p.id
        WHERE p.id = NEW.project_id AND p.retired_at IS NULL
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER deadline_pair_tally_delete AFTER DELETE ON deadline WHEN OLD.done_on IS NULL
BEGIN
    INSERT INTO deadline_pair_tally (officer_id, co_officer_id, due_on, n)
        SELECT a.officer_id, b.officer_id, OLD.due_on, -1
        FROM project p JOIN project_officer a ON a.project_id = p.id
        JOIN project_officer b ON b.project_id = p.id
        WHERE p.id = OLD.project_id AND p.retired_at IS NULL
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER deadline_pair_tally_update AFTER UPDATE OF due_on, done_on, project_id ON deadline
WHEN OLD.done_on IS NULL OR NEW.done_on IS NULL
BEGIN
    INSERT INTO deadline_pair_tally (officer_id, co_officer_id, due_on, n)
        SELECT a.officer_id, b.officer_id, OLD.due_on, -1
        FROM project p JOIN project_officer a ON a.project_id = p.id
        JOIN project_officer b ON b.project_id = p.id
        WHERE p.id = OLD.project_id AND p.retired_at IS NULL AND OLD.done_on IS NULL
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO deadline_pair_tally (officer_id, co_officer_id, due_on, n)
        SELECT a.officer_id, b.officer_id, NEW.due_on, 1
        FROM project p JOIN project_officer a ON a.project_id = p.id
        JOIN project_officer b ON b.project_id = p.id
        WHERE p.id = NEW.project_id AND p.retired_at IS NULL AND NEW.done_on IS NULL
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- An officer assigned: (new, other) and (other, new) for every other officer of the project (the
-- table already holds the new row: it is left out by its officer), and (new, new) once.
CREATE TRIGGER deadline_pair_tally_officer_insert AFTER INSERT ON project_officer
BEGIN
    INSERT INTO deadline_pair_tally (officer_id, co_officer_id, due_on, n)
        SELECT NEW.officer_id, o.officer_id, d.due_on, count(*)
        FROM deadline d JOIN project p ON p.id = d.project_id
        JOIN project_officer o ON o.project_id = d.project_id
        WHERE d.project_id = NEW.project_id AND d.done_on IS NULL AND p.retired_at IS NULL
          AND o.officer_id <> NEW.officer_id
        GROUP BY o.officer_id, d.due_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO deadline_pair_tally (officer_id, co_officer_id, due_on, n)
        SELECT o.officer_id, NEW.officer_id, d.due_on, count(*)
        FROM deadline d JOIN project p ON p.id = d.project_id
        JOIN project_officer o ON o.project_id = d.project_id
        WHERE d.project_id = NEW.project_id AND d.done_on IS NULL AND p.retired_at IS NULL
          AND o.officer_id <> NEW.officer_id
        GROUP BY o.officer_id, d.due_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO deadline_pair_tally (officer_id, co_officer_id, due_on, n)
        SELECT NEW.officer_id, NEW.officer_id, d.due_on, count(*)
        FROM deadline d JOIN project p ON p.id = d.project_id
        WHERE d.project_id = NEW.project_id AND d.done_on IS NULL AND p.retired_at IS NULL
        GROUP BY d.due_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- An officer unassigned: the table no longer holds the row, so the officers left are the others.
CREATE TRIGGER deadline_pair_tally_officer_delete AFTER DELETE ON project_officer
BEGIN
    INSERT INTO deadline_pair_tally (officer_id, co_officer_id, due_on, n)
        SELECT OLD.officer_id, o.officer_id, d.due_on, -count(*)
        FROM deadline d JOIN project p ON p.id = d.project_id
        JOIN project_officer o ON o.project_id = d.project_id
        WHERE d.project_id = OLD.project_id AND d.done_on IS NULL AND p.retired_at IS NULL
        GROUP BY o.officer_id, d.due_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO deadline_pair_tally (officer_id, co_officer_id, due_on, n)
        SELECT o.officer_id, OLD.officer_id, d.due_on, -count(*)
        FROM deadline d JOIN project p ON p.id = d.project_id
        JOIN project_officer o ON o.project_id = d.project_id
        WHERE d.project_id = OLD.project_id AND d.done_on IS NULL AND p.retired_at IS NULL
        GROUP BY o.officer_id, d.due_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO deadline_pair_tally (officer_id, co_officer_id, due_on, n)
        SELECT OLD.officer_id, OLD.officer_id, d.due_on, -count(*)
        FROM deadline d JOIN project p ON p.id = d.project_id
        WHERE d.project_id = OLD.project_id AND d.done_on IS NULL AND p.retired_at IS NULL
        GROUP BY d.due_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- An assignment changed in place: as its deletion, then its insertion. Between the two the table
-- held neither row, so "the others" are the rows of the project other than the new one.
CREATE TRIGGER deadline_pair_tally_officer_update
AFTER UPDATE OF project_id, officer_id ON project_officer
BEGIN
    INSERT INTO deadline_pair_tally (officer_id, co_officer_id, due_on, n)
        SELECT OLD.officer_id, o.officer_id, d.due_on, -count(*)
        FROM deadline d JOIN project p ON p.id = d.project_id
        JOIN project_officer o ON o.project_id = d.project_id
        WHERE d.project_id = OLD.project_id AND d.done_on IS NULL AND p.retired_at IS NULL
          AND NOT (OLD.project_id = NEW.project_id AND o.officer_id = NEW.officer_id)
        GROUP BY o.officer_id, d.due_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO deadline_pair_tally (officer_id, co_officer_id, due_on, n)
        SELECT o.officer_id, OLD.officer_id, d.due_on, -count(*)
        FROM deadline d JOIN project p ON p.id = d.project_id
        JOIN project_officer o ON o.project_id = d.project_id
        WHERE d.project_id = OLD.project_id AND d.done_on IS NULL AND p.retired_at IS NULL
          AND NOT (OLD.project_id = NEW.project_id AND o.officer_id = NEW.officer_id)
        GROUP BY o.officer_id, d.due_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO deadline_pair_tally (officer_id, co_officer_id, due_on, n)
        SELECT OLD.officer_id, OLD.officer_id, d.due_on, -count(*)
        FROM deadline d JOIN project p ON p.id = d.project_id
        WHERE d.project_id = OLD.project_id AND d.done_on IS NULL AND p.retired_at IS NULL
        GROUP BY d.due_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO deadline_pair_tally (officer_id, co_officer_id, due_on, n)
        SELECT NEW.officer_id, o.officer_id, d.due_on, count(*)
        FROM deadline d JOIN project p ON p.id = d.project_id
        JOIN project_officer o ON o.project_id = d.project_id
        WHERE d.project_id = NEW.project_id AND d.done_on IS NULL AND p.retired_at IS NULL
          AND o.officer_id <> NEW.officer_id
        GROUP BY o.officer_id, d.due_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO deadline_pair_tally (officer_id, co_officer_id, due_on, n)
        SELECT o.officer_id, NEW.officer_id, d.due_on, count(*)
        FROM deadline d JOIN project p ON p.id = d.project_id
        JOIN project_officer o ON o.project_id = d.project_id
        WHERE d.project_id = NEW.project_id AND d.done_on IS NULL AND p.retired_at IS NULL
          AND o.officer_id <> NEW.officer_id
        GROUP BY o.officer_id, d.due_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO deadline_pair_tally (officer_id, co_officer_id, due_on, n)
        SELECT NEW.officer_id, NEW.officer_id, d.due_on, count(*)
        FROM deadline d JOIN project p ON p.id = d.project_id
        WHERE d.project_id = NEW.project_id AND d.done_on IS NULL AND p.retired_at IS NULL
        GROUP BY d.due_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- A project retired (its open deadlines leave every pair) or restored (they come back).
CREATE TRIGGER deadline_pair_tally_project_retire AFTER UPDATE OF retired_at ON project
WHEN (OLD.retired_at IS NULL) <> (NEW.retired_at IS NULL)
BEGIN
    INSERT INTO deadline_pair_tally (officer_id, co_officer_id, due_on, n)
        SELECT a.officer_id, b.officer_id, d.due_on,
               CASE WHEN NEW.retired_at IS NULL THEN 1 ELSE -1 END * count(*)
        FROM deadline d JOIN project_officer a ON a.project_id = d.project_id
        JOIN project_officer b ON b.project_id = d.project_id
        WHERE d.project_id = NEW.id + 0 AND d.done_on IS NULL
        GROUP BY a.officer_id, b.officer_id, d.due_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER deadline_pair_tally_project_delete BEFORE DELETE ON project
WHEN OLD.retired_at IS NULL
BEGIN
    INSERT INTO deadline_pair_tally (officer_id, co_officer_id, due_on, n)
        SELECT a.officer_id, b.officer_id, d.due_on, -count(*)
        FROM deadline d JOIN project_officer a ON a.project_id = d.project_id
        JOIN project_officer b ON b.project_id = d.project_id
        WHERE d.project_id = OLD.id + 0 AND d.done_on IS NULL
        GROUP BY a.officer_id, b.officer_id, d.due_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- The same rows counted afresh: what `doctor` compares with, `--rebuild-counts` and the migration
-- fill from.
CREATE VIEW deadline_pair_tally_recount (officer_id, co_officer_id, due_on, n) AS
    SELECT a.officer_id, b.officer_id, d.due_on, count(*)
    FROM deadline d JOIN project p ON p.id = d.project_id
    JOIN project_officer a ON a.project_id = d.project_id
    JOIN project_officer b ON b.project_id = d.project_id
    WHERE d.done_on IS NULL AND p.retired_at IS NULL
    GROUP BY a.officer_id, b.officer_id, d.due_on;
