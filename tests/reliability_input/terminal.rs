//! `seedline export` to a terminal: data never reaches it as an escape sequence. A note written
//! by an older seedline (or straight into the file) holds ESC, C1 and bidi controls; exported to
//! standard output on a pty it shows placeholders, and to a pipe or file the exact bytes.

use crate::common::{Home, fixture, raw};
use crate::pty::{Tui, command, seedline_bin};
use std::time::Duration;

const HOSTILE: &str = "x\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}y\rz";

fn home_with_hostile_note() -> (Home, std::path::PathBuf) {
    let home = Home::new();
    let db = fixture::build(&home, "t.db");
    let conn = raw(&db);
    let n = conn
        .execute(
            "UPDATE note SET body = ?1 WHERE id = (SELECT min(id) FROM note)",
            [HOSTILE],
        )
        .unwrap();
    assert_eq!(n, 1);
    drop(conn);
    (home, db)
}

#[test]
fn export_to_a_terminal_shows_placeholders_not_escape_sequences() {
    let (home, db) = home_with_hostile_note();
    let mut cmd = command(&home, seedline_bin());
    cmd.args(["export", "notes", "--db"]).arg(&db);
    let mut tui = Tui::spawn(home, cmd, 200, 50);
    let status = tui.wait_exit(Duration::from_secs(10));
    assert!(
        matches!(status, expectrl::process::unix::WaitStatus::Exited(_, 0)),
        "{status:?}"
    );
    let text = String::from_utf8_lossy(&tui.raw).into_owned();
    // The progress line on stderr clears itself with `\r ESC [K`: seedline's own, not data.
    let data = text.replace("\r\u{1b}[K", "");
    assert!(data.contains("x\u{241b}]0;pwned\u{2407}"), "{data}");
    assert!(
        !data.contains('\u{1b}'),
        "ESC reached the terminal: {data:?}"
    );
    assert!(
        !data.contains('\u{9b}') && !data.contains('\u{202e}'),
        "{data:?}"
    );
    assert!(!data.contains('\u{feff}'), "no BOM on a terminal");
    assert!(data.contains("<U+009B>31m<U+202E>y\u{240d}z"), "{data}");
}

#[test]
fn export_to_a_pipe_keeps_the_exact_bytes() {
    let (home, db) = home_with_hostile_note();
    let out = home
        .seedline()
        .args(["export", "notes", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert!(text.contains(HOSTILE), "a pipe gets the data as stored");
}
