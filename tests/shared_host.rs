//! Issue 19: the shared-host load test runs for anyone. At tiny scale (2 headless sessions, one
//! writer, 3 seconds, a demo database) it saves notes and finds every one of them in the database
//! exactly once.

use super::common::Home;
use seedline::demo::{DemoOptions, generate};

#[test]
fn the_load_test_saves_notes_and_finds_every_write_exactly_once() {
    let home = Home::new();
    let mut store = home.store("shared.db");
    let options = DemoOptions {
        projects: 200,
        notes: 400,
        flags: 20,
        seed: 19,
        anchor: super::common::today(),
    };
    generate(&mut store, &options, &mut |_, _, _| {}).unwrap();
    drop(store);
    let root = env!("CARGO_MANIFEST_DIR");
    let out = std::process::Command::new("bash")
        .arg(format!("{root}/benches/shared_host.sh"))
        .args(["--sessions", "2", "--writers", "1", "--duration", "3"])
        .args(["--rate", "2", "--idle", "1", "--db"])
        .arg(home.path("shared.db"))
        .env("SHARED_HOST_PROFILE", "dev")
        .env("TMPDIR", home.dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("sessions 2, writers 1, 3 s"),
        "the set-up is stated: {stdout}"
    );
    let saved: usize = stdout
        .lines()
        .find_map(|l| l.strip_prefix("saves: "))
        .and_then(|l| l.split_whitespace().next()?.parse().ok())
        .unwrap_or_else(|| panic!("no save count: {stdout}"));
    assert!(saved >= 5, "2 saves a second for 3 s: {stdout}");
    assert!(
        stdout.contains(&format!(
            "every write present exactly once: yes ({saved} of {saved})"
        )),
        "{stdout}"
    );
    // The notes really are there, on projects, as officers' notes.
    let tagged: i64 = super::common::raw(&home.path("shared.db"))
        .query_row(
            "SELECT count(*) FROM note WHERE body LIKE 'shared-host %'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tagged as usize, saved);
}
