//! The officer picker (`O`): the roster over the screen, narrowed by the typed text, each officer
//! marked when assigned to all (✓) or some (−) of the targets.

use super::theme::Theme;
use super::tr;
use crate::app::{App, Mark, PickerState};
use crate::model::Coded;
use crate::text::{self, fit, sanitize_line};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

/// Lines around the roster: title, input, hint.
const CHROME: u16 = 3;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, p: &PickerState, theme: Theme) {
    let lang = app.lang;
    let visible = p.visible();
    let rows = match &p.roster {
        Some(r) if !r.is_empty() => visible.len().max(1) as u16,
        _ => 3,
    };
    let title = format!(
        " {} {}",
        tr(lang, "担当者:", "Officers:"),
        sanitize_line(&p.heading)
    );
    let inner = boxed_input(frame, area, (64, rows), &title, &p.input, theme);
    let width = inner.width as usize;
    let row = |i: u16| Rect {
        y: inner.y + i,
        height: 1,
        ..inner
    };
    let list_rows = inner.height.saturating_sub(CHROME) as usize;
    let message = |m: &str| Line::styled(fit(m, width), theme.dim());
    match &p.roster {
        None => frame.render_widget(message(tr(lang, " 読み込み中", " loading")), row(2)),
        Some(r) if r.is_empty() => {
            let lines = [
                tr(
                    lang,
                    " 担当者が未登録です。追加するには:",
                    " No officers yet. Add one with:",
                ),
                " seedline officer add 氏名 --role PO --login ACCOUNT",
                tr(
                    lang,
                    " （役割は PD / PS / PO / DC）",
                    " (roles: PD / PS / PO / DC)",
                ),
            ];
            for (i, l) in lines.iter().enumerate().take(list_rows) {
                frame.render_widget(message(l), row(2 + i as u16));
            }
        }
        Some(_) if visible.is_empty() => frame.render_widget(
            message(tr(lang, " 該当する担当者はいません", " no officer matches")),
            row(2),
        ),
        Some(_) => {
            let first = p.cursor.saturating_sub(list_rows.saturating_sub(1));
            for (i, o) in visible.iter().enumerate().skip(first).take(list_rows) {
                let mark = match p.mark(o) {
                    Mark::All => "✓",
                    Mark::Some => "−",
                    Mark::None => " ",
                };
                let login = o.login.as_deref().map(sanitize_line).unwrap_or_default();
                let text = format!(
                    " [{mark}] {} {}  {login}",
                    o.role.code(),
                    sanitize_line(&o.name)
                );
                let mut line = Line::raw(fit(&text, width));
                if i == p.cursor {
                    line = line.style(theme.cursor());
                }
                frame.render_widget(line, row(2 + (i - first) as u16));
            }
        }
    }
    let hint = tr(
        lang,
        " Enter 追加／解除（本日付）  Esc 閉じる",
        " Enter assign / unassign (today)  Esc close",
    );
    if inner.height >= CHROME {
        frame.render_widget(
            Line::styled(fit(hint, width), theme.dim()),
            row(inner.height - 1),
        );
    }
}

/// A box over the screen, `max_w` cells wide at most and `rows` rows of entries tall (plus the
/// title, the typed line and the hint): drawn with its title and the typed line (cursor placed),
/// returned for the caller's entries.
pub(super) fn boxed_input(
    frame: &mut Frame<'_>,
    area: Rect,
    (max_w, rows): (u16, u16),
    title: &str,
    input: &crate::app::InputLine,
    theme: Theme,
) -> Rect {
    let w = area.width.min(max_w);
    let h = (rows + CHROME).min(area.height);
    let inner = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, inner);
    let width = inner.width as usize;
    let row = |i: u16| Rect {
        y: inner.y + i,
        height: 1,
        ..inner
    };
    frame.render_widget(Line::styled(fit(title, width), theme.header()), row(0));
    let room = width.saturating_sub(4);
    frame.render_widget(
        Line::from(vec![
            Span::styled(" > ", theme.label()),
            Span::raw(fit(&text::truncate(&input.text, room), room + 1)),
        ]),
        row(1),
    );
    if inner.height > 1 {
        frame.set_cursor_position(Position::new(
            inner.x + 3 + text::width(input.before_cursor()).min(room) as u16,
            inner.y + 1,
        ));
    }
    inner
}
