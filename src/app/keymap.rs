//! Keybindings as data: one table of (mode, key, action, description) drives dispatch, the `?`
//! help, the footer hints and the README's key table. Keys are plain values here; the runtime
//! translates terminal events into [`Key`].

use super::Command;

/// A key press, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    Delete,
}

impl Key {
    /// The key as written in the help and in config files: `j`, `Ctrl-c`, `Enter`, `PgDn`.
    pub fn name(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{c}"),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Tab => "Tab".into(),
            Key::BackTab => "Shift-Tab".into(),
            Key::Backspace => "Backspace".into(),
            Key::Up => "Up".into(),
            Key::Down => "Down".into(),
            Key::Left => "Left".into(),
            Key::Right => "Right".into(),
            Key::Home => "Home".into(),
            Key::End => "End".into(),
            Key::PageUp => "PgUp".into(),
            Key::PageDown => "PgDn".into(),
            Key::Delete => "Delete".into(),
        }
    }

    /// Parses a key name as written by [`Key::name`] (case-insensitive for named keys).
    pub fn parse(text: &str) -> Option<Key> {
        let t = text.trim();
        let mut chars = t.chars();
        if let (Some(c), None) = (chars.next(), chars.clone().next()) {
            return Some(Key::Char(c));
        }
        let lower = t.to_ascii_lowercase();
        if let Some(rest) = lower
            .strip_prefix("ctrl-")
            .or_else(|| lower.strip_prefix("c-"))
        {
            let mut rest = rest.chars();
            return match (rest.next(), rest.next()) {
                (Some(c), None) if c.is_ascii_alphabetic() => Some(Key::Ctrl(c)),
                _ => None,
            };
        }
        Some(match lower.as_str() {
            "space" => Key::Char(' '),
            "enter" | "return" => Key::Enter,
            "esc" | "escape" => Key::Esc,
            "tab" => Key::Tab,
            "shift-tab" | "backtab" => Key::BackTab,
            "backspace" => Key::Backspace,
            "up" => Key::Up,
            "down" => Key::Down,
            "left" => Key::Left,
            "right" => Key::Right,
            "home" => Key::Home,
            "end" => Key::End,
            "pgup" | "pageup" => Key::PageUp,
            "pgdn" | "pagedown" => Key::PageDown,
            "delete" | "del" => Key::Delete,
            _ => return None,
        })
    }
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Every screen (unless the screen binds the key itself).
    Global,
    Dashboard,
    List,
    Detail,
    Due,
    History,
    /// The budget pivot.
    Budget,
    /// The phase funnel.
    Funnel,
    /// A PI's or institution's projects.
    Pi,
    /// A project's links.
    Links,
    /// The programs (事業).
    Programs,
    /// The outcome tally.
    Outcomes,
    /// The gaps between programs.
    Seamless,
}

impl Mode {
    pub const ALL: [Mode; 13] = [
        Mode::Global,
        Mode::Dashboard,
        Mode::List,
        Mode::Detail,
        Mode::Due,
        Mode::History,
        Mode::Budget,
        Mode::Funnel,
        Mode::Pi,
        Mode::Links,
        Mode::Programs,
        Mode::Outcomes,
        Mode::Seamless,
    ];

    /// The name used in the config file (`[keys.list]`).
    pub fn name(self) -> &'static str {
        match self {
            Mode::Global => "global",
            Mode::Dashboard => "dashboard",
            Mode::List => "list",
            Mode::Detail => "detail",
            Mode::Due => "due",
            Mode::History => "history",
            Mode::Budget => "budget",
            Mode::Funnel => "funnel",
            Mode::Pi => "pi",
            Mode::Links => "links",
            Mode::Programs => "programs",
            Mode::Outcomes => "outcomes",
            Mode::Seamless => "seamless",
        }
    }
}

/// One binding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub mode: Mode,
    pub key: Key,
    pub command: Command,
    /// Shown in the footer hints.
    pub hint: bool,
}

/// The keymap: the default table, possibly patched by the user's config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        use Command as C;
        use Key as K;
        use Mode as M;
        let table: &[(Mode, Key, Command, bool)] = &[
            (M::Global, K::Up, C::Up, false),
            (M::Global, K::Char('k'), C::Up, false),
            (M::Global, K::Down, C::Down, false),
            (M::Global, K::Char('j'), C::Down, false),
            (M::Global, K::Left, C::Left, false),
            (M::Global, K::Char('h'), C::Left, false),
            (M::Global, K::Right, C::Right, false),
            (M::Global, K::Char('l'), C::Right, false),
            (M::Global, K::Char('g'), C::Top, false),
            (M::Global, K::Home, C::Top, false),
            (M::Global, K::Char('G'), C::Bottom, false),
            (M::Global, K::End, C::Bottom, false),
            (M::Global, K::PageUp, C::PageUp, false),
            (M::Global, K::Ctrl('b'), C::PageUp, false),
            (M::Global, K::PageDown, C::PageDown, false),
            (M::Global, K::Ctrl('f'), C::PageDown, false),
            (M::Global, K::Enter, C::Open, true),
            (M::Global, K::Esc, C::Back, false),
            (M::Global, K::Char('q'), C::Quit, true),
            (M::Global, K::Ctrl('c'), C::ForceQuit, false),
            (M::Global, K::Char('r'), C::Refresh, false),
            (M::Global, K::Tab, C::NextScreen, true),
            (M::Global, K::Char('?'), C::Help, true),
            (M::Global, K::Char(':'), C::Palette, true),
            (M::Dashboard, K::Char('t'), C::TogglePivot, true),
            (M::List, K::Char('/'), C::Filter, true),
            (M::List, K::Char(' '), C::ToggleSelect, true),
            (M::List, K::Char('v'), C::SelectRange, false),
            (M::List, K::Char('*'), C::SelectAll, false),
            (M::List, K::Char('s'), C::SortNext, true),
            (M::List, K::Char('S'), C::SortReverse, false),
            (M::Dashboard, K::Char('/'), C::Filter, false),
            (M::Global, K::Char('u'), C::Undo, false),
            (M::List, K::Char('n'), C::NewNote, true),
            (M::List, K::Char('f'), C::FlagProject, true),
            (M::List, K::Char('m'), C::MoveFlag, false),
            (M::List, K::Char('p'), C::MovePhase, false),
            (M::List, K::Char('a'), C::RecordGate, false),
            (M::List, K::Char('H'), C::History, false),
            (M::List, K::Char('e'), C::Export, true),
            (M::Detail, K::Char('n'), C::NewNote, true),
            (M::Detail, K::Char('f'), C::FlagProject, true),
            (M::Detail, K::Char('m'), C::MoveFlag, true),
            (M::Detail, K::Char('p'), C::MovePhase, true),
            (M::Detail, K::Char('a'), C::RecordGate, false),
            (M::Detail, K::Char('A'), C::ReviseCriteria, false),
            (M::Detail, K::Char('H'), C::History, true),
            (M::Detail, K::Char('J'), C::NextNote, false),
            (M::Detail, K::Char('K'), C::PrevNote, false),
            (M::Detail, K::Char('e'), C::EditNote, false),
            (M::Detail, K::Char('x'), C::DeleteNote, false),
            (M::Detail, K::Char('c'), C::CompleteFollowUp, false),
            (M::Due, K::Char('c'), C::CompleteFollowUp, true),
            (M::Due, K::Char('o'), C::ToggleMine, true),
            (M::Due, K::Char('n'), C::NewNote, false),
            (M::Due, K::Char('t'), C::TogglePivot, true),
            (M::Global, K::Char('M'), C::Portfolio, false),
            (M::Global, K::Char('B'), C::BudgetView, false),
            (M::Global, K::Char('F'), C::Funnel, false),
            (M::Dashboard, K::Char('o'), C::ToggleMine, true),
            (M::Dashboard, K::Char('b'), C::ToggleBudget, true),
            (M::List, K::Char('w'), C::ToggleWatch, false),
            (M::List, K::Char('P'), C::PiOverview, false),
            (M::List, K::Char('I'), C::InstitutionOverview, false),
            (M::Detail, K::Char('w'), C::ToggleWatch, true),
            (M::Detail, K::Char('P'), C::PiOverview, false),
            (M::Detail, K::Char('I'), C::InstitutionOverview, false),
            (M::Detail, K::Char('L'), C::Links, false),
            (M::Detail, K::Char('d'), C::AddDeadline, false),
            (M::Links, K::Char('a'), C::AddLink, true),
            (M::Budget, K::Char('t'), C::TogglePivot, true),
            (M::Budget, K::Char('e'), C::Export, true),
            (M::Pi, K::Char('t'), C::TogglePivot, true),
            (M::Pi, K::Char('w'), C::ToggleWatch, false),
            (M::Detail, K::Char('O'), C::AssignOfficers, false),
            (M::List, K::Char('O'), C::AssignOfficers, false),
            (M::Global, K::Char('Y'), C::Programs, false),
            (M::Programs, K::Char('t'), C::TogglePivot, true),
            (M::Global, K::Char('T'), C::OutcomeTally, false),
            (M::Detail, K::Char('R'), C::RecordOutcome, false),
            (M::Outcomes, K::Char('t'), C::TogglePivot, true),
            (M::Detail, K::Char('E'), C::EditProject, false),
            (M::Global, K::Char('N'), C::NewProject, false),
            (M::Detail, K::Char('C'), C::CorrectGate, false),
            (M::Global, K::Char('X'), C::Seamless, false),
            (M::Seamless, K::Char('t'), C::TogglePivot, true),
        ];
        Keymap {
            bindings: table
                .iter()
                .map(|&(mode, key, command, hint)| Binding {
                    mode,
                    key,
                    command,
                    hint,
                })
                .collect(),
        }
    }
}

impl Keymap {
    /// The command bound to `key` in `mode`: the screen's own bindings first, then global ones.
    pub fn lookup(&self, mode: Mode, key: Key) -> Option<Command> {
        self.bindings
            .iter()
            .find(|b| b.mode == mode && b.key == key)
            .or_else(|| {
                self.bindings
                    .iter()
                    .find(|b| b.mode == Mode::Global && b.key == key)
            })
            .map(|b| b.command)
    }

    /// Bindings that apply in `mode` (its own, then global ones not shadowed), for the help.
    pub fn for_mode(&self, mode: Mode) -> Vec<&Binding> {
        let own = self
            .bindings
            .iter()
            .filter(|b| b.mode == mode && mode != Mode::Global);
        let global = self.bindings.iter().filter(|b| {
            b.mode == Mode::Global
                && !self
                    .bindings
                    .iter()
                    .any(|o| o.mode == mode && o.key == b.key && mode != Mode::Global)
        });
        own.chain(global).collect()
    }

    /// Keys bound to `command` in `mode` (or globally), as written in the help.
    pub fn keys_for(&self, mode: Mode, command: Command) -> Vec<String> {
        self.for_mode(mode)
            .into_iter()
            .filter(|b| b.command == command)
            .map(|b| b.key.name())
            .collect()
    }

    /// Replaces the keys of `mode.command` entries, as in the config file:
    /// `[keys.list] sort_next = "o"` or `quit = ["q", "Ctrl-q"]`. Errors name the bad entry.
    pub fn apply_override(
        &mut self,
        mode: &str,
        command: &str,
        keys: &[String],
    ) -> Result<(), crate::msg::Msg> {
        use crate::msg::invalid as why;
        let mode = Mode::ALL
            .into_iter()
            .find(|m| m.name() == mode)
            .ok_or_else(|| why::keys_unknown_screen(mode))?;
        let command = Command::from_name(command).ok_or_else(|| {
            let actions: Vec<&str> = Command::ALL.iter().map(|c| c.name()).collect();
            why::keys_unknown_action(mode.name(), command, &actions.join(", "))
        })?;
        let mut parsed = Vec::new();
        for key in keys {
            parsed.push(
                Key::parse(key)
                    .ok_or_else(|| why::keys_unknown_key(mode.name(), command.name(), key))?,
            );
        }
        let hint = self.bindings.iter().any(|b| b.command == command && b.hint);
        self.bindings
            .retain(|b| !(b.mode == mode && b.command == command));
        // A key now taken by this command leaves its old command in the same screen.
        self.bindings
            .retain(|b| !(b.mode == mode && parsed.contains(&b.key)));
        for key in parsed {
            self.bindings.push(Binding {
                mode,
                key,
                command,
                hint,
            });
        }
        Ok(())
    }
}

/// The key table of the README, generated from the default keymap (a test keeps the README in step).
pub fn markdown_table(keymap: &Keymap) -> String {
    let mut out = String::from("| screen | keys | action |\n|---|---|---|\n");
    for mode in Mode::ALL {
        let mut rows: Vec<(Command, Vec<String>)> = Vec::new();
        for b in keymap.bindings.iter().filter(|b| b.mode == mode) {
            match rows.iter_mut().find(|(c, _)| *c == b.command) {
                Some((_, keys)) => keys.push(b.key.name()),
                None => rows.push((b.command, vec![b.key.name()])),
            }
        }
        for (command, keys) in rows {
            let keys: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                mode.name(),
                keys.join(" "),
                // What the key does on that screen (`t` differs per screen); `q` in the global
                // row says both of its meanings.
                match (command, mode) {
                    (Command::Quit, Mode::Global) => command.describe().2,
                    _ => command.describe_in(mode, crate::Lang::En),
                }
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screen_bindings_win_over_global_ones() {
        let km = Keymap::default();
        assert_eq!(km.lookup(Mode::List, Key::Char('/')), Some(Command::Filter));
        assert_eq!(km.lookup(Mode::Detail, Key::Char('/')), None);
        assert_eq!(km.lookup(Mode::Detail, Key::Char('j')), Some(Command::Down));
        assert_eq!(
            km.lookup(Mode::Dashboard, Key::Char('t')),
            Some(Command::TogglePivot)
        );
    }

    #[test]
    fn key_names_round_trip() {
        for key in [
            Key::Char('a'),
            Key::Char(' '),
            Key::Ctrl('c'),
            Key::Enter,
            Key::PageDown,
            Key::BackTab,
        ] {
            assert_eq!(Key::parse(&key.name()), Some(key), "{key:?}");
        }
        assert_eq!(Key::parse("C-x"), Some(Key::Ctrl('x')));
        assert_eq!(Key::parse("Hyper-x"), None);
    }

    #[test]
    fn overrides_replace_keys_and_reject_unknown_names() {
        let mut km = Keymap::default();
        km.apply_override("list", "sort_next", &["o".into()])
            .unwrap();
        assert_eq!(
            km.lookup(Mode::List, Key::Char('o')),
            Some(Command::SortNext)
        );
        assert_eq!(km.lookup(Mode::List, Key::Char('s')), None);
        let e = km
            .apply_override("list", "launch_rockets", &["x".into()])
            .unwrap_err();
        assert!(
            e.to_string().contains("unknown action") && e.to_string().contains("sort_next"),
            "{e}"
        );
        let e = km
            .apply_override("list", "quit", &["Hyper-q".into()])
            .unwrap_err();
        assert!(e.to_string().contains("unknown key 'Hyper-q'"), "{e}");
        assert!(
            e.get(crate::Lang::Ja).contains("不明なキー 'Hyper-q'"),
            "{e}"
        );
        assert!(
            km.apply_override("settings", "quit", &["q".into()])
                .is_err()
        );
    }
}
