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

#[test]
fn gaps_are_exact_seamless_overlapping_and_late() {
    let home = Home::new();
    let (mut s, db) = build(&home, "g.db");
    // An accepted highway flag of C to D's program, raised 2026-10-01, decided 2026-12-01.
    raw(&db)
        .execute_batch(&format!(
            "INSERT INTO highway_flag (project_id, target_program_id, status, reason, competitive_advantage,
               ip_portfolio, evidence_data, flagged_by, created_at, updated_at, decided_at)
             VALUES ({}, (SELECT id FROM program WHERE code = 'cancer-practical'), 'accepted', '非臨床POC',
               'sufficient', 'sufficient', 'sufficient', '試験', '2026-10-01T09:00:00.000Z',
               '2026-12-01T09:00:00.000Z', '2026-12-01T09:00:00.000Z')",
            id(&s, C)
        ))
        .unwrap();
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

#[test]
fn the_command_line_links_infers_the_kind_and_unlinks_in_both_languages() {
    let home = Home::new();
    let (s, db) = build(&home, "cli.db");
    drop(s);
    let (ok, out, _) = cli(&home, &db, "ja", &["lineage", "link", A, B]);
    assert!(ok);
    assert_eq!(
        out,
        format!(
            "系譜を記録しました: {A} › {B}（マッチング）。種別は事業間の連携から判断しました（違う場合は --kind で指定）\n"
        )
    );
    let (ok, out, _) = cli(
        &home,
        &db,
        "en",
        &["lineage", "link", B, C, "--kind", "open-call"],
    );
    assert!(ok);
    assert_eq!(out, format!("linked {B} > {C} (Open call)\n"));
    let (ok, out, _) = cli(&home, &db, "en", &["lineage", "link", C, D]);
    assert!(ok);
    assert_eq!(
        out,
        format!(
            "linked {C} > {D} (Open call); no link between the programs, so open call (give --kind if it differs)\n"
        )
    );
    assert_eq!(
        links(&db),
        [
            (A.into(), B.into(), "matching".into()),
            (B.into(), C.into(), "open_call".into()),
            (C.into(), D.into(), "open_call".into())
        ]
    );
    let (ok, out, _) = cli(&home, &db, "ja", &["lineage", "unlink", B, C]);
    assert!(ok);
    assert_eq!(out, format!("系譜を削除しました: {B} › {C}\n"));
    let (ok, out, _) = cli(&home, &db, "en", &["lineage", "unlink", C, D]);
    assert!(ok);
    assert_eq!(out, format!("unlinked {C} > {D}\n"));
    assert_eq!(links(&db), [(A.into(), B.into(), "matching".into())]);
}

#[test]
fn the_command_line_refuses_in_the_officers_language_and_writes_nothing() {
    let home = Home::new();
    let (mut s, db) = build(&home, "no.db");
    chain_of_four(&mut s);
    drop(s);
    let before = counts(&db);
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["lineage", "link", E, E],
            "自分自身の後継にはできません",
            "cannot succeed itself",
        ),
        (&["lineage", "link", D, A], "循環", "would make a cycle"),
        (&["lineage", "link", C, B], "循環", "would make a cycle"),
        (&["lineage", "link", A, B], "既にあります", "already linked"),
        (
            &["lineage", "link", A, "JP00xx9999999"],
            "JP00xx9999999",
            "not found: JP00xx9999999",
        ),
        (&["lineage", "link", F, E], "除外されています", "retired on"),
        (
            &["lineage", "link", A, E, "--kind", "relay"],
            "--kind",
            "--kind",
        ),
        (
            &["lineage", "unlink", A, C],
            "系譜はありません",
            "is not linked to",
        ),
    ];
    for (args, ja, en) in cases {
        let (ok, out, err) = cli(&home, &db, "ja", args);
        assert!(!ok && out.is_empty(), "{args:?}: {out}");
        assert!(err.contains(ja), "{args:?}: {err}");
        assert!(!err.contains("cycle") && !err.contains("already"), "{err}");
        let (ok, _, err) = cli(&home, &db, "en", args);
        assert!(!ok && err.contains(en), "{args:?}: {err}");
        assert_eq!(counts(&db), before, "{args:?} wrote something");
    }
}

#[test]
fn show_lineage_prints_the_whole_chain_with_gaps_in_both_languages() {
    let home = Home::new();
    let (mut s, db) = build(&home, "show.db");
    chain_of_four(&mut s);
    drop(s);
    let (ok, ja, _) = cli(&home, &db, "ja", &["show", "lineage", B]);
    assert!(ok);
    let lines: Vec<&str> = ja.lines().collect();
    assert_eq!(
        lines[0],
        format!("系譜 {B}: 前身 1 件 › この課題 › 後継 2 件")
    );
    assert!(
        lines[1].contains("課題管理番号") && lines[1].contains("次への切れ目"),
        "{ja}"
    );
    let row = |i: usize| {
        lines[i]
            .split("  ")
            .filter(|c| !c.trim().is_empty())
            .map(str::trim)
            .collect::<Vec<_>>()
    };
    // The chain in order, the project itself marked, each with phase, period, hand-over, gap.
    assert_eq!(lines.len(), 6, "{ja}");
    assert_eq!(row(2)[0], "-1");
    assert_eq!(row(2)[1], A);
    assert!(
        lines[2].contains("基礎") && lines[2].contains("2020-04-01 - 2023-03-31"),
        "{ja}"
    );
    assert!(lines[2].ends_with("0日 (切れ目なし)"), "{ja}");
    assert!(lines[3].starts_with('>') && lines[3].contains(B), "{ja}");
    assert!(
        lines[3].contains("マッチング") && lines[3].ends_with("-10日 (期間が重なる・切れ目なし)"),
        "{ja}"
    );
    assert!(
        lines[4].contains(C) && lines[4].contains("ペアリング") && lines[4].ends_with("91日"),
        "{ja}"
    );
    assert!(
        lines[5].contains(D) && lines[5].contains("臨床") && lines[5].contains("公募"),
        "{ja}"
    );
    assert!(
        lines[5].contains("2027-07-01 - 2029-03-31") && lines[5].ends_with('-'),
        "{ja}"
    );
    let (ok, en, _) = cli(&home, &db, "en", &["show", "lineage", B]);
    assert!(ok);
    let lines: Vec<&str> = en.lines().collect();
    assert_eq!(
        lines[0],
        format!("lineage of {B}: 1 before > this project > 2 after")
    );
    assert!(
        lines[1].contains("Project ID") && lines[1].contains("Gap to next"),
        "{en}"
    );
    assert!(
        lines[2].contains("Basic") && lines[2].ends_with("0 days (seamless)"),
        "{en}"
    );
    assert!(
        lines[3].contains("Matching") && lines[3].ends_with("-10 days (overlapping, seamless)"),
        "{en}"
    );
    assert!(
        lines[4].contains("Non-clinical") && lines[4].ends_with("91 days"),
        "{en}"
    );
    assert!(
        !en.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)),
        "kana on an English screen: {en}"
    );
    // The columns line up by display width in Japanese.
    let ja_lines: Vec<&str> = ja.lines().skip(1).collect();
    let at = |l: &str| seedline::text::width(&l[..l.find("JP").unwrap_or(0)]);
    assert!(
        ja_lines[1..].iter().all(|l| at(l) == at(ja_lines[1])),
        "{ja}"
    );
    let (ok, alone, _) = cli(&home, &db, "en", &["show", "lineage", E]);
    assert!(
        ok && alone.starts_with(&format!("{E} has no recorded predecessor")),
        "{alone}"
    );
}

#[test]
fn export_then_import_into_a_fresh_database_gives_the_same_links_and_again_changes_nothing() {
    let home = Home::new();
    let (mut s, db) = build(&home, "from.db");
    chain_of_four(&mut s);
    link(&mut s, B, E, LineageKind::Highway).unwrap();
    drop(s);
    let file = home.path("lineage.csv");
    let (ok, _, err) = cli(
        &home,
        &db,
        "ja",
        &["export", "lineage", "--output", file.to_str().unwrap()],
    );
    assert!(ok, "{err}");
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM for Excel");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "\"前身課題管理番号\",\"後継課題管理番号\",\"種別\",\"記録者\",\"記録日時\""
    );
    let first: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(
        first[..4],
        [
            format!("\"{A}\""),
            format!("\"{B}\""),
            "\"マッチング\"".into(),
            "\"tester\"".into()
        ]
    );
    assert_eq!(text.lines().count(), 5);

    let (fresh, to) = build(&home, "to.db");
    drop(fresh);
    let (ok, out, err) = cli(
        &home,
        &to,
        "ja",
        &["import", "lineage", file.to_str().unwrap()],
    );
    assert!(ok, "{err}");
    assert!(
        out.contains("4 行: 追加 4、種別の変更 0、変更なし 0"),
        "{out}"
    );
    assert_eq!(links(&to), links(&db));
    let before = counts(&to);
    let (ok, out, _) = cli(
        &home,
        &to,
        "en",
        &["import", "lineage", file.to_str().unwrap()],
    );
    assert!(ok);
    assert!(
        out.contains("4 rows: 0 added, 0 kind changed, 4 unchanged"),
        "{out}"
    );
    assert_eq!(counts(&to), before, "a second import wrote something");
    // The chain reads the same in the new database.
    let s = Store::open(&to, seedline::store::OpenOptions { create: false }).unwrap();
    let chain = s.lineage_chain(id(&s, D)).unwrap();
    let ids: Vec<&str> = chain
        .ordered()
        .into_iter()
        .map(|(_, _, p)| p.amed_id.as_str())
        .collect::<Vec<_>>();
    assert_eq!(ids, [A, B, C, D]);
}

#[test]
fn a_bad_lineage_file_is_refused_line_by_line_and_nothing_is_written() {
    let home = Home::new();
    let (mut s, db) = build(&home, "bad.db");
    link(&mut s, A, B, LineageKind::Matching).unwrap();
    drop(s);
    let file = home.path("bad.csv");
    std::fs::write(
        &file,
        format!(
            "前身課題管理番号,後継課題管理番号,種別\n\
             {C},{D},公募\n\
             JP99zz0000000,{D},公募\n\
             {E},{E},\n\
             {C},{D},ペアリング\n\
             {B},{A},\n\
             {D},{B},マッチング\n\
             {F},{E},公募\n\
             {E},{C},リレー\n\
             ,{C},公募\n"
        ),
    )
    .unwrap();
    let before = counts(&db);
    let (ok, out, err) = cli(
        &home,
        &db,
        "ja",
        &["import", "lineage", file.to_str().unwrap()],
    );
    assert!(!ok && out.is_empty(), "{out}");
    let name = file.display().to_string();
    for (line, column, words) in [
        (3, "前身課題管理番号", "JP99zz0000000"),
        (4, "後継課題管理番号", "自分自身の後継"),
        (5, "後継課題管理番号", "重複しています: 2 行目と 5 行目"),
        (6, "後継課題管理番号", "循環"),
        // Line 7 (D > B) closes no cycle: nothing leads on from B.
        (8, "前身課題管理番号", "除外された課題"),
        (9, "種別", "リレー"),
        (10, "前身課題管理番号", "空です"),
    ] {
        let expected = format!("{name}:{line}: {column}: ");
        let hit = err.lines().find(|l| l.starts_with(&expected));
        assert!(hit.is_some_and(|l| l.contains(words)), "line {line}: {err}");
    }
    assert!(
        !err.lines().any(|l| l.starts_with(&format!("{name}:2:"))),
        "{err}"
    );
    assert!(
        !err.lines().any(|l| l.starts_with(&format!("{name}:7:"))),
        "{err}"
    );
    assert_eq!(counts(&db), before, "a refused file wrote something");
    let (ok, _, err) = cli(
        &home,
        &db,
        "en",
        &["import", "lineage", file.to_str().unwrap()],
    );
    assert!(!ok && err.contains("would make a cycle"), "{err}");
    assert_eq!(counts(&db), before);
}

#[test]
fn lineage_list_shows_each_link_with_its_gap() {
    let home = Home::new();
    let (mut s, db) = build(&home, "list.db");
    chain_of_four(&mut s);
    drop(s);
    let (ok, out, _) = cli(&home, &db, "en", &["lineage", "list", C]);
    assert!(ok);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines[0].starts_with("Predecessor") && lines[0].contains("Gap"),
        "{out}"
    );
    assert!(
        lines[1].starts_with(B)
            && lines[1].contains("Pairing")
            && lines[1].contains("-10 days (overlapping, seamless)"),
        "{out}"
    );
    assert!(
        lines[2].starts_with(C) && lines[2].contains("Open call") && lines[2].contains("91 days"),
        "{out}"
    );
    let (ok, out, _) = cli(&home, &db, "ja", &["lineage", "list"]);
    assert!(
        ok && out.lines().count() == 4 && out.contains("0日 (切れ目なし)"),
        "{out}"
    );
    let (ok, out, _) = cli(&home, &db, "ja", &["lineage", "list", E]);
    assert!(ok && out == "系譜はまだ記録されていません\n", "{out}");
}
