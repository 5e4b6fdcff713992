//! Never lose an officer's work: damaged and foreign files, private permissions, logs without
//! content, crash safety under SIGKILL, backups while others write. (Hostile text: reliability_text.)

use crate::common::{Home, fixture, raw};
use predicates::prelude::*;
use seedline::model::{Author, NewNote, NoteKind, parse_date};
use seedline::store::{OpenOptions, Store};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
#[test]
fn a_corrupted_database_is_reported_without_panic_or_write() {
    let home = Home::new();
    home.seedline()
        .args(["demo", "--db", "ok.db", "--projects", "300"])
        .assert()
        .success();
    raw(&home.path("ok.db"))
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let mut bytes = std::fs::read(home.path("ok.db")).unwrap();
    // Damage pages 2.. (the project table's b-tree and more) but keep the header.
    for b in &mut bytes[4096..4096 * 6] {
        *b = 0x5A;
    }
    std::fs::write(home.path("bad.db"), &bytes).unwrap();
    std::fs::set_permissions(home.path("bad.db"), std::fs::Permissions::from_mode(0o600)).unwrap();
    for args in [vec!["show", "dashboard"], vec!["show", "list"]] {
        home.seedline()
            .args(&args)
            .args(["--db", "bad.db"])
            .assert()
            .failure()
            .stderr(
                predicate::str::contains("整合性検査で問題が見つかりました")
                    .and(predicate::str::contains("panicked").not()),
            );
    }
    assert_eq!(
        std::fs::read(home.path("bad.db")).unwrap(),
        bytes,
        "nothing written to a damaged file"
    );
}

/// Someone who may not write a database seedline can read: the user the tests run as when that is
/// not root (the file is made 0400), or, when it is root (CI), who can write anything, a
/// throwaway uid without a passwd entry that the home is handed over to.
enum Reader {
    Me,
    Uid(u32),
}

impl Reader {
    /// Sets up `home` so that this reader can read `db` and nothing stops it from writing the
    /// home's other files (drafts, logs) but the database is not writable for it.
    fn for_home(home: &Home, db: &std::path::Path) -> Reader {
        std::fs::set_permissions(db, std::fs::Permissions::from_mode(0o400)).unwrap();
        // SAFETY: geteuid never fails.
        if unsafe { libc::geteuid() } != 0 {
            return Reader::Me;
        }
        // SAFETY: getpwuid returns null or static storage; only nullness is read.
        let uid = (61_000u32..65_000)
            .find(|&u| unsafe { libc::getpwuid(u).is_null() })
            .expect("a free uid");
        fn chown_all(path: &std::path::Path, uid: u32) {
            std::os::unix::fs::chown(path, Some(uid), Some(uid)).unwrap();
            if path.is_dir() {
                for entry in std::fs::read_dir(path).unwrap().flatten() {
                    chown_all(&entry.path(), uid);
                }
            }
        }
        chown_all(home.dir.path(), uid);
        Reader::Uid(uid)
    }

    fn apply(&self, cmd: &mut std::process::Command) {
        if let Reader::Uid(uid) = *self {
            // std drops the supplementary groups when root changes the uid.
            cmd.uid(uid).gid(uid);
        }
    }
}

#[test]
fn a_database_the_user_cannot_write_opens_read_only_and_refuses_writes() {
    let home = Home::new();
    let db = fixture::build(&home, "ro.db");
    raw(&db)
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let reader = Reader::for_home(&home, &db);
    let before = std::fs::read(&db).unwrap();
    let run = |args: &[&str]| {
        let mut cmd = home.std_command();
        cmd.args(args).args(["--db", "ro.db"]);
        reader.apply(&mut cmd);
        cmd.output()
    };
    let shown = match run(&["show", "list"]) {
        Ok(out) => out,
        Err(e) if matches!(reader, Reader::Uid(_)) => {
            println!("SKIPPED: cannot run seedline as an unprivileged uid here: {e}");
            return;
        }
        Err(e) => panic!("{e}"),
    };
    assert!(
        shown.status.success(),
        "{}",
        String::from_utf8_lossy(&shown.stderr)
    );
    assert!(String::from_utf8_lossy(&shown.stdout).contains("JP25fx0000001"));
    let refused = run(&[
        "note",
        "add",
        "JP25fx0000001",
        "--kind",
        "meeting",
        "--body",
        "x",
    ])
    .unwrap();
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("ro.db はあなたには読み取り専用です: 変更を保存できません"),
        "{stderr}"
    );

    // The dashboard says so at start, and a note typed there is refused, not lost in silence.
    let mut cmd = crate::pty::command(&home, crate::pty::seedline_bin());
    cmd.args(["--db", "ro.db", "--lang", "en"]);
    reader.apply(&mut cmd);
    let mut tui = crate::pty::Tui::spawn(home, cmd, 160, 30);
    tui.wait_text("opened read-only: changes cannot be saved");
    tui.send("\t");
    tui.wait_for("the list", |s| crate::pty::list_count(s) == Some((45, 45)));
    tui.send("\r");
    tui.wait_text("概要1:");
    tui.send("n");
    tui.wait_text("Author");
    tui.send("読み取り専用の確認");
    tui.wait_text("読み取り専用の確認");
    tui.send("\x13"); // Ctrl-S
    tui.wait_text("is read-only for you: changes cannot be saved");
    // SAFETY: kill(2) on our own child.
    assert_eq!(unsafe { libc::kill(tui.pid(), libc::SIGTERM) }, 0);
    tui.assert_exit_code(143);
    assert_eq!(std::fs::read(&db).unwrap(), before, "not a byte written");
    assert_eq!(
        raw(&db)
            .query_row("SELECT count(*) FROM note", [], |r| r.get::<_, i64>(0))
            .unwrap(),
        24,
        "the fixture's notes only"
    );
}

#[test]
fn read_only_on_request_refuses_writes_even_on_a_writable_file() {
    let home = Home::new();
    fixture::build(&home, "ro.db");
    raw(&home.path("ro.db"))
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let before = std::fs::read(home.path("ro.db")).unwrap();
    home.seedline()
        .args(["show", "dashboard", "--db", "ro.db", "--read-only"])
        .assert()
        .success();
    home.seedline()
        .args([
            "note",
            "add",
            "JP25fx0000001",
            "--kind",
            "meeting",
            "--body",
            "x",
            "--db",
            "ro.db",
            "--read-only",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "はあなたには読み取り専用です: 変更を保存できません",
        ));
    assert_eq!(
        std::fs::read(home.path("ro.db")).unwrap(),
        before,
        "not a byte written"
    );
}

#[test]
fn a_fresh_start_under_umask_022_is_private_and_logs_hold_no_content() {
    let home = Home::new();
    let canary = "CANARY本文XYZ";
    let mut cmd = home.std_command();
    // SAFETY: umask is async-signal-safe and affects only the child.
    unsafe {
        cmd.pre_exec(|| {
            libc::umask(0o022);
            Ok(())
        });
    }
    assert!(cmd.args(["init"]).status().unwrap().success());
    let mode = |p: &str| {
        std::fs::metadata(home.path(p))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode("data"), 0o700);
    assert_eq!(mode("data/seedline.db"), 0o600);
    assert_eq!(mode("state"), 0o700);
    // Write content with a canary in the project, the PI and a note; then read the logs.
    let conn = raw(&home.path("data/seedline.db"));
    conn.execute(
        "INSERT INTO project (amed_id, title, pi_name, institution, program_id, integrated_project_id, modality, phase,
           start_date, created_at, updated_at) VALUES ('JPCANARY', ?1, ?1, ?1, 1, 1, 'drug', 1, '2025-04-01', 't', 't')",
        [canary],
    )
    .unwrap();
    home.seedline()
        .args([
            "note", "add", "JPCANARY", "--kind", "meeting", "--body", canary,
        ])
        .assert()
        .success();
    home.seedline()
        .args(["show", "project", "JPCANARY"])
        .assert()
        .success();
    home.seedline()
        .args(["backup", "copy.db"])
        .assert()
        .success();
    assert_eq!(mode("copy.db"), 0o600);
    assert_eq!(mode("state/seedline.log"), 0o600);
    let log = std::fs::read_to_string(home.path("state/seedline.log")).unwrap();
    assert!(!log.is_empty());
    assert!(!log.contains("CANARY") && !log.contains("本文"), "{log}");
}

#[test]
fn a_backup_taken_while_another_process_writes_is_consistent_and_never_overwrites() {
    let home = Home::new();
    let path = fixture::build(&home, "live.db");
    let writer = std::thread::spawn({
        let path = path.clone();
        move || {
            let mut s = Store::open(&path, OpenOptions { create: false }).unwrap();
            let me = Author::new(Some("書き手"), Some("PO"), "w");
            for i in 0..200 {
                let note = NewNote {
                    kind: NoteKind::Meeting,
                    body: format!("並行書き込み {i}"),
                    occurred_on: parse_date("2026-11-01").unwrap(),
                    follow_up_on: None,
                };
                s.add_note(1, &note, &me).unwrap();
            }
        }
    });
    home.seedline()
        .args(["backup", "b1.db", "--db", "live.db"])
        .assert()
        .success();
    writer.join().unwrap();
    home.seedline()
        .args(["doctor", "--db", "b1.db"])
        .assert()
        .success();
    home.seedline()
        .args(["backup", "b1.db", "--db", "live.db"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("既に存在します"));
}

/// Child body for the crash test: writes notes and flag moves until killed.
fn crash_worker(path: &str) {
    let mut s = Store::open(std::path::Path::new(path), OpenOptions { create: false }).unwrap();
    let me = Author::new(Some("耐障害"), Some("PO"), "w");
    for i in 0.. {
        let note = NewNote {
            kind: NoteKind::Meeting,
            body: format!("kill test {i} {}", "本文".repeat(50)),
            occurred_on: parse_date("2026-11-01").unwrap(),
            follow_up_on: None,
        };
        s.add_note(1 + (i % 40), &note, &me).unwrap();
        let project = 1 + (i % 40);
        match s.open_flag(project).unwrap() {
            Some((flag, _, version)) => s
                .move_flag(
                    flag,
                    version,
                    seedline::model::FlagStatus::Withdrawn,
                    "kill",
                    &me,
                )
                .unwrap(),
            None => {
                let flag = seedline::model::NewFlag {
                    target_program_id: 1,
                    reason: "kill".into(),
                    criteria: Default::default(),
                    status: seedline::model::FlagStatus::Candidate,
                };
                s.add_flag(project, &flag, &me).unwrap();
            }
        }
    }
}

#[test]
fn sigkill_at_random_moments_leaves_whole_changes_only() {
    if let Ok(path) = std::env::var("SEEDLINE_CRASH_DB") {
        crash_worker(&path);
        return;
    }
    let home = Home::new();
    let path = fixture::build(&home, "crash.db");
    let exe = std::env::current_exe().unwrap();
    let mut seed: u64 = 0x5eed;
    for round in 0..12 {
        let mut child = std::process::Command::new(&exe)
            .args([
                "--exact",
                "reliability::sigkill_at_random_moments_leaves_whole_changes_only",
                "--test-threads=1",
            ])
            .env("SEEDLINE_CRASH_DB", &path)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        std::thread::sleep(std::time::Duration::from_millis(80 + (seed >> 33) % 400));
        // SAFETY: kill on our own child's pid.
        unsafe { libc::kill(child.id() as i32, libc::SIGKILL) };
        child.wait().unwrap();
        let conn = raw(&path);
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "round {round}");
        let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
        assert_eq!(
            count("SELECT count(*) FROM note WHERE author = '耐障害'"),
            count(
                "SELECT count(*) FROM audit_log WHERE action = 'note.add' AND json_extract(detail, '$.officer') = '耐障害'"
            ),
            "round {round}: every note has its audit row and no audit row lacks its note"
        );
        assert_eq!(
            count("SELECT count(*) FROM highway_flag_event WHERE moved_by = '耐障害'"),
            count(
                "SELECT count(*) FROM audit_log WHERE action IN ('flag.add', 'flag.move') AND json_extract(detail, '$.officer') = '耐障害'"
            ),
            "round {round}: flag moves and their audit rows"
        );
        assert_eq!(
            count("SELECT count(*) FROM note_fts"),
            count("SELECT count(*) FROM note"),
            "round {round}: search index in step"
        );
        assert!(
            count(
                "SELECT count(*) FROM (SELECT project_id FROM highway_flag WHERE status IN ('candidate','recommended') GROUP BY project_id HAVING count(*) > 1)"
            ) == 0
        );
    }
    let written: i64 = raw(&path)
        .query_row(
            "SELECT count(*) FROM note WHERE author = '耐障害'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(written > 0, "the worker got to write before being killed");
}
