-- Dashboard counts kept per cell (schema version 9): the matrix, the headline and the project
-- count read these instead of recounting every project per frame. Triggers keep them in the same
-- transaction as every change: BEFORE a change takes the touched project's whole contribution
-- (the `tally_contribution` view) away, AFTER it adds the new one back. `officer_id` 0 is everyone;
-- otherwise each assigned officer's projects again (dashboard `o`). `dim`: 'ip' integrated project,
-- 'area' disease area, 'top' parent area (a project once per parent). `day`: the follow-up date of
-- due figures, the fiscal year of budgets, '' otherwise. `seedline doctor` compares the table with
-- a recount; `seedline doctor --rebuild-counts` rebuilds it.
CREATE TABLE tally (
    officer_id INTEGER NOT NULL,
    dim        TEXT NOT NULL CHECK (dim IN ('ip', 'area', 'top')),
    figure     TEXT NOT NULL CHECK (figure IN ('projects', 'flagged', 'due_projects', 'due_notes',
                                               'licensed', 'approvals', 'budget')),
    key        INTEGER NOT NULL,
    phase      INTEGER NOT NULL,
    day        TEXT NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (officer_id, dim, figure, key, phase, day)
) STRICT, WITHOUT ROWID;

-- A bulk write (import, demo) pauses the per-row work: while this holds its one row, a trigger
-- only notes the touched project in `tally_pending` (its old contribution taken away once); the
-- bulk write adds the pending projects' contributions back set-wise before it commits.
CREATE TABLE tally_pause (
    one INTEGER PRIMARY KEY CHECK (one = 1)
) STRICT;

CREATE TABLE tally_pending (
    project_id INTEGER PRIMARY KEY
) STRICT;

-- A project's cells: its integrated project, each disease area and each parent area once, in its
-- phase; retired projects count nowhere.
CREATE VIEW tally_keys (project_id, dim, key, phase) AS
    SELECT id, 'ip', integrated_project_id, phase FROM project WHERE retired_at IS NULL
    UNION ALL
    SELECT p.id, 'area', x.disease_area_id, p.phase
    FROM project p JOIN project_disease_area x ON x.project_id = p.id
    WHERE p.retired_at IS NULL
    UNION ALL
    SELECT DISTINCT p.id, 'top', coalesce(a.parent_id, a.id), p.phase
    FROM project p JOIN project_disease_area x ON x.project_id = p.id
    JOIN disease_area a ON a.id = x.disease_area_id
    WHERE p.retired_at IS NULL;

-- Whose counts a project adds to: everyone's (0) and each assigned officer's.
CREATE VIEW tally_who (project_id, officer_id) AS
    SELECT id, 0 FROM project
    UNION ALL
    SELECT project_id, officer_id FROM project_officer;

-- What a project adds to each of its cells.
CREATE VIEW tally_figures (project_id, figure, day, n) AS
    SELECT id, 'projects', '', 1 FROM project
    UNION ALL
    SELECT project_id, 'flagged', '', 1 FROM highway_flag
    WHERE status IN ('candidate', 'recommended')
    UNION ALL
    SELECT project_id, 'due_projects', min(follow_up_on), 1 FROM note
    WHERE follow_up_on IS NOT NULL AND follow_up_done_at IS NULL AND deleted_at IS NULL
    GROUP BY project_id
    UNION ALL
    SELECT project_id, 'due_notes', follow_up_on, count(*) FROM note
    WHERE follow_up_on IS NOT NULL AND follow_up_done_at IS NULL AND deleted_at IS NULL
    GROUP BY project_id, follow_up_on
    UNION ALL
    SELECT p.id, 'licensed', '', 1 FROM project p
    WHERE p.licensing_status IN ('assignment', 'license', 'joint_development')
       OR EXISTS (SELECT 1 FROM outcome o
                  WHERE o.project_id = p.id AND o.kind = 'licensing' AND o.deleted_at IS NULL)
    UNION ALL
    SELECT project_id, 'approvals', '', count(*) FROM outcome
    WHERE kind = 'regulatory_approval' AND deleted_at IS NULL
    GROUP BY project_id
    UNION ALL
    SELECT project_id, 'budget', CAST(fiscal_year AS TEXT), amount_kyen FROM budget_allocation;

-- One project's whole contribution: every (officer, cell, figure, day) it adds to. The headline's
-- figures (licensed, approvals, overdue notes) are kept per integrated project only.
CREATE VIEW tally_contribution (project_id, officer_id, dim, figure, key, phase, day, n) AS
    SELECT k.project_id, w.officer_id, k.dim, f.figure, k.key, k.phase, f.day, f.n
    FROM tally_keys k, tally_who w, tally_figures f
    WHERE w.project_id = k.project_id AND f.project_id = k.project_id
      AND (k.dim = 'ip' OR f.figure IN ('projects', 'flagged', 'due_projects', 'budget'));

-- A cell back at zero is removed (readers and the check treat a missing cell as zero).
CREATE TRIGGER tally_zero AFTER UPDATE OF n ON tally WHEN NEW.n = 0
BEGIN
    DELETE FROM tally
    WHERE officer_id = NEW.officer_id AND dim = NEW.dim AND figure = NEW.figure AND key = NEW.key
      AND phase = NEW.phase AND day = NEW.day;
END;

-- Keeping the counts: every input of `tally_contribution`.
CREATE TRIGGER tally_project_insert AFTER INSERT ON project
BEGIN
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT NEW.id FROM tally_pause;
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = NEW.id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_project_delete BEFORE DELETE ON project
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = OLD.id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT OLD.id FROM tally_pause;
END;

CREATE TRIGGER tally_project_update_before BEFORE UPDATE OF phase, integrated_project_id, retired_at, licensing_status ON project
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = OLD.id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT OLD.id FROM tally_pause;
END;

CREATE TRIGGER tally_project_update_after AFTER UPDATE OF phase, integrated_project_id, retired_at, licensing_status ON project
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = OLD.id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_pda_insert_before BEFORE INSERT ON project_disease_area
WHEN NOT EXISTS (SELECT 1 FROM project_disease_area WHERE project_id = NEW.project_id AND disease_area_id = NEW.disease_area_id)
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = NEW.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT NEW.project_id FROM tally_pause;
END;

CREATE TRIGGER tally_pda_insert_after AFTER INSERT ON project_disease_area
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = NEW.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_pda_delete_before BEFORE DELETE ON project_disease_area
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = OLD.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT OLD.project_id FROM tally_pause;
END;

CREATE TRIGGER tally_pda_delete_after AFTER DELETE ON project_disease_area
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = OLD.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_pda_update_before BEFORE UPDATE OF project_id, disease_area_id ON project_disease_area
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = OLD.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT OLD.project_id FROM tally_pause;
END;

CREATE TRIGGER tally_pda_update_after AFTER UPDATE OF project_id, disease_area_id ON project_disease_area
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = OLD.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_pda_move_before BEFORE UPDATE OF project_id ON project_disease_area
WHEN NEW.project_id <> OLD.project_id
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = NEW.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT NEW.project_id FROM tally_pause;
END;

CREATE TRIGGER tally_pda_move_after AFTER UPDATE OF project_id ON project_disease_area
WHEN NEW.project_id <> OLD.project_id
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = NEW.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_officer_insert_before BEFORE INSERT ON project_officer
WHEN NOT EXISTS (SELECT 1 FROM project_officer WHERE project_id = NEW.project_id AND officer_id = NEW.officer_id)
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = NEW.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT NEW.project_id FROM tally_pause;
END;

CREATE TRIGGER tally_officer_insert_after AFTER INSERT ON project_officer
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = NEW.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_officer_delete_before BEFORE DELETE ON project_officer
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = OLD.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT OLD.project_id FROM tally_pause;
END;

CREATE TRIGGER tally_officer_delete_after AFTER DELETE ON project_officer
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = OLD.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_officer_update_before BEFORE UPDATE OF project_id, officer_id ON project_officer
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = OLD.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT OLD.project_id FROM tally_pause;
END;

CREATE TRIGGER tally_officer_update_after AFTER UPDATE OF project_id, officer_id ON project_officer
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = OLD.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_officer_move_before BEFORE UPDATE OF project_id ON project_officer
WHEN NEW.project_id <> OLD.project_id
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = NEW.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT NEW.project_id FROM tally_pause;
END;

CREATE TRIGGER tally_officer_move_after AFTER UPDATE OF project_id ON project_officer
WHEN NEW.project_id <> OLD.project_id
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = NEW.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_flag_insert_before BEFORE INSERT ON highway_flag
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = NEW.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT NEW.project_id FROM tally_pause;
END;

CREATE TRIGGER tally_flag_insert_after AFTER INSERT ON highway_flag
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = NEW.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_flag_delete_before BEFORE DELETE ON highway_flag
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = OLD.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT OLD.project_id FROM tally_pause;
END;

CREATE TRIGGER tally_flag_delete_after AFTER DELETE ON highway_flag
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = OLD.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_flag_update_before BEFORE UPDATE OF project_id, status ON highway_flag
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = OLD.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT OLD.project_id FROM tally_pause;
END;

CREATE TRIGGER tally_flag_update_after AFTER UPDATE OF project_id, status ON highway_flag
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = OLD.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_flag_move_before BEFORE UPDATE OF project_id ON highway_flag
WHEN NEW.project_id <> OLD.project_id
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = NEW.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT NEW.project_id FROM tally_pause;
END;

CREATE TRIGGER tally_flag_move_after AFTER UPDATE OF project_id ON highway_flag
WHEN NEW.project_id <> OLD.project_id
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = NEW.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_note_insert_before BEFORE INSERT ON note
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = NEW.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT NEW.project_id FROM tally_pause;
END;

CREATE TRIGGER tally_note_insert_after AFTER INSERT ON note
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = NEW.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_note_delete_before BEFORE DELETE ON note
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = OLD.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT OLD.project_id FROM tally_pause;
END;

CREATE TRIGGER tally_note_delete_after AFTER DELETE ON note
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = OLD.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_note_update_before BEFORE UPDATE OF project_id, follow_up_on, follow_up_done_at, deleted_at ON note
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = OLD.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT OLD.project_id FROM tally_pause;
END;

CREATE TRIGGER tally_note_update_after AFTER UPDATE OF project_id, follow_up_on, follow_up_done_at, deleted_at ON note
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = OLD.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_note_move_before BEFORE UPDATE OF project_id ON note
WHEN NEW.project_id <> OLD.project_id
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = NEW.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT NEW.project_id FROM tally_pause;
END;

CREATE TRIGGER tally_note_move_after AFTER UPDATE OF project_id ON note
WHEN NEW.project_id <> OLD.project_id
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = NEW.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_outcome_insert_before BEFORE INSERT ON outcome
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = NEW.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT NEW.project_id FROM tally_pause;
END;

CREATE TRIGGER tally_outcome_insert_after AFTER INSERT ON outcome
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = NEW.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_outcome_delete_before BEFORE DELETE ON outcome
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = OLD.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT OLD.project_id FROM tally_pause;
END;

CREATE TRIGGER tally_outcome_delete_after AFTER DELETE ON outcome
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = OLD.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_outcome_update_before BEFORE UPDATE OF project_id, kind, deleted_at ON outcome
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = OLD.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT OLD.project_id FROM tally_pause;
END;

CREATE TRIGGER tally_outcome_update_after AFTER UPDATE OF project_id, kind, deleted_at ON outcome
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = OLD.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_outcome_move_before BEFORE UPDATE OF project_id ON outcome
WHEN NEW.project_id <> OLD.project_id
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = NEW.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT NEW.project_id FROM tally_pause;
END;

CREATE TRIGGER tally_outcome_move_after AFTER UPDATE OF project_id ON outcome
WHEN NEW.project_id <> OLD.project_id
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = NEW.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_budget_insert_before BEFORE INSERT ON budget_allocation
WHEN NOT EXISTS (SELECT 1 FROM budget_allocation WHERE project_id = NEW.project_id AND fiscal_year = NEW.fiscal_year)
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = NEW.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT NEW.project_id FROM tally_pause;
END;

CREATE TRIGGER tally_budget_insert_after AFTER INSERT ON budget_allocation
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = NEW.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_budget_delete_before BEFORE DELETE ON budget_allocation
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = OLD.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT OLD.project_id FROM tally_pause;
END;

CREATE TRIGGER tally_budget_delete_after AFTER DELETE ON budget_allocation
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = OLD.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_budget_update_before BEFORE UPDATE OF project_id, fiscal_year, amount_kyen ON budget_allocation
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = OLD.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT OLD.project_id FROM tally_pause;
END;

CREATE TRIGGER tally_budget_update_after AFTER UPDATE OF project_id, fiscal_year, amount_kyen ON budget_allocation
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = OLD.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = OLD.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_budget_move_before BEFORE UPDATE OF project_id ON budget_allocation
WHEN NEW.project_id <> OLD.project_id
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, -n FROM tally_contribution
        WHERE project_id = NEW.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT OR IGNORE INTO tally_pending (project_id) SELECT NEW.project_id FROM tally_pause;
END;

CREATE TRIGGER tally_budget_move_after AFTER UPDATE OF project_id ON budget_allocation
WHEN NEW.project_id <> OLD.project_id
BEGIN
    INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
        SELECT officer_id, dim, figure, key, phase, day, n FROM tally_contribution
        WHERE project_id = NEW.project_id
          AND NOT EXISTS (SELECT 1 FROM tally_pending WHERE project_id = NEW.project_id)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
