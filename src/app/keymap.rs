//! Keybindings as data: one table of (mode, key, action, description) drives dispatch, the `?`
//! help, the footer hints and the README's key table. Keys are plain values here; the runtime
//! translates terminal events into [`Key`].

use super::Action;

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
}

/// One binding.
#[derive(Debug, Clone)]
pub struct Binding {
    pub mode: Mode,
    pub key: Key,
    pub action: Action,
    /// Japanese and English descriptions for the help and the footer.
    pub ja: &'static str,
    pub en: &'static str,
    /// Shown in the footer hints.
    pub hint: bool,
}

/// The keymap: the default table, possibly patched by the user's config.
#[derive(Debug, Clone)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        use Action as A;
        use Key as K;
        use Mode as M;
        let b = |mode, key, action, ja, en, hint| Binding {
            mode,
            key,
            action,
            ja,
            en,
            hint,
        };
        Keymap {
            bindings: vec![
                b(M::Global, K::Up, A::Up, "上へ", "up", false),
                b(M::Global, K::Char('k'), A::Up, "上へ", "up", false),
                b(M::Global, K::Down, A::Down, "下へ", "down", false),
                b(M::Global, K::Char('j'), A::Down, "下へ", "down", false),
                b(M::Global, K::Left, A::Left, "左へ", "left", false),
                b(M::Global, K::Char('h'), A::Left, "左へ", "left", false),
                b(M::Global, K::Right, A::Right, "右へ", "right", false),
                b(M::Global, K::Char('l'), A::Right, "右へ", "right", false),
                b(
                    M::Global,
                    K::Char('g'),
                    A::Top,
                    "先頭へ",
                    "first row",
                    false,
                ),
                b(M::Global, K::Home, A::Top, "先頭へ", "first row", false),
                b(
                    M::Global,
                    K::Char('G'),
                    A::Bottom,
                    "末尾へ",
                    "last row",
                    false,
                ),
                b(M::Global, K::End, A::Bottom, "末尾へ", "last row", false),
                b(
                    M::Global,
                    K::PageUp,
                    A::PageUp,
                    "前ページ",
                    "page up",
                    false,
                ),
                b(
                    M::Global,
                    K::PageDown,
                    A::PageDown,
                    "次ページ",
                    "page down",
                    false,
                ),
                b(M::Global, K::Esc, A::Back, "戻る", "back", false),
                b(
                    M::Global,
                    K::Char('q'),
                    A::Quit,
                    "終了（上位画面では戻る）",
                    "quit (back on inner screens)",
                    true,
                ),
                b(
                    M::Global,
                    K::Ctrl('c'),
                    A::ForceQuit,
                    "どこからでも終了",
                    "quit from anywhere",
                    false,
                ),
                b(
                    M::Global,
                    K::Char('r'),
                    A::Refresh,
                    "再読み込み",
                    "refresh",
                    false,
                ),
                b(
                    M::Dashboard,
                    K::Char('t'),
                    A::TogglePivot,
                    "統合PJ／疾患領域の切替",
                    "projects / disease areas",
                    true,
                ),
            ],
        }
    }
}

impl Keymap {
    /// The action bound to `key` in `mode`, screen bindings first, then global ones.
    pub fn lookup(&self, mode: Mode, key: Key) -> Option<&Action> {
        self.bindings
            .iter()
            .find(|b| b.mode == mode && b.key == key)
            .or_else(|| {
                self.bindings
                    .iter()
                    .find(|b| b.mode == Mode::Global && b.key == key)
            })
            .map(|b| &b.action)
    }
}
