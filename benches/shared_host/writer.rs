//! One writer: an officer saving notes at a fixed rate through the TUI's save path (the effect
//! runner's `save`, busy retries as the TUI makes them: the store's 5-second busy wait, then again
//! on the next idle tick, 250 ms later, while the officer's text stays in the form).

use super::cpu_self_us;
use seedline::app::{Save, SaveOutcome};
use seedline::model::{Author, NewNote, NoteKind};
use seedline::store::{OpenOptions, Store};
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

/// The TUI's idle tick, after which a busy save is tried again.
const TICK: Duration = Duration::from_millis(250);
/// A save still busy after this long counts as failed (an officer would have given up).
const GIVE_UP: Duration = Duration::from_secs(60);

/// What the harness needs to know about one writer.
pub struct Plan<'a> {
    pub db: &'a Path,
    pub run: &'a str,
    pub index: usize,
    pub writers: usize,
    /// Saves per second, all writers together.
    pub rate: f64,
    pub duration: Duration,
    pub log: &'a Path,
}

/// Saves notes on pseudo-random projects until the duration is over; logs one line per save
/// (`tag ms outcome`), then `cpu <µs>`. Every body carries its unique tag.
pub fn run(plan: &Plan<'_>) -> anyhow::Result<()> {
    seedline::store::busy::timeout_from_env();
    let projects = project_ids(plan.db)?;
    anyhow::ensure!(!projects.is_empty(), "the database holds no projects");
    let mut store = Store::open(plan.db, OpenOptions::EXISTING)?;
    store.set_begin_retries(0);
    let author = Author {
        name: format!("load-writer-{}", plan.index),
        role: "PO".into(),
    };
    let mut log = std::io::BufWriter::new(std::fs::File::create(plan.log)?);
    let start = Instant::now();
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64 ^ (plan.index as u64 + 1);
    for k in 0.. {
        // Writer i saves at (k·W + i) / rate seconds: the writers take turns, evenly spaced.
        let at = Duration::from_secs_f64((k * plan.writers + plan.index) as f64 / plan.rate);
        if at >= plan.duration {
            break;
        }
        if let Some(wait) = at.checked_sub(start.elapsed()) {
            std::thread::sleep(wait);
        }
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let project_id = projects[(seed >> 33) as usize % projects.len()];
        let tag = format!("shared-host {} w{}-{k}", plan.run, plan.index);
        let note = NewNote {
            kind: NoteKind::Meeting,
            body: format!("{tag}: 負荷試験の面談メモ (load test note)"),
            occurred_on: super::today(),
            follow_up_on: None,
        };
        let (ms, outcome) = save(&mut store, &author, project_id, note);
        writeln!(log, "{tag}\t{ms:.3}\t{outcome}")?;
        log.flush()?;
    }
    writeln!(log, "cpu\t{}", cpu_self_us())?;
    log.flush()?;
    Ok(())
}

/// One save as the TUI makes it; its wall time in ms and `saved`, `failed: …` or `gave up`.
fn save(store: &mut Store, author: &Author, project_id: i64, note: NewNote) -> (f64, String) {
    let started = Instant::now();
    let mut change = Save::Note { project_id, note };
    let outcome = loop {
        match seedline::tui::effects::save(store, author, change) {
            SaveOutcome::Saved { .. } => break "saved".to_string(),
            SaveOutcome::Busy { retry } if started.elapsed() < GIVE_UP => {
                std::thread::sleep(TICK);
                change = *retry;
            }
            SaveOutcome::Busy { .. } => break "gave up".to_string(),
            SaveOutcome::Conflict { message, .. } => {
                break format!("failed: {}", message.get(seedline::Lang::En));
            }
            SaveOutcome::Failed(failure) => {
                break format!("failed: {}", failure.message(seedline::Lang::En));
            }
        }
    };
    (started.elapsed().as_secs_f64() * 1000.0, outcome)
}

/// The projects a note may go on (not retired).
fn project_ids(db: &Path) -> anyhow::Result<Vec<i64>> {
    let conn = super::read_only(db)?;
    let mut stmt = conn.prepare("SELECT id FROM project WHERE retired_at IS NULL")?;
    let ids = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<Vec<i64>, _>>()?;
    Ok(ids)
}
