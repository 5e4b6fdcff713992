//! Terminal key events into the keymap's keys.

use crate::app::keymap::Key;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// In debug builds with `SEEDLINE_DEBUG_PANIC=1`, F12 panics: the tests check that a panic
/// restores the terminal and keeps the drafts.
#[allow(clippy::panic)] // the panic is the point: a test-only way to crash the real binary
pub(super) fn debug_panic_trigger(key: KeyEvent) {
    if cfg!(debug_assertions)
        && key.code == KeyCode::F(12)
        && std::env::var_os("SEEDLINE_DEBUG_PANIC").is_some_and(|v| v == "1")
    {
        panic!("debug panic requested with F12");
    }
}

/// Translates a terminal key event to one key; Alt combinations give none (seedline binds nothing
/// to Alt: it breaks over SSH). The event loop uses [`to_keys`].
pub fn to_key(key: KeyEvent) -> Option<Key> {
    if key.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Delete => Key::Delete,
        _ => return None,
    })
}

/// The keys one terminal key event stands for. crossterm has no Esc timeout: ESC and a key that
/// arrive in one read (over SSH, or tmux with `escape-time 0`) come as Alt+key. Nothing is bound to
/// Alt, so Alt+key is read as what was typed: Esc, then the key (Esc alone when seedline does not
/// know the key).
pub fn to_keys(key: KeyEvent) -> Vec<Key> {
    if !key.modifiers.contains(KeyModifiers::ALT) {
        return to_key(key).into_iter().collect();
    }
    let rest = KeyEvent {
        modifiers: key.modifiers - KeyModifiers::ALT,
        ..key
    };
    std::iter::once(Key::Esc).chain(to_key(rest)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn every_key_seedline_binds_is_translated() {
        let plain = |code| to_key(event(code, KeyModifiers::NONE));
        for (code, key) in [
            (KeyCode::Enter, Key::Enter),
            (KeyCode::Esc, Key::Esc),
            (KeyCode::Tab, Key::Tab),
            (KeyCode::BackTab, Key::BackTab),
            (KeyCode::Backspace, Key::Backspace),
            (KeyCode::Up, Key::Up),
            (KeyCode::Down, Key::Down),
            (KeyCode::Left, Key::Left),
            (KeyCode::Right, Key::Right),
            (KeyCode::Home, Key::Home),
            (KeyCode::End, Key::End),
            (KeyCode::PageUp, Key::PageUp),
            (KeyCode::PageDown, Key::PageDown),
            (KeyCode::Delete, Key::Delete),
            (KeyCode::Char('あ'), Key::Char('あ')),
        ] {
            assert_eq!(plain(code), Some(key), "{code:?}");
        }
        let ctrl_s = event(KeyCode::Char('S'), KeyModifiers::CONTROL);
        assert_eq!(to_key(ctrl_s), Some(Key::Ctrl('s')));
        assert_eq!(plain(KeyCode::Insert), None);
    }

    #[test]
    fn esc_and_a_key_read_together_are_two_keys() {
        // crossterm reads ESC q in one read as Alt-q.
        let alt_q = event(KeyCode::Char('q'), KeyModifiers::ALT);
        assert_eq!(to_keys(alt_q), [Key::Esc, Key::Char('q')]);
        let alt_ctrl_c = event(
            KeyCode::Char('c'),
            KeyModifiers::ALT | KeyModifiers::CONTROL,
        );
        assert_eq!(to_keys(alt_ctrl_c), [Key::Esc, Key::Ctrl('c')]);
        let alt_enter = event(KeyCode::Enter, KeyModifiers::ALT);
        assert_eq!(to_keys(alt_enter), [Key::Esc, Key::Enter]);
        // The Esc still counts when seedline does not know the key after it.
        assert_eq!(to_keys(event(KeyCode::F(5), KeyModifiers::ALT)), [Key::Esc]);
        // Plain keys are one key; keys seedline does not know are none.
        assert_eq!(
            to_keys(event(KeyCode::Char('q'), KeyModifiers::NONE)),
            [Key::Char('q')]
        );
        assert_eq!(to_keys(event(KeyCode::F(5), KeyModifiers::NONE)), []);
    }
}
