//! 系譜 (lineage) in the store, on the command line and in CSV: refusals (self-link, unknown,
//! retired, repeat, cycles of 2 and 3) leave the database as it was; a chain of four has exact
//! depths and order; gaps are exact (seamless 0, overlap -10, +91 days); `lineage link` infers
//! the kind from flags and program links; `show lineage` in both languages; export then import
//! into a fresh database gives the same links, a second import changes nothing, and a bad file
//! is refused line by line with nothing written; audit rows `lineage.link` / `lineage.unlink`.

use crate::common::{Home, fixture, raw};
use seedline::model::{LineageKind, Phase, parse_date};
use seedline::store::Store;
use seedline::{Error, Lang};
use std::path::{Path, PathBuf};

/// (課題管理番号, program, phase, start, end) of the small fixture: A > B seamless (0), B > C
/// overlapping (-10), C > D after a gap (+91); E alone; F retired.
const PROJECTS: &[(&str, &str, Phase, &str, &str)] = &[
    (
        "JP20lx0000001",
        "crest",
        Phase::Basic,
        "2020-04-01",
        "2023-03-31",
    ),
    (
        "JP23lx0000002",
        "bridge",
        Phase::Applied,
        "2023-04-01",
        "2025-03-31",
    ),
    (
        "JP25lx0000003",
        "venture-eco",
        Phase::NonClinical,
        "2025-03-22",
        "2027-03-31",
    ),
    (
        "JP27lx0000004",
        "cancer-practical",
        Phase::Clinical,
        "2027-07-01",
        "2029-03-31",
    ),
    (
        "JP24lx0000005",
        "bridge",
        Phase::Applied,
        "2024-04-01",
        "2026-03-31",
    ),
    (
        "JP24lx0000006",
        "device-dev",
        Phase::Clinical,
        "2024-04-01",
        "2026-03-31",
    ),
];
const A: &str = "JP20lx0000001";
const B: &str = "JP23lx0000002";
const C: &str = "JP25lx0000003";
const D: &str = "JP27lx0000004";
const E: &str = "JP24lx0000005";
const F: &str = "JP24lx0000006";

/// A database at `name` holding the fixture's projects (F retired), opened as `tester`.
fn build(home: &Home, name: &str) -> (Store, PathBuf) {
    let mut store = home.store(name);
    store.set_actor("tester");
    for (id, program, phase, start, end) in PROJECTS {
        let mut p = fixture::new_project(id, &format!("系譜試験 {id}"));
        p.program = (*program).into();
        p.phase = *phase;
        p.start_date = parse_date(start).unwrap();
        p.end_date = parse_date(end);
        store.insert_project(&p).unwrap();
    }
    let f = store.project_id(F).unwrap();
    let author = seedline::model::Author::new(Some("試験"), Some("PO"), "tester");
    store.retire_project(f, None, "重複登録", &author).unwrap();
    (store, home.path(name))
}

fn id(store: &Store, amed: &str) -> i64 {
    store.project_id_any(amed).unwrap()
}

/// (lineage rows, audit rows) seen from another connection.
fn counts(db: &Path) -> (i64, i64) {
    raw(db)
        .query_row(
            "SELECT (SELECT count(*) FROM project_lineage), (SELECT count(*) FROM audit_log)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

/// Every stored link as (predecessor, successor, kind code), by 課題管理番号.
fn links(db: &Path) -> Vec<(String, String, String)> {
    let conn = raw(db);
    let mut stmt = conn
        .prepare(
            "SELECT p.amed_id, s.amed_id, l.kind FROM project_lineage l
               JOIN project p ON p.id = l.predecessor_id JOIN project s ON s.id = l.successor_id
              ORDER BY p.amed_id, s.amed_id",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn link(store: &mut Store, pred: &str, succ: &str, kind: LineageKind) -> seedline::Result<i64> {
    let (a, b) = (id(store, pred), id(store, succ));
    store.link_lineage(a, b, kind, None)
}

/// A refusal: an `Invalid` error worded in both languages, and nothing written.
fn refused(db: &Path, result: seedline::Result<i64>, ja: &str, en: &str, before: (i64, i64)) {
    let e = result.unwrap_err();
    assert!(matches!(e, Error::Invalid { .. }), "{e:?}");
    assert!(e.text(Lang::Ja).contains(ja), "{}", e.text(Lang::Ja));
    assert!(e.text(Lang::En).contains(en), "{}", e.text(Lang::En));
    assert_eq!(counts(db), before, "a refusal wrote something");
}

#[test]
fn refusals_leave_the_database_as_it_was() {
    let home = Home::new();
    let (mut s, db) = build(&home, "r.db");
    let before = counts(&db);
    refused(
        &db,
        link(&mut s, E, E, LineageKind::OpenCall),
        "自分自身の後継",
        "cannot succeed itself",
        before,
    );
    refused(
        &db,
        link(&mut s, E, F, LineageKind::OpenCall),
        "除外された課題",
        "retired project",
        before,
    );
    refused(
        &db,
        link(&mut s, F, E, LineageKind::Pairing),
        "除外された課題",
        "retired project",
        before,
    );
    let unknown = s.link_lineage(id(&s, A), 99_999, LineageKind::OpenCall, None);
    assert!(
        matches!(unknown, Err(Error::NotFound { .. })),
        "{unknown:?}"
    );
    assert_eq!(counts(&db), before);

    link(&mut s, A, B, LineageKind::Matching).unwrap();
    let one = counts(&db);
    assert_eq!(one, (before.0 + 1, before.1 + 1));
    refused(
        &db,
        link(&mut s, A, B, LineageKind::Pairing),
        "既にあります（マッチング）",
        "already linked",
        one,
    );
    refused(
        &db,
        link(&mut s, B, A, LineageKind::OpenCall),
        "循環",
        "cycle",
        one,
    );
    link(&mut s, B, C, LineageKind::Pairing).unwrap();
    let two = counts(&db);
    refused(
        &db,
        link(&mut s, C, A, LineageKind::OpenCall),
        "循環",
        "cycle",
        two,
    );
    assert_eq!(
        links(&db),
        [
            (A.into(), B.into(), "matching".into()),
            (B.into(), C.into(), "pairing".into())
        ]
    );
}

/// The fixture's chain A > B > C > D with the kinds the CLI would infer.
fn chain_of_four(s: &mut Store) {
    link(s, A, B, LineageKind::Matching).unwrap();
    link(s, B, C, LineageKind::Pairing).unwrap();
    link(s, C, D, LineageKind::OpenCall).unwrap();
}

#[test]
fn a_chain_of_four_has_exact_depths_and_order_from_every_member() {
    let home = Home::new();
    let (mut s, _) = build(&home, "c.db");
    chain_of_four(&mut s);
    let order = |at: &str| -> Vec<(i32, String)> {
        let chain = s.lineage_chain(id(&s, at)).unwrap();
        chain
            .ordered()
            .into_iter()
            .map(|(d, _, p)| (d, p.amed_id.clone()))
            .collect()
    };
    let expect = |depths: [i32; 4]| -> Vec<(i32, String)> {
        depths
            .into_iter()
            .zip([A, B, C, D])
            .map(|(d, p)| (d, p.into()))
            .collect()
    };
    assert_eq!(order(A), expect([0, 1, 2, 3]));
    assert_eq!(order(B), expect([-1, 0, 1, 2]));
    assert_eq!(order(C), expect([-2, -1, 0, 1]));
    assert_eq!(order(D), expect([-3, -2, -1, 0]));
    let chain = s.lineage_chain(id(&s, B)).unwrap();
    assert_eq!(chain.before.len(), 1);
    assert_eq!(chain.before[0].1, LineageKind::Matching);
    let kinds: Vec<LineageKind> = chain.after.iter().map(|(_, k, _)| *k).collect();
    assert_eq!(kinds, [LineageKind::Pairing, LineageKind::OpenCall]);
    assert!(s.lineage_chain(id(&s, E)).unwrap().is_alone());
}

/// An accepted highway flag of project `project` to D's program (cancer-practical), raised
/// 2026-10-01, decided 2026-12-01.
fn accepted_flag(db: &Path, project: i64) {
    raw(db)
        .execute_batch(&format!(
            "INSERT INTO highway_flag (project_id, target_program_id, status, reason, competitive_advantage,
               ip_portfolio, evidence_data, flagged_by, created_at, updated_at, decided_at)
             VALUES ({project}, (SELECT id FROM program WHERE code = 'cancer-practical'), 'accepted', '非臨床POC',
               'sufficient', 'sufficient', 'sufficient', '試験', '2026-10-01T09:00:00.000Z',
               '2026-12-01T09:00:00.000Z', '2026-12-01T09:00:00.000Z')"
        ))
        .unwrap();
}

#[test]
fn gaps_are_exact_seamless_overlapping_and_late() {
    let home = Home::new();
    let (mut s, db) = build(&home, "g.db");
    accepted_flag(&db, id(&s, C));
    let (a, b, c, d) = (id(&s, A), id(&s, B), id(&s, C), id(&s, D));
    // The kind a link would get without --kind: program link, pairing first; the accepted flag.
    assert_eq!(
        s.inferred_lineage_kind(a, b).unwrap(),
        (LineageKind::Matching, None)
    );
    assert_eq!(
        s.inferred_lineage_kind(b, c).unwrap(),
        (LineageKind::Pairing, None)
    );
    let (kind, flag) = s.inferred_lineage_kind(c, d).unwrap();
    assert_eq!(kind, LineageKind::Highway);
    assert!(flag.is_some());
    assert_eq!(
        s.inferred_lineage_kind(d, a).unwrap(),
        (LineageKind::OpenCall, None)
    );
    s.link_lineage(a, b, LineageKind::Matching, None).unwrap();
    s.link_lineage(b, c, LineageKind::Pairing, None).unwrap();
    s.link_lineage(c, d, LineageKind::Highway, flag).unwrap();
    let all = s.lineage_links().unwrap();
    let gaps: Vec<(String, Option<i64>)> = all
        .iter()
        .map(|l| (l.successor.amed_id.clone(), l.gap_days()))
        .collect();
    assert_eq!(
        gaps,
        [
            (B.into(), Some(0)),
            (C.into(), Some(-10)),
            (D.into(), Some(91))
        ]
    );
    let decisions: Vec<Option<i64>> = all.iter().map(|l| l.decision_days()).collect();
    assert_eq!(decisions, [None, None, Some(61)]);
}

#[test]
fn unlink_takes_the_link_back_with_audit_rows_for_both() {
    let home = Home::new();
    let (mut s, db) = build(&home, "u.db");
    let (a, b) = (id(&s, A), id(&s, B));
    let link_id = s.link_lineage(a, b, LineageKind::Pairing, None).unwrap();
    s.unlink_lineage(a, b).unwrap();
    assert!(links(&db).is_empty());
    assert!(s.lineage_chain(a).unwrap().is_alone());
    let before = counts(&db);
    assert!(matches!(
        s.unlink_lineage(a, b),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(counts(&db), before);
    let conn = raw(&db);
    let mut stmt = conn
        .prepare(
            "SELECT actor, action, entity, entity_id, json_extract(detail, '$.link'),
                    json_extract(detail, '$.predecessor'), json_extract(detail, '$.kind')
               FROM audit_log WHERE action LIKE 'lineage.%' ORDER BY id",
        )
        .unwrap();
    let rows: Vec<(String, String, String, i64, i64, i64, String)> = stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let row = |action: &str| {
        (
            "tester".to_string(),
            action.to_string(),
            "project".to_string(),
            b,
            link_id,
            a,
            "pairing".to_string(),
        )
    };
    assert_eq!(rows, [row("lineage.link"), row("lineage.unlink")]);
}

/// Runs `seedline --db DB --lang LANG ARGS…`: (success, stdout, stderr).
fn cli(home: &Home, db: &Path, lang: &str, args: &[&str]) -> (bool, String, String) {
    let out = home
        .seedline()
        .arg("--db")
        .arg(db)
        .args(["--lang", lang])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

mod cli;
mod csv;
