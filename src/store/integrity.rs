//! Integrity checks shared by every session of one file: SQLite's `quick_check` in the
//! background, at most once a day per database (or after it was left open by no one), recorded
//! in `integrity_check` where every session sees it; a recorded failure is reported to each
//! session until a clean check is recorded (`seedline doctor`).

use super::{Store, now_ts};
use crate::Result;
use crate::model::Date;
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use std::path::Path;

/// A claim (a check under way) older than this belongs to a session that died: it is retaken.
const CLAIM_STALE_MINUTES: i64 = 15;

/// `PRAGMA quick_check`: `Err` with SQLite's first complaint when pages are damaged.
pub(crate) fn quick_check(conn: &Connection) -> std::result::Result<(), String> {
    match conn.query_row("PRAGMA quick_check(1)", [], |r| r.get::<_, String>(0)) {
        Ok(ok) if ok == "ok" => Ok(()),
        Ok(problem) => Err(problem),
        Err(e) => Err(e.to_string()),
    }
}

/// Runs `quick_check` on its own read-only connection in a thread; the answer arrives on the
/// channel (`None` = healthy). For big databases, so that start-up does not wait for it.
pub fn background_quick_check(path: &Path) -> std::sync::mpsc::Receiver<Option<String>> {
    let (tx, rx) = std::sync::mpsc::channel();
    let path = path.to_path_buf();
    std::thread::spawn(move || {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let answer = match Connection::open_with_flags(&path, flags) {
            Ok(conn) => quick_check(&conn).err(),
            Err(e) => Some(e.to_string()),
        };
        let _ = tx.send(answer);
    });
    rx
}

/// Whether the database was left open by no one: its `-wal` holds frames, yet no process holds
/// the read lock every open connection keeps on the `-shm`'s "dead man switch" byte. The last
/// connection to close cleanly checkpoints and deletes the `-wal`, so this is a host that went
/// down, or every session killed, since: the state SQLite recovers from on this open. (One
/// session killed while others run is not: their connections keep the log whole.) Asked before
/// this process opens the file. The locks are read from `/proc/locks`, never by opening the
/// `-shm`: closing any descriptor of a file drops every POSIX lock this process holds on it,
/// SQLite's included. `false` when it cannot tell.
pub(crate) fn left_open(path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let [wal, shm] = super::open::side_files(path);
    if !std::fs::metadata(wal).is_ok_and(|m| m.len() > 0) {
        return false;
    }
    let Ok(meta) = std::fs::metadata(shm) else {
        return true; // frames in the log and no index: nobody had it open
    };
    std::fs::read_to_string("/proc/locks").is_ok_and(|locks| !dms_held(&locks, meta.ino()))
}

/// Whether a lock in `/proc/locks` on the file with inode `ino` covers the `-shm`'s dead man
/// switch (SQLite's unix VFS: lock bytes from 120, eight of them, then the DMS at 128). Lines:
/// `1: POSIX  ADVISORY  READ 4711 08:02:1311987 128 128`; `->` lines are waiters.
fn dms_held(locks: &str, ino: u64) -> bool {
    const DMS: u64 = 120 + 8;
    let suffix = format!(":{ino}");
    locks.lines().filter(|l| !l.contains("->")).any(|line| {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let Some(at) = fields.iter().position(|f| f.ends_with(&suffix)) else {
            return false;
        };
        let start = fields.get(at + 1).and_then(|s| s.parse::<u64>().ok());
        let end = fields.get(at + 2).copied();
        match (start, end) {
            (Some(start), Some(end)) => {
                start <= DMS && (end == "EOF" || end.parse::<u64>().is_ok_and(|e| e >= DMS))
            }
            _ => false,
        }
    })
}

/// Which check: SQLite's `quick_check` (sessions) or its full `integrity_check` (`doctor`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckKind {
    Quick,
    Full,
}

/// Why a check ran: the day's first session, a database left open by no one, `seedline doctor`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckReason {
    Daily,
    Unclean,
    Doctor,
}

impl CheckKind {
    fn code(self) -> &'static str {
        match self {
            CheckKind::Quick => "quick",
            CheckKind::Full => "full",
        }
    }
}

impl CheckReason {
    fn code(self) -> &'static str {
        match self {
            CheckReason::Daily => "daily",
            CheckReason::Unclean => "unclean",
            CheckReason::Doctor => "doctor",
        }
    }
}

/// A finished check as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntegrityRecord {
    pub kind: CheckKind,
    pub reason: CheckReason,
    /// The officer's local date it ran on.
    pub day: String,
    /// UTC, as stored.
    pub finished_at: String,
    /// `ok`, or SQLite's first complaint.
    pub result: String,
    pub by_actor: String,
}

impl IntegrityRecord {
    pub fn is_ok(&self) -> bool {
        self.result == "ok"
    }
}

/// What a session starting on the file does about integrity ([`Store::integrity_plan`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntegrityPlan {
    /// A clean check from today, or one under way in another session: start with none.
    Skip,
    /// The latest recorded check failed: say so (a new check would find the same, until repaired).
    Failed(IntegrityRecord),
    /// Run the check; `claim` is the row to finish with its result (none on a read-only open,
    /// which cannot record: its result is shown, not kept).
    Run {
        reason: CheckReason,
        claim: Option<i64>,
    },
}

/// What the rows say, before any claim.
enum Decision {
    Skip,
    Failed(IntegrityRecord),
    Run(CheckReason),
}

impl Store {
    /// Decides whether this session checks the file, and claims the check when it does (one short
    /// write, so that sessions opening together do not all run it): a recorded failure is
    /// reported; a file left open by no one is checked whatever the day; otherwise a clean check
    /// from `today` (the officer's date), or a claim younger than a quarter of an hour, means none.
    pub fn integrity_plan(&mut self, today: Date) -> Result<IntegrityPlan> {
        let day = today.format("%Y-%m-%d").to_string();
        // Left open by no one: every claim made before this open belonged to a process now gone.
        let cutoff = if self.left_open {
            self.opened_at.clone()
        } else {
            (chrono::Utc::now() - chrono::Duration::minutes(CLAIM_STALE_MINUTES))
                .format("%Y-%m-%dT%H:%M:%S%.3fZ")
                .to_string()
        };
        let unclean = self.left_open;
        if self.read_only {
            return Ok(match decide(&self.conn, &day, unclean, &cutoff)? {
                Decision::Skip => IntegrityPlan::Skip,
                Decision::Failed(last) => IntegrityPlan::Failed(last),
                Decision::Run(reason) => IntegrityPlan::Run {
                    reason,
                    claim: None,
                },
            });
        }
        let actor = self.actor.clone();
        self.write(|tx| {
            Ok(match decide(tx, &day, unclean, &cutoff)? {
                Decision::Skip => IntegrityPlan::Skip,
                Decision::Failed(last) => IntegrityPlan::Failed(last),
                Decision::Run(reason) => {
                    tx.execute(
                        "DELETE FROM integrity_check WHERE finished_at IS NULL AND started_at <= ?1",
                        [&cutoff],
                    )?;
                    tx.execute(
                        "INSERT INTO integrity_check (kind, reason, day, started_at, by_actor)
                         VALUES ('quick', ?1, ?2, ?3, ?4)",
                        params![reason.code(), day, now_ts(), actor],
                    )?;
                    IntegrityPlan::Run {
                        reason,
                        claim: Some(tx.last_insert_rowid()),
                    }
                }
            })
        })
    }

    /// Records the answer of the check claimed as `claim`: `None` healthy, else SQLite's first
    /// complaint. A claim retaken meanwhile (this session looked dead) is recorded anew.
    pub fn finish_integrity_check(&mut self, claim: i64, problem: Option<&str>) -> Result<()> {
        let result = problem.unwrap_or("ok").to_string();
        self.write(|tx| {
            let done = tx.execute(
                "UPDATE integrity_check SET finished_at = ?1, result = ?2 WHERE id = ?3",
                params![now_ts(), result, claim],
            )?;
            if done == 0 {
                tx.execute(
                    "INSERT INTO integrity_check
                         (kind, reason, day, started_at, finished_at, result, by_actor)
                     SELECT kind, reason, day, started_at, ?1, ?2, by_actor FROM integrity_check
                     WHERE id = ?3",
                    params![now_ts(), result, claim],
                )?;
            }
            Ok(())
        })
    }

    /// Records a check this session ran in full (`seedline doctor`); nothing on a read-only open.
    pub fn record_integrity_check(
        &mut self,
        kind: CheckKind,
        reason: CheckReason,
        today: Date,
        started_at: &str,
        problem: Option<&str>,
    ) -> Result<()> {
        if self.read_only {
            return Ok(());
        }
        let actor = self.actor.clone();
        let day = today.format("%Y-%m-%d").to_string();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO integrity_check
                     (kind, reason, day, started_at, finished_at, result, by_actor)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    kind.code(),
                    reason.code(),
                    day,
                    started_at,
                    now_ts(),
                    problem.unwrap_or("ok"),
                    actor
                ],
            )?;
            Ok(())
        })
    }

    /// The latest finished check, if any.
    pub fn last_integrity_check(&self) -> Result<Option<IntegrityRecord>> {
        last_finished(&self.conn)
    }

    /// Whether the file was found left open by no one when this session opened it.
    pub fn was_left_open(&self) -> bool {
        self.left_open
    }
}

fn decide(conn: &Connection, day: &str, unclean: bool, cutoff: &str) -> Result<Decision> {
    let last = last_finished(conn)?;
    if let Some(last) = last.as_ref().filter(|l| !l.is_ok()) {
        return Ok(Decision::Failed(last.clone()));
    }
    let claimed: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM integrity_check WHERE finished_at IS NULL AND started_at > ?1)",
        [cutoff],
        |r| r.get(0),
    )?;
    Ok(if claimed {
        Decision::Skip
    } else if unclean {
        Decision::Run(CheckReason::Unclean)
    } else if last.is_some_and(|l| l.day.as_str() >= day) {
        Decision::Skip
    } else {
        Decision::Run(CheckReason::Daily)
    })
}

fn last_finished(conn: &Connection) -> Result<Option<IntegrityRecord>> {
    let row = conn
        .query_row(
            "SELECT kind, reason, day, finished_at, result, by_actor FROM integrity_check
             WHERE finished_at IS NOT NULL ORDER BY finished_at DESC, id DESC LIMIT 1",
            [],
            |r| {
                Ok(IntegrityRecord {
                    kind: match r.get::<_, String>(0)?.as_str() {
                        "full" => CheckKind::Full,
                        _ => CheckKind::Quick,
                    },
                    reason: match r.get::<_, String>(1)?.as_str() {
                        "unclean" => CheckReason::Unclean,
                        "doctor" => CheckReason::Doctor,
                        _ => CheckReason::Daily,
                    },
                    day: r.get(2)?,
                    finished_at: r.get(3)?,
                    result: r.get(4)?,
                    by_actor: r.get(5)?,
                })
            },
        )
        .optional()?;
    Ok(row)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_dead_man_switch_is_found_among_the_hosts_locks() {
        let locks = "1: POSIX  ADVISORY  READ 4711 08:02:1311987 128 128\n\
                     2: POSIX  ADVISORY  WRITE 4712 08:02:555 0 EOF\n\
                     3: -> POSIX  ADVISORY  WRITE 4713 08:02:777 128 128\n\
                     4: POSIX  ADVISORY  READ 4714 08:02:888 120 127\n";
        assert!(super::dms_held(locks, 1_311_987));
        assert!(super::dms_held(locks, 555), "a lock to the end covers it");
        assert!(!super::dms_held(locks, 777), "a waiter holds nothing");
        assert!(!super::dms_held(locks, 888), "read marks end before it");
        assert!(!super::dms_held(locks, 987), "inodes match whole");
    }
}
