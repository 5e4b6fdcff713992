//! The benchmark database shared by the bench targets: 100,000 demo projects with 1,000,000 notes
//! and 20,000 highway flags, generated once through the library API and reused afterwards, plus one
//! project topped up to 1,000 notes for the heavy detail screen.
//!
//! Where: `$SEEDLINE_BENCH_DB`, or `target/bench/bench-100k.db` in the package (directory `0700`,
//! file `0600`: seedline refuses databases readable by other users). An empty file (an
//! interrupted generation rolls back to empty) is filled with the 100,000-project database; an
//! existing one of 100,000 projects is reused as is (the heavy project topped up); one of any
//! other size (e.g. 1,000,000 projects: `seedline demo --projects 1000000 …`) is measured as it
//! is, opened read-only (nothing is written to it; its heavy project has whatever notes it has).
//! The benches read the size from [`BenchDb::projects`].

use seedline::model::{Date, NoteKind, OfficerRole, Sort};
use seedline::query::Filter;
use seedline::store::{BulkNote, OpenOptions, Store};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Instant;

/// Projects in the generated benchmark database.
pub const PROJECTS: usize = 100_000;
/// Notes the demo generator writes (before the heavy project's top-up).
const NOTES: usize = 1_000_000;
/// Highway flags the demo generator writes.
const FLAGS: usize = 20_000;
/// Notes of the heavy detail project.
pub const HEAVY_NOTES: usize = 1_000;

/// The generator's anchor, also the app's "today" (due and overdue follow-ups are relative to it).
/// Today and an officer name for list queries (`mine` matches nobody: the bench lists everyone).
pub fn scope() -> seedline::model::Scope {
    seedline::model::Scope::new(today(), "bench")
}

pub fn today() -> Date {
    Date::from_ymd_opt(2026, 11, 25).expect("valid date")
}

/// The prepared database and the projects the detail benchmarks open.
pub struct BenchDb {
    pub path: PathBuf,
    /// Live projects in it (100,000 unless `SEEDLINE_BENCH_DB` names another database).
    pub projects: usize,
    /// Opened read-only (a database of another size than the generated one).
    pub read_only: bool,
    /// Row id of the project in the middle of the all-projects list (as many notes as the demo
    /// gave it).
    pub typical_project: i64,
    /// Row id of the project with [`HEAVY_NOTES`] notes (a quarter down the all-projects list).
    pub heavy_project: i64,
}

/// The benchmark database, prepared on first use (generation takes about a minute in release).
pub fn bench_db() -> &'static BenchDb {
    static DB: OnceLock<BenchDb> = OnceLock::new();
    DB.get_or_init(prepare)
}

/// Opens the benchmark database (after preparing it).
pub fn open_store() -> Store {
    let db = bench_db();
    Store::open_with(&db.path, OpenOptions { create: false }, db.read_only)
        .unwrap_or_else(|e| panic!("opening {}: {e}", db.path.display()))
}

fn db_path() -> (PathBuf, bool) {
    match std::env::var_os("SEEDLINE_BENCH_DB") {
        Some(p) if !p.is_empty() => (PathBuf::from(p), false),
        _ => (
            Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench/bench-100k.db"),
            true,
        ),
    }
}

fn prepare() -> BenchDb {
    let (path, default_location) = db_path();
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .unwrap_or_else(|e| panic!("creating {}: {e}", dir.display()));
        if default_location {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
                .unwrap_or_else(|e| panic!("chmod 700 {}: {e}", dir.display()));
        }
    }
    // Looked at read-only first: a database of another size is never written to.
    let count = if path.exists() {
        Store::open_with(&path, OpenOptions { create: false }, true)
            .and_then(|s| s.project_count())
            .map(|n| n as usize)
            .unwrap_or(0)
    } else {
        0
    };
    let read_only = count != 0 && count != PROJECTS;
    let mut store = Store::open_with(&path, OpenOptions { create: true }, read_only)
        .unwrap_or_else(|e| panic!("opening {}: {e}", path.display()));
    if count == 0 && store.project_count().expect("count projects") != 0 {
        panic!(
            "{} holds projects but could not be read read-only (an older schema?): upgrade it first",
            path.display()
        );
    }
    if count == 0 {
        eprintln!(
            "bench: generating {PROJECTS} projects, {NOTES} notes, {FLAGS} flags into {} ...",
            path.display()
        );
        let started = Instant::now();
        let options = seedline::demo::DemoOptions {
            projects: PROJECTS,
            notes: NOTES,
            flags: FLAGS,
            seed: 2025,
            anchor: today(),
        };
        let summary = seedline::demo::generate(&mut store, &options, &mut |_, _, _| {})
            .expect("generate the benchmark database");
        eprintln!(
            "bench: generated in {:.1} s: {summary:?}",
            started.elapsed().as_secs_f64()
        );
    } else {
        eprintln!(
            "bench: reusing {} ({count} projects{})",
            path.display(),
            if read_only { ", read-only" } else { "" }
        );
    }
    let ids = store
        .project_ids(&Filter::default(), Sort::default(), &scope())
        .expect("list projects");
    let projects = ids.len();
    let typical_project = ids[projects / 2];
    let heavy_project = ids[projects / 4];
    if !read_only {
        top_up_notes(&mut store, heavy_project);
    }
    BenchDb {
        path,
        projects,
        read_only,
        typical_project,
        heavy_project,
    }
}

/// Officer notes of varied length (one to several wrapped lines, some with paragraphs).
const BODIES: &[&str] = &[
    "研究代表者と面談。進捗は計画どおり。次回までに非臨床試験計画の見直し案を共有いただく。",
    "サイトビジットを実施。GMP準拠の製造体制について課題を確認し、改善策を助言した。\n\
     特に原薬の規格設定と安定性試験の計画が未確定であり、次回の班会議までに案を示すよう依頼。",
    "PMDA RS戦略相談の事前面談に同席。毒性試験の追加要否について論点を整理。",
    "企業導出に向けて製薬企業2社と面談。秘密保持契約締結済み、評価データを提供予定。\n\
     先方からは用量設定の根拠と競合品との差別化について追加の説明を求められた。\n\n\
     次回: 評価データ送付後に再面談（PS同席）。知財部とも出願状況を共有しておくこと。",
    "進捗報告会。主要評価項目の中間結果は良好。症例登録が遅れており対策を検討中。",
    "ステージゲート審査の準備状況を確認。Go判定に必要なデータが揃う見込み。後継事業へのハイウェイ支援の\
     可能性についても PS と協議し、推薦書の準備を依頼した。達成目標の記載を具体化するよう助言。",
];

const KINDS: &[NoteKind] = &[
    NoteKind::Meeting,
    NoteKind::SiteVisit,
    NoteKind::Pmda,
    NoteKind::Licensing,
    NoteKind::Progress,
    NoteKind::Evaluation,
];

/// Gives `project` [`HEAVY_NOTES`] notes (adds only what is missing, so reruns add nothing).
fn top_up_notes(store: &mut Store, project: i64) {
    let have = store
        .project_detail(project)
        .expect("load heavy project")
        .notes
        .len();
    if have >= HEAVY_NOTES {
        return;
    }
    let first = today() - chrono::Days::new(4 * 365);
    store
        .bulk_load("bench.heavy_notes", |loader| {
            for i in 0..HEAVY_NOTES - have {
                loader.note(&BulkNote {
                    project_id: project,
                    author: "岩崎 美紀",
                    author_role: OfficerRole::Po,
                    kind: KINDS[i % KINDS.len()],
                    body: BODIES[i % BODIES.len()],
                    occurred_on: first + chrono::Days::new((i as u64 * 7) % (4 * 365)),
                    follow_up_on: None,
                    follow_up_done: None,
                })?;
            }
            Ok((
                (),
                serde_json::json!({ "project": project, "notes": HEAVY_NOTES - have }),
            ))
        })
        .expect("add the heavy project's notes");
    eprintln!("bench: project #{project} topped up from {have} to {HEAVY_NOTES} notes");
}
