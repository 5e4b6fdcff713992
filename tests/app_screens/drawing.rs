//! Drawing an `App` into a `TestBackend` for the plain-data tests: the screen as text rows.

use super::*;

// ---- drawing ----

/// The screen drawn at `w`×`h` (the app resized to it first, as `seedline show` does), one
/// string per terminal row.
pub fn screen_rows(app: &mut App, w: u16, h: u16) -> Vec<String> {
    app.update(Action::Resize(w, h));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| draw(f, app, Theme::monochrome()))
        .unwrap();
    let mut rows: Vec<String> = buffer_to_text(terminal.backend().buffer())
        .lines()
        .map(str::to_string)
        .collect();
    rows.resize(h as usize, String::new());
    rows
}

/// The body rows (between the title and the status line) drawn at `w`×`h`.
pub fn body_rows(app: &mut App, w: u16, h: u16) -> Vec<String> {
    let rows = screen_rows(app, w, h);
    rows[1..rows.len() - 1].to_vec()
}
