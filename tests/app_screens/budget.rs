//! The budget pivot: what `B` and `t` load, answers for other rows ignored, scrolling against the
//! page size, and Left / Right over the window of fiscal years.

use super::*;
use seedline::query::Filter;

fn load_budget(rows_by: BudgetRows) -> Effect {
    Effect::LoadBudget {
        rows_by,
        filter: Filter::default(),
        scope: scope(),
    }
}

/// The pivot by integrated project with `n` rows over FY2020..=2026, at `w`×`h`.
fn opened(w: u16, h: u16, n: usize) -> App {
    let mut app = sized(w, h);
    assert_eq!(
        press(&mut app, ch('B')),
        [load_budget(BudgetRows::IntegratedProject)]
    );
    app.update(Action::BudgetLoaded(Box::new(budget_pivot(
        BudgetRows::IntegratedProject,
        n,
    ))));
    app
}

/// The fiscal years in the pivot's column header as drawn at 80×24.
fn years_shown(app: &mut App) -> Vec<String> {
    let body = body_rows(app, 80, 24);
    body[1]
        .split_whitespace()
        .map(|w| w.trim_matches(['‹', '›']))
        .filter(|w| w.ends_with("年度"))
        .map(str::to_string)
        .collect()
}

#[test]
fn b_opens_the_pivot_over_the_screen_it_was_pressed_on() {
    let mut app = app();
    open_list(&mut app, 101..=103);
    press(&mut app, Key::Enter);
    assert_eq!(
        press(&mut app, ch('B')),
        [load_budget(BudgetRows::IntegratedProject)]
    );
    assert_eq!(
        crumbs(&app),
        [
            "ダッシュボード",
            "課題一覧",
            "#101",
            "年度別配分額 (統合プロジェクト)"
        ]
    );
    assert_eq!(app.screen().content_height(), Some(1), "loading");
    app.update(Action::BudgetLoaded(Box::new(budget_pivot(
        BudgetRows::IntegratedProject,
        3,
    ))));
    assert_eq!(app.screen().content_height(), Some(6));
}

#[test]
fn t_cycles_the_rows_and_reloads_ignoring_older_answers() {
    let mut app = opened(80, 24, 3);
    press(&mut app, ch('j'));
    assert_eq!(press(&mut app, ch('t')), [load_budget(BudgetRows::Program)]);
    assert_eq!(budget(&app).rows_by, BudgetRows::Program);
    assert_eq!(budget(&app).pivot, None);
    assert_eq!(budget(&app).scroll, 0);
    assert_eq!(crumbs(&app)[1], "年度別配分額 (事業)");
    app.update(Action::BudgetLoaded(Box::new(budget_pivot(
        BudgetRows::IntegratedProject,
        3,
    ))));
    assert_eq!(budget(&app).pivot, None, "an answer for other rows");
    app.update(Action::BudgetLoaded(Box::new(budget_pivot(
        BudgetRows::Program,
        4,
    ))));
    assert_eq!(budget(&app).pivot.as_ref().map(|p| p.rows.len()), Some(4));
    assert_eq!(press(&mut app, ch('t')), [load_budget(BudgetRows::Phase)]);
    assert_eq!(
        press(&mut app, ch('t')),
        [load_budget(BudgetRows::IntegratedProject)]
    );
}

#[test]
fn the_cursor_scrolls_the_rows_and_stops_at_the_totals_at_80x24() {
    let mut app = opened(80, 24, 25);
    assert_eq!(app.screen().content_height(), Some(28));
    assert_eq!(press(&mut app, ch('j')), []);
    assert_eq!((budget(&app).row, budget(&app).scroll), (1, 0));
    press(&mut app, Key::PageDown);
    assert_eq!(
        (budget(&app).row, budget(&app).scroll),
        (20, 2),
        "19 rows between header and totals"
    );
    press(&mut app, ch('G'));
    assert_eq!(budget(&app).row, 25, "the totals row is the last stop");
    press(&mut app, ch('k'));
    assert_eq!((budget(&app).row, budget(&app).scroll), (24, 6));
    let body = body_rows(&mut app, 80, 24);
    assert!(body[2].starts_with(" 行06"), "{}", body[2]);
    assert!(body[20].starts_with(" 行24"), "{}", body[20]);
    assert!(body[21].starts_with(" 計"), "{}", body[21]);
}

#[test]
fn the_cursor_scrolls_the_rows_and_stops_at_the_totals_at_40x12() {
    let mut app = opened(40, 12, 25);
    press(&mut app, Key::PageDown);
    assert_eq!(
        (budget(&app).row, budget(&app).scroll),
        (7, 1),
        "7 rows on a page"
    );
    keys(&mut app, &[ch('G'), ch('k')]);
    assert_eq!(budget(&app).scroll, 18);
    let body = body_rows(&mut app, 40, 12);
    assert!(body[8].starts_with(" 行24"), "{}", body[8]);
    assert!(body[9].starts_with(" 計"), "{}", body[9]);
}

#[test]
fn left_and_right_reach_the_first_and_the_latest_years() {
    let mut app = opened(80, 24, 3);
    assert_eq!(
        years_shown(&mut app),
        ["2024年度", "2025年度", "2026年度"],
        "the latest three years fit 80 columns"
    );
    assert_eq!(
        budget(&app).cursor_col(),
        6,
        "the cursor starts on the latest year"
    );
    assert_eq!(keys(&mut app, &[Key::Left; 10]), []);
    assert_eq!(budget(&app).cursor_col(), 0);
    assert_eq!(budget(&app).first_year, Some(0));
    assert_eq!(years_shown(&mut app), ["2020年度", "2021年度", "2022年度"]);
    keys(&mut app, &[Key::Right; 3]);
    assert_eq!(years_shown(&mut app), ["2021年度", "2022年度", "2023年度"]);
    keys(&mut app, &[ch('l'); 10]);
    assert_eq!(
        budget(&app).cursor_col(),
        7,
        "the all-years total is the last column"
    );
    assert_eq!(years_shown(&mut app), ["2024年度", "2025年度", "2026年度"]);
    assert_eq!(
        press(&mut app, ch('h')),
        [],
        "no reload: the pivot has every year"
    );
}

#[test]
fn the_first_left_moves_the_cursor_and_the_window_follows_it() {
    let mut app = opened(80, 24, 3);
    press(&mut app, Key::Left);
    assert_eq!(budget(&app).cursor_col(), 5, "the first Left is not lost");
    assert_eq!(years_shown(&mut app), ["2024年度", "2025年度", "2026年度"]);
    keys(&mut app, &[Key::Left, Key::Left]);
    assert_eq!(budget(&app).cursor_col(), 3);
    assert_eq!(years_shown(&mut app), ["2023年度", "2024年度", "2025年度"]);
}
