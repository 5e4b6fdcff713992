//! The due board: what it loads (everyone's or mine), the cursor against the page size, counts
//! per officer, and the keys that act on the item under the cursor.

use super::*;
use seedline::app::Save;

const OWNERS: [&str; 3] = [ME, "佐藤 一郎", "鈴木 美咲"];

/// 25 follow-ups, 0 to 72 days late, owed in turn by three officers.
fn items() -> Vec<DueItem> {
    (0..25)
        .map(|i| due_item(i, 3 * (24 - i), OWNERS[i as usize % 3]))
        .collect()
}

fn load_due(mine: bool) -> Effect {
    Effect::LoadDue {
        mine,
        scope: scope(),
    }
}

/// The due board at `w`×`h` with `items`.
fn board(w: u16, h: u16, items: Vec<DueItem>) -> App {
    let mut app = sized(w, h);
    assert_eq!(
        keys(&mut app, &[Key::Tab, Key::Tab, Key::Tab, Key::Tab]),
        [load_due(false)]
    );
    app.update(Action::DueLoaded(items));
    app
}

fn position(app: &App) -> (usize, usize) {
    (due(app).cursor, due(app).offset)
}

#[test]
fn the_fourth_tab_opens_everyones_due_board() {
    let app = board(80, 24, items());
    assert_eq!(crumbs(&app), ["ダッシュボード", "期限ボード"]);
    assert!(due(&app).loaded);
    assert_eq!(due(&app).items.len(), 25);
    assert_eq!(app.screen().content_height(), Some(27));
    // Buckets: 61+ days late, 31-60, 1-30, due within 30 days.
    assert_eq!(due(&app).totals, [4, 10, 10, 1]);
}

#[test]
fn the_cursor_pages_and_clamps_at_80x24() {
    let mut app = board(80, 24, items());
    assert_eq!(press(&mut app, ch('k')), []);
    assert_eq!(position(&app), (0, 0));
    assert_eq!(press(&mut app, ch('j')), []);
    press(&mut app, Key::PageDown);
    assert_eq!(position(&app), (21, 2), "20 items on a page");
    press(&mut app, Key::PageDown);
    assert_eq!(position(&app), (24, 5));
    press(&mut app, ch('j'));
    assert_eq!(position(&app), (24, 5));
    let body = body_rows(&mut app, 80, 24);
    assert!(body[21].contains(&amed_id(124)), "{}", body[21]);
    assert!(body[2].contains(&amed_id(105)), "{}", body[2]);
    press(&mut app, ch('g'));
    assert_eq!(position(&app), (0, 0));
}

#[test]
fn the_cursor_pages_and_clamps_at_40x12() {
    let mut app = board(40, 12, items());
    press(&mut app, Key::PageDown);
    assert_eq!(position(&app), (8, 1), "8 items on a page");
    press(&mut app, ch('G'));
    assert_eq!(position(&app), (24, 17));
    let body = body_rows(&mut app, 40, 12);
    // Item 24, the only one due today (the 課題管理番号 is cut at 40 columns).
    assert!(body[9].starts_with("  2026-11-25"), "{}", body[9]);
    assert!(body[8].starts_with("  2026-11-22"), "{}", body[8]);
}

#[test]
fn t_shows_counts_per_officer_without_reloading() {
    let mut app = board(80, 24, items());
    assert_eq!(press(&mut app, ch('t')), []);
    assert!(due(&app).by_officer);
    assert_eq!(due(&app).board.len(), 3);
    assert_eq!(
        app.screen().content_height(),
        Some(7),
        "info line, header, three officers, the total, how the rows count"
    );
    assert_eq!(press(&mut app, ch('t')), []);
    assert!(!due(&app).by_officer);
    assert_eq!(app.screen().content_height(), Some(27));
}

#[test]
fn o_loads_only_what_i_owe_and_back() {
    let mut app = board(80, 24, items());
    assert_eq!(press(&mut app, ch('o')), [load_due(true)]);
    assert!(due(&app).mine);
    let mine: Vec<DueItem> = items().into_iter().filter(|i| i.owners == [ME]).collect();
    app.update(Action::DueLoaded(mine));
    assert_eq!(due(&app).items.len(), 9);
    assert_eq!(press(&mut app, ch('o')), [load_due(false)]);
    assert!(!due(&app).mine);
}

#[test]
fn a_reload_keeps_the_cursor_on_the_same_item() {
    let mut app = board(80, 24, items());
    keys(&mut app, &[ch('j'), ch('j'), ch('j')]);
    let mut reordered = items();
    reordered.reverse();
    app.update(Action::DueLoaded(reordered));
    assert_eq!(due(&app).cursor, 21);
    assert_eq!(due(&app).items[21].project_id, 103);
    assert_eq!(due(&app).offset, 2);
}

#[test]
fn enter_opens_the_project_and_c_completes_the_item() {
    let mut items = items();
    items[1] = deadline_item(1, ME);
    let mut app = board(80, 24, items);
    assert_eq!(
        press(&mut app, ch('c')),
        [Effect::Save(Save::CompleteFollowUp { note_id: 500 })]
    );
    press(&mut app, ch('j'));
    assert_eq!(
        press(&mut app, ch('c')),
        [Effect::Save(Save::DeadlineDone {
            deadline_id: 701,
            version: 4,
        })]
    );
    assert_eq!(
        press(&mut app, Key::Enter),
        [Effect::LoadDetail {
            id: 101,
            me: ME.into(),
        }]
    );
    assert_eq!(detail_state(&app).id, 101);
    assert_eq!(press(&mut app, Key::Esc), [load_due(false)]);
}

#[test]
fn at_40_columns_the_ids_stay_whole_and_the_officer_column_gives_way() {
    for lang in [Lang::Ja, Lang::En] {
        let mut app = board(40, 12, items());
        app.lang = lang;
        let rows = body_rows(&mut app, 40, 12);
        let listed: Vec<&String> = rows.iter().filter(|r| r.contains("JP")).collect();
        assert!(!listed.is_empty(), "{rows:#?}");
        for row in listed {
            let id = row
                .split_whitespace()
                .find(|t| t.starts_with("JP"))
                .unwrap_or_default();
            assert_eq!(id.len(), amed_id(100).len(), "{lang:?}: cut id in {row:?}");
            assert!(!row.contains("佐藤") && !row.contains("鈴木"), "{row:?}");
        }
        // With room, the officer column is back.
        let rows = body_rows(&mut app, 80, 24);
        assert!(rows.iter().any(|r| r.contains("佐藤 一郎")), "{rows:#?}");
    }
}
