//! `NO_COLOR` through the real start-up path: the binary in a pty, its byte stream searched for
//! SGR colour parameters (foreground 30–38/90–97, background 40–48/100–107).
//!
//! crossterm drops colour sequences by itself when `NO_COLOR` is set, so "no colour" alone would
//! pass even if seedline never read the variable. What only seedline's monochrome theme does is
//! draw dim text (the footer hints) with the DIM attribute (SGR 2) instead of dark grey: that is
//! what tells that the start-up path detected `NO_COLOR`.

use super::{Tui, command, list_count, seedline_bin, wait_dashboard};

/// The colour parameters of every SGR sequence (`ESC [ … m`) in `raw`, as written.
fn colour_parameters(raw: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    let mut i = 0;
    while i + 1 < raw.len() {
        if raw[i] != 0x1b || raw[i + 1] != b'[' {
            i += 1;
            continue;
        }
        let start = i + 2;
        let mut end = start;
        while end < raw.len() && (raw[end].is_ascii_digit() || raw[end] == b';' || raw[end] == b':')
        {
            end += 1;
        }
        if end < raw.len() && raw[end] == b'm' {
            let params = String::from_utf8_lossy(&raw[start..end]).into_owned();
            let mut codes = params.split(';').map(|p| p.parse::<u32>().unwrap_or(0));
            while let Some(code) = codes.next() {
                match code {
                    38 | 48 => {
                        // 38;5;n or 38;2;r;g;b: the rest belongs to this colour.
                        let rest = match codes.next() {
                            Some(5) => 1,
                            Some(2) => 3,
                            _ => 0,
                        };
                        codes.by_ref().take(rest).for_each(drop);
                        found.push(params.clone());
                    }
                    30..=37 | 40..=47 | 90..=97 | 100..=107 => found.push(params.clone()),
                    _ => {}
                }
            }
        }
        i = end.max(i + 1);
    }
    found
}

#[test]
fn the_parser_tells_colours_from_cursor_moves_and_resets() {
    assert!(colour_parameters(b"\x1b[3;5H\x1b[39m\x1b[49m\x1b[0m\x1b[1;7m\x1b[97;1H").is_empty());
    assert_eq!(
        colour_parameters(b"a\x1b[36mb\x1b[1;41mc\x1b[38;5;37md\x1b[92m"),
        ["36", "1;41", "38;5;37", "92"]
    );
}

/// The dashboard, the project list and back, then quit; every byte the program wrote.
fn a_session(no_color: Option<&str>) -> Vec<u8> {
    let (home, db) = super::demo_home();
    let mut cmd = command(&home, seedline_bin());
    cmd.arg("--db").arg(&db);
    if let Some(value) = no_color {
        cmd.env("NO_COLOR", value);
    }
    let mut tui = Tui::spawn(home, cmd, 80, 24);
    wait_dashboard(&mut tui);
    tui.send("\t");
    tui.wait_for("the project list", |s| list_count(s) == Some((200, 200)));
    tui.send("q");
    tui.wait_for("the dashboard again", |s| list_count(s).is_none());
    tui.send("q");
    tui.assert_exit_code(0);
    tui.raw
}

/// Whether some SGR sequence in `raw` turns on DIM (a lone `2` parameter, not part of a colour).
fn has_dim(raw: &[u8]) -> bool {
    let mut i = 0;
    while let Some(at) = raw[i..].windows(2).position(|w| w == b"\x1b[") {
        let start = i + at + 2;
        let mut end = start;
        while end < raw.len() && (raw[end].is_ascii_digit() || raw[end] == b';') {
            end += 1;
        }
        if end < raw.len() && raw[end] == b'm' {
            let params = String::from_utf8_lossy(&raw[start..end]).into_owned();
            let mut codes = params.split(';');
            while let Some(code) = codes.next() {
                match code {
                    "38" | "48" => {
                        let rest = if codes.next() == Some("5") { 1 } else { 3 };
                        codes.by_ref().take(rest).for_each(drop);
                    }
                    "2" => return true,
                    _ => {}
                }
            }
        }
        i = end.max(start);
    }
    false
}

#[test]
fn the_dim_finder_skips_colour_sub_parameters() {
    assert!(has_dim(b"x\x1b[2mhint"));
    assert!(has_dim(b"\x1b[1;2m"));
    assert!(!has_dim(b"\x1b[38;5;2m\x1b[38;2;2;2;2m\x1b[2J\x1b[22m"));
}

#[test]
fn no_color_set_means_not_one_colour_on_the_terminal() {
    let raw = a_session(Some("1"));
    let colours = colour_parameters(&raw);
    assert!(colours.is_empty(), "colours with NO_COLOR=1: {colours:?}");
    // Still styled without colour: reverse video marks the title bar and the cursor, and the
    // hints are dim (seedline's monochrome theme, chosen at start).
    assert!(super::contains(&raw, b"\x1b[7m"), "no reverse video at all");
    assert!(has_dim(&raw), "the monochrome theme was not chosen: no DIM");
}

#[test]
fn without_no_color_the_screens_are_coloured() {
    for setting in [None, Some("")] {
        let raw = a_session(setting);
        let colours = colour_parameters(&raw);
        assert!(
            !colours.is_empty(),
            "no colour with NO_COLOR={setting:?} (an empty value does not count)"
        );
        assert!(!has_dim(&raw), "monochrome with NO_COLOR={setting:?}");
    }
}
