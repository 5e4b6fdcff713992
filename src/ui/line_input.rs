//! One-line inputs: the window of a line longer than its room that keeps the cursor in view
//! (forms' line and date fields, the filter line), and the `/` filter line itself, drawn on the
//! list's info row with the match count kept on its right.

use super::theme::Theme;
use super::tr;
use crate::app::{App, InputLine, Screen};
use crate::text::{self, sanitize_line, thousands};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

/// The part of `text` (cursor after `cursor` characters) shown in `room` cells, and the cursor's
/// cell in it. A line that fits is shown whole; a longer one scrolls so the cursor stays in view,
/// a cut end marked `~` on either side. Widths by display cells (a kanji takes two).
pub fn scrolled(text: &str, cursor: usize, room: usize) -> (String, usize) {
    let split = text
        .char_indices()
        .nth(cursor)
        .map_or(text.len(), |(i, _)| i);
    let before = sanitize_line(&text[..split]).into_owned();
    let after = sanitize_line(&text[split..]).into_owned();
    let before_w = text::width(&before);
    let whole_w = before_w + text::width(&after);
    // The cursor takes a cell of its own past the end of the text.
    if whole_w < room || (whole_w == room && before_w < room) {
        return (format!("{before}{after}"), before_w);
    }
    if room < 5 {
        let shown = text::truncate(&format!("{before}{after}"), room).into_owned();
        return (shown, before_w.min(room.saturating_sub(1)));
    }
    if before_w < room - 1 {
        // The cursor is in the first window: the end is cut.
        let shown = text::truncate(&format!("{before}{after}"), room).into_owned();
        return (shown, before_w);
    }
    // Scrolled: `~`, the end of the text before the cursor, then the character under the cursor
    // (or its own cell at the end) and what follows as far as it fits (cut with `~`).
    let under = after
        .graphemes(true)
        .next()
        .map_or(1, |g| text::width(g).max(1));
    let more = usize::from(text::width(&after) > under);
    let budget = room.saturating_sub(1 + under + more);
    let mut tail: Vec<&str> = Vec::new();
    let mut used = 0;
    for g in before.graphemes(true).rev() {
        let w = text::width(g);
        if used + w > budget {
            break;
        }
        used += w;
        tail.push(g);
    }
    tail.reverse();
    let mut shown = String::from(text::ELLIPSIS);
    shown.extend(tail);
    let col = text::width(&shown);
    let rest = room - col;
    shown.push_str(&text::truncate(&after, rest));
    (shown, col)
}

/// The `/` filter line over the list's info row: the prompt, the text (scrolled to the cursor)
/// and the matches on the right, said to be the previous results while what is typed does not
/// apply yet (a field name being typed, a term with an error; the hint is in the status line).
pub fn draw_filter(frame: &mut Frame<'_>, row: Rect, app: &App, line: &InputLine, theme: Theme) {
    let lang = app.lang;
    let w = row.width as usize;
    let prompt = tr(lang, " 絞り込み: ", " Filter: ");
    let mut right: Vec<String> = Vec::new();
    if let Screen::List(list) = app.screen() {
        let count = if list.loaded {
            format!(
                "{}{} / {}",
                thousands(list.ids.len() as i64),
                if list.partial { "+" } else { "" },
                thousands(app.total_projects)
            )
        } else {
            tr(lang, "検索中", "searching").to_string()
        };
        if list.query.trim() != line.text.trim() {
            right.push(format!(" {} {count} ", tr(lang, "前の結果", "previous:")));
        }
        right.push(format!(" {count} "));
    }
    let prompt_w = text::width(prompt);
    // The longest right part that leaves the text a few cells; the count itself is never cut.
    let right = right
        .iter()
        .find(|r| w >= prompt_w + text::width(r) + 10)
        .or(right.last())
        .filter(|r| w >= prompt_w + text::width(r) + 2)
        .cloned()
        .unwrap_or_default();
    let room = w.saturating_sub(prompt_w + text::width(&right));
    let (shown, col) = scrolled(&line.text, line.cursor, room);
    let stale = right.contains(tr(lang, "前の結果", "previous:"));
    frame.render_widget(
        Line::from(vec![
            Span::styled(prompt, theme.label()),
            Span::raw(text::fit(&shown, room)),
            Span::styled(right, if stale { theme.warn() } else { theme.totals() }),
        ]),
        row,
    );
    let x = prompt_w + col.min(room.saturating_sub(1));
    frame.set_cursor_position(Position::new(row.x + x as u16, row.y));
}

#[cfg(test)]
mod tests {
    use super::scrolled;
    use crate::text::width;

    #[test]
    fn a_line_that_fits_is_whole_and_a_long_one_keeps_the_cursor_in_view() {
        assert_eq!(scrolled("がん ip:drug", 3, 20), ("がん ip:drug".into(), 5));
        let long = "phase:応用..臨床 modality:医療機器 flag:recommended due:overdue";
        let end = long.chars().count();
        let (shown, col) = scrolled(long, end, 20);
        assert!(
            shown.starts_with('~') && shown.ends_with("overdue"),
            "{shown}"
        );
        assert!(width(&shown) <= 20 && col == width(&shown) && col < 20);
        let (shown, col) = scrolled(long, 0, 20);
        assert!(
            shown.starts_with("phase:") && shown.ends_with('~'),
            "{shown}"
        );
        assert_eq!((col, width(&shown)), (0, 20));
        // In the middle: cut on both sides, the cursor on the character after it.
        let at = long
            .find("flag")
            .map(|b| long[..b].chars().count())
            .unwrap();
        let (shown, col) = scrolled(long, at, 20);
        assert!(shown.starts_with('~') && shown.ends_with('~'), "{shown}");
        assert_eq!(width(&shown), 20, "{shown}");
        assert!(
            shown.ends_with("医療機器 f~"),
            "the character under the cursor shows: {shown}"
        );
        assert_eq!(col, width(&shown) - 2);
        // Wide characters: the cursor lands on a character's first cell, never inside one.
        let (shown, col) = scrolled("面談を実施した。次回はPMDA相談", 6, 10);
        assert!(width(&shown) <= 10 && col < 10, "{shown} {col}");
        let starts: Vec<usize> = shown
            .char_indices()
            .map(|(i, _)| width(&shown[..i]))
            .collect();
        assert!(starts.contains(&col), "{shown} {col}");
        // Exactly the room, cursor at the end: scrolled one cell so the cursor shows.
        let (shown, col) = scrolled("abcdefghij", 10, 10);
        assert!(shown.starts_with('~') && col < 10, "{shown} {col}");
    }
}
