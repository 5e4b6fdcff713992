//! The dashboard: what starting and its modes load, the cursor over the matrix, and the list
//! that Enter on a cell opens.

use super::*;
use seedline::app::Overlay;
use seedline::model::Sort;
use seedline::query::{Filter, MineFilter};

fn load_dashboard(pivot: Pivot, mine: bool, budget: bool, today: Date) -> Effect {
    Effect::LoadDashboard {
        pivot,
        today,
        mine: mine.then(|| ME.to_string()),
        budget_year: budget.then_some(FiscalYear(2026)),
    }
}

/// An app whose dashboard has its figures (three integrated projects).
fn loaded() -> App {
    let mut app = app();
    app.update(Action::DashboardLoaded(Box::new(dashboard_data(
        Pivot::IntegratedProject,
        MatrixOptions::default(),
    ))));
    app
}

#[test]
fn starting_loads_the_integrated_project_matrix_and_the_project_count() {
    let (app, effects) = App::new(Lang::Ja, today(), Arc::new(reference()), Keymap::default());
    assert_eq!(
        effects,
        [
            Effect::LoadDashboard {
                pivot: Pivot::IntegratedProject,
                today: today(),
                mine: None,
                budget_year: None,
            },
            Effect::CountProjects,
        ]
    );
    assert_eq!(app.screen(), &Screen::Dashboard);
    assert_eq!(app.screen().content_height(), None);
}

#[test]
fn the_cursor_stays_inside_the_matrix_and_its_totals_row() {
    let mut app = loaded();
    assert_eq!((app.dashboard.row, app.dashboard.col), (0, 0));
    assert_eq!(press(&mut app, ch('k')), []);
    assert_eq!(press(&mut app, Key::Left), []);
    assert_eq!((app.dashboard.row, app.dashboard.col), (0, 0));
    assert_eq!(keys(&mut app, &[ch('j'); 5]), []);
    assert_eq!(app.dashboard.row, 3, "three rows, then the totals row");
    assert_eq!(keys(&mut app, &[ch('l'); 9]), []);
    assert_eq!(app.dashboard.col, 5, "five phases, then the row total");
    press(&mut app, ch('h'));
    assert_eq!(app.dashboard.col, 4);
    press(&mut app, ch('g'));
    assert_eq!(app.dashboard.row, 0);
    press(&mut app, Key::PageDown);
    assert_eq!(app.dashboard.row, 3);
    press(&mut app, Key::PageUp);
    assert_eq!(app.dashboard.row, 0);
    press(&mut app, ch('G'));
    assert_eq!(app.dashboard.row, 3);
    assert_eq!(app.stack.len(), 1);
}

#[test]
fn enter_on_a_cell_opens_exactly_its_projects() {
    let mut app = loaded();
    keys(&mut app, &[ch('l'), ch('l')]);
    let effects = press(&mut app, Key::Enter);
    let l = list(&app);
    assert_eq!(l.query, "ip:drug phase:nonclinical");
    assert_eq!(
        crumbs(&app),
        ["ダッシュボード", "医薬品プロジェクト × 非臨床"]
    );
    let filter = Filter {
        integrated_projects: Some(vec![1]),
        phases: Some((Phase::NonClinical, Phase::NonClinical)),
        ..Filter::default()
    };
    assert_eq!(
        effects,
        [Effect::LoadListHead {
            request: l.request,
            filter,
            sort: Sort::default(),
            scope: scope(),
            limit: 21,
        }],
        "the first screen (20 rows at 80×24) and one more, to know whether more follow"
    );
    assert!(!l.loaded);
}

#[test]
fn enter_asks_for_a_page_that_fits_a_small_terminal() {
    let mut app = sized(40, 12);
    app.update(Action::DashboardLoaded(Box::new(dashboard_data(
        Pivot::IntegratedProject,
        MatrixOptions::default(),
    ))));
    keys(
        &mut app,
        &[ch('j'), ch('j'), ch('l'), ch('l'), ch('l'), ch('l')],
    );
    let effects = press(&mut app, Key::Enter);
    let Effect::LoadListHead { filter, limit, .. } = &effects[0] else {
        panic!("{effects:?}");
    };
    assert_eq!(*limit, 9, "12 rows: title, status, info, header leave 8");
    assert_eq!(filter.integrated_projects, Some(vec![3]));
    assert_eq!(filter.phases, Some((Phase::Practical, Phase::Practical)));
    assert_eq!(effects.len(), 1);
}

#[test]
fn enter_on_the_grand_total_opens_every_project() {
    let mut app = loaded();
    keys(
        &mut app,
        &[
            ch('G'),
            Key::End,
            ch('l'),
            ch('l'),
            ch('l'),
            ch('l'),
            ch('l'),
        ],
    );
    assert_eq!((app.dashboard.row, app.dashboard.col), (3, 5));
    let effects = press(&mut app, Key::Enter);
    assert_eq!(list(&app).query, "");
    assert_eq!(crumbs(&app)[1], "全課題");
    match &effects[..] {
        [Effect::LoadListHead { filter, limit, .. }] => {
            assert_eq!(filter, &Filter::default());
            assert_eq!(*limit, 21);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn t_switches_to_disease_areas_and_ignores_the_older_answer() {
    let mut app = loaded();
    keys(&mut app, &[ch('j'), ch('j')]);
    let effects = press(&mut app, ch('t'));
    assert_eq!(
        effects,
        [load_dashboard(Pivot::DiseaseArea, false, false, today())]
    );
    assert_eq!(app.dashboard.pivot, Pivot::DiseaseArea);
    assert_eq!(app.dashboard.row, 0, "the cursor goes to the top");
    assert_eq!(app.dashboard.data, None);
    // The integrated-project figures arriving late are not shown under the disease-area pivot.
    app.update(Action::DashboardLoaded(Box::new(dashboard_data(
        Pivot::IntegratedProject,
        MatrixOptions::default(),
    ))));
    assert_eq!(app.dashboard.data, None);
    app.update(Action::DashboardLoaded(Box::new(dashboard_data(
        Pivot::DiseaseArea,
        MatrixOptions::default(),
    ))));
    assert_eq!(app.dashboard.rows(), 2);
    press(&mut app, Key::Enter);
    assert_eq!(list(&app).query, "area:cancer phase:basic");
    assert_eq!(list(&app).filter.disease_areas, Some(vec![1]));
    assert_eq!(crumbs(&app)[1], "がん × 基礎");
    // Back: the dashboard keeps its pivot and loads it again.
    assert_eq!(
        press(&mut app, Key::Esc),
        [load_dashboard(Pivot::DiseaseArea, false, false, today())]
    );
    assert_eq!(app.stack.len(), 1);
    assert_eq!(
        press(&mut app, ch('t')),
        [load_dashboard(
            Pivot::IntegratedProject,
            false,
            false,
            today()
        )]
    );
}

#[test]
fn o_narrows_to_my_projects_and_the_cells_open_mine() {
    let mut app = loaded();
    let effects = press(&mut app, ch('o'));
    assert_eq!(
        effects,
        [load_dashboard(
            Pivot::IntegratedProject,
            true,
            false,
            today()
        )]
    );
    assert!(app.dashboard.mine);
    // Everyone's figures answering an older request are ignored…
    app.update(Action::DashboardLoaded(Box::new(figures(
        Pivot::IntegratedProject,
        MatrixOptions::default(),
        Vec::new(),
        99,
    ))));
    assert_eq!(app.dashboard.data.as_ref().unwrap().headline.projects, 45);
    // …mine are taken.
    let mut mine = dashboard_data(
        Pivot::IntegratedProject,
        MatrixOptions {
            officers: Some(vec![7]),
            budget_year: None,
        },
    );
    mine.headline.projects = 12;
    app.update(Action::DashboardLoaded(Box::new(mine)));
    assert_eq!(app.dashboard.data.as_ref().unwrap().headline.projects, 12);
    press(&mut app, Key::Enter);
    assert_eq!(list(&app).query, "ip:drug phase:basic mine");
    assert_eq!(list(&app).filter.mine, Some(MineFilter::Assigned));
    assert_eq!(crumbs(&app)[1], "医薬品プロジェクト × 基礎 × 担当");
    press(&mut app, ch('q'));
    assert_eq!(
        press(&mut app, ch('o')),
        [load_dashboard(
            Pivot::IntegratedProject,
            false,
            false,
            today()
        )]
    );
}

#[test]
fn b_sums_this_fiscal_years_budget() {
    let mut app = loaded();
    assert_eq!(
        press(&mut app, ch('b')),
        [load_dashboard(
            Pivot::IntegratedProject,
            false,
            true,
            today()
        )]
    );
    assert_eq!(
        press(&mut app, ch('o')),
        [load_dashboard(
            Pivot::IntegratedProject,
            true,
            true,
            today()
        )]
    );
    assert_eq!(
        press(&mut app, ch('b')),
        [load_dashboard(
            Pivot::IntegratedProject,
            true,
            false,
            today()
        )]
    );
}

#[test]
fn the_fiscal_year_of_b_is_the_one_today_falls_in() {
    // 2027-02-10 lies in fiscal year 2026 (April to March).
    let day = seedline::model::parse_date("2027-02-10").unwrap();
    let (mut app, _) = App::new(Lang::Ja, day, Arc::new(reference()), Keymap::default());
    app.author = Author::new(Some(ME), None, "tester");
    assert_eq!(
        press(&mut app, ch('b')),
        [load_dashboard(Pivot::IntegratedProject, false, true, day)]
    );
}

/// With more rows than fit, the cursor row should stay on screen when it moves to the bottom.
#[test]
fn the_cursor_row_stays_on_screen_in_a_small_terminal() {
    let mut app = sized(40, 12);
    let rows = (1..=8)
        .map(|i| {
            matrix_row(
                i,
                &format!("ip{i}"),
                &format!("統合{i}"),
                &format!("IP {i}"),
                3,
            )
        })
        .collect();
    app.update(Action::DashboardLoaded(Box::new(figures(
        Pivot::IntegratedProject,
        MatrixOptions::default(),
        rows,
        120,
    ))));
    press(&mut app, ch('G'));
    assert_eq!(app.dashboard.row, 8);
    let body = body_rows(&mut app, 40, 12);
    assert!(
        body.iter().any(|r| r.starts_with(" 計")),
        "the totals row (under the cursor) is not drawn:\n{}",
        body.join("\n")
    );
}

// ---- the scope: `/`, Enter on a row label, Esc ----

/// The figures of a scoped load, as the runtime answers them.
fn scoped_data(pivot: Pivot, filter: Filter) -> DashboardData {
    let mut data = dashboard_data(pivot, MatrixOptions::default());
    data.filter = filter;
    data
}

fn drug() -> Filter {
    Filter {
        integrated_projects: Some(vec![1]),
        ..Filter::default()
    }
}

/// Types `text` key by key; every effect asked for on the way.
fn type_text(app: &mut App, text: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in text.chars() {
        effects.extend(press(app, ch(c)));
    }
    effects
}

#[test]
fn slash_on_the_dashboard_narrows_every_figure_and_esc_clears_it() {
    let mut app = loaded();
    press(&mut app, ch('/'));
    assert_eq!(
        app.stack.len(),
        1,
        "no list opens: the dashboard itself narrows"
    );
    assert!(matches!(app.overlay, Overlay::Filter { .. }));
    let effects = type_text(&mut app, "ip:drug");
    assert_eq!(
        effects.last().map(std::slice::from_ref).unwrap_or_default(),
        [Effect::LoadScopedDashboard {
            pivot: Pivot::IntegratedProject,
            today: today(),
            mine: None,
            budget_year: None,
            filter: drug(),
            scope: scope(),
        }]
    );
    press(&mut app, Key::Enter);
    assert!(matches!(app.overlay, Overlay::None));
    assert_eq!(app.dashboard.scope, "ip:drug");
    // Everyone's figures answering the older request are not shown as the scope's…
    app.update(Action::DashboardLoaded(Box::new(figures(
        Pivot::IntegratedProject,
        MatrixOptions::default(),
        Vec::new(),
        99,
    ))));
    assert_eq!(app.dashboard.data.as_ref().unwrap().headline.projects, 45);
    // …the scope's are.
    let mut narrowed = scoped_data(Pivot::IntegratedProject, drug());
    narrowed.headline.projects = 15;
    app.update(Action::DashboardLoaded(Box::new(narrowed)));
    assert_eq!(app.dashboard.data.as_ref().unwrap().headline.projects, 15);
    let body = body_rows(&mut app, 80, 24);
    assert!(
        body[0].contains("範囲: ip:drug") && body[0].contains("Esc 範囲解除"),
        "the scope line says what the figures are and how to clear it:\n{}",
        body.join("\n")
    );
    assert!(body[1].contains("課題 15"), "{}", body.join("\n"));
    // Esc clears the scope and loads everyone's figures; on the unscoped dashboard Esc does
    // what it did before (nothing: the dashboard is the first screen).
    assert_eq!(
        press(&mut app, Key::Esc),
        [load_dashboard(
            Pivot::IntegratedProject,
            false,
            false,
            today()
        )]
    );
    assert_eq!(app.dashboard.scope, "");
    assert_eq!(press(&mut app, Key::Esc), []);
    assert!(!app.should_quit);
    assert_eq!(app.stack.len(), 1);
}

#[test]
fn esc_in_the_scope_line_restores_the_scope_it_started_from() {
    let mut app = loaded();
    press(&mut app, ch('/'));
    type_text(&mut app, "ip:drug");
    press(&mut app, Key::Enter);
    press(&mut app, ch('/'));
    type_text(&mut app, " phase:臨床");
    assert_eq!(
        app.dashboard.filter.phases,
        Some((Phase::Clinical, Phase::Clinical))
    );
    let effects = press(&mut app, Key::Esc);
    assert_eq!(app.dashboard.scope, "ip:drug");
    assert_eq!(app.dashboard.filter, drug());
    assert!(matches!(
        &effects[..],
        [Effect::LoadScopedDashboard { filter, .. }] if *filter == drug()
    ));
    // A term that does not resolve keeps the figures and says why.
    press(&mut app, ch('/'));
    type_text(&mut app, " phase:xy");
    let before = app.dashboard.filter.clone();
    assert_eq!(press(&mut app, ch('z')), []);
    assert!(app.status.as_deref().unwrap().contains("phase:xyz"));
    assert_eq!(app.dashboard.filter, before);
}

#[test]
fn enter_on_a_cell_carries_the_scope_into_its_list() {
    let mut app = loaded();
    press(&mut app, ch('/'));
    type_text(&mut app, "がん ip:drug,regen phase:基礎..臨床");
    press(&mut app, Key::Enter);
    let mut data = dashboard_data(Pivot::IntegratedProject, MatrixOptions::default());
    data.filter = app.dashboard.filter.clone();
    app.update(Action::DashboardLoaded(Box::new(data)));
    keys(&mut app, &[ch('l'), ch('l')]);
    press(&mut app, Key::Enter);
    // The row's `ip:` replaces the scope's (repeated fields would mean either), the phase too.
    assert_eq!(list(&app).query, "がん ip:drug phase:nonclinical");
    assert_eq!(
        list(&app).filter,
        Filter {
            words: vec!["がん".into()],
            integrated_projects: Some(vec![1]),
            phases: Some((Phase::NonClinical, Phase::NonClinical)),
            ..Filter::default()
        }
    );
    assert_eq!(
        crumbs(&app)[1],
        "がん ip:drug,regen phase:基礎..臨床 × 医薬品プロジェクト × 非臨床"
    );
    // A row outside the scope (医療機器) or a phase outside it (実用化) opens nothing: its
    // cell counts no project, and a list of "its" projects would not be empty.
    press(&mut app, Key::Esc);
    keys(&mut app, &[ch('j')]);
    assert_eq!(press(&mut app, Key::Enter), []);
    assert_eq!(app.stack.len(), 1);
    assert!(app.status.as_deref().unwrap().contains("範囲"));
    keys(&mut app, &[ch('k'), ch('l'), ch('l')]);
    assert_eq!(app.dashboard.col, 4);
    assert_eq!(press(&mut app, Key::Enter), []);
    assert_eq!(app.stack.len(), 1);
}

#[test]
fn enter_on_a_row_label_shows_the_row_by_the_other_axis_and_esc_returns() {
    let mut app = loaded();
    keys(&mut app, &[ch('j'), ch('h')]);
    assert!(app.dashboard.on_label, "left of 基礎 is the row's label");
    assert_eq!(app.dashboard.col, 0);
    let effects = press(&mut app, Key::Enter);
    let device = Filter {
        integrated_projects: Some(vec![2]),
        ..Filter::default()
    };
    assert_eq!(
        effects,
        [Effect::LoadScopedDashboard {
            pivot: Pivot::DiseaseArea,
            today: today(),
            mine: None,
            budget_year: None,
            filter: device.clone(),
            scope: scope(),
        }]
    );
    assert_eq!(app.stack.len(), 1, "still the dashboard");
    assert_eq!(app.dashboard.scope, "ip:device");
    assert_eq!(
        app.dashboard.scope_name().as_deref(),
        Some("医療機器・ヘルスケアプロジェクト")
    );
    app.update(Action::DashboardLoaded(Box::new(scoped_data(
        Pivot::DiseaseArea,
        device.clone(),
    ))));
    let body = body_rows(&mut app, 80, 24);
    assert!(
        body[0].contains("範囲: 医療機器・ヘルスケアプロジェクト") && body[0].contains("Esc 戻る"),
        "{}",
        body.join("\n")
    );
    assert!(body[3].starts_with(" 疾患領域"), "{}", body.join("\n"));
    // A cell of the new matrix opens that integrated project's projects in that area.
    keys(&mut app, &[ch('l'), ch('l')]);
    press(&mut app, Key::Enter);
    assert_eq!(list(&app).query, "ip:device area:cancer phase:applied");
    assert_eq!(
        crumbs(&app)[1],
        "医療機器・ヘルスケアプロジェクト × がん × 応用"
    );
    press(&mut app, Key::Esc);
    // Esc on the dashboard: back to the integrated projects, the cursor on the label it left.
    assert_eq!(
        press(&mut app, Key::Esc),
        [load_dashboard(
            Pivot::IntegratedProject,
            false,
            false,
            today()
        )]
    );
    assert_eq!(app.dashboard.pivot, Pivot::IntegratedProject);
    assert_eq!(app.dashboard.scope, "");
    assert_eq!(
        (app.dashboard.row, app.dashboard.on_label),
        (1, true),
        "the cursor is where it was"
    );
}

#[test]
fn enter_on_the_totals_label_shows_the_same_scope_by_the_other_axis() {
    let mut app = loaded();
    keys(&mut app, &[ch('G'), ch('h')]);
    let effects = press(&mut app, Key::Enter);
    assert_eq!(
        effects,
        [load_dashboard(Pivot::DiseaseArea, false, false, today())]
    );
    assert_eq!(app.dashboard.trail.len(), 1);
    press(&mut app, Key::Esc);
    assert_eq!(app.dashboard.pivot, Pivot::IntegratedProject);
    assert_eq!(app.dashboard.row, 3);
}

/// The task of issue 14: the pipeline of one integrated project in one disease area. A "key" is
/// one key press: a typed query counts one key per character (`/ip:drug area:cancer` would be
/// 20). From the start (cursor on 医薬品 × 基礎): `h` (to the row's label), Enter (医薬品 by
/// disease area): the row がん is that pipeline.
#[test]
fn the_pipeline_of_one_integrated_project_in_one_disease_area_takes_two_keys() {
    let mut app = loaded();
    let journey = [ch('h'), Key::Enter];
    let effects = keys(&mut app, &journey);
    assert!(journey.len() <= 3);
    assert!(matches!(
        &effects[..],
        [Effect::LoadScopedDashboard { pivot: Pivot::DiseaseArea, filter, .. }] if *filter == drug()
    ));
    let mut data = scoped_data(Pivot::DiseaseArea, drug());
    data.matrix.rows[0].cells = [cell(3), cell(2), cell(1), cell(0), cell(0)];
    app.update(Action::DashboardLoaded(Box::new(data)));
    let body = body_rows(&mut app, 80, 24);
    let row = body
        .iter()
        .find(|l| l.starts_with(" がん"))
        .unwrap_or_else(|| panic!("{}", body.join("\n")));
    let figures: Vec<&str> = row.split_whitespace().skip(1).collect();
    assert_eq!(figures[..5], ["3", "2", "1", "0", "0"], "{row}");
    assert!(
        body[0].contains("医薬品プロジェクト"),
        "{}",
        body.join("\n")
    );
}
