-- Schema v16: the kept counts' triggers on `project` (first made in v9, `tally.sql`) find the
-- project's contribution by `id + 0`. SQLite's planner does not push a bare `OLD.id` / `NEW.id` (the
-- trigger table's rowid) into the arms of `tally_contribution`, so every project's contribution was
-- computed and filtered afterwards: one phase move took 1.1 s at 100,000 projects, an upsert import
-- a second per project. As an expression it is pushed down like a bound parameter (a few ms).
-- An update that leaves every figure's input alone (a title, a summary) no longer touches the counts.
DROP TRIGGER tally_project_insert;
DROP TRIGGER tally_project_delete;
DROP TRIGGER tally_project_update_before;
DROP TRIGGER tally_project_update_after;

CREATE TRIGGER tally_project_insert AFTER INSERT ON project
BEGIN
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT NEW.id FROM tally_pause;
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = NEW.id + 0
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_project_delete BEFORE DELETE ON project
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = OLD.id + 0
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT OLD.id FROM tally_pause;
END;

CREATE TRIGGER tally_project_update_before BEFORE UPDATE OF phase, integrated_project_id, retired_at, licensing_status ON project
WHEN OLD.phase IS NOT NEW.phase OR OLD.integrated_project_id IS NOT NEW.integrated_project_id
  OR OLD.retired_at IS NOT NEW.retired_at OR OLD.licensing_status IS NOT NEW.licensing_status
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = OLD.id + 0
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT OLD.id FROM tally_pause;
END;

CREATE TRIGGER tally_project_update_after AFTER UPDATE OF phase, integrated_project_id, retired_at, licensing_status ON project
WHEN OLD.phase IS NOT NEW.phase OR OLD.integrated_project_id IS NOT NEW.integrated_project_id
  OR OLD.retired_at IS NOT NEW.retired_at OR OLD.licensing_status IS NOT NEW.licensing_status
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = OLD.id + 0
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
