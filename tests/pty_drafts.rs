//! Nothing typed is lost when the session ends badly: SIGTERM while typing, the SSH connection
//! dropping (the pty master closed), and a panic — each leaves the exact Japanese text in the
//! draft file, and the next start reopens it.
//!
//! The timed draft save is off in these runs (`SEEDLINE_DRAFT_AUTOSAVE_MS=0`) and each test checks
//! that no draft file exists just before the session ends: the draft on disk is the work of the
//! signal, hang-up or panic path, not of the 2-second timer.

use crate::pty::{
    LEAVE_ALT_SCREEN, Screen, Tui, assert_cooked, assert_restored, command, contains, last_index,
    seedline_bin, wait_dashboard,
};
use std::time::{Duration, Instant};

const TYPED: &str = "面談で確認した事項：PMDA相談の準備";

/// The environment variable that turns the timed draft save off (test-only).
const AUTOSAVE_OFF: (&str, &str) = ("SEEDLINE_DRAFT_AUTOSAVE_MS", "0");

/// Opens the note form on the first project of the list and types the text.
fn type_a_note(tui: &mut Tui) {
    wait_dashboard(tui);
    tui.send("\t");
    tui.wait_text(" / 200");
    tui.send("\r");
    tui.wait_text("研究開発代表者");
    tui.send("n");
    tui.wait_text("記録者");
    tui.send(TYPED);
    tui.wait_text("PMDA相談の準備");
}

/// The draft files in the state directory (none when the directory does not exist).
fn draft_files(home: &crate::common::Home) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(home.path("state")) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with("drafts-") && name.ends_with(".json")
        })
        .map(|e| e.path())
        .collect()
}

/// Fails when a draft file exists already: the timer must not have written one.
fn assert_no_draft_yet(home: &crate::common::Home) {
    assert_eq!(
        draft_files(home),
        Vec::<std::path::PathBuf>::new(),
        "a draft was written before the session ended (is the autosave off?)"
    );
}

/// The one draft file there is, 0600, holding one note form whose body is exactly [`TYPED`].
fn assert_draft_is_the_typed_text(home: &crate::common::Home) {
    use std::os::unix::fs::PermissionsExt;
    let files = draft_files(home);
    assert_eq!(files.len(), 1, "one draft file: {files:?}");
    assert_eq!(
        std::fs::metadata(&files[0]).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let text = std::fs::read_to_string(&files[0]).unwrap();
    let drafts: Vec<seedline::app::DraftRecord> = serde_json::from_str(&text).unwrap();
    assert_eq!(drafts.len(), 1, "{text}");
    assert!(
        matches!(drafts[0].kind, seedline::app::FormKind::Note { .. }),
        "{text}"
    );
    let body: Vec<&str> = drafts[0]
        .values
        .iter()
        .filter(|(k, _)| k == "body")
        .map(|(_, v)| v.as_str())
        .collect();
    assert_eq!(body, [TYPED], "{text}");
}

/// Starts seedline again in the same home and expects the draft back on screen.
fn reopened(home: crate::common::Home) {
    let db = home.path("t.db");
    let mut cmd = command(&home, seedline_bin());
    cmd.arg("--db").arg(&db);
    let mut again = Tui::spawn(home, cmd, 80, 24);
    again.wait_text("PMDA相談の準備");
    again.wait_text("下書き");
}

/// `seedline --db <demo db>` in an 80×24 pty with the timed draft save off.
fn start_without_autosave(extra_env: &[(&str, &str)]) -> Tui {
    let (home, db) = crate::pty::demo_home();
    let mut cmd = command(&home, seedline_bin());
    cmd.arg("--db").arg(&db).env(AUTOSAVE_OFF.0, AUTOSAVE_OFF.1);
    for (k, v) in extra_env {
        cmd.env(k, v);
    }
    Tui::spawn(home, cmd, 80, 24)
}

/// Longer than the default autosave period (2 s): a draft on disk after this is the timer's.
const LONGER_THAN_AUTOSAVE: Duration = Duration::from_millis(2500);

/// Types a note with the autosave off, sends `signal` with the terminal still there (so only the
/// signal path can save), and expects `code`, the terminal restored and exactly the typed text.
fn signal_while_typing(signal: i32, code: i32) {
    let mut tui = start_without_autosave(&[]);
    type_a_note(&mut tui);
    let idle = Instant::now();
    while idle.elapsed() < LONGER_THAN_AUTOSAVE {
        tui.pump(Duration::from_millis(50));
    }
    assert_no_draft_yet(&tui._home);
    let mark = tui.raw.len();
    // SAFETY: kill(2) on our own child.
    assert_eq!(unsafe { libc::kill(tui.pid(), signal) }, 0);
    tui.assert_exit_code(code);
    assert_restored(&tui.raw, mark);
    assert_draft_is_the_typed_text(&tui._home);
    reopened(tui._home);
}

#[test]
fn sigterm_while_typing_keeps_the_exact_text() {
    signal_while_typing(libc::SIGTERM, 143);
}

#[test]
fn sighup_while_typing_keeps_the_exact_text() {
    signal_while_typing(libc::SIGHUP, 129);
}

/// Runs seedline on a pty of our own, types a note, closes every descriptor of the master side
/// and returns the exit status. `controlling`: the pty is the session's controlling terminal, so
/// the kernel sends SIGHUP (what an SSH drop does); without it nothing is signalled and the
/// program must notice the hang-up on its input (POLLHUP).
fn hang_up_while_typing(
    home: &crate::common::Home,
    db: &std::path::Path,
    controlling: bool,
) -> i32 {
    use std::io::{Read, Write};
    use std::os::fd::FromRawFd;
    use std::os::unix::process::CommandExt;
    // Our own pty, so that closing the master really hangs the terminal up (the pty library keeps
    // a descriptor of its own).
    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize {
        ws_row: 24,
        ws_col: 80,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty fills two descriptors; the name and termios pointers may be null.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(rc, 0);
    // Other tests fork at the same time: the master must not leak into their children, or it
    // would stay open and the terminal never hang up.
    // SAFETY: fcntl on descriptors we own.
    unsafe {
        libc::fcntl(master, libc::F_SETFD, libc::FD_CLOEXEC);
        libc::fcntl(slave, libc::F_SETFD, libc::FD_CLOEXEC);
    }
    let stdio = |fd: i32| {
        // SAFETY: a fresh duplicate owned by the Stdio.
        std::process::Stdio::from(unsafe {
            std::fs::File::from_raw_fd(libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0))
        })
    };
    let mut cmd = command(home, seedline_bin());
    cmd.arg("--db")
        .arg(db)
        .env(AUTOSAVE_OFF.0, AUTOSAVE_OFF.1)
        .stdin(stdio(slave))
        .stdout(stdio(slave))
        .stderr(stdio(slave));
    // SAFETY: setsid and ioctl are async-signal-safe; with TIOCSCTTY the pty becomes the
    // controlling terminal.
    unsafe {
        cmd.pre_exec(move || {
            libc::setsid();
            if controlling {
                libc::ioctl(0, libc::TIOCSCTTY, 0);
            }
            Ok(())
        });
    }
    let mut child = cmd.spawn().unwrap();
    // SAFETY: the parent's copy of the slave is not needed.
    unsafe { libc::close(slave) };
    // SAFETY: we own `master`; the reader gets a duplicate so the writer can close its own.
    let mut reader =
        unsafe { std::fs::File::from_raw_fd(libc::fcntl(master, libc::F_DUPFD_CLOEXEC, 0)) };
    let mut writer = unsafe { std::fs::File::from_raw_fd(master) };
    let output = std::sync::Arc::new(std::sync::Mutex::new(Vec::<u8>::new()));
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (sink, halt) = (std::sync::Arc::clone(&output), std::sync::Arc::clone(&stop));
    // Drains the output (a full pty buffer would block the program) until told to stop; then its
    // descriptor closes with it.
    let drain = std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while !halt.load(std::sync::atomic::Ordering::SeqCst) {
            let mut fds = libc::pollfd {
                fd: std::os::fd::AsRawFd::as_raw_fd(&reader),
                events: libc::POLLIN,
                revents: 0,
            };
            // SAFETY: one valid pollfd.
            if unsafe { libc::poll(&mut fds, 1, 50) } <= 0 {
                continue;
            }
            match reader.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => sink.lock().unwrap().extend_from_slice(&buf[..n]),
            }
        }
    });
    let wait_until = |what: &str, ok: &dyn Fn(&Screen) -> bool| {
        let start = Instant::now();
        loop {
            let mut screen = Screen::new(80, 24);
            screen.feed(&output.lock().unwrap());
            if ok(&screen) {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "timed out waiting for {what}; screen:\n{}",
                screen.text()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    wait_until("the dashboard", &|s| {
        s.contains("統合プロジェクト") && s.contains("医薬品")
    });
    for (keys, then) in [
        ("\t", " / 200"),
        ("\r", "研究開発代表者"),
        ("n", "記録者"),
        (TYPED, "PMDA相談の準備"),
    ] {
        writer.write_all(keys.as_bytes()).unwrap();
        wait_until(then, &|s| s.contains(then));
    }
    std::thread::sleep(LONGER_THAN_AUTOSAVE);
    assert_no_draft_yet(home);
    // The connection drops: every descriptor of the master side closes.
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    drain.join().unwrap();
    drop(writer);
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "still running 5 s after the hang-up"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    status
        .code()
        .unwrap_or_else(|| panic!("exited by itself, not killed: {status:?}"))
}

#[test]
fn a_dropped_connection_exits_promptly_and_keeps_the_text() {
    // SIGHUP from the kernel: the signal path saves the draft.
    let (home, db) = crate::pty::demo_home();
    assert_eq!(hang_up_while_typing(&home, &db, true), 129);
    assert_draft_is_the_typed_text(&home);
    reopened(home);
}

#[test]
fn a_hung_up_input_without_sighup_still_keeps_the_text() {
    // No controlling terminal, so no SIGHUP: the hang-up is seen on standard input.
    let (home, db) = crate::pty::demo_home();
    assert_eq!(hang_up_while_typing(&home, &db, false), 129);
    assert_draft_is_the_typed_text(&home);
    reopened(home);
}

#[test]
fn a_panic_restores_the_terminal_prints_after_it_and_keeps_the_text() {
    let mut tui = start_without_autosave(&[("SEEDLINE_DEBUG_PANIC", "1"), ("RUST_BACKTRACE", "0")]);
    type_a_note(&mut tui);
    let idle = Instant::now();
    while idle.elapsed() < LONGER_THAN_AUTOSAVE {
        tui.pump(Duration::from_millis(50));
    }
    assert_no_draft_yet(&tui._home);
    let mark = tui.raw.len();
    tui.send("\x1b[24~"); // F12: the debug-build panic trigger
    tui.assert_exit_code(101);
    assert_restored(&tui.raw, mark);
    assert_cooked(&tui.termios());
    let left = last_index(&tui.raw, LEAVE_ALT_SCREEN).unwrap();
    let message =
        last_index(&tui.raw, b"debug panic requested").expect("the panic message is printed");
    assert!(
        message > left,
        "the panic text comes after the terminal is restored"
    );
    assert!(contains(&tui.raw[left..], b"panicked"));
    assert_draft_is_the_typed_text(&tui._home);
    reopened(tui._home);
}
