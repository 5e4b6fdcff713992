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
