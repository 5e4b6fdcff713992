//! The project forms as plain data: `E` on the detail (prefilled, the version loaded, only the
//! changed fields saved, a stale save keeping the typed values, `u` taking it back), `N` for a
//! new project, and retiring from the palette behind a confirmation.

use super::*;
use seedline::app::form::Value;
use seedline::app::{Done, FormKind, Overlay, Save, SaveOutcome, Undo};
use seedline::model::{ProjectChanges, ProjectValue};

/// The detail of project 103 (version 3) at `w`×`h`, with the built-in programs to choose from.
fn on_detail(w: u16, h: u16) -> App {
    let (mut app, _) = App::new(
        Lang::Ja,
        today(),
        Arc::new(seedline::model::Reference::builtin()),
        Keymap::default(),
    );
    app.author = Author::new(Some(ME), Some("PO"), "tester");
    app.update(Action::Resize(w, h));
    open_detail(&mut app, project_detail(103, 2, 0));
    app
}

fn form(app: &App) -> &seedline::app::Form {
    match &app.overlay {
        Overlay::Form(f) => f,
        other => panic!("expected a form, found {other:?}"),
    }
}

/// Moves the focus to the field `key` (Tab, as the officer would).
fn focus(app: &mut App, key: &str) {
    for _ in 0..20 {
        let f = form(app);
        if f.fields[f.focus].key == key {
            return;
        }
        press(app, Key::Tab);
    }
    panic!("no field {key}");
}

fn text_of(app: &App, key: &str) -> String {
    let f = form(app);
    match &f.fields.iter().find(|x| x.key == key).unwrap().value {
        Value::Text(l) | Value::Date { line: l, .. } => l.text.clone(),
        Value::Choice { options, index } => options[*index].code.clone(),
        Value::Body(e) => e.text(),
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Edit(seedline::app::Edit::Insert(c)));
    }
}

#[test]
fn e_opens_the_fields_prefilled_and_saves_only_what_changed_on_the_version_loaded() {
    let mut app = on_detail(80, 24);
    assert_eq!(press(&mut app, ch('E')), []);
    let FormKind::ProjectEdit {
        project_id,
        version,
        ..
    } = &form(&app).kind
    else {
        panic!("{:?}", form(&app).kind);
    };
    assert_eq!((*project_id, *version), (103, 3));
    assert_eq!(text_of(&app, "title"), title(103));
    assert_eq!(text_of(&app, "end_date"), "2027-03-31");
    assert_eq!(text_of(&app, "budget_total_kyen"), "120000");
    assert_eq!(text_of(&app, "disease_areas"), "がん");
    assert_eq!(text_of(&app, "licensing_status"), "none");
    assert_eq!(text_of(&app, "modality"), "drug");
    // Nothing changed: said so, nothing saved.
    assert_eq!(press(&mut app, Key::Ctrl('s')), []);
    assert!(app.status.as_deref().unwrap().contains("変更はありません"));
    // 企業導出 → 実施許諾 (three to the right), the end date cleared.
    focus(&mut app, "licensing_status");
    for _ in 0..3 {
        press(&mut app, Key::Right);
    }
    focus(&mut app, "end_date");
    press(&mut app, Key::Ctrl('u'));
    let effects = press(&mut app, Key::Ctrl('s'));
    let value = |key: &str, label: &str, value: &str| ProjectValue {
        key: key.into(),
        label: label.into(),
        value: value.into(),
    };
    assert_eq!(
        effects,
        [Effect::Save(Save::ProjectEdit {
            project_id: 103,
            version: 3,
            values: vec![
                value("end_date", "終了日", ""),
                value("licensing_status", "企業導出", "license"),
            ],
        })]
    );
}

#[test]
fn a_stale_save_keeps_the_typed_values_and_the_next_goes_on_the_newer_version() {
    let mut app = on_detail(80, 24);
    press(&mut app, ch('E'));
    focus(&mut app, "partner_company");
    type_text(&mut app, "第一製薬");
    press(&mut app, Key::Ctrl('s'));
    app.update(Action::SaveDone(SaveOutcome::Conflict {
        message: seedline::msg::Msg::of_error(&seedline::Error::Conflict {
            what: seedline::msg::invalid::record_project(),
            by: "大野 恵子".into(),
            at: "2026-11-25T09:00:00Z".into(),
        }),
        latest: Some(5),
    }));
    assert_eq!(
        text_of(&app, "partner_company"),
        "第一製薬",
        "the form stays, typed text kept"
    );
    assert!(app.status.as_deref().unwrap().contains("大野 恵子"));
    let effects = press(&mut app, Key::Ctrl('s'));
    assert!(
        matches!(&effects[..], [Effect::Save(Save::ProjectEdit { version: 5, values, .. })] if values.len() == 1),
        "{effects:?}"
    );
}

#[test]
fn a_saved_edit_can_be_undone_with_u() {
    let mut app = on_detail(80, 24);
    press(&mut app, ch('E'));
    let undo = Undo::ProjectEdited {
        project_id: 103,
        version: 4,
        back: Box::new(ProjectChanges {
            licensing_status: Some(LicensingStatus::None),
            ..ProjectChanges::default()
        }),
    };
    app.update(Action::SaveDone(SaveOutcome::Saved {
        done: Done::ProjectSaved {
            changes: vec![seedline::model::FieldChange {
                field: seedline::model::ProjectField::Licensing,
                from: Some("未導出".into()),
                to: Some("実施許諾".into()),
            }],
        },
        undo: vec![undo.clone()],
    }));
    assert_eq!(app.overlay, Overlay::None);
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .contains("企業導出: 未導出 › 実施許諾")
    );
    assert_eq!(press(&mut app, ch('u')), [Effect::Save(Save::Undo(undo))]);
}

#[test]
fn n_opens_a_new_project_form_that_saves_every_field_as_typed() {
    let mut app = sized(80, 24);
    assert_eq!(press(&mut app, ch('N')), []);
    assert_eq!(form(&app).kind, FormKind::ProjectNew);
    type_text(&mut app, "JP26ck0100009");
    focus(&mut app, "title");
    type_text(&mut app, "新規課題");
    assert_eq!(
        text_of(&app, "start_date"),
        TODAY,
        "starts today unless changed"
    );
    let effects = press(&mut app, Key::Ctrl('s'));
    let [Effect::Save(Save::ProjectAdd { values })] = &effects[..] else {
        panic!("{effects:?}");
    };
    let get = |k: &str| values.iter().find(|v| v.key == k).map(|v| v.value.as_str());
    assert_eq!(get("amed_id"), Some("JP26ck0100009"));
    assert_eq!(get("title"), Some("新規課題"));
    assert_eq!(get("phase"), Some("basic"));
    assert_eq!(
        get("institution"),
        Some(""),
        "empty values go too: the check names them"
    );
    assert_eq!(values.len(), 15);
}

#[test]
fn retiring_from_the_palette_asks_for_a_reason_and_a_confirmation() {
    let mut app = on_detail(80, 24);
    press(&mut app, ch(':'));
    type_text(&mut app, "retire_project");
    press(&mut app, Key::Enter);
    assert_eq!(
        form(&app).kind,
        FormKind::ProjectRetire {
            project_id: 103,
            version: 3
        }
    );
    assert_eq!(press(&mut app, Key::Ctrl('s')), [], "no reason");
    type_text(&mut app, "重複登録");
    assert_eq!(press(&mut app, Key::Ctrl('s')), [], "not confirmed");
    assert!(app.status.as_deref().unwrap().contains("はい"));
    press(&mut app, Key::Down);
    press(&mut app, Key::Right);
    assert_eq!(
        press(&mut app, Key::Ctrl('s')),
        [Effect::Save(Save::ProjectRetire {
            project_id: 103,
            version: 3,
            reason: "重複登録".into()
        })]
    );
    app.update(Action::SaveDone(SaveOutcome::Saved {
        done: Done::ProjectRetired {
            amed_id: amed_id(103),
        },
        undo: vec![Undo::ProjectRetired { project_id: 103 }],
    }));
    assert!(
        matches!(app.screen(), Screen::List(_)),
        "the retired project's detail closes"
    );
    assert_eq!(
        press(&mut app, ch('u')),
        [Effect::Save(Save::Undo(Undo::ProjectRetired {
            project_id: 103
        }))]
    );
}

#[test]
fn the_edit_form_draws_at_80x24_and_40x12() {
    for (w, h) in [(80, 24), (40, 12)] {
        let mut app = on_detail(w, h);
        press(&mut app, ch('E'));
        let rows = screen_rows(&mut app, w, h);
        let text = rows.join("\n");
        assert!(text.contains("課題を編集"), "{text}");
        assert!(text.contains("研究開発課題名"), "{text}");
        for row in &rows {
            assert!(seedline::text::width(row) <= w as usize, "{row}");
        }
        // The focus moves down every field; the focused one stays in view.
        focus(&mut app, "partner_company");
        let text = screen_rows(&mut app, w, h).join("\n");
        assert!(text.contains("並走企業"), "{w}x{h}:\n{text}");
        if w == 80 {
            assert!(
                text.contains("120000") && text.contains("2027-03-31"),
                "{text}"
            );
        } else {
            assert!(text.contains('~'), "cut values end in ~:\n{text}");
        }
    }
}
