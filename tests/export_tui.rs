//! Issue 14, exports from the dashboard through the real state machine, runtime and store: the
//! file does not depend on the window, `5 Space e Enter` writes exactly the five projects, a
//! taken name gets the next free one (never overwritten, no error) and the notice names the full
//! path, the column set chosen is remembered for the next session, the file is UTF-8 with a BOM
//! and formula-neutralised, and a refused export says why in the officer's language.

use crate::common::{Home, fixture, raw};
use crate::ui::Harness;
use seedline::Lang;
use seedline::app::Screen;
use seedline::app::keymap::Key;
use seedline::model::ColumnSet;

use Key::Char as K;

/// The complete column set's header (the project file's columns, in its order).
const COMPLETE: &str = "\"課題管理番号\",\"研究開発課題名\",\"事業名\",\"統合プロジェクト\",\"代表研究機関\",\"研究開発代表者\",\"役職\",\"開始日\",\"終了日\",\"総配分額(千円)\",\"研究開発フェーズ\",\"承認上の分類\",\"対象疾患\",\"概要\",\"企業導出\",\"並走企業\",\"ハイウェイ\"";

/// A session over a fresh fixture at `w`×`h`, exports going to its home, the column set
/// remembered in its state directory.
fn session(lang: Lang, w: u16, h: u16) -> Harness {
    let mut t = Harness::new(lang, w, h);
    t.app.export.dir = t.home.dir.path().display().to_string();
    t.app.export.remember_file = t
        .home
        .path("state/export-columns.json")
        .display()
        .to_string();
    t
}

/// The default file of the fixed day, in the session's home.
fn default_file(t: &Harness, suffix: &str) -> std::path::PathBuf {
    t.home
        .path(&format!("seedline-export-2026-11-25{suffix}.csv"))
}

/// The file's lines after its BOM (which it must have).
fn lines(path: &std::path::Path) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM for Excel");
    String::from_utf8(bytes[3..].to_vec())
        .unwrap()
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The ids of the list's rows `from..from + n`, as shown.
fn shown_ids(t: &Harness, from: usize, n: usize) -> Vec<String> {
    let Screen::List(list) = t.app.screen() else {
        panic!("not on a list")
    };
    list.ids[from..from + n]
        .iter()
        .map(|id| list.rows[id].amed_id.clone())
        .collect()
}

fn selection(t: &Harness) -> usize {
    match t.app.screen() {
        Screen::List(list) => list.selected.len(),
        _ => panic!("not on a list"),
    }
}

#[test]
fn five_projects_selected_and_exported_in_four_keys_are_exactly_the_file() {
    let mut t = session(Lang::Ja, 80, 24);
    t.keys(&[Key::Tab, K('j'), K('j')]);
    let five = shown_ids(&t, 2, 5);
    let journey = [K('5'), K(' '), K('e'), Key::Enter];
    assert!(
        journey.len() <= 4,
        "the officer's task in four keys at most"
    );
    t.keys(&journey);
    let file = default_file(&t, "");
    let lines = lines(&file);
    assert_eq!(lines[0], COMPLETE, "the complete column set by default");
    let ids: Vec<String> = lines[1..]
        .iter()
        .map(|l| l.split(',').next().unwrap().trim_matches('"').to_string())
        .collect();
    assert_eq!(ids, five, "exactly the five selected, in the list's order");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // The selection is gone: `f` now flags the cursor's project alone.
    assert_eq!(selection(&t), 0);
    t.keys(&[K('f')]);
    let heading = match &t.app.overlay {
        seedline::app::Overlay::Form(form) => form.heading.clone(),
        other => panic!("no flag form: {other:?}"),
    };
    let cursor = shown_ids(&t, 7, 1);
    assert!(heading.starts_with(&cursor[0]), "{heading} for {cursor:?}");
    // Each export is in the audit log, with the full path written.
    let file_audited: String = raw(&t.home.path("ui.db"))
        .query_row(
            "SELECT json_extract(detail, '$.file') FROM audit_log WHERE action = 'export'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(file_audited, file.display().to_string());
}

#[test]
fn the_same_export_at_80x24_and_200x50_writes_the_same_bytes() {
    let bytes = |w: u16, h: u16, keys: &[Key]| {
        let mut t = session(Lang::Ja, w, h);
        t.keys(&[Key::Tab]);
        let listed = match t.app.screen() {
            Screen::List(list) => list.ids.len(),
            _ => panic!("not on a list"),
        };
        t.keys(keys);
        (std::fs::read(default_file(&t, "")).unwrap(), listed)
    };
    let records = |bytes: &[u8]| String::from_utf8_lossy(bytes).matches("\r\n\"JP").count();
    // The selection, and the whole list.
    let five = [K('5'), K(' '), K('e'), Key::Enter];
    let (narrow, _) = bytes(80, 24, &five);
    assert_eq!(narrow, bytes(200, 50, &five).0);
    assert!(String::from_utf8_lossy(&narrow).contains("総配分額(千円)"));
    assert_eq!(records(&narrow), 5);
    let all = [K('e'), Key::Enter];
    let (narrow, listed) = bytes(80, 24, &all);
    assert_eq!(narrow, bytes(200, 50, &all).0);
    assert_eq!(records(&narrow), listed, "every listed project");
}

#[test]
fn a_taken_name_gets_the_next_free_one_and_the_notice_shows_the_full_path() {
    for lang in [Lang::Ja, Lang::En] {
        let mut t = session(lang, 80, 24);
        std::fs::write(default_file(&t, ""), "kept").unwrap();
        std::fs::write(default_file(&t, "-2"), "kept too").unwrap();
        t.keys(&[Key::Tab, K('3'), K(' '), K('e'), Key::Enter]);
        assert_eq!(
            std::fs::read_to_string(default_file(&t, "")).unwrap(),
            "kept"
        );
        assert_eq!(
            std::fs::read_to_string(default_file(&t, "-2")).unwrap(),
            "kept too"
        );
        let written = default_file(&t, "-3");
        assert_eq!(lines(&written).len(), 4, "header and the three rows");
        let full = written.display().to_string();
        assert!(full.starts_with('/'));
        assert_eq!(t.app.status, None, "no error");
        let notice = t.app.notice.clone().unwrap();
        let expected = match lang {
            Lang::Ja => format!("{full} に 3 件を書き出し、選択を解除しました"),
            Lang::En => format!("3 rows written to {full}; selection cleared"),
        };
        assert_eq!(notice, expected);
        // On screen, the status line holds the whole path.
        let screen = t.screen_text();
        let status = screen.lines().last().unwrap();
        assert!(status.contains(&full), "{status}");
    }
}

#[test]
fn the_column_set_chosen_is_remembered_for_the_next_session() {
    let mut t = session(Lang::En, 80, 24);
    t.keys(&[Key::Tab, K('e'), Key::Down, Key::Right, Key::Enter]);
    let header = &lines(&default_file(&t, ""))[0];
    assert_eq!(
        header,
        "\"amed_id\",\"title\",\"pi_name\",\"institution\",\"program\",\"phase\",\"modality\",\"highway\"",
        "the list's eight columns, English headers"
    );
    // What the next start reads from the state directory.
    let next = seedline::tui::effects::export_settings(&t.home.path("state"));
    assert_eq!(next.columns.set, ColumnSet::List);
    assert_eq!(next.remember_file, t.app.export.remember_file);
    // A new session with those settings offers the list's columns first.
    let mut u = session(Lang::Ja, 80, 24);
    u.app.export.columns = next.columns;
    u.keys(&[Key::Tab, K('e'), Key::Enter]);
    assert_eq!(
        lines(&default_file(&u, ""))[0].matches(',').count(),
        7,
        "eight columns again"
    );
    // Named columns, remembered with their names.
    u.keys(&[K('e'), Key::Down, Key::Right, Key::Down]);
    u.type_text("課題管理番号、総配分額（千円）");
    u.keys(&[Key::Enter]);
    assert_eq!(
        lines(&default_file(&u, "-2"))[0],
        "\"課題管理番号\",\"総配分額(千円)\""
    );
    let next = seedline::tui::effects::export_settings(&u.home.path("state"));
    assert_eq!(next.columns.set, ColumnSet::Custom);
    assert_eq!(next.columns.custom, "課題管理番号、総配分額（千円）");
    // No remembered file: the complete set.
    let none = seedline::tui::effects::export_settings(&Home::new().path("state"));
    assert_eq!(none.columns.set, ColumnSet::All);
}

#[test]
fn a_refused_export_says_why_in_the_officers_language_and_keeps_the_form() {
    for (lang, folder, column) in [
        (
            Lang::Ja,
            "書き出せませんでした (フォルダがありません)",
            "列名 '予算' はありません",
        ),
        (
            Lang::En,
            "nothing written (no such folder)",
            "no column '予算' in the project file",
        ),
    ] {
        let mut t = session(lang, 80, 24);
        t.app.export.dir = t.home.path("missing").display().to_string();
        t.keys(&[Key::Tab, K('e'), Key::Enter]);
        let status = t.app.status.clone().unwrap_or_default();
        assert!(status.starts_with(folder), "{status}");
        assert!(matches!(t.app.overlay, seedline::app::Overlay::Form(_)));
        // Back to the home folder, with a column the project file does not have.
        t.keys(&[Key::Esc]);
        t.app.export.dir = t.home.dir.path().display().to_string();
        t.keys(&[K('e'), Key::Down, Key::Right, Key::Right, Key::Down]);
        t.type_text("課題管理番号,予算");
        t.keys(&[Key::Enter]);
        let status = t.app.status.clone().unwrap_or_default();
        assert!(status.starts_with(column), "{status}");
        assert!(!default_file(&t, "").exists(), "nothing written");
    }
}

#[test]
fn an_exported_formula_is_neutralised() {
    let home = Home::new();
    let path = fixture::build(&home, "ui.db");
    raw(&path)
        .execute(
            "UPDATE project SET title = '=HYPERLINK(\"http://x\")' WHERE amed_id = 'JP25fx0000001'",
            [],
        )
        .unwrap();
    let mut t = Harness::open(home, &path, Lang::Ja, 80, 24);
    t.app.export.dir = t.home.dir.path().display().to_string();
    t.keys(&[Key::Tab, K('1'), K(' '), K('e'), Key::Enter]);
    let lines = lines(&default_file(&t, ""));
    assert!(
        lines[1].starts_with("\"JP25fx0000001\",\"'=HYPERLINK(\"\"http://x\"\")\""),
        "{}",
        lines[1]
    );
}

#[test]
fn the_budget_pivot_export_also_takes_a_free_name() {
    let mut t = session(Lang::Ja, 100, 30);
    let taken = t.home.path("seedline-budget-2026-11-25.csv");
    std::fs::write(&taken, "kept").unwrap();
    t.keys(&[K('B'), K('e'), Key::Enter]);
    let written = t.home.path("seedline-budget-2026-11-25-2.csv");
    assert_eq!(std::fs::read_to_string(&taken).unwrap(), "kept");
    assert!(written.exists(), "{:?} {:?}", t.app.notice, t.app.status);
    assert!(
        t.app
            .notice
            .as_deref()
            .unwrap()
            .contains(&written.display().to_string())
    );
}
