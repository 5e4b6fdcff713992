//! A multi-line text editor for note bodies: lines of characters and a cursor; Japanese text is
//! edited by character (an IME commits whole characters), pasted text keeps its line breaks.

use super::Edit;

/// Text being written, as lines, with the cursor at (line, character).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    pub lines: Vec<String>,
    pub row: usize,
    pub col: usize,
}

impl Default for Editor {
    fn default() -> Editor {
        Editor {
            lines: vec![String::new()],
            row: 0,
            col: 0,
        }
    }
}

fn byte_at(line: &str, chars: usize) -> usize {
    line.char_indices()
        .nth(chars)
        .map_or(line.len(), |(i, _)| i)
}

fn char_len(line: &str) -> usize {
    line.chars().count()
}

impl Editor {
    /// An editor holding `text`, the cursor at its end.
    pub fn new(text: &str) -> Editor {
        let mut e = Editor::default();
        e.insert_text(text);
        e
    }

    /// The whole text, lines joined with `\n`.
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }

    /// Size in bytes of the text.
    pub fn len(&self) -> usize {
        self.lines
            .iter()
            .map(|l| l.len() + 1)
            .sum::<usize>()
            .saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.lines.iter().all(|l| l.trim().is_empty())
    }

    /// Inserts `text` at the cursor in one splice (a pasted megabyte must not cost a character-by-
    /// character insert): line breaks kept, tabs as four spaces, control characters dropped.
    fn insert_text(&mut self, text: &str) {
        let mut clean = String::with_capacity(text.len());
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\r' if chars.peek() == Some(&'\n') => {}
                '\r' | '\n' => clean.push('\n'),
                '\t' => clean.push_str("    "),
                // Control characters never enter the text (they would reach other terminals later).
                c if crate::text::is_unsafe_char(c) => {}
                c => clean.push(c),
            }
        }
        let line = &mut self.lines[self.row];
        let at = byte_at(line, self.col);
        let after = line.split_off(at);
        let mut pieces = clean.split('\n');
        let first = pieces.next().unwrap_or("");
        self.lines[self.row].push_str(first);
        let mut last_len = char_len(first) + self.col;
        for piece in pieces {
            self.row += 1;
            self.lines.insert(self.row, piece.to_string());
            last_len = char_len(piece);
        }
        self.col = last_len;
        self.lines[self.row].push_str(&after);
    }

    fn insert_char(&mut self, c: char) {
        let line = &mut self.lines[self.row];
        let at = byte_at(line, self.col);
        line.insert(at, c);
        self.col += 1;
    }

    fn newline(&mut self) {
        let line = &mut self.lines[self.row];
        let at = byte_at(line, self.col);
        let rest = line.split_off(at);
        self.row += 1;
        self.lines.insert(self.row, rest);
        self.col = 0;
    }

    /// Applies an edit; returns whether the text changed.
    pub fn apply(&mut self, edit: Edit) -> bool {
        match edit {
            Edit::Insert(c) if !c.is_control() => {
                self.insert_char(c);
                true
            }
            Edit::Insert(_) => false,
            Edit::Newline => {
                self.newline();
                true
            }
            Edit::Paste(text) => {
                let before = self.len();
                self.insert_text(&text);
                self.len() != before
            }
            Edit::Backspace => {
                if self.col > 0 {
                    let line = &mut self.lines[self.row];
                    let at = byte_at(line, self.col - 1);
                    line.remove(at);
                    self.col -= 1;
                    true
                } else if self.row > 0 {
                    let line = self.lines.remove(self.row);
                    self.row -= 1;
                    self.col = char_len(&self.lines[self.row]);
                    self.lines[self.row].push_str(&line);
                    true
                } else {
                    false
                }
            }
            Edit::Delete => {
                let len = char_len(&self.lines[self.row]);
                if self.col < len {
                    let line = &mut self.lines[self.row];
                    let at = byte_at(line, self.col);
                    line.remove(at);
                    true
                } else if self.row + 1 < self.lines.len() {
                    let next = self.lines.remove(self.row + 1);
                    self.lines[self.row].push_str(&next);
                    true
                } else {
                    false
                }
            }
            Edit::Left => {
                if self.col > 0 {
                    self.col -= 1;
                } else if self.row > 0 {
                    self.row -= 1;
                    self.col = char_len(&self.lines[self.row]);
                }
                false
            }
            Edit::Right => {
                if self.col < char_len(&self.lines[self.row]) {
                    self.col += 1;
                } else if self.row + 1 < self.lines.len() {
                    self.row += 1;
                    self.col = 0;
                }
                false
            }
            Edit::Up => {
                if self.row > 0 {
                    self.row -= 1;
                    self.col = self.col.min(char_len(&self.lines[self.row]));
                }
                false
            }
            Edit::Down => {
                if self.row + 1 < self.lines.len() {
                    self.row += 1;
                    self.col = self.col.min(char_len(&self.lines[self.row]));
                }
                false
            }
            Edit::Home => {
                self.col = 0;
                false
            }
            Edit::End => {
                self.col = char_len(&self.lines[self.row]);
                false
            }
            Edit::Clear => {
                let changed = !self.is_empty();
                *self = Editor::default();
                changed
            }
        }
    }

    /// The text of the cursor's line before the cursor.
    pub fn before_cursor(&self) -> &str {
        let line = &self.lines[self.row];
        &line[..byte_at(line, self.col)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> Editor {
        let mut e = Editor::default();
        for c in text.chars() {
            if c == '\n' {
                e.apply(Edit::Newline);
            } else {
                e.apply(Edit::Insert(c));
            }
        }
        e
    }

    #[test]
    fn types_japanese_lines_and_joins_them_on_backspace() {
        let mut e = typed("面談を実施。\n次回はPMDA相談");
        assert_eq!(e.text(), "面談を実施。\n次回はPMDA相談");
        e.apply(Edit::Home);
        e.apply(Edit::Backspace);
        assert_eq!(e.text(), "面談を実施。次回はPMDA相談");
        assert_eq!((e.row, e.col), (0, 6));
        e.apply(Edit::Up);
        e.apply(Edit::End);
        e.apply(Edit::Delete);
        assert_eq!(e.lines.len(), 1);
    }

    #[test]
    fn paste_keeps_line_breaks_and_drops_escape_sequences() {
        let mut e = Editor::default();
        e.apply(Edit::Paste("行1\r\n行2\x1b]0;x\x07\tend".into()));
        assert_eq!(e.text(), "行1\n行2]0;x    end");
        assert_eq!(e.row, 1);
    }

    #[test]
    fn cursor_moves_clamp_to_line_ends() {
        let mut e = typed("長い一行目です\n短");
        e.apply(Edit::Up);
        e.apply(Edit::End);
        e.apply(Edit::Down);
        assert_eq!((e.row, e.col), (1, 1));
        e.apply(Edit::Right);
        assert_eq!((e.row, e.col), (1, 1), "end of text stays");
        e.apply(Edit::Left);
        e.apply(Edit::Left);
        assert_eq!((e.row, e.col), (0, 7), "left wraps to the previous line");
        assert_eq!(e.before_cursor(), "長い一行目です");
    }
}
