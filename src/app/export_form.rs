//! The export form (`e` on a list or on the budget pivot): what to export (the selection or every
//! listed project), which columns (a fixed set, never the window's), the folder and the file name;
//! Enter writes. The runtime picks a free name (`-2`, `-3`…) rather than overwrite; the notice
//! names the full path written, and an exported selection is cleared.

use super::form::{Choice, Field, Form, FormKind};
use super::outcome::Done;
use super::save::Save;
use super::{App, Effect, Overlay, Screen};
use crate::model::{COMPLETE_EXPORT_COLUMNS, ColumnSet, ExportColumns, LIST_EXPORT_COLUMNS};
use crate::{Lang, tr};

/// Where exports go and which columns the officer chose last (remembered between sessions).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportSettings {
    /// The folder the form offers: the directory seedline was started in (empty: relative names
    /// are written there too).
    pub dir: String,
    /// The state file the chosen column set is remembered in (empty: not remembered).
    pub remember_file: String,
    /// The column set the form starts with.
    pub columns: ExportColumns,
}

/// Why an export wrote nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportProblem {
    /// The folder does not exist.
    NoFolder,
    /// The folder or file may not be written.
    Denied,
    /// A named column the project file does not have (empty: no column named).
    UnknownColumn(String),
    /// Anything else, as the system words it.
    Other(String),
}

impl ExportProblem {
    /// The status line for a refused export to `path`.
    pub fn message(&self, lang: Lang, path: &str) -> String {
        let t = |ja: &'static str, en: &'static str| tr(lang, ja, en);
        let why = match self {
            ExportProblem::NoFolder => t("フォルダがありません", "no such folder").to_string(),
            ExportProblem::Denied => {
                t("書き込みが許可されていません", "permission denied").to_string()
            }
            ExportProblem::UnknownColumn(name) if name.is_empty() => {
                return t(
                    "列名を入力してください（例: 課題管理番号,研究開発課題名）",
                    "name the columns (e.g. amed_id,title)",
                )
                .to_string();
            }
            ExportProblem::UnknownColumn(name) => {
                return format!(
                    "{} '{name}' {}",
                    t("列名", "no column"),
                    t(
                        "はありません（課題CSVの見出しで指定: 課題管理番号,研究開発課題名…）",
                        "in the project file (use its headers: amed_id,title,...)"
                    )
                );
            }
            ExportProblem::Other(text) => text.clone(),
        };
        format!(
            "{} ({why}): {path}",
            t("書き出せませんでした", "nothing written")
        )
    }
}

fn choice(code: &str, ja: String, en: String) -> Choice {
    Choice {
        ja,
        en,
        code: code.into(),
    }
}

/// The column set choices, in [`ColumnSet::ALL`] order.
fn column_choices() -> Vec<Choice> {
    let list = LIST_EXPORT_COLUMNS.len();
    vec![
        choice(
            ColumnSet::All.code(),
            format!("全項目（{COMPLETE_EXPORT_COLUMNS}列・取り込み形式）"),
            format!("complete ({COMPLETE_EXPORT_COLUMNS} columns, import format)"),
        ),
        choice(
            ColumnSet::List.code(),
            format!("一覧の項目（{list}列）"),
            format!("list columns ({list})"),
        ),
        choice(
            ColumnSet::Custom.code(),
            "指定した列".into(),
            "named columns".into(),
        ),
    ]
}

impl FormKind {
    /// An export form: Enter writes (there is no text to break into lines), and nothing is
    /// kept as a draft or signed by an author.
    pub fn is_export(&self) -> bool {
        matches!(self, FormKind::Export { .. } | FormKind::ExportPivot { .. })
    }
}

impl App {
    /// The fields of an export form (`None` for other forms).
    pub(super) fn export_fields(&self, kind: &FormKind) -> Option<Vec<Field>> {
        let place = |suggested: &str| {
            vec![
                Field::text("dir", "フォルダ", "Folder", &self.export.dir),
                Field::text("file", "ファイル名", "File name", suggested),
            ]
        };
        match kind {
            FormKind::Export {
                selection,
                matching,
                suggested,
            } => {
                let mut scopes = Vec::new();
                if !selection.is_empty() {
                    let n = selection.len();
                    scopes.push(choice(
                        "selection",
                        format!("選択した {n} 件"),
                        format!("the {n} selected"),
                    ));
                }
                let n = matching.len();
                scopes.push(choice(
                    "all",
                    format!("一覧の全 {n} 件"),
                    format!("all {n} listed"),
                ));
                let chosen = ColumnSet::ALL
                    .iter()
                    .position(|s| *s == self.export.columns.set)
                    .unwrap_or(0);
                let mut fields = vec![
                    Field::choice("scope", "対象", "Export", scopes, 0),
                    Field::choice("columns", "列", "Columns", column_choices(), chosen),
                    Field::text(
                        "custom",
                        "  指定の列名",
                        "  column names",
                        &self.export.columns.custom,
                    ),
                ];
                fields.extend(place(suggested));
                Some(fields)
            }
            FormKind::ExportPivot { suggested, .. } => Some(place(suggested)),
            _ => None,
        }
    }

    /// `e`: the export form, over the budget pivot or a list (its selection offered first, else
    /// every listed project).
    pub fn open_export_form(&mut self) -> Vec<Effect> {
        let day = self.today.format("%Y-%m-%d");
        if let Screen::Budget(b) = self.screen() {
            let Some(pivot) = b.pivot.clone() else {
                return Vec::new();
            };
            let heading = format!(
                "{} {}",
                tr(self.lang, "CSV書き出し:", "CSV export:"),
                tr(self.lang, "年度別配分額", "budget by fiscal year")
            );
            let kind = FormKind::ExportPivot {
                pivot: Box::new(pivot),
                suggested: format!("seedline-budget-{day}.csv"),
            };
            return self.show_export(kind, heading);
        }
        let Screen::List(list) = self.screen() else {
            return self.not_here();
        };
        if list.partial || !list.loaded {
            self.status = Some(
                tr(
                    self.lang,
                    "一覧を読み込み中です。少し待ってからもう一度",
                    "the list is still loading; try again in a moment",
                )
                .into(),
            );
            return Vec::new();
        }
        let matching = list.ids.clone();
        if matching.is_empty() {
            self.status =
                Some(tr(self.lang, "書き出す課題がありません", "nothing to export").into());
            return Vec::new();
        }
        let selection: Vec<i64> = matching
            .iter()
            .filter(|id| list.selected.contains(id))
            .copied()
            .collect();
        let heading = format!(
            "{} {}",
            tr(self.lang, "CSV書き出し:", "CSV export:"),
            list.label
        );
        let kind = FormKind::Export {
            selection,
            matching,
            suggested: format!("seedline-export-{day}.csv"),
        };
        self.show_export(kind, heading)
    }

    fn show_export(&mut self, kind: FormKind, heading: String) -> Vec<Effect> {
        let form = self.build_form(kind, heading);
        self.overlay = Overlay::Form(Box::new(form));
        Vec::new()
    }

    /// After a successful export from the form: the notice (rows, the full path written), the
    /// column set remembered for the next form, and an exported selection cleared (so that the
    /// next `f` or `n` acts on the cursor's project, not on rows exported a while ago).
    pub(super) fn exported(&mut self, done: &Done) -> Option<String> {
        let Done::Exported { rows, path } = done else {
            return None;
        };
        let Overlay::Form(form) = &self.overlay else {
            return None;
        };
        if !matches!(form.kind, FormKind::Export { .. }) {
            return None;
        }
        let columns = form_columns(form);
        let cleared = form.choice("scope") == Some("selection");
        self.export.columns = columns;
        if cleared && let Some(Screen::List(list)) = self.stack.last_mut() {
            list.selected.clear();
            list.anchor = None;
        }
        // The path comes early: on a narrow terminal the end of the line is what is cut.
        Some(match (self.lang, cleared) {
            (Lang::Ja, true) => format!("{path} に {rows} 件を書き出し、選択を解除しました"),
            (Lang::Ja, false) => format!("{path} に {rows} 件を書き出しました"),
            (Lang::En, true) => format!("{rows} rows written to {path}; selection cleared"),
            (Lang::En, false) => format!("{rows} rows written to {path}"),
        })
    }
}

/// The column set chosen in an export form (the custom names kept whichever set is chosen).
fn form_columns(form: &Form) -> ExportColumns {
    ExportColumns {
        set: form
            .choice("columns")
            .and_then(ColumnSet::parse)
            .unwrap_or_default(),
        custom: form.text("custom"),
    }
}

/// The path an export form names: the file name in the folder (an absolute file name as typed).
fn form_path(form: &Form, lang: Lang) -> Result<String, String> {
    let file = form.text("file");
    if file.is_empty() {
        return Err(tr(
            lang,
            "書き出し先のファイル名を入力してください",
            "type a file name",
        )
        .into());
    }
    let dir = form.text("dir");
    let path = std::path::Path::new(&dir).join(&file);
    Ok(path.display().to_string())
}

impl App {
    /// Reads an export form into its save (with where to remember the column set).
    pub(super) fn export_save(&self, form: &Form) -> Result<Save, String> {
        let lang = self.lang;
        let path = form_path(form, lang)?;
        match &form.kind {
            FormKind::ExportPivot { pivot, .. } => Ok(Save::ExportPivot {
                pivot: pivot.clone(),
                path,
                lang,
            }),
            FormKind::Export {
                selection,
                matching,
                ..
            } => {
                let columns = form_columns(form);
                if columns.set == ColumnSet::Custom && columns.custom.trim().is_empty() {
                    return Err(ExportProblem::UnknownColumn(String::new()).message(lang, &path));
                }
                let ids = match form.choice("scope") {
                    Some("selection") => selection.clone(),
                    _ => matching.clone(),
                };
                Ok(Save::Export {
                    ids,
                    columns,
                    path,
                    lang,
                    remember: self.export.remember_file.clone(),
                })
            }
            _ => Err(String::new()),
        }
    }
}
