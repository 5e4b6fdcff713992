//! Accompaniment notes (伴走支援記録): a new note and the checks its body passes.

use super::{Date, NoteKind};
use crate::text::Lines;
use crate::{Error, Result};

/// Largest note body accepted (1 MiB); larger input is refused, never cut.
pub const MAX_NOTE_BYTES: usize = 1024 * 1024;

/// A new accompaniment note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNote {
    pub kind: NoteKind,
    pub body: String,
    pub occurred_on: Date,
    pub follow_up_on: Option<Date>,
}

/// Checks a note body: not empty, no control or bidi character other than tab and line break
/// ([`crate::text::refused_char`]), at most [`MAX_NOTE_BYTES`].
pub fn validate_body(body: &str) -> Result<()> {
    if body.trim().is_empty() {
        return Err(Error::invalid("body", crate::msg::invalid::note_empty()));
    }
    crate::text::check_text("body", body, Lines::Many)?;
    if body.len() > MAX_NOTE_BYTES {
        return Err(Error::invalid(
            "body",
            crate::msg::invalid::note_too_big(body.len(), MAX_NOTE_BYTES),
        ));
    }
    Ok(())
}

impl NewNote {
    pub fn validate(&self) -> Result<()> {
        validate_body(&self.body)?;
        if let Some(f) = self.follow_up_on
            && f < self.occurred_on
        {
            return Err(Error::invalid(
                "follow_up",
                crate::msg::invalid::follow_up_before_note(f, self.occurred_on),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_bodies_are_checked_not_cut() {
        assert!(validate_body("面談").is_ok());
        assert!(validate_body("  \n").is_err());
        assert!(validate_body("a\0b").is_err());
        let big = "あ".repeat(MAX_NOTE_BYTES / 3 + 1);
        assert!(
            validate_body(&big)
                .unwrap_err()
                .to_string()
                .contains("1 MiB")
        );
    }
}
