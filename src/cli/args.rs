//! Readers of argument values shared by several subcommands: dates and coded values, with
//! messages that quote the bad value and say what would work.

use crate::model::{Coded, date_input};
use crate::session::RunContext;
use crate::text::sanitize_line;
use anyhow::Result;

/// A date option in any form the forms accept (`2026-04-01`, `2026/4/1`, `令和8年4月1日`,
/// `R8.4.1`, `+7d`, `来週`: [`crate::model::date_input`]), relative ones counted from the run's
/// today (`--today` / `SEEDLINE_TODAY`); today when not given.
pub(super) fn date_arg(
    ctx: &RunContext,
    flag: &str,
    text: Option<&str>,
) -> Result<crate::model::Date> {
    match text {
        None => Ok(ctx.today),
        Some(t) => date_input::resolve(t, ctx.today)
            .map_err(|e| anyhow::Error::from(crate::msg::cli::bad_date_option(flag, &e))),
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

/// A required date option (`--due`, `--on`, `--date` of links): the same forms as [`date_arg`].
pub(super) fn era_date_arg(ctx: &RunContext, what: &str, text: &str) -> Result<crate::model::Date> {
    date_arg(ctx, &format!("--{what}"), Some(text))
}
