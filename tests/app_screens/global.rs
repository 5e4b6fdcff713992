//! Keys that mean the same on every screen: Tab between the top-level screens, back and quit,
//! the help, refresh, and keys that only some screens bind.

use super::*;
use seedline::app::{ListKind, Overlay};
use seedline::model::{Sort, SortKey};
use seedline::query::{Filter, FlagFilter};

fn dashboard_load() -> Effect {
    Effect::LoadDashboard {
        pivot: Pivot::IntegratedProject,
        today: today(),
        mine: None,
        budget_year: None,
    }
}

#[test]
fn tab_cycles_dashboard_projects_highway_radar_due_dashboard() {
    let mut app = app();
    let effects = press(&mut app, Key::Tab);
    assert_eq!(list(&app).kind, ListKind::Projects);
    assert_eq!(
        effects,
        [Effect::LoadListHead {
            request: list(&app).request,
            filter: Filter::default(),
            sort: Sort::default(),
            scope: scope(),
            limit: 21,
        }]
    );
    let effects = press(&mut app, Key::Tab);
    assert_eq!(list(&app).kind, ListKind::Highway);
    assert_eq!(crumbs(&app), ["ダッシュボード", "ハイウェイ支援キュー"]);
    assert_eq!(
        effects,
        [Effect::LoadListHead {
            request: list(&app).request,
            filter: Filter {
                flag: Some(FlagFilter::Open),
                ..Filter::default()
            },
            sort: Sort {
                key: SortKey::FlagAge,
                descending: false,
            },
            scope: scope(),
            limit: 21,
        }],
        "the oldest open flag first"
    );
    press(&mut app, Key::Tab);
    assert_eq!(list(&app).kind, ListKind::Radar(180));
    assert_eq!(
        press(&mut app, Key::Tab),
        [Effect::LoadDue {
            mine: false,
            scope: scope(),
        }]
    );
    assert_eq!(crumbs(&app), ["ダッシュボード", "期限ボード"]);
    assert_eq!(press(&mut app, Key::Tab), [dashboard_load()]);
    assert_eq!(app.stack, [Screen::Dashboard]);
}

#[test]
fn tab_from_a_cells_list_goes_to_all_projects() {
    let mut app = app();
    app.update(Action::DashboardLoaded(Box::new(dashboard_data(
        Pivot::IntegratedProject,
        MatrixOptions::default(),
    ))));
    press(&mut app, Key::Enter);
    assert_eq!(list(&app).query, "ip:drug phase:basic");
    press(&mut app, Key::Tab);
    assert_eq!(list(&app).query, "");
    assert_eq!(list(&app).kind, ListKind::Projects);
    assert_eq!(app.stack.len(), 2);
}

#[test]
fn tab_from_a_detail_over_all_projects_goes_to_the_highway_queue() {
    let mut app = app();
    press(&mut app, Key::Tab);
    answer_list(&mut app, 101..=103);
    press(&mut app, Key::Enter);
    assert_eq!(detail_state(&app).id, 101);
    press(&mut app, Key::Tab);
    assert_eq!(list(&app).kind, ListKind::Highway);
    assert_eq!(app.stack.len(), 2);
}

#[test]
fn tab_from_a_filtered_all_projects_list_goes_to_the_highway_queue() {
    let mut app = app();
    press(&mut app, Key::Tab);
    answer_list(&mut app, 101..=103);
    press(&mut app, Key::Char('/'));
    for c in "がん".chars() {
        press(&mut app, Key::Char(c));
    }
    press(&mut app, Key::Enter);
    assert_eq!(list(&app).query, "がん");
    press(&mut app, Key::Tab);
    assert_eq!(list(&app).kind, ListKind::Highway);
}

#[test]
fn tab_from_a_detail_over_the_radar_goes_to_the_due_board() {
    let mut app = app();
    keys(&mut app, &[Key::Tab, Key::Tab, Key::Tab]);
    answer_list(&mut app, 301..=303);
    press(&mut app, Key::Enter);
    assert_eq!(detail_state(&app).id, 301);
    assert_eq!(
        press(&mut app, Key::Tab),
        [Effect::LoadDue {
            mine: false,
            scope: scope(),
        }]
    );
    assert_eq!(app.stack.len(), 2);
}

#[test]
fn q_and_esc_go_back_and_reload_the_screen_below() {
    let mut app = app();
    press(&mut app, ch('F'));
    assert_eq!(press(&mut app, ch('q')), [dashboard_load()]);
    assert_eq!(app.stack, [Screen::Dashboard]);
    assert!(!app.should_quit);
    press(&mut app, ch('B'));
    assert_eq!(press(&mut app, Key::Esc), [dashboard_load()]);
    assert_eq!(app.stack, [Screen::Dashboard]);
    // On the dashboard Esc does nothing and q quits.
    assert_eq!(press(&mut app, Key::Esc), []);
    assert!(!app.should_quit);
    assert_eq!(press(&mut app, ch('q')), []);
    assert!(app.should_quit);
}

#[test]
fn ctrl_c_quits_from_anywhere_even_a_form() {
    let mut app = app();
    open_detail(&mut app, project_detail(103, 0, 0));
    press(&mut app, ch('n'));
    assert!(matches!(app.overlay, Overlay::Form(_)));
    assert_eq!(press(&mut app, Key::Ctrl('c')), []);
    assert!(app.should_quit);
}

#[test]
fn the_help_closes_on_any_key() {
    let mut app = app();
    open_list(&mut app, 101..=110);
    assert_eq!(press(&mut app, ch('?')), []);
    assert_eq!(app.overlay, Overlay::Help);
    assert_eq!(press(&mut app, ch('j')), []);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(list(&app).cursor, 0, "the key only closed the help");
}

#[test]
fn r_reloads_the_screen_and_the_project_count() {
    let mut app = app();
    open_list(&mut app, 101..=110);
    let before = list(&app).request;
    let effects = press(&mut app, ch('r'));
    let request = list(&app).request;
    assert_ne!(request, before);
    assert_eq!(
        effects,
        [
            Effect::LoadListHead {
                request,
                filter: Filter::default(),
                sort: Sort::default(),
                scope: scope(),
                limit: 21,
            },
            Effect::CountProjects,
        ]
    );
}

#[test]
fn screen_keys_are_unbound_elsewhere_and_project_keys_need_a_project() {
    let mut app = app();
    // `n` (a note) is bound on lists, the detail and the due board only.
    assert!(app.key_action(ch('n')).is_none());
    assert!(app.key_action(ch('s')).is_none());
    // `F` opens the funnel everywhere; `L` (links) is the detail's.
    press(&mut app, ch('F'));
    assert!(app.key_action(ch('L')).is_none());
    // `u` with nothing to undo says so.
    assert_eq!(press(&mut app, ch('u')), []);
    assert_eq!(app.status.as_deref(), Some("取り消せる操作はありません"));
    // The next key clears the status line.
    press(&mut app, ch('j'));
    assert_eq!(app.status, None);
}

#[test]
fn a_failed_effect_is_shown_until_the_next_key() {
    let mut app = app();
    let busy = seedline::Error::Busy {
        path: "/srv/seedline.db".into(),
        holders: String::new(),
    };
    app.update(Action::Failed(seedline::msg::Msg::of_error(&busy)));
    assert_eq!(
        app.status.as_deref(),
        Some(busy.text(app.lang).as_str()),
        "worded in the officer's language"
    );
    press(&mut app, ch('j'));
    assert_eq!(app.status, None);
}
