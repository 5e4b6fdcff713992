//! The due board read a page at a time (issue 15): on a demo database, the pages read forwards
//! and backwards, concatenated, are the whole board in the same order; the counts, the positions
//! and the counts per officer equal the tally of every item.

use crate::common::{Home, raw, today};
use seedline::demo::{DemoOptions, generate};
use seedline::model::{DueItem, DueSeek, Me, due_board};
use seedline::store::Store;

fn demo() -> (Home, Store) {
    let home = Home::new();
    let mut store = home.store("d.db");
    generate(&mut store, &DemoOptions::new(today()), &mut |_, _, _| {}).unwrap();
    (home, store)
}

fn until() -> seedline::model::Date {
    today().checked_add_days(chrono::Days::new(30)).unwrap()
}

/// The board forwards, `size` items at a time, each page after the last item of the one before.
fn forwards(s: &Store, mine: Option<&Me>, size: usize) -> Vec<DueItem> {
    let mut all = s.due_page(until(), mine, &DueSeek::Start, size).unwrap();
    loop {
        let seek = DueSeek::After(all.last().unwrap().key());
        let page = s.due_page(until(), mine, &seek, size).unwrap();
        assert!(page.len() <= size);
        if page.is_empty() {
            return all;
        }
        all.extend(page);
    }
}

/// The board backwards from its end, `size` items at a time.
fn backwards(s: &Store, mine: Option<&Me>, size: usize) -> Vec<DueItem> {
    let mut all = s.due_page(until(), mine, &DueSeek::End, size).unwrap();
    loop {
        let seek = DueSeek::Before(all[0].key());
        let mut page = s.due_page(until(), mine, &seek, size).unwrap();
        if page.is_empty() {
            return all;
        }
        page.append(&mut all);
        all = page;
    }
}

fn check(s: &Store, mine: Option<&Me>) -> usize {
    let whole = s.due_items(Some(until()), mine).unwrap();
    assert!(
        whole.len() > 30,
        "a board of several pages: {}",
        whole.len()
    );
    for size in [1, 7, 20] {
        assert_eq!(forwards(s, mine, size), whole, "forwards by {size}");
        assert_eq!(backwards(s, mine, size), whole, "backwards by {size}");
    }
    // Where each item sits, and the page from it.
    for at in [0, 1, whole.len() / 2, whole.len() - 1] {
        let key = whole[at].key();
        assert_eq!(s.due_position(until(), mine, &key).unwrap(), at);
        let page = s.due_page(until(), mine, &DueSeek::From(key), 5).unwrap();
        assert_eq!(page, whole[at..(at + 5).min(whole.len())]);
    }
    let counts = s.due_counts(until(), today(), mine).unwrap();
    let (board, totals) = due_board(&whole, today());
    assert_eq!(counts.total, whole.len());
    assert_eq!(counts.buckets, totals);
    assert_eq!(s.due_owner_counts(until(), today(), mine).unwrap(), board);
    whole.len()
}

#[test]
fn pages_of_the_due_board_make_the_whole_board_in_order() {
    let (_home, s) = demo();
    let everyone = check(&s, None);
    let officer = s.due_items(Some(until()), None).unwrap()[0].owners[0].clone();
    let me = s.me(&officer).unwrap();
    let mine = check(&s, Some(&me));
    assert!(mine < everyone);
}

#[test]
fn retired_projects_leave_the_paged_board_and_its_counts() {
    let (home, s) = demo();
    let before = s.due_items(Some(until()), None).unwrap();
    let gone: Vec<i64> = before.iter().step_by(9).map(|i| i.project_id).collect();
    let list = gone
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(",");
    raw(&home.path("d.db"))
        .execute(
            &format!("UPDATE project SET retired_at = '2026-11-01', retired_reason = 'test' WHERE id IN ({list})"),
            [],
        )
        .unwrap();
    let after = check(&s, None);
    assert!(after < before.len(), "{after} < {}", before.len());
    assert!(
        forwards(&s, None, 11)
            .iter()
            .all(|i| !gone.contains(&i.project_id))
    );
}
