-- The due follow-ups of `tally` summed by year, month and day (schema v15), so "due by today" reads
-- a number of rows bounded by the calendar (years before this one, this year's months before this
-- one, this month's days), whatever the number of distinct due days. `grain` 'y' (span 'YYYY'),
-- 'm' ('YYYY-MM') or 'd' ('YYYY-MM-DD'); only the figures 'due_projects' and 'due_notes'. Kept equal
-- to a GROUP BY of `tally` by triggers on `tally` itself, so every writer of `tally` (its row
-- triggers, a bulk write's set-wise add, the rebuild) keeps it too; a row back at zero is removed.
CREATE TABLE tally_span (
    officer_id INTEGER NOT NULL,
    dim        TEXT NOT NULL CHECK (dim IN ('ip', 'area', 'top')),
    figure     TEXT NOT NULL CHECK (figure IN ('due_projects', 'due_notes')),
    grain      TEXT NOT NULL CHECK (grain IN ('y', 'm', 'd')),
    span       TEXT NOT NULL,
    key        INTEGER NOT NULL,
    phase      INTEGER NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (officer_id, dim, figure, grain, span, key, phase)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER tally_span_zero AFTER UPDATE OF n ON tally_span WHEN NEW.n = 0
BEGIN
    DELETE FROM tally_span
    WHERE officer_id = NEW.officer_id AND dim = NEW.dim AND figure = NEW.figure
      AND grain = NEW.grain AND span = NEW.span AND key = NEW.key AND phase = NEW.phase;
END;

CREATE TRIGGER tally_span_insert AFTER INSERT ON tally
WHEN NEW.figure IN ('due_projects', 'due_notes') AND NEW.n <> 0
BEGIN
    INSERT INTO tally_span (officer_id, dim, figure, grain, span, key, phase, n)
        VALUES (NEW.officer_id, NEW.dim, NEW.figure, 'y', substr(NEW.day, 1, 4), NEW.key, NEW.phase, NEW.n)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO tally_span (officer_id, dim, figure, grain, span, key, phase, n)
        VALUES (NEW.officer_id, NEW.dim, NEW.figure, 'm', substr(NEW.day, 1, 7), NEW.key, NEW.phase, NEW.n)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO tally_span (officer_id, dim, figure, grain, span, key, phase, n)
        VALUES (NEW.officer_id, NEW.dim, NEW.figure, 'd', NEW.day, NEW.key, NEW.phase, NEW.n)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_span_update AFTER UPDATE OF n ON tally
WHEN NEW.figure IN ('due_projects', 'due_notes') AND NEW.n <> OLD.n
BEGIN
    INSERT INTO tally_span (officer_id, dim, figure, grain, span, key, phase, n)
        VALUES (NEW.officer_id, NEW.dim, NEW.figure, 'y', substr(NEW.day, 1, 4), NEW.key, NEW.phase, NEW.n - OLD.n)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO tally_span (officer_id, dim, figure, grain, span, key, phase, n)
        VALUES (NEW.officer_id, NEW.dim, NEW.figure, 'm', substr(NEW.day, 1, 7), NEW.key, NEW.phase, NEW.n - OLD.n)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO tally_span (officer_id, dim, figure, grain, span, key, phase, n)
        VALUES (NEW.officer_id, NEW.dim, NEW.figure, 'd', NEW.day, NEW.key, NEW.phase, NEW.n - OLD.n)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tally_span_delete AFTER DELETE ON tally
WHEN OLD.figure IN ('due_projects', 'due_notes') AND OLD.n <> 0
BEGIN
    INSERT INTO tally_span (officer_id, dim, figure, grain, span, key, phase, n)
        VALUES (OLD.officer_id, OLD.dim, OLD.figure, 'y', substr(OLD.day, 1, 4), OLD.key, OLD.phase, -OLD.n)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO tally_span (officer_id, dim, figure, grain, span, key, phase, n)
        VALUES (OLD.officer_id, OLD.dim, OLD.figure, 'm', substr(OLD.day, 1, 7), OLD.key, OLD.phase, -OLD.n)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO tally_span (officer_id, dim, figure, grain, span, key, phase, n)
        VALUES (OLD.officer_id, OLD.dim, OLD.figure, 'd', OLD.day, OLD.key, OLD.phase, -OLD.n)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
