//! The programs screen: one row per program, grouped by integrated project (its name on the first
//! row of each group), with ministry, phases, project count and successor programs. Columns
//! give way from the right as the terminal narrows; the count is never cut.

use super::{loading, put_lines};
use crate::app::App;
use crate::app::screens::ProgramsState;
use crate::model::Coded;
use crate::text::{fit, fit_right, sanitize_line, thousands, width};
use crate::ui::theme::Theme;
use crate::ui::tr;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// The narrowest the program name is cut to before a column is left out.
const NAME_MIN: usize = 14;
const MINISTRY_W: usize = 5;
const IP_W: usize = 14;
/// The name's width when there is room for the successor column too.
const NAME_WANTED: usize = 32;

/// Which columns fit in `w` cells, and the name's and the successors' widths.
struct Layout {
    count: usize,
    name: usize,
    ministry: bool,
    ip: bool,
    phases: usize,
    links: usize,
}

fn layout(w: usize, count: usize, phases_w: usize) -> Layout {
    let mut avail = w.saturating_sub(2 + count + 1);
    let mut take = |cells: usize| {
        let fits = avail > NAME_MIN + cells;
        if fits {
            avail -= cells + 1;
        }
        fits
    };
    let (ministry, phases, ip) = (take(MINISTRY_W), take(phases_w), take(IP_W));
    let phases = if phases { phases_w } else { 0 };
    let (name, links) = if avail >= NAME_MIN + 1 + 10 {
        let name = (avail - 11).clamp(NAME_MIN, NAME_WANTED);
        (name, avail - name - 1)
    } else {
        (avail, 0)
    };
    Layout {
        count,
        name,
        ministry,
        ip,
        phases,
        links,
    }
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, p: &ProgramsState, theme: Theme) {
    let lang = app.lang;
    let Some((reference, _)) = &p.loaded else {
        return put_lines(frame, area, vec![loading(lang, theme)]);
    };
    let w = area.width as usize;
    let retired = reference
        .programs
        .iter()
        .filter(|g| g.retired_on.is_some())
        .count();
    let toggle = if p.show_retired {
        tr(lang, "t: 廃止を隠す", "t: hide retired")
    } else {
        tr(lang, "t: 廃止も表示", "t: show retired")
    };
    let summary = format!(
        " {} {} | {} {} | {} {} ({toggle})",
        thousands(p.rows.len() as i64),
        tr(lang, "事業", "programs"),
        thousands(reference.program_links.len() as i64),
        tr(lang, "連携", "links"),
        tr(lang, "廃止", "retired"),
        thousands(retired as i64),
    );
    let count_w = p
        .rows
        .iter()
        .map(|r| width(&thousands(r.projects)))
        .max()
        .unwrap_or(1)
        .max(width(tr(lang, "課題数", "Projs")));
    // 非臨床..実用化 / Non-clin..Practical
    let l = layout(w, count_w, if lang == crate::Lang::En { 19 } else { 14 });
    let mut head = format!("  {}", fit(tr(lang, "事業名", "Program"), l.name));
    if l.ministry {
        head.push_str(&format!(" {}", fit(tr(lang, "府省", "Min."), MINISTRY_W)));
    }
    if l.ip {
        head.push_str(&format!(" {}", fit(tr(lang, "統合PJ", "Int. PJ"), IP_W)));
    }
    if l.phases > 0 {
        head.push_str(&format!(
            " {}",
            fit(tr(lang, "フェーズ", "Phases"), l.phases)
        ));
    }
    head.push_str(&format!(
        " {}",
        fit_right(tr(lang, "課題数", "Projs"), l.count)
    ));
    if l.links > 0 {
        head.push_str(&format!(
            " {}",
            fit(tr(lang, "後継事業", "Successors"), l.links)
        ));
    }
    let mut lines = vec![
        Line::styled(fit(&summary, w), theme.label()),
        Line::styled(fit(&head, w), theme.column_header()),
    ];
    let page = (area.height as usize).saturating_sub(lines.len());
    for (k, r) in p.rows.iter().enumerate().skip(p.offset).take(page) {
        let g = &r.program;
        let mut name = sanitize_line(r.name(lang)).into_owned();
        if g.retired_on.is_some() {
            name = format!("[{}] {name}", tr(lang, "廃止", "retired"));
        }
        let mut text = format!("  {}", fit(&name, l.name));
        if l.ministry {
            let ministry = crate::model::Ministry::parse(&g.ministry).map_or_else(
                || sanitize_line(&g.ministry).into_owned(),
                |m| m.code().into(),
            );
            text.push_str(&format!(" {}", fit(&ministry, MINISTRY_W)));
        }
        if l.ip {
            // The integrated project heads its group: on its first row, and on the top row shown.
            let first = k == p.offset || p.rows[k - 1].ip_code != r.ip_code;
            let ip = if first {
                let name = r.ip_name(lang);
                sanitize_line(name.strip_suffix("プロジェクト").unwrap_or(name)).into_owned()
            } else {
                String::new()
            };
            text.push_str(&format!(" {}", fit(&ip, IP_W)));
        }
        if l.phases > 0 {
            let phases = if g.first_phase == g.last_phase {
                g.first_phase.short_label(lang).to_string()
            } else {
                format!(
                    "{}..{}",
                    g.first_phase.short_label(lang),
                    g.last_phase.short_label(lang)
                )
            };
            text.push_str(&format!(" {}", fit(&phases, l.phases)));
        }
        text.push_str(&format!(" {}", fit_right(&thousands(r.projects), l.count)));
        if l.links > 0 {
            let links: Vec<String> = r
                .successors
                .iter()
                .map(|(_, ja, en, _)| {
                    let name = if lang == crate::Lang::En && !en.is_empty() {
                        en
                    } else {
                        ja
                    };
                    format!("›{}", sanitize_line(name))
                })
                .collect();
            text.push_str(&format!(" {}", fit(&links.join(" "), l.links)));
        }
        let mut line = Line::raw(fit(&text, w));
        if g.retired_on.is_some() {
            line = line.style(theme.dim());
        }
        if k == p.cursor {
            line = line.style(theme.cursor());
        }
        lines.push(line);
    }
    put_lines(frame, area, lines);
}

#[cfg(test)]
mod tests {
    use super::layout;

    #[test]
    fn columns_give_way_from_the_right_and_the_count_stays() {
        let wide = layout(120, 6, 14);
        assert!(wide.ministry && wide.ip && wide.phases > 0 && wide.links > 0);
        let narrow = layout(40, 6, 14);
        assert!(narrow.name >= super::NAME_MIN && !narrow.ip && narrow.phases == 0);
        let used = 2
            + narrow.name
            + if narrow.ministry {
                1 + super::MINISTRY_W
            } else {
                0
            }
            + 1
            + narrow.count
            + if narrow.links > 0 {
                1 + narrow.links
            } else {
                0
            };
        assert!(used <= 40, "{used}");
        let tiny = layout(10, 6, 14);
        assert_eq!(tiny.count, 6);
    }
}
