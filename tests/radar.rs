//! The matching radar's membership, exact on a small database at the tests' fixed today
//! (2026-11-25): the `ending:` filter term (days, calendar months, overdue) through the store, the
//! list, `show radar`, `show list --query` and `export --query`.

use crate::common::{Home, fixture, today};
use seedline::model::{
    Author, Criteria, FlagStatus, LineageKind, NewFlag, Scope, Sort, SortKey, parse_date,
};
use seedline::query::resolve;
use seedline::store::Store;

/// Each project: 課題管理番号 suffix, days from today to its end (negative: ended), and what
/// decides (or does not) its seed.
#[derive(Clone, Copy)]
enum Seed {
    Undecided,
    Flag(FlagStatus),
    Successor,
}

const PROJECTS: [(&str, i64, Seed); 11] = [
    ("01", 10, Seed::Undecided),
    ("02", 10, Seed::Flag(FlagStatus::Accepted)),
    ("03", 10, Seed::Flag(FlagStatus::Declined)),
    ("04", 10, Seed::Flag(FlagStatus::Withdrawn)),
    ("05", 10, Seed::Successor),
    ("07", 3, Seed::Flag(FlagStatus::Recommended)),
    ("08", -12, Seed::Undecided),
    ("09", 200, Seed::Undecided),
    ("10", 181, Seed::Undecided),
    ("11", -12, Seed::Flag(FlagStatus::Accepted)),
    ("12", 0, Seed::Undecided),
];

fn id(suffix: &str) -> String {
    format!("JP24rd00000{suffix}")
}

/// A database holding the projects above (and 06, the successor of 05, starting the day after
/// 05 ends and running to 2029).
fn build(home: &Home) -> Store {
    let mut store = home.store("r.db");
    store.set_actor("tester");
    let author = Author::new(Some("岩崎 美紀"), Some("PO"), "tester");
    let reference = store.reference().unwrap();
    let target = reference
        .programs
        .iter()
        .find(|p| p.code == "cancer-practical")
        .unwrap()
        .id;
    for (suffix, days, seed) in PROJECTS {
        let end = today()
            .checked_add_signed(chrono::Duration::days(days))
            .unwrap();
        let mut p = fixture::new_project(&id(suffix), &format!("レーダー課題{suffix}"));
        p.end_date = Some(end);
        let pid = store.insert_project(&p).unwrap();
        match seed {
            Seed::Undecided => {}
            Seed::Flag(status) => {
                let flag = NewFlag {
                    target_program_id: target,
                    reason: "継続の判断".into(),
                    criteria: Criteria::default(),
                    status: FlagStatus::Candidate,
                };
                let fid = store.add_flag(pid, &flag, &author).unwrap();
                if status != FlagStatus::Candidate {
                    store.revert_flag(fid, status, &author).unwrap();
                }
            }
            Seed::Successor => {
                let mut s = fixture::new_project(&id("06"), "レーダー課題06（後継）");
                s.start_date = end.succ_opt().unwrap();
                s.end_date = parse_date("2029-03-31");
                let sid = store.insert_project(&s).unwrap();
                store
                    .link_lineage(pid, sid, LineageKind::Matching, None)
                    .unwrap();
            }
        }
    }
    store
}

/// The 課題管理番号 suffixes matching `query`, in the radar's order (end date, soonest first).
fn members(store: &Store, query: &str) -> Vec<String> {
    let reference = store.reference().unwrap();
    let filter = resolve(query, &reference).unwrap();
    let sort = Sort {
        key: SortKey::EndDate,
        descending: false,
    };
    let scope = Scope::new(today(), "岩崎 美紀");
    let ids = store.project_ids(&filter, sort, &scope).unwrap();
    store
        .project_rows(&ids, &scope)
        .unwrap()
        .into_iter()
        .map(|r| r.amed_id.trim_start_matches("JP24rd00000").to_string())
        .collect()
}

#[test]
fn ending_within_days_leaves_out_decided_seeds_and_seeds_with_a_successor() {
    let home = Home::new();
    let store = build(&home);
    // 12 ends today, 07 (flag recommended: the decision under way) in 3 days, 01 and 04 (its flag
    // withdrawn: nothing decided) in 10; 02 accepted, 03 declined and 05 (successor 06) are out.
    assert_eq!(members(&store, "ending:180"), ["12", "07", "01", "04"]);
    assert_eq!(members(&store, "ending:180d"), ["12", "07", "01", "04"]);
    assert_eq!(members(&store, "ending:9"), ["12", "07"]);
    assert_eq!(members(&store, "ending:0"), ["12"]);
    // 10 ends in 181 days, 09 in 200: in at 365.
    assert_eq!(
        members(&store, "ending:365"),
        ["12", "07", "01", "04", "10", "09"]
    );
}

#[test]
fn ending_in_months_counts_calendar_months_from_today() {
    let home = Home::new();
    let store = build(&home);
    // Six calendar months from 2026-11-25 is 2027-05-25: 10 (181 days) is in, unlike ending:180.
    assert_eq!(members(&store, "ending:6m"), ["12", "07", "01", "04", "10"]);
    assert_eq!(
        members(&store, "ending:6ヶ月"),
        members(&store, "ending:6m")
    );
    assert_eq!(members(&store, "ending:１m"), ["12", "07", "01", "04"]);
}

#[test]
fn ending_overdue_is_ended_without_a_decision() {
    let home = Home::new();
    let store = build(&home);
    // 08 ended 12 days ago undecided; 11 ended then too but its flag was accepted.
    assert_eq!(members(&store, "ending:overdue"), ["08"]);
    assert!(!members(&store, "ending:3650").contains(&"08".to_string()));
    // Combined with other terms like any filter term.
    assert_eq!(members(&store, "ending:180 flag:open"), ["07"]);
}

#[test]
fn a_retired_successor_does_not_count_and_unlinking_puts_the_seed_back() {
    let home = Home::new();
    let mut store = build(&home);
    let reference = store.reference().unwrap();
    let scope = Scope::new(today(), "x");
    let find = |s: &Store, amed: &str| {
        s.project_ids(
            &resolve(&format!("id:{amed}"), &reference).unwrap(),
            Sort::default(),
            &scope,
        )
        .unwrap()[0]
    };
    let (five, six) = (find(&store, &id("05")), find(&store, &id("06")));
    store.unlink_lineage(five, six).unwrap();
    assert_eq!(
        members(&store, "ending:180"),
        ["12", "07", "01", "04", "05"]
    );
}

#[test]
fn bad_ending_values_say_what_would_work() {
    let reference = seedline::model::Reference::builtin();
    for bad in [
        "ending:soon",
        "ending:3651",
        "ending:121m",
        "ending:-5",
        "ending:6y",
    ] {
        let e = resolve(bad, &reference).unwrap_err();
        assert!(
            e.text(seedline::Lang::En).contains("ending:6m"),
            "{bad}: {e}"
        );
        assert!(e.text(seedline::Lang::Ja).contains("overdue"), "{bad}: {e}");
    }
    let e = resolve("ending:", &reference).unwrap_err();
    assert!(e.text(seedline::Lang::Ja).contains("ending:180"), "{e}");
}

fn run(home: &Home, args: &[&str]) -> String {
    let out = home.seedline().args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn show_radar_prints_the_radar_soonest_first_with_days_left() {
    let home = Home::new();
    drop(build(&home));
    let text = run(&home, &["show", "radar", "--db", "r.db", "--width", "120"]);
    assert!(
        text.contains("マッチング・レーダー（180日以内に終了）"),
        "{text}"
    );
    let at = |suffix: &str| text.find(&id(suffix));
    let order: Vec<usize> = ["12", "07", "01", "04"]
        .iter()
        .map(|s| at(s).unwrap_or_else(|| panic!("{s} missing:\n{text}")))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{text}");
    for out in ["02", "03", "05", "06", "08", "09", "10", "11"] {
        assert!(at(out).is_none(), "{out} listed:\n{text}");
    }
    let row = text.lines().find(|l| l.contains(&id("01"))).unwrap();
    assert!(
        row.contains("2026-12-05") && row.contains("残り 10日"),
        "{row}"
    );
    assert!(
        row.contains("革新的がん~") || row.contains("革新的がん医療"),
        "{row}"
    );
    let row = text.lines().find(|l| l.contains(&id("12"))).unwrap();
    assert!(row.contains("今日終了"), "{row}");
    // --days and --lang en.
    let text = run(
        &home,
        &[
            "--lang", "en", "show", "radar", "--days", "365", "--db", "r.db", "--width", "120",
        ],
    );
    assert!(
        text.contains("Matching radar (ending within 365 days)"),
        "{text}"
    );
    let row = text.lines().find(|l| l.contains(&id("09"))).unwrap();
    assert!(row.contains("200 d left"), "{row}");
    // Overdue through the radar's own filter.
    let text = run(
        &home,
        &[
            "show",
            "radar",
            "--query",
            "ending:overdue",
            "--db",
            "r.db",
            "--width",
            "120",
        ],
    );
    assert!(
        text.contains("マッチング・レーダー（終了後・判断なし）"),
        "{text}"
    );
    let row = text.lines().find(|l| l.contains(&id("08"))).unwrap();
    assert!(row.contains("終了後 12日"), "{row}");
    assert!(!text.contains(&id("01")), "{text}");
}

#[test]
fn the_horizon_comes_from_the_config_file_and_bad_days_are_refused() {
    let home = Home::new();
    drop(build(&home));
    std::fs::create_dir_all(home.path("config")).unwrap();
    std::fs::write(home.path("config").join("config.toml"), "radar_days = 9\n").unwrap();
    let text = run(&home, &["show", "radar", "--db", "r.db", "--width", "120"]);
    assert!(text.contains("9日以内"), "{text}");
    assert!(
        text.contains(&id("07")) && !text.contains(&id("01")),
        "{text}"
    );
    let out = home
        .seedline()
        .args(["show", "radar", "--days", "0", "--db", "r.db"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("1 から 3650"), "{err}");
    std::fs::write(home.path("config").join("config.toml"), "radar_days = 0\n").unwrap();
    let out = home
        .seedline()
        .args(["show", "radar", "--db", "r.db"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("radar_days = 0"));
}

#[test]
fn ending_works_in_show_list_and_export() {
    let home = Home::new();
    drop(build(&home));
    let text = run(
        &home,
        &[
            "show",
            "list",
            "--query",
            "ending:overdue",
            "--db",
            "r.db",
            "--width",
            "120",
        ],
    );
    assert!(
        text.contains(&id("08")) && !text.contains(&id("11")),
        "{text}"
    );
    let csv = run(
        &home,
        &[
            "export",
            "projects",
            "--query",
            "ending:180",
            "--db",
            "r.db",
            "-o",
            "-",
        ],
    );
    for s in ["12", "07", "01", "04"] {
        assert!(csv.contains(&id(s)), "{s}:\n{csv}");
    }
    for s in ["02", "05", "08", "10"] {
        assert!(!csv.contains(&id(s)), "{s}:\n{csv}");
    }
}
