//! Issue 15, goal 3: `import projects` reads its file in two passes in bounded memory, and stays
//! all-or-nothing: a bad last row, a second import of the same file, or a kill while it writes
//! leave the database as it was.

use crate::common::{Home, fixture, raw};
use std::path::Path;

const HEADER: &str =
    "課題管理番号,研究開発課題名,事業名,代表研究機関,研究開発代表者,開始日,研究開発フェーズ,概要";

/// Rows of a valid file (`summary_chars` characters of varied ASCII words in 概要).
fn rows(n: usize, summary_chars: usize) -> Vec<String> {
    let words = [
        "cell", "gene", "trial", "assay", "vector", "dose", "cohort", "iPS",
    ];
    let mut lines = vec![HEADER.to_string()];
    for i in 0..n {
        let mut summary = String::with_capacity(summary_chars);
        let mut k = i;
        while summary.len() < summary_chars {
            k = k.wrapping_mul(2654435761).wrapping_add(12345) % 1_000_003;
            summary.push_str(words[k % words.len()]);
            summary.push_str(&format!("{} ", k % 997));
        }
        summary.truncate(summary_chars);
        lines.push(format!(
            "JP26st{i:06},研究課題{i},橋渡し研究プログラム,東京大学,佐藤 健一,2024-04-01,基礎,{}",
            summary.trim_end()
        ));
    }
    lines
}

fn write(home: &Home, name: &str, lines: &[String]) -> std::path::PathBuf {
    let path = home.path(name);
    std::fs::write(&path, lines.join("\r\n") + "\r\n").unwrap();
    path
}

/// The rows an import writes, table by table.
fn counts(db: &Path) -> Vec<i64> {
    let conn = raw(db);
    [
        "project",
        "project_fts",
        "project_short",
        "phase_change",
        "project_disease_area",
        "audit_log",
    ]
    .iter()
    .map(|t| {
        conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
            .unwrap()
    })
    .collect()
}

fn import(home: &Home, db: &Path, file: &Path, extra: &[&str]) -> std::process::Output {
    let mut cmd = home.std_command();
    cmd.args(["import", "projects"])
        .arg(file)
        .arg("--db")
        .arg(db)
        .args(["--lang", "en"])
        .args(extra);
    cmd.output().unwrap()
}

/// Runs the real binary and returns its peak resident memory in KiB: `VmHWM` of
/// /proc/PID/status, read every few milliseconds while it runs (a high-water mark never goes
/// down; `wait4`'s figure would count the pages of this test process it was forked from).
fn peak_kib(mut cmd: std::process::Command) -> (std::process::ExitStatus, i64) {
    let mut child = cmd
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        // Before exec the child is a copy of this process: only the binary's own figures count.
        let text = std::fs::read_to_string(&status_file).unwrap_or_default();
        if text.contains("Name:\tseedline") {
            let hwm = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok());
            peak = peak.max(hwm.unwrap_or(0));
        }
        if let Some(status) = child.try_wait().unwrap() {
            return (status, peak);
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

#[test]
fn memory_does_not_grow_with_the_length_of_rows() {
    // 2,000 rows with 20,000-character summaries: 40 MB of text. Holding the rows (and their
    // folded search copies) took well over 100 MiB; reading them as they come stays in 64 MiB.
    let home = Home::new();
    let db = home.path("m.db");
    assert!(
        home.std_command()
            .args(["init", "--db"])
            .arg(&db)
            .output()
            .unwrap()
            .status
            .success()
    );
    let file = write(&home, "long.csv", &rows(2_000, 20_000));
    let mut cmd = home.std_command();
    cmd.args(["import", "projects"])
        .arg(&file)
        .arg("--db")
        .arg(&db);
    let (status, kib) = peak_kib(cmd);
    assert!(status.success());
    assert_eq!(counts(&db)[..3], [2_000, 2_000, 2_000]);
    assert!(kib > 0 && kib < 64 * 1024, "peak memory {kib} KiB");
}

#[test]
fn a_bad_last_row_of_a_large_file_writes_nothing() {
    let home = Home::new();
    let db = fixture::build(&home, "f.db");
    let mut lines = rows(20_000, 200);
    let last = lines.len() - 1;
    lines[last] = lines[last].replace("2024-04-01", "2024-02-30");
    let file = write(&home, "in.csv", &lines);
    let before = counts(&db);
    let out = import(&home, &db, &file, &[]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("in.csv:20001: 開始日: '2024-02-30'"), "{err}");
    assert_eq!(counts(&db), before);
}

#[test]
fn a_duplicate_far_apart_is_found_and_only_the_ids_are_compared() {
    let home = Home::new();
    let db = fixture::build(&home, "f.db");
    let mut lines = rows(5_000, 50);
    let first = lines[10].clone();
    lines[4_000] = first.replace("研究課題9", "別の課題");
    let file = write(&home, "in.csv", &lines);
    let before = counts(&db);
    let out = import(&home, &db, &file, &[]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "in.csv:4001: 課題管理番号: duplicate 課題管理番号 'JP26st000009': lines 11 and 4001"
        ),
        "{err}"
    );
    assert_eq!(err.matches("duplicate").count(), 1, "{err}");
    assert_eq!(counts(&db), before);
}

#[test]
fn importing_the_same_file_twice_changes_nothing_the_second_time() {
    let home = Home::new();
    let db = fixture::build(&home, "f.db");
    let file = write(&home, "in.csv", &rows(3_000, 300));
    let out = import(&home, &db, &file, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = counts(&db);
    let out = import(&home, &db, &file, &[]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is already in the database"), "{err}");
    assert_eq!(counts(&db), after);
    let out = import(&home, &db, &file, &["--mode", "upsert"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("0 inserted, 0 updated, 3000 unchanged"),
        "{text}"
    );
    let now = counts(&db);
    assert_eq!(
        now[..5],
        after[..5],
        "projects, search rows and history unchanged"
    );
}

#[test]
fn a_kill_while_writing_leaves_the_database_as_before_or_wholly_imported() {
    let home = Home::new();
    let db = fixture::build(&home, "f.db");
    let file = write(&home, "in.csv", &rows(30_000, 400));
    let before = counts(&db);
    // The first pass alone (a dry run) takes `check`: kills land after it, while rows are written.
    let started = std::time::Instant::now();
    assert!(import(&home, &db, &file, &["--dry-run"]).status.success());
    let check = started.elapsed().as_millis() as u64;
    let mut seed: u64 = 0x1517;
    for round in 0..5 {
        let mut cmd = home.std_command();
        cmd.args(["import", "projects"])
            .arg(&file)
            .arg("--db")
            .arg(&db)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        let mut child = cmd.spawn().unwrap();
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        std::thread::sleep(std::time::Duration::from_millis(
            check + (seed >> 33) % (check * 2).max(1),
        ));
        let _ = child.kill(); // SIGKILL
        let done = child.wait().unwrap().success();
        let conn = raw(&db);
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "round {round}");
        let now = counts(&db);
        if done || now != before {
            // It finished before the kill: all 30,000 rows, nothing half-way.
            let added: Vec<i64> = now.iter().zip(&before).map(|(a, b)| a - b).collect();
            assert_eq!(
                added,
                [30_000, 30_000, 30_000, 30_000, 0, 1],
                "round {round}"
            );
            return;
        }
    }
}

/// The fixture's projects as exported (header first), each row its cells.
fn exported(home: &Home, db: &Path) -> Vec<Vec<String>> {
    let out = home
        .std_command()
        .args(["export", "projects", "--db"])
        .arg(db)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn many_batches_of_new_projects_each_keep_their_own_areas_history_and_search_rows() {
    // New projects are written 500 at a time: 1,234 rows after the fixture's own projects cross
    // two batch boundaries and end in a part batch. Each row is one of the fixture's projects
    // (varied phases, dates, disease areas) under a new 課題管理番号 and a title word of its own.
    let home = Home::new();
    let db = fixture::build(&home, "f.db");
    let source = exported(&home, &db);
    let header = source[0].clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (id_col, title_col, highway_col) = (
        col("課題管理番号"),
        col("研究開発課題名"),
        col("ハイウェイ"),
    );
    let mut new_rows = Vec::new();
    for i in 0..1_234 {
        let mut row = source[1 + i % (source.len() - 1)].clone();
        row[id_col] = format!("JP26zz{i:06}");
        row[title_col] = format!("{} batchword{i:06}", row[title_col]);
        row[highway_col] = String::new();
        new_rows.push(row);
    }
    let mut file = csv::Writer::from_path(home.path("in.csv")).unwrap();
    for row in std::iter::once(&header).chain(&new_rows) {
        file.write_record(row).unwrap();
    }
    file.flush().unwrap();
    let out = import(&home, &db, &home.path("in.csv"), &[]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("1234 inserted"),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // Every field and disease area reads back as written.
    let mut back: Vec<Vec<String>> = exported(&home, &db)
        .into_iter()
        .filter(|r| r[id_col].starts_with("JP26zz"))
        .collect();
    back.sort();
    new_rows.sort();
    assert_eq!(back, new_rows);

    let conn = raw(&db);
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    // One phase change each: into its phase, on its start date.
    assert_eq!(
        count(
            "SELECT count(*) FROM project p WHERE p.amed_id LIKE 'JP26zz%' AND
               (SELECT count(*) FROM phase_change c WHERE c.project_id = p.id) = 1 AND
               EXISTS (SELECT 1 FROM phase_change c WHERE c.project_id = p.id AND c.from_phase IS NULL
                 AND c.to_phase = p.phase AND c.changed_on = p.start_date)"
        ),
        1_234
    );
    // Its own search rows: the title word finds that project and no other.
    assert_eq!(
        count(
            "SELECT count(*) FROM project p JOIN project_short s ON s.id = p.id
             WHERE p.amed_id LIKE 'JP26zz%' AND instr(s.text, 'batchword' || substr(p.amed_id, 7)) > 0"
        ),
        1_234
    );
    for i in [0, 499, 500, 1_000, 1_233] {
        let found: Vec<String> = conn
            .prepare(
                "SELECT p.amed_id FROM project_fts f JOIN project p ON p.id = f.rowid
                 WHERE project_fts MATCH ?1",
            )
            .unwrap()
            .query_map([format!("\"batchword{i:06}\"")], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(found, [format!("JP26zz{i:06}")]);
    }
    // The kept counts agree with a recount.
    let out = home
        .std_command()
        .args(["doctor", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
