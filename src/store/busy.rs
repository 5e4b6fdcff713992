//! Waiting for another session's lock. SQLite's default busy handler backs off up to 100 ms per
//! try, so under steady contention a waiter can lose the race again and again until its timeout
//! ("database is locked"). This handler polls every few milliseconds instead, which keeps waiting
//! fair between several officers' sessions writing at once.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// How long a connection waits for a lock before a write reports "busy" (all connections of the
/// process; tests shorten it).
static BUSY_MS: AtomicU64 = AtomicU64::new(5_000);

/// Sets the wait for every connection of this process.
pub fn set_timeout(timeout: Duration) {
    BUSY_MS.store(timeout.as_millis().max(1) as u64, Ordering::Relaxed);
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
