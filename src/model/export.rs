//! The column sets a project export can write from the dashboard: the complete set (every column
//! of the project file, the default), the list's set (fixed, whatever the window), or a set the
//! officer names. The CSV layer resolves them to columns; the app offers and remembers them.

/// Which columns a project export writes.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum ColumnSet {
    /// Every column of the project file, in its order (what `seedline import` reads back).
    #[default]
    All,
    /// The list's columns ([`LIST_EXPORT_COLUMNS`]), the same at every terminal size.
    List,
    /// The columns the officer named (`ExportColumns::custom`).
    Custom,
}

impl ColumnSet {
    pub const ALL: [ColumnSet; 3] = [ColumnSet::All, ColumnSet::List, ColumnSet::Custom];

    /// `all`, `list`, `custom` (the remembered file, the form's choice codes).
    pub fn code(self) -> &'static str {
        match self {
            ColumnSet::All => "all",
            ColumnSet::List => "list",
            ColumnSet::Custom => "custom",
        }
    }

    pub fn parse(code: &str) -> Option<ColumnSet> {
        ColumnSet::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// A column set with the names of a custom one (kept when another set is chosen, so that going
/// back to it finds the names again).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct ExportColumns {
    pub set: ColumnSet,
    /// Column names (Japanese or English headers), separated by `,` or `、`.
    #[serde(default)]
    pub custom: String,
}

/// The number of columns of the complete project set (`csv_io::columns::PROJECTS`, checked there).
pub const COMPLETE_EXPORT_COLUMNS: usize = 17;

/// The list's export columns: what the list shows at its widest, as project-file headers (the
/// last note's date and days in phase have no column in the project file).
pub const LIST_EXPORT_COLUMNS: [&str; 8] = [
    "課題管理番号",
    "研究開発課題名",
    "研究開発代表者",
    "代表研究機関",
    "事業名",
    "研究開発フェーズ",
    "承認上の分類",
    "ハイウェイ",
];

/// The free name for an export: `name` itself when `taken(name)` is false, else `stem-2.ext`,
/// `stem-3.ext`… (`None` after 9,999 tries).
pub fn free_file_name(name: &str, taken: impl Fn(&str) -> bool) -> Option<String> {
    if !taken(name) {
        return Some(name.to_string());
    }
    let (stem, ext) = match name.rfind('.') {
        Some(dot) if dot > 0 && !name[dot..].contains('/') => name.split_at(dot),
        _ => (name, ""),
    };
    (2..10_000)
        .map(|n| format!("{stem}-{n}{ext}"))
        .find(|candidate| !taken(candidate))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_taken_name_gets_the_next_free_number() {
        let taken = ["a/x.csv", "a/x-2.csv"];
        let is_taken = |n: &str| taken.contains(&n);
        assert_eq!(
            free_file_name("a/y.csv", is_taken).as_deref(),
            Some("a/y.csv")
        );
        assert_eq!(
            free_file_name("a/x.csv", is_taken).as_deref(),
            Some("a/x-3.csv")
        );
        assert_eq!(
            free_file_name("d.ir/noext", |n| n == "d.ir/noext").as_deref(),
            Some("d.ir/noext-2"),
            "a dot in a folder name is not an extension"
        );
        assert_eq!(free_file_name("x.csv", |_| true), None);
    }

    #[test]
    fn set_codes_round_trip() {
        for set in ColumnSet::ALL {
            assert_eq!(ColumnSet::parse(set.code()), Some(set));
        }
    }
}
