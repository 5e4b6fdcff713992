//! Who "me" is: the officer's name as configured, as matched in the database, and the scope
//! (today, stall threshold) that `mine`, `watch:yes` and the due board read.

use super::Date;

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
