//! The demo generator: deterministic, realistic, with the eight real approvals.

use crate::common::{Home, raw, today};
use seedline::demo::{DemoOptions, generate};
use seedline::model::{AgingBucket, DueSource, FiscalYear, officer_key, parse_date};

fn small(seed: u64) -> DemoOptions {
    DemoOptions {
        projects: 300,
        notes: 900,
        flags: 60,
        seed,
        anchor: today(),
    }
}

/// Every project's id, title, phase, PI and program, and every note's body and date, in order.
fn dump(path: &std::path::Path) -> Vec<String> {
    let conn = raw(path);
    let mut out = Vec::new();
    for sql in [
        "SELECT amed_id || '|' || title || '|' || phase || '|' || pi_name || '|' || program_id FROM project ORDER BY id",
        "SELECT project_id || '|' || kind || '|' || occurred_on || '|' || body FROM note ORDER BY id",
        "SELECT project_id || '|' || status || '|' || target_program_id FROM highway_flag ORDER BY id",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        out.extend(
            stmt.query_map([], |r| r.get::<_, String>(0))
                .unwrap()
                .map(Result::unwrap),
        );
    }
    out
}

/// Every budget, deadline, link and watch row, all columns, in order.
fn portfolio_dump(path: &std::path::Path) -> Vec<String> {
    let conn = raw(path);
    let mut out = Vec::new();
    for sql in [
        "SELECT project_id || '|' || fiscal_year || '|' || amount_kyen FROM budget_allocation ORDER BY 1",
        "SELECT concat_ws('|', id, project_id, kind, title, due_on, done_on, done_by, created_by, created_at)
         FROM deadline ORDER BY id",
        "SELECT concat_ws('|', id, project_id, flag_id, target, label, kind, dated_on, sha256, added_by, added_at)
         FROM attachment ORDER BY id",
        "SELECT concat_ws('|', officer, project_id, added_at) FROM watch ORDER BY 1",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        out.extend(
            stmt.query_map([], |r| r.get::<_, String>(0))
                .unwrap()
                .map(Result::unwrap),
        );
    }
    out
}

#[test]
fn the_same_seed_gives_the_same_database_and_another_seed_does_not() {
    let home = Home::new();
    for (name, seed) in [("a.db", 7), ("b.db", 7), ("c.db", 8)] {
        let mut store = home.store(name);
        generate(&mut store, &small(seed), &mut |_, _, _| {}).unwrap();
    }
    let (a, b, c) = (
        dump(&home.path("a.db")),
        dump(&home.path("b.db")),
        dump(&home.path("c.db")),
    );
    assert_eq!(a.len(), 300 + 900 + 60);
    assert_eq!(a, b);
    assert_ne!(a, c);
    // Budgets, deadlines (timestamps included), links and the watch list too.
    let (a, b, c) = (
        portfolio_dump(&home.path("a.db")),
        portfolio_dump(&home.path("b.db")),
        portfolio_dump(&home.path("c.db")),
    );
    assert!(a.len() > 300 * 4, "budgets and deadlines for every project");
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn every_project_has_a_budget_for_each_fiscal_year_summing_near_its_total() {
    let home = Home::new();
    let mut store = home.store("g.db");
    let summary = generate(&mut store, &small(5), &mut |_, _, _| {}).unwrap();
    let conn = raw(&home.path("g.db"));
    let mut stmt = conn
        .prepare(
            "SELECT p.amed_id, p.start_date, p.end_date, p.budget_total_kyen,
               coalesce((SELECT group_concat(fiscal_year) FROM
                 (SELECT fiscal_year FROM budget_allocation b WHERE b.project_id = p.id ORDER BY 1)), ''),
               coalesce((SELECT sum(amount_kyen) FROM budget_allocation b WHERE b.project_id = p.id), 0)
             FROM project p ORDER BY p.id",
        )
        .unwrap();
    let rows: Vec<(String, String, String, i64, String, i64)> = stmt
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
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 300);
    let cap = FiscalYear::of(today()).0 + 1;
    let mut written = 0;
    for (amed_id, start, end, total, years, sum) in rows {
        let first = FiscalYear::of(parse_date(&start).unwrap()).0;
        let last = FiscalYear::of(parse_date(&end).unwrap()).0.min(cap);
        let expected: Vec<String> = (first..=last).map(|y| y.to_string()).collect();
        assert_eq!(years, expected.join(","), "{amed_id}: {start}..{end}");
        let ratio = sum as f64 / total as f64;
        assert!(
            (0.8..=1.2).contains(&ratio),
            "{amed_id}: allocations sum to {sum} of {total} 千円"
        );
        written += expected.len();
    }
    assert_eq!(summary.budgets, written);
}

/// Open deadlines on the due board as of `anchor`, per bucket (most urgent first), and their kinds.
fn deadline_buckets(
    store: &seedline::store::Store,
    anchor: seedline::model::Date,
) -> ([usize; 4], std::collections::BTreeSet<String>) {
    let until = anchor.checked_add_days(chrono::Days::new(30)).unwrap();
    let mut counts = [0; 4];
    let mut kinds = std::collections::BTreeSet::new();
    for item in store.due_items(Some(until), None).unwrap() {
        let DueSource::Deadline(_, kind) = item.source else {
            continue;
        };
        assert!(
            !item.owners.is_empty(),
            "{} has officers to chase it",
            item.amed_id
        );
        let bucket = AgingBucket::of(parse_date(&item.due_on).unwrap(), anchor);
        if let Some(slot) = AgingBucket::BOARD.iter().position(|b| *b == bucket) {
            counts[slot] += 1;
            kinds.insert(format!("{kind:?}"));
        }
    }
    (counts, kinds)
}

#[test]
fn the_default_demo_fills_every_bucket_of_the_due_board_with_deadlines() {
    let home = Home::new();
    let mut store = home.store("h.db");
    let summary = generate(&mut store, &DemoOptions::new(today()), &mut |_, _, _| {}).unwrap();
    assert!(summary.deadlines > summary.projects, "{summary:?}");
    let (counts, kinds) = deadline_buckets(&store, today());
    assert!(counts.iter().all(|n| *n > 0), "{counts:?}");
    assert!(
        kinds.len() >= 3,
        "open deadlines of several kinds: {kinds:?}"
    );
    // Whatever day the demo is generated on.
    for (k, day) in ["2026-04-10", "2026-07-15", "2027-02-01"]
        .iter()
        .enumerate()
    {
        let anchor = parse_date(day).unwrap();
        let mut other = home.store(&format!("h{k}.db"));
        generate(&mut other, &DemoOptions::new(anchor), &mut |_, _, _| {}).unwrap();
        let (counts, _) = deadline_buckets(&other, anchor);
        assert!(counts.iter().all(|n| *n > 0), "{day}: {counts:?}");
    }
    let conn = raw(&home.path("h.db"));
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(count("SELECT count(DISTINCT kind) FROM deadline"), 4);
    assert!(count("SELECT count(*) FROM deadline WHERE done_on IS NOT NULL") > 0);
    assert_eq!(
        count(
            "SELECT count(*) FROM deadline d WHERE done_by IS NOT NULL AND done_by NOT IN
               (SELECT o.name FROM project_officer po JOIN officer o ON o.id = po.officer_id
                WHERE po.project_id = d.project_id)"
        ),
        0,
        "deadlines are done by one of the project's officers"
    );
    assert_eq!(
        count(&format!(
            "SELECT count(*) FROM deadline WHERE done_on > '{}' OR created_at > '{}T99'",
            today(),
            today()
        )),
        0,
        "nothing done or registered after today"
    );
}

#[test]
fn recommended_and_accepted_flags_carry_their_recommendation_letter() {
    let home = Home::new();
    let mut store = home.store("i.db");
    let summary = generate(&mut store, &small(9), &mut |_, _, _| {}).unwrap();
    let conn = raw(&home.path("i.db"));
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert!(
        count("SELECT count(*) FROM highway_flag WHERE status IN ('recommended', 'accepted')") > 0
    );
    assert_eq!(
        count(
            "SELECT count(*) FROM highway_flag f WHERE f.status IN ('recommended', 'accepted')
               AND NOT EXISTS (SELECT 1 FROM attachment a WHERE a.flag_id = f.id AND a.project_id = f.project_id
                 AND a.kind = 'recommendation' AND a.label LIKE '推薦書%' AND a.dated_on IS NOT NULL
                 AND (a.target LIKE '/srv/amed/%' OR a.target LIKE 'https://docs.example.amed.go.jp/%'))"
        ),
        0
    );
    assert!(
        count(
            "SELECT count(*) FROM attachment WHERE flag_id IS NULL AND kind IN ('report', 'minutes')"
        ) > 0
    );
    assert!(count("SELECT count(*) FROM attachment WHERE sha256 IS NOT NULL") > 0);
    assert_eq!(
        count("SELECT count(*) FROM attachment") as usize,
        summary.attachments
    );
    // The links a recommended flag shows in the app.
    let (project_id, flag_id): (i64, i64) = conn
        .query_row(
            "SELECT project_id, id FROM highway_flag WHERE status = 'accepted' ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let links = store.attachments(project_id).unwrap();
    assert!(
        links.iter().any(|a| a.flag_id == Some(flag_id)),
        "{links:?}"
    );
}

#[test]
fn the_demo_persona_is_the_os_account_with_a_watch_list() {
    let home = Home::new();
    let mut store = home.store("j.db");
    generate(&mut store, &small(4), &mut |_, _, _| {}).unwrap();
    let login = seedline::identity::os_user();
    let (name, role) = store.officer_for_login(&login).unwrap().expect("persona");
    assert_eq!((name.as_str(), role.as_str()), ("岩崎 美紀", "PO"));
    let conn = raw(&home.path("j.db"));
    let watched: i64 = conn
        .query_row(
            "SELECT count(*) FROM watch WHERE officer = ?1",
            [officer_key(&name)],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(watched, 5);
    let me = store.me(&name).unwrap();
    assert_eq!(me.officer_ids.len(), 1);
}

#[test]
fn the_eight_real_approvals_are_at_practical_use_and_findable_by_product_name() {
    let home = Home::new();
    let mut store = home.store("d.db");
    generate(&mut store, &small(1), &mut |_, _, _| {}).unwrap();
    let conn = raw(&home.path("d.db"));
    for product in [
        "ラパリムス",
        "エザルミア",
        "ダイチロナ",
        "ユニツキシン",
        "APOA2-iTQ",
        "デリタクト",
        "シンフォリウム",
        "ビズノバ",
    ] {
        let (phase, approvals): (i64, i64) = conn
            .query_row(
                "SELECT p.phase, (SELECT count(*) FROM outcome o WHERE o.project_id = p.id AND o.kind = 'regulatory_approval')
                 FROM project p WHERE p.title LIKE '%' || ?1 || '%'",
                [product],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap_or_else(|e| panic!("{product}: {e}"));
        assert_eq!((phase, approvals), (5, 1), "{product}");
        let indexed: i64 = conn
            .query_row(
                "SELECT count(*) FROM project_fts WHERE project_fts MATCH ?1",
                [format!("\"{}\"", product.to_lowercase())],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(indexed, 1, "{product} is in the search index");
    }
}

#[test]
fn demo_data_spreads_over_every_phase_flag_status_and_integrated_project() {
    let home = Home::new();
    let mut store = home.store("e.db");
    let summary = generate(&mut store, &small(3), &mut |_, _, _| {}).unwrap();
    assert_eq!(
        (summary.projects, summary.notes, summary.flags),
        (300, 900, 60)
    );
    let conn = raw(&home.path("e.db"));
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(count("SELECT count(DISTINCT phase) FROM project"), 5);
    assert_eq!(count("SELECT count(DISTINCT status) FROM highway_flag"), 5);
    assert_eq!(count("SELECT count(DISTINCT modality) FROM project"), 5);
    assert_eq!(
        count(
            "SELECT count(DISTINCT integrated_project_id) FROM project p JOIN integrated_project i ON i.id = p.integrated_project_id WHERE i.period = 3"
        ),
        8
    );
    assert!(
        count(
            "SELECT count(*) FROM note WHERE follow_up_on < '2026-11-25' AND follow_up_done_at IS NULL"
        ) > 0
    );
    assert!(
        count("SELECT count(DISTINCT author) FROM note") >= 5,
        "notes by several named officers"
    );
    assert_eq!(
        count("SELECT count(*) FROM audit_log WHERE action = 'demo.generate'"),
        1
    );
    assert_eq!(count("SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

#[test]
fn demo_data_never_goes_into_a_database_that_holds_projects() {
    let home = Home::new();
    let mut store = home.store("f.db");
    generate(&mut store, &small(1), &mut |_, _, _| {}).unwrap();
    let err = generate(&mut store, &small(2), &mut |_, _, _| {}).unwrap_err();
    assert!(err.to_string().contains("already holds projects"), "{err}");
    assert_eq!(store.project_count().unwrap(), 300);
}

/// A demo database of 300 projects (seed 11), its path and the store on it.
fn demo(home: &Home, name: &str) -> (seedline::store::Store, std::path::PathBuf) {
    let mut store = home.store(name);
    generate(&mut store, &small(11), &mut |_, _, _| {}).unwrap();
    (store, home.path(name))
}

/// Issue 14: a demo project with phase moves, gates and a flag had an empty history, and demo
/// changes were attributed to the OS account. Every project's history now holds one line per
/// phase move, stage gate and flag it was given, each by one of the demo officers.
#[test]
fn a_demo_projects_history_holds_its_moves_gates_and_flags_by_its_officers() {
    let home = Home::new();
    let (store, path) = demo(&home, "h.db");
    let conn = raw(&path);
    let officers: Vec<String> = conn
        .prepare("SELECT name FROM officer")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let os = seedline::identity::os_user();
    let projects: Vec<(i64, i64, i64, i64)> = conn
        .prepare(
            "SELECT p.id,
                    (SELECT count(*) FROM phase_change c WHERE c.project_id = p.id AND c.from_phase IS NOT NULL),
                    (SELECT count(*) FROM stage_gate g WHERE g.project_id = p.id),
                    (SELECT count(*) FROM highway_flag f WHERE f.project_id = p.id)
             FROM project p ORDER BY p.id",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut full = 0;
    for (id, moves, gates, flags) in projects {
        let history = store.history(id).unwrap();
        let count = |action: &str| history.iter().filter(|e| e.action == action).count() as i64;
        assert_eq!(
            (count("phase.move"), count("gate.add"), count("flag.add")),
            (moves, gates, flags),
            "project {id}"
        );
        assert_eq!(count("project.create"), 1, "project {id}");
        for e in &history {
            assert!(
                officers.iter().any(|o| o == e.who()),
                "project {id}: {} by {:?}, not a demo officer",
                e.action,
                e.who()
            );
            let ja = e.text(seedline::Lang::Ja);
            assert!(!ja.contains('=') && !ja.contains('~'), "project {id}: {ja}");
        }
        if moves >= 2 && gates >= 2 && flags >= 1 {
            full += 1;
            let phases = history.iter().filter(|e| e.action == "phase.move");
            assert!(
                phases
                    .clone()
                    .all(|e| e.text(seedline::Lang::Ja).starts_with("フェーズ "))
            );
            assert!(
                phases
                    .clone()
                    .all(|e| e.text(seedline::Lang::En).starts_with("Phase "))
            );
        }
    }
    assert!(
        full > 0,
        "a project with two phase moves, two gates and a flag"
    );
    let by_os: i64 = conn
        .query_row(
            "SELECT count(*) FROM phase_change WHERE changed_by = ?1",
            [&os],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(by_os, 0, "phase changes are by the project's PS, not {os}");
    // Newest first: by the day each change stands for.
    let history = store.history(1).unwrap();
    assert!(
        history.windows(2).all(|w| w[0].at >= w[1].at),
        "{history:?}"
    );
}

/// Issue 14: a 基礎 project's notes spoke of 臨床試験の実施計画書. Notes fit the phase the project
/// was in: no project still in 基礎 or 応用 has a note about a clinical trial, cases or
/// post-marketing; no 実用化 project is told about its non-clinical test plan.
#[test]
fn demo_notes_fit_the_phase() {
    let home = Home::new();
    let (_, path) = demo(&home, "n.db");
    let conn = raw(&path);
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    let early = count(
        "SELECT count(*) FROM note n JOIN project p ON p.id = n.project_id
         WHERE p.phase <= 2 AND (replace(n.body, '非臨床', '') LIKE '%臨床試験%'
           OR n.body LIKE '%治験%' OR n.body LIKE '%症例%' OR n.body LIKE '%市販後%'
           OR n.body LIKE '%GMP%')",
    );
    assert_eq!(early, 0, "clinical words in notes of 基礎 / 応用 projects");
    let basic_notes = count(
        "SELECT count(*) FROM note n JOIN project p ON p.id = n.project_id WHERE p.phase = 1",
    );
    assert!(basic_notes > 50, "{basic_notes} notes on 基礎 projects");
    let practical = count(
        "SELECT count(*) FROM note n JOIN project p ON p.id = n.project_id
         WHERE p.phase = 5 AND n.occurred_on >= (SELECT max(c.changed_on) FROM phase_change c
           WHERE c.project_id = p.id) AND n.body LIKE '%非臨床試験計画%'",
    );
    assert_eq!(practical, 0, "test plans in notes written at 実用化");
}

/// Issue 14: `area:がん` listed 小児用補助人工心臓. Every project in がん names a cancer in its title.
#[test]
fn every_demo_project_in_the_cancer_area_names_a_cancer() {
    let home = Home::new();
    let (_, path) = demo(&home, "c.db");
    let conn = raw(&path);
    let titles: Vec<String> = conn
        .prepare(
            "SELECT p.title FROM project p JOIN project_disease_area x ON x.project_id = p.id
             JOIN disease_area d ON d.id = x.disease_area_id WHERE d.code = 'cancer'",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(titles.len() > 20, "{} cancer projects", titles.len());
    let cancer = [
        "がん",
        "癌",
        "腫瘍",
        "白血病",
        "リンパ腫",
        "芽腫",
        "膠腫",
        "肉腫",
    ];
    for title in &titles {
        assert!(
            cancer.iter().any(|k| title.contains(k)),
            "in がん without a cancer in its title: {title}"
        );
    }
    let hearts: i64 = conn
        .query_row(
            "SELECT count(*) FROM project p JOIN project_disease_area x ON x.project_id = p.id
             JOIN disease_area d ON d.id = x.disease_area_id
             WHERE d.code = 'cancer' AND (p.title LIKE '%心%' AND p.title NOT LIKE '%がん%')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(hearts, 0);
}

/// Issue 14: an approved product had an annual report 1,648 days overdue. No open deadline of a
/// project at 実用化 or licensed out is more than 90 days overdue, and none at all more than a
/// year; the due board still has items in its oldest bucket.
#[test]
fn demo_deadlines_of_settled_projects_are_not_long_overdue() {
    let home = Home::new();
    let (_, path) = demo(&home, "d.db");
    let conn = raw(&path);
    let today = today();
    let count = |sql: &str, days: i64| -> i64 {
        let limit = today - chrono::Days::new(days as u64);
        conn.query_row(sql, [limit.to_string()], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(
        count(
            "SELECT count(*) FROM deadline d JOIN project p ON p.id = d.project_id
             WHERE d.done_on IS NULL AND d.due_on < ?1
               AND (p.phase = 5 OR p.licensing_status IN ('license', 'assignment', 'joint_development'))",
            90
        ),
        0
    );
    assert_eq!(
        count(
            "SELECT count(*) FROM deadline WHERE done_on IS NULL AND due_on < ?1",
            365
        ),
        0
    );
    assert!(
        count(
            "SELECT count(*) FROM deadline WHERE done_on IS NULL AND due_on < ?1",
            61
        ) > 0,
        "the due board's oldest bucket has items"
    );
}
