//! A project's history: what opening it loads, and scrolling against the page size.

use super::*;

/// Project 103's history of `n` entries, opened from its detail with `H` at `w`×`h`.
fn opened(w: u16, h: u16, n: usize) -> App {
    let mut app = sized(w, h);
    open_detail(&mut app, project_detail(103, 1, 0));
    assert_eq!(
        press(&mut app, ch('H')),
        [Effect::LoadHistory { project_id: 103 }]
    );
    app.update(Action::HistoryLoaded(history_entries(n)));
    app
}

fn scroll(app: &App) -> usize {
    history(app).scroll
}

#[test]
fn h_opens_the_history_under_the_project() {
    let app = opened(80, 24, 30);
    assert_eq!(
        crumbs(&app),
        [
            "ダッシュボード".to_string(),
            "課題一覧".into(),
            amed_id(103),
            format!("{} 履歴", amed_id(103)),
        ]
    );
    assert_eq!(history(&app).entries.len(), 30);
    assert_eq!(app.screen().content_height(), Some(31));
}

#[test]
fn scrolling_stops_at_the_last_entry_at_80x24() {
    let mut app = opened(80, 24, 30);
    assert_eq!(press(&mut app, ch('k')), []);
    assert_eq!(scroll(&app), 0);
    assert_eq!(press(&mut app, ch('j')), []);
    assert_eq!(scroll(&app), 1);
    press(&mut app, Key::PageDown);
    assert_eq!(
        scroll(&app),
        9,
        "21 entries under the heading: at most 9 scrolled past"
    );
    press(&mut app, ch('j'));
    assert_eq!(scroll(&app), 9);
    let body = body_rows(&mut app, 80, 24);
    assert!(
        body[0].contains(&format!("{} 履歴", amed_id(103))),
        "{}",
        body[0]
    );
    assert!(body[1].contains("記録09を追加"), "{}", body[1]);
    assert!(body[21].contains("記録29を追加"), "{}", body[21]);
    press(&mut app, ch('g'));
    assert_eq!(scroll(&app), 0);
}

#[test]
fn scrolling_stops_at_the_last_entry_at_40x12() {
    let mut app = opened(40, 12, 30);
    press(&mut app, Key::PageDown);
    assert_eq!(scroll(&app), 8, "9 entries on a page, one kept");
    press(&mut app, ch('G'));
    assert_eq!(scroll(&app), 21);
    let body = body_rows(&mut app, 40, 12);
    assert!(body[9].contains("2026-11-15 10:29"), "{}", body[9]);
}

#[test]
fn a_short_history_does_not_scroll() {
    let mut app = opened(80, 24, 5);
    press(&mut app, ch('G'));
    assert_eq!(scroll(&app), 0);
    assert_eq!(
        press(&mut app, ch('q')),
        [Effect::LoadDetail {
            id: 103,
            me: ME.into(),
        }]
    );
}
