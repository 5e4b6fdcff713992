//! A retired project (entered by mistake) leaves every view, count and export, its notes kept;
//! restored, it is back everywhere. Each surface is read before, retired and restored, on project
//! 3 of the fixture (notes with a follow-up due, a recommended highway flag, a stage gate, an
//! outcome; a budget and a deadline added here).

use crate::common::{Home, fixture, raw, today};
use seedline::model::{
    Author, BudgetRows, DeadlineKind, FiscalYear, MatrixOptions, NewDeadline, PiKey, Pivot, Scope,
    Sort, parse_date,
};
use seedline::query::{FlagFilter, MineFilter, resolve};
use seedline::store::Store;

const PROJECT: i64 = 3;
const AMED_ID: &str = "JP25fx0000003";

/// Every place project 3 could show up, as read through the store and the CLI.
#[derive(Debug, Clone, PartialEq)]
struct Seen {
    /// Dashboard: the headline, the matrix total, the disease-area pivot's total, my matrix.
    headline: String,
    matrix_total: String,
    area_total: String,
    my_total: String,
    /// The project list, its first screen, a title search, a two-character search (asked twice:
    /// SQL, then the in-memory copy), the highway queue, my portfolio (大野 恵子 is on every
    /// project): whether 3 is in each.
    list: bool,
    head: bool,
    search: bool,
    short_search: (bool, bool),
    highway: bool,
    portfolio: bool,
    /// The list's row for 3.
    rows: usize,
    /// The due board (everyone's): items of project 3.
    due: usize,
    /// The PI overview of 3's PI: whether it lists 3, and its figures.
    pi: (bool, i64, i64, i64),
    /// The budget pivot, the funnel (FY2026).
    budget: String,
    funnel: String,
    /// The project count (title bar).
    count: i64,
    /// `seedline export KIND`: whether the file names 3.
    exports: Vec<(String, bool)>,
    /// `seedline show project`.
    shown: bool,
}

fn seen(s: &Store, home: &Home) -> Seen {
    let reference = s.reference().unwrap();
    let me = Scope::new(today(), "大野恵子");
    let ids = |query: &str| {
        s.project_ids(&resolve(query, &reference).unwrap(), Sort::default(), &me)
            .unwrap()
    };
    let with = |f: seedline::query::Filter| {
        s.project_ids(&f, Sort::default(), &me)
            .unwrap()
            .contains(&PROJECT)
    };
    let title: String = raw(&home.path("r.db"))
        .query_row("SELECT title FROM project WHERE id = ?1", [PROJECT], |r| {
            r.get(0)
        })
        .unwrap();
    let word: String = title.chars().take(6).collect();
    let mine = s.me("大野恵子").unwrap();
    let pi = s
        .pi_overview(&PiKey::Pi("Smith John".into()), today())
        .unwrap();
    let mut exports = Vec::new();
    for kind in ["projects", "notes", "flags", "gates", "budgets"] {
        let out = home
            .seedline()
            .args(["export", kind, "--db", "r.db"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{kind}: {out:?}");
        exports.push((
            kind.to_string(),
            String::from_utf8_lossy(&out.stdout).contains(AMED_ID),
        ));
    }
    let shown = home
        .seedline()
        .args(["show", "project", AMED_ID, "--db", "r.db"])
        .output()
        .unwrap();
    let head_filter = resolve("", &reference).unwrap();
    Seen {
        headline: format!("{:?}", s.headline(today()).unwrap()),
        matrix_total: format!(
            "{:?}",
            s.matrix(Pivot::IntegratedProject, today()).unwrap().total
        ),
        area_total: format!("{:?}", s.matrix(Pivot::DiseaseArea, today()).unwrap().total),
        my_total: format!(
            "{:?}",
            s.matrix_with(
                Pivot::IntegratedProject,
                today(),
                &MatrixOptions {
                    officers: Some(mine.officer_ids.clone()),
                    ..MatrixOptions::default()
                }
            )
            .unwrap()
            .total
        ),
        list: ids("").contains(&PROJECT),
        head: s
            .project_ids_head(&head_filter, Sort::default(), &me, 10)
            .unwrap()
            .unwrap()
            .contains(&PROJECT),
        search: ids(&word).contains(&PROJECT),
        short_search: (
            ids("理化").contains(&PROJECT),
            ids("理化").contains(&PROJECT),
        ),
        highway: with(seedline::query::Filter {
            flag: Some(FlagFilter::Open),
            ..Default::default()
        }),
        portfolio: with(seedline::query::Filter {
            mine: Some(MineFilter::Portfolio),
            ..Default::default()
        }),
        rows: s.project_rows(&[PROJECT], &me).unwrap().len(),
        due: s
            .due_items(None, None)
            .unwrap()
            .iter()
            .filter(|i| i.project_id == PROJECT)
            .count(),
        pi: (
            pi.projects.iter().any(|p| p.id == PROJECT),
            pi.budget_total_kyen,
            pi.allocated_kyen,
            pi.active,
        ),
        budget: format!(
            "{:?}",
            s.budget_pivot(BudgetRows::Phase, &Default::default(), &me, None)
                .unwrap()
        ),
        funnel: format!(
            "{:?}",
            s.funnel(FiscalYear(2026), &Default::default(), &me)
                .unwrap()
        ),
        count: s.project_count().unwrap(),
        exports,
        shown: shown.status.success(),
    }
}

#[test]
fn a_retired_project_leaves_every_view_count_and_export_and_comes_back_on_restore() {
    let home = Home::new();
    let mut s = fixture::open(&home, "r.db", "tester");
    let author = Author::new(Some("大野 恵子"), Some("PS"), "ono");
    s.import_budgets(&[(PROJECT, FiscalYear(2026), 4_321)])
        .unwrap();
    let deadline = NewDeadline {
        kind: DeadlineKind::AnnualReport,
        title: "年次報告".into(),
        due_on: parse_date("2026-12-01").unwrap(),
    };
    s.add_deadline(PROJECT, &deadline, &author).unwrap();
    let notes = || -> i64 {
        raw(&home.path("r.db"))
            .query_row(
                "SELECT count(*) FROM note WHERE project_id = ?1",
                [PROJECT],
                |r| r.get(0),
            )
            .unwrap()
    };
    let before = seen(&s, &home);
    let everywhere = Seen {
        exports: before
            .exports
            .iter()
            .map(|(k, _)| (k.clone(), true))
            .collect(),
        ..before.clone()
    };
    assert_eq!(before, everywhere, "project 3 starts in every export");
    assert!(before.list && before.head && before.search && before.highway && before.portfolio);
    assert!(before.short_search == (true, true) && before.pi.0 && before.shown);
    assert!(
        before.due >= 2,
        "a follow-up and a deadline: {}",
        before.due
    );
    let notes_before = notes();

    let v = s.project_version(PROJECT).unwrap();
    s.retire_project(PROJECT, Some(v), "重複登録", &author)
        .unwrap();
    let retired = seen(&s, &home);
    let expected_absent = Seen {
        list: false,
        head: false,
        search: false,
        short_search: (false, false),
        highway: false,
        portfolio: false,
        rows: 0,
        due: 0,
        shown: false,
        count: before.count - 1,
        exports: before
            .exports
            .iter()
            .map(|(k, _)| (k.clone(), false))
            .collect(),
        ..retired.clone()
    };
    assert_eq!(
        retired, expected_absent,
        "absent from lists, boards and exports"
    );
    for (what, a, b) in [
        ("headline", &before.headline, &retired.headline),
        ("matrix", &before.matrix_total, &retired.matrix_total),
        ("areas", &before.area_total, &retired.area_total),
        ("my matrix", &before.my_total, &retired.my_total),
        ("budget pivot", &before.budget, &retired.budget),
        ("funnel", &before.funnel, &retired.funnel),
    ] {
        assert_ne!(a, b, "{what} no longer counts project 3");
    }
    assert!(!retired.pi.0, "the PI overview leaves it out");
    assert_eq!(notes(), notes_before, "its notes are kept");

    let out = home
        .seedline()
        .args(["show", "project", AMED_ID, "--db", "r.db"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("に除外されています") && err.contains("重複登録"),
        "{err}"
    );
    assert!(
        err.contains(&format!("seedline project restore {AMED_ID}")),
        "{err}"
    );
    let history = home
        .seedline()
        .args(["history", AMED_ID, "--db", "r.db"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&history.stdout).contains("project.retire"));

    home.seedline()
        .args(["project", "restore", AMED_ID, "--db", "r.db"])
        .assert()
        .success();
    assert_eq!(seen(&s, &home), before, "restored, it is back everywhere");
    assert!(
        s.restore_project(PROJECT, &author).is_err(),
        "not retired any more"
    );
}
