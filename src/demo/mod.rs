//! `seedline demo`: a deterministic generator of realistic AMED portfolio data — projects over
//! integrated projects, disease areas, programs, phases and modalities, PS/PO notes, stage gates,
//! highway flags in every status, outcomes, and the eight real approvals from AMED-supported research.
//! The same seed and anchor date give the same database.

mod approvals;
mod compose;
mod lineage;
mod portfolio;
mod records;
mod rng;
mod vocab;

pub use rng::Rng;

use crate::model::{Date, OfficerRole};
use crate::store::{BulkLoader, Store};
use crate::{Error, Result};
use compose::ProjectPlan;

/// What to generate.
#[derive(Debug, Clone)]
pub struct DemoOptions {
    /// Number of projects, including the eight real approvals.
    pub projects: usize,
    /// Number of accompaniment notes.
    pub notes: usize,
    /// Number of highway flags (at most one open per project; closed ones may be older history).
    pub flags: usize,
    /// Seed of the generator.
    pub seed: u64,
    /// "Today" for the generated data: dates, due follow-ups and open flags are relative to it.
    pub anchor: Date,
}

impl DemoOptions {
    /// The default demo: about 600 projects, four notes each, one flag per eight projects.
    pub fn new(anchor: Date) -> DemoOptions {
        DemoOptions {
            projects: 600,
            notes: 2_400,
            flags: 75,
            seed: 2025,
            anchor,
        }
    }
}

/// What was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct DemoSummary {
    pub projects: usize,
    pub notes: usize,
    pub flags: usize,
    pub gates: usize,
    pub outcomes: usize,
    /// 年度別配分額 rows.
    pub budgets: usize,
    /// Annual reports, evaluations and scheduled stage gates.
    pub deadlines: usize,
    /// Links to 推薦書, 報告書 and 議事録.
    pub attachments: usize,
    /// 系譜: hand-overs of a seed from one project to the next.
    pub lineage: usize,
}

/// Progress callback: (stage, done, total).
pub type Progress<'a> = &'a mut dyn FnMut(&'static str, usize, usize);

/// Fills an empty database with demo data in one transaction (all or nothing). Refuses a database
/// that already holds projects, so an officer's real data can never be mixed with demo rows.
pub fn generate(
    store: &mut Store,
    options: &DemoOptions,
    progress: Progress<'_>,
) -> Result<DemoSummary> {
    if store.project_count()? > 0 {
        return Err(Error::invalid(
            "demo",
            crate::msg::invalid::demo_db_not_empty(store.path()),
        ));
    }
    if options.projects < approvals::APPROVALS.len() {
        return Err(Error::invalid(
            "--projects",
            crate::msg::invalid::demo_min_projects(approvals::APPROVALS.len()),
        ));
    }
    let reference = store.reference()?;
    store.bulk_load("demo.generate", |loader| {
        let summary = fill(loader, &reference, options, progress)?;
        Ok((summary, serde_json::to_value(summary).unwrap_or_default()))
    })
}

fn fill(
    loader: &mut BulkLoader<'_>,
    reference: &crate::model::Reference,
    options: &DemoOptions,
    progress: Progress<'_>,
) -> Result<DemoSummary> {
    let mut rng = Rng::new(options.seed);
    // The portfolio records (schema v4) draw from a stream of their own, so that they did not
    // change the projects, notes and flags a seed gave before them.
    let mut extra = Rng::new(options.seed ^ PORTFOLIO_STREAM);
    let mut summary = DemoSummary::default();
    let officers = officers(loader, &crate::identity::os_user())?;
    let mut plans: Vec<ProjectPlan> = Vec::with_capacity(options.projects);
    for (i, approval) in approvals::APPROVALS.iter().enumerate() {
        plans.push(compose::approval_plan(
            approval,
            i,
            options.anchor,
            &mut rng,
        ));
    }
    let composer = compose::Composer::new(reference);
    while plans.len() < options.projects {
        let i = plans.len();
        plans.push(composer.plan(i, options.anchor, &mut rng));
    }
    // Seeds handed between programs (schema v7) draw from a stream of their own too.
    let mut seeds = Rng::new(options.seed ^ LINEAGE_STREAM);
    let mut links = lineage::shape(
        &mut plans,
        approvals::APPROVALS.len(),
        reference,
        options.anchor,
        &mut seeds,
    );
    let mut ids = Vec::with_capacity(plans.len());
    for (i, plan) in plans.iter().enumerate() {
        let (ps, po) = officers.for_project(&mut rng);
        let id = loader.project_by(&plan.project, &plan.entered, ps.1)?;
        records::write_start(loader, id, plan, ps, po)?;
        summary.gates += records::write_gates(loader, id, plan, ps.1, &mut rng)?;
        summary.outcomes += records::write_outcomes(loader, id, plan, ps.1, &mut rng)?;
        let anchor = options.anchor;
        summary.budgets += portfolio::write_budgets(loader, id, plan, anchor, &mut extra)?;
        summary.deadlines +=
            portfolio::write_deadlines(loader, plan, (id, ps, po), anchor, &mut extra)?;
        summary.attachments +=
            portfolio::write_project_link(loader, plan, (id, ps, po), anchor, &mut extra)?;
        ids.push((id, ps, po));
        if i % 1000 == 999 {
            progress("projects", i + 1, plans.len());
        }
    }
    summary.projects = plans.len();
    progress("projects", plans.len(), plans.len());
    let flags = records::write_flags(loader, &plans, &ids, reference, options, &mut rng)?;
    summary.flags = flags.len();
    links.extend(lineage::highway_links(&plans, &flags, &links));
    for l in &links {
        let by = ids[l.succ].1.1;
        loader.lineage(ids[l.pred].0, ids[l.succ].0, l.kind, l.flag, by)?;
    }
    summary.lineage = links.len();
    summary.attachments +=
        portfolio::write_recommendations(loader, &flags, &plans, &ids, reference, &mut extra)?;
    if let Some(persona) = officers.po.first() {
        portfolio::write_watch(loader, *persona, &ids, options.anchor, &mut extra)?;
    }
    progress("flags", summary.flags, options.flags);
    let mut body = String::new();
    for n in 0..options.notes {
        let k = rng.below(plans.len() as u64) as usize;
        records::write_note(
            loader,
            &plans[k],
            ids[k],
            options.anchor,
            &mut body,
            &mut rng,
        )?;
        if n % 10_000 == 9_999 {
            progress("notes", n + 1, options.notes);
        }
    }
    summary.notes = options.notes;
    progress("notes", options.notes, options.notes);
    Ok(summary)
}

/// The fictional officers, split by role, as (row id, name).
struct Officers {
    ps: Vec<(i64, &'static str)>,
    po: Vec<(i64, &'static str)>,
}

impl Officers {
    /// A PS and a PO for a new project.
    fn for_project(&self, rng: &mut Rng) -> ((i64, &'static str), (i64, &'static str)) {
        (*rng.pick(&self.ps), *rng.pick(&self.po))
    }
}

/// Seed of the portfolio records' random stream (XORed with the demo's seed).
const PORTFOLIO_STREAM: u64 = 0x504F_5254_464F_4C49;

/// Seed of the lineage's random stream (XORed with the demo's seed).
const LINEAGE_STREAM: u64 = 0x4C49_4E45_4147_4553;

/// Writes the fictional officers. The first PO is the demo persona: their `login` is the OS
/// account running the generator, so that `mine` finds "me" in the demo database.
fn officers(loader: &mut BulkLoader<'_>, login: &str) -> Result<Officers> {
    use crate::model::Coded;
    let mut out = Officers {
        ps: Vec::new(),
        po: Vec::new(),
    };
    for (name, role) in vocab::OFFICERS {
        let role = OfficerRole::parse(role).unwrap_or(OfficerRole::Po);
        let persona = role == OfficerRole::Po && out.po.is_empty();
        let id = loader.officer(name, role, persona.then_some(login))?;
        match role {
            OfficerRole::Ps => out.ps.push((id, *name)),
            OfficerRole::Po => out.po.push((id, *name)),
            OfficerRole::Pd | OfficerRole::Dc => {}
        }
    }
    Ok(out)
}
