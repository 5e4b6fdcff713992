//! Outcomes end to end: every write leaves one audit row on its project (action, actor, officer),
//! and a keyboard journey through the real store: `R` records an approval, the headline and the
//! tally follow, the history words it, `u` takes it back.

use crate::common::{Home, raw};
use crate::outcomes::{Counts, author, fixture_store, outcome};
use seedline::model::{OutcomeChange, OutcomeKind};
use std::path::Path;

/// The last audit row: action, entity, entity id, actor, `detail.officer`.
fn last_audit(db: &Path) -> (String, String, Option<i64>, String, Option<String>) {
    raw(db)
        .query_row(
            "SELECT action, entity, entity_id, actor, json_extract(detail, '$.officer')
             FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap()
}

#[test]
fn every_outcome_write_leaves_one_audit_row_on_its_project() {
    let home = Home::new();
    let (mut store, db) = fixture_store(&home);
    let me = author("岩崎 美紀");
    let expect = |action: &str, officer: Option<&str>| {
        (
            action.to_string(),
            "project".to_string(),
            Some(11),
            "tester".to_string(),
            officer.map(str::to_string),
        )
    };
    let counts = Counts::take(&db);
    let id = store
        .add_outcome(
            11,
            &outcome(OutcomeKind::Paper, "2026-01-01", None, "論文A"),
            &me,
        )
        .unwrap();
    assert_eq!(counts.added().1, 1);
    assert_eq!(last_audit(&db), expect("outcome.add", Some("岩崎 美紀")));
    let change = OutcomeChange {
        kind: Some(OutcomeKind::NonclinicalPoc),
        ..OutcomeChange::default()
    };
    store.edit_outcome(id, 1, &change, &me).unwrap();
    assert_eq!(counts.added().1, 2);
    assert_eq!(last_audit(&db), expect("outcome.edit", Some("岩崎 美紀")));
    store.delete_outcome(id, &me).unwrap();
    assert_eq!(counts.added().1, 3);
    assert_eq!(last_audit(&db), expect("outcome.delete", Some("岩崎 美紀")));
    store.restore_outcome(id).unwrap();
    assert_eq!(counts.added().1, 4);
    assert_eq!(last_audit(&db), expect("outcome.restore", None));
    let rows = [
        (11, outcome(OutcomeKind::Paper, "2026-02-01", None, "論文B")),
        (
            11,
            outcome(OutcomeKind::NonclinicalPoc, "2026-01-01", None, "論文A"),
        ),
    ];
    let done = store.import_outcomes(&rows, &me).unwrap();
    assert_eq!((done.inserted, done.unchanged), (1, 1));
    assert_eq!(
        counts.added(),
        (2, 5),
        "one row per inserted outcome, none for the unchanged"
    );
    assert_eq!(last_audit(&db), expect("outcome.import", Some("岩崎 美紀")));
}

#[test]
fn by_keyboard_r_records_an_approval_the_headline_and_tally_follow_and_u_takes_it_back() {
    use crate::ui::Harness;
    use seedline::app::keymap::Key;
    use seedline::app::{Overlay, Screen};
    let mut t = Harness::new(seedline::Lang::Ja, 100, 30);
    let approvals = |t: &Harness| t.app.dashboard.data.as_ref().unwrap().headline.approvals;
    assert_eq!(approvals(&t), 1);
    // The fourth project of the list (JP25fx0000004), R, 薬事承認 (one step left of 企業導出).
    t.keys(&[
        Key::Tab,
        Key::Char('g'),
        Key::Char('j'),
        Key::Char('j'),
        Key::Char('j'),
    ]);
    t.keys(&[Key::Enter, Key::Char('R'), Key::Left, Key::Down, Key::Down]);
    t.type_text("新薬Z");
    t.keys(&[Key::Ctrl('s')]);
    assert!(matches!(t.app.overlay, Overlay::None), "{:?}", t.app.status);
    let text = t.screen_text();
    assert!(
        text.contains("薬事承認 2026-11-25 を成果として記録しました"),
        "{text}"
    );
    let Screen::Detail(d) = t.app.screen() else {
        panic!("not on the detail");
    };
    let o = &d.detail.as_ref().unwrap().outcomes[0];
    assert_eq!(o.product_name.as_deref(), Some("新薬Z"));
    assert_eq!(o.recorded_by.as_deref(), Some(t.app.author.name.as_str()));
    // The history says it in words.
    t.keys(&[Key::Char('H')]);
    assert!(
        t.screen_text()
            .contains("成果 #3 薬事承認 2026-11-25 を記録"),
        "{}",
        t.screen_text()
    );
    // The dashboard's headline moved by one; the tally counts it in FY2026 for its project.
    t.keys(&[Key::Esc, Key::Esc, Key::Esc]);
    assert_eq!(approvals(&t), 2);
    t.keys(&[Key::Char('T'), Key::Char('t')]);
    assert!(
        t.screen_text().contains("成果集計 薬事承認 | 計 2"),
        "{}",
        t.screen_text()
    );
    // u deletes it again (soft), and the headline goes back.
    t.keys(&[Key::Char('u'), Key::Esc]);
    assert_eq!(approvals(&t), 1);
    let rows = t.store.outcomes(4, true).unwrap();
    assert!(
        rows.iter().any(|r| r.deleted.is_some()),
        "kept, marked deleted"
    );
}
