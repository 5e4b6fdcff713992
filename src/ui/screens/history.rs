//! A project's history: the heading, then one line per change, newest first: when, who (the
//! officer), and what changed as a sentence; an undo is marked and names what it took back, a
//! change taken back is dimmed.

use crate::app::{App, HistoryState};
use crate::model::HistoryEntry;
use crate::text::{fit, sanitize_line, width};
use crate::ui::theme::Theme;
use crate::ui::tr;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Below this width the time of day and the officer's given name give way to the sentence.
const NARROW: usize = 60;
/// The widest the officer column grows.
const WHO_MAX: usize = 16;

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
    if h.entries.is_empty() {
        let none = tr(
            app.lang,
            " 記録された変更はありません",
            " No recorded changes",
        );
        if area.height > 1 {
            frame.render_widget(Line::styled(fit(none, w), theme.dim()), row(1));
        }
        return;
    }
    let narrow = w < NARROW;
    let shown: Vec<&HistoryEntry> = h
        .entries
        .iter()
        .skip(h.scroll)
        .take(area.height.saturating_sub(1) as usize)
        .collect();
    let who = |e: &HistoryEntry| -> String {
        let name = sanitize_line(e.who()).into_owned();
        match name.split_once(' ') {
            // On a narrow screen the family name is enough to tell officers apart.
            Some((family, _)) if narrow => family.to_string(),
            _ => name,
        }
    };
    let who_width = shown
        .iter()
        .map(|e| width(&who(e)))
        .max()
        .unwrap_or(0)
        .min(if narrow { WHO_MAX / 2 } else { WHO_MAX });
    for (k, e) in shown.iter().enumerate() {
        let at = if narrow {
            e.day().to_string()
        } else {
            e.minute()
        };
        let lead = format!(" {}  ", fit(&at, width(&at)));
        let by = format!("{}  ", fit(&who(e), who_width));
        let mark = e
            .mark(app.lang)
            .map(|m| format!("{m} "))
            .unwrap_or_default();
        let room = w.saturating_sub(width(&lead) + width(&by) + width(&mark));
        let sentence = fit(&sanitize_line(&e.sentence(app.lang)), room);
        let undone = e.undo.undone_at.is_some();
        let text_style = if undone {
            theme.dim()
        } else {
            Default::default()
        };
        let line = Line::from(vec![
            Span::styled(lead, theme.dim()),
            Span::styled(by, theme.label()),
            Span::styled(mark, theme.warn()),
            Span::styled(sentence, text_style),
        ]);
        frame.render_widget(line, row(k as u16 + 1));
    }
}
