//! Outcomes (成果) in the store and on the command line: recording one moves the dashboard's
//! headline by one, deleting takes it back, restoring brings it again; edits are version-checked;
//! every refusal leaves the database as it was; one audit row per change, worded in `history`;
//! the `outcome:` filter term and the tally per integrated project × fiscal year.

use crate::common::{Home, fixture, raw, today};
use seedline::Error;
use seedline::model::{Author, NewOutcome, OutcomeChange, OutcomeKind, Scope, Sort, parse_date};
use seedline::store::Store;
use std::path::Path;

pub fn author(name: &str) -> Author {
    Author::new(Some(name), Some("PO"), "tester")
}

pub fn outcome(kind: OutcomeKind, on: &str, product: Option<&str>, detail: &str) -> NewOutcome {
    NewOutcome {
        kind,
        on: parse_date(on).unwrap(),
        product: product.map(str::to_string),
        detail: detail.into(),
    }
}

/// Outcome rows, audit rows and the database's `data_version` seen from another connection.
pub struct Counts {
    conn: rusqlite::Connection,
    version: i64,
    rows: (i64, i64),
}

fn rows(conn: &rusqlite::Connection) -> (i64, i64) {
    conn.query_row(
        "SELECT (SELECT count(*) FROM outcome), (SELECT count(*) FROM audit_log)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .unwrap()
}

impl Counts {
    pub fn take(db: &Path) -> Counts {
        let conn = raw(db);
        let version = conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .unwrap();
        let rows = rows(&conn);
        Counts {
            conn,
            version,
            rows,
        }
    }

    /// Nothing was written since `take`.
    pub fn unchanged(&self) {
        let version: i64 = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, self.version, "another connection committed");
        assert_eq!(rows(&self.conn), self.rows);
    }

    /// Outcome rows and audit rows added since `take`.
    pub fn added(&self) -> (i64, i64) {
        let now = rows(&self.conn);
        (now.0 - self.rows.0, now.1 - self.rows.1)
    }
}

/// The fixture (5 projects licensed by status only, one approval outcome) and its path.
pub fn fixture_store(home: &Home) -> (Store, std::path::PathBuf) {
    let store = fixture::open(home, "f.db", "tester");
    (store, home.path("f.db"))
}

pub fn headline(store: &Store) -> (i64, i64) {
    let h = store.headline(today()).unwrap();
    (h.licensed, h.approvals)
}

/// The headline's second line as `seedline show dashboard` prints it.
pub fn dashboard_line(home: &Home, db: &Path) -> String {
    let out = home
        .seedline()
        .args(["show", "dashboard", "--db", db.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .find(|l| l.contains("企業導出"))
        .unwrap()
        .to_string()
}

fn cli(home: &Home, db: &Path, args: &[&str]) -> std::process::Output {
    let mut all = args.to_vec();
    all.extend(["--db", db.to_str().unwrap()]);
    home.seedline().args(&all).output().unwrap()
}

#[test]
fn an_approval_moves_the_headline_by_one_and_delete_and_restore_move_it_back() {
    let home = Home::new();
    let (mut store, db) = fixture_store(&home);
    assert_eq!(headline(&store), (5, 1));
    assert!(dashboard_line(&home, &db).contains("薬事承認 1 "));
    let me = author("岩崎 美紀");
    let counts = Counts::take(&db);
    let id = store
        .add_outcome(
            2,
            &outcome(
                OutcomeKind::RegulatoryApproval,
                "2026-09-01",
                Some("新薬A"),
                "承認取得",
            ),
            &me,
        )
        .unwrap();
    assert_eq!(counts.added(), (1, 1), "one outcome, one audit row");
    assert_eq!(headline(&store), (5, 2));
    assert!(dashboard_line(&home, &db).contains("薬事承認 2 "));
    store.delete_outcome(id, &me).unwrap();
    assert_eq!(headline(&store), (5, 1));
    assert!(dashboard_line(&home, &db).contains("薬事承認 1 "));
    store.restore_outcome(id).unwrap();
    assert_eq!(headline(&store), (5, 2));
    assert!(dashboard_line(&home, &db).contains("薬事承認 2 "));
    assert_eq!(
        counts.added(),
        (1, 3),
        "add, delete, restore: three audit rows"
    );
    let record = store.outcome(id).unwrap();
    assert_eq!(record.recorded_by.as_deref(), Some("岩崎 美紀"));
    assert_eq!(record.version, 3);
}

#[test]
fn licensing_counts_each_project_once_whether_by_outcome_or_by_status() {
    let home = Home::new();
    let (mut store, db) = fixture_store(&home);
    let me = author("岩崎 美紀");
    // Project 2 is not licensed by status: its licensing outcome adds one.
    let first = store
        .add_outcome(
            2,
            &outcome(OutcomeKind::Licensing, "2026-05-01", None, "実施許諾"),
            &me,
        )
        .unwrap();
    assert_eq!(headline(&store).0, 6);
    assert!(dashboard_line(&home, &db).contains("企業導出 6 "));
    // A second deal of the same project, and a deal of project 1 (licensed by status): no more.
    store
        .add_outcome(
            2,
            &outcome(OutcomeKind::Licensing, "2026-07-01", None, "権利譲渡"),
            &me,
        )
        .unwrap();
    store
        .add_outcome(
            1,
            &outcome(OutcomeKind::Licensing, "2026-05-01", None, "実施許諾"),
            &me,
        )
        .unwrap();
    assert_eq!(headline(&store).0, 6);
    store.delete_outcome(first, &me).unwrap();
    assert_eq!(headline(&store).0, 6, "project 2 still has its other deal");
}

#[test]
fn the_command_line_adds_lists_edits_deletes_and_restores() {
    let home = Home::new();
    let (store, db) = fixture_store(&home);
    drop(store);
    let out = cli(
        &home,
        &db,
        &[
            "outcome",
            "add",
            "JP25fx0000002",
            "--kind",
            "approval",
            "--date",
            "2026-09-01",
            "--product",
            "新薬A",
            "--detail",
            "承認取得",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    // 成果 #N（…）を … に追加しました
    let n: i64 = text
        .split('#')
        .nth(1)
        .map(|w| {
            w.chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
        })
        .and_then(|w| w.parse().ok())
        .unwrap_or_else(|| panic!("{text}"));
    assert!(dashboard_line(&home, &db).contains("薬事承認 2 "));
    let list = cli(&home, &db, &["outcome", "list", "JP25fx0000002"]);
    let list = String::from_utf8(list.stdout).unwrap();
    assert!(
        list.contains(&format!(
            "#{n}  v1  2026-09-01  薬事承認  「新薬A」  承認取得"
        )),
        "{list}"
    );
    // Edit without --version: the current one.
    let out = cli(
        &home,
        &db,
        &["outcome", "edit", &n.to_string(), "--date", "2026-09-15"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // With a stale version: refused, nothing written.
    let counts = Counts::take(&db);
    let out = cli(
        &home,
        &db,
        &[
            "outcome",
            "edit",
            &n.to_string(),
            "--detail",
            "x",
            "--version",
            "1",
        ],
    );
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("が変更しました"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    counts.unchanged();
    let out = cli(&home, &db, &["outcome", "delete", &n.to_string()]);
    assert!(out.status.success());
    assert!(dashboard_line(&home, &db).contains("薬事承認 1 "));
    let list = cli(&home, &db, &["outcome", "list", "JP25fx0000002", "--all"]);
    assert!(
        String::from_utf8(list.stdout)
            .unwrap()
            .contains("[deleted ")
    );
    let out = cli(&home, &db, &["outcome", "restore", &n.to_string()]);
    assert!(out.status.success());
    assert!(dashboard_line(&home, &db).contains("薬事承認 2 "));
    // The history tells each step in words.
    let history = cli(&home, &db, &["history", "JP25fx0000002"]);
    let history = String::from_utf8(history.stdout).unwrap();
    for words in [
        format!("成果 #{n} 薬事承認 2026-09-01 を記録"),
        format!("成果 #{n} 薬事承認 2026-09-15 を編集（変更: date）（版 2）"),
        format!("成果 #{n} 薬事承認 2026-09-15 を削除"),
        format!("成果 #{n} 薬事承認 2026-09-15 を復元"),
    ] {
        assert!(history.contains(&words), "{words}\n{history}");
    }
}

#[test]
fn refusals_leave_the_database_unchanged() {
    let home = Home::new();
    let (mut store, db) = fixture_store(&home);
    let me = author("岩崎 美紀");
    let paper = outcome(OutcomeKind::Paper, "2026-04-10", None, "Nature 2026");
    let id = store.add_outcome(4, &paper, &me).unwrap();
    let counts = Counts::take(&db);
    // A duplicate (same kind, date, product and detail).
    let e = store.add_outcome(4, &paper, &me).unwrap_err();
    assert!(
        e.to_string()
            .contains(&format!("already recorded as outcome #{id}")),
        "{e}"
    );
    // An unknown project.
    assert!(matches!(
        store.add_outcome(9999, &paper, &me),
        Err(Error::NotFound {
            what: "project",
            ..
        })
    ));
    // Control characters and over-long texts.
    let bad = outcome(OutcomeKind::Paper, "2026-04-10", None, "a\u{1b}]0;x\u{7}");
    assert!(store.add_outcome(4, &bad, &me).is_err());
    let long = outcome(
        OutcomeKind::Paper,
        "2026-04-10",
        Some(&"製".repeat(401)),
        "",
    );
    assert!(store.add_outcome(4, &long, &me).is_err());
    // A stale version, an empty change, a change into a duplicate, an unknown number.
    let change = OutcomeChange {
        detail: Some("Science 2026".into()),
        ..OutcomeChange::default()
    };
    assert!(matches!(
        store.edit_outcome(id, 7, &change, &me),
        Err(Error::Conflict { .. })
    ));
    assert!(
        store
            .edit_outcome(id, 1, &OutcomeChange::default(), &me)
            .is_err()
    );
    assert!(matches!(
        store.edit_outcome(424242, 1, &change, &me),
        Err(Error::NotFound {
            what: "outcome",
            ..
        })
    ));
    assert!(store.restore_outcome(id).is_err(), "not deleted");
    counts.unchanged();
    let other = store
        .add_outcome(
            4,
            &outcome(OutcomeKind::Paper, "2026-04-10", None, "Cell 2026"),
            &me,
        )
        .unwrap();
    let counts = Counts::take(&db);
    let same = OutcomeChange {
        detail: Some("Nature 2026".into()),
        ..OutcomeChange::default()
    };
    assert!(
        store.edit_outcome(other, 1, &same, &me).is_err(),
        "would duplicate #{id}"
    );
    store.delete_outcome(id, &me).unwrap();
    let counts_after_delete = Counts::take(&db);
    assert!(store.delete_outcome(id, &me).is_err(), "already deleted");
    assert!(
        matches!(
            store.edit_outcome(id, 2, &change, &me),
            Err(Error::Conflict { .. })
        ),
        "a deleted outcome is not edited"
    );
    counts_after_delete.unchanged();
    drop(counts);
    // The command line: an unknown project, a bad kind, a bad date.
    let counts = Counts::take(&db);
    for (args, says) in [
        (
            vec![
                "outcome",
                "add",
                "JP99zz",
                "--kind",
                "paper",
                "--date",
                "2026-01-01",
            ],
            "project not found",
        ),
        (
            vec![
                "outcome",
                "add",
                "JP25fx0000004",
                "--kind",
                "patent",
                "--date",
                "2026-01-01",
            ],
            "nonclinical-poc",
        ),
        (
            vec![
                "outcome",
                "add",
                "JP25fx0000004",
                "--kind",
                "paper",
                "--date",
                "2026-02-30",
            ],
            "not a date",
        ),
        (vec!["outcome", "delete", "424242"], "outcome not found"),
    ] {
        let mut args = args;
        args.extend(["--lang", "en"]);
        let out = cli(&home, &db, &args);
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
    }
    counts.unchanged();
}

#[test]
fn a_change_between_reading_and_writing_is_a_conflict() {
    let home = Home::new();
    let (mut a, db) = fixture_store(&home);
    let id = a
        .add_outcome(
            6,
            &outcome(OutcomeKind::ClinicalTrial, "2026-01-10", None, "第I相開始"),
            &author("岩崎 美紀"),
        )
        .unwrap();
    // A reads the version; B saves first; A's save is refused and names B.
    let read = a.outcome(id).unwrap().version;
    let mut b = Store::open(&db, seedline::store::OpenOptions { create: false }).unwrap();
    b.set_actor("other");
    let change = OutcomeChange {
        on: parse_date("2026-02-01"),
        ..OutcomeChange::default()
    };
    b.edit_outcome(id, read, &change, &author("野口 健太"))
        .unwrap();
    let counts = Counts::take(&db);
    let e = a
        .edit_outcome(id, read, &change, &author("岩崎 美紀"))
        .unwrap_err();
    assert!(e.to_string().contains("野口 健太"), "{e}");
    counts.unchanged();
}

#[test]
fn the_outcome_filter_term_finds_projects_by_kind_and_fiscal_year() {
    let home = Home::new();
    let (mut store, _) = fixture_store(&home);
    let me = author("岩崎 美紀");
    store
        .add_outcome(
            7,
            &outcome(OutcomeKind::Licensing, "2026-03-31", None, "FY2025"),
            &me,
        )
        .unwrap();
    let late = store
        .add_outcome(
            8,
            &outcome(OutcomeKind::Licensing, "2026-04-01", None, "FY2026"),
            &me,
        )
        .unwrap();
    let reference = store.reference().unwrap();
    let ids = |store: &Store, q: &str| -> Vec<i64> {
        let filter = seedline::query::resolve(q, &reference).unwrap();
        store
            .project_ids(&filter, Sort::default(), &Scope::new(today(), "x"))
            .unwrap()
    };
    assert_eq!(ids(&store, "outcome:licensing"), [7, 8]);
    assert_eq!(ids(&store, "outcome:企業導出@2025"), [7]);
    assert_eq!(ids(&store, "outcome:licensing@令和8年度"), [8]);
    assert_eq!(
        ids(&store, "outcome:薬事承認"),
        [5],
        "the fixture's approval"
    );
    assert_eq!(ids(&store, "outcome:any@2025"), [3, 5, 7]);
    store.delete_outcome(late, &me).unwrap();
    assert_eq!(
        ids(&store, "outcome:licensing"),
        [7],
        "deleted outcomes do not count"
    );
}

#[test]
fn the_tally_counts_per_integrated_project_and_fiscal_year() {
    let home = Home::new();
    let (mut store, db) = fixture_store(&home);
    let me = author("岩崎 美紀");
    // Project 1 is in `drug`, project 2 in `device` (the fixture cycles the eight).
    for (p, kind, on) in [
        (1, OutcomeKind::Licensing, "2026-03-31"),
        (1, OutcomeKind::Licensing, "2026-04-01"),
        (9, OutcomeKind::Paper, "2026-05-01"),
        (2, OutcomeKind::ClinicalTrial, "2024-12-01"),
    ] {
        store
            .add_outcome(p, &outcome(kind, on, None, on), &me)
            .unwrap();
    }
    let deleted = store
        .add_outcome(
            2,
            &outcome(OutcomeKind::Licensing, "2026-06-01", None, "x"),
            &me,
        )
        .unwrap();
    store.delete_outcome(deleted, &me).unwrap();
    let scope = Scope::new(today(), "x");
    let tally = store.outcome_tally(&Default::default(), &scope).unwrap();
    let years: Vec<i32> = tally.years.iter().map(|y| y.0).collect();
    assert_eq!(
        years,
        [2024, 2025, 2026],
        "from the first outcome to this year"
    );
    assert_eq!(tally.rows.len(), 8, "the 3rd-period projects");
    let drug = tally.rows.iter().position(|r| r.code == "drug").unwrap();
    let lic = Some(OutcomeKind::Licensing);
    assert_eq!(tally.cell(drug, 1, lic), 1, "2026-03-31 is FY2025");
    assert_eq!(tally.cell(drug, 2, lic), 1, "2026-04-01 is FY2026");
    assert_eq!(tally.cell(drug, 2, None), 2, "and a paper of project 9");
    assert_eq!(tally.total(lic), 2, "the deleted one is left out");
    assert_eq!(tally.total(None), 2 + 1 + 1 + 2, "with the fixture's two");
    // Narrowed by a filter.
    let filter = seedline::query::resolve("ip:device", &store.reference().unwrap()).unwrap();
    let narrow = store.outcome_tally(&filter, &scope).unwrap();
    assert_eq!(narrow.total(None), 1);
    // `seedline show outcomes` prints the same figures with AMED's references.
    let out = cli(
        &home,
        &db,
        &["show", "outcomes", "--kind", "licensing", "--width", "100"],
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("成果集計 企業導出 | 計 2"), "{text}");
    assert!(text.contains("434") && text.contains("130"), "{text}");
    let out = cli(&home, &db, &["show", "outcomes", "--kind", "特許"]);
    assert!(!out.status.success());
}
