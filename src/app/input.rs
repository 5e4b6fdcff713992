//! A one-line text input (filter line, palette): insert, delete and move by character; pasted text
//! has line breaks and control characters removed.

/// Text being typed, with a cursor counted in characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InputLine {
    pub text: String,
    pub cursor: usize,
}

/// An editing key for an input line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    Paste(String),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    /// Ctrl-U: clear the line.
    Clear,
    /// Enter in a multi-line text.
    Newline,
    Up,
    Down,
}

impl InputLine {
    pub fn new(text: &str) -> InputLine {
        InputLine {
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Applies an edit; returns whether the text changed.
    pub fn apply(&mut self, edit: Edit) -> bool {
        let len = self.text.chars().count();
        match edit {
            Edit::Insert(c) if !c.is_control() => {
                let at = self.byte_at(self.cursor);
                self.text.insert(at, c);
                self.cursor += 1;
                true
            }
            Edit::Insert(_) => false,
            Edit::Paste(s) => {
                let clean: String = s
                    .chars()
                    .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
                    .filter(|c| !crate::text::is_unsafe_char(*c))
                    .collect();
                let at = self.byte_at(self.cursor);
                self.text.insert_str(at, &clean);
                self.cursor += clean.chars().count();
                !clean.is_empty()
            }
            Edit::Backspace if self.cursor > 0 => {
                let at = self.byte_at(self.cursor - 1);
                self.text.remove(at);
                self.cursor -= 1;
                true
            }
            Edit::Delete if self.cursor < len => {
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
                true
            }
            Edit::Backspace | Edit::Delete => false,
            Edit::Left => {
                self.cursor = self.cursor.saturating_sub(1);
                false
            }
            Edit::Right => {
                self.cursor = (self.cursor + 1).min(len);
                false
            }
            Edit::Home => {
                self.cursor = 0;
                false
            }
            Edit::End => {
                self.cursor = len;
                false
            }
            Edit::Clear => {
                let changed = !self.text.is_empty();
                self.text.clear();
                self.cursor = 0;
                changed
            }
            Edit::Newline | Edit::Up | Edit::Down => false,
        }
    }

    /// The text before the cursor (to place the terminal cursor by display width).
    pub fn before_cursor(&self) -> &str {
        &self.text[..self.byte_at(self.cursor)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_japanese_by_character() {
        let mut line = InputLine::default();
        for c in "がん治療".chars() {
            line.apply(Edit::Insert(c));
        }
        line.apply(Edit::Left);
        line.apply(Edit::Backspace);
        assert_eq!(line.text, "がん療");
        assert_eq!(line.before_cursor(), "がん");
        line.apply(Edit::Paste("薬\n剤\x1b[2J".into()));
        assert_eq!(line.text, "がん薬 剤[2J療");
        assert!(line.apply(Edit::Clear));
        assert_eq!((line.text.as_str(), line.cursor), ("", 0));
    }
}
