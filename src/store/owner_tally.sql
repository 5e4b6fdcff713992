-- Schema v18: the due board's per-officer view (`t`) for everyone from kept counts, whatever the
-- number of projects. `follow_up_tally`: open follow-ups of live projects per author and due day
-- (open as the board reads them: a follow-up date, not done, not deleted). `unassigned_tally`: open
-- deadlines of live projects that have no assigned officer, per due day (the board's `-` row; the
-- assigned ones are `deadline_tally`'s rows per officer). Kept by the triggers below in the same
-- transaction as every change, bulk writes too (one upsert into a small table per row); a row back
-- at zero is removed; `seedline doctor` compares both with a recount (the views at the end) and
-- `doctor --rebuild-counts` refills them. Triggers on `project` name the row as `id + 0` (see
-- `tally_project.sql`).
CREATE TABLE follow_up_tally (
    author TEXT NOT NULL,
    due_on TEXT NOT NULL,
    n      INTEGER NOT NULL,
    PRIMARY KEY (author, due_on)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER follow_up_tally_zero AFTER UPDATE OF n ON follow_up_tally WHEN NEW.n = 0
BEGIN
    DELETE FROM follow_up_tally WHERE author = NEW.author AND due_on = NEW.due_on;
END;

CREATE TRIGGER follow_up_tally_insert AFTER INSERT ON note
WHEN NEW.follow_up_on IS NOT NULL AND NEW.follow_up_done_at IS NULL AND NEW.deleted_at IS NULL
BEGIN
    INSERT INTO follow_up_tally (author, due_on, n)
        SELECT NEW.author, NEW.follow_up_on, 1 FROM project p
        WHERE p.id = NEW.project_id AND p.retired_at IS NULL
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- A project's own deletion takes its part away first (`follow_up_tally_project_delete`); the
-- cascaded deletes of its notes then find no project and change nothing.
CREATE TRIGGER follow_up_tally_delete AFTER DELETE ON note
WHEN OLD.follow_up_on IS NOT NULL AND OLD.follow_up_done_at IS NULL AND OLD.deleted_at IS NULL
BEGIN
    INSERT INTO follow_up_tally (author, due_on, n)
        SELECT OLD.author, OLD.follow_up_on, -1 FROM project p
        WHERE p.id = OLD.project_id AND p.retired_at IS NULL
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER follow_up_tally_update
AFTER UPDATE OF follow_up_on, follow_up_done_at, deleted_at, author, project_id ON note
WHEN (OLD.follow_up_on IS NOT NULL AND OLD.follow_up_done_at IS NULL AND OLD.deleted_at IS NULL)
  OR (NEW.follow_up_on IS NOT NULL AND NEW.follow_up_done_at IS NULL AND NEW.deleted_at IS NULL)
BEGIN
    INSERT INTO follow_up_tally (author, due_on, n)
        SELECT OLD.author, OLD.follow_up_on, -1 FROM project p
        WHERE p.id = OLD.project_id AND p.retired_at IS NULL
          AND OLD.follow_up_on IS NOT NULL AND OLD.follow_up_done_at IS NULL AND OLD.deleted_at IS NULL
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO follow_up_tally (author, due_on, n)
        SELECT NEW.author, NEW.follow_up_on, 1 FROM project p
        WHERE p.id = NEW.project_id AND p.retired_at IS NULL
          AND NEW.follow_up_on IS NOT NULL AND NEW.follow_up_done_at IS NULL AND NEW.deleted_at IS NULL
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- A project retired (its open follow-ups leave the counts) or restored (they come back).
CREATE TRIGGER follow_up_tally_project_retire AFTER UPDATE OF retired_at ON project
WHEN (OLD.retired_at IS NULL) <> (NEW.retired_at IS NULL)
BEGIN
    INSERT INTO follow_up_tally (author, due_on, n)
        SELECT f.author, f.follow_up_on, CASE WHEN NEW.retired_at IS NULL THEN 1 ELSE -1 END * count(*)
        FROM note f
        WHERE f.project_id = NEW.id + 0 AND f.follow_up_on IS NOT NULL
          AND f.follow_up_done_at IS NULL AND f.deleted_at IS NULL
        GROUP BY f.author, f.follow_up_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER follow_up_tally_project_delete BEFORE DELETE ON project WHEN OLD.retired_at IS NULL
BEGIN
    INSERT INTO follow_up_tally (author, due_on, n)
        SELECT f.author, f.follow_up_on, -count(*)
        FROM note f
        WHERE f.project_id = OLD.id + 0 AND f.follow_up_on IS NOT NULL
          AND f.follow_up_done_at IS NULL AND f.deleted_at IS NULL
        GROUP BY f.author, f.follow_up_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TABLE unassigned_tally (
    due_on TEXT NOT NULL PRIMARY KEY,
    n      INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TRIGGER unassigned_tally_zero AFTER UPDATE OF n ON unassigned_tally WHEN NEW.n = 0
BEGIN
    DELETE FROM unassigned_tally WHERE due_on = NEW.due_on;
END;

-- A deadline counts while it is open, its project live and without an officer. A project's own
-- deletion takes its part away first; the cascaded deletes then find no project.
CREATE TRIGGER unassigned_tally_insert AFTER INSERT ON deadline WHEN NEW.done_on IS NULL
BEGIN
    INSERT INTO unassigned_tally (due_on, n)
        SELECT NEW.due_on, 1 FROM project p
        WHERE p.id = NEW.project_id AND p.retired_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM project_officer WHERE project_id = NEW.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER unassigned_tally_delete AFTER DELETE ON deadline WHEN OLD.done_on IS NULL
BEGIN
    INSERT INTO unassigned_tally (due_on, n)
        SELECT OLD.due_on, -1 FROM project p
        WHERE p.id = OLD.project_id AND p.retired_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM project_officer WHERE project_id = OLD.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER unassigned_tally_update AFTER UPDATE OF due_on, done_on, project_id ON deadline
WHEN OLD.done_on IS NULL OR NEW.done_on IS NULL
BEGIN
    INSERT INTO unassigned_tally (due_on, n)
        SELECT OLD.due_on, -1 FROM project p
        WHERE p.id = OLD.project_id AND p.retired_at IS NULL AND OLD.done_on IS NULL
          AND NOT EXISTS (SELECT 1 FROM project_officer WHERE project_id = OLD.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO unassigned_tally (due_on, n)
        SELECT NEW.due_on, 1 FROM project p
        WHERE p.id = NEW.project_id AND p.retired_at IS NULL AND NEW.done_on IS NULL
          AND NOT EXISTS (SELECT 1 FROM project_officer WHERE project_id = NEW.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- The first officer in (no other row of the project after the insert): the project's open
-- deadlines leave; the last officer out (no row left after the delete): they come back.
CREATE TRIGGER unassigned_tally_officer_insert AFTER INSERT ON project_officer
WHEN NOT EXISTS (SELECT 1 FROM project_officer
                 WHERE project_id = NEW.project_id AND officer_id <> NEW.officer_id)
BEGIN
    INSERT INTO unassigned_tally (due_on, n)
        SELECT d.due_on, -count(*)
        FROM deadline d JOIN project p ON p.id = d.project_id
        WHERE d.project_id = NEW.project_id AND d.done_on IS NULL AND p.retired_at IS NULL
        GROUP BY d.due_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER unassigned_tally_officer_delete AFTER DELETE ON project_officer
WHEN NOT EXISTS (SELECT 1 FROM project_officer WHERE project_id = OLD.project_id)
BEGIN
    INSERT INTO unassigned_tally (due_on, n)
        SELECT d.due_on, count(*)
        FROM deadline d JOIN project p ON p.id = d.project_id
        WHERE d.project_id = OLD.project_id AND d.done_on IS NULL AND p.retired_at IS NULL
        GROUP BY d.due_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- A row moved between projects: the one it left may have none now, the one it joined may have
-- had none before.
CREATE TRIGGER unassigned_tally_officer_update AFTER UPDATE OF project_id ON project_officer
WHEN OLD.project_id <> NEW.project_id
BEGIN
    INSERT INTO unassigned_tally (due_on, n)
        SELECT d.due_on, count(*)
        FROM deadline d JOIN project p ON p.id = d.project_id
        WHERE d.project_id = OLD.project_id AND d.done_on IS NULL AND p.retired_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM project_officer WHERE project_id = OLD.project_id)
        GROUP BY d.due_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO unassigned_tally (due_on, n)
        SELECT d.due_on, -count(*)
        FROM deadline d JOIN project p ON p.id = d.project_id
        WHERE d.project_id = NEW.project_id AND d.done_on IS NULL AND p.retired_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM project_officer
                          WHERE project_id = NEW.project_id AND officer_id <> NEW.officer_id)
        GROUP BY d.due_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- A project without officers retired (its open deadlines leave) or restored (they come back).
CREATE TRIGGER unassigned_tally_project_retire AFTER UPDATE OF retired_at ON project
WHEN (OLD.retired_at IS NULL) <> (NEW.retired_at IS NULL)
BEGIN
    INSERT INTO unassigned_tally (due_on, n)
        SELECT d.due_on, CASE WHEN NEW.retired_at IS NULL THEN 1 ELSE -1 END * count(*)
        FROM deadline d
        WHERE d.project_id = NEW.id + 0 AND d.done_on IS NULL
          AND NOT EXISTS (SELECT 1 FROM project_officer WHERE project_id = NEW.id + 0)
        GROUP BY d.due_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER unassigned_tally_project_delete BEFORE DELETE ON project WHEN OLD.retired_at IS NULL
BEGIN
    INSERT INTO unassigned_tally (due_on, n)
        SELECT d.due_on, -count(*)
        FROM deadline d
        WHERE d.project_id = OLD.id + 0 AND d.done_on IS NULL
          AND NOT EXISTS (SELECT 1 FROM project_officer WHERE project_id = OLD.id + 0)
        GROUP BY d.due_on
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- The same rows counted afresh: what `doctor` compares with, `--rebuild-counts` and the migration
-- fill from.
CREATE VIEW follow_up_tally_recount (author, due_on, n) AS
    SELECT f.author, f.follow_up_on, count(*)
    FROM note f JOIN project p ON p.id = f.project_id
    WHERE f.follow_up_on IS NOT NULL AND f.follow_up_done_at IS NULL AND f.deleted_at IS NULL
      AND p.retired_at IS NULL
    GROUP BY f.author, f.follow_up_on;

CREATE VIEW unassigned_tally_recount (due_on, n) AS
    SELECT d.due_on, count(*)
    FROM deadline d JOIN project p ON p.id = d.project_id
    WHERE d.done_on IS NULL AND p.retired_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM project_officer po WHERE po.project_id = d.project_id)
    GROUP BY d.due_on;
