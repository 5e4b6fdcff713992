//! Composing one demo project (title, PI, program, phase history, budget) and the rows around it
//! (gates, outcomes, flags, notes) from the word lists, consistently with AMED's programs.

use super::approvals::Approval;
use super::rng::Rng;
use super::vocab::*;
use crate::model::Reference;
use crate::model::{Coded, Date, LicensingStatus, Modality, NewProject, Phase};
use chrono::{Datelike, Days};

/// A project to write plus what the rows around it need.
pub struct ProjectPlan {
    pub project: NewProject,
    /// Phases entered, oldest first, ending in the current phase.
    pub entered: Vec<(Phase, Date)>,
    pub approval: Option<&'static Approval>,
}

/// A program's code and the phases it funds.
type ProgramSpan = (String, Phase, Phase);

/// A written project's row id with its PS and PO as (officer id, name).
pub type Assigned = (i64, (i64, &'static str), (i64, &'static str));

/// Picks programs consistent with integrated projects and phases.
pub struct Composer {
    /// (integrated project code, weight, programs).
    by_ip: Vec<(&'static str, u32, Vec<ProgramSpan>)>,
}

const IP_WEIGHTS: &[(&str, u32)] = &[
    ("drug", 22),
    ("device", 14),
    ("regen", 10),
    ("infect", 10),
    ("data", 8),
    ("seeds", 14),
    ("trans", 14),
    ("eco", 8),
];

/// Programs that fund integrated projects without programs of their own in the reference data.
const FALLBACK_PROGRAMS: &[(&str, &[&str])] = &[("data", &["rare-practical", "med-support"])];

/// 2nd-period counterpart of a 3rd-period integrated project, for projects started before FY2025.
const SECOND_PERIOD: &[(&str, &str)] = &[
    ("drug", "drug2"),
    ("device", "device2"),
    ("regen", "regen2"),
    ("data", "genome2"),
    ("seeds", "seeds2"),
];

impl Composer {
    pub fn new(reference: &Reference) -> Composer {
        let mut by_ip = Vec::new();
        for (code, weight) in IP_WEIGHTS {
            let ip_id = reference
                .integrated_projects
                .iter()
                .find(|p| p.code == *code)
                .map(|p| p.id);
            let mut programs: Vec<_> = reference
                .programs
                .iter()
                .filter(|p| Some(p.integrated_project_id) == ip_id)
                .map(|p| (p.code.clone(), p.first_phase, p.last_phase))
                .collect();
            if let Some((_, codes)) = FALLBACK_PROGRAMS.iter().find(|(ip, _)| ip == code) {
                programs.extend(
                    reference
                        .programs
                        .iter()
                        .filter(|p| codes.contains(&p.code.as_str()))
                        .map(|p| (p.code.clone(), p.first_phase, p.last_phase)),
                );
            }
            if !programs.is_empty() {
                by_ip.push((*code, *weight, programs));
            }
        }
        Composer { by_ip }
    }

    /// A new synthetic project number `i`.
    pub fn plan(&self, i: usize, anchor: Date, rng: &mut Rng) -> ProjectPlan {
        let weights: Vec<(usize, u32)> = self
            .by_ip
            .iter()
            .enumerate()
            .map(|(k, e)| (k, e.1))
            .collect();
        let (ip_code, _, programs) = &self.by_ip[*rng.weighted(&weights)];
        let (program, first, last) = rng.pick(programs).clone();
        let phase_weights: Vec<(Phase, u32)> = Phase::ALL
            .iter()
            .filter(|p| **p >= first && **p <= last)
            .map(|p| (*p, [30, 25, 22, 15, 8][p.index()]))
            .collect();
        let phase = *rng.weighted(&phase_weights);
        let modality = *rng.weighted(modality_weights(ip_code));
        let (title, areas) = title_for(modality, phase, ip_code, rng);
        // Later phases started earlier, on average.
        let years_back = rng.range(0, 2 + phase.index() as i64 / 2);
        let start_year = fiscal_year(anchor) - years_back;
        let start = date(
            start_year,
            if rng.chance(0.8) {
                4
            } else {
                rng.range(5, 12) as u32
            },
            1,
        )
        .min(anchor);
        let years = rng.range(3, 5);
        let end = date(start_year + years, 3, 31).max(start);
        let mut ip = ip_code.to_string();
        if start < date(2025, 4, 1)
            && rng.chance(0.25)
            && let Some((_, old)) = SECOND_PERIOD.iter().find(|(new, _)| new == ip_code)
        {
            ip = old.to_string();
        }
        let first_phase = Phase::from_ord(phase.ord() - rng.range(0, 2))
            .filter(|p| *p >= first)
            .unwrap_or(phase);
        let entered = phase_history(first_phase, phase, start, anchor, rng);
        let licensing = licensing_for(phase, rng);
        let partner = (phase >= Phase::NonClinical
            && (licensing != LicensingStatus::None || rng.chance(0.3)))
        .then(|| rng.pick(COMPANIES).to_string());
        let institution = *rng.pick(INSTITUTIONS);
        let budget = budget_for(phase, rng);
        let summary = format!(
            "本研究開発は「{title}」を目的とする。{}{institution}を中心に{}機関の体制で実施し、{}年度末までに{}を目指す。",
            phase_sentence(phase),
            rng.range(2, 8),
            end.year(),
            goal_for(phase),
        );
        ProjectPlan {
            project: NewProject {
                amed_id: amed_id(start, &program, i),
                title,
                summary,
                pi_name: format!("{} {}", rng.pick(SURNAMES), rng.pick(GIVEN_NAMES)),
                pi_title: rng.pick(PI_TITLES).to_string(),
                institution: institution.to_string(),
                program,
                integrated_project: ip,
                modality,
                phase,
                start_date: start,
                end_date: Some(end),
                budget_total_kyen: Some(budget),
                partner_company: partner,
                licensing_status: licensing,
                disease_areas: areas,
            },
            entered,
            approval: None,
        }
    }
}

/// The project behind one of the real approvals, at 実用化 since its approval date.
pub fn approval_plan(a: &'static Approval, i: usize, anchor: Date, rng: &mut Rng) -> ProjectPlan {
    let approved = crate::model::parse_date(a.approved_on).unwrap_or(anchor);
    let start = date(fiscal_year(approved) - 5, 4, 1);
    let clinical = start.checked_add_days(Days::new(700)).unwrap_or(start);
    ProjectPlan {
        project: NewProject {
            amed_id: amed_id(start, a.program, i),
            title: a.title.to_string(),
            summary: format!(
                "AMEDの支援による研究開発の成果として、{}が{}に承認された（適応：{}）。本課題では承認に至る非臨床・臨床開発を実施した。",
                a.product, a.approved_on, a.indication
            ),
            pi_name: format!("{} {}", rng.pick(SURNAMES), rng.pick(GIVEN_NAMES)),
            pi_title: "教授".to_string(),
            institution: rng.pick(INSTITUTIONS).to_string(),
            program: a.program.to_string(),
            integrated_project: a.integrated_project.to_string(),
            modality: a.modality,
            phase: Phase::Practical,
            start_date: start,
            end_date: Some(date(fiscal_year(approved) + 1, 3, 31)),
            budget_total_kyen: Some(rng.range(3_000, 9_000) * 100),
            partner_company: None,
            licensing_status: LicensingStatus::License,
            disease_areas: a.areas.iter().map(|s| s.to_string()).collect(),
        },
        entered: vec![
            (Phase::NonClinical, start),
            (Phase::Clinical, clinical.min(approved)),
            (Phase::Practical, approved),
        ],
        approval: Some(a),
    }
}

fn modality_weights(ip: &str) -> &'static [(Modality, u32)] {
    use Modality::*;
    match ip {
        "drug" => &[(Drug, 85), (Ivd, 15)],
        "device" => &[(Device, 90), (Ivd, 10)],
        "regen" => &[(Regen, 100)],
        "infect" => &[(Drug, 80), (Ivd, 20)],
        "data" => &[(Other, 50), (Device, 25), (Ivd, 25)],
        "seeds" => &[(Drug, 50), (Other, 30), (Regen, 10), (Device, 10)],
        "trans" => &[(Drug, 50), (Device, 25), (Regen, 15), (Ivd, 10)],
        _ => &[(Drug, 80), (Regen, 20)],
    }
}

/// A title and the disease areas it is about: a drug-like seed's target gives its area (and, for
/// some projects, a related one: a childhood cancer is also 成育); a device or regenerative
/// theme carries its own areas, so that no heart pump lands in がん.
fn title_for(modality: Modality, phase: Phase, ip: &str, rng: &mut Rng) -> (String, Vec<String>) {
    let target = loop {
        let t = rng.pick(TARGETS);
        if (ip == "infect") == (t.1[0] == "infection") {
            break t;
        }
    };
    let themed = |(title, areas): &(&str, &[&str])| {
        let areas = areas.iter().map(|a| a.to_string()).collect();
        (title.to_string(), areas)
    };
    let title = match modality {
        Modality::Drug if phase == Phase::Basic && rng.chance(0.5) => {
            format!("{}{}", target.0, rng.pick(BASIC_THEMES))
        }
        Modality::Drug => {
            let fitting: Vec<&str> = DRUG_APPROACHES
                .iter()
                .filter(|(_, from)| *from <= phase)
                .map(|(approach, _)| *approach)
                .collect();
            format!("{}{}", target.0, rng.pick(&fitting))
        }
        Modality::Device => return themed(rng.pick(DEVICE_THEMES)),
        Modality::Regen => return themed(rng.pick(REGEN_THEMES)),
        Modality::Ivd => format!("{}における{}", target.0, rng.pick(IVD_THEMES)),
        Modality::Other => format!("{}{}", target.0, rng.pick(BASIC_THEMES)),
    };
    let related = target.1.len() > 1 && rng.chance(0.4);
    let areas = target.1[..if related { 2 } else { 1 }]
        .iter()
        .map(|a| a.to_string())
        .collect();
    (title, areas)
}

fn licensing_for(phase: Phase, rng: &mut Rng) -> LicensingStatus {
    use LicensingStatus::*;
    let licensed = match phase {
        Phase::Basic | Phase::Applied => 0.01,
        Phase::NonClinical => 0.12,
        Phase::Clinical => 0.3,
        Phase::Practical => 0.7,
    };
    if rng.chance(licensed) {
        *rng.weighted(&[(License, 50), (JointDevelopment, 30), (Assignment, 20)])
    } else if phase >= Phase::NonClinical && rng.chance(0.12) {
        Negotiating
    } else {
        None
    }
}

fn budget_for(phase: Phase, rng: &mut Rng) -> i64 {
    let (lo, hi) = match phase {
        Phase::Basic => (100, 600),
        Phase::Applied => (300, 1_200),
        Phase::NonClinical => (600, 3_000),
        Phase::Clinical => (1_000, 8_000),
        Phase::Practical => (500, 4_000),
    };
    rng.range(lo, hi) * 100
}

fn phase_sentence(phase: Phase) -> &'static str {
    match phase {
        Phase::Basic => "標的分子の機能解析とモデル系の確立を進める。",
        Phase::Applied => "候補物質の最適化と薬効評価を行う。",
        Phase::NonClinical => "GLP準拠の非臨床安全性試験と製造法の確立を進める。",
        Phase::Clinical => "医師主導治験により安全性と有効性を評価する。",
        Phase::Practical => "承認取得後の製造販売体制と市販後調査を支援する。",
    }
}

fn goal_for(phase: Phase) -> &'static str {
    match phase {
        Phase::Basic | Phase::Applied => "非臨床POCの取得",
        Phase::NonClinical => "治験届の提出",
        Phase::Clinical => "企業導出と承認申請",
        Phase::Practical => "適応拡大",
    }
}

/// 課題管理番号 in AMED's shape: `JP` + fiscal year (2 digits) + program letters + 7 digits.
pub(crate) fn amed_id(start: Date, program: &str, i: usize) -> String {
    let letters: String = program
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .take(2)
        .collect();
    format!(
        "JP{:02}{}{:07}",
        fiscal_year(start) % 100,
        letters,
        100_000 + i
    )
}

/// 年度: April to March.
pub fn fiscal_year(d: Date) -> i64 {
    i64::from(if d.month() >= 4 {
        d.year()
    } else {
        d.year() - 1
    })
}

fn date(year: i64, month: u32, day: u32) -> Date {
    Date::from_ymd_opt(year as i32, month, day).unwrap_or_default()
}

pub(crate) fn between(a: Date, b: Date, rng: &mut Rng) -> Date {
    if b <= a {
        return a;
    }
    let days = (b - a).num_days();
    a.checked_add_days(Days::new(rng.range(0, days) as u64))
        .unwrap_or(a)
}

fn phase_history(
    first: Phase,
    current: Phase,
    start: Date,
    anchor: Date,
    rng: &mut Rng,
) -> Vec<(Phase, Date)> {
    let mut out = vec![(first, start)];
    let mut on = start;
    for ord in first.ord() + 1..=current.ord() {
        on = between(on, anchor, rng);
        if let Some(p) = Phase::from_ord(ord) {
            out.push((p, on));
        }
    }
    out
}
