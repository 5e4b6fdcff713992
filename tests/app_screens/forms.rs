//! Forms and the filter line as the officer meets them (issue 14): the flag form's reason two
//! Tabs from the top and Shift-Tab back, the keys in every form's hint line, the body counted in
//! characters, one date parser for every date field (shown resolved as it is typed, refused in
//! the officer's language), a draft holding only a follow-up date surviving `Esc` then `n`, and a
//! filter line that keeps the last valid results, its match count and its cursor in view.

use super::*;
use seedline::app::form::Value;
use seedline::app::{Edit, Overlay, Save};

/// Project 103's detail at `w`×`h` in `lang`, with the built-in programs to flag to.
fn on_detail(lang: Lang, w: u16, h: u16) -> App {
    let (mut app, _) = App::new(
        lang,
        today(),
        Arc::new(seedline::model::Reference::builtin()),
        Keymap::default(),
    );
    app.author = Author::new(Some(ME), Some("PO"), "tester");
    app.update(Action::Resize(w, h));
    open_detail(&mut app, project_detail(103, 0, 0));
    app
}

fn form(app: &App) -> &seedline::app::Form {
    match &app.overlay {
        Overlay::Form(f) => f,
        other => panic!("expected a form, found {other:?}"),
    }
}

fn focused_key(app: &App) -> &'static str {
    let f = form(app);
    f.fields[f.focus].key
}

fn type_text(app: &mut App, text: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in text.chars() {
        effects = app.update(Action::Edit(Edit::Insert(c)));
    }
    effects
}

fn field_text(app: &App, key: &str) -> String {
    match &form(app)
        .fields
        .iter()
        .find(|f| f.key == key)
        .unwrap()
        .value
    {
        Value::Text(l) | Value::Date { line: l, .. } => l.text.clone(),
        Value::Body(e) => e.text(),
        Value::Choice { options, index } => options[*index].code.clone(),
    }
}

fn date(text: &str) -> Date {
    seedline::model::parse_date(text).unwrap()
}

/// The one save a Ctrl-S asks for.
fn saved(app: &mut App) -> Save {
    match press(app, Key::Ctrl('s')).as_slice() {
        [Effect::Save(save)] => save.clone(),
        other => panic!("expected one save, got {other:?} ({:?})", app.status),
    }
}

#[test]
fn the_flag_forms_reason_is_two_tabs_from_the_top_and_shift_tab_goes_back() {
    let mut app = on_detail(Lang::Ja, 80, 24);
    press(&mut app, ch('f'));
    assert_eq!(focused_key(&app), "target");
    keys(&mut app, &[Key::Tab, Key::Tab]);
    assert_eq!(focused_key(&app), "reason", "理由 right after the decision");
    type_text(&mut app, "非臨床POCの見込み");
    press(&mut app, Key::BackTab);
    assert_eq!(focused_key(&app), "status", "Shift-Tab goes back a field");
    press(&mut app, Key::Tab);
    press(&mut app, Key::Tab);
    assert_eq!(
        focused_key(&app),
        "competitive",
        "the optional criteria come after"
    );
    // Drawn in that order: the reason's label above the criteria.
    let rows = body_rows(&mut app, 80, 24);
    let at = |label: &str| rows.iter().position(|r| r.contains(label)).unwrap();
    assert!(
        at("状態") < at("理由") && at("理由") < at("競合優位性"),
        "{rows:#?}"
    );
}

#[test]
fn every_form_shows_tab_and_shift_tab_in_both_languages_at_every_size() {
    for (lang, words) in [
        (Lang::Ja, "Tab 次 / Shift-Tab 前"),
        (Lang::En, "Tab next / Shift-Tab back"),
    ] {
        for (w, h) in [(80, 24), (200, 50), (40, 12)] {
            for key in ['n', 'f', 'p', 'a', 'd', 'R'] {
                let mut app = on_detail(lang, w, h);
                press(&mut app, ch(key));
                assert!(matches!(app.overlay, Overlay::Form(_)), "{key}");
                let rows = body_rows(&mut app, w, h);
                let hints = rows.last().unwrap();
                assert!(hints.contains(words), "{key} {w}x{h}: {hints:?}");
                assert!(hints.contains("Ctrl-S"), "{key} {w}x{h}: {hints:?}");
            }
        }
    }
}

#[test]
fn the_body_is_counted_in_characters_not_bytes() {
    for (lang, label) in [(Lang::Ja, "本文  (5字)"), (Lang::En, "Text  (5 chars)")] {
        let mut app = on_detail(lang, 80, 24);
        press(&mut app, ch('n'));
        assert_eq!(focused_key(&app), "body", "a note form opens in its text");
        type_text(&mut app, "面談を実施");
        let rows = body_rows(&mut app, 80, 24);
        assert!(rows.iter().any(|r| r.contains(label)), "{rows:#?}");
        assert!(!rows.iter().any(|r| r.contains("(15")), "{rows:#?}");
    }
}

#[test]
fn a_note_holding_only_a_follow_up_date_survives_esc_then_n() {
    let mut app = on_detail(Lang::Ja, 80, 24);
    press(&mut app, ch('n'));
    press(&mut app, Key::BackTab);
    assert_eq!(focused_key(&app), "follow_up");
    type_text(&mut app, "+7d");
    press(&mut app, Key::Esc);
    assert!(matches!(app.overlay, Overlay::None));
    assert!(
        app.drafts
            .keys()
            .any(|k| k.project == Some(103) && k.form == "note"),
        "the draft is kept"
    );
    assert!(app.notice.as_deref().unwrap_or("").contains("下書きを保持"));
    press(&mut app, ch('n'));
    assert_eq!(field_text(&app, "follow_up"), "+7d", "the draft comes back");
    press(&mut app, Key::Tab);
    type_text(&mut app, "面談");
    let Save::Note { note, .. } = saved(&mut app) else {
        panic!("not a note");
    };
    assert_eq!(
        note.follow_up_on,
        Some(date("2026-12-02")),
        "+7d from today"
    );
    assert_eq!(note.occurred_on, today());
}

#[test]
fn a_form_left_as_it_opened_is_no_draft() {
    let mut app = on_detail(Lang::Ja, 80, 24);
    press(&mut app, ch('n'));
    press(&mut app, Key::Right);
    press(&mut app, Key::Esc);
    assert!(app.drafts.is_empty(), "nothing typed, nothing kept");
    assert!(app.draft_records().is_empty());
    press(&mut app, ch('n'));
    assert_eq!(field_text(&app, "date"), TODAY);
}

#[test]
fn a_draft_keeps_a_relative_date_as_the_day_it_meant() {
    let mut app = on_detail(Lang::Ja, 80, 24);
    press(&mut app, ch('n'));
    press(&mut app, Key::BackTab);
    type_text(&mut app, "来週");
    let records = app.draft_records();
    let follow_up = records[0]
        .values
        .iter()
        .find(|(k, _)| k == "follow_up")
        .map(|(_, v)| v.as_str());
    assert_eq!(
        follow_up,
        Some("2026-12-02"),
        "reopened another day, the same day"
    );
}

#[test]
fn every_date_field_reads_the_officers_forms() {
    // The deadline form: 来週 is today + 7 days.
    let mut app = on_detail(Lang::Ja, 80, 24);
    press(&mut app, ch('d'));
    press(&mut app, Key::Tab);
    assert_eq!(focused_key(&app), "due");
    type_text(&mut app, "来週");
    let Save::Deadline { deadline, .. } = saved(&mut app) else {
        panic!("not a deadline");
    };
    assert_eq!(deadline.due_on, date("2026-12-02"));
    // The gate form: an era date.
    let mut app = on_detail(Lang::Ja, 80, 24);
    press(&mut app, ch('a'));
    keys(&mut app, &[Key::Tab, Key::Tab, Key::Ctrl('u')]);
    assert_eq!(focused_key(&app), "date");
    type_text(&mut app, "令和8年11月2日");
    let Save::Gate { gate, .. } = saved(&mut app) else {
        panic!("not a gate");
    };
    assert_eq!(gate.decided_on, date("2026-11-02"));
    // The phase form: slashes, one-digit month and day.
    let mut app = on_detail(Lang::Ja, 80, 24);
    press(&mut app, ch('p'));
    keys(&mut app, &[Key::Tab, Key::Ctrl('u')]);
    type_text(&mut app, "2026/4/1");
    let Save::Phase { change, .. } = saved(&mut app) else {
        panic!("not a phase move");
    };
    assert_eq!(change.on, date("2026-04-01"));
    // The outcome form: yesterday.
    let mut app = on_detail(Lang::Ja, 80, 24);
    press(&mut app, ch('R'));
    keys(&mut app, &[Key::Tab, Key::Ctrl('u')]);
    type_text(&mut app, "昨日");
    let Save::Outcome { outcome, .. } = saved(&mut app) else {
        panic!("not an outcome");
    };
    assert_eq!(outcome.on, date("2026-11-24"));
}

#[test]
fn the_resolved_date_shows_next_to_the_field_as_it_is_typed() {
    for (lang, w, h, shown) in [
        (Lang::Ja, 80, 24, "来週         = 2026-12-02 (水)"),
        (Lang::En, 80, 24, "next week    = 2026-12-02 (Wed)"),
        (Lang::Ja, 200, 50, "来週         = 2026-12-02 (水)"),
        (Lang::Ja, 40, 12, "来週       = 2026-12-02"),
        (Lang::En, 40, 12, "next week  = 2026-12-02"),
    ] {
        let mut app = on_detail(lang, w, h);
        press(&mut app, ch('n'));
        press(&mut app, Key::BackTab);
        type_text(
            &mut app,
            if lang == Lang::Ja {
                "来週"
            } else {
                "next week"
            },
        );
        let rows = body_rows(&mut app, w, h);
        assert!(
            rows.iter().any(|r| r.contains(shown)),
            "{lang:?} {w}x{h}: {rows:#?}"
        );
        assert!(!rows.iter().any(|r| r.contains('→')));
    }
}

#[test]
fn a_bad_date_is_refused_in_the_officers_language_and_the_form_stays() {
    for (lang, start) in [
        (
            Lang::Ja,
            "フォローアップ期限: '2026/2/30' という日はありません",
        ),
        (
            Lang::En,
            "Follow-up due: '2026/2/30' is not a date: no such day",
        ),
    ] {
        let mut app = on_detail(lang, 80, 24);
        press(&mut app, ch('n'));
        type_text(&mut app, "面談");
        press(&mut app, Key::BackTab);
        type_text(&mut app, "2026/2/30");
        assert_eq!(press(&mut app, Key::Ctrl('s')), []);
        let status = app.status.clone().unwrap_or_default();
        assert!(status.starts_with(start), "{status}");
        assert!(matches!(app.overlay, Overlay::Form(_)));
        let rows = body_rows(&mut app, 80, 24);
        let marked = if lang == Lang::Ja {
            "? その日はありません"
        } else {
            "? no such day"
        };
        assert!(rows.iter().any(|r| r.contains(marked)), "{rows:#?}");
    }
    // Not a date at all: the accepted forms are listed.
    let mut app = on_detail(Lang::En, 80, 24);
    press(&mut app, ch('d'));
    press(&mut app, Key::Tab);
    type_text(&mut app, "soon");
    press(&mut app, Key::Ctrl('s'));
    let status = app.status.clone().unwrap_or_default();
    assert!(
        status.starts_with("Due: 'soon' is not a date; accepted: 2026-12-11, 2026/12/11"),
        "{status}"
    );
}

// ---- the filter line ----

fn filter_open(app: &mut App) {
    open_list(app, 1..=30);
    press(app, ch('/'));
    assert!(matches!(app.overlay, Overlay::Filter { .. }));
}

#[test]
fn a_half_typed_or_wrong_term_keeps_the_last_valid_results_with_a_hint() {
    let mut app = app();
    filter_open(&mut app);
    assert!(!type_text(&mut app, "がん").is_empty(), "a word reloads");
    answer_list(&mut app, 1..=9);
    for (typed, hint) in [
        (" p", "phase: / program: / po:"),
        ("ha", "phase:"),
        ("se", "phase:"),
    ] {
        assert_eq!(type_text(&mut app, typed), [], "{typed}: no reload");
        assert!(
            app.status.as_deref().unwrap_or("").contains(hint),
            "{typed}: {:?}",
            app.status
        );
        assert_eq!(
            list(&app).query.trim(),
            "がん",
            "the last valid filter stays"
        );
        assert_eq!(list(&app).ids.len(), 9);
    }
    // `phase:` with no value, then a wrong value: the parser's hint, the results kept.
    assert_eq!(type_text(&mut app, ":"), []);
    assert!(app.status.is_some());
    assert_eq!(type_text(&mut app, "xyz"), []);
    assert!(app.status.as_deref().unwrap_or("").contains("xyz"));
    assert_eq!(list(&app).query.trim(), "がん");
    // Enter on an error keeps the line open; Esc goes back to what it started from.
    assert_eq!(press(&mut app, Key::Enter), []);
    assert!(matches!(app.overlay, Overlay::Filter { .. }));
    press(&mut app, Key::Esc);
    assert!(matches!(app.overlay, Overlay::None));
    assert_eq!(list(&app).query, "");
}

#[test]
fn enter_searches_a_field_name_typed_alone_as_a_word() {
    let mut app = app();
    filter_open(&mut app);
    assert_eq!(type_text(&mut app, "phase"), []);
    assert!(!press(&mut app, Key::Enter).is_empty(), "Enter applies it");
    assert!(matches!(app.overlay, Overlay::None));
    assert_eq!(list(&app).query, "phase");
}

#[test]
fn the_match_count_stays_in_view_while_typing_and_says_when_it_is_the_previous_one() {
    for (lang, w, h, previous) in [
        (Lang::Ja, 80, 24, "前の結果 9 / 0"),
        (Lang::Ja, 200, 50, "前の結果 9 / 0"),
        (Lang::En, 80, 24, "previous: 9 / 0"),
        (Lang::Ja, 40, 12, " 9 / 0"),
    ] {
        let (mut app, _) = App::new(lang, today(), Arc::new(reference()), Keymap::default());
        app.update(Action::Resize(w, h));
        filter_open(&mut app);
        type_text(&mut app, "がん");
        answer_list(&mut app, 1..=9);
        let rows = body_rows(&mut app, w, h);
        assert!(
            rows[0].trim_end().ends_with("9 / 0"),
            "{w}x{h}: {:?}",
            rows[0]
        );
        type_text(&mut app, " pha");
        let rows = body_rows(&mut app, w, h);
        assert!(
            rows[0].trim_end().ends_with(previous),
            "{lang:?} {w}x{h}: {:?}",
            rows[0]
        );
    }
}

#[test]
fn a_filter_longer_than_the_line_scrolls_to_the_cursor() {
    let long = "phase:応用..臨床 modality:医療機器 flag:recommended due:overdue mine";
    for (w, h) in [(40, 12), (80, 24)] {
        let mut app = sized(w, h);
        filter_open(&mut app);
        type_text(&mut app, long);
        let rows = body_rows(&mut app, w, h);
        let line = &rows[0];
        assert!(
            line.contains("overdue mine"),
            "{w}x{h}: the end in view: {line:?}"
        );
        assert!(
            line.contains('~'),
            "{w}x{h}: the cut start is marked: {line:?}"
        );
        assert!(seedline::text::width(line) <= w as usize);
        // Home: the start in view, the end cut.
        app.update(Action::Edit(Edit::Home));
        let rows = body_rows(&mut app, w, h);
        assert!(rows[0].contains("phase:"), "{w}x{h}: {:?}", rows[0]);
    }
}

// ---- snapshots ----

/// A snapshot kept with the others in `tests/snapshots`.
fn snap(name: &str, rows: Vec<String>) {
    insta::with_settings!({ snapshot_path => "../snapshots" }, {
        insta::assert_snapshot!(name, rows.join("\n"));
    });
}

#[test]
fn form_snapshots_in_both_languages() {
    for lang in [Lang::Ja, Lang::En] {
        let tag = if lang == Lang::Ja { "ja" } else { "en" };
        for (w, h) in [(80, 24), (40, 12)] {
            let mut app = on_detail(lang, w, h);
            press(&mut app, ch('f'));
            keys(&mut app, &[Key::Tab, Key::Tab]);
            type_text(&mut app, "非臨床POCの見込みあり");
            snap(&format!("flag_{tag}_{w}x{h}"), screen_rows(&mut app, w, h));
            let mut app = on_detail(lang, w, h);
            press(&mut app, ch('n'));
            type_text(&mut app, "面談を実施");
            press(&mut app, Key::BackTab);
            type_text(&mut app, "+7d");
            snap(&format!("note_{tag}_{w}x{h}"), screen_rows(&mut app, w, h));
        }
    }
}
