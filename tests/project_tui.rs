//! The project forms through the real state machine, runtime effects and store: `E` saves the
//! changed fields and the history says so in words, `u` writes the earlier values back, a save
//! on a stale version keeps the typed values and goes on top of the newer version, `N` adds a
//! project (refusing what import refuses), and retiring takes the project out of the list until
//! `u` restores it.

use crate::common::Home;
use crate::ui::Harness;
use seedline::Lang;
use seedline::app::keymap::Key;
use seedline::app::{Overlay, Screen};
use seedline::model::{Author, LicensingStatus, ProjectChanges};

use Key::Char as K;

/// Opens the fixture's project on row `row` of the all-projects list (row 1: JP25fx0000002).
fn open_project(t: &mut Harness, row: usize) {
    t.keys(&[Key::Tab, K('g')]);
    for _ in 0..row {
        t.keys(&[K('j')]);
    }
    t.keys(&[Key::Enter]);
    assert!(matches!(t.app.screen(), Screen::Detail(_)));
}

pub fn detail(t: &Harness) -> &seedline::model::ProjectDetail {
    match t.app.screen() {
        Screen::Detail(d) => d.detail.as_deref().expect("detail loaded"),
        _ => panic!("not on a detail"),
    }
}

/// Tab to the form field `key`.
pub fn focus(t: &mut Harness, key: &str) {
    for _ in 0..20 {
        if let Overlay::Form(f) = &t.app.overlay
            && f.fields[f.focus].key == key
        {
            return;
        }
        t.keys(&[Key::Tab]);
    }
    panic!("no field {key}");
}

fn form_open(t: &Harness) -> bool {
    matches!(t.app.overlay, Overlay::Form(_))
}

#[test]
fn e_saves_the_changed_fields_history_words_them_and_u_takes_them_back() {
    let mut t = Harness::new(Lang::Ja, 100, 30);
    open_project(&mut t, 1);
    assert_eq!(detail(&t).licensing_status, LicensingStatus::None);
    let version = detail(&t).version;
    t.keys(&[K('E')]);
    focus(&mut t, "licensing_status");
    t.keys(&[Key::Right, Key::Right, Key::Right]);
    focus(&mut t, "partner_company");
    t.type_text("第一製薬株式会社");
    t.keys(&[Key::Ctrl('s')]);
    assert!(!form_open(&t), "saved: {:?}", t.app.status);
    assert_eq!(detail(&t).licensing_status, LicensingStatus::License);
    assert_eq!(detail(&t).version, version + 1);
    let notice = t.app.notice.clone().unwrap();
    assert!(notice.contains("企業導出: 未導出 › 実施許諾"), "{notice}");
    assert!(t.screen_text().contains("実施許諾"));
    t.keys(&[K('H')]);
    let text = t.screen_text();
    assert!(text.contains("課題を編集"), "{text}");
    assert!(!text.contains("project.edit"), "no raw action name: {text}");
    assert!(text.contains("企業導出: 未導出 › 実施許諾"), "{text}");
    t.keys(&[Key::Esc, K('u')]);
    assert_eq!(detail(&t).licensing_status, LicensingStatus::None);
    assert_eq!(detail(&t).partner_company, None);
    // Opening and saving without a change: said so, nothing written.
    let v = detail(&t).version;
    t.keys(&[K('E'), Key::Ctrl('s')]);
    assert!(
        t.app
            .status
            .as_deref()
            .unwrap()
            .contains("変更はありません")
    );
    t.keys(&[Key::Esc]);
    assert_eq!(detail(&t).version, v);
}

#[test]
fn a_stale_save_keeps_the_typed_values_then_goes_on_top_of_the_other_sessions_change() {
    let mut t = Harness::new(Lang::Ja, 100, 30);
    open_project(&mut t, 1);
    t.keys(&[K('E')]);
    focus(&mut t, "partner_company");
    t.type_text("第一製薬株式会社");
    // Another session changes the budget meanwhile.
    let path = t.home.path("ui.db");
    let mut other = Harness::open(Home::new(), &path, Lang::Ja, 100, 30);
    let id = detail(&t).id;
    other
        .store
        .edit_project(
            id,
            None,
            &ProjectChanges {
                budget_total_kyen: Some(Some(77_777)),
                ..ProjectChanges::default()
            },
            &Author::new(Some("大野 恵子"), Some("PS"), "ono"),
        )
        .unwrap();
    t.keys(&[Key::Ctrl('s')]);
    assert!(form_open(&t), "the form stays open");
    let status = t.app.status.clone().unwrap();
    assert!(status.contains("大野 恵子"), "{status}");
    if let Overlay::Form(f) = &t.app.overlay {
        assert_eq!(f.text("partner_company"), "第一製薬株式会社");
    }
    t.keys(&[Key::Ctrl('s')]);
    assert!(!form_open(&t), "{:?}", t.app.status);
    let d = detail(&t);
    assert_eq!(d.partner_company.as_deref(), Some("第一製薬株式会社"));
    assert_eq!(d.budget_total_kyen, Some(77_777), "their change stays");
}

#[test]
fn n_adds_a_project_checked_as_an_import_row() {
    let mut t = Harness::new(Lang::Ja, 100, 30);
    let before = t.app.total_projects;
    t.keys(&[K('N')]);
    t.type_text("JP26zz0000001");
    t.keys(&[Key::Ctrl('s')]);
    let status = t.app.status.clone().unwrap();
    assert!(
        status.contains("研究開発課題名: 空です。値が必要です"),
        "{status}"
    );
    assert!(form_open(&t));
    for (key, text) in [
        ("title", "新規の課題"),
        ("institution", "東京大学"),
        ("pi_name", "山田 花子"),
        ("disease_areas", "がん, 存在しない"),
    ] {
        focus(&mut t, key);
        t.type_text(text);
    }
    t.keys(&[Key::Ctrl('s')]);
    let status = t.app.status.clone().unwrap();
    assert!(
        status.contains("疾患領域 '存在しない' はありません"),
        "{status}"
    );
    focus(&mut t, "disease_areas");
    t.keys(&[Key::Ctrl('u')]);
    t.type_text("がん, 難病");
    t.keys(&[Key::Ctrl('s')]);
    assert!(!form_open(&t), "{:?}", t.app.status);
    assert_eq!(t.app.total_projects, before + 1);
    assert!(t.app.notice.clone().unwrap().contains("JP26zz0000001"));
}

#[test]
fn retiring_from_the_palette_hides_the_project_until_u_restores_it() {
    let mut t = Harness::new(Lang::Ja, 100, 30);
    let before = t.app.total_projects;
    open_project(&mut t, 1);
    let id = detail(&t).id;
    let listed = |t: &Harness| match t.app.screen() {
        Screen::List(l) => l.ids.contains(&id),
        _ => panic!("not on the list"),
    };
    t.keys(&[K(':')]);
    t.type_text("retire_project");
    t.keys(&[Key::Enter]);
    t.type_text("重複登録");
    t.keys(&[Key::Tab, Key::Right, Key::Ctrl('s')]);
    assert!(!form_open(&t), "{:?}", t.app.status);
    assert!(!listed(&t), "the list leaves it out");
    assert_eq!(t.app.total_projects, before - 1);
    t.keys(&[K('u')]);
    assert!(listed(&t), "restored by u");
    assert_eq!(t.app.total_projects, before);
}
