//! The session processes: starting them, their start-up answers, their CPU and memory as the
//! kernel counts them (`/proc/<pid>/stat`, `/proc/<pid>/status`), stopping them.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// One session's start-up: CPU microseconds and wall milliseconds until it was done.
#[derive(Clone, Copy)]
pub struct Startup {
    pub cpu_us: u64,
    pub wall_ms: u64,
}

/// Resident memory per session, in KiB: now and at its peak.
pub struct Memory {
    pub rss_kib: Vec<u64>,
    pub peak_kib: Vec<u64>,
}

/// How the sessions ended: how many died before they were told to stop, and how many did not
/// end on SIGTERM as the TUI does (exit status 143, drafts saved).
pub struct Health {
    pub died: usize,
    pub unclean: usize,
}

pub struct Sessions {
    exe: PathBuf,
    db: PathBuf,
    dir: PathBuf,
    children: Vec<Child>,
    startup: Vec<Option<Startup>>,
    died: usize,
}

/// Kernel clock ticks to seconds.
pub fn seconds(ticks: u64) -> f64 {
    // SAFETY: sysconf has no preconditions.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1);
    ticks as f64 / hz as f64
}

/// utime + stime of a process (all its threads), in clock ticks; 0 once it is gone.
fn ticks(pid: u32) -> u64 {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return 0;
    };
    // The command name may hold spaces: the fields that follow it start after the last ')'.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // fields[0] is field 3 (state): utime is field 14, stime field 15.
    let field = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    field(11) + field(12)
}

/// A `VmRSS:` / `VmHWM:` line of `/proc/<pid>/status`, in KiB.
fn status_kib(pid: u32, key: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix(key))
                .and_then(|v| v.split_whitespace().next()?.parse().ok())
        })
        .unwrap_or(0)
}

impl Sessions {
    pub fn new(exe: &Path, db: &Path, dir: &Path) -> Sessions {
        Sessions {
            exe: exe.to_path_buf(),
            db: db.to_path_buf(),
            dir: dir.to_path_buf(),
            children: Vec::new(),
            startup: Vec::new(),
            died: 0,
        }
    }

    fn ready_file(&self, index: usize) -> PathBuf {
        self.dir.join(format!("ready-{index}"))
    }

    /// Starts `n` more sessions.
    pub fn spawn(&mut self, n: usize) -> anyhow::Result<()> {
        for _ in 0..n {
            let index = self.children.len();
            let child = Command::new(&self.exe)
                .args(["session", "--db"])
                .arg(&self.db)
                .arg("--state")
                .arg(self.dir.join("state"))
                .args(["--index", &index.to_string(), "--ready"])
                .arg(self.ready_file(index))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .spawn()?;
            self.children.push(child);
            self.startup.push(None);
        }
        Ok(())
    }

    /// Waits until every session started so far is ready; `false` on the timeout. A session
    /// that exits before it is ready is an error.
    pub fn wait_ready(&mut self, timeout: Duration) -> anyhow::Result<bool> {
        let deadline = Instant::now() + timeout;
        loop {
            for index in 0..self.children.len() {
                if self.startup[index].is_some() {
                    continue;
                }
                if let Some(status) = self.children[index].try_wait()? {
                    self.stop();
                    anyhow::bail!("session {index} ended during start-up ({status})");
                }
                if let Ok(line) = std::fs::read_to_string(self.ready_file(index)) {
                    let mut parts = line.split_whitespace().map(|p| p.parse::<u64>());
                    if let (Some(Ok(cpu_us)), Some(Ok(wall_ms))) = (parts.next(), parts.next()) {
                        self.startup[index] = Some(Startup { cpu_us, wall_ms });
                    }
                }
            }
            if self.startup.iter().all(Option::is_some) {
                return Ok(true);
            }
            if Instant::now() > deadline {
                return Ok(false);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// How many sessions were started.
    pub fn started(&self) -> usize {
        self.children.len()
    }

    /// The start-ups so far, in the order the sessions were started.
    pub fn startup(&self) -> Vec<Startup> {
        self.startup.iter().flatten().copied().collect()
    }

    /// The CPU ticks of every session together; counts sessions that died meanwhile.
    pub fn cpu_ticks(&mut self) -> u64 {
        let mut total = 0;
        for child in &mut self.children {
            if matches!(child.try_wait(), Ok(Some(_))) {
                continue;
            }
            total += ticks(child.id());
        }
        total
    }

    pub fn memory(&self) -> Memory {
        let pids = self.children.iter().map(Child::id);
        Memory {
            rss_kib: pids.clone().map(|p| status_kib(p, "VmRSS:")).collect(),
            peak_kib: pids.map(|p| status_kib(p, "VmHWM:")).collect(),
        }
    }

    /// SIGTERM to every session, then waits (10 s, then SIGKILL) and checks how each ended.
    pub fn stop(&mut self) -> Health {
        let mut died = self.died;
        let mut running = Vec::new();
        for child in &mut self.children {
            match child.try_wait() {
                Ok(Some(_)) => died += 1,
                _ => {
                    // SAFETY: kill with a pid of our own child that has not been reaped.
                    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGTERM) };
                    running.push(child);
                }
            }
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut unclean = 0;
        for child in running {
            let status = loop {
                match child.try_wait() {
                    Ok(Some(status)) => break Some(status),
                    Ok(None) if Instant::now() < deadline => {
                        std::thread::sleep(Duration::from_millis(20));
                    }
                    _ => {
                        child.kill().ok();
                        child.wait().ok();
                        break None;
                    }
                }
            };
            if status.and_then(|s| s.code()) != Some(128 + libc::SIGTERM) {
                unclean += 1;
            }
        }
        self.died = died;
        self.children.clear();
        Health { died, unclean }
    }
}

impl Drop for Sessions {
    fn drop(&mut self) {
        if !self.children.is_empty() {
            self.stop();
        }
    }
}
