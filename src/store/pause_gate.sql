-- Schema v17: a bulk write's per-row triggers decide in their WHEN clause, not in their body,
-- that a paused or pending project has nothing to add. A body that ends up doing nothing still
-- costs a trigger program opening its view's every table: about 14 µs a row, a tenth of an
-- import's time. Each new WHEN is the body's own condition, so every figure moves as before.
-- (IF EXISTS: an older database rolled back by the tests runs the step again.)
DROP TRIGGER IF EXISTS tally_project_insert;
DROP TRIGGER IF EXISTS portfolio_tally_project_insert;
DROP TRIGGER IF EXISTS pause_project_insert;
DROP TRIGGER IF EXISTS tally_pda_insert_before;
DROP TRIGGER IF EXISTS tally_pda_insert_after;

-- A project inserted outside a bulk write adds its contribution at once…
CREATE TRIGGER tally_project_insert AFTER INSERT ON project
WHEN NOT EXISTS (SELECT 1 FROM tally_pause)
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = NEW.id + 0
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- …and inside one is noted for every set-wise add at the end (dashboard, budget and funnel counts).
CREATE TRIGGER pause_project_insert AFTER INSERT ON project
WHEN EXISTS (SELECT 1 FROM tally_pause)
BEGIN
    INSERT OR IGNORE INTO tally_pending (project_id) VALUES (NEW.id);
    INSERT OR IGNORE INTO budget_pending (project_id) VALUES (NEW.id);
    INSERT OR IGNORE INTO funnel_pending (project_id) VALUES (NEW.id);
END;

CREATE TRIGGER tally_pda_insert_before BEFORE INSERT ON project_disease_area
WHEN NOT EXISTS (SELECT 1 FROM project_disease_area WHERE project_id = NEW.project_id AND disease_area_id = NEW.disease_area_id)
  AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.project_id)
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = NEW.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT NEW.project_id FROM tally_pause;
END;

CREATE TRIGGER tally_pda_insert_after AFTER INSERT ON project_disease_area
WHEN NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.project_id)
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = NEW.project_id
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
