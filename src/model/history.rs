//! A project's history as read from the audit log.

use crate::Lang;

/// One line of a project's history (from the audit log).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    pub at: String,
    /// The OS account that made the change.
    pub actor: String,
    /// The officer name recorded with it, when there was one.
    pub officer: Option<String>,
    /// e.g. `note.add`, `flag.move`, `phase.move`.
    pub action: String,
    /// A short human summary (ids, statuses, phases).
    pub summary: String,
    /// The audit row's detail (a small JSON object), for actions worded in words.
    pub detail: serde_json::Value,
}

impl HistoryEntry {
    /// What changed, in words where the action has them (assignments), else the summary.
    pub fn text(&self, lang: Lang) -> String {
        if let Some(words) = super::outcome::outcome_history_words(&self.action, &self.detail, lang)
        {
            return words;
        }
        if self.action == "project.create" {
            return match lang {
                Lang::Ja => "課題を1件追加".into(),
                Lang::En => "project added".into(),
            };
        }
        if self.action == "project.import" {
            let file = self
                .detail
                .get("file")
                .and_then(|v| v.as_str())
                .unwrap_or("");
            return match lang {
                Lang::Ja => format!("一覧の取り込みで登録 ({file})"),
                Lang::En => format!("added by importing {file}"),
            };
        }
        assignment_words(&self.action, &self.detail, lang).unwrap_or_else(|| self.summary.clone())
    }
}

/// `PO 山田 花子 を担当に追加 (2026-04-01〜)` / `assigned PO 山田 花子 from 2026-04-01`.
fn assignment_words(action: &str, d: &serde_json::Value, lang: Lang) -> Option<String> {
    let s = |k: &str| d.get(k).and_then(|v| v.as_str());
    let who = format!("{} {}", s("role")?, s("name")?);
    let from = s("from").unwrap_or("?");
    let to = s("to").unwrap_or("?");
    let retired = s("why") == Some("officer.retire");
    Some(match (action, lang) {
        ("assign.add", Lang::Ja) => format!("{who} を担当に追加 ({from}〜)"),
        ("assign.add", Lang::En) => format!("assigned {who} from {from}"),
        ("assign.edit", Lang::Ja) => format!("{who} の担当開始日を {from} に変更"),
        ("assign.edit", Lang::En) => format!("{who}: assignment start set to {from}"),
        ("assign.remove", Lang::Ja) => format!(
            "{who} の担当を終了 ({from}〜{to}){}",
            if retired { "、退任" } else { "" }
        ),
        ("assign.remove", Lang::En) => format!(
            "unassigned {who} (from {from} to {to}){}",
            if retired { ", retired" } else { "" }
        ),
        ("assign.past", Lang::Ja) => format!("{who} の担当履歴を記録 ({from}〜{to})"),
        ("assign.past", Lang::En) => format!("recorded past assignment of {who} ({from} to {to})"),
        ("assign.undo", Lang::Ja) => format!("{who} の担当追加を取り消し"),
        ("assign.undo", Lang::En) => format!("took back the assignment of {who}"),
        ("unassign.undo", Lang::Ja) => format!("{who} の担当終了を取り消し ({from}〜)"),
        ("unassign.undo", Lang::En) => {
            format!("took back the end of {who}'s assignment (from {from})")
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assignments_read_as_words_in_both_languages() {
        let e = HistoryEntry {
            at: "2026-04-01T09:00:00.000Z".into(),
            actor: "yamada".into(),
            officer: None,
            action: "assign.add".into(),
            summary: String::new(),
            detail: serde_json::json!({"officer_id": 1, "name": "山田 花子", "role": "PO", "from": "2026-04-01"}),
        };
        assert_eq!(e.text(Lang::Ja), "PO 山田 花子 を担当に追加 (2026-04-01〜)");
        assert_eq!(e.text(Lang::En), "assigned PO 山田 花子 from 2026-04-01");
        let other = HistoryEntry {
            action: "note.add".into(),
            summary: "note_id=3".into(),
            ..e
        };
        assert_eq!(other.text(Lang::En), "note_id=3");
    }
}
