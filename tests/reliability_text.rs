//! Hostile text never reaches the terminal raw: the sanitiser against a literal list of the
//! characters it must replace (an oracle independent of the code), hostile titles, names and notes
//! through every view of the real binary, property tests of the sanitiser and cutting by width.

use crate::common::{Home, fixture, raw};
use predicates::prelude::*;
use proptest::prelude::*;

const HOSTILE: &str = "\x1b]0;pwned\x07\x1b[2J\x1b]52;c;Zm9v\x07X\u{9b}31mY abc\u{202E}fed\u{2066}";

/// The characters that must never reach a terminal as they are, written out here rather than
/// taken from the code under test: C0 controls, DEL, C1 controls, the bidi marks, embeddings,
/// overrides and isolates, the Unicode line and paragraph separators, the BOM / zero-width
/// no-break space and the interlinear annotation controls.
const REFUSED: &[(u32, u32)] = &[
    (0x00, 0x1F),
    (0x7F, 0x7F),
    (0x80, 0x9F),
    (0x061C, 0x061C),
    (0x200E, 0x200F),
    (0x202A, 0x202E),
    (0x2066, 0x2069),
    (0x2028, 0x2029),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
];

fn refused(c: char) -> bool {
    REFUSED
        .iter()
        .any(|&(lo, hi)| (lo..=hi).contains(&(c as u32)))
}

/// Every refused character, one by one.
fn every_refused() -> impl Iterator<Item = char> {
    REFUSED
        .iter()
        .flat_map(|&(lo, hi)| (lo..=hi).filter_map(char::from_u32))
}

/// Text that must pass through untouched: Japanese, half-width kana, full-width forms, emoji (a
/// ZWJ sequence and a flag included), combining marks and variation selectors.
const PRINTABLE: &[&str] = &[
    "ヒトiPS細胞を用いた難治性疾患の病態解明（第Ⅱ相）",
    "ｶﾀｶﾅ ﾃﾞｰﾀ ｶﾞﾝ",
    "ＡＭＥＤ　全角スペース　①②③",
    "😀 👩\u{200D}🔬 🇯🇵 ✔\u{FE0F}",
    "e\u{301} 葛\u{E0100} Å",
    "plain ASCII: a-z, 0-9, ~!@#$%^&*()_+{}|:\"<>?",
];

fn no_control_bytes(text: &str) -> bool {
    !text.chars().any(|c| c != '\n' && refused(c))
}

/// What a refused character becomes on one line: the control picture for C0 and DEL, `<U+XXXX>`
/// for the rest; a tab a space, a line break `␤`.
fn expected_on_a_line(c: char) -> String {
    match c as u32 {
        0x09 => " ".into(),
        0x0A => "\u{2424}".into(),
        n @ 0x00..=0x1F => char::from_u32(0x2400 + n).unwrap().to_string(),
        0x7F => "\u{2421}".into(),
        n => format!("<U+{n:04X}>"),
    }
}

#[test]
fn every_refused_character_becomes_its_visible_stand_in() {
    use seedline::text::{sanitize_line, sanitize_multiline};
    for c in every_refused() {
        let text = format!("a{c}b");
        let line = expected_on_a_line(c);
        assert_eq!(sanitize_line(&text), format!("a{line}b"), "{c:?}");
        let multi = match c {
            '\n' => "\n".to_string(),
            '\t' => "    ".to_string(),
            _ => line,
        };
        assert_eq!(sanitize_multiline(&text), format!("a{multi}b"), "{c:?}");
    }
    // CR LF is one line break; a lone CR is shown.
    assert_eq!(sanitize_multiline("a\r\nb\rc"), "a\nb\u{240D}c");
    assert_eq!(
        seedline::text::sanitize_line("a\r\nb"),
        "a\u{240D}\u{2424}b"
    );
}

#[test]
fn printable_text_passes_untouched_and_nothing_else_is_refused() {
    use seedline::text::{sanitize_line, sanitize_multiline};
    use std::borrow::Cow;
    for text in PRINTABLE {
        assert!(
            matches!(sanitize_line(text), Cow::Borrowed(t) if t == *text),
            "{text}"
        );
        assert!(
            matches!(sanitize_multiline(text), Cow::Borrowed(t) if t == *text),
            "{text}"
        );
    }
    assert_eq!(sanitize_multiline("行1\n行2\n"), "行1\n行2\n");
    // Every other scalar value passes: the list above is the whole of what is refused.
    let mut buf = [0u8; 4];
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        if refused(c) {
            continue;
        }
        let s: &str = c.encode_utf8(&mut buf);
        assert!(
            matches!(sanitize_line(s), Cow::Borrowed(_)),
            "{c:?} changed"
        );
    }
}

#[test]
fn hostile_titles_names_and_notes_never_reach_the_terminal_raw() {
    let home = Home::new();
    let path = fixture::build(&home, "h.db");
    let conn = raw(&path);
    conn.execute(
        "UPDATE project SET title = ?1, pi_name = ?1 WHERE id = 1",
        [HOSTILE],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO note (project_id, author, author_role, kind, body, occurred_on, created_at, updated_at)
         VALUES (1, ?1, 'PO', 'meeting', ?1, '2026-11-01', 't', 't')",
        [HOSTILE],
    )
    .unwrap();
    for args in [
        vec!["show", "list", "--width", "200"],
        vec!["show", "project", "JP25fx0000001", "--width", "120"],
        vec!["show", "list", "--query", HOSTILE],
        vec!["history", "JP25fx0000001"],
    ] {
        let out = home
            .seedline()
            .args(&args)
            .args(["--db", "h.db"])
            .output()
            .unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(no_control_bytes(&stdout), "{args:?} stdout: {stdout:?}");
        assert!(no_control_bytes(&stderr), "{args:?} stderr: {stderr:?}");
    }
    let shown = home
        .seedline()
        .args([
            "show",
            "project",
            "JP25fx0000001",
            "--db",
            "h.db",
            "--width",
            "200",
        ])
        .output()
        .unwrap();
    let shown = String::from_utf8(shown.stdout).unwrap();
    assert!(
        shown.contains('\u{241B}') && shown.contains("<U+202E>"),
        "visible placeholders: {shown}"
    );
    // Error messages quote user input through the sanitiser too.
    home.seedline()
        .args([
            "note",
            "add",
            "JP\x1b[2Jx",
            "--kind",
            "meeting",
            "--body",
            "x",
            "--db",
            "h.db",
        ])
        .assert()
        .failure()
        .stderr(predicate::function(|s: &str| {
            no_control_bytes(s) && s.contains("JP\u{241B}[2Jx")
        }));
    // NUL is refused on input.
    home.seedline()
        .args([
            "note",
            "add",
            "JP25fx0000001",
            "--kind",
            "meeting",
            "--db",
            "h.db",
        ])
        .write_stdin("before\0after")
        .assert()
        .failure()
        .stderr(predicate::str::contains("NUL"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_query_parser_never_panics(input in "\\PC{0,40}|[a-z:,.\\-\" 　がん臨床]{0,40}") {
        let reference = seedline::model::Reference::default();
        let _ = seedline::query::resolve(&input, &reference);
    }

    #[test]
    fn the_sanitiser_leaves_no_control_character_and_keeps_printable_text(
        input in "\\PC{0,60}",
        noise in proptest::collection::vec((0usize..64, 0usize..200), 0..10),
    ) {
        // Refused characters (from the literal list) at random places.
        let refused_chars: Vec<char> = every_refused().collect();
        let mut chars: Vec<char> = input.chars().collect();
        for (at, which) in noise {
            chars.insert(at.min(chars.len()), refused_chars[which % refused_chars.len()]);
        }
        let text: String = chars.into_iter().collect();
        let line = seedline::text::sanitize_line(&text);
        prop_assert!(!line.chars().any(refused), "{:?}", line);
        let multi = seedline::text::sanitize_multiline(&text);
        prop_assert!(!multi.chars().any(|c| c != '\n' && refused(c)), "{:?}", multi);
        // Without refused characters the text is left exactly as it was.
        let clean: String = text.chars().filter(|c| !refused(*c)).collect();
        let (line, multi) = (
            seedline::text::sanitize_line(&clean),
            seedline::text::sanitize_multiline(&clean),
        );
        prop_assert_eq!(line.as_ref(), clean.as_str());
        prop_assert_eq!(multi.as_ref(), clean.as_str());
    }

    #[test]
    fn truncation_never_exceeds_the_width(input in "\\PC{0,60}", width in 0usize..50) {
        let clean = seedline::text::sanitize_line(&input);
        prop_assert!(seedline::text::width(&seedline::text::truncate(&clean, width)) <= width);
        prop_assert_eq!(seedline::text::width(&seedline::text::fit(&clean, width)), width);
    }
}

#[test]
fn cutting_and_padding_keep_exact_cell_counts() {
    use seedline::text::{fit, fit_right, truncate};
    // A wide character that exactly fills what is left before the `~` is kept.
    assert_eq!(truncate("研究開発", 5), "研究~");
    assert_eq!(truncate("研究開発", 8), "研究開発");
    assert_eq!(fit("研究開発", 6), "研究~ ");
    assert_eq!(fit_right("12", 5), "   12");
    assert_eq!(fit_right("1,204", 5), "1,204");
    assert_eq!(fit_right("研究開発", 5), "研究~");
    assert_eq!(fit_right("研究", 5), " 研究");
    assert_eq!(fit_right("", 2), "  ");
}

#[test]
fn a_typed_field_is_checked_for_blank_nul_and_length_in_characters() {
    use seedline::text::check_field;
    let err = |r: seedline::Result<()>| r.unwrap_err().to_string();
    assert_eq!(
        err(check_field("理由", " 　", 10, true)),
        "理由: must not be empty"
    );
    assert!(
        check_field("理由", "", 10, false).is_ok(),
        "optional may be blank"
    );
    assert!(check_field("理由", "x", 10, true).is_ok());
    assert_eq!(
        err(check_field("理由", "a\0b", 10, false)),
        "理由: control character U+0000 (NUL) at character 2 is not allowed"
    );
    // Ten characters (thirty bytes) are ten, not thirty.
    assert!(check_field("理由", &"研".repeat(10), 10, true).is_ok());
    assert_eq!(
        err(check_field("理由", &"研".repeat(11), 10, true)),
        "理由: 11 characters, at most 10 allowed"
    );
    assert!(check_field("理由", "abc", 10, true).is_ok());
}
