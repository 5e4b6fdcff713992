//! One headless session: the dashboard as `seedline` starts it (`tui::run`), with the real `App`,
//! effect runner and `Runtime` turning as the TUI does (250 ms input waits, the idle tick, the
//! 1-second look for other sessions' commits), drawing into a `TestBackend` instead of a terminal.

use super::cpu_self_us;
use ratatui::{Terminal, backend::TestBackend};
use seedline::Lang;
use seedline::app::{Action, App, keymap::Keymap};
use seedline::drafts::DraftFile;
use seedline::model::Author;
use seedline::store::{OpenOptions, Store};
use seedline::tui::terminal::Input;
use seedline::tui::{Events, Runtime, effects};
use seedline::ui::theme::Theme;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;
use std::time::{Duration, Instant};

/// The terminal size every session draws at.
pub const WIDTH: u16 = 120;
pub const HEIGHT: u16 = 40;

/// No officer at the keyboard: every wait runs out, as `poll` on a quiet terminal does.
struct Quiet;

impl Events for Quiet {
    fn wait(&mut self, timeout: Duration) -> Input {
        std::thread::sleep(timeout);
        Input::Idle
    }

    fn next(&mut self) -> std::io::Result<Option<ratatui::crossterm::event::Event>> {
        Ok(None)
    }
}

/// Runs one session until SIGTERM; writes `cpu_us wall_ms` to `ready` once start-up is done (the
/// first frame drawn, nothing waiting for a frame, the background integrity check answered).
pub fn run(db: &Path, state: &Path, index: usize, ready: &Path) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)?;
    }
    seedline::store::busy::timeout_from_env();
    // The same steps as `seedline::tui::run`, minus the terminal.
    let mut store = Store::open(db, OpenOptions::EXISTING)?;
    let reference = Arc::new(store.reference()?);
    let (mut app, start) = App::new(Lang::Ja, super::today(), reference, Keymap::default());
    app.author = Author {
        name: format!("load-session-{index}"),
        role: "PO".into(),
    };
    store.set_begin_retries(0);
    effects::run_start(&mut store, &mut app, start)?;
    let drafts = DraftFile::for_db(state, store.path());
    app.restore_drafts(drafts.load()?);
    app.update(Action::Resize(WIDTH, HEIGHT));
    let mut runtime = Runtime::new(store, app, drafts, Theme::monochrome(), signal)?;
    let mut term = Terminal::new(TestBackend::new(WIDTH, HEIGHT))?;
    let mut told = false;
    loop {
        if let Some(code) = runtime.step(&mut term, &mut Quiet)? {
            return Ok(code);
        }
        if !told && !runtime.starting() {
            told = true;
            let line = format!("{} {}\n", cpu_self_us(), started.elapsed().as_millis());
            // Written whole, then renamed: the harness never reads half a line.
            let part = ready.with_extension("part");
            std::fs::write(&part, line)?;
            std::fs::rename(&part, ready)?;
        }
    }
}
