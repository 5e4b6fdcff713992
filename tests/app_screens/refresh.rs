//! Another session's change to a few projects: each screen asks for what the change can have
//! moved, no more (`Action::ExternalChange` with the change set); an unknown or large change
//! reloads the screen as before.

use super::*;
use seedline::model::{ChangeKind, Changes, TouchedProjects};

fn touched(ids: &[i64], kinds: &[ChangeKind]) -> Action {
    Action::ExternalChange(Changes::Projects(TouchedProjects {
        ids: ids.iter().copied().collect(),
        kinds: kinds.iter().copied().collect(),
    }))
}

fn note_on(ids: &[i64]) -> Action {
    touched(ids, &[ChangeKind::Note])
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Edit(seedline::app::Edit::Insert(c)));
    }
}

/// 30 projects (101..=130) at 80×24: 101..=120 on screen, 102 selected, the cursor on 104.
fn listed() -> App {
    let mut app = app();
    open_list(&mut app, 101..=130);
    keys(&mut app, &[ch('j'), ch(' '), ch('j')]);
    app
}

fn full_reload(effects: &[Effect]) -> bool {
    effects.iter().any(|e| {
        matches!(
            e,
            Effect::LoadList { .. } | Effect::LoadListHead { .. } | Effect::CountProjects
        )
    })
}

#[test]
fn a_note_on_a_row_on_screen_reads_that_row_only_and_keeps_cursor_and_selection() {
    let mut app = listed();
    let effects = app.update(note_on(&[105]));
    assert_eq!(
        effects,
        [Effect::LoadRows {
            ids: vec![105],
            scope: scope()
        }]
    );
    let mut fresh = row(105);
    fresh.last_note = Some("2026-11-24".into());
    fresh.follow_up_due = true;
    app.update(Action::RowsLoaded(vec![fresh]));
    assert_eq!(list(&app).cursor_id(), Some(104), "Space moved it past 102");
    assert_eq!(
        list(&app).selected.iter().copied().collect::<Vec<_>>(),
        [102]
    );
    assert!(list(&app).loaded, "the list stays as it was, no reload");
    // The officer sees the new date and the due mark.
    let text = screen_rows(&mut app, 160, 24).join("\n");
    let line = text.lines().find(|l| l.contains(&amed_id(105)));
    assert!(line.is_some_and(|l| l.contains("2026-11-24")), "{text}");
}

#[test]
fn a_note_on_a_project_not_on_screen_asks_for_nothing_until_it_scrolls_in() {
    let mut app = listed();
    assert_eq!(app.update(note_on(&[999])), []);
    // 125 is listed below the screen: its row is read when it comes on screen, as always.
    assert_eq!(app.update(note_on(&[125])), []);
}

#[test]
fn a_row_read_before_is_read_again_when_it_scrolls_back_in() {
    let mut app = listed();
    keys(&mut app, &[Key::PageDown, Key::PageDown]);
    let _ = app.update(Action::RowsLoaded(rows(121..=130)));
    assert_eq!(app.update(note_on(&[104])), [], "104 is off screen now");
    let effects = keys(&mut app, &[ch('g')]);
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::LoadRows { ids, .. } if ids == &[104])),
        "{effects:?}"
    );
}

#[test]
fn a_filter_whose_term_the_change_can_move_reloads_the_whole_list() {
    let mut app = listed();
    press(&mut app, ch('/'));
    typed(&mut app, "flag:highway");
    press(&mut app, Key::Enter);
    answer_list(&mut app, 101..=110);
    // A note does not move a flag term: that row only.
    assert_eq!(
        app.update(note_on(&[104])),
        [Effect::LoadRows {
            ids: vec![104],
            scope: scope()
        }]
    );
    // A flag can bring a project into the list or take it out.
    let effects = app.update(touched(&[104], &[ChangeKind::Flag]));
    assert!(full_reload(&effects), "{effects:?}");
    assert!(
        !effects.contains(&Effect::CountProjects),
        "the total moves with no flag"
    );
}

#[test]
fn text_terms_and_a_sort_by_last_note_move_with_a_note() {
    let mut app = listed();
    press(&mut app, ch('/'));
    typed(&mut app, "がん");
    press(&mut app, Key::Enter);
    answer_list(&mut app, 101..=110);
    assert!(
        full_reload(&app.update(note_on(&[104]))),
        "a note may hold the word"
    );

    let mut app = listed();
    if let Some(Screen::List(l)) = app.stack.last_mut() {
        l.sort.key = seedline::model::SortKey::LastNote;
    }
    assert!(
        full_reload(&app.update(note_on(&[104]))),
        "the order may move"
    );
}

#[test]
fn the_highway_queue_reloads_when_a_flag_moves_not_when_a_note_is_added() {
    let mut app = app();
    keys(&mut app, &[Key::Tab, Key::Tab]);
    answer_list(&mut app, 101..=110);
    assert_eq!(list(&app).kind, seedline::app::ListKind::Highway);
    let effects = app.update(touched(&[104], &[ChangeKind::Flag]));
    assert!(full_reload(&effects), "{effects:?}");
}

#[test]
fn an_unknown_change_reloads_the_screen_and_the_project_count() {
    let mut app = listed();
    let effects = app.update(Action::ExternalChange(Changes::Unknown));
    assert!(effects.contains(&Effect::CountProjects), "{effects:?}");
    assert!(full_reload(&effects));
    assert_eq!(app.update(Action::ExternalChange(Changes::none())), []);
}

#[test]
fn the_detail_reloads_for_its_own_project_only() {
    let mut app = app();
    open_detail(&mut app, project_detail(7, 3, 0));
    assert_eq!(app.update(note_on(&[8])), []);
    assert_eq!(
        app.update(note_on(&[7, 8])),
        [Effect::LoadDetail {
            id: 7,
            me: ME.into()
        }]
    );
}

#[test]
fn the_dashboard_reloads_its_counts_for_a_note_not_for_a_watch_or_a_link() {
    let mut app = app();
    let effects = app.update(note_on(&[7]));
    assert!(
        matches!(&effects[..], [Effect::LoadDashboard { .. }]),
        "{effects:?}"
    );
    assert_eq!(
        app.update(touched(&[7], &[ChangeKind::Watch, ChangeKind::Attachment])),
        []
    );
}
