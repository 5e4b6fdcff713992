//! A form drawn over the screen: heading, then the fields top to bottom in the order Tab visits
//! them (one-line fields, choices, and the body: wrapped, scrolled to keep the cursor visible),
//! and the keys that save, move and close. A date shows the day it reads as (`= 2026-12-11 (金)`).

use super::line_input::scrolled;
use super::theme::Theme;
use super::tr;
use crate::app::editor::Editor;
use crate::app::form::{Field, Form, Value};
use crate::model::date_input::{self, DateError};
use crate::text::{self, fit, sanitize_line};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

const LABEL: usize = 26;

/// Rows a body keeps at least when the one-line fields do not all fit with it.
const MIN_BODY_ROWS: usize = 3;

/// What one form is drawn with.
struct Painter<'a, 'f> {
    frame: &'a mut Frame<'f>,
    area: Rect,
    lang: crate::Lang,
    theme: Theme,
    label_w: usize,
    /// First screen row of the fields and how many rows they have.
    top: u16,
    rows: usize,
    /// The first field row shown (the fields scroll to keep the focused one in view).
    offset: usize,
    cursor: Option<Position>,
}

pub fn draw(
    frame: &mut Frame<'_>,
    area: Rect,
    lang: crate::Lang,
    form: &Form,
    author: &str,
    theme: Theme,
) {
    frame.render_widget(Clear, area);
    let w = area.width as usize;
    let row = |y: u16| Rect {
        y,
        height: 1,
        ..area
    };
    let heading = sanitize_line(&form.heading);
    frame.render_widget(
        Line::styled(fit(&format!(" {heading}"), w), theme.header()),
        row(area.y),
    );
    if area.height > 1 {
        // An export is signed by nobody and kept as no draft: its second line says how it names
        // files.
        let second = if form.kind.is_export() {
            format!(
                " {}",
                tr(
                    lang,
                    "同名のファイルは上書きせず -2, -3 を付けて保存",
                    "an existing file is kept: the new one gets -2, -3"
                )
            )
        } else {
            format!(
                " {} {}",
                tr(lang, "記録者", "Author"),
                sanitize_line(author)
            )
        };
        frame.render_widget(Line::styled(fit(&second, w), theme.dim()), row(area.y + 1));
    }
    // The fields take the rows between the author and the hints line; a body takes what the
    // one-line fields leave (at least a few rows), and the whole scrolls to the focused field.
    let rows = (area.height as usize).saturating_sub(3).max(1);
    let one_line = form
        .fields
        .iter()
        .filter(|f| !matches!(f.value, Value::Body(_)))
        .count();
    let body_rows = rows
        .saturating_sub(one_line + 1)
        .max(MIN_BODY_ROWS.min(rows.saturating_sub(1)).max(1));
    let height = |f: &Field| match f.value {
        Value::Body(_) => 1 + body_rows,
        _ => 1,
    };
    let focus_start: usize = form.fields.iter().take(form.focus).map(height).sum();
    let focus_end = focus_start + form.fields.get(form.focus).map_or(1, height);
    let offset = if focus_end > rows {
        (focus_end - rows).min(focus_start)
    } else {
        0
    };
    let mut p = Painter {
        frame,
        area,
        lang,
        theme,
        // Labels give way on a narrow terminal so that values keep room.
        label_w: LABEL.min(w * 2 / 5).max(8),
        top: area.y + 2,
        rows,
        offset,
        cursor: None,
    };
    let mut at = 0;
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        match &field.value {
            Value::Body(editor) => p.body(at, field, editor, body_rows, focused),
            Value::Text(line) => p.one_line(at, field, line, None, focused),
            Value::Date { line, .. } => {
                let note = date_note(form, field, lang, focused);
                p.one_line(at, field, line, note, focused);
            }
            Value::Choice { options, index } => {
                let chosen = options
                    .get(*index)
                    .map(|c| match lang {
                        crate::Lang::Ja => c.ja.as_str(),
                        crate::Lang::En => c.en.as_str(),
                    })
                    .unwrap_or_default();
                // ‹ › are East Asian "neutral": one cell everywhere.
                let shown = format!(
                    "‹ {} ›  ({}/{})",
                    sanitize_line(chosen),
                    index + 1,
                    options.len()
                );
                p.choice(at, field, &shown, focused);
            }
        }
        at += height(field);
    }
    let focused_choice = form
        .fields
        .get(form.focus)
        .is_some_and(|f| matches!(f.value, Value::Choice { .. }));
    let hints = hints(lang, form, focused_choice, w);
    let cursor = p.cursor;
    if area.height > 2 {
        frame.render_widget(
            Line::styled(fit(&hints, w), theme.dim()),
            row(area.bottom() - 1),
        );
    }
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}

/// The status line under an open form: the editing keys its own hint line leaves out (the
/// screen's keys do not apply while typing), and `?` where it asks for the form's keys.
pub(super) fn footer_keys(lang: crate::Lang, form: &Form) -> Vec<String> {
    let mut parts = vec![
        format!("Ctrl-U {}", tr(lang, "欄を空に", "clear field")),
        format!("Home/End {}", tr(lang, "行頭/行末", "line start/end")),
    ];
    if crate::app::form_wants_help(form) {
        parts.push(format!("? {}", tr(lang, "キー一覧", "keys")));
    }
    parts
}

/// The keys of a form, as many as fit in `w` cells, most needed first: save, move between
/// fields (both ways), close, and Left/Right on a choice.
fn hints(lang: crate::Lang, form: &Form, focused_choice: bool, w: usize) -> String {
    let keeps_draft = form.kind.draft_slot().is_some();
    let save = if form.kind.is_export() {
        format!("Enter {}", tr(lang, "書き出す", "export"))
    } else {
        format!("Ctrl-S {}", tr(lang, "保存", "save"))
    };
    let tab = tr(lang, "Tab 次 / Shift-Tab 前", "Tab next / Shift-Tab back").to_string();
    let choose = tr(lang, "左右キー 選択", "Left/Right choose").to_string();
    let close = if keeps_draft {
        tr(lang, "Esc 閉じる（下書き保持）", "Esc close (draft kept)")
    } else {
        tr(lang, "Esc 閉じる", "Esc close")
    }
    .to_string();
    let mut parts: Vec<(usize, String)> = vec![(0, save), (1, tab), (3, close)];
    if focused_choice {
        parts.push((2, choose));
    }
    let mut chosen: Vec<(usize, String)> = Vec::new();
    let mut used = 0;
    for (order, part) in parts {
        let cost = 2 + text::width(&part);
        if used + cost <= w.max(1) || chosen.is_empty() {
            used += cost;
            chosen.push((order, part));
        }
    }
    chosen.sort_by_key(|(order, _)| *order);
    let mut out = String::from(" ");
    for (i, (_, part)) in chosen.iter().enumerate() {
        if i > 0 {
            out.push_str("  ");
        }
        out.push_str(part);
    }
    out
}

/// What a date field reads as, next to it: `= 2026-12-11 (金)` (the weekday alone when the text
/// is that date already), or why it does not read; `None` for an optional date left empty.
fn date_note(
    form: &Form,
    field: &Field,
    lang: crate::Lang,
    focused: bool,
) -> Option<(String, String, bool)> {
    let example = tr(
        lang,
        "例 2026/12/11, +7d, 来週",
        "e.g. 2026/12/11, +7d, next week",
    );
    match form.resolved(field) {
        None if focused => Some((example.to_string(), example.to_string(), true)),
        None => None,
        Some(Ok(date)) => {
            let day = date.to_string();
            let weekday = date_input::weekday(date, lang);
            let typed = match &field.value {
                Value::Date { line, .. } => line.text.trim() == day,
                _ => false,
            };
            Some(if typed {
                (format!("({weekday})"), String::new(), true)
            } else {
                (format!("= {day} ({weekday})"), format!("= {day}"), true)
            })
        }
        Some(Err(e)) => {
            let why = match e {
                DateError::NoSuchDay(_) => tr(lang, "? その日はありません", "? no such day"),
                DateError::OutsideEra(_) => tr(lang, "? 元号の期間外", "? outside its era"),
                DateError::Empty | DateError::Unknown(_) => {
                    if focused {
                        tr(
                            lang,
                            "? 例 2026/12/11, +7d, 来週",
                            "? e.g. 2026/12/11, +7d, next week",
                        )
                    } else {
                        tr(lang, "? 日付ではありません", "? not a date")
                    }
                }
            };
            Some((why.to_string(), "?".into(), false))
        }
    }
}

impl Painter<'_, '_> {
    /// The screen row of field row `at`, when it is in view.
    fn y(&self, at: usize) -> Option<u16> {
        (at >= self.offset && at < self.offset + self.rows)
            .then(|| self.top + (at - self.offset) as u16)
            .filter(|y| *y < self.area.bottom().saturating_sub(1))
    }

    fn label(&self, field: &Field, focused: bool) -> Span<'static> {
        let label = tr(self.lang, field.ja, field.en);
        Span::styled(
            fit(&format!(" {label}"), self.label_w),
            if focused {
                self.theme.selected()
            } else {
                self.theme.label()
            },
        )
    }

    fn put(&mut self, y: u16, line: Line<'_>) {
        let area = Rect {
            y,
            height: 1,
            ..self.area
        };
        self.frame.render_widget(line, area);
    }

    /// A line or date field; `note` (full text, short text, fine) is shown after the value when
    /// there is room for it and for a few cells of the value.
    fn one_line(
        &mut self,
        at: usize,
        field: &Field,
        line: &crate::app::InputLine,
        note: Option<(String, String, bool)>,
        focused: bool,
    ) {
        let Some(y) = self.y(at) else { return };
        let room = (self.area.width as usize).saturating_sub(self.label_w + 1);
        let text_w = text::width(&sanitize_line(&line.text));
        let want = (text_w + 1).clamp(6, 12);
        let note = note.and_then(|(full, short, fine)| {
            [full, short]
                .into_iter()
                .find(|n| !n.is_empty() && room >= text::width(n) + 1 + want)
                .map(|n| (n, fine))
        });
        let note_w = note.as_ref().map_or(0, |(n, _)| text::width(n) + 1);
        // A date's note follows its text (a box of at least 12 cells: a date and the cursor).
        let value_room = match note {
            Some(_) => (text_w + 1).max(12).min(room.saturating_sub(note_w)),
            None => room,
        };
        let (shown, col) = scrolled(&line.text, line.cursor, value_room);
        let style = if focused {
            self.theme.cursor()
        } else {
            Style::default()
        };
        let mut spans = vec![
            self.label(field, focused),
            Span::raw(" "),
            Span::styled(fit(&shown, value_room), style),
        ];
        if let Some((note, fine)) = note {
            spans.push(Span::raw(" "));
            spans.push(Span::styled(
                note,
                if fine {
                    self.theme.dim()
                } else {
                    self.theme.warn()
                },
            ));
        }
        self.put(y, Line::from(spans));
        if focused {
            let x = self.area.x + (self.label_w + 1 + col.min(value_room)) as u16;
            self.cursor = Some(Position::new(x, y));
        }
    }

    fn choice(&mut self, at: usize, field: &Field, shown: &str, focused: bool) {
        let Some(y) = self.y(at) else { return };
        let room = (self.area.width as usize).saturating_sub(self.label_w + 1);
        let style = if focused {
            self.theme.cursor()
        } else {
            Style::default()
        };
        let line = Line::from(vec![
            self.label(field, focused),
            Span::raw(" "),
            Span::styled(fit(shown, room), style),
        ]);
        self.put(y, line);
    }

    /// The body: its label with the size in characters, then `rows` rows of wrapped text
    /// scrolled to the cursor.
    fn body(&mut self, at: usize, field: &Field, editor: &Editor, rows: usize, focused: bool) {
        let w = self.area.width as usize;
        if let Some(y) = self.y(at) {
            let label = format!(
                " {}  ({})",
                tr(self.lang, field.ja, field.en),
                size(self.lang, editor)
            );
            let style = if focused {
                self.theme.selected()
            } else {
                self.theme.label()
            };
            self.put(y, Line::styled(fit(&label, w), style));
        }
        let room = w.saturating_sub(2).max(1);
        // Wrap each line by display width; find the cursor's screen row.
        let mut screen: Vec<String> = Vec::new();
        let mut cursor_at = (0usize, 0usize);
        for (r, line) in editor.lines.iter().enumerate() {
            let clean = sanitize_line(line);
            let pieces = wrap_cells(&clean, room);
            if r == editor.row {
                let before = text::width(&sanitize_line(editor.before_cursor()));
                let (piece, col) =
                    if before > 0 && before % room == 0 && before / room >= pieces.len() {
                        (pieces.len() - 1, room)
                    } else {
                        (before / room, before % room)
                    };
                cursor_at = (
                    screen.len() + piece.min(pieces.len().saturating_sub(1)),
                    col,
                );
            }
            screen.extend(pieces);
        }
        let first = cursor_at.0.saturating_sub(rows.saturating_sub(1));
        for (k, line) in screen.iter().skip(first).take(rows).enumerate() {
            if let Some(y) = self.y(at + 1 + k) {
                self.put(y, Line::raw(format!("  {line}")));
            }
        }
        if focused
            && rows > 0
            && let Some(y) = self.y(at + 1 + cursor_at.0 - first)
        {
            self.cursor = Some(Position::new(self.area.x + 2 + cursor_at.1 as u16, y));
        }
    }
}

/// The body's size in characters as the officer counts them (`面談を実施` is 5), and how near the
/// 1 MiB limit it is once past 90 %.
fn size(lang: crate::Lang, editor: &Editor) -> String {
    let chars: usize = editor
        .lines
        .iter()
        .map(|l| l.chars().count())
        .sum::<usize>()
        + editor.lines.len()
        - 1;
    let count = text::thousands(chars as i64);
    let limit = crate::model::MAX_NOTE_BYTES;
    let bytes = editor.len();
    let near = (bytes * 10 > limit * 9).then(|| (bytes * 100 / limit).min(100));
    match (lang, near) {
        (crate::Lang::Ja, None) => format!("{count}字"),
        (crate::Lang::En, None) => format!("{count} chars"),
        (crate::Lang::Ja, Some(p)) => format!("{count}字, 上限1 MiBの{p}%"),
        (crate::Lang::En, Some(p)) => format!("{count} chars, {p}% of the 1 MiB limit"),
    }
}

/// Splits a line into pieces of at most `cells` display cells, never inside a character
/// (the cursor arithmetic above relies on exact cell counts, so no word wrapping here).
fn wrap_cells(line: &str, cells: usize) -> Vec<String> {
    use unicode_segmentation::UnicodeSegmentation;
    let mut out = vec![String::new()];
    let mut used = 0;
    for g in line.graphemes(true) {
        let w = text::width(g);
        if used + w > cells {
            out.push(String::new());
            used = 0;
        }
        if let Some(last) = out.last_mut() {
            last.push_str(g);
        }
        used += w;
    }
    out
}
