//! seedline: a terminal dashboard for AMED program officers steering research seeds (シーズ)
//! from basic research to practical use, over one local SQLite file.
//!
//! Layering: `model ← query ← store ← csv_io / demo ← cli` and `model ← app ← ui`; only `tui`
//! joins both sides. `session` is what one run works with (built by `cli`, read by `tui`).
//! The flow of a key and a map of where each behaviour lives follow.
#![doc = include_str!("ARCHITECTURE.md")]
// Tests may unwrap, expect and panic; the non-test build of every module is held to the
// `[lints.clippy]` denials of Cargo.toml.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod app;
pub mod cli;
pub mod config;
pub mod csv_io;
pub mod demo;
pub mod drafts;
pub mod error;
pub mod fsutil;
pub mod identity;
pub mod log;
pub mod model;
pub mod msg;
pub mod opener;
pub mod paths;
pub mod query;
pub mod session;
pub mod store;
pub mod text;
pub mod tui;
pub mod ui;

pub use error::{Error, Result};

/// The language of labels on screen and in plain-text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// 日本語 (default)
    #[default]
    Ja,
    /// English
    En,
}

impl Lang {
    /// The language implied by `LC_ALL` / `LC_MESSAGES` / `LANG`: English for an explicit
    /// non-Japanese locale (`en_US.UTF-8`), Japanese otherwise (unset, `C` and `POSIX` included,
    /// since servers often run with `C` while their users read Japanese).
    pub fn from_env() -> Lang {
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(v) = std::env::var(var)
                && !v.is_empty()
            {
                return if v.starts_with("ja") || v == "C" || v == "POSIX" || v.starts_with("C.") {
                    Lang::Ja
                } else {
                    Lang::En
                };
            }
        }
        Lang::Ja
    }
}

/// Picks the Japanese or the English label.
pub fn tr(lang: Lang, ja: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
    }
}
