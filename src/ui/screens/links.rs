//! A project's links: kind, date, label and where each one is.

use super::put_lines;
use crate::app::{App, LinksState};
use crate::model::Coded;
use crate::text::{fit, sanitize_line};
use crate::ui::theme::Theme;
use crate::ui::tr;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, l: &LinksState, theme: Theme) {
    let lang = app.lang;
    let w = area.width as usize;
    let mut lines = vec![Line::styled(
        fit(
            tr(
                lang,
                " Enter で開く（画面のない SSH では場所を表示） | seedline attach で追加",
                " Enter opens (over SSH without a display: shows where) | seedline attach adds",
            ),
            w,
        ),
        theme.label(),
    )];
    let head = format!(
        "  {} {} {} {}",
        fit(tr(lang, "種別", "Kind"), 10),
        fit(tr(lang, "日付", "Date"), 10),
        fit(tr(lang, "ラベル", "Label"), 24),
        tr(lang, "リンク", "Link")
    );
    lines.push(Line::styled(fit(&head, w), theme.column_header()));
    if l.links.is_empty() {
        lines.push(Line::styled(
            tr(lang, "  添付リンクはありません", "  no links"),
            theme.dim(),
        ));
    }
    let rest = w.saturating_sub(2 + 11 + 11 + 25);
    let page = (area.height as usize).saturating_sub(lines.len());
    for (k, a) in l.links.iter().enumerate().skip(l.offset).take(page) {
        let mut line = Line::raw(format!(
            "  {} {} {} {}",
            fit(a.kind.label(lang), 10),
            fit(a.dated_on.as_deref().unwrap_or(""), 10),
            fit(&sanitize_line(&a.label), 24),
            fit(&sanitize_line(&a.target), rest)
        ));
        if k == l.cursor {
            line = line.style(theme.cursor());
        }
        lines.push(line);
    }
    put_lines(frame, area, lines);
}
