//! One project from named values (command-line options, a form's fields), checked value by value
//! by the rules of an imported row (`validate.rs`), so that `project add`, `project edit`, the
//! TUI forms and `import projects` refuse the same things with the same words. Problems name each
//! value as the caller does (`--program`, a form's label) instead of a file line and column.

use super::Problem;
use super::columns::{Field, PROJECTS};
use super::labels::Labels;
use super::neutralize::neutralize;
use super::validate::{self, Header, MAX_SUMMARY_CHARS, MAX_TITLE_CHARS, Row};
use crate::model::{LicensingStatus, Modality, NewProject, ProjectChanges, ProjectField};

/// One value given for a project: its field, the name the caller knows it by, the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub field: Field,
    pub name: String,
    pub value: String,
}

impl Cell {
    pub fn new(field: Field, name: impl Into<String>, value: impl Into<String>) -> Cell {
        Cell {
            field,
            name: name.into(),
            value: value.into(),
        }
    }
}

/// The CSV column of a field an officer maintains.
pub fn column_of(field: ProjectField) -> Field {
    match field {
        ProjectField::Title => Field::Title,
        ProjectField::Summary => Field::Summary,
        ProjectField::PiName => Field::PiName,
        ProjectField::PiTitle => Field::PiTitle,
        ProjectField::Institution => Field::Institution,
        ProjectField::Program => Field::Program,
        ProjectField::Modality => Field::Modality,
        ProjectField::StartDate => Field::StartDate,
        ProjectField::EndDate => Field::EndDate,
        ProjectField::Budget => Field::Budget,
        ProjectField::DiseaseAreas => Field::DiseaseAreas,
        ProjectField::Partner => Field::Partner,
        ProjectField::Licensing => Field::Licensing,
    }
}

/// The cells as a one-row file: a header naming each as the caller does, and each value as
/// export would write it (a `'` before a formula sign in a text cell, which the row checks take
/// off again: the value arrives exactly as given; the amount is a number cell, read as is).
fn as_row(cells: &[Cell]) -> (Header, Vec<String>) {
    let header = Header {
        columns: cells
            .iter()
            .map(|c| PROJECTS.iter().find(|col| col.field == c.field))
            .collect(),
        names: cells
            .iter()
            .map(|c| crate::text::sanitize_line(&c.name).into_owned())
            .collect(),
        ignored: Vec::new(),
    };
    let fields = cells
        .iter()
        .map(|c| match c.field {
            Field::Budget => c.value.clone(),
            _ => neutralize(&c.value).into_owned(),
        })
        .collect();
    (header, fields)
}

/// Problems without a line (they name the value, not a place in a file).
fn unplaced(problems: Vec<Problem>) -> Vec<Problem> {
    problems
        .into_iter()
        .map(|p| Problem { line: None, ..p })
        .collect()
}

/// `name: what` for each problem, separated by `; `, safe to print on one line (both languages).
pub fn describe(problems: &[Problem]) -> crate::msg::Msg {
    let mut out: Option<crate::msg::Msg> = None;
    for p in problems {
        let one = match &p.column {
            Some(column) => p.message.at(&crate::text::sanitize_line(column)),
            None => p.message.clone(),
        };
        out = Some(match out {
            None => one,
            Some(before) => before.join(("。", "; "), &one),
        });
    }
    out.unwrap_or_default().sanitized()
}

/// A new project from its values, checked as an imported row is (the integrated project follows
/// from the program unless given); every problem is returned, each naming its value.
pub fn new_project(labels: &Labels, cells: &[Cell]) -> Result<NewProject, Vec<Problem>> {
    let mut problems = Vec::new();
    for column in PROJECTS.iter().filter(|c| c.required) {
        if !cells.iter().any(|c| c.field == column.field) {
            problems.push(Problem {
                line: None,
                column: None,
                message: crate::msg::csv::required_value(column.ja, column.en),
            });
        }
    }
    let (header, fields) = as_row(cells);
    let mut row = Row::new(0, &header, &fields);
    let project = validate::amed_project(&mut row, labels);
    problems.extend(unplaced(row.problems));
    match project {
        Some(p) if problems.is_empty() => Ok(p),
        _ => Err(problems),
    }
}

/// Changes to some fields of a project, each value checked as the same cell of an imported row
/// (an empty optional value clears the field; an empty 承認上の分類 is その他 and an empty 企業導出
/// is 未導出, as in a file). Cells of other columns (課題管理番号, phase) are refused.
pub fn project_changes(labels: &Labels, cells: &[Cell]) -> Result<ProjectChanges, Vec<Problem>> {
    let (header, fields) = as_row(cells);
    let mut row = Row::new(0, &header, &fields);
    let mut c = ProjectChanges::default();
    for cell in cells {
        match cell.field {
            Field::Title => c.title = row.required(Field::Title, MAX_TITLE_CHARS),
            Field::Summary => c.summary = row.text(Field::Summary, MAX_SUMMARY_CHARS, true),
            Field::PiName => c.pi_name = row.required(Field::PiName, 200),
            Field::PiTitle => c.pi_title = row.text(Field::PiTitle, 200, false),
            Field::Institution => c.institution = row.required(Field::Institution, 400),
            Field::Program => c.program = validate::program(&mut row, labels),
            Field::Modality => {
                c.modality = row.coded(Field::Modality, "modality", Some(Modality::Other));
            }
            Field::StartDate => c.start_date = row.date(Field::StartDate, true).ok().flatten(),
            Field::EndDate => c.end_date = row.date(Field::EndDate, false).ok(),
            Field::Budget => c.budget_total_kyen = row.amount(Field::Budget).ok(),
            Field::DiseaseAreas => c.disease_areas = validate::areas(&mut row, labels),
            Field::Partner => {
                c.partner_company = row
                    .text(Field::Partner, 400, false)
                    .map(|p| Some(p.trim().to_string()).filter(|p| !p.is_empty()));
            }
            Field::Licensing => {
                c.licensing_status = row.coded(
                    Field::Licensing,
                    "licensing status",
                    Some(LicensingStatus::None),
                );
            }
            other => row.problem(other, crate::msg::csv::not_changed_here()),
        }
    }
    if row.problems.is_empty() {
        Ok(c)
    } else {
        Err(unplaced(row.problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Reference;

    fn labels() -> Labels {
        Labels::new(&Reference::builtin())
    }

    #[test]
    fn bad_values_are_named_as_given() {
        let cells = [
            Cell::new(Field::Program, "--program", "存在しない事業"),
            Cell::new(Field::EndDate, "--end", "2024-02-30"),
            Cell::new(Field::Budget, "--budget", "-5"),
        ];
        let problems = project_changes(&labels(), &cells).unwrap_err();
        let text = describe(&problems).to_string();
        assert!(text.contains("--program: unknown program"), "{text}");
        assert!(
            text.contains("--end: '2024-02-30' is not a valid date"),
            "{text}"
        );
        assert!(text.contains("--budget: -5 is negative"), "{text}");
    }

    #[test]
    fn values_arrive_exactly_as_given() {
        let cells = [
            Cell::new(Field::Title, "--title", "=1+2 は式ではない"),
            Cell::new(Field::Partner, "--partner", ""),
            Cell::new(Field::EndDate, "--end", ""),
        ];
        let c = project_changes(&labels(), &cells).unwrap();
        assert_eq!(c.title.as_deref(), Some("=1+2 は式ではない"));
        assert_eq!(c.partner_company, Some(None));
        assert_eq!(c.end_date, Some(None));
    }
}
