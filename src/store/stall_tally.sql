-- The funnel's "stalled" figure kept per day (schema v13): live projects short of 実用化 counted by
-- the day they entered their current phase, so "stalled" (entered before today − the stall days)
-- sums the days before a date — a few thousand rows at most, bounded by the calendar — instead of
-- counting the projects. Kept by the triggers below in the same transaction as every change; a
-- project is counted while it is live, its phase is below 実用化 (5) and it has a phase_entered row.
-- `seedline doctor` compares the table with a recount; `doctor --rebuild-counts` refills it.
CREATE TABLE stall_tally (
    entered_on TEXT PRIMARY KEY,
    projects   INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TRIGGER stall_tally_zero AFTER UPDATE OF projects ON stall_tally WHEN NEW.projects = 0
BEGIN
    DELETE FROM stall_tally WHERE entered_on = NEW.entered_on;
END;

CREATE TRIGGER stall_tally_entered_insert AFTER INSERT ON phase_entered
BEGIN
    INSERT INTO stall_tally (entered_on, projects)
        SELECT NEW.entered_on, 1 FROM project p
        WHERE p.id = NEW.project_id AND p.retired_at IS NULL AND p.phase < 5
        ON CONFLICT (entered_on) DO UPDATE SET projects = projects + excluded.projects;
END;

CREATE TRIGGER stall_tally_entered_update AFTER UPDATE ON phase_entered
BEGIN
    INSERT INTO stall_tally (entered_on, projects)
        SELECT OLD.entered_on, -1 FROM project p
        WHERE p.id = OLD.project_id AND p.retired_at IS NULL AND p.phase < 5
        ON CONFLICT (entered_on) DO UPDATE SET projects = projects + excluded.projects;
    INSERT INTO stall_tally (entered_on, projects)
        SELECT NEW.entered_on, 1 FROM project p
        WHERE p.id = NEW.project_id AND p.retired_at IS NULL AND p.phase < 5
        ON CONFLICT (entered_on) DO UPDATE SET projects = projects + excluded.projects;
END;

-- A project's delete takes its count away before the row goes (below); by the time its
-- phase_entered row is deleted by the cascade the project is gone and this finds nothing.
CREATE TRIGGER stall_tally_entered_delete AFTER DELETE ON phase_entered
BEGIN
    INSERT INTO stall_tally (entered_on, projects)
        SELECT OLD.entered_on, -1 FROM project p
        WHERE p.id = OLD.project_id AND p.retired_at IS NULL AND p.phase < 5
        ON CONFLICT (entered_on) DO UPDATE SET projects = projects + excluded.projects;
END;

CREATE TRIGGER stall_tally_project_update AFTER UPDATE OF id, phase, retired_at ON project
BEGIN
    INSERT INTO stall_tally (entered_on, projects)
        SELECT e.entered_on, -1 FROM phase_entered e
        WHERE e.project_id = OLD.id AND OLD.retired_at IS NULL AND OLD.phase < 5
        ON CONFLICT (entered_on) DO UPDATE SET projects = projects + excluded.projects;
    INSERT INTO stall_tally (entered_on, projects)
        SELECT e.entered_on, 1 FROM phase_entered e
        WHERE e.project_id = NEW.id AND NEW.retired_at IS NULL AND NEW.phase < 5
        ON CONFLICT (entered_on) DO UPDATE SET projects = projects + excluded.projects;
END;

CREATE TRIGGER stall_tally_project_delete BEFORE DELETE ON project
BEGIN
    INSERT INTO stall_tally (entered_on, projects)
        SELECT e.entered_on, -1 FROM phase_entered e
        WHERE e.project_id = OLD.id AND OLD.retired_at IS NULL AND OLD.phase < 5
        ON CONFLICT (entered_on) DO UPDATE SET projects = projects + excluded.projects;
END;
