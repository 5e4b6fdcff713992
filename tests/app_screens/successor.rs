//! The successor offer as plain data: accepting the detail's highway flag offers to record the
//! seed's successor (create it from this project, later, or a project of the flag's target
//! program, narrowed by typing); create opens the new-project form prefilled from the
//! predecessor and saves it with the link; picking a project saves the link.

use super::*;
use seedline::app::{Done, FormKind, OfferEntry, Overlay, Save, SaveOutcome};
use seedline::model::{CriterionStatus, FlagStatus, FlagView, LineageProject, ProgramRef};

fn target(app: &App) -> ProgramRef {
    app.reference.programs[1].clone()
}

/// Project 103 (ends 2027-03-31) with recommended flag 77 towards the second built-in program.
fn on_flagged_detail(lang: Lang, w: u16, h: u16) -> App {
    let (mut app, _) = App::new(
        lang,
        today(),
        Arc::new(seedline::model::Reference::builtin()),
        Keymap::default(),
    );
    app.author = Author::new(Some(ME), Some("PO"), "tester");
    app.update(Action::Resize(w, h));
    let program = target(&app);
    let mut detail = project_detail(103, 0, 0);
    detail.flags = vec![FlagView {
        id: 77,
        status: FlagStatus::Recommended,
        target_ja: program.name_ja.clone(),
        target_en: program.name_en.clone(),
        reason: "非臨床POC取得".into(),
        criteria: [
            (CriterionStatus::Sufficient, String::new()),
            (CriterionStatus::Sufficient, String::new()),
            (CriterionStatus::Sufficient, String::new()),
        ],
        flagged_by: ME.into(),
        created_at: "2026-10-01T09:00:00".into(),
        decision_note: String::new(),
        version: 2,
        moves: Vec::new(),
    }];
    open_detail(&mut app, detail);
    app
}

/// `m`, then the move saved as `to` (what the runtime answers).
fn move_saved(app: &mut App, to: FlagStatus) -> Vec<Effect> {
    press(app, ch('m'));
    assert!(matches!(app.overlay, Overlay::Form(_)));
    app.update(Action::SaveDone(SaveOutcome::Saved {
        done: Done::FlagMoved {
            from: FlagStatus::Recommended,
            to,
        },
        undo: Vec::new(),
    }))
}

fn candidate(id: i64, start: &str) -> LineageProject {
    LineageProject {
        id,
        amed_id: amed_id(id),
        title: title(id),
        program: ("".into(), "".into()),
        phase: Phase::Clinical,
        start: start.parse().unwrap(),
        end: None,
        retired: false,
    }
}

fn offer(app: &App) -> &seedline::app::SuccessorOffer {
    match &app.overlay {
        Overlay::Successor(o) => o,
        other => panic!("expected the successor offer, found {other:?}"),
    }
}

fn answered(lang: Lang, w: u16, h: u16) -> App {
    let mut app = on_flagged_detail(lang, w, h);
    move_saved(&mut app, FlagStatus::Accepted);
    let program_id = target(&app).id;
    app.update(Action::SuccessorCandidates {
        program_id,
        projects: vec![candidate(305, "2027-04-01"), candidate(306, "2026-04-01")],
    });
    app
}

#[test]
fn accepting_the_flag_offers_to_record_the_successor_in_the_target_program() {
    let mut app = on_flagged_detail(Lang::Ja, 80, 24);
    let program = target(&app);
    let effects = move_saved(&mut app, FlagStatus::Accepted);
    assert!(
        effects.contains(&Effect::LoadSuccessorCandidates {
            program_id: program.id,
            exclude: 103
        }),
        "{effects:?}"
    );
    let o = offer(&app);
    assert_eq!(o.flag_id, 77);
    assert_eq!(o.predecessor_id, 103);
    assert_eq!(o.program_code, program.code);
    assert_eq!(o.entries(), [OfferEntry::Create, OfferEntry::Later]);
}

#[test]
fn declining_or_recommending_offers_nothing() {
    for to in [FlagStatus::Declined, FlagStatus::Withdrawn] {
        let mut app = on_flagged_detail(Lang::Ja, 80, 24);
        let effects = move_saved(&mut app, to);
        assert!(matches!(app.overlay, Overlay::None), "{to:?}");
        assert!(
            !effects
                .iter()
                .any(|e| matches!(e, Effect::LoadSuccessorCandidates { .. })),
            "{to:?}"
        );
    }
}

#[test]
fn typing_narrows_the_program_projects_and_enter_links_the_chosen_one() {
    let mut app = answered(Lang::Ja, 80, 24);
    assert_eq!(offer(&app).entries().len(), 4);
    for c in "306".chars() {
        press(&mut app, ch(c));
    }
    let entries = offer(&app).entries();
    assert_eq!(entries.len(), 3, "create, later and 306");
    assert!(matches!(entries[2], OfferEntry::Existing(p) if p.id == 306));
    keys(&mut app, &[Key::Down, Key::Down]);
    assert_eq!(
        press(&mut app, Key::Enter),
        [Effect::Save(Save::SuccessorLink {
            predecessor_id: 103,
            successor_id: 306,
            flag_id: 77,
            amed_id: amed_id(306),
        })]
    );
}

#[test]
fn later_closes_the_offer_and_says_how_to_link_afterwards() {
    let mut app = answered(Lang::En, 80, 24);
    press(&mut app, Key::Down);
    assert_eq!(press(&mut app, Key::Enter), []);
    assert!(matches!(app.overlay, Overlay::None));
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.contains("seedline lineage link")),
        "{:?}",
        app.status
    );
}

#[test]
fn create_opens_the_new_project_form_prefilled_from_the_predecessor() {
    let mut app = answered(Lang::Ja, 80, 24);
    let program = target(&app);
    assert_eq!(press(&mut app, Key::Enter), []);
    let Overlay::Form(form) = &app.overlay else {
        panic!("expected the form, found {:?}", app.overlay);
    };
    assert!(matches!(
        form.kind,
        FormKind::SuccessorNew {
            predecessor_id: 103,
            flag_id: 77,
            ..
        }
    ));
    assert_eq!(form.text("amed_id"), "", "the new award's number is typed");
    assert_eq!(form.text("title"), title(103));
    assert_eq!(form.text("pi_name"), pi_name(103));
    assert_eq!(form.text("institution"), institution(103));
    assert_eq!(form.text("disease_areas"), "がん");
    assert_eq!(form.choice("program"), Some(program.code.as_str()));
    assert_eq!(form.choice("phase"), Some("nonclinical"));
    assert_eq!(form.choice("modality"), Some("drug"));
    assert_eq!(
        form.date("start_date", Lang::Ja),
        Ok(Some("2027-04-01".parse().unwrap())),
        "the day after the predecessor ends"
    );
    assert_eq!(form.date("end_date", Lang::Ja), Ok(None));
    // Typing the 課題管理番号 and saving asks for the one-transaction save.
    for c in "JP27ck0000999".chars() {
        press(&mut app, ch(c));
    }
    let effects = press(&mut app, Key::Ctrl('s'));
    let [
        Effect::Save(Save::SuccessorAdd {
            predecessor_id,
            flag_id,
            values,
            on,
        }),
    ] = &effects[..]
    else {
        panic!("expected the successor save, found {effects:?}");
    };
    assert_eq!((*predecessor_id, *flag_id, *on), (103, 77, today()));
    let value = |key: &str| {
        values
            .iter()
            .find(|v| v.key == key)
            .map(|v| v.value.clone())
    };
    assert_eq!(value("amed_id").as_deref(), Some("JP27ck0000999"));
    assert_eq!(value("start_date").as_deref(), Some("2027-04-01"));
}

#[test]
fn successor_offer_snapshots() {
    for lang in [Lang::Ja, Lang::En] {
        for (w, h) in [(80, 24), (200, 50), (40, 12)] {
            let mut app = answered(lang, w, h);
            let name = format!(
                "successor_offer_{}_{w}x{h}",
                if lang == Lang::Ja { "ja" } else { "en" }
            );
            insta::assert_snapshot!(name, screen_rows(&mut app, w, h).join("\n"));
        }
    }
}
