//! Layering and documentation that must stay true: the data layer knows nothing of the terminal,
//! the state machine and the renderer know nothing of SQLite, and the README's key table is the
//! keymap's; lower layers never name higher ones; no file grows past 600 lines.

use std::path::Path;

fn sources(dir: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir);
    if root.is_file() {
        return vec![(
            root.display().to_string(),
            std::fs::read_to_string(&root).unwrap(),
        )];
    }
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push((
                    path.display().to_string(),
                    std::fs::read_to_string(&path).unwrap(),
                ));
            }
        }
    }
    out
}

#[test]
fn the_store_knows_nothing_of_the_terminal_and_the_ui_nothing_of_sqlite() {
    for (path, text) in sources("store") {
        assert!(
            !text.contains("ratatui") && !text.contains("crossterm"),
            "{path} names the terminal"
        );
    }
    for dir in ["app", "ui", "model", "query"] {
        for (path, text) in sources(dir) {
            assert!(!text.contains("rusqlite"), "{path} names rusqlite");
        }
    }
    for dir in ["app", "model", "query"] {
        for (path, text) in sources(dir) {
            assert!(
                !text.contains("ratatui") && !text.contains("crossterm"),
                "{path} names the terminal"
            );
        }
    }
}

/// Whether `text` imports or names `crate::<module>` (also inside a `use crate::{…}` group).
fn names_module(text: &str, module: &str) -> bool {
    let direct = format!("crate::{module}");
    if text.match_indices(&direct).any(|(i, _)| {
        !text[i + direct.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
    }) {
        return true;
    }
    text.match_indices("crate::{").any(|(i, _)| {
        let group = &text[i + "crate::{".len()..];
        let group = &group[..group.find('}').unwrap_or(group.len())];
        group
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .any(|word| word == module)
    })
}

#[test]
fn lower_layers_do_not_name_higher_ones() {
    // query and model are below store, and the state machine and its drawing never touch the
    // database: only tui joins the two sides.
    for dir in ["app", "ui", "query", "model"] {
        for (path, text) in sources(dir) {
            assert!(!names_module(&text, "store"), "{path} names crate::store");
        }
    }
    // The command line is the top: nothing it runs may name it.
    for dir in [
        "tui",
        "app",
        "ui",
        "store",
        "model",
        "query",
        "csv_io",
        "session.rs",
    ] {
        for (path, text) in sources(dir) {
            assert!(!names_module(&text, "cli"), "{path} names crate::cli");
        }
    }
}

#[test]
fn the_layer_check_sees_grouped_imports() {
    assert!(names_module("use crate::store::Store;", "store"));
    assert!(names_module("use crate::{Result, store::Store};", "store"));
    assert!(!names_module("use crate::storage::X;", "store"));
    assert!(!names_module("use crate::{model::Store};", "store"));
}

/// Files may grow to 600 lines before they are split.
const MAX_LINES: usize = 600;

#[test]
fn no_source_file_is_longer_than_600_lines() {
    let mut long = Vec::new();
    for (path, text) in sources("") {
        let lines = text.lines().count();
        if lines > MAX_LINES {
            long.push(format!("{path}: {lines} lines"));
        }
    }
    assert!(long.is_empty(), "split these files:\n{}", long.join("\n"));
}

#[test]
fn the_readme_key_table_is_the_keymap() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = seedline::app::keymap::markdown_table(&seedline::app::keymap::Keymap::default());
    assert!(
        readme.contains(&table),
        "README's key table is out of date; it should read:\n{table}"
    );
}
