//! Issue 12's journey on a fresh database, as a new officer takes it: the real binary for
//! `init`, `program add` (a program that is not built in), `import projects` (a small CSV with
//! Japanese headers naming it) and `officer add --login` (this OS account, so "me"); then the
//! keyboard through the real state machine, runtime effects and store: select two projects, `O`
//! assigns the officer, `M` lists exactly those two, `R` records 企業導出 and the headline moves
//! from 0 to 1, `H` words each step.

use crate::common::{Home, TODAY};
use crate::outcomes::dashboard_line;
use crate::project_tui::{detail, focus};
use crate::ui::Harness;
use seedline::Lang;
use seedline::app::keymap::Key;
use seedline::app::{Overlay, Screen};
use seedline::model::{Author, OutcomeKind};
use std::path::PathBuf;

use Key::Char as K;

const IDS: [&str; 3] = ["JP26ab0000001", "JP26ab0000002", "JP26ab0000003"];

/// Three projects as AMEDfind-shaped rows: the first in the program added by hand, the others
/// in built-in ones; a date as Excel on Japanese Windows saves it; 2nd-period disease areas.
const PROJECTS_CSV: &str = "\
課題管理番号,研究開発課題名,事業名,代表研究機関,研究開発代表者,開始日,研究開発フェーズ,対象疾患
JP26ab0000001,ゲノム情報に基づく創薬標的の探索,ゲノム創薬基盤推進研究事業,東京大学,山田 太郎,2026-04-01,基礎,がん
JP26ab0000002,認知症の早期診断バイオマーカー,認知症研究開発事業,京都大学,佐藤 花子,2025-04-01,応用,認知症
JP26ab0000003,難治性疾患の遺伝子治療,難治性疾患実用化研究事業,大阪大学,鈴木 一郎,2024/4/1,非臨床,難病
";

/// The command-line half of the journey, on the default database of a new home; returns the
/// home and the database's path.
fn own_data() -> (Home, PathBuf) {
    let home = Home::new();
    let db = home.path("data").join("seedline.db");
    home.seedline()
        .arg("init")
        .assert()
        .success()
        .stdout(format!(
            "{} を作成しました: 統合プロジェクト 14、疾患領域 9、事業 39、事業間のつながり 12\n",
            db.display()
        ));
    // Before the program exists, the project list is refused naming the command that adds it.
    std::fs::write(home.path("projects.csv"), PROJECTS_CSV).unwrap();
    let out = home
        .seedline()
        .args(["import", "projects", "projects.csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("projects.csv:2: 事業名: 事業 'ゲノム創薬基盤推進研究事業' はありません"),
        "{err}"
    );
    assert!(err.contains("seedline program add --code CODE"), "{err}");
    assert!(
        err.ends_with("seedline: projects.csv: 問題が 1 件あるため、何も取り込んでいません\n"),
        "{err}"
    );

    home.seedline()
        .args([
            "program",
            "add",
            "--code",
            "genome-drug",
            "--name",
            "ゲノム創薬基盤推進研究事業",
            "--ministry",
            "MHLW",
            "--ip",
            "医薬品プロジェクト",
            "--phases",
            "基礎..非臨床",
        ])
        .assert()
        .success()
        .stdout("事業 genome-drug を追加しました: ゲノム創薬基盤推進研究事業\n");
    home.seedline()
        .args(["import", "projects", "projects.csv", "--dry-run"])
        .assert()
        .success()
        .stdout(
            "確認のみ: projects.csv: 3 行を取り込めます: 新規 3、更新 0、変更なし 0。何も書き込んでいません\n",
        );
    home.seedline()
        .args(["import", "projects", "projects.csv"])
        .assert()
        .success()
        .stdout("取り込みました projects.csv: 3 行: 新規 3、更新 0、変更なし 0\n");
    // The new program holds exactly the project that names it.
    let out = home
        .seedline()
        .args(["show", "list", "--query", "program:genome-drug"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("program:genome-drug"), "{text}");
    assert!(text.contains("1 / 3"), "{text}");
    for (i, id) in IDS.iter().enumerate() {
        assert_eq!(text.contains(id), i == 0, "{id}:\n{text}");
    }

    // Two officers; the PO's login is this OS account, which makes her "me" (no config.toml).
    let login = seedline::identity::os_user();
    home.seedline()
        .args([
            "officer",
            "add",
            "岩崎 美紀",
            "--role",
            "PO",
            "--login",
            &login,
        ])
        .assert()
        .success()
        .stdout("担当者を追加しました: PO 岩崎 美紀\n");
    home.seedline()
        .args(["officer", "add", "大野 恵子", "--role", "PS"])
        .assert()
        .success()
        .stdout("担当者を追加しました: PS 大野 恵子\n");
    (home, db)
}

/// The row id of a project, by its 課題管理番号.
fn row_id(t: &Harness, amed_id: &str) -> i64 {
    t.store.project_id(amed_id).unwrap()
}

/// The dashboard's headline line (`企業導出 N  薬事承認 N …`) as the TUI draws it.
fn headline_on_screen(t: &Harness) -> String {
    assert!(matches!(t.app.screen(), Screen::Dashboard));
    let text = t.screen_text();
    text.lines()
        .find(|l| l.contains("薬事承認"))
        .unwrap_or_else(|| panic!("no headline:\n{text}"))
        .trim()
        .to_string()
}

#[test]
fn a_new_officer_from_init_to_a_portfolio_an_outcome_and_the_history_in_words() {
    let (home, db) = own_data();
    let csv = home.path("projects.csv").display().to_string();
    let before = "企業導出 0  薬事承認 0  ハイウェイ候補・推薦 ⚑0  期限超過フォローアップ 0";
    assert_eq!(dashboard_line(&home, &db).trim(), before);

    let mut t = Harness::open(home, &db, Lang::Ja, 120, 30);
    // "me" as `seedline` resolves it without an `[officer]` in config.toml: the officer whose
    // login is the OS account (cli::open_for_use), handed to the App (tui::run).
    let me = t
        .store
        .officer_for_login(&seedline::identity::os_user())
        .unwrap();
    assert_eq!(me, Some(("岩崎 美紀".to_string(), "PO".to_string())));
    t.app.author = Author::new(Some("岩崎 美紀"), Some("PO"), "岩崎 美紀");
    let (first, second, third) = (row_id(&t, IDS[0]), row_id(&t, IDS[1]), row_id(&t, IDS[2]));
    assert_eq!(t.app.total_projects, 3);
    let headline = |t: &Harness| {
        let h = &t.app.dashboard.data.as_ref().unwrap().headline;
        (h.projects, h.licensed, h.approvals)
    };
    assert_eq!(headline(&t), (3, 0, 0));
    assert_eq!(headline_on_screen(&t), before);

    // All projects, Space on the first and the third (Space moves down a row).
    t.keys(&[Key::Tab, K('g'), K(' '), K('j'), K(' ')]);
    let Screen::List(list) = t.app.screen() else {
        panic!("not on the list")
    };
    assert_eq!(list.ids, [first, second, third]);
    assert_eq!(list.targets(), [first, third]);

    // O: the roster, narrowed by typing; Enter assigns the PO to both.
    t.keys(&[K('O')]);
    let text = t.screen_text();
    assert!(text.contains("[ ] PS 大野 恵子"), "{text}");
    assert!(text.contains("[ ] PO 岩崎 美紀"), "{text}");
    t.type_text("岩崎");
    let Overlay::Picker(p) = &t.app.overlay else {
        panic!("no picker")
    };
    let visible: Vec<&str> = p.visible().iter().map(|o| o.name.as_str()).collect();
    assert_eq!(visible, ["岩崎 美紀"]);
    t.keys(&[Key::Enter]);
    assert_eq!(
        t.app.notice.as_deref(),
        Some("PO 岩崎 美紀 を 2 件の担当に追加しました（u で取り消し）"),
        "{:?}",
        t.app.status
    );
    assert!(t.screen_text().contains("[✓] PO 岩崎 美紀"));
    t.keys(&[Key::Esc]);
    assert!(matches!(t.app.overlay, Overlay::None));

    // M: my portfolio is exactly those two.
    t.keys(&[K('M')]);
    let Screen::List(portfolio) = t.app.screen() else {
        panic!("M opened no list")
    };
    assert_eq!(portfolio.query, "mine:watch");
    assert_eq!(portfolio.ids, [first, third]);
    let text = t.screen_text();
    assert!(text.contains("マイポートフォリオ"), "{text}");
    assert!(text.contains("2 / 3"), "{text}");
    for (i, id) in IDS.iter().enumerate() {
        assert_eq!(text.contains(id), i != 1, "{id}:\n{text}");
    }
    // The binary agrees (it resolves "me" by the login itself).
    let out = t
        .home
        .seedline()
        .args(["show", "portfolio"])
        .output()
        .unwrap();
    let cli = String::from_utf8(out.stdout).unwrap();
    for (i, id) in IDS.iter().enumerate() {
        assert_eq!(cli.contains(id), i != 1, "{id}:\n{cli}");
    }

    // Open the first (the new program's project); R records 企業導出 (the form's first choice).
    open_project_in_portfolio(&mut t);
    assert_eq!(detail(&t).amed_id, IDS[0]);
    assert_eq!(detail(&t).outcomes.len(), 0);
    t.keys(&[K('R')]);
    focus(&mut t, "product");
    t.type_text("SL-101");
    focus(&mut t, "detail");
    t.type_text("実施許諾: 京都製薬");
    t.keys(&[Key::Ctrl('s')]);
    assert!(matches!(t.app.overlay, Overlay::None), "{:?}", t.app.status);
    assert_eq!(
        t.app.notice.as_deref(),
        Some("企業導出 2026-11-25 を成果として記録しました（u で取り消し）")
    );
    let o = &detail(&t).outcomes[0];
    assert_eq!(detail(&t).outcomes.len(), 1);
    assert_eq!(
        (
            o.kind,
            o.on.as_str(),
            o.product_name.as_deref(),
            o.detail.as_str(),
            o.recorded_by.as_deref()
        ),
        (
            OutcomeKind::Licensing,
            TODAY,
            Some("SL-101"),
            "実施許諾: 京都製薬",
            Some("岩崎 美紀")
        )
    );
    let out = t
        .home
        .seedline()
        .args(["outcome", "list", IDS[0]])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "#1  v1  2026-11-25  企業導出  「SL-101」  実施許諾: 京都製薬  (recorded by 岩崎 美紀)\n"
    );

    // H: the outcome and the assignment, newest first, in words, signed.
    t.keys(&[K('H')]);
    let Screen::History(h) = t.app.screen() else {
        panic!("H opened no history")
    };
    let os = seedline::identity::os_user();
    let lines: Vec<(String, String, Option<String>, String)> = h
        .entries
        .iter()
        .map(|e| {
            (
                e.action.clone(),
                e.actor.clone(),
                e.officer.clone(),
                e.text(Lang::Ja),
            )
        })
        .collect();
    // The import that brought the project in is its first line (one audit row on the database
    // covers the whole file; history finds it by time).
    assert_eq!(
        lines,
        [
            (
                "outcome.add".to_string(),
                os.clone(),
                Some("岩崎 美紀".to_string()),
                "成果 #1 企業導出 2026-11-25 を記録".to_string()
            ),
            (
                "assign.add".to_string(),
                os.clone(),
                Some("岩崎 美紀".to_string()),
                "PO 岩崎 美紀 を担当に追加 (2026-11-25〜)".to_string()
            ),
            (
                "project.import".to_string(),
                os.clone(),
                Some("岩崎 美紀".to_string()),
                format!("一覧の取り込みで登録 ({csv})")
            ),
        ]
    );
    let text = t.screen_text();
    for line in [
        // The officer whose login made the change, not the OS account.
        "岩崎 美紀  成果 #1 企業導出 2026-11-25 を記録".to_string(),
        "岩崎 美紀  PO 岩崎 美紀 を担当に追加 (2026-11-25〜)".to_string(),
    ] {
        assert!(text.contains(&line), "missing `{line}`:\n{text}");
    }

    // Back on the dashboard the headline moved by one: 企業導出 0 → 1, nothing else.
    for _ in 0..4 {
        t.keys(&[Key::Esc]);
    }
    assert_eq!(headline(&t), (3, 1, 0));
    let after = "企業導出 1  薬事承認 0  ハイウェイ候補・推薦 ⚑0  期限超過フォローアップ 0";
    assert_eq!(headline_on_screen(&t), after);
    assert_eq!(dashboard_line(&t.home, &db).trim(), after);
}

/// Enter on the portfolio's first row (the project list helper starts from the dashboard).
fn open_project_in_portfolio(t: &mut Harness) {
    t.keys(&[K('g'), Key::Enter]);
    assert!(matches!(t.app.screen(), Screen::Detail(_)));
}

/// `H` (and `seedline history`) shows each step of the journey in words, the import included.
#[test]
fn the_history_of_an_imported_project_shows_its_import() {
    let (home, _) = own_data();
    let out = home.seedline().args(["history", IDS[0]]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("projects.csv"), "no import line:\n{text}");
}
