//! Fiscal-year budgets (`import budgets` / `export budgets`): the long format
//! `課題管理番号,年度,配分額(千円)` read in every accepted spelling, written in one canonical form,
//! round-tripped byte for byte; bad files refused with their lines and the database untouched.

use super::*;

/// The fixture database with one more project whose 課題管理番号 export must neutralise.
fn fixture_db(home: &Home, name: &str) -> PathBuf {
    let path = fixture::build(home, name);
    let mut s = store(home, name);
    s.insert_project(&project("=JP26eq0000001", "式で始まる番号", ""))
        .unwrap();
    path
}

fn write_file(home: &Home, name: &str, bytes: &[u8]) {
    std::fs::write(home.path(name), bytes).unwrap();
}

/// Every allocation (課題管理番号, 年度, 千円) and the number of audit rows: what a refused import
/// must leave exactly as it was.
fn content(db: &Path) -> (Vec<(String, i64, i64)>, i64) {
    let conn = raw(db);
    let mut stmt = conn
        .prepare(
            "SELECT p.amed_id, b.fiscal_year, b.amount_kyen FROM budget_allocation b
             JOIN project p ON p.id = b.project_id ORDER BY 1, 2",
        )
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let audit = conn
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    (rows, audit)
}

/// `import budgets FILE` (extra arguments appended). When `refused`: a non-zero exit, "nothing
/// imported", and the database unchanged in bytes, `data_version` and content.
fn import(home: &Home, db: &Path, file: &str, extra: &[&str], refused: bool) -> Output {
    let snapshot = Snapshot::take(db);
    let before = content(db);
    let mut args = vec![
        "import",
        "budgets",
        file,
        "--db",
        db.to_str().unwrap(),
        "--lang",
        "en",
    ];
    args.extend_from_slice(extra);
    let out = run(home, &args);
    if refused {
        assert!(!out.status.success(), "{}", stdout(&out));
        assert!(
            stderr(&out).contains("nothing imported"),
            "{}",
            stderr(&out)
        );
        snapshot.assert_unchanged();
        assert_eq!(content(db), before);
    } else {
        assert!(out.status.success(), "{}", stderr(&out));
    }
    out
}

/// `export budgets` of `db` to `file` (overwriting), returning the bytes.
fn export_budgets(home: &Home, db: &Path, file: &str) -> Vec<u8> {
    let db = db.to_str().unwrap();
    let out = run(
        home,
        &["export", "budgets", "--db", db, "-o", file, "--force"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    std::fs::read(home.path(file)).unwrap()
}

fn figures(db: &Path, amed_id: &str) -> Vec<(i32, i64)> {
    let s = Store::open(db, OpenOptions { create: false }).unwrap();
    let id = s.project_ids_for(&[amed_id]).unwrap()[amed_id];
    s.budgets(id)
        .unwrap()
        .into_iter()
        .map(|(y, k)| (y.0, k))
        .collect()
}

/// Column order free, English headers, CRLF, quotes, every spelling of years and amounts.
const MIXED: &str = "fiscal_year,amount_kyen,amed_id\r\n\
    令和6年度,\"12,345\",JP25fx0000002\r\n\
    FY2023,500千円,JP25fx0000002\r\n\
    2025,0,\"'=JP26eq0000001\"\r\n\
    R7,\"1,000千円\",JP25fx0000001\r\n\
    2024年度,７７,\"JP25fx0000001\"\r\n";

/// What export writes for [`MIXED`]: BOM, Japanese headers, every cell quoted, CRLF, sorted by
/// 課題管理番号 (`=` before `J`) then 年度, the formula-like id neutralised, numbers as digits.
const CANONICAL: &str = "\u{FEFF}\"課題管理番号\",\"年度\",\"配分額(千円)\"\r\n\
    \"'=JP26eq0000001\",\"2025\",\"0\"\r\n\
    \"JP25fx0000001\",\"2024\",\"77\"\r\n\
    \"JP25fx0000001\",\"2025\",\"1000\"\r\n\
    \"JP25fx0000002\",\"2023\",\"500\"\r\n\
    \"JP25fx0000002\",\"2024\",\"12345\"\r\n";

#[test]
fn a_good_file_imports_exactly_and_round_trips_to_identical_bytes() {
    let home = Home::new();
    let db = fixture_db(&home, "f.db");
    let audit_before = content(&db).1;
    let mut bytes = BOM.to_vec();
    bytes.extend_from_slice(MIXED.as_bytes());
    write_file(&home, "in.csv", &bytes);
    let out = import(&home, &db, "in.csv", &[], false);
    assert!(
        stdout(&out).contains("imported in.csv: 5 rows: 5 inserted, 0 replaced, 0 unchanged"),
        "{}",
        stdout(&out)
    );
    assert_eq!(figures(&db, "JP25fx0000002"), [(2023, 500), (2024, 12_345)]);
    assert_eq!(figures(&db, "JP25fx0000001"), [(2024, 77), (2025, 1000)]);
    assert_eq!(figures(&db, "=JP26eq0000001"), [(2025, 0)]);
    assert!(figures(&db, "JP25fx0000003").is_empty());
    // One audit row for the whole import, counts only.
    let conn = raw(&db);
    let audit: Vec<(String, String)> = conn
        .prepare("SELECT action, detail FROM audit_log WHERE id > ?1")
        .unwrap()
        .query_map([audit_before], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(audit.len(), 1, "{audit:?}");
    assert_eq!(audit[0].0, "budget.import");
    let detail: serde_json::Value = serde_json::from_str(&audit[0].1).unwrap();
    assert_eq!(
        detail,
        serde_json::json!({"rows": 5, "inserted": 5, "replaced": 0, "unchanged": 0})
    );

    let first = export_budgets(&home, &db, "first.csv");
    assert_eq!(String::from_utf8(first.clone()).unwrap(), CANONICAL);
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(home.path("first.csv"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    // Into a second database with the same projects, and out again: the same bytes.
    let other = fixture_db(&home, "g.db");
    import(&home, &other, "first.csv", &[], false);
    assert_eq!(export_budgets(&home, &other, "second.csv"), first);
    // Read back into the first database: nothing to change.
    let out = import(&home, &db, "first.csv", &[], false);
    assert!(
        stdout(&out).contains("5 rows: 0 inserted, 0 replaced, 5 unchanged"),
        "{}",
        stdout(&out)
    );
    // An existing file is kept without --force.
    let out = run(
        &home,
        &[
            "export",
            "budgets",
            "--db",
            db.to_str().unwrap(),
            "--out",
            "first.csv",
        ],
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("既に存在します"), "{}", stderr(&out));
    // --query picks projects like export projects.
    let out = run(
        &home,
        &[
            "export",
            "budgets",
            "--db",
            db.to_str().unwrap(),
            "--query",
            "id:JP25fx0000002",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(!text.contains("JP25fx0000001"), "{text}");
}

#[test]
fn a_later_import_replaces_figures() {
    let home = Home::new();
    let db = fixture_db(&home, "f.db");
    write_file(
        &home,
        "a.csv",
        "課題管理番号,年度,配分額(千円)\nJP25fx0000001,2024,100\nJP25fx0000001,2025,200\n"
            .as_bytes(),
    );
    import(&home, &db, "a.csv", &[], false);
    write_file(
        &home,
        "b.csv",
        "課題管理番号,年度,配分額(千円)\nJP25fx0000001,2024,150\nJP25fx0000001,2025,200\nJP25fx0000001,2026,300\n"
            .as_bytes(),
    );
    let out = import(&home, &db, "b.csv", &[], false);
    assert!(
        stdout(&out).contains("3 rows: 1 inserted, 1 replaced, 1 unchanged"),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        figures(&db, "JP25fx0000001"),
        [(2024, 150), (2025, 200), (2026, 300)]
    );
    let imports: i64 = raw(&db)
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'budget.import'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(imports, 2);
}

#[test]
fn every_bad_row_is_reported_by_line_and_nothing_changes() {
    let home = Home::new();
    let db = fixture_db(&home, "f.db");
    write_file(
        &home,
        "good.csv",
        "課題管理番号,年度,配分額(千円)\nJP25fx0000001,2024,100\n".as_bytes(),
    );
    import(&home, &db, "good.csv", &[], false);
    let bad = [
        "課題管理番号,年度,配分額(千円)",
        "JP25fx0000001,2025,100",
        "JP99nope0000001,2025,100",
        "JP25fx0000002,1989,100",
        "JP25fx0000002,2101年度,100",
        "JP25fx0000003,来年,100",
        "JP25fx0000004,2025,-5",
        "JP25fx0000005,2025,12a",
        "JP25fx0000006,FY2024,1",
        "JP25fx0000006,2024年度,2",
        "JP25fx0000007,2025",
        "JP25fx0000007,2026,100000001",
        "JP25fx0000001,2024,999",
    ];
    write_file(&home, "in.csv", (bad.join("\r\n") + "\r\n").as_bytes());
    let err = stderr(&import(&home, &db, "in.csv", &[], true));
    for expected in [
        "in.csv:3: 課題管理番号: unknown 課題管理番号 'JP99nope0000001'",
        "in.csv:4: 年度: expected a fiscal year between 1990 and 2100, found '1989'",
        "in.csv:5: 年度: expected a fiscal year between 1990 and 2100, found '2101年度'",
        "in.csv:6: 年度: expected a fiscal year such as 2024, FY2024 or 令和6年度, found '来年'",
        "in.csv:7: 配分額(千円): -5 is negative",
        "in.csv:8: 配分額(千円): '12a' is not a whole number",
        "in.csv:10: 年度: duplicate 課題管理番号 and 年度 'JP25fx0000006' FY2024: lines 9 and 10",
        "in.csv:11: 2 fields, but the header has 3",
        "in.csv:12: 配分額(千円): 100000001 is more than 100,000,000",
        "9 problems; nothing imported",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    // The good rows of a refused file are not imported either (line 13 would replace 100).
    assert_eq!(figures(&db, "JP25fx0000001"), [(2024, 100)]);
    // --dry-run reports the same problems.
    let dry = stderr(&import(&home, &db, "in.csv", &["--dry-run"], true));
    assert!(dry.contains("in.csv:6: 年度: expected a fiscal year such as"));

    let header_cases: [(&str, &str); 4] = [
        (
            "課題管理番号,年度,配分額(千円),備考\nJP25fx0000001,2025,1,x\n",
            "in.csv:1: 備考: unknown column (column 4)",
        ),
        (
            "課題管理番号,年度\nJP25fx0000001,2025\n",
            "in.csv:1: missing required column 配分額(千円) (amount_kyen)",
        ),
        (
            "amed_id,年度,fiscal_year,amount_kyen\nJP25fx0000001,2025,2025,1\n",
            "in.csv:1: fiscal_year: duplicate column: columns 2 and 3 both are 年度",
        ),
        ("", "in.csv: empty file"),
    ];
    for (text, expected) in header_cases {
        write_file(&home, "in.csv", text.as_bytes());
        let err = stderr(&import(&home, &db, "in.csv", &[], true));
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    // Project-only options are refused rather than ignored.
    let out = run(
        &home,
        &[
            "import",
            "budgets",
            "good.csv",
            "--db",
            db.to_str().unwrap(),
            "--mode",
            "upsert",
        ],
    );
    assert!(!out.status.success());
}

#[test]
fn shift_jis_files_are_recognised_and_read_with_the_flag() {
    let home = Home::new();
    let db = fixture_db(&home, "f.db");
    let text = "課題管理番号,年度,配分額(千円)\r\nJP25fx0000001,令和6年度,\"1,200千円\"\r\nJP25fx0000002,平成30年度,50\r\n";
    let (sjis, _, unmappable) = encoding_rs::SHIFT_JIS.encode(text);
    assert!(!unmappable);
    write_file(&home, "sjis.csv", &sjis);
    let err = stderr(&import(&home, &db, "sjis.csv", &[], true));
    assert!(
        err.contains(
            "sjis.csv:1: not UTF-8 at byte 0: looks like Shift_JIS, use --encoding shift_jis"
        ),
        "{err}"
    );
    import(&home, &db, "sjis.csv", &["--encoding", "shift_jis"], false);
    // The same file in UTF-8 gives the same database.
    let utf8 = fixture_db(&home, "u.db");
    write_file(&home, "utf8.csv", text.as_bytes());
    import(&home, &utf8, "utf8.csv", &[], false);
    assert_eq!(content(&db).0, content(&utf8).0);
    assert_eq!(figures(&db, "JP25fx0000001"), [(2024, 1200)]);
    assert_eq!(figures(&db, "JP25fx0000002"), [(2018, 50)]);
}

#[test]
fn dry_run_checks_and_counts_but_writes_nothing() {
    let home = Home::new();
    let db = fixture_db(&home, "f.db");
    let text = "課題管理番号,年度,配分額(千円)\nJP25fx0000001,2024,1\nJP25fx0000002,2024,2\n";
    write_file(&home, "in.csv", text.as_bytes());
    let snapshot = Snapshot::take(&db);
    let out = import(&home, &db, "in.csv", &["--dry-run"], false);
    assert_eq!(
        stdout(&out),
        "dry run: would import in.csv: 2 rows: 2 inserted, 0 replaced, 0 unchanged; nothing written\n"
    );
    snapshot.assert_unchanged();
    assert!(content(&db).0.is_empty());
    // A header without rows: reported, exit 0, nothing written.
    write_file(
        &home,
        "head.csv",
        "課題管理番号,年度,配分額(千円)\r\n".as_bytes(),
    );
    let out = import(&home, &db, "head.csv", &[], false);
    assert!(stderr(&out).contains("0 data rows"), "{}", stderr(&out));
    snapshot.assert_unchanged();
}
