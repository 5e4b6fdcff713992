//! What can sit over a screen: the filter line, the key help, the command palette, a form, the
//! officer picker. The palette's entries and the help's lines are chosen here (in the officer's
//! language); `ui/overlay.rs` only lays them out.

use super::form::Value;
use super::keymap::Mode;
use super::{App, Command, Effect, Form, InputLine};
use crate::model::fold_key;
use crate::{Lang, tr};

/// The overlay in front of the current screen.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Overlay {
    #[default]
    None,
    /// The `/` filter line; `original` is restored by Esc.
    Filter { line: InputLine, original: String },
    /// The `?` key help.
    Help,
    /// The `:` command palette.
    Palette(PaletteState),
    /// A form (note, flag, phase move, …).
    Form(Box<super::Form>),
    /// The officer picker (`O`).
    Picker(Box<super::PickerState>),
    /// After a highway flag is accepted: record the successor (create, pick, later).
    Successor(Box<super::SuccessorOffer>),
    /// The keys of the form underneath (`?` on a choice or date field, or an empty one); any key
    /// goes back to the form as it was.
    FormHelp(Box<super::Form>),
}

/// The palette's input and highlighted entry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PaletteState {
    pub input: InputLine,
    pub cursor: usize,
}

/// What a palette line does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaletteAction {
    /// Runs a command, as its key would.
    Run(Command),
    /// Opens the project(s) whose 課題管理番号 begins with this text.
    OpenProject(String),
}

/// One palette line: what it does, its keys on this screen and its description in the officer's
/// language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaletteEntry {
    pub action: PaletteAction,
    pub keys: String,
    pub label: String,
}

/// Whether palette input reads as (the start of) a 課題管理番号: `JP` and a digit, then letters
/// and digits (`JP16ra0101`, `jp24`).
fn amed_id_prefix(text: &str) -> Option<String> {
    let text: String = text.trim().chars().collect();
    let mut chars = text.chars();
    let j = chars.next()?;
    let p = chars.next()?;
    let digit = chars.next()?;
    let ok = j.eq_ignore_ascii_case(&'j')
        && p.eq_ignore_ascii_case(&'p')
        && digit.is_ascii_digit()
        && text.chars().all(|c| c.is_ascii_alphanumeric());
    ok.then_some(text)
}

/// How well `wanted` (folded) matches a command: 0 an exact label, name or footer word, 1 a
/// label that begins with it, 2 one that contains it; `None` when nothing does.
fn rank(command: Command, mode: Mode, wanted: &str) -> Option<u8> {
    if wanted.is_empty() {
        return Some(0);
    }
    let (name, ja, en) = command.describe();
    let labels = [
        name,
        ja,
        en,
        command.describe_in(mode, Lang::Ja),
        command.describe_in(mode, Lang::En),
        command.short_in(mode, Lang::Ja),
        command.short_in(mode, Lang::En),
    ]
    .map(fold_key);
    if labels.iter().any(|l| *l == wanted) {
        Some(0)
    } else if labels.iter().any(|l| l.starts_with(wanted)) {
        Some(1)
    } else if labels.iter().any(|l| l.contains(wanted)) {
        Some(2)
    } else {
        None
    }
}

/// Every command with its keys on the current screen, narrowed by the palette's input (matched
/// against the command's name, descriptions and footer word): exact matches first, then labels
/// that begin with the input, then those that contain it. Input that reads as a 課題管理番号
/// comes first as "open this project".
pub fn palette_entries(app: &App) -> Vec<PaletteEntry> {
    let typed = match &app.overlay {
        Overlay::Palette(p) => p.input.text.clone(),
        _ => String::new(),
    };
    let wanted = fold_key(&typed);
    let mode = app.mode();
    let mut entries = Vec::new();
    if let Some(id) = amed_id_prefix(&typed) {
        entries.push(PaletteEntry {
            label: format!(
                "{} {id} {}",
                tr(app.lang, "課題管理番号", "open project"),
                tr(app.lang, "の課題を開く", "(AMED id)")
            ),
            action: PaletteAction::OpenProject(id),
            keys: String::new(),
        });
    }
    let mut ranked: Vec<(u8, PaletteEntry)> = Command::ALL
        .into_iter()
        .filter_map(|command| {
            let score = rank(command, mode, &wanted)?;
            Some((
                score,
                PaletteEntry {
                    action: PaletteAction::Run(command),
                    keys: app.keymap.keys_for(mode, command).join(" "),
                    label: command.describe_in(mode, app.lang).to_string(),
                },
            ))
        })
        .collect();
    ranked.sort_by_key(|(score, _)| *score);
    entries.extend(ranked.into_iter().map(|(_, e)| e));
    entries
}

/// One line of the key help: the keys and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    pub keys: String,
    pub what: String,
}

/// The help's title and lines: the form's keys when a form is open, else the keys of the current
/// screen, each with what it does there (navigation pairs share a line).
pub fn help_rows(app: &App) -> (String, Vec<HelpRow>) {
    if let Overlay::FormHelp(form) = &app.overlay {
        return (
            tr(
                app.lang,
                " 入力欄のキー（どのキーでもフォームに戻る）",
                " Form keys (any key returns to the form)",
            )
            .into(),
            form_help(form, app.lang),
        );
    }
    let mode = app.mode();
    let mut rows: Vec<HelpRow> = Vec::new();
    for b in app.keymap.for_mode(mode) {
        let what = match b.command {
            Command::Up | Command::Down => tr(app.lang, "上／下へ", "up / down"),
            Command::Left | Command::Right if mode == Mode::Funnel => {
                b.command.describe_in(mode, app.lang)
            }
            Command::Left | Command::Right => tr(app.lang, "左／右へ", "left / right"),
            Command::Top | Command::Bottom => tr(app.lang, "先頭／末尾へ", "first / last row"),
            Command::PageUp | Command::PageDown => tr(app.lang, "前／次のページ", "page up / down"),
            _ => b.command.describe_in(mode, app.lang),
        };
        match rows.iter_mut().find(|r| r.what == what) {
            Some(row) => {
                row.keys.push(' ');
                row.keys.push_str(&b.key.name());
            }
            None => rows.push(HelpRow {
                keys: b.key.name(),
                what: what.to_string(),
            }),
        }
    }
    (
        tr(
            app.lang,
            " キー一覧（どのキーでも閉じる。: で全コマンド）",
            " Keys (any key closes; : for every command)",
        )
        .into(),
        rows,
    )
}

/// The keys of an open form, and what the focused field takes.
fn form_help(form: &Form, lang: Lang) -> Vec<HelpRow> {
    let row = |keys: &str, ja: &'static str, en: &'static str| HelpRow {
        keys: keys.into(),
        what: tr(lang, ja, en).into(),
    };
    let mut rows = vec![
        row("Tab Shift-Tab", "次／前の項目へ", "next / previous field"),
        row(
            "Enter Up Down",
            "1行の項目では次／前の項目へ（本文では改行と行移動）",
            "one-line fields: next / previous field (in the body: new line, line up / down)",
        ),
        row("Ctrl-S", "保存", "save"),
        if form.kind.draft_slot().is_some() {
            row(
                "Esc",
                "閉じる（入力は下書きとして残り、同じ課題でこのフォームを開き直すと戻る）",
                "close (what you typed is kept as a draft and comes back when you open this form again on the same project)",
            )
        } else {
            row(
                "Esc",
                "閉じる（入力は残りません）",
                "close (what you typed is not kept)",
            )
        },
        row(
            "Left Right Space",
            "選択欄: 選択肢を切り替える",
            "choice fields: change the choice",
        ),
        row(
            "Home End Ctrl-A Ctrl-E",
            "行頭／行末へ",
            "start / end of the line",
        ),
        row("Ctrl-U", "この欄を空にする", "clear this field"),
    ];
    let Some(field) = form.fields.get(form.focus) else {
        return rows;
    };
    let name = tr(lang, field.ja, field.en);
    let what = match &field.value {
        Value::Date { optional, .. } => format!(
            "{name}: {}{}",
            tr(
                lang,
                "日付を YYYY-MM-DD で入力（例 2026-12-04）",
                "a date as YYYY-MM-DD (e.g. 2026-12-04)"
            ),
            if *optional {
                tr(lang, "。空欄可", "; may be left empty")
            } else {
                ""
            }
        ),
        Value::Choice { options, .. } => format!(
            "{name}: {}",
            options
                .iter()
                .map(|o| if lang == Lang::Ja {
                    o.ja.clone()
                } else {
                    o.en.clone()
                })
                .collect::<Vec<_>>()
                .join(" / ")
        ),
        Value::Text(_) => format!("{name}: {}", tr(lang, "1行のテキスト", "one line of text")),
        Value::Body(_) => format!(
            "{name}: {}",
            tr(
                lang,
                "複数行のテキスト（1 MiB まで）。? はそのまま入力される",
                "several lines of text (1 MiB at most); ? is typed as text"
            )
        ),
    };
    rows.push(HelpRow {
        keys: tr(lang, "この欄", "this field").into(),
        what,
    });
    rows
}

/// Whether `?` in this form asks for its keys rather than typing a question mark: on a choice or
/// date field (where it is never valid input), and on an empty one-line field.
pub(crate) fn form_wants_help(form: &Form) -> bool {
    match form.fields.get(form.focus).map(|f| &f.value) {
        Some(Value::Choice { .. } | Value::Date { .. }) => true,
        Some(Value::Text(line)) => line.text.is_empty(),
        Some(Value::Body(_)) | None => false,
    }
}

impl App {
    /// Enter in the palette: runs the highlighted entry.
    pub(crate) fn run_palette(&mut self, cursor: usize) -> Vec<Effect> {
        let chosen = palette_entries(self)
            .into_iter()
            .nth(cursor)
            .map(|e| e.action);
        self.overlay = Overlay::None;
        match chosen {
            Some(PaletteAction::Run(command)) => self.update(super::Action::Command(command)),
            Some(PaletteAction::OpenProject(id)) => self.open_amed_id(&id),
            None => Vec::new(),
        }
    }

    /// `?` in a form: its keys over it (the form is kept as it is underneath).
    pub(crate) fn show_form_help(&mut self) {
        if let Overlay::Form(form) = std::mem::take(&mut self.overlay) {
            self.overlay = Overlay::FormHelp(form);
        }
    }

    /// Any key over the form's help: back to the form.
    pub(crate) fn close_form_help(&mut self) -> bool {
        match std::mem::take(&mut self.overlay) {
            Overlay::FormHelp(form) => {
                self.overlay = Overlay::Form(form);
                true
            }
            other => {
                self.overlay = other;
                false
            }
        }
    }
}
