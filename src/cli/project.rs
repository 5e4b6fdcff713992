//! `seedline project`: add one project, change its fields, retire a project entered by mistake
//! and restore it. Values are checked by the rules of an imported row (`csv_io::single`), so the
//! command line refuses what `import projects` refuses, in the same words.

use crate::csv_io::Field;
use crate::csv_io::labels::Labels;
use crate::csv_io::single::{self, Cell};
use crate::model::{Coded, ProjectEdited};
use crate::session::RunContext;
use crate::store::Store;
use crate::text::sanitize_line;
use anyhow::Result;
use std::process::ExitCode;

/// `seedline project …`.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add one project: every required field as an option, checked as an imported row is.
    Add(Box<AddArgs>),
    /// Change some of a project's fields (its phase moves with `seedline phase`).
    Edit(Box<EditArgs>),
    /// Hide a project entered by mistake from every view, count and export (notes are kept).
    Retire {
        /// 課題管理番号.
        id: String,
        /// Why (e.g. 重複登録), kept with the project and in its history.
        #[arg(long)]
        reason: String,
        /// The version you looked at; a newer one in the database is refused as a conflict.
        #[arg(long)]
        version: Option<i64>,
    },
    /// Bring a retired project back into every view.
    Restore {
        /// 課題管理番号.
        id: String,
    },
}

/// `seedline project add`.
#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// 課題管理番号, e.g. JP25ck0106001.
    #[arg(long)]
    id: String,
    /// 研究開発課題名.
    #[arg(long)]
    title: String,
    /// 研究開発代表者 (name).
    #[arg(long)]
    pi: String,
    /// 研究開発代表者の役職 (e.g. 教授).
    #[arg(long = "pi-title")]
    pi_title: Option<String>,
    /// 代表研究機関.
    #[arg(long)]
    institution: String,
    /// 事業: code, 事業名 or English name (the integrated project follows from it).
    #[arg(long)]
    program: String,
    /// 研究開発フェーズ: 基礎, 応用, 非臨床, 臨床, 実用化 (or basic, applied, …).
    #[arg(long)]
    phase: String,
    /// 承認上の分類: 医薬品, 医療機器, 体外診断用医薬品, 再生医療等製品, その他 (default その他).
    #[arg(long)]
    modality: Option<String>,
    /// Start date (YYYY-MM-DD or 令和7年4月1日).
    #[arg(long)]
    start: String,
    /// End date.
    #[arg(long)]
    end: Option<String>,
    /// 総配分額 in 千円 (12000 or 12,000).
    #[arg(long)]
    budget: Option<String>,
    /// 対象疾患, separated by `,` or `;` (e.g. がん,難病・希少疾患).
    #[arg(long)]
    areas: Option<String>,
    /// 並走企業.
    #[arg(long)]
    partner: Option<String>,
    /// 企業導出: none, negotiating, assignment, license, joint_development (default none).
    #[arg(long)]
    licensing: Option<String>,
    /// 概要.
    #[arg(long)]
    summary: Option<String>,
}

/// `seedline project edit`: each option given replaces that field; an empty value clears an
/// optional one (`--end ""`).
#[derive(Debug, clap::Args)]
pub struct EditArgs {
    /// 課題管理番号.
    id: String,
    /// The version you looked at (`seedline show project`); a newer one is refused as a conflict.
    #[arg(long)]
    version: Option<i64>,
    #[arg(long)]
    title: Option<String>,
    #[arg(long)]
    summary: Option<String>,
    #[arg(long)]
    pi: Option<String>,
    #[arg(long = "pi-title")]
    pi_title: Option<String>,
    #[arg(long)]
    institution: Option<String>,
    /// 事業 (the integrated project follows).
    #[arg(long)]
    program: Option<String>,
    #[arg(long)]
    modality: Option<String>,
    #[arg(long)]
    start: Option<String>,
    #[arg(long)]
    end: Option<String>,
    /// 総配分額 (千円).
    #[arg(long)]
    budget: Option<String>,
    /// 対象疾患 (the whole list; `,` or `;` between names).
    #[arg(long)]
    areas: Option<String>,
    #[arg(long)]
    partner: Option<String>,
    /// 企業導出: none, negotiating, assignment, license, joint_development.
    #[arg(long)]
    licensing: Option<String>,
}

/// The options given, as cells named by their option.
fn cells(given: &[(Field, &str, &Option<String>)]) -> Vec<Cell> {
    given
        .iter()
        .filter_map(|(field, flag, value)| {
            value
                .as_ref()
                .map(|v| Cell::new(*field, format!("--{flag}"), v.clone()))
        })
        .collect()
}

fn refused(problems: &[crate::csv_io::Problem]) -> anyhow::Error {
    crate::msg::csv::nothing_saved(&single::describe(problems)).into()
}

pub fn run(ctx: &RunContext, store: &mut Store, command: Command) -> Result<ExitCode> {
    match command {
        Command::Add(args) => add(store, *args),
        Command::Edit(args) => edit(ctx, store, *args),
        Command::Retire {
            id,
            reason,
            version,
        } => {
            let project = store.project_id(&id)?;
            store.retire_project(project, version, &reason, &ctx.author)?;
            let id = sanitize_line(&id);
            println!(
                "{}",
                crate::msg::cli_out::project_retired(&id).get(ctx.lang)
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Restore { id } => {
            let project = store.project_id_any(&id)?;
            store.restore_project(project, &ctx.author)?;
            println!(
                "{}",
                crate::msg::cli_out::project_restored(&sanitize_line(&id)).get(ctx.lang)
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn add(store: &mut Store, a: AddArgs) -> Result<ExitCode> {
    let required = |v: &String| Some(v.clone());
    let cells = cells(&[
        (Field::AmedId, "id", &required(&a.id)),
        (Field::Title, "title", &required(&a.title)),
        (Field::PiName, "pi", &required(&a.pi)),
        (Field::PiTitle, "pi-title", &a.pi_title),
        (Field::Institution, "institution", &required(&a.institution)),
        (Field::Program, "program", &required(&a.program)),
        (Field::Phase, "phase", &required(&a.phase)),
        (Field::Modality, "modality", &a.modality),
        (Field::StartDate, "start", &required(&a.start)),
        (Field::EndDate, "end", &a.end),
        (Field::Budget, "budget", &a.budget),
        (Field::DiseaseAreas, "areas", &a.areas),
        (Field::Partner, "partner", &a.partner),
        (Field::Licensing, "licensing", &a.licensing),
        (Field::Summary, "summary", &a.summary),
    ]);
    let labels = Labels::new(&store.reference()?);
    let project = single::new_project(&labels, &cells).map_err(|p| refused(&p))?;
    store.insert_project(&project)?;
    println!(
        "{} added: {} / {} / {}",
        sanitize_line(&project.amed_id),
        labels.program_label(&project.program),
        labels.ip_label(&project.integrated_project),
        project.phase.name_ja()
    );
    Ok(ExitCode::SUCCESS)
}

fn edit(ctx: &RunContext, store: &mut Store, a: EditArgs) -> Result<ExitCode> {
    let project = store.project_id(&a.id)?;
    let id = sanitize_line(&a.id).into_owned();
    let cells = cells(&[
        (Field::Title, "title", &a.title),
        (Field::Summary, "summary", &a.summary),
        (Field::PiName, "pi", &a.pi),
        (Field::PiTitle, "pi-title", &a.pi_title),
        (Field::Institution, "institution", &a.institution),
        (Field::Program, "program", &a.program),
        (Field::Modality, "modality", &a.modality),
        (Field::StartDate, "start", &a.start),
        (Field::EndDate, "end", &a.end),
        (Field::Budget, "budget", &a.budget),
        (Field::DiseaseAreas, "areas", &a.areas),
        (Field::Partner, "partner", &a.partner),
        (Field::Licensing, "licensing", &a.licensing),
    ]);
    if cells.is_empty() {
        println!(
            "{}",
            crate::msg::cli_out::project_no_field(&id).get(ctx.lang)
        );
        return Ok(ExitCode::SUCCESS);
    }
    let labels = Labels::new(&store.reference()?);
    let changes = single::project_changes(&labels, &cells).map_err(|p| refused(&p))?;
    let ProjectEdited {
        version, changes, ..
    } = store.edit_project(project, a.version, &changes, &ctx.author)?;
    if changes.is_empty() {
        println!(
            "{}",
            crate::msg::cli_out::project_unchanged(&id, version).get(ctx.lang)
        );
    } else {
        println!(
            "{}",
            crate::msg::cli_out::project_saved(&id, version).get(ctx.lang)
        );
        for change in changes {
            println!("  {}", change.words_in(ctx.lang));
        }
    }
    Ok(ExitCode::SUCCESS)
}
