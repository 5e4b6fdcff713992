//! The draft file: what an officer is typing into a note or flag form, kept in the per-user state
//! directory (0600, written atomically) every few seconds, on every signal and on a panic, so a
//! dropped SSH session loses nothing. One file per database; the next start offers the drafts.

use crate::app::DraftRecord;
use crate::{Error, Result};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The draft file of one database.
#[derive(Debug, Clone)]
pub struct DraftFile {
    pub path: PathBuf,
}

/// The last drafts written, kept so a panic hook can write them without the app's state.
static LAST: Mutex<Option<(PathBuf, Vec<u8>)>> = Mutex::new(None);

/// FNV-1a: a stable short name for a database path (not a security boundary).
fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl DraftFile {
    /// The draft file for the database at `db` inside `state_dir`.
    pub fn for_db(state_dir: &Path, db: &Path) -> DraftFile {
        let canonical = std::fs::canonicalize(db).unwrap_or_else(|_| db.to_path_buf());
        let name = format!("drafts-{:016x}.json", fnv(&canonical.to_string_lossy()));
        DraftFile {
            path: state_dir.join(name),
        }
    }

    /// The drafts saved by an earlier session (none when there is no file). A damaged file is an
    /// error, not silence: the officer's text may be in it.
    pub fn load(&self) -> Result<Vec<DraftRecord>> {
        match std::fs::read(&self.path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
                Error::invalid(
                    self.path.display().to_string(),
                    crate::msg::invalid::draft_damaged(e),
                )
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(e) => Err(Error::io(&self.path, e)),
        }
    }

    /// Writes the drafts (atomically, 0600), or removes the file when there are none.
    pub fn save(&self, records: &[DraftRecord]) -> Result<()> {
        if records.is_empty() {
            *LAST.lock().unwrap_or_else(|p| p.into_inner()) = None;
            return match std::fs::remove_file(&self.path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(&self.path, e)),
                _ => Ok(()),
            };
        }
        let bytes = serde_json::to_vec_pretty(records)
            .map_err(|e| Error::invalid("drafts", crate::msg::invalid::internal(e)))?;
        if let Some(dir) = self.path.parent() {
            crate::paths::ensure_private_dir(dir)?;
        }
        crate::fsutil::write_atomic(&self.path, &bytes)?;
        *LAST.lock().unwrap_or_else(|p| p.into_inner()) = Some((self.path.clone(), bytes));
        Ok(())
    }

    /// Keeps `records` for [`write_remembered`] without writing them now.
    pub fn remember(&self, records: &[DraftRecord]) {
        if let Ok(bytes) = serde_json::to_vec_pretty(records) {
            *LAST.lock().unwrap_or_else(|p| p.into_inner()) =
                (!records.is_empty()).then(|| (self.path.clone(), bytes));
        }
    }
}

/// Writes the last remembered drafts (from a panic hook or a signal path); errors are ignored,
/// there is nowhere left to report them.
pub fn write_remembered() {
    let last = LAST
        .lock()
        .map(|g| g.clone())
        .unwrap_or_else(|p| p.into_inner().clone());
    if let Some((path, bytes)) = last {
        let _ = crate::fsutil::write_atomic(&path, &bytes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::FormKind;

    #[test]
    fn drafts_round_trip_and_vanish_when_empty() {
        let dir = tempfile::tempdir().unwrap();
        let file = DraftFile::for_db(dir.path(), Path::new("/tmp/x.db"));
        let record = DraftRecord {
            kind: FormKind::Note { project_id: 7 },
            heading: "JP1".into(),
            values: vec![("body".into(), "面談メモ\n二行目".into())],
            focus: 0,
        };
        file.save(std::slice::from_ref(&record)).unwrap();
        assert_eq!(file.load().unwrap(), [record]);
        file.save(&[]).unwrap();
        assert!(!file.path.exists());
        assert!(file.load().unwrap().is_empty());
    }
}
