//! Where the time of `benches/tui.rs` goes: the store calls behind the TUI's effects and the app's
//! own work on their answers, timed one by one on the same 100,000-project database (divan).
//!
//! Run (release profile; shares the database of `benches/tui.rs`, generated on first use):
//!
//! ```sh
//! cargo bench --bench breakdown
//! ```
//!
//! - `store::reference`: reference data the app is created with (`Store::reference`).
//! - `store::matrix`, `store::headline`, `store::project_count`: the dashboard's three effects.
//! - `store::project_ids`: the `LoadList` effect for the filter in the argument (ids of every
//!   matching project, default sort by 課題管理番号); `""` is the unfiltered list of all 100,000.
//! - `store::project_rows_20`: the `LoadRows` effect for one 80x24 screen (20 rows in the middle).
//! - `store::project_detail`: the `LoadDetail` effect (`typical` project / one with 1,000 notes).
//! - `app::set_ids_100k`: the app taking a `LoadList` answer of 100,000 ids (`ListState::set_ids`).
//! - `app::detail_layout`: wrapping a loaded project into lines for 80 columns
//!   (`app::detail::layout`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use divan::Bencher;
use seedline::Lang;
use seedline::app::detail::layout;
use seedline::app::{ListKind, ListState};
use seedline::model::Pivot;
use seedline::model::Sort;
use seedline::query::{Filter, resolve};

fn main() {
    if !std::env::args().any(|a| a == "--list") {
        common::bench_db();
    }
    divan::main();
}

fn project_id(which: &str) -> i64 {
    let db = common::bench_db();
    match which {
        "typical" => db.typical_project,
        _ => db.heavy_project,
    }
}

mod store {
    use super::*;

    #[divan::bench]
    fn reference(bencher: Bencher) {
        let store = common::open_store();
        bencher.bench_local(|| store.reference().expect("reference"));
    }

    #[divan::bench]
    fn matrix(bencher: Bencher) {
        let store = common::open_store();
        bencher.bench_local(|| {
            store
                .matrix(Pivot::IntegratedProject, common::today())
                .expect("matrix")
        });
    }

    #[divan::bench]
    fn headline(bencher: Bencher) {
        let store = common::open_store();
        bencher.bench_local(|| store.headline(common::today()).expect("headline"));
    }

    #[divan::bench]
    fn project_count(bencher: Bencher) {
        let store = common::open_store();
        bencher.bench_local(|| store.project_count().expect("count"));
    }

    #[divan::bench(
        args = ["", "が", "がん", "iPS", "細胞治", "phase:非臨床", "ip:drug flag:highway", "due:overdue"],
        max_time = 10,
    )]
    fn project_ids(bencher: Bencher, query: &str) {
        let store = common::open_store();
        let filter = resolve(query, &store.reference().expect("reference")).expect("filter");
        bencher.bench_local(|| {
            store
                .project_ids(&filter, Sort::default(), &common::scope())
                .expect("ids")
        });
    }

    #[divan::bench]
    fn project_rows_20(bencher: Bencher) {
        let store = common::open_store();
        let ids = store
            .project_ids(&Filter::default(), Sort::default(), &common::scope())
            .expect("ids");
        let screen = &ids[common::bench_db().projects / 2..common::bench_db().projects / 2 + 20];
        bencher.bench_local(|| store.project_rows(screen, &common::scope()).expect("rows"));
    }

    #[divan::bench(args = ["typical", "1000_notes"])]
    fn project_detail(bencher: Bencher, which: &str) {
        let store = common::open_store();
        let id = project_id(which);
        bencher.bench_local(|| store.project_detail(id).expect("detail"));
    }
}

mod app {
    use super::*;

    #[divan::bench]
    fn set_ids_100k(bencher: Bencher) {
        let store = common::open_store();
        let ids = store
            .project_ids(&Filter::default(), Sort::default(), &common::scope())
            .expect("ids");
        let mut list = ListState::new(
            ListKind::Projects,
            String::new(),
            String::new(),
            Filter::default(),
        );
        list.set_ids(ids.clone(), 20);
        list.cursor = common::bench_db().projects / 2;
        bencher
            .with_inputs(|| (list.clone(), ids.clone()))
            .bench_local_values(|(mut list, ids)| {
                list.set_ids(ids, 20);
                list
            });
    }

    #[divan::bench(args = ["typical", "1000_notes"])]
    fn detail_layout(bencher: Bencher, which: &str) {
        let store = common::open_store();
        let detail = store.project_detail(project_id(which)).expect("detail");
        let today = common::today().to_string();
        bencher.bench_local(|| layout(&detail, Lang::Ja, 80, &today));
    }
}
