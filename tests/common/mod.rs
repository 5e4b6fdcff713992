//! Shared helpers: temporary homes, a fixed "today", the binary under test, the fixture database.

pub mod fixture;
pub mod kept;

use assert_cmd::Command;
use seedline::store::{OpenOptions, Store};
use std::path::{Path, PathBuf};

/// The date every test treats as today.
pub const TODAY: &str = "2026-11-25";

pub fn today() -> seedline::model::Date {
    seedline::model::parse_date(TODAY).unwrap()
}

/// A temporary directory that holds the test's data, config and state directories.
pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The binary with this home's directories and the fixed date.
    pub fn seedline(&self) -> Command {
        Command::from_std(self.std_command())
    }

    /// The binary as a plain `std::process::Command` (for `pre_exec`), same environment.
    pub fn std_command(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("seedline"));
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("SEEDLINE_DATA_DIR", self.path("data"))
            .env("SEEDLINE_CONFIG_DIR", self.path("config"))
            .env("SEEDLINE_STATE_DIR", self.path("state"))
            .env("SEEDLINE_TODAY", TODAY)
            .env("LANG", "ja_JP.UTF-8")
            .current_dir(self.dir.path());
        cmd
    }

    /// A new database at `name`.
    pub fn store(&self, name: &str) -> Store {
        Store::open(&self.path(name), OpenOptions { create: true }).unwrap()
    }
}

/// A raw connection for checks the store does not expose.
pub fn raw(path: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).unwrap()
}
