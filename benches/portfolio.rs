//! Portfolio analytics on the 100,000-project database (divan): the new filter terms per
//! keystroke, the dashboard's `o` (mine) and `b` (this year's budget) toggles, and opening the
//! portfolio screens.
//!
//! ```sh
//! cargo bench --bench portfolio
//! SEEDLINE_BENCH_DB=/tmp/b/bench.db cargo bench --bench portfolio
//! ```
//!
//! Same database and same code path as `benches/tui.rs` (`App::update`, the effects through
//! `run_all` against the store, one frame into a `TestBackend`, 80x24). "Me" is the demo's
//! persona (its first PO, whose login is the account that generated the database), else that PO
//! by name.
//!
//! - `portfolio_keystroke`: on the all-projects list with the filter line open, the term minus
//!   its last character typed; timed as the TUI runs it: the last character, the list's first
//!   screen (`Store::project_ids_head`, or the whole list when the head cannot be found), its rows
//!   and the frame. Budget: ≤ 16 ms. `portfolio_keystroke_complete` goes on to what the TUI does
//!   right after that frame: the whole list (ids of all matching projects) and a second frame. `watch:y` and `stalled:y`
//!   are the keystrokes that complete those terms (`y` means yes; typing on to `yes` changes
//!   nothing and loads nothing).
//! - `dashboard_toggle`: on the loaded dashboard, `o` (only my projects) or `b` (FY sums in 千円)
//!   with the reload of the matrix and the frame. Budget: the dashboard's ≤ 100 ms.
//! - `open_screen`: from the dashboard, the key that opens the due board (everyone's or mine),
//!   the funnel (`F`), the budget pivot (`B`) or a PI's overview, its loads and the first frame.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

// Shared with the other benches, which use parts this one does not.
#[allow(dead_code)]
mod common;

use divan::Bencher;
use ratatui::{Terminal, backend::TestBackend};
use seedline::Lang;
use seedline::app::keymap::Keymap;
use seedline::app::{Action, App, Command, Edit, ListKind, Screen};
use seedline::model::{Author, PiKey};
use seedline::store::Store;
use seedline::tui::effects::{run_all, run_until_frame};
use seedline::ui::{self, theme::Theme};
use std::sync::Arc;

fn main() {
    if !std::env::args().any(|a| a == "--list") {
        common::bench_db();
    }
    divan::main();
}

type Term = Terminal<TestBackend>;

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

/// The demo persona: the officer whose login is this account, else the demo's first PO.
fn me(store: &Store) -> Author {
    let login = seedline::identity::os_user();
    match store.officer_for_login(&login).expect("officer lookup") {
        Some((name, role)) => Author::new(Some(&name), Some(&role), &login),
        None => Author::new(Some("岩崎 美紀"), Some("PO"), &login),
    }
}

fn dashboard_app(store: &mut Store) -> App {
    let reference = Arc::new(store.reference().expect("reference data"));
    let (mut app, effects) = App::new(Lang::Ja, common::today(), reference, Keymap::default());
    app.author = me(store);
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

const TERMS: [&str; 6] = [
    "mine",
    "mine:watch",
    "watch:y",
    "stalled:y",
    "due:61+",
    "due:30",
];

/// The project list with the filter line open and `typed` minus its last character typed; the
/// last character.
fn typing(store: &mut Store, typed: &str) -> (App, char) {
    let mut app = dashboard_app(store);
    let effects = app.push_list(ListKind::Projects, String::new(), String::new());
    run_all(store, &mut app, effects);
    step(store, &mut app, Action::Command(Command::Filter));
    let mut chars: Vec<char> = typed.chars().collect();
    let last = chars.pop().expect("at least one character");
    for c in chars {
        step(store, &mut app, Action::Edit(Edit::Insert(c)));
    }
    {
        let mut probe = app.clone();
        step(store, &mut probe, Action::Edit(Edit::Insert(last)));
        assert!(probe.status.is_none(), "{typed}: {:?}", probe.status);
        let Screen::List(list) = probe.screen() else {
            panic!("not a list")
        };
        assert!(list.loaded && list.query == typed, "{typed}: not loaded");
    }
    (app, last)
}

#[divan::bench(args = TERMS, max_time = 20)]
fn portfolio_keystroke(bencher: Bencher, typed: &str) {
    keystroke(bencher, typed, false);
}

#[divan::bench(args = TERMS, max_time = 20)]
fn portfolio_keystroke_complete(bencher: Bencher, typed: &str) {
    keystroke(bencher, typed, true);
}

/// The last keystroke of `typed` to the next frame; with `complete`, on to the whole list and a
/// second frame (what the TUI does right after the first).
fn keystroke(bencher: Bencher, typed: &str, complete: bool) {
    let mut store = common::open_store();
    let (app, last) = typing(&mut store, typed);
    bencher
        .with_inputs(shown(&app))
        .bench_local_values(|(mut app, mut term)| {
            let effects = app.update(Action::Edit(Edit::Insert(last)));
            let later = run_until_frame(&mut store, &mut app, effects);
            draw(&mut term, &app);
            if complete {
                run_all(&mut store, &mut app, later);
                draw(&mut term, &app);
                return (app, term, Vec::new());
            }
            (app, term, later)
        });
}

#[divan::bench(args = ["mine", "budget"], sample_count = 30)]
fn dashboard_toggle(bencher: Bencher, which: &str) {
    let mut store = common::open_store();
    let app = dashboard_app(&mut store);
    let command = match which {
        "mine" => Command::ToggleMine,
        _ => Command::ToggleBudget,
    };
    bencher
        .with_inputs(shown(&app))
        .bench_local_values(|(mut app, mut term)| {
            step(&mut store, &mut app, Action::Command(command));
            draw(&mut term, &app);
            (app, term)
        });
}

#[divan::bench(
    args = ["due_board", "due_board_mine", "funnel", "budget_pivot", "pi"],
    sample_count = 20,
)]
fn open_screen(bencher: Bencher, screen: &str) {
    let mut store = common::open_store();
    let app = dashboard_app(&mut store);
    let pi = store
        .project_detail(common::bench_db().typical_project)
        .expect("project")
        .pi_name;
    bencher
        .with_inputs(shown(&app))
        .bench_local_values(|(mut app, mut term)| {
            match screen {
                "due_board" | "due_board_mine" => {
                    let effects = app.push_due(screen == "due_board_mine", false);
                    run_all(&mut store, &mut app, effects);
                }
                "funnel" => step(&mut store, &mut app, Action::Command(Command::Funnel)),
                "budget_pivot" => step(&mut store, &mut app, Action::Command(Command::BudgetView)),
                _ => {
                    let effects = app.push_pi_named(PiKey::Pi(pi.clone()));
                    run_all(&mut store, &mut app, effects);
                }
            }
            draw(&mut term, &app);
            (app, term)
        });
}
