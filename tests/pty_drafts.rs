//! Nothing typed is lost when the session ends badly: SIGTERM while typing, the SSH connection
//! dropping (the pty master closed), and a panic — each leaves the exact Japanese text in the
//! draft file, and the next start reopens it.

use crate::pty::{
    LEAVE_ALT_SCREEN, Tui, assert_cooked, assert_restored, command, contains, last_index,
    seedline_bin, wait_dashboard,
};
use std::time::{Duration, Instant};

const TYPED: &str = "面談で確認した事項：PMDA相談の準備";

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

/// The drafts the state directory holds, as text.
fn draft_text(home: &crate::common::Home) -> String {
    let dir = home.path("state");
    let mut text = String::new();
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("drafts-") && name.ends_with(".json") {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                entry.metadata().unwrap().permissions().mode() & 0o777,
                0o600,
                "{name}"
            );
            text.push_str(&std::fs::read_to_string(entry.path()).unwrap());
        }
    }
    text
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

#[test]
fn sigterm_while_typing_keeps_the_exact_text() {
    let mut tui = Tui::start();
    type_a_note(&mut tui);
    let mark = tui.raw.len();
    // SAFETY: kill(2) on our own child.
    assert_eq!(unsafe { libc::kill(tui.pid(), libc::SIGTERM) }, 0);
    tui.assert_exit_code(143);
    assert_restored(&tui.raw, mark);
    assert!(
        draft_text(&tui._home).contains(TYPED),
        "draft: {}",
        draft_text(&tui._home)
    );
    reopened(tui._home);
}

#[test]
fn a_dropped_connection_exits_promptly_and_keeps_the_text() {
    use std::io::{Read, Write};
    use std::os::fd::FromRawFd;
    use std::os::unix::process::CommandExt;
    // Our own pty, so that closing the master really hangs the terminal up (the pty library keeps
    // a descriptor of its own).
    let (home, db) = crate::pty::demo_home();
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
    let mut cmd = command(&home, seedline_bin());
    cmd.arg("--db")
        .arg(&db)
        .stdin(stdio(slave))
        .stdout(stdio(slave))
        .stderr(stdio(slave));
    // SAFETY: setsid and ioctl are async-signal-safe; they make the pty the controlling terminal.
    unsafe {
        cmd.pre_exec(|| {
            libc::setsid();
            libc::ioctl(0, libc::TIOCSCTTY, 0);
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
    let screen = std::sync::Arc::new(std::sync::Mutex::new(Vec::<u8>::new()));
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (sink, halt) = (std::sync::Arc::clone(&screen), std::sync::Arc::clone(&stop));
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
    let seen = |text: &str| String::from_utf8_lossy(&screen.lock().unwrap()).contains(text);
    let wait_until = |what: &str, ok: &dyn Fn() -> bool| {
        let start = Instant::now();
        while !ok() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "timed out waiting for {what}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    wait_until("the dashboard", &|| seen("ダ"));
    for (keys, pause) in [("\t", 600), ("\r", 600), ("n", 600)] {
        writer.write_all(keys.as_bytes()).unwrap();
        std::thread::sleep(Duration::from_millis(pause));
    }
    writer.write_all(TYPED.as_bytes()).unwrap();
    std::thread::sleep(Duration::from_millis(800));
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
    assert!(
        status.code().is_some(),
        "exited by itself, not killed: {status:?}"
    );
    assert!(
        draft_text(&home).contains(TYPED),
        "draft: {}",
        draft_text(&home)
    );
    reopened(home);
}

#[test]
fn a_panic_restores_the_terminal_prints_after_it_and_keeps_the_text() {
    let (home, db) = crate::pty::demo_home();
    let mut cmd = command(&home, seedline_bin());
    cmd.arg("--db")
        .arg(&db)
        .env("SEEDLINE_DEBUG_PANIC", "1")
        .env("RUST_BACKTRACE", "0");
    let mut tui = Tui::spawn(home, cmd, 80, 24);
    type_a_note(&mut tui);
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
    assert!(
        draft_text(&tui._home).contains(TYPED),
        "draft: {}",
        draft_text(&tui._home)
    );
    reopened(tui._home);
}
