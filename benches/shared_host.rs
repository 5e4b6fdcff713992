//! Load test of one shared host (issue 19): K headless dashboard sessions and W writers on one
//! database, each its own process, so that CPU is measured per process. Run it through
//! `benches/shared_host.sh` (which builds this target and passes its arguments on):
//!
//! ```sh
//! benches/shared_host.sh                                   # 20 sessions, 1 writer, 60 s, 100k db
//! benches/shared_host.sh --sessions 200 --duration 60 --db target/bench/bench-100k.db
//! ```
//!
//! A session is the dashboard as `seedline` starts it: the real `App`, effect runner and
//! `seedline::tui::Runtime` turning as the TUI does (250 ms input waits, the idle tick, the
//! 1-second look for other sessions' commits), drawn into a 120x40 `TestBackend`, nobody typing.
//! A writer saves notes through the TUI's save path (`seedline::tui::effects::save`, busy
//! retried on the next tick) on pseudo-random projects; the writers together make `--rate` saves
//! per second. Nothing listens on a network: processes share only the file.
//!
//! Phases: the first session alone (the day's first start), then the other K-1 at once, until
//! each says its start-up is done (first frame, background integrity check answered); an idle
//! baseline (`--idle` seconds, nobody writing); the write phase (`--duration` seconds plus 3 s for
//! the last commit to reach every session); then SIGTERM to every session, and a count of every
//! tagged note in the database. Exit status 1 when a write is lost, duplicated or failed, or a
//! session died; 3 when start-up did not finish within `--startup-timeout`.
//!
//! The notes it writes stay in the database (body `shared-host <run> w<i>-<k>: …`): run it on a
//! copy or on the benchmark database, not on real data.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "shared_host/measure.rs"]
mod measure;
#[path = "shared_host/report.rs"]
mod report;
#[path = "shared_host/session.rs"]
mod session;
#[path = "shared_host/writer.rs"]
mod writer;

use clap::{Parser, Subcommand};
use measure::Sessions;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

#[derive(Parser)]
#[command(about = "seedline shared-host load test (issue 19)")]
struct Cli {
    #[command(subcommand)]
    mode: Option<Mode>,
    #[command(flatten)]
    run: RunArgs,
}

#[derive(clap::Args, Clone)]
struct RunArgs {
    /// The database (notes are added to it).
    #[arg(long, default_value = "target/bench/bench-100k.db")]
    db: PathBuf,
    /// Headless dashboard sessions (1-300).
    #[arg(long, default_value_t = 20)]
    sessions: usize,
    /// Writer processes (1-10).
    #[arg(long, default_value_t = 1)]
    writers: usize,
    /// Seconds of writing (1-600).
    #[arg(long, default_value_t = 60)]
    duration: u64,
    /// Saves per second, all writers together (0.1-20).
    #[arg(long, default_value_t = 1.0)]
    rate: f64,
    /// Seconds of the idle baseline before the writes (1-120).
    #[arg(long, default_value_t = 10)]
    idle: u64,
    /// Seconds the sessions have to finish starting (1-3600).
    #[arg(long, default_value_t = 900)]
    startup_timeout: u64,
}

#[derive(Subcommand)]
enum Mode {
    /// One headless session (started by the harness).
    #[command(hide = true)]
    Session {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        state: PathBuf,
        #[arg(long)]
        index: usize,
        #[arg(long)]
        ready: PathBuf,
    },
    /// One writer (started by the harness).
    #[command(hide = true)]
    Writer {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        run: String,
        #[arg(long)]
        index: usize,
        #[arg(long)]
        writers: usize,
        #[arg(long)]
        rate: f64,
        #[arg(long)]
        duration: u64,
        #[arg(long)]
        log: PathBuf,
    },
}

fn main() -> ExitCode {
    // `cargo bench` adds `--bench`; it means nothing here.
    let args = std::env::args().filter(|a| a != "--bench");
    let cli = Cli::parse_from(args);
    let result = match cli.mode {
        Some(Mode::Session {
            db,
            state,
            index,
            ready,
        }) => session::run(&db, &state, index, &ready),
        Some(Mode::Writer {
            db,
            run,
            index,
            writers,
            rate,
            duration,
            log,
        }) => writer::run(&writer::Plan {
            db: &db,
            run: &run,
            index,
            writers,
            rate,
            duration: Duration::from_secs(duration),
            log: &log,
        })
        .map(|()| ExitCode::SUCCESS),
        None => harness(&cli.run),
    };
    result.unwrap_or_else(|e| {
        eprintln!("shared_host: {e:#}");
        ExitCode::from(2)
    })
}

/// "Today" for sessions and notes: `SEEDLINE_TODAY` (as the CLI's `--today`), else the local date.
pub fn today() -> seedline::model::Date {
    std::env::var("SEEDLINE_TODAY")
        .ok()
        .and_then(|t| seedline::model::Date::parse_from_str(t.trim(), "%Y-%m-%d").ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// This process's CPU time so far (user + system, all threads), in microseconds.
pub fn cpu_self_us() -> u64 {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage fills the struct it is given; RUSAGE_SELF is always valid.
    let usage = unsafe {
        libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr());
        usage.assume_init()
    };
    let us = |t: libc::timeval| t.tv_sec as u64 * 1_000_000 + t.tv_usec as u64;
    us(usage.ru_utime) + us(usage.ru_stime)
}

/// A read-only connection for the harness's own counting (never through seedline's writes).
pub fn read_only(db: &Path) -> rusqlite::Result<rusqlite::Connection> {
    rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
}

/// The harness: checks the bounds, runs the phases, prints the report.
fn harness(args: &RunArgs) -> anyhow::Result<ExitCode> {
    anyhow::ensure!((1..=300).contains(&args.sessions), "--sessions: 1 to 300");
    anyhow::ensure!((1..=10).contains(&args.writers), "--writers: 1 to 10");
    anyhow::ensure!((1..=600).contains(&args.duration), "--duration: 1 to 600 s");
    anyhow::ensure!(
        (0.1..=20.0).contains(&args.rate),
        "--rate: 0.1 to 20 saves/s"
    );
    anyhow::ensure!((1..=120).contains(&args.idle), "--idle: 1 to 120 s");
    anyhow::ensure!(
        (1..=3600).contains(&args.startup_timeout),
        "--startup-timeout: 1 to 3600 s"
    );
    let db = std::fs::canonicalize(&args.db)
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.db.display()))?;
    let exe = std::env::current_exe()?;
    let run = format!("r{}-{}", chrono::Utc::now().timestamp(), std::process::id());
    let dir = std::env::temp_dir().join(format!("seedline-shared-host-{run}"));
    std::fs::create_dir_all(dir.join("state"))?;
    let result = phases(args, &db, &exe, &run, &dir);
    std::fs::remove_dir_all(&dir).ok();
    result
}

fn phases(
    args: &RunArgs,
    db: &Path,
    exe: &Path,
    run: &str,
    dir: &Path,
) -> anyhow::Result<ExitCode> {
    let projects: i64 = read_only(db)?.query_row(
        "SELECT count(*) FROM project WHERE retired_at IS NULL",
        [],
        |r| r.get(0),
    )?;
    report::header(args, db, projects, run);
    let timeout = Duration::from_secs(args.startup_timeout);
    let mut sessions = Sessions::new(exe, db, dir);
    // The day's first start, alone; then everyone else at once.
    sessions.spawn(1)?;
    let mut all_ok = sessions.wait_ready(timeout)?;
    if all_ok {
        sessions.spawn(args.sessions - 1)?;
        all_ok = sessions.wait_ready(timeout)?;
    }
    let startup = sessions.startup();
    report::startup(&startup, args.sessions);
    if !all_ok {
        let spent = measure::seconds(sessions.cpu_ticks());
        let started = sessions.started();
        sessions.stop();
        println!(
            "start-up did not finish within {} s: {} of {} sessions ready ({spent:.1} CPU-s \
             spent by the {started} started, {:.2} per session); stopped",
            args.startup_timeout,
            startup.len(),
            args.sessions,
            spent / started.max(1) as f64
        );
        return Ok(ExitCode::from(3));
    }

    // Idle baseline: every session turning, nobody writing.
    std::thread::sleep(Duration::from_secs(2));
    let (c0, t0) = (sessions.cpu_ticks(), Instant::now());
    std::thread::sleep(Duration::from_secs(args.idle));
    let (c1, t1) = (sessions.cpu_ticks(), Instant::now());
    let idle_secs = (t1 - t0).as_secs_f64();

    // The writes, then 3 s for the last commit to reach every session (1 s look + its reload).
    let (c2, t2) = (sessions.cpu_ticks(), Instant::now());
    let logs = spawn_writers(args, db, exe, run, dir)?;
    std::thread::sleep(Duration::from_secs(3));
    let (c3, t3) = (sessions.cpu_ticks(), Instant::now());
    let write_secs = (t3 - t2).as_secs_f64();
    let memory = sessions.memory();
    let health = sessions.stop();

    let writes = report::Writes::read(&logs)?;
    let presence = report::Presence::count(db, run, &writes)?;
    let cpu = report::Cpu {
        idle_per_session_s: measure::seconds(c1 - c0) / idle_secs / args.sessions as f64,
        write_phase_s: measure::seconds(c3 - c2),
        write_secs,
    };
    let ok = report::results(&cpu, &writes, &presence, &memory, &health, args.sessions);
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Starts the writers and waits for them (each stops on its own after `--duration`); their logs.
fn spawn_writers(
    args: &RunArgs,
    db: &Path,
    exe: &Path,
    run: &str,
    dir: &Path,
) -> anyhow::Result<Vec<PathBuf>> {
    let mut children = Vec::new();
    let mut logs = Vec::new();
    for i in 0..args.writers {
        let log = dir.join(format!("writer-{i}.log"));
        let child = Command::new(exe)
            .args(["writer", "--db"])
            .arg(db)
            .args(["--run", run, "--index", &i.to_string()])
            .args(["--writers", &args.writers.to_string()])
            .args(["--rate", &args.rate.to_string()])
            .args(["--duration", &args.duration.to_string(), "--log"])
            .arg(&log)
            .spawn()?;
        children.push(child);
        logs.push(log);
    }
    // A writer finishes its last save at most a busy wait (plus retries) after the duration.
    let deadline = Instant::now() + Duration::from_secs(args.duration + 90);
    for mut child in children {
        loop {
            if child.try_wait()?.is_some() {
                break;
            }
            if Instant::now() > deadline {
                child.kill().ok();
                child.wait().ok();
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    Ok(logs)
}
