//! The due board read a screen at a time (issue 15), against a plain list of 500 items standing in
//! for the store: the board opens with its counts and the items on screen, scrolling reads the
//! items that come into view, and Enter / back keep the cursor on its item.

use super::*;
use seedline::model::{DueCounts, DueHead, DueKey, DueSeek, due_board};

/// 500 follow-ups, one a day, the oldest first (the board's order is the index order).
fn board_items() -> Vec<DueItem> {
    let owners = [ME, "佐藤 一郎", "鈴木 美咲"];
    (0..500)
        .map(|i| DueItem {
            // 469 days late for the first, due in 30 days for the last.
            due_on: (today() + chrono::Duration::days(i - 469)).to_string(),
            ..due_item(i, 0, owners[i as usize % 3])
        })
        .collect()
}

/// Where `key` is, or would be, among `all` (the first item not before it).
fn place(all: &[DueItem], key: &DueKey) -> usize {
    all.iter()
        .position(|i| i.key() >= *key)
        .unwrap_or(all.len())
}

/// Performs the due board's effects against `all` as the store would; returns how many items
/// were read. Any other effect fails the test.
fn serve(app: &mut App, all: &[DueItem], effects: Vec<Effect>) -> usize {
    let mut read = 0;
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        let action = match effect {
            Effect::LoadDue { .. } => {
                let page = app.list_page();
                let d = due(app);
                let at = d.item(d.offset).map_or(0, |i| place(all, &i.key()));
                let items = all[at..(at + page).min(all.len())].to_vec();
                read += items.len();
                let (_, buckets) = due_board(all, today());
                let counts = DueCounts {
                    total: all.len(),
                    buckets,
                };
                Action::DueHeadLoaded(Box::new(DueHead { counts, at, items }))
            }
            Effect::LoadDueRows { seek, limit, .. } => {
                let n = all.len();
                let (from, to) = match &seek {
                    DueSeek::Start => (0, limit.min(n)),
                    DueSeek::End => (n.saturating_sub(limit), n),
                    DueSeek::After(k) => {
                        let at = all.iter().position(|i| i.key() > *k).unwrap_or(n);
                        (at, (at + limit).min(n))
                    }
                    DueSeek::From(k) => (place(all, k), (place(all, k) + limit).min(n)),
                    DueSeek::Before(k) => (place(all, k).saturating_sub(limit), place(all, k)),
                };
                read += to - from;
                Action::DueRowsLoaded {
                    seek,
                    items: all[from..to].to_vec(),
                }
            }
            other => panic!("unexpected effect {other:?}"),
        };
        queue.extend(app.update(action));
    }
    read
}

/// The due board of `all` at `w`×`h`, opened with Tab ×4; returns the app and the items read.
fn open(w: u16, h: u16, all: &[DueItem]) -> (App, usize) {
    let mut app = sized(w, h);
    let effects = keys(&mut app, &[Key::Tab, Key::Tab, Key::Tab, Key::Tab]);
    let read = serve(&mut app, all, effects);
    (app, read)
}

fn on_screen(app: &mut App, w: u16, h: u16) -> Vec<String> {
    body_rows(app, w, h)[2..].to_vec()
}

#[test]
fn a_board_of_500_opens_with_only_the_screen_it_shows_and_exact_totals() {
    let all = board_items();
    let (mut app, read) = open(80, 24, &all);
    assert_eq!(read, 20, "20 items on a 24-line screen");
    let d = due(&app);
    assert_eq!(d.items.len(), 20);
    assert_eq!(d.total, 500);
    assert_eq!(d.totals.iter().sum::<i64>(), 500, "each item counted once");
    assert_eq!(d.totals, due_board(&all, today()).1);
    assert_eq!(app.screen().content_height(), Some(502));
    let rows = on_screen(&mut app, 80, 24);
    assert!(rows[0].contains(&amed_id(100)), "{}", rows[0]);
    assert!(rows[19].contains(&amed_id(119)), "{}", rows[19]);
}

#[test]
fn scrolling_reads_the_items_that_come_into_view_and_g_shows_the_last() {
    let all = board_items();
    let (mut app, _) = open(80, 24, &all);
    let effects = press(&mut app, Key::PageDown);
    assert_eq!(serve(&mut app, &all, effects), 1, "one item scrolled in");
    assert_eq!(due(&app).current(), Some(&all[20]));
    let effects = press(&mut app, ch('G'));
    assert_eq!(serve(&mut app, &all, effects), 20, "the last screen");
    assert_eq!(due(&app).current(), Some(&all[499]));
    let rows = on_screen(&mut app, 80, 24);
    assert!(rows[19].contains(&amed_id(599)), "{rows:#?}");
    assert!(rows[0].contains(&amed_id(580)), "{rows:#?}");
    // Up a page from the end: the items just before those held.
    let effects = press(&mut app, Key::PageUp);
    assert_eq!(serve(&mut app, &all, effects), 1);
    for _ in 0..2 {
        let effects = press(&mut app, Key::PageUp);
        assert_eq!(serve(&mut app, &all, effects), 20);
    }
    assert_eq!(due(&app).current(), Some(&all[439]));
    assert!(on_screen(&mut app, 80, 24)[0].contains(&amed_id(539)));
    // Back to the top: the first screen is read again (the run held is the end's).
    let effects = press(&mut app, ch('g'));
    serve(&mut app, &all, effects);
    assert_eq!(due(&app).current(), Some(&all[0]));
    assert!(on_screen(&mut app, 80, 24)[0].contains(&amed_id(100)));
}

#[test]
fn j_through_the_whole_board_reads_each_item_once_and_stops_at_the_last() {
    let all = board_items();
    let (mut app, mut read) = open(40, 12, &all);
    for k in 1..510 {
        let effects = press(&mut app, ch('j'));
        read += serve(&mut app, &all, effects);
        assert_eq!(due(&app).current(), Some(&all[k.min(499)]), "at {k}");
    }
    assert_eq!(read, 500);
}

#[test]
fn enter_and_back_keep_the_cursor_on_its_item_deep_in_the_board() {
    let all = board_items();
    let (mut app, _) = open(80, 24, &all);
    for _ in 0..12 {
        let effects = press(&mut app, Key::PageDown);
        serve(&mut app, &all, effects);
    }
    let at = due(&app).cursor;
    assert_eq!(at, 240);
    assert_eq!(
        press(&mut app, Key::Enter),
        [Effect::LoadDetail {
            id: all[at].project_id,
            me: ME.into(),
        }]
    );
    let effects = press(&mut app, Key::Esc);
    let read = serve(&mut app, &all, effects);
    assert_eq!(read, 20, "the screen it was left at, read again");
    assert_eq!(due(&app).cursor, at);
    assert_eq!(due(&app).current(), Some(&all[at]));
    let rows = on_screen(&mut app, 80, 24);
    assert!(rows[19].contains(&all[at].amed_id), "{rows:#?}");
}

#[test]
fn counts_per_officer_are_read_only_when_shown() {
    let all = board_items();
    let (mut app, _) = open(80, 24, &all);
    assert!(!due(&app).board_loaded);
    assert_eq!(
        press(&mut app, ch('t')),
        [Effect::LoadDueBoard {
            mine: false,
            scope: scope(),
        }]
    );
    let (rows, _) = due_board(&all, today());
    app.update(Action::DueBoardLoaded(rows.clone()));
    assert_eq!(due(&app).board, rows);
    assert_eq!(press(&mut app, ch('t')), []);
    assert_eq!(press(&mut app, ch('t')), [], "read once per load");
}
