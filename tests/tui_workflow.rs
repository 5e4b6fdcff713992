//! The officer's workflow by keyboard, through the real state machine, runtime effects and store:
//! a note in Japanese, a flag with criteria moved to recommended, the queue and the dashboard
//! following, the history, undo, drafts, conflicts between two sessions, a busy database.

use crate::ui::Harness;
use seedline::Lang;
use seedline::app::keymap::Key;
use seedline::app::{Action, Edit, Overlay, Screen};
use seedline::model::FlagStatus;
use std::time::Duration;

use Key::Char as K;

/// Opens project `amed` (the fixture's JP25fx…) from the all-projects list.
fn open_project(t: &mut Harness, row: usize) {
    t.keys(&[Key::Tab, K('g')]);
    for _ in 0..row {
        t.keys(&[K('j')]);
    }
    t.keys(&[Key::Enter]);
    assert!(matches!(t.app.screen(), Screen::Detail(_)));
}

fn detail(t: &Harness) -> &seedline::model::ProjectDetail {
    match t.app.screen() {
        Screen::Detail(d) => d.detail.as_deref().expect("detail loaded"),
        _ => panic!("not on a detail"),
    }
}

#[test]
fn note_flag_recommend_queue_dashboard_history_and_undo_by_keyboard() {
    let mut t = Harness::new(Lang::Ja, 100, 30);
    let flags_before = t.app.dashboard.data.as_ref().unwrap().headline.open_flags;
    open_project(&mut t, 19); // JP25fx0000020, no flag in the fixture
    // A note with Japanese text, typed and pasted.
    t.keys(&[K('n')]);
    t.type_text("面談を実施。");
    t.act(Action::Edit(Edit::Newline));
    t.act(Action::Edit(Edit::Paste(
        "次回までにPMDA相談の論点を整理\n（知財部同席）".into(),
    )));
    t.keys(&[Key::Ctrl('s')]);
    assert!(
        matches!(t.app.overlay, Overlay::None),
        "the form closes once saved: {:?}",
        t.app.status
    );
    let note = &detail(&t).notes[0];
    assert_eq!(
        note.body,
        "面談を実施。\n次回までにPMDA相談の論点を整理\n（知財部同席）"
    );
    assert_eq!(note.author, t.app.author.name);
    assert!(t.screen_text().contains("面談を実施。"));

    // Flag for highway support with one criterion assessed.
    t.keys(&[K('f')]);
    t.keys(&[Key::Tab, Key::Tab]); // status, then 理由
    t.type_text("非臨床POCの見込み");
    t.act(Action::FocusNext); // 競合優位性
    t.keys(&[Key::Right, Key::Right, Key::Right]); // not assessed → insufficient → partial → sufficient
    t.act(Action::FocusNext);
    t.type_text("同種同効薬に対し優位");
    t.keys(&[Key::Ctrl('s')]);
    let flag = detail(&t).flags[0].clone();
    assert_eq!(flag.status, FlagStatus::Candidate);
    assert_eq!(
        flag.criteria[0].0,
        seedline::model::CriterionStatus::Sufficient
    );
    assert_eq!(flag.criteria[0].1, "同種同効薬に対し優位");
    assert_eq!(flag.reason, "非臨床POCの見込み");

    // Recommend it.
    t.keys(&[K('m')]);
    t.type_text("推薦書を送付");
    t.keys(&[Key::Ctrl('s')]);
    assert_eq!(detail(&t).flags[0].status, FlagStatus::Recommended);
    assert!(t.screen_text().contains("推薦"));

    // History shows the three changes, newest first.
    t.keys(&[K('H')]);
    let Screen::History(h) = t.app.screen() else {
        panic!("no history screen")
    };
    let actions: Vec<&str> = h.entries.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions[..3], ["flag.move", "flag.add", "note.add"]);
    t.keys(&[Key::Esc]);

    // The queue and the dashboard follow. (The detail was opened from all projects: Tab goes on
    // to the screen after it, the highway queue.)
    t.keys(&[Key::Tab]);
    let Screen::List(queue) = t.app.screen() else {
        panic!("no queue")
    };
    assert!(queue.ids.contains(&20));
    t.keys(&[Key::Tab, Key::Tab, Key::Tab]);
    assert!(matches!(t.app.screen(), Screen::Dashboard));
    assert_eq!(
        t.app.dashboard.data.as_ref().unwrap().headline.open_flags,
        flags_before + 1
    );

    // Undo the recommendation: back to candidate, recorded in the history.
    t.keys(&[K('u')]);
    assert!(
        t.app
            .notice
            .as_deref()
            .unwrap_or("")
            .contains("取り消しました"),
        "{:?}",
        t.app.status
    );
    let (status, _) = t
        .store
        .open_flag(20)
        .unwrap()
        .map(|(_, s, v)| (s, v))
        .unwrap();
    assert_eq!(status, FlagStatus::Candidate);
    let history = t.store.history(20).unwrap();
    assert!(history[0].summary.contains("undo=true"), "{:?}", history[0]);
    // Undo again: the flag itself is withdrawn.
    t.keys(&[K('u')]);
    assert!(t.store.open_flag(20).unwrap().is_none());
    t.keys(&[K('u')]);
    assert!(
        t.app
            .status
            .as_deref()
            .unwrap_or("")
            .contains("取り消せる操作はありません")
    );
}

#[test]
fn a_note_closed_unsaved_is_kept_as_a_draft_and_a_bad_date_keeps_the_text() {
    let mut t = Harness::new(Lang::Ja, 80, 24);
    open_project(&mut t, 2);
    t.keys(&[K('n')]);
    t.type_text("書きかけの記録");
    t.keys(&[Key::Esc]);
    assert!(matches!(t.app.overlay, Overlay::None));
    assert!(t.app.notice.as_deref().unwrap_or("").contains("下書き"));
    t.keys(&[K('n')]);
    let Overlay::Form(form) = &t.app.overlay else {
        panic!("no form")
    };
    assert_eq!(form.text("body"), "書きかけの記録", "the draft comes back");
    // A follow-up date that does not exist: refused, the form and its text stay.
    t.act(Action::FocusPrev); // follow-up
    t.type_text("2026-02-30");
    t.keys(&[Key::Ctrl('s')]);
    assert!(
        t.app
            .status
            .as_deref()
            .unwrap_or("")
            .starts_with("フォローアップ期限: '2026-02-30' という日はありません"),
        "{:?}",
        t.app.status
    );
    let Overlay::Form(form) = &t.app.overlay else {
        panic!("form closed on a bad date")
    };
    assert_eq!(form.text("body"), "書きかけの記録");
}

#[test]
fn a_stale_note_edit_is_a_conflict_that_keeps_the_text_and_can_be_saved_as_a_new_revision() {
    let mut a = Harness::new(Lang::Ja, 100, 30);
    open_project(&mut a, 0);
    let path = a.home.path("ui.db");
    let mut b = Harness::open(seedline_home(), &path, Lang::Ja, 100, 30);
    open_project(&mut b, 0);
    // Both focus the newest note and start editing it.
    for t in [&mut a, &mut b] {
        t.keys(&[K('J'), K('e')]);
        t.act(Action::Edit(Edit::Clear));
    }
    a.type_text("Aの版");
    a.keys(&[Key::Ctrl('s')]);
    assert!(matches!(a.app.overlay, Overlay::None));
    b.type_text("Bの版");
    b.keys(&[Key::Ctrl('s')]);
    let status = b.app.status.clone().unwrap_or_default();
    assert!(
        status.contains("が変更しました") && status.contains("Ctrl-S"),
        "{status}"
    );
    let Overlay::Form(form) = &b.app.overlay else {
        panic!("B's form closed on a conflict")
    };
    assert!(form.text("body").ends_with("Bの版"), "B's text is kept");
    // B chooses to save theirs as a new revision: both texts stay in the history.
    b.keys(&[Key::Ctrl('s')]);
    assert!(matches!(b.app.overlay, Overlay::None), "{:?}", b.app.status);
    let note_id = detail(&b).notes[0].id;
    let revisions = b.store.note_revisions(note_id).unwrap();
    assert!(
        revisions.iter().any(|r| r.1.ends_with("Aの版")),
        "{revisions:?}"
    );
    assert!(detail(&b).notes[0].body.ends_with("Bの版"));
}

fn seedline_home() -> crate::common::Home {
    crate::common::Home::new()
}

#[test]
fn a_busy_database_keeps_the_text_and_the_save_goes_through_after_release() {
    let mut t = Harness::new(Lang::Ja, 80, 24);
    seedline::store::busy::set_timeout(Duration::from_millis(200));
    t.store.set_begin_retries(0);
    open_project(&mut t, 4);
    let path = t.home.path("ui.db");
    let blocker = rusqlite::Connection::open(&path).unwrap();
    blocker.execute_batch("BEGIN IMMEDIATE").unwrap();
    t.keys(&[K('n')]);
    t.type_text("ロック中に書いた記録");
    t.keys(&[Key::Ctrl('s')]);
    assert!(
        t.app
            .status
            .as_deref()
            .unwrap_or("")
            .contains("データベース使用中"),
        "{:?}",
        t.app.status
    );
    assert!(
        matches!(t.app.overlay, Overlay::Form(_)),
        "the text stays on screen"
    );
    blocker.execute_batch("COMMIT").unwrap();
    for _ in 0..4 {
        t.act(Action::Tick);
    }
    assert!(matches!(t.app.overlay, Overlay::None), "{:?}", t.app.status);
    assert_eq!(detail(&t).notes[0].body, "ロック中に書いた記録");
}

#[test]
fn the_due_view_lists_follow_ups_and_marks_one_done() {
    let mut t = Harness::new(Lang::Ja, 100, 30);
    for _ in 0..4 {
        t.keys(&[Key::Tab]);
    }
    let Screen::Due(due) = t.app.screen() else {
        panic!("no due view")
    };
    let first = due.items[0].clone();
    assert_eq!(first.due_on, "2026-11-01");
    assert!(
        t.screen_text().contains("+24"),
        "days overdue shown:\n{}",
        t.screen_text()
    );
    t.keys(&[K('c')]);
    let Screen::Due(due) = t.app.screen() else {
        panic!()
    };
    assert!(
        due.items.iter().all(|i| i.note_id() != first.note_id()),
        "done items leave the view"
    );
    let done = t.store.project_detail(first.project_id).unwrap();
    let note = done
        .notes
        .iter()
        .find(|n| Some(n.id) == first.note_id())
        .unwrap();
    assert_eq!(
        note.follow_up_done.as_ref().unwrap().0,
        t.app.author.name,
        "who marked it done is recorded"
    );
    t.keys(&[K('u')]);
    let Screen::Due(due) = t.app.screen() else {
        panic!()
    };
    assert_eq!(due.items[0].note_id(), first.note_id(), "undo reopens it");
}

#[test]
fn another_sessions_change_appears_without_restarting() {
    let mut t = Harness::new(Lang::Ja, 80, 24);
    t.keys(&[Key::Tab, K('j'), K('j'), K(' ')]);
    let Screen::List(before) = t.app.screen() else {
        panic!()
    };
    let (cursor, selected) = (before.cursor_id(), before.selected.clone());
    let version = t.store.data_version().unwrap();
    let other = rusqlite::Connection::open(t.home.path("ui.db")).unwrap();
    other
        .execute(
            "UPDATE project SET title = '別セッションが更新した題名' WHERE id = 3",
            [],
        )
        .unwrap();
    assert_ne!(
        t.store.data_version().unwrap(),
        version,
        "data_version tells"
    );
    t.act(Action::ExternalChange(seedline::model::Changes::Unknown));
    let Screen::List(after) = t.app.screen() else {
        panic!()
    };
    assert_eq!(
        (after.cursor_id(), &after.selected),
        (cursor, &selected),
        "cursor and selection kept"
    );
    assert!(
        t.screen_text().contains("別セッションが更新"),
        "{}",
        t.screen_text()
    );
}

#[test]
fn the_palette_imports_a_project_list_all_or_nothing() {
    let mut t = Harness::new(Lang::Ja, 80, 24);
    let file = t.home.path("in.csv");
    std::fs::write(
        &file,
        "課題管理番号,研究開発課題名,事業名,代表研究機関,研究開発代表者,開始日,研究開発フェーズ\n\
         JP26new0000001,取り込んだ課題,橋渡し研究プログラム,京都大学,山田 太郎,2026-04-01,基礎\n\
         JP26new0000002,二件目,橋渡し研究プログラム,京都大学,山田 花子,2026-02-30,応用\n",
    )
    .unwrap();
    let import = |t: &mut Harness| {
        t.keys(&[K(':')]);
        t.type_text("import");
        t.keys(&[Key::Enter]);
        t.type_text(file.to_str().unwrap());
        t.keys(&[Key::Ctrl('s')]);
    };
    import(&mut t);
    let path = file.to_str().unwrap();
    assert_eq!(
        t.app.status.as_deref().unwrap_or_default(),
        format!(
            "{path}: 1 件の問題があり、何も書き込んでいません。最初の問題: {path}:3: 開始日: \
             '2026-02-30' は正しい日付ではありません。2024-04-01、2024/4/1、令和6年4月1日 \
             のような日付を書いてください"
        )
    );
    assert_eq!(t.store.project_count().unwrap(), 45, "nothing imported");
    t.keys(&[Key::Esc]);
    std::fs::write(
        &file,
        std::fs::read_to_string(&file)
            .unwrap()
            .replace("2026-02-30", "2026-02-28"),
    )
    .unwrap();
    // Esc kept the path typed as a draft: the import form opens on it again.
    t.keys(&[K(':')]);
    t.type_text("import");
    t.keys(&[Key::Enter]);
    assert_eq!(t.app.notice.as_deref(), Some("下書きを復元しました"));
    t.keys(&[Key::Ctrl('s')]);
    assert!(
        t.app.notice.as_deref().unwrap_or("").contains("新規 2"),
        "{:?} {:?}",
        t.app.notice,
        t.app.status
    );
    assert_eq!(t.store.project_count().unwrap(), 47);
}

#[test]
fn a_paste_over_one_mib_is_refused_whole_and_a_big_note_still_saves() {
    let mut t = Harness::new(Lang::Ja, 80, 24);
    open_project(&mut t, 1);
    t.keys(&[K('n')]);
    let too_big = "あ".repeat(1024 * 1024 / 3 + 10);
    t.act(Action::Edit(Edit::Paste(too_big)));
    assert!(
        t.app.status.as_deref().unwrap_or("").contains("1 MiB"),
        "{:?}",
        t.app.status
    );
    let Overlay::Form(form) = &t.app.overlay else {
        panic!()
    };
    assert_eq!(form.text("body"), "", "nothing inserted, never cut");
    // Just under the limit: accepted, saved and shown.
    let big = "記録".repeat(100_000);
    t.act(Action::Edit(Edit::Paste(big.clone())));
    t.keys(&[Key::Ctrl('s')]);
    assert!(matches!(t.app.overlay, Overlay::None), "{:?}", t.app.status);
    assert_eq!(detail(&t).notes[0].body.len(), big.len());
}

#[test]
fn the_licensing_criteria_of_an_open_flag_can_be_assessed_again() {
    let mut t = Harness::new(Lang::Ja, 100, 30);
    open_project(&mut t, 2); // JP25fx0000003: recommended, IP portfolio partial
    t.keys(&[K('A')]);
    let Overlay::Form(form) = &t.app.overlay else {
        panic!("no criteria form: {:?}", t.app.status)
    };
    assert_eq!(
        form.choice("ip"),
        Some("partial"),
        "starts from the current assessment"
    );
    assert_eq!(form.text("competitive_note"), "競合に先行");
    t.act(Action::FocusNext);
    t.act(Action::FocusNext); // 知財ポートフォリオ
    t.keys(&[Key::Right]);
    t.act(Action::FocusNext);
    t.act(Action::Edit(Edit::Clear));
    t.type_text("用途特許も登録済み");
    t.keys(&[Key::Ctrl('s')]);
    let flag = &detail(&t).flags[0];
    assert_eq!(
        flag.criteria[1],
        (
            seedline::model::CriterionStatus::Sufficient,
            "用途特許も登録済み".to_string()
        )
    );
    assert_eq!(t.store.history(3).unwrap()[0].action, "flag.criteria");
}
