//! What a key means in the current state: one table per overlay, else the keymap of the screen.

use super::keymap::{Key, Mode};
use super::{Action, App, Command, Edit, Overlay, overlay};

impl App {
    /// What a key means now: text editing while an input line or form is open, the help closes on
    /// any key, otherwise the keymap of the current screen. Ctrl-C always quits.
    pub fn key_action(&self, key: Key) -> Option<Action> {
        if key == Key::Ctrl('c') {
            return Some(Action::Command(Command::ForceQuit));
        }
        let editing = |key: Key| -> Option<Action> {
            Some(Action::Edit(match key {
                Key::Char(c) => Edit::Insert(c),
                Key::Backspace | Key::Ctrl('h') => Edit::Backspace,
                Key::Delete => Edit::Delete,
                Key::Left => Edit::Left,
                Key::Right => Edit::Right,
                Key::Home | Key::Ctrl('a') => Edit::Home,
                Key::End | Key::Ctrl('e') => Edit::End,
                Key::Ctrl('u') => Edit::Clear,
                _ => return None,
            }))
        };
        match &self.overlay {
            Overlay::Form(form) => match key {
                Key::Char('?') if overlay::form_wants_help(form) => {
                    Some(Action::Command(Command::Help))
                }
                Key::Ctrl('s') => Some(Action::Submit),
                Key::Enter if form.kind.is_export() => Some(Action::Submit),
                Key::Esc => Some(Action::Cancel),
                Key::Tab => Some(Action::FocusNext),
                Key::BackTab => Some(Action::FocusPrev),
                Key::Enter => Some(Action::Edit(Edit::Newline)),
                Key::Up => Some(Action::Edit(Edit::Up)),
                Key::Down => Some(Action::Edit(Edit::Down)),
                key => editing(key),
            },
            Overlay::Filter { .. }
            | Overlay::Palette(_)
            | Overlay::Picker(_)
            | Overlay::Successor(_) => match key {
                Key::Enter => Some(Action::Submit),
                Key::Esc => Some(Action::Cancel),
                Key::Up | Key::Ctrl('p') => Some(Action::Command(Command::Up)),
                Key::Down | Key::Ctrl('n') | Key::Tab => Some(Action::Command(Command::Down)),
                key => editing(key),
            },
            Overlay::Help | Overlay::FormHelp(_) => Some(Action::Cancel),
            Overlay::None => match (self.keymap.lookup(self.mode(), key), key) {
                (Some(command), _) => Some(Action::Command(command)),
                // A count before a list key: `5 Space` selects five rows.
                (None, Key::Char(c @ '0'..='9')) if self.mode() == Mode::List => {
                    Some(Action::Count(c as u8 - b'0'))
                }
                (None, _) => None,
            },
        }
    }
}
