//! What the load test prints: the set-up, start-up CPU, save latency, CPU per write, memory, and
//! whether every write is in the database exactly once.

use super::RunArgs;
use super::measure::{Health, Memory, Startup};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The targets (at 100,000 projects, 200 sessions, one save per second).
const P99_TARGET_MS: f64 = 100.0;
const CPU_PER_WRITE_TARGET_S: f64 = 1.0;
const STARTUP_TARGET_S: f64 = 0.2;

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

fn file_len(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

pub fn header(args: &RunArgs, db: &Path, projects: i64, run: &str) {
    let wal = file_len(&PathBuf::from(format!("{}-wal", db.display())));
    println!("seedline shared-host load test, run {run}");
    println!(
        "sessions {}, writers {}, {} s at {} saves/s, idle baseline {} s",
        args.sessions, args.writers, args.duration, args.rate, args.idle
    );
    println!(
        "database {} ({:.0} MB + {:.1} MB WAL), {projects} projects",
        db.display(),
        file_len(db) as f64 / 1e6,
        wal as f64 / 1e6
    );
    // SAFETY: sysconf has no preconditions.
    let cpus = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    println!(
        "host: {cpus} CPUs, load average {} at start",
        load_average()
    );
}

/// The median, p99 (nearest rank) and worst of `values`.
fn spread(values: &[f64]) -> (f64, f64, f64) {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    if v.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    let rank = |q: f64| v[((q * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1];
    (rank(0.5), rank(0.99), v[v.len() - 1])
}

pub fn startup(startup: &[Startup], sessions: usize) {
    let cpu = |s: &Startup| s.cpu_us as f64 / 1e6;
    if let Some(first) = startup.first() {
        println!(
            "start-up, first session (alone): {:.3} CPU-s, {:.2} s to ready",
            cpu(first),
            first.wall_ms as f64 / 1e3
        );
    }
    let rest: Vec<f64> = startup.iter().skip(1).map(cpu).collect();
    if !rest.is_empty() {
        let walls: Vec<f64> = startup
            .iter()
            .skip(1)
            .map(|s| s.wall_ms as f64 / 1e3)
            .collect();
        let (median, _, worst) = spread(&rest);
        let mean = rest.iter().sum::<f64>() / rest.len() as f64;
        let (wall_median, _, wall_worst) = spread(&walls);
        println!(
            "start-up, the other {} (started together): {median:.3} CPU-s median, {mean:.3} mean, \
             {worst:.3} worst per session [target <= {STARTUP_TARGET_S}]; {wall_median:.1} s \
             median, {wall_worst:.1} s worst to ready",
            sessions - 1
        );
    }
}

/// What the writers logged.
pub struct Writes {
    /// Tags of the saves reported saved, with their latency in ms.
    pub saved: Vec<(String, f64)>,
    /// Tags of the saves that failed or gave up, with why.
    pub failed: Vec<(String, String)>,
    /// The writers' own CPU-seconds.
    pub writer_cpu_s: f64,
}

impl Writes {
    pub fn read(logs: &[PathBuf]) -> anyhow::Result<Writes> {
        let mut writes = Writes {
            saved: Vec::new(),
            failed: Vec::new(),
            writer_cpu_s: 0.0,
        };
        for log in logs {
            for line in std::fs::read_to_string(log)?.lines() {
                let parts: Vec<&str> = line.split('\t').collect();
                match parts.as_slice() {
                    ["cpu", us] => writes.writer_cpu_s += us.parse::<f64>()? / 1e6,
                    [tag, ms, "saved"] => writes.saved.push((tag.to_string(), ms.parse()?)),
                    [tag, _, why] => writes.failed.push((tag.to_string(), why.to_string())),
                    _ => anyhow::bail!("{}: unreadable line {line:?}", log.display()),
                }
            }
        }
        Ok(writes)
    }
}

/// The tagged notes in the database against what the writers said.
pub struct Presence {
    /// Saved, yet not in the database.
    pub lost: usize,
    /// In the database more than once.
    pub duplicated: usize,
    /// Reported failed, yet in the database.
    pub failed_but_present: usize,
}

impl Presence {
    pub fn count(db: &Path, run: &str, writes: &Writes) -> anyhow::Result<Presence> {
        let conn = super::read_only(db)?;
        let mut stmt = conn.prepare("SELECT body FROM note WHERE body LIKE ?1")?;
        let mut found: HashMap<String, usize> = HashMap::new();
        let bodies = stmt.query_map([format!("shared-host {run} %")], |r| r.get::<_, String>(0))?;
        for body in bodies {
            let body = body?;
            let tag = body.split(':').next().unwrap_or_default().to_string();
            *found.entry(tag).or_default() += 1;
        }
        Ok(Presence {
            lost: writes
                .saved
                .iter()
                .filter(|(t, _)| !found.contains_key(t))
                .count(),
            duplicated: found.values().filter(|n| **n > 1).count(),
            failed_but_present: writes
                .failed
                .iter()
                .filter(|(t, _)| found.contains_key(t))
                .count(),
        })
    }
}

/// Session CPU over the phases.
pub struct Cpu {
    pub idle_per_session_s: f64,
    /// Every session's CPU during the write phase, together.
    pub write_phase_s: f64,
    pub write_secs: f64,
}

/// Prints the results; whether every write is there exactly once and every session lived.
pub fn results(
    cpu: &Cpu,
    writes: &Writes,
    presence: &Presence,
    memory: &Memory,
    health: &Health,
    sessions: usize,
) -> bool {
    let n = writes.saved.len();
    let latencies: Vec<f64> = writes.saved.iter().map(|(_, ms)| *ms).collect();
    let (median, p99, worst) = spread(&latencies);
    println!(
        "saves: {n} saved, {} failed; latency median {median:.1} ms, p99 {p99:.1} ms, worst \
         {worst:.1} ms [target p99 <= {P99_TARGET_MS} ms]",
        writes.failed.len()
    );
    for (tag, why) in writes.failed.iter().take(5) {
        println!("  failed: {tag}: {why}");
    }
    let idle_s = cpu.idle_per_session_s * sessions as f64 * cpu.write_secs;
    let per_write = (cpu.write_phase_s - idle_s) / n.max(1) as f64;
    println!(
        "idle CPU per session: {:.2} ms per second",
        cpu.idle_per_session_s * 1e3
    );
    println!(
        "CPU per write across all {sessions} sessions: {per_write:.3} CPU-s [target <= \
         {CPU_PER_WRITE_TARGET_S}] ({:.1} CPU-s over {:.1} s, {idle_s:.1} of it the idle baseline)",
        cpu.write_phase_s, cpu.write_secs
    );
    println!(
        "writer CPU per save: {:.1} ms",
        writes.writer_cpu_s * 1e3 / n.max(1) as f64
    );
    let mib = |k: &[u64]| {
        let (median, _, worst) = spread(&k.iter().map(|v| *v as f64 / 1024.0).collect::<Vec<_>>());
        format!("{median:.1} MiB median, {worst:.1} MiB worst")
    };
    println!(
        "memory per session: RSS {}; peak {}",
        mib(&memory.rss_kib),
        mib(&memory.peak_kib)
    );
    println!("host load average at end: {}", load_average());
    if health.died > 0 || health.unclean > 0 {
        println!(
            "sessions: {} died during the run, {} did not end cleanly on SIGTERM",
            health.died, health.unclean
        );
    }
    let exact = presence.lost == 0 && presence.duplicated == 0;
    if exact && writes.failed.is_empty() && presence.failed_but_present == 0 {
        println!("every write present exactly once: yes ({n} of {n})");
    } else {
        println!(
            "every write present exactly once: NO ({} lost, {} duplicated, {} failed, {} failed \
             but present)",
            presence.lost,
            presence.duplicated,
            writes.failed.len(),
            presence.failed_but_present
        );
    }
    exact
        && writes.failed.is_empty()
        && presence.failed_but_present == 0
        && health.died == 0
        && health.unclean == 0
}
