//! Drawing of the screens, one file per screen, mirroring `app/screens/`: each draws its state
//! into the body between the title and the status line.

mod budget;
mod dashboard;
mod detail;
mod due;
mod first_run;
mod funnel;
mod highway;
mod history;
mod links;
mod list;
mod list_columns;
mod outcomes;
mod pi;
mod programs;
mod radar;
mod seamless;

use super::theme::Theme;
use crate::Lang;
use crate::app::{App, Screen};
use crate::text::sanitize_line;
use crate::ui::tr;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// Draws the screen on top of the stack into `area` (the body).
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: Theme) {
    match app.screen() {
        Screen::Dashboard => dashboard::draw(frame, area, app, theme),
        Screen::List(list) => list::draw(frame, area, app, list, theme),
        Screen::Detail(d) => detail::draw(frame, area, d, theme),
        Screen::Due(d) => due::draw(frame, area, app, d, theme),
        Screen::History(h) => history::draw(frame, area, app, h, theme),
        Screen::Budget(b) => budget::draw(frame, area, app, b, theme),
        Screen::Funnel(f) => funnel::draw(frame, area, app, f, theme),
        Screen::Pi(p) => pi::draw(frame, area, app, p, theme),
        Screen::Links(l) => links::draw(frame, area, app, l, theme),
        Screen::Programs(p) => programs::draw(frame, area, app, p, theme),
        Screen::Outcomes(o) => outcomes::draw(frame, area, app, o, theme),
        Screen::Seamless(s) => seamless::draw(frame, area, app, s, theme),
    }
}

/// Draws `lines` from the top of `area`, as many as fit.
fn put_lines(frame: &mut Frame<'_>, area: Rect, lines: Vec<Line<'_>>) {
    for (i, line) in lines.into_iter().take(area.height as usize).enumerate() {
        let row = Rect {
            y: area.y + i as u16,
            height: 1,
            ..area
        };
        frame.render_widget(line, row);
    }
}

fn loading(lang: Lang, theme: Theme) -> Line<'static> {
    Line::styled(tr(lang, " 読み込み中", " loading"), theme.dim())
}

fn name<'a>(lang: Lang, ja: &'a str, en: &'a str) -> String {
    sanitize_line(if lang == Lang::Ja { ja } else { en }).into_owned()
}
