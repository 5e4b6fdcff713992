//! The due board and the highway queue at scale (issue 15): from the key that opens each screen
//! to its first frame, on any existing benchmark database, opened read-only (the 1,000,000-project
//! one included: nothing is written).
//!
//! ```sh
//! cargo bench --bench boards                                   # target/bench/bench-100k.db
//! SEEDLINE_BENCH_DB=/work/bench/bench-1m.db cargo bench --bench boards
//! ```
//!
//! Same code path as `benches/portfolio.rs`: `App::update`, the effects through
//! `run_until_frame` (what the TUI runs before it draws) against the store, one frame into a
//! `TestBackend` 80x24. "Me" is the demo persona (its first PO, 岩崎 美紀).
//!
//! - `open_board`: `due_board` / `due_board_mine` (the board's counts and its first screen),
//!   `due_by_officer` / `due_by_officer_mine` (opened on the counts per officer, `t`: both from
//!   the kept counts, mine from my rows of the officer pairs), `highway` (the queue's first screen;
//!   the whole queue is read after the frame), `highway_complete` (the same, then the whole
//!   queue and a second frame, as the TUI does before the next key). Budget: ≤ 100 ms.
//! - `due_board_end`: on the open board, `G` (the last item) and its frame.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use divan::Bencher;
use ratatui::{Terminal, backend::TestBackend};
use seedline::Lang;
use seedline::app::keymap::Keymap;
use seedline::app::{Action, App, Command};
use seedline::model::{Author, Date};
use seedline::store::{OpenOptions, Store};
use seedline::tui::effects::{run_all, run_until_frame};
use seedline::ui::{self, theme::Theme};
use std::path::PathBuf;
use std::sync::Arc;

fn main() {
    divan::main();
}

type Term = Terminal<TestBackend>;

fn db_path() -> PathBuf {
    match std::env::var_os("SEEDLINE_BENCH_DB") {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench/bench-100k.db"),
    }
}

/// The benchmark database, read-only (it must exist: `cargo bench --bench tui` builds the
/// 100,000-project one).
fn open_store() -> Store {
    let path = db_path();
    Store::open_with(&path, OpenOptions { create: false }, true)
        .unwrap_or_else(|e| panic!("opening {}: {e}", path.display()))
}

/// The demo generator's anchor date.
fn today() -> Date {
    Date::from_ymd_opt(2026, 11, 25).expect("valid date")
}

fn terminal() -> Term {
    Terminal::new(TestBackend::new(80, 24)).expect("test terminal")
}

fn draw(term: &mut Term, app: &App) {
    term.draw(|frame| ui::draw(frame, app, Theme::monochrome()))
        .expect("draw");
}

fn step(store: &mut Store, app: &mut App, action: Action) {
    let effects = app.update(action);
    run_all(store, app, effects);
}

/// The dashboard, loaded, at 80x24, signed by the demo persona.
fn dashboard_app(store: &mut Store) -> App {
    let reference = Arc::new(store.reference().expect("reference data"));
    let (mut app, effects) = App::new(Lang::Ja, today(), reference, Keymap::default());
    app.author = Author::new(Some("岩崎 美紀"), Some("PO"), "bench");
    run_all(store, &mut app, effects);
    step(store, &mut app, Action::Resize(80, 24));
    assert!(app.status.is_none(), "start-up failed: {:?}", app.status);
    app
}

fn shown(app: &App) -> impl FnMut() -> (App, Term) {
    move || {
        let app = app.clone();
        let mut term = terminal();
        draw(&mut term, &app);
        (app, term)
    }
}

/// Runs the effects of `action` up to the first frame, draws it; with `complete`, also what the
/// TUI does right after (the effects meant for after the frame) and a second frame.
fn open(store: &mut Store, app: &mut App, term: &mut Term, action: Action, complete: bool) {
    let effects = app.update(action);
    let later = run_until_frame(store, app, effects);
    draw(term, app);
    if complete {
        run_all(store, app, later);
        draw(term, app);
    }
}

#[divan::bench(
    args = ["due_board", "due_board_mine", "due_by_officer", "due_by_officer_mine", "highway",
            "highway_complete"],
    sample_count = 10,
)]
fn open_board(bencher: Bencher, screen: &str) {
    let mut store = open_store();
    let app = dashboard_app(&mut store);
    bencher
        .with_inputs(shown(&app))
        .bench_local_values(|(mut app, mut term)| {
            match screen {
                "due_board" => open(
                    &mut store,
                    &mut app,
                    &mut term,
                    Action::Command(Command::DueBoard),
                    false,
                ),
                "due_board_mine" | "due_by_officer" | "due_by_officer_mine" => {
                    let effects = app.push_due(
                        screen != "due_by_officer",
                        screen.starts_with("due_by_officer"),
                    );
                    let later = run_until_frame(&mut store, &mut app, effects);
                    draw(&mut term, &app);
                    assert!(later.is_empty());
                }
                _ => open(
                    &mut store,
                    &mut app,
                    &mut term,
                    Action::Command(Command::HighwayQueue),
                    screen == "highway_complete",
                ),
            }
            assert!(app.status.is_none(), "{screen}: {:?}", app.status);
            (app, term)
        });
}

#[divan::bench(sample_count = 10)]
fn due_board_end(bencher: Bencher) {
    let mut store = open_store();
    let mut app = dashboard_app(&mut store);
    step(&mut store, &mut app, Action::Command(Command::DueBoard));
    bencher
        .with_inputs(shown(&app))
        .bench_local_values(|(mut app, mut term)| {
            open(
                &mut store,
                &mut app,
                &mut term,
                Action::Command(Command::Bottom),
                false,
            );
            (app, term)
        });
}
