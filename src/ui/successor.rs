//! The successor offer over the detail, after a highway flag is accepted: create the successor
//! from this project, later, or one of the target program's projects (narrowed by typing).

use super::theme::Theme;
use super::tr;
use crate::app::{App, OfferEntry, SuccessorOffer};
use crate::model::Coded;
use crate::text::{fit, sanitize_line};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// Lines around the entries: title, input, hint.
const CHROME: u16 = 3;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, o: &SuccessorOffer, theme: Theme) {
    let lang = app.lang;
    let entries = o.entries();
    let loading = o.candidates.is_none();
    let rows = entries.len() as u16 + u16::from(loading);
    let title = format!(
        " {} {}",
        tr(lang, "後継課題:", "Successor:"),
        sanitize_line(&o.heading)
    );
    let inner = super::picker::boxed_input(frame, area, (72, rows), &title, &o.input, theme);
    let width = inner.width as usize;
    let row = |i: u16| Rect {
        y: inner.y + i,
        height: 1,
        ..inner
    };
    let list_rows = inner.height.saturating_sub(CHROME) as usize;
    let first = o.cursor.saturating_sub(list_rows.saturating_sub(1));
    let mut drawn = 0;
    for (i, entry) in entries.iter().enumerate().skip(first).take(list_rows) {
        let text = match entry {
            OfferEntry::Create => format!(
                " + {}",
                tr(
                    lang,
                    "新規課題を作成（前身から引き継ぎ）",
                    "Create it from this project"
                )
            ),
            OfferEntry::Later => format!(" - {}", tr(lang, "あとで", "Later")),
            OfferEntry::Existing(p) => format!(
                "   {}  {}  {}",
                sanitize_line(&p.amed_id),
                p.phase.label(lang),
                sanitize_line(&p.title)
            ),
        };
        let mut line = Line::raw(fit(&text, width));
        if i == o.cursor {
            line = line.style(theme.cursor());
        }
        frame.render_widget(line, row(2 + (i - first) as u16));
        drawn += 1;
    }
    if loading && drawn < list_rows {
        frame.render_widget(
            Line::styled(
                fit(tr(lang, "   読み込み中", "   loading"), width),
                theme.dim(),
            ),
            row(2 + drawn as u16),
        );
    }
    let hint = tr(
        lang,
        " Enter 選択  文字入力で絞込  Esc あとで",
        " Enter choose  type to narrow  Esc later",
    );
    if inner.height >= CHROME {
        frame.render_widget(
            Line::styled(fit(hint, width), theme.dim()),
            row(inner.height - 1),
        );
    }
}
