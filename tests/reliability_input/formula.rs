//! The formula guard for full-width signs and signs after ideographic or other whitespace, its
//! exact reversal on import, and (where LibreOffice is installed) a check that no exported cell
//! is evaluated.

use crate::common::{Home, raw};
use seedline::model::{LicensingStatus, Modality, NewProject, Phase, parse_date};

fn project(id: &str, title: &str) -> NewProject {
    NewProject {
        amed_id: id.into(),
        title: title.into(),
        summary: String::new(),
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

const HOSTILE: &[&str] = &[
    "＝1+2",
    "＋81-3-1234-5678",
    "－2+3",
    "＠SUM(A1)",
    "\u{3000}=1+2",
    "\u{3000} \u{3000}＝HYPERLINK(\"http://x\")",
    "\u{a0}@SUM(A1)",
    "﹦1+1",
];

/// The hostile title of project `JP26fw000000i`.
fn hostile_of(amed_id: &str) -> &'static str {
    HOSTILE[amed_id
        .trim_start_matches("JP26fw")
        .parse::<usize>()
        .unwrap()]
}

fn export_titles(home: &Home, db: &std::path::Path, file: &str) -> Vec<u8> {
    let out = home
        .seedline()
        .args([
            "export", "projects", "--no-bom", "--force", "-o", file, "--db",
        ])
        .arg(db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read(home.path(file)).unwrap()
}

fn seed(home: &Home) -> std::path::PathBuf {
    let db = home.path("f.db");
    let mut store = home.store("f.db");
    for (i, title) in HOSTILE.iter().enumerate() {
        let mut p = project(&format!("JP26fw{i:07}"), title);
        p.summary = format!("{title}\n2行目");
        store.insert_project(&p).unwrap();
    }
    drop(store);
    db
}

#[test]
fn full_width_and_ideographic_space_prefixes_are_guarded_and_restored_exactly() {
    let home = Home::new();
    let db = seed(&home);
    let bytes = export_titles(&home, &db, "out.csv");
    let mut reader = csv::Reader::from_reader(&bytes[..]);
    let headers = reader.headers().unwrap().clone();
    let title = headers.iter().position(|h| h == "研究開発課題名").unwrap();
    let summary = headers.iter().position(|h| h == "概要").unwrap();
    let budget = headers
        .iter()
        .position(|h| h.starts_with("総配分額"))
        .unwrap();
    let id = headers.iter().position(|h| h == "課題管理番号").unwrap();
    let records: Vec<_> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), HOSTILE.len());
    for record in &records {
        let hostile = hostile_of(&record[id]);
        assert_eq!(&record[title], format!("'{hostile}"), "{hostile:?}");
        assert_eq!(
            &record[summary],
            format!("'{hostile}\n2行目"),
            "{hostile:?}"
        );
        assert_eq!(&record[budget], "12000", "numbers stay as they are");
    }
    // Round trip: import into an empty database, export again: the same bytes.
    let db2 = home.path("g.db");
    home.seedline()
        .args(["init", "--db"])
        .arg(&db2)
        .assert()
        .success();
    let out = home
        .seedline()
        .args(["import", "projects", "out.csv", "--db"])
        .arg(&db2)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let titles: Vec<String> = {
        let conn = raw(&db2);
        let mut stmt = conn
            .prepare("SELECT title FROM project ORDER BY amed_id")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(titles, HOSTILE, "the guard is taken off exactly");
    assert_eq!(export_titles(&home, &db2, "again.csv"), bytes);
}

/// LibreOffice headless, where installed: the exported file converted to another CSV shows every
/// hostile cell as text (with its `'` consumed or kept), none as a computed value.
#[test]
fn libreoffice_evaluates_no_exported_cell_where_soffice_is_installed() {
    let Some(soffice) = ["soffice", "libreoffice"].into_iter().find(|p| {
        std::process::Command::new(p)
            .arg("--version")
            .output()
            .is_ok()
    }) else {
        println!("skipped: soffice is not on PATH (the LibreOffice check runs only where it is)");
        return;
    };
    let home = Home::new();
    let db = seed(&home);
    export_titles(&home, &db, "out.csv");
    let out_dir = home.path("converted");
    let status = std::process::Command::new(soffice)
        .args([
            "--headless",
            "--infilter=CSV:44,34,76,1",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
        ])
        .arg(&out_dir)
        .arg(home.path("out.csv"))
        .env("HOME", home.path("lo-home"))
        .status()
        .unwrap();
    assert!(status.success());
    let bytes = std::fs::read(out_dir.join("out.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[..]);
    let headers = reader.headers().unwrap().clone();
    let title = headers
        .iter()
        .position(|h| h.trim_start_matches('\u{feff}') == "研究開発課題名")
        .unwrap();
    let id = headers
        .iter()
        .position(|h| h.trim_start_matches('\u{feff}') == "課題管理番号")
        .unwrap();
    for record in reader.records().map(Result::unwrap) {
        let hostile = hostile_of(&record[id]);
        let shown = record[title].trim_start_matches('\'').trim();
        assert_eq!(
            shown,
            hostile.trim(),
            "LibreOffice evaluated or changed {hostile:?}"
        );
    }
    println!("LibreOffice ({soffice}) showed every guarded cell as text");
}
