//! The last gaps of issue 14: every form keeps what was typed as a draft of its own kind (its
//! own key restores it, after `Esc` or a crash), the footer under a form shows the form's keys,
//! a form's refusal leaves the status line once the field reads, and at 40×12 no title, info or
//! footer line cuts a figure without `~` or runs two figures together.

use super::*;
use seedline::app::form::Value;
use seedline::app::{DraftRecord, Edit, FormKind, Overlay};

fn on_detail(lang: Lang, w: u16, h: u16) -> App {
    let mut app = sized(w, h);
    app.lang = lang;
    open_detail(&mut app, project_detail(103, 0, 0));
    app
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Edit(Edit::Insert(c)));
    }
}

fn form(app: &App) -> &seedline::app::Form {
    match &app.overlay {
        Overlay::Form(f) => f,
        other => panic!("expected a form, found {other:?}"),
    }
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

/// Tab until the field `key` has the focus.
fn focus(app: &mut App, key: &str) {
    for _ in 0..12 {
        let f = form(app);
        if f.fields[f.focus].key == key {
            return;
        }
        press(app, Key::Tab);
    }
    panic!("no field {key}");
}

#[test]
fn a_flag_reason_survives_esc_and_f_brings_it_back_not_n() {
    for lang in [Lang::Ja, Lang::En] {
        let mut app = on_detail(lang, 80, 24);
        press(&mut app, ch('f'));
        focus(&mut app, "reason");
        type_text(&mut app, "導出見込みあり");
        press(&mut app, Key::Esc);
        assert_eq!(app.overlay, Overlay::None);
        let notice = app.notice.clone().unwrap_or_default();
        let want = match lang {
            Lang::Ja => "下書きを保持しました（f で再開）",
            Lang::En => "draft kept (f resumes it)",
        };
        assert_eq!(notice, want);
        // `n` opens a note, not the flag's draft.
        press(&mut app, ch('n'));
        assert!(matches!(form(&app).kind, FormKind::Note { .. }));
        assert_eq!(field_text(&app, "body"), "");
        press(&mut app, Key::Esc);
        press(&mut app, ch('f'));
        assert!(matches!(form(&app).kind, FormKind::Flag { .. }));
        assert_eq!(field_text(&app, "reason"), "導出見込みあり");
        assert!(
            app.drafts.is_empty(),
            "the restored draft is no longer waiting"
        );
    }
}

#[test]
fn a_gate_note_and_a_phase_reason_each_come_back_on_their_own_key() {
    let mut app = on_detail(Lang::Ja, 80, 24);
    press(&mut app, ch('a'));
    focus(&mut app, "note");
    type_text(&mut app, "条件付きで継続");
    press(&mut app, Key::Esc);
    press(&mut app, ch('p'));
    focus(&mut app, "reason");
    type_text(&mut app, "非臨床へ");
    press(&mut app, Key::Esc);
    assert_eq!(app.drafts.len(), 2, "two drafts on one project");
    press(&mut app, ch('f'));
    assert_eq!(field_text(&app, "reason"), "", "the flag form has no draft");
    press(&mut app, Key::Esc);
    assert_eq!(app.drafts.len(), 2, "an untouched form keeps nothing");
    press(&mut app, ch('a'));
    assert!(matches!(form(&app).kind, FormKind::Gate { .. }));
    assert_eq!(field_text(&app, "note"), "条件付きで継続");
    assert_eq!(app.notice.as_deref(), Some("下書きを復元しました"));
    press(&mut app, Key::Esc);
    press(&mut app, ch('p'));
    assert!(matches!(form(&app).kind, FormKind::Phase { .. }));
    assert_eq!(field_text(&app, "reason"), "非臨床へ");
}

#[test]
fn drafts_from_a_crash_go_back_to_their_own_form_kind() {
    let mut app = on_detail(Lang::Ja, 80, 24);
    let record = |kind: FormKind, key: &str, text: &str| DraftRecord {
        kind,
        heading: "JP".into(),
        values: vec![(key.into(), text.into())],
        focus: 0,
    };
    app.restore_drafts(vec![
        record(FormKind::Note { project_id: 103 }, "body", "面談メモ"),
        record(
            FormKind::Flag {
                project_ids: vec![103],
                program_id: None,
            },
            "reason",
            "後継候補",
        ),
        record(FormKind::Gate { project_id: 103 }, "note", "SG2 通過"),
        record(FormKind::Deadline { project_id: 103 }, "title", "中間報告"),
    ]);
    // The first reopens on screen; Esc keeps it for `n`.
    assert_eq!(field_text(&app, "body"), "面談メモ");
    press(&mut app, Key::Esc);
    press(&mut app, ch('a'));
    assert_eq!(field_text(&app, "note"), "SG2 通過");
    press(&mut app, Key::Esc);
    press(&mut app, ch('d'));
    assert_eq!(field_text(&app, "title"), "中間報告");
    press(&mut app, Key::Esc);
    press(&mut app, ch('f'));
    assert_eq!(field_text(&app, "reason"), "後継候補");
    press(&mut app, Key::Esc);
    press(&mut app, ch('n'));
    assert_eq!(field_text(&app, "body"), "面談メモ");
}

#[test]
fn the_form_hint_promises_a_draft_only_where_one_is_kept() {
    let mut app = on_detail(Lang::Ja, 200, 50);
    press(&mut app, ch('a'));
    let rows = screen_rows(&mut app, 200, 50);
    assert!(
        rows.iter().any(|r| r.contains("Esc 閉じる（下書き保持）")),
        "{rows:#?}"
    );
    press(&mut app, Key::Esc);
    let mut app = sized(200, 50);
    open_list(&mut app, 101..=105);
    press(&mut app, ch('e'));
    assert!(form(&app).kind.is_export());
    let rows = screen_rows(&mut app, 200, 50);
    assert!(!rows.iter().any(|r| r.contains("下書き保持")), "{rows:#?}");
    assert!(rows.iter().any(|r| r.contains("Esc 閉じる")), "{rows:#?}");
}

#[test]
fn under_a_form_the_footer_shows_the_forms_keys_not_the_screens() {
    for (lang, (w, h)) in [Lang::Ja, Lang::En]
        .into_iter()
        .flat_map(|l| [(80, 24), (200, 50), (40, 12)].map(|s| (l, s)))
    {
        let mut app = on_detail(lang, w, h);
        let before = screen_rows(&mut app, w, h);
        let screen_keys = before.last().unwrap().clone();
        assert!(screen_keys.contains("n "), "{screen_keys}");
        press(&mut app, ch('n'));
        let rows = screen_rows(&mut app, w, h);
        let footer = rows.last().unwrap();
        assert!(footer.contains("Ctrl-U"), "{lang:?} {w}x{h}: {footer}");
        for hint in ["n 記録", "f 旗", "n note", "f flag"] {
            assert!(!footer.contains(hint), "{lang:?} {w}x{h}: {footer}");
        }
        let end = footer.trim_end();
        assert!(!end.ends_with('~') || end.ends_with(" ~"), "{footer}");
    }
}

#[test]
fn a_date_refusal_leaves_the_status_line_once_the_date_reads() {
    for lang in [Lang::Ja, Lang::En] {
        let mut app = on_detail(lang, 80, 24);
        press(&mut app, ch('d'));
        focus(&mut app, "due");
        type_text(&mut app, "2026-02-30");
        focus(&mut app, "title");
        type_text(&mut app, "中間報告");
        press(&mut app, Key::Ctrl('s'));
        assert!(app.status.is_some(), "the date is refused");
        focus(&mut app, "due");
        app.update(Action::Edit(Edit::End));
        // Still not a date: the refusal stays.
        type_text(&mut app, "x");
        assert!(app.status.is_some(), "2026-02-30x is no date");
        app.update(Action::Edit(Edit::Backspace));
        assert!(app.status.is_some(), "2026-02-30 is no date either");
        app.update(Action::Edit(Edit::Backspace));
        assert_eq!(app.status, None, "{lang:?}: 2026-02-3 reads");
        let rows = screen_rows(&mut app, 80, 24);
        assert!(rows.last().unwrap().contains("Ctrl-U"), "{:?}", rows.last());
    }
}

#[test]
fn a_refusal_about_another_field_stays_while_the_date_is_typed() {
    let mut app = on_detail(Lang::Ja, 80, 24);
    press(&mut app, ch('d'));
    focus(&mut app, "due");
    type_text(&mut app, "2026-02-30");
    press(&mut app, Key::Ctrl('s'));
    let refused = app.status.clone().expect("refused");
    type_text(&mut app, "x");
    assert_eq!(
        app.status.as_ref(),
        Some(&refused),
        "the date still does not read"
    );
}

// ---- 40×12: title, info and footer lines ----

fn is_figure(c: char) -> bool {
    c.is_ascii_digit()
}

/// The figures of a line (digits with their `,.:-` joints), each with the character after it.
fn figures_of(row: &str) -> Vec<(String, Option<char>)> {
    let joint = |c: char| is_figure(c) || matches!(c, ',' | '.' | ':' | '-');
    let chars: Vec<char> = row.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if is_figure(chars[i]) {
            let start = i;
            while i < chars.len() && joint(chars[i]) {
                i += 1;
            }
            let figure: String = chars[start..i].iter().collect();
            out.push((
                figure.trim_end_matches(joint_end).to_string(),
                chars.get(i).copied(),
            ));
        } else {
            i += 1;
        }
    }
    out
}

fn joint_end(c: char) -> bool {
    matches!(c, ',' | '.' | ':' | '-')
}

/// What is wrong with one title, info or footer line: a figure touching the bracket or `~`
/// before it, a figure that is not whole (not on the same screen drawn 200×50) and not marked
/// `~`, or a footer cut mid-hint.
fn fault(row: &str, wide: &str, footer: bool) -> Option<String> {
    let chars: Vec<char> = row.chars().collect();
    for pair in chars.windows(2) {
        let touches = matches!(pair[0], ')' | '）' | '~' | ']' | '」') && is_figure(pair[1]);
        if touches {
            return Some(format!("{}{} run together", pair[0], pair[1]));
        }
    }
    let whole: Vec<String> = figures_of(wide).into_iter().map(|(f, _)| f).collect();
    for (figure, after) in figures_of(row) {
        if after != Some('~') && !whole.contains(&figure) {
            return Some(format!(
                "{figure} is cut without ~ (not on the screen at 200×50)"
            ));
        }
    }
    let trimmed = row.trim_end();
    if footer && trimmed.ends_with('~') && !trimmed.ends_with(" ~") {
        return Some("a hint cut mid-word".into());
    }
    None
}

/// Every screen with its figures, in `lang`.
fn every_screen(lang: Lang) -> Vec<(&'static str, App)> {
    let start = |w: u16, h: u16| {
        let mut app = sized(w, h);
        app.lang = lang;
        app
    };
    let mut out = Vec::new();
    let mut dash = start(40, 12);
    dash.update(Action::DashboardLoaded(Box::new(dashboard_data(
        Pivot::IntegratedProject,
        MatrixOptions::default(),
    ))));
    out.push(("dashboard", dash));
    let mut list = start(40, 12);
    open_list(&mut list, 1..=600);
    list.update(Action::TotalLoaded(600));
    out.push(("list", list));
    let mut selected = start(40, 12);
    open_list(&mut selected, 1..=600);
    selected.update(Action::TotalLoaded(600));
    press(&mut selected, Key::Char(' '));
    out.push(("list with a selection", selected));
    let mut detail = start(40, 12);
    open_detail(&mut detail, project_detail(103, 3, 2));
    out.push(("detail", detail));
    let mut due = start(40, 12);
    keys(&mut due, &[Key::Tab, Key::Tab, Key::Tab]);
    due.update(Action::DueLoaded(
        (0..25).map(|i| due_item(i, 3 * i, ME)).collect(),
    ));
    out.push(("due", due));
    let mut history = start(40, 12);
    open_detail(&mut history, project_detail(103, 0, 0));
    press(&mut history, ch('H'));
    history.update(Action::HistoryLoaded(history_entries(30)));
    out.push(("history", history));
    let mut budget = start(40, 12);
    press(&mut budget, ch('B'));
    budget.update(Action::BudgetLoaded(Box::new(budget_pivot(
        BudgetRows::IntegratedProject,
        25,
    ))));
    out.push(("budget", budget));
    let mut funnel = start(40, 12);
    press(&mut funnel, ch('F'));
    funnel.update(Action::FunnelLoaded(Box::new(funnel_data(2026, 14))));
    out.push(("funnel", funnel));
    let mut pi = start(40, 12);
    open_detail(&mut pi, project_detail(103, 0, 0));
    press(&mut pi, ch('P'));
    pi.update(Action::PiLoaded(Box::new(pi_overview(
        PiKey::Pi(pi_name(103)),
        201..=225,
    ))));
    out.push(("pi", pi));
    let mut links = start(40, 12);
    open_detail(&mut links, project_detail(103, 0, 25));
    press(&mut links, ch('L'));
    out.push(("links", links));
    let mut form = start(40, 12);
    open_detail(&mut form, project_detail(103, 0, 0));
    press(&mut form, ch('n'));
    out.push(("note form", form));
    out
}

#[test]
fn at_40_by_12_no_title_info_or_footer_line_cuts_or_runs_figures_together() {
    for lang in [Lang::Ja, Lang::En] {
        for (name, mut app) in every_screen(lang) {
            let wide = screen_rows(&mut app, 200, 50);
            let rows = screen_rows(&mut app, 40, 12);
            let wide = wide.join("\n");
            let checked = [(0, false), (1, false), (rows.len() - 1, true)];
            for (i, footer) in checked {
                if let Some(fault) = fault(&rows[i], &wide, footer) {
                    panic!("{lang:?} {name}, row {i}: {fault}\n{}", rows.join("\n"));
                }
            }
        }
    }
}

#[test]
fn the_lists_count_stays_whole_two_cells_from_the_filter_hint_at_40_columns() {
    for (lang, hint) in [(Lang::Ja, "（/ で絞り込み）"), (Lang::En, "(/ to filter)")] {
        let mut app = sized(40, 12);
        app.lang = lang;
        open_list(&mut app, 1..=600);
        app.update(Action::TotalLoaded(600));
        let rows = screen_rows(&mut app, 40, 12);
        let info = &rows[1];
        let at = info.find("600 / 600").unwrap_or_else(|| panic!("{info}"));
        assert!(info[..at].ends_with("  "), "{info}");
        let before = info[..at].trim();
        assert!(
            hint.starts_with(before.trim_end_matches('~')) && !before.is_empty(),
            "{info}"
        );
        let wide = screen_rows(&mut app, 80, 24);
        assert!(wide[1].contains(hint), "{}", wide[1]);
        let footer = rows.last().unwrap().trim_end();
        assert!(!footer.ends_with('~') || footer.ends_with(" ~"), "{footer}");
    }
}

#[test]
fn a_note_edit_left_unchanged_is_no_draft_and_a_changed_one_comes_back_on_e() {
    let mut app = sized(80, 24);
    open_detail(&mut app, project_detail(103, 2, 0));
    press(&mut app, ch('J'));
    press(&mut app, ch('e'));
    assert!(matches!(form(&app).kind, FormKind::EditNote { .. }));
    press(&mut app, Key::Esc);
    assert!(app.drafts.is_empty(), "the note's own text is no draft");
    press(&mut app, ch('e'));
    type_text(&mut app, "追記");
    press(&mut app, Key::Esc);
    assert_eq!(
        app.notice.as_deref(),
        Some("下書きを保持しました（e で再開）")
    );
    press(&mut app, ch('n'));
    assert_eq!(field_text(&app, "body"), "", "a new note is not the edit");
    press(&mut app, Key::Esc);
    press(&mut app, ch('e'));
    assert!(field_text(&app, "body").ends_with("追記"));
}
