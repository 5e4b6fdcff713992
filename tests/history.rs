//! A project's history on a real database (issue 14): an undo marked and linked to what it took
//! back, a note's text, the officer named rather than the OS account, and an action this version
//! does not know still readable; through the store and `seedline history`.

use crate::common::{Home, fixture, raw};
use seedline::Lang;
use seedline::model::{Author, NewNote, NoteKind, Phase, PhaseMove, parse_date};
use seedline::store::{OpenOptions, Store};

const PROJECT: i64 = 20;
const AMED_ID: &str = "JP25fx0000020";

fn author() -> Author {
    Author::new(Some("大野 恵子"), Some("PS"), "ono")
}

fn moved(to: Phase, reason: &str) -> PhaseMove {
    PhaseMove {
        to,
        on: crate::common::today(),
        reason: reason.into(),
    }
}

fn history_cli(home: &Home, db: &std::path::Path, lang: &str) -> String {
    let out = home
        .seedline()
        .args([
            "history",
            AMED_ID,
            "--db",
            db.to_str().unwrap(),
            "--lang",
            lang,
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn an_undone_phase_move_is_marked_and_linked_both_ways() {
    let home = Home::new();
    let db = fixture::build(&home, "u.db");
    let mut s = Store::open(&db, OpenOptions { create: false }).unwrap();
    assert_eq!(s.project_phase(PROJECT).unwrap().0, Phase::Practical);
    s.move_phase(PROJECT, None, &moved(Phase::Clinical, "再評価"), &author())
        .unwrap();
    s.undoing(|s| {
        s.move_phase(
            PROJECT,
            None,
            &moved(Phase::Practical, "取り消し (undo)"),
            &author(),
        )
    })
    .unwrap();
    // A change after the undo is not an undo.
    s.move_phase(
        PROJECT,
        None,
        &moved(Phase::Clinical, "再評価 2"),
        &author(),
    )
    .unwrap();
    let h = s.history(PROJECT).unwrap();
    assert!(!h[0].is_undo(), "{:?}", h[0]);
    assert!(h[1].is_undo() && h[1].undo.undoes.is_some(), "{:?}", h[1]);
    assert_eq!(h[2].undo.undone_at.as_deref(), Some(h[1].at.as_str()));
    let at = h[2].minute();
    assert_eq!(
        h[1].text(Lang::Ja),
        format!("取消: フェーズ 臨床 › 実用化 ({at} の変更を取消)")
    );
    assert_eq!(
        h[1].text(Lang::En),
        format!("Undone: Phase Clinical › Practical use (undoes the change of {at})")
    );
    assert!(
        h[2].text(Lang::Ja)
            .starts_with("フェーズ 実用化 › 臨床 (取消済 ")
    );
    drop(s);
    let ja = history_cli(&home, &db, "ja");
    assert!(
        ja.contains(&format!(
            "大野 恵子  phase.move  取消: フェーズ 臨床 › 実用化 ({at} の変更を取消)"
        )),
        "{ja}"
    );
    let en = history_cli(&home, &db, "en");
    assert!(
        en.contains("Undone: Phase Clinical › Practical use (undoes"),
        "{en}"
    );
    assert!(!en.contains("取消") && !en.contains("フェーズ"), "{en}");
}

#[test]
fn a_note_shows_its_first_line_and_an_unknown_action_stays_readable() {
    let home = Home::new();
    let db = fixture::build(&home, "n.db");
    let mut s = Store::open(&db, OpenOptions { create: false }).unwrap();
    let note = NewNote {
        kind: NoteKind::Pmda,
        body: "\nPMDA相談の論点を整理。\n二行目は出さない".into(),
        occurred_on: parse_date("2026-11-20").unwrap(),
        follow_up_on: None,
    };
    s.add_note(PROJECT, &note, &author()).unwrap();
    drop(s);
    // A row written by a later version of seedline, with an action this one does not word.
    raw(&db)
        .execute(
            "INSERT INTO audit_log (at, actor, action, entity, entity_id, detail)
             VALUES ('2099-01-01T00:00:00.000Z', 'ono', 'gate_review.schedule', 'project', ?1,
                     '{\"count\": 3, \"officer\": \"大野 恵子\"}')",
            [PROJECT],
        )
        .unwrap();
    let ja = history_cli(&home, &db, "ja");
    let lines: Vec<&str> = ja.lines().collect();
    assert!(
        lines[0].ends_with(
            "大野 恵子  gate_review.schedule  その他の変更 (gate review schedule): count=3"
        ),
        "{ja}"
    );
    assert!(
        lines[1].ends_with("大野 恵子  note.add  メモ (PMDA相談): PMDA相談の論点を整理。"),
        "{ja}"
    );
    let en = history_cli(&home, &db, "en");
    assert!(
        en.contains("Other change (gate review schedule): count=3"),
        "{en}"
    );
    assert!(
        en.contains("Note (PMDA consultation): PMDA相談の論点を整理。"),
        "{en}"
    );
    assert!(!ja.contains("gate_~") && !ja.contains("二行目"), "{ja}");
}
