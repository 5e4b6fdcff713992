//! A PI's (or institution's) projects: what opening and `t` load, answers for another name
//! ignored, the cursor against the page size, and Enter on a project.

use super::*;
use seedline::app::Save;

fn load_pi(key: PiKey) -> Effect {
    Effect::LoadPi {
        key,
        today: today(),
    }
}

/// Project 103's PI with 25 projects (ids 201..=225), opened from the detail with `P`.
fn opened(w: u16, h: u16) -> App {
    let mut app = sized(w, h);
    open_detail(&mut app, project_detail(103, 0, 0));
    let key = PiKey::Pi(pi_name(103));
    assert_eq!(press(&mut app, ch('P')), [load_pi(key.clone())]);
    app.update(Action::PiLoaded(Box::new(pi_overview(key, 201..=225))));
    app
}

fn position(app: &App) -> (usize, usize) {
    (pi(app).cursor, pi(app).offset)
}

#[test]
fn p_opens_the_pis_projects() {
    let app = opened(80, 24);
    assert_eq!(crumbs(&app)[3], format!("研究代表者 {}", pi_name(103)));
    assert_eq!(app.screen().content_height(), Some(29));
    assert_eq!(pi(&app).cursor_project().map(|p| p.id), Some(201));
}

#[test]
fn the_cursor_pages_and_clamps_at_80x24() {
    let mut app = opened(80, 24);
    assert_eq!(press(&mut app, ch('k')), []);
    assert_eq!(position(&app), (0, 0));
    press(&mut app, ch('j'));
    press(&mut app, Key::PageDown);
    assert_eq!(position(&app), (19, 2), "18 projects under four head lines");
    press(&mut app, ch('G'));
    assert_eq!(position(&app), (24, 7));
    press(&mut app, Key::PageDown);
    assert_eq!(position(&app), (24, 7));
    let body = body_rows(&mut app, 80, 24);
    assert!(body[4].contains(&amed_id(208)), "{}", body[4]);
    assert!(body[21].contains(&amed_id(225)), "{}", body[21]);
}

#[test]
fn the_cursor_pages_and_clamps_at_40x12() {
    let mut app = opened(40, 12);
    press(&mut app, Key::PageDown);
    assert_eq!(position(&app), (6, 1), "6 projects on a page");
    press(&mut app, ch('G'));
    assert_eq!(position(&app), (24, 19));
    let body = body_rows(&mut app, 40, 12);
    assert!(body[9].contains(&amed_id(225)), "{}", body[9]);
}

#[test]
fn t_switches_to_the_institution_of_the_cursor_row_and_back() {
    let mut app = opened(80, 24);
    press(&mut app, ch('j'));
    let institution_key = PiKey::Institution(institution(202));
    assert_eq!(press(&mut app, ch('t')), [load_pi(institution_key.clone())]);
    assert_eq!(pi(&app).key, institution_key);
    assert_eq!(pi(&app).overview, None);
    assert_eq!(position(&app), (0, 0));
    assert_eq!(crumbs(&app)[3], format!("機関 {}", institution(202)));
    // The PI's overview answering late is not shown as the institution's.
    app.update(Action::PiLoaded(Box::new(pi_overview(
        PiKey::Pi(pi_name(103)),
        201..=203,
    ))));
    assert_eq!(pi(&app).overview, None);
    assert_eq!(press(&mut app, ch('t')), [], "no row to switch from yet");
    assert_eq!(press(&mut app, Key::Enter), []);
    app.update(Action::PiLoaded(Box::new(pi_overview(
        institution_key,
        [202, 205, 208],
    ))));
    keys(&mut app, &[ch('j'), ch('j')]);
    assert_eq!(press(&mut app, ch('t')), [load_pi(PiKey::Pi(pi_name(208)))]);
}

#[test]
fn enter_opens_the_project_under_the_cursor() {
    let mut app = opened(80, 24);
    keys(&mut app, &[ch('j'), ch('j')]);
    assert_eq!(
        press(&mut app, Key::Enter),
        [Effect::LoadDetail {
            id: 203,
            me: ME.into(),
        }]
    );
    assert_eq!(detail_state(&app).id, 203);
    assert_eq!(press(&mut app, ch('q')), [load_pi(PiKey::Pi(pi_name(103)))]);
    assert_eq!(
        press(&mut app, ch('w')),
        [Effect::Save(Save::Watch {
            project_ids: vec![203],
            on: None,
        })]
    );
}
