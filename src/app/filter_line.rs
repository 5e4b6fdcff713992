//! The `/` filter line of a list: every edit re-resolves the query and reloads the list; a term
//! that does not parse yet shows its hint and keeps the previous results.

use super::{App, Effect, ListKind, Screen};
use crate::query;
use crate::tr;

impl App {
    /// Narrows the list as the officer types; a term that does not parse shows its hint and keeps
    /// the previous results.
    pub(crate) fn apply_filter(&mut self, text: &str) -> Vec<Effect> {
        if matches!(self.screen(), Screen::Dashboard) {
            return self.apply_dashboard_scope(text);
        }
        match query::resolve(query::settled(text), &self.reference) {
            Ok(filter) => {
                self.status = None;
                let lang = self.lang;
                if let Some(Screen::List(list)) = self.stack.last_mut() {
                    list.query = text.to_string();
                    // A dashboard cell's name stops being true once its filter is edited.
                    list.label = if list.query.trim() == list.opened.0.trim() {
                        list.opened.1.clone()
                    } else {
                        match list.kind {
                            ListKind::Projects | ListKind::Portfolio => {
                                tr(lang, "課題一覧（絞り込み）", "Projects (filtered)").into()
                            }
                            ListKind::Highway => tr(
                                lang,
                                "ハイウェイ支援キュー（絞り込み）",
                                "Highway queue (filtered)",
                            )
                            .into(),
                        }
                    };
                    if list.filter == filter {
                        return Vec::new();
                    }
                    list.filter = filter;
                }
                self.reload_list()
            }
            Err(e) => {
                self.status = Some(e.to_string());
                Vec::new()
            }
        }
    }
}
