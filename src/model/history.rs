//! A project's history as read from the audit log: each change as a sentence in the officer's
//! language, who made it (the officer, not the OS account), and undos linked to what they took
//! back.

mod words;

use crate::Lang;

/// One line of a project's history (from the audit log).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HistoryEntry {
    /// When: an ISO 8601 timestamp (the store gives it in local time).
    pub at: String,
    /// The OS account that made the change.
    pub actor: String,
    /// The officer who made it, when known (the one recorded with the change, else the officer
    /// whose login is the OS account).
    pub officer: Option<String>,
    /// e.g. `note.add`, `flag.move`, `phase.move`.
    pub action: String,
    /// The audit row's detail as `key=value` pairs (for scripts and unknown actions).
    pub summary: String,
    /// The audit row's detail (a small JSON object of ids and codes).
    pub detail: serde_json::Value,
    /// What the row points at, read when the history is loaded (the audit log keeps ids only).
    pub subject: HistorySubject,
    /// Whether this change takes back another, or was taken back (see [`link_undos`]).
    pub undo: UndoLink,
}

/// What an audit row points at, looked up by its ids when the history is read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HistorySubject {
    /// The note's first line (note and follow-up changes).
    pub note: Option<String>,
    /// The successor program's name, Japanese and English (flag changes).
    pub program: Option<(String, String)>,
    /// The day the change concerns: a stage gate's decision day, a deadline's due day.
    pub day: Option<String>,
    /// A deadline's or a linked file's title.
    pub title: Option<String>,
    /// A deadline's or a linked file's kind (its code).
    pub kind: Option<String>,
}

/// Links between an undo and the change it took back.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UndoLink {
    /// The change this one takes back.
    pub undoes: Option<Box<HistoryEntry>>,
    /// When this change was taken back.
    pub undone_at: Option<String>,
}

impl HistoryEntry {
    /// Who made the change: the officer's name, the OS account only when no officer is known.
    pub fn who(&self) -> &str {
        self.officer
            .as_deref()
            .filter(|o| !o.trim().is_empty())
            .unwrap_or(&self.actor)
    }

    /// `2026-11-20 10:02` (the timestamp to the minute).
    pub fn minute(&self) -> String {
        minute(&self.at)
    }

    /// `2026-11-20`.
    pub fn day(&self) -> &str {
        self.at.get(..10).unwrap_or(&self.at)
    }

    /// Whether the change takes back an earlier one (an undo, a restore, a reopen).
    pub fn is_undo(&self) -> bool {
        self.detail.get("undo").and_then(|v| v.as_bool()) == Some(true)
            || matches!(
                self.action.as_str(),
                "assign.undo"
                    | "unassign.undo"
                    | "note.restore"
                    | "followup.reopen"
                    | "deadline.reopen"
                    | "project.restore"
                    | "outcome.restore"
            )
    }

    /// `取消` / `Undone` for an undo.
    pub fn mark(&self, lang: Lang) -> Option<&'static str> {
        self.is_undo().then(|| crate::tr(lang, "取消", "Undone"))
    }

    /// What changed, in words, with its undo links: an undo says when the change it took back
    /// was made (`フェーズ 基礎 › 応用 (2026-11-20 10:02 の変更を取消)`); a change taken back says
    /// when (`(取消済 2026-11-20 10:05)`).
    pub fn sentence(&self, lang: Lang) -> String {
        let mut out = words::what(self, lang);
        if let Some(original) = &self.undo.undoes {
            let at = original.minute();
            out.push_str(&match lang {
                Lang::Ja => format!(" ({at} の変更を取消)"),
                Lang::En => format!(" (undoes the change of {at})"),
            });
        }
        if let Some(at) = &self.undo.undone_at {
            out.push_str(&match lang {
                Lang::Ja => format!(" (取消済 {})", minute(at)),
                Lang::En => format!(" (undone {})", minute(at)),
            });
        }
        out
    }

    /// The whole line's words: the undo mark, then the sentence (`取消: フェーズ 基礎 › 応用 …`).
    pub fn text(&self, lang: Lang) -> String {
        match self.mark(lang) {
            Some(mark) => format!("{mark}: {}", self.sentence(lang)),
            None => self.sentence(lang),
        }
    }
}

/// `2026-11-20T10:02:03.000Z` → `2026-11-20 10:02`.
fn minute(at: &str) -> String {
    at.get(..16).unwrap_or(at).replace('T', " ")
}

/// Links each undo in `entries` (newest first) to the change it took back: the nearest older
/// change of the same thing (same flag, note, deadline, outcome, officer; the reverse phase move)
/// not already taken back. Both ends are marked.
pub fn link_undos(entries: &mut [HistoryEntry]) {
    // Oldest first, so that an undo of an undo finds the first undo already linked.
    for i in (0..entries.len()).rev() {
        if !entries[i].is_undo() || entries[i].undo.undoes.is_some() {
            continue;
        }
        let found = (i + 1..entries.len()).find(|&j| {
            let cand = &entries[j];
            cand.undo.undone_at.is_none() && !cand.is_undo() && undoes(&entries[i], cand)
        });
        if let Some(j) = found {
            let undone_at = entries[i].at.clone();
            entries[j].undo.undone_at = Some(undone_at);
            let mut original = entries[j].clone();
            original.undo = UndoLink::default();
            entries[i].undo.undoes = Some(Box::new(original));
        }
    }
}

/// Whether the undo `u` takes back the change `c`.
fn undoes(u: &HistoryEntry, c: &HistoryEntry) -> bool {
    let same = |key: &str| {
        let a = u.detail.get(key);
        a.is_some() && a == c.detail.get(key)
    };
    let text = |e: &HistoryEntry, key: &str| {
        e.detail
            .get(key)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let action = c.action.as_str();
    match u.action.as_str() {
        "flag.move" => same("flag_id") && matches!(action, "flag.move" | "flag.add"),
        "phase.move" => {
            action == "phase.move"
                && text(c, "to") == text(u, "from")
                && text(c, "from") == text(u, "to")
        }
        "note.restore" => same("note_id") && action == "note.delete",
        "followup.reopen" => same("note_id") && action == "followup.done",
        "deadline.reopen" => same("deadline_id") && action == "deadline.done",
        "outcome.delete" => same("outcome_id") && action == "outcome.add",
        "outcome.restore" => same("outcome_id") && action == "outcome.delete",
        "assign.undo" => same("officer_id") && action == "assign.add",
        "unassign.undo" => same("officer_id") && action == "assign.remove",
        "project.restore" => action == "project.retire",
        "project.retire" => matches!(action, "project.create" | "project.import"),
        "project.edit" => action == "project.edit",
        other => other == action,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn entry(at: &str, action: &str, detail: serde_json::Value) -> HistoryEntry {
        HistoryEntry {
            at: at.into(),
            actor: "root".into(),
            officer: Some("岩崎 美紀".into()),
            action: action.into(),
            detail,
            ..HistoryEntry::default()
        }
    }

    #[test]
    fn assignments_read_as_words_in_both_languages() {
        let e = HistoryEntry {
            at: "2026-04-01T09:00:00.000Z".into(),
            actor: "yamada".into(),
            action: "assign.add".into(),
            detail: json!({"officer_id": 1, "name": "山田 花子", "role": "PO", "from": "2026-04-01"}),
            ..HistoryEntry::default()
        };
        assert_eq!(e.text(Lang::Ja), "PO 山田 花子 を担当に追加 (2026-04-01〜)");
        assert_eq!(e.text(Lang::En), "Assigned PO 山田 花子 from 2026-04-01");
        assert_eq!(e.who(), "yamada", "no officer known: the OS account");
    }

    #[test]
    fn the_officer_is_named_rather_than_the_os_account() {
        let e = entry(
            "2026-11-20T10:02:00",
            "phase.move",
            json!({"from": "applied", "to": "basic"}),
        );
        assert_eq!(e.who(), "岩崎 美紀");
        assert_eq!(e.text(Lang::Ja), "フェーズ 応用 › 基礎");
        assert_eq!(e.text(Lang::En), "Phase Applied › Basic");
    }

    #[test]
    fn an_undo_names_what_it_took_back_and_the_original_says_it_was_undone() {
        let mut entries = vec![
            entry(
                "2026-11-20T10:05:00",
                "phase.move",
                json!({"from": "basic", "to": "applied", "undo": true}),
            ),
            entry(
                "2026-11-20T10:02:00",
                "phase.move",
                json!({"from": "applied", "to": "basic"}),
            ),
            entry(
                "2026-11-01T09:00:00",
                "phase.move",
                json!({"from": "basic", "to": "applied"}),
            ),
        ];
        link_undos(&mut entries);
        assert_eq!(
            entries[0].text(Lang::Ja),
            "取消: フェーズ 基礎 › 応用 (2026-11-20 10:02 の変更を取消)"
        );
        assert_eq!(
            entries[0].text(Lang::En),
            "Undone: Phase Basic › Applied (undoes the change of 2026-11-20 10:02)"
        );
        assert_eq!(
            entries[1].text(Lang::Ja),
            "フェーズ 応用 › 基礎 (取消済 2026-11-20 10:05)"
        );
        assert_eq!(
            entries[1].text(Lang::En),
            "Phase Applied › Basic (undone 2026-11-20 10:05)"
        );
        assert_eq!(
            entries[2].undo,
            UndoLink::default(),
            "the older move stands"
        );
    }

    #[test]
    fn a_flag_undo_links_to_the_same_flag_only() {
        let mut entries = vec![
            entry(
                "2026-11-20T10:05:00",
                "flag.move",
                json!({"flag_id": 2, "from": "recommended", "to": "candidate", "undo": true}),
            ),
            entry(
                "2026-11-20T10:04:00",
                "flag.move",
                json!({"flag_id": 3, "from": "candidate", "to": "recommended", "undo": false}),
            ),
            entry(
                "2026-11-20T10:03:00",
                "flag.move",
                json!({"flag_id": 2, "from": "candidate", "to": "recommended", "undo": false}),
            ),
        ];
        link_undos(&mut entries);
        assert!(entries[1].undo.undone_at.is_none());
        assert_eq!(
            entries[2].undo.undone_at.as_deref(),
            Some("2026-11-20T10:05:00")
        );
    }

    #[test]
    fn an_unknown_action_reads_as_words_without_codes_cut() {
        let e = HistoryEntry {
            summary: "count=3".into(),
            ..entry(
                "2026-11-20T10:02:00",
                "gate_review.schedule",
                json!({"count": 3}),
            )
        };
        assert_eq!(
            e.text(Lang::En),
            "Other change (gate review schedule): count=3"
        );
        assert_eq!(
            e.text(Lang::Ja),
            "その他の変更 (gate review schedule): count=3"
        );
    }
}
