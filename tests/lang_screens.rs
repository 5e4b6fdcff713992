//! The screens in the officer's language when something goes wrong: a filter term that does
//! not parse, a form value that is refused, a store error, a conflict and a refused import,
//! drawn at 80×24, 200×50 and 40×12. Under Japanese no English sentence shows; under English
//! the status line holds no Japanese word.

use crate::app_screens::{ch, open_detail, open_list, press, project_detail, screen_rows, sized};
use crate::lang::{english_sentence, japanese_word};
use seedline::Lang;
use seedline::app::keymap::Key;
use seedline::app::{Action, App, Edit, Failure, SaveOutcome};
use seedline::msg::Msg;

const SIZES: [(u16, u16); 3] = [(80, 24), (200, 50), (40, 12)];

fn app_in(lang: Lang, w: u16, h: u16) -> App {
    let mut app = sized(w, h);
    app.lang = lang;
    app
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Edit(Edit::Insert(c)));
    }
}

/// What goes wrong, done to an app.
type Trouble = Box<dyn Fn(&mut App)>;

/// Every way an error reaches the status line, each leaving the app with its status set.
fn troubles() -> Vec<(&'static str, Trouble)> {
    let error = |e: seedline::Error| {
        Box::new(move |app: &mut App| {
            app.update(Action::Failed(Msg::of_error(&e)));
        }) as Trouble
    };
    vec![
        (
            "a filter term that does not parse",
            Box::new(|app: &mut App| {
                open_list(app, 101..=110);
                press(app, ch('/'));
                type_text(app, "phase:xyz");
            }),
        ),
        (
            "an unknown filter field",
            Box::new(|app: &mut App| {
                open_list(app, 101..=110);
                press(app, ch('/'));
                type_text(app, "colour:red ");
            }),
        ),
        (
            "a refused form date",
            Box::new(|app: &mut App| {
                open_detail(app, project_detail(103, 2, 1));
                press(app, ch('n'));
                type_text(app, "記録");
                for _ in 0..3 {
                    press(app, Key::Tab);
                }
                type_text(app, "2026-02-30");
                press(app, Key::Ctrl('s'));
            }),
        ),
        (
            "a note the store refuses",
            Box::new(|app: &mut App| {
                let e = seedline::model::validate_body(" ").unwrap_err();
                app.update(Action::SaveDone(SaveOutcome::Failed(Failure::Error(
                    Msg::of_error(&e),
                ))));
            }),
        ),
        (
            "a conflict",
            Box::new(|app: &mut App| {
                open_detail(app, project_detail(103, 2, 1));
                press(app, ch('n'));
                type_text(app, "記録");
                let e = seedline::Error::Conflict {
                    what: seedline::msg::invalid::record_note(901),
                    by: "大野 恵子".into(),
                    at: "2026-11-25T09:00:00Z".into(),
                };
                app.update(Action::SaveDone(SaveOutcome::Conflict {
                    message: Msg::of_error(&e),
                    latest: Some(3),
                }));
            }),
        ),
        (
            "an export over an existing file",
            error(seedline::Error::invalid(
                "output",
                seedline::msg::invalid::output_exists(std::path::Path::new("out.csv")),
            )),
        ),
        (
            "a busy database",
            error(seedline::Error::Busy {
                path: "/srv/seedline.db".into(),
                holders: "PID 4242 sqlite3".into(),
            }),
        ),
        (
            "a missing file",
            error(seedline::Error::io(
                "in.csv",
                std::io::Error::from(std::io::ErrorKind::NotFound),
            )),
        ),
        (
            "a refused import",
            Box::new(|app: &mut App| {
                let problem = seedline::csv_io::Problem {
                    line: Some(3),
                    column: Some("開始日".into()),
                    message: seedline::msg::csv::not_a_date("2026-13-40"),
                };
                app.update(Action::SaveDone(SaveOutcome::Failed(
                    Failure::ImportRefused {
                        path: "in.csv".into(),
                        problems: 2,
                        first: seedline::msg::csv::problem_line(&problem, "in.csv"),
                    },
                )));
            }),
        ),
    ]
}

#[test]
fn under_japanese_no_error_or_hint_shows_an_english_sentence() {
    for (what, trouble) in troubles() {
        for (w, h) in SIZES {
            let mut app = app_in(Lang::Ja, w, h);
            trouble(&mut app);
            let status = app.status.clone().unwrap_or_default();
            assert!(!status.is_empty(), "{what}: no status at {w}x{h}");
            assert!(
                english_sentence(&status).is_none(),
                "{what}: English in the status: {status}"
            );
            for row in screen_rows(&mut app, w, h) {
                assert!(
                    english_sentence(&row).is_none(),
                    "{what} at {w}x{h}: English on screen: {row}"
                );
            }
        }
    }
}

#[test]
fn under_english_no_error_or_hint_shows_a_japanese_word() {
    // Data on the screen (titles, names, headers of the file) stays as it is.
    let data = ["大野 恵子", "開始日", "記録"];
    for (what, trouble) in troubles() {
        for (w, h) in SIZES {
            let mut app = app_in(Lang::En, w, h);
            trouble(&mut app);
            let status = app.status.clone().unwrap_or_default();
            assert!(!status.is_empty(), "{what}: no status at {w}x{h}");
            assert!(
                japanese_word(&status, &data).is_none(),
                "{what}: Japanese in the English status: {status}"
            );
            let rows = screen_rows(&mut app, w, h);
            let last = rows.last().cloned().unwrap_or_default();
            assert!(
                japanese_word(&last, &data).is_none(),
                "{what} at {w}x{h}: Japanese on the English status line: {last}"
            );
        }
    }
}

#[test]
fn the_filter_hint_and_the_form_error_read_as_an_officer_expects() {
    let cases = [
        (
            Lang::Ja,
            0,
            "phase:xyz: 段階は 基礎・応用・非臨床・臨床・実用化（範囲は 応用..臨床）",
        ),
        (
            Lang::En,
            0,
            "phase:xyz: expected basic, applied, nonclinical, clinical, practical",
        ),
        (Lang::Ja, 2, "フォローアップ"),
        (Lang::Ja, 2, "'2026-02-30' という日はありません"),
        (Lang::En, 2, "'2026-02-30' is not a date"),
        (Lang::Ja, 3, "本文: 記録の本文が空です"),
        (Lang::Ja, 4, "入力は保持しています"),
        (Lang::En, 4, "your text is kept"),
    ];
    let troubles = troubles();
    for (lang, i, want) in cases {
        let mut app = app_in(lang, 200, 50);
        (troubles[i].1)(&mut app);
        let status = app.status.clone().unwrap_or_default();
        assert!(
            status.contains(want),
            "{lang:?} {}: {status}",
            troubles[i].0
        );
        let rows = screen_rows(&mut app, 200, 50);
        assert!(
            rows.iter().any(|r| r.contains(want)),
            "{lang:?} {}: not on screen:\n{}",
            troubles[i].0,
            rows.join("\n")
        );
    }
}
