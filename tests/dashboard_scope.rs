//! The dashboard over the demo database: figures that agree (cells with the lists they open, the
//! headline with the cells shown), the scope, re-pivoting a row, and what the matrix looks like at
//! 80×24, 200×50 and 40×12 in both languages (every count whole or cut with `~`, cells apart, the
//! totals' marks all shown, the breadcrumb cut before the date).

use crate::common::{Home, today};
use crate::ui::Harness;
use seedline::Lang;
use seedline::app::Screen;
use seedline::app::keymap::Key;
use seedline::demo::{DemoOptions, generate};
use seedline::model::{Author, Coded, Matrix, Phase, Pivot, Scope, Sort};
use std::path::PathBuf;

use Key::Char as K;

/// The demo database (600 projects), generated once per test into `home`.
fn demo(home: &Home) -> PathBuf {
    let mut store = home.store("demo.db");
    generate(&mut store, &DemoOptions::new(today()), &mut |_, _, _| {}).unwrap();
    home.path("demo.db")
}

fn matrix(t: &Harness) -> Matrix {
    t.app.dashboard.data.as_ref().unwrap().matrix.clone()
}

/// Projects the store finds for `query` (the list's count).
fn count(t: &Harness, query: &str) -> usize {
    let filter = seedline::query::resolve(query, &t.app.reference).unwrap();
    let scope = Scope::new(today(), &t.app.author.name);
    t.store
        .project_ids(&filter, Sort::default(), &scope)
        .unwrap()
        .len()
}

/// The headline repeats the figures shown: projects and per phase as the totals row, open flags
/// as the ⚑ of the grand total (one open flag per project at most).
fn assert_headline_agrees(t: &Harness) {
    let data = t.app.dashboard.data.as_ref().unwrap();
    let (h, m) = (&data.headline, &data.matrix);
    assert_eq!(h.projects, m.total.projects);
    for phase in Phase::ALL {
        assert_eq!(
            h.per_phase[phase.index()],
            m.column_totals[phase.index()].projects
        );
    }
    assert_eq!(h.open_flags, m.total.open_flags);
}

#[test]
fn every_cell_of_a_scoped_matrix_opens_a_list_of_exactly_its_count() {
    let home = Home::new();
    let path = demo(&home);
    let mut t = Harness::open(Home::new(), &path, Lang::Ja, 120, 40);
    // 医薬品 by disease area (h, Enter), then narrowed further by a phase range.
    t.keys(&[K('h'), Key::Enter, K('/')]);
    t.type_text(" phase:基礎..臨床");
    t.keys(&[Key::Enter]);
    assert_eq!(t.app.dashboard.scope, "ip:drug phase:基礎..臨床");
    let m = matrix(&t);
    assert_eq!(m.pivot, Pivot::DiseaseArea);
    assert_eq!(
        m.total.projects as usize,
        count(&t, "ip:drug phase:基礎..臨床")
    );
    assert!(m.total.projects > 0 && m.total.projects < 600);
    assert_headline_agrees(&t);
    for row in 0..=m.rows.len() {
        for col in 0..6 {
            let cell = match m.rows.get(row) {
                Some(r) => r.cells.get(col).unwrap_or(&r.total),
                None => m.column_totals.get(col).unwrap_or(&m.total),
            };
            t.app.dashboard.row = row;
            t.app.dashboard.col = col;
            t.app.dashboard.on_label = false;
            t.keys(&[Key::Enter]);
            match t.app.screen() {
                Screen::List(l) => {
                    assert_eq!(
                        l.ids.len() as i64,
                        cell.projects,
                        "row {row}, column {col}: {}",
                        l.query
                    );
                    t.keys(&[Key::Esc]);
                }
                _ => assert_eq!(cell.projects, 0, "row {row}, column {col} opened nothing"),
            }
        }
    }
}

#[test]
fn o_and_the_scope_narrow_the_headline_to_the_figures_shown() {
    let home = Home::new();
    let path = demo(&home);
    let mut t = Harness::open(Home::new(), &path, Lang::Ja, 80, 24);
    assert_headline_agrees(&t);
    let everyone = t.app.dashboard.data.as_ref().unwrap().headline.clone();
    assert_eq!(everyone.projects, 600);
    let busiest: String = crate::common::raw(&path)
        .query_row(
            "SELECT o.name FROM officer o JOIN project_officer po ON po.officer_id = o.id
             GROUP BY o.id ORDER BY count(*) DESC, o.id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    t.app.author = Author::new(Some(&busiest), None, "tester");
    t.keys(&[K('o')]);
    let mine = t.app.dashboard.data.as_ref().unwrap().headline.clone();
    assert!(0 < mine.projects && mine.projects < everyone.projects);
    assert_eq!(mine.projects as usize, count(&t, "mine"));
    assert_headline_agrees(&t);
    assert!(t.screen_text().contains(&format!("課題 {}", mine.projects)));
    // A scope narrows it further; Esc gives back my figures.
    t.keys(&[K('/')]);
    t.type_text("ip:drug");
    t.keys(&[Key::Enter]);
    let scoped = t.app.dashboard.data.as_ref().unwrap().headline.clone();
    assert_eq!(scoped.projects as usize, count(&t, "ip:drug mine"));
    assert_headline_agrees(&t);
    t.keys(&[Key::Esc]);
    assert_eq!(t.app.dashboard.data.as_ref().unwrap().headline, mine);
}

/// Issue 14's task: the pipeline of one integrated project in one disease area. A key is one key
/// press (a typed query counts a key per character). From the start, `h` (the row's label) and
/// Enter (医薬品 by disease area): the row がん is the pipeline of 医薬品 in がん.
#[test]
fn the_pipeline_of_one_integrated_project_in_one_disease_area_is_two_keys_away() {
    let home = Home::new();
    let path = demo(&home);
    let mut t = Harness::open(Home::new(), &path, Lang::Ja, 80, 24);
    let journey = [K('h'), Key::Enter];
    t.keys(&journey);
    assert!(journey.len() <= 3, "{} keys", journey.len());
    let m = matrix(&t);
    let row = &m.rows[0];
    assert_eq!(row.code, "cancer");
    let text = t.screen_text();
    let line = text
        .lines()
        .find(|l| l.starts_with(" がん"))
        .unwrap_or_else(|| panic!("{text}"));
    let shown: Vec<i64> = line
        .split_whitespace()
        .skip(1)
        .filter_map(|s| s.replace(',', "").parse().ok())
        .collect();
    let expected: Vec<i64> = Phase::ALL
        .iter()
        .map(|p| count(&t, &format!("ip:drug area:cancer phase:{}", p.code())) as i64)
        .collect();
    assert_eq!(row.cells.map(|c| c.projects).to_vec(), expected);
    assert_eq!(shown[..5], expected[..], "{line}");
    assert!(
        text.lines()
            .nth(1)
            .unwrap()
            .contains("範囲: 医薬品プロジェクト"),
        "{text}"
    );
}

/// The matrix lines of a screen: from the column header to the totals' marks.
fn matrix_lines(text: &str, lang: Lang) -> Vec<String> {
    // The pivot's name heads the labels (cut with `~` when narrow).
    let header = match lang {
        Lang::Ja => [" 統合プロ", " 疾患領"],
        Lang::En => [" Integrat", " Diseas"],
    };
    let legend = ["⚑n", "⚑ "];
    text.lines()
        .skip_while(|l| !header.iter().any(|h| l.starts_with(h)))
        .take_while(|l| !legend.iter().any(|m| l.trim_start().starts_with(m)))
        .map(str::to_string)
        .collect()
}

/// What every size and language must hold: whole counts in the totals, every total's ⚑ and !
/// shown, no two figures one space apart, the headline's figures whole.
fn check_screen(t: &Harness, lang: Lang, name: &str) {
    let text = t.screen_text();
    let m = matrix(t);
    let lines = matrix_lines(&text, lang);
    assert!(!lines.is_empty(), "{name}:\n{text}");
    let total = match lang {
        Lang::Ja => " 計",
        Lang::En => " Total",
    };
    let at = lines
        .iter()
        .position(|l| l.starts_with(total))
        .unwrap_or_else(|| panic!("{name}: no totals row\n{text}"));
    let counts: Vec<String> = lines[at]
        .split_whitespace()
        .skip(1)
        .map(|s| s.split(['⚑', '!']).next().unwrap().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let expected: Vec<String> = m
        .column_totals
        .iter()
        .chain([&m.total])
        .map(|c| seedline::text::thousands(c.projects))
        .collect();
    assert_eq!(counts, expected, "{name}:\n{text}");
    let totals_text = lines[at..].join("\n");
    for c in m.column_totals.iter().chain([&m.total]) {
        if c.open_flags > 0 {
            let mark = format!("⚑{}", c.open_flags);
            assert!(totals_text.contains(&mark), "{name}: {mark}\n{text}");
        }
        if c.follow_ups_due > 0 {
            let mark = format!("!{}", c.follow_ups_due);
            assert!(totals_text.contains(&mark), "{name}: {mark}\n{text}");
        }
    }
    // One space inside a cell is always followed by a mark; between figures there are two.
    for line in &lines {
        let chars: Vec<char> = line.chars().collect();
        for w in chars.windows(3) {
            assert!(
                !(w[0].is_ascii_digit() && w[1] == ' ' && w[2].is_ascii_digit()),
                "{name}: figures run together in {line:?}"
            );
        }
    }
    let h = &t.app.dashboard.data.as_ref().unwrap().headline;
    let strip: String = text.lines().take(4).collect::<Vec<_>>().join("\n");
    for figure in [h.projects, h.licensed, h.approvals, h.overdue_follow_ups] {
        let figure = seedline::text::thousands(figure);
        assert!(
            strip.split_whitespace().any(|w| w == figure),
            "{name}: {figure} in the headline\n{strip}"
        );
    }
    assert!(
        strip.contains(&format!("⚑{}", h.open_flags)),
        "{name}\n{strip}"
    );
    for line in text.lines() {
        assert!(
            seedline::text::width(line) <= t.app.size.0 as usize,
            "{name}: {line}"
        );
    }
}

#[test]
fn the_dashboard_at_three_sizes_in_both_languages() {
    let home = Home::new();
    let path = demo(&home);
    for lang in [Lang::Ja, Lang::En] {
        let tag = match lang {
            Lang::Ja => "ja",
            Lang::En => "en",
        };
        for (w, h) in [(80, 24), (200, 50), (40, 12)] {
            let mut t = Harness::open(Home::new(), &path, lang, w, h);
            let name = format!("dashboard_{tag}_{w}x{h}");
            check_screen(&t, lang, &name);
            insta::assert_snapshot!(name, t.screen_text());
            // 医薬品 by disease area.
            t.keys(&[K('h'), Key::Enter]);
            let name = format!("dashboard_drug_by_area_{tag}_{w}x{h}");
            check_screen(&t, lang, &name);
            insta::assert_snapshot!(name, t.screen_text());
        }
    }
}

#[test]
fn english_labels_are_whole_when_there_is_room() {
    let home = Home::new();
    let path = demo(&home);
    let t = Harness::open(Home::new(), &path, Lang::En, 200, 50);
    let text = t.screen_text();
    for label in [
        "Non-clinical",
        "Practical use",
        "Regenerative, Cell and Gene Therapy (2nd period)",
        "Translational and Clinical Acceleration",
    ] {
        assert!(text.contains(label), "{label}\n{text}");
    }
    assert!(!text.contains('~'), "{text}");
}

#[test]
fn the_breadcrumb_is_cut_with_a_tilde_before_the_date() {
    let home = Home::new();
    let path = demo(&home);
    for lang in [Lang::Ja, Lang::En] {
        let mut t = Harness::open(Home::new(), &path, lang, 40, 12);
        t.keys(&[K('l'), K('l'), Key::Enter]);
        assert!(matches!(t.app.screen(), Screen::List(_)));
        let text = t.screen_text();
        let title = text.lines().next().unwrap();
        let date = crate::common::TODAY;
        let at = title.find(date).unwrap_or_else(|| panic!("{title}"));
        let crumb = &title[..at];
        assert!(
            crumb.ends_with("  "),
            "two cells before the date: {title:?}"
        );
        assert!(crumb.trim_end().ends_with('~'), "cut with ~: {title:?}");
        assert!(seedline::text::width(title) <= 40, "{title}");
    }
}

#[test]
fn show_dashboard_prints_the_scoped_matrix() {
    let home = Home::new();
    let path = demo(&home);
    let db = path.to_str().unwrap();
    let out = home
        .seedline()
        .args([
            "show",
            "dashboard",
            "--db",
            db,
            "--areas",
            "--query",
            "ip:drug",
            "--width",
            "100",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("範囲: ip:drug"), "{text}");
    assert!(text.contains(" 疾患領域"), "{text}");
    let t = Harness::open(Home::new(), &path, Lang::Ja, 100, 40);
    let drug = count(&t, "ip:drug");
    let total = text
        .lines()
        .find(|l| l.starts_with(" 計"))
        .unwrap_or_else(|| panic!("{text}"));
    // The counts of the totals row (marks beside them left out): the last is the grand total.
    let counts: Vec<&str> = total
        .split_whitespace()
        .filter(|w| !w.starts_with(['⚑', '!']))
        .collect();
    assert_eq!(
        counts.last().copied(),
        Some(seedline::text::thousands(drug as i64).as_str()),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.contains(&format!("課題 {}", seedline::text::thousands(drug as i64)))),
        "the headline is the scope's: {text}"
    );
    // A filter that does not resolve is refused with its hint.
    let out = home
        .seedline()
        .args(["show", "dashboard", "--db", db, "--query", "ip:drg"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--query"));
}

/// `show dashboard --mine` and `--budget` print what `o` and `b` show in the TUI: my projects'
/// headline (the busiest officer's count, not everyone's 600) and this year's allocations.
#[test]
fn show_dashboard_mine_and_budget_print_what_o_and_b_show() {
    let home = Home::new();
    let path = demo(&home);
    let db = path.to_str().unwrap();
    let busiest: String = crate::common::raw(&path)
        .query_row(
            "SELECT o.name FROM officer o JOIN project_officer po ON po.officer_id = o.id
             GROUP BY o.id ORDER BY count(*) DESC, o.id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    std::fs::create_dir_all(home.path("config")).unwrap();
    std::fs::write(
        home.path("config/config.toml"),
        format!("[officer]\nname = \"{busiest}\"\nrole = \"PO\"\n"),
    )
    .unwrap();
    let show = |extra: &[&str]| {
        let out = home
            .seedline()
            .args(["show", "dashboard", "--db", db, "--width", "100"])
            .args(extra)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let mut t = Harness::open(Home::new(), &path, Lang::Ja, 100, 40);
    t.app.author = Author::new(Some(&busiest), None, "tester");
    let mine = count(&t, "mine");
    assert!(0 < mine && mine < 600);
    let text = show(&["--mine"]);
    assert!(text.contains(&busiest), "{text}");
    assert!(text.contains(&format!("課題 {mine} ")), "{text}");
    assert!(!text.contains("課題 600 "), "{text}");
    // `b` in the TUI and `--budget` print the same figures.
    t.keys(&[K('b')]);
    let tui = t.screen_text();
    let text = show(&["--budget"]);
    assert!(text.contains("年度 配分額"), "{text}");
    let row = |screen: &str| {
        screen
            .lines()
            .find(|l| l.trim_start().starts_with("医薬品"))
            .map(|l| l.split_whitespace().skip(1).collect::<Vec<_>>().join(" "))
            .unwrap_or_else(|| panic!("{screen}"))
    };
    assert_eq!(row(&text), row(&tui));
    assert_ne!(row(&text), row(&show(&[])), "budget sums, not counts");
}

/// A retired project counts in no scoped figure either: the headline of mine and of a scope
/// lose exactly its project, its open flag and its overdue follow-ups.
#[test]
fn a_retired_project_leaves_the_scoped_headline() {
    use seedline::model::MatrixOptions;
    let home = Home::new();
    let path = demo(&home);
    let conn = crate::common::raw(&path);
    // One assigned project with an open flag and an overdue follow-up, and its officer.
    let (project, officer, name, overdue, ip): (i64, i64, String, i64, String) = conn
        .query_row(
            "SELECT p.id, po.officer_id, o.name,
               (SELECT count(*) FROM note n WHERE n.project_id = p.id
                  AND n.follow_up_on < ?1 AND n.follow_up_done_at IS NULL AND n.deleted_at IS NULL),
               (SELECT g.code FROM integrated_project g WHERE g.id = p.integrated_project_id)
             FROM project p JOIN project_officer po ON po.project_id = p.id
             JOIN officer o ON o.id = po.officer_id
             WHERE EXISTS (SELECT 1 FROM highway_flag f WHERE f.project_id = p.id
                             AND f.status IN ('candidate', 'recommended'))
               AND EXISTS (SELECT 1 FROM note n WHERE n.project_id = p.id AND n.follow_up_on < ?1
                             AND n.follow_up_done_at IS NULL AND n.deleted_at IS NULL)
             ORDER BY p.id LIMIT 1",
            [crate::common::TODAY],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap();
    let mut store = home.store("demo.db");
    let scope = Scope::new(today(), &name);
    let reference = store.reference().unwrap();
    let mine = MatrixOptions {
        officers: Some(vec![officer]),
        ..MatrixOptions::default()
    };
    let its_ip = seedline::query::resolve(&format!("ip:{ip}"), &reference).unwrap();
    let before = (
        store
            .headline_scoped(today(), &mine, &Default::default(), &scope)
            .unwrap(),
        store
            .headline_scoped(today(), &Default::default(), &its_ip, &scope)
            .unwrap(),
    );
    let author = Author::new(Some(&name), None, "tester");
    store
        .retire_project(project, None, "entered twice", &author)
        .unwrap();
    let after = (
        store
            .headline_scoped(today(), &mine, &Default::default(), &scope)
            .unwrap(),
        store
            .headline_scoped(today(), &Default::default(), &its_ip, &scope)
            .unwrap(),
    );
    assert_eq!(after.0.projects, before.0.projects - 1);
    assert_eq!(after.0.open_flags, before.0.open_flags - 1);
    assert_eq!(
        after.0.overdue_follow_ups,
        before.0.overdue_follow_ups - overdue
    );
    assert_eq!(after.1.projects, before.1.projects - 1);
    assert_eq!(after.1.open_flags, before.1.open_flags - 1);
    assert_eq!(
        after.1.overdue_follow_ups,
        before.1.overdue_follow_ups - overdue
    );
}

/// `b` at 40×12: sums in 億円 to one decimal rather than cut (33,493 百万円 would not fit).
#[test]
fn budget_sums_at_40_columns_are_whole_in_a_coarser_unit() {
    let home = Home::new();
    let path = demo(&home);
    for lang in [Lang::Ja, Lang::En] {
        let mut t = Harness::open(Home::new(), &path, lang, 40, 12);
        t.keys(&[K('b')]);
        let text = t.screen_text();
        let m = matrix(&t);
        let tenths = (m.total.budget_kyen + 5_000) / 10_000;
        let grand = format!("{}.{}", tenths / 10, tenths % 10);
        let unit = match lang {
            Lang::Ja => "(億円)",
            Lang::En => "(100 million yen)",
        };
        // The totals row is the one above the legend (its label may be cut: ` To~`).
        let lines: Vec<&str> = text.lines().collect();
        let legend = lines
            .iter()
            .position(|l| l.contains(unit))
            .unwrap_or_else(|| panic!("{text}"));
        let total = lines[legend - 1];
        assert!(
            total.ends_with(&grand),
            "{total:?} ends with {grand}\n{text}"
        );
        let figures: String = total.chars().skip(4).collect();
        assert!(!figures.contains('~'), "{text}");
    }
}
