//! Text for terminals and search: make untrusted text harmless, measure and cut it by display width
//! (a full-width character takes two cells), and fold it for Japanese full-text search.

use crate::msg::invalid::RefusedKind;
use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Marks the end of text cut to fit. ASCII on purpose: `…` is East Asian *ambiguous* and takes two
/// cells in terminals set to "ambiguous = wide", which would break every column after it.
pub const ELLIPSIS: &str = "~";

/// Whether `c` must never reach a terminal as is: C0/C1 controls, DEL, bidi embedding / override /
/// isolate controls and other invisible direction or line-breaking marks.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
                | '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// The visible stand-in for an unsafe character: the Unicode "control picture" for C0 controls and
/// DEL (e.g. `␛` for ESC), `<U+XXXX>` for the rest.
fn placeholder(c: char, out: &mut String) {
    let code = c as u32;
    match code {
        0x00..=0x1F => out.push(char::from_u32(0x2400 + code).unwrap_or('?')),
        0x7F => out.push('\u{2421}'),
        _ => out.push_str(&format!("<U+{code:04X}>")),
    }
}

/// Text for one line of a table or status bar: unsafe characters become visible placeholders,
/// a tab becomes a space, a line break becomes `␤` so the row stays one row.
pub fn sanitize_line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\t' => out.push(' '),
            '\n' => out.push('\u{2424}'),
            c if is_unsafe_char(c) => placeholder(c, &mut out),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Text that may span lines (a note body): line breaks are kept (`\r\n` becomes `\n`), a tab
/// becomes four spaces, every other unsafe character a visible placeholder.
pub fn sanitize_multiline(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && is_unsafe_char(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\t' => out.push_str("    "),
            c if is_unsafe_char(c) => placeholder(c, &mut out),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Display width in terminal cells, grapheme by grapheme.
pub fn width(s: &str) -> usize {
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// Cuts `s` to at most `max` cells, ending with [`ELLIPSIS`] when something was cut; never splits
/// a character or a grapheme cluster. The input should already be sanitised.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let budget = max - ELLIPSIS.len();
    let mut used = 0;
    let mut out = String::new();
    for g in s.graphemes(true) {
        let w = g.width();
        if used + w > budget {
            break;
        }
        used += w;
        out.push_str(g);
    }
    out.push_str(ELLIPSIS);
    Cow::Owned(out)
}

/// Cuts or pads `s` with spaces to exactly `cells` cells (a wide character that would straddle the
/// edge is replaced by padding).
pub fn fit(s: &str, cells: usize) -> String {
    let cut = truncate(s, cells);
    let pad = cells.saturating_sub(width(&cut));
    let mut out = String::with_capacity(cut.len() + pad);
    out.push_str(&cut);
    out.extend(std::iter::repeat_n(' ', pad));
    out
}

/// Right-aligns `s` in `cells` cells (for numbers).
pub fn fit_right(s: &str, cells: usize) -> String {
    let cut = truncate(s, cells);
    let pad = cells.saturating_sub(width(&cut));
    let mut out = " ".repeat(pad);
    out.push_str(&cut);
    out
}

/// The form text takes in the full-text index and in queries: NFKC (full-width ASCII and
/// half-width kana folded) and lower-cased, so `ＣＲＥＳＴ`, `crest` and `CREST` match.
pub fn search_fold(s: &str) -> String {
    // Most text is already in NFKC (the quick check says so without normalising) and mostly
    // kana and kanji, which have no lower case: both steps are skipped where they change nothing.
    if unicode_normalization::is_nfkc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else if CASELESS.contains(&c) {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
        }
        return out;
    }
    s.nfkc().flat_map(char::to_lowercase).collect()
}

/// CJK punctuation, kana and ideographs: no character here has a lower-case form (a test checks).
const CASELESS: std::ops::RangeInclusive<char> = '\u{3000}'..='\u{9FFF}';

/// Formats a count with thousands separators: `1204` → `1,204`.
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Whether a free-text field holds one line (titles, labels, names) or several (note bodies,
/// reasons, comments, summaries).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    One,
    Many,
}

/// A character that stored text may not hold, found by [`refused_char`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refused {
    pub ch: char,
    /// 1-based position in characters.
    pub position: usize,
}

impl Refused {
    /// What kind of character it is: "control character", "bidirectional control character" or
    /// "invisible format character".
    pub fn kind(&self) -> &'static str {
        match self.refused_kind() {
            RefusedKind::Control => "control character",
            RefusedKind::Bidi => "bidirectional control character",
            RefusedKind::Invisible => "invisible format character",
        }
    }

    pub fn refused_kind(&self) -> RefusedKind {
        match self.ch {
            c if c.is_control() => RefusedKind::Control,
            '\u{200E}'
            | '\u{200F}'
            | '\u{061C}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}' => RefusedKind::Bidi,
            _ => RefusedKind::Invisible,
        }
    }

    /// [`Refused::message`] in both languages.
    pub fn reason(&self) -> crate::msg::Msg {
        crate::msg::invalid::refused_char(self.refused_kind(), self.ch, self.position)
    }

    /// `control character U+001B at character 2 is not allowed` (with a reminder that the field
    /// is one line when the character is a tab or line break).
    pub fn message(&self) -> String {
        let name = match self.ch {
            '\0' => " (NUL)",
            '\t' => " (tab)",
            '\n' => " (line feed)",
            '\r' => " (carriage return)",
            _ => "",
        };
        let one_line = if matches!(self.ch, '\t' | '\n') {
            " (this field is one line)"
        } else {
            ""
        };
        format!(
            "{} U+{:04X}{name} at character {} is not allowed{one_line}",
            self.kind(),
            self.ch as u32,
            self.position
        )
    }
}

/// The first character of `value` that stored text may not hold: every character
/// [`is_unsafe_char`] names (C0 controls, DEL, C1 controls U+0080–U+009F, bidi embedding /
/// override / isolate controls and marks, line and paragraph separators, U+FEFF, interlinear
/// annotation marks), except — in a [`Lines::Many`] field only — tab, line feed, and a carriage
/// return directly before a line feed (a Windows line break). This is the one rule for every way
/// text comes in: CSV import, CLI arguments, TUI forms, and the model checks the store runs.
pub fn refused_char(value: &str, lines: Lines) -> Option<Refused> {
    let mut chars = value.chars().enumerate().peekable();
    while let Some((i, c)) = chars.next() {
        let allowed = lines == Lines::Many
            && match c {
                '\t' | '\n' => true,
                '\r' => chars.peek().is_some_and(|(_, next)| *next == '\n'),
                _ => false,
            };
        if !allowed && is_unsafe_char(c) {
            return Some(Refused {
                ch: c,
                position: i + 1,
            });
        }
    }
    None
}

/// [`refused_char`] as an error naming the field:
/// `--body: control character U+001B at character 2 is not allowed`.
pub fn check_text(field: &str, value: &str, lines: Lines) -> crate::Result<()> {
    match refused_char(value, lines) {
        Some(r) => Err(crate::Error::invalid(field, r.reason())),
        None => Ok(()),
    }
}

/// Checks a short one-line text field typed by an officer: no control or bidi character (see
/// [`refused_char`]), at most `max` characters, and not blank when `required`. The error names
/// the field.
pub fn check_field(field: &str, value: &str, max: usize, required: bool) -> crate::Result<()> {
    if required && value.trim().is_empty() {
        return Err(crate::Error::invalid(field, crate::msg::invalid::empty()));
    }
    check_text(field, value, Lines::One)?;
    let n = value.chars().count();
    if n > max {
        return Err(crate::Error::invalid(
            field,
            crate::msg::invalid::too_many_chars(n, max),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_fold_fast_path_folds_as_nfkc_then_lower_case() {
        for c in CASELESS {
            assert!(c.to_lowercase().eq([c]), "{c:?} has a lower case");
        }
        for s in [
            "",
            "がん",
            "ＣＲＥＳＴ",
            "CREST iPS細胞",
            "ｶﾞﾝ",
            "ガン研究",
            "Ǆ ǅ ǆ ΣΑΣ İ",
            "①②",
            "㈱東京",
            "e\u{301}",
            "Å",
            "ﬁ",
            "JP16ra0100000",
            "難治性疾患実用化研究事業",
        ] {
            let slow: String = s.nfkc().flat_map(char::to_lowercase).collect();
            assert_eq!(search_fold(s), slow, "{s:?}");
        }
    }

    #[test]
    fn escape_sequences_become_visible_placeholders() {
        let hostile = "\x1b]0;pwned\x07\x1b[2J\x1b]52;c;Zm9v\x07X\u{9b}31mY";
        let safe = sanitize_line(hostile);
        assert!(!safe.chars().any(is_unsafe_char), "{safe:?}");
        assert!(safe.contains('\u{241B}'), "ESC shown as ␛: {safe:?}");
        assert!(safe.contains("<U+009B>"));
    }

    #[test]
    fn bidi_overrides_are_shown_not_applied() {
        let safe = sanitize_line("abc\u{202E}fed\u{2066}");
        assert_eq!(safe, "abc<U+202E>fed<U+2066>");
    }

    #[test]
    fn printable_japanese_is_untouched() {
        let s = "ヒトiPS細胞（がん）：ｶﾀｶﾅ 😀 ok";
        assert!(matches!(sanitize_line(s), Cow::Borrowed(_)));
        assert!(matches!(sanitize_multiline("行1\n行2"), Cow::Borrowed(_)));
    }

    #[test]
    fn multiline_keeps_line_breaks_only() {
        assert_eq!(sanitize_multiline("a\r\nb\tc\x1b"), "a\nb    c\u{241B}");
        assert_eq!(sanitize_line("a\nb"), "a\u{2424}b");
    }

    #[test]
    fn truncation_counts_cells_and_never_splits_a_wide_char() {
        let forty = "研".repeat(40);
        let cut = truncate(&forty, 30);
        assert!(width(&cut) <= 30);
        assert!(cut.ends_with(ELLIPSIS));
        assert_eq!(width(&fit(&forty, 30)), 30);
        // An odd budget cannot hold half a wide character: padded instead.
        assert_eq!(width(&fit("研究", 3)), 3);
        assert_eq!(fit("abc", 5), "abc  ");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 0), "");
    }

    #[test]
    fn search_folding_matches_full_width_and_case() {
        assert_eq!(search_fold("ＣＲＥＳＴ"), "crest");
        assert_eq!(search_fold("ｶﾞﾝ"), "ガン");
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(1204), "1,204");
        assert_eq!(thousands(100000), "100,000");
        assert_eq!(thousands(-1234567), "-1,234,567");
    }
}
