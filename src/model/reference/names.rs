//! Reference values by name: the one rule the filter line (`area:難病`) and CSV import
//! (対象疾患 `難病`) share, and the "did you mean" suggestion both give for an unknown name.
//!
//! A value is named by its code, Japanese or English name (folded with [`fold_key`]: full-width,
//! case, `-`/space; an integrated project also without its `プロジェクト` suffix or with its
//! period, `医薬品プロジェクト（第2期）`), else by a part of a name (`難病` → `難病・希少疾患`,
//! `認知症` → `老年医学・認知症`).

use super::Reference;
use crate::model::fold_key;

/// Which reference table a name is looked up in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    IntegratedProject,
    DiseaseArea,
    Program,
}

/// What a name stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameMatch {
    /// The code or a whole name (several ids only when values share a name, e.g. an integrated
    /// project of both periods): in reference order.
    Exact(Vec<i64>),
    /// Values one of whose names contains the text, in reference order.
    Partial(Vec<i64>),
    /// Nothing: the closest name, if any.
    Unknown(Option<String>),
}

#[derive(Debug, Clone)]
struct Entry {
    id: i64,
    /// Code first, then the names.
    names: Vec<String>,
    folded: Vec<String>,
}

/// The names of one reference table, folded once.
#[derive(Debug, Clone, Default)]
pub struct NameIndex {
    entries: Vec<Entry>,
}

impl NameIndex {
    pub fn new(reference: &Reference, kind: RefKind) -> NameIndex {
        let lists: Vec<(i64, Vec<String>)> = match kind {
            RefKind::IntegratedProject => reference
                .integrated_projects
                .iter()
                .map(|p| {
                    let with_period = format!("{}（第{}期）", p.name_ja, p.period);
                    (
                        p.id,
                        vec![
                            p.code.clone(),
                            p.name_ja.clone(),
                            p.name_en.clone(),
                            with_period,
                        ],
                    )
                })
                .collect(),
            RefKind::DiseaseArea => reference
                .disease_areas
                .iter()
                .map(|a| {
                    (
                        a.id,
                        vec![a.code.clone(), a.name_ja.clone(), a.name_en.clone()],
                    )
                })
                .collect(),
            RefKind::Program => reference
                .programs
                .iter()
                .map(|p| {
                    (
                        p.id,
                        vec![p.code.clone(), p.name_ja.clone(), p.name_en.clone()],
                    )
                })
                .collect(),
        };
        NameIndex {
            entries: lists
                .into_iter()
                .map(|(id, names)| Entry {
                    id,
                    folded: names.iter().map(|n| fold_key(n)).collect(),
                    names,
                })
                .collect(),
        }
    }

    /// The ids `text` names: by code or whole name, else by a part of a name (not of a code).
    pub fn find(&self, text: &str) -> NameMatch {
        let wanted = fold_key(text);
        if wanted.is_empty() {
            return NameMatch::Unknown(None);
        }
        let suffix = fold_key("プロジェクト");
        let exact: Vec<i64> = self
            .entries
            .iter()
            .filter(|e| {
                e.folded
                    .iter()
                    .any(|n| *n == wanted || n.strip_suffix(&suffix) == Some(&wanted))
            })
            .map(|e| e.id)
            .collect();
        if !exact.is_empty() {
            return NameMatch::Exact(exact);
        }
        let partial: Vec<i64> = self
            .entries
            .iter()
            .filter(|e| e.folded.iter().skip(1).any(|n| n.contains(&wanted)))
            .map(|e| e.id)
            .collect();
        if !partial.is_empty() {
            return NameMatch::Partial(partial);
        }
        NameMatch::Unknown(
            suggest(text, self.entries.iter().flat_map(|e| e.names.iter())).map(str::to_string),
        )
    }

    /// The first name (after the code) of value `id`, for messages.
    pub fn name(&self, id: i64) -> Option<&str> {
        self.entries
            .iter()
            .find(|e| e.id == id)
            .and_then(|e| e.names.get(1))
            .map(String::as_str)
    }

    /// The code of value `id`.
    pub fn code(&self, id: i64) -> Option<&str> {
        self.entries
            .iter()
            .find(|e| e.id == id)
            .and_then(|e| e.names.first())
            .map(String::as_str)
    }
}

/// The valid name closest to an unknown `text`, for "did you mean": first the names that contain
/// it or are contained in it (`難病` → `難病・希少疾患`), then those sharing the longest run of
/// characters with it (`難治` → `難病・希少疾患`, not the shorter `がん`), ties broken by edit
/// distance. Compared folded ([`fold_key`]).
pub fn suggest<'a, S: AsRef<str> + ?Sized + 'a>(
    text: &str,
    names: impl Iterator<Item = &'a S>,
) -> Option<&'a str> {
    let key = fold_key(text);
    names
        .map(AsRef::as_ref)
        .filter(|n| !n.trim().is_empty())
        .min_by_key(|n| {
            let folded = fold_key(n);
            let contains = !key.is_empty() && (folded.contains(&key) || key.contains(&folded));
            (
                !contains,
                std::cmp::Reverse(common_run(&folded, &key)),
                strsim::levenshtein(&folded, &key),
            )
        })
}

/// The length in characters of the longest run of characters `a` and `b` share.
fn common_run(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut best = 0;
    let mut row = vec![0usize; b.len() + 1];
    for ca in &a {
        let mut prev = 0;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = if ca == cb { prev + 1 } else { 0 };
            best = best.max(row[j + 1]);
            prev = here;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_are_found_by_part_of_a_name() {
        let r = Reference::builtin();
        let areas = NameIndex::new(&r, RefKind::DiseaseArea);
        let code = |text: &str| match areas.find(text) {
            NameMatch::Exact(ids) | NameMatch::Partial(ids) if ids.len() == 1 => {
                areas.code(ids[0]).map(str::to_string)
            }
            _ => None,
        };
        assert_eq!(code("難病").as_deref(), Some("rare"));
        assert_eq!(code("希少疾患").as_deref(), Some("rare"));
        assert_eq!(code("認知症").as_deref(), Some("dementia"));
        assert_eq!(code("Cancer").as_deref(), Some("cancer"));
        assert_eq!(code("ｶﾞﾝ"), None, "がん is not ガン");
        assert!(matches!(areas.find("疾患"), NameMatch::Partial(ids) if ids.len() > 1));
        assert_eq!(
            areas.find("難治"),
            NameMatch::Unknown(Some("難病・希少疾患".into()))
        );
    }

    #[test]
    fn suggestions_prefer_containment_then_shared_runs() {
        let names = [
            "がん",
            "難病・希少疾患",
            "drug",
            "Drug Discovery",
            "臨床",
            "非臨床",
        ];
        assert_eq!(suggest("難病", names.iter()), Some("難病・希少疾患"));
        assert_eq!(suggest("難治", names.iter()), Some("難病・希少疾患"));
        assert_eq!(suggest("drg", names.iter()), Some("drug"));
        assert_eq!(suggest("臨床試験", names.iter()), Some("臨床"));
        assert_eq!(suggest("x", std::iter::empty::<&str>()), None);
        assert_eq!(common_run("abcde", "xbcdy"), 3);
    }
}
