//! Programs (事業) and program links as officers add and change them: the checked input of
//! `program add|edit` and `import programs`, the phase range a program funds, the link kinds, and
//! the rows the program list (CLI and TUI) shows.

use super::{NameIndex, NameMatch, ProgramRef, Reference};
use crate::model::{Coded, Date, Ministry, Phase};
use crate::text::check_field;
use crate::{Error, Result};
use std::collections::HashMap;

/// The longest program code the schema accepts.
pub const MAX_CODE_CHARS: usize = 32;

/// The longest 事業名 / English name accepted.
pub const MAX_NAME_CHARS: usize = 200;

/// ペアリング or マッチング: how a preceding program hands seeds to a successor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LinkKind {
    /// ペアリング: agreed in advance; a project selected in the preceding program may move on.
    Pairing,
    /// マッチング: a promising project is judged ready and moved to a fitting successor.
    Matching,
}

impl Coded for LinkKind {
    const ALL: &'static [LinkKind] = &[LinkKind::Pairing, LinkKind::Matching];
    fn code(self) -> &'static str {
        match self {
            LinkKind::Pairing => "pairing",
            LinkKind::Matching => "matching",
        }
    }
    fn name_ja(self) -> &'static str {
        match self {
            LinkKind::Pairing => "ペアリング",
            LinkKind::Matching => "マッチング",
        }
    }
    fn name_en(self) -> &'static str {
        match self {
            LinkKind::Pairing => "Pairing",
            LinkKind::Matching => "Matching",
        }
    }
}

/// One program link as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgramLink {
    pub preceding: i64,
    pub successor: i64,
    pub kind: LinkKind,
    /// 開始日: since when the link holds, when known.
    pub since: Option<Date>,
}

/// A program as `program add` and `import programs` give it; the integrated project by code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewProgram {
    pub code: String,
    pub name_ja: String,
    /// May be empty: the Japanese name is shown instead.
    pub name_en: String,
    pub ministry: Ministry,
    /// The integrated project's code.
    pub integrated_project: String,
    pub first_phase: Phase,
    pub last_phase: Phase,
    /// 廃止日 (import only; `program add` makes a current program).
    pub retired_on: Option<Date>,
}

impl NewProgram {
    /// Checks the code (letters, digits, `-`, `_`, `.`; 1–32), the names (one line, no control
    /// characters, the Japanese one required) and the phase order.
    pub fn validate(&self) -> Result<()> {
        check_code(&self.code)?;
        check_field("name", &self.name_ja, MAX_NAME_CHARS, true)?;
        check_field("name-en", &self.name_en, MAX_NAME_CHARS, false)?;
        if self.first_phase > self.last_phase {
            return Err(Error::invalid(
                "phases",
                crate::msg::invalid::phases_reversed(),
            ));
        }
        Ok(())
    }
}

/// The fields `program edit` changes; `None` keeps the stored value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProgramChange {
    pub name_ja: Option<String>,
    pub name_en: Option<String>,
    pub ministry: Option<Ministry>,
    /// The integrated project's code.
    pub integrated_project: Option<String>,
    pub phases: Option<(Phase, Phase)>,
}

impl ProgramChange {
    /// Whether nothing would change.
    pub fn is_empty(&self) -> bool {
        *self == ProgramChange::default()
    }
}

/// A program code: ASCII letters, digits, `-`, `_` and `.`, 1 to 32 characters.
pub fn check_code(code: &str) -> Result<()> {
    if code.is_empty() || code.chars().count() > MAX_CODE_CHARS {
        return Err(Error::invalid(
            "code",
            crate::msg::invalid::code_length(code, MAX_CODE_CHARS),
        ));
    }
    if let Some(c) = code
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        let c = crate::text::sanitize_line(&c.to_string()).into_owned();
        return Err(Error::invalid(
            "code",
            crate::msg::invalid::code_char_text(&c),
        ));
    }
    Ok(())
}

/// A phase range as the filter line writes it: `基礎..臨床`, `応用〜臨床`, `basic~clinical`, or one
/// phase (`臨床`); the two ends in either order.
pub fn parse_phase_range(text: &str) -> Option<(Phase, Phase)> {
    let (a, b) = text
        .split_once("..")
        .or_else(|| text.split_once('〜'))
        .or_else(|| text.split_once('~'))
        .unwrap_or((text, text));
    let (a, b) = (Phase::parse(a.trim())?, Phase::parse(b.trim())?);
    Some((a.min(b), a.max(b)))
}

/// `基礎..臨床` (one phase alone when both ends are the same), in the language's names.
pub fn phase_range_label(first: Phase, last: Phase, lang: crate::Lang) -> String {
    if first == last {
        first.label(lang).to_string()
    } else {
        format!("{}..{}", first.label(lang), last.label(lang))
    }
}

/// How to add a program an import or command named but the database lacks.
pub fn add_program_hint(name: &str) -> String {
    let name = crate::text::sanitize_line(name).replace('\'', "");
    format!(
        "add it with `seedline program add --code CODE --name '{name}' --ministry MEXT|MHLW|METI|other --ip CODE --phases 基礎..臨床`"
    )
}

/// The program `text` names, as import and the command line take it: its code or a whole name
/// ([`NameIndex::find`], the filter line's rule). A part of a name is never taken silently: when
/// it is part of exactly one program's name that program is suggested (`難治性` → 難治性疾患実用化研究事業);
/// otherwise the message says how to add the program.
pub fn find_program(index: &NameIndex, text: &str) -> Result<i64, crate::msg::Msg> {
    use crate::msg::csv;
    let value = crate::text::sanitize_line(text);
    let add_name = value.replace('\'', "");
    match index.find(text) {
        NameMatch::Exact(ids) => ids
            .first()
            .copied()
            .ok_or_else(|| csv::unknown_program(&value)),
        NameMatch::Partial(ids) if ids.len() == 1 => {
            let name = index.name(ids[0]).unwrap_or_default();
            let code = index.code(ids[0]).unwrap_or_default();
            Err(csv::program_part_of_one(&value, name, code))
        }
        NameMatch::Partial(ids) => {
            let names: Vec<&str> = ids
                .iter()
                .take(4)
                .filter_map(|id| index.name(*id))
                .collect();
            let more = if ids.len() > 4 { ", ..." } else { "" };
            let names = format!("{}{more}", names.join(", "));
            Err(csv::program_part_of_many(
                &value,
                ids.len(),
                &names,
                &add_name,
            ))
        }
        NameMatch::Unknown(closest) => Err(csv::program_unknown_add(
            &value,
            closest.as_deref(),
            &add_name,
        )),
    }
}

/// One row of the program list: the program, its integrated project, how many projects it
/// carries and the programs it hands seeds to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgramRow {
    pub program: ProgramRef,
    pub ip_code: String,
    pub ip_name_ja: String,
    pub ip_name_en: String,
    /// Projects of this program (retired projects not counted).
    pub projects: i64,
    /// Successor programs: (code, 事業名, English name, kind).
    pub successors: Vec<(String, String, String, LinkKind)>,
}

impl ProgramRow {
    /// The program's name in `lang` (the Japanese one when no English name was given).
    pub fn name(&self, lang: crate::Lang) -> &str {
        display_name(&self.program, lang)
    }

    /// The integrated project's name in `lang`.
    pub fn ip_name(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::En if !self.ip_name_en.is_empty() => &self.ip_name_en,
            _ => &self.ip_name_ja,
        }
    }
}

/// A program's name in `lang` (the Japanese one when no English name was given).
pub fn display_name(p: &ProgramRef, lang: crate::Lang) -> &str {
    match lang {
        crate::Lang::En if !p.name_en.trim().is_empty() => &p.name_en,
        _ => &p.name_ja,
    }
}

impl Reference {
    /// The program with this code.
    pub fn program_by_code(&self, code: &str) -> Option<&ProgramRef> {
        self.programs.iter().find(|p| p.code == code)
    }

    /// The rows of the program list, grouped by integrated project (in reference order), then in
    /// program order; retired programs only with `include_retired`. `counts`: projects per
    /// program id (missing: 0).
    pub fn program_rows(
        &self,
        counts: &HashMap<i64, i64>,
        include_retired: bool,
    ) -> Vec<ProgramRow> {
        let ip_order = |id: i64| {
            self.integrated_projects
                .iter()
                .position(|p| p.id == id)
                .unwrap_or(usize::MAX)
        };
        let mut programs: Vec<&ProgramRef> = self
            .programs
            .iter()
            .filter(|p| include_retired || p.retired_on.is_none())
            .collect();
        programs.sort_by_key(|p| (ip_order(p.integrated_project_id), p.id));
        programs
            .into_iter()
            .map(|p| {
                let ip = self.integrated_project(p.integrated_project_id);
                let successors = self
                    .program_links
                    .iter()
                    .filter(|l| l.preceding == p.id)
                    .filter_map(|l| {
                        let s = self.program(l.successor)?;
                        Some((s.code.clone(), s.name_ja.clone(), s.name_en.clone(), l.kind))
                    })
                    .collect();
                ProgramRow {
                    program: p.clone(),
                    ip_code: ip.map(|i| i.code.clone()).unwrap_or_default(),
                    ip_name_ja: ip.map(|i| i.name_ja.clone()).unwrap_or_default(),
                    ip_name_en: ip.map(|i| i.name_en.clone()).unwrap_or_default(),
                    projects: counts.get(&p.id).copied().unwrap_or(0),
                    successors,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phase_ranges_read_like_the_filter() {
        use Phase::*;
        assert_eq!(parse_phase_range("基礎..臨床"), Some((Basic, Clinical)));
        assert_eq!(parse_phase_range("臨床〜応用"), Some((Applied, Clinical)));
        assert_eq!(parse_phase_range("basic~basic"), Some((Basic, Basic)));
        assert_eq!(
            parse_phase_range("非臨床"),
            Some((NonClinical, NonClinical))
        );
        assert_eq!(parse_phase_range("基礎..治験"), None);
        assert_eq!(phase_range_label(Basic, Basic, crate::Lang::Ja), "基礎");
    }

    #[test]
    fn a_part_of_one_name_is_suggested_and_an_unknown_one_says_how_to_add_it() {
        let r = Reference::builtin();
        let index = NameIndex::new(&r, crate::model::RefKind::Program);
        let e = find_program(&index, "難治性").unwrap_err();
        assert!(
            e.to_string()
                .contains("did you mean '難治性疾患実用化研究事業'"),
            "{e}"
        );
        let e = find_program(&index, "まだない研究事業X").unwrap_err();
        assert!(
            e.get(crate::Lang::Ja)
                .contains("seedline program add --code CODE --name 'まだない研究事業X'"),
            "{e}"
        );
        let id = find_program(&index, "難治性疾患実用化研究事業").unwrap();
        assert_eq!(index.code(id), Some("rare-practical"));
        assert_eq!(find_program(&index, "RARE_practical"), Ok(id));
    }

    #[test]
    fn codes_are_short_plain_words() {
        assert!(check_code("dementia-rd").is_ok());
        assert!(check_code("").is_err());
        assert!(check_code("認知症").is_err());
        assert!(check_code("a b").is_err());
        assert!(check_code(&"x".repeat(33)).is_err());
    }

    #[test]
    fn rows_group_by_integrated_project_and_hide_retired() {
        let mut r = Reference::builtin();
        let first = r.programs[0].id;
        r.programs[0].retired_on = crate::model::parse_date("2025-04-01");
        let rows = r.program_rows(&HashMap::from([(2, 5)]), false);
        assert!(rows.iter().all(|row| row.program.id != first));
        let all = r.program_rows(&HashMap::new(), true);
        assert_eq!(all.len(), r.programs.len());
        let order: Vec<usize> = all
            .iter()
            .map(|row| {
                r.integrated_projects
                    .iter()
                    .position(|i| i.code == row.ip_code)
                    .unwrap()
            })
            .collect();
        assert!(order.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
        assert_eq!(
            rows.iter()
                .find(|row| row.program.id == 2)
                .unwrap()
                .projects,
            5
        );
    }
}
