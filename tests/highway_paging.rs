//! The highway queue read from the flags' index (issue 15): its first screen and its whole list
//! are the projects with an open flag, oldest flag first, ties by 課題管理番号, retired projects
//! left out; the same answer as the general list query sorted by flag age.

use crate::common::{Home, raw, today};
use seedline::demo::{DemoOptions, generate};
use seedline::model::{Scope, Sort, SortKey};
use seedline::query::{Filter, FlagFilter};

/// The queue as the general list query answered it before (a correlated sort of every project).
fn general(path: &std::path::Path, dir: &str) -> Vec<i64> {
    let conn = raw(path);
    let sql = format!(
        "SELECT p.id FROM project p WHERE p.retired_at IS NULL AND EXISTS (SELECT 1 FROM highway_flag f
           WHERE f.project_id = p.id AND f.status IN ('candidate', 'recommended'))
         ORDER BY coalesce((SELECT min(f.created_at) FROM highway_flag f WHERE f.project_id = p.id
           AND f.status IN ('candidate', 'recommended')), '9999') {dir}, p.amed_id {dir}"
    );
    let mut stmt = conn.prepare(&sql).unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn the_highway_queue_from_the_flag_index_is_the_queue_in_order() {
    let home = Home::new();
    let mut store = home.store("h.db");
    generate(&mut store, &DemoOptions::new(today()), &mut |_, _, _| {}).unwrap();
    let path = home.path("h.db");
    // Ties: several open flags raised at the same moment; and a retired project left out.
    raw(&path)
        .execute_batch(
            "UPDATE highway_flag SET created_at = (SELECT min(created_at) FROM highway_flag)
               WHERE id IN (SELECT id FROM highway_flag WHERE status IN ('candidate', 'recommended')
                            ORDER BY id DESC LIMIT 6);
             UPDATE project SET retired_at = '2026-11-01', retired_reason = 'test'
               WHERE id = (SELECT project_id FROM highway_flag WHERE status = 'candidate' ORDER BY id LIMIT 1);",
        )
        .unwrap();
    let filter = Filter {
        flag: Some(FlagFilter::Open),
        ..Filter::default()
    };
    let scope = Scope::new(today(), "x");
    for (descending, dir) in [(false, "ASC"), (true, "DESC")] {
        let expected = general(&path, dir);
        assert!(expected.len() > 20, "{}", expected.len());
        let sort = Sort {
            key: SortKey::FlagAge,
            descending,
        };
        assert_eq!(store.project_ids(&filter, sort, &scope).unwrap(), expected);
        for limit in [1, 3, 7, 21, expected.len() + 5] {
            let head = store
                .project_ids_head(&filter, sort, &scope, limit)
                .unwrap();
            let n = limit.min(expected.len());
            assert_eq!(head.as_deref(), Some(&expected[..n]), "first {limit}");
        }
    }
}
