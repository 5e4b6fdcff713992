//! A session start as the TUI makes it, without a terminal: open the database, start the app and
//! run its first loads, take the runtime over (the day's integrity check is planned, claimed and
//! started there), then wait for that check. For measuring what a start costs on a shared host
//! (`benches/session_start.sh`, under `/usr/bin/time`) and for load tests that start sessions.
//!
//!   cargo run --release --example headless_start -- DB [YYYY-MM-DD]
//!
//! Prints one line: `check: none` (a clean check from today is recorded, or another session's is
//! under way), `check: ran` (this session ran and recorded it), or `check: failed ...`.

use seedline::app::App;
use seedline::drafts::DraftFile;
use seedline::store::{OpenOptions, Store};
use seedline::tui::{Runtime, effects};
use seedline::ui::theme::Theme;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let db = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: headless_start DB [DATE]"))?;
    let today = match args.next() {
        Some(day) => {
            seedline::model::parse_date(&day).ok_or_else(|| anyhow::anyhow!("not a date: {day}"))?
        }
        None => chrono::Local::now().date_naive(),
    };
    let state = tempfile::tempdir()?;
    let mut store = Store::open(std::path::Path::new(&db), OpenOptions::EXISTING)?;
    store.set_begin_retries(0);
    let reference = Arc::new(store.reference()?);
    let (mut app, first) = App::new(seedline::Lang::En, today, reference, Default::default());
    app.update(seedline::app::Action::Resize(120, 40));
    effects::run_start(&mut store, &mut app, first)?;
    let drafts = DraftFile::for_db(state.path(), store.path());
    let signal = Arc::new(AtomicUsize::new(0));
    let mut runtime = Runtime::new(store, app, drafts, Theme::monochrome(), signal)?;
    let ran = runtime.integrity_running();
    runtime.wait_integrity();
    match (&runtime.app().status, ran) {
        (Some(status), _) if status.contains("integrity") => println!("check: failed: {status}"),
        (_, true) => println!("check: ran"),
        (_, false) => println!("check: none"),
    }
    Ok(())
}
