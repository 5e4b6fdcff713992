//! The accept > successor journey through the real state machine, runtime effects and store:
//! a flag raised, recommended and accepted on the detail by keyboard, the successor offer, the
//! successor created from the prefilled form (project, the predecessor's PS / PO and the highway
//! link in one transaction), the chain shown on both details; and the failures that write
//! nothing (a 課題管理番号 already taken; a link refused after the project was inserted).

use crate::project_tui::detail;
use crate::ui::Harness;
use seedline::Lang;
use seedline::app::keymap::Key;
use seedline::app::{Overlay, Screen};
use seedline::model::{FlagStatus, LineageKind, NewProject};

use Key::Char as K;

/// Rows of the tables the successor writes, seen from another connection:
/// (projects, assignments, links, audit rows).
fn counts(t: &Harness) -> (i64, i64, i64, i64) {
    let conn = rusqlite::Connection::open(t.home.path("ui.db")).unwrap();
    conn.query_row(
        "SELECT (SELECT count(*) FROM project), (SELECT count(*) FROM project_officer),
                (SELECT count(*) FROM project_lineage), (SELECT count(*) FROM audit_log)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )
    .unwrap()
}

/// JP25fx0000020's detail with its flag accepted by keyboard: the successor offer is open.
fn accepted() -> Harness {
    let mut t = Harness::new(Lang::Ja, 100, 30);
    t.keys(&[Key::Tab, K('g')]);
    for _ in 0..19 {
        t.keys(&[K('j')]);
    }
    t.keys(&[Key::Enter]);
    assert_eq!(detail(&t).amed_id, "JP25fx0000020");
    t.keys(&[K('f')]);
    t.keys(&[Key::Tab, Key::Tab]);
    t.type_text("非臨床POC取得、企業導出の見込み");
    t.keys(&[Key::Ctrl('s')]);
    t.keys(&[K('m')]);
    t.type_text("推薦書を送付");
    t.keys(&[Key::Ctrl('s')]);
    assert_eq!(detail(&t).flags[0].status, FlagStatus::Recommended);
    t.keys(&[K('m')]);
    t.type_text("PS/PO会議で採用");
    t.keys(&[Key::Ctrl('s')]);
    assert_eq!(detail(&t).flags[0].status, FlagStatus::Accepted);
    let Overlay::Successor(o) = &t.app.overlay else {
        panic!("no successor offer: {:?}", t.app.overlay);
    };
    assert!(
        o.candidates.is_some(),
        "the target program's projects loaded"
    );
    t
}

#[test]
fn accepting_then_create_writes_the_successor_with_its_officers_and_the_link() {
    let mut t = accepted();
    let pred = detail(&t).clone();
    let flag_id = pred.flags[0].id;
    assert!(
        t.screen_text()
            .contains("新規課題を作成（前身から引き継ぎ）")
    );
    t.keys(&[Key::Enter]);
    assert!(matches!(t.app.overlay, Overlay::Form(_)));
    t.type_text("JP27zz0000001");
    t.keys(&[Key::Ctrl('s')]);
    assert!(
        matches!(t.app.overlay, Overlay::None),
        "saved: {:?}",
        t.app.status
    );
    let notice = t.app.notice.clone().unwrap_or_default();
    assert!(notice.contains("JP27zz0000001"), "{notice}");
    assert!(notice.contains("PS/PO 2 名"), "{notice}");

    let id = t.store.project_id("JP27zz0000001").unwrap();
    let succ = t.store.project_detail(id).unwrap();
    assert_eq!(succ.title, pred.title);
    assert_eq!(succ.pi_name, pred.pi_name);
    assert_eq!(succ.institution, pred.institution);
    assert_eq!(succ.disease_areas, pred.disease_areas);
    assert_eq!(succ.modality, pred.modality);
    assert_eq!(succ.phase, pred.phase);
    assert_eq!(succ.program_ja, pred.flags[0].target_ja);
    assert_eq!(succ.start_date, "2027-04-01", "the day after 2027-03-31");
    let mut officers = succ.officers.clone();
    let mut before: Vec<_> = pred
        .officers
        .iter()
        .filter(|(_, role)| role == "PS" || role == "PO")
        .cloned()
        .collect();
    officers.sort();
    before.sort();
    assert_eq!(
        officers, before,
        "the predecessor's PS and PO follow the seed"
    );
    assert_eq!(officers.len(), 2);

    let links = t.store.lineage_links().unwrap();
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].predecessor.id, pred.id);
    assert_eq!(links[0].successor.id, id);
    assert_eq!(links[0].kind, LineageKind::Highway);
    assert_eq!(links[0].flag.map(|f| f.id), Some(flag_id));
    assert_eq!(links[0].gap_days(), Some(0), "seamless");

    // The predecessor's detail (reloaded) shows the successor; J focuses it, Enter opens it.
    let text = t.screen_text();
    assert!(text.contains("JP27zz0000001"), "{text}");
    assert!(text.contains("切れ目なし"), "{text}");
    t.keys(&[K('J'), Key::Enter]);
    assert_eq!(detail(&t).id, id);
    assert!(matches!(t.app.screen(), Screen::Detail(_)));
    assert_eq!(detail(&t).lineage.before.len(), 1);
    t.keys(&[Key::Esc]);
    assert_eq!(detail(&t).id, pred.id);
}

#[test]
fn a_taken_number_refuses_the_save_and_writes_nothing() {
    let mut t = accepted();
    t.keys(&[Key::Enter]);
    let before = counts(&t);
    t.type_text("JP25fx0000001");
    t.keys(&[Key::Ctrl('s')]);
    assert!(
        matches!(t.app.overlay, Overlay::Form(_)),
        "the form stays open with what was typed"
    );
    assert!(t.app.status.is_some(), "the refusal is shown");
    assert_eq!(
        counts(&t),
        before,
        "no project, assignment, link or audit row"
    );
}

#[test]
fn choosing_an_existing_project_links_it_and_u_takes_the_link_back() {
    let mut t = accepted();
    let pred = detail(&t).id;
    let Overlay::Successor(o) = &t.app.overlay else {
        unreachable!()
    };
    let first = o.candidates.as_ref().unwrap()[0].clone();
    t.keys(&[Key::Down, Key::Down, Key::Enter]);
    assert!(
        matches!(t.app.overlay, Overlay::None),
        "the offer closes once linked"
    );
    assert!(
        t.app
            .notice
            .as_deref()
            .unwrap_or("")
            .contains(&first.amed_id)
    );
    let links = t.store.lineage_links().unwrap();
    assert_eq!(links.len(), 1);
    assert_eq!(
        (links[0].predecessor.id, links[0].successor.id),
        (pred, first.id)
    );
    assert_eq!(links[0].kind, LineageKind::Highway);
    t.keys(&[K('u')]);
    assert!(
        t.store.lineage_links().unwrap().is_empty(),
        "u removed the link"
    );
}

#[test]
fn a_link_refused_inside_the_transaction_leaves_no_project_nor_assignment() {
    let mut t = Harness::new(Lang::Ja, 100, 30);
    let pred = t.store.project_id("JP25fx0000020").unwrap();
    let author = t.app.author.clone();
    t.store
        .retire_project(pred, None, "重複登録", &author)
        .unwrap();
    let before = counts(&t);
    let p = NewProject {
        amed_id: "JP27zz0000002".into(),
        ..crate::common::fixture::new_project("JP27zz0000002", "後継課題")
    };
    let today = "2026-12-04".parse().unwrap();
    let err = t.store.create_successor(pred, None, &p, today).unwrap_err();
    assert!(
        err.text(Lang::En).contains("retired"),
        "{}",
        err.text(Lang::En)
    );
    assert_eq!(
        counts(&t),
        before,
        "the project insert was rolled back with the link"
    );
    assert!(t.store.project_id_any("JP27zz0000002").is_err());
}

#[test]
fn self_links_cycles_and_unknown_projects_are_refused_with_nothing_changed() {
    let mut t = Harness::new(Lang::En, 100, 30);
    let a = t.store.project_id("JP25fx0000001").unwrap();
    let b = t.store.project_id("JP25fx0000002").unwrap();
    t.store
        .link_lineage(a, b, LineageKind::Pairing, None)
        .unwrap();
    let before = counts(&t);
    for (pred, succ, why) in [(a, a, "itself"), (b, a, "cycle"), (a, 999_999, "999999")] {
        let err = t
            .store
            .link_lineage(pred, succ, LineageKind::Matching, None)
            .unwrap_err();
        assert!(err.text(Lang::En).contains(why), "{}", err.text(Lang::En));
        assert_eq!(counts(&t), before);
    }
}
