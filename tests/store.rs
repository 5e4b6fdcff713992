//! The store: opening, refusing foreign or newer files, schema = schema.sql, constraints, counts.

use crate::common::{Home, raw, today};
use seedline::Error;
use seedline::model::{LicensingStatus, Modality, NewProject, Phase, Pivot, Reference, parse_date};
use seedline::store::{LATEST_VERSION, OpenOptions, Store};
use std::os::unix::fs::PermissionsExt;

fn project(id: &str, ip: &str, program: &str, phase: Phase) -> NewProject {
    NewProject {
        amed_id: id.into(),
        title: "ヒトiPS細胞由来心筋シートによる重症心不全治療".into(),
        summary: String::new(),
        pi_name: "佐藤 健一".into(),
        pi_title: "教授".into(),
        institution: "大阪大学".into(),
        program: program.into(),
        integrated_project: ip.into(),
        modality: Modality::Regen,
        phase,
        start_date: parse_date("2024-04-01").unwrap(),
        end_date: parse_date("2027-03-31"),
        budget_total_kyen: Some(120_000),
        partner_company: None,
        licensing_status: LicensingStatus::None,
        disease_areas: vec!["lifestyle".into()],
    }
}

#[test]
fn a_new_database_has_the_pragmas_and_version() {
    let home = Home::new();
    let path = home.path("new.db");
    drop(home.store("new.db"));
    let conn = raw(&path);
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, LATEST_VERSION);
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "database file is private");
}

#[test]
fn the_database_refuses_what_the_domain_refuses() {
    let home = Home::new();
    let mut store = home.store("c.db");
    let id = store
        .insert_project(&project(
            "JP24ck0000001",
            "regen",
            "regen-practical",
            Phase::Clinical,
        ))
        .unwrap();
    let conn = raw(&home.path("c.db"));
    conn.execute_batch("PRAGMA foreign_keys = ON").unwrap();
    let note = |project: i64, date: &str| {
        conn.execute(
            "INSERT INTO note (project_id, author, author_role, kind, body, occurred_on, created_at, updated_at)
             VALUES (?1, 'x', 'PO', 'meeting', 'b', ?2, 't', 't')",
            rusqlite::params![project, date],
        )
    };
    assert!(note(id, "2025-01-10").is_ok());
    let missing = note(id + 999, "2025-01-10").unwrap_err().to_string();
    assert!(missing.contains("FOREIGN KEY"), "{missing}");
    assert!(note(id, "2024-02-30").is_err(), "impossible date refused");
    assert!(note(id, "令和6年").is_err(), "non-ISO date refused");
    let bad_phase = conn.execute("UPDATE project SET phase = 6 WHERE id = ?1", [id]);
    assert!(bad_phase.is_err());
    let flag = |status: &str| {
        conn.execute(
            "INSERT INTO highway_flag (project_id, target_program_id, status, reason, flagged_by, created_at, updated_at)
             VALUES (?1, 1, ?2, 'r', 'x', 't', 't')",
            rusqlite::params![id, status],
        )
    };
    assert!(flag("candidate").is_ok());
    assert!(
        flag("recommended").is_err(),
        "at most one open flag per project"
    );
    assert!(flag("declined").is_ok(), "closed flags are history");
    let update = conn.execute("UPDATE audit_log SET actor = 'x'", []);
    assert!(update.unwrap_err().to_string().contains("append-only"));
    assert!(conn.execute("DELETE FROM audit_log", []).is_err());
}

#[test]
fn a_duplicate_amed_id_is_refused_and_nothing_is_written() {
    let home = Home::new();
    let mut store = home.store("d.db");
    store
        .insert_project(&project(
            "JP24ck0000001",
            "regen",
            "regen-practical",
            Phase::Clinical,
        ))
        .unwrap();
    let err = store
        .insert_project(&project("JP24ck0000001", "drug", "p-promote", Phase::Basic))
        .unwrap_err();
    assert!(err.to_string().contains("already exists"), "{err}");
    assert_eq!(store.project_count().unwrap(), 1);
    let err = store
        .insert_project(&project(
            "JP24ck0000002",
            "drug",
            "no-such-program",
            Phase::Basic,
        ))
        .unwrap_err();
    assert!(err.to_string().contains("no-such-program"), "{err}");
    let audits: i64 = raw(&home.path("d.db"))
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        audits, 1,
        "one audit row per committed change, none for refused ones"
    );
}

#[test]
fn a_database_from_a_newer_seedline_is_refused_naming_both_versions() {
    let home = Home::new();
    drop(home.store("new.db"));
    raw(&home.path("new.db"))
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let err = Store::open(&home.path("new.db"), OpenOptions { create: false })
        .err()
        .unwrap();
    assert!(matches!(err, Error::TooNew { found: 99, .. }));
    let text = err.to_string();
    assert!(
        text.contains("99") && text.contains(&LATEST_VERSION.to_string()),
        "{text}"
    );
}

#[test]
fn files_that_are_not_seedline_databases_are_refused_untouched() {
    let home = Home::new();
    let png = home.path("picture.png");
    let bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR plus some more bytes".to_vec();
    std::fs::write(&png, &bytes).unwrap();
    std::fs::set_permissions(&png, std::fs::Permissions::from_mode(0o600)).unwrap();
    let err = Store::open(&png, OpenOptions { create: true })
        .err()
        .unwrap();
    assert!(err.to_string().contains("not a seedline database"), "{err}");
    assert_eq!(std::fs::read(&png).unwrap(), bytes);

    let other = home.path("other.db");
    raw(&other)
        .execute_batch("CREATE TABLE recipes (name TEXT)")
        .unwrap();
    std::fs::set_permissions(&other, std::fs::Permissions::from_mode(0o600)).unwrap();
    let before = std::fs::read(&other).unwrap();
    let err = Store::open(&other, OpenOptions { create: true })
        .err()
        .unwrap();
    assert!(matches!(err, Error::ForeignDatabase { .. }), "{err}");
    assert_eq!(std::fs::read(&other).unwrap(), before);
}

#[test]
fn a_world_readable_database_is_refused_with_the_fix() {
    let home = Home::new();
    drop(home.store("shared.db"));
    let path = home.path("shared.db");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let err = Store::open(&path, OpenOptions { create: false })
        .err()
        .unwrap();
    assert!(err.to_string().contains("chmod o-rwx"), "{err}");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o660)).unwrap();
    assert!(
        Store::open(&path, OpenOptions { create: false }).is_ok(),
        "group access is fine"
    );
}

#[test]
fn reference_data_holds_the_amed_portfolio() {
    let home = Home::new();
    let store = home.store("r.db");
    let r = store.reference().unwrap();
    let third: Vec<_> = r
        .integrated_projects
        .iter()
        .filter(|p| p.period == 3)
        .map(|p| p.code.as_str())
        .collect();
    assert_eq!(
        third,
        [
            "drug", "device", "regen", "infect", "data", "seeds", "trans", "eco"
        ]
    );
    assert_eq!(
        r.integrated_projects
            .iter()
            .filter(|p| p.period == 2)
            .count(),
        6
    );
    let lifecourse = r
        .disease_areas
        .iter()
        .find(|a| a.name_ja == "ライフコース")
        .unwrap();
    let children: Vec<_> = r
        .disease_areas
        .iter()
        .filter(|a| a.parent_id == Some(lifecourse.id))
        .map(|a| a.name_ja.as_str())
        .collect();
    assert_eq!(
        children,
        [
            "生活習慣病",
            "精神・神経疾患",
            "老年医学・認知症",
            "成育",
            "歯科口腔保健"
        ]
    );
    let promote = r.programs.iter().find(|p| p.code == "p-promote").unwrap();
    let successors: Vec<_> = r
        .successors(promote.id)
        .iter()
        .map(|p| p.name_ja.as_str())
        .collect();
    assert_eq!(successors, ["革新的がん医療実用化研究事業"]);
}

#[test]
fn the_matrix_counts_projects_flags_and_due_follow_ups_per_cell() {
    let home = Home::new();
    let mut store = home.store("m.db");
    let a = store
        .insert_project(&project("JP1", "regen", "regen-practical", Phase::Clinical))
        .unwrap();
    let b = store
        .insert_project(&project("JP2", "regen", "regen-practical", Phase::Clinical))
        .unwrap();
    let c = store
        .insert_project(&project("JP3", "drug", "p-promote", Phase::Basic))
        .unwrap();
    let conn = raw(&home.path("m.db"));
    conn.execute(
        "INSERT INTO highway_flag (project_id, target_program_id, status, reason, flagged_by, created_at, updated_at)
         VALUES (?1, 1, 'recommended', 'r', 'x', 't', 't')",
        [a],
    )
    .unwrap();
    // Each kind of follow-up on a project of its own, so that no cell can hide the boundary:
    // JP1 one overdue (and one done long ago), JP2 one due today, JP3 one due later.
    for (project, due, done) in [
        (a, "2026-11-01", None),
        (a, "2026-10-01", Some("x")),
        (b, "2026-11-25", None),
        (c, "2026-12-31", None),
    ] {
        conn.execute(
            "INSERT INTO note (project_id, author, author_role, kind, body, occurred_on, follow_up_on,
               follow_up_done_at, follow_up_done_by, created_at, updated_at)
             VALUES (?1, 'x', 'PO', 'meeting', 'b', '2026-09-01', ?2, ?3, ?3, 't', 't')",
            rusqlite::params![project, due, done],
        )
        .unwrap();
    }
    let m = store.matrix(Pivot::IntegratedProject, today()).unwrap();
    let regen = m.rows.iter().find(|r| r.code == "regen").unwrap();
    let clinical = regen.cells[Phase::Clinical.index()];
    assert_eq!(
        (
            clinical.projects,
            clinical.open_flags,
            clinical.follow_ups_due
        ),
        (2, 1, 2),
        "JP1 (overdue) and JP2 (due today) both have a follow-up due"
    );
    let basic = m.column_totals[Phase::Basic.index()];
    assert_eq!(
        (basic.projects, basic.follow_ups_due),
        (1, 0),
        "JP3's follow-up is not due yet"
    );
    assert_eq!(m.total.follow_ups_due, 2);
    assert_eq!(m.total.projects, 3);
    assert_eq!(
        m.rows.len(),
        8,
        "2nd-period rows appear only when they hold projects"
    );
    let h = store.headline(today()).unwrap();
    assert_eq!(
        (h.projects, h.open_flags, h.overdue_follow_ups),
        (3, 1, 1),
        "due today is not overdue: only JP1's"
    );
    let areas = store.matrix(Pivot::DiseaseArea, today()).unwrap();
    let lifecourse = areas.rows.iter().find(|r| r.code == "lifecourse").unwrap();
    assert_eq!(
        lifecourse.total.projects, 3,
        "a parent counts its sub-areas' projects"
    );
}

/// The projects `instr()` finds for one- and two-character words, as SQL answered before the
/// in-memory copy: every short word in the short text, 課題管理番号 order.
fn short_words_by_sql(path: &std::path::Path, words: &[&str], extra: &str) -> Vec<i64> {
    let conn = raw(path);
    let mut sql = format!("SELECT p.id FROM project p WHERE {extra}");
    for _ in words {
        sql.push_str(" AND p.id IN (SELECT id FROM project_short WHERE instr(text, ?) > 0)");
    }
    sql.push_str(" ORDER BY p.amed_id");
    let mut stmt = conn.prepare(&sql).unwrap();
    stmt.query_map(rusqlite::params_from_iter(words), |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn short_words_match_exactly_what_sql_instr_matches_and_follow_every_write() {
    use seedline::model::{Coded, Sort, SortKey};
    let home = Home::new();
    let path = crate::common::fixture::build(&home, "s.db");
    let mut store = Store::open(&path, OpenOptions { create: false }).unwrap();
    let reference = store.reference().unwrap();
    let ids = |store: &Store, query: &str, descending: bool| {
        let filter = seedline::query::resolve(query, &reference).unwrap();
        let sort = Sort {
            key: SortKey::AmedId,
            descending,
        };
        store
            .project_ids(
                &filter,
                sort,
                &seedline::model::Scope::new(today(), "fixture"),
            )
            .unwrap()
    };
    let mut any = 0;
    for word in [
        "が", "がん", "東京", "大", "の", "細胞", "JP", "fx", "ｶﾞ", "zz", "学 研",
    ] {
        let folded = seedline::query::resolve(word, &reference).unwrap().words;
        let words: Vec<&str> = folded.iter().map(String::as_str).collect();
        let expected = short_words_by_sql(&path, &words, "1");
        any += expected.len();
        assert_eq!(ids(&store, word, false), expected, "{word}");
        let mut reversed = expected.clone();
        reversed.reverse();
        assert_eq!(ids(&store, word, true), reversed, "{word} descending");
        // With another condition, through SQL with the id list.
        let phase = seedline::model::Phase::ALL[2].ord();
        let expected = short_words_by_sql(&path, &words, &format!("p.phase = {phase}"));
        let query = format!("{word} phase:{}", seedline::model::Phase::ALL[2].name_ja());
        assert_eq!(ids(&store, &query, false), expected, "{query}");
    }
    assert!(any > 0, "the fixture has short-word matches");
    assert!(ids(&store, "ゑ", false).is_empty());
    // This store's own write is seen at once.
    let mut p = project("JP25zz0000001", "drug", "cancer-practical", Phase::Basic);
    p.title = "ゑびす研究".into();
    let id = store.insert_project(&p).unwrap();
    assert_eq!(ids(&store, "ゑ", false), [id]);
    // So is another connection's commit.
    raw(&path)
        .execute(
            "UPDATE project_short SET text = text || 'ゑ' WHERE id = 1",
            [],
        )
        .unwrap();
    assert_eq!(
        ids(&store, "ゑ", false),
        short_words_by_sql(&path, &["ゑ"], "1")
    );
    assert_eq!(ids(&store, "ゑ", false).len(), 2);
}

#[test]
fn the_builtin_reference_is_what_a_new_database_holds() {
    let home = Home::new();
    let store = home.store("new.db");
    let loaded = store.reference().unwrap();
    assert!(!loaded.programs.is_empty() && !loaded.program_links.is_empty());
    assert_eq!(loaded, Reference::builtin());
}

#[test]
fn an_unknown_phase_in_the_database_is_an_error_naming_it() {
    let home = Home::new();
    let path = crate::common::fixture::build(&home, "bad.db");
    let conn = raw(&path);
    conn.execute_batch(
        "PRAGMA foreign_keys = OFF;
         UPDATE project SET phase = 9 WHERE id = (SELECT min(id) FROM project);",
    )
    .unwrap();
    let id: i64 = conn
        .query_row("SELECT min(id) FROM project", [], |r| r.get(0))
        .unwrap();
    drop(conn);
    let store = Store::open(&path, OpenOptions { create: false }).unwrap();
    for err in [
        store.project_detail(id).map(|_| ()).unwrap_err(),
        store.project_phase(id).map(|_| ()).unwrap_err(),
        store
            .project_rows(&[id], &seedline::model::Scope::new(today(), "me"))
            .map(|_| ())
            .unwrap_err(),
    ] {
        let text = err.to_string();
        assert!(
            text.contains("unknown phase code '9'") && text.contains("column"),
            "{text}"
        );
    }
}
