//! The runtime: owns the terminal and the store, turns terminal events into actions through the
//! keymap, runs `App::update`, performs its effects against the store and draws. [`run`] sets up
//! and tears down; [`Runtime::step`] is one turn of the loop.

pub mod effects;
mod keys;
pub mod runtime;
pub mod terminal;
pub mod worker;

pub use keys::to_key;
pub use runtime::{Events, Runtime, TerminalEvents};

use crate::app::{Action, App};
use crate::drafts::DraftFile;
use crate::session::RunContext;
use crate::store::Store;
use crate::ui::theme::Theme;
use anyhow::Result;
use ratatui::{Terminal, backend::CrosstermBackend};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

/// Runs the TUI until the officer quits or a signal arrives. Everything that can fail at start
/// (a damaged database, a damaged draft file) fails before the terminal changes mode.
pub fn run(mut store: Store, ctx: &RunContext) -> Result<ExitCode> {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(crate::msg::cli::needs_terminal().into());
    }
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)?;
    }
    let theme = Theme::from_env();
    let reference = std::sync::Arc::new(store.reference()?);
    let (mut app, effects) = App::new(ctx.lang, ctx.today, reference, ctx.keymap.clone());
    app.author = ctx.author.clone();
    app.stall_days = ctx.stall_days;
    app.radar_days = ctx.radar_days;
    app.config_file = ctx.paths.config_file().display().to_string();
    app.export = effects::export_settings(&ctx.paths.state);
    // The TUI retries busy saves itself, with a visible message, instead of blocking silently.
    store.set_begin_retries(0);
    // A damaged database shows here, on the first queries, while the terminal is still normal.
    effects::run_start(&mut store, &mut app, effects)?;
    let drafts = DraftFile::for_db(&ctx.paths.state, store.path());
    app.restore_drafts(drafts.load()?);
    if store.is_read_only() {
        app.status = Some(
            crate::tr(
                ctx.lang,
                "読み取り専用で開きました（変更は保存できません）",
                "opened read-only: changes cannot be saved",
            )
            .into(),
        );
    }
    crate::log::event("tui.start", &[("projects", app.total_projects)]);

    terminal::enter()?;
    let _guard = terminal::Guard;
    let mut term = Terminal::new(CrosstermBackend::new(std::io::stdout()))?;
    let size = term.size()?;
    app.update(Action::Resize(size.width, size.height));
    let mut runtime = Runtime::new(store, app, drafts, theme, signal)?;
    let code = loop {
        if let Some(code) = runtime.step(&mut term, &mut TerminalEvents)? {
            break code;
        }
    };
    terminal::restore();
    crate::log::event(
        "tui.exit",
        &[("status", i64::from(code == ExitCode::SUCCESS))],
    );
    Ok(code)
}
