//! Issue 14, figures that agree, on small databases with figures worked out by hand: the funnel's
//! medians per fiscal-year cohort, overlapping periods counted per PI (an institution counts its
//! PIs), 総配分額 against 年度別計 in the PI overview, and stage-gate decisions corrected, deleted
//! and restored (store, audit rows, the scheduled gate they settle, `seedline gate …`).

use crate::common::{Home, fixture, today};
use seedline::model::{
    Author, DeadlineKind, FiscalYear, GateDecision, NewDeadline, NewGate, Phase, PhaseMove, PiKey,
    parse_date,
};
use seedline::query::Filter;
use seedline::store::Store;

fn date(s: &str) -> seedline::model::Date {
    parse_date(s).unwrap()
}

fn author() -> Author {
    Author::new(Some("岩崎 美紀"), Some("PO"), "iwasaki")
}

fn me() -> seedline::model::Scope {
    seedline::model::Scope::new(today(), "岩崎美紀")
}

#[test]
fn funnel_medians_are_each_fiscal_years_own_cohort() {
    let home = Home::new();
    let mut s = fixture::open(&home, "f.db", "tester");
    // 基礎 projects of the fixture (in 基礎 since 2024-04-01) leave it on these days.
    let mv = |to, on: &str| PhaseMove {
        to,
        on: date(on),
        reason: String::new(),
    };
    for (project, on) in [
        (1, "2024-10-01"),  // 183 days, FY2024
        (6, "2025-01-15"),  // 289 days, FY2024
        (11, "2025-05-01"), // 395 days, FY2025
        (16, "2026-01-31"), // 670 days, FY2025
        (21, "2025-04-01"), // 365 days, FY2025
    ] {
        s.move_phase(project, None, &mv(Phase::Applied, on), &author())
            .unwrap();
    }
    // Project 1 leaves 応用 after 243 days, in FY2025.
    s.move_phase(1, None, &mv(Phase::NonClinical, "2025-06-01"), &author())
        .unwrap();
    let step = |year: i32, phase: Phase| {
        let f = s
            .funnel(FiscalYear(year), &Filter::default(), &me())
            .unwrap();
        let st = f.steps[phase.index()];
        (st.median_days, st.stays)
    };
    assert_eq!(step(2024, Phase::Basic), (Some(236), 2), "183 and 289");
    assert_eq!(step(2025, Phase::Basic), (Some(395), 3), "365, 395 and 670");
    assert_eq!(
        step(2026, Phase::Basic),
        (None, 0),
        "no stay ended in FY2026"
    );
    assert_eq!(step(2024, Phase::Applied), (None, 0));
    assert_eq!(step(2025, Phase::Applied), (Some(243), 1));
    // Each integrated project's table is the year's cohort too.
    let f24 = s
        .funnel(FiscalYear(2024), &Filter::default(), &me())
        .unwrap();
    let f25 = s
        .funnel(FiscalYear(2025), &Filter::default(), &me())
        .unwrap();
    let stays = |f: &seedline::model::Funnel| -> i64 {
        f.by_integrated_project
            .iter()
            .map(|p| p.median_days[Phase::Basic.index()].1)
            .sum()
    };
    assert_eq!((stays(&f24), stays(&f25)), (2, 3));
    assert_ne!(f24.by_integrated_project, f25.by_integrated_project);
}

/// Six projects of one institution: 山田 太郎's three (two overlapping pairs: A1-A2 in March 2025,
/// A2-A3; A1 ends the day before A3 starts), 鈴木 花子's two one after the other (the second
/// open-ended), and 佐藤 一郎's one. Every project runs at once with some other PI's.
fn institution(home: &Home) -> Store {
    let mut s = home.store("pi.db");
    s.set_actor("tester");
    let add = |s: &mut Store, id: &str, pi: &str, from: &str, to: Option<&str>, total| {
        let mut p = fixture::new_project(id, "重複の検査");
        p.pi_name = pi.into();
        p.institution = "東都大学".into();
        p.start_date = date(from);
        p.end_date = to.map(date);
        p.budget_total_kyen = total;
        s.insert_project(&p).unwrap()
    };
    let a1 = add(
        &mut s,
        "JP24a1",
        "山田 太郎",
        "2024-04-01",
        Some("2025-03-31"),
        Some(14_500),
    );
    add(
        &mut s,
        "JP24a2",
        "山田太郎",
        "2025-03-01",
        Some("2026-03-31"),
        None,
    );
    add(
        &mut s,
        "JP25a3",
        "山田　太郎",
        "2025-04-01",
        Some("2026-03-31"),
        Some(9_000),
    );
    add(
        &mut s,
        "JP24b1",
        "鈴木 花子",
        "2024-04-01",
        Some("2027-03-31"),
        Some(30_000),
    );
    add(
        &mut s,
        "JP27b2",
        "鈴木 花子",
        "2027-04-01",
        None,
        Some(1_000),
    );
    add(
        &mut s,
        "JP24c1",
        "佐藤 一郎",
        "2024-04-01",
        Some("2026-03-31"),
        Some(5_000),
    );
    s.set_budget(a1, FiscalYear(2024), 14_775).unwrap();
    s
}

#[test]
fn overlaps_pair_projects_of_one_pi_and_an_institution_counts_its_pis() {
    let home = Home::new();
    let s = institution(&home);
    let day = date("2025-03-15");
    let inst = s
        .pi_overview(&PiKey::Institution("東都大学".into()), day)
        .unwrap();
    assert_eq!(inst.projects.len(), 6);
    assert_eq!(
        inst.overlapping_pairs, 2,
        "A1-A2 and A2-A3, nothing across PIs"
    );
    assert_eq!(inst.pis_overlapping, 1, "only 山田 太郎");
    let marked: Vec<&str> = inst
        .projects
        .iter()
        .filter(|p| p.overlaps)
        .map(|p| p.amed_id.as_str())
        .collect();
    assert_eq!(marked, ["JP24a1", "JP24a2", "JP25a3"]);
    let yamada = s.pi_overview(&PiKey::Pi("山田太郎".into()), day).unwrap();
    assert_eq!(yamada.projects.len(), 3, "spaces of either width ignored");
    assert_eq!((yamada.overlapping_pairs, yamada.pis_overlapping), (2, 1));
    let suzuki = s.pi_overview(&PiKey::Pi("鈴木 花子".into()), day).unwrap();
    assert_eq!(suzuki.overlapping_pairs, 0, "one after the other");
    // 総配分額: the recorded totals (A2 has none); 年度別計: the allocation rows.
    assert_eq!(yamada.budget_total_kyen, 23_500);
    assert_eq!(yamada.budget_total_missing, 1);
    assert_eq!(yamada.allocated_kyen, 14_775);
    assert_eq!(yamada.budget_this_year_kyen, 14_775, "FY2024 on 2025-03-15");
    let a1 = &yamada.projects[0];
    assert_eq!(
        (a1.budget_total_kyen, a1.allocated_kyen),
        (Some(14_500), 14_775)
    );
    assert_eq!(yamada.projects[1].budget_total_kyen, None);
}

fn audit(path: &std::path::Path) -> Vec<(String, String)> {
    let conn = crate::common::raw(path);
    let mut stmt = conn
        .prepare("SELECT action, detail FROM audit_log WHERE action LIKE 'gate.%' ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn a_gate_decision_is_corrected_on_its_version_deleted_and_restored_with_audit_rows() {
    let home = Home::new();
    let path = fixture::build(&home, "g.db");
    let mut s = Store::open(&path, seedline::store::OpenOptions { create: false }).unwrap();
    s.set_actor("iwasaki");
    let scheduled = s
        .add_deadline(
            5,
            &NewDeadline {
                kind: DeadlineKind::StageGate,
                title: "SG2".into(),
                due_on: date("2026-12-10"),
            },
            &author(),
        )
        .unwrap();
    let open_deadlines = |s: &Store| {
        s.due_items(None, None)
            .unwrap()
            .iter()
            .filter(|i| i.project_id == 5 && i.note_id().is_none())
            .count()
    };
    assert_eq!(open_deadlines(&s), 1);
    let recorded = NewGate {
        gate: "SG2".into(),
        decided_on: date("2026-11-20"),
        decision: GateDecision::NoGo,
        note: "有効性データ不足".into(),
    };
    let id = s.add_gate(5, &recorded, &author()).unwrap();
    assert_eq!(
        open_deadlines(&s),
        0,
        "the decision settles the scheduled gate"
    );
    let (g, deleted) = s.gate(id).unwrap();
    assert_eq!(
        (g.version, deleted, g.gate.clone()),
        (1, false, recorded.clone())
    );

    // Corrected: No-Go was a slip for 条件付きGo, on the 21st.
    let corrected = NewGate {
        decision: GateDecision::Conditional,
        decided_on: date("2026-11-21"),
        ..recorded.clone()
    };
    let back = s.edit_gate(id, Some(1), &corrected, &author()).unwrap();
    assert_eq!(back, recorded, "what it was, for undo");
    assert_eq!(s.gate(id).unwrap().0.version, 2);
    assert_eq!(s.gates(5).unwrap()[0].gate, corrected);
    // A second session still on version 1 is refused; nothing changes.
    let stale = NewGate {
        decision: GateDecision::Go,
        ..recorded.clone()
    };
    let err = s.edit_gate(id, Some(1), &stale, &author()).unwrap_err();
    assert!(matches!(err, seedline::Error::Conflict { .. }), "{err}");
    assert_eq!(s.gates(5).unwrap()[0].gate, corrected);
    assert!(
        s.edit_gate(id, Some(2), &corrected, &author()).is_err(),
        "nothing to change"
    );
    // The detail shows the corrected decision.
    let detail = s.project_detail(5).unwrap();
    let shown: Vec<_> = detail.gates.iter().map(|g| (g.id, g.decision)).collect();
    assert_eq!(shown, [(id, GateDecision::Conditional)]);

    // Deleted (recorded on the wrong project): off the detail, the scheduled gate open again.
    assert!(
        s.delete_gate(id, Some(1), &author()).is_err(),
        "stale version"
    );
    assert_eq!(
        s.delete_gate(id, Some(2), &author()).unwrap(),
        Some(scheduled)
    );
    assert!(s.gates(5).unwrap().is_empty());
    assert!(s.project_detail(5).unwrap().gates.is_empty());
    assert_eq!(open_deadlines(&s), 1);
    assert!(
        s.delete_gate(id, None, &author()).is_err(),
        "already deleted"
    );
    // Restored: back, the scheduled gate settled again.
    s.restore_gate(id).unwrap();
    assert_eq!(s.gates(5).unwrap()[0].gate, corrected);
    assert_eq!(open_deadlines(&s), 0);

    let rows = audit(&path);
    let actions: Vec<&str> = rows.iter().map(|(a, _)| a.as_str()).collect();
    assert_eq!(
        actions,
        ["gate.add", "gate.edit", "gate.delete", "gate.restore"]
    );
    let edit: serde_json::Value = serde_json::from_str(&rows[1].1).unwrap();
    assert_eq!(edit["decision"], "no_go › conditional");
    assert_eq!(edit["decided_on"], "2026-11-20 › 2026-11-21");
    assert_eq!(edit["gate"], "SG2");
    assert!(
        !rows.iter().any(|(_, d)| d.contains("有効性データ不足")),
        "the note's text stays out of the log"
    );
}

#[test]
fn seedline_gate_list_edit_delete_and_restore() {
    let home = Home::new();
    fixture::build(&home, "c.db");
    std::fs::create_dir_all(home.path("config")).unwrap();
    std::fs::write(
        home.path("config/config.toml"),
        "[officer]\nname = \"岩崎 美紀\"\nrole = \"PO\"\n",
    )
    .unwrap();
    let run = |args: &[&str]| {
        let out = home.seedline().args(args).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout).to_string()
            + &String::from_utf8_lossy(&out.stderr);
        (out.status.success(), text)
    };
    let db = "c.db";
    let (ok, out) = run(&[
        "--db",
        db,
        "gate",
        "add",
        "JP25fx0000005",
        "--gate",
        "SG1",
        "--decision",
        "no-go",
        "--date",
        "2026-11-20",
    ]);
    assert!(ok, "{out}");
    let (ok, out) = run(&["--db", db, "gate", "list", "JP25fx0000005"]);
    assert!(
        ok && out.contains("#3  v1  2026-11-20  SG1  No-Go"),
        "{out}"
    );
    let (ok, out) = run(&["--db", db, "gate", "edit", "3", "--decision", "go"]);
    assert!(
        ok && out.contains("ステージゲート判定 #3 を訂正しました（版 2）"),
        "{out}"
    );
    let (ok, out) = run(&[
        "--db",
        db,
        "gate",
        "edit",
        "3",
        "--date",
        "2026-11-21",
        "--version",
        "1",
    ]);
    assert!(
        !ok && out.contains("ステージゲート判定 #3 は読み込んだ後に"),
        "a stale version: {out}"
    );
    let (_, out) = run(&["--db", db, "gate", "list", "JP25fx0000005"]);
    assert!(out.contains("#3  v2  2026-11-20  SG1  Go"), "{out}");
    let (ok, out) = run(&["--db", db, "gate", "delete", "3"]);
    assert!(ok && out.contains("gate restore 3"), "{out}");
    let (_, out) = run(&["--db", db, "gate", "list", "JP25fx0000005"]);
    assert!(
        out.contains("ステージゲート判定の記録はありません"),
        "{out}"
    );
    let (ok, out) = run(&["--db", db, "gate", "restore", "3"]);
    assert!(ok, "{out}");
    let (_, out) = run(&["--db", db, "gate", "list", "JP25fx0000005"]);
    assert!(out.contains("#3  v4  2026-11-20  SG1  Go"), "{out}");
}
