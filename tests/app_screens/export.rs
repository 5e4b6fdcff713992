//! Issue 14, exports: a count before Space selects N rows, so "select 5 projects and export
//! exactly them" is four keys (`5 Space e Enter`); the export form holds only what an export
//! needs, confirms with Enter, writes a fixed column set whatever the window, remembers the set
//! chosen, and an exported selection is cleared so that a later `f` acts on the cursor's project.

use super::*;
use seedline::app::{Done, FormKind, Overlay, Save, SaveOutcome};
use seedline::model::{ColumnSet, ExportColumns};

/// 30 projects (ids 101..=130) at `w`×`h` in `lang`, exports going to `/srv/po`.
fn listed(lang: Lang, w: u16, h: u16) -> App {
    let mut app = sized(w, h);
    app.lang = lang;
    app.export.dir = "/srv/po".into();
    app.export.remember_file = "/state/export-columns.json".into();
    open_list(&mut app, 101..=130);
    app
}

fn selected(app: &App) -> Vec<i64> {
    list(app).selected.iter().copied().collect()
}

fn export_form(app: &App) -> &seedline::app::Form {
    match &app.overlay {
        Overlay::Form(form) if form.kind.is_export() => form,
        other => panic!("no export form: {other:?}"),
    }
}

fn export_save(ids: Vec<i64>, set: ColumnSet, lang: Lang) -> Vec<Effect> {
    vec![Effect::Save(Save::Export {
        ids,
        columns: ExportColumns {
            set,
            custom: String::new(),
        },
        path: "/srv/po/seedline-export-2026-11-25.csv".into(),
        lang,
        remember: "/state/export-columns.json".into(),
    })]
}

/// The runtime's answer to an export of `rows` rows written to `path`.
fn written(app: &mut App, rows: u64, path: &str) -> Vec<Effect> {
    app.update(Action::SaveDone(SaveOutcome::Saved {
        done: Done::Exported {
            rows,
            path: path.into(),
        },
        undo: Vec::new(),
    }))
}

#[test]
fn select_five_projects_and_export_exactly_them_in_four_keys() {
    for lang in [Lang::Ja, Lang::En] {
        let mut app = listed(lang, 80, 24);
        press(&mut app, ch('j')); // the five start at the second row
        let journey = [ch('5'), ch(' '), ch('e'), Key::Enter];
        assert!(journey.len() <= 4);
        let effects = keys(&mut app, &journey);
        assert_eq!(
            effects,
            export_save((102..=106).collect(), ColumnSet::All, lang),
            "exactly the five, the complete column set, the default name in the start folder"
        );
        assert!(app.saving, "the form waits for the runtime's answer");
    }
}

#[test]
fn a_count_before_space_or_j_k_repeats_it_and_the_status_line_says_what_it_will_do() {
    let mut app = listed(Lang::Ja, 80, 24);
    press(&mut app, ch('1'));
    press(&mut app, ch('2'));
    assert_eq!(list(&app).count, Some(12));
    let hint = app.status.clone().unwrap();
    assert!(
        hint.contains("12") && hint.contains("Space で 12 件を選択"),
        "{hint}"
    );
    press(&mut app, ch(' '));
    assert_eq!(selected(&app), (101..=112).collect::<Vec<_>>());
    assert_eq!(
        list(&app).cursor,
        12,
        "past the rows selected, as 12 Spaces"
    );
    assert_eq!(list(&app).count, None, "a count is used once");
    // 3 j moves three rows; a plain j one again.
    keys(&mut app, &[ch('3'), ch('j')]);
    assert_eq!(list(&app).cursor, 15);
    press(&mut app, ch('j'));
    assert_eq!(list(&app).cursor, 16);
    // Esc abandons a count without leaving the list, and a leading 0 is no count.
    keys(&mut app, &[ch('4'), Key::Esc]);
    assert_eq!(list(&app).count, None);
    assert_eq!(crumbs(&app), ["ダッシュボード", "課題一覧"]);
    press(&mut app, ch('0'));
    assert_eq!(list(&app).count, None);
    // A count longer than what is left stops at the last row, selecting it once.
    keys(&mut app, &[Key::Char('G'), ch('9'), ch(' ')]);
    assert!(selected(&app).contains(&130));
    // English.
    let mut app = listed(Lang::En, 80, 24);
    press(&mut app, ch('5'));
    assert_eq!(
        app.status.as_deref(),
        Some("5 › Space selects 5 rows / j k move 5 / Esc cancels")
    );
}

#[test]
fn the_export_form_has_scope_columns_folder_and_file_and_enter_or_ctrl_s_exports() {
    let mut app = listed(Lang::Ja, 80, 24);
    keys(&mut app, &[ch('3'), ch(' '), ch('e')]);
    let form = export_form(&app);
    let fields: Vec<&str> = form.fields.iter().map(|f| f.key).collect();
    assert_eq!(fields, ["scope", "columns", "custom", "dir", "file"]);
    assert_eq!(
        form.choice("scope"),
        Some("selection"),
        "the selection first"
    );
    assert_eq!(form.text("dir"), "/srv/po");
    assert_eq!(form.text("file"), "seedline-export-2026-11-25.csv");
    // Right on the scope: every listed project; Ctrl-S still exports.
    press(&mut app, Key::Right);
    let effects = press(&mut app, Key::Ctrl('s'));
    assert_eq!(
        effects,
        export_save((101..=130).collect(), ColumnSet::All, Lang::Ja)
    );
    // Without a selection the form offers only the whole list.
    let mut app = listed(Lang::Ja, 80, 24);
    press(&mut app, ch('e'));
    let form = export_form(&app);
    assert_eq!(form.choice("scope"), Some("all"));
    assert!(matches!(
        &form.kind,
        FormKind::Export { selection, .. } if selection.is_empty()
    ));
    // Enter on any field exports (Down moves between fields, as Tab does).
    keys(&mut app, &[Key::Down, Key::Down, Key::Down]);
    assert_eq!(export_form(&app).focus, 3);
    assert_eq!(
        press(&mut app, Key::Enter),
        export_save((101..=130).collect(), ColumnSet::All, Lang::Ja)
    );
}

#[test]
fn the_export_is_the_same_at_every_terminal_size() {
    let save_at = |w: u16, h: u16| {
        let mut app = listed(Lang::Ja, w, h);
        keys(&mut app, &[ch('5'), ch(' '), ch('e'), Key::Enter])
    };
    let narrow = save_at(80, 24);
    assert_eq!(narrow, save_at(200, 50));
    assert_eq!(narrow, save_at(40, 12));
}

#[test]
fn the_file_name_is_joined_to_the_folder_and_an_absolute_name_is_kept() {
    let mut app = listed(Lang::Ja, 80, 24);
    press(&mut app, ch('e'));
    keys(&mut app, &[Key::Down, Key::Down, Key::Down, Key::Down]);
    press(&mut app, Key::Ctrl('u'));
    for c in "/tmp/a.csv".chars() {
        press(&mut app, ch(c));
    }
    let Some(Effect::Save(Save::Export { path, .. })) = press(&mut app, Key::Enter).pop() else {
        panic!("no export")
    };
    assert_eq!(path, "/tmp/a.csv");
    // An empty name is refused in the officer's language; the form stays open.
    let mut app = listed(Lang::En, 80, 24);
    press(&mut app, ch('e'));
    keys(&mut app, &[Key::Up, Key::Ctrl('u')]);
    assert_eq!(press(&mut app, Key::Enter), []);
    assert_eq!(app.status.as_deref(), Some("type a file name"));
    export_form(&app);
}

#[test]
fn the_column_set_chosen_is_exported_and_offered_first_next_time() {
    let mut app = listed(Lang::Ja, 80, 24);
    press(&mut app, ch('e'));
    keys(&mut app, &[Key::Down, Key::Right]);
    assert_eq!(export_form(&app).choice("columns"), Some("list"));
    let effects = press(&mut app, Key::Enter);
    assert_eq!(
        effects,
        export_save((101..=130).collect(), ColumnSet::List, Lang::Ja)
    );
    written(&mut app, 30, "/srv/po/seedline-export-2026-11-25.csv");
    assert_eq!(app.export.columns.set, ColumnSet::List);
    // Until the list is loaded again the form waits (it would offer a stale list).
    press(&mut app, ch('e'));
    assert!(matches!(app.overlay, Overlay::None));
    assert!(app.status.as_deref().unwrap().contains("読み込み中"));
    answer_list(&mut app, 101..=130);
    press(&mut app, ch('e'));
    assert_eq!(export_form(&app).choice("columns"), Some("list"));
    // Named columns: typed names go with the save; none typed is refused, in Japanese.
    press(&mut app, Key::Esc);
    press(&mut app, ch('e'));
    keys(&mut app, &[Key::Down, Key::Right]);
    assert_eq!(export_form(&app).choice("columns"), Some("custom"));
    assert_eq!(press(&mut app, Key::Enter), []);
    assert_eq!(
        app.status.as_deref(),
        Some("列名を入力してください（例: 課題管理番号,研究開発課題名）")
    );
    press(&mut app, Key::Down);
    for c in "課題管理番号,総配分額(千円)".chars() {
        press(&mut app, ch(c));
    }
    let Some(Effect::Save(Save::Export { columns, .. })) = press(&mut app, Key::Enter).pop() else {
        panic!("no export")
    };
    assert_eq!(
        columns,
        ExportColumns {
            set: ColumnSet::Custom,
            custom: "課題管理番号,総配分額(千円)".into()
        }
    );
}

#[test]
fn an_exported_selection_is_cleared_and_a_later_f_flags_the_cursor_project_only() {
    for (lang, notice) in [
        (
            Lang::Ja,
            "/srv/po/seedline-export-2026-11-25-2.csv に 5 件を書き出し、選択を解除しました",
        ),
        (
            Lang::En,
            "5 rows written to /srv/po/seedline-export-2026-11-25-2.csv; selection cleared",
        ),
    ] {
        let mut app = listed(lang, 80, 24);
        keys(&mut app, &[ch('5'), ch(' '), ch('e'), Key::Enter]);
        written(&mut app, 5, "/srv/po/seedline-export-2026-11-25-2.csv");
        assert_eq!(app.notice.as_deref(), Some(notice));
        assert!(matches!(app.overlay, Overlay::None));
        assert!(selected(&app).is_empty(), "the selection is cleared");
        answer_list(&mut app, 101..=130);
        // The cursor is on 106 (past the five): `f` is for that project alone.
        press(&mut app, ch('f'));
        let Overlay::Form(form) = &app.overlay else {
            panic!("no flag form")
        };
        assert!(
            matches!(&form.kind, FormKind::Flag { project_ids, .. } if project_ids == &[106]),
            "{:?}",
            form.kind
        );
    }
    // Exporting the whole list keeps a selection the officer made.
    let mut app = listed(Lang::Ja, 80, 24);
    keys(
        &mut app,
        &[ch('2'), ch(' '), ch('e'), Key::Right, Key::Enter],
    );
    written(&mut app, 30, "/srv/po/x.csv");
    assert_eq!(selected(&app), [101, 102]);
    assert_eq!(
        app.notice.as_deref(),
        Some("/srv/po/x.csv に 30 件を書き出しました")
    );
}

#[test]
fn the_export_form_drawn_has_no_author_or_draft_and_names_enter_in_both_languages() {
    for lang in [Lang::Ja, Lang::En] {
        for (w, h) in [(80, 24), (200, 50), (40, 12)] {
            let mut app = listed(lang, w, h);
            keys(&mut app, &[ch('5'), ch(' '), ch('e')]);
            let screen = screen_rows(&mut app, w, h).join("\n");
            for word in ["記録者", "下書き", "Author", "draft"] {
                assert!(!screen.contains(word), "{word} at {w}x{h}:\n{screen}");
            }
            let (enter, scope) = match lang {
                Lang::Ja => ("Enter 書き出す", "選択した 5 件"),
                Lang::En => ("Enter export", "the 5 selected"),
            };
            assert!(screen.contains(enter), "{w}x{h}:\n{screen}");
            assert!(screen.contains(scope), "{w}x{h}:\n{screen}");
            insta::assert_snapshot!(format!("export_form_{lang:?}_{w}x{h}"), screen);
        }
    }
}
