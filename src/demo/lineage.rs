//! 系譜 in the demo: seeds handed from one program to the next. Each of the eight real approvals
//! gets the chain that led to it (a 基礎 project, often a 非臨床 one, then the approval project),
//! some seamless and some with gaps of months; projects of programs joined by a pairing or a
//! matching are paired and dated so that the successor starts the day after the predecessor ends
//! or one to nine months later; accepted highway flags are linked to a project of their target
//! program. Plans are shaped before they are written; links are written once ids are known.
//! Every link goes forward in time (the successor starts after the predecessor), so no cycle.

use super::compose::{ProjectPlan, amed_id, fiscal_year};
use super::records::WrittenFlag;
use super::rng::Rng;
use crate::model::{Date, FlagStatus, LicensingStatus, LineageKind, Phase, Reference};
use chrono::Days;
use std::collections::HashSet;

/// A link to write: plan indices and kind, with the highway flag behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlannedLink {
    pub pred: usize,
    pub succ: usize,
    pub kind: LineageKind,
    pub flag: Option<i64>,
}

/// The chain behind an approval's program: (root program, its integrated project, root phase),
/// (middle program, integrated project, phase) if any, and the kinds of the two links.
type Step = (&'static str, &'static str, Phase);

fn chain_for(approval: usize, program: &str) -> (Step, Option<Step>, [LineageKind; 2]) {
    use LineageKind::*;
    match (program, approval % 2) {
        ("rare-practical", _) => (
            ("crest", "seeds", Phase::Basic),
            Some(("bridge", "trans", Phase::NonClinical)),
            [Matching, Matching],
        ),
        ("cancer-practical", 0) => (
            ("p-create", "disease2", Phase::Basic),
            Some(("p-promote", "drug", Phase::NonClinical)),
            [Matching, Pairing],
        ),
        ("cancer-practical", _) => (
            ("crest", "seeds", Phase::Basic),
            Some(("bridge", "trans", Phase::NonClinical)),
            [Matching, Matching],
        ),
        ("regen-practical", _) => (
            ("regen-accel", "regen", Phase::Basic),
            Some(("regen-industry", "regen", Phase::NonClinical)),
            [OpenCall, OpenCall],
        ),
        ("device-dev", _) => (
            ("device-results", "device", Phase::Basic),
            None,
            [Pairing, Pairing],
        ),
        _ => (
            ("infect-base", "infect", Phase::Basic),
            None,
            [OpenCall, OpenCall],
        ),
    }
}

/// Gaps (days) before the approval project and before the middle one, per approval: some
/// seamless, some of months.
const GAPS: [(i64, i64); 8] = [
    (0, 0),
    (0, 122),
    (91, 0),
    (0, 30),
    (183, 0),
    (0, 214),
    (61, 0),
    (0, 0),
];

fn add(d: Date, days: i64) -> Date {
    if days >= 0 {
        d.checked_add_days(Days::new(days as u64)).unwrap_or(d)
    } else {
        d.checked_sub_days(Days::new(days.unsigned_abs()))
            .unwrap_or(d)
    }
}

/// April 1 of the fiscal year `years` before the one `end` falls in.
fn fy_start(end: Date, years: i64) -> Date {
    Date::from_ymd_opt((fiscal_year(end) - years) as i32, 4, 1).unwrap_or(end)
}

/// Makes `plan` (index `i`) the project of `step` in the chain of `approval`'s seed, from
/// `start` to `end`, entering `step`'s phase at `start` (and 応用 halfway for a 基礎 root).
fn reshape(
    plan: &mut ProjectPlan,
    i: usize,
    approval: &ProjectPlan,
    step: Step,
    dates: (Date, Date),
) {
    let (program, ip, phase) = step;
    let (start, end) = dates;
    let a = &approval.project;
    let p = &mut plan.project;
    let topic = approval.approval.map_or("", |x| x.indication);
    p.title = match phase {
        Phase::Basic => format!("{topic}の病態解明と治療標的の探索に関する基礎研究"),
        _ => format!("{topic}に対する候補の非臨床試験と治験への橋渡し"),
    };
    p.summary = format!("{topic}を対象とするシーズの先行研究。成果は後継課題に引き継がれた。");
    p.pi_name = a.pi_name.clone();
    p.pi_title = a.pi_title.clone();
    p.institution = a.institution.clone();
    p.program = program.to_string();
    p.integrated_project = ip.to_string();
    p.modality = a.modality;
    p.disease_areas = a.disease_areas.clone();
    p.start_date = start;
    p.end_date = Some(end);
    p.amed_id = amed_id(start, program, i);
    p.licensing_status = LicensingStatus::None;
    p.partner_company = None;
    plan.entered = vec![(phase, start)];
    if phase == Phase::Basic && program != "crest" && program != "infect-base" {
        plan.entered
            .push((Phase::Applied, add(start, (end - start).num_days() / 2)));
    }
    p.phase = plan.entered.last().map_or(phase, |(ph, _)| *ph);
    plan.approval = None;
}

/// Shapes the plans into chains (before they are written) and returns the links between them.
/// Approvals are plans `0..approvals`; their predecessors take the composer's first plans.
pub fn shape(
    plans: &mut [ProjectPlan],
    approvals: usize,
    reference: &Reference,
    anchor: Date,
    rng: &mut Rng,
) -> Vec<PlannedLink> {
    let mut links = Vec::new();
    let mut used: HashSet<usize> = (0..approvals).collect();
    let mut next = approvals;
    for k in 0..approvals {
        let (root, middle, kinds) = chain_for(k, &plans[k].project.program);
        let (gap_last, gap_first) = GAPS[k % GAPS.len()];
        let mut succ = k;
        let mut steps: Vec<(Step, i64, LineageKind)> = Vec::new();
        if let Some(m) = middle {
            steps.push((m, gap_last, kinds[1]));
            steps.push((root, gap_first, kinds[0]));
        } else {
            steps.push((root, gap_last, kinds[1]));
        }
        for (step, gap, kind) in steps {
            if next >= plans.len() {
                break;
            }
            let end = add(plans[succ].project.start_date, -1 - gap);
            let start = fy_start(end, 2);
            let approval = &plans[k];
            let approval = ProjectPlan {
                project: approval.project.clone(),
                entered: Vec::new(),
                approval: approval.approval,
            };
            reshape(&mut plans[next], next, &approval, step, (start, end));
            used.insert(next);
            links.push(PlannedLink {
                pred: next,
                succ,
                kind,
                flag: None,
            });
            succ = next;
            next += 1;
        }
    }
    links.extend(pair_by_program(plans, &mut used, reference, anchor, rng));
    links
}

/// Up to three pairs per program link: a predecessor moved in time so that it ends the day
/// before its successor starts (seamless) or one to nine months before.
fn pair_by_program(
    plans: &mut [ProjectPlan],
    used: &mut HashSet<usize>,
    reference: &Reference,
    anchor: Date,
    rng: &mut Rng,
) -> Vec<PlannedLink> {
    let code = |id: i64| reference.program(id).map(|p| p.code.clone());
    let by_program = by_program(plans);
    let none = Vec::new();
    let mut out = Vec::new();
    for link in &reference.program_links {
        let (Some(from), Some(to)) = (code(link.preceding), code(link.successor)) else {
            continue;
        };
        let kind = match link.kind {
            crate::model::LinkKind::Pairing => LineageKind::Pairing,
            crate::model::LinkKind::Matching => LineageKind::Matching,
        };
        let mut made = 0;
        let preds = by_program.get(from.as_str()).unwrap_or(&none);
        for &succ in by_program.get(to.as_str()).unwrap_or(&none) {
            if made == 3 {
                break;
            }
            let s = &plans[succ].project;
            if used.contains(&succ) || s.program != to || s.start_date > anchor {
                continue;
            }
            let gap = if rng.chance(0.5) {
                0
            } else {
                rng.range(30, 270)
            };
            let new_end = add(s.start_date, -1 - gap);
            // A few candidates at most: the generator stays linear in the number of projects.
            let found = preds
                .iter()
                .copied()
                .filter(|p| !used.contains(p))
                .take(16)
                .find(|&p| {
                    let plan = &plans[p];
                    p != succ
                        && plan.project.end_date.is_some()
                        && plan.entered.iter().all(|(_, on)| {
                            plan.project.end_date.is_some_and(|end| {
                                add(*on, (new_end - end).num_days()) <= new_end.min(anchor)
                            })
                        })
                });
            let Some(pred) = found else {
                continue;
            };
            let plan = &mut plans[pred];
            let delta = plan
                .project
                .end_date
                .map_or(0, |end| (new_end - end).num_days());
            plan.project.start_date = add(plan.project.start_date, delta);
            plan.project.end_date = Some(new_end);
            for (_, on) in &mut plan.entered {
                *on = add(*on, delta);
            }
            plan.project.amed_id = amed_id(plan.project.start_date, &from, pred);
            used.insert(pred);
            used.insert(succ);
            out.push(PlannedLink {
                pred,
                succ,
                kind,
                flag: None,
            });
            made += 1;
        }
    }
    out
}

/// Plan indices by program code, in plan order.
fn by_program(plans: &[ProjectPlan]) -> std::collections::HashMap<String, Vec<usize>> {
    let mut out: std::collections::HashMap<String, Vec<usize>> = Default::default();
    for (i, p) in plans.iter().enumerate() {
        out.entry(p.project.program.clone()).or_default().push(i);
    }
    out
}

/// Accepted highway flags linked to the project of their target program that started soonest
/// after the flag was recommended and at most a year before the flagged project ends.
pub fn highway_links(
    plans: &[ProjectPlan],
    flags: &[WrittenFlag],
    taken: &[PlannedLink],
) -> Vec<PlannedLink> {
    let mut pairs: HashSet<(usize, usize)> = taken.iter().map(|l| (l.pred, l.succ)).collect();
    // Each program's projects by start date, for the first one starting after a day.
    let mut starts = by_program(plans);
    for list in starts.values_mut() {
        list.sort_by_key(|&i| (plans[i].project.start_date, i));
    }
    let mut out = Vec::new();
    for f in flags.iter().filter(|f| f.status == FlagStatus::Accepted) {
        let pred = &plans[f.plan].project;
        // The successor takes the seed over about when the predecessor ends (up to a year before:
        // highway support overlaps), and never before the flag was recommended.
        let near_end = pred.end_date.map_or(pred.start_date, |e| add(e, -365));
        let after = f
            .recommended_on
            .unwrap_or(pred.start_date)
            .max(pred.start_date)
            .max(near_end);
        let Some(list) = starts.get(&f.target) else {
            continue;
        };
        let at = list.partition_point(|&s| plans[s].project.start_date <= after);
        let succ = list[at..].iter().copied().find(|&s| s != f.plan);
        if let Some(succ) = succ {
            if pairs.insert((f.plan, succ)) && !pairs.contains(&(succ, f.plan)) {
                out.push(PlannedLink {
                    pred: f.plan,
                    succ,
                    kind: LineageKind::Highway,
                    flag: Some(f.id),
                });
            }
        }
    }
    out
}
