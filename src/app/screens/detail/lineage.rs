//! The detail's 系譜 (lineage) section: the seed's chain, predecessors farthest first, the
//! project itself (marked `>`), then its successors; each project with its 課題管理番号, phase,
//! period and program, and under it the kind of link to the next project and the gap (切れ目)
//! between them. J / K focus a project of the chain, Enter opens it.

use super::layout::heading;
use super::{DetailLine, Tone};
use crate::model::{Chain, Coded, LineageKind, LineageProject, ProjectDetail, gap_days};
use crate::text::{sanitize_line, truncate, width};
use crate::{Lang, tr};

/// A gap in days, worded: `切れ目なし` / `seamless` at 0 or less.
pub fn gap_text(lang: Lang, days: Option<i64>) -> String {
    match days {
        None => tr(
            lang,
            "切れ目 不明（終了日なし）",
            "gap unknown (no end date)",
        )
        .into(),
        Some(d) if d <= 0 => tr(lang, "切れ目なし", "seamless").into(),
        Some(d) => match lang {
            Lang::Ja => format!("切れ目 {d}日"),
            Lang::En if d == 1 => "gap 1 day".into(),
            Lang::En => format!("gap {d} days"),
        },
    }
}

/// The project a chain entry at `depth` hands over to (towards the centre before the project,
/// away from it after): the nearest entry one step closer to the project.
fn next_of<'a>(
    entries: &[(i32, Option<LineageKind>, &'a LineageProject)],
    depth: i32,
) -> Option<&'a LineageProject> {
    let toward = if depth < 0 { depth + 1 } else { depth - 1 };
    entries.iter().find(|(d, _, _)| *d == toward).map(|e| e.2)
}

/// The section's lines; returns, for every other project of the chain, the line where it starts
/// and its id (what J / K focus and Enter opens). Nothing at all when the project has neither
/// predecessor nor successor (most projects): the detail stays as compact as before, and the
/// successor is offered where it arises, when a highway flag is accepted.
pub(super) fn lineage(
    out: &mut Vec<DetailLine>,
    d: &ProjectDetail,
    lang: Lang,
    cols: usize,
) -> Vec<(usize, i64)> {
    let chain: &Chain = &d.lineage;
    if chain.is_alone() {
        return Vec::new();
    }
    heading(
        out,
        tr(lang, "系譜（シーズの流れ）", "Lineage (the seed's path)").into(),
    );
    let entries = chain.ordered();
    let mut targets = Vec::new();
    for (depth, kind, p) in &entries {
        let this = *depth == 0;
        if !this && !p.retired {
            targets.push((out.len(), p.id));
        }
        project_line(out, p, this, lang, cols);
        // The link to the next project: for a predecessor, the one it hands over to; for the
        // project itself, its first successor; for a successor, the next one after it.
        let (link, from, to) = match depth {
            d if *d < 0 => (*kind, Some(*p), next_of(&entries, *d)),
            0 => {
                let next = entries.iter().find(|e| e.0 == 1);
                (next.and_then(|e| e.1), Some(*p), next.map(|e| e.2))
            }
            d => {
                let next = entries
                    .iter()
                    .find(|e| e.0 == d + 1 && next_of(&entries, e.0).is_some_and(|q| q.id == p.id));
                (next.and_then(|e| e.1), Some(*p), next.map(|e| e.2))
            }
        };
        if let (Some(kind), Some(from), Some(to)) = (link, from, to) {
            let gap = gap_days(from.end, to.start);
            let tone = match gap {
                Some(g) if g > 0 => Tone::Alert,
                _ => Tone::Dim,
            };
            out.push(DetailLine(vec![
                (Tone::Dim, format!("    | {} › ", kind.label(lang))),
                (tone, gap_text(lang, gap)),
            ]));
        }
    }
    targets
}

/// One project of the chain: marker, 課題管理番号, phase and period on the first line (the period
/// on its own line when the width cannot hold it), the program under it.
fn project_line(
    out: &mut Vec<DetailLine>,
    p: &LineageProject,
    this: bool,
    lang: Lang,
    cols: usize,
) {
    let mark = if this { "> " } else { "  " };
    let amed_id = sanitize_line(&p.amed_id).into_owned();
    let mut phase = p.phase.label(lang).to_string();
    if p.retired {
        phase = format!("{phase} {}", tr(lang, "(取り下げ済み)", "(retired)"));
    }
    let end = p.end.map_or_else(|| "?".to_string(), |e| e.to_string());
    let period = format!("{} 〜 {end}", p.start);
    let tone = if this { Tone::Heading } else { Tone::Label };
    let head = format!("{mark}{amed_id}  {phase}");
    if width(&head) + 2 + width(&period) <= cols {
        out.push(DetailLine(vec![
            (tone, head),
            (Tone::Normal, format!("  {period}")),
        ]));
    } else {
        out.push(DetailLine::plain(tone, head));
        out.push(DetailLine::plain(Tone::Normal, format!("    {period}")));
    }
    let program = if lang == Lang::Ja {
        &p.program.0
    } else {
        &p.program.1
    };
    let mut program = format!("    {}", sanitize_line(program));
    if this {
        program.push_str(tr(lang, "  (この課題)", "  (this project)"));
    }
    out.push(DetailLine::plain(
        Tone::Dim,
        truncate(&program, cols).into_owned(),
    ));
}
