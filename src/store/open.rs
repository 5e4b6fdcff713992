//! Opening a database: refuse foreign, damaged, too-new or world-readable files before writing a
//! byte; set the pragmas every connection needs; create or migrate the schema.

use super::migrate::{self, Found};
use super::{Store, reference};
use crate::{Error, Result};
use rusqlite::{Connection, OpenFlags, ffi::ErrorCode};
use std::io::Read;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::Path;

/// Databases up to this size get SQLite's `quick_check` when opened (milliseconds); larger ones
/// are checked in the background by the TUI and fully by `seedline doctor`.
pub const QUICK_CHECK_LIMIT: u64 = 32 * 1024 * 1024;

/// How to open a database.
#[derive(Debug, Clone, Copy)]
pub struct OpenOptions {
    /// Create the file (0600) and its schema when it does not exist.
    pub create: bool,
}

impl OpenOptions {
    /// Open an existing database, never creating one.
    pub const EXISTING: OpenOptions = OpenOptions { create: false };
}

impl Store {
    /// Opens the database at `path`: refuses a file that is not SQLite, a SQLite file that is not
    /// seedline's, one made by a newer seedline and one readable by other users, each before writing
    /// to it; opens read-only (see [`Store::is_read_only`]) when the file is not writable; creates a
    /// new database with reference data when `create` is set and the file is missing or empty.
    /// Without `create`, an empty file (0 bytes, or SQLite without tables) is
    /// [`Error::EmptyDatabase`] and stays untouched. `-wal` / `-shm` files this open creates get
    /// the mode of [`side_file_mode`] (SQLite would copy the database's, 0400 for a read-only
    /// file, which breaks every later write); side files that were already there are left alone
    /// (`seedline doctor` reports wrong ones).
    pub fn open(path: &Path, options: OpenOptions) -> Result<Store> {
        Store::open_with(path, options, false)
    }

    /// Like [`Store::open`]; `read_only` opens an existing database without write access even
    /// when the file is writable (`seedline --read-only`).
    pub fn open_with(path: &Path, options: OpenOptions, read_only: bool) -> Result<Store> {
        let forced = read_only;
        let mut db_mode = 0o600;
        let read_only = match std::fs::metadata(path) {
            Ok(meta) => {
                check_local_filesystem(path)?;
                check_header(path)?;
                check_not_world_accessible(path, meta.mode())?;
                if !options.create && meta.len() == 0 && !has_wal_content(path) {
                    return Err(Error::EmptyDatabase {
                        path: path.to_path_buf(),
                    });
                }
                db_mode = meta.mode();
                forced || !is_writable(path)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if !options.create {
                    return Err(Error::NotFound {
                        what: "database",
                        key: path.display().to_string(),
                    });
                }
                check_local_filesystem(path)?;
                create_private_file(path)?;
                false
            }
            Err(e) => return Err(Error::io(path, e)),
        };
        let side_before: Vec<bool> = side_files(path).iter().map(|p| p.exists()).collect();
        // Asked before this open: once connected, this process holds the file open itself.
        let left_open = super::integrity::left_open(path);
        let result = Store::connect(path, options, read_only, left_open);
        // SQLite created any missing side file with the database's mode: give new ones ours.
        for (side, existed) in side_files(path).iter().zip(side_before) {
            if !existed {
                set_mode_if_different(side, side_file_mode(db_mode));
            }
        }
        result
    }

    /// The connection part of [`Store::open_with`]: pragmas, checks, schema creation or upgrade.
    fn connect(
        path: &Path,
        options: OpenOptions,
        read_only: bool,
        left_open: bool,
    ) -> Result<Store> {
        let opened_at = super::now_ts();
        let flags = if read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
        };
        let mut conn = Connection::open_with_flags(path, flags).map_err(|e| explain(path, e))?;
        conn.busy_handler(Some(super::busy::handler))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let found = migrate::classify(&conn, path).map_err(|e| explain_err(path, e))?;
        if matches!(found, Found::Empty) && !options.create {
            return Err(Error::EmptyDatabase {
                path: path.to_path_buf(),
            });
        }
        if !read_only {
            let mode: String =
                conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(Error::NoWal {
                    path: path.to_path_buf(),
                    mode,
                });
            }
            conn.pragma_update(None, "synchronous", "FULL")?;
        }
        if let Found::Seedline(_) = found
            && std::fs::metadata(path).map(|m| m.len()).unwrap_or(0) <= QUICK_CHECK_LIMIT
        {
            super::integrity::quick_check(&conn).map_err(|detail| Error::Corrupt {
                path: path.to_path_buf(),
                detail,
            })?;
        }
        match found {
            Found::Empty if read_only => {
                return Err(Error::invalid(
                    "database",
                    crate::msg::invalid::empty_read_only(path),
                ));
            }
            Found::Empty => migrate::create(&mut conn, reference::seed)?,
            Found::Seedline(v) if v < migrate::LATEST_VERSION && read_only => {
                return Err(Error::invalid(
                    "database",
                    crate::msg::invalid::needs_upgrade_read_only(path, v, migrate::LATEST_VERSION),
                ));
            }
            Found::Seedline(v) => migrate::upgrade(&mut conn, v)?,
        }
        if !read_only {
            reference::catch_up(&mut conn)?;
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            actor: crate::identity::os_user(),
            read_only,
            begin_retries: 2,
            left_open,
            opened_at,
            own_audit: Vec::new(),
        })
    }

    /// The schema versions (found, current) when the database at `path` was made by an older
    /// seedline and opening it will upgrade it; `None` otherwise (new, current, or not a database
    /// this seedline opens: the real open reports that). Reads only.
    pub fn upgrade_pending(path: &Path) -> Option<(i64, i64)> {
        if !path.is_file() {
            return None;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).ok()?;
        match migrate::classify(&conn, path).ok()? {
            Found::Seedline(v) if v < migrate::LATEST_VERSION => Some((v, migrate::LATEST_VERSION)),
            _ => None,
        }
    }

    /// Replaces the actor recorded in the audit log (tests and the officer's configured name).
    pub fn set_actor(&mut self, actor: impl Into<String>) {
        self.actor = actor.into();
    }
}

/// The `-wal` and `-shm` files SQLite keeps next to the database in WAL mode.
pub(crate) fn side_files(path: &Path) -> [std::path::PathBuf; 2] {
    ["-wal", "-shm"].map(|suffix| {
        let mut name = path.as_os_str().to_os_string();
        name.push(suffix);
        std::path::PathBuf::from(name)
    })
}

/// The mode `-wal` / `-shm` must have for a database of mode `db_mode`: 0600, or 0660 when the
/// group shares the database (README "A shared database"): always writable by the owner, since
/// even readers write to `-shm`, and a side file the owner cannot write makes every later write
/// fail with "attempt to write a readonly database".
pub fn side_file_mode(db_mode: u32) -> u32 {
    if db_mode & 0o060 != 0 { 0o660 } else { 0o600 }
}

/// Side files whose mode would make writes fail or does not match the database's, each with its
/// fix (`chmod 600 …-shm`). For `seedline doctor`.
pub(crate) fn side_file_problems(path: &Path) -> Vec<crate::msg::Msg> {
    let Ok(db) = std::fs::metadata(path) else {
        return Vec::new();
    };
    let want = side_file_mode(db.mode());
    let mut problems = Vec::new();
    for side in side_files(path) {
        let Ok(meta) = std::fs::symlink_metadata(&side) else {
            continue;
        };
        let mode = meta.mode() & 0o777;
        let writable = mode & 0o200 != 0;
        if !writable || mode != want {
            problems.push(crate::msg::cli_out::side_file_mode(
                side.display(),
                mode,
                want,
                writable,
            ));
        }
    }
    problems
}

/// Best effort: a file we cannot chmod (another user's) is left for `doctor` to report.
fn set_mode_if_different(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    if let Ok(meta) = std::fs::symlink_metadata(path)
        && meta.is_file()
        && meta.mode() & 0o777 != mode
    {
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode));
    }
}

/// Whether a `-wal` beside the database holds anything (then a 0-byte main file is not "empty").
fn has_wal_content(path: &Path) -> bool {
    let [wal, _] = side_files(path);
    std::fs::metadata(wal).is_ok_and(|m| m.len() > 0)
}

/// Network filesystems by `statfs` magic number: SQLite's WAL locking needs one host and a local
/// disk (https://sqlite.org/wal.html), so these are refused.
pub(crate) fn network_filesystem(magic: i64) -> Option<&'static str> {
    Some(match magic {
        0x6969 => "NFS",
        0x517B => "SMB",
        0xFF53_4D42 => "CIFS",
        0xFE53_4D42 => "SMB2",
        0x5346_414F => "AFS",
        0x00C3_6400 => "Ceph",
        0x0BD0_0BD0 => "Lustre",
        0x0116_1970 => "GFS2",
        _ => return None,
    })
}

fn check_local_filesystem(path: &Path) -> Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Ok(c) = std::ffi::CString::new(dir.as_os_str().as_bytes()) else {
        return Ok(());
    };
    // SAFETY: statfs writes into the zeroed struct we own; `c` is a valid C string.
    let magic = unsafe {
        let mut st: libc::statfs = std::mem::zeroed();
        if libc::statfs(c.as_ptr(), &mut st) != 0 {
            return Ok(()); // cannot tell; SQLite itself will report real problems
        }
        st.f_type as i64
    };
    match network_filesystem(magic) {
        Some(fs) => Err(Error::NetworkFilesystem {
            path: path.to_path_buf(),
            fs,
        }),
        None => Ok(()),
    }
}

/// A non-empty file must start with SQLite's magic header; anything else is not ours to touch.
fn check_header(path: &Path) -> Result<()> {
    let mut file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut header = [0u8; 16];
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) => return Err(Error::io(path, e)),
        }
    }
    if read == 0 || &header[..read] == b"SQLite format 3\0" {
        Ok(())
    } else {
        Err(Error::NotADatabase {
            path: path.to_path_buf(),
        })
    }
}

/// A shared database may be group-readable, never readable by everyone on the host.
fn check_not_world_accessible(path: &Path, mode: u32) -> Result<()> {
    if mode & 0o007 != 0 {
        return Err(Error::invalid(
            path.display().to_string(),
            crate::msg::invalid::readable_by_others(mode & 0o777, path),
        ));
    }
    Ok(())
}

fn is_writable(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: `c` is a valid NUL-terminated path for the duration of the call.
    unsafe { libc::access(c.as_ptr(), libc::W_OK) == 0 }
}

/// Creates the database file 0600 whatever the umask (SQLite gives `-wal`/`-shm` the same mode).
fn create_private_file(path: &Path) -> Result<()> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map(drop)
        .map_err(|e| Error::io(path, e))
}

/// Maps SQLite's "not a database" and "malformed" errors to messages that name the file.
fn explain(path: &Path, e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) if path.metadata().is_ok_and(|m| m.len() >= 100) => {
            Error::Corrupt {
                path: path.to_path_buf(),
                detail: e.to_string(),
            }
        }
        Some(ErrorCode::NotADatabase) => Error::NotADatabase {
            path: path.to_path_buf(),
        },
        Some(ErrorCode::DatabaseCorrupt) => Error::Corrupt {
            path: path.to_path_buf(),
            detail: e.to_string(),
        },
        _ => Error::Sqlite(e),
    }
}

fn explain_err(path: &Path, e: Error) -> Error {
    match e {
        Error::Sqlite(inner) => explain(path, inner),
        Error::Damaged(detail) => Error::Corrupt {
            path: path.to_path_buf(),
            detail,
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn network_filesystems_are_named() {
        assert_eq!(super::network_filesystem(0x6969), Some("NFS"));
        assert_eq!(super::network_filesystem(0xFF53_4D42), Some("CIFS"));
        assert_eq!(super::network_filesystem(0xEF53), None, "ext4 is local");
        assert_eq!(
            super::network_filesystem(0x0102_1994),
            None,
            "tmpfs is local"
        );
    }
}
