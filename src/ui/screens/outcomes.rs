//! The outcome tally: the kind and its total, AMED's published figures for it (2nd-period results,
//! 3rd-period yearly targets) beside this database's count for the same years, then integrated
//! projects × the window of fiscal years that fits, the cursor cell, and the totals row.

use super::{loading, put_lines};
use crate::Lang;
use crate::app::App;
use crate::app::screens::outcomes::{self, OutcomesState};
use crate::model::{
    Coded, OutcomeKind, OutcomeTally, PERIOD2_YEARS, PERIOD3_YEARS, outcome_short_label,
    period2_result, period3_target,
};
use crate::text::{fit, fit_right, sanitize_line, thousands};
use crate::ui::theme::Theme;
use crate::ui::tr;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, o: &OutcomesState, theme: Theme) {
    let lang = app.lang;
    let w = area.width as usize;
    let Some(tally) = &o.tally else {
        return put_lines(frame, area, vec![loading(lang, theme)]);
    };
    let mut lines = vec![Line::styled(
        fit(
            &format!(
                " {} {} | {} {} | {}",
                tr(lang, "成果集計", "Outcomes"),
                outcome_short_label(o.kind, lang),
                tr(lang, "計", "total"),
                thousands(tally.total(o.kind)),
                tr(
                    lang,
                    "t 種別 | 左右 年度 | Enter 課題",
                    "t kind | Left/Right years | Enter projects"
                ),
            ),
            w,
        ),
        theme.label(),
    )];
    if tally.years.is_empty() {
        lines.push(Line::styled(
            fit(
                tr(
                    lang,
                    " 成果が記録されていません（詳細画面の R、seedline outcome add、import outcomes）",
                    " no outcomes recorded (R on a project, seedline outcome add, import outcomes)",
                ),
                w,
            ),
            theme.dim(),
        ));
        return put_lines(frame, area, lines);
    }
    for text in references(tally, o.kind, lang) {
        lines.push(Line::styled(fit(&text, w), theme.dim()));
    }
    let col = outcomes::YEAR_COLUMN;
    let label_w = outcomes::label_width(w);
    let first = o.first_year_shown(w);
    let shown: Vec<usize> = (first..tally.years.len())
        .take(outcomes::years_that_fit(w))
        .collect();
    let cursor_col = o.cursor_col();
    let mut head = vec![Span::styled(
        fit(
            tr(lang, " 統合プロジェクト", " Integrated project"),
            label_w,
        ),
        theme.column_header(),
    )];
    for &i in &shown {
        head.push(Span::styled(
            format!(" {}", fit_right(&tally.years[i].label(lang), col)),
            theme.column_header(),
        ));
    }
    head.push(Span::styled(
        format!(" {}", fit_right(tr(lang, "計", "Total"), col)),
        theme.column_header(),
    ));
    lines.push(Line::from(head));
    // A count cell: the cursor's stands out; zeros are dim.
    let cell = |v: i64, at: bool, base: Style| -> Span<'static> {
        let style = if at {
            theme.cursor()
        } else if v == 0 {
            theme.dim()
        } else {
            base
        };
        Span::styled(format!(" {}", fit_right(&thousands(v), col)), style)
    };
    let body_rows = (area.height as usize).saturating_sub(lines.len() + 1);
    for (r, row) in tally.rows.iter().enumerate().skip(o.scroll).take(body_rows) {
        let on_row = r == o.row;
        let mut spans = vec![Span::styled(
            fit(&format!(" {}", sanitize_line(&row.label(lang))), label_w),
            if on_row {
                theme.selected()
            } else {
                Style::new()
            },
        )];
        for &i in &shown {
            spans.push(cell(
                tally.cell(r, i, o.kind),
                on_row && cursor_col == i,
                Style::new(),
            ));
        }
        spans.push(cell(
            tally.row_total(r, o.kind),
            on_row && cursor_col == tally.years.len(),
            theme.totals(),
        ));
        lines.push(Line::from(spans));
    }
    let on_total = o.row >= tally.rows.len();
    let mut totals = vec![Span::styled(
        fit(tr(lang, " 計", " Total"), label_w),
        if on_total {
            theme.selected()
        } else {
            theme.totals()
        },
    )];
    for &i in &shown {
        totals.push(cell(
            tally.year_total(i, o.kind),
            on_total && cursor_col == i,
            theme.totals(),
        ));
    }
    totals.push(cell(
        tally.total(o.kind),
        on_total && cursor_col == tally.years.len(),
        theme.totals(),
    ));
    lines.push(Line::from(totals));
    put_lines(frame, area, lines);
}

/// `2020–23年度` / `FY2020–23`.
fn span_label(
    (from, to): (crate::model::FiscalYear, crate::model::FiscalYear),
    lang: Lang,
) -> String {
    match lang {
        Lang::Ja => format!("{}-{:02}年度", from.0, to.0 % 100),
        Lang::En => format!("FY{}-{:02}", from.0, to.0 % 100),
    }
}

/// A kind's short name in the "all kinds" reference line.
fn tiny(kind: OutcomeKind, lang: Lang) -> &'static str {
    match kind {
        OutcomeKind::RegulatoryApproval => tr(lang, "承認", "approvals"),
        OutcomeKind::Licensing => tr(lang, "導出", "licensed"),
        OutcomeKind::NonclinicalPoc => tr(lang, "PoC", "PoCs"),
        OutcomeKind::ClinicalTrial => tr(lang, "治験", "trials"),
        OutcomeKind::Paper => tr(lang, "論文", "papers"),
    }
}

/// The two reference lines: AMED's 2nd-period results against this database's count for the same
/// years; the 3rd-period yearly target against this database's 3rd-period years.
fn references(tally: &OutcomeTally, kind: Option<OutcomeKind>, lang: Lang) -> [String; 2] {
    let here = tr(lang, "このDB", "this DB");
    let published = match kind {
        Some(k) => period2_result(k).map_or_else(
            || tr(lang, "公表値なし", "none published").to_string(),
            thousands,
        ),
        None => OutcomeKind::ALL
            .iter()
            .filter_map(|k| {
                period2_result(*k).map(|n| format!("{} {}", tiny(*k, lang), thousands(n)))
            })
            .collect::<Vec<_>>()
            .join(" "),
    };
    let first = format!(
        " {} ({}) {published} | {here} {}",
        tr(lang, "AMED 2期実績", "AMED period 2"),
        span_label(PERIOD2_YEARS, lang),
        thousands(tally.within(kind, PERIOD2_YEARS))
    );
    let years_so_far = tally
        .years
        .iter()
        .filter(|y| (PERIOD3_YEARS.0..=PERIOD3_YEARS.1).contains(*y))
        .count();
    let target = match kind.and_then(period3_target) {
        Some(n) => format!(
            "{} {} ({} {})",
            tr(lang, "年", "a year"),
            thousands(n),
            tr(lang, "5年", "5 years"),
            thousands(n * 5)
        ),
        None if kind.is_none() => format!(
            "{} 130 {} 60 / {}",
            tiny(OutcomeKind::Licensing, lang),
            tiny(OutcomeKind::ClinicalTrial, lang),
            tr(lang, "年", "year")
        ),
        None => tr(lang, "目標なし", "no target set").to_string(),
    };
    let second = format!(
        " {} ({}) {target} | {here} {} ({years_so_far}{})",
        tr(lang, "3期目標", "Period 3 target"),
        span_label(PERIOD3_YEARS, lang),
        thousands(tally.within(kind, PERIOD3_YEARS)),
        tr(lang, "年度分", " years")
    );
    [first, second]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_name_amed_figures_and_this_database() {
        let tally = OutcomeTally {
            years: vec![
                crate::model::FiscalYear(2023),
                crate::model::FiscalYear(2025),
            ],
            rows: vec![crate::model::TallyRow {
                id: 1,
                code: "drug".into(),
                period: 3,
                name_ja: "医薬品".into(),
                name_en: "Drug".into(),
                counts: vec![[0, 3, 0, 0, 0], [0, 2, 0, 1, 0]],
            }],
        };
        let [p2, p3] = references(&tally, Some(OutcomeKind::Licensing), Lang::Ja);
        assert!(p2.contains("434") && p2.ends_with("このDB 3"), "{p2}");
        assert!(
            p3.contains("年 130") && p3.contains("650") && p3.contains("このDB 2"),
            "{p3}"
        );
        let [p2, _] = references(&tally, Some(OutcomeKind::ClinicalTrial), Lang::En);
        assert!(p2.contains("none published"), "{p2}");
        let [p2, p3] = references(&tally, None, Lang::Ja);
        assert!(
            p2.contains("論文 6,090") && p3.contains("治験 60"),
            "{p2} {p3}"
        );
        assert!(crate::text::width(&p2) <= 80, "{p2}");
    }
}
