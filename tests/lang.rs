//! Japanese throughout, English throughout: every error and warning `seedline …` prints on stderr
//! is worded in the run's language. A broad set of failing commands (bad dates, an empty note,
//! unknown ids, bad filter terms, bad import files, an existing export file, an unknown officer,
//! a stale version…) runs under `--lang ja` and `--lang en`: the Japanese stderr holds no English
//! sentence, the English one no Japanese word but data (values typed, names, CSV headers).
//! The screens are checked in `lang_screens`, the sources in `lang_sources`.

use crate::common::{Home, fixture};

/// Text with the parts that are not words of a language taken out: commands in backquotes,
/// values in quotes, option names, paths and ids.
pub fn without_verbatim(text: &str) -> String {
    let mut out = String::new();
    let mut in_backquote = false;
    for c in text.chars() {
        match c {
            '`' => in_backquote = !in_backquote,
            _ if in_backquote => {}
            _ => out.push(c),
        }
    }
    // 'value' (ASCII quotes around a value the officer typed or the database holds).
    let mut cleaned = String::new();
    let mut rest = out.as_str();
    while let Some(start) = rest.find('\'') {
        cleaned.push_str(&rest[..start]);
        match rest[start + 1..].find('\'') {
            Some(end) => rest = &rest[start + 1 + end + 1..],
            None => {
                rest = &rest[start + 1..];
            }
        }
    }
    cleaned.push_str(rest);
    cleaned
        .split(' ')
        .filter(|w| {
            !(w.starts_with("--")
                || w.contains('/')
                || w.contains(".csv")
                || w.contains(".db")
                || w.starts_with("JP"))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first run of three or more English words (two letters or more, one space apart): an
/// English sentence, which a Japanese screen or stderr must not hold.
pub fn english_sentence(text: &str) -> Option<String> {
    let text = without_verbatim(text);
    let mut run: Vec<&str> = Vec::new();
    let is_word = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_alphabetic());
    for piece in text.split(' ') {
        // A word may end a clause (`empty;`); punctuation ends the run after it.
        let word = piece.trim_end_matches([',', ';', ':', '.', '?', ')']);
        let ends = word.len() != piece.len();
        if is_word(word) {
            run.push(word);
        } else {
            if run.len() >= 3 {
                return Some(run.join(" "));
            }
            run.clear();
            continue;
        }
        if ends {
            if run.len() >= 3 {
                return Some(run.join(" "));
            }
            run.clear();
        }
    }
    (run.len() >= 3).then(|| run.join(" "))
}

/// Japanese words that are data or the file's own headers, allowed in English text.
const DATA_WORDS: &[&str] = &[
    "課題管理番号",
    "研究開発課題名",
    "事業名",
    "年度",
    "配分額(千円)",
    "役割",
    "担当開始日",
    "担当終了日",
    "コード",
    "令和6年度",
    "令和6年4月1日",
    "令和7年5月31日",
    "ハイウェイ",
    "概要",
];

fn is_japanese(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}' | '\u{3000}'..='\u{303f}')
}

/// The first Japanese character left in English text once quoted values, data words and the
/// given names are taken out.
pub fn japanese_word(text: &str, data: &[&str]) -> Option<String> {
    let mut text = without_verbatim(text);
    use seedline::csv_io::columns as c;
    let headers = [
        c::PROJECTS,
        c::BUDGETS,
        c::ASSIGNMENTS,
        c::OFFICERS,
        c::PROGRAMS,
        c::LINKS,
        c::OUTCOMES,
        c::KAKEN,
    ]
    .into_iter()
    .flatten()
    .map(|column| column.ja);
    let mut words: Vec<&str> = DATA_WORDS
        .iter()
        .chain(data)
        .copied()
        .chain(headers)
        .collect();
    // The longest first: 令和6年度 before 年度.
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    for word in words {
        text = text.replace(word, "");
    }
    text.chars()
        .position(is_japanese)
        .map(|i| text.chars().skip(i.saturating_sub(8)).take(24).collect())
}

#[test]
fn the_detectors_catch_what_they_are_for() {
    assert_eq!(
        english_sentence("seedline: body: the note is empty").as_deref(),
        Some("the note is empty")
    );
    assert!(english_sentence("seedline: 本文: 記録の本文が空です").is_none());
    assert!(
        english_sentence("`seedline officer add 'Nobody' --role PO` で追加").is_none(),
        "commands and values are verbatim"
    );
    assert!(english_sentence("次のいずれかです: meeting, site_visit, pmda").is_none());
    assert!(japanese_word("seedline: 実用化 aside", &[]).is_some_and(|w| w.contains("実用化")));
    assert!(japanese_word("unknown 課題管理番号 'JP99': no such project", &[]).is_none());
}

/// A home with the fixture database, an existing file and bad import files.
fn home() -> Home {
    let home = Home::new();
    fixture::build(&home, "f.db");
    std::fs::write(home.path("exists.csv"), "x").unwrap();
    std::fs::write(
        home.path("bad_budget.csv"),
        "課題管理番号,年度,配分額(千円)\nJP99zz0000000,2026,abc\nJP25fx0000001,20x6,-5\n",
    )
    .unwrap();
    std::fs::write(home.path("bad_header.csv"), "foo,bar\n1,2\n").unwrap();
    std::fs::write(
        home.path("bad_rows.csv"),
        "課題管理番号,研究開発課題名,事業名,研究機関,研究開発代表者,開始日,研究開発フェーズ\n\
         JP26zz0000001,題名,存在しない事業,機関,代表者,2026-13-40,第9相\n",
    )
    .unwrap();
    std::fs::write(home.path("sjis.csv"), b"\x89\xdb\x91\xe8,x\n1,2\n").unwrap();
    // Version 1 of JP25fx0000001 goes stale: `project edit --version 1` is then a conflict.
    home.seedline()
        .args([
            "--db",
            "f.db",
            "project",
            "edit",
            "JP25fx0000001",
            "--title",
            "改題",
        ])
        .assert()
        .success();
    home
}

/// Failing commands, each with the arguments after `--db f.db --lang LANG`.
const FAILING: &[&[&str]] = &[
    &[
        "note",
        "add",
        "JP25fx0000001",
        "--kind",
        "meeting",
        "--body",
        "",
    ],
    &[
        "note",
        "add",
        "JP25fx0000001",
        "--kind",
        "meeting",
        "--body",
        "x",
        "--follow-up",
        "来週金曜",
    ],
    &[
        "note",
        "add",
        "JP25fx0000001",
        "--kind",
        "zzz",
        "--body",
        "x",
    ],
    &[
        "note",
        "add",
        "JP00xx9999999",
        "--kind",
        "meeting",
        "--body",
        "x",
    ],
    &["note", "edit", "999999", "--version", "1", "--body", "x"],
    &["note", "done", "999999"],
    &["flag", "JP25fx0000001", "--reason", "x"],
    &["flag", "JP25fx0000001", "--reason", " ", "--to", "crest"],
    &["phase", "JP25fx0000001", "--to", "xyz"],
    &["export", "projects", "-o", "exists.csv"],
    &["export", "projects", "-q", "phase:xyz", "-o", "a.csv"],
    &["export", "projects", "-q", "ip:", "-o", "b.csv"],
    &["export", "projects", "-q", "colour:red", "-o", "c.csv"],
    &["export", "projects", "--columns", "titel", "-o", "d.csv"],
    &["show", "list", "-q", "due:someday"],
    &["show", "list", "-q", "ip:drg"],
    &["show", "list", "-q", "outcome:patent"],
    &["import", "budgets", "bad_budget.csv"],
    &["import", "projects", "bad_header.csv"],
    &["import", "projects", "bad_rows.csv"],
    &["import", "projects", "sjis.csv"],
    &["import", "projects", "missing.csv"],
    &["assign", "--officer", "Nobody", "JP25fx0000001"],
    &["assign", "--officer", "Nobody", "JP00xx9999999"],
    &["officer", "add", "", "--role", "PO"],
    &["officer", "add", "X", "--role", "ZZ"],
    &["officer", "retire", "Nobody"],
    &[
        "program",
        "add",
        "--code",
        "x y",
        "--name",
        "新事業",
        "--ministry",
        "MEXT",
        "--ip",
        "drug",
        "--phases",
        "基礎..臨床",
    ],
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
        "基礎-応用",
    ],
    &["link", "add", "AAA", "crest", "--kind", "pairing"],
    &[
        "outcome",
        "add",
        "JP25fx0000001",
        "--kind",
        "foo",
        "--date",
        "2026-01-01",
    ],
    &[
        "outcome",
        "add",
        "JP25fx0000001",
        "--kind",
        "paper",
        "--date",
        "2026-13-01",
    ],
    &[
        "project",
        "edit",
        "JP25fx0000001",
        "--version",
        "1",
        "--title",
        "新しい題名",
    ],
    &[
        "project",
        "add",
        "--id",
        "JP26zz0000009",
        "--title",
        "T",
        "--pi",
        "P",
        "--institution",
        "I",
        "--program",
        "ZZZ",
        "--phase",
        "基礎",
        "--start",
        "2026-99-01",
    ],
    &["project", "retire", "JP25fx0000001", "--reason", " "],
    &[
        "deadline",
        "add",
        "JP25fx0000001",
        "--kind",
        "foo",
        "--due",
        "2026-01-01",
    ],
    &["deadline", "done", "99999"],
    &["attach", "open", "99999"],
    &["watch", "add", "JP00xx9999999"],
    &["backup", "exists.csv"],
    &["history", "JP00xx9999999"],
    &["--today", "2026-99-01", "show", "list"],
];

/// Runs `args` on the fixture database in `lang`: it must fail, and say something on stderr.
fn stderr_of(home: &Home, lang: &str, args: &[&str]) -> String {
    let out = home
        .seedline()
        .args(["--db", "f.db", "--lang", lang])
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success(), "{args:?} should fail:\n{stderr}");
    assert!(!stderr.trim().is_empty(), "{args:?}: nothing on stderr");
    stderr
}

#[test]
fn failing_commands_say_why_in_japanese_under_lang_ja() {
    let home = home();
    for args in FAILING {
        let stderr = stderr_of(&home, "ja", args);
        for line in stderr.lines() {
            assert!(
                english_sentence(line).is_none(),
                "{args:?}: English on a Japanese stderr: {:?}\n{line}",
                english_sentence(line)
            );
        }
    }
}

#[test]
fn failing_commands_say_why_in_english_under_lang_en() {
    let home = home();
    let data = [
        "来週金曜",
        "新事業",
        "基礎-応用",
        "新しい題名",
        "存在しない事業",
        "第9相",
    ];
    for args in FAILING {
        let stderr = stderr_of(&home, "en", args);
        for line in stderr.lines() {
            assert!(
                japanese_word(line, &data).is_none(),
                "{args:?}: Japanese on an English stderr: {:?}\n{line}",
                japanese_word(line, &data)
            );
        }
    }
}

#[test]
fn the_words_officers_asked_about_read_naturally_in_both_languages() {
    let home = home();
    let cases: [(&[&str], &str, &str); 5] = [
        (
            FAILING[0],
            "seedline: 本文: 記録の本文が空です",
            "seedline: text: the note is empty",
        ),
        (
            FAILING[1],
            "seedline: --follow-up: '来週金曜' は日付として読めません",
            "seedline: --follow-up: '来週金曜' is not a date",
        ),
        (
            FAILING[9],
            "exists.csv は既に存在します。上書きするには --force を付けてください",
            "exists.csv already exists; use --force to overwrite it",
        ),
        (
            FAILING[10],
            "phase:xyz: 段階は 基礎・応用・非臨床・臨床・実用化（範囲は 応用..臨床）",
            "phase:xyz: expected basic, applied, nonclinical, clinical, practical",
        ),
        (
            FAILING[17],
            "bad_budget.csv:3: 年度: '20x6' は年度ではありません",
            "bad_budget.csv:3: 年度: expected a fiscal year such as 2024",
        ),
    ];
    for (args, ja, en) in cases {
        let stderr = stderr_of(&home, "ja", args);
        assert!(stderr.contains(ja), "{args:?}:\n{stderr}");
        let stderr = stderr_of(&home, "en", args);
        assert!(stderr.contains(en), "{args:?}:\n{stderr}");
    }
}

#[test]
fn a_stale_version_on_the_command_line_says_nothing_was_saved_not_that_text_is_kept() {
    let home = home();
    for (lang, want, not) in [
        ("ja", "何も保存していません", "入力は保持"),
        ("en", "nothing was saved", "your text is kept"),
    ] {
        let stderr = stderr_of(&home, lang, FAILING[32]);
        assert!(stderr.contains(want) && !stderr.contains(not), "{stderr}");
        assert!(stderr.contains("--version"), "{stderr}");
    }
}

#[test]
fn without_lang_the_locale_and_the_config_file_choose() {
    let home = home();
    // The home's LANG is ja_JP.UTF-8: Japanese.
    let out = home
        .seedline()
        .args(["--db", "f.db", "note", "done", "999999"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("記録が見つかりません: #999999"), "{stderr}");
    // lang = "en" in the config file.
    std::fs::create_dir_all(home.path("config")).unwrap();
    std::fs::write(home.path("config/config.toml"), "lang = \"en\"\n").unwrap();
    let out = home
        .seedline()
        .args(["--db", "f.db", "note", "done", "999999"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("note not found: #999999"), "{stderr}");
}
