//! The headline strip: projects per phase, then licensing, approvals, open flags and overdue
//! follow-ups, on two lines. When a line is too narrow the labels shorten, then the per-phase
//! figures (the totals row repeats them) give way; a figure is never cut, and any left out for
//! want of room leaves a `~` at the end of the strip.

use super::FLAG;
use crate::Lang;
use crate::model::{Coded, Headline, Phase};
use crate::text::{self, thousands};
use crate::ui::theme::Theme;
use crate::ui::tr;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// One figure of the strip: its label (long and short) and its value.
struct Item {
    long: &'static str,
    short: &'static str,
    value: String,
    style: Style,
    /// A phase figure (also in the totals row).
    phase: bool,
}

impl Item {
    fn width(&self, short: bool) -> usize {
        2 + text::width(self.label(short)) + 1 + text::width(&self.value)
    }

    fn label(&self, short: bool) -> &'static str {
        if short { self.short } else { self.long }
    }
}

/// The two headline lines for `w` cells.
pub fn lines(h: &Headline, w: usize, lang: Lang, theme: Theme) -> Vec<Line<'static>> {
    let mut first = vec![Item {
        long: tr(lang, "課題", "Projects"),
        short: tr(lang, "課題", "Projects"),
        value: thousands(h.projects),
        style: Style::new(),
        phase: false,
    }];
    first.extend(Phase::ALL.iter().map(|p| Item {
        long: p.short_label(lang),
        short: p.short_label(lang),
        value: thousands(h.per_phase[p.index()]),
        style: Style::new(),
        phase: true,
    }));
    let second = vec![
        Item {
            long: tr(lang, "企業導出", "Licensed"),
            short: tr(lang, "導出", "Lic."),
            value: thousands(h.licensed),
            style: Style::new(),
            phase: false,
        },
        Item {
            long: tr(lang, "薬事承認", "Approvals"),
            short: tr(lang, "承認", "Appr."),
            value: thousands(h.approvals),
            style: Style::new(),
            phase: false,
        },
        Item {
            long: tr(lang, "ハイウェイ候補・推薦", "Open highway flags"),
            short: tr(lang, "ハイウェイ", "Highway"),
            value: format!("{FLAG}{}", thousands(h.open_flags)),
            style: theme.flag(),
            phase: false,
        },
        Item {
            long: tr(lang, "期限超過フォローアップ", "Overdue follow-ups"),
            short: tr(lang, "期限超過", "Overdue"),
            value: thousands(h.overdue_follow_ups),
            style: if h.overdue_follow_ups > 0 {
                theme.alert()
            } else {
                Style::new()
            },
            phase: false,
        },
    ];
    // A line's items take their widths less one (the first item leads with one space, not two).
    let fits = |sum: usize, extra: usize| sum.saturating_sub(1) + extra <= w;
    let line_w = |items: &[Item], short: bool| items.iter().map(|i| i.width(short)).sum::<usize>();
    for short in [false, true] {
        if fits(line_w(&first, short), 0) && fits(line_w(&second, short), 0) {
            return [&first, &second]
                .map(|items| render(&items.iter().collect::<Vec<_>>(), short, false, theme))
                .into();
        }
    }
    // Too narrow: the figures but the phases (the totals row has them), short labels, flowed
    // over the two lines.
    let rest: Vec<&Item> = first.iter().filter(|i| !i.phase).chain(&second).collect();
    let mut lines: Vec<Vec<&Item>> = vec![Vec::new()];
    let mut used = 0;
    let mut left_out = false;
    for item in rest {
        let iw = item.width(true);
        if fits(used + iw, 0) {
            used += iw;
        } else if lines.len() < 2 {
            lines.push(Vec::new());
            used = iw;
        } else {
            left_out = true;
            break;
        }
        if let Some(line) = lines.last_mut() {
            line.push(item);
        }
    }
    if left_out && let Some(last) = lines.last_mut() {
        while !last.is_empty() && !fits(last.iter().map(|i| i.width(true)).sum(), 2) {
            last.pop();
        }
    }
    let count = lines.len();
    lines
        .iter()
        .enumerate()
        .map(|(i, items)| render(items, true, left_out && i + 1 == count, theme))
        .collect()
}

/// One line of items, ` label value  label value`, ending with ` ~` when figures were left out.
fn render(items: &[&Item], short: bool, cut: bool, theme: Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let lead = if n == 0 { " " } else { "  " };
        spans.push(Span::styled(
            format!("{lead}{} ", item.label(short)),
            theme.label(),
        ));
        spans.push(Span::styled(item.value.clone(), item.style));
    }
    if cut {
        spans.push(Span::styled(" ~", theme.dim()));
    }
    Line::from(spans)
}
