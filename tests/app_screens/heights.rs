//! The content height each screen reports (what scrolling stops at and what `seedline show`
//! sizes its output by) against what its drawing takes, at 80 columns: at `content_height + 2`
//! terminal rows (title and status line) the last body row holds the last content line, at one
//! row less it is cut off, and on a taller terminal nothing is drawn below it.

use super::*;
use seedline::ui::MIN_HEIGHT;

/// Checks the drawing of `app`'s screen against its content height. `last` must hold for the
/// last body row at `content_height + 2` rows; `cut` names what one row less must not show.
fn check(app: &mut App, last: impl Fn(&str) -> bool, cut: &str) {
    let content = app.screen().content_height().expect("a content height");
    let tall = body_rows(app, 80, content as u16 + 8);
    let drawn = tall
        .iter()
        .rposition(|r| !r.is_empty())
        .map_or(0, |i| i + 1);
    assert_eq!(
        drawn,
        content,
        "content height {content}, drawn {drawn} rows:\n{}",
        tall.join("\n")
    );
    if content as u16 + 1 < MIN_HEIGHT {
        return; // smaller terminals only show "terminal too small"
    }
    let body = body_rows(app, 80, content as u16 + 2);
    assert!(
        last(&body[content - 1]),
        "last body row at {} rows: {:?}",
        content + 2,
        body[content - 1]
    );
    let short = body_rows(app, 80, content as u16 + 1);
    assert!(
        !short.iter().any(|r| r.contains(cut)),
        "{cut:?} still drawn at {} rows:\n{}",
        content + 1,
        short.join("\n")
    );
}

fn contains(s: &str) -> impl Fn(&str) -> bool + '_ {
    move |row| row.contains(s)
}

#[test]
fn list() {
    let mut app = app();
    open_list(&mut app, 101..=130);
    app.update(Action::RowsLoaded(rows(121..=130)));
    assert_eq!(app.screen().content_height(), Some(32));
    check(&mut app, contains(&amed_id(130)), &amed_id(130));
}

#[test]
fn list_before_its_answer() {
    let mut app = app();
    press(&mut app, Key::Tab);
    assert_eq!(app.screen().content_height(), Some(2));
    check(&mut app, contains("課題管理番号"), "課題管理番号");
}

#[test]
fn list_without_matches() {
    let mut app = app();
    open_list(&mut app, []);
    check(
        &mut app,
        contains("該当する課題はありません"),
        "該当する課題はありません",
    );
}

#[test]
fn detail() {
    let mut app = app();
    open_detail(&mut app, project_detail(103, 5, 3));
    let lines: Vec<String> = detail_state(&app)
        .lines
        .iter()
        .map(|l| l.text().trim_end().to_string())
        .collect();
    let n = lines.len();
    let last = lines[n - 1].clone();
    assert!(!last.is_empty());
    check(&mut app, |row| row.trim_end() == last, &last);
    // Every line is drawn where the layout puts it.
    let body = body_rows(&mut app, 80, n as u16 + 2);
    let drawn: Vec<String> = body.iter().map(|r| r.trim_end().to_string()).collect();
    assert_eq!(drawn, lines);
}

#[test]
fn detail_while_loading() {
    let mut app = app();
    open_list(&mut app, 103..=103);
    press(&mut app, Key::Enter);
    check(&mut app, contains("..."), "...");
}

fn due_board(items: Vec<DueItem>) -> App {
    let mut app = app();
    keys(&mut app, &[Key::Tab, Key::Tab, Key::Tab, Key::Tab]);
    app.update(Action::DueLoaded(items));
    app
}

fn twenty_five_due() -> Vec<DueItem> {
    let owners = [ME, "佐藤 一郎", "鈴木 美咲"];
    (0..25)
        .map(|i| due_item(i, 3 * (24 - i), owners[i as usize % 3]))
        .collect()
}

#[test]
fn due_items() {
    let mut app = due_board(twenty_five_due());
    assert_eq!(app.screen().content_height(), Some(27));
    check(&mut app, contains(&amed_id(124)), &amed_id(124));
}

#[test]
fn due_per_officer() {
    let mut app = due_board(twenty_five_due());
    press(&mut app, ch('t'));
    assert_eq!(app.screen().content_height(), Some(7));
    let owners: Vec<String> = due(&app).board.iter().map(|r| r.owner.clone()).collect();
    assert_eq!(owners.len(), 3);
    // The total row and the line on how rows count stay at the bottom; the last officer's row
    // goes first.
    check(&mut app, |row| row.starts_with("  担当者の行"), &owners[2]);
}

#[test]
fn due_per_officer_with_many_officers() {
    let items: Vec<DueItem> = (0..12)
        .map(|i| due_item(i, 40, &format!("担当者{i:02}")))
        .collect();
    let mut app = due_board(items);
    press(&mut app, ch('t'));
    assert_eq!(app.screen().content_height(), Some(16));
    check(&mut app, |row| row.starts_with("  担当者の行"), "担当者11");
}

#[test]
fn due_nothing_due() {
    let mut app = due_board(Vec::new());
    assert_eq!(app.screen().content_height(), Some(3));
    check(
        &mut app,
        contains("30日以内の期限・フォローアップはありません"),
        "30日以内",
    );
}

#[test]
fn due_while_loading() {
    let mut app = app();
    keys(&mut app, &[Key::Tab, Key::Tab, Key::Tab, Key::Tab]);
    check(&mut app, contains("課題管理番号"), "課題管理番号");
}

fn history_of(n: usize) -> App {
    let mut app = app();
    open_detail(&mut app, project_detail(103, 0, 0));
    press(&mut app, ch('H'));
    app.update(Action::HistoryLoaded(history_entries(n)));
    app
}

#[test]
fn history() {
    let mut app = history_of(30);
    assert_eq!(app.screen().content_height(), Some(31));
    check(&mut app, contains("メモ: 記録29"), "メモ: 記録29");
}

#[test]
fn history_empty() {
    let mut app = history_of(0);
    assert_eq!(app.screen().content_height(), Some(2));
    check(
        &mut app,
        contains("記録された変更はありません"),
        "記録された変更はありません",
    );
}

fn budget_of(pivot: BudgetPivot) -> App {
    let mut app = app();
    press(&mut app, ch('B'));
    app.update(Action::BudgetLoaded(Box::new(pivot)));
    app
}

#[test]
fn budget() {
    let mut app = budget_of(budget_pivot(BudgetRows::IntegratedProject, 25));
    assert_eq!(app.screen().content_height(), Some(28));
    // The totals row stays at the bottom; the last row above it goes first.
    check(&mut app, |row| row.starts_with(" 計"), "行24");
}

#[test]
fn budget_without_allocations() {
    let mut app = budget_of(BudgetPivot::default());
    assert_eq!(app.screen().content_height(), Some(2));
    check(
        &mut app,
        contains("配分額が登録されていません"),
        "配分額が登録",
    );
}

fn funnel_of(n: usize) -> App {
    let mut app = app();
    press(&mut app, ch('F'));
    app.update(Action::FunnelLoaded(Box::new(funnel_data(2026, n))));
    app
}

#[test]
fn funnel() {
    let mut app = funnel_of(14);
    assert_eq!(app.screen().content_height(), Some(25));
    check(&mut app, contains("統合PJ13"), "統合PJ13");
}

#[test]
fn funnel_without_ended_stays() {
    let mut app = funnel_of(0);
    assert_eq!(app.screen().content_height(), Some(12));
    check(
        &mut app,
        contains("この年度に終えた滞在はありません"),
        "この年度に終えた滞在はありません",
    );
}

fn pi_of(ids: std::ops::RangeInclusive<i64>) -> App {
    let mut app = app();
    open_detail(&mut app, project_detail(103, 0, 0));
    press(&mut app, ch('P'));
    let key = PiKey::Pi(pi_name(103));
    app.update(Action::PiLoaded(Box::new(pi_overview(key, ids))));
    app
}

#[test]
fn pi() {
    let mut app = pi_of(201..=225);
    assert_eq!(app.screen().content_height(), Some(29));
    check(&mut app, contains(&amed_id(225)), &amed_id(225));
}

fn links_of(n: usize) -> App {
    let mut app = app();
    open_detail(&mut app, project_detail(103, 0, n));
    press(&mut app, ch('L'));
    app
}

#[test]
fn links() {
    let mut app = links_of(25);
    assert_eq!(app.screen().content_height(), Some(27));
    check(&mut app, contains("報告書25"), "報告書25");
}

#[test]
fn links_none() {
    let mut app = links_of(0);
    assert_eq!(app.screen().content_height(), Some(3));
    check(
        &mut app,
        contains("添付リンクはありません"),
        "添付リンクはありません",
    );
}

#[test]
fn screens_loading_take_one_line() {
    let mut app = app();
    open_detail(&mut app, project_detail(103, 0, 0));
    press(&mut app, ch('P'));
    check(&mut app, contains("読み込み中"), "読み込み中");
    press(&mut app, ch('B'));
    check(&mut app, contains("読み込み中"), "読み込み中");
    press(&mut app, ch('F'));
    check(&mut app, contains("読み込み中"), "読み込み中");
}

#[test]
fn outcome_tally() {
    use seedline::model::{OutcomeTally, TallyRow};
    let rows: Vec<TallyRow> = (0..20)
        .map(|i| TallyRow {
            id: i,
            code: format!("ip{i}"),
            period: 3,
            name_ja: format!("統合PJ{i:02}"),
            name_en: format!("IP {i:02}"),
            counts: vec![[i, 1, 2, 3, 4], [0, 0, 0, 0, 1]],
        })
        .collect();
    let tally = OutcomeTally {
        years: vec![FiscalYear(2025), FiscalYear(2026)],
        rows,
    };
    let mut app = app();
    press(&mut app, ch('T'));
    app.update(Action::OutcomesLoaded(Box::new(tally)));
    assert_eq!(app.screen().content_height(), Some(25));
    // The totals row stays at the bottom; the last row above it goes first.
    check(&mut app, |row| row.starts_with(" 計"), "統合PJ19");
    let mut empty = super::app();
    press(&mut empty, ch('T'));
    empty.update(Action::OutcomesLoaded(Box::default()));
    check(
        &mut empty,
        contains("成果が記録されていません"),
        "成果が記録",
    );
}
