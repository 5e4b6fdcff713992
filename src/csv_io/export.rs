//! Export: the rows of the chosen projects (or their notes, flags, gates) streamed from the store
//! into a [`CsvWriter`], in the columns asked for. Values stay Japanese whatever the header
//! language, so that every export reads back the same way.

use super::columns::{self, Column, Field};
use super::labels::Labels;
use super::write::{Cell, CsvWriter};
use crate::model::{Coded, Date};
use crate::store::{BudgetRecord, FlagRecord, GateRecord, NoteRecord, ProjectRecord, Store};
use crate::{Error, Lang, Result};
use std::fmt::Write as _;
use std::io::Write;

/// What an export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Projects,
    Notes,
    Flags,
    Gates,
    /// 年度別配分額, by 課題管理番号 then 年度.
    Budgets,
    /// 担当 (current and ended), by project then start date.
    Assignments,
    /// 担当者名簿: every officer, retired ones included (not per project).
    Officers,
    /// Every program (事業), retired ones included (no project selection).
    Programs,
    /// Every program link.
    Links,
    /// 成果 (not deleted), by project then date.
    Outcomes,
    /// 系譜: every link between two projects in use (no project selection).
    Lineage,
}

impl ExportKind {
    /// The columns of this kind, in default order.
    pub fn columns(self) -> &'static [Column] {
        match self {
            ExportKind::Projects => columns::PROJECTS,
            ExportKind::Notes => columns::NOTES,
            ExportKind::Flags => columns::FLAGS,
            ExportKind::Gates => columns::GATES,
            ExportKind::Budgets => columns::BUDGETS,
            ExportKind::Assignments => columns::ASSIGNMENTS,
            ExportKind::Officers => columns::OFFICERS,
            ExportKind::Programs => columns::PROGRAMS,
            ExportKind::Links => columns::LINKS,
            ExportKind::Outcomes => columns::OUTCOMES,
            ExportKind::Lineage => columns::LINEAGE,
        }
    }

    /// `projects`, `notes`, `flags`, `gates`, `budgets`, `outcomes` (recorded in the audit log).
    pub fn code(self) -> &'static str {
        match self {
            ExportKind::Projects => "projects",
            ExportKind::Notes => "notes",
            ExportKind::Flags => "flags",
            ExportKind::Gates => "gates",
            ExportKind::Budgets => "budgets",
            ExportKind::Assignments => "assignments",
            ExportKind::Officers => "officers",
            ExportKind::Programs => "programs",
            ExportKind::Links => "links",
            ExportKind::Outcomes => "outcomes",
            ExportKind::Lineage => "lineage",
        }
    }

    /// Whether the kind is reference data rather than rows of chosen projects.
    pub fn is_reference(self) -> bool {
        matches!(
            self,
            ExportKind::Programs | ExportKind::Links | ExportKind::Lineage
        )
    }
}

/// How to write an export.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    pub kind: ExportKind,
    /// Columns in output order (default: all of the kind's).
    pub columns: Vec<&'static Column>,
    /// Header language.
    pub lang: Lang,
    /// Start with the UTF-8 byte-order mark.
    pub bom: bool,
    /// The output's name in error messages (`-` for standard output).
    pub output: String,
}

impl ExportOptions {
    /// All columns of `kind`, Japanese headers, with a BOM.
    pub fn new(kind: ExportKind, output: impl Into<String>) -> ExportOptions {
        ExportOptions {
            kind,
            columns: kind.columns().iter().collect(),
            lang: Lang::Ja,
            bom: true,
            output: output.into(),
        }
    }
}

/// The columns of a project export from the dashboard: the complete set (every column of the
/// project file, in its order), the list's fixed set, or the officer's names (an unknown name is
/// refused with that name; a name given twice is written once).
pub fn project_columns(
    chosen: &crate::model::ExportColumns,
) -> std::result::Result<Vec<&'static Column>, UnknownColumn> {
    use crate::model::ColumnSet;
    let table = ExportKind::Projects.columns();
    let names: Vec<&str> = match chosen.set {
        ColumnSet::All => return Ok(table.iter().collect()),
        ColumnSet::List => crate::model::LIST_EXPORT_COLUMNS.to_vec(),
        ColumnSet::Custom => chosen
            .custom
            .split([',', '、', '，'])
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .collect(),
    };
    let mut out: Vec<&'static Column> = Vec::new();
    for name in names {
        let column = table
            .iter()
            .find(|c| c.matches(name))
            .ok_or_else(|| UnknownColumn(crate::text::sanitize_line(name).into_owned()))?;
        if !out.contains(&column) {
            out.push(column);
        }
    }
    if out.is_empty() {
        return Err(UnknownColumn(String::new()));
    }
    Ok(out)
}

/// A column name the project file does not have (empty: no name at all).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownColumn(pub String);

/// `d` as `YYYY-MM-DD` into `out` (cleared first): chrono's own format, without its formatter for
/// the years every stored date has.
fn iso_date(d: Date, out: &mut String) {
    use chrono::Datelike;
    out.clear();
    let (y, m, day) = (d.year(), d.month(), d.day());
    if (0..=9999).contains(&y) {
        let y = y.unsigned_abs();
        let digits = [y / 1000, y / 100, y / 10, y, m / 10, m, day / 10, day];
        for (i, n) in digits.into_iter().enumerate() {
            if i == 4 || i == 6 {
                out.push('-');
            }
            out.push(char::from(b'0' + (n % 10) as u8));
        }
    } else {
        let _ = write!(out, "{d}");
    }
}

/// The cell of `field` for a project; text made for the cell (dates, disease areas) is built in
/// `scratch`, which the cell borrows.
fn project_cell<'a>(
    field: Field,
    r: &'a ProjectRecord,
    labels: &'a Labels,
    scratch: &'a mut String,
) -> Cell<'a> {
    let p = &r.project;
    match field {
        Field::AmedId => Cell::text(&p.amed_id),
        Field::Title => Cell::text(&p.title),
        Field::Program => Cell::text(labels.program_label(&p.program)),
        Field::IntegratedProject => Cell::text(labels.ip_label(&p.integrated_project)),
        Field::Institution => Cell::text(&p.institution),
        Field::PiName => Cell::text(&p.pi_name),
        Field::PiTitle => Cell::text(&p.pi_title),
        Field::StartDate => {
            iso_date(p.start_date, scratch);
            Cell::text(scratch)
        }
        Field::EndDate => {
            scratch.clear();
            if let Some(d) = p.end_date {
                iso_date(d, scratch);
            }
            Cell::text(scratch)
        }
        Field::Budget => Cell::Number(p.budget_total_kyen),
        Field::Phase => Cell::text(p.phase.name_ja()),
        Field::Modality => Cell::text(p.modality.name_ja()),
        Field::DiseaseAreas => {
            scratch.clear();
            for (i, a) in p.disease_areas.iter().enumerate() {
                if i > 0 {
                    scratch.push(';');
                }
                scratch.push_str(labels.area_label(a));
            }
            Cell::text(scratch)
        }
        Field::Summary => Cell::text(&p.summary),
        Field::Licensing => Cell::text(p.licensing_status.name_ja()),
        Field::Partner => Cell::text(p.partner_company.as_deref().unwrap_or("")),
        Field::Highway => Cell::text(r.open_flag.map_or("", |f| f.name_ja())),
        _ => Cell::text(""),
    }
}

fn note_cell(field: Field, n: &NoteRecord) -> Cell<'_> {
    match field {
        Field::AmedId => Cell::text(&n.amed_id),
        Field::NoteDate => Cell::text(&n.occurred_on),
        Field::NoteKind => Cell::text(n.kind.name_ja()),
        Field::NoteAuthor => Cell::text(&n.author),
        Field::NoteRole => Cell::text(&n.author_role),
        Field::NoteBody => Cell::text(&n.body),
        Field::FollowUpOn => Cell::text(n.follow_up_on.as_deref().unwrap_or("")),
        Field::FollowUpDoneAt => Cell::text(n.follow_up_done.as_ref().map_or("", |d| d.0.as_str())),
        Field::FollowUpDoneBy => Cell::text(n.follow_up_done.as_ref().map_or("", |d| d.1.as_str())),
        _ => Cell::text(""),
    }
}

fn flag_cell<'a>(field: Field, f: &'a FlagRecord, labels: &'a Labels) -> Cell<'a> {
    let [(ca, can), (ip, ipn), (ev, evn)] = &f.criteria;
    match field {
        Field::AmedId => Cell::text(&f.amed_id),
        Field::FlagStatus => Cell::text(f.status.name_ja()),
        Field::FlagTarget => Cell::text(labels.program_label(&f.target_program)),
        Field::FlagReason => Cell::text(&f.reason),
        Field::Competitive => Cell::text(ca.name_ja()),
        Field::CompetitiveNote => Cell::text(can),
        Field::IpPortfolio => Cell::text(ip.name_ja()),
        Field::IpNote => Cell::text(ipn),
        Field::Evidence => Cell::text(ev.name_ja()),
        Field::EvidenceNote => Cell::text(evn),
        Field::FlaggedBy => Cell::text(&f.flagged_by),
        Field::FlaggedAt => Cell::text(&f.created_at),
        Field::DecidedAt => Cell::text(f.decided_at.as_deref().unwrap_or("")),
        Field::DecisionNote => Cell::text(&f.decision_note),
        _ => Cell::text(""),
    }
}

fn gate_cell(field: Field, g: &GateRecord) -> Cell<'_> {
    match field {
        Field::AmedId => Cell::text(&g.amed_id),
        Field::Gate => Cell::text(&g.gate),
        Field::GateDate => Cell::text(&g.decided_on),
        Field::GateDecision => Cell::text(g.decision.name_ja()),
        Field::GateNote => Cell::text(&g.note),
        Field::GateBy => Cell::text(&g.recorded_by),
        _ => Cell::text(""),
    }
}

fn budget_cell(field: Field, b: &BudgetRecord) -> Cell<'_> {
    match field {
        Field::AmedId => Cell::text(&b.amed_id),
        Field::FiscalYear => Cell::Number(Some(b.fiscal_year.0.into())),
        Field::Allocation => Cell::Number(Some(b.amount_kyen)),
        _ => Cell::text(""),
    }
}

/// Writes one row: the cell of every field, straight to the writer.
pub(super) fn write_row<'r, W: Write>(
    writer: &mut CsvWriter<W>,
    fields: &[Field],
    mut cell: impl FnMut(Field) -> Cell<'r>,
) -> std::io::Result<()> {
    for (i, f) in fields.iter().enumerate() {
        writer.cell(i == 0, &cell(*f))?;
    }
    writer.end_row(fields.len())
}

/// [`write_row`] for a project, whose made-up cells share one scratch string.
fn project_row<W: Write>(
    writer: &mut CsvWriter<W>,
    fields: &[Field],
    r: &ProjectRecord,
    labels: &Labels,
    scratch: &mut String,
) -> std::io::Result<()> {
    for (i, f) in fields.iter().enumerate() {
        writer.cell(i == 0, &project_cell(*f, r, labels, scratch))?;
    }
    writer.end_row(fields.len())
}

/// Writes the header and the rows of `ids` (in that order) to `out`, one chunk of projects at a
/// time; `progress` is called with the running row count after every row. Returns the number of
/// rows written and the output. A failed write is an [`Error::Io`] naming `options.output`
/// (a closed pipe keeps its `BrokenPipe` kind).
pub fn export<W: Write>(
    store: &Store,
    ids: &[i64],
    options: &ExportOptions,
    out: W,
    progress: &mut dyn FnMut(u64),
) -> Result<(u64, W)> {
    match options.kind {
        ExportKind::Assignments => {
            return super::assignments::export_assignments(store, ids, options, out);
        }
        ExportKind::Officers => return super::officers::export_officers(store, options, out),
        ExportKind::Lineage => {
            return super::lineage::export_lineage(store, options, out, progress);
        }
        _ => {}
    }
    let reference = store.reference()?;
    let labels = Labels::new(&reference);
    let fail = |e: std::io::Error| Error::io(&options.output, e);
    let mut writer = CsvWriter::new(out, options.bom).map_err(fail)?;
    let names: Vec<&str> = options
        .columns
        .iter()
        .map(|c| c.header(options.lang))
        .collect();
    writer.header(&names).map_err(fail)?;
    let fields: Vec<Field> = options.columns.iter().map(|c| c.field).collect();
    let mut count = 0u64;
    let mut scratch = String::new();
    let mut done = |result: std::io::Result<()>| -> Result<()> {
        result.map_err(fail)?;
        count += 1;
        progress(count);
        Ok(())
    };
    let w = &mut writer;
    let fields = &fields[..];
    match options.kind {
        ExportKind::Projects => store.export_projects(ids, |r| {
            done(project_row(w, fields, r, &labels, &mut scratch))
        })?,
        ExportKind::Notes => {
            store.export_notes(ids, |n| done(write_row(w, fields, |f| note_cell(f, n))))?
        }
        ExportKind::Flags => store.export_flags(ids, |r| {
            done(write_row(w, fields, |f| flag_cell(f, r, &labels)))
        })?,
        ExportKind::Gates => {
            store.export_gates(ids, |g| done(write_row(w, fields, |f| gate_cell(f, g))))?
        }
        ExportKind::Budgets => {
            store.export_budgets(ids, |b| done(write_row(w, fields, |f| budget_cell(f, b))))?
        }
        // Written above, before the project kinds' header.
        ExportKind::Assignments | ExportKind::Officers | ExportKind::Lineage => 0,
        ExportKind::Programs => {
            for p in &reference.programs {
                let cell =
                    |f| Cell::owned(super::programs::program_cell(f, p, &reference, &labels));
                done(write_row(w, fields, cell))?;
            }
            reference.programs.len() as u64
        }
        ExportKind::Links => {
            for l in &reference.program_links {
                let cell = |f| Cell::owned(super::programs::link_cell(f, l, &reference));
                done(write_row(w, fields, cell))?;
            }
            reference.program_links.len() as u64
        }
        ExportKind::Outcomes => store.export_outcomes(ids, |o| {
            iso_date(o.outcome.on, &mut scratch);
            let date = scratch.as_str();
            done(write_row(w, fields, |f| {
                super::outcomes::outcome_cell(f, o, date)
            }))
        })?,
    };
    let out = writer.finish().map_err(fail)?;
    Ok((count, out))
}

#[cfg(test)]
mod tests {
    use super::{UnknownColumn, iso_date, project_columns};
    use crate::model::{COMPLETE_EXPORT_COLUMNS, ColumnSet, ExportColumns, LIST_EXPORT_COLUMNS};

    #[test]
    fn the_dashboard_column_sets_resolve_to_project_columns() {
        let set = |set, custom: &str| ExportColumns {
            set,
            custom: custom.into(),
        };
        let all = project_columns(&set(ColumnSet::All, "ignored")).unwrap();
        assert_eq!(all.len(), COMPLETE_EXPORT_COLUMNS);
        let list = project_columns(&set(ColumnSet::List, "")).unwrap();
        let names: Vec<&str> = list.iter().map(|c| c.ja).collect();
        assert_eq!(names, LIST_EXPORT_COLUMNS);
        let custom = project_columns(&set(
            ColumnSet::Custom,
            "amed_id、 総配分額（千円）,AMED ID",
        ));
        let names: Vec<&str> = custom.unwrap().iter().map(|c| c.ja).collect();
        assert_eq!(names, ["課題管理番号", "総配分額(千円)"]);
        assert_eq!(
            project_columns(&set(ColumnSet::Custom, "課題管理番号,予算")),
            Err(UnknownColumn("予算".into()))
        );
        assert_eq!(
            project_columns(&set(ColumnSet::Custom, " , ")),
            Err(UnknownColumn(String::new()))
        );
    }

    #[test]
    fn iso_dates_read_as_chrono_writes_them() {
        let mut out = String::new();
        for (y, m, d) in [
            (2024, 4, 1),
            (1000, 12, 31),
            (1099, 1, 9),
            (99, 2, 28),
            (0, 1, 1),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 3, 4),
        ] {
            let date = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
            iso_date(date, &mut out);
            assert_eq!(out, date.to_string());
        }
    }
}
