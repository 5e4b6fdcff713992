//! A list's first screen before the whole of it: the head is exactly the start of the full answer
//! (as far as the first 4,000 projects hold it; another sort is refused and loads at once), and the
//! TUI draws it, then loads the rest.

use crate::common::{Home, today};
use crate::ui::Harness;
use seedline::Lang;
use seedline::app::keymap::Key;
use seedline::app::{Action, Edit, Effect, Screen};
use seedline::model::{Scope, Sort, SortKey};
use seedline::query::resolve;
use seedline::store::{OpenOptions, Store};
use seedline::tui::effects::run_until_frame;

#[test]
fn the_head_is_the_start_of_the_full_answer_or_nothing() {
    let home = Home::new();
    let path = home.path("h.db");
    let mut store = Store::open(&path, OpenOptions { create: true }).unwrap();
    // Just over the head's window of 4,000 projects, so that rare filters fall back.
    let mut options = seedline::demo::DemoOptions::new(today());
    options.projects = 4_300;
    options.notes = 2_000;
    options.flags = 300;
    seedline::demo::generate(&mut store, &options, &mut |_, _, _| {}).unwrap();
    let reference = store.reference().unwrap();
    let scope = Scope::new(today(), "岩崎 美紀");
    let everything = |descending| {
        let sort = Sort {
            key: SortKey::AmedId,
            descending,
        };
        store
            .project_ids(&Default::default(), sort, &scope)
            .unwrap()
    };
    let order = [everything(false), everything(true)];
    let mut found = 0;
    for query in [
        "",
        "phase:基礎",
        "stalled:y",
        "mine",
        "due:61+",
        "がん ip:drug",
        "flag:highway",
        "id:JP26",
        "modality:再生医療等製品 phase:臨床",
    ] {
        let filter = resolve(query, &reference).unwrap();
        for (descending, all) in [(false, &order[0]), (true, &order[1])] {
            let sort = Sort {
                key: SortKey::AmedId,
                descending,
            };
            let full = store.project_ids(&filter, sort, &scope).unwrap();
            let head = store
                .project_ids_head(&filter, sort, &scope, 30)
                .unwrap()
                .expect("a head in 課題管理番号 order");
            assert_eq!(head, full[..head.len()], "{query} {descending}");
            if head.len() == 30 {
                found += 1;
            } else {
                // Short only when the 30th match lies past the first 4,000 projects.
                let beyond = full
                    .get(29)
                    .is_none_or(|id| all.iter().position(|x| x == id).unwrap() >= 4_000);
                assert!(beyond, "{query} {descending}: the head was there to find");
            }
        }
        let by_title = Sort {
            key: SortKey::Title,
            descending: false,
        };
        assert_eq!(
            store
                .project_ids_head(&filter, by_title, &scope, 30)
                .unwrap(),
            None,
            "other sorts load in full"
        );
    }
    assert!(found >= 10, "broad filters find their head: {found}");
    // A filter with fewer matches than asked: the few in the window, the start of the answer.
    let rare = resolve("id:JP26 modality:再生医療等製品 phase:実用化", &reference).unwrap();
    let head = store
        .project_ids_head(&rare, Sort::default(), &scope, 30)
        .unwrap()
        .unwrap();
    let full = store.project_ids(&rare, Sort::default(), &scope).unwrap();
    assert!(head.len() < 30, "{head:?}");
    assert_eq!(head, full[..head.len()]);
}

#[test]
fn the_tui_draws_the_first_screen_then_loads_the_rest() {
    let mut t = Harness::new(Lang::Ja, 80, 24);
    t.keys(&[Key::Tab, Key::Char('/')]);
    t.type_text("phase:基");
    // The last keystroke as the TUI runs it: effects up to the frame, then the rest.
    let effects = t.app.update(Action::Edit(Edit::Insert('礎')));
    let later = run_until_frame(&mut t.store, &mut t.app, effects);
    let Screen::List(list) = t.app.screen() else {
        panic!("a list")
    };
    assert!(list.partial && list.loaded, "the first screen is in");
    // Enter closes the filter line (it covers the count) without loading anything.
    assert!(t.app.update(Action::Submit).is_empty());
    assert!(t.screen_text().contains("9+ / 45"), "{}", t.screen_text());
    assert!(matches!(&later[..], [Effect::LoadList { .. }]), "{later:?}");
    assert!(run_until_frame(&mut t.store, &mut t.app, later).is_empty());
    let Screen::List(list) = t.app.screen() else {
        panic!("a list")
    };
    assert!(!list.partial);
    assert_eq!(list.ids.len(), 9);
    assert!(t.screen_text().contains("9 / 45"), "{}", t.screen_text());
}
