//! 年度: Japanese fiscal years, April to March, and how officers write them.

use super::Date;
use chrono::Datelike;

/// 年度: a Japanese fiscal year, April 1 to March 31, named by the calendar year it starts in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct FiscalYear(pub i32);

impl FiscalYear {
    /// Earliest and latest fiscal years a budget may name (as the schema checks).
    pub const MIN: i32 = 1990;
    pub const MAX: i32 = 2100;

    /// The fiscal year `date` falls in.
    pub fn of(date: Date) -> FiscalYear {
        FiscalYear(if date.month() >= 4 {
            date.year()
        } else {
            date.year() - 1
        })
    }

    /// First and last day (inclusive).
    pub fn span(self) -> (Date, Date) {
        let start = Date::from_ymd_opt(self.0, 4, 1).unwrap_or_default();
        let end = Date::from_ymd_opt(self.0 + 1, 3, 31).unwrap_or_default();
        (start, end)
    }

    /// `2024`, `FY2024`, `2024年度`, `令和6年度`, `R6`, `H30` (full-width digits too); `None` for
    /// anything else or a year outside 1990–2100.
    pub fn parse(text: &str) -> Option<FiscalYear> {
        let folded = super::fold_key(text);
        let t = folded.trim();
        let t = t.strip_suffix("年度").unwrap_or(t);
        let t = t.strip_prefix("fy").unwrap_or(t);
        // Year 1 of an era is the calendar year it began in (令和元年度 = 2019).
        let year = super::ERAS
            .iter()
            .flat_map(|(name, initial, (first, _, _), _)| [(*name, *first), (*initial, *first)])
            .find_map(|(prefix, first)| {
                let rest = t.strip_prefix(prefix)?;
                let n: i32 = if rest == "元" { 1 } else { rest.parse().ok()? };
                (n >= 1).then_some(first - 1 + n)
            })
            .or_else(|| {
                (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| t.parse().ok())
                    .flatten()
            })?;
        (Self::MIN..=Self::MAX)
            .contains(&year)
            .then_some(FiscalYear(year))
    }

    /// `FY2024` / `2024年度`.
    pub fn label(self, lang: crate::Lang) -> String {
        match lang {
            crate::Lang::Ja => format!("{}年度", self.0),
            crate::Lang::En => format!("FY{}", self.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn fiscal_years_run_april_to_march_and_parse_era_names() {
        assert_eq!(FiscalYear::of(d("2024-04-01")), FiscalYear(2024));
        assert_eq!(FiscalYear::of(d("2025-03-31")), FiscalYear(2024));
        assert_eq!(FiscalYear(2024).span(), (d("2024-04-01"), d("2025-03-31")));
        for text in [
            "2024",
            "FY2024",
            "fy2024",
            "2024年度",
            "令和6年度",
            "R6",
            "２０２４",
        ] {
            assert_eq!(FiscalYear::parse(text), Some(FiscalYear(2024)), "{text}");
        }
        assert_eq!(FiscalYear::parse("令和元年度"), Some(FiscalYear(2019)));
        assert_eq!(FiscalYear::parse("平成30年度"), Some(FiscalYear(2018)));
        for bad in ["24", "20245", "1989", "2101", "令和0年度", "next year", ""] {
            assert_eq!(FiscalYear::parse(bad), None, "{bad}");
        }
    }
}
