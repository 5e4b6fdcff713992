//! Rendering only: draws `&App` into a ratatui frame. Every string from the database passes through
//! `text::sanitize_line` / `sanitize_multiline` and is cut by display width before it is drawn.

mod dashboard;
pub mod plain;
pub mod theme;

use crate::Lang;
use crate::app::{App, Screen};
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use theme::Theme;

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
        let line = format!("{msg} ({}x{})", area.width, area.height);
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
    match app.screen() {
        Screen::Dashboard => dashboard::draw(frame, body, app, theme),
    }
    draw_status(frame, status, app, theme);
}

/// Picks the Japanese or English label.
pub fn tr(lang: Lang, ja: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
    }
}

fn screen_name(lang: Lang, screen: &Screen) -> &'static str {
    match screen {
        Screen::Dashboard => tr(lang, "ダッシュボード", "Dashboard"),
    }
}

fn draw_title(frame: &mut Frame<'_>, area: Rect, app: &App, theme: Theme) {
    let crumbs: Vec<&str> = app.stack.iter().map(|s| screen_name(app.lang, s)).collect();
    let left = format!(" seedline › {}", crumbs.join(" › "));
    let right = format!("{} ", app.today);
    let w = area.width as usize;
    let right_w = text::width(&right);
    let left = text::fit(&left, w.saturating_sub(right_w));
    frame.render_widget(
        Line::from(vec![Span::raw(left), Span::raw(right)]).style(theme.header()),
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
    let hints = tr(
        app.lang,
        "矢印/hjkl 移動  t 疾患領域/統合PJ  r 更新  q 終了",
        "arrows move  t areas/projects  r refresh  q quit",
    );
    frame.render_widget(Line::styled(text::fit(hints, w), theme.dim()), area);
}
