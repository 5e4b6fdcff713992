-- seedline schema: the current shape of a seedline database, readable by humans.
-- A fresh database is created from this file; older databases reach the same shape through the
-- migrations in src/store/migrate.rs (a test proves both give the same schema).
-- Dates are ISO 'YYYY-MM-DD' text; timestamps are UTC 'YYYY-MM-DDTHH:MM:SS.sssZ' text.
-- `date(julianday(x)) IS x` refuses impossible dates such as 2024-02-30 (SQLite would normalise them).

-- 研究開発フェーズ: 1 基礎 basic, 2 応用 applied, 3 非臨床 non-clinical, 4 臨床 clinical, 5 実用化 practical use.
-- The id is the phase's order, so ranges and "first <= last" are plain integer comparisons.
CREATE TABLE phase (
    id      INTEGER PRIMARY KEY CHECK (id BETWEEN 1 AND 5),
    code    TEXT NOT NULL UNIQUE,
    name_ja TEXT NOT NULL UNIQUE,
    name_en TEXT NOT NULL
) STRICT;

-- 承認上の分類 (modality).
CREATE TABLE modality (
    code       TEXT PRIMARY KEY CHECK (code IN ('drug', 'device', 'ivd', 'regen', 'other')),
    name_ja    TEXT NOT NULL UNIQUE,
    name_en    TEXT NOT NULL,
    sort_order INTEGER NOT NULL
) STRICT;

-- 統合プロジェクト: AMED's top-level portfolios; 2nd (FY2020-24) and 3rd (FY2025-29) periods coexist.
CREATE TABLE integrated_project (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
    name_ja    TEXT NOT NULL CHECK (length(name_ja) > 0),
    name_en    TEXT NOT NULL,
    period     INTEGER NOT NULL CHECK (period IN (2, 3)),
    sort_order INTEGER NOT NULL,
    UNIQUE (period, name_ja)
) STRICT;

-- 疾患領域: a two-level tree (ライフコース groups its sub-areas).
CREATE TABLE disease_area (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
    name_ja    TEXT NOT NULL UNIQUE CHECK (length(name_ja) > 0),
    name_en    TEXT NOT NULL,
    parent_id  INTEGER REFERENCES disease_area (id),
    sort_order INTEGER NOT NULL,
    CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;

-- 事業: a funding program run for a ministry, funding a span of phases. A retired program keeps its
-- projects; it is no longer offered for new ones.
CREATE TABLE program (
    id                    INTEGER PRIMARY KEY,
    code                  TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
    name_ja               TEXT NOT NULL UNIQUE CHECK (length(name_ja) > 0),
    name_en               TEXT NOT NULL,
    ministry              TEXT NOT NULL CHECK (ministry IN ('MEXT', 'MHLW', 'METI', 'other')),
    integrated_project_id INTEGER NOT NULL REFERENCES integrated_project (id),
    first_phase           INTEGER NOT NULL REFERENCES phase (id),
    last_phase            INTEGER NOT NULL REFERENCES phase (id),
    retired_at            TEXT,
    version               INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    CHECK (first_phase <= last_phase)
) STRICT;

-- ペアリング / マッチング: a preceding program hands seeds to a successor program.
CREATE TABLE program_link (
    id                   INTEGER PRIMARY KEY,
    preceding_program_id INTEGER NOT NULL REFERENCES program (id),
    successor_program_id INTEGER NOT NULL REFERENCES program (id),
    kind                 TEXT NOT NULL CHECK (kind IN ('pairing', 'matching')),
    since                TEXT CHECK (since IS NULL OR date(julianday(since)) IS since),
    UNIQUE (preceding_program_id, successor_program_id, kind),
    CHECK (preceding_program_id <> successor_program_id)
) STRICT;

-- 研究開発課題: one funded project, the carrier of a seed. A project entered by mistake is retired:
-- hidden from every view and export, its notes kept, restorable.
CREATE TABLE project (
    id                    INTEGER PRIMARY KEY,
    amed_id               TEXT NOT NULL UNIQUE CHECK (length(amed_id) BETWEEN 1 AND 64),
    title                 TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 2000),
    summary               TEXT NOT NULL DEFAULT '' CHECK (length(summary) <= 20000),
    pi_name               TEXT NOT NULL CHECK (length(pi_name) BETWEEN 1 AND 200),
    pi_title              TEXT NOT NULL DEFAULT '' CHECK (length(pi_title) <= 200),
    institution           TEXT NOT NULL CHECK (length(institution) BETWEEN 1 AND 400),
    program_id            INTEGER NOT NULL REFERENCES program (id),
    integrated_project_id INTEGER NOT NULL REFERENCES integrated_project (id),
    modality              TEXT NOT NULL REFERENCES modality (code),
    phase                 INTEGER NOT NULL REFERENCES phase (id),
    start_date            TEXT NOT NULL CHECK (date(julianday(start_date)) IS start_date),
    end_date              TEXT CHECK (end_date IS NULL OR (date(julianday(end_date)) IS end_date AND end_date >= start_date)),
    budget_total_kyen     INTEGER CHECK (budget_total_kyen IS NULL OR budget_total_kyen >= 0),
    partner_company       TEXT CHECK (partner_company IS NULL OR length(partner_company) <= 400),
    licensing_status      TEXT NOT NULL DEFAULT 'none'
                          CHECK (licensing_status IN ('none', 'negotiating', 'assignment', 'license', 'joint_development')),
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    version               INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    retired_at            TEXT,
    retired_reason        TEXT,
    CHECK (instr(title, char(0)) = 0 AND instr(summary, char(0)) = 0 AND instr(pi_name, char(0)) = 0
           AND instr(institution, char(0)) = 0)
) STRICT;

CREATE TABLE project_disease_area (
    project_id      INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    disease_area_id INTEGER NOT NULL REFERENCES disease_area (id),
    PRIMARY KEY (project_id, disease_area_id)
) STRICT, WITHOUT ROWID;

-- The pipeline's history: every phase a project entered (from_phase NULL for the first).
CREATE TABLE phase_change (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    from_phase INTEGER REFERENCES phase (id),
    to_phase   INTEGER NOT NULL REFERENCES phase (id),
    changed_on TEXT NOT NULL CHECK (date(julianday(changed_on)) IS changed_on),
    changed_by TEXT NOT NULL CHECK (length(changed_by) > 0),
    reason     TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    CHECK (from_phase IS NULL OR from_phase <> to_phase)
) STRICT;

-- PD / PS / PO / DC (疾患領域コーディネーター). `login` ties an officer to an OS account. A retired
-- officer keeps their notes and past assignments; no new ones.
CREATE TABLE officer (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    role  TEXT NOT NULL CHECK (role IN ('PD', 'PS', 'PO', 'DC')),
    login TEXT UNIQUE,
    retired_at TEXT,
    version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    UNIQUE (name, role)
) STRICT;

CREATE TABLE project_officer (
    project_id  INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    officer_id  INTEGER NOT NULL REFERENCES officer (id),
    assigned_on TEXT CHECK (assigned_on IS NULL OR date(julianday(assigned_on)) IS assigned_on),
    PRIMARY KEY (project_id, officer_id)
) STRICT, WITHOUT ROWID;

-- 伴走支援記録: one accompaniment act. Edits keep earlier text in note_revision; deletes are soft.
CREATE TABLE note (
    id                INTEGER PRIMARY KEY,
    project_id        INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    author            TEXT NOT NULL CHECK (length(author) BETWEEN 1 AND 200),
    author_role       TEXT NOT NULL CHECK (author_role IN ('PD', 'PS', 'PO', 'DC', 'other')),
    kind              TEXT NOT NULL CHECK (kind IN ('meeting', 'site_visit', 'pmda', 'ip', 'flux', 'progress',
                                                    'evaluation', 'licensing', 'other')),
    body              TEXT NOT NULL CHECK (length(body) <= 1048576 AND instr(body, char(0)) = 0),
    occurred_on       TEXT NOT NULL CHECK (date(julianday(occurred_on)) IS occurred_on),
    follow_up_on      TEXT CHECK (follow_up_on IS NULL OR date(julianday(follow_up_on)) IS follow_up_on),
    follow_up_done_at TEXT,
    follow_up_done_by TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT,
    deleted_by        TEXT,
    version           INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    CHECK ((follow_up_done_at IS NULL) = (follow_up_done_by IS NULL)),
    CHECK ((deleted_at IS NULL) = (deleted_by IS NULL))
) STRICT;

-- Earlier texts of an edited note (append-only history).
CREATE TABLE note_revision (
    id        INTEGER PRIMARY KEY,
    note_id   INTEGER NOT NULL REFERENCES note (id) ON DELETE CASCADE,
    version   INTEGER NOT NULL,
    body      TEXT NOT NULL,
    edited_by TEXT NOT NULL,
    edited_at TEXT NOT NULL,
    UNIQUE (note_id, version)
) STRICT;

-- ステージゲート: a Go / No-Go / conditional decision. Corrected in place (version-checked) or
-- deleted softly (restorable); the audit log says who did which when.
CREATE TABLE stage_gate (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    gate        TEXT NOT NULL CHECK (length(gate) BETWEEN 1 AND 64),
    decided_on  TEXT NOT NULL CHECK (date(julianday(decided_on)) IS decided_on),
    decision    TEXT NOT NULL CHECK (decision IN ('go', 'no_go', 'conditional')),
    note        TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    deleted_at  TEXT,
    deleted_by  TEXT
) STRICT;

-- 公募を経ないハイウェイ支援: a seed proposed for a successor program, judged on the three
-- licensing criteria (競合優位性 / 知財ポートフォリオ / 有効性・安全性・再現性データ).
CREATE TABLE highway_flag (
    id                     INTEGER PRIMARY KEY,
    project_id             INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    target_program_id      INTEGER NOT NULL REFERENCES program (id),
    status                 TEXT NOT NULL
                           CHECK (status IN ('candidate', 'recommended', 'accepted', 'declined', 'withdrawn')),
    reason                 TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 20000),
    competitive_advantage  TEXT NOT NULL DEFAULT 'not_assessed'
                           CHECK (competitive_advantage IN ('not_assessed', 'insufficient', 'partial', 'sufficient')),
    competitive_note       TEXT NOT NULL DEFAULT '',
    ip_portfolio           TEXT NOT NULL DEFAULT 'not_assessed'
                           CHECK (ip_portfolio IN ('not_assessed', 'insufficient', 'partial', 'sufficient')),
    ip_note                TEXT NOT NULL DEFAULT '',
    evidence_data          TEXT NOT NULL DEFAULT 'not_assessed'
                           CHECK (evidence_data IN ('not_assessed', 'insufficient', 'partial', 'sufficient')),
    evidence_note          TEXT NOT NULL DEFAULT '',
    flagged_by             TEXT NOT NULL,
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL,
    decided_at             TEXT,
    decision_note          TEXT NOT NULL DEFAULT '',
    version                INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;

-- Every status move of a flag: who, when, why.
CREATE TABLE highway_flag_event (
    id          INTEGER PRIMARY KEY,
    flag_id     INTEGER NOT NULL REFERENCES highway_flag (id) ON DELETE CASCADE,
    from_status TEXT,
    to_status   TEXT NOT NULL,
    moved_by    TEXT NOT NULL,
    moved_at    TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT ''
) STRICT;

-- Results officers report against: approvals, licensing, PoCs, trials, papers.
CREATE TABLE outcome (
    id           INTEGER PRIMARY KEY,
    project_id   INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('regulatory_approval', 'licensing', 'nonclinical_poc',
                                               'clinical_trial', 'paper')),
    occurred_on  TEXT NOT NULL CHECK (date(julianday(occurred_on)) IS occurred_on),
    product_name TEXT,
    detail       TEXT NOT NULL DEFAULT '',
    recorded_by  TEXT,
    deleted_at   TEXT,
    deleted_by   TEXT,
    version      INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;

-- 担当の履歴: an assignment that ended (who accompanied a seed, from when to when). Current
-- assignments are in project_officer.
CREATE TABLE assignment_history (
    id            INTEGER PRIMARY KEY,
    project_id    INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    officer_id    INTEGER NOT NULL REFERENCES officer (id),
    assigned_on   TEXT CHECK (assigned_on IS NULL OR date(julianday(assigned_on)) IS assigned_on),
    unassigned_on TEXT NOT NULL CHECK (date(julianday(unassigned_on)) IS unassigned_on),
    CHECK (assigned_on IS NULL OR unassigned_on >= assigned_on)
) STRICT;

-- Append-only record of every change: who (OS account), when, which entity, what changed (JSON).
-- The triggers below make it refuse UPDATE and DELETE; this is tamper-evident only, since anyone who
-- can write the file can drop the triggers.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL CHECK (length(actor) > 0),
    action    TEXT NOT NULL CHECK (length(action) > 0),
    entity    TEXT NOT NULL,
    entity_id INTEGER,
    detail    TEXT NOT NULL DEFAULT '{}'
) STRICT;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- A project carries at most one open (candidate / recommended) highway flag.
CREATE UNIQUE INDEX highway_flag_one_open ON highway_flag (project_id)
    WHERE status IN ('candidate', 'recommended');

-- Indexes for the dashboard's grouping and the list's filters.
CREATE INDEX project_ip_phase ON project (integrated_project_id, phase);
CREATE INDEX project_phase_amed ON project (phase, amed_id);
CREATE INDEX project_licensing ON project (licensing_status);
CREATE INDEX project_program ON project (program_id);
CREATE INDEX project_modality ON project (modality);
CREATE INDEX project_pi ON project (pi_name);
CREATE INDEX project_institution ON project (institution);
CREATE INDEX project_disease_area_area ON project_disease_area (disease_area_id, project_id);
CREATE INDEX phase_change_project ON phase_change (project_id, changed_on);
CREATE INDEX project_officer_officer ON project_officer (officer_id, project_id);
CREATE INDEX note_project ON note (project_id, occurred_on);
CREATE INDEX note_follow_up_open ON note (follow_up_on, project_id)
    WHERE follow_up_on IS NOT NULL AND follow_up_done_at IS NULL AND deleted_at IS NULL;
CREATE INDEX stage_gate_project ON stage_gate (project_id, decided_on);
CREATE INDEX highway_flag_project ON highway_flag (project_id, status);
CREATE INDEX highway_flag_status ON highway_flag (status, created_at);
CREATE INDEX highway_flag_event_flag ON highway_flag_event (flag_id, moved_at);
CREATE INDEX outcome_project ON outcome (project_id, kind);
CREATE INDEX outcome_kind ON outcome (kind, occurred_on);
CREATE INDEX outcome_live ON outcome (kind, occurred_on) WHERE deleted_at IS NULL;
-- The dashboard's counts of projects not retired, per phase and per integrated project × phase.
CREATE INDEX project_live_phase ON project (phase) WHERE retired_at IS NULL;
CREATE INDEX project_live_ip_phase ON project (integrated_project_id, phase) WHERE retired_at IS NULL;
-- The few retired projects, and the outcomes not deleted by kind and project (the headline).
CREATE INDEX project_retired ON project (id) WHERE retired_at IS NOT NULL;
CREATE INDEX outcome_live_project ON outcome (kind, project_id) WHERE deleted_at IS NULL;
CREATE INDEX assignment_history_project ON assignment_history (project_id, officer_id);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, at);
CREATE INDEX program_link_successor ON program_link (successor_program_id);

-- Portfolio analytics (schema version 4).

-- ウォッチリスト: projects an officer follows without being assigned to them. `officer` is the
-- officer's name as seedline knows them (config [officer] name, else the OS account).
CREATE TABLE watch (
    officer    TEXT NOT NULL CHECK (length(officer) BETWEEN 1 AND 200),
    project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    added_at   TEXT NOT NULL,
    PRIMARY KEY (officer, project_id)
) STRICT, WITHOUT ROWID;

-- 年度別配分額: a project's allocation for one fiscal year (年度, April to March), thousand yen.
CREATE TABLE budget_allocation (
    project_id  INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 1990 AND 2100),
    amount_kyen INTEGER NOT NULL CHECK (amount_kyen BETWEEN 0 AND 100000000),
    PRIMARY KEY (project_id, fiscal_year)
) STRICT, WITHOUT ROWID;

-- 報告・評価・ステージゲートの期限: an annual report, 中間評価, 事後評価 or a scheduled stage-gate
-- review, due on a date and done on another.
CREATE TABLE deadline (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL
               CHECK (kind IN ('annual_report', 'interim_evaluation', 'final_evaluation', 'stage_gate')),
    title      TEXT NOT NULL DEFAULT '' CHECK (length(title) <= 200 AND instr(title, char(0)) = 0),
    due_on     TEXT NOT NULL CHECK (date(julianday(due_on)) IS due_on),
    done_on    TEXT CHECK (done_on IS NULL OR date(julianday(done_on)) IS done_on),
    done_by    TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    CHECK ((done_on IS NULL) = (done_by IS NULL))
) STRICT;

-- 添付 (links only): a file path or URL attached to a project, or to one of its notes or flags.
-- seedline never stores file contents; the optional SHA-256 tells a changed file from the original.
CREATE TABLE attachment (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    note_id    INTEGER REFERENCES note (id) ON DELETE CASCADE,
    flag_id    INTEGER REFERENCES highway_flag (id) ON DELETE CASCADE,
    target     TEXT NOT NULL CHECK (length(target) BETWEEN 1 AND 4096 AND instr(target, char(0)) = 0),
    label      TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 400 AND instr(label, char(0)) = 0),
    kind       TEXT NOT NULL
               CHECK (kind IN ('recommendation', 'report', 'minutes', 'contract', 'ip', 'data', 'other')),
    dated_on   TEXT CHECK (dated_on IS NULL OR date(julianday(dated_on)) IS dated_on),
    sha256     TEXT CHECK (sha256 IS NULL OR (length(sha256) = 64 AND NOT sha256 GLOB '*[^0-9a-f]*')),
    added_by   TEXT NOT NULL,
    added_at   TEXT NOT NULL,
    removed_at TEXT,
    removed_by TEXT,
    CHECK (note_id IS NULL OR flag_id IS NULL),
    CHECK ((removed_at IS NULL) = (removed_by IS NULL))
) STRICT;

-- The day each project entered its current phase (the latest phase_change), kept by the trigger
-- below in the same transaction, so "days in phase" and `stalled:` read one indexed row.
CREATE TABLE phase_entered (
    project_id INTEGER PRIMARY KEY REFERENCES project (id) ON DELETE CASCADE,
    entered_on TEXT NOT NULL
) STRICT;

CREATE TRIGGER phase_entered_track AFTER INSERT ON phase_change
BEGIN
    INSERT INTO phase_entered (project_id, entered_on) VALUES (NEW.project_id, NEW.changed_on)
        ON CONFLICT (project_id) DO UPDATE SET entered_on = excluded.entered_on
        WHERE excluded.entered_on >= phase_entered.entered_on;
END;

CREATE INDEX watch_project ON watch (project_id);
CREATE INDEX budget_allocation_year ON budget_allocation (fiscal_year, project_id, amount_kyen);
CREATE INDEX deadline_project ON deadline (project_id, due_on);
CREATE INDEX deadline_open ON deadline (due_on, id, project_id) WHERE done_on IS NULL;
CREATE INDEX attachment_project ON attachment (project_id);
CREATE INDEX phase_entered_on ON phase_entered (entered_on);

-- Full-text search for Japanese (trigram). seedline writes these in the same transaction as the row
-- they mirror (rowid = project.id / note.id), with NFKC-normalised, lower-cased text so that
-- full-width and half-width forms match; trigram needs 3 characters, shorter queries use LIKE here.
CREATE VIRTUAL TABLE project_fts USING fts5 (
    amed_id, title, summary, pi_name, institution, tokenize = 'trigram'
);

CREATE VIRTUAL TABLE note_fts USING fts5 (body, tokenize = 'trigram');

-- Words of one or two characters (がん, 東京) are too short for trigrams and are found by scanning:
-- this compact copy of the short fields (folded 課題管理番号, title, PI and institution, joined by
-- U+001F) keeps that scan to a few megabytes at 100,000 projects. Written with project_fts.
CREATE TABLE project_short (
    id   INTEGER PRIMARY KEY REFERENCES project (id) ON DELETE CASCADE,
    text TEXT NOT NULL
) STRICT;

-- Values seedline keeps about the database itself, by key. `reference_version`: the built-in
-- reference data (`REFERENCE_VERSION`) this database last took in; a writable open of an older one
-- adds the missing reference rows once.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 64),
    value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- 系譜: a seed's passage from a preceding project to its successor (pairing, matching, highway
-- support without an open call, or a new open call). A project may have several of each; the
-- links form no cycle (checked on write).
CREATE TABLE project_lineage (
    id             INTEGER PRIMARY KEY,
    predecessor_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    successor_id   INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('pairing', 'matching', 'highway', 'open_call')),
    flag_id        INTEGER REFERENCES highway_flag (id) ON DELETE SET NULL,
    linked_by      TEXT NOT NULL CHECK (length(linked_by) > 0),
    linked_at      TEXT NOT NULL,
    UNIQUE (predecessor_id, successor_id),
    CHECK (predecessor_id <> successor_id)
) STRICT;

CREATE INDEX project_lineage_successor ON project_lineage (successor_id);

-- The matching radar (`ending:`): live projects by end date.
CREATE INDEX project_live_end ON project (end_date) WHERE retired_at IS NULL;

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
WHEN NOT EXISTS (SELECT 1 FROM tally_pause)
BEGIN
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

-- 整合性検査の記録: each integrity check of this file, so that the sessions sharing it check it once
-- a day, not once each. A row with no `finished_at` is a claim: a session is checking now (others
-- skip a claim younger than a few minutes; an older one's session died and is retaken). `day` is
-- the officer's local date; `reason`: the day's first session, a database left open by no one
-- (unclean shutdown), or `seedline doctor`; `result` is `ok` or SQLite's first complaint.
CREATE TABLE integrity_check (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('quick', 'full')),
    reason      TEXT NOT NULL CHECK (reason IN ('daily', 'unclean', 'doctor')),
    day         TEXT NOT NULL CHECK (date(julianday(day)) IS day),
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    result      TEXT,
    by_actor    TEXT NOT NULL,
    CHECK ((finished_at IS NULL) = (result IS NULL))
) STRICT;
CREATE INDEX integrity_check_finished ON integrity_check (finished_at) WHERE finished_at IS NOT NULL;

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
-- name it before it exists): it is noted at once for every set-wise add at the end (dashboard,
-- budget and funnel counts), so its rows never run the per-row triggers. Outside one,
-- `tally_project_insert` adds its contribution at once.
CREATE TRIGGER pause_project_insert AFTER INSERT ON project
WHEN EXISTS (SELECT 1 FROM tally_pause)
BEGIN
    INSERT OR IGNORE INTO tally_pending (project_id) VALUES (NEW.id);
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

-- Per-project partial indexes of open items (schema v12): a list's first screen tests `due:`
-- project by project (one seek each, not a set of every open follow-up); the due board's "mine"
-- reads my open follow-ups by author.
CREATE INDEX note_open_follow_up_project ON note (project_id, follow_up_on)
    WHERE follow_up_on IS NOT NULL AND follow_up_done_at IS NULL AND deleted_at IS NULL;
CREATE INDEX note_open_follow_up_author ON note (author, follow_up_on, project_id)
    WHERE follow_up_on IS NOT NULL AND follow_up_done_at IS NULL AND deleted_at IS NULL;
CREATE INDEX deadline_open_project ON deadline (project_id, due_on) WHERE done_on IS NULL;

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

-- Schema v17: the due board's per-officer view (`t`) for everyone from kept counts, whatever the
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
