//! The programs screen: `Y` opens it with one load, the loaded reference replaces the app's, rows
//! grouped by integrated project with their project counts, `t` shows retired programs, Enter
//! opens the program's projects, and the drawing at 80×24 and 40×12.

use super::*;
use seedline::app::screens::ProgramsState;
use std::collections::HashMap;

fn programs(app: &App) -> &ProgramsState {
    match app.screen() {
        Screen::Programs(p) => p,
        other => panic!("expected the programs, found {other:?}"),
    }
}

/// The built-in programs, the first one retired, with project counts (program id → count).
fn loaded_reference() -> Arc<Reference> {
    let mut r = Reference::builtin();
    r.programs[0].retired_on = seedline::model::parse_date("2025-03-31");
    Arc::new(r)
}

fn counts() -> HashMap<i64, i64> {
    HashMap::from([(2, 12_345), (3, 7)])
}

/// `Y`, then the load answered.
fn opened(w: u16, h: u16) -> App {
    let mut app = sized(w, h);
    assert_eq!(press(&mut app, ch('Y')), [Effect::LoadPrograms]);
    app.update(Action::ProgramsLoaded {
        reference: loaded_reference(),
        counts: counts(),
    });
    app
}

#[test]
fn y_opens_the_programs_and_the_loaded_reference_becomes_the_apps() {
    let app = opened(80, 24);
    assert_eq!(crumbs(&app)[1], "事業一覧");
    let p = programs(&app);
    let builtin = Reference::builtin();
    assert_eq!(
        p.rows.len(),
        builtin.programs.len() - 1,
        "the retired one hidden"
    );
    assert_eq!(app.reference.programs.len(), builtin.programs.len());
    assert_eq!(app.screen().content_height(), Some(2 + p.rows.len()));
    let p2 = p.rows.iter().find(|r| r.program.id == 2).unwrap();
    assert_eq!(p2.projects, 12_345);
}

#[test]
fn rows_are_grouped_by_integrated_project() {
    let app = opened(80, 24);
    let order: Vec<usize> = programs(&app)
        .rows
        .iter()
        .map(|r| {
            app.reference
                .integrated_projects
                .iter()
                .position(|i| i.code == r.ip_code)
                .unwrap()
        })
        .collect();
    assert!(order.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
}

#[test]
fn t_shows_and_hides_retired_programs_keeping_the_cursor_on_its_program() {
    let mut app = opened(80, 24);
    keys(&mut app, &[ch('j'), ch('j')]);
    let code = programs(&app).cursor_row().unwrap().program.code.clone();
    assert_eq!(press(&mut app, ch('t')), []);
    let p = programs(&app);
    assert!(p.show_retired);
    assert_eq!(p.rows.len(), Reference::builtin().programs.len());
    assert_eq!(p.cursor_row().unwrap().program.code, code);
    assert_eq!(app.status.as_deref(), Some("廃止した事業も表示"));
    press(&mut app, ch('t'));
    assert!(!programs(&app).show_retired);
}

#[test]
fn enter_opens_the_programs_projects() {
    let mut app = opened(80, 24);
    let code = programs(&app).cursor_row().unwrap().program.code.clone();
    let effects = press(&mut app, Key::Enter);
    assert!(
        matches!(
            effects.first(),
            Some(Effect::LoadListHead { .. } | Effect::LoadList { .. })
        ),
        "{effects:?}"
    );
    let l = list(&app);
    assert_eq!(l.query, format!("program:{code}"));
    assert!(crumbs(&app)[2].starts_with("事業 "), "{:?}", crumbs(&app));
}

#[test]
fn the_cursor_pages_and_clamps() {
    let mut app = opened(40, 12);
    press(&mut app, Key::PageDown);
    let p = programs(&app);
    assert_eq!(
        (p.cursor, p.offset),
        (8, 1),
        "8 rows under the two head lines"
    );
    press(&mut app, ch('G'));
    let p = programs(&app);
    assert_eq!(p.cursor, p.rows.len() - 1);
    assert_eq!(p.offset, p.rows.len() - 8);
}

#[test]
fn reloads_ask_for_the_programs_again() {
    let mut app = opened(80, 24);
    assert_eq!(
        press(&mut app, ch('r')),
        [Effect::LoadPrograms, Effect::CountProjects]
    );
}

#[test]
fn drawn_at_80x24_and_40x12_the_counts_are_never_cut() {
    for (w, h) in [(80, 24), (40, 12), (120, 40), (20, 5)] {
        let mut app = opened(w, h);
        let body = body_rows(&mut app, w, h);
        if h >= 12 {
            assert!(body[0].contains("38 事業"), "{w}x{h}: {}", body[0]);
            let row = body.iter().find(|r| r.contains("12,345"));
            assert!(row.is_some(), "{w}x{h}: {body:#?}");
        }
        for r in &body {
            assert!(seedline::text::width(r) <= w as usize, "{r}");
        }
    }
    let mut app = opened(80, 24);
    press(&mut app, ch('t'));
    let body = body_rows(&mut app, 80, 24);
    assert!(body[2].contains("[廃止]"), "{}", body[2]);
    assert!(body[2].contains("MHLW"), "{}", body[2]);
    assert!(body.iter().any(|r| r.contains("›")), "{body:#?}");
}

#[test]
fn english_shows_english_names() {
    let (mut app, _) = App::new(
        Lang::En,
        today(),
        Arc::new(reference()),
        seedline::app::keymap::Keymap::default(),
    );
    app.update(Action::Resize(100, 24));
    press(&mut app, ch('Y'));
    app.update(Action::ProgramsLoaded {
        reference: loaded_reference(),
        counts: counts(),
    });
    let body = body_rows(&mut app, 100, 24);
    assert!(body[1].contains("Program"), "{}", body[1]);
    assert!(body.iter().any(|r| r.contains("P-PROMOTE")), "{body:#?}");
}
