//! `seedline show …`: the TUI's views rendered as plain text to stdout, for quick looks, scripts
//! and tests. The same state machine and drawing code as the TUI, into an off-screen buffer.

use crate::app::{Action, App, Command, Effect, ListKind, Screen};
use crate::model::{BudgetRows, FiscalYear, PiKey, Pivot};
use crate::session::RunContext;
use crate::store::Store;
use crate::tui::effects::run_all;
use crate::ui::{self, plain::buffer_to_text, theme::Theme};
use anyhow::{Context, Result, bail};
use ratatui::{Terminal, backend::TestBackend};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;

/// Size of the rendered view.
#[derive(Debug, Clone, clap::Args)]
pub struct Size {
    /// Width in columns (default: the terminal's width, or 80 when not a terminal).
    #[arg(long)]
    pub width: Option<u16>,
    /// Height in rows (default: the whole view; lists at most 500 rows).
    #[arg(long)]
    pub height: Option<u16>,
}

/// The views `show` can print.
#[derive(Debug, clap::Subcommand)]
pub enum View {
    /// The pipeline matrix: integrated projects (or disease areas) × phases.
    Dashboard {
        #[command(flatten)]
        size: Size,
        /// Rows by disease area instead of integrated project.
        #[arg(long)]
        areas: bool,
        /// Only the projects matching this filter (the TUI's `/` syntax), e.g. "ip:drug": every
        /// cell, total and headline figure is theirs.
        #[arg(long, short, default_value = "")]
        query: String,
        /// Only my projects (the TUI's `o`): those assigned to the officer seedline knows me as.
        #[arg(long)]
        mine: bool,
        /// This fiscal year's allocations (千円) in every cell instead of counts (the TUI's `b`).
        #[arg(long)]
        budget: bool,
    },
    /// Projects matching a filter (the TUI's `/` syntax).
    List {
        #[command(flatten)]
        size: Size,
        /// Filter, e.g. "がん ip:drug phase:応用..臨床 flag:highway".
        #[arg(long, short, default_value = "")]
        query: String,
    },
    /// Projects with an open highway flag, oldest flag first.
    Highway {
        #[command(flatten)]
        size: Size,
        #[arg(long, short, default_value = "")]
        query: String,
    },
    /// The matching radar: projects ending within the horizon (config radar_days, default 180)
    /// with no decided flag and no successor yet, soonest first.
    Radar {
        #[command(flatten)]
        size: Size,
        /// The horizon in days (1 to 3650; default: radar_days of the config file, else 180).
        #[arg(long)]
        days: Option<u32>,
        /// Filter, e.g. "ip:drug" or "ending:overdue" (ended without a decision).
        #[arg(long, short, default_value = "")]
        query: String,
    },
    /// My portfolio: projects assigned to me or on my watch list.
    Portfolio {
        #[command(flatten)]
        size: Size,
    },
    /// Allocations (千円) per fiscal year × integrated project, program or phase.
    Budget {
        #[command(flatten)]
        size: Size,
        /// Rows: ip, program or phase.
        #[arg(long, default_value = "ip")]
        rows: String,
        /// Only the projects matching this filter (the TUI's `/` syntax), e.g. "mine".
        #[arg(long, short, default_value = "")]
        query: String,
    },
    /// Outcomes per integrated project × fiscal year, with AMED's published figures.
    Outcomes {
        #[command(flatten)]
        size: Size,
        /// approval, licensing, nonclinical-poc, clinical-trial, paper (default: all kinds).
        #[arg(long)]
        kind: Option<String>,
        /// Only the outcomes of projects matching this filter (the TUI's `/` syntax).
        #[arg(long, short, default_value = "")]
        query: String,
    },
    /// The gaps between programs (切れ目): days from a predecessor's end to its successor's
    /// start per program pair or fiscal year, and per seed the time from 基礎 to 実用化.
    Seamless {
        #[command(flatten)]
        size: Size,
        /// pairs (program pairs), years (fiscal year of the hand-over) or seeds.
        #[arg(long, default_value = "pairs")]
        view: String,
    },
    /// Phase transitions in a fiscal year and median days in each phase.
    Funnel {
        #[command(flatten)]
        size: Size,
        /// Fiscal year: 2024, FY2024, 2024年度 or 令和6年度 (default: this one).
        #[arg(long)]
        fy: Option<String>,
        #[arg(long, short, default_value = "")]
        query: String,
    },
    /// Follow-ups and deadlines due within 30 days or overdue, in aging buckets.
    Due {
        #[command(flatten)]
        size: Size,
        /// Only what I owe.
        #[arg(long)]
        mine: bool,
        /// Counts per officer and bucket instead of the items.
        #[arg(long)]
        by_officer: bool,
    },
    /// All projects of one PI across programs, with budgets and overlapping periods.
    Pi {
        /// The PI's name (spaces ignored).
        name: String,
        #[command(flatten)]
        size: Size,
    },
    /// All projects of one institution across programs.
    Institution {
        name: String,
        #[command(flatten)]
        size: Size,
    },
    /// One project with its history, flags, gates, outcomes and notes.
    Project {
        /// 課題管理番号, e.g. JP23ck0106123.
        id: String,
        #[command(flatten)]
        size: Size,
    },
    /// A seed's whole chain around one project: predecessors > the project > successors, with
    /// program, phase, period and the gap (切れ目) to each successor.
    Lineage {
        /// 課題管理番号.
        id: String,
    },
}

/// Rows a list prints when no height is given.
const LIST_ROWS: usize = 500;

pub fn run(ctx: &RunContext, store: &mut Store, view: View) -> Result<ExitCode> {
    let reference = Arc::new(store.reference()?);
    let (mut app, effects) = App::new(ctx.lang, ctx.today, reference, ctx.keymap.clone());
    app.author = ctx.author.clone();
    app.stall_days = ctx.stall_days;
    app.radar_days = ctx.radar_days;
    app.config_file = ctx.paths.config_file().display().to_string();
    let (size, effects) = match view {
        View::Lineage { id } => return super::show_lineage::run(ctx, store, &id),
        View::Dashboard {
            size,
            areas,
            query,
            mine,
            budget,
        } => {
            let filter = resolve(&query, &app)?;
            let pivot = if areas {
                Pivot::DiseaseArea
            } else {
                Pivot::IntegratedProject
            };
            (
                size,
                chain(store, &mut app, effects, |app| {
                    let mut effects = app.show_dashboard(pivot, query, filter);
                    // The same keys as in the TUI, through the same update path: each
                    // toggle asks for the figures again, and only the last request counts.
                    let toggles = [(mine, Command::ToggleMine), (budget, Command::ToggleBudget)];
                    for (_, command) in toggles.into_iter().filter(|(on, _)| *on) {
                        effects = app.update(Action::Command(command));
                    }
                    effects
                }),
            )
        }
        View::List { size, query } => (
            size,
            chain(store, &mut app, effects, |app| {
                app.push_list(ListKind::Projects, query, String::new())
            }),
        ),
        View::Highway { size, query } => (
            size,
            chain(store, &mut app, effects, |app| {
                app.push_list(ListKind::Highway, query, String::new())
            }),
        ),
        View::Radar { size, days, query } => {
            let days = match days {
                Some(d) if (1..=crate::query::EndingFilter::MAX_DAYS).contains(&d) => d,
                Some(d) => return Err(crate::msg::cli::not_radar_days(d).into()),
                None => app.radar_days,
            };
            (
                size,
                chain(store, &mut app, effects, |app| {
                    app.push_list(ListKind::Radar(days), query, String::new())
                }),
            )
        }
        View::Portfolio { size } => (
            size,
            chain(store, &mut app, effects, |app| app.push_portfolio()),
        ),
        View::Budget { size, rows, query } => {
            let rows_by = BudgetRows::parse(&rows)
                .ok_or_else(|| crate::msg::cli::unknown_budget_rows(&rows))?;
            let filter = resolve(&query, &app)?;
            (
                size,
                chain(store, &mut app, effects, |app| {
                    app.push_budget(rows_by, filter)
                }),
            )
        }
        View::Outcomes { size, kind, query } => {
            let kind = match kind {
                Some(text) => Some(
                    crate::model::parse_outcome_kind(&text)
                        .ok_or_else(|| crate::msg::cli::not_an_outcome_kind("--kind", &text))?,
                ),
                None => None,
            };
            let filter = resolve(&query, &app)?;
            (
                size,
                chain(store, &mut app, effects, |app| {
                    app.push_outcomes(kind, filter, query)
                }),
            )
        }
        View::Seamless { size, view } => {
            let view = crate::app::screens::SeamlessView::parse(&view)
                .ok_or_else(|| crate::msg::cli::not_a_seamless_view("--view", &view))?;
            (
                size,
                chain(store, &mut app, effects, |app| app.push_seamless(view)),
            )
        }
        View::Funnel { size, fy, query } => {
            let year = match fy {
                Some(text) => FiscalYear::parse(&text)
                    .ok_or_else(|| crate::msg::cli::not_a_fiscal_year("--fy", &text))?,
                None => FiscalYear::of(ctx.today),
            };
            let filter = resolve(&query, &app)?;
            (
                size,
                chain(store, &mut app, effects, |app| {
                    app.push_funnel(year, filter)
                }),
            )
        }
        View::Due {
            size,
            mine,
            by_officer,
        } => {
            let effects = chain(store, &mut app, effects, |app| {
                app.push_due(mine, by_officer)
            });
            (size, effects)
        }
        View::Pi { name, size } => (
            size,
            chain(store, &mut app, effects, |app| {
                app.push_pi_named(PiKey::Pi(name))
            }),
        ),
        View::Institution { name, size } => (
            size,
            chain(store, &mut app, effects, |app| {
                app.push_pi_named(PiKey::Institution(name))
            }),
        ),
        View::Project { id, size } => {
            let row = store.project_id(&id)?;
            (
                size,
                chain(store, &mut app, effects, |app| app.push_detail(row)),
            )
        }
    };
    let width = size.width.unwrap_or_else(default_width).max(1);
    // Lay out at the final width before loading, so lists fetch the rows they will show.
    app.update(Action::Resize(
        width,
        size.height.unwrap_or(LIST_ROWS as u16 + 4),
    ));
    run_all(store, &mut app, effects);
    if let Some(status) = &app.status {
        bail!("{status}");
    }
    // Without a height: the whole content (lists up to LIST_ROWS rows), title and status line
    // included; the dashboard is drawn as tall as any matrix gets.
    let height = match (size.height, app.screen()) {
        (Some(h), _) => h,
        (None, Screen::List(_) | Screen::Due(_) | Screen::Pi(_)) => chrome(
            app.screen()
                .content_height()
                .unwrap_or(0)
                .min(LIST_ROWS + 4),
        ),
        (None, Screen::Dashboard) => chrome(app.dashboard.content_height()),
        (None, screen) => chrome(screen.content_height().unwrap_or(0)),
    }
    // Below the smallest size every screen draws at, only a "too small" notice would print.
    .max(if size.height.is_some() {
        1
    } else {
        ui::MIN_HEIGHT
    });
    let effects = app.update(Action::Resize(width, height));
    run_all(store, &mut app, effects);
    let mut text = render(&app, width, height)?;
    if size.height.is_none() {
        text = without_footer(&text);
    }
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other?,
    }
    Ok(ExitCode::SUCCESS)
}

/// A screen's height with its title and status line, in terminal rows.
fn chrome(content: usize) -> u16 {
    (content + usize::from(crate::app::screens::CHROME)).min(u16::MAX as usize) as u16
}

/// Runs what a view over the dashboard needs of the start-up effects (the project count, not the
/// dashboard's own figures, which nobody will see), then opens the view.
/// A filter from `--query`, resolved against the reference data.
fn resolve(query: &str, app: &App) -> Result<crate::query::Filter> {
    crate::query::resolve(query, &app.reference).context("--query")
}

fn chain(
    store: &mut Store,
    app: &mut App,
    first: Vec<Effect>,
    open: impl FnOnce(&mut App) -> Vec<Effect>,
) -> Vec<Effect> {
    let needed: Vec<Effect> = first
        .into_iter()
        .filter(|e| matches!(e, Effect::CountProjects))
        .collect();
    run_all(store, app, needed);
    open(app)
}

/// Draws `app` into an off-screen buffer and returns its text (monochrome: no escape sequences).
pub fn render(app: &App, width: u16, height: u16) -> Result<String> {
    let mut terminal = Terminal::new(TestBackend::new(width, height))?;
    terminal.draw(|frame| ui::draw(frame, app, Theme::monochrome()))?;
    Ok(buffer_to_text(terminal.backend().buffer()))
}

/// Drops the key-hint footer (meaningless on paper) and the blank rows above it.
fn without_footer(text: &str) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    lines.pop();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

fn default_width() -> u16 {
    if std::io::stdout().is_terminal() {
        ratatui::crossterm::terminal::size().map_or(80, |(w, _)| w)
    } else {
        80
    }
}
