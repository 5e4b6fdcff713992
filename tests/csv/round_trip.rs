//! Export → import → export, upsert, KAKEN files.

use super::*;

#[test]
fn export_import_export_gives_identical_bytes() {
    let home = Home::new();
    let mut s = store(&home, "a.db");
    let mut odd = project(
        "JP26odd0000001",
        "'=quoted 題名 🧬",
        "複数行の概要\n二行目, \"引用\"\r\n三行目\tタブ",
    );
    odd.integrated_project = "drug2".into();
    odd.program = "p-create".into();
    odd.partner_company = Some("テルモ株式会社".into());
    odd.disease_areas = vec!["rare".into(), "dementia".into(), "cancer".into()];
    odd.end_date = None;
    odd.budget_total_kyen = None;
    odd.licensing_status = LicensingStatus::JointDevelopment;
    s.insert_project(&odd).unwrap();
    let mut plain = project("JP26odd0000002", "'ただの引用符", "-2+3 で始まる概要");
    plain.pi_title = "@主任".into();
    s.insert_project(&plain).unwrap();
    drop(s);
    let first = export(&home, "a.db", "first.csv", &[]);
    let text = String::from_utf8_lossy(&first);
    assert!(
        text.contains("\"医薬品プロジェクト（第2期）\""),
        "the 2nd period's 医薬品 is told apart"
    );
    assert!(
        text.contains("\"''=quoted 題名 🧬\"") && text.contains("\"'ただの引用符\""),
        "{text}"
    );
    init(&home, "b.db");
    let out = run(&home, &["import", "projects", "first.csv", "--db", "b.db"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("2 行: 新規 2、更新 0、変更なし 0"),
        "{}",
        stdout(&out)
    );
    assert_eq!(export(&home, "b.db", "second.csv", &[]), first);
    // English headers read back the same way.
    export(&home, "a.db", "en.csv", &["--lang", "en"]);
    init(&home, "c.db");
    let out = run(&home, &["import", "projects", "en.csv", "--db", "c.db"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(export(&home, "c.db", "third.csv", &[]), first);
    // The fixture's real KAKEN titles (commas, a quote, English) round-trip too.
    fixture::build(&home, "f.db");
    let columns = "課題管理番号,研究開発課題名,事業名,統合プロジェクト,代表研究機関,研究開発代表者,役職,開始日,終了日,総配分額(千円),研究開発フェーズ,承認上の分類,対象疾患,概要,企業導出,並走企業";
    let f1 = export(&home, "f.db", "f1.csv", &["--columns", columns]);
    init(&home, "g.db");
    assert!(
        run(&home, &["import", "projects", "f1.csv", "--db", "g.db"])
            .status
            .success()
    );
    assert_eq!(export(&home, "g.db", "f2.csv", &["--columns", columns]), f1);
}

#[test]
fn upsert_updates_only_changed_rows() {
    let home = Home::new();
    let (db, lines) = fixture_csv(&home);
    let mut rows = lines.clone();
    let mut c = cells(&rows[4]);
    c[1] = "改訂された題名".into();
    c[10] = "実用化".into();
    rows[4] = line_of(&c);
    let out = import_lines(&home, &db, &rows, &["--mode", "upsert"], false);
    assert!(
        stdout(&out).contains("45 rows: 0 inserted, 1 updated, 44 unchanged"),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let versions: Vec<(String, i64)> = raw(&db)
        .prepare("SELECT amed_id, version FROM project WHERE version > 1")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(versions, [(c[0].clone(), 2)]);
    let s = Store::open(&db, OpenOptions { create: false }).unwrap();
    let id = s.project_id(&c[0]).unwrap();
    let detail = s.project_detail(id).unwrap();
    assert_eq!(detail.title, "改訂された題名");
    assert!(
        detail
            .phase_history
            .iter()
            .any(|p| p.to == Phase::Practical && p.on == TODAY),
        "the phase move is in the history: {:?}",
        detail.phase_history
    );
}

#[test]
fn kaken_files_import_with_a_program_and_documented_defaults() {
    let home = Home::new();
    init(&home, "k.db");
    let db = home.path("k.db");
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/csv/kaken.csv");
    std::fs::copy(fixture, home.path("kaken.csv")).unwrap();
    let out = import_file(&home, &db, "kaken.csv", &["--format", "kaken"], true);
    assert!(
        stderr(&out).contains("--format kaken needs --program"),
        "{}",
        stderr(&out)
    );
    let out = import_file(
        &home,
        &db,
        "kaken.csv",
        &["--format", "kaken", "--program", "crest"],
        false,
    );
    assert!(
        stdout(&out).contains("20 rows: 20 inserted"),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let s = Store::open(&db, OpenOptions { create: false }).unwrap();
    let d = s
        .project_detail(s.project_id("KAKEN-19K24385").unwrap())
        .unwrap();
    assert_eq!(
        d.title,
        "活性汚泥からの亜硝酸ガス（HONO）発生量の定量と発生メカニズムの解明"
    );
    assert_eq!(
        (d.start_date.as_str(), d.end_date.as_deref()),
        ("2019-04-01", Some("2022-03-31"))
    );
    assert_eq!(d.budget_total_kyen, Some(1_170), "yen to thousand yen");
    assert_eq!((d.phase, d.modality), (Phase::Basic, Modality::Other));
    assert_eq!(
        d.integrated_project_ja, "シーズ開発・基礎研究プロジェクト",
        "the program's own"
    );
    assert!(d.summary.starts_with("キーワード: nitrite、嫌気"));
    let d = s
        .project_detail(s.project_id("KAKEN-19K24378").unwrap())
        .unwrap();
    assert_eq!(
        (d.start_date.as_str(), d.end_date.as_deref()),
        ("2019-04-01", Some("2022-03-31")),
        "fiscal years 2019 – 2021"
    );
    drop(s);
    // An officer moves a seed on; re-importing the KAKEN file leaves that alone.
    let moved = run(
        &home,
        &["phase", "KAKEN-19K24385", "--to", "応用", "--db", "k.db"],
    );
    assert!(moved.status.success(), "{}", stderr(&moved));
    let args = [
        "--format",
        "kaken",
        "--program",
        "bridge",
        "--mode",
        "upsert",
    ];
    let out = import_file(&home, &db, "kaken.csv", &args, false);
    assert!(
        stdout(&out).contains("20 rows: 0 inserted, 0 updated, 20 unchanged"),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let s = Store::open(&db, OpenOptions { create: false }).unwrap();
    let d = s
        .project_detail(s.project_id("KAKEN-19K24385").unwrap())
        .unwrap();
    assert_eq!(d.phase, Phase::Applied);
    assert_eq!(d.program_ja, "革新的先端研究開発支援事業");
}
