//! Waiting for another session's lock. SQLite's default busy handler backs off up to 100 ms per
//! try, so under steady contention a waiter can lose the race again and again until its timeout
//! ("database is locked"). This handler polls every few milliseconds instead, which keeps waiting
//! fair between several officers' sessions writing at once.

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Environment variable that sets the busy wait in milliseconds (tests and impatient scripts).
pub const TIMEOUT_ENV: &str = "SEEDLINE_BUSY_TIMEOUT_MS";

/// How long a connection waits for a lock before a write reports "busy" (all connections of the
/// process; tests shorten it).
static BUSY_MS: AtomicU64 = AtomicU64::new(5_000);

/// Sets the wait for every connection of this process.
pub fn set_timeout(timeout: Duration) {
    BUSY_MS.store(timeout.as_millis().max(1) as u64, Ordering::Relaxed);
}

/// Applies [`TIMEOUT_ENV`] when it holds a positive number of milliseconds; anything else is
/// ignored (the default wait stays). Returns the wait in effect.
pub fn timeout_from_env() -> Duration {
    if let Some(ms) = std::env::var(TIMEOUT_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|ms| *ms > 0)
    {
        set_timeout(Duration::from_millis(ms));
    }
    timeout()
}

/// The current wait.
pub fn timeout() -> Duration {
    Duration::from_millis(BUSY_MS.load(Ordering::Relaxed))
}

/// Whether SQLite gave up waiting for a lock.
pub fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// SQLite calls this with the number of earlier calls for the same lock; `false` gives up.
pub(crate) fn handler(count: i32) -> bool {
    // 1–4 ms per try, about 2.5 ms on average.
    let waited_ms = count.max(0) as u64 * 5 / 2;
    if waited_ms >= BUSY_MS.load(Ordering::Relaxed) {
        return false;
    }
    std::thread::sleep(Duration::from_millis(1 + (count.max(0) as u64 % 4)));
    true
}

/// Who has `path` (or its `-wal` / `-shm`) open, other than this process, as
/// `PID 123 seedline, PID 456 sqlite3`; empty when nobody can be seen. Best effort:
/// reads `/proc/*/fd`, silently skipping processes the OS does not let us inspect.
pub fn holders(path: &Path) -> String {
    let Ok(db) = std::fs::canonicalize(path) else {
        return String::new();
    };
    let mut wanted = vec![db.clone()];
    for suffix in ["-wal", "-shm"] {
        let mut side = db.clone().into_os_string();
        side.push(suffix);
        wanted.push(side.into());
    }
    let me = std::process::id();
    let Ok(procs) = std::fs::read_dir("/proc") else {
        return String::new();
    };
    let mut found: Vec<(u32, String)> = procs
        .flatten()
        .filter_map(|entry| entry.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| *pid != me)
        .filter(|pid| {
            std::fs::read_dir(format!("/proc/{pid}/fd")).is_ok_and(|fds| {
                fds.flatten().any(|fd| {
                    std::fs::read_link(fd.path()).is_ok_and(|target| wanted.contains(&target))
                })
            })
        })
        .map(|pid| {
            let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
            (pid, crate::text::sanitize_line(name.trim()).into_owned())
        })
        .collect();
    found.sort();
    if found.is_empty() {
        return String::new();
    }
    let list: Vec<String> = found
        .iter()
        .map(|(pid, name)| format!("PID {pid} {name}").trim_end().to_string())
        .collect();
    list.join(", ")
}
