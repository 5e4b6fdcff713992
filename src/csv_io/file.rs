//! The export file: written to a temporary file (0600) in the target's directory, fsynced, then
//! moved into place, so that the target never holds half an export; an existing file is kept
//! unless the caller forces the overwrite.

use crate::{Error, Result};
use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// An output file that appears at its path only on [`AtomicFile::commit`].
pub struct AtomicFile {
    target: PathBuf,
    tmp: PathBuf,
    force: bool,
    file: Option<BufWriter<File>>,
}

fn exists_error(target: &Path) -> Error {
    Error::invalid(
        "output",
        format!(
            "{} already exists; use --force to overwrite it",
            target.display()
        ),
    )
}

impl AtomicFile {
    /// Creates the temporary file next to `target`. Refuses an existing target unless `force`.
    pub fn create(target: &Path, force: bool) -> Result<AtomicFile> {
        match std::fs::symlink_metadata(target) {
            Ok(meta) if meta.is_dir() => {
                return Err(Error::invalid(
                    "output",
                    format!("{} is a directory", target.display()),
                ));
            }
            Ok(_) if !force => return Err(exists_error(target)),
            _ => {}
        }
        let name = target.file_name().ok_or_else(|| {
            Error::invalid("output", format!("{} is not a file name", target.display()))
        })?;
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
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
            .map_err(|e| Error::io(&tmp, e))?;
        Ok(AtomicFile {
            target: target.to_path_buf(),
            tmp,
            force,
            file: Some(BufWriter::with_capacity(256 * 1024, file)),
        })
    }

    /// The path the file will have.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Flushes, fsyncs and moves the file into place (without `force`, a file that appeared at the
    /// target meanwhile is still not overwritten).
    pub fn commit(mut self) -> Result<()> {
        let Some(writer) = self.file.take() else {
            return Ok(());
        };
        let synced = writer
            .into_inner()
            .map_err(|e| e.into_error())
            .and_then(|file| file.sync_all());
        if let Err(e) = synced {
            let _ = std::fs::remove_file(&self.tmp);
            return Err(Error::io(&self.tmp, e));
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
