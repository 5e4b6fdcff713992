//! Off-by-one boundaries, each on its own project so that no shared cell can hide a miscount:
//! due today against overdue by one day (and due tomorrow), a phase range's ends, and the fiscal
//! year's turn from March 31 to April 1 (years, funnel, budget pivot, dashboard budget). Today is
//! 2026-11-25. (The filter has no `ending:` term, so there is no end-date boundary to test.)

use crate::common::{Home, fixture, raw, today};
use seedline::model::{
    AgingBucket, Author, BudgetRows, Date, FiscalYear, MatrixOptions, NewNote, NoteKind, Phase,
    PhaseMove, Pivot, Scope, Sort, parse_date,
};
use seedline::query::resolve;
use seedline::store::Store;

fn me() -> Scope {
    Scope::new(today(), "岩崎美紀")
}

fn author() -> Author {
    Author::new(Some("岩崎 美紀"), Some("PO"), "iwasaki")
}

fn date(s: &str) -> Date {
    parse_date(s).unwrap()
}

fn ids(s: &Store, query: &str) -> Vec<i64> {
    let filter = resolve(query, &s.reference().unwrap()).unwrap();
    let mut ids = s.project_ids(&filter, Sort::default(), &me()).unwrap();
    ids.sort_unstable();
    ids
}

/// Project 30 due today, 31 overdue by one day, 32 due tomorrow; each in its own matrix cell
/// (30: 実用化 × seeds, 31: 基礎 × trans, 32: 応用 × eco) where the fixture has no follow-up.
const TODAY_P: i64 = 30;
const OVERDUE_P: i64 = 31;
const TOMORROW_P: i64 = 32;

fn due_cells(s: &Store, home: &Home) -> [i64; 3] {
    let m = s.matrix(Pivot::IntegratedProject, today()).unwrap();
    [TODAY_P, OVERDUE_P, TOMORROW_P].map(|p| {
        let (ip, phase): (i64, i64) = raw(&home.path("b.db"))
            .query_row(
                "SELECT integrated_project_id, phase FROM project WHERE id = ?1",
                [p],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        m.rows.iter().find(|r| r.id == ip).unwrap().cells[phase as usize - 1].follow_ups_due
    })
}

#[test]
fn due_today_is_not_overdue_and_overdue_by_one_day_is() {
    let home = Home::new();
    let mut s = fixture::open(&home, "b.db", "tester");
    let cells_before = due_cells(&s, &home);
    let overdue_before = s.headline(today()).unwrap().overdue_follow_ups;
    for (project, due) in [
        (TODAY_P, "2026-11-25"),
        (OVERDUE_P, "2026-11-24"),
        (TOMORROW_P, "2026-11-26"),
    ] {
        let note = NewNote {
            kind: NoteKind::Meeting,
            body: format!("期日の境界 {project}"),
            occurred_on: date("2026-11-01"),
            follow_up_on: Some(date(due)),
        };
        s.add_note(project, &note, &author()).unwrap();
    }
    // `!n`: due today or earlier counts, tomorrow does not.
    let cells = due_cells(&s, &home);
    assert_eq!(
        [0, 1, 2].map(|i| cells[i] - cells_before[i]),
        [1, 1, 0],
        "today, yesterday, tomorrow"
    );
    // The headline counts overdue only: yesterday's, not today's.
    assert_eq!(
        s.headline(today()).unwrap().overdue_follow_ups,
        overdue_before + 1
    );
    // The due board's buckets.
    let until = today().checked_add_days(chrono::Days::new(30));
    let items = s.due_items(until, None).unwrap();
    let bucket = |p: i64| {
        let item = items.iter().find(|i| i.project_id == p).unwrap();
        item.bucket(today())
    };
    assert_eq!(bucket(TODAY_P), AgingBucket::DueWithin30);
    assert_eq!(bucket(OVERDUE_P), AgingBucket::Overdue1To30);
    assert_eq!(bucket(TOMORROW_P), AgingBucket::DueWithin30);
    // Items due on or before today: today's and yesterday's, not tomorrow's.
    let up_to_today: Vec<i64> = s
        .due_items(Some(today()), None)
        .unwrap()
        .iter()
        .map(|i| i.project_id)
        .filter(|p| (TODAY_P..=TOMORROW_P).contains(p))
        .collect();
    assert_eq!(up_to_today, [OVERDUE_P, TODAY_P], "oldest first");
    // The bucket edges themselves.
    let day = |n: i64| today() + chrono::Duration::days(n);
    assert_eq!(AgingBucket::of(day(0), today()), AgingBucket::DueWithin30);
    assert_eq!(AgingBucket::of(day(-1), today()), AgingBucket::Overdue1To30);
    assert_eq!(
        AgingBucket::of(day(-30), today()),
        AgingBucket::Overdue1To30
    );
    assert_eq!(
        AgingBucket::of(day(-31), today()),
        AgingBucket::Overdue31To60
    );
    assert_eq!(
        AgingBucket::of(day(-60), today()),
        AgingBucket::Overdue31To60
    );
    assert_eq!(
        AgingBucket::of(day(-61), today()),
        AgingBucket::Overdue61Plus
    );
    assert_eq!(AgingBucket::of(day(30), today()), AgingBucket::DueWithin30);
    assert_eq!(AgingBucket::of(day(31), today()), AgingBucket::Later);
    // The filter terms agree.
    let ours = |q: &str| -> Vec<i64> {
        ids(&s, q)
            .into_iter()
            .filter(|p| (TODAY_P..=TOMORROW_P).contains(p))
            .collect()
    };
    assert_eq!(ours("due:today"), [TODAY_P]);
    assert_eq!(ours("due:overdue"), [OVERDUE_P]);
    assert_eq!(ours("due:yes"), [TODAY_P, OVERDUE_P]);
    assert_eq!(ours("due:1-30"), [OVERDUE_P]);
    assert_eq!(ours("due:30"), [TODAY_P, TOMORROW_P]);
    // The list's follow-up mark: due today or earlier.
    let marks: Vec<bool> = s
        .project_rows(&[TODAY_P, OVERDUE_P, TOMORROW_P], &me())
        .unwrap()
        .iter()
        .map(|r| r.follow_up_due)
        .collect();
    assert_eq!(marks, [true, true, false]);
}

#[test]
fn a_phase_range_includes_both_ends_and_nothing_beyond() {
    let home = Home::new();
    let s = fixture::open(&home, "b.db", "tester");
    // Project i is in Phase::ALL[(i - 1) % 5]: 1 基礎, 2 応用, 3 非臨床, 4 臨床, 5 実用化, 6 基礎…
    let in_phases = |range: std::ops::RangeInclusive<i64>| -> Vec<i64> {
        (1..=45)
            .filter(|i| range.contains(&((i - 1) % 5)))
            .collect()
    };
    let basic_to_applied = ids(&s, "phase:基礎..応用");
    assert!(basic_to_applied.contains(&2), "応用 is included");
    assert!(!basic_to_applied.contains(&3), "非臨床 is not");
    assert_eq!(basic_to_applied, in_phases(0..=1));
    assert_eq!(ids(&s, "phase:応用..臨床"), in_phases(1..=3));
    assert_eq!(ids(&s, "phase:応用"), in_phases(1..=1));
    assert_eq!(ids(&s, "phase:臨床..実用化"), in_phases(3..=4));
}

#[test]
fn the_fiscal_year_turns_on_april_first() {
    assert_eq!(FiscalYear::of(date("2026-03-31")), FiscalYear(2025));
    assert_eq!(FiscalYear::of(date("2026-04-01")), FiscalYear(2026));
    assert_eq!(FiscalYear::of(date("2026-01-01")), FiscalYear(2025));
    assert_eq!(FiscalYear::of(date("2025-12-31")), FiscalYear(2025));
    assert_eq!(
        FiscalYear(2025).span(),
        (date("2025-04-01"), date("2026-03-31"))
    );

    let home = Home::new();
    let mut s = fixture::open(&home, "b.db", "tester");
    // 41 and 36 are 基礎 projects (since 2024-04-01): 41 moves to 応用 on the last day of FY2025,
    // 36 on the first day of FY2026.
    for (project, on) in [(41, "2026-03-31"), (36, "2026-04-01")] {
        let change = PhaseMove {
            to: Phase::Applied,
            on: date(on),
            reason: "年度の境界".into(),
        };
        s.move_phase(project, None, &change, &author()).unwrap();
    }
    let funnel = |project: &str, year: i32| {
        let filter = resolve(&format!("id:{project}"), &s.reference().unwrap()).unwrap();
        let f = s.funnel(FiscalYear(year), &filter, &me()).unwrap();
        let step = |p: Phase| (f.steps[p.index()].in_phase, f.steps[p.index()].advanced);
        (step(Phase::Basic), step(Phase::Applied))
    };
    // (in 基礎, advanced from 基礎), (in 応用, advanced from 応用)
    assert_eq!(funnel("JP25fx0000041", 2025), ((1, 1), (1, 0)));
    assert_eq!(funnel("JP25fx0000041", 2026), ((0, 0), (1, 0)));
    assert_eq!(funnel("JP25fx0000036", 2025), ((1, 0), (0, 0)));
    assert_eq!(funnel("JP25fx0000036", 2026), ((1, 1), (1, 0)));

    // Budgets are kept per fiscal year; a pivot's year window includes both ends.
    for (year, kyen) in [(2024, 1), (2025, 10), (2026, 100), (2027, 1_000)] {
        s.set_budget(41, FiscalYear(year), kyen).unwrap();
    }
    let filter = resolve("id:JP25fx0000041", &s.reference().unwrap()).unwrap();
    let pivot = s
        .budget_pivot(
            BudgetRows::Phase,
            &filter,
            &me(),
            Some((FiscalYear(2025), FiscalYear(2026))),
        )
        .unwrap();
    assert_eq!(pivot.years, [FiscalYear(2025), FiscalYear(2026)]);
    assert_eq!(pivot.total, 110);
    let all = s
        .budget_pivot(BudgetRows::Phase, &filter, &me(), None)
        .unwrap();
    assert_eq!(all.years.len(), 4, "2024 to 2027");
    assert_eq!(all.total, 1_111);
    // The dashboard's budget of the year "today" falls in: March 31 is still FY2025.
    let budget_on = |day: &str| {
        let options = MatrixOptions {
            budget_year: Some(FiscalYear::of(date(day))),
            ..MatrixOptions::default()
        };
        s.matrix_with(Pivot::IntegratedProject, today(), &options)
            .unwrap()
            .total
            .budget_kyen
    };
    assert_eq!(budget_on("2026-03-31"), 10);
    assert_eq!(budget_on("2026-04-01"), 100);
}
