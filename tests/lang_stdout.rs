//! Japanese throughout, English throughout, on stdout: what succeeding `seedline …` commands
//! print (notes, flags, phases, gates, outcomes, deadlines, watching, exports, imports,
//! programs, backups, doctor) is worded in the run's language: under `--lang ja` no English
//! sentence, under `--lang en` no Japanese word but data. Machine-readable output (CSV) is not
//! among them.

use crate::common::{Home, fixture};
use crate::lang::{english_sentence, japanese_word};

/// Succeeding commands, in order on one database, each with the arguments after
/// `--db f.db --lang LANG`: what each prints on stdout is worded in the run's language.
const SUCCEEDING: &[&[&str]] = &[
    &[
        "note",
        "add",
        "JP25fx0000001",
        "--kind",
        "meeting",
        "--body",
        "面談",
    ],
    &[
        "flag",
        "JP25fx0000001",
        "--reason",
        "導出見込み",
        "--to",
        "crest",
    ],
    &["phase", "JP25fx0000001", "--to", "applied"],
    &[
        "gate",
        "add",
        "JP25fx0000001",
        "--gate",
        "SG2",
        "--decision",
        "go",
    ],
    &["gate", "list", "JP25fx0000001"],
    &[
        "outcome",
        "add",
        "JP25fx0000001",
        "--kind",
        "paper",
        "--date",
        "2026-01-01",
    ],
    &[
        "deadline",
        "add",
        "JP25fx0000001",
        "--kind",
        "annual-report",
        "--due",
        "2026-12-31",
    ],
    &["watch", "add", "JP25fx0000001"],
    &["watch", "remove", "JP25fx0000001"],
    &["project", "edit", "JP25fx0000001"],
    &["export", "projects", "-o", "out.csv"],
    &[
        "import",
        "projects",
        "out.csv",
        "--mode",
        "upsert",
        "--dry-run",
    ],
    &["import", "projects", "out.csv", "--mode", "upsert"],
    &[
        "program",
        "add",
        "--code",
        "newp",
        "--name",
        "新事業",
        "--ministry",
        "MEXT",
        "--ip",
        "drug",
        "--phases",
        "基礎..臨床",
    ],
    &["backup", "b.db"],
    &["doctor"],
];

/// Runs every succeeding command in `lang` on a fresh fixture: each must succeed; their stdout
/// lines (commands, output files) in order.
fn stdout_lines(lang: &str) -> Vec<(String, String)> {
    let home = Home::new();
    fixture::build(&home, "f.db");
    let mut lines = Vec::new();
    for args in SUCCEEDING {
        let out = home
            .seedline()
            .args(["--db", "f.db", "--lang", lang])
            .args(*args)
            .output()
            .unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(out.status.success(), "{args:?} failed:\n{stderr}");
        assert!(!stdout.trim().is_empty(), "{args:?}: nothing on stdout");
        for line in stdout.lines() {
            lines.push((args.join(" "), line.to_string()));
        }
    }
    lines
}

#[test]
fn succeeding_commands_report_in_japanese_under_lang_ja() {
    for (command, line) in stdout_lines("ja") {
        assert!(
            english_sentence(&line).is_none(),
            "{command}: English on a Japanese stdout: {:?}\n{line}",
            english_sentence(&line)
        );
    }
}

#[test]
fn succeeding_commands_report_in_english_under_lang_en() {
    // Data: the values typed, the fixture's names.
    let data = ["面談", "導出見込み", "新事業"];
    let lines = stdout_lines("en");
    for (command, line) in &lines {
        assert!(
            japanese_word(line, &data).is_none(),
            "{command}: Japanese on an English stdout: {:?}\n{line}",
            japanese_word(line, &data)
        );
    }
    let all: Vec<&str> = lines.iter().map(|(_, l)| l.as_str()).collect();
    for want in [
        "rows written to",
        "dry run: would import out.csv",
        "program newp added: 新事業",
    ] {
        assert!(all.iter().any(|l| l.contains(want)), "{want}: {all:#?}");
    }
}
