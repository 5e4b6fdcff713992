//! Checking an imported file's header and turning each row of the `amed` format into a
//! [`NewProject`], every problem named by line and column. Nothing here writes.

use super::Problem;
use super::columns::{Column, Field, header_key};
use super::labels::{Labels, coded};
use super::{dates, neutralize};
use crate::model::{LicensingStatus, Modality, NewProject, Phase};
use crate::text::{Lines, refused_char, sanitize_line};
use unicode_normalization::UnicodeNormalization;

/// Longest title and summary (characters), as in schema.sql.
pub(super) const MAX_TITLE_CHARS: usize = 2000;
pub(super) const MAX_SUMMARY_CHARS: usize = 20_000;

/// The columns of a file, by position (`None`: ignored).
#[derive(Debug, Clone)]
pub struct Header {
    pub columns: Vec<Option<&'static Column>>,
    /// Headers as written in the file (sanitised), for messages.
    pub names: Vec<String>,
    /// Headers ignored (unknown, with `--allow-extra-columns`).
    pub ignored: Vec<String>,
}

/// Matches the header line against `table`: every unknown column (unless `allow_extra`), every
/// duplicate and every missing required column is a problem on line `line`.
pub fn header(
    fields: &[String],
    table: &'static [Column],
    allow_extra: bool,
    line: u64,
) -> (Header, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut columns = Vec::with_capacity(fields.len());
    let mut ignored = Vec::new();
    let names: Vec<String> = fields
        .iter()
        .map(|f| sanitize_line(f.trim()).into_owned())
        .collect();
    for (i, name) in fields.iter().enumerate() {
        match super::columns::find(table, name) {
            Ok(column) => {
                if let Some(first) = columns.iter().position(|c| *c == Some(column)) {
                    problems.push(Problem::at(
                        line,
                        &names[i],
                        crate::msg::csv::duplicate_column(first + 1, i + 1, column.ja),
                    ));
                }
                columns.push(Some(column));
            }
            Err(_) if allow_extra => {
                ignored.push(names[i].clone());
                columns.push(None);
            }
            Err(hint) => {
                let hint = (!header_key(name).is_empty()).then_some(hint);
                problems.push(Problem::at(
                    line,
                    &names[i],
                    crate::msg::csv::unknown_column(i + 1, hint.as_ref()),
                ));
                columns.push(None);
            }
        }
    }
    for column in table.iter().filter(|c| c.required) {
        if !columns.contains(&Some(column)) {
            problems.push(Problem {
                line: Some(line),
                column: None,
                message: crate::msg::csv::missing_column(column.ja, column.en),
            });
        }
    }
    (
        Header {
            columns,
            names,
            ignored,
        },
        problems,
    )
}

/// One data row being checked; problems are collected, not returned one at a time.
pub struct Row<'a> {
    pub line: u64,
    pub header: &'a Header,
    pub fields: &'a [String],
    pub problems: Vec<Problem>,
}

impl<'a> Row<'a> {
    pub fn new(line: u64, header: &'a Header, fields: &'a [String]) -> Row<'a> {
        Row {
            line,
            header,
            fields,
            problems: Vec::new(),
        }
    }

    fn index(&self, field: Field) -> Option<usize> {
        self.header
            .columns
            .iter()
            .position(|c| c.is_some_and(|c| c.field == field))
    }

    /// Whether the file has this column.
    pub fn has(&self, field: Field) -> bool {
        self.index(field).is_some()
    }

    pub fn problem(&mut self, field: Field, message: crate::msg::Msg) {
        let column = self.index(field).map(|i| self.header.names[i].clone());
        self.problems.push(Problem {
            line: Some(self.line),
            column,
            message,
        });
    }

    /// The cell as written (numeric cells) — `None` when the column is absent.
    pub fn raw(&self, field: Field) -> Option<&'a str> {
        self.index(field)
            .and_then(|i| self.fields.get(i))
            .map(String::as_str)
    }

    /// A text cell with export's `'` taken off, checked for control and bidi characters by the
    /// rule every input path shares ([`refused_char`]: tab and line breaks only where
    /// `multiline`) and length; `None` when absent or invalid.
    pub fn text(&mut self, field: Field, max_chars: usize, multiline: bool) -> Option<String> {
        let cell = neutralize::restore(self.raw(field)?);
        let lines = if multiline { Lines::Many } else { Lines::One };
        if let Some(r) = refused_char(cell, lines) {
            use crate::msg::csv::CellChar;
            let what = match r.ch {
                '\0' => CellChar::Nul,
                '\r' if multiline => CellChar::LoneCarriageReturn,
                '\n' | '\r' => CellChar::LineBreak,
                '\t' => CellChar::Tab,
                c => CellChar::Other(r.refused_kind(), c as u32),
            };
            self.problem(
                field,
                crate::msg::csv::cell_char(what, r.position, multiline),
            );
            return None;
        }
        let chars = cell.chars().count();
        if chars > max_chars {
            self.problem(field, crate::msg::csv::too_many_chars(chars, max_chars));
            return None;
        }
        Some(cell.to_string())
    }

    /// A text cell that must not be empty (the column being absent is a header problem).
    pub fn required(&mut self, field: Field, max_chars: usize) -> Option<String> {
        let value = self.text(field, max_chars, false)?;
        if value.trim().is_empty() {
            self.problem(field, crate::msg::csv::empty_required());
            return None;
        }
        Some(value)
    }

    /// A trimmed cell for a name or code; `Some("")` when empty, `None` when absent or invalid.
    pub fn token(&mut self, field: Field) -> Option<String> {
        self.text(field, 400, false).map(|t| t.trim().to_string())
    }

    /// A date cell; `Ok(None)` when absent or empty.
    pub fn date(&mut self, field: Field, required: bool) -> Result<Option<crate::model::Date>, ()> {
        let Some(text) = self.token(field) else {
            return if self.has(field) { Err(()) } else { Ok(None) };
        };
        if text.is_empty() {
            if required {
                self.problem(field, crate::msg::csv::empty_date());
                return Err(());
            }
            return Ok(None);
        }
        match dates::parse(&text) {
            Some(d) => Ok(Some(d)),
            None => {
                let value = sanitize_line(&text);
                self.problem(field, crate::msg::csv::not_a_date(&value));
                Err(())
            }
        }
    }

    /// A coded cell (phase, modality, ...): `default` when absent or empty.
    pub fn coded<T: crate::model::Coded>(
        &mut self,
        field: Field,
        what: &str,
        default: Option<T>,
    ) -> Option<T> {
        let text = self.token(field);
        match text.as_deref() {
            None if self.has(field) => None,
            None | Some("") => {
                if default.is_none() {
                    let names: Vec<&str> = T::ALL.iter().map(|v| v.name_ja()).collect();
                    self.problem(field, crate::msg::csv::empty_coded(what, &names.join(", ")));
                }
                default
            }
            Some(t) => match coded::<T>(t, what) {
                Ok(v) => Some(v),
                Err(m) => {
                    self.problem(field, m);
                    None
                }
            },
        }
    }

    /// An amount: digits (thousands separators allowed), not negative; `Ok(None)` when empty.
    pub fn amount(&mut self, field: Field) -> Result<Option<i64>, ()> {
        self.amount_in(field, None)
    }

    /// [`Row::amount`], also accepting the amount followed by `unit` (`12,345千円`).
    pub fn amount_in(&mut self, field: Field, unit: Option<&str>) -> Result<Option<i64>, ()> {
        let Some(raw) = self.raw(field) else {
            return Ok(None);
        };
        let folded: String = raw.nfkc().collect();
        let t = folded.trim();
        let t = unit.and_then(|u| t.strip_suffix(u)).unwrap_or(t).trim_end();
        if t.is_empty() {
            return Ok(None);
        }
        let grouped = t.contains(',');
        let digits = t.replace(',', "");
        let well_grouped = !grouped
            || t.split(',').enumerate().all(|(i, g)| {
                if i == 0 {
                    (1..=3).contains(&g.len())
                } else {
                    g.len() == 3
                }
            });
        match digits.parse::<i64>() {
            Ok(n) if n >= 0 && well_grouped && digits.bytes().all(|b| b.is_ascii_digit()) => {
                Ok(Some(n))
            }
            Ok(n) if n < 0 => {
                self.problem(field, crate::msg::csv::negative_amount(n));
                Err(())
            }
            _ => {
                let value = sanitize_line(t);
                self.problem(field, crate::msg::csv::not_a_whole_number(&value));
                Err(())
            }
        }
    }
}

/// A row of the `amed` format as a project; problems are left in `row.problems`.
pub fn amed_project(row: &mut Row<'_>, labels: &Labels) -> Option<NewProject> {
    let amed_id = row
        .required(Field::AmedId, 64)
        .map(|s| s.trim().to_string());
    let title = row.required(Field::Title, MAX_TITLE_CHARS);
    let program = program(row, labels);
    let ip = match row.token(Field::IntegratedProject) {
        Some(t) if !t.is_empty() => labels
            .integrated_project(&t)
            .map_err(|m| row.problem(Field::IntegratedProject, m))
            .ok(),
        None if row.has(Field::IntegratedProject) => None,
        _ => program
            .as_deref()
            .and_then(|p| labels.program_ip(p))
            .map(str::to_string),
    };
    let institution = row.required(Field::Institution, 400);
    let pi_name = row.required(Field::PiName, 200);
    let pi_title = if row.has(Field::PiTitle) {
        row.text(Field::PiTitle, 200, false)
    } else {
        Some(String::new())
    };
    let start = row.date(Field::StartDate, true);
    let end = row.date(Field::EndDate, false);
    if let (Ok(Some(s)), Ok(Some(e))) = (start, end)
        && e < s
    {
        row.problem(Field::EndDate, crate::msg::csv::end_before_start(e, s));
    }
    let budget = row.amount(Field::Budget);
    let phase = row.coded::<Phase>(Field::Phase, "phase", None);
    let modality = row.coded(Field::Modality, "modality", Some(Modality::Other));
    let licensing = row.coded(
        Field::Licensing,
        "licensing status",
        Some(LicensingStatus::None),
    );
    let areas = areas(row, labels);
    let summary = if row.has(Field::Summary) {
        row.text(Field::Summary, MAX_SUMMARY_CHARS, true)
    } else {
        Some(String::new())
    };
    let partner = if row.has(Field::Partner) {
        row.text(Field::Partner, 400, false).map(Some)
    } else {
        Some(None)
    };
    if !row.problems.is_empty() {
        return None;
    }
    Some(NewProject {
        amed_id: amed_id?,
        title: title?,
        summary: summary?,
        pi_name: pi_name?,
        pi_title: pi_title?,
        institution: institution?,
        program: program?,
        integrated_project: ip?,
        modality: modality?,
        phase: phase?,
        start_date: start.ok()??,
        end_date: end.ok()?,
        budget_total_kyen: budget.ok()?,
        partner_company: partner?.filter(|p| !p.is_empty()),
        licensing_status: licensing?,
        disease_areas: areas?,
    })
}

/// 事業名: a program's code, Japanese or English name (required).
pub fn program(row: &mut Row<'_>, labels: &Labels) -> Option<String> {
    row.token(Field::Program).and_then(|t| {
        if t.is_empty() {
            row.problem(Field::Program, crate::msg::csv::program_required());
            return None;
        }
        labels
            .program(&t)
            .map_err(|m| row.problem(Field::Program, m))
            .ok()
    })
}

/// 対象疾患: names separated by `;` (also `；`, `、`, `,`).
pub fn areas(row: &mut Row<'_>, labels: &Labels) -> Option<Vec<String>> {
    if !row.has(Field::DiseaseAreas) {
        return Some(Vec::new());
    }
    let text = row.token(Field::DiseaseAreas)?;
    let mut codes = Vec::new();
    let mut ok = true;
    for name in text
        .split([';', '；', '、', ','])
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        match labels.area(name) {
            Ok(code) if !codes.contains(&code) => codes.push(code),
            Ok(_) => {}
            Err(m) => {
                row.problem(Field::DiseaseAreas, m);
                ok = false;
            }
        }
    }
    ok.then_some(codes)
}
