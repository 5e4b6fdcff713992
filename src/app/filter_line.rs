//! The `/` filter line of a list: every edit re-resolves the query and reloads the list. While the
//! term at the end cannot mean anything yet (`pha` on its way to `phase:`) or a term is wrong
//! (`phase:xyz`, `ip:`), the list keeps the last results that applied and the status line says
//! why; Enter applies what is typed (a field name alone is then searched as a word) or, on an
//! error, keeps the line open.

use super::{App, Effect, ListKind, Overlay, Screen};
use crate::query::{self, FIELDS};
use crate::tr;

/// The field names the last word being typed begins (`p` → phase, program, po), when it can be
/// nothing else yet: ASCII letters, no space after it, not a term of its own (`mine`).
fn pending_fields(text: &str) -> Vec<&'static str> {
    if text.is_empty() || text.ends_with(char::is_whitespace) {
        return Vec::new();
    }
    let last = text
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if last.is_empty() || !last.bytes().all(|b| b.is_ascii_alphabetic()) || last == "mine" {
        return Vec::new();
    }
    FIELDS
        .iter()
        .copied()
        .filter(|f| f.starts_with(&last))
        .collect()
}

impl App {
    /// A keystroke in the filter line: the list follows what is typed, except while the last word
    /// is the start of a field name (the previous results stay, with a hint).
    pub(crate) fn filter_typed(&mut self, text: &str) -> Vec<Effect> {
        let fields = pending_fields(text);
        if fields.is_empty() {
            return self.apply_filter(text);
        }
        let word = text.rsplit(char::is_whitespace).next().unwrap_or_default();
        let names = fields
            .iter()
            .map(|f| format!("{f}:"))
            .collect::<Vec<_>>()
            .join(" / ");
        self.status = Some(match self.lang {
            crate::Lang::Ja => format!(
                "'{}' を {names} の入力途中と見なし前の結果を表示（語で探すなら空白）",
                crate::text::sanitize_line(word)
            ),
            crate::Lang::En => format!(
                "'{}' taken as the start of {names}; previous results kept (a space searches the word)",
                crate::text::sanitize_line(word)
            ),
        });
        Vec::new()
    }

    /// Enter in the filter line: applies the text as typed and closes the line; a term with an
    /// error keeps the line open with its hint, the previous results still listed.
    pub(crate) fn finish_filter(&mut self, text: &str) -> Vec<Effect> {
        let effects = self.apply_filter(text);
        let applied = match self.screen() {
            Screen::List(list) => list.query == text,
            Screen::Dashboard => self.dashboard.scope == text,
            _ => false,
        };
        if applied {
            self.overlay = Overlay::None;
        }
        effects
    }

    /// Narrows the list to `text`; a text that does not resolve shows its hint and keeps the
    /// previous results.
    pub(crate) fn apply_filter(&mut self, text: &str) -> Vec<Effect> {
        if matches!(self.screen(), Screen::Dashboard) {
            return self.apply_dashboard_scope(text);
        }
        match query::resolve(text, &self.reference) {
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
                            ListKind::Radar(days) => {
                                super::screens::list::radar_label(lang, days, &filter)
                            }
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
                self.status = Some(e.text(self.lang));
                Vec::new()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::pending_fields;

    #[test]
    fn a_field_name_being_typed_is_pending_until_a_colon_or_a_space() {
        assert_eq!(pending_fields("がん pha"), ["phase"]);
        assert_eq!(pending_fields("phase"), ["phase"]);
        assert_eq!(pending_fields("p"), ["phase", "program", "po"]);
        assert_eq!(pending_fields("IP"), ["ip"]);
        assert!(pending_fields("phase ").is_empty(), "a space: a word");
        assert!(pending_fields("phase:").is_empty(), "the parser's turn");
        assert!(pending_fields("mine").is_empty(), "a term of its own");
        assert!(pending_fields("pmda").is_empty(), "no field begins so");
        assert!(pending_fields("がん").is_empty());
        assert!(pending_fields("").is_empty());
    }
}
