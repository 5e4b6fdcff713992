//! A small terminal model for the pty tests: it applies what the program writes (cursor moves,
//! clears, colours, screen modes, double-width characters) and shows the text a person would see.
//! ratatui sends only changed cells and moves the cursor after wide characters, so the raw bytes
//! never hold a Japanese word in one piece.

use unicode_width::UnicodeWidthChar;

// ---------------------------------------------------------------------------------------------
// A minimal terminal: enough of VT100/xterm for crossterm's output (cursor moves, clears, SGR,
// private modes), with East Asian wide characters taking two cells.
// ---------------------------------------------------------------------------------------------

/// The second cell of a wide character.
const WIDE_TAIL: &str = "";

#[derive(Debug, Clone, Copy, PartialEq)]
enum Parse {
    Ground,
    Escape,
    Csi,
    /// OSC, DCS and similar strings, up to BEL or ST.
    String,
    StringEscape,
}

pub struct Screen {
    pub width: usize,
    pub height: usize,
    cells: Vec<Vec<String>>,
    x: usize,
    y: usize,
    state: Parse,
    csi: Vec<u8>,
    utf8: Vec<u8>,
    pub alternate: bool,
    pub cursor_visible: bool,
}

impl Screen {
    pub fn new(width: usize, height: usize) -> Screen {
        Screen {
            width,
            height,
            cells: vec![vec![" ".to_string(); width]; height],
            x: 0,
            y: 0,
            state: Parse::Ground,
            csi: Vec::new(),
            utf8: Vec::new(),
            alternate: false,
            cursor_visible: true,
        }
    }

    /// A terminal window resized by the user: content is clipped or padded, not reflowed.
    pub fn resize(&mut self, width: usize, height: usize) {
        self.cells.resize(height, vec![" ".to_string(); width]);
        for row in &mut self.cells {
            row.resize(width, " ".to_string());
            if row.last().is_some_and(|c| c == WIDE_TAIL) || width == 0 {
                continue;
            }
            // A wide character cut at the right edge leaves a blank.
            if let Some(last) = row.last_mut()
                && last.chars().next().and_then(|c| c.width()) == Some(2)
            {
                *last = " ".to_string();
            }
        }
        self.width = width;
        self.height = height;
        self.x = self.x.min(width.saturating_sub(1));
        self.y = self.y.min(height.saturating_sub(1));
    }

    fn clear(&mut self) {
        for row in &mut self.cells {
            row.fill(" ".to_string());
        }
    }

    /// The visible text of one row (wide characters once, trailing blanks kept).
    pub fn row(&self, y: usize) -> String {
        self.cells[y]
            .iter()
            .filter(|c| c.as_str() != WIDE_TAIL)
            .map(String::as_str)
            .collect()
    }

    pub fn text(&self) -> String {
        (0..self.height)
            .map(|y| self.row(y).trim_end().to_string())
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub fn contains(&self, needle: &str) -> bool {
        (0..self.height).any(|y| self.row(y).contains(needle))
    }

    pub fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.byte(b);
        }
    }

    fn byte(&mut self, b: u8) {
        match self.state {
            Parse::Ground => {
                if !self.utf8.is_empty() || b >= 0x80 {
                    self.utf8.push(b);
                    match std::str::from_utf8(&self.utf8) {
                        Ok(s) => {
                            let c = s.chars().next().unwrap();
                            self.utf8.clear();
                            self.print(c);
                        }
                        Err(e) if e.error_len().is_some() => {
                            self.utf8.clear();
                            self.print('\u{FFFD}');
                        }
                        Err(_) => {}
                    }
                    return;
                }
                match b {
                    0x1b => self.state = Parse::Escape,
                    b'\r' => self.x = 0,
                    b'\n' | 0x0b | 0x0c => self.line_feed(),
                    0x08 => self.x = self.x.saturating_sub(1),
                    b'\t' => self.x = ((self.x / 8 + 1) * 8).min(self.width.saturating_sub(1)),
                    0x00..=0x1f | 0x7f => {}
                    _ => self.print(b as char),
                }
            }
            Parse::Escape => match b {
                b'[' => {
                    self.csi.clear();
                    self.state = Parse::Csi;
                }
                b']' | b'P' | b'_' | b'^' | b'X' => self.state = Parse::String,
                // Intermediate bytes (charset selection and the like): swallow the next byte.
                0x20..=0x2f => {}
                _ => self.state = Parse::Ground,
            },
            Parse::Csi => {
                if (0x40..=0x7e).contains(&b) {
                    let params = std::mem::take(&mut self.csi);
                    self.state = Parse::Ground;
                    self.csi_dispatch(&params, b);
                } else {
                    self.csi.push(b);
                }
            }
            Parse::String => match b {
                0x07 => self.state = Parse::Ground,
                0x1b => self.state = Parse::StringEscape,
                _ => {}
            },
            Parse::StringEscape => {
                self.state = if b == b'\\' {
                    Parse::Ground
                } else {
                    Parse::String
                }
            }
        }
    }

    fn line_feed(&mut self) {
        if self.y + 1 < self.height {
            self.y += 1;
        } else if self.height > 0 {
            self.cells.remove(0);
            self.cells.push(vec![" ".to_string(); self.width]);
        }
    }

    fn print(&mut self, c: char) {
        let w = c.width().unwrap_or(0);
        if w == 0 {
            return;
        }
        if self.x + w > self.width {
            self.x = 0;
            self.line_feed();
        }
        if self.y >= self.height || self.x + w > self.width {
            return;
        }
        let row = &mut self.cells[self.y];
        // Overwriting half of a wide character blanks its other half.
        if row[self.x] == WIDE_TAIL && self.x > 0 {
            row[self.x - 1] = " ".to_string();
        }
        let end = self.x + w;
        if end < self.width && row[end] == WIDE_TAIL {
            row[end] = " ".to_string();
        }
        row[self.x] = c.to_string();
        if w == 2 {
            row[self.x + 1] = WIDE_TAIL.to_string();
        }
        self.x = end;
    }

    fn csi_dispatch(&mut self, params: &[u8], fin: u8) {
        let text = String::from_utf8_lossy(params);
        let private = text.starts_with('?');
        let nums: Vec<usize> = text
            .trim_start_matches(['?', '>', '<', '='])
            .split(';')
            .map(|p| p.parse().unwrap_or(0))
            .collect();
        let arg = |i: usize, default: usize| match nums.get(i) {
            Some(0) | None => default,
            Some(&n) => n,
        };
        let (w, h) = (self.width, self.height);
        match fin {
            b'H' | b'f' => {
                self.y = (arg(0, 1) - 1).min(h.saturating_sub(1));
                self.x = (arg(1, 1) - 1).min(w.saturating_sub(1));
            }
            b'A' => self.y = self.y.saturating_sub(arg(0, 1)),
            b'B' => self.y = (self.y + arg(0, 1)).min(h.saturating_sub(1)),
            b'C' => self.x = (self.x + arg(0, 1)).min(w.saturating_sub(1)),
            b'D' => self.x = self.x.saturating_sub(arg(0, 1)),
            b'G' => self.x = (arg(0, 1) - 1).min(w.saturating_sub(1)),
            b'd' => self.y = (arg(0, 1) - 1).min(h.saturating_sub(1)),
            b'J' => match nums.first().copied().unwrap_or(0) {
                0 => {
                    self.erase_line(self.x, w);
                    for row in self.cells.iter_mut().skip(self.y + 1) {
                        row.fill(" ".to_string());
                    }
                }
                1 => {
                    for row in self.cells.iter_mut().take(self.y) {
                        row.fill(" ".to_string());
                    }
                    self.erase_line(0, self.x + 1);
                }
                _ => self.clear(),
            },
            b'K' => match nums.first().copied().unwrap_or(0) {
                0 => self.erase_line(self.x, w),
                1 => self.erase_line(0, self.x + 1),
                _ => self.erase_line(0, w),
            },
            b'h' | b'l' if private => {
                let on = fin == b'h';
                for n in &nums {
                    match n {
                        25 => self.cursor_visible = on,
                        1049 | 1047 | 47 => {
                            // The main screen's content does not matter here: start blank.
                            self.alternate = on;
                            self.clear();
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }

    fn erase_line(&mut self, from: usize, to: usize) {
        if let Some(row) = self.cells.get_mut(self.y) {
            let to = to.min(row.len());
            for cell in row.iter_mut().take(to).skip(from) {
                *cell = " ".to_string();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pty::list_count;

    #[test]
    fn the_screen_model_reads_wide_text_drawn_cell_by_cell() {
        // Guards the model the tests above rely on: cursor moves between wide characters, partial
        // redraws and clears, as crossterm emits them.
        let mut s = Screen::new(20, 3);
        s.feed("\x1b[?1049h\x1b[2J\x1b[1;1H統\x1b[1;3H合\x1b[38;5;2m 12 / 200\x1b[0m".as_bytes());
        assert_eq!(s.row(0).trim_end(), "統合 12 / 200");
        s.feed(b"\x1b[1;6H7 / 200 ");
        assert_eq!(list_count(&s), Some((7, 200)));
        s.feed("\x1b[2;2Hあ\x1b[2;3Hx".as_bytes());
        assert_eq!(
            s.row(1).trim_end(),
            "  x",
            "overwriting half a wide char blanks it"
        );
        s.feed(b"\x1b[?25l\x1b[2J");
        assert!(!s.cursor_visible);
        assert_eq!(s.text().trim(), "");
        assert!(s.alternate);
    }
}
