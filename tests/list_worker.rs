//! A whole list off the key path: a keystroke's effects stop at the first screen, the count says
//! it is still counting until the whole answer comes, an older answer is dropped, the runtime's
//! worker delivers the newest; short words are scanned on disk, matching what the in-memory copy
//! of `project_short` matched.

use crate::common::{Home, today};
use crate::ui::Harness;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use seedline::Lang;
use seedline::app::keymap::Key;
use seedline::app::{Action, App, Edit, Effect, ListState, Screen};
use seedline::drafts::DraftFile;
use seedline::model::{Scope, Sort, SortKey};
use seedline::query::resolve;
use seedline::store::{OpenOptions, Store};
use seedline::tui::effects::{perform, run_until_frame};
use seedline::tui::terminal::Input;
use seedline::tui::{Events, Runtime};
use seedline::ui::theme::Theme;
use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;
use std::time::{Duration, Instant};

fn list(app: &App) -> &ListState {
    match app.screen() {
        Screen::List(list) => list,
        other => panic!("a list, not {other:?}"),
    }
}

/// The old in-memory scan, as a reference: every `project_short` text in row order, tested for
/// every word, the matches visited in 課題管理番号 order (live projects only).
fn in_memory(path: &std::path::Path, words: &[&str]) -> Vec<i64> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let texts: std::collections::HashMap<i64, String> = conn
        .prepare("SELECT id, text FROM project_short ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    conn.prepare("SELECT id FROM project WHERE retired_at IS NULL ORDER BY amed_id")
        .unwrap()
        .query_map([], |r| r.get::<_, i64>(0))
        .unwrap()
        .map(Result::unwrap)
        .filter(|id| {
            texts
                .get(id)
                .is_some_and(|t| words.iter().all(|w| t.contains(w)))
        })
        .collect()
}

#[test]
fn short_words_on_disk_match_the_in_memory_scan_in_the_same_order() {
    let home = Home::new();
    let path = home.path("s.db");
    let mut store = Store::open(&path, OpenOptions { create: true }).unwrap();
    let mut options = seedline::demo::DemoOptions::new(today());
    options.projects = 4_300;
    options.notes = 500;
    options.flags = 50;
    seedline::demo::generate(&mut store, &options, &mut |_, _, _| {}).unwrap();
    let reference = store.reference().unwrap();
    let scope = Scope::new(today(), "岩崎 美紀");
    let mut broad = 0;
    for words in [
        vec!["が"],
        vec!["がん"],
        vec!["の"],
        vec!["東京"],
        vec!["jp"],
        vec!["が", "ん"],
        vec!["細胞", "大学"],
        vec!["ゑ"],
    ] {
        let query = words.join(" ");
        let filter = resolve(&query, &reference).unwrap();
        let expected = in_memory(&path, &words);
        broad += usize::from(expected.len() > 100);
        let sort = Sort::default();
        assert_eq!(
            store.project_ids(&filter, sort, &scope).unwrap(),
            expected,
            "{query}"
        );
        let descending = Sort {
            key: SortKey::AmedId,
            descending: true,
        };
        let mut reversed = expected.clone();
        reversed.reverse();
        assert_eq!(
            store.project_ids(&filter, descending, &scope).unwrap(),
            reversed,
            "{query} descending"
        );
        // The first screen is the start of the same answer.
        let head = store
            .project_ids_head(&filter, sort, &scope, 30)
            .unwrap()
            .unwrap();
        assert_eq!(head, expected[..head.len()], "{query} head");
        if expected.len() > 100 {
            assert_eq!(head.len(), 30, "{query}: a broad word fills a screen");
        }
    }
    assert!(broad >= 2, "broad words were tried: {broad}");
}

#[test]
fn a_keystroke_stops_at_the_first_screen_and_the_count_says_counting() {
    let mut t = Harness::new(Lang::Ja, 80, 24);
    t.keys(&[Key::Tab, Key::Char('/')]);
    t.type_text("phase:基");
    let effects = t.app.update(Action::Edit(Edit::Insert('礎')));
    // The keystroke asks for the first screen only.
    assert!(
        effects
            .iter()
            .all(|e| matches!(e, Effect::LoadListHead { .. })),
        "{effects:?}"
    );
    assert!(!effects.is_empty());
    // Everything before the frame: the head and its rows, never the whole list.
    let mut queue: VecDeque<Effect> = effects.into();
    let mut later = Vec::new();
    while let Some(effect) = queue.pop_front() {
        assert!(!matches!(effect, Effect::LoadList { .. }), "{effect:?}");
        if let Effect::Later(e) = effect {
            later.push(*e);
            continue;
        }
        let action = perform(&mut t.store, &t.app, effect);
        queue.extend(t.app.update(action));
    }
    assert!(matches!(&later[..], [Effect::LoadList { .. }]), "{later:?}");
    assert!(t.app.update(Action::Submit).is_empty());
    let shown = t.screen_text();
    assert!(shown.contains("9+ / 45 数え中"), "{shown}");
    assert!(run_until_frame(&mut t.store, &mut t.app, later).is_empty());
    let shown = t.screen_text();
    assert!(
        shown.contains("9 / 45") && !shown.contains("数え中"),
        "{shown}"
    );
    let mut t = Harness::new(Lang::En, 80, 24);
    t.keys(&[Key::Tab, Key::Char('/')]);
    t.type_text("phase:基");
    let effects = t.app.update(Action::Edit(Edit::Insert('礎')));
    let _later = run_until_frame(&mut t.store, &mut t.app, effects);
    t.app.update(Action::Submit);
    assert!(
        t.screen_text().contains("9+ / 45 counting"),
        "{}",
        t.screen_text()
    );
}

#[test]
fn an_older_whole_list_is_dropped() {
    let mut t = Harness::new(Lang::Ja, 80, 24);
    t.keys(&[Key::Tab, Key::Char('/')]);
    t.type_text("phase:基");
    let effects = t.app.update(Action::Edit(Edit::Insert('礎')));
    let older = run_until_frame(&mut t.store, &mut t.app, effects);
    // A newer filter before the older whole list arrived.
    t.type_text(" ip:dru");
    let effects = t.app.update(Action::Edit(Edit::Insert('g')));
    let newer = run_until_frame(&mut t.store, &mut t.app, effects);
    let head = list(&t.app).ids.clone();
    let (Some(Effect::LoadList { request: old, .. }), Some(Effect::LoadList { request: new, .. })) =
        (older.first(), newer.first())
    else {
        panic!("whole lists after the frames: {older:?} {newer:?}")
    };
    assert!(new > old);
    // The older answer (nine projects in 基礎) arrives late: nothing changes.
    let old_ids = match perform(&mut t.store, &t.app, older[0].clone()) {
        Action::ListLoaded { ids, .. } => ids,
        other => panic!("{other:?}"),
    };
    t.app.update(Action::ListLoaded {
        request: *old,
        ids: old_ids.clone(),
    });
    assert!(list(&t.app).partial, "still counting the newer list");
    assert_eq!(list(&t.app).ids, head);
    assert!(run_until_frame(&mut t.store, &mut t.app, newer).is_empty());
    assert!(!list(&t.app).partial);
    let filter = list(&t.app).effective_filter();
    let expected = t
        .store
        .project_ids(&filter, Sort::default(), &t.app.scope())
        .unwrap();
    assert_eq!(list(&t.app).ids, expected);
    assert_ne!(expected, old_ids, "the two filters answer differently");
}

/// Input from a list: every event at the first read, then nothing.
struct Typed(VecDeque<Event>);

impl Events for Typed {
    fn wait(&mut self, _timeout: Duration) -> Input {
        if self.0.is_empty() {
            std::thread::sleep(Duration::from_millis(2));
            Input::Idle
        } else {
            Input::Ready
        }
    }

    fn next(&mut self) -> std::io::Result<Option<Event>> {
        Ok(self.0.pop_front())
    }
}

#[test]
fn typing_fast_in_the_dashboard_ends_with_the_list_of_the_last_filter() {
    let t = Harness::new(Lang::Ja, 80, 24);
    let path = t.store.path().to_path_buf();
    let drafts = DraftFile::for_db(&t.home.path("state"), &path);
    let Harness { app, store, home } = t;
    let signal = Arc::new(AtomicUsize::new(0));
    let mut runtime = Runtime::new(store, app, drafts, Theme::monochrome(), signal).unwrap();
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    let key = |code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    let mut events = VecDeque::from([key(KeyCode::Tab), key(KeyCode::Char('/'))]);
    // Each key one turn apart: every one draws a first screen and hands a whole list over.
    let typed = "phase:基礎";
    let mut input = Typed(VecDeque::new());
    for event in events.drain(..) {
        input.0.push_back(event);
        runtime.step(&mut term, &mut input).unwrap();
    }
    for c in typed.chars() {
        input.0.push_back(key(KeyCode::Char(c)));
        runtime.step(&mut term, &mut input).unwrap();
    }
    let started = Instant::now();
    while list(runtime.app()).partial || !list(runtime.app()).loaded {
        assert!(started.elapsed() < Duration::from_secs(10), "the list came");
        runtime.step(&mut term, &mut input).unwrap();
    }
    let state = list(runtime.app());
    assert_eq!(state.query, typed);
    let check = Store::open(&path, OpenOptions { create: false }).unwrap();
    let expected = check
        .project_ids(
            &state.effective_filter(),
            Sort::default(),
            &runtime.app().scope(),
        )
        .unwrap();
    assert!(!expected.is_empty());
    assert_eq!(state.ids, expected);
    drop(home);
}
