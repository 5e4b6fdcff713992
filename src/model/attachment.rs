//! Attachments: links to files (never their contents) on a project, note or flag.

use super::Date;

/// A file link on a project, note or flag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentView {
    pub id: i64,
    pub project_id: i64,
    pub note_id: Option<i64>,
    pub flag_id: Option<i64>,
    pub target: String,
    pub label: String,
    pub kind: super::AttachmentKind,
    pub dated_on: Option<String>,
    pub sha256: Option<String>,
    pub added_by: String,
    pub added_at: String,
}

/// A new attachment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAttachment {
    pub note_id: Option<i64>,
    pub flag_id: Option<i64>,
    pub target: String,
    pub label: String,
    pub kind: super::AttachmentKind,
    pub dated_on: Option<Date>,
    pub sha256: Option<String>,
}

/// Longest label / path accepted for an attachment (as the schema checks).
pub const MAX_ATTACHMENT_TARGET: usize = 4096;
pub const MAX_ATTACHMENT_LABEL: usize = 400;

impl NewAttachment {
    /// Checks the target and label: one line each, not blank, within the schema's lengths, no
    /// control or bidi characters.
    pub fn validate(&self) -> crate::Result<()> {
        crate::text::check_field("target", self.target.trim(), MAX_ATTACHMENT_TARGET, true)?;
        crate::text::check_field("label", self.label.trim(), MAX_ATTACHMENT_LABEL, true)
    }
}
