//! 系譜 on the command line: `lineage link` (kind inferred and said), `unlink`, `list`, `show
//! lineage` in both languages, and refusals worded in the officer's language with nothing written.

use super::*;

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

#[test]
fn linking_after_an_accepted_flag_records_a_highway_link_with_its_flag() {
    let home = Home::new();
    let (s, db) = build(&home, "hw.db");
    accepted_flag(&db, id(&s, C));
    drop(s);
    let (ok, out, err) = cli(&home, &db, "ja", &["lineage", "link", C, D]);
    assert!(ok, "{err}");
    assert_eq!(
        out,
        format!(
            "系譜を記録しました: {C} › {D}（ハイウェイ支援）。種別は受理済みのハイウェイ支援フラグから判断しました\n"
        )
    );
    let flag: Option<i64> = raw(&db)
        .query_row("SELECT flag_id FROM project_lineage", [], |r| r.get(0))
        .unwrap();
    assert!(flag.is_some(), "the link keeps the flag it came from");
    let (ok, out, _) = cli(&home, &db, "en", &["show", "lineage", D]);
    assert!(
        ok && out.contains("91 days; flag to decision 61 days"),
        "{out}"
    );
}
