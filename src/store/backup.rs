//! Consistent copies of a live database: `VACUUM INTO` reads one snapshot while other sessions go
//! on writing, into a new 0600 file, which is then fsynced (SQLite does not).

use super::Store;
use crate::{Error, Result};
use std::path::Path;

impl Store {
    /// Copies the database to `target`, which must not exist (it is created 0600 first, so the
    /// copy is never readable by others, not even for a moment). On failure the partial copy is
    /// removed.
    pub fn backup_to(&self, target: &Path) -> Result<()> {
        let file = crate::fsutil::create_private(target)?;
        let result = (|| {
            self.conn
                .execute("VACUUM INTO ?1", [target.to_string_lossy()])?;
            file.sync_all().map_err(|e| Error::io(target, e))?;
            std::fs::File::open(target)
                .and_then(|f| f.sync_all())
                .map_err(|e| Error::io(target, e))?;
            crate::fsutil::sync_dir(target)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(target);
        }
        result
    }
}
