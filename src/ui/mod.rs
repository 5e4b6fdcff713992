//! Rendering only: draws `&App` into a ratatui frame. Every string from the database passes through
//! `text::sanitize_line` / `sanitize_multiline` and is cut by display width before it is drawn.

mod form;
mod line_input;
mod overlay;
mod picker;
pub mod plain;
mod screens;
mod successor;
pub mod theme;

use crate::app::{App, Overlay};
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use theme::Theme;

pub use crate::tr;

/// Smallest size every screen is drawn at; below it a one-line notice is shown.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 8;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame<'_>, app: &App, theme: Theme) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = tr(app.lang, "端末が小さすぎます", "terminal too small");
        let line = format!(
            "{msg} ({}x{} < {MIN_WIDTH}x{MIN_HEIGHT})",
            area.width, area.height
        );
        frame.render_widget(
            Line::from(text::truncate(&line, area.width as usize).into_owned()),
            Rect { height: 1, ..area },
        );
        return;
    }
    let title = Rect { height: 1, ..area };
    let status = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let body = Rect {
        y: area.y + 1,
        height: area.height - 2,
        ..area
    };
    draw_title(frame, title, app, theme);
    screens::draw(frame, body, app, theme);
    draw_status(frame, status, app, theme);
    match &app.overlay {
        Overlay::Help => overlay::draw_help(frame, body, app, theme),
        Overlay::FormHelp(f) => {
            form::draw(frame, body, app.lang, f, &app.author.name, theme);
            overlay::draw_help(frame, body, app, theme);
        }
        Overlay::Palette(p) => overlay::draw_palette(frame, body, app, p, theme),
        Overlay::Filter { line, .. } => {
            // The filter line sits on the list's info row, just under the title.
            let row = Rect {
                y: body.y,
                height: 1,
                ..body
            };
            line_input::draw_filter(frame, row, app, line, theme);
        }
        Overlay::Form(f) => form::draw(frame, body, app.lang, f, &app.author.name, theme),
        Overlay::Picker(p) => picker::draw(frame, body, app, p, theme),
        Overlay::Successor(o) => successor::draw(frame, body, app, o, theme),
        Overlay::None => {}
    }
}

fn draw_title(frame: &mut Frame<'_>, area: Rect, app: &App, theme: Theme) {
    let crumbs: Vec<String> = app.stack.iter().map(|s| s.name(app.lang)).collect();
    let left = text::sanitize_line(&format!(" seedline › {}", crumbs.join(" › "))).into_owned();
    let right = format!("{} ", app.today);
    let w = area.width as usize;
    let right_w = text::width(&right);
    // Two cells always part the breadcrumb from the date; a breadcrumb too long keeps its end
    // (the current screen matters most) and is cut with `~` before it reaches the date.
    let room = w.saturating_sub(right_w + 2);
    let left = if text::width(&left) > room {
        let tail = text::sanitize_line(&crumbs.last().cloned().unwrap_or_default()).into_owned();
        text::truncate(&format!(" ~ › {tail}"), room).into_owned()
    } else {
        left
    };
    frame.render_widget(
        Line::from(vec![
            Span::raw(text::fit(&left, w.saturating_sub(right_w))),
            Span::raw(right),
        ])
        .style(theme.header()),
        area,
    );
}

fn draw_status(frame: &mut Frame<'_>, area: Rect, app: &App, theme: Theme) {
    let w = area.width as usize;
    if let Some(message) = &app.status {
        let message = text::sanitize_line(message);
        frame.render_widget(Line::styled(text::fit(&message, w), theme.alert()), area);
        return;
    }
    if let Some(message) = &app.notice {
        let message = text::sanitize_line(message);
        frame.render_widget(
            Line::styled(text::fit(&format!(" {message}"), w), theme.ok()),
            area,
        );
        return;
    }
    if let Overlay::Form(f) = &app.overlay {
        let keys = fit_hints(&form::footer_keys(app.lang, f), w);
        frame.render_widget(Line::styled(text::fit(&keys, w), theme.dim()), area);
        return;
    }
    let hints: Vec<String> = app
        .keymap
        .for_mode(app.mode())
        .into_iter()
        .filter(|b| b.hint)
        .map(|b| {
            format!(
                "{} {}",
                b.key.name(),
                b.command.short_in(app.mode(), app.lang)
            )
        })
        .collect();
    frame.render_widget(
        Line::styled(text::fit(&fit_hints(&hints, w), w), theme.dim()),
        area,
    );
}

/// Key hints two cells apart, as many whole ones as fit in `w` cells; when some are left out the
/// line ends ` ~` (one cell apart from the last hint shown), so no hint is cut mid-word.
pub(crate) fn fit_hints(hints: &[String], w: usize) -> String {
    let mut out = String::from(" ");
    for (i, hint) in hints.iter().enumerate() {
        let sep = if i == 0 { "" } else { "  " };
        let more = if i + 1 < hints.len() { 2 } else { 0 };
        if text::width(&out) + text::width(sep) + text::width(hint) + more > w {
            if i == 0 {
                return text::truncate(&format!(" {hint}"), w).into_owned();
            }
            out.push_str(" ~");
            return out;
        }
        out.push_str(sep);
        out.push_str(hint);
    }
    out
}
