//! A form drawn over the screen: heading, labelled one-line fields and choices, then the body
//! (wrapped, scrolled to keep the cursor visible), and the keys that save or close.

use super::theme::Theme;
use super::tr;
use crate::app::form::{Form, Value};
use crate::text::{self, fit, sanitize_line};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

const LABEL: usize = 26;

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
    // Labels give way on a narrow terminal so that values keep room.
    let label_w = LABEL.min(w * 2 / 5).max(8);
    let mut y = area.y;
    let row = |y: u16| Rect {
        y,
        height: 1,
        ..area
    };
    let heading = sanitize_line(&form.heading);
    frame.render_widget(
        Line::styled(fit(&format!(" {heading}"), w), theme.header()),
        row(y),
    );
    y += 1;
    // An export is signed by nobody and kept as no draft: its second line says how it names files.
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
    frame.render_widget(Line::styled(fit(&second, w), theme.dim()), row(y));
    y += 1;
    let mut cursor: Option<Position> = None;
    let mut body: Option<(usize, &crate::app::editor::Editor)> = None;
    // One-line fields that do not all fit (a long form, a short terminal) scroll to keep the
    // focused one in view, leaving the hints line and, with a body, its label and a line.
    let has_body = form
        .fields
        .iter()
        .any(|f| matches!(f.value, Value::Body(_)));
    let room_rows = (area.bottom().saturating_sub(y) as usize)
        .saturating_sub(1 + if has_body { 2 } else { 0 })
        .max(1);
    let focus_line = form
        .fields
        .iter()
        .take(form.focus)
        .filter(|f| !matches!(f.value, Value::Body(_)))
        .count();
    let mut skip = (focus_line + 1).saturating_sub(room_rows);
    let mut shown = 0;
    for (i, field) in form.fields.iter().enumerate() {
        if !matches!(field.value, Value::Body(_)) {
            if skip > 0 || shown == room_rows {
                skip = skip.saturating_sub(1);
                continue;
            }
            shown += 1;
        }
        let focused = i == form.focus;
        let label = tr(lang, field.ja, field.en);
        let label_span = Span::styled(
            fit(&format!(" {label}"), label_w),
            if focused {
                theme.selected()
            } else {
                theme.label()
            },
        );
        let room = w.saturating_sub(label_w + 1);
        match &field.value {
            Value::Body(editor) => {
                body = Some((i, editor));
                continue;
            }
            Value::Text(line) | Value::Date { line, .. } => {
                let shown = text::truncate(&sanitize_line(&line.text), room).into_owned();
                let value = if focused {
                    Span::styled(fit(&shown, room), theme.cursor())
                } else {
                    Span::raw(fit(&shown, room))
                };
                if y < area.bottom() {
                    frame
                        .render_widget(Line::from(vec![label_span, Span::raw(" "), value]), row(y));
                    if focused {
                        let x = area.x
                            + (label_w + 1 + text::width(line.before_cursor()).min(room)) as u16;
                        cursor = Some(Position::new(x, y));
                    }
                }
            }
            Value::Choice { options, index } => {
                let chosen = options
                    .get(*index)
                    .map(|c| tr_owned(lang, &c.ja, &c.en))
                    .unwrap_or_default();
                // ‹ › are East Asian "neutral": one cell everywhere.
                let shown = format!(
                    "‹ {} ›  ({}/{})",
                    sanitize_line(&chosen),
                    index + 1,
                    options.len()
                );
                let style = if focused {
                    theme.cursor()
                } else {
                    Default::default()
                };
                if y < area.bottom() {
                    frame.render_widget(
                        Line::from(vec![
                            label_span,
                            Span::raw(" "),
                            Span::styled(fit(&shown, room), style),
                        ]),
                        row(y),
                    );
                }
            }
        }
        y += 1;
    }
    let hints = if form.kind.is_export() {
        format!(
            " Enter {}  Tab {}  {}  Esc {}",
            tr(lang, "書き出す", "export"),
            tr(lang, "次の項目", "next field"),
            tr(lang, "左右キーで選択", "Left/Right to choose"),
            tr(lang, "閉じる", "close")
        )
    } else {
        format!(
            " Ctrl-S {}  Tab {}  {}  Esc {}",
            tr(lang, "保存", "save"),
            tr(lang, "次の項目", "next field"),
            tr(lang, "左右キーで選択", "Left/Right to choose"),
            tr(lang, "閉じる（下書き保持）", "close (draft kept)")
        )
    };
    if let Some((i, editor)) = body {
        let focused = i == form.focus;
        let field = &form.fields[i];
        if y < area.bottom() {
            let label = format!(
                " {}  ({} / 1 MiB)",
                tr(lang, field.ja, field.en),
                text::thousands(editor.len() as i64)
            );
            frame.render_widget(
                Line::styled(
                    fit(&label, w),
                    if focused {
                        theme.selected()
                    } else {
                        theme.label()
                    },
                ),
                row(y),
            );
            y += 1;
        }
        let rows = area.bottom().saturating_sub(y).saturating_sub(1) as usize;
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
            frame.render_widget(Line::raw(format!("  {line}")), row(y + k as u16));
        }
        if focused && rows > 0 {
            cursor = Some(Position::new(
                area.x + 2 + cursor_at.1 as u16,
                y + (cursor_at.0 - first) as u16,
            ));
        }
    }
    frame.render_widget(
        Line::styled(fit(&hints, w), theme.dim()),
        row(area.bottom().saturating_sub(1)),
    );
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}

fn tr_owned(lang: crate::Lang, ja: &str, en: &str) -> String {
    match lang {
        crate::Lang::Ja => ja.to_string(),
        crate::Lang::En => en.to_string(),
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
