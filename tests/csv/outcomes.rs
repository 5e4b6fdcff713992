//! Outcomes (`export outcomes` / `import outcomes`): `課題管理番号,種別,日付,製品名,内容` written
//! Excel-safe and read back byte for byte; a second import of the same file adds nothing; English
//! headers and other spellings read; bad files refused with their lines, the database untouched.

use super::*;
use seedline::model::{Author, NewOutcome, OutcomeKind};

fn write_file(home: &Home, name: &str, bytes: &[u8]) {
    std::fs::write(home.path(name), bytes).unwrap();
}

/// Every outcome (課題管理番号, kind, date, product, detail, deleted) and the audit row count.
type Content = (
    Vec<(String, String, String, Option<String>, String, bool)>,
    i64,
);

fn content(db: &Path) -> Content {
    let conn = raw(db);
    let mut stmt = conn
        .prepare(
            "SELECT p.amed_id, o.kind, o.occurred_on, o.product_name, o.detail, o.deleted_at IS NOT NULL
             FROM outcome o JOIN project p ON p.id = o.project_id ORDER BY o.id",
        )
        .unwrap();
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let audit = conn
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    (rows, audit)
}

/// `import outcomes FILE` (extra arguments appended). When `refused`: a non-zero exit, "nothing
/// imported", and the database unchanged in bytes, `data_version` and content.
fn import(home: &Home, db: &Path, file: &str, extra: &[&str], refused: bool) -> Output {
    let snapshot = Snapshot::take(db);
    let before = content(db);
    let mut args = vec![
        "import",
        "outcomes",
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

/// `export outcomes` of `db` to `file` (overwriting), returning the bytes.
fn export_outcomes(home: &Home, db: &Path, file: &str) -> Vec<u8> {
    let out = run(
        home,
        &[
            "export",
            "outcomes",
            "--db",
            db.to_str().unwrap(),
            "-o",
            file,
            "--force",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    std::fs::read(home.path(file)).unwrap()
}

/// The fixture with outcomes whose texts test the file format: a formula, a quote and a comma,
/// Japanese and an emoji, an empty product, one deleted (not exported).
fn with_outcomes(home: &Home, name: &str) -> PathBuf {
    let path = fixture::build(home, name);
    let mut s = store(home, name);
    let me = Author::new(Some("岩崎 美紀"), Some("PO"), "tester");
    let add = |s: &mut Store, p: i64, kind, on: &str, product: Option<&str>, detail: &str| {
        s.add_outcome(
            p,
            &NewOutcome {
                kind,
                on: parse_date(on).unwrap(),
                product: product.map(str::to_string),
                detail: detail.into(),
            },
            &me,
        )
        .unwrap()
    };
    add(
        &mut s,
        1,
        OutcomeKind::Licensing,
        "2026-05-01",
        Some("=HYPERLINK(\"x\")"),
        "実施許諾, \"A社\"",
    );
    add(
        &mut s,
        1,
        OutcomeKind::Paper,
        "2025-04-01",
        None,
        "Nature 🧬 2025",
    );
    add(
        &mut s,
        2,
        OutcomeKind::ClinicalTrial,
        "2026-01-15",
        None,
        "+第I相 開始",
    );
    add(
        &mut s,
        7,
        OutcomeKind::NonclinicalPoc,
        "2024-10-01",
        None,
        "",
    );
    let gone = add(
        &mut s,
        7,
        OutcomeKind::Paper,
        "2024-10-02",
        None,
        "取り下げ",
    );
    s.delete_outcome(gone, &me).unwrap();
    path
}

#[test]
fn export_import_export_is_byte_identical_and_a_second_import_adds_nothing() {
    let home = Home::new();
    let db1 = with_outcomes(&home, "one.db");
    let first = export_outcomes(&home, &db1, "o1.csv");
    assert!(first.starts_with(BOM));
    let text = String::from_utf8(first[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.split_terminator("\r\n").collect();
    assert_eq!(lines[0], r#""課題管理番号","種別","日付","製品名","内容""#);
    assert_eq!(
        lines.len(),
        1 + 4 + 2,
        "four live ones and the fixture's two: {text}"
    );
    assert!(
        text.contains(
            r#""JP25fx0000001","企業導出","2026-05-01","'=HYPERLINK(""x"")","実施許諾, ""A社""""#
        ),
        "formula guard and quoting: {text}"
    );
    assert!(text.contains(r#""'+第I相 開始""#), "{text}");
    assert!(!text.contains("取り下げ"), "deleted outcomes stay out");
    // Into the fixture (same projects, its own two outcomes): those two are unchanged.
    let db2 = fixture::build(&home, "two.db");
    let out = import(&home, &db2, "o1.csv", &[], false);
    assert!(
        stdout(&out).contains("6 rows: 4 inserted, 2 unchanged"),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        export_outcomes(&home, &db2, "o2.csv"),
        first,
        "byte for byte"
    );
    // The same file again: nothing new, nothing written.
    let before = content(&db2);
    let out = import(&home, &db2, "o1.csv", &[], false);
    assert!(
        stdout(&out).contains("0 inserted, 6 unchanged"),
        "{}",
        stdout(&out)
    );
    assert_eq!(content(&db2), before);
    // Each insert has its audit row on the project, worded in its history.
    let history = run(
        &home,
        &["history", "JP25fx0000002", "--db", db2.to_str().unwrap()],
    );
    assert!(
        stdout(&history).contains("outcome.import  成果 #5 臨床試験 2026-01-15 を取り込み"),
        "{}",
        stdout(&history)
    );
}

#[test]
fn dry_run_reports_and_changes_nothing() {
    let home = Home::new();
    let db1 = with_outcomes(&home, "one.db");
    export_outcomes(&home, &db1, "o1.csv");
    let db2 = fixture::build(&home, "two.db");
    let snapshot = Snapshot::take(&db2);
    let before = content(&db2);
    let out = import(&home, &db2, "o1.csv", &["--dry-run"], false);
    assert!(
        stdout(&out).contains("would import") && stdout(&out).contains("4 inserted, 2 unchanged"),
        "{}",
        stdout(&out)
    );
    snapshot.assert_unchanged();
    assert_eq!(content(&db2), before);
}

#[test]
fn english_headers_other_spellings_and_no_optional_columns_import() {
    let home = Home::new();
    let db = fixture::build(&home, "f.db");
    let file = "amed_id,kind,date\r\nJP25fx0000004,approval,2026/4/1\r\nJP25fx0000004,治験,令和8年5月1日\r\nJP25fx0000005,非臨床PoC,2026-06-01\r\n";
    let mut bytes = BOM.to_vec();
    bytes.extend_from_slice(file.as_bytes());
    write_file(&home, "en.csv", &bytes);
    let out = import(&home, &db, "en.csv", &[], false);
    assert!(stdout(&out).contains("3 inserted"), "{}", stdout(&out));
    let (rows, _) = content(&db);
    let added: Vec<(&str, &str)> = rows
        .iter()
        .skip(2)
        .map(|r| (r.1.as_str(), r.2.as_str()))
        .collect();
    assert_eq!(
        added,
        [
            ("regulatory_approval", "2026-04-01"),
            ("clinical_trial", "2026-05-01"),
            ("nonclinical_poc", "2026-06-01")
        ]
    );
}

#[test]
fn bad_rows_are_refused_with_their_lines_and_nothing_is_written() {
    let home = Home::new();
    let db = fixture::build(&home, "f.db");
    let cases: [(&str, &[&str]); 6] = [
        (
            "課題管理番号,種別,日付,製品名,内容\r\nJP25fx0000001,特許,2026-01-01,,\r\nJP25fx0000001,論文,2024-02-30,,\r\nJP99zz,論文,2026-01-01,,\r\n",
            &[
                "bad.csv:2: 種別: '特許' is not an outcome kind",
                "bad.csv:3: 日付: '2024-02-30' is not a valid date",
                "bad.csv:4: 課題管理番号: unknown 課題管理番号 'JP99zz'",
            ],
        ),
        (
            "課題管理番号,種別,日付,製品名,内容\r\nJP25fx0000001,論文,2026-01-01,,同じ\r\nJP25fx0000002,論文,2026-01-01,,\r\nJP25fx0000001,論文,2026-01-01,,同じ\r\n",
            &[
                "bad.csv:4: 課題管理番号: the same outcome (課題管理番号, 種別, 日付, 製品名 and 内容) as line 2",
            ],
        ),
        (
            "課題管理番号,日付\r\nJP25fx0000001,2026-01-01\r\n",
            &["bad.csv:1: missing required column 種別 (kind)"],
        ),
        (
            "課題管理番号,種別,日付,特許番号\r\nJP25fx0000001,論文,2026-01-01,x\r\n",
            &["bad.csv:1: 特許番号: unknown column (column 4)"],
        ),
        (
            "課題管理番号,種別,日付,製品名,内容\r\nJP25fx0000001,論文,2026-01-01,,a\u{1b}[2Jb\r\nJP25fx0000001,論文\r\n",
            &[
                "bad.csv:2: 内容: contains the control character U+001B",
                "bad.csv:3: 2 fields, but the header has 5",
            ],
        ),
        (
            "課題管理番号,種別,日付\r\nJP25fx0000001,,\r\n",
            &["bad.csv:2: 種別: empty", "bad.csv:2: 日付: empty"],
        ),
    ];
    for (text, problems) in cases {
        write_file(&home, "bad.csv", text.as_bytes());
        let out = import(&home, &db, "bad.csv", &[], true);
        let err = stderr(&out);
        for p in problems {
            assert!(err.contains(p), "{p}\n{err}");
        }
    }
    // --mode and --format belong to projects.
    write_file(
        &home,
        "ok.csv",
        "課題管理番号,種別,日付\r\nJP25fx0000001,論文,2026-01-01\r\n".as_bytes(),
    );
    let out = run(
        &home,
        &[
            "import",
            "outcomes",
            "ok.csv",
            "--mode",
            "upsert",
            "--db",
            db.to_str().unwrap(),
        ],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("課題の取り込みだけ"),
        "{}",
        stderr(&out)
    );
}
