//! TUI cost per frame and per keystroke on a 100,000-project database, or the one at
//! `SEEDLINE_BENCH_DB` (any size, e.g. 1,000,000 projects, opened read-only) (divan).
//!
//! Run (release profile; the first run generates the database, about a minute):
//!
//! ```sh
//! cargo bench --bench tui
//! cargo bench --bench tui -- filter_keystroke   # only benchmarks whose path contains this
//! SEEDLINE_BENCH_DB=/tmp/b/bench.db cargo bench --bench tui   # database elsewhere
//! ```
//!
//! The database (see `benches/common/mod.rs`): 100,000 demo projects, 1,000,000 notes, 20,000
//! highway flags, seed 2025, anchor and "today" 2026-11-25, plus one project topped up to 1,000
//! notes; at `$SEEDLINE_BENCH_DB` or `target/bench/bench-100k.db`, reused across runs.
//!
//! Every benchmark runs the same code path as the TUI: `App::update`, then the effects through
//! `seedline::tui::effects::run_all` against the store, then one `seedline::ui::draw` into a
//! `ratatui` `TestBackend` (monochrome theme, Japanese labels). Only the steps named below are
//! timed; state is prepared outside the timed part (`with_inputs`), and every iteration starts
//! from the same state. Unless stated otherwise the screen is 80x24.
//!
//! - `dashboard_load_and_frame`: start-up: `App::new` (reference data already loaded), its effects
//!   (pipeline matrix, headline figures, project count) and the first frame into a fresh terminal.
//! - `frame_dashboard_80x24`, `frame_list_80x24`, `frame_list_200x60`: one frame only, data loaded,
//!   drawn into a fresh terminal so every non-blank cell goes through ratatui's diff (a full
//!   repaint). The list is all 100,000 projects with the cursor in the middle.
//! - `scroll_list_one_row`: all 100,000 projects, cursor on row 50,000 at the bottom of the screen:
//!   one `Down` (the list scrolls by one row), its effect (fetching the one new display row) and
//!   the next frame against the previous one.
//! - `open_detail`: from that list, `push_detail` of a project, its `LoadDetail` effect (every
//!   query of the detail screen), the layout of all its lines and the first frame. `typical` is
//!   the project under the cursor (as many notes as the demo gave it); `1000_notes` one with 1,000
//!   notes.
//! - `filter_keystroke`: on the all-projects list with the filter line open (`/`), the argument's
//!   text minus its last character already typed and loaded; timed as the TUI runs it: inserting
//!   the last character (`Edit::Insert`), what the reload does before the frame (the list's first
//!   screen, `Store::project_ids_head`: the matches among the first 4,000 projects; display rows
//!   of the first screen) and the next frame. The whole list follows off the key path (the TUI's
//!   list worker). Words of one or two characters are scanned in `project_short` on disk, three
//!   or more use the trigram indexes of projects and notes (`細胞治` matches no demo project,
//!   `難治性` about 5,000). A term that does not parse yet (`phase:非臨`) keeps the previous
//!   results, so the keystroke that completes a field term is
//!   the one that reloads.
//! - `filter_list_arrival`: the same keystroke until the final count is drawn: the first screen
//!   and its frame, then the whole list (`Store::project_ids`, as the list worker reads it) and
//!   the frame that shows it.
//!
//! Budgets: scrolling a 100,000-row list ≤ 5 ms per frame; filter keystroke to next frame
//! ≤ 16 ms; detail with 1,000 notes ≤ 20 ms; dashboard first frame ≤ 100 ms. `benches/breakdown.rs`
//! times the store calls behind these steps one by one.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use divan::Bencher;
use ratatui::{Terminal, backend::TestBackend};
use seedline::Lang;
use seedline::app::keymap::Keymap;
use seedline::app::{Action, App, Command, Edit, Effect, ListKind, Screen};
use seedline::store::Store;
use seedline::tui::effects::{run_all, run_until_frame};
use seedline::ui::{self, theme::Theme};
use std::sync::Arc;

fn main() {
    // Prepare the database before divan starts printing its table.
    if !std::env::args().any(|a| a == "--list") {
        common::bench_db();
    }
    divan::main();
}

/// The row the cursor sits on in list benchmarks: the middle of all projects.
fn middle() -> usize {
    common::bench_db().projects / 2
}

type Term = Terminal<TestBackend>;

fn terminal(width: u16, height: u16) -> Term {
    Terminal::new(TestBackend::new(width, height)).expect("test terminal")
}

fn draw(term: &mut Term, app: &App) {
    term.draw(|frame| ui::draw(frame, app, Theme::monochrome()))
        .expect("draw");
}

/// Applies an action and performs every effect it leads to, as the TUI's event loop does.
fn step(store: &mut Store, app: &mut App, action: Action) {
    let effects = app.update(action);
    run_all(store, app, effects);
}

/// The app after start-up: dashboard loaded, laid out for `width` x `height`.
fn dashboard_app(store: &mut Store, width: u16, height: u16) -> App {
    let reference = Arc::new(store.reference().expect("reference data"));
    let (mut app, effects) = App::new(Lang::Ja, common::today(), reference, Keymap::default());
    run_all(store, &mut app, effects);
    step(store, &mut app, Action::Resize(width, height));
    assert!(app.status.is_none(), "start-up failed: {:?}", app.status);
    app
}

/// The all-projects list, loaded, with the cursor on row [`middle`] at the bottom of the screen.
fn list_app(store: &mut Store, width: u16, height: u16) -> App {
    let mut app = dashboard_app(store, width, height);
    let effects = app.push_list(ListKind::Projects, String::new(), String::new());
    run_all(store, &mut app, effects);
    let page = app.list_page();
    let list = list_mut(&mut app);
    assert_eq!(
        list.ids.len(),
        common::bench_db().projects,
        "all projects listed"
    );
    list.cursor = middle();
    list.offset = middle() + 1 - page;
    // A resize to the same size fetches the rows now on screen.
    step(store, &mut app, Action::Resize(width, height));
    assert_eq!(list_mut(&mut app).missing_rows(page), Vec::<i64>::new());
    app
}

fn list_mut(app: &mut App) -> &mut seedline::app::ListState {
    match app.stack.last_mut() {
        Some(Screen::List(list)) => list,
        _ => panic!("not on a list"),
    }
}

#[divan::bench(sample_count = 50)]
fn dashboard_load_and_frame(bencher: Bencher) {
    let mut store = common::open_store();
    let reference = Arc::new(store.reference().expect("reference data"));
    bencher
        .with_inputs(|| terminal(80, 24))
        .bench_local_values(|mut term| {
            let (mut app, effects) = App::new(
                Lang::Ja,
                common::today(),
                Arc::clone(&reference),
                Keymap::default(),
            );
            run_all(&mut store, &mut app, effects);
            draw(&mut term, &app);
            (app, term)
        });
}

/// One frame of `app` into a fresh terminal.
fn bench_frame(bencher: Bencher, app: &App, width: u16, height: u16) {
    bencher
        .with_inputs(|| terminal(width, height))
        .bench_local_values(|mut term| {
            draw(&mut term, app);
            term
        });
}

#[divan::bench]
fn frame_dashboard_80x24(bencher: Bencher) {
    let mut store = common::open_store();
    let app = dashboard_app(&mut store, 80, 24);
    bench_frame(bencher, &app, 80, 24);
}

#[divan::bench]
fn frame_list_80x24(bencher: Bencher) {
    let mut store = common::open_store();
    let app = list_app(&mut store, 80, 24);
    bench_frame(bencher, &app, 80, 24);
}

#[divan::bench]
fn frame_list_200x60(bencher: Bencher) {
    let mut store = common::open_store();
    let app = list_app(&mut store, 200, 60);
    bench_frame(bencher, &app, 200, 60);
}

/// Copies of `app` with a terminal that already shows it (so the timed frame is diffed against
/// the previous one, as in the TUI).
fn shown(app: &App, width: u16, height: u16) -> impl FnMut() -> (App, Term) {
    move || {
        let app = app.clone();
        let mut term = terminal(width, height);
        draw(&mut term, &app);
        (app, term)
    }
}

#[divan::bench]
fn scroll_list_one_row(bencher: Bencher) {
    let mut store = common::open_store();
    let app = list_app(&mut store, 80, 24);
    {
        // Check once that one Down scrolls and fetches exactly the row that came on screen.
        let mut probe = app.clone();
        let effects = probe.update(Action::Command(Command::Down));
        assert!(
            matches!(&effects[..], [Effect::LoadRows { ids, .. }] if ids.len() == 1),
            "{effects:?}"
        );
        run_all(&mut store, &mut probe, effects);
        let page = probe.list_page();
        let list = list_mut(&mut probe);
        assert_eq!(
            (list.cursor, list.offset),
            (middle() + 1, middle() + 2 - page)
        );
        assert!(list.missing_rows(page).is_empty());
    }
    bencher
        .with_inputs(shown(&app, 80, 24))
        .bench_local_values(|(mut app, mut term)| {
            step(&mut store, &mut app, Action::Command(Command::Down));
            draw(&mut term, &app);
            (app, term)
        });
}

/// Tab twice from the dashboard: the all-projects list, then the highway queue (every open flag,
/// oldest first), its first frame.
#[divan::bench(sample_count = 20)]
fn open_highway_queue(bencher: Bencher) {
    let mut store = common::open_store();
    let mut app = dashboard_app(&mut store, 80, 24);
    step(&mut store, &mut app, Action::Command(Command::NextScreen));
    bencher
        .with_inputs(shown(&app, 80, 24))
        .bench_local_values(|(mut app, mut term)| {
            step(&mut store, &mut app, Action::Command(Command::NextScreen));
            draw(&mut term, &app);
            (app, term)
        });
}

#[divan::bench(args = ["typical", "1000_notes"])]
fn open_detail(bencher: Bencher, project: &str) {
    let mut store = common::open_store();
    let app = list_app(&mut store, 80, 24);
    let db = common::bench_db();
    let id = match project {
        "typical" => db.typical_project,
        _ => db.heavy_project,
    };
    let notes = store.project_detail(id).expect("project").notes.len();
    assert!(project == "typical" || notes == common::HEAVY_NOTES);
    {
        let mut probe = app.clone();
        let effects = probe.push_detail(id);
        run_all(&mut store, &mut probe, effects);
        assert!(
            matches!(probe.screen(), Screen::Detail(d) if d.detail.is_some() && d.lines.len() > notes),
            "detail not loaded: {:?}",
            probe.status
        );
    }
    bencher
        .with_inputs(shown(&app, 80, 24))
        .bench_local_values(|(mut app, mut term)| {
            let effects = app.push_detail(id);
            run_all(&mut store, &mut app, effects);
            draw(&mut term, &app);
            (app, term)
        });
}

/// The filter terms the keystroke benches type: words of one, two and three or more characters,
/// and each kind of field term.
const TERMS: &[&str] = &[
    "が",
    "がん",
    "iPS",
    "細胞治",
    "難治性",
    "ip:drug",
    "phase:非臨床",
    "flag:highway",
    "ip:drug flag:highway",
    "due:overdue",
    "due:61+",
    "mine",
    "stalled:y",
    "ending:180",
];

/// The all-projects list at its top with the filter line open and `typed` minus its last
/// character typed and loaded; returns the app and that last character.
fn typing(store: &mut Store, typed: &str) -> (App, char) {
    let mut app = list_app(store, 80, 24);
    {
        let list = list_mut(&mut app);
        list.cursor = 0;
        list.offset = 0;
    }
    step(store, &mut app, Action::Resize(80, 24));
    step(store, &mut app, Action::Command(Command::Filter));
    let mut chars: Vec<char> = typed.chars().collect();
    let last = chars.pop().expect("at least one character");
    for c in chars {
        step(store, &mut app, Action::Edit(Edit::Insert(c)));
    }
    {
        // Check once that the last keystroke gives a valid, loaded filter.
        let mut probe = app.clone();
        step(store, &mut probe, Action::Edit(Edit::Insert(last)));
        assert!(probe.status.is_none(), "{typed}: {:?}", probe.status);
        let list = list_mut(&mut probe);
        assert!(list.loaded && list.query == typed, "{typed}: not loaded");
    }
    (app, last)
}

#[divan::bench(args = TERMS, max_time = 20)]
fn filter_keystroke(bencher: Bencher, typed: &str) {
    let mut store = common::open_store();
    let (app, last) = typing(&mut store, typed);
    bencher
        .with_inputs(shown(&app, 80, 24))
        .bench_local_values(|(mut app, mut term)| {
            // As the TUI runs it: what comes before the frame (the list's first screen), the frame.
            let effects = app.update(Action::Edit(Edit::Insert(last)));
            let later = run_until_frame(&mut store, &mut app, effects);
            draw(&mut term, &app);
            (app, term, later)
        });
}

/// From the keystroke to the frame showing the final count: the first screen and its frame, then
/// the whole list (what the TUI's list worker reads on its own connection, off the key path) and
/// the frame that shows it.
#[divan::bench(args = TERMS, max_time = 20)]
fn filter_list_arrival(bencher: Bencher, typed: &str) {
    let mut store = common::open_store();
    let (app, last) = typing(&mut store, typed);
    bencher
        .with_inputs(shown(&app, 80, 24))
        .bench_local_values(|(mut app, mut term)| {
            let effects = app.update(Action::Edit(Edit::Insert(last)));
            let mut later = run_until_frame(&mut store, &mut app, effects);
            draw(&mut term, &app);
            while !later.is_empty() {
                later = run_until_frame(&mut store, &mut app, later);
            }
            draw(&mut term, &app);
            (app, term)
        });
}
