//! Where seedline keeps its files: per-user data / config / state directories, created 0700.
//! `SEEDLINE_DATA_DIR`, `SEEDLINE_CONFIG_DIR` and `SEEDLINE_STATE_DIR` override them (tests use these).

use crate::{Error, Result};
use std::fs;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// The per-user directories seedline writes to.
#[derive(Debug, Clone)]
pub struct Paths {
    /// The officer's database and the demo database.
    pub data: PathBuf,
    /// `config.toml`.
    pub config: PathBuf,
    /// Drafts and logs.
    pub state: PathBuf,
}

impl Paths {
    /// Resolves the directories from the environment overrides or the platform defaults
    /// (`~/.local/share/seedline`, `~/.config/seedline`, `~/.local/state/seedline` on Linux).
    /// Nothing is created here.
    pub fn resolve() -> Result<Paths> {
        let dirs = directories::ProjectDirs::from("jp.go", "AMED", "seedline");
        let pick = |var: &str, default: Option<PathBuf>| -> Result<PathBuf> {
            match std::env::var_os(var) {
                Some(v) if !v.is_empty() => Ok(PathBuf::from(v)),
                _ => default.ok_or_else(|| Error::invalid(var, crate::msg::invalid::no_home())),
            }
        };
        Ok(Paths {
            data: pick(
                "SEEDLINE_DATA_DIR",
                dirs.as_ref().map(|d| d.data_dir().to_path_buf()),
            )?,
            config: pick(
                "SEEDLINE_CONFIG_DIR",
                dirs.as_ref().map(|d| d.config_dir().to_path_buf()),
            )?,
            state: pick(
                "SEEDLINE_STATE_DIR",
                dirs.as_ref()
                    .map(|d| d.state_dir().unwrap_or(d.data_local_dir()).to_path_buf()),
            )?,
        })
    }

    /// The officer's own database.
    pub fn default_db(&self) -> PathBuf {
        self.data.join("seedline.db")
    }

    /// The demo database used by `--demo`, kept apart from the officer's real one.
    pub fn demo_db(&self) -> PathBuf {
        self.data.join("demo.db")
    }

    /// The user's config file.
    pub fn config_file(&self) -> PathBuf {
        self.config.join("config.toml")
    }
}

/// Creates `dir` (and parents) if missing; directories seedline creates are 0700 whatever the umask.
pub fn ensure_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| Error::io(dir, e))?;
    // `mode` is filtered by the umask; set it explicitly.
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(|e| Error::io(dir, e))
}
