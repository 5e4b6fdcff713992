//! A project's links: opened from the detail without a load, the cursor against the page size,
//! Enter opening the link under the cursor, and reloads.

use super::*;
use seedline::app::{FormKind, Overlay};

/// Project 103's 25 links, opened from its detail with `L`.
fn opened(w: u16, h: u16, n: usize) -> App {
    let mut app = sized(w, h);
    open_detail(&mut app, project_detail(103, 0, n));
    assert_eq!(press(&mut app, ch('L')), [], "the detail has the links");
    app
}

fn position(app: &App) -> (usize, usize) {
    (links(app).cursor, links(app).offset)
}

#[test]
fn l_opens_the_links_of_the_detail() {
    let app = opened(80, 24, 25);
    assert_eq!(crumbs(&app)[3], format!("{} 添付", amed_id(103)));
    assert_eq!(links(&app).links.len(), 25);
    assert_eq!(app.screen().content_height(), Some(27));
}

#[test]
fn enter_opens_the_link_under_the_cursor() {
    let mut app = opened(80, 24, 25);
    keys(&mut app, &[ch('j'), ch('j')]);
    assert_eq!(
        press(&mut app, Key::Enter),
        [Effect::OpenLink {
            target: "https://example.jp/seeds/103/doc03.pdf".into(),
        }]
    );
    assert_eq!(app.stack.len(), 4, "the links stay on screen");
}

#[test]
fn the_cursor_pages_and_clamps_at_80x24() {
    let mut app = opened(80, 24, 25);
    assert_eq!(press(&mut app, ch('k')), []);
    assert_eq!(position(&app), (0, 0));
    press(&mut app, Key::PageDown);
    assert_eq!(
        position(&app),
        (20, 1),
        "20 links under the hint and header"
    );
    press(&mut app, ch('G'));
    assert_eq!(position(&app), (24, 5));
    press(&mut app, ch('j'));
    assert_eq!(position(&app), (24, 5));
    let body = body_rows(&mut app, 80, 24);
    assert!(body[2].contains("報告書06"), "{}", body[2]);
    assert!(body[21].contains("報告書25"), "{}", body[21]);
}

#[test]
fn the_cursor_pages_and_clamps_at_40x12() {
    let mut app = opened(40, 12, 25);
    press(&mut app, Key::PageDown);
    assert_eq!(position(&app), (8, 1));
    press(&mut app, ch('G'));
    assert_eq!(position(&app), (24, 17));
    let body = body_rows(&mut app, 40, 12);
    assert!(body[9].contains("報告書25"), "{}", body[9]);
}

#[test]
fn reloads_take_this_projects_links_only() {
    let mut app = opened(80, 24, 25);
    press(&mut app, ch('G'));
    assert_eq!(
        press(&mut app, ch('r')),
        [Effect::LoadLinks { project_id: 103 }, Effect::CountProjects]
    );
    app.update(Action::LinksLoaded {
        project_id: 104,
        links: vec![link(104, 1)],
    });
    assert_eq!(links(&app).links.len(), 25, "another project's links");
    app.update(Action::LinksLoaded {
        project_id: 103,
        links: (1..=3).map(|i| link(103, i)).collect(),
    });
    assert_eq!(links(&app).links.len(), 3);
    assert_eq!(links(&app).cursor, 2, "the cursor stays on a link");
    assert_eq!(
        press(&mut app, Key::Enter),
        [Effect::OpenLink {
            target: "https://example.jp/seeds/103/doc03.pdf".into(),
        }]
    );
}

#[test]
fn no_links_nothing_to_open_and_a_adds_one() {
    let mut app = opened(80, 24, 0);
    assert_eq!(app.screen().content_height(), Some(3));
    assert_eq!(press(&mut app, Key::Enter), []);
    assert_eq!(press(&mut app, ch('a')), []);
    let Overlay::Form(form) = &app.overlay else {
        panic!("{:?}", app.overlay);
    };
    assert_eq!(form.kind, FormKind::Attach { project_id: 103 });
    press(&mut app, Key::Esc);
    assert_eq!(
        press(&mut app, ch('q')),
        [Effect::LoadDetail {
            id: 103,
            me: ME.into(),
        }]
    );
}
