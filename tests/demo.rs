//! The demo generator: deterministic, realistic, with the eight real approvals.

use crate::common::{Home, raw, today};
use seedline::demo::{DemoOptions, generate};

fn small(seed: u64) -> DemoOptions {
    DemoOptions {
        projects: 300,
        notes: 900,
        flags: 60,
        seed,
        anchor: today(),
    }
}

/// Every project's id, title, phase, PI and program, and every note's body and date, in order.
fn dump(path: &std::path::Path) -> Vec<String> {
    let conn = raw(path);
    let mut out = Vec::new();
    for sql in [
        "SELECT amed_id || '|' || title || '|' || phase || '|' || pi_name || '|' || program_id FROM project ORDER BY id",
        "SELECT project_id || '|' || kind || '|' || occurred_on || '|' || body FROM note ORDER BY id",
        "SELECT project_id || '|' || status || '|' || target_program_id FROM highway_flag ORDER BY id",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        out.extend(
            stmt.query_map([], |r| r.get::<_, String>(0))
                .unwrap()
                .map(Result::unwrap),
        );
    }
    out
}

#[test]
fn the_same_seed_gives_the_same_database_and_another_seed_does_not() {
    let home = Home::new();
    for (name, seed) in [("a.db", 7), ("b.db", 7), ("c.db", 8)] {
        let mut store = home.store(name);
        generate(&mut store, &small(seed), &mut |_, _, _| {}).unwrap();
    }
    let (a, b, c) = (
        dump(&home.path("a.db")),
        dump(&home.path("b.db")),
        dump(&home.path("c.db")),
    );
    assert_eq!(a.len(), 300 + 900 + 60);
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn the_eight_real_approvals_are_at_practical_use_and_findable_by_product_name() {
    let home = Home::new();
    let mut store = home.store("d.db");
    generate(&mut store, &small(1), &mut |_, _, _| {}).unwrap();
    let conn = raw(&home.path("d.db"));
    for product in [
        "ラパリムス",
        "エザルミア",
        "ダイチロナ",
        "ユニツキシン",
        "APOA2-iTQ",
        "デリタクト",
        "シンフォリウム",
        "ビズノバ",
    ] {
        let (phase, approvals): (i64, i64) = conn
            .query_row(
                "SELECT p.phase, (SELECT count(*) FROM outcome o WHERE o.project_id = p.id AND o.kind = 'regulatory_approval')
                 FROM project p WHERE p.title LIKE '%' || ?1 || '%'",
                [product],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap_or_else(|e| panic!("{product}: {e}"));
        assert_eq!((phase, approvals), (5, 1), "{product}");
        let indexed: i64 = conn
            .query_row(
                "SELECT count(*) FROM project_fts WHERE project_fts MATCH ?1",
                [format!("\"{}\"", product.to_lowercase())],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(indexed, 1, "{product} is in the search index");
    }
}

#[test]
fn demo_data_spreads_over_every_phase_flag_status_and_integrated_project() {
    let home = Home::new();
    let mut store = home.store("e.db");
    let summary = generate(&mut store, &small(3), &mut |_, _, _| {}).unwrap();
    assert_eq!(
        (summary.projects, summary.notes, summary.flags),
        (300, 900, 60)
    );
    let conn = raw(&home.path("e.db"));
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(count("SELECT count(DISTINCT phase) FROM project"), 5);
    assert_eq!(count("SELECT count(DISTINCT status) FROM highway_flag"), 5);
    assert_eq!(count("SELECT count(DISTINCT modality) FROM project"), 5);
    assert_eq!(
        count(
            "SELECT count(DISTINCT integrated_project_id) FROM project p JOIN integrated_project i ON i.id = p.integrated_project_id WHERE i.period = 3"
        ),
        8
    );
    assert!(
        count(
            "SELECT count(*) FROM note WHERE follow_up_on < '2026-11-25' AND follow_up_done_at IS NULL"
        ) > 0
    );
    assert!(
        count("SELECT count(DISTINCT author) FROM note") >= 5,
        "notes by several named officers"
    );
    assert_eq!(
        count("SELECT count(*) FROM audit_log WHERE action = 'demo.generate'"),
        1
    );
    assert_eq!(count("SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

#[test]
fn demo_data_never_goes_into_a_database_that_holds_projects() {
    let home = Home::new();
    let mut store = home.store("f.db");
    generate(&mut store, &small(1), &mut |_, _, _| {}).unwrap();
    let err = generate(&mut store, &small(2), &mut |_, _, _| {}).unwrap_err();
    assert!(err.to_string().contains("already holds projects"), "{err}");
    assert_eq!(store.project_count().unwrap(), 300);
}
