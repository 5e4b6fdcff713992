//! The session: what every subcommand and the dashboard run with besides their own arguments —
//! language, today, keymap, author, stall threshold, read-only and the data paths.

use crate::Lang;
use crate::model::Date;
use crate::paths::Paths;

/// What every subcommand needs besides its own arguments.
pub struct RunContext {
    pub paths: Paths,
    pub lang: Lang,
    pub today: Date,
    /// The keymap, with the config file's overrides.
    pub keymap: crate::app::keymap::Keymap,
    /// Who writes notes and flags: the configured officer, else the OS account.
    pub author: crate::model::Author,
    /// `--read-only`.
    pub read_only: bool,
    /// Whether `author` comes from the config file (else the database may know this OS account).
    pub officer_configured: bool,
    /// Days in one phase before a project counts as stalled (config `stall_days`).
    pub stall_days: i64,
    /// The matching radar's horizon in days (config `radar_days`).
    pub radar_days: u32,
}

impl RunContext {
    /// Today and who "me" is, for `mine`, `watch:` and `stalled:`.
    pub fn scope(&self) -> crate::model::Scope {
        crate::model::Scope {
            stall_days: self.stall_days,
            ..crate::model::Scope::new(self.today, &self.author.name)
        }
    }
}
