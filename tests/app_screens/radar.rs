//! The matching radar as a state machine and as drawn: reached by Tab after the highway queue,
//! loads `ending:N` soonest first, the horizon in its title, `f` flags with the linked successor
//! program preselected; the table at 80×24, 200×50 and 40×12 in both languages.

use super::*;
use seedline::app::form::Value;
use seedline::app::{Command, ListKind, Overlay};
use seedline::model::{FlagStatus, Reference, Sort, SortKey};
use seedline::query::{EndingFilter, Filter};

/// An app in `lang` at `w`×`h` with the built-in programs and their pairings / matchings.
fn radar_app(lang: Lang, w: u16, h: u16) -> App {
    let (mut app, _) = App::new(
        lang,
        today(),
        Arc::new(Reference::builtin()),
        Keymap::default(),
    );
    app.author = Author::new(Some(ME), Some("PO"), "tester");
    app.update(Action::Resize(w, h));
    app
}

fn program_id(app: &App, code: &str) -> i64 {
    app.reference
        .programs
        .iter()
        .find(|p| p.code == code)
        .unwrap()
        .id
}

/// Row `id` of program `code`, ending `days` after today (negative: ended), maybe flagged.
fn ending(app: &App, id: i64, code: &str, days: i64, flag: Option<FlagStatus>) -> ProjectRow {
    let end = today() + chrono::Days::new(days.unsigned_abs());
    let end = if days < 0 {
        today() - chrono::Days::new(days.unsigned_abs())
    } else {
        end
    };
    ProjectRow {
        program_id: program_id(app, code),
        end_date: Some(end.to_string()),
        flag,
        open_flag: flag.map(|_| (id, 1)),
        ..row(id)
    }
}

/// Tab three times from the dashboard: the radar, answered with three rows.
fn on_radar(lang: Lang, w: u16, h: u16) -> App {
    let mut app = radar_app(lang, w, h);
    keys(&mut app, &[Key::Tab, Key::Tab, Key::Tab]);
    let request = list(&app).request;
    app.update(Action::ListLoaded {
        request,
        ids: vec![101, 102, 103],
    });
    let rows = vec![
        ending(&app, 101, "bridge", 10, None),
        ending(&app, 102, "crest", 45, Some(FlagStatus::Recommended)),
        ending(&app, 103, "p-direct", 170, None),
    ];
    app.update(Action::RowsLoaded(rows));
    app
}

fn screen(lang: Lang, w: u16, h: u16) -> String {
    let mut app = on_radar(lang, w, h);
    screen_rows(&mut app, w, h).join("\n")
}

#[test]
fn tab_goes_from_the_highway_queue_to_the_radar_then_to_the_due_board() {
    let mut app = radar_app(Lang::Ja, 80, 24);
    keys(&mut app, &[Key::Tab, Key::Tab]);
    assert_eq!(list(&app).kind, ListKind::Highway);
    let effects = press(&mut app, Key::Tab);
    assert_eq!(list(&app).kind, ListKind::Radar(180));
    assert_eq!(
        crumbs(&app),
        ["ダッシュボード", "マッチング・レーダー（180日以内に終了）"]
    );
    assert_eq!(
        effects,
        [Effect::LoadListHead {
            request: list(&app).request,
            filter: Filter {
                ending: Some(EndingFilter::Days(180)),
                ..Filter::default()
            },
            sort: Sort {
                key: SortKey::EndDate,
                descending: false,
            },
            scope: scope(),
            limit: 21,
        }],
        "ending within the horizon, soonest first"
    );
    assert_eq!(
        press(&mut app, Key::Tab),
        [Effect::LoadDue {
            mine: false,
            scope: scope(),
        }]
    );
}

#[test]
fn the_horizon_comes_from_the_config_and_a_typed_window_replaces_it() {
    let mut app = radar_app(Lang::En, 80, 24);
    app.radar_days = 90;
    keys(&mut app, &[Key::Tab, Key::Tab, Key::Tab]);
    assert_eq!(list(&app).kind, ListKind::Radar(90));
    assert_eq!(
        crumbs(&app).last().unwrap(),
        "Matching radar (ending within 90 days)"
    );
    assert_eq!(
        list(&app).effective_filter().ending,
        Some(EndingFilter::Days(90))
    );
    press(&mut app, ch('/'));
    for c in "ending:overdue".chars() {
        press(&mut app, ch(c));
    }
    let effects = press(&mut app, Key::Enter);
    assert_eq!(
        list(&app).effective_filter().ending,
        Some(EndingFilter::Overdue),
        "ended without a decision: {effects:?}"
    );
    assert_eq!(
        crumbs(&app).last().unwrap(),
        "Matching radar (ended, no decision)",
        "the title says the window shown"
    );
    press(&mut app, ch('/'));
    for c in " ip:drug".chars() {
        press(&mut app, ch(c));
    }
    press(&mut app, Key::Enter);
    assert_eq!(
        crumbs(&app).last().unwrap(),
        "Matching radar (ended, no decision, filtered)"
    );
}

#[test]
fn the_palette_opens_the_radar() {
    let mut app = radar_app(Lang::Ja, 80, 24);
    app.update(Action::Command(Command::RadarQueue));
    assert_eq!(list(&app).kind, ListKind::Radar(180));
}

#[test]
fn f_on_the_radar_preselects_the_first_linked_successor_program() {
    let mut app = on_radar(Lang::Ja, 80, 24);
    press(&mut app, ch('f'));
    let Overlay::Form(form) = &app.overlay else {
        panic!("expected the flag form, got {:?}", app.overlay);
    };
    let target = form.fields.iter().find(|f| f.key == "target").unwrap();
    let Value::Choice { options, index } = &target.value else {
        panic!("target is a choice");
    };
    // 橋渡し研究プログラム hands seeds first to 革新的がん医療実用化研究事業 (matching), then
    // rare-practical, device-dev, venture-eco: in link order, the first preselected.
    let cancer = program_id(&app, "cancer-practical");
    assert_eq!(options[*index].code, cancer.to_string());
    let starred: Vec<String> = options
        .iter()
        .filter(|o| o.ja.starts_with("* "))
        .map(|o| o.code.clone())
        .collect();
    let linked: Vec<String> = [
        "cancer-practical",
        "rare-practical",
        "device-dev",
        "venture-eco",
    ]
    .iter()
    .map(|c| program_id(&app, c).to_string())
    .collect();
    assert_eq!(starred, linked);
}

#[test]
fn the_radar_shows_days_left_successors_and_the_open_flag() {
    let ja = screen(Lang::Ja, 200, 50);
    let first = ja.lines().find(|l| l.contains(&amed_id(101))).unwrap();
    assert!(first.contains("残り 10日"), "{first}");
    assert!(first.contains("革新的がん医療実用化研究事業、"), "{first}");
    let second = ja.lines().find(|l| l.contains(&amed_id(102))).unwrap();
    assert!(
        second.contains("残り 45日") && second.contains("推薦"),
        "{second}"
    );
    let en = screen(Lang::En, 200, 50);
    let first = en.lines().find(|l| l.contains(&amed_id(101))).unwrap();
    assert!(first.contains("10 d left"), "{first}");
    // P-CREATE (p-direct hands its seeds to it) fits whole.
    let third = en.lines().find(|l| l.contains(&amed_id(103))).unwrap();
    assert!(third.contains("170 d left"), "{third}");
    // At 80 columns the successor name is cut with ~.
    let narrow = screen(Lang::Ja, 80, 24);
    let first = narrow.lines().find(|l| l.contains(&amed_id(101))).unwrap();
    assert!(first.contains('~'), "{first}");
    assert!(narrow.contains("マッチング・レーダー"), "{narrow}");
}

#[test]
fn radar_snapshots() {
    for lang in [Lang::Ja, Lang::En] {
        for (w, h) in [(80, 24), (200, 50), (40, 12)] {
            let code = if lang == Lang::Ja { "ja" } else { "en" };
            let name = format!("radar_{code}_{w}x{h}");
            insta::assert_snapshot!(name, screen(lang, w, h));
        }
    }
}
