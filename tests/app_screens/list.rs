//! A project list: loading by request id, rows fetched only for what is on screen, the cursor
//! against the page size, selection, sorting and Esc.

use super::*;
use seedline::app::{ListKind, Save};
use seedline::model::{Sort, SortKey};
use seedline::query::Filter;

fn load_rows(ids: impl IntoIterator<Item = i64>) -> Effect {
    Effect::LoadRows {
        ids: ids.into_iter().collect(),
        scope: scope(),
    }
}

fn head(request: u64, sort: Sort, limit: usize) -> Effect {
    Effect::LoadListHead {
        request,
        filter: Filter::default(),
        sort,
        scope: scope(),
        limit,
    }
}

fn position(app: &App) -> (usize, usize) {
    (list(app).cursor, list(app).offset)
}

/// 30 projects (ids 101..=130) at 80×24, their on-screen rows fetched.
fn thirty() -> App {
    let mut app = app();
    open_list(&mut app, 101..=130);
    app
}

#[test]
fn tab_opens_all_projects_and_fetches_only_the_rows_on_screen() {
    let mut app = app();
    let effects = press(&mut app, Key::Tab);
    let request = list(&app).request;
    assert_eq!(effects, [head(request, Sort::default(), 21)]);
    assert_eq!(list(&app).kind, ListKind::Projects);
    assert_eq!(crumbs(&app), ["ダッシュボード", "課題一覧"]);
    // The first screen and one more: shown at once, the whole list asked for after the frame.
    let effects = app.update(Action::ListHeadLoaded {
        request,
        ids: (101..=121).collect(),
    });
    assert_eq!(
        effects,
        [
            Effect::Later(Box::new(Effect::LoadList {
                request,
                filter: Filter::default(),
                sort: Sort::default(),
                scope: scope(),
            })),
            load_rows(101..=120),
        ]
    );
    assert!(list(&app).partial);
    app.update(Action::RowsLoaded(rows(101..=120)));
    let effects = app.update(Action::ListLoaded {
        request,
        ids: (101..=130).collect(),
    });
    assert_eq!(effects, [], "the rows on screen are already there");
    assert!(!list(&app).partial);
    assert_eq!(list(&app).ids.len(), 30);
    assert_eq!(app.screen().content_height(), Some(32));
}

#[test]
fn the_cursor_pages_and_clamps_at_80x24() {
    let mut app = thirty();
    assert_eq!(press(&mut app, ch('k')), []);
    assert_eq!(position(&app), (0, 0));
    assert_eq!(press(&mut app, ch('j')), []);
    assert_eq!(position(&app), (1, 0));
    // A page is 20 rows: 24 less title, status, info line and column header.
    assert_eq!(press(&mut app, Key::PageDown), [load_rows([121, 122])]);
    assert_eq!(position(&app), (21, 2));
    app.update(Action::RowsLoaded(rows(121..=122)));
    assert_eq!(press(&mut app, Key::PageDown), [load_rows(123..=130)]);
    assert_eq!(position(&app), (29, 10), "the last row, at the bottom");
    app.update(Action::RowsLoaded(rows(123..=130)));
    assert_eq!(press(&mut app, ch('j')), []);
    assert_eq!(press(&mut app, Key::PageDown), []);
    assert_eq!(position(&app), (29, 10));
    assert_eq!(list(&app).cursor_id(), Some(130));
    let body = body_rows(&mut app, 80, 24);
    assert!(body[21].contains(&amed_id(130)), "{}", body[21]);
    assert!(body[2].contains(&amed_id(111)), "{}", body[2]);
    press(&mut app, Key::PageUp);
    assert_eq!(position(&app), (9, 9));
    assert_eq!(press(&mut app, ch('g')), []);
    assert_eq!(position(&app), (0, 0));
    press(&mut app, ch('G'));
    assert_eq!(position(&app), (29, 10));
}

#[test]
fn the_cursor_pages_and_clamps_at_40x12() {
    let mut app = sized(40, 12);
    assert_eq!(
        press(&mut app, Key::Tab),
        [head(list(&app).request, Sort::default(), 9)]
    );
    let request = list(&app).request;
    assert_eq!(
        app.update(Action::ListLoaded {
            request,
            ids: (101..=130).collect(),
        }),
        [load_rows(101..=108)],
        "8 rows fit"
    );
    app.update(Action::RowsLoaded(rows(101..=108)));
    assert_eq!(press(&mut app, Key::PageDown), [load_rows([109])]);
    assert_eq!(position(&app), (8, 1));
    app.update(Action::RowsLoaded(rows([109])));
    assert_eq!(press(&mut app, ch('G')), [load_rows(123..=130)]);
    assert_eq!(position(&app), (29, 22));
    app.update(Action::RowsLoaded(rows(123..=130)));
    let body = body_rows(&mut app, 40, 12);
    assert!(body[9].contains(&amed_id(130)), "{}", body[9]);
    assert!(body[2].contains(&amed_id(123)), "{}", body[2]);
}

#[test]
fn the_cursor_row_stays_on_screen_after_the_terminal_shrinks() {
    let mut app = thirty();
    app.update(Action::RowsLoaded(rows(121..=130)));
    press(&mut app, ch('G'));
    let body = body_rows(&mut app, 40, 12);
    assert!(
        body.iter().any(|r| r.contains(&amed_id(130))),
        "cursor row not drawn:\n{}",
        body.join("\n")
    );
}

#[test]
fn space_v_and_star_select() {
    let mut app = thirty();
    assert_eq!(press(&mut app, ch(' ')), []);
    assert_eq!(
        list(&app).selected.iter().copied().collect::<Vec<_>>(),
        [101]
    );
    assert_eq!(list(&app).cursor, 1, "space moves down");
    assert_eq!(press(&mut app, ch('v')), []);
    assert_eq!(list(&app).anchor, Some(1));
    assert_eq!(app.status.as_deref(), Some("範囲選択: 終点へ移動して v"));
    keys(&mut app, &[ch('j'), ch('j')]);
    assert_eq!(app.status, None, "the next key clears the hint");
    press(&mut app, ch('v'));
    assert_eq!(list(&app).anchor, None);
    assert_eq!(
        list(&app).selected.iter().copied().collect::<Vec<_>>(),
        [101, 102, 103, 104]
    );
    // Space on a selected row unselects it.
    press(&mut app, ch('k'));
    press(&mut app, ch(' '));
    assert_eq!(
        list(&app).selected.iter().copied().collect::<Vec<_>>(),
        [101, 102, 104]
    );
    press(&mut app, ch('*'));
    assert_eq!(list(&app).selected.len(), 30);
    press(&mut app, ch('*'));
    assert!(list(&app).selected.is_empty());
    // At the last row Space selects it and stays.
    press(&mut app, ch('G'));
    app.update(Action::RowsLoaded(rows(121..=130)));
    press(&mut app, ch(' '));
    assert_eq!(
        list(&app).selected.iter().copied().collect::<Vec<_>>(),
        [130]
    );
    assert_eq!(list(&app).cursor, 29);
}

#[test]
fn esc_abandons_a_range_before_going_back() {
    let mut app = thirty();
    press(&mut app, ch('v'));
    assert_eq!(list(&app).anchor, Some(0));
    assert_eq!(press(&mut app, Key::Esc), []);
    assert_eq!(list(&app).anchor, None);
    assert_eq!(app.stack.len(), 2, "still on the list");
    assert!(list(&app).selected.is_empty());
    assert_eq!(
        press(&mut app, Key::Esc),
        [Effect::LoadDashboard {
            pivot: Pivot::IntegratedProject,
            today: today(),
            mine: None,
            budget_year: None,
        }]
    );
    assert_eq!(app.screen(), &Screen::Dashboard);
}

#[test]
fn w_watches_a_selection_as_a_whole() {
    let mut app = thirty();
    keys(&mut app, &[ch(' '), ch(' ')]);
    assert_eq!(
        press(&mut app, ch('w')),
        [Effect::Save(Save::Watch {
            project_ids: vec![101, 102],
            on: Some(true),
        })]
    );
    // All already watched: the selection is taken off the watch list.
    let watched: Vec<ProjectRow> = rows(101..=102)
        .into_iter()
        .map(|r| ProjectRow { watched: true, ..r })
        .collect();
    app.update(Action::RowsLoaded(watched));
    assert_eq!(
        press(&mut app, ch('w')),
        [Effect::Save(Save::Watch {
            project_ids: vec![101, 102],
            on: Some(false),
        })]
    );
    // No selection: the cursor row, toggled.
    press(&mut app, ch('*'));
    press(&mut app, ch('*'));
    assert_eq!(
        press(&mut app, ch('w')),
        [Effect::Save(Save::Watch {
            project_ids: vec![103],
            on: None,
        })]
    );
}

#[test]
fn s_and_shift_s_sort_under_a_fresh_request_and_older_answers_are_ignored() {
    let mut app = thirty();
    let first = list(&app).request;
    let effects = press(&mut app, ch('s'));
    let second = list(&app).request;
    assert_ne!(second, first);
    let title = Sort {
        key: SortKey::Title,
        descending: false,
    };
    assert_eq!(effects, [head(second, title, 21)]);
    assert!(!list(&app).loaded);
    assert!(list(&app).rows.is_empty(), "rows are fetched again");
    // The first request's answer arrives late: nothing changes, nothing is fetched.
    assert_eq!(
        app.update(Action::ListLoaded {
            request: first,
            ids: vec![1, 2, 3],
        }),
        []
    );
    assert_eq!(
        app.update(Action::ListHeadLoaded {
            request: first,
            ids: vec![1, 2, 3],
        }),
        []
    );
    assert!(
        list(&app).ids.is_empty(),
        "the old order is gone, not replaced by a late answer"
    );
    assert!(!list(&app).loaded);
    // The answer to the sort: the new order is read from its top, the cursor on the first row
    // (the cursor's project would otherwise drag the view to wherever it now sorts).
    let effects = app.update(Action::ListLoaded {
        request: second,
        ids: (101..=130).rev().collect(),
    });
    assert_eq!(effects, [load_rows((111..=130).rev())]);
    assert_eq!(position(&app), (0, 0));
    assert_eq!(list(&app).cursor_id(), Some(130));
    let effects = press(&mut app, ch('S'));
    let third = list(&app).request;
    assert_ne!(third, second);
    assert_eq!(
        effects,
        [head(
            third,
            Sort {
                key: SortKey::Title,
                descending: true,
            },
            21
        )],
        "the reversed order also starts at its top"
    );
    assert_eq!(position(&app), (0, 0));
}

#[test]
fn enter_opens_the_detail_and_back_reloads_the_list() {
    let mut app = thirty();
    keys(&mut app, &[ch('j'), ch('j')]);
    assert_eq!(
        press(&mut app, Key::Enter),
        [Effect::LoadDetail {
            id: 103,
            me: ME.into(),
        }]
    );
    assert_eq!(detail_state(&app).id, 103);
    let before = list_request_below(&app);
    let effects = press(&mut app, ch('q'));
    let request = list(&app).request;
    assert_ne!(request, before);
    assert_eq!(effects, [head(request, Sort::default(), 21)]);
    assert_eq!(list(&app).cursor, 2, "the cursor is kept");
}

fn list_request_below(app: &App) -> u64 {
    match &app.stack[app.stack.len() - 2] {
        Screen::List(l) => l.request,
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_list_with_no_match_has_no_cursor_row() {
    let mut app = app();
    press(&mut app, Key::Tab);
    let request = list(&app).request;
    assert_eq!(
        app.update(Action::ListLoaded {
            request,
            ids: vec![]
        }),
        []
    );
    assert_eq!(list(&app).cursor_id(), None);
    assert_eq!(press(&mut app, ch('j')), []);
    assert_eq!(press(&mut app, Key::Enter), []);
    assert_eq!(press(&mut app, ch('w')), []);
    assert_eq!(app.stack.len(), 2);
}
