//! Portfolio analytics on the fixture, with figures worked out by hand: my portfolio and watch
//! list, fiscal-year budgets (pivot and dashboard sums), time in phase and the funnel, the due
//! board's aging buckets, the PI overview and attachments.
//!
//! The fixture: 45 projects, all started 2024-04-01 (so in their phase since then), phases
//! 基礎..実用化 in turn; 大野 恵子 (PS) on every project, 岩崎 美紀 (PO) on even ids, 野口 健太 (PO)
//! on odd ones; follow-ups by 岩崎 美紀 on projects 1–5 (1: 11-01, 2: 11-20, 3: 11-25,
//! 4: 12-20, 5: done). Today is 2026-11-25.

use crate::common::{Home, fixture, today};
use seedline::model::{
    AgingBucket, AttachmentKind, Author, BudgetRows, DeadlineKind, FiscalYear, NewAttachment,
    NewDeadline, Phase, PhaseMove, PiKey, Scope, Sort, due_board, parse_date,
};
use seedline::model::{MatrixOptions, Pivot};
use seedline::query::{Filter, resolve};
use seedline::store::Store;

fn open() -> (Home, Store) {
    let home = Home::new();
    let path = fixture::build(&home, "p.db");
    let store = Store::open(&path, seedline::store::OpenOptions { create: false }).unwrap();
    (home, store)
}

/// 岩崎 美紀, written without the space: officer names match ignoring spaces.
fn me() -> Scope {
    Scope::new(today(), "岩崎美紀")
}

fn author() -> Author {
    Author::new(Some("岩崎 美紀"), Some("PO"), "iwasaki")
}

fn ids(store: &Store, query: &str, scope: &Scope) -> Vec<i64> {
    let filter = resolve(query, &store.reference().unwrap()).unwrap();
    let mut ids = store.project_ids(&filter, Sort::default(), scope).unwrap();
    ids.sort_unstable();
    ids
}

fn date(s: &str) -> seedline::model::Date {
    parse_date(s).unwrap()
}

#[test]
fn mine_watch_and_my_portfolio_are_filter_terms() {
    let (_home, mut s) = open();
    let evens: Vec<i64> = (1..=45).filter(|i| i % 2 == 0).collect();
    assert_eq!(ids(&s, "mine", &me()), evens, "assigned to 岩崎 美紀");
    assert_eq!(ids(&s, "mine:no", &me()).len(), 23);
    assert!(ids(&s, "watch:yes", &me()).is_empty());
    for id in [1, 3, 2] {
        assert!(s.set_watch(id, "岩崎 美紀", None).unwrap(), "now watched");
    }
    assert_eq!(ids(&s, "watch:yes", &me()), [1, 2, 3]);
    assert_eq!(
        ids(&s, "mine:watch", &me()).len(),
        24,
        "22 assigned + 2 watched"
    );
    assert_eq!(ids(&s, "mine watch:no", &me()).len(), 21);
    assert!(
        !s.set_watch(3, "岩崎美紀", None).unwrap(),
        "toggled off again"
    );
    assert_eq!(ids(&s, "watch:yes", &me()), [1, 2]);
    let other = Scope::new(today(), "野口 健太");
    assert!(
        ids(&s, "watch:yes", &other).is_empty(),
        "a watch list is personal"
    );
    assert_eq!(ids(&s, "mine", &other).len(), 23);
    let rows = s.project_rows(&[1, 4], &me()).unwrap();
    assert!(rows[0].watched && !rows[1].watched);
}

#[test]
fn days_in_phase_and_stalled_projects() {
    let (_home, mut s) = open();
    // Everyone entered their phase on 2024-04-01: 968 days ago; 実用化 never counts as stalled.
    assert_eq!(ids(&s, "stalled:yes", &me()).len(), 36);
    let row = &s.project_rows(&[1], &me()).unwrap()[0];
    assert_eq!(row.days_in_phase(today()), Some(968));
    let change = PhaseMove {
        to: Phase::Applied,
        on: date("2026-11-01"),
        reason: "POC取得".into(),
    };
    s.move_phase(1, None, &change, &author()).unwrap();
    let row = &s.project_rows(&[1], &me()).unwrap()[0];
    assert_eq!(row.days_in_phase(today()), Some(24), "the trigger keeps it");
    assert_eq!(ids(&s, "stalled:yes", &me()).len(), 35);
    let strict = Scope {
        stall_days: 10,
        ..me()
    };
    assert_eq!(ids(&s, "stalled:yes", &strict).len(), 36, "24 days > 10");
    assert_eq!(ids(&s, "stalled:no phase:基礎..応用", &me()), [1]);
    // Sorting by days in phase puts the fresh one first.
    let filter = Filter::default();
    let sorted = s
        .project_ids(
            &filter,
            Sort {
                key: seedline::model::SortKey::DaysInPhase,
                descending: false,
            },
            &me(),
        )
        .unwrap();
    assert_eq!(sorted[0], 1);
}

#[test]
fn budgets_pivot_by_year_and_show_on_the_dashboard() {
    let (_home, mut s) = open();
    // Project 1 and 9 are 医薬品 (drug), 2 is 医療機器 (device); 1 基礎, 2 応用, 9 臨床.
    s.set_budget(1, FiscalYear(2024), 1_000).unwrap();
    s.set_budget(1, FiscalYear(2025), 2_000).unwrap();
    s.set_budget(2, FiscalYear(2025), 500).unwrap();
    s.set_budget(9, FiscalYear(2026), 300).unwrap();
    s.set_budget(9, FiscalYear(2026), 350).unwrap(); // replaces
    assert!(s.set_budget(9, FiscalYear(1989), 1).is_err());
    assert!(s.set_budget(9, FiscalYear(2026), -1).is_err());
    let pivot = s
        .budget_pivot(
            BudgetRows::IntegratedProject,
            &Filter::default(),
            &me(),
            None,
        )
        .unwrap();
    assert_eq!(
        pivot.years,
        [FiscalYear(2024), FiscalYear(2025), FiscalYear(2026)]
    );
    let rows: Vec<(&str, &[i64], i64)> = pivot
        .rows
        .iter()
        .map(|r| (r.name_ja.as_str(), r.amounts.as_slice(), r.total))
        .collect();
    assert_eq!(
        rows,
        [
            ("医薬品プロジェクト", &[1_000, 2_000, 350][..], 3_350),
            ("医療機器・ヘルスケアプロジェクト", &[0, 500, 0][..], 500),
        ]
    );
    assert_eq!(pivot.column_totals, [1_000, 2_500, 350]);
    assert_eq!(pivot.total, 3_850);
    let by_phase = s
        .budget_pivot(BudgetRows::Phase, &Filter::default(), &me(), None)
        .unwrap();
    let totals: Vec<(&str, i64)> = by_phase
        .rows
        .iter()
        .map(|r| (r.name_ja.as_str(), r.total))
        .collect();
    assert_eq!(totals, [("基礎", 3_000), ("応用", 500), ("臨床", 350)]);
    let mine = resolve("mine", &s.reference().unwrap()).unwrap();
    let my_pivot = s
        .budget_pivot(BudgetRows::IntegratedProject, &mine, &me(), None)
        .unwrap();
    assert_eq!(my_pivot.total, 500, "only project 2 is 岩崎 美紀's");
    assert_eq!(
        s.budgets(1).unwrap(),
        [(FiscalYear(2024), 1_000), (FiscalYear(2025), 2_000)]
    );

    let options = MatrixOptions {
        officers: None,
        budget_year: Some(FiscalYear(2025)),
    };
    let m = s
        .matrix_with(Pivot::IntegratedProject, today(), &options)
        .unwrap();
    let drug = m.rows.iter().find(|r| r.code == "drug").unwrap();
    assert_eq!(drug.cells[Phase::Basic.index()].budget_kyen, 2_000);
    assert_eq!(m.total.budget_kyen, 2_500);
    assert_eq!(m.total.projects, 45, "counts stay alongside");
}

#[test]
fn the_dashboard_narrows_to_my_projects() {
    let (_home, s) = open();
    let me = s.me("岩崎美紀").unwrap();
    assert_eq!(me.officer_ids.len(), 1);
    let options = MatrixOptions {
        officers: Some(me.officer_ids),
        budget_year: None,
    };
    let m = s
        .matrix_with(Pivot::IntegratedProject, today(), &options)
        .unwrap();
    assert_eq!(m.total.projects, 22);
    // Open flags on even projects: 2 (candidate) only; follow-ups due on even ones: 2 and 4? 4 is
    // due 12-20 (not yet), so only project 2.
    assert_eq!(m.total.open_flags, 1);
    assert_eq!(m.total.follow_ups_due, 1);
}

#[test]
fn the_funnel_counts_transitions_in_a_fiscal_year_and_median_days() {
    let (_home, mut s) = open();
    let mv = |to, on: &str| PhaseMove {
        to,
        on: date(on),
        reason: String::new(),
    };
    s.move_phase(1, None, &mv(Phase::Applied, "2024-10-01"), &author())
        .unwrap();
    s.move_phase(1, None, &mv(Phase::NonClinical, "2025-06-01"), &author())
        .unwrap();
    s.move_phase(6, None, &mv(Phase::Applied, "2025-01-15"), &author())
        .unwrap();
    let f = s
        .funnel(FiscalYear(2024), &Filter::default(), &me())
        .unwrap();
    assert_eq!(
        (f.from.as_str(), f.to.as_str()),
        ("2024-04-01", "2025-03-31")
    );
    let basic = f.steps[Phase::Basic.index()];
    assert_eq!(
        (basic.advanced, basic.in_phase),
        (2, 9),
        "基礎 → 応用: 2 of 9"
    );
    assert_eq!(basic.median_days, Some(236), "183 and 289 days");
    assert_eq!(
        basic.rate_percent().map(|r| (r * 10.0).round()),
        Some(222.0)
    );
    let applied = f.steps[Phase::Applied.index()];
    assert_eq!((applied.advanced, applied.in_phase), (0, 11));
    let f25 = s
        .funnel(FiscalYear(2025), &Filter::default(), &me())
        .unwrap();
    let applied = f25.steps[Phase::Applied.index()];
    assert_eq!((applied.advanced, applied.in_phase), (1, 11));
    assert_eq!(
        applied.median_days,
        Some(243),
        "project 1: 2024-10-01 → 2025-06-01"
    );
    assert_eq!(
        f25.steps[Phase::Basic.index()].in_phase,
        7,
        "1 and 6 left before"
    );
    let drug = f25
        .by_integrated_project
        .iter()
        .find(|p| p.name_ja == "医薬品プロジェクト" && p.period == 3)
        .unwrap();
    assert_eq!(
        drug.median_days[Phase::Basic.index()],
        (None, 0),
        "project 1 left 基礎 in FY2024: not FY2025's cohort"
    );
    assert_eq!(drug.median_days[Phase::Applied.index()], (Some(243), 1));
    assert_eq!(f25.stalled, 36 - 2, "1 and 6 moved within 730 days");
}

#[test]
fn the_due_board_buckets_follow_ups_and_deadlines_by_age() {
    let (_home, mut s) = open();
    let add = |s: &mut Store, id, kind, due: &str| {
        let d = NewDeadline {
            kind,
            title: String::new(),
            due_on: date(due),
        };
        s.add_deadline(id, &d, &author()).unwrap()
    };
    let report = add(&mut s, 2, DeadlineKind::AnnualReport, "2026-08-01");
    add(&mut s, 4, DeadlineKind::InterimEvaluation, "2026-10-10");
    add(&mut s, 3, DeadlineKind::StageGate, "2026-12-10");
    add(&mut s, 5, DeadlineKind::FinalEvaluation, "2027-03-01"); // beyond 30 days
    let until = today().checked_add_days(chrono::Days::new(30));
    let items = s.due_items(until, None).unwrap();
    assert_eq!(items.len(), 7, "follow-ups 1-4 and three deadlines");
    let (board, all) = due_board(&items, today());
    assert_eq!(all, [1, 1, 2, 3], "61+, 31-60, 1-30, within 30");
    let row = |name: &str| board.iter().find(|r| r.owner == name).unwrap().counts;
    assert_eq!(row("岩崎 美紀"), [1, 1, 2, 2]);
    assert_eq!(row("大野 恵子"), [1, 1, 0, 1]);
    assert_eq!(row("野口 健太"), [0, 0, 0, 1]);
    assert_eq!(board[0].owner, "岩崎 美紀", "most overdue first");
    let mine = s.me("岩崎美紀").unwrap();
    assert_eq!(s.due_items(until, Some(&mine)).unwrap().len(), 6);
    assert_eq!(
        items.iter().map(|i| i.bucket(today())).collect::<Vec<_>>()[..2],
        [AgingBucket::Overdue61Plus, AgingBucket::Overdue31To60],
        "oldest first"
    );
    // The filter terms cover deadlines too.
    assert_eq!(ids(&s, "due:61+", &me()), [2]);
    assert_eq!(ids(&s, "due:31-60", &me()), [4]);
    assert_eq!(ids(&s, "due:1-30", &me()), [1, 2]);
    assert_eq!(ids(&s, "due:30", &me()), [3, 4]);
    assert_eq!(ids(&s, "due:overdue", &me()), [1, 2, 4]);
    // Done: off the board; a stale version is refused.
    assert!(
        s.set_deadline_done(report, Some(7), Some(today()), &author())
            .is_err()
    );
    s.set_deadline_done(report, Some(1), Some(today()), &author())
        .unwrap();
    assert!(
        s.set_deadline_done(report, None, Some(today()), &author())
            .is_err(),
        "already done"
    );
    assert_eq!(s.due_items(until, None).unwrap().len(), 6);
    assert_eq!(ids(&s, "due:61+", &me()), Vec::<i64>::new());
}

#[test]
fn the_pi_overview_gathers_projects_across_programs() {
    let (_home, mut s) = open();
    // 佐藤 健一: projects 1, 6, …, 41 (nine), eight programs, all 2024-04-01 to 2027-03-31.
    s.set_budget(1, FiscalYear(2026), 4_000).unwrap();
    s.set_budget(1, FiscalYear(2025), 6_000).unwrap();
    let o = s
        .pi_overview(&PiKey::Pi("佐藤健一".into()), today())
        .unwrap();
    assert_eq!(o.projects.len(), 9);
    assert_eq!(o.programs, 8);
    assert_eq!(o.active, 9);
    assert_eq!(o.overlapping_pairs, 36, "all nine run at once: 9 × 8 / 2");
    assert_eq!(o.pis_overlapping, 1);
    // 総配分額 is the totals recorded on the projects; 年度別計 only the allocation rows (1's).
    assert_eq!(o.budget_total_kyen, 1_890_000);
    assert_eq!(o.allocated_kyen, 10_000);
    assert_eq!(o.budget_this_year_kyen, 4_000);
    let inst = s
        .pi_overview(&PiKey::Institution("東京大学".into()), today())
        .unwrap();
    assert_eq!(inst.projects.len(), 9);
    let nobody = s
        .pi_overview(&PiKey::Pi("存在 しない".into()), today())
        .unwrap();
    assert!(nobody.projects.is_empty() && nobody.overlapping_pairs == 0);
}

#[test]
fn attachments_are_links_on_a_project_its_notes_or_flags() {
    let (_home, mut s) = open();
    let link = |target: &str, note_id, flag_id| NewAttachment {
        note_id,
        flag_id,
        target: target.into(),
        label: "推薦書".into(),
        kind: AttachmentKind::Recommendation,
        dated_on: Some(date("2026-04-01")),
        sha256: None,
    };
    // Flag 1 is project 3's.
    let a = s
        .add_attachment(3, &link("/srv/amed/推薦書.pdf", None, Some(1)), &author())
        .unwrap();
    assert!(
        s.add_attachment(4, &link("/x.pdf", None, Some(1)), &author())
            .is_err(),
        "a flag of another project"
    );
    assert!(
        s.add_attachment(3, &link("", None, None), &author())
            .is_err(),
        "an empty target"
    );
    let mut bad = link("/x.pdf", None, None);
    bad.sha256 = Some("xyz".into());
    assert!(s.add_attachment(3, &bad, &author()).is_err());
    let listed = s.attachments(3).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!((listed[0].id, listed[0].flag_id), (a, Some(1)));
    assert_eq!(s.project_detail(3).unwrap().attachments.len(), 1);
    s.remove_attachment(a, &author()).unwrap();
    assert!(s.attachments(3).unwrap().is_empty());
    assert!(
        s.remove_attachment(a, &author()).is_err(),
        "already removed"
    );
}

#[test]
fn a_gate_decision_settles_the_scheduled_stage_gate() {
    let (_home, mut s) = open();
    let gate = |due: &str| NewDeadline {
        kind: DeadlineKind::StageGate,
        title: String::new(),
        due_on: date(due),
    };
    let first = s.add_deadline(3, &gate("2026-12-10"), &author()).unwrap();
    let second = s.add_deadline(3, &gate("2027-06-10"), &author()).unwrap();
    let decision = seedline::model::NewGate {
        gate: "SG3".into(),
        decided_on: date("2026-11-20"),
        decision: seedline::model::GateDecision::Go,
        note: String::new(),
    };
    s.add_gate(3, &decision, &author()).unwrap();
    let deadlines = s.project_detail(3).unwrap().deadlines;
    let done: Vec<(i64, Option<String>)> = deadlines
        .iter()
        .map(|d| (d.id, d.done.as_ref().map(|(on, _)| on.clone())))
        .collect();
    assert!(
        done.contains(&(first, Some("2026-11-20".into()))),
        "{done:?}"
    );
    assert!(
        done.contains(&(second, None)),
        "only the earliest: {done:?}"
    );
    // A project without a scheduled gate records the decision as before.
    s.add_gate(4, &decision, &author()).unwrap();
}
