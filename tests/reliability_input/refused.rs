//! Control and bidi characters: the same refused set for every free-text input path.

use crate::common::{Home, fixture, raw};
use crate::ui::Harness;
use seedline::Lang;
use seedline::app::keymap::Key;
use seedline::app::{DraftRecord, FormKind, Overlay};
use seedline::model::{NewNote, NoteKind};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

/// Characters no stored text may hold, with their code point as the error must name it. Written
/// out here (not computed by the function under test): C0 controls other than tab and line feed,
/// a lone CR, DEL, C1 controls, bidi embedding / override / isolate controls and marks, the line
/// and paragraph separators, the BOM / zero-width no-break space, interlinear annotation marks.
/// NUL is absent: an argument cannot hold it (the TUI and store tests cover it).
pub const REFUSED: &[(char, &str)] = &[
    ('\u{01}', "U+0001"),
    ('\u{07}', "U+0007"),
    ('\u{08}', "U+0008"),
    ('\u{0B}', "U+000B"),
    ('\u{0C}', "U+000C"),
    ('\r', "U+000D"),
    ('\u{1B}', "U+001B"),
    ('\u{1F}', "U+001F"),
    ('\u{7F}', "U+007F"),
    ('\u{80}', "U+0080"),
    ('\u{85}', "U+0085"),
    ('\u{9B}', "U+009B"),
    ('\u{9F}', "U+009F"),
    ('\u{061C}', "U+061C"),
    ('\u{200E}', "U+200E"),
    ('\u{200F}', "U+200F"),
    ('\u{202A}', "U+202A"),
    ('\u{202B}', "U+202B"),
    ('\u{202C}', "U+202C"),
    ('\u{202D}', "U+202D"),
    ('\u{202E}', "U+202E"),
    ('\u{2066}', "U+2066"),
    ('\u{2067}', "U+2067"),
    ('\u{2068}', "U+2068"),
    ('\u{2069}', "U+2069"),
    ('\u{2028}', "U+2028"),
    ('\u{2029}', "U+2029"),
    ('\u{FEFF}', "U+FEFF"),
    ('\u{FFF9}', "U+FFF9"),
];

/// Refused in one-line fields only.
const ONE_LINE_ONLY: &[(char, &str)] = &[('\t', "U+0009"), ('\n', "U+000A")];

const PROJECT: &str = "JP25fx0000020";

/// A database's state from outside: `PRAGMA data_version` on a connection held open, and a
/// checksum of the database and WAL files.
pub struct Unchanged {
    conn: rusqlite::Connection,
    version: i64,
    sum: u64,
    path: PathBuf,
}

fn checksum(path: &Path) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for suffix in ["", "-wal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        std::fs::read(PathBuf::from(p))
            .unwrap_or_default()
            .hash(&mut h);
    }
    h.finish()
}

impl Unchanged {
    pub fn take(path: &Path) -> Unchanged {
        let conn = raw(path);
        let version = conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .unwrap();
        Unchanged {
            conn,
            version,
            sum: checksum(path),
            path: path.to_path_buf(),
        }
    }

    pub fn check(&self, what: &str) {
        let now: i64 = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(now, self.version, "{what}: another connection committed");
        assert_eq!(
            checksum(&self.path),
            self.sum,
            "{what}: database bytes changed"
        );
    }
}

/// Runs one command with `value` in the free-text argument; asserts it is refused naming the
/// argument, the code point and the position (2: the value is `x{c}y`), with nothing written.
fn assert_refused(home: &Home, db: &Path, args: &[&str], arg: &str, c: char, code: &str) {
    let before = Unchanged::take(db);
    let value = format!("x{c}y");
    let mut cmd = home.seedline();
    cmd.args(args).arg(&value).arg("--db").arg(db);
    let out = cmd.output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    let what = format!("{args:?} {arg} {code}");
    assert!(!out.status.success(), "{what}: accepted");
    assert!(
        err.contains(&format!("{arg}: ")) && err.contains(code) && err.contains("2 文字目の"),
        "{what}: {err}"
    );
    assert!(err.contains("は使えません"), "{what}: {err}");
    assert!(
        !err.contains(c) || c == '\n' || c == '\t',
        "{what}: echoed raw"
    );
    before.check(&what);
}

#[test]
fn every_cli_free_text_argument_refuses_control_and_bidi_characters() {
    let home = Home::new();
    let db = fixture::build(&home, "r.db");
    let cases: &[(&[&str], &str, bool)] = &[
        (
            &["note", "add", PROJECT, "--kind", "meeting", "--body"],
            "--body",
            true,
        ),
        (
            &["flag", PROJECT, "--to", "bridge", "--reason"],
            "--reason",
            true,
        ),
        (
            &[
                "flag",
                PROJECT,
                "--to",
                "bridge",
                "--reason",
                "ok",
                "--competitive",
            ],
            "--competitive",
            true,
        ),
        (
            &[
                "gate",
                "add",
                PROJECT,
                "--decision",
                "go",
                "--gate",
                "SG1",
                "--note",
            ],
            "--note",
            true,
        ),
        (
            &["gate", "add", PROJECT, "--decision", "go", "--gate"],
            "--gate",
            false,
        ),
        (
            &[
                "deadline",
                "add",
                PROJECT,
                "--kind",
                "annual-report",
                "--due",
                "2027-05-31",
                "--title",
            ],
            "--title",
            false,
        ),
        (
            &["attach", "add", PROJECT, "https://example.org/a", "--label"],
            "--label",
            false,
        ),
        (
            &["phase", PROJECT, "--to", "臨床", "--reason"],
            "--reason",
            true,
        ),
    ];
    for (args, arg, multiline) in cases {
        for (c, code) in REFUSED {
            // `--competitive STATUS:comment`: the comment is the free text.
            if *arg == "--competitive" {
                let mut a = args.to_vec();
                a.pop();
                let before = Unchanged::take(&db);
                let out = home
                    .seedline()
                    .args(&a)
                    .arg("--competitive")
                    .arg(format!("partial:x{c}y"))
                    .arg("--db")
                    .arg(&db)
                    .output()
                    .unwrap();
                let err = String::from_utf8_lossy(&out.stderr);
                assert!(!out.status.success(), "--competitive {code}");
                assert!(
                    err.contains("--competitive: ") && err.contains(code),
                    "{err}"
                );
                before.check(code);
                continue;
            }
            assert_refused(&home, &db, args, arg, *c, code);
        }
        if !multiline {
            for (c, code) in ONE_LINE_ONLY {
                assert_refused(&home, &db, args, arg, *c, code);
            }
        }
    }
}

#[test]
fn japanese_emoji_tab_and_line_breaks_are_accepted_in_a_note() {
    let home = Home::new();
    let db = fixture::build(&home, "ok.db");
    let body = "面談：がん😀\tタブ\n次の行\r\n（知財部）";
    let out = home
        .seedline()
        .args([
            "note", "add", PROJECT, "--kind", "meeting", "--body", body, "--db",
        ])
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stored: String = raw(&db)
        .query_row("SELECT body FROM note ORDER BY id DESC LIMIT 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(stored, body);
}

#[test]
fn the_store_refuses_what_the_cli_refuses() {
    let home = Home::new();
    let db = fixture::build(&home, "s.db");
    let mut store =
        seedline::store::Store::open(&db, seedline::store::OpenOptions { create: false }).unwrap();
    let project = store.project_id(PROJECT).unwrap();
    let author = seedline::model::Author {
        name: "test".into(),
        role: "po".into(),
    };
    let before = Unchanged::take(&db);
    for (c, code) in REFUSED.iter().chain([&('\0', "U+0000")]) {
        let note = NewNote {
            kind: NoteKind::Meeting,
            body: format!("x{c}y"),
            occurred_on: crate::common::today(),
            follow_up_on: None,
        };
        let e = store
            .add_note(project, &note, &author)
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("body: ") && e.contains(code) && e.contains("at character 2"),
            "{e}"
        );
        let deadline = seedline::model::NewDeadline {
            kind: seedline::model::DeadlineKind::AnnualReport,
            title: format!("x{c}y"),
            due_on: crate::common::today(),
        };
        let e = store
            .add_deadline(project, &deadline, &author)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("title: ") && e.contains(code), "{e}");
    }
    before.check("store");
}

/// A draft restored from the draft file can hold what typing and pasting drop: saving it is
/// refused with the field named, the form stays open, nothing is written.
#[test]
fn a_tui_form_with_a_control_character_is_refused_at_save() {
    for lang in [Lang::En, Lang::Ja] {
        let mut t = Harness::new(lang, 100, 30);
        let project_id = t.store.project_id(PROJECT).unwrap();
        let db = t.home.path("ui.db");
        for (c, code) in REFUSED.iter().chain([&('\0', "U+0000"), &('\n', "U+000A")]) {
            let before = Unchanged::take(&db);
            t.app.restore_drafts(vec![DraftRecord {
                kind: FormKind::Gate { project_id },
                heading: "gate".into(),
                values: vec![
                    ("gate".into(), "SG2".into()),
                    ("note".into(), format!("x{c}y")),
                ],
                focus: 0,
            }]);
            assert!(matches!(t.app.overlay, Overlay::Form(_)));
            t.keys(&[Key::Ctrl('s')]);
            let status = t.app.status.clone().unwrap_or_default();
            assert!(
                matches!(t.app.overlay, Overlay::Form(_)),
                "{code}: the form stays open"
            );
            let label = if lang == Lang::En {
                "Note: "
            } else {
                "メモ: "
            };
            assert!(
                status.starts_with(label) && status.contains(code),
                "{code}: {status}"
            );
            assert!(status.contains('2'), "{code}: the position: {status}");
            before.check(code);
            t.keys(&[Key::Esc]);
        }
    }
}
