//! The key help (`?`) and the command palette (`:`), drawn over the screen from the keymap.

use super::theme::Theme;
use super::tr;
use crate::app::{App, PaletteState, help_rows, palette_entries};
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

/// Splits `s` into lines of at most `cells` cells: at spaces where there are some (English),
/// anywhere between characters otherwise (Japanese).
fn wrap(s: &str, cells: usize) -> Vec<String> {
    use unicode_segmentation::UnicodeSegmentation;
    let cells = cells.max(1);
    let mut lines: Vec<String> = vec![String::new()];
    for word in s.split_inclusive(' ') {
        let used = lines.last().map_or(0, |l| text::width(l));
        if used > 0 && used + text::width(word.trim_end()) > cells {
            lines.push(String::new());
        }
        for g in word.graphemes(true) {
            let used = lines.last().map_or(0, |l| text::width(l));
            if used + text::width(g) > cells && g != " " {
                lines.push(String::new());
            }
            if let Some(last) = lines.last_mut()
                && !(last.is_empty() && g == " ")
            {
                last.push_str(g);
            }
        }
    }
    lines.iter().map(|l| l.trim_end().to_string()).collect()
}

/// The help laid out in `columns` columns of `col_w` cells: per column, its lines (keys, text).
fn help_columns(
    rows: &[crate::app::HelpRow],
    columns: usize,
    col_w: usize,
    height: usize,
) -> (Vec<Vec<(String, String)>>, usize) {
    let widest_keys = rows.iter().map(|r| text::width(&r.keys)).max().unwrap_or(0);
    let key_w = (widest_keys + 2).min(col_w / 3).max(6);
    let what_w = col_w.saturating_sub(key_w + 1).max(1);
    let mut out: Vec<Vec<(String, String)>> = vec![Vec::new()];
    let mut shown = 0;
    for row in rows {
        // Keys that do not fit their column go on under each other, like the text beside them.
        let keys = wrap(&row.keys, key_w.saturating_sub(2));
        let what = wrap(&row.what, what_w);
        let lines = keys.len().max(what.len());
        if out.last().map_or(0, Vec::len) + lines > height {
            if out.len() == columns {
                break;
            }
            out.push(Vec::new());
        }
        let Some(column) = out.last_mut() else { break };
        if column.len() + lines > height {
            break;
        }
        for i in 0..lines {
            let k = keys.get(i).map_or("", String::as_str);
            column.push((
                fit(&format!("  {k}"), key_w),
                what.get(i).cloned().unwrap_or_default(),
            ));
        }
        shown += 1;
    }
    (out, shown)
}

/// `?`: the keys of this screen (or of the open form), each with what it does here. Lines wrap
/// rather than being cut; when they do not fit the height they flow into more columns, and when
/// even that is not enough the last line says how many more there are.
pub fn draw_help(frame: &mut Frame<'_>, area: Rect, app: &App, theme: Theme) {
    let (title, rows) = help_rows(app);
    let height = (area.height as usize).saturating_sub(1).max(1);
    let width = area.width as usize;
    // The fewest columns (each at least 38 cells wide) that hold every line.
    let max_columns = (width / 38).max(1);
    let mut layout = None;
    for columns in 1..=max_columns {
        let col_w = if columns == 1 {
            width.min(84)
        } else {
            width / columns
        };
        let (cols, shown) = help_columns(&rows, columns, col_w, height);
        if shown == rows.len() || columns == max_columns {
            layout = Some((cols, shown, col_w));
            break;
        }
    }
    let Some((cols, shown, col_w)) = layout else {
        return;
    };
    let (cols, shown) = if shown < rows.len() {
        // Room for the line saying what is left.
        help_columns(&rows, cols.len().max(1), col_w, height.saturating_sub(1))
    } else {
        (cols, shown)
    };
    let tallest = cols.iter().map(Vec::len).max().unwrap_or(0);
    let more = rows.len() - shown;
    let inner = if cols.len() == 1 && more == 0 {
        boxed(area, col_w as u16, tallest as u16 + 1)
    } else {
        area
    };
    frame.render_widget(Clear, inner);
    frame.render_widget(
        Line::styled(fit(&title, inner.width as usize), theme.header()),
        Rect { height: 1, ..inner },
    );
    for (c, column) in cols.iter().enumerate() {
        for (r, (keys, what)) in column.iter().enumerate() {
            let y = inner.y + 1 + r as u16;
            if y >= inner.bottom() {
                break;
            }
            let key_w = text::width(keys);
            let line = Line::from(vec![
                Span::styled(keys.clone(), theme.label()),
                Span::raw(" "),
                Span::raw(fit(what, col_w.saturating_sub(key_w + 1))),
            ]);
            frame.render_widget(
                line,
                Rect {
                    x: inner.x + (c * col_w) as u16,
                    y,
                    width: (col_w as u16).min(inner.width),
                    height: 1,
                },
            );
        }
    }
    if more > 0 {
        let note = format!(
            "  {} {more} {}",
            tr(app.lang, "ほか", "and"),
            tr(
                app.lang,
                "件は : のコマンド一覧で検索できます",
                "more: type : to search every command"
            )
        );
        frame.render_widget(
            Line::styled(fit(&note, inner.width as usize), theme.dim()),
            Rect {
                y: inner.bottom().saturating_sub(1),
                height: 1,
                ..inner
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
        let desc = &entry.label;
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
