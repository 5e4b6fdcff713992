//! Formula neutralisation (OWASP "CSV injection") and its exact reversal. A spreadsheet reads a
//! cell starting with `=`, `+`, `-`, `@`, tab, CR or LF (also after leading spaces) as a formula;
//! export puts a `'` in front of such a cell, and import takes off exactly that `'` again.
//!
//! A cell that already starts with `'` followed by something that would be neutralised (`'=1`)
//! is prefixed too (`''=1`): otherwise import could not tell the officer's `'` from ours, and
//! export → import → export would not give the same bytes.

use std::borrow::Cow;

/// Characters that make a spreadsheet treat a cell as a formula.
const TRIGGERS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\n'];

/// Whether export must prefix `cell` with `'`.
pub fn needs_prefix(cell: &str) -> bool {
    let mut rest = cell;
    loop {
        rest = rest.trim_start_matches(' ');
        match rest.chars().next() {
            Some(c) if TRIGGERS.contains(&c) => return true,
            Some('\'') => rest = &rest[1..],
            _ => return false,
        }
    }
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
        assert_eq!(neutralize(" '@x"), "' '@x");
    }

    #[test]
    fn restore_is_the_exact_inverse() {
        for cell in [
            "=1+2", "'=1+2", "''=1", "'", "''", "'abc", "abc", "", "  '  -x", "'\n", "-", "'-",
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
