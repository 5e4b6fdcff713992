//! The detail's 系譜 (lineage) section from plain data: the seed's chain in order with the kind
//! of each hand-over and the gap (切れ目) to the next project, the current project marked, J / K
//! reaching the chain's projects before the notes, and Enter opening the focused one over the
//! detail (Esc comes back).

use super::*;
use seedline::model::{Chain, LineageKind, LineageProject};

const SIZES: [(u16, u16); 3] = [(80, 24), (200, 50), (40, 12)];

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn member(id: i64, program: (&str, &str), phase: Phase, start: &str, end: &str) -> LineageProject {
    LineageProject {
        id,
        amed_id: amed_id(id),
        title: title(id),
        program: (program.0.into(), program.1.into()),
        phase,
        start: d(start),
        end: Some(d(end)),
        retired: false,
    }
}

/// Project 103 (2024-04-01 - 2027-03-31, 非臨床) in a chain of four:
/// 200 (基礎, ends 2021-03-31) > open call, gap 61 days > 201 (ends 2024-03-31) > pairing,
/// seamless > 103 > highway, gap 91 days > 305 (starts 2027-07-01, 臨床).
pub fn chained_detail(notes: usize) -> ProjectDetail {
    let mut detail = project_detail(103, notes, 0);
    detail.summary = String::new();
    let seeds = ("次世代がん医療加速化研究事業", "P-PROMOTE");
    let platform = ("創薬基盤推進研究事業", "Drug discovery platform");
    let clinical = ("革新的がん医療実用化研究事業", "Practical cancer research");
    detail.lineage = Chain {
        before: vec![
            (
                -2,
                LineageKind::OpenCall,
                member(200, seeds, Phase::Basic, "2018-04-01", "2021-03-31"),
            ),
            (
                -1,
                LineageKind::Pairing,
                member(201, seeds, Phase::Applied, "2021-06-01", "2024-03-31"),
            ),
        ],
        this: Some(member(
            103,
            platform,
            Phase::NonClinical,
            "2024-04-01",
            "2027-03-31",
        )),
        after: vec![(
            1,
            LineageKind::Highway,
            member(305, clinical, Phase::Clinical, "2027-07-01", "2030-03-31"),
        )],
    };
    detail
}

fn opened(lang: Lang, w: u16, h: u16, notes: usize) -> App {
    let mut app = sized(w, h);
    app.lang = lang;
    open_detail(&mut app, chained_detail(notes));
    app
}

/// The section's lines, from its heading to the next blank line.
fn section(app: &App, heading: &str) -> Vec<String> {
    let lines: Vec<String> = detail_state(app)
        .lines
        .iter()
        .map(|l| l.text().trim_end().to_string())
        .collect();
    let start = lines
        .iter()
        .position(|l| l.contains(heading))
        .unwrap_or_else(|| panic!("no {heading} in {lines:#?}"));
    lines[start..]
        .iter()
        .skip(1)
        .take_while(|l| !l.is_empty())
        .cloned()
        .collect()
}

#[test]
fn the_chain_runs_from_the_first_predecessor_with_each_hand_over_and_its_gap() {
    let app = opened(Lang::Ja, 80, 24, 0);
    assert_eq!(
        section(&app, "系譜"),
        [
            format!("  {}  基礎  2018-04-01 〜 2021-03-31", amed_id(200)),
            "    次世代がん医療加速化研究事業".to_string(),
            "    | 公募 › 切れ目 61日".to_string(),
            format!("  {}  応用  2021-06-01 〜 2024-03-31", amed_id(201)),
            "    次世代がん医療加速化研究事業".to_string(),
            "    | ペアリング › 切れ目なし".to_string(),
            format!("> {}  非臨床  2024-04-01 〜 2027-03-31", amed_id(103)),
            "    創薬基盤推進研究事業  (この課題)".to_string(),
            "    | ハイウェイ支援 › 切れ目 91日".to_string(),
            format!("  {}  臨床  2027-07-01 〜 2030-03-31", amed_id(305)),
            "    革新的がん医療実用化研究事業".to_string(),
        ]
    );
}

#[test]
fn the_chain_in_english_names_programs_kinds_and_gaps_in_english() {
    let app = opened(Lang::En, 80, 24, 0);
    let lines = section(&app, "Lineage");
    assert_eq!(lines[2], "    | Open call › gap 61 days");
    assert_eq!(lines[5], "    | Pairing › seamless");
    assert_eq!(lines[7], "    Drug discovery platform  (this project)");
    assert_eq!(lines[8], "    | Highway › gap 91 days");
    assert_eq!(lines[10], "    Practical cancer research");
    assert!(
        lines
            .iter()
            .all(|l| !l.chars().any(|c| ('\u{3040}'..='\u{9fff}').contains(&c))),
        "no Japanese on the English screen: {lines:#?}"
    );
}

#[test]
fn at_40_columns_the_period_takes_its_own_line_and_nothing_is_cut() {
    let app = opened(Lang::Ja, 40, 12, 0);
    let lines = section(&app, "系譜");
    assert_eq!(lines[0], format!("  {}  基礎", amed_id(200)));
    assert_eq!(lines[1], "    2018-04-01 〜 2021-03-31");
    assert!(lines.iter().all(|l| seedline::text::width(l) <= 40));
}

#[test]
fn a_project_without_lineage_has_no_section_and_j_goes_straight_to_the_notes() {
    let mut app = sized(80, 24);
    open_detail(&mut app, project_detail(103, 2, 0));
    assert!(
        detail_state(&app)
            .lines
            .iter()
            .all(|l| !l.text().contains("系譜")),
        "no empty section"
    );
    assert!(detail_state(&app).chain.is_empty());
    press(&mut app, ch('J'));
    assert_eq!(detail_state(&app).note_focus, Some(0));
    assert_eq!(detail_state(&app).focused_chain(), None);
}

#[test]
fn j_focuses_the_chain_before_the_notes_and_enter_opens_the_focused_project() {
    let mut app = opened(Lang::Ja, 80, 24, 2);
    let ids: Vec<i64> = detail_state(&app).chain.iter().map(|c| c.1).collect();
    assert_eq!(ids, [200, 201, 305], "the project itself is not a target");
    press(&mut app, ch('J'));
    assert_eq!(detail_state(&app).focused_chain(), Some(200));
    keys(&mut app, &[ch('J'), ch('J')]);
    assert_eq!(detail_state(&app).focused_chain(), Some(305));
    assert_eq!(detail_state(&app).note_focus, None);
    press(&mut app, ch('J'));
    assert_eq!(detail_state(&app).focused_chain(), None);
    assert_eq!(detail_state(&app).note_focus, Some(0), "then the notes");
    press(&mut app, ch('K'));
    assert_eq!(detail_state(&app).focused_chain(), Some(305));
    // Enter opens the successor over the detail; Esc comes back to project 103.
    assert_eq!(
        press(&mut app, Key::Enter),
        [Effect::LoadDetail {
            id: 305,
            me: ME.into()
        }]
    );
    assert_eq!(detail_state(&app).id, 305);
    press(&mut app, Key::Esc);
    assert_eq!(detail_state(&app).id, 103);
}

#[test]
fn the_focused_chain_project_is_drawn_in_reverse_video_on_screen() {
    let mut app = opened(Lang::Ja, 80, 24, 0);
    press(&mut app, ch('J'));
    let (line, _) = detail_state(&app).chain[0];
    let scroll = detail_state(&app).scroll;
    assert!(line >= scroll && line < scroll + 22, "scrolled into view");
    let body = body_rows(&mut app, 80, 24);
    assert!(body[line - scroll].contains(&amed_id(200)));
}

#[test]
fn detail_lineage_snapshots() {
    for lang in [Lang::Ja, Lang::En] {
        for (w, h) in SIZES {
            let mut app = opened(lang, w, h, 1);
            // Focus the first predecessor: the section scrolls into view.
            press(&mut app, ch('J'));
            let name = format!(
                "detail_lineage_{}_{w}x{h}",
                if lang == Lang::Ja { "ja" } else { "en" }
            );
            insta::assert_snapshot!(name, screen_rows(&mut app, w, h).join("\n"));
        }
    }
}
