//! The runtime: owns the terminal and the store, turns terminal events into actions through the
//! keymap, runs `App::update`, performs its effects against the store and draws.

pub mod effects;
pub mod terminal;

use crate::app::keymap::Key;
use crate::app::{Action, App};
use crate::cli::RunContext;
use crate::store::Store;
use crate::ui::{self, theme::Theme};
use anyhow::Result;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::{Terminal, backend::CrosstermBackend};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Runs the TUI until the officer quits or a signal arrives.
pub fn run(mut store: Store, ctx: &RunContext) -> Result<ExitCode> {
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
    // The TUI retries busy saves itself, with a visible message, instead of blocking silently.
    store.set_begin_retries(0);
    effects::run_all(&mut store, &mut app, effects);

    terminal::enter()?;
    let _guard = terminal::Guard;
    let mut term = Terminal::new(CrosstermBackend::new(std::io::stdout()))?;
    let size = term.size()?;
    app.update(Action::Resize(size.width, size.height));
    let mut data_version = store.data_version()?;
    let mut last_check = Instant::now();
    loop {
        term.draw(|frame| ui::draw(frame, &app, theme))?;
        let sig = signal.load(Ordering::SeqCst);
        if sig != 0 {
            terminal::restore();
            return Ok(ExitCode::from(128 + sig as u8));
        }
        if app.should_quit {
            return Ok(ExitCode::SUCCESS);
        }
        if !event::poll(Duration::from_millis(250))? {
            // Idle: retry a busy save, and pick up other sessions' commits (cheap pragma).
            let mut effects = app.update(Action::Tick);
            if last_check.elapsed() >= Duration::from_secs(1) {
                last_check = Instant::now();
                let version = store.data_version()?;
                if version != data_version {
                    data_version = version;
                    effects.extend(app.update(Action::ExternalChange));
                }
            }
            effects::run_all(&mut store, &mut app, effects);
            continue;
        }
        let action = match event::read()? {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                to_key(key).and_then(|k| app.key_action(k))
            }
            Event::Paste(text) => Some(Action::Edit(crate::app::Edit::Paste(text))),
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            _ => None,
        };
        if let Some(action) = action {
            let effects = app.update(action);
            effects::run_all(&mut store, &mut app, effects);
        }
    }
}

/// Translates a terminal key event; Alt combinations are ignored on purpose (they break over SSH).
pub fn to_key(key: KeyEvent) -> Option<Key> {
    if key.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Delete => Key::Delete,
        _ => return None,
    })
}
