//! The sources keep every wording in the message table: a message written anywhere else would
//! reach the officer in one language only. Checked on the text of `src/`.

use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every source file outside the message table, with its text (tests included: a test module
/// has no officer to speak to, but `Msg::new` stays in the table all the same).
fn outside_the_table() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    files
        .into_iter()
        .filter(|p| !p.starts_with(root.join("msg")))
        .map(|p| {
            let name = p.strip_prefix(&root).unwrap().display().to_string();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// The string literals that follow each `needle(` in `text`, with their line numbers.
fn first_literals<'a>(text: &'a str, needle: &str) -> Vec<(usize, &'a str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find(needle) {
        let at = from + i + needle.len();
        let rest = text[at..].trim_start();
        if let Some(body) = rest.strip_prefix('"')
            && let Some(end) = body.find('"')
        {
            out.push((text[..at].lines().count(), &body[..end]));
        }
        from = at;
    }
    out
}

#[test]
fn wordings_are_made_in_the_message_table_only() {
    for (file, text) in outside_the_table() {
        assert!(
            !text.contains("Msg::new("),
            "src/{file}: a wording made outside src/msg/"
        );
    }
}

#[test]
fn every_refused_value_names_a_field_the_officer_knows() {
    let mut checked = 0;
    for (file, text) in outside_the_table() {
        for (line, field) in first_literals(&text, "Error::invalid(") {
            checked += 1;
            let verbatim = field.starts_with("--")
                || field.chars().all(|c| c.is_ascii_uppercase() || c == '_');
            assert!(
                verbatim || seedline::msg::field_label(field).is_some(),
                "src/{file}:{line}: field '{field}' has no label in msg::field_label"
            );
        }
    }
    assert!(checked > 20, "the scan found the call sites ({checked})");
}

/// English words in a literal (3 or more in a row), placeholders and options aside.
fn english_in(literal: &str) -> bool {
    let words: String = literal
        .split(['{', '}'])
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, s)| s)
        .collect::<Vec<_>>()
        .join(" ");
    crate::lang::english_sentence(&words).is_some()
}

#[test]
fn errors_and_warnings_on_stderr_come_from_the_table() {
    let mut checked = 0;
    for (file, text) in outside_the_table() {
        for needle in [
            "bail!(",
            "anyhow!(",
            "eprintln!(",
            "eprint!(",
            ".context(",
            "with_context(|| format!(",
        ] {
            for (line, literal) in first_literals(&text, needle) {
                checked += 1;
                assert!(
                    !english_in(literal),
                    "src/{file}:{line}: an English-only message `{literal}`: word it in src/msg/"
                );
            }
        }
    }
    assert!(checked > 5, "the scan found the call sites ({checked})");
}

/// The English literal of `lang, "ja", "en")` (the text after `tr(`), when both are literals.
fn tr_english(after: &str) -> Option<&str> {
    let literal = |s: &str| -> Option<(usize, usize)> {
        let body = s.strip_prefix('"')?;
        let mut escaped = false;
        for (i, c) in body.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => return Some((1, 1 + i)),
                _ => escaped = false,
            }
        }
        None
    };
    let comma = after.find(',')?;
    if after[..comma].contains(['(', '"', ')']) {
        return None;
    }
    let rest = after[comma + 1..].trim_start();
    let (_, end) = literal(rest)?;
    let rest = rest[end + 1..].trim_start().strip_prefix(',')?.trim_start();
    let (start, end) = literal(rest)?;
    Some(&rest[start..end])
}

#[test]
fn the_english_side_of_tr_holds_no_japanese() {
    let japanese = |s: &str| {
        s.chars()
            .any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}'))
    };
    let mut checked = 0;
    for (file, text) in outside_the_table() {
        let mut from = 0;
        while let Some(i) = text[from..].find("tr(") {
            let at = from + i + 3;
            from = at;
            // tr(lang, "ja", "en"): both literals right after the language.
            if let Some(en) = tr_english(&text[at..]) {
                checked += 1;
                assert!(
                    !japanese(en),
                    "src/{file}:{}: Japanese on the English side: {en:?}",
                    text[..at].lines().count(),
                );
            }
        }
    }
    assert!(checked > 100, "the scan found the tr( calls ({checked})");
}
