//! Export: bytes, selection, audit, file mode, overwrite refusal, closed pipes.

use super::*;

#[test]
fn export_bytes_have_a_bom_crlf_quotes_and_neutralised_formulas() {
    let home = Home::new();
    let mut s = store(&home, "x.db");
    let titles = [
        "=1+2\";=1+2",
        "+81-3-1234-5678",
        "-2+3",
        "@SUM(A1)",
        "\t=1",
        "\r=1",
        "  =1",
        "普通の題名",
    ];
    for i in 0..titles.len() {
        s.insert_project(&project(&format!("JP{i}"), "仮", "行1\n行2"))
            .unwrap();
    }
    drop(s);
    // A tab or CR in a title is refused on every way in now; a database from before may hold one.
    let conn = raw(&home.path("x.db"));
    for (i, title) in titles.iter().enumerate() {
        conn.execute(
            "UPDATE project SET title = ?2 WHERE amed_id = ?1",
            (format!("JP{i}"), title),
        )
        .unwrap();
    }
    drop(conn);
    let bytes = export(
        &home,
        "x.db",
        "out.csv",
        &["--columns", "amed_id,title,summary,budget_total_kyen"],
    );
    assert!(bytes.starts_with(BOM));
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(
        text.starts_with("\"課題管理番号\",\"研究開発課題名\",\"概要\",\"総配分額(千円)\"\r\n"),
        "{text}"
    );
    assert!(
        text.contains("\"'=1+2\"\";=1+2\""),
        "OWASP's own example: {text}"
    );
    for cell in [
        "\"'+81-3-1234-5678\"",
        "\"'-2+3\"",
        "\"'@SUM(A1)\"",
        "\"'\t=1\"",
        "\"'\r=1\"",
        "\"'  =1\"",
        "\"普通の題名\"",
    ] {
        assert!(text.contains(cell), "{cell} in {text}");
    }
    assert!(
        text.contains("\"行1\n行2\",\"12000\"\r\n"),
        "multi-line summary stays one quoted field; the budget is digits only"
    );
    // Every record ends in CRLF: the only bare LF is the one inside the quoted summary.
    assert_eq!(text.matches("\r\n").count(), titles.len() + 1);
    assert_eq!(text.matches('\n').count(), 2 * titles.len() + 1);
    // `--no-bom` and English headers.
    let plain = export(
        &home,
        "x.db",
        "en.csv",
        &["--no-bom", "--lang", "en", "--columns", "amed_id,phase"],
    );
    assert!(
        plain.starts_with(b"\"amed_id\",\"phase\"\r\n\"JP0\",\"\xE5\xBF\x9C\xE7\x94\xA8\"\r\n")
    );
}

#[test]
fn a_negative_number_in_a_numeric_column_stays_a_number() {
    use seedline::csv_io::{Cell, CsvWriter};
    let mut w = CsvWriter::new(Vec::new(), false).unwrap();
    w.row(&[Cell::text("-5"), Cell::Number(Some(-5)), Cell::Number(None)])
        .unwrap();
    // Every cell is quoted; only the text is neutralised (Excel reads a quoted -5 as a number).
    assert_eq!(w.finish().unwrap(), b"\"'-5\",\"-5\",\"\"\r\n");
}

#[test]
fn exports_and_imports_are_audited_once() {
    let home = Home::new();
    let path = fixture::build(&home, "f.db");
    export(&home, "f.db", "all.csv", &["--query", "phase:臨床"]);
    let (action, detail): (String, String) = raw(&path)
        .query_row(
            "SELECT action, detail FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(action, "export");
    let detail: serde_json::Value = serde_json::from_str(&detail).unwrap();
    assert_eq!(detail["kind"], "projects");
    assert_eq!(detail["rows"], 9, "phase:臨床 holds 9 of the 45");
    assert!(detail["file"].as_str().unwrap().ends_with("all.csv"));
    init(&home, "e.db");
    assert!(
        run(&home, &["import", "projects", "all.csv", "--db", "e.db"])
            .status
            .success()
    );
    let imports: Vec<String> = raw(&home.path("e.db"))
        .prepare("SELECT detail FROM audit_log")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(imports.len(), 1, "one audit row for the whole import");
    assert!(imports[0].contains("\"inserted\":9"), "{}", imports[0]);
}

#[test]
fn ids_select_and_order_the_export() {
    let home = Home::new();
    fixture::build(&home, "f.db");
    std::fs::write(
        home.path("ids.txt"),
        "\u{FEFF}課題管理番号\nJP25fx0000003\n\nJP25fx0000001\n",
    )
    .unwrap();
    let bytes = export(
        &home,
        "f.db",
        "ids.csv",
        &["--ids", "ids.txt", "--columns", "amed_id"],
    );
    assert_eq!(
        &bytes[3..],
        "\"課題管理番号\"\r\n\"JP25fx0000003\"\r\n\"JP25fx0000001\"\r\n".as_bytes()
    );
    let out = home
        .seedline()
        .args([
            "export",
            "projects",
            "--db",
            "f.db",
            "--ids",
            "-",
            "--columns",
            "amed_id",
            "--no-bom",
        ])
        .write_stdin("JP25fx0000002\nJP-nope\n")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(stderr(&out).contains("'JP-nope'"), "{}", stderr(&out));
}

#[test]
fn export_file_is_0600_under_umask_022_and_not_overwritten_without_force() {
    let home = Home::new();
    fixture::build(&home, "f.db");
    let bin = assert_cmd::cargo::cargo_bin("seedline");
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg("umask 022 && exec \"$0\" export projects --db f.db -o out.csv")
        .arg(&bin)
        .current_dir(home.dir.path())
        .env("SEEDLINE_DATA_DIR", home.path("data"))
        .env("SEEDLINE_CONFIG_DIR", home.path("config"))
        .env("SEEDLINE_STATE_DIR", home.path("state"))
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(home.path("out.csv"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    std::fs::write(home.path("keep.csv"), "mine").unwrap();
    let out = run(
        &home,
        &["export", "projects", "--db", "f.db", "-o", "keep.csv"],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("既に存在します。上書きするには --force"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(home.path("keep.csv")).unwrap(),
        "mine"
    );
    assert!(
        run(
            &home,
            &[
                "export", "projects", "--db", "f.db", "-o", "keep.csv", "--force"
            ]
        )
        .status
        .success()
    );
    assert!(
        std::fs::read(home.path("keep.csv"))
            .unwrap()
            .starts_with(BOM)
    );
    let leftovers: Vec<_> = std::fs::read_dir(home.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary files left: {leftovers:?}"
    );
}

#[test]
fn a_closed_pipe_ends_the_export_quietly() {
    let home = Home::new();
    assert!(
        run(&home, &["demo", "--db", "big.db", "--projects", "3000"])
            .status
            .success()
    );
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("seedline"))
        .args(["export", "projects", "--db", "big.db"])
        .current_dir(home.dir.path())
        .env("SEEDLINE_DATA_DIR", home.path("data"))
        .env("SEEDLINE_CONFIG_DIR", home.path("config"))
        .env("SEEDLINE_STATE_DIR", home.path("state"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.contains("課題管理番号"));
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?} {}", out.status, stderr(&out));
    assert_eq!(stderr(&out), "", "nothing said about the pipe");
    let detail: String = raw(&home.path("big.db"))
        .query_row(
            "SELECT detail FROM audit_log WHERE action = 'export'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let detail: serde_json::Value = serde_json::from_str(&detail).unwrap();
    let rows = detail["rows"].as_u64().unwrap();
    assert!(
        rows < 3000,
        "the export stopped with the pipe, after {rows} rows"
    );
}
