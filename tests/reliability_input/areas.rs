//! Disease areas named on import as the filter line names them (`area:難病` works, so does a
//! 疾患領域 cell `難病`), and unknown names suggested by containment first.

use super::refused::Unchanged;
use crate::common::{Home, raw};

const HEADER: &str = "課題管理番号,研究開発課題名,事業名,代表研究機関,研究開発代表者,開始日,研究開発フェーズ,疾患領域";

fn row(id: &str, areas: &str) -> String {
    format!("{id},課題{id},橋渡し研究プログラム,東京大学,佐藤 健一,2021-04-01,基礎,\"{areas}\"")
}

fn areas_of(db: &std::path::Path, id: &str) -> Vec<String> {
    let conn = raw(db);
    let mut stmt = conn
        .prepare(
            "SELECT a.code FROM project p JOIN project_disease_area x ON x.project_id = p.id
             JOIN disease_area a ON a.id = x.disease_area_id WHERE p.amed_id = ?1 ORDER BY a.code",
        )
        .unwrap();
    stmt.query_map([id], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn second_period_and_partial_area_names_import_as_the_filter_reads_them() {
    let home = Home::new();
    let db = home.path("a.db");
    home.seedline()
        .args(["init", "--db"])
        .arg(&db)
        .assert()
        .success();
    let lines = [
        HEADER.to_string(),
        row("JP21a0000001", "難病"),
        row("JP21a0000002", "希少疾患"),
        row("JP21a0000003", "認知症"),
        row("JP21a0000004", "がん;Intractable and rare diseases"),
        row("JP21a0000005", "dementia、lifestyle"),
        row(
            "JP21a0000006",
            "難病・希少疾患；ｶﾞﾝ".replace("ｶﾞﾝ", "Cancer").as_str(),
        ),
    ];
    std::fs::write(home.path("in.csv"), lines.join("\r\n") + "\r\n").unwrap();
    let out = home
        .seedline()
        .args(["import", "projects", "in.csv", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(areas_of(&db, "JP21a0000001"), ["rare"]);
    assert_eq!(areas_of(&db, "JP21a0000002"), ["rare"]);
    assert_eq!(areas_of(&db, "JP21a0000003"), ["dementia"]);
    assert_eq!(areas_of(&db, "JP21a0000004"), ["cancer", "rare"]);
    assert_eq!(areas_of(&db, "JP21a0000005"), ["dementia", "lifestyle"]);
    assert_eq!(areas_of(&db, "JP21a0000006"), ["cancer", "rare"]);
    // The filter finds them by the same names.
    for (query, n) in [
        ("area:難病", 4),
        ("area:認知症", 2),
        ("area:ライフコース", 2),
    ] {
        let out = home
            .seedline()
            .args([
                "export",
                "projects",
                "--columns",
                "amed_id",
                "-q",
                query,
                "--db",
            ])
            .arg(&db)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(text.matches("JP21a").count(), n, "{query}: {text}");
    }
}

#[test]
fn an_unknown_area_names_file_line_column_and_the_area_containing_its_words() {
    let home = Home::new();
    let db = home.path("b.db");
    home.seedline()
        .args(["init", "--db"])
        .arg(&db)
        .assert()
        .success();
    let lines = [
        HEADER.to_string(),
        row("JP21b0000001", "がん"),
        row("JP21b0000002", "難治"),
        row("JP21b0000003", "疾患"),
    ];
    std::fs::write(home.path("areas.csv"), lines.join("\r\n") + "\r\n").unwrap();
    let before = Unchanged::take(&db);
    let out = home
        .seedline()
        .args(["import", "projects", "areas.csv", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains(
            "areas.csv:3: 疾患領域: 疾患領域 '難治' はありません。'難病・希少疾患' のことですか"
        ),
        "{err}"
    );
    assert!(
        err.contains("areas.csv:4: 疾患領域: 疾患領域 '疾患' は 2 件の名前の一部です: 難病・希少疾患、精神・神経疾患"),
        "{err}"
    );
    before.check("refused import");
}
