//! A project's history: what opening it loads, scrolling against the page size, and each change
//! as a sentence: when, which officer, what; an undo marked and linked to what it took back.

use super::*;
use seedline::model::{HistorySubject, link_undos};

/// Project 103's history of `n` entries, opened from its detail with `H` at `w`×`h`.
fn opened(w: u16, h: u16, n: usize) -> App {
    opened_with(w, h, history_entries(n))
}

fn opened_with(w: u16, h: u16, entries: Vec<HistoryEntry>) -> App {
    opened_in(Lang::Ja, w, h, entries)
}

/// The history of `entries` opened with `H` in `lang` at `w`×`h`.
fn opened_in(lang: Lang, w: u16, h: u16, entries: Vec<HistoryEntry>) -> App {
    let mut app = sized(w, h);
    app.lang = lang;
    open_detail(&mut app, project_detail(103, 1, 0));
    assert_eq!(
        press(&mut app, ch('H')),
        [Effect::LoadHistory { project_id: 103 }]
    );
    app.update(Action::HistoryLoaded(entries));
    app
}

fn scroll(app: &App) -> usize {
    history(app).scroll
}

/// One audit row as the store gives it: made by 岩崎 美紀 from the OS account `root`.
fn change(at: &str, action: &str, detail: serde_json::Value) -> HistoryEntry {
    HistoryEntry {
        at: at.into(),
        actor: "root".into(),
        officer: Some("岩崎 美紀".into()),
        action: action.into(),
        detail,
        ..HistoryEntry::default()
    }
}

/// A phase moved back, a gate, a flag, a note and an assignment made by `root` with no officer
/// known, the phase move then undone; newest first, linked as the store links them.
fn journey() -> Vec<HistoryEntry> {
    use serde_json::json;
    let mut entries = vec![
        change(
            "2026-11-20T10:05:00",
            "phase.move",
            json!({"from": "basic", "to": "applied", "undo": true}),
        ),
        change(
            "2026-11-20T10:02:00",
            "phase.move",
            json!({"from": "applied", "to": "basic"}),
        ),
        HistoryEntry {
            subject: HistorySubject {
                day: Some("2026-11-18".into()),
                ..Default::default()
            },
            ..change(
                "2026-11-18T15:00:00",
                "gate.add",
                json!({"gate_id": 4, "gate": "SG2", "decision": "go"}),
            )
        },
        HistoryEntry {
            subject: HistorySubject {
                program: Some(("革新的がん医療実用化研究事業".into(), "Cancer Control".into())),
                ..Default::default()
            },
            ..change(
                "2026-11-10T09:00:00",
                "flag.move",
                json!({"flag_id": 2, "from": "recommended", "to": "accepted", "undo": false}),
            )
        },
        HistoryEntry {
            subject: HistorySubject {
                note: Some("研究代表者と面談。進捗は計画どおり。次回までに非臨床試験計画の見直し案を共有いただく。".into()),
                ..Default::default()
            },
            ..change(
                "2026-11-01T09:00:00",
                "note.add",
                json!({"note_id": 7, "kind": "meeting"}),
            )
        },
        HistoryEntry {
            officer: None,
            ..change(
                "2026-04-01T09:00:00",
                "assign.add",
                json!({"officer_id": 3, "name": "野口 健太", "role": "PO", "from": "2026-04-01"}),
            )
        },
    ];
    link_undos(&mut entries);
    entries
}

#[test]
fn h_opens_the_history_under_the_project() {
    let app = opened(80, 24, 30);
    assert_eq!(
        crumbs(&app),
        [
            "ダッシュボード".to_string(),
            "課題一覧".into(),
            amed_id(103),
            format!("{} 履歴", amed_id(103)),
        ]
    );
    assert_eq!(history(&app).entries.len(), 30);
    assert_eq!(app.screen().content_height(), Some(31));
}

#[test]
fn scrolling_stops_at_the_last_entry_at_80x24() {
    let mut app = opened(80, 24, 30);
    assert_eq!(press(&mut app, ch('k')), []);
    assert_eq!(scroll(&app), 0);
    assert_eq!(press(&mut app, ch('j')), []);
    assert_eq!(scroll(&app), 1);
    press(&mut app, Key::PageDown);
    assert_eq!(
        scroll(&app),
        9,
        "21 entries under the heading: at most 9 scrolled past"
    );
    press(&mut app, ch('j'));
    assert_eq!(scroll(&app), 9);
    let body = body_rows(&mut app, 80, 24);
    assert!(
        body[0].contains(&format!("{} 履歴", amed_id(103))),
        "{}",
        body[0]
    );
    assert!(body[1].contains("メモ: 記録09"), "{}", body[1]);
    assert!(body[21].contains("メモ: 記録29"), "{}", body[21]);
    press(&mut app, ch('g'));
    assert_eq!(scroll(&app), 0);
}

#[test]
fn scrolling_stops_at_the_last_entry_at_40x12() {
    let mut app = opened(40, 12, 30);
    press(&mut app, Key::PageDown);
    assert_eq!(scroll(&app), 8, "9 entries on a page, one kept");
    press(&mut app, ch('G'));
    assert_eq!(scroll(&app), 21);
    let body = body_rows(&mut app, 40, 12);
    assert!(
        body[9].contains("2026-11-15  山田  メモ: 記録29"),
        "{}",
        body[9]
    );
    assert!(
        !body[9].contains("10:29"),
        "at 40 columns the day is enough: {}",
        body[9]
    );
}

#[test]
fn a_short_history_does_not_scroll() {
    let mut app = opened(80, 24, 5);
    press(&mut app, ch('G'));
    assert_eq!(scroll(&app), 0);
    assert_eq!(
        press(&mut app, ch('q')),
        [Effect::LoadDetail {
            id: 103,
            me: ME.into(),
        }]
    );
}

#[test]
fn each_change_reads_as_a_sentence_by_its_officer_at_200x50() {
    let mut app = opened_with(200, 50, journey());
    let body = body_rows(&mut app, 200, 50);
    let lines = [
        "2026-11-20 10:05  岩崎 美紀  取消 フェーズ 基礎 › 応用 (2026-11-20 10:02 の変更を取消)",
        "2026-11-20 10:02  岩崎 美紀  フェーズ 応用 › 基礎 (取消済 2026-11-20 10:05)",
        "2026-11-18 15:00  岩崎 美紀  ステージゲート SG2 Go (2026-11-18)",
        "2026-11-10 09:00  岩崎 美紀  フラグ 推薦 › 採用 › 革新的がん医療実用化研究事業",
        "2026-11-01 09:00  岩崎 美紀  メモ (面談・助言): 研究代表者と面談。進捗は計画どおり。次回までに非臨床試験計画の見直し案を共有いただく。",
        "2026-04-01 09:00  root       PO 野口 健太 を担当に追加 (2026-04-01〜)",
    ];
    for (k, line) in lines.iter().enumerate() {
        assert_eq!(body[k + 1].trim_end(), format!(" {line}"), "row {k}");
    }
    let text = body.join("\n");
    for raw in ["phase.move", "gate.add", "from=", "(root)", "gate_~"] {
        assert!(!text.contains(raw), "{raw} on screen:\n{text}");
    }
}

#[test]
fn the_english_history_has_no_japanese_words_but_the_data_at_80x24() {
    let mut app = opened_in(Lang::En, 80, 24, journey());
    let body = body_rows(&mut app, 80, 24);
    assert!(
        body[1].contains("Undone Phase Basic › Applied (undoes the ch"),
        "{}",
        body[1]
    );
    assert!(
        body[2].contains("Phase Applied › Basic (undone 2026-11-20 10:05)"),
        "{}",
        body[2]
    );
    assert!(
        body[3].contains("Stage gate SG2 Go (2026-11-18)"),
        "{}",
        body[3]
    );
    assert!(
        body[4].contains("Flag Recommended › Accepted › Cancer Control"),
        "{}",
        body[4]
    );
    assert!(
        body[5].contains("Note (Meeting / advice): 研究代表者と面談"),
        "{}",
        body[5]
    );
    assert!(
        body[6].contains("Assigned PO 野口 健太 from 2026-04-01"),
        "{}",
        body[6]
    );
    assert!(body[0].contains("history  (newest first"), "{}", body[0]);
    for (k, row) in body.iter().enumerate().take(7) {
        for ja in ["取消", "フェーズ", "メモ", "フラグ", "を担当", "履歴"] {
            assert!(!row.contains(ja), "row {k}: {row}");
        }
    }
}

#[test]
fn a_long_sentence_is_cut_with_a_tilde_at_80x24_and_40x12() {
    for (w, h) in [(80, 24), (40, 12)] {
        let mut app = opened_with(w, h, journey());
        let body = body_rows(&mut app, w, h);
        let note = &body[5];
        assert!(note.trim_end().ends_with('~'), "{w}x{h}: {note}");
        assert!(seedline::text::width(note) <= w as usize, "{w}x{h}: {note}");
    }
}

#[test]
fn an_empty_history_says_so_in_both_languages() {
    let mut app = opened_with(80, 24, Vec::new());
    assert!(body_rows(&mut app, 80, 24)[1].contains("記録された変更はありません"));
    let mut app = opened_in(Lang::En, 80, 24, Vec::new());
    assert!(body_rows(&mut app, 80, 24)[1].contains("No recorded changes"));
}

/// `H` as a person sees it, in both languages at 80×24, 200×50 and 40×12 (snapshots in
/// tests/snapshots, reviewed: one sentence per change, the officer named, the undo marked).
#[test]
fn history_snapshots() {
    for lang in [Lang::Ja, Lang::En] {
        for (w, h) in [(80, 24), (200, 50), (40, 12)] {
            let mut app = opened_in(lang, w, h, journey());
            let text = screen_rows(&mut app, w, h).join("\n");
            let name = format!(
                "history_{}_{w}x{h}",
                if lang == Lang::Ja { "ja" } else { "en" }
            );
            insta::with_settings!({ snapshot_path => "../snapshots" }, {
                insta::assert_snapshot!(name, text);
            });
        }
    }
}
