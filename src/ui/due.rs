//! The due view (follow-ups, oldest first, overdue in red) and a project's history.

use super::theme::Theme;
use super::tr;
use crate::app::{App, DueState, HistoryState};
use crate::model::{Coded, parse_date};
use crate::text::{fit, sanitize_line, thousands};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub fn draw_due(frame: &mut Frame<'_>, area: Rect, app: &App, due: &DueState, theme: Theme) {
    let lang = app.lang;
    let w = area.width as usize;
    let row = |i: u16| Rect {
        y: area.y + i,
        height: 1,
        ..area
    };
    let overdue = due
        .items
        .iter()
        .filter(|i| i.due_on < app.today.to_string())
        .count();
    let whose = if due.mine {
        format!(
            "{} {}",
            tr(lang, "自分:", "mine:"),
            sanitize_line(&app.author.name)
        )
    } else {
        tr(lang, "全員", "everyone").into()
    };
    let info = format!(
        " {}  {} {}  {} {}",
        whose,
        tr(lang, "未了", "pending"),
        thousands(due.items.len() as i64),
        tr(lang, "期限超過", "overdue"),
        thousands(overdue as i64)
    );
    frame.render_widget(Line::styled(fit(&info, w), theme.label()), row(0));
    let head = format!(
        "  {} {} {} {} {}",
        fit(tr(lang, "期限", "Due"), 10),
        fit(tr(lang, "超過", "Late"), 5),
        fit(tr(lang, "担当", "Officer"), 12),
        fit(tr(lang, "課題管理番号", "AMED id"), 14),
        tr(lang, "課題名／記録", "Project / note")
    );
    frame.render_widget(Line::styled(fit(&head, w), theme.column_header()), row(1));
    if due.loaded && due.items.is_empty() {
        frame.render_widget(
            Line::styled(
                tr(
                    lang,
                    "  未了のフォローアップはありません",
                    "  no pending follow-ups",
                ),
                theme.dim(),
            ),
            row(2),
        );
    }
    let page = app.list_page();
    for (k, item) in due.items.iter().enumerate().skip(due.offset).take(page) {
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
        let rest = w.saturating_sub(2 + 11 + 6 + 13 + 15);
        let text = format!(
            "{} / {}: {}",
            sanitize_line(&item.title),
            item.kind.label(lang),
            sanitize_line(&item.summary)
        );
        let spans = vec![
            Span::raw("  "),
            Span::raw(format!("{} ", fit(&item.due_on, 10))),
            Span::styled(
                format!("{} ", fit(&late_text, 5)),
                if late > 0 {
                    theme.alert()
                } else {
                    Style::new()
                },
            ),
            Span::raw(format!("{} ", fit(&sanitize_line(&item.author), 12))),
            Span::styled(
                format!("{} ", fit(&sanitize_line(&item.amed_id), 14)),
                theme.dim(),
            ),
            Span::raw(fit(&text, rest)),
        ];
        let mut line = Line::from(spans);
        if k == due.cursor {
            line = line.style(theme.cursor());
        }
        frame.render_widget(line, row(y));
    }
}

pub fn draw_history(frame: &mut Frame<'_>, area: Rect, app: &App, h: &HistoryState, theme: Theme) {
    let w = area.width as usize;
    let row = |i: u16| Rect {
        y: area.y + i,
        height: 1,
        ..area
    };
    let head = format!(
        " {}  ({})",
        sanitize_line(&h.label),
        tr(
            app.lang,
            "新しい順、監査ログより",
            "newest first, from the audit log"
        )
    );
    frame.render_widget(Line::styled(fit(&head, w), theme.label()), row(0));
    for (k, e) in h
        .entries
        .iter()
        .skip(h.scroll)
        .take(area.height.saturating_sub(1) as usize)
        .enumerate()
    {
        let who = match &e.officer {
            Some(o) if *o != e.actor => format!("{} ({})", o, e.actor),
            _ => e.actor.clone(),
        };
        let at = e.at.get(..16).unwrap_or(&e.at).replace('T', " ");
        let line = Line::from(vec![
            Span::styled(format!(" {at}  "), theme.dim()),
            Span::styled(format!("{} ", fit(&e.action, 14)), theme.label()),
            Span::raw(fit(
                &format!("{}  {}", sanitize_line(&who), sanitize_line(&e.summary)),
                w.saturating_sub(35),
            )),
        ]);
        frame.render_widget(line, row(k as u16 + 1));
    }
}
