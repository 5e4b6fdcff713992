//! The officer's config file (`config.toml` in the config directory): UI language, who they are,
//! and keymap overrides. A missing file means defaults; a wrong entry is a clear error at start-up.
//!
//! ```toml
//! lang = "ja"                      # or "en"
//! stall_days = 730               # days in one phase before a project counts as stalled
//! radar_days = 180               # the matching radar's horizon: projects ending within it
//! [officer]
//! name = "岩崎 美紀"
//! role = "PO"
//! [keys.list]
//! sort_next = "o"                  # one key or a list: ["o", "Ctrl-o"]
//! [keys.global]
//! quit = ["q", "Q"]
//! ```

use crate::app::keymap::Keymap;
use crate::msg::{Msg, invalid};
use crate::{Error, Lang, Result};
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    lang: Option<Lang>,
    stall_days: Option<i64>,
    radar_days: Option<i64>,
    officer: Option<Officer>,
    #[serde(default)]
    keys: BTreeMap<String, BTreeMap<String, Keys>>,
}

/// Who the officer is (author of notes); falls back to the OS account.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Officer {
    pub name: String,
    pub role: Option<String>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(untagged)]
enum Keys {
    One(String),
    Many(Vec<String>),
}

/// The loaded configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub lang: Option<Lang>,
    pub officer: Option<Officer>,
    /// Days in one phase after which a project counts as stalled (停滞).
    pub stall_days: i64,
    /// The matching radar's horizon: projects ending within this many days (1 to 3650).
    pub radar_days: u32,
    pub keymap: Keymap,
}

/// The matching radar's horizon when the config file does not set `radar_days`: half a year,
/// the time a successor program's call and review take.
pub const DEFAULT_RADAR_DAYS: u32 = 180;

impl Default for Config {
    fn default() -> Config {
        Config {
            lang: None,
            officer: None,
            stall_days: crate::model::Scope::DEFAULT_STALL_DAYS,
            radar_days: DEFAULT_RADAR_DAYS,
            keymap: Keymap::default(),
        }
    }
}

impl Config {
    /// Reads `path`; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<Config> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(e) => return Err(Error::io(path, e)),
        };
        Config::parse(&text).map_err(|why| {
            Error::invalid(path.display().to_string(), invalid::config_invalid(&why))
        })
    }

    /// Parses the text of a config file.
    pub fn parse(text: &str) -> Result<Config, Msg> {
        let file: File = toml::from_str(text)
            .map_err(|e| invalid::config_syntax(&e.to_string().trim_end().replace('\n', " ")))?;
        let stall_days = file
            .stall_days
            .unwrap_or(crate::model::Scope::DEFAULT_STALL_DAYS);
        if !(1..=3650).contains(&stall_days) {
            return Err(invalid::stall_days(stall_days));
        }
        let radar_days = file.radar_days.unwrap_or(i64::from(DEFAULT_RADAR_DAYS));
        let max = i64::from(crate::query::EndingFilter::MAX_DAYS);
        let radar_days = match u32::try_from(radar_days) {
            Ok(days) if (1..=max).contains(&radar_days) => days,
            _ => return Err(invalid::radar_days(radar_days)),
        };
        let mut keymap = Keymap::default();
        for (mode, commands) in &file.keys {
            for (command, keys) in commands {
                let keys = match keys {
                    Keys::One(k) => vec![k.clone()],
                    Keys::Many(ks) => ks.clone(),
                };
                keymap.apply_override(mode, command, &keys)?;
            }
        }
        Ok(Config {
            lang: file.lang,
            officer: file.officer,
            stall_days,
            radar_days,
            keymap,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Command;
    use crate::app::keymap::{Key, Mode};

    #[test]
    fn reads_language_officer_and_key_overrides() {
        let c = Config::parse(
            "lang = \"en\"\n[officer]\nname = \"岩崎 美紀\"\nrole = \"PO\"\n[keys.list]\nsort_next = [\"o\", \"Ctrl-o\"]\n",
        )
        .unwrap();
        assert_eq!(c.lang, Some(Lang::En));
        assert_eq!(c.officer.unwrap().name, "岩崎 美紀");
        assert_eq!(
            c.keymap.lookup(Mode::List, Key::Ctrl('o')),
            Some(Command::SortNext)
        );
    }

    #[test]
    fn unknown_entries_are_clear_errors() {
        assert!(
            Config::parse("colour = \"red\"")
                .unwrap_err()
                .to_string()
                .contains("colour")
        );
        assert!(
            Config::parse("[keys.list]\nfly = \"x\"")
                .unwrap_err()
                .to_string()
                .contains("unknown action")
        );
        assert!(
            Config::parse("[keys.list]\nquit = \"Super-x\"")
                .unwrap_err()
                .to_string()
                .contains("unknown key")
        );
        assert!(Config::parse("lang = \"fr\"").is_err());
        assert!(
            Config::parse("stall_days = 0")
                .unwrap_err()
                .to_string()
                .contains("stall_days")
        );
        assert_eq!(Config::parse("stall_days = 365").unwrap().stall_days, 365);
        assert_eq!(Config::parse("").unwrap().stall_days, 730);
    }
}
