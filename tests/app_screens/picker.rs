//! The officer picker (`O`): opened over the detail or a list selection, loading the roster for
//! its targets, narrowed by typing, Enter asking for one save (assign, or unassign when every
//! target has the officer), Esc closing; drawn at 80×24 and 40×12.

use super::*;
use seedline::app::{Done, Overlay, PickerState, Save, SaveOutcome, Undo};
use seedline::model::{OfficerRole, RosterEntry};

fn entry(id: i64, name: &str, role: OfficerRole, assigned: usize) -> RosterEntry {
    RosterEntry {
        id,
        name: name.into(),
        role,
        login: Some(format!("login{id}")),
        version: id + 1,
        assigned,
    }
}

/// Three officers; 山田 花子 assigned to `yamada` of the targets.
fn roster(yamada: usize) -> Vec<RosterEntry> {
    vec![
        entry(1, "大野 恵子", OfficerRole::Ps, 0),
        entry(2, ME, OfficerRole::Po, yamada),
        entry(3, "野口 健太", OfficerRole::Po, 0),
    ]
}

fn picker(app: &App) -> &PickerState {
    match &app.overlay {
        Overlay::Picker(p) => p,
        other => panic!("no picker: {other:?}"),
    }
}

/// A list of 101..=110 with 102, 104 and 105 selected, the picker opened and loaded.
fn on_selection(yamada: usize) -> App {
    let mut app = sized(80, 24);
    open_list(&mut app, 101..=110);
    keys(&mut app, &[ch('j'), ch(' '), ch('j'), ch(' '), ch(' ')]);
    let effects = press(&mut app, ch('O'));
    assert_eq!(
        effects,
        [Effect::LoadRoster {
            project_ids: vec![102, 104, 105]
        }]
    );
    app.update(Action::RosterLoaded {
        project_ids: vec![102, 104, 105],
        roster: roster(yamada),
    });
    app
}

#[test]
fn o_on_a_selection_loads_the_roster_for_the_selected_projects() {
    let app = on_selection(1);
    let p = picker(&app);
    assert_eq!(p.heading, "3 件の課題");
    assert_eq!(p.visible().len(), 3);
    assert_eq!(p.mark(p.visible()[1]), seedline::app::Mark::Some);
}

#[test]
fn typing_narrows_and_enter_assigns_the_officer_to_every_target_today() {
    let mut app = on_selection(1);
    for c in "山田".chars() {
        press(&mut app, ch(c));
    }
    assert_eq!(picker(&app).visible().len(), 1);
    let effects = press(&mut app, Key::Enter);
    assert_eq!(
        effects,
        [Effect::Save(Save::Assign {
            project_ids: vec![102, 104, 105],
            officer_id: 2,
            version: 3,
            label: format!("PO {ME}"),
            on: today(),
            assign: true,
        })]
    );
    // A second Enter while saving asks for nothing.
    assert_eq!(press(&mut app, Key::Enter), []);
    // Saved: the notice names the officer, the picker stays and reloads, `u` will undo.
    let effects = app.update(Action::SaveDone(SaveOutcome::Saved {
        done: Done::Assigned {
            officer: format!("PO {ME}"),
            projects: 2,
            already: 1,
        },
        undo: vec![Undo::Assigned {
            officer_id: 2,
            project_ids: vec![102, 105],
        }],
    }));
    assert!(effects.contains(&Effect::LoadRoster {
        project_ids: vec![102, 104, 105]
    }));
    assert!(app.notice.as_deref().unwrap().contains("2 件の担当に追加"));
    assert!(matches!(app.overlay, Overlay::Picker(_)));
    press(&mut app, Key::Esc);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(
        press(&mut app, ch('u')),
        [Effect::Save(Save::Undo(Undo::Assigned {
            officer_id: 2,
            project_ids: vec![102, 105],
        }))]
    );
}

#[test]
fn enter_on_an_officer_with_every_target_unassigns_and_a_conflict_reloads() {
    let mut app = on_selection(3);
    press(&mut app, Key::Down);
    let Some(Effect::Save(Save::Assign { assign, .. })) =
        press(&mut app, Key::Enter).into_iter().next()
    else {
        panic!("no save")
    };
    assert!(!assign, "every target has 山田: Enter ends the assignments");
    let effects = app.update(Action::SaveDone(SaveOutcome::Conflict {
        message: seedline::msg::Msg::of_error(&seedline::Error::Conflict {
            what: seedline::msg::invalid::record_assignment("PO 山田 花子", "JP24ek0100001"),
            by: "tanaka".into(),
            at: "2026-11-25".into(),
        }),
        latest: None,
    }));
    assert!(effects.contains(&Effect::LoadRoster {
        project_ids: vec![102, 104, 105]
    }));
    let status = app.status.clone().unwrap();
    assert!(
        status.contains("tanaka が変更しました") && status.contains("最新の担当"),
        "{status}"
    );
    assert!(
        matches!(app.overlay, Overlay::Picker(_)),
        "the picker stays"
    );
}

#[test]
fn o_on_the_detail_targets_its_project_and_answers_for_another_are_dropped() {
    let mut app = sized(80, 24);
    open_detail(&mut app, project_detail(103, 1, 0));
    assert_eq!(
        press(&mut app, ch('O')),
        [Effect::LoadRoster {
            project_ids: vec![103]
        }]
    );
    assert!(picker(&app).heading.starts_with(&amed_id(103)));
    app.update(Action::RosterLoaded {
        project_ids: vec![999],
        roster: roster(0),
    });
    assert_eq!(picker(&app).roster, None);
    app.update(Action::RosterLoaded {
        project_ids: vec![103],
        roster: roster(1),
    });
    assert_eq!(picker(&app).mark(&roster(1)[1]), seedline::app::Mark::All);
}

#[test]
fn the_picker_draws_at_80x24_and_40x12_and_says_how_to_add_officers() {
    for (w, h) in [(80, 24), (40, 12)] {
        let mut app = on_selection(3);
        let rows = screen_rows(&mut app, w, h);
        let text = rows.join("\n");
        assert!(text.contains("[✓] PO 山田 花子"), "{w}x{h}:\n{text}");
        assert!(text.contains("[ ] PS 大野 恵子"), "{w}x{h}:\n{text}");
        assert!(rows.iter().all(|r| seedline::text::width(r) <= w as usize));
        app.update(Action::RosterLoaded {
            project_ids: vec![102, 104, 105],
            roster: Vec::new(),
        });
        let text = screen_rows(&mut app, w, h).join("\n");
        assert!(text.contains("seedline officer add"), "{w}x{h}:\n{text}");
    }
}
