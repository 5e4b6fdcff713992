//! The log: one line per event in `seedline.log` in the state directory (0600), never on the
//! screen. Values are integers only — ids and counts — so titles, note text and names cannot end
//! up in it by construction.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

static FILE: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Sends events to `seedline.log` in `state_dir` (created 0700, the file 0600).
pub fn init(state_dir: &std::path::Path) {
    if crate::paths::ensure_private_dir(state_dir).is_ok() {
        *FILE.lock().unwrap_or_else(|p| p.into_inner()) = Some(state_dir.join("seedline.log"));
    }
}

/// Appends `at event key=value …`; failures are ignored (logging must never stop the work).
pub fn event(name: &'static str, fields: &[(&'static str, i64)]) {
    let Some(path) = FILE.lock().unwrap_or_else(|p| p.into_inner()).clone() else {
        return;
    };
    let mut line = format!(
        "{} {name}",
        chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ")
    );
    for (key, value) in fields {
        line.push_str(&format!(" {key}={value}"));
    }
    line.push('\n');
    use std::os::unix::fs::OpenOptionsExt;
    if let Ok(mut file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(&path)
    {
        let _ = file.write_all(line.as_bytes());
    }
}
