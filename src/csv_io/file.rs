//! The export file: written to a temporary file (0600) in the target's directory, fsynced, then
//! moved into place, so that the target never holds half an export; an existing file is kept
//! unless the caller forces the overwrite.
//!
//! The temporary file is `.NAME.PID-N.tmp`. A process killed outright (SIGKILL, power loss) cannot
//! remove its own: the next export to the same directory removes those whose process is gone. A
//! caller that catches SIGTERM/SIGINT hands the flag to [`AtomicFile::cancel_on`]: the next write
//! fails, and dropping the file removes the temporary file.

use crate::{Error, Result};
use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::MetadataExt;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// An output file that appears at its path only on [`AtomicFile::commit`].
pub struct AtomicFile {
    target: PathBuf,
    tmp: PathBuf,
    force: bool,
    file: Option<BufWriter<File>>,
    /// Set (non-zero) by a signal handler: the export stops at its next write.
    cancel: Option<Arc<AtomicUsize>>,
}

/// The process id in a name of seedline's temporary files (`.NAME.PID-N.tmp`).
fn temp_pid(file_name: &str) -> Option<i32> {
    let inner = file_name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (name, tag) = inner.rsplit_once('.')?;
    let (pid, n) = tag.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if name.is_empty() || !digits(pid) || !digits(n) {
        return None;
    }
    pid.parse().ok().filter(|p| *p > 0)
}

/// Whether a process with this id exists (one of another user counts too).
fn alive(pid: i32) -> bool {
    // SAFETY: signal 0 only checks that the process exists and may be signalled.
    let rc = unsafe { libc::kill(pid, 0) };
    rc == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// Removes the temporary files that exports killed outright left in `dir`: seedline's name
/// pattern, a regular file of this user with mode 0600, and a process id no longer running (a
/// concurrent export's file is left alone). Best effort: failures are ignored.
fn clear_leftovers(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    // SAFETY: geteuid cannot fail.
    let uid = unsafe { libc::geteuid() };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temp_pid) else {
            continue;
        };
        let ours = entry
            .metadata()
            .is_ok_and(|m| m.file_type().is_file() && m.uid() == uid && m.mode() & 0o7777 == 0o600);
        if ours && pid != std::process::id() as i32 && !alive(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn exists_error(target: &Path) -> Error {
    Error::invalid("output", crate::msg::invalid::output_exists(target))
}

impl AtomicFile {
    /// Creates the temporary file next to `target`. Refuses an existing target unless `force`.
    pub fn create(target: &Path, force: bool) -> Result<AtomicFile> {
        match std::fs::symlink_metadata(target) {
            Ok(meta) if meta.is_dir() => {
                return Err(Error::invalid(
                    "output",
                    crate::msg::invalid::output_is_directory(target),
                ));
            }
            Ok(_) if !force => return Err(exists_error(target)),
            _ => {}
        }
        let name = target.file_name().ok_or_else(|| {
            Error::invalid("output", crate::msg::invalid::not_a_file_name(target))
        })?;
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        clear_leftovers(&dir);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(
            ".{}.{}-{n}.tmp",
            name.to_string_lossy(),
            std::process::id()
        ));
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&tmp)
            .map_err(|e| Error::io(target, e))?;
        Ok(AtomicFile {
            target: target.to_path_buf(),
            tmp,
            force,
            file: Some(BufWriter::with_capacity(256 * 1024, file)),
            cancel: None,
        })
    }

    /// Stops the export once `flag` is non-zero (a signal handler's flag): writes fail from then
    /// on, and [`AtomicFile::commit`] refuses, so the temporary file goes when this is dropped.
    pub fn cancel_on(&mut self, flag: Arc<AtomicUsize>) {
        self.cancel = Some(flag);
    }

    fn cancelled(&self) -> bool {
        self.cancel
            .as_ref()
            .is_some_and(|f| f.load(Ordering::SeqCst) != 0)
    }

    fn cancelled_error() -> io::Error {
        io::Error::other("export interrupted by a signal")
    }

    /// The path the file will have.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Flushes, fsyncs and moves the file into place (without `force`, a file that appeared at the
    /// target meanwhile is still not overwritten).
    pub fn commit(mut self) -> Result<()> {
        if self.cancelled() {
            return Err(Error::io(&self.target, Self::cancelled_error()));
        }
        let Some(writer) = self.file.take() else {
            return Ok(());
        };
        let synced = writer
            .into_inner()
            .map_err(|e| e.into_error())
            .and_then(|file| file.sync_all());
        if let Err(e) = synced.and_then(|()| match self.cancelled() {
            true => Err(Self::cancelled_error()),
            false => Ok(()),
        }) {
            let _ = std::fs::remove_file(&self.tmp);
            return Err(Error::io(&self.target, e));
        }
        let placed = if self.force {
            std::fs::rename(&self.tmp, &self.target)
        } else {
            // A hard link refuses an existing target atomically; rename where links are unsupported.
            match std::fs::hard_link(&self.tmp, &self.target) {
                Ok(()) => std::fs::remove_file(&self.tmp),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    let _ = std::fs::remove_file(&self.tmp);
                    return Err(exists_error(&self.target));
                }
                Err(_) if !self.target.exists() => std::fs::rename(&self.tmp, &self.target),
                Err(_) => {
                    let _ = std::fs::remove_file(&self.tmp);
                    return Err(exists_error(&self.target));
                }
            }
        };
        if let Err(e) = placed {
            let _ = std::fs::remove_file(&self.tmp);
            return Err(Error::io(&self.target, e));
        }
        if let Some(dir) = self.target.parent().filter(|d| !d.as_os_str().is_empty())
            && let Ok(d) = File::open(dir)
        {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.cancelled() {
            return Err(Self::cancelled_error());
        }
        match &mut self.file {
            Some(f) => f.write(buf),
            None => Err(io::Error::other("export file already committed")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for AtomicFile {
    /// An export that was not committed leaves nothing behind.
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_are_recognised_by_their_pattern_only() {
        assert_eq!(temp_pid(".out.csv.4242-0.tmp"), Some(4242));
        assert_eq!(temp_pid(".a.b.csv.7-12.tmp"), Some(7));
        for other in [
            "out.csv.4242-0.tmp",
            ".out.csv.4242.tmp",
            "..4242-0.tmp",
            ".out.csv.42x-0.tmp",
            ".out.csv.4242-0.tmp~",
            ".out.csv.0-0.tmp",
        ] {
            assert_eq!(temp_pid(other), None, "{other}");
        }
    }

    #[test]
    fn leftovers_of_dead_exports_go_and_live_or_foreign_files_stay() {
        let dir = tempfile::tempdir().unwrap();
        let make = |name: &str, mode: u32| {
            let path = dir.path().join(name);
            OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(mode)
                .open(&path)
                .unwrap();
            std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(mode))
                .unwrap();
            path
        };
        // Beyond any pid_max: no such process.
        let dead = make(".old.csv.999999999-0.tmp", 0o600);
        let dead_other_name = make(".x.csv.999999998-3.tmp", 0o600);
        // The parent of this test process is alive (a concurrent export, as far as we know).
        // SAFETY: getppid cannot fail.
        let parent = unsafe { libc::getppid() };
        let live = make(&format!(".old.csv.{parent}-0.tmp"), 0o600);
        let not_private = make(".old.csv.999999997-0.tmp", 0o644);
        let not_ours = make("notes.999999999-0.tmp", 0o600);
        let target = dir.path().join("old.csv");
        let mut file = AtomicFile::create(&target, false).unwrap();
        file.write_all(b"x\r\n").unwrap();
        file.commit().unwrap();
        assert!(!dead.exists() && !dead_other_name.exists());
        assert!(live.exists() && not_private.exists() && not_ours.exists());
        assert_eq!(std::fs::read(&target).unwrap(), b"x\r\n");
    }

    #[test]
    fn a_cancelled_export_fails_its_writes_and_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.csv");
        let flag = Arc::new(AtomicUsize::new(0));
        let mut file = AtomicFile::create(&target, false).unwrap();
        file.cancel_on(flag.clone());
        file.write_all(b"a\r\n").unwrap();
        flag.store(15, Ordering::SeqCst);
        assert!(file.write_all(b"b\r\n").is_err());
        assert!(file.commit().is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
