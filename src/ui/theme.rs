//! Every style the UI uses, in one place. With `NO_COLOR` set the theme uses only reverse video,
//! bold and underline, so cursor and selection stay visible in monochrome.

use ratatui::style::{Color, Modifier, Style};

/// The styles of one colour scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to anything non-empty (<https://no-color.org>).
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    pub fn monochrome() -> Theme {
        Theme { color: false }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// The title bar and column headers.
    pub fn header(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
    pub fn column_header(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    /// The cursor row or cell.
    pub fn cursor(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    /// Rows in the selection (also marked with `*`).
    pub fn selected(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }
    /// Open highway flags (⚑).
    pub fn flag(self) -> Style {
        self.fg(Color::Yellow)
    }
    /// Follow-ups due, errors.
    pub fn alert(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    /// Overdue by a month or less, stalled projects: worth a look, not yet alarming.
    pub fn warn(self) -> Style {
        self.fg(Color::Yellow)
    }
    pub fn ok(self) -> Style {
        self.fg(Color::Green)
    }
    pub fn label(self) -> Style {
        self.fg(Color::Cyan)
    }
    pub fn totals(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn bar(self) -> Style {
        self.fg(Color::Blue)
    }
}
