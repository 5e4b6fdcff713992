//! Plain text from a rendered buffer: what `seedline show` prints and what tests compare.

use ratatui::buffer::Buffer;

/// The buffer's rows as text, wide characters once (their second cell skipped), trailing spaces
/// and trailing empty rows removed.
pub fn buffer_to_text(buffer: &Buffer) -> String {
    let width = buffer.area.width as usize;
    let mut lines: Vec<String> = Vec::new();
    if width == 0 {
        return String::new();
    }
    for cells in buffer.content.chunks(width) {
        let mut line = String::new();
        let mut skip = 0usize;
        for cell in cells {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            line.push_str(cell.symbol());
            skip = crate::text::width(cell.symbol()).saturating_sub(1);
        }
        lines.push(line.trim_end().to_string());
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}
