//! Issue 17, second pass: which database `--demo` opens, atomic backups under SIGKILL, empty
//! files, the modes of `-wal` / `-shm`, and a lock held past every retry.

use crate::common::{Home, fixture, raw};
use predicates::prelude::*;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn count(path: &Path, sql: &str) -> i64 {
    raw(path).query_row(sql, [], |r| r.get(0)).unwrap()
}

fn side(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    name.into()
}

// 1. `--demo` never opens the officer's own database, whatever SEEDLINE_DB says.
#[test]
fn demo_ignores_seedline_db_and_refuses_an_explicit_db() {
    let home = Home::new();
    let own = fixture::build(&home, "own.db");
    let own_notes = count(&own, "SELECT count(*) FROM note");
    let own_bytes = std::fs::read(&own).unwrap();
    home.seedline()
        .env("SEEDLINE_DB", &own)
        .args(["--demo", "show", "dashboard"])
        .assert()
        .success();
    let demo = home.path("data/demo.db");
    assert!(demo.exists(), "--demo generated and used the demo database");
    let id: String = raw(&demo)
        .query_row("SELECT amed_id FROM project ORDER BY id LIMIT 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    let demo_notes = count(&demo, "SELECT count(*) FROM note");
    home.seedline()
        .env("SEEDLINE_DB", &own)
        .args(["--demo", "note", "add", &id, "--kind", "meeting", "--body"])
        .arg("デモへの記録")
        .assert()
        .success();
    assert_eq!(count(&demo, "SELECT count(*) FROM note"), demo_notes + 1);
    assert_eq!(count(&own, "SELECT count(*) FROM note"), own_notes);
    assert!(
        std::fs::read(&own).unwrap() == own_bytes,
        "own.db unchanged byte for byte"
    );
    home.seedline()
        .args(["--demo", "--db", "x.db", "show", "dashboard"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--demo").and(predicate::str::contains("--db")));
    assert!(!home.path("x.db").exists());
}

/// A tiny xorshift: random kill moments without another dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("seedline-backup"))
        .collect()
}

// 2. A backup killed at any moment leaves no file or a complete one; the next backup cleans up.
#[test]
fn a_backup_killed_at_random_moments_leaves_nothing_or_a_complete_copy() {
    let home = Home::new();
    home.seedline()
        .args(["demo", "--db", "src.db", "--projects", "3000"])
        .assert()
        .success();
    let projects = count(&home.path("src.db"), "SELECT count(*) FROM project");
    std::fs::create_dir(home.path("bk")).unwrap();
    let target = home.path("bk/copy.db");
    // How long a whole backup takes here sets the range of kill moments.
    let started = Instant::now();
    home.seedline()
        .args(["backup", "bk/probe.db", "--db", "src.db"])
        .assert()
        .success();
    let span = started.elapsed().as_millis() as u64 + 20;
    std::fs::remove_file(home.path("bk/probe.db")).unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ u64::from(std::process::id()));
    let (mut mid_copy, mut complete) = (0, 0);
    for round in 0..20 {
        let mut child = home
            .std_command()
            .args(["backup", "bk/copy.db", "--db", "src.db"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        if round % 2 == 0 {
            // Anywhere in the run: start-up, checks, copy, publishing.
            std::thread::sleep(Duration::from_millis(rng.below(span)));
        } else {
            // Inside the copy: wait until a file for it appears, then a little more.
            let temp = home.path(&format!("bk/.copy.db.seedline-backup.{}.tmp", child.id()));
            let deadline = Instant::now() + Duration::from_secs(10);
            while !temp.exists() && !target.exists() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(1));
            }
            std::thread::sleep(Duration::from_millis(rng.below(span / 4)));
        }
        let _ = child.kill(); // SIGKILL
        child.wait().unwrap();
        if !temporaries(&home.path("bk")).is_empty() {
            mid_copy += 1;
        }
        for suffix in ["-journal", "-wal", "-shm"] {
            assert!(!side(&target, suffix).exists(), "round {round}: {suffix}");
        }
        if target.exists() {
            complete += 1;
            home.seedline()
                .args(["doctor", "--db", "bk/copy.db"])
                .assert()
                .success()
                .stdout(predicate::str::contains(format!("課題 {projects} 件")));
            std::fs::remove_file(&target).unwrap();
        }
    }
    assert!(mid_copy > 0, "some kills landed during the copy");
    eprintln!("killed mid-copy {mid_copy} times, after publishing {complete} times");
    home.seedline()
        .args(["backup", "bk/final.db", "--db", "src.db"])
        .assert()
        .success();
    assert_eq!(temporaries(&home.path("bk")), Vec::<String>::new());
    assert_eq!(mode(&home.path("bk/final.db")), 0o600);
    // Still never overwrites.
    home.seedline()
        .args(["backup", "bk/final.db", "--db", "src.db"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("既に存在します"));
}

// 3. Only `init` turns an empty file into a database.
#[test]
fn an_empty_file_is_reported_and_left_empty_except_by_init() {
    let home = Home::new();
    let path = home.path("z.db");
    std::fs::write(&path, b"").unwrap();
    chmod(&path, 0o600);
    for args in [
        vec!["doctor", "--db", "z.db"],
        vec!["show", "dashboard", "--db", "z.db"],
        vec![
            "note", "add", "JP1", "--kind", "meeting", "--body", "x", "--db", "z.db",
        ],
    ] {
        home.seedline().args(&args).assert().failure().stderr(
            predicate::str::contains("空のファイルで、seedline のデータベースではありません")
                .and(predicate::str::contains("seedline init --db")),
        );
        assert_eq!(std::fs::metadata(&path).unwrap().len(), 0, "{args:?}");
    }
    home.seedline()
        .env("SEEDLINE_DB", &path)
        .args(["doctor"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("空のファイル"));
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 0);
    home.seedline()
        .args(["init", "--db", "z.db"])
        .assert()
        .success();
    home.seedline()
        .args(["doctor", "--db", "z.db"])
        .assert()
        .success();
}

// 4. A read-only open leaves side files the owner can write, matching the database's mode.
#[test]
fn a_read_only_open_leaves_side_files_writable_by_the_owner() {
    let home = Home::new();
    for (db_mode, side_mode) in [(0o400, 0o600), (0o440, 0o660)] {
        let name = format!("ro{db_mode:o}.db");
        let path = fixture::build(&home, &name);
        chmod(&path, db_mode);
        home.seedline()
            .args(["--read-only", "show", "dashboard", "--db", &name])
            .assert()
            .success();
        let shm = side(&path, "-shm");
        assert!(shm.exists(), "a read-only connection cannot remove -shm");
        assert_eq!(mode(&shm), side_mode, "-shm of a {db_mode:o} database");
        let wal = side(&path, "-wal");
        if wal.exists() {
            assert_eq!(mode(&wal), side_mode, "-wal of a {db_mode:o} database");
        }
        // The owner makes it writable again: writes work (and doctor agrees).
        chmod(&path, 0o600);
        home.seedline()
            .args(["note", "add", "JP25fx0000001", "--kind", "meeting"])
            .args(["--body", "書けること", "--db", &name])
            .assert()
            .success();
    }
}

#[test]
fn doctor_reports_a_side_file_the_owner_cannot_write() {
    let home = Home::new();
    let path = fixture::build(&home, "d.db");
    // What a read-only session leaves: a full-size -shm (SQLite re-modes a 0-byte one itself).
    let shm = side(&path, "-shm");
    std::fs::write(&shm, vec![0u8; 32768]).unwrap();
    chmod(&shm, 0o400);
    home.seedline()
        .args(["doctor", "--db", "d.db"])
        .assert()
        .failure()
        .stdout(
            predicate::str::contains("d.db-shm")
                .and(predicate::str::contains("所有者も書き込めず"))
                .and(predicate::str::contains("chmod 600")),
        );
    std::fs::write(&shm, vec![0u8; 32768]).unwrap();
    chmod(&shm, 0o640);
    home.seedline()
        .args(["doctor", "--db", "d.db"])
        .assert()
        .failure()
        .stdout(
            predicate::str::contains("データベースと違います")
                .and(predicate::str::contains("chmod 600")),
        );
}

// 5. A lock held past every retry: "database is busy", exit status 75, nothing written.
#[test]
fn a_lock_held_past_the_retries_is_busy_with_exit_status_75() {
    let home = Home::new();
    let path = fixture::build(&home, "busy.db");
    let notes = count(&path, "SELECT count(*) FROM note");
    let holder = raw(&path);
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = Instant::now();
    let out = home
        .seedline()
        .env("SEEDLINE_BUSY_TIMEOUT_MS", "200")
        .args(["note", "add", "JP25fx0000001", "--kind", "meeting"])
        .args(["--body", "待たされる記録", "--db", "busy.db"])
        .output()
        .unwrap();
    let waited = started.elapsed();
    holder.execute_batch("ROLLBACK").unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(75), "{stderr}");
    assert!(
        stderr.contains("データベースが使用中です: 別の seedline（または sqlite3）が")
            && stderr.contains("busy.db に書き込んでいます。少し待ってからもう一度試してください"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("PID {}", std::process::id())),
        "names who holds it: {stderr}"
    );
    assert!(waited < Duration::from_secs(5), "{waited:?}");
    assert_eq!(count(&path, "SELECT count(*) FROM note"), notes);
}
