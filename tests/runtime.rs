//! The runtime's seams: effects answer typed outcomes that the app words in both languages, and
//! one `Runtime::step` at a time quits, exits on a signal or a hang-up, saving the drafts.

use crate::ui::Harness;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use seedline::Lang;
use seedline::app::{Action, Done, Effect, Failure, Save, SaveOutcome, Undo};
use seedline::drafts::DraftFile;
use seedline::model::{FlagStatus, NewNote, NoteKind, Phase, parse_date};
use seedline::tui::effects::perform;
use seedline::tui::terminal::Input;
use seedline::tui::{Events, Runtime};
use seedline::ui::theme::Theme;
use std::collections::VecDeque;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// The notice a successful save shows, in `lang`.
fn notice(lang: Lang, done: Done) -> String {
    let mut t = Harness::new(lang, 100, 30);
    t.act(Action::SaveDone(SaveOutcome::Saved {
        done,
        undo: Vec::new(),
    }));
    t.app.notice.clone().expect("a notice")
}

#[test]
fn the_app_words_what_a_save_did_in_both_languages() {
    let flagged = || Done::Flagged {
        count: 3,
        skipped: 1,
    };
    assert_eq!(
        notice(Lang::Ja, flagged()),
        "3 件にハイウェイ支援フラグを立てました (1 件は既に未決フラグあり)"
    );
    assert_eq!(
        notice(Lang::En, flagged()),
        "3 project(s) flagged for highway support (1 already had an open flag)"
    );
    let moved = || Done::PhaseMoved {
        from: Phase::Basic,
        to: Phase::Applied,
    };
    assert_eq!(notice(Lang::Ja, moved()), "基礎 › 応用");
    assert_eq!(notice(Lang::En, moved()), "Basic › Applied");
    let exported = || Done::Exported {
        rows: 12,
        path: "一覧.csv".into(),
    };
    assert_eq!(
        notice(Lang::Ja, exported()),
        "12 件を書き出しました: 一覧.csv"
    );
    assert_eq!(notice(Lang::En, exported()), "12 rows written to 一覧.csv");
    let imported = || Done::Imported {
        dry_run: true,
        inserted: 2,
        updated: 1,
        unchanged: 0,
    };
    assert_eq!(
        notice(Lang::Ja, imported()),
        "確認のみ: 新規 2 / 更新 1 / 変更なし 0"
    );
    assert_eq!(
        notice(Lang::En, imported()),
        "dry run: inserted 2 / updated 1 / unchanged 0"
    );
    let watched = |projects| Done::Watched {
        projects,
        watched: 1,
    };
    assert_eq!(notice(Lang::Ja, watched(1)), "ウォッチリストに追加しました");
    assert_eq!(
        notice(Lang::En, watched(4)),
        "4 projects updated (1 watched)"
    );
    let undone = || {
        Done::Undone(Undo::FlagMoved {
            flag_id: 1,
            from: FlagStatus::Candidate,
        })
    };
    assert_eq!(notice(Lang::Ja, undone()), "取り消しました（履歴に記録）");
    assert_eq!(
        notice(Lang::En, undone()),
        "undone (recorded in the history)"
    );
}

#[test]
fn the_app_words_why_a_save_failed() {
    let refused = || {
        SaveOutcome::Failed(Failure::ImportRefused {
            path: "in.csv".into(),
            problems: 4,
            first: seedline::msg::csv::problem_line(
                &seedline::csv_io::Problem {
                    line: Some(3),
                    column: Some("課題管理番号".into()),
                    message: seedline::msg::csv::empty_required(),
                },
                "in.csv",
            ),
        })
    };
    for (lang, want) in [
        (
            Lang::Ja,
            "in.csv: 4 件の問題があり、何も書き込んでいません。最初の問題: in.csv:3: 課題管理番号: 空です。値が必要です",
        ),
        (
            Lang::En,
            "in.csv: 4 problems, nothing written; first: in.csv:3: 課題管理番号: empty; a value is required",
        ),
    ] {
        let mut t = Harness::new(lang, 100, 30);
        t.act(Action::SaveDone(refused()));
        assert_eq!(t.app.status.as_deref(), Some(want));
    }
}

fn note(body: &str) -> NewNote {
    NewNote {
        kind: NoteKind::Meeting,
        body: body.into(),
        occurred_on: parse_date("2026-11-20").unwrap(),
        follow_up_on: None,
    }
}

#[test]
fn a_performed_save_answers_what_it_did_typed() {
    let mut t = Harness::new(Lang::En, 100, 30);
    let saved = perform(
        &mut t.store,
        &t.app,
        Effect::Save(Save::Note {
            project_id: 20,
            note: note("面談"),
        }),
    );
    assert!(
        matches!(
            &saved,
            Action::SaveDone(SaveOutcome::Saved { done: Done::NoteSaved, undo }) if undo.is_empty()
        ),
        "{saved:?}"
    );
    let note_id = t.store.project_detail(20).unwrap().notes[0].id;
    let edit = |body: &str| {
        Effect::Save(Save::EditNote {
            project_id: 20,
            note_id,
            version: 1,
            body: body.into(),
        })
    };
    let edited = perform(&mut t.store, &t.app, edit("面談（追記）"));
    assert!(
        matches!(
            edited,
            Action::SaveDone(SaveOutcome::Saved {
                done: Done::NoteUpdated,
                ..
            })
        ),
        "{edited:?}"
    );
    // The same version again: another revision came first.
    let stale = perform(&mut t.store, &t.app, edit("古い版から"));
    assert!(
        matches!(
            stale,
            Action::SaveDone(SaveOutcome::Conflict {
                latest: Some(2),
                ..
            })
        ),
        "{stale:?}"
    );
    let deleted = perform(
        &mut t.store,
        &t.app,
        Effect::Save(Save::DeleteNote { note_id }),
    );
    assert_eq!(
        deleted_outcome(deleted),
        SaveOutcome::Saved {
            done: Done::NoteDeleted,
            undo: vec![Undo::NoteDeleted { note_id }],
        }
    );
    let watched = perform(
        &mut t.store,
        &t.app,
        Effect::Save(Save::Watch {
            project_ids: vec![20, 21],
            on: Some(true),
        }),
    );
    assert_eq!(
        deleted_outcome(watched),
        SaveOutcome::Saved {
            done: Done::Watched {
                projects: 2,
                watched: 2
            },
            undo: Vec::new(),
        }
    );
}

fn deleted_outcome(action: Action) -> SaveOutcome {
    match action {
        Action::SaveDone(outcome) => outcome,
        other => panic!("expected a save's outcome, got {other:?}"),
    }
}

/// Input for the runtime from a list: each wait answers `wait`, each read takes the next event.
struct Script {
    wait: Input,
    events: VecDeque<Event>,
}

impl Events for Script {
    fn wait(&mut self, _timeout: Duration) -> Input {
        self.wait
    }

    fn next(&mut self) -> std::io::Result<Option<Event>> {
        Ok(self.events.pop_front())
    }
}

/// A runtime over the session `t`, its terminal, its signal flag and its draft file.
fn runtime(
    t: Harness,
) -> (
    Runtime,
    ratatui::Terminal<ratatui::backend::TestBackend>,
    Arc<AtomicUsize>,
    DraftFile,
    crate::common::Home,
) {
    let drafts = || DraftFile::for_db(&t.home.path("state"), t.store.path());
    let (mine, theirs) = (drafts(), drafts());
    let signal = Arc::new(AtomicUsize::new(0));
    let Harness { app, store, home } = t;
    let runtime = Runtime::new(store, app, mine, Theme::monochrome(), Arc::clone(&signal)).unwrap();
    let term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    (runtime, term, signal, theirs, home)
}

fn key(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn idle() -> Script {
    Script {
        wait: Input::Idle,
        events: VecDeque::new(),
    }
}

#[test]
fn a_step_reads_the_keys_and_the_next_one_quits() {
    let (mut runtime, mut term, _signal, _drafts, _home) = runtime(Harness::new(Lang::Ja, 100, 30));
    assert_eq!(runtime.step(&mut term, &mut idle()).unwrap(), None);
    let mut input = Script {
        wait: Input::Ready,
        events: [key('q')].into(),
    };
    assert_eq!(runtime.step(&mut term, &mut input).unwrap(), None);
    assert!(runtime.app().should_quit);
    assert_eq!(
        runtime.step(&mut term, &mut input).unwrap(),
        Some(ExitCode::SUCCESS)
    );
}

/// A session with a note form open and text typed into it.
fn typing() -> Harness {
    use seedline::app::keymap::Key;
    let mut t = Harness::new(Lang::Ja, 100, 30);
    t.keys(&[Key::Tab, Key::Char('g'), Key::Enter, Key::Char('n')]);
    t.type_text("面談の下書き");
    assert!(matches!(t.app.overlay, seedline::app::Overlay::Form(_)));
    t
}

fn drafted(drafts: &DraftFile) -> bool {
    drafts
        .load()
        .unwrap()
        .iter()
        .any(|r| r.values.iter().any(|(_, v)| v == "面談の下書き"))
}

#[test]
fn a_signal_ends_the_loop_with_128_and_the_signal_keeping_the_drafts() {
    let (mut runtime, mut term, signal, drafts, _home) = runtime(typing());
    assert_eq!(runtime.step(&mut term, &mut idle()).unwrap(), None);
    assert!(!drafted(&drafts), "idle: the drafts wait for the cadence");
    signal.store(15, Ordering::SeqCst);
    assert_eq!(
        runtime.step(&mut term, &mut idle()).unwrap(),
        Some(ExitCode::from(143))
    );
    assert!(drafted(&drafts));
}

#[test]
fn a_hang_up_ends_the_loop_with_129_keeping_the_drafts() {
    let (mut runtime, mut term, _signal, drafts, _home) = runtime(typing());
    let mut gone = Script {
        wait: Input::HungUp,
        events: VecDeque::new(),
    };
    assert_eq!(
        runtime.step(&mut term, &mut gone).unwrap(),
        Some(ExitCode::from(129))
    );
    assert!(drafted(&drafts));
}
