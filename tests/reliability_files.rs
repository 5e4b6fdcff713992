//! Issue 17, second pass, files and keys: import messages that name the real problem (a long
//! record is not an unbalanced quote; the line that stopped the reading is always shown; an OS
//! error is printed once), exports killed or signalled mid-way leave nothing behind, a 200 MB
//! garbage file is refused within the record cap in bounded memory, and Esc followed by a key in
//! one read is two keys.

use crate::common::Home;
use crate::pty::{Tui, list_count, wait_dashboard};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn run(home: &Home, args: &[&str]) -> Output {
    home.seedline().args(args).output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn init(home: &Home) {
    let out = run(home, &["init", "--db", "t.db"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

const HEADER: &str =
    "課題管理番号,研究開発課題名,事業名,代表研究機関,研究開発代表者,開始日,研究開発フェーズ";

/// A field of `n` bytes of printable ASCII: no quote, no comma, no line break.
fn filler(n: usize) -> String {
    "abcdefghij".repeat(n / 10 + 1)[..n].to_string()
}

// ---------------------------------------------------------------------------------------------
// 1. Import messages.
// ---------------------------------------------------------------------------------------------

#[test]
fn importing_a_directory_or_a_missing_file_names_it_and_the_os_error_once() {
    let home = Home::new();
    init(&home);
    std::fs::create_dir(home.path("dir")).unwrap();
    let out = run(&home, &["import", "projects", "dir", "--db", "t.db"]);
    assert!(!out.status.success());
    assert_eq!(
        stderr(&out),
        "seedline: dir を読めません: ディレクトリです\n"
    );
    let out = run(&home, &["import", "projects", "gone.csv", "--db", "t.db"]);
    assert_eq!(
        stderr(&out),
        "seedline: gone.csv を読めません: ファイルまたはディレクトリがありません\n"
    );
}

#[test]
fn a_long_record_without_a_quote_is_not_called_an_unbalanced_quote() {
    let home = Home::new();
    init(&home);
    let long = format!(
        "{HEADER}\nJP26a,{},橋渡し研究プログラム,東京大学,佐藤 健一,2024-04-01,基礎\n",
        filler(1100 * 1024)
    );
    std::fs::write(home.path("long.csv"), long).unwrap();
    let out = run(&home, &["import", "projects", "long.csv", "--db", "t.db"]);
    let err = stderr(&out);
    assert!(!out.status.success());
    assert!(err.contains("long.csv:2: 1 MiB を超える行です（"), "{err}");
    assert!(!err.contains('"'), "no quote is blamed: {err}");

    // A quote that really runs on keeps its own message.
    let quoted = format!(
        "{HEADER}\nJP26a,\"{},橋渡し研究プログラム,東京大学,佐藤 健一,2024-04-01,基礎\n",
        filler(1100 * 1024)
    );
    std::fs::write(home.path("quoted.csv"), quoted).unwrap();
    let out = run(&home, &["import", "projects", "quoted.csv", "--db", "t.db"]);
    let err = stderr(&out);
    assert!(
        err.contains("quoted.csv:2: この行で開いた引用符が 1 MiB 以内に閉じていません（\" の対応がとれていません）"),
        "{err}"
    );
}

#[test]
fn the_line_that_stopped_the_reading_follows_a_hundred_problems() {
    let home = Home::new();
    init(&home);
    let mut text = format!("{HEADER}\n");
    for i in 0..150 {
        text.push_str(&format!("JP26bad{i},too,few\n"));
    }
    // Line 152: a record that never ends within the cap.
    text.push_str(&format!("JP26long,{}\n", filler(1100 * 1024)));
    std::fs::write(home.path("many.csv"), text).unwrap();
    let out = run(&home, &["import", "projects", "many.csv", "--db", "t.db"]);
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    let more = lines
        .iter()
        .position(|l| l.starts_with("ほか "))
        .unwrap_or_else(|| panic!("no 'ほか N 件' line:\n{err}"));
    assert_eq!(more, 100, "100 problems listed first:\n{err}");
    assert_eq!(lines[more], "ほか 50 件");
    assert!(
        lines[more + 1].starts_with("many.csv:152: 1 MiB を超える行です"),
        "the stop line comes right after: {:?}",
        &lines[more..]
    );
    assert!(lines[more + 1].contains("ファイルの残りは読んでいません"));
    assert!(
        lines[more + 2].contains("問題が 151 件あるため、何も取り込んでいません"),
        "{:?}",
        &lines[more..]
    );
}

// ---------------------------------------------------------------------------------------------
// 2. Killed and signalled exports.
// ---------------------------------------------------------------------------------------------

const PROJECTS: usize = 3000;

fn demo_db(home: &Home) {
    let out = run(
        home,
        &[
            "demo",
            "--db",
            "big.db",
            "--projects",
            &PROJECTS.to_string(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

fn export_command(home: &Home, force: bool) -> Command {
    let mut cmd = home.std_command();
    cmd.args(["export", "projects", "--db", "big.db", "-o", "out.csv"]);
    if force {
        cmd.arg("--force");
    }
    cmd.stdout(Stdio::null()).stderr(Stdio::null());
    cmd
}

/// Seedline's temporary files for `out.csv` in `dir`.
fn temps(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".out.csv.") && n.ends_with(".tmp"))
        .collect()
}

/// `out.csv` is absent, or a whole export: every project and the header, ending in CRLF.
fn assert_absent_or_complete(path: &Path, round: usize) {
    let Ok(bytes) = std::fs::read(path) else {
        return;
    };
    assert!(
        bytes.ends_with(b"\r\n"),
        "round {round}: no CRLF at the end"
    );
    let records = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[..])
        .records()
        .count();
    assert_eq!(records, PROJECTS + 1, "round {round}: a partial export");
}

#[test]
fn sigkill_during_an_export_leaves_no_partial_file_and_the_next_export_clears_its_temp() {
    let home = Home::new();
    demo_db(&home);
    // How long one export takes here: the kills fall anywhere within it.
    let start = Instant::now();
    assert!(export_command(&home, true).status().unwrap().success());
    let span = start.elapsed().as_micros() as u64 * 6 / 5;
    std::fs::remove_file(home.path("out.csv")).unwrap();
    let mut seed: u64 = 0x17_5eed;
    let mut mid_export = 0;
    for round in 0..20 {
        let mut child = export_command(&home, true).spawn().unwrap();
        if round % 2 == 1 {
            // Odd rounds kill as soon as the temporary appears: inside the export for sure, even
            // on a machine too busy for the timed rounds to land there.
            let deadline = Instant::now() + Duration::from_secs(10);
            while temps(home.dir.path()).is_empty() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_micros(200));
            }
        } else {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            std::thread::sleep(Duration::from_micros((seed >> 33) % span));
        }
        // SAFETY: kill on our own child's pid.
        unsafe { libc::kill(child.id() as i32, libc::SIGKILL) };
        child.wait().unwrap();
        assert_absent_or_complete(&home.path("out.csv"), round);
        // The next export clears what this one left: count the kills that fell inside now.
        mid_export += usize::from(!temps(home.dir.path()).is_empty());
    }
    assert!(
        mid_export > 0,
        "no kill fell inside an export: the test proves nothing"
    );
    assert!(export_command(&home, true).status().unwrap().success());
    assert_absent_or_complete(&home.path("out.csv"), 20);
    assert!(home.path("out.csv").exists());
    assert_eq!(
        temps(home.dir.path()),
        Vec::<String>::new(),
        "the next export clears the temporaries of killed ones"
    );
}

/// Starts an export, sends `signal` once its temporary file exists, and returns the exit code.
fn signal_mid_export(home: &Home, signal: i32, force: bool) -> Option<i32> {
    let mut child = export_command(home, force).spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while temps(home.dir.path()).is_empty() {
        assert!(Instant::now() < deadline, "the export never started");
        assert!(child.try_wait().unwrap().is_none(), "finished too soon");
        std::thread::sleep(Duration::from_millis(1));
    }
    // SAFETY: kill on our own child's pid.
    unsafe { libc::kill(child.id() as i32, signal) };
    child.wait().unwrap().code()
}

#[test]
fn sigterm_or_sigint_during_an_export_exits_with_128_plus_the_signal_and_leaves_nothing() {
    let home = Home::new();
    demo_db(&home);
    assert_eq!(signal_mid_export(&home, libc::SIGTERM, false), Some(143));
    assert_eq!(temps(home.dir.path()), Vec::<String>::new());
    assert!(!home.path("out.csv").exists(), "no out.csv after SIGTERM");

    std::fs::write(home.path("out.csv"), "old\r\n").unwrap();
    assert_eq!(signal_mid_export(&home, libc::SIGINT, true), Some(130));
    assert_eq!(temps(home.dir.path()), Vec::<String>::new());
    assert_eq!(std::fs::read(home.path("out.csv")).unwrap(), b"old\r\n");
}

// ---------------------------------------------------------------------------------------------
// 4. A 200 MB garbage file: the record cap holds, memory stays bounded.
// ---------------------------------------------------------------------------------------------

#[test]
fn a_200_mb_garbage_file_is_refused_at_the_record_cap_in_bounded_memory() {
    use std::io::Write;
    let home = Home::new();
    init(&home);
    // Printable garbage (no line break, no quote; commas here and there): valid UTF-8, so the
    // reader, not the encoding check, has to refuse it.
    let path = home.path("garbage.csv");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut chunk = vec![0u8; 1 << 20];
    for _ in 0..200 {
        for b in chunk.iter_mut() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let c = b' ' + (x % 95) as u8;
            *b = if c == b'"' { b',' } else { c };
        }
        file.write_all(&chunk).unwrap();
    }
    file.flush().unwrap();
    drop(file);

    let err_path = home.path("err.txt");
    let start = Instant::now();
    let mut child = home
        .std_command()
        .args([
            "import",
            "projects",
            "garbage.csv",
            "--dry-run",
            "--db",
            "t.db",
        ])
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&err_path).unwrap())
        .spawn()
        .unwrap();
    // The child's own high-water mark since exec (VmHWM), read while it runs. (wait4's ru_maxrss
    // would also count the test process's pages the child had before exec: hundreds of MiB when
    // the whole suite runs.)
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kib = 0u64;
    let status = loop {
        if let Ok(text) = std::fs::read_to_string(&status_file)
            && let Some(kib) = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        {
            peak_kib = peak_kib.max(kib);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let elapsed = start.elapsed();
    let err = std::fs::read_to_string(&err_path).unwrap();
    assert_eq!(status.code(), Some(1), "{err}");
    assert!(
        err.contains("garbage.csv:1: 1 MiB を超える行です（"),
        "a clear message: {err}"
    );
    assert!(peak_kib > 0, "the child's memory was never read");
    let peak_mib = peak_kib as f64 / 1024.0;
    assert!(peak_mib <= 64.0, "peak RSS {peak_mib:.1} MiB");
    assert!(elapsed < Duration::from_secs(60), "took {elapsed:?}");
}

// ---------------------------------------------------------------------------------------------
// 3. Esc and a key in one read.
// ---------------------------------------------------------------------------------------------

#[test]
fn esc_and_q_in_one_read_go_back_then_back_again() {
    let mut tui = Tui::start();
    wait_dashboard(&mut tui);
    tui.send("\t");
    tui.wait_for("the project list", |s| list_count(s) == Some((200, 200)));
    tui.send("\r");
    tui.wait_for("a project's detail", |s| {
        s.row(0).contains("課題一覧 › JP") && list_count(s).is_none()
    });
    // One write, as an SSH session without a terminal multiplexer delivers Esc then q.
    tui.send("\x1bq");
    // Esc: back to the list; q on the list: back to the dashboard.
    tui.wait_for("the dashboard after Esc, q", |s| {
        !s.row(0).contains("課題一覧") && list_count(s).is_none() && s.contains("統合プロジェクト")
    });
    tui.send("q");
    tui.assert_exit_code(0);
}
