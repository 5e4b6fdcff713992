//! Issue 14, figures that agree (plain data): the detail labels 総配分額 and 年度別計 apart and
//! shows their difference; the PI overview uses the same label; the due board's total counts an
//! item once (mine with `o`) and says officer rows count it per officer; the highway queue shows
//! the flag date, the successor program and the three criteria; a stage-gate decision is
//! corrected or deleted from the detail (`C`) on the version loaded. Snapshots at 80×24 and 40×12
//! in both languages (the queue at 200×50 too).

use super::*;
use seedline::app::form::Value;
use seedline::app::{Done, FormKind, Overlay, Save, SaveOutcome, Undo};
use seedline::model::{CriterionStatus, FlagStatus, GateDecision, GateView, HighwayInfo, NewGate};

/// A new app in `lang` at `w`×`h`.
fn sized_in(lang: Lang, w: u16, h: u16) -> App {
    let (mut app, _) = App::new(lang, today(), Arc::new(reference()), Keymap::default());
    app.author = Author::new(Some(ME), Some("PO"), "tester");
    app.update(Action::Resize(w, h));
    app
}

fn text(rows: &[String]) -> String {
    rows.join("\n")
}

// ---- 総配分額 and 年度別計 ----

/// Project 103: 総配分額 14,500 recorded, allocations 5,000 (FY2025) + 9,775 (FY2026) = 14,775.
fn budget_detail(total: Option<i64>) -> ProjectDetail {
    let mut d = project_detail(103, 0, 0);
    d.summary = String::new();
    d.budget_total_kyen = total;
    d.budgets = vec![(FiscalYear(2025), 5_000), (FiscalYear(2026), 9_775)];
    d
}

fn detail_text(lang: Lang, cols: u16, d: ProjectDetail) -> Vec<String> {
    let mut app = sized_in(lang, cols, 24);
    open_detail(&mut app, d);
    detail_state(&app)
        .lines
        .iter()
        .map(|l| l.text().trim_end().to_string())
        .collect()
}

#[test]
fn the_detail_labels_the_recorded_total_and_the_sum_of_years_and_shows_their_difference() {
    let ja = detail_text(Lang::Ja, 80, budget_detail(Some(14_500)));
    assert!(
        ja.contains(&"総配分額        14,500 千円".to_string()),
        "{ja:#?}"
    );
    assert!(
        ja.contains(&"年度別計        14,775 千円 (総配分額との差 +275)".to_string()),
        "{ja:#?}"
    );
    let en = detail_text(Lang::En, 80, budget_detail(Some(14_500)));
    assert!(
        en.contains(&"Total award     14,500 thousand yen".to_string()),
        "{en:#?}"
    );
    assert!(
        en.contains(
            &"Sum of years    14,775 thousand yen (against the total award: +275)".to_string()
        ),
        "{en:#?}"
    );
    // Equal, and no total recorded: said so instead of a difference.
    let equal = detail_text(Lang::Ja, 80, budget_detail(Some(14_775)));
    assert!(
        equal.contains(&"年度別計        14,775 千円 (総配分額と一致)".to_string()),
        "{equal:#?}"
    );
    let missing = detail_text(Lang::En, 80, budget_detail(None));
    assert!(
        missing.contains(&"Total award     -".to_string()),
        "{missing:#?}"
    );
    assert!(
        missing
            .iter()
            .any(|l| l.contains("(no total award recorded)")),
        "{missing:#?}"
    );
    // Without allocation rows there is no 年度別計 line at all.
    let mut none = budget_detail(Some(14_500));
    none.budgets.clear();
    let none = detail_text(Lang::Ja, 80, none);
    assert!(!none.iter().any(|l| l.starts_with("年度別計")), "{none:#?}");
}

#[test]
fn at_40_columns_the_difference_wraps_and_is_never_cut() {
    for lang in [Lang::Ja, Lang::En] {
        let lines = detail_text(lang, 40, budget_detail(Some(14_500)));
        let joined = lines.join("\n");
        assert!(joined.contains("+275"), "{lang:?}: {joined}");
        assert!(joined.contains("14,775"), "{lang:?}: {joined}");
        assert!(lines.iter().all(|l| seedline::text::width(l) <= 40));
    }
}

fn budget_snapshot(lang: Lang, w: u16, h: u16) -> String {
    let mut app = sized_in(lang, w, h);
    open_detail(&mut app, budget_detail(Some(14_500)));
    text(&screen_rows(&mut app, w, h))
}

#[test]
fn detail_budget_snapshots() {
    insta::assert_snapshot!("detail_budget_ja_80x24", budget_snapshot(Lang::Ja, 80, 24));
    insta::assert_snapshot!("detail_budget_en_80x24", budget_snapshot(Lang::En, 80, 24));
    insta::assert_snapshot!("detail_budget_ja_40x12", budget_snapshot(Lang::Ja, 40, 12));
    insta::assert_snapshot!("detail_budget_en_40x12", budget_snapshot(Lang::En, 40, 12));
}

// ---- PI overview ----

fn pi_screen(lang: Lang, w: u16, h: u16, by_institution: bool) -> String {
    let mut app = sized_in(lang, w, h);
    open_detail(&mut app, project_detail(101, 0, 0));
    let key = if by_institution {
        PiKey::Institution(institution(101))
    } else {
        PiKey::Pi(pi_name(101))
    };
    press(&mut app, ch(if by_institution { 'I' } else { 'P' }));
    let mut o = pi_overview(key, [101, 104, 107]);
    o.projects[0].overlaps = true;
    o.projects[1].overlaps = true;
    o.projects[2].budget_total_kyen = None;
    o.projects[2].allocated_kyen = 14_775;
    (o.overlapping_pairs, o.pis_overlapping) = (1, 1);
    (
        o.budget_total_kyen,
        o.budget_total_missing,
        o.allocated_kyen,
    ) = (60_000, 1, 74_775);
    app.update(Action::PiLoaded(Box::new(o)));
    text(&screen_rows(&mut app, w, h))
}

#[test]
fn the_pi_overview_uses_the_details_label_and_counts_overlaps_of_one_pi() {
    let ja = pi_screen(Lang::Ja, 80, 24, false);
    assert!(
        ja.contains(" 総配分額 60,000 (未登録 1課題) | 年度別計 74,775 | 今年度 30,000 (千円)"),
        "{ja}"
    );
    assert!(ja.contains("期間重複(!) 1組"), "{ja}");
    assert!(ja.contains("総配分額(千円)"), "{ja}");
    // The project without a recorded total shows "-", not its allocations.
    let row = ja.lines().find(|l| l.contains(&amed_id(107))).unwrap();
    assert!(row.contains(" - ") && !row.contains("14,775"), "{row}");
    let flagged: Vec<&str> = ja.lines().filter(|l| l.starts_with("*!")).collect();
    assert_eq!(flagged.len(), 2, "{ja}");
    let inst = pi_screen(Lang::En, 80, 24, true);
    assert!(inst.contains("PIs with overlaps(!) 1 (1 pairs)"), "{inst}");
    assert!(
        inst.contains("Total award 60,000 (1 not recorded)"),
        "{inst}"
    );
}

#[test]
fn pi_snapshots() {
    insta::assert_snapshot!("pi_ja_80x24", pi_screen(Lang::Ja, 80, 24, false));
    insta::assert_snapshot!("pi_en_80x24", pi_screen(Lang::En, 80, 24, false));
    insta::assert_snapshot!("institution_ja_40x12", pi_screen(Lang::Ja, 40, 12, true));
    insta::assert_snapshot!("institution_en_40x12", pi_screen(Lang::En, 40, 12, true));
}

// ---- the due board's total ----

/// Two deadlines of projects shared by me and 佐藤 一郎, one follow-up of mine: officer rows sum
/// to 5, the items are 3.
fn shared_items() -> Vec<DueItem> {
    let mut a = deadline_item(1, ME);
    a.owners.push("佐藤 一郎".into());
    let mut b = deadline_item(2, ME);
    b.owners.push("佐藤 一郎".into());
    vec![a, b, due_item(3, 5, ME)]
}

fn board_screen(lang: Lang, w: u16, h: u16, mine: bool) -> (App, String) {
    let mut app = sized_in(lang, w, h);
    keys(&mut app, &[Key::Tab, Key::Tab, Key::Tab, Key::Tab]);
    app.update(Action::DueLoaded(shared_items()));
    press(&mut app, ch('t'));
    if mine {
        assert_eq!(
            press(&mut app, ch('o')),
            [Effect::LoadDue {
                mine: true,
                scope: scope(),
            }]
        );
        app.update(Action::DueLoaded(shared_items()));
    }
    let screen = text(&screen_rows(&mut app, w, h));
    (app, screen)
}

fn total_row<'a>(screen: &'a str, label: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.trim_start().starts_with(label))
        .unwrap_or_else(|| panic!("no {label} row:\n{screen}"))
}

#[test]
fn the_due_boards_total_counts_each_item_once_and_is_mine_with_o() {
    let (app, ja) = board_screen(Lang::Ja, 80, 24, false);
    let sum: i64 = due(&app).board.iter().flat_map(|r| r.counts).sum();
    assert_eq!(sum, 5, "officer rows count a shared item for each officer");
    assert_eq!(due(&app).totals.iter().sum::<i64>(), 3);
    let total = total_row(&ja, "全件（各1件）");
    let figures: Vec<&str> = total.split_whitespace().skip(1).collect();
    assert_eq!(figures, ["0", "0", "1", "2"], "{total}");
    assert!(ja.contains("共同担当の1件は担当者それぞれに数える"), "{ja}");
    assert!(!ja.contains("  全員 "), "{ja}");
    let (_, mine) = board_screen(Lang::Ja, 80, 24, true);
    total_row(&mine, "自分（各1件）");
    assert!(!mine.contains("全件"), "{mine}");
    let (_, en) = board_screen(Lang::En, 80, 24, true);
    total_row(&en, "mine (each once)");
    assert!(
        en.contains("an item counts once for each of its officers"),
        "{en}"
    );
}

#[test]
fn due_board_snapshots() {
    insta::assert_snapshot!(
        "due_board_ja_80x24",
        board_screen(Lang::Ja, 80, 24, false).1
    );
    insta::assert_snapshot!(
        "due_board_en_80x24",
        board_screen(Lang::En, 80, 24, false).1
    );
    insta::assert_snapshot!(
        "due_board_mine_ja_40x12",
        board_screen(Lang::Ja, 40, 12, true).1
    );
    insta::assert_snapshot!(
        "due_board_mine_en_40x12",
        board_screen(Lang::En, 40, 12, true).1
    );
}

// ---- the highway queue ----

fn flagged(id: i64, on: &str, criteria: [CriterionStatus; 3]) -> ProjectRow {
    ProjectRow {
        flag: Some(FlagStatus::Recommended),
        open_flag: Some((id, 1)),
        highway: Some(HighwayInfo {
            flagged_on: on.into(),
            target_ja: "革新的がん医療実用化研究事業".into(),
            target_en: "Practical Research for Innovative Cancer Control".into(),
            criteria,
        }),
        ..row(id)
    }
}

fn queue_screen(lang: Lang, w: u16, h: u16) -> String {
    use CriterionStatus::*;
    let mut app = sized_in(lang, w, h);
    keys(&mut app, &[Key::Tab, Key::Tab]);
    assert_eq!(list(&app).kind, seedline::app::ListKind::Highway);
    let request = list(&app).request;
    app.update(Action::ListLoaded {
        request,
        ids: vec![101, 102],
    });
    app.update(Action::RowsLoaded(vec![
        flagged(101, "2025-10-18", [Sufficient, Partial, Insufficient]),
        flagged(102, "2026-02-24", [NotAssessed, Sufficient, Sufficient]),
    ]));
    text(&screen_rows(&mut app, w, h))
}

#[test]
fn the_highway_queue_shows_flag_date_successor_and_criteria() {
    let ja = queue_screen(Lang::Ja, 80, 24);
    let head = ja.lines().nth(2).unwrap();
    for label in ["旗の日付 ^", "移行先事業", "競合", "知財", "データ"] {
        assert!(head.contains(label), "{head}");
    }
    let first = ja.lines().find(|l| l.contains(&amed_id(101))).unwrap();
    assert!(first.contains("2025-10-18 革新的がん~"), "{first}");
    assert!(first.contains("充足 一部 不足"), "{first}");
    let second = ja.lines().find(|l| l.contains(&amed_id(102))).unwrap();
    assert!(second.contains("未   充足 充足"), "{second}");
    let en = queue_screen(Lang::En, 80, 24);
    let first = en.lines().find(|l| l.contains(&amed_id(101))).unwrap();
    assert!(first.contains("met   part  unmet"), "{first}");
    // At 200 columns: the status, the whole successor name, the phase and the PI too.
    let wide = queue_screen(Lang::Ja, 200, 50);
    let first = wide.lines().find(|l| l.contains(&amed_id(101))).unwrap();
    assert!(
        first.contains("推薦   革新的がん医療実用化研究事業"),
        "{first}"
    );
    assert!(first.contains(&pi_name(101)), "{first}");
}

#[test]
fn highway_queue_snapshots() {
    insta::assert_snapshot!("highway_ja_80x24", queue_screen(Lang::Ja, 80, 24));
    insta::assert_snapshot!("highway_en_80x24", queue_screen(Lang::En, 80, 24));
    insta::assert_snapshot!("highway_ja_40x12", queue_screen(Lang::Ja, 40, 12));
    insta::assert_snapshot!("highway_en_40x12", queue_screen(Lang::En, 40, 12));
    insta::assert_snapshot!("highway_ja_200x50", queue_screen(Lang::Ja, 200, 50));
}

// ---- correcting a stage gate ----

fn gate(id: i64, label: &str, on: &str, decision: GateDecision, version: i64) -> GateView {
    GateView {
        gate: label.into(),
        decided_on: on.into(),
        decision,
        note: format!("{label}の判定"),
        by: ME.into(),
        id,
        version,
    }
}

fn on_gates() -> App {
    let mut app = sized_in(Lang::Ja, 80, 24);
    let mut d = project_detail(103, 0, 0);
    d.gates = vec![
        gate(7, "SG1", "2025-06-01", GateDecision::Go, 1),
        gate(8, "SG2", "2026-03-10", GateDecision::NoGo, 2),
    ];
    open_detail(&mut app, d);
    app
}

fn form(app: &App) -> &seedline::app::Form {
    match &app.overlay {
        Overlay::Form(f) => f,
        other => panic!("expected a form, found {other:?}"),
    }
}

fn value(app: &App, key: &str) -> String {
    match &form(app)
        .fields
        .iter()
        .find(|f| f.key == key)
        .unwrap()
        .value
    {
        Value::Text(l) | Value::Date { line: l, .. } => l.text.clone(),
        Value::Choice { options, index } => options[*index].code.clone(),
        Value::Body(e) => e.text(),
    }
}

fn focus(app: &mut App, key: &str) {
    for _ in 0..10 {
        if form(app).fields[form(app).focus].key == key {
            return;
        }
        press(app, Key::Tab);
    }
    panic!("no field {key}");
}

#[test]
fn c_corrects_the_newest_gate_on_the_version_loaded_and_u_takes_it_back() {
    let mut app = on_gates();
    assert_eq!(press(&mut app, ch('C')), []);
    let FormKind::GateEdit {
        gate_id, version, ..
    } = &form(&app).kind
    else {
        panic!("{:?}", form(&app).kind);
    };
    assert_eq!((*gate_id, *version), (8, 2), "the newest decision first");
    assert_eq!(value(&app, "gate"), "SG2");
    assert_eq!(value(&app, "decision"), "no_go");
    assert_eq!(value(&app, "date"), "2026-03-10");
    // Unchanged: nothing to save.
    assert_eq!(press(&mut app, Key::Ctrl('s')), []);
    assert!(app.status.as_deref().unwrap().contains("変更はありません"));
    // No-Go was a slip for 条件付きGo (the next choice).
    focus(&mut app, "decision");
    press(&mut app, Key::Right);
    let corrected = NewGate {
        gate: "SG2".into(),
        decided_on: seedline::model::parse_date("2026-03-10").unwrap(),
        decision: GateDecision::Conditional,
        note: "SG2の判定".into(),
    };
    assert_eq!(
        press(&mut app, Key::Ctrl('s')),
        [Effect::Save(Save::GateEdit {
            project_id: 103,
            gate_id: 8,
            version: 2,
            gate: corrected.clone(),
        })]
    );
    let back = NewGate {
        decision: GateDecision::NoGo,
        ..corrected.clone()
    };
    app.update(Action::SaveDone(SaveOutcome::Saved {
        done: Done::GateCorrected {
            gate: "SG2".into(),
            decision: GateDecision::Conditional,
            on: corrected.decided_on,
        },
        undo: vec![Undo::GateEdited {
            gate_id: 8,
            back: back.clone(),
        }],
    }));
    assert!(matches!(app.overlay, Overlay::None));
    assert!(app.notice.as_deref().unwrap().contains("訂正しました"));
    let effects = press(&mut app, ch('u'));
    assert_eq!(
        effects,
        [Effect::Save(Save::Undo(Undo::GateEdited {
            gate_id: 8,
            back
        }))]
    );
}

#[test]
fn choosing_another_gate_fills_its_values_and_delete_is_on_its_version() {
    let mut app = on_gates();
    press(&mut app, ch('C'));
    focus(&mut app, "action");
    press(&mut app, Key::Right); // delete
    focus(&mut app, "target");
    press(&mut app, Key::Right); // the older decision
    let FormKind::GateEdit {
        gate_id, version, ..
    } = &form(&app).kind
    else {
        panic!("{:?}", form(&app).kind);
    };
    assert_eq!((*gate_id, *version), (7, 1));
    assert_eq!(value(&app, "gate"), "SG1", "its own values, not SG2's");
    assert_eq!(value(&app, "decision"), "go");
    assert_eq!(value(&app, "action"), "delete", "the action chosen stays");
    assert_eq!(
        press(&mut app, Key::Ctrl('s')),
        [Effect::Save(Save::GateDelete {
            project_id: 103,
            gate_id: 7,
            version: 1,
            gate: "SG1".into(),
        })]
    );
}

#[test]
fn c_without_a_recorded_gate_says_so() {
    let mut app = sized_in(Lang::En, 80, 24);
    open_detail(&mut app, project_detail(103, 0, 0));
    assert_eq!(press(&mut app, ch('C')), []);
    assert!(matches!(app.overlay, Overlay::None));
    assert_eq!(
        app.status.as_deref(),
        Some("no stage-gate decision to correct (a records one)")
    );
}
