//! Consistent copies of a live database: `VACUUM INTO` reads one snapshot while other sessions go
//! on writing. The copy is written to a private temporary file next to the target
//! (`.NAME.seedline-backup.PID.tmp`, 0600), fsynced (SQLite does not), then published under the
//! target's name in one step that never replaces an existing file, and the directory is fsynced:
//! a crash or SIGKILL at any moment leaves either no file at the target or a complete one.

use super::Store;
use crate::{Error, Result};
use std::path::{Path, PathBuf};

/// What marks seedline's own temporary backup files (`.NAME.seedline-backup.PID.tmp`, and the
/// `-journal` SQLite may keep beside it).
const TEMP_MARK: &str = ".seedline-backup.";

impl Store {
    /// Copies the database to `target`, which must not exist (`Error::Invalid` "already exists":
    /// backups never overwrite). The copy is built under a temporary name in the target's
    /// directory, created 0600 first (never readable by others, not even for a moment), fsynced and
    /// then linked into place; on failure nothing appears at `target`. Temporaries left in that
    /// directory by killed backups (their process is gone) are removed first.
    pub fn backup_to(&self, target: &Path) -> Result<()> {
        remove_stale_temporaries(target);
        if target.symlink_metadata().is_ok() {
            return Err(already_exists(target));
        }
        let tmp = temp_path(target);
        remove_with_journal(&tmp);
        let file = crate::fsutil::create_private(&tmp)?;
        let result = (|| {
            self.conn
                .execute("VACUUM INTO ?1", [tmp.to_string_lossy()])?;
            file.sync_all().map_err(|e| Error::io(&tmp, e))?;
            std::fs::File::open(&tmp)
                .and_then(|f| f.sync_all())
                .map_err(|e| Error::io(&tmp, e))?;
            publish(&tmp, target)?;
            crate::fsutil::sync_dir(target)
        })();
        drop(file);
        remove_with_journal(&tmp);
        let _ = crate::fsutil::sync_dir(target);
        result
    }
}

fn already_exists(target: &Path) -> Error {
    Error::invalid(
        target.display().to_string(),
        crate::msg::invalid::backup_exists(),
    )
}

/// `.NAME.seedline-backup.PID.tmp` in the target's directory.
fn temp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}{TEMP_MARK}{}.tmp", std::process::id()))
}

/// Puts the finished copy at `target` without ever replacing a file there: a hard link is atomic
/// and fails when the name exists. Filesystems without hard links fall back to a rename after a
/// last check.
fn publish(tmp: &Path, target: &Path) -> Result<()> {
    match std::fs::hard_link(tmp, target) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(already_exists(target)),
        Err(_) if target.symlink_metadata().is_ok() => Err(already_exists(target)),
        Err(_) => std::fs::rename(tmp, target).map_err(|e| Error::io(target, e)),
    }
}

fn remove_with_journal(tmp: &Path) {
    let _ = std::fs::remove_file(tmp);
    for suffix in ["-journal", "-wal", "-shm"] {
        let mut side = tmp.as_os_str().to_os_string();
        side.push(suffix);
        let _ = std::fs::remove_file(side);
    }
}

/// The PID in a name of seedline's temporary pattern, `None` for any other name.
fn temp_owner(name: &str) -> Option<u32> {
    let stem = ["", "-journal", "-wal", "-shm"]
        .iter()
        .find_map(|suffix| name.strip_suffix(&format!(".tmp{suffix}")))?;
    let (rest, pid) = stem.rsplit_once('.')?;
    let pid: u32 = pid.parse().ok()?;
    (name.starts_with('.') && rest.ends_with(TEMP_MARK.trim_end_matches('.'))).then_some(pid)
}

/// Whether process `pid` still runs (or exists and is not ours to signal).
fn alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only checks that the process exists; nothing is sent.
    if unsafe { libc::kill(pid, 0) } == 0 {
        return true;
    }
    std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

/// Removes, in the target's directory, regular files of seedline's temporary backup pattern whose
/// process is gone (or is this one): what a SIGKILLed backup left. Best effort.
fn remove_stale_temporaries(target: &Path) {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temp_owner) else {
            continue;
        };
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && (pid == std::process::id() || !alive(pid)) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::temp_owner;

    #[test]
    fn only_seedlines_own_temporaries_match() {
        assert_eq!(temp_owner(".b.db.seedline-backup.42.tmp"), Some(42));
        assert_eq!(temp_owner(".b.db.seedline-backup.42.tmp-journal"), Some(42));
        assert_eq!(temp_owner("b.db.seedline-backup.42.tmp"), None);
        assert_eq!(temp_owner(".b.db.tmp-42"), None);
        assert_eq!(temp_owner(".b.db.seedline-backup.x.tmp"), None);
        assert_eq!(temp_owner(".notes.tmp"), None);
    }
}
