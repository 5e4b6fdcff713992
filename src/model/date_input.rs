//! Dates as an officer types them, in every date field of every form and in the CLI's date options:
//! one parser, so `2026/12/11` works wherever `2026-12-11` does.
//!
//! Accepted (full-width digits and letters too, surrounding spaces ignored):
//! - calendar dates: `2026-12-11`, `2026/12/11`, `2026/1/5`, `2026.12.11`, `20261211`,
//!   `2026年12月11日`;
//! - Japanese era dates: `令和8年12月11日`, `令和元年5月1日`, `R8.12.11`, `R8/12/11`, `H31.4.30`
//!   (令和 from 2019-05-01, 平成 1989-01-08 to 2019-04-30, 昭和 to 1989-01-07; a date outside its
//!   era is refused);
//! - relative to today: `+7d`, `-3d`, `+2w`, `+1m`, `+1y` (also `+7日`, `+2週`, `+1か月`, `+1年`;
//!   a bare `+7` is days), `今日` / `today`, `明日` / `tomorrow`, `昨日` / `yesterday`,
//!   `来週` / `next week` (= today + 7 days, the same weekday next week), `先週` / `last week`,
//!   `来月` / `next month` (= the same day next month, the month's last day when it is shorter),
//!   `先月` / `last month`.
//!
//! Months added to the 31st land on the last day of a shorter month (2026-01-31 `+1m` =
//! 2026-02-28). [`parse_absolute`] reads the calendar and era forms only, for input that has no
//! "today" to count from.

use super::{Date, ERAS};
use crate::Lang;
use unicode_normalization::UnicodeNormalization;

/// Why a typed date was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Nothing was typed.
    Empty,
    /// Not one of the accepted forms (the text as typed).
    Unknown(String),
    /// The right shape, but no such day (`2024-02-30`) or out of range.
    NoSuchDay(String),
    /// An era date outside its era (`平成32年4月1日`, `令和元年4月30日`).
    OutsideEra(String),
}

/// The accepted forms, for hints and errors.
pub fn accepted(lang: Lang) -> &'static str {
    crate::tr(
        lang,
        "2026-12-11, 2026/12/11, 20261211, 令和8年12月11日, R8.12.11, +7d, +2w, +1m, 今日, 明日, 来週（7日後）, 来月",
        "2026-12-11, 2026/12/11, 20261211, R8.12.11 (Reiwa era), +7d, +2w, +1m, today, tomorrow, next week (+7d), next month",
    )
}

impl DateError {
    /// What went wrong and what would work, in the officer's language.
    pub fn message(&self, lang: Lang) -> String {
        let quoted = |t: &str| crate::text::sanitize_line(t).into_owned();
        match (self, lang) {
            (DateError::Empty, Lang::Ja) => {
                format!("入力してください（使える形: {}）", accepted(lang))
            }
            (DateError::Empty, Lang::En) => format!("required (accepted: {})", accepted(lang)),
            (DateError::Unknown(t), Lang::Ja) => format!(
                "'{}' は日付として読めません。使える形: {}",
                quoted(t),
                accepted(lang)
            ),
            (DateError::Unknown(t), Lang::En) => format!(
                "'{}' is not a date; accepted: {}",
                quoted(t),
                accepted(lang)
            ),
            (DateError::NoSuchDay(t), Lang::Ja) => {
                format!("'{}' という日はありません（月と日を確認）", quoted(t))
            }
            (DateError::NoSuchDay(t), Lang::En) => {
                format!(
                    "'{}' is not a date: no such day (check the month and day)",
                    quoted(t)
                )
            }
            (DateError::OutsideEra(t), Lang::Ja) => format!(
                "'{}' はその元号の期間外です（令和は2019年5月1日から、平成は2019年4月30日まで）",
                quoted(t)
            ),
            (DateError::OutsideEra(t), Lang::En) => format!(
                "'{}' is not a date: outside its era (Reiwa begins 2019-05-01; Heisei ends 2019-04-30)",
                quoted(t)
            ),
        }
    }
}

/// Reads a typed date, relative forms counted from `today`.
pub fn resolve(text: &str, today: Date) -> Result<Date, DateError> {
    let folded = fold(text);
    if folded.is_empty() {
        return Err(DateError::Empty);
    }
    if let Some(found) = relative(&folded, today) {
        // Stored dates are `YYYY-MM-DD`: a count that leaves four-digit years is no day.
        use chrono::Datelike;
        return found
            .filter(|d| (1000..=9999).contains(&d.year()))
            .ok_or_else(|| DateError::NoSuchDay(text.trim().to_string()));
    }
    absolute(&folded, text)
}

/// Reads a calendar or era date (no relative forms).
pub fn parse_absolute(text: &str) -> Option<Date> {
    absolute(&fold(text), text).ok()
}

/// Whether `text` is a date written relative to today (`+7d`, `来週`): such a date means a
/// different day tomorrow, so a draft keeps the day it resolved to.
pub fn is_relative(text: &str) -> bool {
    let folded = fold(text);
    !folded.is_empty() && relative(&folded, Date::MIN).is_some()
}

/// The weekday's short name: `金` / `Fri`.
pub fn weekday(date: Date, lang: Lang) -> &'static str {
    use chrono::Datelike;
    let i = date.weekday().num_days_from_monday() as usize;
    match lang {
        Lang::Ja => ["月", "火", "水", "木", "金", "土", "日"][i],
        Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][i],
    }
}

/// NFKC (full-width digits, `／`, `＋`), lower case, no spaces around.
fn fold(text: &str) -> String {
    text.trim()
        .nfkc()
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .trim()
        .to_string()
}

/// `None`: not a relative form. `Some(None)`: a relative form that leaves the calendar.
fn relative(t: &str, today: Date) -> Option<Option<Date>> {
    let days = |n: i64| today.checked_add_signed(chrono::Duration::try_days(n)?);
    let months = |n: i64| {
        let m = chrono::Months::new(u32::try_from(n.unsigned_abs()).ok()?);
        if n >= 0 {
            today.checked_add_months(m)
        } else {
            today.checked_sub_months(m)
        }
    };
    let named = match t {
        "今日" | "きょう" | "本日" | "today" => Some(days(0)),
        "明日" | "あした" | "あす" | "tomorrow" => Some(days(1)),
        "明後日" | "あさって" => Some(days(2)),
        "昨日" | "きのう" | "yesterday" => Some(days(-1)),
        "来週" | "next week" | "nextweek" => Some(days(7)),
        "先週" | "last week" | "lastweek" => Some(days(-7)),
        "来月" | "next month" | "nextmonth" => Some(months(1)),
        "先月" | "last month" | "lastmonth" => Some(months(-1)),
        _ => None,
    };
    if named.is_some() {
        return named;
    }
    let (sign, rest) = match t.chars().next()? {
        '+' => (1, &t[1..]),
        '-' => (-1, &t[1..]),
        _ => return None,
    };
    let digits_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (digits, unit) = rest.split_at(digits_end);
    if digits.is_empty() || digits.len() > 5 {
        return None;
    }
    let n: i64 = sign * digits.parse::<i64>().ok()?;
    Some(match unit.trim() {
        "" | "d" | "日" => days(n),
        "w" | "週" | "週間" => days(n.checked_mul(7)?),
        "m" | "か月" | "ヶ月" | "カ月" | "ヵ月" | "箇月" | "月" => months(n),
        "y" | "年" => months(n.checked_mul(12)?),
        _ => return None,
    })
}

/// Calendar and era forms; `original` is quoted in errors.
fn absolute(t: &str, original: &str) -> Result<Date, DateError> {
    let quoted = || original.trim().to_string();
    let unknown = || DateError::Unknown(quoted());
    if let Some(rest) = strip_era(t) {
        let (era, year_text, rest) = rest;
        let (month, day) = month_day(rest).ok_or_else(unknown)?;
        let year = if year_text == "元" {
            1
        } else {
            number(year_text, 2).ok_or_else(unknown)?
        };
        let (_, _, first, last) = era;
        if year == 0 {
            return Err(DateError::OutsideEra(quoted()));
        }
        let date = Date::from_ymd_opt(first.0 + year as i32 - 1, month, day)
            .ok_or_else(|| DateError::NoSuchDay(quoted()))?;
        let from = Date::from_ymd_opt(first.0, first.1, first.2);
        let to = Date::from_ymd_opt(last.0, last.1, last.2);
        return match (from, to) {
            (Some(from), Some(to)) if (from..=to).contains(&date) => Ok(date),
            _ => Err(DateError::OutsideEra(quoted())),
        };
    }
    let (year, month, day) = if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        let n = |r: std::ops::Range<usize>| t.get(r).and_then(|s| s.parse::<u32>().ok());
        (n(0..4), n(4..6), n(6..8))
    } else if let Some((year, rest)) = t.split_once('年') {
        let (month, day) = month_day(&format!("年{rest}")).ok_or_else(unknown)?;
        let year = (year.len() == 4).then(|| number(year, 4)).flatten();
        (year, Some(month), Some(day))
    } else {
        let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
        match parts.as_slice() {
            [y, m, d] if y.len() == 4 => (number(y, 4), number(m, 2), number(d, 2)),
            _ => return Err(unknown()),
        }
    };
    let (Some(year), Some(month), Some(day)) = (year, month, day) else {
        return Err(unknown());
    };
    Date::from_ymd_opt(year as i32, month, day).ok_or_else(|| DateError::NoSuchDay(quoted()))
}

type Era = (&'static str, &'static str, super::Ymd, super::Ymd);

/// An era prefix (`令和`, `r`), its year text and what follows it (`年12月11日`, `.12.11`).
fn strip_era(t: &str) -> Option<(&'static Era, &str, &str)> {
    let era = ERAS
        .iter()
        .find(|(name, initial, ..)| t.starts_with(name) || t.starts_with(initial))?;
    let rest = t.strip_prefix(era.0).or_else(|| t.strip_prefix(era.1))?;
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '元'))
        .unwrap_or(rest.len());
    let (year, after) = rest.split_at(end);
    if year.is_empty() || after.is_empty() {
        return None;
    }
    Some((era, year, after))
}

/// `年12月11日` / `.12.11` / `/12/11` / `-12-11` after a year.
fn month_day(t: &str) -> Option<(u32, u32)> {
    if let Some(rest) = t.strip_prefix('年') {
        let (month, rest) = rest.split_once('月')?;
        let day = rest.strip_suffix('日').unwrap_or(rest);
        return Some((number(month, 2)?, number(day, 2)?));
    }
    let sep = t.chars().next().filter(|c| matches!(c, '.' | '/' | '-'))?;
    let mut parts = t[1..].split(sep);
    let (month, day) = (parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    Some((number(month, 2)?, number(day, 2)?))
}

fn number(s: &str, max_len: usize) -> Option<u32> {
    if s.is_empty() || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
#[path = "date_input_tests.rs"]
mod tests;
