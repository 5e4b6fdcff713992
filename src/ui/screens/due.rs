//! The due board (follow-ups and deadlines, oldest first, aging buckets; or counts per officer)
//! and a project's history.

use crate::app::{App, DueState};
use crate::model::{AgingBucket, Coded, DueBoardRow, DueSource, deadline_text, parse_date};
use crate::text::{fit, fit_right, sanitize_line, thousands, truncate, width};
use crate::ui::theme::Theme;
use crate::ui::tr;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, due: &DueState, theme: Theme) {
    let lang = app.lang;
    let w = area.width as usize;
    let row = |i: u16| Rect {
        y: area.y + i,
        height: 1,
        ..area
    };
    let whose: String = if due.mine {
        format!(
            "{} {}",
            tr(lang, "自分:", "mine:"),
            sanitize_line(&app.author.name)
        )
    } else {
        tr(lang, "全員", "everyone").into()
    };
    // The aging buckets, most overdue first; overdue ones in the alert colour when not empty.
    // Short labels (and no name) when the full ones do not fit; what still does not fit is one
    // line ending with `~`, never a figure cut off silently.
    let pieces = |short: bool| -> Vec<String> {
        AgingBucket::BOARD
            .iter()
            .zip(due.totals)
            .map(|(b, n)| {
                let label = if short {
                    short_label(*b, lang)
                } else {
                    b.label(lang)
                };
                format!(" {label} {}", thousands(n))
            })
            .collect()
    };
    let fits =
        |head: &str, p: &[String]| width(head) + 2 + p.iter().map(|s| width(s)).sum::<usize>() <= w;
    let (mut whose, mut texts) = (whose, pieces(false));
    if !fits(&whose, &texts) {
        texts = pieces(true);
        if due.mine {
            whose = tr(lang, "自分", "mine").into();
        }
    }
    let mut info = vec![Span::styled(format!(" {whose} "), theme.label())];
    if fits(&whose, &texts) {
        for ((bucket, n), text) in AgingBucket::BOARD.iter().zip(due.totals).zip(texts) {
            let style = if n > 0 && *bucket != AgingBucket::DueWithin30 {
                theme.alert()
            } else {
                theme.label()
            };
            info.push(Span::styled(text, style));
        }
    } else {
        let line = format!(" {whose} {}", texts.concat());
        info = vec![Span::styled(truncate(&line, w).into_owned(), theme.label())];
    }
    frame.render_widget(Line::from(info), row(0));
    if due.by_officer {
        draw_board(frame, area, app, due, theme);
        return;
    }
    let owners_head = if show_owners(w) {
        format!("{} ", fit(tr(lang, "担当", "Officer"), 12))
    } else {
        String::new()
    };
    let head = format!(
        "  {} {} {owners_head}{} {}",
        fit(tr(lang, "期限", "Due"), 10),
        fit(tr(lang, "超過", "Late"), 5),
        fit(tr(lang, "課題管理番号", "AMED id"), 14),
        tr(lang, "内容 / 課題名", "What / project")
    );
    frame.render_widget(Line::styled(fit(&head, w), theme.column_header()), row(1));
    if due.loaded && due.total == 0 {
        frame.render_widget(
            Line::styled(
                tr(
                    lang,
                    "  30日以内の期限・フォローアップはありません",
                    "  nothing due within 30 days",
                ),
                theme.dim(),
            ),
            row(2),
        );
    }
    let page = app.list_page();
    // The items on screen, as read (one still being read leaves its line empty).
    let on_screen = (due.offset..due.offset + page).filter_map(|k| due.item(k).map(|i| (k, i)));
    for (k, item) in on_screen {
        let y = (k - due.offset) as u16 + 2;
        if y + area.y >= area.bottom() {
            break;
        }
        let late = parse_date(&item.due_on)
            .map(|d| (app.today - d).num_days())
            .unwrap_or(0);
        let late_text = if late > 0 {
            format!("+{late}")
        } else {
            String::new()
        };
        let show_owners = show_owners(w);
        let rest = w.saturating_sub(2 + 11 + 6 + if show_owners { 13 } else { 0 } + 15);
        let what = match item.source {
            DueSource::FollowUp(_, kind) => kind.label(lang).to_string(),
            DueSource::Deadline(_, kind) => {
                sanitize_line(&deadline_text(kind, &item.summary, lang)).into_owned()
            }
        };
        // What is due comes first: the kind and its text survive a narrow terminal.
        let summary = match item.source {
            DueSource::FollowUp(..) => sanitize_line(&item.summary),
            DueSource::Deadline(..) => Default::default(),
        };
        let sep = if summary.is_empty() { "" } else { " " };
        let text = format!("{what}{sep}{summary} / {}", sanitize_line(&item.title));
        let owners = sanitize_line(&item.owners.join(", ")).into_owned();
        let mut spans = vec![
            Span::raw("  "),
            Span::raw(format!("{} ", fit(&item.due_on, 10))),
            Span::styled(
                format!("{} ", fit(&late_text, 5)),
                if late > 30 {
                    theme.alert()
                } else if late > 0 {
                    theme.warn()
                } else {
                    Style::new()
                },
            ),
        ];
        if show_owners {
            spans.push(Span::raw(format!("{} ", fit(&owners, 12))));
        }
        spans.push(Span::styled(
            format!("{} ", fit(&sanitize_line(&item.amed_id), 14)),
            theme.dim(),
        ));
        spans.push(Span::raw(fit(&text, rest)));
        let mut line = Line::from(spans);
        if k == due.cursor {
            line = line.style(theme.cursor());
        }
        frame.render_widget(line, row(y));
    }
}

/// The per-officer board: one row per owner with their counts per aging bucket, then the total
/// (each item once: everyone's, or mine with `o`), then a line saying how the rows count.
fn draw_board(frame: &mut Frame<'_>, area: Rect, app: &App, due: &DueState, theme: Theme) {
    let lang = app.lang;
    let board = &due.board;
    let w = area.width as usize;
    // Column widths from the labels in this language; short labels when the full ones leave
    // the officer's name less than 8 cells.
    let widest = |label: &dyn Fn(AgingBucket) -> &'static str| {
        AgingBucket::BOARD
            .iter()
            .map(|b| width(label(*b)))
            .max()
            .unwrap_or(0)
            .max(6)
    };
    let full = |b: AgingBucket| b.label(lang);
    let brief = |b: AgingBucket| short_label(b, lang);
    let label: &dyn Fn(AgingBucket) -> &'static str = if w >= 3 + (widest(&full) + 1) * 4 + 8 {
        &full
    } else {
        &brief
    };
    let cell = widest(label);
    let name_w = w.saturating_sub(3 + (cell + 1) * 4).max(8);
    let mut head = format!("  {} ", fit(tr(lang, "担当", "Officer"), name_w));
    for bucket in AgingBucket::BOARD {
        head.push_str(&format!("{} ", fit_right(label(bucket), cell)));
    }
    let put = |frame: &mut Frame<'_>, line: Line<'_>, y: u16| {
        if y < area.bottom() {
            frame.render_widget(
                line,
                Rect {
                    y,
                    height: 1,
                    ..area
                },
            );
        }
    };
    let mut y = area.y + 1;
    put(frame, Line::styled(fit(&head, w), theme.column_header()), y);
    let total = DueBoardRow {
        owner: if due.mine {
            tr(lang, "自分（各1件）", "mine (each once)")
        } else {
            tr(lang, "全件（各1件）", "all (each once)")
        }
        .into(),
        counts: due.totals,
    };
    // Room for the officers above the total and the legend.
    let room = area.bottom().saturating_sub(y + 3) as usize;
    let shown = board.iter().take(room).chain(std::iter::once(&total));
    for (k, r) in shown.enumerate() {
        y += 1;
        let mut spans = vec![Span::raw(format!(
            "  {} ",
            fit(&sanitize_line(&r.owner), name_w)
        ))];
        for (i, n) in r.counts.iter().enumerate() {
            let style = if *n > 0 && i < 3 {
                theme.alert()
            } else {
                Style::new()
            };
            spans.push(Span::styled(
                format!("{} ", fit_right(&thousands(*n), cell)),
                style,
            ));
        }
        let mut line = Line::from(spans);
        if k == board.len().min(room) {
            line = line.style(theme.totals());
        }
        put(frame, line, y);
    }
    let legend = tr(
        lang,
        "  担当者の行: 共同担当の1件は担当者それぞれに数える（合計と一致しない）",
        "  officer rows: an item counts once for each of its officers (they add up to more)",
    );
    put(frame, Line::styled(fit(legend, w), theme.dim()), y + 1);
}

/// A bucket's label for a narrow terminal: `61日+`, `31-60`, `1-30`, `30日内` (`61+`, `31-60`,
/// `1-30`, `<=30`).
fn short_label(bucket: AgingBucket, lang: crate::Lang) -> &'static str {
    match bucket {
        AgingBucket::Overdue61Plus => tr(lang, "61日+", "61+"),
        AgingBucket::Overdue31To60 => "31-60",
        AgingBucket::Overdue1To30 => "1-30",
        AgingBucket::DueWithin30 => tr(lang, "30日内", "<=30"),
        AgingBucket::Later => tr(lang, "31日以降", "later"),
    }
}

/// Whether the due list has room for its officer column: the owners give way first on a narrow
/// terminal, so that the id is never cut.
fn show_owners(w: usize) -> bool {
    w >= 2 + 11 + 6 + 13 + 15 + 10
}
