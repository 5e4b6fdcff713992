//! The project detail: scrolling against its laid-out lines, the note focus (J / K) scrolling the
//! note into view, and the keys that open forms and other screens about the project.

use super::*;
use seedline::app::{FormKind, Overlay, Save};

/// Project 103 with five notes and three links, opened from a list at `w`×`h`.
fn opened(w: u16, h: u16) -> App {
    let mut app = sized(w, h);
    open_detail(&mut app, project_detail(103, 5, 3));
    app
}

fn lines(app: &App) -> usize {
    detail_state(app).lines.len()
}

fn scroll(app: &App) -> usize {
    detail_state(app).scroll
}

/// The text of laid-out line `i`, as drawn.
fn line(app: &App, i: usize) -> String {
    detail_state(app).lines[i].text().trim_end().to_string()
}

#[test]
fn the_detail_is_taller_than_two_pages_and_reports_its_lines() {
    let app = opened(80, 24);
    let d = detail_state(&app);
    assert_eq!(d.name(), amed_id(103));
    assert_eq!(app.screen().content_height(), Some(d.lines.len()));
    assert!(d.lines.len() > 22 * 2, "{} lines", d.lines.len());
    assert_eq!(d.note_starts.len(), 5);
    assert!(
        d.note_starts[0] > 22,
        "the first note lies below the first screen"
    );
    assert_eq!(
        line(&app, 0),
        format!(
            "{}  医薬品プロジェクト › 創薬基盤推進研究事業",
            amed_id(103)
        )
    );
}

#[test]
fn scrolling_stops_at_the_last_line_at_80x24() {
    let mut app = opened(80, 24);
    let n = lines(&app);
    assert_eq!(press(&mut app, ch('k')), []);
    assert_eq!(scroll(&app), 0);
    assert_eq!(press(&mut app, ch('j')), []);
    assert_eq!(scroll(&app), 1);
    press(&mut app, Key::PageDown);
    assert_eq!(scroll(&app), 22, "a page of 22 lines, one kept");
    assert_eq!(press(&mut app, ch('G')), []);
    assert_eq!(scroll(&app), n - 22);
    press(&mut app, Key::PageDown);
    press(&mut app, ch('j'));
    assert_eq!(scroll(&app), n - 22);
    let body = body_rows(&mut app, 80, 24);
    assert_eq!(body[21].trim_end(), line(&app, n - 1));
    assert_eq!(body[0].trim_end(), line(&app, n - 22));
    press(&mut app, Key::PageUp);
    assert_eq!(scroll(&app), n - 22 - 21);
    press(&mut app, Key::Home);
    assert_eq!(scroll(&app), 0);
}

#[test]
fn scrolling_stops_at_the_last_line_at_40x12() {
    let mut app = opened(40, 12);
    let n = lines(&app);
    let wide = project_detail(103, 5, 3);
    let at_80 = seedline::app::detail::layout(&wide, Lang::Ja, 80, TODAY)
        .0
        .len();
    assert!(
        n > at_80,
        "laid out for 40 columns: {n} lines, {at_80} at 80"
    );
    press(&mut app, Key::PageDown);
    assert_eq!(scroll(&app), 9);
    press(&mut app, ch('G'));
    assert_eq!(scroll(&app), n - 10);
    let body = body_rows(&mut app, 40, 12);
    assert_eq!(body[9].trim_end(), line(&app, n - 1));
}

#[test]
fn widening_the_terminal_keeps_the_scroll_inside_the_lines() {
    let mut app = opened(40, 12);
    press(&mut app, ch('G'));
    app.update(Action::Resize(80, 24));
    let n = lines(&app);
    assert!(
        scroll(&app) <= n - 22,
        "scroll {} past the last page start {}",
        scroll(&app),
        n - 22
    );
}

#[test]
fn j_and_k_focus_notes_and_scroll_each_into_view() {
    let mut app = opened(80, 24);
    let starts = detail_state(&app).note_starts.clone();
    let n = lines(&app);
    assert_eq!(detail_state(&app).note_focus, None);
    assert_eq!(press(&mut app, ch('J')), []);
    assert_eq!(detail_state(&app).note_focus, Some(0));
    // Below the screen: scrolled so that the note starts on the third row.
    assert_eq!(scroll(&app), (starts[0] - 2).min(n - 22));
    let body = body_rows(&mut app, 80, 24);
    assert_eq!(
        body[starts[0] - scroll(&app)].trim_end(),
        line(&app, starts[0])
    );
    assert!(
        line(&app, starts[0]).contains("面談・助言"),
        "{}",
        line(&app, starts[0])
    );
    // Onwards to the last note, which stays the focus.
    keys(&mut app, &[ch('J'); 6]);
    assert_eq!(detail_state(&app).note_focus, Some(4));
    let s = scroll(&app);
    assert!(
        starts[4] >= s && starts[4] < s + 22,
        "note at {} not in {s}..{}",
        starts[4],
        s + 22
    );
    // Back to the first: scrolled up to it.
    keys(&mut app, &[ch('K'); 6]);
    assert_eq!(detail_state(&app).note_focus, Some(0));
    let s = scroll(&app);
    assert!(
        starts[0] >= s && starts[0] < s + 20,
        "note at {} not in {s}..{}",
        starts[0],
        s + 20
    );
    // From the top, the focus scrolls back down.
    press(&mut app, ch('g'));
    assert_eq!(scroll(&app), 0);
    press(&mut app, ch('J'));
    assert_eq!(detail_state(&app).note_focus, Some(1));
    assert_eq!(scroll(&app), (starts[1] - 2).min(n - 22));
}

#[test]
fn j_without_notes_focuses_nothing() {
    let mut app = sized(80, 24);
    open_detail(&mut app, project_detail(104, 0, 0));
    assert_eq!(press(&mut app, ch('J')), []);
    assert_eq!(detail_state(&app).note_focus, None);
    assert_eq!(press(&mut app, ch('e')), []);
    assert_eq!(
        app.status.as_deref(),
        Some("記録を選んでください（J / K で移動）")
    );
}

#[test]
fn the_focused_note_is_the_one_x_deletes() {
    let mut app = opened(80, 24);
    keys(&mut app, &[ch('J'), ch('J')]);
    assert_eq!(
        press(&mut app, ch('x')),
        [Effect::Save(Save::DeleteNote { note_id: 901 })]
    );
}

#[test]
fn n_opens_a_note_form_about_the_project() {
    let mut app = opened(80, 24);
    assert_eq!(press(&mut app, ch('n')), []);
    let Overlay::Form(form) = &app.overlay else {
        panic!("{:?}", app.overlay);
    };
    assert_eq!(form.kind, FormKind::Note { project_id: 103 });
    assert_eq!(form.heading, format!("{}  {}", amed_id(103), title(103)));
    // Keys now edit the form: `j` is typed, not a scroll.
    assert_eq!(press(&mut app, ch('j')), []);
    assert_eq!(scroll(&app), 0);
    assert_eq!(press(&mut app, Key::Esc), []);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(
        app.notice.as_deref(),
        Some("下書きを保持しました（n で再開）")
    );
    assert!(
        app.drafts
            .keys()
            .any(|k| k.project == Some(103) && k.form == "note")
    );
}

#[test]
fn project_keys_open_history_pi_institution_and_watch() {
    let mut app = opened(80, 24);
    assert_eq!(
        press(&mut app, ch('w')),
        [Effect::Save(Save::Watch {
            project_ids: vec![103],
            on: None,
        })]
    );
    assert_eq!(
        press(&mut app, ch('H')),
        [Effect::LoadHistory { project_id: 103 }]
    );
    assert_eq!(history(&app).label, format!("{} 履歴", amed_id(103)));
    press(&mut app, Key::Esc);
    assert_eq!(
        press(&mut app, ch('P')),
        [Effect::LoadPi {
            key: PiKey::Pi(pi_name(103)),
            today: today(),
        }]
    );
    press(&mut app, ch('q'));
    assert_eq!(
        press(&mut app, ch('I')),
        [Effect::LoadPi {
            key: PiKey::Institution(institution(103)),
            today: today(),
        }]
    );
    press(&mut app, ch('q'));
    // Enter on the detail: the PI line heads it, so the PI's projects.
    assert_eq!(
        press(&mut app, Key::Enter),
        [Effect::LoadPi {
            key: PiKey::Pi(pi_name(103)),
            today: today(),
        }]
    );
}

#[test]
fn an_answer_for_another_project_is_not_shown() {
    let mut app = sized(80, 24);
    open_list(&mut app, 103..=103);
    press(&mut app, Key::Enter);
    app.update(Action::DetailLoaded(Box::new(project_detail(999, 1, 0))));
    assert_eq!(detail_state(&app).detail, None);
    assert_eq!(
        app.screen().content_height(),
        Some(1),
        "still the loading line"
    );
    assert_eq!(crumbs(&app)[2], "#103");
}
