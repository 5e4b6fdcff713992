//! A small, fully deterministic database for screen snapshots and store figures: 45 projects whose
//! titles are real KAKEN research titles (long ones, English ones, commas and a quote included),
//! with notes, follow-ups, gates, flags and outcomes at fixed dates.

use super::Home;
use seedline::model::{Coded, LicensingStatus, Modality, NewProject, Phase, parse_date};
use seedline::store::Store;

const IPS: [&str; 8] = [
    "drug", "device", "regen", "infect", "data", "seeds", "trans", "eco",
];
const PROGRAMS: [&str; 8] = [
    "cancer-practical",
    "device-dev",
    "regen-practical",
    "infect-drug",
    "rare-practical",
    "crest",
    "bridge",
    "venture-eco",
];
const AREAS: [&str; 6] = [
    "cancer",
    "rare",
    "lifestyle",
    "dementia",
    "child",
    "infection",
];
const PIS: [(&str, &str); 5] = [
    ("佐藤 健一", "東京大学"),
    ("鈴木 智子", "京都大学"),
    ("Smith John", "理化学研究所"),
    ("高橋 ﾕｳｺ", "国立がん研究センター"),
    ("渡辺 直樹", "大阪大学"),
];

/// The KAKEN titles in tests/fixtures/kaken_sample.csv, in file order.
pub fn kaken_titles() -> Vec<String> {
    let mut reader = csv::Reader::from_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/kaken_sample.csv"
    ))
    .unwrap();
    reader
        .records()
        .map(|r| r.unwrap()[1].to_string())
        .collect()
}

/// Builds the fixture database at `name` in `home` and returns its path.
pub fn build(home: &Home, name: &str) -> std::path::PathBuf {
    let path = home.path(name);
    let mut store: Store = home.store(name);
    store.set_actor("fixture");
    for (i, title) in kaken_titles().into_iter().enumerate() {
        let (pi, institution) = PIS[i % PIS.len()];
        let phase = Phase::ALL[i % 5];
        let project = NewProject {
            amed_id: format!("JP25fx{:07}", i + 1),
            title,
            summary: format!("概要{}: 研究開発の目的と計画。", i + 1),
            pi_name: pi.into(),
            pi_title: "教授".into(),
            institution: institution.into(),
            program: PROGRAMS[i % 8].into(),
            integrated_project: IPS[i % 8].into(),
            modality: Modality::ALL[i % 5],
            phase,
            start_date: parse_date("2024-04-01").unwrap(),
            end_date: parse_date("2027-03-31"),
            budget_total_kyen: Some(10_000 * (i as i64 + 1)),
            partner_company: (i % 4 == 0).then(|| "テルモ株式会社".to_string()),
            licensing_status: if i % 9 == 0 {
                LicensingStatus::License
            } else {
                LicensingStatus::None
            },
            disease_areas: vec![AREAS[i % AREAS.len()].into()],
        };
        store.insert_project(&project).unwrap();
    }
    drop(store);
    let conn = super::raw(&path);
    conn.execute_batch(
        "INSERT INTO officer (name, role) VALUES ('大野 恵子', 'PS'), ('岩崎 美紀', 'PO'), ('野口 健太', 'PO');
         INSERT INTO project_officer (project_id, officer_id) SELECT id, 1 FROM project;
         INSERT INTO project_officer (project_id, officer_id) SELECT id, 2 + (id % 2) FROM project;",
    )
    .unwrap();
    // Notes: two per project for the first 12, with follow-ups overdue (id 1, 2), due today (3),
    // later (4) and done (5).
    for id in 1..=12i64 {
        for (k, (on, follow_up, done)) in [
            ("2026-10-01", None, None),
            (
                "2026-11-10",
                Some(
                    [
                        "2026-11-01",
                        "2026-11-20",
                        "2026-11-25",
                        "2026-12-20",
                        "2026-11-01",
                    ][(id as usize - 1) % 5],
                ),
                (id % 5 == 0).then_some("2026-11-02T09:00:00.000Z"),
            ),
        ]
        .into_iter()
        .enumerate()
        {
            let body =
                format!("面談メモ{id}-{k}: 進捗を確認。次回までに非臨床試験計画を共有いただく。");
            let follow_up = if id <= 5 { follow_up } else { None };
            conn.execute(
                "INSERT INTO note (project_id, author, author_role, kind, body, occurred_on, follow_up_on,
                   follow_up_done_at, follow_up_done_by, created_at, updated_at)
                 VALUES (?1, '岩崎 美紀', 'PO', ?2, ?3, ?4, ?5, ?6, CASE WHEN ?6 IS NULL THEN NULL ELSE '岩崎 美紀' END, ?7, ?7)",
                rusqlite::params![id, if k == 0 { "meeting" } else { "site_visit" }, body, on, follow_up, done, format!("{on}T10:00:00.000Z")],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO note_fts (rowid, body) VALUES (last_insert_rowid(), ?1)",
                [seedline::text::search_fold(&body)],
            )
            .unwrap();
        }
    }
    conn.execute_batch(
        "INSERT INTO stage_gate (project_id, gate, decided_on, decision, note, recorded_by, created_at) VALUES
           (3, 'SG2', '2025-10-01', 'go', '評価委員会にてGo判定', '大野 恵子', '2025-10-01T00:00:00.000Z'),
           (8, 'SG3', '2026-06-01', 'no_go', '有効性データ不十分', '大野 恵子', '2026-06-01T00:00:00.000Z');
         INSERT INTO highway_flag (project_id, target_program_id, status, reason, competitive_advantage, competitive_note,
           ip_portfolio, ip_note, evidence_data, evidence_note, flagged_by, created_at, updated_at, decided_at, decision_note) VALUES
           (3, (SELECT id FROM program WHERE code = 'venture-eco'), 'recommended', '非臨床POC取得済み', 'sufficient', '競合に先行',
            'partial', '用途特許出願中', 'sufficient', '2施設で再現', '岩崎 美紀', '2026-03-01T09:00:00.000Z', '2026-04-01T09:00:00.000Z', NULL, ''),
           (2, (SELECT id FROM program WHERE code = 'device-dev'), 'candidate', '臨床ニーズが明確', 'not_assessed', '',
            'not_assessed', '', 'partial', '', '野口 健太', '2026-09-01T09:00:00.000Z', '2026-09-01T09:00:00.000Z', NULL, ''),
           (9, (SELECT id FROM program WHERE code = 'bridge'), 'candidate', '基礎データ良好', 'partial', '',
            'insufficient', '出願前', 'partial', '', '野口 健太', '2025-12-01T09:00:00.000Z', '2025-12-01T09:00:00.000Z', NULL, ''),
           (4, (SELECT id FROM program WHERE code = 'bridge'), 'declined', '知財不十分', 'partial', '',
            'insufficient', '', 'partial', '', '岩崎 美紀', '2025-06-01T09:00:00.000Z', '2025-09-01T09:00:00.000Z', '2025-09-01T09:00:00.000Z', '知財ポートフォリオ不十分のため見送り');
         INSERT INTO highway_flag_event (flag_id, from_status, to_status, moved_by, moved_at, reason) VALUES
           (1, NULL, 'candidate', '岩崎 美紀', '2026-03-01T09:00:00.000Z', '伴走支援で有望性を確認'),
           (1, 'candidate', 'recommended', '大野 恵子', '2026-04-01T09:00:00.000Z', '推薦書を送付'),
           (2, NULL, 'candidate', '野口 健太', '2026-09-01T09:00:00.000Z', ''),
           (3, NULL, 'candidate', '野口 健太', '2025-12-01T09:00:00.000Z', ''),
           (4, NULL, 'candidate', '岩崎 美紀', '2025-06-01T09:00:00.000Z', ''),
           (4, 'candidate', 'declined', '大野 恵子', '2025-09-01T09:00:00.000Z', '知財不十分');
         INSERT INTO outcome (project_id, kind, occurred_on, product_name, detail) VALUES
           (5, 'regulatory_approval', '2026-02-01', 'テスト承認品', 'テスト承認品：適応'),
           (3, 'paper', '2025-05-01', NULL, '原著論文');",
    )
    .unwrap();
    path
}

/// Builds the fixture database at `name` in `home` and opens it with `actor` as the audit actor.
pub fn open(home: &Home, name: &str, actor: &str) -> Store {
    let path = build(home, name);
    let mut store = Store::open(&path, seedline::store::OpenOptions { create: false }).unwrap();
    store.set_actor(actor);
    store
}

/// A copy of the fixture database `base` (built once with [`build`]) at `name`, opened with
/// `actor` as the audit actor: many fresh fixtures for the price of one.
pub fn open_copy(home: &Home, base: &std::path::Path, name: &str, actor: &str) -> Store {
    let conn = super::raw(base);
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    drop(conn);
    let path = home.path(name);
    std::fs::copy(base, &path).unwrap();
    let mut store = Store::open(&path, seedline::store::OpenOptions { create: false }).unwrap();
    store.set_actor(actor);
    store
}

/// A project the fixture does not hold (for inserts and imports), in 医薬品 / 基礎.
pub fn new_project(amed_id: &str, title: &str) -> NewProject {
    NewProject {
        amed_id: amed_id.into(),
        title: title.into(),
        summary: "監査用の課題".into(),
        pi_name: "試験 太郎".into(),
        pi_title: "教授".into(),
        institution: "東京大学".into(),
        program: "bridge".into(),
        integrated_project: "drug".into(),
        modality: Modality::ALL[0],
        phase: Phase::Basic,
        start_date: parse_date("2024-04-01").unwrap(),
        end_date: parse_date("2027-03-31"),
        budget_total_kyen: Some(1_000),
        partner_company: None,
        licensing_status: LicensingStatus::None,
        disease_areas: vec!["cancer".into()],
    }
}
