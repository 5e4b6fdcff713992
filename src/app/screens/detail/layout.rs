//! The detail's text layout: the loaded project as styled lines wrapped to the width, every string
//! sanitised. It lives with the screen's state, not in `ui/`, because scrolling and the note focus
//! (J / K) need to know where each line falls; `ui/screens/detail.rs` only paints the lines.

use super::{DetailLine, Tone};
use crate::Lang;
use crate::model::{Coded, ProjectDetail};
use crate::text::{sanitize_line, sanitize_multiline, width};
use crate::tr;

/// First-fit wrapping: the same lines as textwrap's optimal fit for Japanese text (breaks fall
/// between characters) at a third of the cost, which matters for a project with 1,000 notes.
fn wrap_options(width: usize) -> textwrap::Options<'static> {
    textwrap::Options::new(width)
        .break_words(true)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
}

/// Wraps sanitised text to `cols` cells (Japanese breaks between characters), each line indented.
pub(super) fn wrap(out: &mut Vec<DetailLine>, text: &str, indent: usize, cols: usize, tone: Tone) {
    let room = cols.saturating_sub(indent).max(8);
    let pad = " ".repeat(indent);
    for paragraph in sanitize_multiline(text).split('\n') {
        if paragraph.is_empty() {
            out.push(DetailLine::plain(tone, ""));
            continue;
        }
        for line in textwrap::wrap(paragraph, wrap_options(room)) {
            out.push(DetailLine::plain(tone, format!("{pad}{line}")));
        }
    }
}

pub(in crate::app) fn field(out: &mut Vec<DetailLine>, label: &str, value: &str, cols: usize) {
    let label_w = 16;
    let label = crate::text::fit(label, label_w);
    let value = sanitize_line(value);
    let room = cols.saturating_sub(label_w).max(8);
    let pieces = textwrap::wrap(&value, wrap_options(room));
    for (i, piece) in pieces.iter().enumerate() {
        let head = if i == 0 {
            label.clone()
        } else {
            " ".repeat(label_w)
        };
        out.push(DetailLine(vec![
            (Tone::Label, head),
            (Tone::Normal, piece.to_string()),
        ]));
    }
    if pieces.is_empty() {
        out.push(DetailLine(vec![
            (Tone::Label, label),
            (Tone::Dim, "-".into()),
        ]));
    }
}

pub(in crate::app) fn heading(out: &mut Vec<DetailLine>, title: String) {
    out.push(DetailLine::plain(Tone::Normal, ""));
    // U+25B8 is East Asian "neutral": one cell in every terminal.
    out.push(DetailLine::plain(Tone::Heading, format!("▸ {title}")));
}

/// The detail laid out: its lines, the line where each note starts and, for every other project
/// of the lineage, the line where it starts and its id.
pub type Laid = (Vec<DetailLine>, Vec<usize>, Vec<(usize, i64)>);

/// The detail as lines for `cols` columns, the line where each note starts and the lineage's
/// projects.
pub fn layout(d: &ProjectDetail, lang: Lang, cols: usize, today: &str) -> Laid {
    let cols = cols.max(20);
    let mut out = Vec::new();
    fields(&mut out, d, lang, cols, today);
    let chain = super::lineage::lineage(&mut out, d, lang, cols);
    phase_history_and_gates(&mut out, d, lang);
    super::sections::deadlines_and_links(&mut out, d, lang, today);
    super::flags::flags(&mut out, d, lang, cols);
    outcomes(&mut out, d, lang);
    let note_starts = notes(&mut out, d, lang, cols, today);
    clip(&mut out, cols);
    (out, note_starts, chain)
}

/// The head: 課題管理番号, program, title and the project's fields.
fn fields(out: &mut Vec<DetailLine>, d: &ProjectDetail, lang: Lang, cols: usize, today: &str) {
    let ja = lang == Lang::Ja;
    let (ip, program) = if ja {
        (&d.integrated_project_ja, &d.program_ja)
    } else {
        (&d.integrated_project_en, &d.program_en)
    };
    out.push(DetailLine(vec![
        (Tone::Label, sanitize_line(&d.amed_id).into_owned()),
        (
            Tone::Dim,
            format!("  {} › {}", sanitize_line(ip), sanitize_line(program)),
        ),
    ]));
    if d.watched {
        out.push(DetailLine::plain(
            Tone::Flag,
            tr(lang, "✦ ウォッチ中（w で解除）", "✦ watched (w to stop)"),
        ));
    }
    wrap(out, &d.title, 0, cols, Tone::Heading);
    let pi = if d.pi_title.is_empty() {
        d.pi_name.clone()
    } else {
        format!("{}（{}）", d.pi_name, d.pi_title)
    };
    field(
        out,
        tr(lang, "研究開発代表者", "PI"),
        &format!("{pi}  {}", d.institution),
        cols,
    );
    field(
        out,
        tr(lang, "フェーズ", "Phase"),
        &format!(
            "{}   {} {}{}",
            d.phase.label(lang),
            tr(lang, "モダリティ", "modality"),
            d.modality.label(lang),
            super::sections::time_in_phase(d, lang, today)
        ),
        cols,
    );
    let period = format!(
        "{} 〜 {}",
        d.start_date,
        d.end_date.as_deref().unwrap_or("?")
    );
    field(out, tr(lang, "期間", "Period"), &period, cols);
    super::sections::budgets(out, d, lang, cols);
    let licensing = format!(
        "{}  {}",
        d.licensing_status.label(lang),
        d.partner_company.as_deref().unwrap_or("")
    );
    field(
        out,
        tr(lang, "企業導出・並走", "Licensing"),
        licensing.trim_end(),
        cols,
    );
    let areas: Vec<&str> = d
        .disease_areas
        .iter()
        .map(|(j, e)| if ja { j.as_str() } else { e.as_str() })
        .collect();
    field(
        out,
        tr(lang, "疾患領域", "Disease areas"),
        &areas.join(", "),
        cols,
    );
    let officers: Vec<String> = d
        .officers
        .iter()
        .map(|(name, role)| format!("{role} {name}"))
        .collect();
    field(
        out,
        tr(lang, "担当", "Officers"),
        &officers.join(" / "),
        cols,
    );
    super::officers::past_officers(out, d, lang);
    if !d.summary.is_empty() {
        heading(out, tr(lang, "概要", "Summary").into());
        wrap(out, &d.summary, 2, cols, Tone::Normal);
    }
}

/// Phase moves and stage-gate decisions.
fn phase_history_and_gates(out: &mut Vec<DetailLine>, d: &ProjectDetail, lang: Lang) {
    heading(out, tr(lang, "フェーズ履歴", "Phase history").into());
    for step in &d.phase_history {
        let moved = match step.from {
            Some(from) => format!("{} › {}", from.label(lang), step.to.label(lang)),
            None => step.to.label(lang).to_string(),
        };
        out.push(DetailLine(vec![
            (Tone::Normal, format!("  {}  {moved}", step.on)),
            (Tone::Dim, format!("  {}", sanitize_line(&step.by))),
        ]));
    }

    heading(out, tr(lang, "ステージゲート", "Stage gates").into());
    if d.gates.is_empty() {
        out.push(DetailLine::plain(
            Tone::Dim,
            format!("  {}", tr(lang, "記録なし", "none recorded")),
        ));
    }
    for g in &d.gates {
        let tone = if g.decision == crate::model::GateDecision::NoGo {
            Tone::Alert
        } else {
            Tone::Normal
        };
        out.push(DetailLine(vec![
            (
                Tone::Normal,
                format!("  {}  {} ", g.decided_on, sanitize_line(&g.gate)),
            ),
            (tone, g.decision.label(lang).to_string()),
            (Tone::Dim, format!("  {}", sanitize_line(&g.note))),
        ]));
    }
}

/// Recorded outcomes (approvals, licensing, PoCs…), oldest first, each with who recorded it;
/// `R` records one.
fn outcomes(out: &mut Vec<DetailLine>, d: &ProjectDetail, lang: Lang) {
    heading(out, tr(lang, "成果", "Outcomes").into());
    if d.outcomes.is_empty() {
        out.push(DetailLine::plain(
            Tone::Dim,
            format!("  {}", tr(lang, "記録なし", "none recorded")),
        ));
    }
    for o in &d.outcomes {
        let mut line = vec![
            (Tone::Normal, format!("  {}  ", o.on)),
            (Tone::Label, o.kind.label(lang).to_string()),
        ];
        // The product, unless the detail already names it (as the demo's approvals do).
        if let Some(p) = o.product_name.as_deref().filter(|p| !o.detail.contains(*p)) {
            line.push((Tone::Normal, format!("  「{}」", sanitize_line(p))));
        }
        line.push((Tone::Normal, format!("  {}", sanitize_line(&o.detail))));
        if let Some(by) = &o.recorded_by {
            line.push((
                Tone::Dim,
                format!("  ({} {})", tr(lang, "記録", "by"), sanitize_line(by)),
            ));
        }
        out.push(DetailLine(line));
    }
}

/// The accompaniment notes, newest first; returns the line where each note starts.
fn notes(
    out: &mut Vec<DetailLine>,
    d: &ProjectDetail,
    lang: Lang,
    cols: usize,
    today: &str,
) -> Vec<usize> {
    heading(
        out,
        format!(
            "{} ({})",
            tr(
                lang,
                "伴走支援記録（新しい順）",
                "Accompaniment notes (newest first)"
            ),
            d.notes.len()
        ),
    );
    let mut note_starts = Vec::with_capacity(d.notes.len());
    for n in &d.notes {
        note_starts.push(out.len());
        let mut head = vec![
            (
                Tone::Label,
                format!("  {}  {}", n.occurred_on, n.kind.label(lang)),
            ),
            (
                Tone::Dim,
                format!("  {} ({})", sanitize_line(&n.author), n.author_role),
            ),
        ];
        if let Some(due) = &n.follow_up_on {
            let (tone, mark) = match &n.follow_up_done {
                Some(_) => (Tone::Dim, tr(lang, "済", "done")),
                None if due.as_str() < today => (Tone::Alert, tr(lang, "期限超過", "overdue")),
                None => (Tone::Normal, tr(lang, "未了", "open")),
            };
            head.push((
                tone,
                format!("  {} {due} {mark}", tr(lang, "フォローアップ", "follow-up")),
            ));
        }
        out.push(DetailLine(head));
        wrap(out, &n.body, 4, cols, Tone::Normal);
    }
    note_starts
}

/// Keeps every line inside the width even when a label pushed it over.
fn clip(out: &mut [DetailLine], cols: usize) {
    for line in out.iter_mut() {
        if width(&line.text()) > cols {
            let text = crate::text::truncate(&line.text(), cols).into_owned();
            *line = DetailLine::plain(line.0.first().map_or(Tone::Normal, |p| p.0), text);
        }
    }
}
