//! Another session's writes, as this session learns of them: the audit rows since the last look
//! become a change set (`Store::changes_since`), and the screen reloads only what it touched.
//! Two `Store`s on one fixture file stand for two officers' sessions.

use crate::common::{Home, fixture, raw};
use crate::ui::Harness;
use seedline::Lang;
use seedline::app::keymap::Key;
use seedline::app::{Action, Effect, Screen};
use seedline::model::{
    Author, ChangeKind, Changes, NewNote, NewOfficer, NoteKind, OfficerRole, TouchedProjects,
    parse_date,
};
use seedline::store::{OpenOptions, Store};
use seedline::tui::effects::run_all;

fn author() -> Author {
    Author::new(Some("岩崎 美紀"), Some("PO"), "iwasaki")
}

fn note() -> NewNote {
    NewNote {
        kind: NoteKind::Meeting,
        body: "別セッションの面談記録".into(),
        occurred_on: parse_date("2026-11-24").unwrap(),
        follow_up_on: None,
    }
}

fn open(path: &std::path::Path, actor: &str) -> Store {
    let mut s = Store::open(path, OpenOptions { create: false }).unwrap();
    s.set_actor(actor);
    s
}

/// Two sessions on one fixture database: mine and theirs.
fn two_sessions() -> (Home, Store, Store) {
    let home = Home::new();
    let path = fixture::build(&home, "shared.db");
    let (mine, theirs) = (open(&path, "me"), open(&path, "them"));
    (home, mine, theirs)
}

fn touched(ids: &[i64], kinds: &[ChangeKind]) -> Changes {
    Changes::Projects(TouchedProjects {
        ids: ids.iter().copied().collect(),
        kinds: kinds.iter().copied().collect(),
    })
}

#[test]
fn notes_by_another_session_name_their_projects_and_own_writes_are_left_out() {
    let (_home, mut mine, mut theirs) = two_sessions();
    let seen = mine.last_audit_id().unwrap();
    mine.add_note(7, &note(), &author()).unwrap();
    theirs.add_note(3, &note(), &author()).unwrap();
    theirs.add_note(4, &note(), &author()).unwrap();
    let (next, changes) = mine.changes_since(seen).unwrap();
    assert_eq!(changes, touched(&[3, 4], &[ChangeKind::Note]), "7 is mine");
    // The next look starts after what this one read.
    mine.add_note(8, &note(), &author()).unwrap();
    theirs.add_note(5, &note(), &author()).unwrap();
    let (_, again) = mine.changes_since(next).unwrap();
    assert_eq!(again, touched(&[5], &[ChangeKind::Note]), "8 is mine");
}

#[test]
fn retires_officers_big_batches_and_writes_without_an_audit_row_reload_everything() {
    let (home, mut mine, mut theirs) = two_sessions();
    let look = |mine: &mut Store, since: i64| mine.changes_since(since).unwrap().1;

    let seen = mine.last_audit_id().unwrap();
    theirs.add_note(3, &note(), &author()).unwrap();
    theirs
        .retire_project(6, None, "二重登録", &author())
        .unwrap();
    assert_eq!(
        look(&mut mine, seen),
        Changes::Unknown,
        "a retired project leaves every list"
    );

    let seen = mine.last_audit_id().unwrap();
    theirs
        .add_officer(&NewOfficer {
            name: "新任 太郎".into(),
            role: OfficerRole::Po,
            login: None,
        })
        .unwrap();
    assert_eq!(
        look(&mut mine, seen),
        Changes::Unknown,
        "officers are reference data"
    );

    let seen = mine.last_audit_id().unwrap();
    for id in 1..=45 {
        theirs.add_note(id, &note(), &author()).unwrap();
    }
    assert!(
        matches!(look(&mut mine, seen), Changes::Projects(p) if p.ids.len() == 45),
        "45 projects are looked at one by one"
    );
    // The fixture holds 45: past 50 projects (a script's batch) everything reloads.
    let mut big = Changes::none();
    for id in 1..=51 {
        big.add("project", Some(id), "note.add");
    }
    assert_eq!(big, Changes::Unknown);

    let seen = mine.last_audit_id().unwrap();
    raw(&home.path("shared.db"))
        .execute("UPDATE project SET title = '直接更新' WHERE id = 2", [])
        .unwrap();
    assert_eq!(
        look(&mut mine, seen),
        Changes::Unknown,
        "sqlite3 leaves no audit row"
    );
}

#[test]
fn another_officers_export_changes_nothing_shown() {
    let (_home, mut mine, mut theirs) = two_sessions();
    let seen = mine.last_audit_id().unwrap();
    theirs.record_export("projects", 45, "-").unwrap();
    assert_eq!(mine.changes_since(seen).unwrap().1, Changes::none());
}

#[test]
fn a_note_from_another_session_refreshes_only_its_row_and_the_officer_sees_it() {
    let mut t = Harness::new(Lang::Ja, 160, 40);
    t.keys(&[Key::Tab, Key::Char('j'), Key::Char('j'), Key::Char(' ')]);
    // Sorted by 課題管理番号 with the 最終記録 column shown.
    let Screen::List(before) = t.app.screen() else {
        panic!("{:?}", t.app.screen())
    };
    let (cursor, selected) = (before.cursor_id(), before.selected.clone());
    let third = before.ids[2];
    let amed = before.rows[&third].amed_id.clone();
    let row_line = |t: &Harness| {
        let text = t.screen_text();
        text.lines()
            .find(|l| l.contains(&amed))
            .unwrap_or_else(|| panic!("{amed} on screen:\n{text}"))
            .to_string()
    };
    assert!(!row_line(&t).contains("2026-11-24"), "{}", row_line(&t));
    let seen = t.store.last_audit_id().unwrap();
    let mut theirs = open(&t.home.path("ui.db"), "them");
    theirs.add_note(third, &note(), &author()).unwrap();

    let (_, changes) = t.store.changes_since(seen).unwrap();
    let effects = t.app.update(Action::ExternalChange(changes));
    assert!(
        matches!(&effects[..], [Effect::LoadRows { ids, .. }] if ids == &[third]),
        "one row read again, not the list: {effects:?}"
    );
    run_all(&mut t.store, &mut t.app, effects);
    let Screen::List(after) = t.app.screen() else {
        panic!()
    };
    assert_eq!((after.cursor_id(), &after.selected), (cursor, &selected));
    assert!(
        row_line(&t).contains("2026-11-24"),
        "the new note's day: {}",
        row_line(&t)
    );

    // A note on a project of another screen's detail: the detail shown is not read again.
    t.keys(&[Key::Enter]);
    let shown = match t.app.screen() {
        Screen::Detail(d) => d.id,
        other => panic!("{other:?}"),
    };
    let seen = t.store.last_audit_id().unwrap();
    let elsewhere = if shown == 1 { 2 } else { 1 };
    theirs.add_note(elsewhere, &note(), &author()).unwrap();
    let (_, changes) = t.store.changes_since(seen).unwrap();
    assert_eq!(t.app.update(Action::ExternalChange(changes)), []);
}
