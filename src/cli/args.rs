//! Readers of argument values shared by several subcommands: dates and coded values, with
//! messages that quote the bad value and say what would work.

use crate::model::{Coded, parse_date};
use crate::session::RunContext;
use crate::text::sanitize_line;
use anyhow::Result;

/// A date option (`YYYY-MM-DD`); today when not given.
pub(super) fn date_arg(
    ctx: &RunContext,
    flag: &str,
    text: Option<&str>,
) -> Result<crate::model::Date> {
    match text {
        None => Ok(ctx.today),
        Some(t) => parse_date(t).ok_or_else(|| {
            anyhow::Error::from(crate::msg::cli::not_a_date(flag, &sanitize_line(t)))
        }),
    }
}

/// A coded value (code, Japanese or English label) of an option.
pub(super) fn parse_coded<T: Coded>(flag: &str, text: &str) -> Result<T> {
    T::parse(text).ok_or_else(|| {
        anyhow::Error::from(crate::msg::cli::not_one_of(
            flag,
            &sanitize_line(text),
            &T::codes_list(),
        ))
    })
}

/// A date option written as ISO or as a Japanese era date (`令和7年5月31日`).
pub(super) fn era_date_arg(what: &str, text: &str) -> Result<crate::model::Date> {
    crate::csv_io::dates::parse(text)
        .or_else(|| parse_date(text))
        .ok_or_else(|| {
            anyhow::Error::from(crate::msg::cli::not_a_date_wareki(
                &format!("--{what}"),
                text,
            ))
        })
}
