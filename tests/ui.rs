//! Screens as a person sees them: the real state machine and renderer over the fixture database,
//! drawn into ratatui's TestBackend and compared with reviewed snapshots (80×24 and 120×40).

use crate::common::{Home, fixture, today};
use seedline::Lang;
use seedline::app::keymap::{Key, Keymap};
use seedline::app::{Action, App, Command, Edit, ListKind, Screen};
use seedline::store::{OpenOptions, Store};
use seedline::tui::effects::run_all;
use seedline::ui::{draw, plain::buffer_to_text, theme::Theme};
use std::sync::Arc;

/// An app over the fixture database at the given size, started as the TUI starts.
pub struct Harness {
    pub app: App,
    pub store: Store,
    pub home: Home,
}

impl Harness {
    pub fn new(lang: Lang, width: u16, height: u16) -> Harness {
        let home = Home::new();
        let path = fixture::build(&home, "ui.db");
        Harness::open(home, &path, lang, width, height)
    }

    /// A session on the database at `path` (a second one shares the first one's file).
    pub fn open(
        home: Home,
        path: &std::path::Path,
        lang: Lang,
        width: u16,
        height: u16,
    ) -> Harness {
        let mut store = Store::open(path, OpenOptions { create: false }).unwrap();
        let reference = Arc::new(store.reference().unwrap());
        let (mut app, effects) = App::new(lang, today(), reference, Keymap::default());
        app.update(Action::Resize(width, height));
        run_all(&mut store, &mut app, effects);
        Harness { app, store, home }
    }

    /// Sends an action and runs the effects it asks for.
    pub fn act(&mut self, action: Action) -> &mut Harness {
        let effects = self.app.update(action);
        run_all(&mut self.store, &mut self.app, effects);
        self
    }

    /// Presses keys as the runtime would translate them.
    pub fn keys(&mut self, keys: &[Key]) -> &mut Harness {
        for key in keys {
            if let Some(action) = self.app.key_action(*key) {
                self.act(action);
            }
        }
        self
    }

    /// Types text into the open input line.
    pub fn type_text(&mut self, text: &str) -> &mut Harness {
        for c in text.chars() {
            self.act(Action::Edit(Edit::Insert(c)));
        }
        self
    }

    pub fn screen_text(&self) -> String {
        let (w, h) = self.app.size;
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
        terminal
            .draw(|f| draw(f, &self.app, Theme::monochrome()))
            .unwrap();
        buffer_to_text(terminal.backend().buffer())
    }
}

use Key::Char as K;

fn snap(name: &str, h: &Harness) {
    insta::assert_snapshot!(name, h.screen_text());
}

#[test]
fn dashboard_snapshots() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut t = Harness::new(Lang::Ja, w, h);
        snap(&format!("dashboard_{w}x{h}"), &t);
        t.keys(&[K('t')]);
        snap(&format!("dashboard_areas_{w}x{h}"), &t);
    }
    snap("dashboard_en_80x24", &Harness::new(Lang::En, 80, 24));
}

#[test]
fn list_detail_and_queue_snapshots() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut t = Harness::new(Lang::Ja, w, h);
        t.keys(&[Key::Tab]);
        snap(&format!("list_{w}x{h}"), &t);
        t.keys(&[K(' '), K(' '), K('j'), K('v'), K('j'), K('j'), K('v')]);
        snap(&format!("list_selected_{w}x{h}"), &t);
        t.keys(&[K('g'), K('j'), K('j'), Key::Enter]);
        snap(&format!("detail_{w}x{h}"), &t);
        t.keys(&[Key::Esc, Key::Tab]);
        snap(&format!("highway_{w}x{h}"), &t);
        t.keys(&[K('?')]);
        snap(&format!("help_{w}x{h}"), &t);
        t.keys(&[Key::Esc, K(':')]);
        t.type_text("sort");
        snap(&format!("palette_{w}x{h}"), &t);
    }
}

#[test]
fn filter_snapshot_with_a_hint_for_a_bad_term() {
    let mut t = Harness::new(Lang::Ja, 80, 24);
    t.keys(&[Key::Tab, K('/')]);
    t.type_text("東京 phase:基礎");
    snap("filter_80x24", &t);
    t.type_text(" ip:drg");
    let text = t.screen_text();
    assert!(text.contains("'drug' のことですか"), "{text}");
}

#[test]
fn enter_on_a_cell_lists_exactly_its_projects() {
    let mut t = Harness::new(Lang::Ja, 120, 40);
    let data = t.app.dashboard.data.clone().unwrap();
    // Every cell, the row totals and the column totals open lists as long as their count.
    for row in 0..=data.matrix.rows.len() {
        for col in 0..6 {
            t.app.dashboard.row = row;
            t.app.dashboard.col = col;
            let expected = match data.matrix.rows.get(row) {
                Some(r) if col < 5 => r.cells[col].projects,
                Some(r) => r.total.projects,
                None if col < 5 => data.matrix.column_totals[col].projects,
                None => data.matrix.total.projects,
            };
            t.keys(&[Key::Enter]);
            let Screen::List(list) = t.app.screen() else {
                panic!("no list opened")
            };
            assert_eq!(
                list.ids.len() as i64,
                expected,
                "row {row} col {col}: {}",
                list.query
            );
            t.keys(&[Key::Esc]);
            assert!(matches!(t.app.screen(), Screen::Dashboard));
        }
    }
}

#[test]
fn the_back_stack_breadcrumb_and_quit_rules() {
    let mut t = Harness::new(Lang::Ja, 80, 24);
    t.keys(&[Key::Enter]); // 医薬品 × 基礎
    t.keys(&[Key::Enter]); // its first project
    assert_eq!(t.app.stack.len(), 3);
    let text = t.screen_text();
    let title = text.lines().next().unwrap();
    assert!(
        title.contains("JP25fx"),
        "breadcrumb ends in the project: {title}"
    );
    t.keys(&[K('q')]);
    assert_eq!(t.app.stack.len(), 2, "q on an inner screen goes back");
    assert!(!t.app.should_quit);
    t.keys(&[Key::Esc, Key::Esc]);
    assert!(!t.app.should_quit, "Esc never quits");
    t.keys(&[K('q')]);
    assert!(t.app.should_quit);
    let mut t = Harness::new(Lang::Ja, 80, 24);
    t.keys(&[Key::Tab, Key::Enter, Key::Ctrl('c')]);
    assert!(t.app.should_quit, "Ctrl-C quits from anywhere");
}

#[test]
fn tab_cycles_dashboard_projects_highway_radar_due() {
    let mut t = Harness::new(Lang::Ja, 80, 24);
    let kinds = |t: &Harness| match t.app.screen() {
        Screen::List(l) => Some(l.kind),
        _ => None,
    };
    t.keys(&[Key::Tab]);
    assert_eq!(kinds(&t), Some(ListKind::Projects));
    t.keys(&[Key::Tab]);
    assert_eq!(kinds(&t), Some(ListKind::Highway));
    let Screen::List(queue) = t.app.screen() else {
        unreachable!()
    };
    assert_eq!(queue.ids.len(), 3, "three open flags in the fixture");
    // Oldest flag first.
    assert_eq!(queue.ids, [9, 3, 2]);
    t.keys(&[Key::Tab]);
    assert_eq!(kinds(&t), Some(ListKind::Radar(180)), "the radar follows");
    t.keys(&[Key::Tab]);
    let Screen::Due(due) = t.app.screen() else {
        panic!("the due view follows the radar")
    };
    let due_dates: Vec<&str> = due.items.iter().map(|i| i.due_on.as_str()).collect();
    assert_eq!(
        due_dates,
        ["2026-11-01", "2026-11-20", "2026-11-25", "2026-12-20"],
        "pending follow-ups, oldest first"
    );
    t.keys(&[Key::Tab]);
    assert!(matches!(t.app.screen(), Screen::Dashboard));
}

#[test]
fn filter_narrows_as_you_type_and_esc_restores() {
    let mut t = Harness::new(Lang::Ja, 80, 24);
    t.keys(&[Key::Tab, K('/')]);
    let count = |t: &Harness| match t.app.screen() {
        Screen::List(l) => l.ids.len(),
        _ => usize::MAX,
    };
    assert_eq!(count(&t), 45);
    let ids = |t: &Harness| match t.app.screen() {
        Screen::List(l) => l.ids.clone(),
        _ => vec![],
    };
    // The fixture's projects from its titles: id i+1 has phase i % 5 (3 臨床, 4 実用化); highway
    // flags on 2, 3, 4 and 9.
    let titles = fixture::kaken_titles();
    let with_word: Vec<i64> = (1..=45)
        .filter(|&id| titles[id as usize - 1].contains("解明"))
        .collect();
    let late_phase = |id: &i64| (id - 1) % 5 >= 3;
    t.type_text("解明");
    assert_eq!(ids(&t), with_word, "a two-character Japanese query");
    t.type_text(" phase:臨床..実用化");
    let kept: Vec<i64> = with_word.iter().copied().filter(late_phase).collect();
    assert_eq!(ids(&t), kept);
    t.keys(&[Key::Enter]);
    assert!(matches!(t.app.overlay, seedline::app::Overlay::None));
    t.keys(&[K('/')]);
    t.act(Action::Edit(Edit::Clear));
    t.type_text("phase:臨床..実用化 flag:none");
    let unflagged: Vec<i64> = (1..=45)
        .filter(late_phase)
        .filter(|id| ![2, 3, 4, 9].contains(id))
        .collect();
    assert_eq!(ids(&t), unflagged, "flag:none leaves out 4 and 9");
    assert_eq!(count(&t), 16);
    t.keys(&[Key::Esc]);
    assert_eq!(ids(&t), kept, "Esc restores the filter from before");
    // Notes are searched too (three characters or more): a word only in note bodies.
    t.keys(&[K('/')]);
    t.act(Action::Edit(Edit::Clear));
    t.type_text("面談メモ3-");
    assert_eq!(count(&t), 1);
}

#[test]
fn sort_by_column_and_reverse() {
    let mut t = Harness::new(Lang::Ja, 120, 40);
    t.keys(&[Key::Tab]);
    let ids = |t: &Harness| match t.app.screen() {
        Screen::List(l) => l.ids.clone(),
        _ => vec![],
    };
    let by_id = ids(&t);
    t.keys(&[K('S')]);
    let mut reversed = by_id.clone();
    reversed.reverse();
    assert_eq!(ids(&t), reversed);
    // Title, PI, then the phase: at 120 columns in Japanese the program column is off screen,
    // and `s` only sorts by columns on screen.
    for _ in 0..3 {
        t.keys(&[K('s')]);
    }
    let Screen::List(list) = t.app.screen() else {
        unreachable!()
    };
    assert_eq!(list.sort.key, seedline::model::SortKey::Phase);
    let phases: Vec<_> = ids(&t).iter().take(45).map(|id| (id - 1) % 5).collect();
    assert!(
        phases.windows(2).all(|w| w[0] <= w[1]),
        "sorted by phase: {phases:?}"
    );
}

#[test]
fn every_screen_renders_at_every_small_size_without_panicking() {
    let mut t = Harness::new(Lang::Ja, 80, 24);
    let screens: Vec<Vec<Key>> = vec![
        vec![],
        vec![Key::Tab],
        vec![Key::Tab, Key::Enter],
        vec![Key::Tab, Key::Tab],
        vec![K('?')],
        vec![K(':')],
    ];
    for keys in screens {
        t.keys(&[Key::Esc, Key::Esc, Key::Esc]);
        t.act(Action::Resize(80, 24));
        t.keys(&[K('g')]);
        t.app.stack.truncate(1);
        t.keys(&keys);
        for w in (0..=120).step_by(7).chain([1, 20, 40, 80]) {
            for h in (0..=40).step_by(3).chain([1, 5, 8, 24]) {
                t.act(Action::Resize(w, h));
                let text = t.screen_text();
                for line in text.lines() {
                    assert!(seedline::text::width(line) <= w as usize, "{w}x{h}: {line}");
                }
            }
        }
    }
    t.act(Action::Resize(20, 5));
    assert!(t.screen_text().contains("端末が小さすぎます"));
}

#[test]
fn long_japanese_titles_never_spill_into_the_next_column() {
    let t = {
        let mut t = Harness::new(Lang::Ja, 80, 24);
        t.keys(&[Key::Tab]);
        t
    };
    let text = t.screen_text();
    // The phase column starts at the same display column on every row.
    let phase_col: Vec<usize> = text
        .lines()
        .skip(3)
        .take(10)
        .filter_map(|l| {
            let at = ["基礎", "応用", "非臨床", "臨床", "実用化"]
                .iter()
                .filter_map(|p| l.find(p))
                .min()?;
            Some(seedline::text::width(&l[..at]))
        })
        .collect();
    assert!(phase_col.len() >= 5, "{text}");
    assert!(
        phase_col.windows(2).all(|w| w[0] == w[1]),
        "{phase_col:?}\n{text}"
    );
}

#[test]
fn monochrome_keeps_the_cursor_visible() {
    let mut t = Harness::new(Lang::Ja, 80, 24);
    t.keys(&[Key::Tab]);
    // SAFETY-free: the env var is read at draw time by Theme::from_env, so build the theme directly.
    let (w, h) = t.app.size;
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| draw(f, &t.app, Theme::monochrome()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let cursor_row = 3; // first list row under title, info line and header
    let reversed = (0..w)
        .filter(|x| {
            buffer[(*x, cursor_row)]
                .modifier
                .contains(ratatui::style::Modifier::REVERSED)
        })
        .count();
    assert!(
        reversed > (w as usize) / 2,
        "cursor row drawn in reverse video"
    );
    let colored = buffer
        .content
        .iter()
        .any(|c| c.fg != ratatui::style::Color::Reset);
    assert!(!colored, "no colours in monochrome");
    let _ = Command::Help;
}

#[test]
fn the_palette_runs_the_command_it_shows() {
    let mut t = Harness::new(Lang::Ja, 80, 24);
    t.keys(&[Key::Tab, K(':')]);
    t.type_text("reverse");
    t.keys(&[Key::Enter]);
    let Screen::List(list) = t.app.screen() else {
        panic!("left the list")
    };
    assert!(
        list.sort.descending,
        "the filtered entry (reverse sort) ran, not the first of all entries"
    );
    assert!(matches!(t.app.overlay, seedline::app::Overlay::None));
}

#[test]
fn the_breadcrumb_follows_an_edited_cell_filter() {
    let mut t = Harness::new(Lang::Ja, 100, 30);
    t.keys(&[Key::Enter]);
    assert!(
        t.screen_text()
            .lines()
            .next()
            .unwrap()
            .contains("医薬品プロジェクト × 基礎")
    );
    t.keys(&[K('/')]);
    t.act(Action::Edit(Edit::Clear));
    t.type_text("phase:臨床");
    let title = t.screen_text().lines().next().unwrap().to_string();
    assert!(
        title.contains("課題一覧（絞り込み）") && !title.contains("医薬品"),
        "{title}"
    );
    t.keys(&[Key::Esc]);
    assert!(
        t.screen_text()
            .lines()
            .next()
            .unwrap()
            .contains("医薬品プロジェクト × 基礎"),
        "Esc restores filter and name"
    );
}
