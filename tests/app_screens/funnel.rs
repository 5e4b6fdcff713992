//! The phase funnel: the fiscal year it loads, Left / Right between years (never past the
//! current one), answers for another year ignored, and scrolling.

use super::*;
use seedline::query::Filter;

fn load_funnel(year: i32) -> Effect {
    Effect::LoadFunnel {
        year: FiscalYear(year),
        filter: Filter::default(),
        scope: scope(),
    }
}

/// The funnel of FY2026 with `n` integrated projects, at `w`×`h`.
fn opened(w: u16, h: u16, n: usize) -> App {
    let mut app = sized(w, h);
    assert_eq!(press(&mut app, ch('F')), [load_funnel(2026)]);
    app.update(Action::FunnelLoaded(Box::new(funnel_data(2026, n))));
    app
}

#[test]
fn f_opens_the_current_fiscal_years_funnel() {
    let app = opened(80, 24, 14);
    assert_eq!(crumbs(&app), ["ダッシュボード", "フェーズ推移 2026年度"]);
    assert_eq!(app.screen().content_height(), Some(25));
}

#[test]
fn right_at_the_current_fiscal_year_does_nothing() {
    let mut app = opened(80, 24, 3);
    assert_eq!(press(&mut app, Key::Right), []);
    assert_eq!(funnel(&app).year, FiscalYear(2026));
    assert!(funnel(&app).funnel.is_some(), "the figures stay");
}

#[test]
fn left_and_right_change_the_year_and_reload() {
    let mut app = opened(80, 24, 3);
    assert_eq!(press(&mut app, Key::Left), [load_funnel(2025)]);
    assert_eq!(funnel(&app).year, FiscalYear(2025));
    assert_eq!(funnel(&app).funnel, None);
    assert_eq!(crumbs(&app)[1], "フェーズ推移 2025年度");
    assert_eq!(app.screen().content_height(), Some(1), "loading");
    // FY2026's answer arriving late is not shown as 2025's.
    app.update(Action::FunnelLoaded(Box::new(funnel_data(2026, 3))));
    assert_eq!(funnel(&app).funnel, None);
    app.update(Action::FunnelLoaded(Box::new(funnel_data(2025, 2))));
    assert_eq!(app.screen().content_height(), Some(13));
    // Left from 在籍 came to 2025's 移行; Left and Right walk the cells, years at the edges.
    assert_eq!(funnel(&app).col, 1);
    assert_eq!(press(&mut app, ch('h')), [], "to 在籍 of the same year");
    assert_eq!(press(&mut app, ch('h')), [load_funnel(2024)]);
    assert_eq!(press(&mut app, ch('l')), [load_funnel(2025)]);
    assert_eq!(funnel(&app).col, 0);
    assert_eq!(press(&mut app, ch('l')), []);
    assert_eq!(press(&mut app, ch('l')), [load_funnel(2026)]);
    assert_eq!(press(&mut app, ch('l')), []);
    assert_eq!(press(&mut app, ch('l')), [], "not past the current year");
    assert_eq!(funnel(&app).year, FiscalYear(2026));
}

#[test]
fn scrolling_stops_at_the_last_integrated_project_at_80x24() {
    let mut app = opened(80, 24, 14);
    // j moves the cursor down the phases; past the last one it scrolls.
    assert_eq!(keys(&mut app, &[ch('j'); 4]), []);
    assert_eq!((funnel(&app).row, funnel(&app).scroll), (4, 0));
    assert_eq!(press(&mut app, ch('j')), []);
    assert_eq!((funnel(&app).row, funnel(&app).scroll), (4, 1));
    press(&mut app, Key::PageDown);
    assert_eq!(funnel(&app).scroll, 3, "11 head lines and 14 rows in 22");
    // The whole content scrolls: three lines up, the time-in-phase header is the eighth row.
    let body = body_rows(&mut app, 80, 24);
    assert!(body[0].contains("基礎›応用"), "{}", body[0]);
    assert!(body[7].contains("滞留中央値（日）"), "{}", body[7]);
    assert!(body[8].contains("統合PJ00"), "{}", body[8]);
    assert!(body[21].contains("統合PJ13"), "{}", body[21]);
    press(&mut app, ch('g'));
    assert_eq!(funnel(&app).scroll, 0);
}

#[test]
fn scrolling_stops_at_the_content_height_at_40x12() {
    let mut app = opened(40, 12, 14);
    press(&mut app, Key::PageDown);
    assert_eq!(funnel(&app).scroll, 9);
    press(&mut app, ch('G'));
    assert_eq!(funnel(&app).scroll, 15, "25 lines, 10 on screen");
}

#[test]
fn the_last_integrated_project_can_be_reached_at_40x12() {
    let mut app = opened(40, 12, 14);
    press(&mut app, ch('G'));
    // Names are cut at 40 columns; the last row's medians (100 + 13) name it.
    let body = body_rows(&mut app, 40, 12);
    assert!(body[9].contains("113"), "{}", body.join("\n"));
}

/// At 40 columns the stalled line keeps its figure whole and cuts its explanation with `~`, as
/// the legend under the steps does, in both languages (they ran off the edge before).
#[test]
fn the_stalled_line_and_the_legend_are_cut_with_a_tilde_at_40_columns() {
    for lang in [seedline::Lang::Ja, seedline::Lang::En] {
        let mut app = opened(40, 12, 3);
        app.lang = lang;
        let body = body_rows(&mut app, 40, 12);
        let stalled = &body[1];
        assert!(
            stalled.contains(" 3 ") && stalled.trim_end().ends_with('~'),
            "{lang:?}: {stalled}"
        );
        let legend = body
            .iter()
            .find(|l| l.contains("在籍=") || l.contains("in = there"))
            .unwrap_or_else(|| panic!("{lang:?}: {}", body.join("\n")));
        assert!(legend.trim_end().ends_with('~'), "{lang:?}: {legend}");
    }
}
