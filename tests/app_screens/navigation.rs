//! Issue 14, navigation: screens opened from another return to it; the palette reaches every
//! screen, a project by 課題管理番号 and ranks exact labels first; the budget pivot's and the
//! funnel's cells open their projects; `s` sorts by columns on screen and starts at the top; the
//! help says what each key does on this screen (and in a form); `q` says 戻る inside; list
//! headers fit in English. Snapshots at 80×24, 200×50 and 40×12 in both languages.

use super::*;
use seedline::app::{Command, Overlay, PaletteAction, help_rows, palette_entries};
use seedline::model::SortKey;

fn in_lang(lang: Lang, w: u16, h: u16) -> App {
    let mut app = sized(w, h);
    app.lang = lang;
    app
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Edit(seedline::app::Edit::Insert(c)));
    }
}

fn answer_budget(app: &mut App, n: usize) {
    app.update(Action::BudgetLoaded(Box::new(budget_pivot(
        BudgetRows::IntegratedProject,
        n,
    ))));
}

fn answer_funnel(app: &mut App) {
    app.update(Action::FunnelLoaded(Box::new(funnel_data(2026, 3))));
}

/// The query and the breadcrumb of the list on top.
fn list_opened(app: &App) -> (String, String) {
    let l = list(app);
    (l.query.clone(), l.label.clone())
}

const SIZES: [(u16, u16); 3] = [(80, 24), (200, 50), (40, 12)];

fn lang_name(lang: Lang) -> &'static str {
    if lang == Lang::Ja { "ja" } else { "en" }
}

// ---- back to where a screen was opened ----

#[test]
fn f_m_b_t_y_from_a_filtered_list_return_to_it_with_filter_cursor_and_scroll() {
    for key in ['F', 'M', 'B', 'T', 'Y'] {
        let mut app = app();
        open_list(&mut app, 101..=160);
        press(&mut app, ch('/'));
        typed(&mut app, "がん");
        press(&mut app, Key::Enter);
        answer_list(&mut app, 101..=160);
        keys(&mut app, &[Key::PageDown, Key::PageDown, ch('j')]);
        let before = (
            list(&app).query.clone(),
            list(&app).cursor,
            list(&app).offset,
        );
        assert_eq!(before, ("がん".to_string(), 41, 22));
        press(&mut app, ch(key));
        assert_eq!(app.stack.len(), 3, "{key} opens over the list");
        press(&mut app, Key::Esc);
        let after = (
            list(&app).query.clone(),
            list(&app).cursor,
            list(&app).offset,
        );
        assert_eq!(after, before, "{key} then Esc: the list as it was left");
    }
}

#[test]
fn a_screen_already_open_is_raised_with_its_cursor_not_opened_twice() {
    let mut app = app();
    press(&mut app, ch('B'));
    answer_budget(&mut app, 3);
    keys(&mut app, &[ch('j'), Key::Left]);
    press(&mut app, Key::Enter);
    assert_eq!(app.stack.len(), 3, "the cell's list over the pivot");
    press(&mut app, ch('B'));
    assert_eq!(app.stack.len(), 2, "back to the pivot, not a second one");
    assert_eq!((budget(&app).row, budget(&app).cursor_col()), (1, 5));
    press(&mut app, Key::Esc);
    assert_eq!(crumbs(&app), ["ダッシュボード"]);
}

// ---- the palette ----

fn palette(app: &mut App, text: &str) -> Vec<seedline::app::PaletteEntry> {
    press(app, ch(':'));
    typed(app, text);
    palette_entries(app)
}

#[test]
fn an_exact_label_ranks_first_so_phase_runs_the_phase_move() {
    let mut app = app();
    let entries = palette(&mut app, "フェーズ");
    assert_eq!(entries[0].action, PaletteAction::Run(Command::MovePhase));
    assert!(
        entries
            .iter()
            .any(|e| e.action == PaletteAction::Run(Command::Funnel)),
        "the funnel is still offered, after it"
    );
    let mut app = app_en();
    let entries = palette(&mut app, "funnel");
    assert_eq!(entries[0].action, PaletteAction::Run(Command::Funnel));
}

fn app_en() -> App {
    in_lang(Lang::En, 80, 24)
}

#[test]
fn the_palette_opens_the_due_board_the_highway_queue_and_all_projects() {
    for (text, check) in [
        ("期限ボード", Mode::Due),
        ("ハイウェイ支援キュー", Mode::Highway),
        ("課題一覧", Mode::Projects),
    ] {
        let mut app = app();
        press(&mut app, ch('B'));
        palette(&mut app, text);
        press(&mut app, Key::Enter);
        assert_eq!(app.stack.len(), 3, "{text}: over the pivot");
        match (check, app.screen()) {
            (Mode::Due, Screen::Due(_)) => {}
            (Mode::Highway, Screen::List(l)) if l.kind == seedline::app::ListKind::Highway => {}
            (Mode::Projects, Screen::List(l)) if l.kind == seedline::app::ListKind::Projects => {}
            (_, other) => panic!("{text}: {other:?}"),
        }
        press(&mut app, Key::Esc);
        assert!(
            matches!(app.screen(), Screen::Budget(_)),
            "{text}: Esc returns"
        );
    }
}

#[derive(Clone, Copy)]
enum Mode {
    Due,
    Highway,
    Projects,
}

#[test]
fn typing_a_project_id_opens_that_project_and_esc_returns() {
    let mut app = app();
    press(&mut app, ch('B'));
    answer_budget(&mut app, 3);
    let entries = palette(&mut app, "JP16ra0101");
    assert_eq!(
        entries[0].action,
        PaletteAction::OpenProject("JP16ra0101".into())
    );
    assert!(entries[0].label.contains("JP16ra0101"));
    let effects = press(&mut app, Key::Enter);
    assert!(
        matches!(&effects[..], [Effect::LoadListHead { filter, .. }] if filter.ids == Some(vec!["jp16ra0101".into()])),
        "{effects:?}"
    );
    // One project begins with it: its detail opens in the list's place.
    let request = list(&app).request;
    let effects = app.update(Action::ListLoaded {
        request,
        ids: vec![7],
    });
    assert_eq!(
        effects,
        [Effect::LoadDetail {
            id: 7,
            me: ME.into()
        }]
    );
    assert_eq!(detail_state(&app).id, 7);
    press(&mut app, Key::Esc);
    assert!(
        matches!(app.screen(), Screen::Budget(_)),
        "back to the pivot"
    );
    // A prefix shared by several: the list stays, to choose from.
    let entries = palette(&mut app, "jp24");
    assert_eq!(entries[0].action, PaletteAction::OpenProject("jp24".into()));
    press(&mut app, Key::Enter);
    answer_list(&mut app, [3, 4, 5]);
    assert_eq!(list(&app).ids, [3, 4, 5]);
    assert_eq!(list_opened(&app).0, "id:jp24");
}

// ---- budget and funnel cells ----

#[test]
fn enter_on_a_budget_cell_opens_the_projects_funded_in_it() {
    let mut app = app();
    press(&mut app, ch('B'));
    answer_budget(&mut app, 3);
    // The cursor starts on the first row and the latest year.
    press(&mut app, Key::Enter);
    assert_eq!(
        list_opened(&app),
        (
            "ip:drug fy:2026".to_string(),
            "配分あり × 行00 × 2026年度".to_string()
        )
    );
    press(&mut app, Key::Esc);
    // The all-years total of the totals row: every project funded in the pivot's years.
    keys(&mut app, &[ch('G'), Key::Right]);
    press(&mut app, Key::Enter);
    assert_eq!(
        list_opened(&app),
        (
            "fy:2020..2026".to_string(),
            "配分あり × 全行 × 2020-2026年度".to_string()
        )
    );
}

#[test]
fn enter_on_a_funnel_cell_opens_the_projects_it_counts() {
    let mut app = app_en();
    press(&mut app, ch('F'));
    answer_funnel(&mut app);
    keys(&mut app, &[ch('j'), Key::Enter]);
    assert_eq!(
        list_opened(&app),
        (
            "inphase:applied@2026".to_string(),
            "FY2026 × Applied × in".to_string()
        )
    );
    press(&mut app, Key::Esc);
    keys(&mut app, &[Key::Right, Key::Enter]);
    assert_eq!(list_opened(&app).0, "moved:applied@2026");
    press(&mut app, Key::Esc);
    // 実用化 has nothing after it: its 移行 cell says so and opens nothing.
    keys(&mut app, &[ch('j'), ch('j'), ch('j')]);
    assert_eq!(press(&mut app, Key::Enter), []);
    assert!(matches!(app.screen(), Screen::Funnel(_)));
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("last phase"), "{status}");
}

#[test]
fn the_pivot_names_the_years_off_screen_and_what_the_total_sums() {
    for lang in [Lang::Ja, Lang::En] {
        let mut app = in_lang(lang, 80, 24);
        press(&mut app, ch('B'));
        answer_budget(&mut app, 3);
        let body = body_rows(&mut app, 80, 24);
        let (hidden, total) = match lang {
            Lang::Ja => ("‹ 2020-2023年度 は画面外", "全年度計"),
            Lang::En => ("‹ FY2020-FY2023 off screen", "All FYs"),
        };
        assert!(body[0].contains(hidden), "{}", body[0]);
        assert!(
            body[1].contains('‹') && !body[1].contains('›'),
            "{}",
            body[1]
        );
        assert!(body[1].contains(total), "{}", body[1]);
        keys(&mut app, &[Key::Left; 6]);
        let body = body_rows(&mut app, 80, 24);
        assert!(
            body[1].contains('›') && !body[1].contains('‹'),
            "{}",
            body[1]
        );
        // At 200 columns every year fits: no marker.
        let body = body_rows(&mut app, 200, 50);
        assert!(
            !body[1].contains('›') && !body[1].contains('‹'),
            "{}",
            body[1]
        );
    }
}

// ---- sorting ----

#[test]
fn s_cycles_only_through_the_columns_on_screen() {
    for (w, lang) in [
        (80, Lang::Ja),
        (80, Lang::En),
        (200, Lang::Ja),
        (40, Lang::En),
    ] {
        let mut app = in_lang(lang, w, 24);
        open_list(&mut app, 101..=130);
        let shown: Vec<SortKey> = seedline::app::visible_columns(w as usize, lang)
            .into_iter()
            .map(|c| c.0)
            .collect();
        let mut seen = Vec::new();
        for _ in 0..12 {
            press(&mut app, ch('s'));
            seen.push(list(&app).sort.key);
        }
        assert!(
            seen.iter().all(|k| shown.contains(k)),
            "{w} {lang:?}: {seen:?} not all in {shown:?}"
        );
        for key in &shown {
            assert!(seen.contains(key), "{w}: {key:?} reached");
        }
    }
}

#[test]
fn after_sorting_the_list_starts_at_its_top_with_the_cursor_on_the_first_row() {
    let mut app = app();
    open_list(&mut app, 101..=160);
    keys(&mut app, &[Key::PageDown, Key::PageDown, ch('j')]);
    assert_ne!(list(&app).offset, 0);
    press(&mut app, ch('s'));
    let request = list(&app).request;
    app.update(Action::ListHeadLoaded {
        request,
        ids: (101..=160).rev().take(21).collect(),
    });
    app.update(Action::ListLoaded {
        request,
        ids: (101..=160).rev().collect(),
    });
    assert_eq!((list(&app).cursor, list(&app).offset), (0, 0));
    assert_eq!(list(&app).cursor_id(), Some(160));
}

#[test]
fn english_list_headers_are_not_cut() {
    for w in [80, 200] {
        let mut app = in_lang(Lang::En, w, 24);
        open_list(&mut app, 101..=103);
        // Sort by each column in turn: its header carries the mark and still fits.
        for _ in 0..9 {
            let rows = body_rows(&mut app, w, 24);
            assert!(!rows[1].contains('~'), "{w}: {}", rows[1]);
            press(&mut app, ch('s'));
            answer_list(&mut app, 101..=103);
        }
    }
}

// ---- help and footer ----

fn help_of(app: &mut App) -> Vec<(String, String)> {
    press(app, ch('?'));
    let rows = help_rows(app)
        .1
        .into_iter()
        .map(|r| (r.keys, r.what))
        .collect();
    press(app, Key::Esc);
    rows
}

fn t_means(app: &mut App) -> String {
    help_of(app)
        .into_iter()
        .find(|(k, _)| k.split(' ').any(|k| k == "t"))
        .map(|(_, w)| w)
        .unwrap_or_default()
}

#[test]
fn t_is_described_as_what_it_does_on_each_screen() {
    let mut seen = Vec::new();
    let mut app = app();
    seen.push(t_means(&mut app));
    press(&mut app, ch('B'));
    seen.push(t_means(&mut app));
    press(&mut app, ch('Y'));
    seen.push(t_means(&mut app));
    press(&mut app, ch('T'));
    seen.push(t_means(&mut app));
    let mut due = super::app();
    open_list(&mut due, 101..=103);
    keys(&mut due, &[Key::Tab, Key::Tab, Key::Tab]);
    assert!(matches!(due.screen(), Screen::Due(_)));
    seen.push(t_means(&mut due));
    let dashboard = "統合PJ／疾患領域の切替";
    assert_eq!(seen[0], dashboard);
    for meaning in &seen[1..] {
        assert_ne!(meaning, dashboard, "{seen:?}");
        assert!(!meaning.is_empty());
    }
    assert!(seen[1].contains("事業"), "budget rows: {}", seen[1]);
    assert!(seen[2].contains("廃止"), "programs: {}", seen[2]);
    assert!(seen[3].contains("成果の種類"), "outcomes: {}", seen[3]);
    assert!(seen[4].contains("担当者別"), "due board: {}", seen[4]);
}

#[test]
fn q_says_quit_on_the_dashboard_and_back_inside_in_both_languages() {
    for (lang, quit, back) in [
        (Lang::Ja, "q 終了", "q 戻る"),
        (Lang::En, "q quit", "q back"),
    ] {
        let mut app = in_lang(lang, 80, 24);
        let footer = screen_rows(&mut app, 80, 24)[23].clone();
        assert!(footer.contains(quit), "{footer}");
        press(&mut app, ch('B'));
        let footer = screen_rows(&mut app, 80, 24)[23].clone();
        assert!(footer.contains(back) && !footer.contains(quit), "{footer}");
    }
}

#[test]
fn question_mark_in_a_form_shows_the_forms_keys_and_any_key_returns_to_it() {
    let mut app = app();
    open_detail(&mut app, project_detail(101, 0, 0));
    press(&mut app, ch('n'));
    // The note form opens on its body: `?` is text there.
    press(&mut app, ch('?'));
    let Overlay::Form(form) = &app.overlay else {
        panic!("{:?}", app.overlay)
    };
    let before = form.clone();
    assert!(before.has_text(), "the ? was typed into the body");
    // On the kind (a choice) it asks for the keys.
    press(&mut app, Key::Tab);
    let Overlay::Form(form) = &app.overlay else {
        panic!()
    };
    let focused = form.focus;
    press(&mut app, ch('?'));
    assert!(matches!(app.overlay, Overlay::FormHelp(_)));
    let rows = help_rows(&app).1;
    let keys_listed: Vec<&str> = rows.iter().map(|r| r.keys.as_str()).collect();
    for k in ["Tab Shift-Tab", "Ctrl-S", "Esc"] {
        assert!(keys_listed.contains(&k), "{keys_listed:?}");
    }
    assert!(
        rows.iter().any(|r| r.what.contains("面談")),
        "the choice's options"
    );
    press(&mut app, Key::Esc);
    let Overlay::Form(form) = &app.overlay else {
        panic!("Esc returns to the form: {:?}", app.overlay)
    };
    assert_eq!(form.focus, focused);
    assert!(form.has_text(), "nothing typed was lost");
}

// ---- snapshots: help, budget, funnel at three sizes in two languages ----

#[test]
fn help_budget_and_funnel_snapshots() {
    for lang in [Lang::Ja, Lang::En] {
        for (w, h) in SIZES {
            let name = |what: &str| format!("nav_{what}_{}_{w}x{h}", lang_name(lang));
            let mut app = in_lang(lang, w, h);
            open_list(&mut app, 101..=130);
            press(&mut app, ch('?'));
            let text = screen_rows(&mut app, w, h).join("\n");
            // Nothing is cut silently: a help line ends with `~` only when its column is too
            // narrow for a key name, never in the middle of the text.
            insta::assert_snapshot!(name("help"), text);
            press(&mut app, Key::Esc);
            press(&mut app, ch('B'));
            answer_budget(&mut app, 5);
            keys(&mut app, &[ch('j'), Key::Left]);
            insta::assert_snapshot!(name("budget"), screen_rows(&mut app, w, h).join("\n"));
            press(&mut app, ch('F'));
            answer_funnel(&mut app);
            keys(&mut app, &[ch('j'), Key::Right]);
            insta::assert_snapshot!(name("funnel"), screen_rows(&mut app, w, h).join("\n"));
        }
    }
}
