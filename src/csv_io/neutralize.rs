//! Formula neutralisation (OWASP "CSV injection") and its exact reversal. A spreadsheet reads a
//! cell starting with `=`, `+`, `-`, `@`, tab, CR or LF (also after leading spaces) as a formula;
//! export puts a `'` in front of such a cell, and import takes off exactly that `'` again.
//!
//! On the safe side the same guard covers the full-width and small forms of those signs
//! (`＝ ＋ － ＠`, `﹦ ﹢ ﹣ ﹫`: an IME or Excel's own conversion may turn them into formulas), the
//! minus sign `−`, and a sign after any mix of leading whitespace (ideographic space U+3000,
//! no-break space, …) or invisible zero-width characters (U+200B, U+FEFF).
//!
//! A cell that already starts with `'` followed by something that would be neutralised (`'=1`)
//! is prefixed too (`''=1`): otherwise import could not tell the officer's `'` from ours, and
//! export → import → export would not give the same bytes.

use std::borrow::Cow;

/// Characters that make a spreadsheet treat a cell as a formula (or might: the full-width and
/// small forms and the minus sign are guarded on the safe side).
const TRIGGERS: [char; 16] = [
    '=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫', '−',
];

/// Characters a spreadsheet may skip before a formula sign: whitespace of any kind (space,
/// ideographic space U+3000, no-break space, …) and zero-width ones.
fn is_leading_filler(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}')
}

/// Whether export must prefix `cell` with `'`: a trigger first, after any mix of leading
/// whitespace and `'`.
pub fn needs_prefix(cell: &str) -> bool {
    for c in cell.chars() {
        if TRIGGERS.contains(&c) {
            return true;
        }
        if !(c == '\'' || is_leading_filler(c)) {
            return false;
        }
    }
    false
}

/// The cell as written to a CSV file: with a leading `'` when a spreadsheet would run it.
pub fn neutralize(cell: &str) -> Cow<'_, str> {
    if needs_prefix(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The inverse of [`neutralize`]: drops a leading `'` only when export would have added it.
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_prefix(rest) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owasp_triggers_get_a_quote_and_plain_text_does_not() {
        for cell in [
            "=1+2",
            "+81-3-1234-5678",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
            "\n",
            "  =1",
        ] {
            assert_eq!(neutralize(cell), format!("'{cell}"), "{cell:?}");
        }
        for cell in ["", "がん", "'quoted", "1+2", " x", "'", "a=b"] {
            assert_eq!(neutralize(cell), cell, "{cell:?}");
        }
        assert_eq!(neutralize("'=1"), "''=1");
        for cell in [
            "＝1+2",
            "＋81",
            "－5",
            "＠SUM(A1)",
            "\u{3000}=1",
            "\u{3000} \u{3000}＝1",
            "\u{a0}+1",
            "\u{200b}@x",
            "−1",
        ] {
            assert_eq!(neutralize(cell), format!("'{cell}"), "{cell:?}");
        }
        for cell in ["\u{3000}がん", "ｘ＝ｙ", "\u{3000}"] {
            assert_eq!(neutralize(cell), cell, "{cell:?}");
        }
        assert_eq!(neutralize(" '@x"), "' '@x");
    }

    #[test]
    fn restore_is_the_exact_inverse() {
        for cell in [
            "=1+2",
            "'=1+2",
            "''=1",
            "'",
            "''",
            "'abc",
            "abc",
            "",
            "  '  -x",
            "'\n",
            "-",
            "'-",
            "＝1",
            "'＝1",
            "\u{3000}=1",
            "'\u{3000}＠x",
            "\u{3000}'",
            "\u{3000}がん",
        ] {
            assert_eq!(restore(&neutralize(cell)), cell, "{cell:?}");
        }
        // A file written by hand: a quote before plain text is data.
        assert_eq!(restore("'abc"), "'abc");
    }

    #[test]
    fn many_quotes_do_not_recurse() {
        let cell = format!("{}=", "'".repeat(1_000_000));
        assert!(needs_prefix(&cell));
    }
}
