//! The portfolio records around a demo project (schema v4): 年度別配分額 (fiscal-year budgets),
//! 期限 (annual reports, 中間評価, 事後評価, scheduled stage gates), links to 推薦書 / 報告書 / 議事録,
//! and the demo persona's ウォッチリスト. They draw from their own random stream, so that adding
//! them left the projects, notes and flags of a given seed as they were.

use super::compose::{Assigned, ProjectPlan, between};
use super::records::WrittenFlag;
use super::records::stamp as stamp_at;
use super::rng::Rng;
use crate::Result;
use crate::model::Reference;
use crate::model::{AttachmentKind, Coded, Date, DeadlineKind, FiscalYear, FlagStatus, Phase};
use crate::store::{BulkAttachment, BulkDeadline, BulkLoader};
use chrono::{Datelike, Days};
use serde_json::json;

/// Fictional document locations: a file server path or the intranet (example subdomain only).
const FILE_ROOT: &str = "/srv/amed";
const DOCS_URL: &str = "https://docs.example.amed.go.jp";

/// Stage-gate reviews an officer schedules ahead, by the phase the project is in.
const NONCLINICAL_GATES: &[&str] = &[
    "非臨床POC判定",
    "治験届提出前ステージゲート",
    "GLP毒性試験結果に基づくGo/No-Go判定",
];
const CLINICAL_GATES: &[&str] = &[
    "First-in-human Go/No-Go",
    "第II相試験移行判定",
    "承認申請前ステージゲート",
];

/// The longest a demo deadline stays open past its due day.
pub const CHASE_DAYS: i64 = 365;
/// The same for a project at 実用化 or licensed out.
pub const CHASE_SETTLED_DAYS: i64 = 90;

/// How many projects the demo persona watches.
const WATCHED: usize = 5;

/// One allocation per fiscal year from the project's start to its end, but not beyond next fiscal
/// year (later years are not allocated yet). The first year is lower (a late start, ramp-up), each
/// year varies by ±15%, and the sum lands within a few percent of `budget_total_kyen` (査定 cuts
/// more often than it adds).
pub fn write_budgets(
    loader: &mut BulkLoader<'_>,
    id: i64,
    plan: &ProjectPlan,
    anchor: Date,
    rng: &mut Rng,
) -> Result<usize> {
    let p = &plan.project;
    let Some(total) = p.budget_total_kyen else {
        return Ok(0);
    };
    let years = fiscal_years(plan, anchor);
    let n = years.len();
    let weights: Vec<f64> = (0..n)
        .map(|k| {
            let noise = rng.range(850, 1150) as f64 / 1000.0;
            if k == 0 && n > 1 {
                // Months left in the first fiscal year, then a slower first year on top.
                let months = (FiscalYear(years[0]).span().1.year() * 12 + 3)
                    - (p.start_date.year() * 12 + p.start_date.month() as i32)
                    + 1;
                let part = (f64::from(months.clamp(3, 12))) / 12.0;
                part * rng.range(600, 850) as f64 / 1000.0 * noise
            } else {
                noise
            }
        })
        .collect();
    let sum: f64 = weights.iter().sum();
    let adjust = rng.range(930, 1030) as f64 / 1000.0;
    for (year, w) in years.iter().zip(&weights) {
        let kyen = (total as f64 * w / sum * adjust).round() as i64;
        loader.budget(id, FiscalYear(*year), kyen)?;
    }
    Ok(n)
}

/// The fiscal years a project's allocations cover.
pub fn fiscal_years(plan: &ProjectPlan, anchor: Date) -> Vec<i32> {
    let p = &plan.project;
    let first = FiscalYear::of(p.start_date).0;
    let last = FiscalYear::of(p.end_date.unwrap_or(p.start_date))
        .0
        .min(FiscalYear::of(anchor).0 + 1)
        .max(first);
    (first..=last).collect()
}

/// Annual reports, the interim and final evaluations, and for some projects in 非臨床 / 臨床 a
/// scheduled stage-gate review. Old ones were mostly done around their due date; the latest are
/// what officers still chase, so every aging bucket of the due board has items.
pub fn write_deadlines(
    loader: &mut BulkLoader<'_>,
    plan: &ProjectPlan,
    ids: Assigned,
    anchor: Date,
    rng: &mut Rng,
) -> Result<usize> {
    let p = &plan.project;
    let (id, ps, po) = ids;
    let start = p.start_date;
    let end = p.end_date.unwrap_or(start);
    // Officers chase an overdue report for months, not years; the team of a seed at 実用化 or
    // licensed out reports as a matter of routine, so theirs are late by weeks at most.
    let settled = p.phase == Phase::Practical || p.licensing_status.is_licensed();
    let mut out = Deadlines {
        loader,
        project_id: id,
        officers: [ps.1, po.1],
        anchor,
        chase: if settled {
            CHASE_SETTLED_DAYS
        } else {
            CHASE_DAYS
        },
        written: 0,
    };
    let registered = stamp(start);
    // 年次報告: due May 31 after each fiscal year of the period, and the next one while it runs.
    let this_year = FiscalYear::of(anchor).0;
    let (first, last) = (FiscalYear::of(start).0, FiscalYear::of(end).0);
    let reported = first..=last.min(this_year);
    let latest_ended = last.min(this_year - 1);
    for year in reported {
        let due = day(year + 1, 5, 31);
        let from_latest = latest_ended - year;
        let open_chance = match from_latest {
            // Not due yet: open by nature.
            ..0 => 1.0,
            // Chased long enough: done by now.
            _ if (anchor - due).num_days() > out.chase => 0.0,
            // Due soon: a few are in early.
            0 if due > anchor => 0.8,
            0 if (anchor - due).num_days() <= 90 => 0.5,
            0 => 0.12,
            1 => 0.04,
            _ => 0.01,
        };
        let done = (!rng.chance(open_chance)).then(|| out.done_near(due, rng));
        let title = format!("{year}年度 年次報告（成果報告書）");
        out.write(
            DeadlineKind::AnnualReport,
            &title,
            due,
            done,
            po.1,
            &registered,
        )?;
    }
    // 中間評価: around the middle of a project of three fiscal years or more.
    if last - first >= 2 {
        let mid = start + (end - start) / 2;
        let due = shift(mid, rng.range(-45, 45));
        let done = out.done_by_age(due, rng);
        let title = format!("{}年度 中間評価", FiscalYear::of(due).0);
        out.write(
            DeadlineKind::InterimEvaluation,
            &title,
            due,
            done,
            ps.1,
            &registered,
        )?;
    }
    // 事後評価: about six months after the end of a finished project.
    if end < anchor {
        let due = shift(end, 183 + rng.range(-20, 20));
        let done = out.done_by_age(due, rng);
        let created = stamp(shift(end, -60).max(start));
        out.write(
            DeadlineKind::FinalEvaluation,
            "事後評価",
            due,
            done,
            ps.1,
            &created,
        )?;
    }
    // A stage-gate review the PS has scheduled: coming up, or recently passed without a decision.
    let gates = match p.phase {
        Phase::NonClinical => NONCLINICAL_GATES,
        Phase::Clinical => CLINICAL_GATES,
        _ => &[],
    };
    if !gates.is_empty() && end >= anchor && rng.chance(0.3) {
        let due = shift(anchor, rng.range(-75, 120));
        let created = shift(due, -rng.range(45, 180)).max(start).min(anchor);
        let title = *rng.pick(gates);
        out.write(
            DeadlineKind::StageGate,
            title,
            due,
            None,
            ps.1,
            &stamp(created),
        )?;
    }
    Ok(out.written)
}

/// Writes one project's deadlines.
struct Deadlines<'l, 't> {
    loader: &'l mut BulkLoader<'t>,
    project_id: i64,
    /// The project's PS and PO: who marks deadlines done.
    officers: [&'static str; 2],
    anchor: Date,
    /// Days an overdue deadline may stay open before it is done (see `CHASE_DAYS`).
    chase: i64,
    written: usize,
}

impl Deadlines<'_, '_> {
    fn write(
        &mut self,
        kind: DeadlineKind,
        title: &str,
        due_on: Date,
        done: Option<(Date, &'static str)>,
        created_by: &str,
        created_at: &str,
    ) -> Result<()> {
        let deadline_id = self.loader.deadline(&BulkDeadline {
            project_id: self.project_id,
            kind,
            title,
            due_on,
            done,
            created_by,
            created_at,
        })?;
        let detail = json!({"deadline_id": deadline_id, "kind": kind.code()});
        let id = self.project_id;
        self.loader
            .audit(created_at, "deadline.add", id, created_by, detail)?;
        if let Some((on, by)) = done {
            let detail = json!({"deadline_id": deadline_id});
            self.loader
                .audit(&stamp_at(on, "09:45"), "deadline.done", id, by, detail)?;
        }
        self.written += 1;
        Ok(())
    }

    /// Done a few days before or after `due` (never after today), by the PO more often than the PS.
    fn done_near(&self, due: Date, rng: &mut Rng) -> (Date, &'static str) {
        let on = shift(due, rng.range(-12, 8)).min(self.anchor);
        let by = if rng.chance(0.7) {
            self.officers[1]
        } else {
            self.officers[0]
        };
        (on, by)
    }

    /// Done with a chance that grows with how long ago it was due; never when not yet due.
    fn done_by_age(&self, due: Date, rng: &mut Rng) -> Option<(Date, &'static str)> {
        let age = (self.anchor - due).num_days();
        let chance = match age {
            ..=0 => return None,
            _ if age > self.chase => 1.0,
            1..=30 => 0.5,
            31..=90 => 0.75,
            _ => 0.96,
        };
        rng.chance(chance).then(|| self.done_near(due, rng))
    }
}

/// A 推薦書 link on every recommended or accepted flag (and on some declined ones, which were
/// recommended first), dated the day of the recommendation.
pub fn write_recommendations(
    loader: &mut BulkLoader<'_>,
    flags: &[WrittenFlag],
    plans: &[ProjectPlan],
    ids: &[Assigned],
    reference: &Reference,
    rng: &mut Rng,
) -> Result<usize> {
    let mut written = 0;
    for flag in flags {
        let wanted = match flag.status {
            FlagStatus::Recommended | FlagStatus::Accepted => true,
            FlagStatus::Declined => rng.chance(0.5),
            FlagStatus::Candidate | FlagStatus::Withdrawn => false,
        };
        let Some(on) = flag.recommended_on.filter(|_| wanted) else {
            continue;
        };
        let amed_id = &plans[flag.plan].project.amed_id;
        let (project_id, ps, _) = ids[flag.plan];
        let target = if rng.chance(0.5) {
            format!("{FILE_ROOT}/推薦書/{amed_id}_推薦書.pdf")
        } else {
            format!("{DOCS_URL}/highway/{amed_id}/recommendation.pdf")
        };
        let program = reference
            .programs
            .iter()
            .find(|p| p.code == flag.target)
            .map_or(flag.target.as_str(), |p| p.name_ja.as_str());
        let label = format!("推薦書（{program}宛）");
        let sha = rng.chance(0.1).then(|| sha256(rng));
        let attachment_id = loader.attachment(&BulkAttachment {
            project_id,
            note_id: None,
            flag_id: Some(flag.id),
            target: &target,
            label: &label,
            kind: AttachmentKind::Recommendation,
            dated_on: Some(on),
            sha256: sha.as_deref(),
            added_by: ps.1,
            added_at: &stamp(on),
        })?;
        let detail =
            json!({"attachment_id": attachment_id, "kind": AttachmentKind::Recommendation.code()});
        loader.audit(&stamp(on), "attachment.add", project_id, ps.1, detail)?;
        written += 1;
    }
    Ok(written)
}

/// For about one project in twenty, a link to an annual report (報告書) or meeting minutes (議事録).
pub fn write_project_link(
    loader: &mut BulkLoader<'_>,
    plan: &ProjectPlan,
    ids: Assigned,
    anchor: Date,
    rng: &mut Rng,
) -> Result<usize> {
    if !rng.chance(0.05) {
        return Ok(0);
    }
    let p = &plan.project;
    let (project_id, _, po) = ids;
    let latest_ended = FiscalYear::of(p.end_date.unwrap_or(anchor))
        .0
        .min(FiscalYear::of(anchor).0 - 1);
    let report = latest_ended >= FiscalYear::of(p.start_date).0 && rng.chance(0.6);
    let (kind, target, label, on) = if report {
        let year = latest_ended;
        let on = day(year + 1, 5, rng.range(10, 31) as u32).min(anchor);
        (
            AttachmentKind::Report,
            format!("{FILE_ROOT}/成果報告書/{year}/{}_成果報告書.pdf", p.amed_id),
            format!("{year}年度 成果報告書"),
            on,
        )
    } else {
        let on = between(p.start_date, p.end_date.unwrap_or(anchor).min(anchor), rng);
        let meeting = if rng.chance(0.5) {
            "サイトビジット"
        } else {
            "進捗会議"
        };
        (
            AttachmentKind::Minutes,
            format!("{DOCS_URL}/minutes/{}/{on}.pdf", p.amed_id),
            format!("{meeting}議事録（{on}）"),
            on,
        )
    };
    let sha = rng.chance(0.2).then(|| sha256(rng));
    let attachment_id = loader.attachment(&BulkAttachment {
        project_id,
        note_id: None,
        flag_id: None,
        target: &target,
        label: &label,
        kind,
        dated_on: Some(on),
        sha256: sha.as_deref(),
        added_by: po.1,
        added_at: &stamp(on),
    })?;
    let detail = json!({"attachment_id": attachment_id, "kind": kind.code()});
    loader.audit(&stamp(on), "attachment.add", project_id, po.1, detail)?;
    Ok(1)
}

/// A few projects the persona follows without being their PO.
pub fn write_watch(
    loader: &mut BulkLoader<'_>,
    persona: (i64, &str),
    ids: &[Assigned],
    anchor: Date,
    rng: &mut Rng,
) -> Result<usize> {
    let mut chosen: Vec<usize> = Vec::with_capacity(WATCHED);
    for _ in 0..WATCHED * 20 {
        if chosen.len() == WATCHED || ids.is_empty() {
            break;
        }
        let k = rng.below(ids.len() as u64) as usize;
        if ids[k].2.0 != persona.0 && !chosen.contains(&k) {
            chosen.push(k);
        }
    }
    for &k in &chosen {
        let added = shift(anchor, -rng.range(3, 240));
        loader.watch(persona.1, ids[k].0, &stamp(added))?;
        loader.audit(&stamp(added), "watch.add", ids[k].0, persona.1, json!({}))?;
    }
    Ok(chosen.len())
}

/// 64 lowercase hexadecimal digits from the generator (a stand-in SHA-256 of the linked file).
fn sha256(rng: &mut Rng) -> String {
    (0..4).map(|_| format!("{:016x}", rng.next_u64())).collect()
}

/// A timestamp as the other demo rows carry it: the day, at nine in the morning UTC.
fn stamp(on: Date) -> String {
    stamp_at(on, "09:00")
}

fn day(year: i32, month: u32, day: u32) -> Date {
    Date::from_ymd_opt(year, month, day).unwrap_or_default()
}

fn shift(d: Date, days: i64) -> Date {
    if days >= 0 {
        d.checked_add_days(Days::new(days as u64))
    } else {
        d.checked_sub_days(Days::new(days.unsigned_abs()))
    }
    .unwrap_or(d)
}
