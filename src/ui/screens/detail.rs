//! The project detail: the lines laid out by `app::detail`, from the scroll position.

use crate::app::DetailState;
use crate::app::detail::Tone;
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame<'_>, area: Rect, d: &DetailState, theme: Theme) {
    if d.detail.is_none() {
        frame.render_widget(Line::styled(" ...", theme.dim()), area);
        return;
    }
    let style = |tone: Tone| -> Style {
        match tone {
            Tone::Normal => Style::new(),
            Tone::Heading => theme.totals(),
            Tone::Label => theme.label(),
            Tone::Dim => theme.dim(),
            Tone::Flag => theme.flag(),
            Tone::Alert => theme.alert(),
        }
    };
    // The focused note's first line is drawn in reverse video (J / K move it).
    // So is the focused lineage project's.
    let focused_line = d
        .note_focus
        .and_then(|i| d.note_starts.get(i).copied())
        .or_else(|| d.chain.get(d.chain_focus?).map(|c| c.0));
    for (i, line) in d
        .lines
        .iter()
        .enumerate()
        .skip(d.scroll)
        .take(area.height as usize)
    {
        let spans: Vec<Span<'_>> = line
            .0
            .iter()
            .map(|(tone, text)| Span::styled(text.as_str(), style(*tone)))
            .collect();
        let mut rendered = Line::from(spans);
        if Some(i) == focused_line {
            rendered = rendered.style(theme.cursor());
        }
        frame.render_widget(
            rendered,
            Rect {
                y: area.y + (i - d.scroll) as u16,
                height: 1,
                ..area
            },
        );
    }
}
