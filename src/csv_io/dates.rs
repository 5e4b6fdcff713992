//! Dates in imported cells: ISO `2024-04-01` (what export writes), `2024/4/1` (how Excel on Japanese
//! Windows saves dates) and Japanese era dates `令和6年4月1日` / `令和元年5月1日` / `平成31年4月30日`
//! (昭和 too). Full-width digits are accepted. Impossible dates (`2024-02-30`, `2024/13/01`) and
//! era years outside their era (`平成32年`) are refused.

use crate::model::Date;
use unicode_normalization::UnicodeNormalization;

use crate::model::ERAS;

/// Parses a date cell (see the module documentation).
pub fn parse(text: &str) -> Option<Date> {
    let t: String = text.trim().nfkc().collect();
    if let Some(d) = crate::model::parse_date(&t) {
        return Some(d);
    }
    if let Some(d) = slashed(&t) {
        return Some(d);
    }
    era(&t)
}

fn number(s: &str, max_len: usize) -> Option<u32> {
    if s.is_empty() || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `YYYY/M/D` (one or two digits for month and day).
fn slashed(t: &str) -> Option<Date> {
    let mut parts = t.split('/');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 {
        return None;
    }
    Date::from_ymd_opt(number(y, 4)? as i32, number(m, 2)?, number(d, 2)?)
}

/// `令和6年4月1日`, `令和元年5月1日`.
fn era(t: &str) -> Option<Date> {
    let (name, _, first, last) = ERAS.iter().find(|(name, ..)| t.starts_with(name))?;
    let rest = &t[name.len()..];
    let (year, rest) = rest.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日')?;
    let year = if year == "元" { 1 } else { number(year, 2)? };
    if year == 0 {
        return None;
    }
    let date = Date::from_ymd_opt(
        first.0 + year as i32 - 1,
        number(month, 2)?,
        number(day, 2)?,
    )?;
    let from = Date::from_ymd_opt(first.0, first.1, first.2)?;
    let to = Date::from_ymd_opt(last.0, last.1, last.2)?;
    (from..=to).contains(&date).then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        parse(s).map(|d| d.to_string())
    }

    #[test]
    fn iso_slashes_and_eras() {
        assert_eq!(d("2024-04-01").as_deref(), Some("2024-04-01"));
        assert_eq!(d("2024/4/1").as_deref(), Some("2024-04-01"));
        assert_eq!(d("２０２４／０４／０１").as_deref(), Some("2024-04-01"));
        assert_eq!(d("令和6年4月1日").as_deref(), Some("2024-04-01"));
        assert_eq!(d("令和元年5月1日").as_deref(), Some("2019-05-01"));
        assert_eq!(d("平成31年4月30日").as_deref(), Some("2019-04-30"));
        assert_eq!(d("昭和64年1月7日").as_deref(), Some("1989-01-07"));
    }

    #[test]
    fn impossible_dates_are_refused() {
        for bad in [
            "2024-02-30",
            "2024/13/01",
            "2024-2-3",
            "24/4/1",
            "令和6年",
            "令和6年2月30日",
            "平成32年4月1日",
            "令和元年4月30日",
            "令和0年5月1日",
            "",
            "2024/4/1/1",
            "R6.4.1",
        ] {
            assert_eq!(d(bad), None, "{bad}");
        }
    }
}
