//! The outcome tally (`T`) and recording an outcome from the detail (`R`): what they load, `t`
//! cycling the kind without a reload, the cell cursor and the window of years, Enter opening the
//! cell's projects with an `outcome:` term, the form's Save, and drawing at 80×24 and 40×12.

use super::*;
use seedline::app::{Done, FormKind, Overlay, Save, SaveOutcome, Undo};
use seedline::model::{NewOutcome, OutcomeKind, OutcomeTally, TallyRow};
use seedline::query::Filter;

fn load_outcomes() -> Effect {
    Effect::LoadOutcomes {
        filter: Filter::default(),
        scope: scope(),
    }
}

/// A tally over FY2019..=2026 for the three integrated projects of `reference()` and a
/// 2nd-period one: row `r`, year `y`, kind `k` counts `r + y + k` (so every cell differs).
fn tally() -> OutcomeTally {
    let years: Vec<FiscalYear> = (2019..=2026).map(FiscalYear).collect();
    let row = |id: i64, code: &str, period: i64, ja: &str| TallyRow {
        id,
        code: code.into(),
        period,
        name_ja: ja.into(),
        name_en: code.into(),
        counts: (0..years.len() as i64)
            .map(|y| std::array::from_fn(|k| id + y + k as i64))
            .collect(),
    };
    OutcomeTally {
        rows: vec![
            row(1, "drug", 3, "医薬品プロジェクト"),
            row(2, "device", 3, "医療機器・ヘルスケアプロジェクト"),
            row(3, "regen", 3, "再生・細胞医療・遺伝子治療プロジェクト"),
            row(9, "drug2", 2, "医薬品プロジェクト"),
        ],
        years,
    }
}

fn outcomes_state(app: &App) -> &seedline::app::OutcomesState {
    match app.screen() {
        Screen::Outcomes(o) => o,
        other => panic!("expected the outcome tally, found {other:?}"),
    }
}

/// The tally opened with `T` and answered, at `w`×`h`.
fn opened(w: u16, h: u16) -> App {
    let mut app = sized(w, h);
    assert_eq!(press(&mut app, ch('T')), [load_outcomes()]);
    app.update(Action::OutcomesLoaded(Box::new(tally())));
    app
}

#[test]
fn capital_t_opens_the_tally_over_the_dashboard() {
    let mut app = app();
    open_list(&mut app, 101..=103);
    assert_eq!(press(&mut app, ch('T')), [load_outcomes()]);
    assert_eq!(crumbs(&app), ["ダッシュボード", "成果集計 (全種別)"]);
    assert_eq!(app.screen().content_height(), Some(1), "loading");
    app.update(Action::OutcomesLoaded(Box::new(tally())));
    assert_eq!(app.screen().content_height(), Some(4 + 5));
    // The cursor starts on the first row and the latest year.
    assert_eq!(outcomes_state(&app).row, 0);
    assert_eq!(outcomes_state(&app).cursor_col(), 7);
}

#[test]
fn t_cycles_the_kind_without_loading_again() {
    let mut app = opened(80, 24);
    let mut names = Vec::new();
    for _ in 0..6 {
        assert_eq!(press(&mut app, ch('t')), [], "the tally holds every kind");
        names.push(crumbs(&app)[1].clone());
    }
    assert_eq!(
        names,
        [
            "成果集計 (薬事承認)",
            "成果集計 (企業導出)",
            "成果集計 (非臨床PoC)",
            "成果集計 (治験)",
            "成果集計 (論文)",
            "成果集計 (全種別)",
        ]
    );
    press(&mut app, ch('t'));
    press(&mut app, ch('t'));
    assert_eq!(outcomes_state(&app).kind, Some(OutcomeKind::Licensing));
    let body = body_rows(&mut app, 80, 24);
    // Licensing is kind 1: drug (row id 1) in FY2026 (year 7) counts 1 + 7 + 1 = 9.
    let drug = body
        .iter()
        .find(|r| r.contains("医薬品プロジェクト"))
        .unwrap();
    assert!(drug.contains("  9 "), "{drug}");
    assert!(
        body[1].contains("434"),
        "AMED's published figure: {}",
        body[1]
    );
    assert!(
        body[2].contains("130"),
        "the 3rd-period target: {}",
        body[2]
    );
}

#[test]
fn left_and_right_move_the_cursor_and_the_window_of_years() {
    let mut app = opened(80, 24);
    let header = |app: &mut App| -> Vec<String> {
        body_rows(app, 80, 24)[3]
            .split_whitespace()
            .filter(|w| w.ends_with("年度"))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(
        header(&mut app),
        ["2022年度", "2023年度", "2024年度", "2025年度", "2026年度"],
        "the latest years first"
    );
    press(&mut app, Key::Right);
    assert_eq!(outcomes_state(&app).cursor_col(), 8, "the total column");
    press(&mut app, Key::Right);
    assert_eq!(outcomes_state(&app).cursor_col(), 8, "stays on the total");
    keys(&mut app, &[Key::Left; 7]);
    assert_eq!(outcomes_state(&app).cursor_col(), 1);
    assert_eq!(header(&mut app)[0], "2020年度", "the window followed");
    keys(&mut app, &[Key::Left; 3]);
    assert_eq!(outcomes_state(&app).cursor_col(), 0);
    assert_eq!(header(&mut app)[0], "2019年度");
}

#[test]
fn enter_opens_the_projects_of_the_cell() {
    let mut app = opened(80, 24);
    keys(&mut app, &[ch('t'), ch('t'), ch('j'), Key::Left]);
    let effects = press(&mut app, Key::Enter);
    assert!(
        matches!(effects[..], [Effect::LoadListHead { .. }]),
        "{effects:?}"
    );
    let l = list(&app);
    assert_eq!(l.query, "outcome:licensing@2025 ip:device");
    assert_eq!(
        l.label,
        "企業導出 × 医療機器・ヘルスケアプロジェクト × 2025年度"
    );
    // The total row and the total column: every integrated project, every year.
    press(&mut app, Key::Esc);
    keys(&mut app, &[ch('G'), Key::Right, Key::Right, ch('t')]);
    press(&mut app, Key::Enter);
    assert_eq!(list(&app).query, "outcome:nonclinical_poc");
}

#[test]
fn down_scrolls_the_rows_and_keeps_the_total_row() {
    // 10 rows: title, status, 4 heading lines and the totals row leave 3 body rows for 4.
    let mut app = opened(40, 10);
    let body = body_rows(&mut app, 40, 10);
    assert!(!body.iter().any(|r| r.starts_with(" 2期")), "{body:?}");
    keys(&mut app, &[ch('j'), ch('j'), ch('j')]);
    assert_eq!(outcomes_state(&app).row, 3);
    assert_eq!(outcomes_state(&app).scroll, 1);
    let body = body_rows(&mut app, 40, 10);
    assert!(body[6].starts_with(" 2期"), "{body:?}");
    assert!(body[7].starts_with(" 計"), "{body:?}");
    press(&mut app, ch('G'));
    assert_eq!(outcomes_state(&app).row, 4, "the total row");
    press(&mut app, ch('g'));
    assert_eq!(outcomes_state(&app).scroll, 0);
    // At 40×12 every row fits with the totals.
    let mut app = opened(40, 12);
    let body = body_rows(&mut app, 40, 12);
    assert!(body[8].starts_with(" 計"), "{body:?}");
}

#[test]
fn the_tally_draws_at_80x24_and_40x12_without_cutting_numbers() {
    for (w, h) in [(80, 24), (40, 12), (20, 5), (120, 40)] {
        let mut app = opened(w, h);
        let rows = screen_rows(&mut app, w, h);
        for row in &rows {
            assert!(seedline::text::width(row) <= w as usize, "{row}");
        }
        // The table's count cells are whole: each row ends with its total, and no number is cut
        // (the reference lines above may be, with `~`).
        let Some(head) = rows.iter().position(|r| r.starts_with(" 統合")) else {
            assert!(h < 8, "no table at {w}x{h}: {rows:?}");
            continue;
        };
        for row in rows[head + 1..].iter().take_while(|r| !r.is_empty()) {
            let last = row.split_whitespace().last().unwrap();
            assert!(last.replace(',', "").parse::<i64>().is_ok(), "{row}");
            for word in row.split_whitespace().skip(1) {
                let number = word.starts_with(|c: char| c.is_ascii_digit());
                assert!(!(number && word.ends_with('~')), "{row}");
            }
            if row.starts_with(" 計") {
                break;
            }
        }
    }
    let mut app = opened(80, 24);
    let body = body_rows(&mut app, 80, 24);
    assert!(
        body[0].contains("全種別") && body[0].contains("計"),
        "{}",
        body[0]
    );
    assert!(
        body.iter().any(|r| r.starts_with(" 2期 医薬品")),
        "{body:?}"
    );
    let total = body.iter().find(|r| r.starts_with(" 計")).unwrap();
    let grand: i64 = tally().total(None);
    assert!(
        total.ends_with(&seedline::text::thousands(grand)),
        "{total}"
    );
}

#[test]
fn an_empty_tally_says_how_to_record_outcomes() {
    let mut app = sized(80, 24);
    press(&mut app, ch('T'));
    app.update(Action::OutcomesLoaded(Box::default()));
    assert_eq!(app.screen().content_height(), Some(2));
    let body = body_rows(&mut app, 80, 24);
    assert!(body[1].contains("outcome add"), "{}", body[1]);
    assert_eq!(press(&mut app, Key::Enter), [], "no cell to open");
}

#[test]
fn capital_r_on_the_detail_records_an_outcome_and_u_takes_it_back() {
    let mut app = sized(80, 24);
    open_detail(&mut app, project_detail(103, 0, 0));
    assert_eq!(press(&mut app, ch('R')), []);
    let Overlay::Form(form) = &app.overlay else {
        panic!("{:?}", app.overlay);
    };
    assert_eq!(form.kind, FormKind::Outcome { project_id: 103 });
    assert_eq!(form.choice("kind"), Some("licensing"), "企業導出 first");
    assert_eq!(
        form.date("date", seedline::Lang::Ja).unwrap(),
        Some(today()),
        "prefilled with today"
    );
    // 種別: one step right is 非臨床PoC; then the product and the detail.
    press(&mut app, Key::Right);
    keys(&mut app, &[Key::Down, Key::Down]);
    for c in "製品X".chars() {
        press(&mut app, ch(c));
    }
    press(&mut app, Key::Down);
    for c in "GLP毒性試験完了".chars() {
        press(&mut app, ch(c));
    }
    let effects = press(&mut app, Key::Ctrl('s'));
    let expected = Save::Outcome {
        project_id: 103,
        outcome: NewOutcome {
            kind: OutcomeKind::NonclinicalPoc,
            on: today(),
            product: Some("製品X".into()),
            detail: "GLP毒性試験完了".into(),
        },
    };
    assert_eq!(effects, [Effect::Save(expected)]);
    let effects = app.update(Action::SaveDone(SaveOutcome::Saved {
        done: Done::OutcomeRecorded {
            kind: OutcomeKind::NonclinicalPoc,
            on: today(),
        },
        undo: vec![Undo::OutcomeAdded { outcome_id: 77 }],
    }));
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(
        app.notice.as_deref(),
        Some("非臨床POC 2026-11-25 を成果として記録しました（u で取り消し）")
    );
    assert!(effects.contains(&Effect::LoadDetail {
        id: 103,
        me: ME.into()
    }));
    assert_eq!(
        press(&mut app, ch('u')),
        [Effect::Save(Save::Undo(Undo::OutcomeAdded {
            outcome_id: 77
        }))]
    );
}

#[test]
fn an_outcome_form_without_a_date_is_refused_with_a_message() {
    let mut app = sized(80, 24);
    open_detail(&mut app, project_detail(103, 0, 0));
    press(&mut app, ch('R'));
    press(&mut app, Key::Down);
    for _ in 0..10 {
        press(&mut app, Key::Backspace);
    }
    assert_eq!(press(&mut app, Key::Ctrl('s')), []);
    assert!(
        matches!(app.overlay, Overlay::Form(_)),
        "the form stays open"
    );
    assert!(
        app.status.as_deref().unwrap_or("").starts_with("日付: "),
        "{:?}",
        app.status
    );
}

#[test]
fn the_detail_lists_outcomes_with_who_recorded_them() {
    let mut app = sized(100, 40);
    let mut d = project_detail(103, 0, 0);
    d.outcomes = vec![seedline::model::OutcomeView {
        id: 5,
        kind: OutcomeKind::Licensing,
        on: "2026-06-01".into(),
        product_name: Some("製品Y".into()),
        detail: "実施許諾".into(),
        recorded_by: Some(ME.into()),
        version: 1,
    }];
    open_detail(&mut app, d);
    let lines: Vec<String> = detail_state(&app).lines.iter().map(|l| l.text()).collect();
    let line = lines.iter().find(|l| l.contains("2026-06-01")).unwrap();
    assert!(
        line.contains("企業導出")
            && line.contains("「製品Y」")
            && line.contains(&format!("記録 {ME}")),
        "{line}"
    );
}
