//! Opening an attachment link with the system opener. `xdg-open` (or macOS `open`) is used only in
//! a graphical session: over SSH it would start a text browser inside the dashboard's terminal, so
//! there seedline says where the file is instead. The link is one argument, never shell text.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What to do with a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// Run this opener with this one argument.
    Open { opener: PathBuf, argument: String },
    /// Only say where it is, and why (no graphical session or no opener, an odd link, no file).
    Show(Opened),
}

/// What became of a link, for the officer to read (worded by the app in the chosen language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened {
    /// Handed to the system opener.
    Opened(String),
    /// The opener could not be started (the OS error's text).
    Failed { target: String, error: String },
    /// Not a http(s) or file link: never handed to an opener.
    Refused(String),
    /// A file path that does not exist.
    NotFound(String),
    /// No graphical session or no opener here: where it is.
    At(String),
}

/// Schemes a link may have to be handed to the opener; anything else is only shown.
const SCHEMES: [&str; 3] = ["http://", "https://", "file://"];

/// Decides how to open `target`, given the environment (`DISPLAY` / `WAYLAND_DISPLAY`) and `PATH`.
pub fn plan(target: &str, graphical: bool, path_var: Option<&str>) -> Plan {
    let lower = target.to_ascii_lowercase();
    let is_url = lower.contains("://");
    if is_url && !SCHEMES.iter().any(|s| lower.starts_with(s)) {
        return Plan::Show(Opened::Refused(target.to_string()));
    }
    if !is_url && !Path::new(target).exists() {
        return Plan::Show(Opened::NotFound(target.to_string()));
    }
    let opener = ["xdg-open", "open"].iter().find_map(|name| {
        std::env::split_paths(path_var?)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    });
    match opener {
        Some(opener) if graphical => Plan::Open {
            opener,
            // A path starting with '-' must not read as an option of the opener.
            argument: if !is_url && target.starts_with('-') {
                format!("./{target}")
            } else {
                target.to_string()
            },
        },
        _ => Plan::Show(Opened::At(target.to_string())),
    }
}

/// Opens `target` (detached, output discarded) or says where it is.
pub fn open(target: &str) -> Opened {
    let graphical = std::env::var_os("DISPLAY").is_some_and(|v| !v.is_empty())
        || std::env::var_os("WAYLAND_DISPLAY").is_some_and(|v| !v.is_empty());
    let path_var = std::env::var("PATH").ok();
    match plan(target, graphical, path_var.as_deref()) {
        Plan::Open { opener, argument } => match Command::new(&opener)
            .arg(&argument)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
        {
            Ok(_) => Opened::Opened(target.to_string()),
            Err(e) => Opened::Failed {
                target: target.to_string(),
                error: e.to_string(),
            },
        },
        Plan::Show(shown) => shown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_graphical_session_the_place_is_shown() {
        let dir = tempfile::tempdir().unwrap();
        let opener = dir.path().join("xdg-open");
        std::fs::write(&opener, "").unwrap();
        let file = dir.path().join("推薦書.pdf");
        std::fs::write(&file, "x").unwrap();
        let path_var = dir.path().to_str().unwrap();
        let target = file.to_str().unwrap();
        assert_eq!(
            plan(target, true, Some(path_var)),
            Plan::Open {
                opener: opener.clone(),
                argument: target.into()
            }
        );
        assert_eq!(
            plan(target, false, Some(path_var)),
            Plan::Show(Opened::At(target.into()))
        );
        assert_eq!(
            plan(target, true, Some("/nonexistent")),
            Plan::Show(Opened::At(target.into())),
            "no opener: the place is shown"
        );
        assert_eq!(
            plan("https://www.amed.go.jp/", true, Some(path_var)),
            Plan::Open {
                opener,
                argument: "https://www.amed.go.jp/".into()
            }
        );
    }

    #[test]
    fn odd_links_are_never_handed_to_the_opener() {
        let p = |t: &str| plan(t, true, Some("/usr/bin"));
        assert_eq!(
            p("javascript://alert(1)"),
            Plan::Show(Opened::Refused("javascript://alert(1)".into()))
        );
        assert_eq!(
            p("/no/such/file.pdf"),
            Plan::Show(Opened::NotFound("/no/such/file.pdf".into()))
        );
    }
}
