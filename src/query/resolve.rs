//! Turning parsed terms into a [`Filter`]: names of integrated projects, disease areas, programs,
//! phases and modalities resolved against the reference data, with the closest valid value
//! suggested when a name is unknown.

use super::parse::{Term, parse};
use super::{DueFilter, EndingFilter, Filter, FlagFilter, MineFilter, OutcomeFilter, QueryError};
use crate::model::parse_outcome_kind;
use crate::model::{AgingBucket, Coded, FiscalYear, FlagStatus, Modality, Phase, fold_key};
use crate::model::{NameIndex, NameMatch, RefKind, Reference};
use crate::msg::Msg;
use crate::msg::query::{self as hint, NameKind};
use crate::text::search_fold;

/// Parses and resolves a filter line.
pub fn resolve(input: &str, reference: &Reference) -> Result<Filter, QueryError> {
    let mut filter = Filter::default();
    for term in parse(input)? {
        match term {
            Term::Word(word) if word.eq_ignore_ascii_case("mine") => {
                filter.mine = Some(MineFilter::Assigned)
            }
            Term::Word(word) | Term::Quoted(word) => filter.words.push(search_fold(&word)),
            Term::Field(field, value) => apply(&mut filter, &field, &value, reference)?,
        }
    }
    Ok(filter)
}

fn apply(filter: &mut Filter, field: &str, value: &str, r: &Reference) -> Result<(), QueryError> {
    let error = |hint: Msg| QueryError {
        term: format!("{field}:{value}"),
        hint,
    };
    let values: Vec<&str> = value
        .split([',', '、', '，'])
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .collect();
    match field {
        "ip" => {
            let ids = match_names(
                &values,
                r,
                RefKind::IntegratedProject,
                NameKind::IntegratedProject,
            )
            .map_err(error)?;
            extend(&mut filter.integrated_projects, ids);
        }
        "area" => {
            let mut ids = match_names(&values, r, RefKind::DiseaseArea, NameKind::DiseaseArea)
                .map_err(error)?;
            let children: Vec<i64> = r
                .disease_areas
                .iter()
                .filter(|a| a.parent_id.is_some_and(|p| ids.contains(&p)))
                .map(|a| a.id)
                .collect();
            ids.extend(children);
            extend(&mut filter.disease_areas, ids);
        }
        "program" => {
            let ids =
                match_names(&values, r, RefKind::Program, NameKind::Program).map_err(error)?;
            extend(&mut filter.programs, ids);
        }
        "phase" => {
            let (from, to) = match value
                .split_once("..")
                .or_else(|| value.split_once('〜'))
                .or_else(|| value.split_once('~'))
            {
                Some((a, b)) => (phase(a), phase(b)),
                None => (phase(value), phase(value)),
            };
            match (from, to) {
                (Some(a), Some(b)) => filter.phases = Some((a.min(b), a.max(b))),
                _ => {
                    return Err(error(hint::phase_expected()));
                }
            }
        }
        "modality" => {
            let mut found = Vec::new();
            for v in &values {
                let m = Modality::parse(v).ok_or_else(|| error(hint::modality_expected()))?;
                found.push(m);
            }
            extend(&mut filter.modalities, found);
        }
        "po" => {
            let names = values
                .iter()
                .map(|v| search_fold(v).replace([' ', '　'], ""))
                .collect();
            extend(&mut filter.officers, names);
        }
        "id" => extend(
            &mut filter.ids,
            values.iter().map(|v| search_fold(v)).collect(),
        ),
        "flag" => {
            filter.flag = Some(match fold_key(value).as_str() {
                "highway" | "open" | "yes" | "ハイウェイ" => FlagFilter::Open,
                "any" | "all" => FlagFilter::Any,
                "none" | "no" => FlagFilter::None,
                other => FlagFilter::Status(
                    FlagStatus::parse(other).ok_or_else(|| error(hint::flag_expected()))?,
                ),
            })
        }
        "due" => {
            filter.due = Some(match fold_key(value).as_str() {
                "overdue" | "期限超過" => DueFilter::Overdue,
                "today" | "今日" => DueFilter::Today,
                "yes" | "due" => DueFilter::Due,
                "week" | "soon" | "今週" => DueFilter::Week,
                "30" | "month" | "30日以内" => DueFilter::Bucket(AgingBucket::DueWithin30),
                "1-30" | "1_30" => DueFilter::Bucket(AgingBucket::Overdue1To30),
                "31-60" | "31_60" => DueFilter::Bucket(AgingBucket::Overdue31To60),
                "61+" | "61-" | "61_" => DueFilter::Bucket(AgingBucket::Overdue61Plus),
                _ => {
                    return Err(error(hint::due_expected()));
                }
            })
        }
        "mine" => {
            filter.mine = Some(match fold_key(value).as_str() {
                "yes" | "y" | "assigned" => MineFilter::Assigned,
                "watch" | "portfolio" | "all" => MineFilter::Portfolio,
                "no" | "n" => MineFilter::NotMine,
                _ => {
                    return Err(error(hint::mine_expected()));
                }
            })
        }
        "watch" | "stalled" => {
            let yes = match fold_key(value).as_str() {
                "yes" | "y" | "true" => true,
                "no" | "n" | "false" => false,
                _ => return Err(error(hint::yes_no_expected())),
            };
            if field == "watch" {
                filter.watched = Some(yes);
            } else {
                filter.stalled = Some(yes);
            }
        }
        "outcome" => filter.outcome = Some(outcome(value).map_err(error)?),
        "fy" => filter.funded = Some(funded(value).map_err(error)?),
        "inphase" | "moved" => {
            let at = phase_in_year(value).map_err(error)?;
            if field == "moved" {
                filter.moved = Some(at);
            } else {
                filter.in_phase = Some(at);
            }
        }
        "ending" => filter.ending = Some(ending(value).map_err(error)?),
        _ => return Err(error(hint::try_example(field))),
    }
    Ok(())
}

/// `N` / `Nd` / `N日` (days), `Nm` / `Nヶ月` (calendar months) or `overdue`: an `ending:` window.
fn ending(value: &str) -> Result<EndingFilter, Msg> {
    let folded = fold_key(value);
    if matches!(folded.as_str(), "overdue" | "ended" | "終了後" | "終了済") {
        return Ok(EndingFilter::Overdue);
    }
    let unit_at = folded
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(folded.len());
    let (digits, unit) = folded.split_at(unit_at);
    let n: u32 = digits.parse().map_err(|_| hint::ending_expected())?;
    match unit {
        "" | "d" | "日" if n <= EndingFilter::MAX_DAYS => Ok(EndingFilter::Days(n)),
        "m" | "mo" | "ヶ月" | "か月" | "カ月" | "ケ月" if n <= EndingFilter::MAX_MONTHS => {
            Ok(EndingFilter::Months(n))
        }
        _ => Err(hint::ending_expected()),
    }
}

/// `KIND[,KIND…][@YEAR]`, `any[@YEAR]`.
fn outcome(value: &str) -> Result<OutcomeFilter, Msg> {
    let (kinds, year) = match value.split_once(['@', '＠']) {
        Some((k, y)) => (k, Some(y)),
        None => (value, None),
    };
    let year = match year {
        None => None,
        Some(y) => Some(FiscalYear::parse(y).ok_or_else(|| hint::not_a_fiscal_year(y))?),
    };
    let kinds = match fold_key(kinds).as_str() {
        "" | "any" | "all" | "yes" | "全種別" => None,
        _ => {
            let mut found = Vec::new();
            for k in kinds
                .split([',', '、', '，'])
                .map(str::trim)
                .filter(|k| !k.is_empty())
            {
                found.push(parse_outcome_kind(k).ok_or_else(hint::unknown_outcome_kind)?);
            }
            Some(found)
        }
    };
    Ok(OutcomeFilter { kinds, year })
}

/// `YEAR`, `YEAR..YEAR` or `any`: the fiscal years a `fy:` term covers.
fn funded(value: &str) -> Result<(FiscalYear, FiscalYear), Msg> {
    if matches!(fold_key(value).as_str(), "any" | "all" | "yes" | "全年度") {
        return Ok((FiscalYear(FiscalYear::MIN), FiscalYear(FiscalYear::MAX)));
    }
    let year = |y: &str| FiscalYear::parse(y.trim()).ok_or_else(|| hint::not_a_fiscal_year_term(y));
    match value.split_once("..").or_else(|| value.split_once('〜')) {
        Some((a, b)) => {
            let (a, b) = (year(a)?, year(b)?);
            Ok((a.min(b), a.max(b)))
        }
        None => year(value).map(|y| (y, y)),
    }
}

/// `PHASE@YEAR`: a phase in a fiscal year, for `inphase:` and `moved:`.
fn phase_in_year(value: &str) -> Result<(Phase, FiscalYear), Msg> {
    let (p, y) = value
        .split_once(['@', '＠'])
        .ok_or_else(|| hint::phase_at_year(None))?;
    let p = phase(p.trim()).ok_or_else(|| hint::phase_at_year(Some(p)))?;
    let y = FiscalYear::parse(y.trim()).ok_or_else(|| hint::phase_at_year(Some(y)))?;
    Ok((p, y))
}

fn phase(text: &str) -> Option<Phase> {
    Phase::parse(text)
}

fn extend<T>(slot: &mut Option<Vec<T>>, values: Vec<T>) {
    slot.get_or_insert_with(Vec::new).extend(values);
}

/// Ids each value names by the rule CSV import shares ([`NameIndex::find`]: code or name, else a
/// part of a name); an unknown value is an error naming the closest valid name.
fn match_names(
    values: &[&str],
    r: &Reference,
    kind: RefKind,
    what: NameKind,
) -> Result<Vec<i64>, Msg> {
    let index = NameIndex::new(r, kind);
    let mut ids = Vec::new();
    for value in values {
        match index.find(value) {
            NameMatch::Exact(found) | NameMatch::Partial(found) => ids.extend(found),
            NameMatch::Unknown(closest) => {
                return Err(hint::unknown_name(what, closest.as_deref()));
            }
        }
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DiseaseAreaRef, IntegratedProjectRef, ProgramRef};

    fn reference() -> Reference {
        let ip = |id, code: &str, ja: &str| IntegratedProjectRef {
            id,
            code: code.into(),
            name_ja: ja.into(),
            name_en: code.into(),
            period: 3,
        };
        let area = |id, code: &str, ja: &str, parent| DiseaseAreaRef {
            id,
            code: code.into(),
            name_ja: ja.into(),
            name_en: code.into(),
            parent_id: parent,
        };
        Reference {
            integrated_projects: vec![
                ip(1, "drug", "医薬品プロジェクト"),
                ip(2, "device", "医療機器・ヘルスケアプロジェクト"),
            ],
            disease_areas: vec![
                area(1, "cancer", "がん", None),
                area(3, "lifecourse", "ライフコース", None),
                area(4, "dementia", "老年医学・認知症", Some(3)),
            ],
            programs: vec![ProgramRef {
                id: 7,
                code: "bridge".into(),
                name_ja: "橋渡し研究プログラム".into(),
                name_en: "Translational Research Program".into(),
                ministry: "MEXT".into(),
                integrated_project_id: 1,
                first_phase: Phase::Basic,
                last_phase: Phase::Clinical,
                retired_on: None,
                version: 1,
            }],
            program_links: vec![],
        }
    }

    #[test]
    fn fields_resolve_codes_and_japanese_names() {
        let f = resolve(
            "がん ip:医薬品 area:ライフコース phase:応用..臨床 modality:医療機器 program:橋渡し",
            &reference(),
        )
        .unwrap();
        assert_eq!(f.words, ["がん"]);
        assert_eq!(f.integrated_projects, Some(vec![1]));
        assert_eq!(
            f.disease_areas,
            Some(vec![3, 4]),
            "a parent area includes its sub-areas"
        );
        assert_eq!(f.phases, Some((Phase::Applied, Phase::Clinical)));
        assert_eq!(f.modalities, Some(vec![Modality::Device]));
        assert_eq!(f.programs, Some(vec![7]));
    }

    #[test]
    fn lists_ranges_and_flags() {
        let f = resolve(
            "ip:drug,device phase:臨床..応用 flag:recommended due:overdue",
            &reference(),
        )
        .unwrap();
        assert_eq!(f.integrated_projects, Some(vec![1, 2]));
        assert_eq!(
            f.phases,
            Some((Phase::Applied, Phase::Clinical)),
            "a reversed range is the same range"
        );
        assert_eq!(f.flag, Some(FlagFilter::Status(FlagStatus::Recommended)));
        assert_eq!(f.due, Some(DueFilter::Overdue));
        assert_eq!(
            resolve("flag:highway", &reference()).unwrap().flag,
            Some(FlagFilter::Open)
        );
    }

    #[test]
    fn unknown_values_suggest_the_closest() {
        let e = resolve("ip:drg", &reference()).unwrap_err();
        assert!(
            e.hint.get(crate::Lang::En).contains("did you mean 'drug'"),
            "{e}"
        );
        let e = resolve("phase:第3相", &reference()).unwrap_err();
        assert!(e.hint.get(crate::Lang::Ja).contains("非臨床"), "{e}");
        let e = resolve("modality:薬", &reference()).unwrap_err();
        assert!(e.hint.get(crate::Lang::Ja).contains("医療機器"), "{e}");
        assert!(resolve("due:someday", &reference()).is_err());
        assert!(resolve("mine:maybe", &reference()).is_err());
        assert!(resolve("stalled:often", &reference()).is_err());
    }

    #[test]
    fn portfolio_terms_resolve() {
        let f = resolve("mine watch:no stalled:yes due:31-60", &reference()).unwrap();
        assert_eq!(f.mine, Some(MineFilter::Assigned));
        assert_eq!(f.watched, Some(false));
        assert_eq!(f.stalled, Some(true));
        assert_eq!(f.due, Some(DueFilter::Bucket(AgingBucket::Overdue31To60)));
        assert!(f.words.is_empty(), "mine is a term, not a search word");
        let f = resolve("mine:watch \"mine\" due:61+", &reference()).unwrap();
        assert_eq!(f.mine, Some(MineFilter::Portfolio));
        assert_eq!(f.words, ["mine"], "quoted, it is searched");
        assert_eq!(f.due, Some(DueFilter::Bucket(AgingBucket::Overdue61Plus)));
    }

    #[test]
    fn outcome_terms_take_kinds_and_a_fiscal_year() {
        let f = resolve("outcome:licensing@2024", &reference()).unwrap();
        assert_eq!(
            f.outcome,
            Some(OutcomeFilter {
                kinds: Some(vec![crate::model::OutcomeKind::Licensing]),
                year: Some(FiscalYear(2024)),
            })
        );
        let f = resolve("outcome:薬事承認,治験", &reference()).unwrap();
        assert_eq!(
            f.outcome.unwrap().kinds,
            Some(vec![
                crate::model::OutcomeKind::RegulatoryApproval,
                crate::model::OutcomeKind::ClinicalTrial
            ])
        );
        let f = resolve("outcome:any@令和6年度", &reference()).unwrap();
        assert_eq!(
            f.outcome,
            Some(OutcomeFilter {
                kinds: None,
                year: Some(FiscalYear(2024))
            })
        );
        let e = resolve("outcome:patent", &reference()).unwrap_err();
        assert!(e.hint.get(crate::Lang::En).contains("licensing"), "{e}");
        let e = resolve("outcome:paper@someday", &reference()).unwrap_err();
        assert!(e.hint.get(crate::Lang::En).contains("fiscal year"), "{e}");
    }

    #[test]
    fn fiscal_year_and_phase_in_year_terms() {
        let f = resolve(
            "fy:2025 inphase:応用@2025 moved:basic@令和6年度",
            &reference(),
        )
        .unwrap();
        assert_eq!(f.funded, Some((FiscalYear(2025), FiscalYear(2025))));
        assert_eq!(f.in_phase, Some((Phase::Applied, FiscalYear(2025))));
        assert_eq!(f.moved, Some((Phase::Basic, FiscalYear(2024))));
        let f = resolve("fy:2026..2024", &reference()).unwrap();
        assert_eq!(f.funded, Some((FiscalYear(2024), FiscalYear(2026))));
        let f = resolve("fy:any", &reference()).unwrap();
        assert_eq!(
            f.funded,
            Some((FiscalYear(FiscalYear::MIN), FiscalYear(FiscalYear::MAX)))
        );
        assert!(resolve("fy:someday", &reference()).is_err());
        let e = resolve("moved:応用", &reference()).unwrap_err();
        assert!(e.hint.get(crate::Lang::Ja).contains("応用@2025"), "{e}");
        assert!(resolve("inphase:第3相@2025", &reference()).is_err());
    }

    #[test]
    fn words_are_folded_for_search() {
        let f = resolve("ＣＲＥＳＴ ｶﾞﾝ", &reference()).unwrap();
        assert_eq!(f.words, ["crest", "ガン"]);
    }
}
