//! The real binary in a pseudo-terminal: what an officer at an 80×24 terminal would notice.
//!
//! ratatui only redraws the cells that changed and moves the cursor between wide characters, so
//! the byte stream rarely holds a Japanese word in one piece. These tests therefore feed the
//! stream into a small terminal model ([`Screen`]) and assert on the text it shows, and assert on
//! the raw bytes only for terminal modes (alternate screen, cursor, bracketed paste).

use crate::common::{Home, TODAY};
use expectrl::Expect;
use expectrl::process::unix::{Signal, WaitStatus};
use expectrl::session::OsSession;
use std::os::fd::AsRawFd;
use std::path::PathBuf;
use std::time::{Duration, Instant};
mod no_color;
mod screen;

pub(crate) use screen::Screen;

/// How long a screen may take to show what a test waits for.
pub(crate) const SCREEN_TIMEOUT: Duration = Duration::from_secs(5);
/// How long the program may take to exit once asked to.
pub(crate) const EXIT_TIMEOUT: Duration = Duration::from_secs(2);

pub(crate) const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";
pub(crate) const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
pub(crate) const PASTE_OFF: &[u8] = b"\x1b[?2004l";

// ---------------------------------------------------------------------------------------------
// The program under test in a pty.
// ---------------------------------------------------------------------------------------------

/// A temporary home with a 200-project demo database.
pub(crate) fn demo_home() -> (Home, PathBuf) {
    let home = Home::new();
    let db = home.path("t.db");
    home.seedline()
        .args(["demo", "--db"])
        .arg(&db)
        .args(["--projects", "200"])
        .assert()
        .success();
    (home, db)
}

/// The command line with the test environment (a fixed day, Japanese, xterm).
pub(crate) fn command(home: &Home, program: impl AsRef<std::ffi::OsStr>) -> std::process::Command {
    let mut cmd = std::process::Command::new(program);
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.path("home"))
        .env("SEEDLINE_DATA_DIR", home.path("data"))
        .env("SEEDLINE_CONFIG_DIR", home.path("config"))
        .env("SEEDLINE_STATE_DIR", home.path("state"))
        .env("SEEDLINE_TODAY", TODAY)
        .env("LANG", "ja_JP.UTF-8")
        .env("TERM", "xterm-256color")
        .current_dir(home.dir.path());
    cmd
}

pub(crate) fn seedline_bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("seedline")
}

pub(crate) struct Tui {
    pub(crate) session: OsSession,
    pub(crate) screen: Screen,
    /// Every byte the program wrote to the terminal.
    pub(crate) raw: Vec<u8>,
    eof: bool,
    // Dropped last: the database lives here.
    pub(crate) _home: Home,
}

impl Tui {
    /// `seedline --db <demo db>` in an 80×24 pty.
    pub(crate) fn start() -> Tui {
        let (home, db) = demo_home();
        let mut cmd = command(&home, seedline_bin());
        cmd.arg("--db").arg(&db);
        Tui::spawn(home, cmd, 80, 24)
    }

    pub(crate) fn spawn(home: Home, cmd: std::process::Command, width: u16, height: u16) -> Tui {
        let mut session = OsSession::spawn(cmd).expect("spawn in a pty");
        session
            .get_process_mut()
            .set_window_size(width, height)
            .unwrap();
        Tui {
            session,
            screen: Screen::new(width.into(), height.into()),
            raw: Vec::new(),
            eof: false,
            _home: home,
        }
    }

    pub(crate) fn pid(&self) -> i32 {
        self.session.get_process().pid().as_raw()
    }

    /// Reads what the program writes for at most `wait` (less if output arrives).
    pub(crate) fn pump(&mut self, wait: Duration) {
        if self.eof {
            return;
        }
        let mut pfd = libc::pollfd {
            fd: self.session.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        let ms = wait.as_millis().min(i32::MAX as u128) as i32;
        // SAFETY: one valid pollfd for the duration of the call.
        let ready = unsafe { libc::poll(&mut pfd, 1, ms) };
        if ready <= 0 {
            return;
        }
        let mut buf = [0u8; 8192];
        loop {
            match self.session.try_read(&mut buf) {
                Ok(0) => {
                    self.eof = true;
                    return;
                }
                Ok(n) => {
                    self.raw.extend_from_slice(&buf[..n]);
                    self.screen.feed(&buf[..n]);
                }
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => return,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                // Linux answers EIO once the last slave descriptor is closed.
                Err(_) => {
                    self.eof = true;
                    return;
                }
            }
        }
    }

    /// Waits until `ok` holds for the screen; panics with the screen after [`SCREEN_TIMEOUT`].
    pub(crate) fn wait_for(&mut self, what: &str, ok: impl Fn(&Screen) -> bool) {
        let deadline = Instant::now() + SCREEN_TIMEOUT;
        loop {
            if ok(&self.screen) {
                return;
            }
            let now = Instant::now();
            if now >= deadline || self.eof {
                panic!(
                    "timed out waiting for {what} (eof: {}); screen:\n{}",
                    self.eof,
                    self.screen.text()
                );
            }
            self.pump((deadline - now).min(Duration::from_millis(50)));
        }
    }

    pub(crate) fn wait_text(&mut self, needle: &str) {
        self.wait_for(&format!("{needle:?}"), |s| s.contains(needle));
    }

    /// The list's `matches / total` once the list has loaded.
    fn wait_count(&mut self, what: &str, ok: impl Fn(u64, u64) -> bool) -> (u64, u64) {
        self.wait_for(what, |s| list_count(s).is_some_and(|(m, t)| ok(m, t)));
        list_count(&self.screen).unwrap()
    }

    pub(crate) fn send(&mut self, keys: &str) {
        self.session.send(keys).expect("write to the pty");
    }

    /// Waits for the exit (status code), reading the output meanwhile.
    pub(crate) fn wait_exit(&mut self, within: Duration) -> WaitStatus {
        let start = Instant::now();
        loop {
            self.pump(Duration::from_millis(20));
            match self.session.get_process().status() {
                Ok(WaitStatus::StillAlive) => {}
                Ok(status) => {
                    // Whatever is still buffered in the pty.
                    let drain = Instant::now();
                    while !self.eof && drain.elapsed() < Duration::from_millis(500) {
                        self.pump(Duration::from_millis(20));
                    }
                    return status;
                }
                Err(e) => panic!("waitpid: {e}"),
            }
            if start.elapsed() > within {
                panic!(
                    "still running {:?} after it was asked to exit; screen:\n{}",
                    start.elapsed(),
                    self.screen.text()
                );
            }
        }
    }

    pub(crate) fn assert_exit_code(&mut self, code: i32) {
        let start = Instant::now();
        let status = self.wait_exit(EXIT_TIMEOUT);
        assert!(
            matches!(status, WaitStatus::Exited(_, c) if c == code),
            "expected exit status {code}, got {status:?} after {:?}",
            start.elapsed()
        );
    }

    /// The terminal modes of the pty as the program left them.
    pub(crate) fn termios(&self) -> libc::termios {
        // SAFETY: tcgetattr fills the struct; all-zero is a valid starting value.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        let rc = unsafe { libc::tcgetattr(self.session.as_raw_fd(), &mut t) };
        assert_eq!(rc, 0, "tcgetattr: {}", std::io::Error::last_os_error());
        t
    }
}

/// `37 / 1,204` on the list's info line: (matches, total).
pub(crate) fn list_count(screen: &Screen) -> Option<(u64, u64)> {
    let number = |s: &str| -> Option<u64> {
        if s.is_empty() || !s.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        s.replace(',', "").parse().ok()
    };
    for y in 0..screen.height {
        let row = screen.row(y);
        for (i, _) in row.match_indices(" / ") {
            let before: String = row[..i]
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_digit() || *c == ',')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let after: String = row[i + 3..]
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == ',')
                .collect();
            if let (Some(m), Some(t)) = (number(&before), number(&after)) {
                return Some((m, t));
            }
        }
    }
    None
}

pub(crate) fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

pub(crate) fn last_index(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The bytes written after `from` leave the alternate screen, show the cursor, turn bracketed
/// paste off, and nothing is drawn on the alternate screen afterwards.
pub(crate) fn assert_restored(raw: &[u8], from: usize) {
    let tail = &raw[from.min(raw.len())..];
    let shown = String::from_utf8_lossy(&tail[tail.len().saturating_sub(200)..]).into_owned();
    for (name, seq) in [
        ("leave the alternate screen", LEAVE_ALT_SCREEN),
        ("show the cursor", SHOW_CURSOR),
        ("disable bracketed paste", PASTE_OFF),
    ] {
        assert!(
            contains(tail, seq),
            "no sequence to {name} ({seq:?}) at exit; last bytes: {shown:?}"
        );
    }
    let left = last_index(raw, LEAVE_ALT_SCREEN).unwrap();
    assert!(
        !contains(&raw[left..], b"\x1b[?1049h"),
        "the alternate screen was entered again after leaving it: {shown:?}"
    );
}

pub(crate) fn assert_cooked(t: &libc::termios) {
    let has = |flags: libc::tcflag_t, bit: libc::tcflag_t| flags & bit == bit;
    assert!(has(t.c_lflag, libc::ICANON), "ICANON off: still raw");
    assert!(has(t.c_lflag, libc::ISIG), "ISIG off: still raw");
    assert!(has(t.c_oflag, libc::OPOST), "OPOST off: still raw");
    assert!(has(t.c_iflag, libc::ICRNL), "ICRNL off: still raw");
}

/// The pipeline dashboard with its data: the header and the first integrated project.
pub(crate) fn wait_dashboard(tui: &mut Tui) {
    tui.wait_for("the dashboard (統合プロジェクト, 医薬品)", |s| {
        s.contains("統合プロジェクト") && s.contains("医薬品")
    });
}

/// Projects in the 臨床 phase according to `seedline show dashboard` (the 計 row).
fn clinical_total(home: &Home, db: &std::path::Path) -> u64 {
    let out = home
        .seedline()
        .args(["show", "dashboard", "--width", "120", "--db"])
        .arg(db)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let total = text
        .lines()
        .find(|l| l.trim_start().starts_with("計"))
        .unwrap_or_else(|| panic!("no 計 row:\n{text}"));
    let figures: Vec<u64> = total
        .split_whitespace()
        .skip(1)
        .filter_map(|t| t.replace(',', "").parse().ok())
        .collect();
    // 基礎 応用 非臨床 臨床 実用化 計
    assert_eq!(figures.len(), 6, "{total}");
    figures[3]
}

// ---------------------------------------------------------------------------------------------
// The tests.
// ---------------------------------------------------------------------------------------------

#[test]
fn dashboard_cell_list_filter_back_and_quit() {
    let (home, db) = demo_home();
    let clinical = clinical_total(&home, &db);
    let mut cmd = command(&home, seedline_bin());
    cmd.arg("--db").arg(&db);
    let mut tui = Tui::spawn(home, cmd, 80, 24);

    wait_dashboard(&mut tui);
    assert!(tui.screen.row(0).contains("ダッシュボード"), "title");

    // A dashboard cell opens exactly its projects, out of all 200.
    tui.send("jl\r");
    let (cell, total) = tui.wait_count("the cell's list (N / 200)", |_, t| t == 200);
    assert_eq!(total, 200);
    assert!(cell < 200, "a cell holds part of the projects: {cell}");
    assert!(
        tui.screen.row(0).contains(" × "),
        "the breadcrumb names the cell: {}",
        tui.screen.row(0)
    );

    // Replace the cell's filter with `phase:臨床` and keep it.
    tui.send("/");
    tui.wait_text("絞り込み");
    tui.send("\x15phase:臨床");
    tui.wait_text("phase:臨床");
    tui.send("\r");
    tui.wait_for("the filter line closed, the count shown", |s| {
        // The filter prompt sits on row 1 while the line is open (the title may say 絞り込み too).
        !s.row(1).contains("絞り込み:") && list_count(s).is_some()
    });
    let (matches, total) = list_count(&tui.screen).unwrap();
    assert_eq!(total, 200);
    assert!(
        matches > 0 && matches < 200,
        "phase:臨床 narrows the list: {matches}"
    );
    assert_eq!(
        matches, clinical,
        "the list holds every 臨床 project and only those"
    );

    // Esc goes back to the dashboard; q there quits.
    tui.send("\x1b");
    tui.wait_for("the dashboard again", |s| {
        list_count(s).is_none() && s.contains("統合プロジェクト") && !s.row(0).contains(" × ")
    });
    let mark = tui.raw.len();
    tui.send("q");
    tui.assert_exit_code(0);
    assert_restored(&tui.raw, mark);
}

#[test]
fn quitting_restores_the_terminal_modes_it_found() {
    // A shell in the pty prints the modes before and after, as `stty -g`, around seedline.
    let (home, db) = demo_home();
    let mut cmd = command(&home, "sh");
    cmd.arg("-c")
        .arg(
            "stty sane; echo \"BEFORE=$(stty -g)\"; \"$0\" \"$@\"; rc=$?; \
             echo \"AFTER=$(stty -g)\"; echo \"LFLAGS=$(stty -a | tr '\\n' ' ')\"; \
             echo \"RC=$rc\"",
        )
        .arg(seedline_bin())
        .arg("--db")
        .arg(&db);
    let mut tui = Tui::spawn(home, cmd, 80, 24);

    wait_dashboard(&mut tui);
    // One level in first: q goes back, the second q quits.
    tui.send("\t");
    tui.wait_count("the project list", |m, t| m == 200 && t == 200);
    tui.send("q");
    wait_dashboard(&mut tui);
    tui.wait_for("the list closed", |s| list_count(s).is_none());
    let mark = tui.raw.len();
    tui.send("q");
    tui.assert_exit_code(0);

    let after_quit = &tui.raw[mark..];
    assert_restored(&tui.raw, mark);
    let out = String::from_utf8_lossy(&tui.raw).into_owned();
    let value = |key: &str| -> String {
        let start = out
            .find(&format!("{key}="))
            .unwrap_or_else(|| panic!("{key} missing in the shell's output:\n{out:?}"));
        out[start + key.len() + 1..]
            .lines()
            .next()
            .unwrap()
            .trim()
            .to_string()
    };
    assert_eq!(value("RC"), "0", "seedline's exit status");
    assert_eq!(
        value("BEFORE"),
        value("AFTER"),
        "terminal modes differ after seedline quit"
    );
    let modes = format!(" {} ", value("LFLAGS"));
    for mode in ["icanon", "echo", "isig", "icrnl", "opost"] {
        assert!(
            modes.contains(&format!(" {mode} ")),
            "{mode} is off after quit: {modes}"
        );
    }
    // The shell's lines are plain text on the normal screen, after the restore sequences.
    let left = last_index(&tui.raw, LEAVE_ALT_SCREEN).unwrap();
    assert!(left < last_index(&tui.raw, b"AFTER=").unwrap());
    assert!(contains(after_quit, b"AFTER="));
    assert_cooked(&tui.termios());
}

#[test]
fn ctrl_c_quits_from_a_list() {
    let mut tui = Tui::start();
    wait_dashboard(&mut tui);
    tui.send("\t");
    tui.wait_count("the project list", |m, t| m == 200 && t == 200);
    let mark = tui.raw.len();
    tui.send("\x03");
    tui.assert_exit_code(0);
    assert_restored(&tui.raw, mark);
    assert_cooked(&tui.termios());
}

fn signal_on_the_dashboard(signal: Signal, code: i32) {
    let mut tui = Tui::start();
    wait_dashboard(&mut tui);
    let mark = tui.raw.len();
    // SAFETY: a plain kill(2) on our own child.
    let rc = unsafe { libc::kill(tui.pid(), signal as i32) };
    assert_eq!(rc, 0);
    tui.assert_exit_code(code);
    assert_restored(&tui.raw, mark);
    assert_cooked(&tui.termios());
}

#[test]
fn sigterm_exits_143_and_restores_the_terminal() {
    signal_on_the_dashboard(Signal::SIGTERM, 143);
}

#[test]
fn sighup_exits_129_and_restores_the_terminal() {
    signal_on_the_dashboard(Signal::SIGHUP, 129);
}

#[test]
fn a_tiny_terminal_shows_a_notice_and_the_dashboard_returns_when_it_grows() {
    let mut tui = Tui::start();
    wait_dashboard(&mut tui);

    // The window shrinks to 20×5 (the kernel sends SIGWINCH to the foreground process).
    tui.session
        .get_process_mut()
        .set_window_size(20, 5)
        .unwrap();
    tui.screen.resize(20, 5);
    tui.wait_for("the too-small notice", |s| {
        s.row(0).starts_with("端末が小さすぎます") && !s.contains("医薬品")
    });
    for y in 1..tui.screen.height {
        assert_eq!(
            tui.screen.row(y).trim(),
            "",
            "one line only:\n{}",
            tui.screen.text()
        );
    }
    assert!(
        tui.session.get_process().is_alive().unwrap(),
        "seedline died at 20x5"
    );

    // Back to 80×24: the dashboard is drawn again, the notice is gone.
    tui.session
        .get_process_mut()
        .set_window_size(80, 24)
        .unwrap();
    tui.screen.resize(80, 24);
    tui.wait_for("the dashboard after growing back", |s| {
        s.contains("統合プロジェクト") && s.contains("医薬品") && !s.contains("小さすぎ")
    });
    let mark = tui.raw.len();
    tui.send("q");
    tui.assert_exit_code(0);
    assert_restored(&tui.raw, mark);
}

#[test]
fn portfolio_screens_by_keyboard_in_a_real_terminal() {
    // The demo's first PO has the login of whoever generated it: `mine` is theirs here.
    let (home, db) = demo_home();
    let mut cmd = command(&home, seedline_bin());
    cmd.arg("--db").arg(&db);
    let mut tui = Tui::spawn(home, cmd, 80, 24);
    wait_dashboard(&mut tui);
    tui.send("M");
    let (mine, total) = tui.wait_count("my portfolio (N / 200)", |n, t| t == 200 && n > 0);
    assert!(mine < total, "my portfolio is part of the projects: {mine}");
    assert!(tui.screen.row(0).contains("マイポートフォリオ"));
    tui.send("F");
    tui.wait_text("停滞（現在）");
    let this_year = tui.screen.row(1);
    tui.send("h");
    tui.wait_for("the funnel of the year before", |s| s.row(1) != this_year);
    tui.send("B");
    tui.wait_text("年度別配分額");
    tui.wait_for("fiscal-year columns", |s| {
        s.contains("年度 ") && s.contains("計")
    });
    // Each screen was opened over the one before: Esc walks back through them, q on the
    // dashboard quits.
    tui.send("\x1b");
    tui.wait_for("the funnel again", |s| {
        s.row(0).contains("フェーズ推移") && !s.row(0).contains("年度別配分額")
    });
    tui.send("\x1b");
    tui.wait_for("my portfolio again", |s| {
        s.row(0).contains("マイポートフォリオ") && !s.row(0).contains("フェーズ推移")
    });
    tui.send("q");
    tui.wait_for("the dashboard again", |s| {
        !s.row(0).contains("マイポートフォリオ")
    });
    tui.send("q");
    tui.assert_exit_code(0);
}
