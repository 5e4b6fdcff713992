//! `seedline show lineage ID`: a seed's whole chain around one project — predecessors, the
//! project, successors (`Chain::ordered`) — one line each with 課題管理番号, program, phase,
//! period, the kind of the link into it and the gap (切れ目) to each of its successors, in the
//! officer's language. Also the aligned table `seedline lineage list` prints.

use crate::Lang;
use crate::model::{Coded, LineageLink, LineageProject};
use crate::msg::lineage as msg;
use crate::session::RunContext;
use crate::store::Store;
use crate::text::{sanitize_line, width};
use crate::tr;
use anyhow::Result;
use std::collections::HashSet;
use std::process::ExitCode;

/// Columns padded to the widest cell (display width, so Japanese aligns), two spaces apart; the
/// last column is not padded.
pub(super) fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let n = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate().take(n) {
            widths[i] = widths[i].max(width(c));
        }
    }
    let mut out = String::new();
    let head: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    for r in std::iter::once(&head).chain(rows) {
        let mut line = String::new();
        for (i, c) in r.iter().enumerate().take(n) {
            line.push_str(c);
            if i + 1 < n {
                line.extend(std::iter::repeat_n(' ', widths[i] - width(c) + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The program's name in `lang` (the Japanese one when no English name is recorded).
pub(super) fn program_name(p: &LineageProject, lang: Lang) -> String {
    let (ja, en) = &p.program;
    sanitize_line(match lang {
        Lang::En if !en.is_empty() => en,
        _ => ja,
    })
    .into_owned()
}

/// `2024-04-01 - 2027-03-31` (open-ended: `2024-04-01 -`).
pub(super) fn period(p: &LineageProject) -> String {
    match p.end {
        Some(end) => format!("{} - {end}", p.start),
        None => format!("{} -", p.start),
    }
}

/// The 課題管理番号 as printed, marked when retired.
pub(super) fn amed_id(p: &LineageProject, lang: Lang) -> String {
    let id = sanitize_line(&p.amed_id);
    if p.retired {
        format!("{id} {}", tr(lang, "(除外)", "(retired)"))
    } else {
        id.into_owned()
    }
}

pub fn run(ctx: &RunContext, store: &Store, id: &str) -> Result<ExitCode> {
    let lang = ctx.lang;
    let project = store.project_id_any(id)?;
    let chain = store.lineage_chain(project)?;
    let shown = sanitize_line(id);
    if chain.is_alone() {
        println!("{}", msg::alone(&shown).get(lang));
        return Ok(ExitCode::SUCCESS);
    }
    let ordered = chain.ordered();
    let members: HashSet<i64> = ordered.iter().map(|(_, _, p)| p.id).collect();
    let links: Vec<LineageLink> = store
        .lineage_links()?
        .into_iter()
        .filter(|l| members.contains(&l.predecessor.id) && members.contains(&l.successor.id))
        .collect();
    let mut rows = Vec::new();
    for (depth, _, p) in &ordered {
        let into: Vec<&str> = links
            .iter()
            .filter(|l| l.successor.id == p.id)
            .map(|l| l.kind.label(lang))
            .collect();
        let out: Vec<&LineageLink> = links.iter().filter(|l| l.predecessor.id == p.id).collect();
        let gaps: Vec<String> = out
            .iter()
            .map(|l| {
                let gap = msg::gap(l.gap_days()).get(lang).to_string();
                let gap = if out.len() > 1 {
                    format!("{} {gap}", sanitize_line(&l.successor.amed_id))
                } else {
                    gap
                };
                match l.kind {
                    crate::model::LineageKind::Highway if l.flag.is_some() => {
                        format!("{gap}; {}", msg::decision(l.decision_days()).get(lang))
                    }
                    _ => gap,
                }
            })
            .collect();
        rows.push(vec![
            if *depth == 0 {
                ">".into()
            } else {
                String::new()
            },
            if *depth == 0 {
                "0".into()
            } else {
                format!("{depth:+}")
            },
            amed_id(p, lang),
            program_name(p, lang),
            p.phase.label(lang).to_string(),
            period(p),
            if into.is_empty() {
                "-".into()
            } else {
                into.join(", ")
            },
            if gaps.is_empty() {
                "-".into()
            } else {
                gaps.join(", ")
            },
        ]);
    }
    let header = [
        "",
        tr(lang, "段", "Step"),
        tr(lang, "課題管理番号", "Project ID"),
        tr(lang, "事業", "Program"),
        tr(lang, "フェーズ", "Phase"),
        tr(lang, "期間", "Period"),
        tr(lang, "受け渡し", "Hand-over"),
        tr(lang, "次への切れ目", "Gap to next"),
    ];
    let mut text = format!(
        "{}\n",
        msg::chain_heading(&shown, chain.before.len(), chain.after.len()).get(lang)
    );
    text.push_str(&table(&header, &rows));
    super::program::print_out(&text)?;
    Ok(ExitCode::SUCCESS)
}
