//! What one session pays when another session writes a note (divan): the idle poll that sees the
//! commit (`PRAGMA data_version`), reading what changed (`Store::changes_since`: the audit rows
//! since the last look), the app's `ExternalChange`, its effects against the store and the next
//! frame. Run on the 100,000-project bench database (see `benches/common/mod.rs`):
//!
//! ```sh
//! cargo bench --bench refresh
//! ```
//!
//! - `refresh_after_foreign_note`: another connection adds a note to a project on screen (not
//!   timed); timed: the poll, the change set, the update, its effects and one 80x24 frame. On
//!   the all-projects list (cursor in the middle) and on the dashboard. `targeted` is this
//!   session's path now; `full` hands the app `Changes::Unknown`, which reloads as every write did
//!   before (the screen in full and the project count): the cost per session per foreign write.
//!   Every iteration writes one note: the database grows by a few hundred notes per run.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

// Shared with the other benches, which use parts this one does not.
#[allow(dead_code)]
mod common;

use divan::Bencher;
use ratatui::{Terminal, backend::TestBackend};
use seedline::Lang;
use seedline::app::keymap::Keymap;
use seedline::app::{Action, App, ListKind, Screen};
use seedline::model::{Author, Changes, NewNote, NoteKind};
use seedline::store::Store;
use seedline::tui::effects::run_all;
use seedline::ui::{self, theme::Theme};
use std::sync::Arc;

fn main() {
    if !std::env::args().any(|a| a == "--list") {
        let db = common::bench_db();
        assert!(
            !db.read_only,
            "this bench writes notes: a writable database"
        );
    }
    divan::main();
}

type Term = Terminal<TestBackend>;

fn draw(term: &mut Term, app: &App) {
    term.draw(|frame| ui::draw(frame, app, Theme::monochrome()))
        .expect("draw");
}

/// The app on the dashboard, or on the all-projects list with the cursor in the middle.
fn session(store: &mut Store, on_list: bool) -> App {
    let reference = Arc::new(store.reference().expect("reference data"));
    let (mut app, effects) = App::new(Lang::Ja, common::today(), reference, Keymap::default());
    run_all(store, &mut app, effects);
    let effects = app.update(Action::Resize(80, 24));
    run_all(store, &mut app, effects);
    if on_list {
        let effects = app.push_list(ListKind::Projects, String::new(), String::new());
        run_all(store, &mut app, effects);
        let page = app.list_page();
        if let Some(Screen::List(list)) = app.stack.last_mut() {
            list.cursor = common::bench_db().projects / 2;
            list.offset = list.cursor + 1 - page;
        }
        let effects = app.update(Action::Resize(80, 24));
        run_all(store, &mut app, effects);
    }
    app
}

/// The project under the cursor (list) or the first project (dashboard): where the note goes.
fn target(app: &App) -> i64 {
    match app.screen() {
        Screen::List(list) => list.cursor_id().expect("a row"),
        _ => common::bench_db().typical_project,
    }
}

fn note() -> NewNote {
    NewNote {
        kind: NoteKind::Meeting,
        body: "別セッションの記録（ベンチ）".into(),
        occurred_on: common::today(),
        follow_up_on: None,
    }
}

#[divan::bench(args = ["list targeted", "list full", "dashboard targeted", "dashboard full"], sample_count = 30, sample_size = 1)]
fn refresh_after_foreign_note(bencher: Bencher, case: &str) {
    let on_list = case.starts_with("list");
    let full = case.ends_with("full");
    let mut mine = common::open_store();
    let mut theirs = common::open_store();
    theirs.set_actor("bench-other");
    let author = Author::new(Some("別の 担当"), Some("PO"), "other");
    let mut app = session(&mut mine, on_list);
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    draw(&mut term, &app);
    let mut version = mine.data_version().expect("version");
    let mut seen = mine.last_audit_id().expect("audit");
    let project = target(&app);
    bencher
        .with_inputs(|| {
            theirs.add_note(project, &note(), &author).expect("note");
        })
        .bench_local_values(|()| {
            let now = mine.data_version().expect("version");
            assert_ne!(now, version, "the poll sees the commit");
            version = now;
            let (next, changes) = mine.changes_since(seen).expect("changes");
            seen = next;
            let changes = if full { Changes::Unknown } else { changes };
            let effects = app.update(Action::ExternalChange(changes));
            run_all(&mut mine, &mut app, effects);
            draw(&mut term, &app);
        });
}
