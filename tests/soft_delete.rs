//! A soft-deleted note leaves every count, board, search and export, and comes back on restore.
//! Each figure is read before the note, with it, deleted and restored, on a project (20) that has
//! no other note, so each figure moves by exactly one.

use crate::common::{Home, fixture, raw, today};
use seedline::model::{Author, MatrixOptions, NewNote, NoteKind, Pivot, Scope, Sort, parse_date};
use seedline::query::resolve;
use seedline::store::Store;

const PROJECT: i64 = 20;
const AMED_ID: &str = "JP25fx0000020";
/// A word no fixture text holds (long enough for the trigram index).
const WORD: &str = "ゾウリムシ監査語";
/// A two-character word no fixture text holds: the short-word path.
const SHORT: &str = "鵺鵼";

fn me() -> Scope {
    Scope::new(today(), "岩崎美紀")
}

/// Every place the note could show up, as read through the store and the CLI.
#[derive(Debug, Clone, PartialEq)]
struct Seen {
    /// The dashboard's `!n` of project 20's cell (integrated project × phase), everyone's.
    cell_due: i64,
    /// The same cell on my dashboard (projects assigned to 岩崎 美紀: 20 is one).
    my_cell_due: i64,
    /// The disease-area pivot's total of follow-ups due.
    area_total_due: i64,
    /// The headline's overdue follow-ups.
    headline_overdue: i64,
    /// Follow-up items of project 20 on the due board (everyone's and mine).
    due_board: usize,
    my_due_board: usize,
    /// `/ゾウリムシ監査語`: the full list and its first screen.
    search: Vec<i64>,
    search_head: Option<Vec<i64>>,
    /// `/鵺鵼`, asked twice (the first goes to SQL, the second to the in-memory copy).
    short_search: (Vec<i64>, Vec<i64>),
    /// `due:overdue` lists project 20.
    due_filter: bool,
    /// The portfolio list's follow-up mark and last-note date of project 20.
    follow_up_mark: bool,
    last_note: Option<String>,
    /// Notes of project 20 in the detail, `export notes` (store) and `seedline export notes`.
    detail_notes: usize,
    exported: Vec<String>,
    cli_export_has_word: bool,
}

fn seen(s: &Store, home: &Home) -> Seen {
    let (ip, phase): (i64, i64) = raw(&home.path("s.db"))
        .query_row(
            "SELECT integrated_project_id, phase FROM project WHERE id = ?1",
            [PROJECT],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let cell = |options: &MatrixOptions| {
        let m = s
            .matrix_with(Pivot::IntegratedProject, today(), options)
            .unwrap();
        let row = m.rows.iter().find(|r| r.id == ip).unwrap();
        row.cells[phase as usize - 1].follow_ups_due
    };
    let mine = s.me("岩崎美紀").unwrap();
    let my_options = MatrixOptions {
        officers: Some(mine.officer_ids.clone()),
        ..MatrixOptions::default()
    };
    let reference = s.reference().unwrap();
    let ids = |query: &str| {
        let filter = resolve(query, &reference).unwrap();
        s.project_ids(&filter, Sort::default(), &me()).unwrap()
    };
    let until = today().checked_add_days(chrono::Days::new(30));
    let follow_ups = |items: Vec<seedline::model::DueItem>| {
        items
            .iter()
            .filter(|i| i.project_id == PROJECT && i.note_id().is_some())
            .count()
    };
    let row = s.project_rows(&[PROJECT], &me()).unwrap().remove(0);
    let mut exported = Vec::new();
    s.export_notes(&[PROJECT], |n| {
        exported.push(n.body.clone());
        Ok(())
    })
    .unwrap();
    let cli = home
        .seedline()
        .args(["export", "notes", "--db", "s.db", "--query"])
        .arg(format!("id:{AMED_ID}"))
        .output()
        .unwrap();
    assert!(cli.status.success(), "{cli:?}");
    let head_filter = resolve(WORD, &reference).unwrap();
    Seen {
        cell_due: cell(&MatrixOptions::default()),
        my_cell_due: cell(&my_options),
        area_total_due: s
            .matrix(Pivot::DiseaseArea, today())
            .unwrap()
            .total
            .follow_ups_due,
        headline_overdue: s.headline(today()).unwrap().overdue_follow_ups,
        due_board: follow_ups(s.due_items(until, None).unwrap()),
        my_due_board: follow_ups(s.due_items(until, Some(&mine)).unwrap()),
        search: ids(WORD),
        search_head: s
            .project_ids_head(&head_filter, Sort::default(), &me(), 10)
            .unwrap(),
        short_search: (ids(SHORT), ids(SHORT)),
        due_filter: ids("due:overdue").contains(&PROJECT),
        follow_up_mark: row.follow_up_due,
        last_note: row.last_note,
        detail_notes: s.project_detail(PROJECT).unwrap().notes.len(),
        exported,
        cli_export_has_word: String::from_utf8_lossy(&cli.stdout).contains(WORD),
    }
}

#[test]
fn a_deleted_note_leaves_counts_boards_search_and_exports_and_comes_back_on_restore() {
    let home = Home::new();
    let mut s = fixture::open(&home, "s.db", "tester");
    let before = seen(&s, &home);
    assert_eq!(before.detail_notes, 0, "project 20 starts without notes");
    assert_eq!(before.last_note, None);
    let body = format!("{WORD}の観察と{SHORT}について。\n二行目");
    let note = NewNote {
        kind: NoteKind::Meeting,
        body: body.clone(),
        occurred_on: parse_date("2026-11-01").unwrap(),
        follow_up_on: parse_date("2026-11-10"), // 15 days overdue
    };
    let author = Author::new(Some("岩崎 美紀"), Some("PO"), "iwasaki");
    let id = s.add_note(PROJECT, &note, &author).unwrap();

    let with_note = seen(&s, &home);
    let expected = Seen {
        cell_due: before.cell_due + 1,
        my_cell_due: before.my_cell_due + 1,
        area_total_due: before.area_total_due + 1,
        headline_overdue: before.headline_overdue + 1,
        due_board: 1,
        my_due_board: 1,
        search: vec![PROJECT],
        search_head: Some(vec![PROJECT]),
        // Words of one or two characters search the 課題管理番号, title, PI and institution
        // only (store/short.rs): never a note, live or deleted.
        short_search: (vec![], vec![]),
        due_filter: true,
        follow_up_mark: true,
        last_note: Some("2026-11-01".into()),
        detail_notes: 1,
        exported: vec![body.clone()],
        cli_export_has_word: true,
    };
    assert_eq!(with_note, expected, "the live note shows everywhere");

    s.delete_note(id, &author).unwrap();
    assert_eq!(seen(&s, &home), before, "the deleted note shows nowhere");

    s.restore_note(id).unwrap();
    assert_eq!(seen(&s, &home), expected, "restored, it is back everywhere");
}
