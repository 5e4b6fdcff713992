//! The gaps between programs (`X`): what it loads, `t` cycling program pairs / fiscal years /
//! seeds without a reload, Enter opening the row's successors (or the seed's chain) by
//! 課題管理番号, and drawing at 80×24, 200×50 and 40×12 in both languages.

use super::*;
use seedline::app::screens::{SeamlessState, SeamlessView};
use seedline::model::{
    LineageKind, LineageLink, LineageProject, LinkedFlag, Seamless, SeedPhases, seamless_figures,
};
use std::collections::HashMap;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn project(id: i64, program: (&str, &str), start: &str, end: &str) -> LineageProject {
    LineageProject {
        id,
        amed_id: format!("JP2{id}ab010000{id}"),
        title: title(id),
        program: (program.0.into(), program.1.into()),
        phase: Phase::Basic,
        start: d(start),
        end: Some(d(end)),
        retired: false,
    }
}

const CREST: (&str, &str) = ("革新的先端研究開発支援事業", "AMED-CREST");
const BRIDGE: (&str, &str) = ("橋渡し研究プログラム", "Translational Research Program");
const CANCER: (&str, &str) = (
    "革新的がん医療実用化研究事業",
    "Practical Research for Innovative Cancer Control",
);

/// Two seeds: 1 > 2 > 3 (CREST > bridge seamless, bridge > cancer 91 days by highway, decided
/// in 30 days; 基礎 2018-04-01 to 実用化 2025-06-10) and 4 > 5 (CREST > bridge, 28 days).
fn data() -> Seamless {
    let p1 = project(1, CREST, "2018-04-01", "2021-03-31");
    let p2 = project(2, BRIDGE, "2021-04-01", "2023-03-31");
    let p3 = project(3, CANCER, "2023-07-01", "2026-03-31");
    let p4 = project(4, CREST, "2019-04-01", "2022-03-31");
    let p5 = project(5, BRIDGE, "2022-04-29", "2024-03-31");
    let link = |p: &LineageProject, s: &LineageProject, kind, flag| LineageLink {
        id: p.id * 10 + s.id,
        predecessor: p.clone(),
        successor: s.clone(),
        kind,
        flag,
        linked_by: ME.into(),
        linked_at: "2025-01-01T00:00:00Z".into(),
    };
    let flag = LinkedFlag {
        id: 7,
        flagged_on: d("2022-10-01"),
        decided_on: Some(d("2022-10-31")),
    };
    let links = vec![
        link(&p1, &p2, LineageKind::Matching, None),
        link(&p2, &p3, LineageKind::Highway, Some(flag)),
        link(&p4, &p5, LineageKind::Matching, None),
    ];
    let phases = HashMap::from([
        (
            1,
            SeedPhases {
                basic_on: Some(d("2018-04-01")),
                practical_on: None,
            },
        ),
        (
            3,
            SeedPhases {
                basic_on: None,
                practical_on: Some(d("2025-06-10")),
            },
        ),
        (
            4,
            SeedPhases {
                basic_on: Some(d("2019-04-01")),
                practical_on: None,
            },
        ),
    ]);
    seamless_figures(&links, &phases)
}

fn state(app: &App) -> &SeamlessState {
    match app.screen() {
        Screen::Seamless(s) => s,
        other => panic!("expected the gaps between programs, found {other:?}"),
    }
}

/// The screen opened with `X` and answered, at `w`×`h` in `lang`.
fn opened(lang: Lang, w: u16, h: u16) -> App {
    let mut app = sized(w, h);
    app.lang = lang;
    assert_eq!(press(&mut app, ch('X')), [Effect::LoadSeamless]);
    app.update(Action::SeamlessLoaded(Box::new(data())));
    app
}

#[test]
fn capital_x_opens_the_gaps_over_the_screen_it_was_pressed_on() {
    let mut app = app();
    open_list(&mut app, 101..=103);
    assert_eq!(press(&mut app, ch('X')), [Effect::LoadSeamless]);
    assert_eq!(
        crumbs(&app),
        ["ダッシュボード", "課題一覧", "事業間の切れ目 (事業間)"]
    );
    assert_eq!(app.screen().content_height(), Some(1), "loading");
    app.update(Action::SeamlessLoaded(Box::new(data())));
    // Two pairs under the title, the two totals lines and the header.
    assert_eq!(app.screen().content_height(), Some(4 + 2));
    press(&mut app, Key::Esc);
    assert_eq!(
        crumbs(&app),
        ["ダッシュボード", "課題一覧"],
        "back to the list"
    );
}

#[test]
fn t_cycles_pairs_years_and_seeds_without_loading_again() {
    let mut app = opened(Lang::Ja, 80, 24);
    press(&mut app, ch('j'));
    assert_eq!(state(&app).cursor, 1);
    assert_eq!(press(&mut app, ch('t')), []);
    assert_eq!(state(&app).view, SeamlessView::Years);
    assert_eq!(state(&app).cursor, 0, "a new view starts at its first row");
    // FY2021 (1 > 2), FY2022 (4 > 5), FY2023 (2 > 3).
    assert_eq!(app.screen().content_height(), Some(4 + 3));
    press(&mut app, ch('t'));
    assert_eq!(state(&app).view, SeamlessView::Seeds);
    assert_eq!(app.screen().content_height(), Some(4 + 2));
    press(&mut app, ch('t'));
    assert_eq!(state(&app).view, SeamlessView::Pairs);
}

#[test]
fn enter_opens_the_successors_of_a_pair_or_the_chain_of_a_seed() {
    let mut app = opened(Lang::Ja, 80, 24);
    // Pairs, most hand-overs first: CREST > bridge (2), then bridge > cancer.
    let effects = press(&mut app, Key::Enter);
    assert!(
        matches!(effects[..], [Effect::LoadListHead { .. }]),
        "{effects:?}"
    );
    assert_eq!(list(&app).query, "id:JP22ab0100002,JP25ab0100005");
    assert_eq!(
        list(&app).label,
        "革新的先端研究開発支援事業 › 橋渡し研究プログラム 後継課題"
    );
    press(&mut app, Key::Esc);
    keys(&mut app, &[ch('t'), ch('t')]);
    press(&mut app, Key::Enter);
    assert_eq!(
        list(&app).query,
        "id:JP21ab0100001,JP22ab0100002,JP23ab0100003"
    );
    assert_eq!(list(&app).label, "シーズの系譜 JP21ab0100001");
}

#[test]
fn an_empty_lineage_says_how_to_record_one() {
    let mut app = sized(80, 24);
    press(&mut app, ch('X'));
    app.update(Action::SeamlessLoaded(Box::default()));
    assert_eq!(app.screen().content_height(), Some(2));
    let body = body_rows(&mut app, 80, 24);
    assert!(body[1].contains("lineage link"), "{}", body[1]);
    assert_eq!(press(&mut app, Key::Enter), [], "no row to open");
}

#[test]
fn the_figures_are_on_screen_in_full_at_every_size() {
    for lang in [Lang::Ja, Lang::En] {
        for (w, h) in [(80, 24), (200, 50), (40, 12)] {
            let mut app = opened(lang, w, h);
            let rows = screen_rows(&mut app, w, h);
            for row in &rows {
                assert!(seedline::text::width(row) <= w as usize, "{row}");
            }
            // The pair row: 2 hand-overs, median 14, and at least 80 columns the worst 28 and 50%.
            let first = &rows[5];
            let words: Vec<&str> = first.split_whitespace().collect();
            assert!(words.contains(&"2") && words.contains(&"14"), "{first}");
            if w >= 80 {
                assert!(words.contains(&"28") && words.contains(&"50%"), "{first}");
            }
            for row in &rows[5..] {
                for word in row.split_whitespace() {
                    let number = word.starts_with(|c: char| c.is_ascii_digit() || c == '-');
                    assert!(!(number && word.ends_with('~')), "a cut figure: {row}");
                }
            }
            // The totals line: 3 hand-overs, 1 of 3 seamless.
            let totals = &rows[2];
            if w >= 80 {
                assert!(totals.contains("33% (1/3)"), "{totals}");
                assert!(
                    rows[3].contains(" 28 ") && rows[3].contains(" 91 "),
                    "{}",
                    rows[3]
                );
            }
            let name = format!(
                "seamless_pairs_{}_{w}x{h}",
                if lang == Lang::Ja { "ja" } else { "en" }
            );
            insta::assert_snapshot!(name, rows.join("\n"));
            press(&mut app, ch('t'));
            press(&mut app, ch('t'));
            let rows = screen_rows(&mut app, w, h);
            // The first seed took 2,627 days from 基礎 to 実用化; the second has not arrived.
            assert!(rows[5].contains("2,627"), "{}", rows[5]);
            let not_yet = if lang == Lang::Ja {
                "未到達"
            } else {
                "not yet"
            };
            assert!(rows[6].contains(not_yet), "{}", rows[6]);
            let name = format!(
                "seamless_seeds_{}_{w}x{h}",
                if lang == Lang::Ja { "ja" } else { "en" }
            );
            insta::assert_snapshot!(name, rows.join("\n"));
        }
    }
}
