//! The KAKEN (科研費) CSV shape (`--format kaken`) mapped onto projects. KAKEN rows carry no
//! program, integrated project, phase, modality or disease area: those come from options, with
//! documented defaults (see the README's CSV section).

use super::columns::Field;
use super::dates;
use super::labels::{Labels, coded};
use super::validate::Row;
use crate::model::{Date, LicensingStatus, Modality, NewProject, Phase};
use crate::text::sanitize_line;
use chrono::Datelike;
use unicode_normalization::UnicodeNormalization;

/// Options for KAKEN rows, as typed on the command line.
#[derive(Debug, Clone, Default)]
pub struct KakenOptions {
    /// 事業 the grants are tracked under (required).
    pub program: Option<String>,
    /// 統合プロジェクト (default: the program's).
    pub integrated_project: Option<String>,
    /// 研究開発フェーズ (default 基礎).
    pub phase: Option<String>,
    /// 承認上の分類 (default その他).
    pub modality: Option<String>,
    /// 対象疾患, names separated by `,` (default none).
    pub areas: Option<String>,
}

/// KAKEN options resolved against the reference data.
#[derive(Debug, Clone)]
pub struct KakenDefaults {
    program: String,
    integrated_project: String,
    phase: Phase,
    modality: Modality,
    areas: Vec<String>,
}

impl KakenOptions {
    /// Resolves the options; the message says what to pass.
    pub fn resolve(&self, labels: &Labels) -> Result<KakenDefaults, crate::msg::Msg> {
        let program = self
            .program
            .as_deref()
            .ok_or_else(crate::msg::csv::kaken_needs_program)?;
        let program = labels.program(program).map_err(|m| m.at("--program"))?;
        let integrated_project = match &self.integrated_project {
            Some(ip) => labels.integrated_project(ip).map_err(|m| m.at("--ip"))?,
            None => labels.program_ip(&program).unwrap_or_default().to_string(),
        };
        let phase = match &self.phase {
            Some(p) => coded::<Phase>(p, "phase").map_err(|m| m.at("--phase"))?,
            None => Phase::Basic,
        };
        let modality = match &self.modality {
            Some(m) => coded::<Modality>(m, "modality").map_err(|m| m.at("--modality"))?,
            None => Modality::Other,
        };
        let mut areas = Vec::new();
        for name in self
            .areas
            .iter()
            .flat_map(|a| a.split([',', ';', '、']))
            .map(str::trim)
        {
            if !name.is_empty() {
                areas.push(labels.area(name).map_err(|m| m.at("--area"))?);
            }
        }
        Ok(KakenDefaults {
            program,
            integrated_project,
            phase,
            modality,
            areas,
        })
    }
}

/// 研究期間 (年度): `2019-04-01 – 2022-03-31` (KAKEN's own form), fiscal years `2019 – 2021`
/// (April 1 of the first year to March 31 after the last), a single year, or an open end
/// (`2023-04-01 – `). Separators: `–`, `—`, `〜`, `~` or ` - `.
pub fn period(text: &str) -> Result<(Date, Option<Date>), crate::msg::Msg> {
    let t: String = text.nfkc().collect();
    let t = t.trim();
    let (from, to) = match t
        .split_once(['–', '—', '〜', '~'])
        .or_else(|| t.split_once(" - "))
    {
        Some((a, b)) => (a.trim(), Some(b.trim())),
        None => (t, None),
    };
    let bad = || crate::msg::csv::research_period(&sanitize_line(text));
    let year = |s: &str| -> Option<i32> {
        let s = s.strip_suffix("年度").unwrap_or(s);
        (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let start = match year(from) {
        Some(y) => Date::from_ymd_opt(y, 4, 1),
        None => dates::parse(from),
    }
    .ok_or_else(bad)?;
    let end = match to {
        Some("") => None,
        Some(s) => Some(
            match year(s) {
                Some(y) => Date::from_ymd_opt(y + 1, 3, 31),
                None => dates::parse(s),
            }
            .ok_or_else(bad)?,
        ),
        None if year(from).is_some() => Date::from_ymd_opt(start.year() + 1, 3, 31),
        None => None,
    };
    if let Some(end) = end
        && end < start
    {
        return Err(crate::msg::csv::period_reversed(end, start));
    }
    Ok((start, end))
}

/// 総配分額: yen (KAKEN's unit) to thousand yen, rounded to the nearest; `1,234千円` is taken as
/// thousand yen already.
fn budget(row: &mut Row<'_>) -> Result<Option<i64>, ()> {
    let Some(raw) = row.raw(Field::KakenBudget) else {
        return Ok(None);
    };
    let t: String = raw.nfkc().collect();
    let t = t.trim();
    if let Some(kyen) = t.strip_suffix("千円") {
        return parse_amount(row, kyen);
    }
    let yen = t.strip_suffix('円').unwrap_or(t);
    parse_amount(row, yen).map(|n| n.map(|n| (n + 500) / 1000))
}

fn parse_amount(row: &mut Row<'_>, text: &str) -> Result<Option<i64>, ()> {
    let digits = text.trim().replace(',', "");
    if digits.is_empty() {
        return Ok(None);
    }
    match digits.parse::<i64>() {
        Ok(n) if n >= 0 && digits.bytes().all(|b| b.is_ascii_digit()) && n < i64::MAX - 1000 => {
            Ok(Some(n))
        }
        _ => {
            let value = sanitize_line(text);
            row.problem(Field::KakenBudget, crate::msg::csv::not_yen(&value));
            Err(())
        }
    }
}

/// A KAKEN row as a project (課題管理番号 `KAKEN-` + the award number; キーワード become the
/// summary); problems are left in `row.problems`.
pub fn kaken_project(row: &mut Row<'_>, d: &KakenDefaults) -> Option<NewProject> {
    let number = row
        .required(Field::KakenNumber, 58)
        .map(|n| format!("KAKEN-{}", n.trim()));
    let title = row.required(Field::KakenTitle, 2000);
    let pi = row
        .required(Field::KakenPi, 200)
        .map(|p| p.trim().to_string());
    let institution = row
        .required(Field::KakenInstitution, 400)
        .map(|i| i.trim().to_string());
    let period = row.required(Field::KakenPeriod, 100).and_then(|p| {
        period(&p)
            .map_err(|m| row.problem(Field::KakenPeriod, m))
            .ok()
    });
    let budget = budget(row);
    let keywords = if row.has(Field::KakenKeywords) {
        row.text(Field::KakenKeywords, 19_000, false)
    } else {
        Some(String::new())
    };
    if !row.problems.is_empty() {
        return None;
    }
    let keywords = keywords?;
    let (start_date, end_date) = period?;
    Some(NewProject {
        amed_id: number?,
        title: title?,
        summary: if keywords.trim().is_empty() {
            String::new()
        } else {
            format!("キーワード: {}", keywords.trim())
        },
        pi_name: pi?,
        pi_title: String::new(),
        institution: institution?,
        program: d.program.clone(),
        integrated_project: d.integrated_project.clone(),
        modality: d.modality,
        phase: d.phase,
        start_date,
        end_date,
        budget_total_kyen: budget.ok()?,
        partner_company: None,
        licensing_status: LicensingStatus::None,
        disease_areas: d.areas.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<(String, Option<String>), String> {
        period(s)
            .map(|(a, b)| (a.to_string(), b.map(|b| b.to_string())))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn periods_in_dates_fiscal_years_and_open_ended() {
        let full = ("2019-04-01".to_string(), Some("2022-03-31".to_string()));
        assert_eq!(p("2019-04-01 – 2022-03-31").unwrap(), full);
        assert_eq!(p("2019 – 2021").unwrap(), full);
        assert_eq!(p("2019年度〜2021年度").unwrap(), full);
        assert_eq!(p("2019-04-01 - 2022-03-31").unwrap(), full);
        assert_eq!(
            p("2023").unwrap(),
            ("2023-04-01".into(), Some("2024-03-31".into()))
        );
        assert_eq!(p("2023-04-01 – ").unwrap(), ("2023-04-01".into(), None));
        assert!(p("2022 – 2019").unwrap_err().contains("before it starts"));
        assert!(p("いつか").is_err());
    }
}
