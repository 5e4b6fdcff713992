//! Who "me" is: the officer's name as configured, as matched in the database, and the scope
//! (today, stall threshold) that `mine`, `watch:yes` and the due board read.

use super::{Coded, Date, OfficerRole};

/// What "me" means for `mine`, `watch:yes` and the due board: the officer's name (config
/// `[officer] name`, else the OS account) and how long a phase may last before it counts as stalled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    pub today: Date,
    pub me: String,
    /// Days in the current phase beyond which a project is 停滞 (stalled).
    pub stall_days: i64,
}

impl Scope {
    /// The default for `stall_days` (two fiscal years without a phase move).
    pub const DEFAULT_STALL_DAYS: i64 = 730;

    pub fn new(today: Date, me: &str) -> Scope {
        Scope {
            today,
            me: me.to_string(),
            stall_days: Self::DEFAULT_STALL_DAYS,
        }
    }

    /// The last day a phase may have been entered on for the project to count as stalled.
    pub fn stalled_before(&self) -> Date {
        self.today
            .checked_sub_days(chrono::Days::new(self.stall_days.max(0) as u64))
            .unwrap_or(self.today)
    }
}

/// Officer names compare without spaces and case, so `岩崎 美紀` and `岩崎美紀` are one person.
pub fn officer_key(name: &str) -> String {
    crate::text::search_fold(name).replace([' ', '　'], "")
}

/// Who "me" is in the database: the officer rows whose name matches the configured one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Me {
    /// `officer.id`s whose name matches (spaces and width ignored).
    pub officer_ids: Vec<i64>,
    /// The names notes are authored under: as configured and as in `officer`.
    pub names: Vec<String>,
    /// The folded key the watch list is stored under.
    pub key: String,
}

/// Who writes: the officer's name and role (from the config; the OS account otherwise).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    pub name: String,
    /// PD / PS / PO / DC, or `other`.
    pub role: String,
}

impl Author {
    /// The author for this OS account and optional configured officer.
    pub fn new(name: Option<&str>, role: Option<&str>, os_user: &str) -> Author {
        let name = name
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .unwrap_or(os_user);
        let role = role
            .map(|r| r.trim().to_ascii_uppercase())
            .filter(|r| ["PD", "PS", "PO", "DC"].contains(&r.as_str()))
            .unwrap_or_else(|| "other".into());
        Author {
            name: name.to_string(),
            role,
        }
    }
}

/// An officer on the roster, with how many projects they are assigned to now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Officer {
    pub id: i64,
    pub name: String,
    pub role: OfficerRole,
    /// The OS account that makes this officer "me" (without a configured `[officer]`).
    pub login: Option<String>,
    /// 退任日 (YYYY-MM-DD): a retired officer keeps notes and past assignments, gets no new ones.
    pub retired_on: Option<String>,
    pub version: i64,
    /// Current assignments (`project_officer` rows).
    pub assignments: i64,
}

impl Officer {
    /// `PO 山田 花子`, as the detail and the history write an officer.
    pub fn label(&self) -> String {
        format!("{} {}", self.role.code(), self.name)
    }
}

/// A new officer for the roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOfficer {
    pub name: String,
    pub role: OfficerRole,
    pub login: Option<String>,
}

/// The longest officer name and login (characters), as the schema checks the name.
pub const MAX_OFFICER_NAME: usize = 200;

impl NewOfficer {
    /// Refuses an empty or over-long name, control or bidi characters, and an empty login.
    pub fn validate(&self) -> crate::Result<()> {
        validate_officer_name(&self.name)?;
        if let Some(login) = &self.login {
            validate_login(login)?;
        }
        Ok(())
    }
}

/// An officer's name: one line, 1 to 200 characters, not blank.
pub fn validate_officer_name(name: &str) -> crate::Result<()> {
    crate::text::check_field("name", name, MAX_OFFICER_NAME, true)
}

/// An OS account name: one line, no spaces, 1 to 200 characters.
pub fn validate_login(login: &str) -> crate::Result<()> {
    crate::text::check_field("login", login, MAX_OFFICER_NAME, true)?;
    if login.chars().any(char::is_whitespace) {
        return Err(crate::Error::invalid(
            "login",
            crate::msg::invalid::login_has_space(),
        ));
    }
    Ok(())
}

/// What `officer edit` changes; `None` leaves a field as it is (`login: Some(None)` clears it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OfficerEdit {
    pub name: Option<String>,
    pub role: Option<OfficerRole>,
    pub login: Option<Option<String>>,
}

/// An assignment that ended (担当履歴): who, in which role, from when (unknown for old rows) to when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastAssignment {
    pub name: String,
    pub role: OfficerRole,
    pub from: Option<String>,
    pub to: String,
}

/// One line of the officer picker: an active officer and how many of the target projects they
/// are assigned to now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterEntry {
    pub id: i64,
    pub name: String,
    pub role: OfficerRole,
    pub login: Option<String>,
    pub version: i64,
    /// Of the picker's target projects, how many have this officer now.
    pub assigned: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn officer_names_match_without_spaces_or_width() {
        assert_eq!(officer_key("岩崎　美紀"), officer_key("岩崎美紀"));
        assert_eq!(officer_key("Iwasaki Miki"), officer_key("iwasakimiki"));
    }

    #[test]
    fn author_falls_back_to_the_os_account() {
        assert_eq!(Author::new(None, None, "miki").name, "miki");
        let a = Author::new(Some("岩崎 美紀"), Some("po"), "miki");
        assert_eq!((a.name.as_str(), a.role.as_str()), ("岩崎 美紀", "PO"));
        assert_eq!(Author::new(Some(" "), Some("boss"), "miki").role, "other");
    }
}
