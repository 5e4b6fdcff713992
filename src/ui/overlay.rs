//! The key help (`?`) and the command palette (`:`), drawn over the screen from the keymap.

use super::theme::Theme;
use super::tr;
use crate::Lang;
use crate::app::{App, Command, PaletteState, palette_entries};
use crate::text::{self, fit};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

/// A centred box of at most `w`×`h` inside `area`.
fn boxed(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

fn description(lang: Lang, ja: &'static str, en: &'static str) -> &'static str {
    tr(lang, ja, en)
}

pub fn draw_help(frame: &mut Frame<'_>, area: Rect, app: &App, theme: Theme) {
    let bindings = app.keymap.for_mode(app.mode());
    // One line per command (navigation pairs share one), its keys joined: `k j Up Down  上下`.
    let mut rows: Vec<(String, &'static str)> = Vec::new();
    for b in &bindings {
        let (_, ja, en) = b.command.describe();
        let desc = match b.command {
            Command::Up | Command::Down => tr(app.lang, "上／下へ", "up / down"),
            Command::Left | Command::Right => tr(app.lang, "左／右へ", "left / right"),
            Command::Top | Command::Bottom => tr(app.lang, "先頭／末尾へ", "first / last row"),
            Command::PageUp | Command::PageDown => tr(app.lang, "前／次のページ", "page up / down"),
            _ => description(app.lang, ja, en),
        };
        match rows.iter_mut().find(|(_, d)| *d == desc) {
            Some((keys, _)) => {
                keys.push(' ');
                keys.push_str(&b.key.name());
            }
            None => rows.push((b.key.name(), desc)),
        }
    }
    // Two columns when one would not fit the height and the terminal is wide enough.
    let fits = (rows.len() as u16) < area.height;
    let columns: usize = if fits || area.width < 80 { 1 } else { 2 };
    let per_column = rows.len().div_ceil(columns);
    let inner = if columns == 1 {
        boxed(area, 72, rows.len() as u16 + 2)
    } else {
        area
    };
    frame.render_widget(Clear, inner);
    let title = tr(
        app.lang,
        " キー一覧（どのキーでも閉じる）",
        " Keys (any key closes)",
    );
    frame.render_widget(
        Line::styled(fit(title, inner.width as usize), theme.header()),
        Rect { height: 1, ..inner },
    );
    let col_w = inner.width as usize / columns;
    let key_w = if columns == 1 { 28 } else { 18 };
    for (i, (keys, desc)) in rows.iter().enumerate() {
        let (col, r) = (i / per_column, i % per_column);
        let y = inner.y + 1 + r as u16;
        if y >= inner.bottom() {
            continue;
        }
        let line = Line::from(vec![
            Span::styled(fit(&format!("  {keys}"), key_w), theme.label()),
            Span::raw(fit(desc, col_w.saturating_sub(key_w))),
        ]);
        let x = inner.x + (col * col_w) as u16;
        frame.render_widget(
            line,
            Rect {
                x,
                y,
                width: col_w as u16,
                height: 1,
            },
        );
    }
}

pub fn draw_palette(frame: &mut Frame<'_>, area: Rect, app: &App, p: &PaletteState, theme: Theme) {
    let entries = palette_entries(app);
    let inner = boxed(area, 72, area.height.min(entries.len() as u16 + 3).max(4));
    frame.render_widget(Clear, inner);
    let prompt = " : ";
    let room = (inner.width as usize).saturating_sub(4);
    frame.render_widget(
        Line::from(vec![
            Span::styled(prompt, theme.header()),
            Span::raw(fit(&text::truncate(&p.input.text, room), room + 1)),
        ]),
        Rect { height: 1, ..inner },
    );
    frame.set_cursor_position(Position::new(
        inner.x + 3 + text::width(p.input.before_cursor()).min(room) as u16,
        inner.y,
    ));
    let visible = (inner.height as usize).saturating_sub(1);
    let first = p.cursor.saturating_sub(visible.saturating_sub(1));
    for (i, entry) in entries.iter().enumerate().skip(first).take(visible) {
        let y = inner.y + 1 + (i - first) as u16;
        let desc = description(app.lang, entry.ja, entry.en);
        let mut line = Line::from(vec![
            Span::raw(fit(
                &format!("  {desc}"),
                (inner.width as usize).saturating_sub(16),
            )),
            Span::styled(fit(&entry.keys, 16), theme.label()),
        ]);
        if i == p.cursor {
            line = line.style(theme.cursor());
        }
        frame.render_widget(
            line,
            Rect {
                y,
                height: 1,
                ..inner
            },
        );
    }
}
