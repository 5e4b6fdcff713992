//! Schema versions (`PRAGMA user_version`): a new database gets `schema.sql` as a whole; an older
//! one is brought forward by the ordered, append-only migrations below, each in its own transaction.

use crate::{Error, Result};
use rusqlite::{Connection, TransactionBehavior};
use std::path::Path;

/// The current schema, as in `schema.sql` at the repository root.
pub const SCHEMA_SQL: &str = include_str!("../../schema.sql");

/// The rows of `fiscal_year_list` (FiscalYear::MIN..=MAX), which the funnel's triggers join.
const FISCAL_YEARS_SQL: &str = "INSERT INTO fiscal_year_list (year)
    WITH RECURSIVE y (v) AS (SELECT 1990 UNION ALL SELECT v + 1 FROM y WHERE v < 2100) SELECT v FROM y;";

/// `PRAGMA application_id` of seedline databases ("SDLN"): tells ours from other SQLite files.
pub(crate) const APPLICATION_ID: i64 = 0x5344_4C4E;

/// Migrations from version N to N+1 are `MIGRATIONS[N - 1]`. Append only; never edit a shipped one.
const MIGRATIONS: &[&str] = &[
    // 2: lists filtered by phase come out in 課題管理番号 order straight from the index; the
    // headline's licensed count stops scanning the table.
    "DROP INDEX project_phase;
     CREATE INDEX project_phase_amed ON project (phase, amed_id);
     CREATE INDEX project_licensing ON project (licensing_status);",
    // 3: a compact table for one- and two-character searches, filled from the search index.
    "CREATE TABLE project_short (
         id   INTEGER PRIMARY KEY REFERENCES project (id) ON DELETE CASCADE,
         text TEXT NOT NULL
     ) STRICT;
     INSERT INTO project_short (id, text)
         SELECT rowid, amed_id || char(31) || title || char(31) || pi_name || char(31) || institution
         FROM project_fts;",
    // 4: portfolio analytics: watch list, fiscal-year budgets, deadlines, attachments (links) and
    // the day each project entered its phase (filled from the phase history).
    "-- ウォッチリスト: projects an officer follows without being assigned to them. `officer` is the
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
     -- below in the same transaction, so \"days in phase\" and `stalled:` read one indexed row.
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
     CREATE INDEX deadline_open ON deadline (due_on, project_id) WHERE done_on IS NULL;
     CREATE INDEX attachment_project ON attachment (project_id);
     CREATE INDEX phase_entered_on ON phase_entered (entered_on);
     INSERT INTO phase_entered (project_id, entered_on)
         SELECT project_id, max(changed_on) FROM phase_change GROUP BY project_id;",
    // 5: real data. Programs and officers are retired, never deleted (their projects and notes keep
    // them); program and officer rows are version-checked; an assignment that ends moves to
    // assignment_history with its dates; outcomes are recorded by someone, version-checked and
    // soft-deleted; a project entered by mistake is retired (hidden from every view, restorable);
    // `meta` keeps values about the database itself (the reference data it last took in).
    "ALTER TABLE program ADD COLUMN retired_at TEXT;
     ALTER TABLE program ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
     ALTER TABLE officer ADD COLUMN retired_at TEXT;
     ALTER TABLE officer ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
     ALTER TABLE outcome ADD COLUMN recorded_by TEXT;
     ALTER TABLE outcome ADD COLUMN deleted_at TEXT;
     ALTER TABLE outcome ADD COLUMN deleted_by TEXT;
     ALTER TABLE outcome ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
     ALTER TABLE project ADD COLUMN retired_at TEXT;
     ALTER TABLE project ADD COLUMN retired_reason TEXT;

     -- 担当の履歴: an assignment that ended (who accompanied a seed, from when to when).
     CREATE TABLE assignment_history (
         id            INTEGER PRIMARY KEY,
         project_id    INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
         officer_id    INTEGER NOT NULL REFERENCES officer (id),
         assigned_on   TEXT CHECK (assigned_on IS NULL OR date(julianday(assigned_on)) IS assigned_on),
         unassigned_on TEXT NOT NULL CHECK (date(julianday(unassigned_on)) IS unassigned_on),
         CHECK (assigned_on IS NULL OR unassigned_on >= assigned_on)
     ) STRICT;

     CREATE INDEX assignment_history_project ON assignment_history (project_id, officer_id);
     CREATE INDEX outcome_live ON outcome (kind, occurred_on) WHERE deleted_at IS NULL;
     -- The dashboard counts projects not retired per phase and per integrated project × phase:
     -- without these partial indexes each count reads every project row (10x slower at 100,000).
     CREATE INDEX project_live_phase ON project (phase) WHERE retired_at IS NULL;
     CREATE INDEX project_live_ip_phase ON project (integrated_project_id, phase)
         WHERE retired_at IS NULL;
     CREATE INDEX project_retired ON project (id) WHERE retired_at IS NOT NULL;
     CREATE INDEX outcome_live_project ON outcome (kind, project_id) WHERE deleted_at IS NULL;

     -- Values about the database itself; `reference_version` records the built-in reference
     -- data last taken in. Left empty here: the open that follows adds the missing reference rows.
     CREATE TABLE meta (
         key   TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 64),
         value TEXT NOT NULL
     ) STRICT, WITHOUT ROWID;",
    // 6: a stage-gate decision can be corrected (version-checked) and deleted softly (restorable).
    "ALTER TABLE stage_gate ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
     ALTER TABLE stage_gate ADD COLUMN deleted_at TEXT;
     ALTER TABLE stage_gate ADD COLUMN deleted_by TEXT;",
    // 7: 系譜 (lineage): which project carried a seed on from which.
    "CREATE TABLE project_lineage (
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
     CREATE INDEX project_lineage_successor ON project_lineage (successor_id);",
    // 8: the matching radar (`ending:`) reads live projects by end date from an index instead of
    // scanning the table (0.48 s to 0.02 s at 100,000 projects).
    "CREATE INDEX project_live_end ON project (end_date) WHERE retired_at IS NULL;",
    // 9: the dashboard's counts kept per cell by triggers (see `tally.sql`), filled by a recount.
    concat!(
        include_str!("tally.sql"),
        "INSERT INTO tally (officer_id, dim, figure, key, phase, day, n)
         SELECT officer_id, dim, figure, key, phase, day, sum(n) FROM tally_contribution
         GROUP BY officer_id, dim, figure, key, phase, day HAVING sum(n) <> 0;"
    ),
    // 10: integrity checks recorded where every session sees them: once a day, not once each.
    "CREATE TABLE integrity_check (
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
     CREATE INDEX integrity_check_finished ON integrity_check (finished_at)
         WHERE finished_at IS NOT NULL;",
    // 11: the budget pivot and the phase funnel without a filter read tallies kept by triggers in
    // the same transaction as every write (bounded by years x integrated projects x phases),
    // filled here from a recount of the rows.
    include_str!("migrate_v11.sql"),
    // 12: per-project and per-author partial indexes of open follow-ups and deadlines (a list's
    // first screen probes `due:` per project; the due board's "mine" reads by author).
    "CREATE INDEX note_open_follow_up_project ON note (project_id, follow_up_on)
         WHERE follow_up_on IS NOT NULL AND follow_up_done_at IS NULL AND deleted_at IS NULL;
     CREATE INDEX note_open_follow_up_author ON note (author, follow_up_on)
         WHERE follow_up_on IS NOT NULL AND follow_up_done_at IS NULL AND deleted_at IS NULL;
     CREATE INDEX deadline_open_project ON deadline (project_id, due_on) WHERE done_on IS NULL;",
    // 13: the funnel's "stalled" figure kept per phase-entry day (see `stall_tally.sql`), filled
    // by a recount: at 1,000,000 projects it summed 600,000 index entries per open.
    concat!(
        include_str!("stall_tally.sql"),
        "INSERT INTO stall_tally (entered_on, projects)
         SELECT e.entered_on, count(*) FROM phase_entered e JOIN project p ON p.id = e.project_id
         WHERE p.retired_at IS NULL AND p.phase < 5
         GROUP BY e.entered_on;"
    ),
    // 14: the due board's deadline counts kept per due day and officer (`deadline_tally.sql`),
    // filled by a recount; my open follow-ups by author carry the project, so the retired test
    // reads no note row; open deadlines are indexed in the board's order (day, id), so a page
    // inside a day of thousands (every 31 May) reads a page, not the whole day sorted.
    concat!(
        include_str!("deadline_tally.sql"),
        "INSERT INTO deadline_tally (officer_id, due_on, n) SELECT * FROM deadline_tally_recount;
         DROP INDEX deadline_open;
         CREATE INDEX deadline_open ON deadline (due_on, id, project_id) WHERE done_on IS NULL;
         DROP INDEX note_open_follow_up_author;
         CREATE INDEX note_open_follow_up_author ON note (author, follow_up_on, project_id)
             WHERE follow_up_on IS NOT NULL AND follow_up_done_at IS NULL AND deleted_at IS NULL;"
    ),
    // 15: the due follow-ups of `tally` summed by year, month and day (see `tally_span.sql`), so the
    // dashboard's "due by today" reads rows bounded by the calendar; filled from `tally`.
    concat!(
        include_str!("tally_span.sql"),
        "INSERT INTO tally_span (officer_id, dim, figure, grain, span, key, phase, n) ",
        super::tally_span::span_recount!(),
        ";"
    ),
    // 16: the kept counts' triggers on `project` read one project's contribution, not every
    // project's (see `tally_project.sql`): a phase move took 1.1 s at 100,000 projects.
    include_str!("tally_project.sql"),
    // 17: the bulk writes' per-row triggers skip a paused or pending project in their WHEN
    // clause (see `pause_gate.sql`): an import spent about 14 µs a row opening bodies that did
    // nothing.
    include_str!("pause_gate.sql"),
    // 18: the due board's per-officer view for everyone from kept counts (see `owner_tally.sql`):
    // open follow-ups per author and due day, open deadlines without an officer per due day;
    // filled by a recount. It read every open item (1.2 s at 1,000,000 projects).
    concat!(
        include_str!("owner_tally.sql"),
        "INSERT INTO follow_up_tally (author, due_on, n) SELECT * FROM follow_up_tally_recount;
         INSERT INTO unassigned_tally (due_on, n) SELECT * FROM unassigned_tally_recount;"
    ),
    // 19: the due board's per-officer view of mine from kept counts (see `pair_tally.sql`): open
    // deadlines per pair of officers of one project and due day; filled by a recount. It read
    // every open deadline of my projects (140 ms for an officer of 142,826 projects at
    // 1,000,000). (IF EXISTS: an older database rolled back by the tests runs the step again.)
    concat!(
        "DROP TRIGGER IF EXISTS deadline_pair_tally_insert;
         DROP TRIGGER IF EXISTS deadline_pair_tally_delete;
         DROP TRIGGER IF EXISTS deadline_pair_tally_update;
         DROP TRIGGER IF EXISTS deadline_pair_tally_officer_insert;
         DROP TRIGGER IF EXISTS deadline_pair_tally_officer_delete;
         DROP TRIGGER IF EXISTS deadline_pair_tally_officer_update;
         DROP TRIGGER IF EXISTS deadline_pair_tally_project_retire;
         DROP TRIGGER IF EXISTS deadline_pair_tally_project_delete;
         DROP VIEW IF EXISTS deadline_pair_tally_recount;
         DROP TABLE IF EXISTS deadline_pair_tally;",
        include_str!("pair_tally.sql"),
        "INSERT INTO deadline_pair_tally (officer_id, co_officer_id, due_on, n)
         SELECT * FROM deadline_pair_tally_recount;"
    ),
];

/// The schema version this seedline writes.
pub const LATEST_VERSION: i64 = 1 + MIGRATIONS.len() as i64;

/// What `classify` found in a file before anything was written to it.
pub(crate) enum Found {
    /// No tables: a brand-new database.
    Empty,
    /// A seedline database at this schema version.
    Seedline(i64),
}

/// Looks at an opened database without writing: new, ours (with its version), or refused.
pub(crate) fn classify(conn: &Connection, path: &Path) -> Result<Found> {
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let app_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if tables == 0 && version == 0 && app_id == 0 {
        return Ok(Found::Empty);
    }
    if app_id != APPLICATION_ID || version < 1 {
        return Err(Error::ForeignDatabase {
            path: path.to_path_buf(),
        });
    }
    if version > LATEST_VERSION {
        return Err(Error::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: LATEST_VERSION,
        });
    }
    Ok(Found::Seedline(version))
}

/// Creates the current schema in an empty database, with `fill` run in the same transaction
/// (reference data), so a database is never left half-created.
pub(crate) fn create(
    conn: &mut Connection,
    fill: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<()>,
) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.execute_batch(SCHEMA_SQL)?;
    tx.execute_batch(FISCAL_YEARS_SQL)?;
    fill(&tx)?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", LATEST_VERSION)?;
    tx.commit()?;
    Ok(())
}

/// Applies the migrations after `from`, each in its own transaction with its version bump.
pub(crate) fn upgrade(conn: &mut Connection, from: i64) -> Result<()> {
    for (index, sql) in MIGRATIONS.iter().enumerate() {
        let target = index as i64 + 2;
        if target <= from {
            continue;
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", target)?;
        tx.commit()?;
    }
    Ok(())
}
