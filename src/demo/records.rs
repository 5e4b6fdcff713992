//! The rows around a demo project: stage gates passed on its way, outcomes, highway flags with
//! their status histories, and accompaniment notes with follow-ups.

use super::DemoOptions;
use super::compose::{Assigned, ProjectPlan, between};
use super::rng::Rng;
use super::vocab::NOTES;
use crate::Result;
use crate::model::Reference;
use crate::model::{
    Coded, CriterionStatus, Date, FlagStatus, GateDecision, Modality, NoteKind, OfficerRole,
    OutcomeKind, Phase,
};
use crate::store::{BulkFlag, BulkLoader, BulkNote};
use chrono::Days;
use serde_json::json;

/// A new project's first rows in its history, dated as they happened: its registration and the
/// assignment of its PS and PO on its start date (by the PS), then each phase move (by the PS).
pub fn write_start(
    loader: &mut BulkLoader<'_>,
    id: i64,
    plan: &ProjectPlan,
    ps: (i64, &str),
    po: (i64, &str),
) -> Result<()> {
    let start = plan.project.start_date;
    loader.assign(id, ps.0, start)?;
    loader.assign(id, po.0, start)?;
    loader.audit(
        &stamp(start, "09:00"),
        "project.create",
        id,
        ps.1,
        json!({}),
    )?;
    for (officer, role) in [(ps, OfficerRole::Ps), (po, OfficerRole::Po)] {
        let detail = json!({"officer_id": officer.0, "name": officer.1, "role": role.code(),
                            "from": start.to_string()});
        loader.audit(&stamp(start, "09:01"), "assign.add", id, ps.1, detail)?;
    }
    for step in plan.entered.windows(2) {
        let [(from, _), (to, on)] = step else {
            continue;
        };
        let detail = json!({"from": from.code(), "to": to.code()});
        loader.audit(&stamp(*on, "09:20"), "phase.move", id, ps.1, detail)?;
    }
    Ok(())
}

/// Stage gates passed on the way to the current phase (per modality, from AMED's check items).
pub fn write_gates(
    loader: &mut BulkLoader<'_>,
    id: i64,
    plan: &ProjectPlan,
    by: &str,
    rng: &mut Rng,
) -> Result<usize> {
    use Phase::*;
    let gates: &[(&str, Phase)] = match plan.project.modality {
        Modality::Drug => &[
            ("SG1", Applied),
            ("SG2", NonClinical),
            ("SG3", Clinical),
            ("SG4", Practical),
        ],
        Modality::Regen => &[("SG1", NonClinical), ("SG2", Clinical)],
        Modality::Device | Modality::Ivd => {
            &[("SG1", Applied), ("SG2", NonClinical), ("SG3", Clinical)]
        }
        Modality::Other => &[],
    };
    let mut written = 0;
    for (gate, reached) in gates {
        if let Some((_, on)) = plan.entered.iter().find(|(p, _)| p == reached) {
            let decision = if rng.chance(0.15) {
                GateDecision::Conditional
            } else {
                GateDecision::Go
            };
            let note = match decision {
                GateDecision::Conditional => "追加の再現性データ提出を条件にGo",
                _ => "評価委員会にてGo判定",
            };
            let gate_id = loader.gate(id, gate, *on, decision, note, by)?;
            let detail = json!({"gate_id": gate_id, "gate": gate, "decision": decision.code()});
            loader.audit(&stamp(*on, "09:10"), "gate.add", id, by, detail)?;
            written += 1;
        }
    }
    let next = gates.iter().find(|(_, p)| *p > plan.project.phase);
    if let Some((gate, _)) = next
        && rng.chance(0.06)
    {
        let on = plan
            .entered
            .last()
            .map(|e| e.1)
            .unwrap_or(plan.project.start_date);
        let gate_id = loader.gate(
            id,
            gate,
            on,
            GateDecision::NoGo,
            "有効性データ不十分のためNo-Go。計画を見直し再審査",
            by,
        )?;
        let detail =
            json!({"gate_id": gate_id, "gate": gate, "decision": GateDecision::NoGo.code()});
        loader.audit(&stamp(on, "09:30"), "gate.add", id, by, detail)?;
        written += 1;
    }
    Ok(written)
}

/// Papers, PoCs, trials, licensing and (for the real approvals) the approval itself, recorded by
/// `by` (the project's PS).
pub fn write_outcomes(
    loader: &mut BulkLoader<'_>,
    id: i64,
    plan: &ProjectPlan,
    by: &str,
    rng: &mut Rng,
) -> Result<usize> {
    let p = &plan.project;
    let mut n = 0;
    let after = |phase: Phase| plan.entered.iter().find(|e| e.0 == phase).map(|e| e.1);
    if rng.chance(0.4) {
        let on = p
            .start_date
            .checked_add_days(Days::new(400))
            .unwrap_or(p.start_date)
            .min(
                plan.entered
                    .last()
                    .map(|e| e.1)
                    .unwrap_or(p.start_date)
                    .max(p.start_date),
            );
        outcome(
            loader,
            (id, by),
            OutcomeKind::Paper,
            on,
            (None, "国際学術誌に原著論文を発表"),
        )?;
        n += 1;
    }
    if let Some(on) = after(Phase::Clinical) {
        outcome(
            loader,
            (id, by),
            OutcomeKind::NonclinicalPoc,
            on,
            (None, "非臨床POCを取得"),
        )?;
        outcome(
            loader,
            (id, by),
            OutcomeKind::ClinicalTrial,
            on,
            (None, "医師主導治験を開始"),
        )?;
        n += 2;
    }
    if p.licensing_status.is_licensed() {
        let on = plan.entered.last().map(|e| e.1).unwrap_or(p.start_date);
        let detail = format!(
            "{}（{}）",
            p.licensing_status.name_ja(),
            p.partner_company.as_deref().unwrap_or("企業名非公開")
        );
        outcome(
            loader,
            (id, by),
            OutcomeKind::Licensing,
            on,
            (None, &detail),
        )?;
        n += 1;
    }
    if let Some(a) = plan.approval {
        let on = crate::model::parse_date(a.approved_on).unwrap_or(p.start_date);
        let detail = format!("{}：{}", a.product, a.indication);
        let what = (Some(a.product), detail.as_str());
        outcome(loader, (id, by), OutcomeKind::RegulatoryApproval, on, what)?;
        n += 1;
    }
    Ok(n)
}

/// Writes an outcome of project `id` recorded by `by`, with its audit row.
fn outcome(
    loader: &mut BulkLoader<'_>,
    (id, by): (i64, &str),
    kind: OutcomeKind,
    on: Date,
    what: (Option<&str>, &str),
) -> Result<()> {
    let outcome_id = loader.outcome(id, kind, on, what, by)?;
    let detail = json!({"outcome_id": outcome_id, "kind": kind.code(), "date": on.to_string()});
    loader.audit(&stamp(on, "09:40"), "outcome.add", id, by, detail)
}

/// A demo timestamp: the day at `time` (UTC), as the other demo rows carry theirs.
pub fn stamp(on: Date, time: &str) -> String {
    format!("{on}T{time}:00.000Z")
}

/// A written highway flag, for the links attached to it.
pub struct WrittenFlag {
    pub id: i64,
    /// Index of the flagged project in the plans.
    pub plan: usize,
    pub status: FlagStatus,
    /// Code of the successor program it was flagged for.
    pub target: String,
    /// The day it was recommended (推薦), if it was.
    pub recommended_on: Option<Date>,
}

/// Highway flags on projects not yet in practical use, with status histories in every status.
pub fn write_flags(
    loader: &mut BulkLoader<'_>,
    plans: &[ProjectPlan],
    ids: &[Assigned],
    reference: &Reference,
    options: &DemoOptions,
    rng: &mut Rng,
) -> Result<Vec<WrittenFlag>> {
    use FlagStatus::*;
    let eligible: Vec<usize> = (0..plans.len())
        .filter(|&k| plans[k].project.phase < Phase::Practical)
        .collect();
    let mut written = Vec::with_capacity(options.flags);
    if eligible.is_empty() {
        return Ok(written);
    }
    let mut open = vec![false; plans.len()];
    let mut attempts = 0;
    while written.len() < options.flags && attempts < options.flags * 4 {
        attempts += 1;
        let k = *rng.pick(&eligible);
        let status = *rng.weighted(&[
            (Candidate, 30),
            (Recommended, 25),
            (Accepted, 20),
            (Declined, 12),
            (Withdrawn, 13),
        ]);
        if status.is_open() && open[k] {
            continue;
        }
        let plan = &plans[k];
        let (id, ps, po) = ids[k];
        let program = reference
            .programs
            .iter()
            .find(|p| p.code == plan.project.program);
        let successors = program
            .map(|p| reference.successors(p.id))
            .unwrap_or_default();
        let target = match successors.as_slice() {
            [] => reference
                .programs
                .iter()
                .filter(|p| {
                    p.last_phase > plan.project.phase && Some(p.id) != program.map(|q| q.id)
                })
                .map(|p| p.code.as_str())
                .collect::<Vec<_>>(),
            list => list.iter().map(|p| p.code.as_str()).collect(),
        };
        let Some(target) = (!target.is_empty()).then(|| *rng.pick(&target)) else {
            continue;
        };
        let created = between(
            options
                .anchor
                .checked_sub_days(Days::new(420))
                .unwrap_or(options.anchor),
            options.anchor,
            rng,
        );
        let path: &[FlagStatus] = match status {
            Candidate => &[Candidate],
            Recommended => &[Candidate, Recommended],
            Accepted => &[Candidate, Recommended, Accepted],
            Declined => &[Candidate, Recommended, Declined],
            Withdrawn => &[Candidate, Withdrawn],
        };
        let mut at = created;
        let mut recommended_on = None;
        let mut moves = Vec::new();
        for (step, s) in path.iter().enumerate() {
            if step > 0 {
                at = between(at, options.anchor, rng)
                    .min(at.checked_add_days(Days::new(60)).unwrap_or(at));
            }
            let (by, why) = match s {
                Candidate => (po.1, "伴走支援で有望性を確認"),
                Recommended => (ps.1, "推薦書を作成し後継事業へ送付"),
                Accepted => (ps.1, "後継事業にて採用決定"),
                Declined => (ps.1, "知財ポートフォリオが不十分のため見送り"),
                Withdrawn => (po.1, "研究計画の変更により取り下げ"),
            };
            if *s == Recommended {
                recommended_on = Some(at);
            }
            moves.push((*s, format!("{at}T09:00:00.000Z"), by, why));
        }
        let c = |good: bool, rng: &mut Rng| -> CriterionStatus {
            use CriterionStatus as C;
            if good {
                *rng.weighted(&[(C::Sufficient, 70), (C::Partial, 30)])
            } else {
                *rng.weighted(&[
                    (C::NotAssessed, 40),
                    (C::Partial, 30),
                    (C::Insufficient, 30),
                ])
            }
        };
        let good = matches!(status, Recommended | Accepted);
        let criteria = [
            (c(good, rng), "同種同効薬に対し作用機序上の優位性あり"),
            (
                if status == Declined {
                    CriterionStatus::Insufficient
                } else {
                    c(good, rng)
                },
                "物質特許出願済み、用途特許は準備中",
            ),
            (c(good, rng), "独立した2施設で再現性を確認"),
        ];
        let audit_moves: Vec<(FlagStatus, String, &str)> =
            moves.iter().map(|m| (m.0, m.1.clone(), m.2)).collect();
        let flag_id = loader.flag(&BulkFlag {
            project_id: id,
            target_program: target,
            reason: "非臨床POC取得の見込みが高く、後継事業での開発加速が期待できる",
            criteria,
            flagged_by: po.1,
            moves,
        })?;
        let mut from: Option<FlagStatus> = None;
        for (to, at, by) in audit_moves {
            let (action, detail) = match from {
                None => ("flag.add", json!({"flag_id": flag_id, "status": to.code()})),
                Some(f) => (
                    "flag.move",
                    json!({"flag_id": flag_id, "from": f.code(), "to": to.code()}),
                ),
            };
            loader.audit(&at, action, id, by, detail)?;
            from = Some(to);
        }
        open[k] |= status.is_open();
        written.push(WrittenFlag {
            id: flag_id,
            plan: k,
            status,
            target: target.to_string(),
            recommended_on,
        });
    }
    Ok(written)
}

/// One accompaniment note by the project's PS or PO, sometimes with a follow-up; what it says
/// fits the phase the project was in on that day.
pub fn write_note(
    loader: &mut BulkLoader<'_>,
    plan: &ProjectPlan,
    ids: Assigned,
    anchor: Date,
    body: &mut String,
    rng: &mut Rng,
) -> Result<()> {
    let (id, ps, po) = ids;
    let (author, role) = if rng.chance(0.6) {
        (po.1, OfficerRole::Po)
    } else {
        (ps.1, OfficerRole::Ps)
    };
    let last = plan.project.end_date.unwrap_or(anchor).min(anchor);
    let occurred_on = between(plan.project.start_date, last, rng);
    let phase = phase_on(plan, occurred_on);
    let fitting: Vec<&(NoteKind, &str, Phase, Phase)> = NOTES
        .iter()
        .filter(|(_, _, first, last)| (*first..=*last).contains(&phase))
        .collect();
    let (kind, text) = match fitting.as_slice() {
        [] => (NoteKind::Other, "班会議に出席。"),
        list => {
            let n = rng.pick(list);
            (n.0, n.1)
        }
    };
    body.clear();
    body.push_str(text);
    let (follow_up_on, follow_up_done) = if rng.chance(0.12) {
        let due = occurred_on
            .checked_add_days(Days::new(rng.range(7, 60) as u64))
            .unwrap_or(occurred_on);
        // Old follow-ups were mostly dealt with; recent ones are what officers still owe.
        let age = (anchor - due).num_days();
        let done = due < anchor && rng.chance(if age > 60 { 0.97 } else { 0.6 });
        (
            Some(due),
            done.then(|| (author, format!("{due}T17:00:00.000Z"))),
        )
    } else {
        (None, None)
    };
    let note_id = loader.note(&BulkNote {
        project_id: id,
        author,
        author_role: role,
        kind,
        body,
        occurred_on,
        follow_up_on,
        follow_up_done: follow_up_done.clone(),
    })?;
    let detail = json!({"note_id": note_id, "kind": kind.code()});
    loader.audit(&stamp(occurred_on, "09:50"), "note.add", id, author, detail)?;
    if let Some((by, at)) = follow_up_done {
        loader.audit(&at, "followup.done", id, by, json!({"note_id": note_id}))?;
    }
    Ok(())
}

/// The phase the project was in on `day` (its first phase before it started).
pub fn phase_on(plan: &ProjectPlan, day: Date) -> Phase {
    plan.entered
        .iter()
        .take_while(|(_, on)| *on <= day)
        .last()
        .or(plan.entered.first())
        .map_or(plan.project.phase, |(p, _)| *p)
}
