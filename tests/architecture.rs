//! Layering and documentation that must stay true: the data layer knows nothing of the terminal,
//! the state machine and the renderer know nothing of SQLite, and the README's key table is the
//! keymap's.

use std::path::Path;

fn sources(dir: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir);
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
