//! The runtime: owns the terminal and the store, turns terminal events into actions through the
//! keymap, runs `App::update`, performs its effects against the store and draws.

pub mod effects;
pub mod terminal;

use crate::app::keymap::Key;
use crate::app::{Action, App};
use crate::cli::RunContext;
use crate::drafts::DraftFile;
use crate::store::Store;
use crate::ui::{self, theme::Theme};
use anyhow::Result;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::{Terminal, backend::CrosstermBackend};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Runs the TUI until the officer quits or a signal arrives. Everything that can fail at start
/// (a damaged database, a damaged draft file) fails before the terminal changes mode.
pub fn run(mut store: Store, ctx: &RunContext) -> Result<ExitCode> {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        anyhow::bail!(
            "the dashboard needs a terminal; for plain text use `seedline show dashboard|list|project|highway`"
        );
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
    // The TUI retries busy saves itself, with a visible message, instead of blocking silently.
    store.set_begin_retries(0);
    // A damaged database shows here, on the first queries, while the terminal is still normal.
    store.matrix(crate::store::Pivot::IntegratedProject, ctx.today)?;
    effects::run_all(&mut store, &mut app, effects);
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
    let mut data_version = store.data_version()?;
    let mut last_check = Instant::now();
    let mut saved_drafts = app.draft_records();
    // Big databases skip the check at open: run it now, without holding up the first frame.
    let mut integrity = (std::fs::metadata(store.path())
        .map(|m| m.len())
        .unwrap_or(0)
        > crate::store::QUICK_CHECK_LIMIT)
        .then(|| crate::store::background_quick_check(store.path()));
    let mut last_draft_save = Instant::now();
    let mut forms_may_have_changed = false;
    let mut unsaved: Option<Vec<crate::app::DraftRecord>> = None;
    // Effects meant for after a frame: the full list once its first screen is drawn.
    let mut after_frame: Vec<crate::app::Effect> = Vec::new();
    let code = loop {
        // A signal first: after a hang-up the terminal is gone, so do not draw into it.
        let sig = signal.load(Ordering::SeqCst);
        if sig != 0 {
            drafts.save(&app.draft_records()).ok();
            crate::log::event("tui.signal", &[("signal", sig as i64)]);
            break ExitCode::from(128 + sig as u8);
        }
        if app.should_quit {
            drafts.save(&app.draft_records())?;
            break ExitCode::SUCCESS;
        }
        if let Some(answer) = integrity.as_ref().and_then(|rx| rx.try_recv().ok()) {
            integrity = None;
            if let Some(problem) = answer {
                let message = crate::Error::Damaged(problem).to_string();
                app.update(Action::Failed(message));
            }
        }
        term.draw(|frame| ui::draw(frame, &app, theme))?;
        if !after_frame.is_empty() {
            // Keys typed meanwhile wait in the terminal's buffer and are read next.
            let effects = std::mem::take(&mut after_frame);
            after_frame = effects::run_until_frame(&mut store, &mut app, effects);
            continue;
        }
        // Keep the drafts on disk a few seconds behind the keyboard at most. Forms change only
        // through input (or a retried save), so idle frames do not copy a megabyte of note text.
        if std::mem::take(&mut forms_may_have_changed) {
            let records = app.draft_records();
            if records != saved_drafts {
                drafts.remember(&records);
                unsaved = Some(records);
            }
        }
        if let Some(records) =
            unsaved.take_if(|r| last_draft_save.elapsed() >= Duration::from_secs(2) || r.is_empty())
        {
            drafts.save(&records)?;
            saved_drafts = records;
            last_draft_save = Instant::now();
        }
        if terminal::wait_input(Duration::from_millis(250)) == terminal::Input::HungUp {
            drafts.save(&app.draft_records()).ok();
            crate::log::event("tui.hangup", &[]);
            break ExitCode::from(129);
        }
        // Everything crossterm has now: buffered keys (one read may hold several), pastes, and
        // resizes (which arrive through its signal pipe, not through standard input).
        let mut handled = false;
        while event::poll(Duration::ZERO)? {
            handled = true;
            let action = match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => {
                    debug_panic_trigger(key);
                    to_key(key).and_then(|k| app.key_action(k))
                }
                Event::Paste(text) => Some(Action::Edit(crate::app::Edit::Paste(text))),
                Event::Resize(w, h) => Some(Action::Resize(w, h)),
                _ => None,
            };
            if let Some(action) = action {
                let effects = app.update(action);
                after_frame.extend(effects::run_until_frame(&mut store, &mut app, effects));
            }
            if app.should_quit || signal.load(Ordering::SeqCst) != 0 {
                break;
            }
        }
        forms_may_have_changed |= handled;
        if !handled {
            // Idle: retry a busy save, and pick up other sessions' commits (cheap pragma).
            let mut effects = app.update(Action::Tick);
            forms_may_have_changed |= !effects.is_empty();
            if last_check.elapsed() >= Duration::from_secs(1) {
                last_check = Instant::now();
                let version = store.data_version()?;
                if version != data_version {
                    data_version = version;
                    effects.extend(app.update(Action::ExternalChange));
                }
            }
            after_frame.extend(effects::run_until_frame(&mut store, &mut app, effects));
        }
    };
    terminal::restore();
    crate::log::event(
        "tui.exit",
        &[("status", i64::from(code == ExitCode::SUCCESS))],
    );
    Ok(code)
}

/// In debug builds with `SEEDLINE_DEBUG_PANIC=1`, F12 panics: the tests check that a panic
/// restores the terminal and keeps the drafts.
fn debug_panic_trigger(key: KeyEvent) {
    if cfg!(debug_assertions)
        && key.code == KeyCode::F(12)
        && std::env::var_os("SEEDLINE_DEBUG_PANIC").is_some_and(|v| v == "1")
    {
        panic!("debug panic requested with F12");
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
