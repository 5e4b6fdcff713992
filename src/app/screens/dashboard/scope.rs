//! The dashboard's scope: `/` edits it (the list's filter language), Enter on a row label narrows
//! it to that row and shows it by the other axis, Esc goes back. A cell's list is the scope
//! narrowed by the cell, written so that it matches exactly the projects the cell counts.

use super::{DashboardState, Place};
use crate::app::{App, Effect, InputLine, Overlay, Screen};
use crate::model::{Coded, Phase, Pivot, Reference};
use crate::query::{self, Filter, MineFilter, Term};
use crate::tr;

/// One more condition on a scope: a matrix row (by id) or a phase column, or `mine` (`o`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Narrowing {
    IntegratedProject(i64),
    /// A disease area; a top-level area stands for itself and its sub-areas (as `area:` does).
    DiseaseArea(i64),
    Phase(Phase),
    Mine,
}

/// `query` (resolved: `filter`) narrowed by `by`, as a filter line that matches exactly the
/// projects matching both. The filter language ORs repeated fields (`ip:a ip:b` is either), so a
/// narrower term replaces the scope's terms of its field instead of being appended to them.
/// `None` when no project can match both (a row or phase outside the scope).
pub fn narrow_query(
    query: &str,
    filter: &Filter,
    by: Narrowing,
    reference: &Reference,
) -> Option<String> {
    let (field, term) = match by {
        Narrowing::IntegratedProject(id) => {
            let code = &reference.integrated_project(id)?.code;
            if filter
                .integrated_projects
                .as_ref()
                .is_some_and(|ids| !ids.contains(&id))
            {
                return None;
            }
            ("ip", Some(format!("ip:{code}")))
        }
        Narrowing::DiseaseArea(id) => ("area", area_term(id, filter, reference)?),
        Narrowing::Phase(phase) => {
            if filter
                .phases
                .is_some_and(|(from, to)| phase < from || phase > to)
            {
                return None;
            }
            ("phase", Some(format!("phase:{}", phase.code())))
        }
        Narrowing::Mine => {
            // Assigned to me is within every `mine` but `mine:none`.
            if filter.mine == Some(MineFilter::NotMine) {
                return None;
            }
            ("mine", Some("mine".to_string()))
        }
    };
    let Some(term) = term else {
        return Some(query.trim().to_string()); // the scope is already inside the row
    };
    let kept = query::parse(query::settled(query)).ok()?;
    let mut words: Vec<String> = kept
        .iter()
        .filter(|t| !of_field(t, field))
        .map(term_text)
        .collect();
    words.push(term);
    Some(words.join(" "))
}

/// The `area:` term for a row of disease area `id` within the scope's areas: the row itself when
/// the scope says nothing of areas or holds all of the row's; no term when the row holds all of
/// the scope's; otherwise the areas both hold. `None`: they hold none in common.
fn area_term(id: i64, filter: &Filter, reference: &Reference) -> Option<Option<String>> {
    let code_of = |id: i64| reference.disease_area(id).map(|a| a.code.clone());
    let row: Vec<i64> = std::iter::once(id)
        .chain(
            reference
                .disease_areas
                .iter()
                .filter(|a| a.parent_id == Some(id))
                .map(|a| a.id),
        )
        .collect();
    let Some(scope) = &filter.disease_areas else {
        return Some(Some(format!("area:{}", code_of(id)?)));
    };
    if row.iter().all(|a| scope.contains(a)) {
        return Some(Some(format!("area:{}", code_of(id)?)));
    }
    if scope.iter().all(|a| row.contains(a)) {
        return Some(None);
    }
    // Both hold a parent only with all its sub-areas, so the codes in common name exactly them.
    let both: Vec<String> = reference
        .disease_areas
        .iter()
        .filter(|a| row.contains(&a.id) && scope.contains(&a.id))
        .map(|a| a.code.clone())
        .collect();
    if both.is_empty() {
        return None;
    }
    Some(Some(format!("area:{}", both.join(","))))
}

/// Whether `term` constrains `field` (`mine` both as a word and as `mine:…`).
fn of_field(term: &Term, field: &str) -> bool {
    match term {
        Term::Field(f, _) => f == field,
        Term::Word(w) => field == "mine" && w.eq_ignore_ascii_case("mine"),
        Term::Quoted(_) => false,
    }
}

/// A term written back as the filter line would take it.
fn term_text(term: &Term) -> String {
    match term {
        Term::Word(w) => w.clone(),
        Term::Quoted(q) => format!("\"{q}\""),
        Term::Field(f, v) => format!("{f}:{v}"),
    }
}

impl DashboardState {
    /// Enter on a row label: the matrix narrowed to that row, shown by the other axis (医薬品 by
    /// disease area); on the totals row's label, the same scope by the other axis. The place left
    /// goes on the trail (Esc returns to it). `false`: the row lies outside the scope.
    pub fn pivot_row(&mut self, lang: crate::Lang, reference: &Reference) -> bool {
        let Some(data) = &self.data else {
            return true;
        };
        let mut scope = self.scope.trim().to_string();
        let mut filter = self.filter.clone();
        let mut label = self.scope_label.clone();
        if let Some(row) = data.matrix.rows.get(self.row) {
            let by = match data.matrix.pivot {
                Pivot::IntegratedProject => Narrowing::IntegratedProject(row.id),
                Pivot::DiseaseArea => Narrowing::DiseaseArea(row.id),
            };
            let Some(narrower) = narrow_query(&scope, &filter, by, reference) else {
                return false;
            };
            let Ok(narrower_filter) = query::resolve(&narrower, reference) else {
                return false;
            };
            (scope, filter) = (narrower, narrower_filter);
            let name = self.row_name(self.row, lang).unwrap_or_default();
            let named = match self.scope_name() {
                Some(outer) => format!("{outer} × {name}"),
                None => name,
            };
            label = Some((scope.clone(), named));
        }
        self.trail.push(Place {
            pivot: self.pivot,
            scope: std::mem::replace(&mut self.scope, scope),
            filter: std::mem::replace(&mut self.filter, filter),
            scope_label: std::mem::replace(&mut self.scope_label, label),
            row: self.row,
            col: self.col,
            on_label: self.on_label,
        });
        self.toggle_pivot();
        self.on_label = true;
        true
    }
}

impl App {
    /// Enter on the dashboard: a cell opens exactly its projects (in the scope); a row label
    /// shows that row by the other axis.
    pub(crate) fn open_dashboard(&mut self) -> Vec<Effect> {
        let lang = self.lang;
        if self.dashboard.on_label {
            if !self.dashboard.pivot_row(lang, &self.reference) {
                self.status = Some(outside(lang));
                return Vec::new();
            }
            let ctx = self.ctx();
            return self.dashboard.load(&ctx);
        }
        match self.dashboard.cell_query(lang, &self.reference) {
            Some(Some((query, label))) => {
                self.push_list(crate::app::ListKind::Projects, query, label)
            }
            Some(None) => {
                self.status = Some(outside(lang));
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    /// `/` on the dashboard: edit its scope in the filter line.
    pub(crate) fn edit_dashboard_scope(&mut self) -> Vec<Effect> {
        let scope = self.dashboard.scope.clone();
        self.overlay = Overlay::Filter {
            line: InputLine::new(&scope),
            original: scope,
        };
        Vec::new()
    }

    /// The scope being typed: every figure follows it; a term that does not parse yet shows its
    /// hint and keeps the previous figures.
    pub(crate) fn apply_dashboard_scope(&mut self, text: &str) -> Vec<Effect> {
        match query::resolve(query::settled(text), &self.reference) {
            Ok(filter) => {
                self.status = None;
                let same = filter == self.dashboard.filter;
                self.dashboard.set_scope(text.to_string(), filter);
                if same {
                    return Vec::new();
                }
                let ctx = self.ctx();
                self.dashboard.load(&ctx)
            }
            Err(e) => {
                self.status = Some(e.text(self.lang));
                Vec::new()
            }
        }
    }

    /// The dashboard by `pivot`, narrowed to `scope` (resolved: `filter`), from the top
    /// (`seedline show dashboard --query`).
    pub fn show_dashboard(&mut self, pivot: Pivot, scope: String, filter: Filter) -> Vec<Effect> {
        self.stack.truncate(1);
        self.dashboard.pivot = pivot;
        self.dashboard.data = None;
        self.dashboard.set_scope(scope, filter);
        if !matches!(self.screen(), Screen::Dashboard) {
            return Vec::new();
        }
        let ctx = self.ctx();
        self.dashboard.load(&ctx)
    }
}

/// The status line when Enter meets a row or cell the scope leaves empty.
fn outside(lang: crate::Lang) -> String {
    tr(
        lang,
        "この範囲には該当する課題がありません（Esc で範囲を解除）",
        "no project in this scope (Esc clears the scope)",
    )
    .into()
}
