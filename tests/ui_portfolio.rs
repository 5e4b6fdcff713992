//! The portfolio screens by keyboard, over the fixture: my portfolio and the watch toggle, the
//! dashboard narrowed to mine and showing 千円, the budget pivot, the funnel, the due board with
//! deadlines (done and undone by key), the PI overview and links; snapshots at 80×24.

use crate::common::today;
use crate::ui::Harness;
use seedline::Lang;
use seedline::app::keymap::Key;
use seedline::app::{Action, Screen};
use seedline::model::{
    AttachmentKind, Author, DeadlineKind, FiscalYear, NewAttachment, NewDeadline, parse_date,
};

use Key::Char as K;

/// The fixture at 80×24, as 岩崎 美紀 (PO on the even projects), with budgets, deadlines and a link.
fn harness() -> Harness {
    let mut t = Harness::new(Lang::Ja, 80, 24);
    t.app.author = Author::new(Some("岩崎 美紀"), Some("PO"), "iwasaki");
    let s = &mut t.store;
    for (id, year, k) in [
        (1, 2024, 12_000),
        (1, 2025, 15_000),
        (2, 2025, 8_000),
        (2, 2026, 9_500),
        (9, 2026, 30_000),
        (10, 2026, 4_200),
    ] {
        s.set_budget(id, FiscalYear(year), k).unwrap();
    }
    let author = t.app.author.clone();
    for (id, kind, due, title) in [
        (
            2,
            DeadlineKind::AnnualReport,
            "2026-08-01",
            "2025年度成果報告",
        ),
        (4, DeadlineKind::InterimEvaluation, "2026-10-10", ""),
        (3, DeadlineKind::StageGate, "2026-12-10", "非臨床POC判定"),
    ] {
        let d = NewDeadline {
            kind,
            title: title.into(),
            due_on: parse_date(due).unwrap(),
        };
        s.add_deadline(id, &d, &author).unwrap();
    }
    let link = NewAttachment {
        note_id: None,
        flag_id: Some(1),
        target: "/srv/amed/推薦書/JP25fx0000003_推薦書.pdf".into(),
        label: "推薦書 2026年度".into(),
        kind: AttachmentKind::Recommendation,
        dated_on: parse_date("2026-04-01"),
        sha256: None,
    };
    s.add_attachment(3, &link, &author).unwrap();
    t.act(Action::ExternalChange(seedline::model::Changes::Unknown));
    t
}

fn snap(name: &str, t: &Harness) {
    insta::assert_snapshot!(name, t.screen_text());
}

#[test]
fn my_portfolio_lists_assigned_and_watched_projects_and_w_toggles() {
    let mut t = harness();
    t.keys(&[K('M')]);
    let Screen::List(list) = t.app.screen() else {
        panic!("M opens a list")
    };
    assert_eq!(list.ids.len(), 22, "the even projects are 岩崎 美紀's");
    assert_eq!(list.query, "mine:watch");
    // Watch project 1 from the full list, then it is in the portfolio with a ✦.
    t.keys(&[Key::Esc, Key::Tab]);
    t.keys(&[K('g'), K('w')]);
    assert!(t.app.notice.as_deref().unwrap_or("").contains("ウォッチ"));
    t.keys(&[K('M')]);
    let Screen::List(list) = t.app.screen() else {
        panic!()
    };
    assert_eq!(list.ids.len(), 23);
    assert_eq!(list.ids[0], 1, "sorted by 課題管理番号: project 1 first");
    assert!(t.screen_text().contains("✦"), "{}", t.screen_text());
    snap("portfolio_80x24", &t);
    // From the detail, w takes it off again.
    t.keys(&[K('g'), Key::Enter]);
    assert!(t.screen_text().contains("ウォッチ中"));
    t.keys(&[K('w')]);
    assert!(!t.screen_text().contains("ウォッチ中"));
}

#[test]
fn the_dashboard_narrows_to_mine_and_shows_this_years_budget() {
    let mut t = harness();
    let total = |t: &Harness| t.app.dashboard.data.as_ref().unwrap().matrix.total;
    assert_eq!(total(&t).projects, 45);
    t.keys(&[K('o')]);
    assert_eq!(total(&t).projects, 22);
    assert!(t.screen_text().contains("担当分のみ"));
    t.keys(&[K('b')]);
    // FY2026 allocations of my (even) projects: 2 → 9,500 and 10 → 4,200.
    assert_eq!(total(&t).budget_kyen, 13_700);
    assert!(t.screen_text().contains("13,700"), "{}", t.screen_text());
    snap("dashboard_mine_budget_80x24", &t);
    // A cell opened from the narrowed dashboard keeps "mine".
    t.keys(&[K('b'), Key::Enter]);
    let Screen::List(list) = t.app.screen() else {
        panic!()
    };
    assert!(list.query.contains("mine"), "{}", list.query);
    assert!(list.ids.iter().all(|id| id % 2 == 0));
}

#[test]
fn budget_pivot_and_funnel_screens() {
    let mut t = harness();
    t.keys(&[K('B')]);
    let Screen::Budget(b) = t.app.screen() else {
        panic!("B opens the budget pivot")
    };
    let pivot = b.pivot.as_ref().unwrap();
    assert_eq!(pivot.total, 78_700);
    assert!(t.screen_text().contains("78,700"));
    snap("budget_80x24", &t);
    // e writes the pivot as shown: Excel-ready CSV (BOM, CRLF, every cell quoted), amounts as digits.
    let file = t.home.path("pivot.csv");
    t.keys(&[K('e'), Key::Down, Key::Ctrl('u')]);
    t.type_text(file.to_str().unwrap());
    t.keys(&[Key::Ctrl('s')]);
    let bytes = std::fs::read(&file).expect("the pivot was written");
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(
        text,
        "\u{feff}\"統合プロジェクト\",\"2024年度\",\"2025年度\",\"2026年度\",\"計\"\r\n\
         \"医薬品プロジェクト\",\"12000\",\"15000\",\"30000\",\"57000\"\r\n\
         \"医療機器・ヘルスケアプロジェクト\",\"0\",\"8000\",\"13700\",\"21700\"\r\n\
         \"計\",\"12000\",\"23000\",\"43700\",\"78700\"\r\n"
    );
    t.keys(&[K('t')]);
    assert!(t.screen_text().contains("事業"), "t: rows by program");
    t.keys(&[K('t')]);
    assert!(t.screen_text().contains("臨床"), "t: rows by phase");

    t.keys(&[K('F')]);
    let year = |t: &Harness| match t.app.screen() {
        Screen::Funnel(f) => f.year,
        _ => panic!("F opens the funnel"),
    };
    assert_eq!(year(&t), FiscalYear::of(today()));
    snap("funnel_80x24", &t);
    t.keys(&[Key::Left]);
    assert_eq!(year(&t), FiscalYear(2025));
    t.keys(&[Key::Right, Key::Right]);
    assert_eq!(year(&t), FiscalYear(2026), "not beyond this fiscal year");
}

#[test]
fn the_due_board_marks_deadlines_done_and_undoes() {
    let mut t = harness();
    t.keys(&[Key::Tab, Key::Tab, Key::Tab, Key::Tab]);
    let items = |t: &Harness| match t.app.screen() {
        Screen::Due(d) => d.items.clone(),
        _ => panic!("the due board"),
    };
    assert_eq!(items(&t).len(), 7, "four follow-ups and three deadlines");
    snap("due_board_80x24", &t);
    // The oldest item is project 2's annual report (61+ days overdue): c marks it done.
    t.keys(&[K('g'), K('c')]);
    assert_eq!(items(&t).len(), 6);
    assert!(t.app.notice.as_deref().unwrap_or("").contains("期限"));
    t.keys(&[K('u')]);
    assert_eq!(items(&t).len(), 7, "undo reopens it");
    t.keys(&[K('t')]);
    snap("due_by_officer_80x24", &t);
    t.keys(&[K('o')]);
    assert_eq!(
        items(&t).len(),
        6,
        "mine: my follow-ups and my projects' deadlines"
    );
}

#[test]
fn pi_overview_and_links_from_the_detail() {
    let mut t = harness();
    // Project 3 (Smith John, 理化学研究所) has the link.
    t.keys(&[Key::Tab, K('g'), K('j'), K('j'), Key::Enter]);
    t.keys(&[K('L')]);
    assert!(t.screen_text().contains("推薦書 2026年度"));
    assert!(matches!(t.app.screen(), Screen::Links(_)));
    snap("links_80x24", &t);
    t.keys(&[Key::Enter]);
    let notice = t.app.notice.clone().unwrap_or_default();
    assert!(
        notice.starts_with("ファイルが見つかりません:")
            && notice.contains("JP25fx0000003_推薦書.pdf"),
        "no such file here, so it is named, not opened: {notice}"
    );
    t.keys(&[Key::Esc, Key::Enter]);
    let Screen::Pi(p) = t.app.screen() else {
        panic!("Enter on the detail opens the PI's projects")
    };
    assert_eq!(p.overview.as_ref().unwrap().projects.len(), 9);
    snap("pi_80x24", &t);
    t.keys(&[K('t')]);
    assert!(t.screen_text().contains("理化学研究所"));
    t.keys(&[K('j'), Key::Enter]);
    assert!(matches!(t.app.screen(), Screen::Detail(_)));
}

#[test]
fn deadlines_and_links_are_added_from_the_detail() {
    let mut t = harness();
    t.keys(&[Key::Tab, K('g'), Key::Enter]); // project 1
    t.keys(&[K('d')]);
    t.keys(&[Key::Right]); // 中間評価
    t.keys(&[Key::Tab]);
    t.type_text("2026-12-15");
    t.keys(&[Key::Tab]);
    t.type_text("中間評価ヒアリング");
    t.keys(&[Key::Ctrl('s')]);
    let deadlines = t.store.project_detail(1).unwrap().deadlines;
    assert_eq!(deadlines.len(), 1, "{:?}", t.app.status);
    assert_eq!(deadlines[0].kind, DeadlineKind::InterimEvaluation);
    assert_eq!(deadlines[0].due_on, "2026-12-15");
    assert!(t.screen_text().contains("中間評価"));
    t.keys(&[K('L'), K('a')]);
    t.type_text("https://docs.example.amed.go.jp/minutes/2026-11.pdf");
    t.keys(&[Key::Tab]);
    t.type_text("班会議議事録");
    t.keys(&[Key::Ctrl('s')]);
    let links = t.store.attachments(1).unwrap();
    assert_eq!(links.len(), 1, "{:?}", t.app.status);
    assert_eq!(links[0].label, "班会議議事録");
    assert!(
        t.screen_text().contains("班会議議事録"),
        "{}",
        t.screen_text()
    );
}

#[test]
fn dashboard_sums_too_wide_for_a_cell_switch_to_million_yen() {
    let mut t = harness();
    for id in [11, 12, 13] {
        t.store
            .set_budget(id, FiscalYear(2026), 100_000_000)
            .unwrap();
    }
    t.act(Action::ExternalChange(seedline::model::Changes::Unknown));
    t.keys(&[K('b')]);
    let text = t.screen_text();
    // 300,043,700 千円 does not fit ten cells: 300,044 百万円 does.
    assert!(
        text.contains("300,044") && text.contains("百万円"),
        "{text}"
    );
    assert!(!text.contains("300,043,700"), "{text}");
}
