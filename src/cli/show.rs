//! `seedline show …`: the TUI's views rendered as plain text to stdout, for quick looks, scripts
//! and tests. The same drawing code as the TUI, into an off-screen buffer of the chosen size.

use super::RunContext;
use crate::app::{Action, App};
use crate::store::Store;
use crate::ui::{self, plain::buffer_to_text, theme::Theme};
use anyhow::Result;
use ratatui::{Terminal, backend::TestBackend};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// Size of the rendered view.
#[derive(Debug, Clone, clap::Args)]
pub struct Size {
    /// Width in columns (default: the terminal's width, or 80 when not a terminal).
    #[arg(long)]
    pub width: Option<u16>,
    /// Height in rows (default: enough for the whole view).
    #[arg(long)]
    pub height: Option<u16>,
}

/// The views `show` can print.
#[derive(Debug, clap::Subcommand)]
pub enum View {
    /// The pipeline matrix: integrated projects (or disease areas) × phases.
    Dashboard {
        #[command(flatten)]
        size: Size,
        /// Rows by disease area instead of integrated project.
        #[arg(long)]
        areas: bool,
    },
}

pub fn run(ctx: &RunContext, store: &mut Store, view: View) -> Result<ExitCode> {
    let (mut app, effects) = App::new(ctx.lang, ctx.today);
    let size = match view {
        View::Dashboard { size, areas } => {
            crate::tui::effects::run_all(store, &mut app, effects);
            if areas {
                let effects = app.update(Action::TogglePivot);
                crate::tui::effects::run_all(store, &mut app, effects);
            }
            size
        }
    };
    let width = size.width.unwrap_or_else(default_width).max(1);
    let height = size.height.unwrap_or(200).max(1);
    app.update(Action::Resize(width, height));
    let mut text = render(&app, width, height)?;
    if size.height.is_none() {
        text = without_footer(&text);
    }
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Draws `app` into an off-screen buffer and returns its text (monochrome: no escape sequences).
pub fn render(app: &App, width: u16, height: u16) -> Result<String> {
    let mut terminal = Terminal::new(TestBackend::new(width, height))?;
    terminal.draw(|frame| ui::draw(frame, app, Theme::monochrome()))?;
    Ok(buffer_to_text(terminal.backend().buffer()))
}

/// Drops the key-hint footer (meaningless on paper) and the blank rows above it.
fn without_footer(text: &str) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    lines.pop();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

fn default_width() -> u16 {
    if std::io::stdout().is_terminal() {
        ratatui::crossterm::terminal::size().map_or(80, |(w, _)| w)
    } else {
        80
    }
}
