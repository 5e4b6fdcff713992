//! Opening a database: refuse foreign, damaged, too-new or world-readable files before writing a
//! byte; set the pragmas every connection needs; create or migrate the schema.

use super::migrate::{self, Found};
use super::{Store, reference};
use crate::{Error, Result};
use rusqlite::{Connection, OpenFlags, ffi::ErrorCode};
use std::io::Read;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::Path;

/// How to open a database.
#[derive(Debug, Clone, Copy)]
pub struct OpenOptions {
    /// Create the file (0600) and its schema when it does not exist.
    pub create: bool,
}

impl Store {
    /// Opens the database at `path`: refuses a file that is not SQLite, a SQLite file that is not
    /// seedline's, one made by a newer seedline and one readable by other users, each before writing
    /// to it; opens read-only (see [`Store::is_read_only`]) when the file is not writable; creates a
    /// new database with reference data when `create` is set and the file is missing or empty.
    pub fn open(path: &Path, options: OpenOptions) -> Result<Store> {
        let read_only = match std::fs::metadata(path) {
            Ok(meta) => {
                check_header(path)?;
                check_not_world_accessible(path, meta.mode())?;
                !is_writable(path)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if !options.create {
                    return Err(Error::NotFound {
                        what: "database",
                        key: format!("{} (create it with `seedline init`)", path.display()),
                    });
                }
                create_private_file(path)?;
                false
            }
            Err(e) => return Err(Error::io(path, e)),
        };
        let flags = if read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
        };
        let mut conn = Connection::open_with_flags(path, flags).map_err(|e| explain(path, e))?;
        conn.busy_handler(Some(super::busy::handler))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let found = migrate::classify(&conn, path).map_err(|e| explain_err(path, e))?;
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
        match found {
            Found::Empty if read_only => {
                return Err(Error::invalid(
                    "database",
                    format!("{} is empty and read-only: nothing to show", path.display()),
                ));
            }
            Found::Empty => migrate::create(&mut conn, reference::seed)?,
            Found::Seedline(v) if v < migrate::LATEST_VERSION && read_only => {
                return Err(Error::invalid(
                    "database",
                    format!(
                        "{} needs an upgrade (schema {v} → {}) but is read-only",
                        path.display(),
                        migrate::LATEST_VERSION
                    ),
                ));
            }
            Found::Seedline(v) => migrate::upgrade(&mut conn, v)?,
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            actor: crate::identity::os_user(),
            read_only,
            begin_retries: 2,
        })
    }

    /// Replaces the actor recorded in the audit log (tests and the officer's configured name).
    pub fn set_actor(&mut self, actor: impl Into<String>) {
        self.actor = actor.into();
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
            format!(
                "readable by other users (mode {:o}); fix it with `chmod o-rwx {}`",
                mode & 0o777,
                path.display()
            ),
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
        other => other,
    }
}
