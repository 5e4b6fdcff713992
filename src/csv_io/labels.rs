//! Names of reference values in CSV cells, both ways: the label export writes for a code, and the
//! code an imported name stands for (code, Japanese or English name), with the closest valid
//! value suggested when a name is unknown.
//!
//! Two integrated projects of different periods share a Japanese name (医薬品プロジェクト is both
//! `drug`, 3rd period, and `drug2`, 2nd period). The plain name means the current (3rd) period; the
//! other is written with its period, `医薬品プロジェクト（第2期）`, which import reads back.

use crate::model::{Coded, fold_key};
use crate::model::{NameIndex, NameMatch, RefKind, Reference, suggest};
use crate::msg::Msg;
use crate::text::sanitize_line;
use std::collections::HashMap;

/// One vocabulary: folded name → code, and code → export label.
#[derive(Debug, Default)]
struct Vocabulary {
    codes: HashMap<String, String>,
    /// Each name as given → the code its folded form resolves to (names as exported, and most
    /// imported cells, are found without folding).
    exact: HashMap<String, String>,
    labels: HashMap<String, String>,
    /// Names offered in "did you mean" hints.
    names: Vec<String>,
}

impl Vocabulary {
    /// Adds `names` for `code` (a name already taken by an earlier code keeps that code).
    fn add(&mut self, code: &str, names: &[&str]) {
        for name in names {
            let resolved = self
                .codes
                .entry(fold_key(name))
                .or_insert_with(|| code.to_string());
            self.exact
                .entry(name.to_string())
                .or_insert_with(|| resolved.clone());
        }
        self.names.extend(names.iter().map(|n| n.to_string()));
    }

    fn resolve(&self, text: &str, what: &str) -> Result<&str, Msg> {
        if let Some(code) = self.exact.get(text) {
            return Ok(code);
        }
        if let Some(code) = self.codes.get(&fold_key(text)) {
            return Ok(code);
        }
        Err(unknown(what, text, self.names.iter().map(String::as_str)))
    }

    fn label<'a>(&'a self, code: &'a str) -> &'a str {
        self.labels.get(code).map_or(code, String::as_str)
    }
}

/// "unknown phase '臨床試験'; did you mean '臨床'?" (the suggestion as the filter line makes
/// it: [`suggest`], names containing the text first).
pub fn unknown<'a>(what: &str, text: &str, names: impl Iterator<Item = &'a str>) -> Msg {
    let closest = suggest(text, names);
    let value = sanitize_line(text);
    crate::msg::csv::unknown_value(what, &value, closest)
}

/// A coded value (phase, modality, licensing status, ...) by code, Japanese or English name.
pub fn coded<T: Coded>(text: &str, what: &str) -> Result<T, Msg> {
    T::parse(text).ok_or_else(|| unknown(what, text, T::ALL.iter().map(|v| v.name_ja())))
}

/// Program, integrated project and disease-area names of one database.
#[derive(Debug, Default)]
pub struct Labels {
    programs: Vocabulary,
    integrated_projects: Vocabulary,
    areas: Vocabulary,
    /// Disease areas by the filter line's rule (code or name, else a part of a name).
    area_index: NameIndex,
    /// Program code → its integrated project's code.
    program_ip: HashMap<String, String>,
    /// Programs by the filter line's rule (see [`crate::model::reference::program::find_program`]).
    program_index: NameIndex,
    /// Program code → 廃止日, for the retired ones.
    retired: HashMap<String, crate::model::Date>,
}

impl Labels {
    pub fn new(r: &Reference) -> Labels {
        let mut labels = Labels::default();
        // Reference order puts the 3rd period first: its projects own the plain names.
        for ip in &r.integrated_projects {
            let with_period = format!("{}（第{}期）", ip.name_ja, ip.period);
            labels.integrated_projects.add(
                &ip.code,
                &[&ip.code, &ip.name_ja, &ip.name_en, &with_period],
            );
            let plain_is_ours =
                labels.integrated_projects.codes.get(&fold_key(&ip.name_ja)) == Some(&ip.code);
            let label = if plain_is_ours {
                ip.name_ja.clone()
            } else {
                with_period
            };
            labels
                .integrated_projects
                .labels
                .insert(ip.code.clone(), label);
        }
        for p in &r.programs {
            labels
                .programs
                .add(&p.code, &[&p.code, &p.name_ja, &p.name_en]);
            labels
                .programs
                .labels
                .insert(p.code.clone(), p.name_ja.clone());
            if let Some(ip) = r.integrated_project(p.integrated_project_id) {
                labels.program_ip.insert(p.code.clone(), ip.code.clone());
            }
            if let Some(day) = p.retired_on {
                labels.retired.insert(p.code.clone(), day);
            }
        }
        labels.program_index = NameIndex::new(r, RefKind::Program);
        labels.area_index = NameIndex::new(r, RefKind::DiseaseArea);
        for a in &r.disease_areas {
            labels
                .areas
                .add(&a.code, &[&a.code, &a.name_ja, &a.name_en]);
            labels
                .areas
                .labels
                .insert(a.code.clone(), a.name_ja.clone());
        }
        labels
    }

    /// 事業名 as exported.
    pub fn program_label<'a>(&'a self, code: &'a str) -> &'a str {
        self.programs.label(code)
    }

    /// 統合プロジェクト as exported (with its period when the plain name belongs to another).
    pub fn ip_label<'a>(&'a self, code: &'a str) -> &'a str {
        self.integrated_projects.label(code)
    }

    /// 対象疾患 name as exported.
    pub fn area_label<'a>(&'a self, code: &'a str) -> &'a str {
        self.areas.label(code)
    }

    /// The program code a cell names: a code or whole name (as the filter line reads it); a part
    /// of one program's name is suggested, an unknown name answered with how to add it.
    pub fn program(&self, text: &str) -> Result<String, Msg> {
        if let Some(code) = self.programs.exact.get(text) {
            return Ok(code.clone());
        }
        let id = crate::model::reference::program::find_program(&self.program_index, text)?;
        self.program_index
            .code(id)
            .map(str::to_string)
            .ok_or_else(|| crate::msg::csv::unknown_program(&sanitize_line(text)))
    }

    /// When the program was retired (a retired program takes no new projects).
    pub fn program_retired(&self, code: &str) -> Option<crate::model::Date> {
        self.retired.get(code).copied()
    }

    /// The integrated-project code a cell names.
    pub fn integrated_project(&self, text: &str) -> Result<String, Msg> {
        self.integrated_projects
            .resolve(text, "integrated project")
            .map(str::to_string)
    }

    /// The disease-area code a name stands for, by the rule the filter line uses (`area:難病`):
    /// a code or name, else the one area a part of whose name it is (`難病` → 難病・希少疾患,
    /// `認知症` → 老年医学・認知症). A part of several names is refused, naming them.
    pub fn area(&self, text: &str) -> Result<String, Msg> {
        let value = sanitize_line(text);
        let ids = match self.area_index.find(text) {
            NameMatch::Exact(ids) => ids.into_iter().take(1).collect(),
            NameMatch::Partial(ids) => ids,
            NameMatch::Unknown(closest) => {
                return Err(crate::msg::csv::unknown_value(
                    "disease area",
                    &value,
                    closest.as_deref(),
                ));
            }
        };
        match ids.as_slice() {
            [id] => self
                .area_index
                .code(*id)
                .map(str::to_string)
                .ok_or_else(|| crate::msg::csv::unknown_value("disease area", &value, None)),
            many => {
                let names: Vec<&str> = many
                    .iter()
                    .filter_map(|id| self.area_index.name(*id))
                    .collect();
                Err(crate::msg::csv::area_ambiguous(&value, &names))
            }
        }
    }

    /// The integrated project a program belongs to.
    pub fn program_ip(&self, program: &str) -> Option<&str> {
        self.program_ip.get(program).map(String::as_str)
    }
}
