//! Names of reference values in CSV cells, both ways: the label export writes for a code, and the
//! code an imported name stands for (code, Japanese or English name), with the closest valid
//! value suggested when a name is unknown.
//!
//! Two integrated projects of different periods share a Japanese name (医薬品プロジェクト is both
//! `drug`, 3rd period, and `drug2`, 2nd period). The plain name means the current (3rd) period; the
//! other is written with its period, `医薬品プロジェクト（第2期）`, which import reads back.

use crate::model::Reference;
use crate::model::{Coded, fold_key};
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

    fn resolve(&self, text: &str, what: &str) -> Result<&str, String> {
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

/// "unknown phase '第3相'; did you mean '臨床'?"
pub fn unknown<'a>(what: &str, text: &str, names: impl Iterator<Item = &'a str>) -> String {
    let key = fold_key(text);
    let closest = names.min_by_key(|n| strsim::levenshtein(&fold_key(n), &key));
    let value = sanitize_line(text);
    match closest {
        Some(name) => format!("unknown {what} '{value}'; did you mean '{name}'?"),
        None => format!("unknown {what} '{value}'"),
    }
}

/// A coded value (phase, modality, licensing status, ...) by code, Japanese or English name.
pub fn coded<T: Coded>(text: &str, what: &str) -> Result<T, String> {
    T::parse(text).ok_or_else(|| unknown(what, text, T::ALL.iter().map(|v| v.name_ja())))
}

/// Program, integrated project and disease-area names of one database.
#[derive(Debug, Default)]
pub struct Labels {
    programs: Vocabulary,
    integrated_projects: Vocabulary,
    areas: Vocabulary,
    /// Program code → its integrated project's code.
    program_ip: HashMap<String, String>,
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
        }
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

    /// The program code a cell names.
    pub fn program(&self, text: &str) -> Result<String, String> {
        self.programs.resolve(text, "program").map(str::to_string)
    }

    /// The integrated-project code a cell names.
    pub fn integrated_project(&self, text: &str) -> Result<String, String> {
        self.integrated_projects
            .resolve(text, "integrated project")
            .map(str::to_string)
    }

    /// The disease-area code a name stands for.
    pub fn area(&self, text: &str) -> Result<String, String> {
        self.areas.resolve(text, "disease area").map(str::to_string)
    }

    /// The integrated project a program belongs to.
    pub fn program_ip(&self, program: &str) -> Option<&str> {
        self.program_ip.get(program).map(String::as_str)
    }
}
