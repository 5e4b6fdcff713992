//! The gaps between programs (切れ目) from a real database: exact figures of a small fixture
//! (gaps, median, worst, share seamless, time from 基礎 to 実用化, 基礎 taken from the phase
//! history or from the start of a project without one), the same figures printed by
//! `seedline show seamless` in both languages, and the demo's chains.

use crate::common::{Home, raw};
use seedline::model::{
    GapKey, LicensingStatus, LineageKind, Modality, NewProject, Phase, parse_date,
};
use seedline::store::Store;

fn d(s: &str) -> seedline::model::Date {
    parse_date(s).unwrap()
}

fn project(amed_id: &str, program: &str, phase: Phase, start: &str, end: &str) -> NewProject {
    NewProject {
        amed_id: amed_id.into(),
        title: format!("{amed_id} の研究開発"),
        summary: String::new(),
        pi_name: "試験 太郎".into(),
        pi_title: "教授".into(),
        institution: "東京大学".into(),
        program: program.into(),
        integrated_project: "drug".into(),
        modality: Modality::Drug,
        phase,
        start_date: d(start),
        end_date: Some(d(end)),
        budget_total_kyen: None,
        partner_company: None,
        licensing_status: LicensingStatus::None,
        disease_areas: Vec::new(),
    }
}

/// Two seeds: A (CREST, 基礎 in its history) > B (bridge, seamless) > C (cancer, 91 days later,
/// 実用化 on 2025-06-10); D (CREST, no history: its start counts) > E (bridge, 28 days later).
fn fixture(home: &Home) -> (Store, std::path::PathBuf) {
    let path = home.path("s.db");
    let mut store = home.store("s.db");
    let ids = store
        .bulk_load("test", |l| {
            let a = l.project(
                &project(
                    "JP18cr0100001",
                    "crest",
                    Phase::Basic,
                    "2018-04-01",
                    "2021-03-31",
                ),
                &[(Phase::Basic, d("2018-04-01"))],
            )?;
            let b = l.project(
                &project(
                    "JP21br0100002",
                    "bridge",
                    Phase::NonClinical,
                    "2021-04-01",
                    "2023-03-31",
                ),
                &[(Phase::NonClinical, d("2021-04-01"))],
            )?;
            let c = l.project(
                &project(
                    "JP23ca0100003",
                    "cancer-practical",
                    Phase::Practical,
                    "2023-07-01",
                    "2026-03-31",
                ),
                &[
                    (Phase::Clinical, d("2023-07-01")),
                    (Phase::Practical, d("2025-06-10")),
                ],
            )?;
            Ok(((a, b, c), serde_json::Value::Null))
        })
        .unwrap();
    let (a, b, c) = ids;
    let dd = store
        .insert_project(&project(
            "JP19cr0100004",
            "crest",
            Phase::Basic,
            "2019-04-01",
            "2022-03-31",
        ))
        .unwrap();
    let e = store
        .insert_project(&project(
            "JP22br0100005",
            "bridge",
            Phase::Applied,
            "2022-04-29",
            "2024-03-31",
        ))
        .unwrap();
    store
        .link_lineage(a, b, LineageKind::Matching, None)
        .unwrap();
    store
        .link_lineage(b, c, LineageKind::Matching, None)
        .unwrap();
    store
        .link_lineage(dd, e, LineageKind::Matching, None)
        .unwrap();
    // Refused links change nothing: a cycle and a self-link.
    assert!(
        store
            .link_lineage(c, a, LineageKind::OpenCall, None)
            .is_err()
    );
    assert!(
        store
            .link_lineage(a, a, LineageKind::OpenCall, None)
            .is_err()
    );
    (store, path)
}

#[test]
fn the_fixture_gives_exact_gaps_medians_and_seed_times() {
    let home = Home::new();
    let (store, _) = fixture(&home);
    let s = store.seamless().unwrap();
    let t = &s.total;
    // Gaps 0, 91 and 28 days.
    assert_eq!((t.handovers, t.measured, t.seamless), (3, 3, 1));
    assert_eq!((t.median_gap, t.worst_gap), (Some(28.0), Some(91)));
    assert_eq!(t.decided, 0);
    let crest_bridge = &s.pairs[0];
    assert!(
        matches!(&crest_bridge.key, GapKey::Pair { from, to } if from.0 == "革新的先端研究開発支援事業" && to.0 == "橋渡し研究プログラム"),
        "{:?}",
        crest_bridge.key
    );
    assert_eq!(crest_bridge.handovers, 2);
    assert_eq!(
        (crest_bridge.median_gap, crest_bridge.worst_gap),
        (Some(14.0), Some(28))
    );
    assert_eq!(crest_bridge.successors, ["JP21br0100002", "JP22br0100005"]);
    assert_eq!(s.years.len(), 3, "FY2021, FY2022, FY2023");
    assert_eq!(s.seeds.len(), 2);
    assert_eq!(s.seeds[0].root, "JP18cr0100001");
    assert_eq!(s.seeds[0].days(), Some(2627), "2018-04-01 to 2025-06-10");
    assert_eq!(
        s.seeds[1].basic_on,
        Some(d("2019-04-01")),
        "the start, no history"
    );
    assert_eq!(s.seeds[1].practical_on, None);
    let links: i64 = raw(&home.path("s.db"))
        .query_row("SELECT count(*) FROM project_lineage", [], |r| r.get(0))
        .unwrap();
    assert_eq!(links, 3, "the refused links wrote nothing");
}

fn show(home: &Home, db: &std::path::Path, args: &[&str]) -> String {
    let out = home
        .seedline()
        .args([
            "show",
            "seamless",
            "--db",
            db.to_str().unwrap(),
            "--width",
            "100",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn show_seamless_prints_the_figures_of_the_screen() {
    let home = Home::new();
    let (store, db) = fixture(&home);
    drop(store);
    let ja = show(&home, &db, &[]);
    assert!(
        ja.contains("引継ぎ 3 | 切れ目なし 33% (1/3) | 旗›判断 中央値(日) - (0)")
            && ja.contains("切れ目 中央値(日) 28 | 最長(日) 91 |"),
        "{ja}"
    );
    let row = ja
        .lines()
        .find(|l| l.contains("革新的先端研究開発支援事業 › 橋渡し研究プログラム"))
        .unwrap();
    let words: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(
        words[words.len() - 5..],
        ["2", "14", "28", "50%", "-"],
        "{row}"
    );
    let en = show(&home, &db, &["--lang", "en", "--view", "seeds"]);
    assert!(
        en.contains("seeds from basic to practical 1/2 | median days 2,627"),
        "{en}"
    );
    let seed = en.lines().find(|l| l.contains("JP18cr0100001")).unwrap();
    assert!(
        seed.trim_end().ends_with("2018-04-01 2025-06-10   2,627"),
        "{seed}"
    );
    let years = show(&home, &db, &["--view", "years"]);
    assert!(years.contains("2022年度"), "{years}");
    let bad = home
        .seedline()
        .args([
            "show",
            "seamless",
            "--db",
            db.to_str().unwrap(),
            "--view",
            "pair-ish",
        ])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("表示の種類ではありません"));
}

#[test]
fn demo_lineage_joins_linked_programs_forward_in_time() {
    let home = Home::new();
    let mut store = home.store("demo.db");
    let options = seedline::demo::DemoOptions {
        notes: 10,
        ..seedline::demo::DemoOptions::new(crate::common::today())
    };
    let summary = seedline::demo::generate(&mut store, &options, &mut |_, _, _| {}).unwrap();
    assert!(summary.lineage >= 20, "{summary:?}");
    let conn = raw(&home.path("demo.db"));
    // Every link joins programs linked by a pairing or matching, or is open-call or highway.
    let unlinked: i64 = conn
        .query_row(
            "SELECT count(*) FROM project_lineage l
               JOIN project p ON p.id = l.predecessor_id JOIN project s ON s.id = l.successor_id
              WHERE l.kind IN ('pairing', 'matching')
                AND NOT EXISTS (SELECT 1 FROM program_link g
                                 WHERE g.preceding_program_id = p.program_id
                                   AND g.successor_program_id = s.program_id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(unlinked, 0);
    // No successor starts before its predecessor did; a pairing or matching starts after the
    // predecessor ended; a highway link carries its flag.
    let backwards: i64 = conn
        .query_row(
            "SELECT count(*) FROM project_lineage l
               JOIN project p ON p.id = l.predecessor_id JOIN project s ON s.id = l.successor_id
              WHERE s.start_date <= p.start_date
                 OR (l.kind <> 'highway' AND s.start_date <= p.end_date)
                 OR (l.kind = 'highway') <> (l.flag_id IS NOT NULL)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(backwards, 0);
    let s = store.seamless().unwrap();
    assert!(
        s.total.seamless > 0 && s.total.seamless < s.total.measured,
        "some seamless, some not"
    );
    assert!(s.total.worst_gap.unwrap() >= 30, "gaps of months");
    assert!(s.total.decided > 0, "highway links with their decision");
    // The eight real approvals: each the end of a chain from 基礎.
    let (reached, _) = s.seeds_to_practical();
    assert!(reached >= 8, "{reached}");
}
