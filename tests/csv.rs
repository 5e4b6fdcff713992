//! CSV export and import through the real binary: exact bytes (BOM, CRLF, quoting, formula
//! neutralisation), round trips, every kind of bad input refused with its line and column and the
//! database left untouched, Shift_JIS, KAKEN files, file modes, overwrite refusal and closed pipes.
//! Shared helpers here; the cases in `csv/`.

mod assignments;
mod bad_input;
mod budgets;
mod exporting;
mod outcomes;
mod round_trip;

use crate::common::{Home, TODAY, fixture, raw};
use seedline::model::{LicensingStatus, Modality, NewProject, Phase, parse_date};
use seedline::store::{OpenOptions, Store};
use std::hash::{Hash, Hasher};
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::Output;

const BOM: &[u8] = b"\xEF\xBB\xBF";

fn run(home: &Home, args: &[&str]) -> Output {
    home.seedline().args(args).output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Exports projects of `db` to `file` (extra arguments appended) and returns the bytes.
fn export(home: &Home, db: &str, file: &str, extra: &[&str]) -> Vec<u8> {
    let mut args = vec!["export", "projects", "--db", db, "-o", file, "--force"];
    args.extend_from_slice(extra);
    let out = run(home, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    std::fs::read(home.path(file)).unwrap()
}

fn init(home: &Home, db: &str) {
    assert!(run(home, &["init", "--db", db]).status.success());
}

/// A database's state as seen from outside: `PRAGMA data_version` on a connection held open
/// across the command, and a checksum of the database and WAL files.
struct Snapshot {
    conn: rusqlite::Connection,
    version: i64,
    sum: u64,
    path: PathBuf,
}

fn checksum(path: &Path) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for suffix in ["", "-wal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        std::fs::read(PathBuf::from(p))
            .unwrap_or_default()
            .hash(&mut h);
    }
    h.finish()
}

impl Snapshot {
    fn take(path: &Path) -> Snapshot {
        let conn = raw(path);
        let version = conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .unwrap();
        Snapshot {
            conn,
            version,
            sum: checksum(path),
            path: path.to_path_buf(),
        }
    }

    fn assert_unchanged(&self) {
        let now: i64 = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(now, self.version, "another connection committed");
        assert_eq!(checksum(&self.path), self.sum, "database bytes changed");
    }
}

fn project(id: &str, title: &str, summary: &str) -> NewProject {
    NewProject {
        amed_id: id.into(),
        title: title.into(),
        summary: summary.into(),
        pi_name: "佐藤 健一".into(),
        pi_title: "教授".into(),
        institution: "東京大学".into(),
        program: "bridge".into(),
        integrated_project: "trans".into(),
        modality: Modality::Drug,
        phase: Phase::Applied,
        start_date: parse_date("2024-04-01").unwrap(),
        end_date: parse_date("2027-03-31"),
        budget_total_kyen: Some(12_000),
        partner_company: None,
        licensing_status: LicensingStatus::None,
        disease_areas: vec!["cancer".into()],
    }
}

fn store(home: &Home, db: &str) -> Store {
    Store::open(&home.path(db), OpenOptions { create: true }).unwrap()
}

/// The fixture's export (45 rows) as text without the BOM, split into lines of records.
fn fixture_csv(home: &Home) -> (PathBuf, Vec<String>) {
    let path = fixture::build(home, "f.db");
    let bytes = export(home, "f.db", "base.csv", &["--no-bom"]);
    let text = String::from_utf8(bytes).unwrap();
    (
        path,
        text.split_terminator("\r\n").map(str::to_string).collect(),
    )
}

/// Imports `lines` (joined by CRLF) into `db`; returns the output, asserting the DB is unchanged
/// when `refused`.
fn import_lines(home: &Home, db: &Path, lines: &[String], extra: &[&str], refused: bool) -> Output {
    std::fs::write(home.path("in.csv"), lines.join("\r\n") + "\r\n").unwrap();
    import_file(home, db, "in.csv", extra, refused)
}

fn import_file(home: &Home, db: &Path, file: &str, extra: &[&str], refused: bool) -> Output {
    let snapshot = Snapshot::take(db);
    let db = db.to_str().unwrap();
    // The problems' English wording is checked here (tests/lang.rs checks the Japanese).
    let mut args = vec!["import", "projects", file, "--db", db, "--lang", "en"];
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
    }
    out
}

/// Fields of one CSV line.
fn cells(line: &str) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(line.as_bytes());
    reader
        .records()
        .next()
        .unwrap()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect()
}

/// One CSV line (no terminator) holding `cells`.
fn line_of(cells: &[String]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    w.write_record(cells).unwrap();
    let mut text = String::from_utf8(w.into_inner().unwrap()).unwrap();
    text.pop();
    text
}

/// The fixture's rows renumbered so that they do not collide with the fixture database.
fn fresh_rows(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .map(|l| l.replacen("JP25fx", "JP26new", 1))
        .collect()
}

fn big_file(good: usize) -> Vec<String> {
    let mut rows = vec![
        "課題管理番号,研究開発課題名,事業名,代表研究機関,研究開発代表者,開始日,研究開発フェーズ"
            .to_string(),
    ];
    for i in 0..good {
        rows.push(format!(
            "JP26big{i:06},研究課題{i},橋渡し研究プログラム,東京大学,佐藤 健一,2024-04-01,基礎"
        ));
    }
    rows
}
