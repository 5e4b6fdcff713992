//! Bad input: each problem named by line and column, the database left byte-identical.

use super::*;

#[test]
fn wrong_field_counts_on_two_lines_are_both_reported() {
    let home = Home::new();
    let (db, lines) = fixture_csv(&home);
    let mut rows = fresh_rows(&lines);
    rows[6] = rows[6].rsplit_once(',').unwrap().0.to_string();
    rows[8] = format!("{},\"extra\"", rows[8]);
    let err = stderr(&import_lines(&home, &db, &rows, &[], true));
    assert!(
        err.contains("in.csv:7: 16 fields, but the header has 17"),
        "{err}"
    );
    assert!(
        err.contains("in.csv:9: 18 fields, but the header has 17"),
        "{err}"
    );
}

#[test]
fn header_problems_are_each_named() {
    let home = Home::new();
    let (db, lines) = fixture_csv(&home);
    let rows = fresh_rows(&lines);
    let edit = |f: &dyn Fn(&mut Vec<String>)| -> Vec<String> {
        rows.iter()
            .map(|l| {
                let mut c = cells(l);
                f(&mut c);
                line_of(&c)
            })
            .collect()
    };
    let no_program = edit(&|c| {
        c.remove(2);
    });
    let err = stderr(&import_lines(&home, &db, &no_program, &[], true));
    assert!(
        err.contains("missing required column 事業名 (program)"),
        "{err}"
    );
    let extra = edit(&|c| {
        c.push(if c[0] == "課題管理番号" {
            "備考".into()
        } else {
            "x".into()
        })
    });
    let err = stderr(&import_lines(&home, &db, &extra, &[], true));
    assert!(
        err.contains("in.csv:1: 備考: unknown column (column 18)"),
        "{err}"
    );
    assert!(err.contains("--allow-extra-columns"), "{err}");
    let out = import_lines(
        &home,
        &db,
        &extra,
        &["--allow-extra-columns", "--dry-run"],
        false,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("ignored columns: 備考"));
    let twice = edit(&|c| {
        let t = c[1].clone();
        c.push(if c[0] == "課題管理番号" {
            "title".into()
        } else {
            t
        })
    });
    let err = stderr(&import_lines(&home, &db, &twice, &[], true));
    assert!(
        err.contains("title: duplicate column: columns 2 and 18 both are 研究開発課題名"),
        "{err}"
    );
}

#[test]
fn duplicate_and_existing_ids_name_their_lines() {
    let home = Home::new();
    let (db, lines) = fixture_csv(&home);
    let mut rows = fresh_rows(&lines);
    let id3 = cells(&rows[2])[0].clone();
    let mut c = cells(&rows[7]);
    c[0] = id3.clone();
    rows[7] = line_of(&c);
    let err = stderr(&import_lines(&home, &db, &rows, &[], true));
    assert!(
        err.contains(&format!(
            "in.csv:8: 課題管理番号: duplicate 課題管理番号 '{id3}': lines 3 and 8"
        )),
        "{err}"
    );
    // The fixture's own rows are already in its database.
    let err = stderr(&import_lines(&home, &db, &lines[..3], &[], true));
    assert!(
        err.contains(
            "in.csv:2: 課題管理番号: 'JP25fx0000001' is already in the database (use --mode upsert"
        ),
        "{err}"
    );
}

#[test]
fn bad_cells_are_reported_per_cell_with_the_closest_valid_value() {
    let home = Home::new();
    let (db, lines) = fixture_csv(&home);
    let mut rows = fresh_rows(&lines);
    let mut set = |row: usize, col: usize, value: &str| {
        let mut c = cells(&rows[row]);
        c[col] = value.into();
        rows[row] = line_of(&c);
    };
    set(1, 7, "2024-02-30");
    set(2, 8, "2024/13/01");
    set(3, 2, "橋渡し研究プログラ");
    set(4, 3, "医薬品プロジェク");
    set(5, 10, "臨床試験");
    set(6, 11, "医療機");
    // 希少疾患 names 難病・希少疾患 (as `area:希少疾患` does); 難治 is part of no area name.
    set(7, 12, "がん;難治");
    set(8, 1, "NULを\0含む");
    set(9, 4, "機関\u{1b}[2J");
    set(10, 1, &"研".repeat(2001));
    set(11, 9, "12,34");
    set(12, 1, "タブ\tを含む");
    set(13, 13, "概要のタブ\tは可");
    set(14, 7, "令和6年4月1日");
    let out = import_lines(&home, &db, &rows, &[], true);
    let err = stderr(&out);
    for expected in [
        "in.csv:2: 開始日: '2024-02-30' is not a valid date; expected a date such as 2024-04-01",
        "in.csv:3: 終了日: '2024/13/01' is not a valid date",
        "in.csv:4: 事業名: unknown program '橋渡し研究プログラ'; did you mean '橋渡し研究プログラム' (code bridge)? Write its whole name or code",
        "in.csv:5: 統合プロジェクト: unknown integrated project '医薬品プロジェク'; did you mean '医薬品プロジェクト'?",
        "in.csv:6: 研究開発フェーズ: unknown phase '臨床試験'; did you mean '臨床'?",
        "in.csv:7: 承認上の分類: unknown modality '医療機'; did you mean '医療機器'?",
        "in.csv:8: 対象疾患: unknown disease area '難治'; did you mean '難病・希少疾患'?",
        "in.csv:9: 研究開発課題名: contains a NUL character at character 5",
        "in.csv:10: 代表研究機関: contains the control character U+001B at character 3",
        "in.csv:11: 研究開発課題名: 2001 characters, at most 2000 allowed",
        "in.csv:12: 総配分額(千円): '12,34' is not a whole number",
        "in.csv:13: 研究開発課題名: contains a tab at character 3 (line breaks and tabs are allowed in 概要 only)",
    ] {
        assert!(err.contains(expected), "missing «{expected}» in:\n{err}");
    }
    assert!(
        !err.contains("in.csv:14") && !err.contains("in.csv:15"),
        "a tab in 概要 and an era date are fine:\n{err}"
    );
    assert!(
        !err.contains('\u{1b}') && !err.contains('\0'),
        "no raw control characters reach the terminal"
    );
    assert!(err.contains("12 problems; nothing imported"), "{err}");
}

#[test]
fn more_than_100_problems_are_capped() {
    let home = Home::new();
    let (db, lines) = fixture_csv(&home);
    let mut rows = vec![lines[0].clone()];
    for i in 0..150 {
        let mut c = cells(&lines[1]);
        c[0] = format!("JP26cap{i:05}");
        c[7] = "2024-02-30".into();
        rows.push(line_of(&c));
    }
    let err = stderr(&import_lines(&home, &db, &rows, &[], true));
    assert_eq!(
        err.lines().filter(|l| l.starts_with("in.csv:")).count(),
        100
    );
    assert!(err.contains("\nand 50 more\n"), "{err}");
}

#[test]
fn one_bad_row_in_ten_thousand_imports_nothing_and_dry_run_says_the_same() {
    let home = Home::new();
    init(&home, "e.db");
    let db = home.path("e.db");
    let mut rows = big_file(9_999);
    rows.insert(
        5_000,
        "JP26bad,研究課題,橋渡し研究プログラム,東京大学,佐藤 健一,2024-02-30,基礎".into(),
    );
    let real = stderr(&import_lines(&home, &db, &rows, &[], true));
    let dry = stderr(&import_lines(&home, &db, &rows, &["--dry-run"], true));
    assert!(real.contains("in.csv:5001: 開始日: '2024-02-30'"), "{real}");
    assert_eq!(real, dry, "--dry-run prints the same report");
    rows.remove(5_000);
    let snapshot = Snapshot::take(&db);
    let out = import_lines(&home, &db, &rows, &["--dry-run"], false);
    assert!(
        stdout(&out).contains("would import in.csv: 9999 rows: 9999 inserted"),
        "{}",
        stdout(&out)
    );
    snapshot.assert_unchanged();
    let out = import_lines(&home, &db, &rows, &[], false);
    assert!(stdout(&out).contains("9999 inserted"), "{}", stderr(&out));
}

#[test]
fn a_stray_quote_on_line_3_of_ten_thousand_is_caught() {
    let home = Home::new();
    init(&home, "e.db");
    let mut rows = big_file(10_000);
    rows[2] = rows[2].replace(",研究課題", ",\"研究課題");
    let err = stderr(&import_lines(&home, &home.path("e.db"), &rows, &[], true));
    assert!(
        err.contains("in.csv:3: ") && err.contains("unbalanced"),
        "{err}"
    );
    assert!(
        err.lines().count() <= 3,
        "one problem, not thousands: {err}"
    );
}

#[test]
fn empty_header_only_and_bom_files() {
    let home = Home::new();
    init(&home, "e.db");
    let db = home.path("e.db");
    std::fs::write(home.path("empty.csv"), "").unwrap();
    let out = import_file(&home, &db, "empty.csv", &[], true);
    assert!(
        stderr(&out).contains("empty.csv: empty file"),
        "{}",
        stderr(&out)
    );
    std::fs::write(home.path("head.csv"), "課題管理番号,研究開発課題名,事業名,代表研究機関,研究開発代表者,開始日,研究開発フェーズ\r\n").unwrap();
    let snapshot = Snapshot::take(&db);
    let out = import_file(&home, &db, "head.csv", &[], false);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("0 data rows"));
    snapshot.assert_unchanged();
    let mut bom = BOM.to_vec();
    bom.extend_from_slice(big_file(2).join("\n").as_bytes());
    std::fs::write(home.path("bom.csv"), bom).unwrap();
    let out = import_file(&home, &db, "bom.csv", &[], false);
    assert!(
        stdout(&out).contains("2 inserted"),
        "the first header is matched past the BOM: {}",
        stderr(&out)
    );
}

#[test]
fn shift_jis_is_recognised_and_imports_with_its_encoding() {
    let home = Home::new();
    let text = "amed_id,title,program,institution,pi_name,start_date,phase\r\n\
                JP26sj1,ASCII title,bridge,Tokyo,Sato,2024-04-01,basic\r\n\
                JP26sj2,ｶﾀｶﾅと①を含む研究課題,橋渡し研究プログラム,東京大学,佐藤 健一,令和6年4月1日,基礎\r\n";
    let (sjis, _, unmappable) = encoding_rs::SHIFT_JIS.encode(text);
    assert!(!unmappable);
    std::fs::write(home.path("sjis.csv"), &sjis).unwrap();
    std::fs::write(home.path("utf8.csv"), text).unwrap();
    init(&home, "s.db");
    init(&home, "u.db");
    let out = import_file(&home, &home.path("s.db"), "sjis.csv", &[], true);
    let first_bad = sjis.iter().position(|b| *b >= 0x80).unwrap();
    assert!(
        stderr(&out).contains(&format!("sjis.csv:3: not UTF-8 at byte {first_bad}: looks like Shift_JIS, use --encoding shift_jis")),
        "{}", stderr(&out)
    );
    assert!(
        import_file(
            &home,
            &home.path("s.db"),
            "sjis.csv",
            &["--encoding", "shift_jis"],
            false
        )
        .status
        .success()
    );
    assert!(
        import_file(&home, &home.path("u.db"), "utf8.csv", &[], false)
            .status
            .success()
    );
    assert_eq!(
        export(&home, "s.db", "s.csv", &[]),
        export(&home, "u.db", "u.csv", &[])
    );
}

#[test]
fn bytes_that_are_neither_utf8_nor_shift_jis_are_named_as_such() {
    let home = Home::new();
    init(&home, "e.db");
    std::fs::write(
        home.path("bin.csv"),
        b"amed_id,title\n\x89PNG\r\n\x1a\n\xff\xfe\xfd",
    )
    .unwrap();
    let out = import_file(&home, &home.path("e.db"), "bin.csv", &[], true);
    assert!(
        stderr(&out).contains("bin.csv:2: not UTF-8 at byte 14: the file must be UTF-8"),
        "{}",
        stderr(&out)
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Whatever follows a valid header, checking never panics and never writes on a problem.
    #[test]
    fn arbitrary_rows_never_panic(body in "[a-c0-9,;\"'=\\-\r\n\t\u{0}\u{1b} あ研😀]{0,300}") {
        let home = Home::new();
        let mut s = store(&home, "p.db");
        let path = home.path("p.csv");
        let mut text = big_file(1).join("\r\n");
        text.push_str("\r\n");
        text.push_str(&body);
        std::fs::write(&path, text).unwrap();
        let options = seedline::csv_io::ImportOptions::new(crate::common::today());
        let report = seedline::csv_io::import_projects(&mut s, &path, &options, &mut |_| {}).unwrap();
        if !report.is_ok() {
            proptest::prop_assert_eq!(s.project_count().unwrap(), 0);
        }
    }
}
