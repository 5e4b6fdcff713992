//! The library's error type: each variant says what went wrong and, where it can, how to fix it.
//! `Display` is the English wording (logs, tests); the officer reads [`Error::text`], worded in
//! their language by the message table (`crate::msg`).

use std::path::PathBuf;

/// Everything that can go wrong in seedline's library code.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The database file is not a SQLite database (or is encrypted / damaged beyond opening).
    #[error("{path}: not a seedline database (the file is not SQLite, or its header is damaged)")]
    NotADatabase { path: PathBuf },

    /// A SQLite file that does not hold seedline's tables.
    #[error("{path}: not a seedline database (it is SQLite, but has no seedline tables)")]
    ForeignDatabase { path: PathBuf },

    /// The database was written by a newer seedline.
    #[error(
        "{path}: made by a newer seedline (database schema version {found}, this seedline knows up to {supported}); upgrade seedline"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    /// `PRAGMA integrity_check` or `foreign_key_check` found problems.
    #[error("{path}: database failed integrity check: {detail}")]
    Corrupt { path: PathBuf, detail: String },

    /// WAL could not be enabled (e.g. the file is on a filesystem without shared memory).
    #[error("{path}: could not switch to WAL journal mode (got '{mode}')")]
    NoWal { path: PathBuf, mode: String },

    /// A named record does not exist.
    #[error("{what} not found: {key}")]
    NotFound { what: &'static str, key: String },

    /// A value the user gave is not acceptable. `field` is the name the code gives the field
    /// (`body`, `follow_up`: shown as the officer's label), an option name (`--role`), a path or
    /// an id (shown verbatim); `reason` is worded in both languages by `crate::msg::invalid`.
    #[error("{field}: {reason}")]
    Invalid {
        field: String,
        reason: crate::msg::Msg,
    },

    /// Another session changed the record since it was loaded (optimistic concurrency). `what`
    /// names the record in both languages (`crate::msg::invalid::record_*`); `by` is a name.
    #[error("{what} was changed by {by} at {at} since it was loaded")]
    Conflict {
        what: crate::msg::Msg,
        by: String,
        at: String,
    },

    /// SQLite found damaged pages while reading or writing.
    #[error(
        "database failed integrity check ({0}); run `seedline doctor`, and restore from a backup"
    )]
    Damaged(String),

    /// The database sits on a network filesystem, where SQLite's locking is unsafe.
    #[error(
        "{path}: on a network filesystem ({fs}); SQLite's locking is unsafe there and the database could be corrupted: keep it on a local disk"
    )]
    NetworkFilesystem { path: PathBuf, fs: &'static str },

    /// A 0-byte file (or a SQLite file without tables) where a database was expected: only
    /// `seedline init` turns it into one.
    #[error(
        "{path}: empty file, not a seedline database (run `seedline init --db {path}` to create one there)"
    )]
    EmptyDatabase { path: PathBuf },

    /// Another connection held the write lock through every busy wait. `holders` names the
    /// processes that have the file open (`PID 123 seedline, PID 456 sqlite3`), where the OS lets
    /// us see them (may be empty).
    #[error(
        "database is busy: another seedline (or sqlite3) is writing to {path}; try again in a moment{}",
        if holders.is_empty() { String::new() } else { format!(" (open in {holders})") }
    )]
    Busy { path: PathBuf, holders: String },

    /// Any other SQLite failure.
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),

    /// A file system failure, with the path involved. The OS error is part of the message and
    /// deliberately not a `source`: a chain printed with `{:#}` would repeat it.
    #[error("{path}: {error}")]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

impl Error {
    /// Shorthand for an [`Error::Invalid`]: the field's name and why its value is refused (a
    /// wording from `crate::msg::invalid`).
    pub fn invalid(field: impl Into<String>, reason: crate::msg::Msg) -> Error {
        Error::Invalid {
            field: field.into(),
            reason,
        }
    }

    /// Whether another session held the database lock through the whole busy timeout.
    pub fn is_busy(&self) -> bool {
        match self {
            Error::Busy { .. } => true,
            Error::Sqlite(e) => crate::store::busy::is_busy(e),
            _ => false,
        }
    }

    /// Shorthand for an [`Error::Io`].
    pub fn io(path: impl Into<PathBuf>, error: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            error,
        }
    }
}

impl From<rusqlite::Error> for Error {
    /// Damage is its own error wherever it shows, so every caller reports it the same way.
    fn from(e: rusqlite::Error) -> Error {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) => {
                Error::Damaged(e.to_string())
            }
            _ => Error::Sqlite(e),
        }
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
