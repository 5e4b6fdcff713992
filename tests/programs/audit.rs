//! Every store write of programs and links leaves one audit row; refused ones none.

use super::fresh;
use crate::common::raw;
use std::path::Path;

/// The audit rows after `before`: (action, entity, entity_id, actor).
fn audit_since(db: &Path, before: i64) -> Vec<(String, String, Option<i64>, String)> {
    let conn = raw(db);
    let mut stmt = conn
        .prepare("SELECT action, entity, entity_id, actor FROM audit_log WHERE id > ?1 ORDER BY id")
        .unwrap();
    stmt.query_map([before], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

fn max_audit(db: &Path) -> i64 {
    raw(db)
        .query_row("SELECT coalesce(max(id), 0) FROM audit_log", [], |r| {
            r.get(0)
        })
        .unwrap()
}

#[test]
fn every_program_and_link_write_leaves_one_audit_row_and_refusals_none() {
    use seedline::model::{LinkKind, Ministry, NewProgram, Phase, ProgramChange};
    let (_home, db) = fresh();
    let mut store =
        seedline::store::Store::open(&db, seedline::store::OpenOptions::EXISTING).unwrap();
    store.set_actor("audit-actor");
    let program = NewProgram {
        code: "new-x".into(),
        name_ja: "新しい研究事業".into(),
        name_en: String::new(),
        ministry: Ministry::Mext,
        integrated_project: "seeds".into(),
        first_phase: Phase::Basic,
        last_phase: Phase::Applied,
        retired_on: None,
    };
    let one = |db: &Path, before: i64, action: &str, entity: &str| {
        let rows = audit_since(db, before);
        assert_eq!(rows.len(), 1, "{action}: {rows:?}");
        assert_eq!((rows[0].0.as_str(), rows[0].1.as_str()), (action, entity));
        assert_eq!(rows[0].3, "audit-actor");
        rows[0].2
    };
    let before = max_audit(&db);
    let id = store.add_program(&program).unwrap();
    assert_eq!(one(&db, before, "program.add", "program"), Some(id));

    let before = max_audit(&db);
    let change = ProgramChange {
        phases: Some((Phase::Basic, Phase::NonClinical)),
        ..ProgramChange::default()
    };
    assert_eq!(store.edit_program("new-x", 1, &change).unwrap(), 2);
    assert_eq!(one(&db, before, "program.edit", "program"), Some(id));
    let before = max_audit(&db);
    assert_eq!(
        store.edit_program("new-x", 2, &change).unwrap(),
        2,
        "nothing to change"
    );
    assert!(
        store
            .edit_program("new-x", 1, &ProgramChange::default())
            .is_err(),
        "stale"
    );
    assert!(store.add_program(&program).is_err(), "duplicate");
    assert!(audit_since(&db, before).is_empty());

    for (on, action) in [
        (seedline::model::parse_date("2026-03-31"), "program.retire"),
        (None, "program.restore"),
    ] {
        let before = max_audit(&db);
        store.set_program_retired("new-x", on).unwrap();
        assert_eq!(one(&db, before, action, "program"), Some(id));
    }

    let before = max_audit(&db);
    store
        .add_program_link("new-x", "p-promote", LinkKind::Matching, None)
        .unwrap();
    let link = one(&db, before, "link.add", "program_link");
    let before = max_audit(&db);
    assert!(
        store
            .add_program_link("new-x", "p-promote", LinkKind::Matching, None)
            .is_err()
    );
    assert!(
        store
            .add_program_link("new-x", "new-x", LinkKind::Pairing, None)
            .is_err()
    );
    assert!(
        store
            .add_program_link("new-x", "nope", LinkKind::Pairing, None)
            .is_err()
    );
    assert!(audit_since(&db, before).is_empty());
    store
        .remove_program_link("new-x", "p-promote", LinkKind::Matching)
        .unwrap();
    assert_eq!(one(&db, before, "link.remove", "program_link"), link);

    let before = max_audit(&db);
    let renamed = NewProgram {
        name_en: "New Program".into(),
        ..program.clone()
    };
    let counts = store.import_programs(&[renamed]).unwrap();
    assert_eq!((counts.inserted, counts.updated), (0, 1));
    assert_eq!(one(&db, before, "program.edit", "program"), Some(id));
    let before = max_audit(&db);
    let taken = NewProgram {
        code: "other".into(),
        name_ja: "新しい研究事業".into(),
        ..program
    };
    assert!(
        store.import_programs(&[taken]).is_err(),
        "a name another code has"
    );
    assert!(audit_since(&db, before).is_empty());
}
