//! Officers and assignments on a fresh database: the roster (add, edit, retire, restore), assign
//! and unassign many projects in one transaction, through the store, the keyboard and the binary;
//! `mine` following the officer matched by login; every refusal leaving the database unchanged.

use crate::common::fixture::new_project;
use crate::common::{Home, raw, today};
use crate::ui::Harness;
use seedline::Lang;
use seedline::app::keymap::Key;
use seedline::app::{Effect, Overlay, Save};
use seedline::model::{NewOfficer, OfficerEdit, OfficerRole, parse_date};
use seedline::store::Store;
use std::path::Path;

pub const IDS: [&str; 4] = [
    "JP26aa0000001",
    "JP26aa0000002",
    "JP26aa0000003",
    "JP26aa0000004",
];

/// A new database at `name` holding the four projects of [`IDS`] and nothing else.
pub fn fresh(home: &Home, name: &str) -> (Store, Vec<i64>) {
    let mut store = home.store(name);
    let ids = IDS
        .iter()
        .enumerate()
        .map(|(i, id)| {
            store
                .insert_project(&new_project(id, &format!("課題{}", i + 1)))
                .unwrap()
        })
        .collect();
    (store, ids)
}

pub fn officer(name: &str, role: OfficerRole, login: Option<&str>) -> NewOfficer {
    NewOfficer {
        name: name.into(),
        role,
        login: login.map(str::to_string),
    }
}

/// Rows of the tables these commands write: officers, current and past assignments, audit rows.
pub fn counts(path: &Path) -> [i64; 4] {
    let conn = raw(path);
    [
        "officer",
        "project_officer",
        "assignment_history",
        "audit_log",
    ]
    .map(|t| {
        conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
            .unwrap()
    })
}

fn d(s: &str) -> seedline::model::Date {
    parse_date(s).unwrap()
}

#[test]
fn a_fresh_database_officer_assigned_by_keyboard_then_mine_then_unassign_keeps_history() {
    let home = Home::new();
    let path = home.path("x.db");
    let (mut store, ids) = fresh(&home, "x.db");
    let login = seedline::identity::os_user();
    let yamada = store
        .add_officer(&officer("山田 花子", OfficerRole::Po, Some(&login)))
        .unwrap();
    drop(store);

    // The picker over a selection of two projects: one save for both.
    let mut t = Harness::open(home, &path, Lang::Ja, 100, 30);
    t.keys(&[Key::Tab, Key::Char(' '), Key::Char('j'), Key::Char(' ')]);
    t.keys(&[Key::Char('O')]);
    let Overlay::Picker(p) = &t.app.overlay else {
        panic!("no picker")
    };
    assert_eq!(p.roster.as_ref().map(Vec::len), Some(1));
    assert!(
        t.screen_text().contains("[ ] PO 山田 花子"),
        "{}",
        t.screen_text()
    );
    let action = t.app.key_action(Key::Enter).unwrap();
    let effects = t.app.update(action);
    assert_eq!(
        effects,
        [Effect::Save(Save::Assign {
            project_ids: vec![ids[0], ids[2]],
            officer_id: yamada,
            version: 1,
            label: "PO 山田 花子".into(),
            on: today(),
            assign: true,
        })]
    );
    seedline::tui::effects::run_all(&mut t.store, &mut t.app, effects);
    assert!(
        t.screen_text().contains("[✓] PO 山田 花子"),
        "{}",
        t.screen_text()
    );
    t.keys(&[Key::Esc]);

    // And one more through the store: the same officer on a successor project (相互乗り入れ).
    let done = t
        .store
        .assign_officer(&[ids[1], ids[2]], yamada, None, d("2026-04-01"))
        .unwrap();
    assert_eq!((done.added, done.already), (vec![ids[1]], vec![ids[2]]));

    // `mine` (the officer whose login is this OS account), `po:` and the portfolio list them.
    let home = &t.home;
    for query in ["mine", "po:山田"] {
        let out = home
            .seedline()
            .args(["show", "list", "--db", "x.db", "--query", query])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        for (i, id) in IDS.iter().enumerate() {
            assert_eq!(text.contains(id), i < 3, "{query}: {id}\n{text}");
        }
    }
    let out = home
        .seedline()
        .args(["show", "portfolio", "--db", "x.db"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains(IDS[2]));

    // Unassign: the row moves to the history with both dates, shown on the detail and in words.
    home.seedline()
        .args([
            "unassign",
            IDS[1],
            "--db",
            "x.db",
            "--officer",
            "山田花子",
            "--to",
            "2026-10-31",
        ])
        .assert()
        .success();
    let conn = raw(&path);
    let row: (String, String) = conn
        .query_row(
            "SELECT assigned_on, unassigned_on FROM assignment_history WHERE project_id = ?1",
            [ids[1]],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(row, ("2026-04-01".into(), "2026-10-31".into()));
    let out = home
        .seedline()
        .args(["show", "project", IDS[1], "--db", "x.db"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("担当履歴"), "{text}");
    assert!(
        text.contains("PO 山田 花子  2026-04-01〜2026-10-31"),
        "{text}"
    );
    let out = home
        .seedline()
        .args(["history", IDS[1], "--db", "x.db"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("PO 山田 花子 の担当を終了 (2026-04-01〜2026-10-31)"),
        "{text}"
    );
    assert!(
        text.contains("PO 山田 花子 を担当に追加 (2026-04-01〜)"),
        "{text}"
    );
    let out = home
        .seedline()
        .args(["history", IDS[1], "--db", "x.db", "--lang", "en"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Assigned PO 山田 花子 from 2026-04-01"));
}

#[test]
fn assigning_many_is_one_transaction_with_one_audit_row_per_project_changed() {
    let home = Home::new();
    let path = home.path("x.db");
    let (mut store, ids) = fresh(&home, "x.db");
    let po = store
        .add_officer(&officer("岩崎 美紀", OfficerRole::Po, None))
        .unwrap();
    let before = counts(&path);
    store.assign_officer(&ids[..2], po, None, today()).unwrap();
    let after = counts(&path);
    assert_eq!(after[1] - before[1], 2);
    assert_eq!(after[3] - before[3], 2, "one audit row per project");
    let conn = raw(&path);
    let entities: Vec<(String, String, i64)> = conn
        .prepare("SELECT action, entity, entity_id FROM audit_log WHERE action LIKE 'assign.%' ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        entities,
        [
            ("assign.add".into(), "project".into(), ids[0]),
            ("assign.add".into(), "project".into(), ids[1]),
        ]
    );
    // A missing project anywhere in the list: nothing at all.
    let before = counts(&path);
    assert!(
        store
            .assign_officer(&[ids[2], 9999], po, None, today())
            .is_err()
    );
    assert_eq!(counts(&path), before);
    // Undo takes both back; undoing an unassignment puts the dates back.
    store.revert_assigned(po, &ids[..2]).unwrap();
    assert_eq!(counts(&path)[1], 0);
    store
        .assign_officer(&ids[..1], po, None, d("2026-04-01"))
        .unwrap();
    let ended = store
        .unassign_officer(&ids[..1], po, None, d("2026-06-30"), true)
        .unwrap()
        .ended;
    assert_eq!(ended, [(ids[0], Some("2026-04-01".into()))]);
    store
        .revert_unassigned(po, &ended, d("2026-06-30"))
        .unwrap();
    let [_, current, past, _] = counts(&path);
    assert_eq!((current, past), (1, 0));
}

#[test]
fn refusals_name_the_fix_and_leave_the_database_unchanged() {
    let home = Home::new();
    let path = home.path("x.db");
    let (mut store, ids) = fresh(&home, "x.db");
    let ps = store
        .add_officer(&officer("山田 花子", OfficerRole::Ps, Some("yamada")))
        .unwrap();
    let po = store
        .add_officer(&officer("山田 花子", OfficerRole::Po, None))
        .unwrap();
    store
        .assign_officer(&ids[..1], po, None, d("2026-04-01"))
        .unwrap();
    let before = counts(&path);

    // Duplicates: the same name (spaces and width ignored) and role; a login already taken.
    let e = store
        .add_officer(&officer("山田花子", OfficerRole::Po, None))
        .unwrap_err();
    assert!(e.to_string().contains("already on the roster"), "{e}");
    let e = store
        .add_officer(&officer("佐藤 一郎", OfficerRole::Po, Some("yamada")))
        .unwrap_err();
    assert!(e.to_string().contains("login"), "{e}");
    // A stale version.
    let edit = OfficerEdit {
        login: Some(Some("hanako".into())),
        ..OfficerEdit::default()
    };
    let e = store.edit_officer(ps, 7, &edit).unwrap_err();
    assert!(matches!(e, seedline::Error::Conflict { .. }), "{e}");
    // `--to` before the start, and a conflict when the picker saw an assignment that is gone.
    let e = store
        .unassign_officer(&ids[..1], po, None, d("2026-03-31"), false)
        .unwrap_err();
    assert!(e.to_string().contains("before"), "{e}");
    let e = store
        .unassign_officer(&ids[..2], po, None, today(), true)
        .unwrap_err();
    assert!(matches!(e, seedline::Error::Conflict { .. }), "{e}");
    // A retired officer is not assigned.
    drop(store);
    assert_eq!(counts(&path), before);

    let run = |args: &[&str]| {
        let out = home
            .seedline()
            .args(args)
            .args(["--db", "x.db", "--lang", "en"])
            .output()
            .unwrap();
        assert!(!out.status.success(), "{args:?} succeeded");
        String::from_utf8(out.stderr).unwrap()
    };
    let e = run(&["assign", IDS[1], "--officer", "佐藤"]);
    assert!(
        e.contains("unknown officer '佐藤'") && e.contains("seedline officer add"),
        "{e}"
    );
    let e = run(&[
        "assign",
        IDS[1],
        "JP99zz9999999",
        "--officer",
        "山田 花子",
        "--role",
        "PO",
    ]);
    assert!(e.contains("unknown 課題管理番号 'JP99zz9999999'"), "{e}");
    let e = run(&["assign", IDS[1], "--officer", "山田 花子"]);
    assert!(e.contains("--role PS or --role PO"), "{e}");
    let e = run(&["officer", "add", "山田 花子", "--role", "boss"]);
    assert!(e.contains("--role"), "{e}");
    let e = run(&[
        "unassign",
        IDS[0],
        "--officer",
        "山田 花子",
        "--role",
        "PO",
        "--to",
        "2026-01-01",
    ]);
    assert!(e.contains("before"), "{e}");
    // An assignment cannot end in the future: it would leave `mine` today.
    let e = run(&[
        "unassign",
        IDS[0],
        "--officer",
        "山田 花子",
        "--role",
        "PO",
        "--to",
        "2099-01-01",
    ]);
    assert!(e.contains("--to: 2099-01-01 is after today"), "{e}");
    assert_eq!(counts(&path), before);

    home.seedline()
        .args([
            "officer",
            "retire",
            "山田 花子",
            "--role",
            "PO",
            "--on",
            "2026-11-01",
            "--db",
            "x.db",
        ])
        .assert()
        .success();
    let [officers, current, past, _] = counts(&path);
    assert_eq!(
        (officers, current, past),
        (2, 0, 1),
        "retiring ends the assignment"
    );
    let before = counts(&path);
    let e = run(&["assign", IDS[1], "--officer", "山田 花子", "--role", "PO"]);
    assert!(
        e.contains("retired") && e.contains("officer restore"),
        "{e}"
    );
    assert_eq!(counts(&path), before);
    // Already assigned is no change, not an error.
    home.seedline()
        .args([
            "officer",
            "restore",
            "山田 花子",
            "--role",
            "PO",
            "--db",
            "x.db",
        ])
        .assert()
        .success();
    for _ in 0..2 {
        home.seedline()
            .args([
                "assign",
                IDS[1],
                "--officer",
                "山田 花子",
                "--role",
                "PO",
                "--db",
                "x.db",
            ])
            .assert()
            .success();
    }
    let out = home
        .seedline()
        .args([
            "assign",
            IDS[1],
            "--officer",
            "山田 花子",
            "--role",
            "PO",
            "--db",
            "x.db",
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("は既に"));
    let out = home
        .seedline()
        .args(["officer", "list", "--all", "--db", "x.db"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("yamada"), "{text}");
}

#[test]
fn every_roster_change_leaves_one_audit_row_on_the_officer() {
    let home = Home::new();
    let path = home.path("x.db");
    let (mut store, ids) = fresh(&home, "x.db");
    let id = store
        .add_officer(&officer("山田 花子", OfficerRole::Po, None))
        .unwrap();
    store
        .assign_officer(&ids[..2], id, None, d("2026-04-01"))
        .unwrap();
    let edit = OfficerEdit {
        login: Some(Some("yamada".into())),
        ..OfficerEdit::default()
    };
    store.edit_officer(id, 1, &edit).unwrap();
    assert_eq!(
        store.retire_officer(id, Some(2), d("2026-10-31")).unwrap(),
        2
    );
    store.restore_officer(id).unwrap();
    let conn = raw(&path);
    let rows: Vec<(String, String)> = conn
        .prepare(
            "SELECT action, entity FROM audit_log WHERE action NOT LIKE 'project.%' ORDER BY id",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let expected = [
        ("officer.add", "officer"),
        ("assign.add", "project"),
        ("assign.add", "project"),
        ("officer.edit", "officer"),
        ("assign.remove", "project"),
        ("assign.remove", "project"),
        ("officer.retire", "officer"),
        ("officer.restore", "officer"),
    ]
    .map(|(a, e)| (a.to_string(), e.to_string()));
    assert_eq!(rows, expected);
    let history = store.history(ids[0]).unwrap();
    assert_eq!(
        history[0].text(Lang::Ja),
        "PO 山田 花子 の担当を終了 (2026-04-01〜2026-10-31)、退任"
    );
}

#[test]
fn edit_renames_and_an_ambiguous_name_needs_its_role() {
    let home = Home::new();
    let (mut store, _) = fresh(&home, "x.db");
    store
        .add_officer(&officer("大野 恵子", OfficerRole::Ps, None))
        .unwrap();
    store
        .add_officer(&officer("大野 恵子", OfficerRole::Dc, None))
        .unwrap();
    drop(store);
    home.seedline()
        .args([
            "officer",
            "edit",
            "大野恵子",
            "--role",
            "DC",
            "--name",
            "大野 圭子",
            "--db",
            "x.db",
        ])
        .assert()
        .success();
    let store = home.store("x.db");
    let o = store.find_officer("大野 圭子", None).unwrap();
    assert_eq!((o.role, o.version), (OfficerRole::Dc, 2));
    assert!(
        store
            .find_officer("大野 恵子", Some(OfficerRole::Ps))
            .is_ok()
    );
}
