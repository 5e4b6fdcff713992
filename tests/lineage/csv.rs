//! 系譜 as CSV: export then import into a fresh database gives the same links, a second import
//! changes nothing, and a bad file is refused line by line with nothing written.

use super::*;

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
