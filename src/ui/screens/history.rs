//! A project's history: the heading, then one line per change, newest first.

use crate::app::{App, HistoryState};
use crate::text::{fit, sanitize_line};
use crate::ui::theme::Theme;
use crate::ui::tr;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, h: &HistoryState, theme: Theme) {
    let w = area.width as usize;
    let row = |i: u16| Rect {
        y: area.y + i,
        height: 1,
        ..area
    };
    let head = format!(
        " {}  ({})",
        sanitize_line(&h.label),
        tr(
            app.lang,
            "新しい順、監査ログより",
            "newest first, from the audit log"
        )
    );
    frame.render_widget(Line::styled(fit(&head, w), theme.label()), row(0));
    for (k, e) in h
        .entries
        .iter()
        .skip(h.scroll)
        .take(area.height.saturating_sub(1) as usize)
        .enumerate()
    {
        let who = match &e.officer {
            Some(o) if *o != e.actor => format!("{} ({})", o, e.actor),
            _ => e.actor.clone(),
        };
        let at = e.at.get(..16).unwrap_or(&e.at).replace('T', " ");
        let line = Line::from(vec![
            Span::styled(format!(" {at}  "), theme.dim()),
            Span::styled(format!("{} ", fit(&e.action, 14)), theme.label()),
            Span::raw(fit(
                &format!(
                    "{}  {}",
                    sanitize_line(&who),
                    sanitize_line(&e.text(app.lang))
                ),
                w.saturating_sub(35),
            )),
        ]);
        frame.render_widget(line, row(k as u16 + 1));
    }
}
