//! One history entry in words, per action, in both languages. Codes (phases, statuses, kinds)
//! become their names; ids stay out except where nothing else names the thing (outcomes).

use super::HistoryEntry;
use crate::Lang;
use crate::model::{
    AttachmentKind, Coded, DeadlineKind, FieldChange, FlagStatus, GateDecision, NoteKind,
    OutcomeKind, Phase, ProjectField,
};

/// What changed, as a sentence in `lang` (without the undo mark or link).
pub(super) fn what(e: &HistoryEntry, lang: Lang) -> String {
    let d = &e.detail;
    let ja = lang == Lang::Ja;
    let pick = |j: String, en: String| if ja { j } else { en };
    let s = |key: &str| d.get(key).and_then(|v| v.as_str()).unwrap_or("");
    match e.action.as_str() {
        "project.create" => crate::tr(lang, "課題を登録", "Project added").into(),
        "project.import" => pick(
            format!("一覧の取り込みで登録 ({})", s("file")),
            format!("Added by importing {}", s("file")),
        ),
        "project.edit" => {
            let changes = edit_words(d, lang);
            pick(
                format!("課題を編集: {changes}"),
                format!("Project edited: {changes}"),
            )
        }
        "project.retire" => pick(
            format!("除外 (全画面・集計・書き出しから): {}", s("reason")),
            format!(
                "Retired (from every screen, count and export): {}",
                s("reason")
            ),
        ),
        "project.restore" => crate::tr(lang, "除外から復元", "Restored from retirement").into(),
        "phase.move" => {
            let (from, to) = (
                coded::<Phase>(s("from"), lang),
                coded::<Phase>(s("to"), lang),
            );
            pick(
                format!("フェーズ {from} › {to}"),
                format!("Phase {from} › {to}"),
            )
        }
        "gate.add" => {
            let decision = coded::<GateDecision>(s("decision"), lang);
            let day = e
                .subject
                .day
                .as_deref()
                .map(|d| format!(" ({d})"))
                .unwrap_or_default();
            pick(
                format!("ステージゲート {} {decision}{day}", s("gate")),
                format!("Stage gate {} {decision}{day}", s("gate")),
            )
        }
        "budget.set" => {
            let year = d.get("fiscal_year").and_then(|v| v.as_i64()).unwrap_or(0);
            let kyen = crate::text::thousands(d.get("kyen").and_then(|v| v.as_i64()).unwrap_or(0));
            pick(
                format!("配分額 {year}年度 {kyen}千円"),
                format!("Budget FY{year}: {kyen} thousand yen"),
            )
        }
        "flag.add" => {
            let status = coded::<FlagStatus>(s("status"), lang);
            pick(
                format!("フラグ {status}{}", program(e, lang)),
                format!("Flag {status}{}", program(e, lang)),
            )
        }
        "flag.move" => {
            let (from, to) = (
                coded::<FlagStatus>(s("from"), lang),
                coded::<FlagStatus>(s("to"), lang),
            );
            pick(
                format!("フラグ {from} › {to}{}", program(e, lang)),
                format!("Flag {from} › {to}{}", program(e, lang)),
            )
        }
        "flag.criteria" => pick(
            format!("フラグの評価基準を更新{}", program(e, lang)),
            format!("Flag criteria revised{}", program(e, lang)),
        ),
        "note.add" => {
            let kind = coded::<NoteKind>(s("kind"), lang);
            let kind = if s("kind").is_empty() {
                String::new()
            } else {
                format!(" ({kind})")
            };
            note(e, lang, &format!("メモ{kind}"), &format!("Note{kind}"))
        }
        "note.edit" => note(e, lang, "メモを編集", "Note edited"),
        "note.delete" => note(e, lang, "メモを削除", "Note deleted"),
        "note.restore" => note(e, lang, "メモを復元", "Note restored"),
        "followup.done" => note(e, lang, "フォローアップ完了", "Follow-up done"),
        "followup.reopen" => note(
            e,
            lang,
            "フォローアップを未完了に戻す",
            "Follow-up reopened",
        ),
        "deadline.add" => deadline(e, lang, "期限を登録", "Deadline added"),
        "deadline.done" => deadline(e, lang, "期限を完了", "Deadline done"),
        "deadline.reopen" => deadline(e, lang, "期限を未完了に戻す", "Deadline reopened"),
        "attachment.add" => attachment(e, lang, "ファイルのリンクを追加", "File linked"),
        "attachment.remove" => attachment(e, lang, "ファイルのリンクを削除", "File link removed"),
        "watch.add" => crate::tr(lang, "ウォッチリストに追加", "Added to the watch list").into(),
        "watch.remove" => crate::tr(
            lang,
            "ウォッチリストから外す",
            "Removed from the watch list",
        )
        .into(),
        action if action.starts_with("outcome.") => {
            outcome_words(action, d, lang).unwrap_or_else(|| other(e, lang))
        }
        action => assignment_words(action, d, lang).unwrap_or_else(|| other(e, lang)),
    }
}

/// A code's name in `lang`, or the code itself when it is not known.
fn coded<T: Coded>(code: &str, lang: Lang) -> String {
    match T::parse(code) {
        Some(v) if lang == Lang::Ja => v.name_ja().into(),
        Some(v) => v.name_en().into(),
        None if code.is_empty() => "?".into(),
        None => code.into(),
    }
}

/// ` › 後継事業名` / ` › successor program` for a flag, when its program is known.
fn program(e: &HistoryEntry, lang: Lang) -> String {
    match (&e.subject.program, lang) {
        (Some((ja, _)), Lang::Ja) => format!(" › {ja}"),
        (Some((ja, en)), Lang::En) => format!(" › {}", if en.is_empty() { ja } else { en }),
        (None, _) => String::new(),
    }
}

/// `メモ: <first line>`.
fn note(e: &HistoryEntry, lang: Lang, ja: &str, en: &str) -> String {
    let head = if lang == Lang::Ja { ja } else { en };
    match e.subject.note.as_deref().filter(|t| !t.is_empty()) {
        Some(text) => format!("{head}: {text}"),
        None => head.to_string(),
    }
}

/// `期限を完了: 2025年度 年次報告（成果報告書） (期日 2026-05-31)` (its title) /
/// `Deadline done: Annual report (due 2026-05-31)` (its kind: titles are written in Japanese).
fn deadline(e: &HistoryEntry, lang: Lang, ja: &str, en: &str) -> String {
    let kind = e
        .subject
        .kind
        .as_deref()
        .or_else(|| e.detail.get("kind").and_then(|v| v.as_str()))
        .and_then(DeadlineKind::parse);
    let title = e.subject.title.as_deref().filter(|t| !t.trim().is_empty());
    let (head, what, due) = match lang {
        Lang::Ja => (
            ja,
            title
                .map(str::to_string)
                .or(kind.map(|k| k.name_ja().into())),
            e.subject.day.as_ref().map(|d| format!(" (期日 {d})")),
        ),
        Lang::En => (
            en,
            kind.map(|k| k.name_en().into())
                .or(title.map(str::to_string)),
            e.subject.day.as_ref().map(|d| format!(" (due {d})")),
        ),
    };
    match what {
        Some(what) => format!("{head}: {what}{}", due.unwrap_or_default()),
        None => format!("{head}{}", due.unwrap_or_default()),
    }
}

/// `ファイルのリンクを追加: 推薦書（…宛）` (its label) / `File linked: Recommendation letter` (its
/// kind).
fn attachment(e: &HistoryEntry, lang: Lang, ja: &str, en: &str) -> String {
    let kind = e
        .subject
        .kind
        .as_deref()
        .or_else(|| e.detail.get("kind").and_then(|v| v.as_str()))
        .and_then(AttachmentKind::parse);
    let label = e.subject.title.as_deref().filter(|t| !t.trim().is_empty());
    let (head, what) = match lang {
        Lang::Ja => (
            ja,
            label
                .map(str::to_string)
                .or(kind.map(|k| k.name_ja().into())),
        ),
        Lang::En => (
            en,
            kind.map(|k| k.name_en().into())
                .or(label.map(str::to_string)),
        ),
    };
    match what {
        Some(what) => format!("{head}: {what}"),
        None => head.to_string(),
    }
}

/// An action this version does not word: its name made readable, then its details.
fn other(e: &HistoryEntry, lang: Lang) -> String {
    let name: String = e
        .action
        .chars()
        .map(|c| if c == '.' || c == '_' { ' ' } else { c })
        .collect();
    let head = match lang {
        Lang::Ja => format!("その他の変更 ({name})"),
        Lang::En => format!("Other change ({name})"),
    };
    if e.summary.is_empty() {
        head
    } else {
        format!("{head}: {}", e.summary)
    }
}

/// A project edit's changed fields (`企業導出: 未導出 › 実施許諾; 研究開発課題名: 変更`), field
/// names in `lang`.
fn edit_words(d: &serde_json::Value, lang: Lang) -> String {
    let text =
        |v: &serde_json::Value, key: &str| v.get(key).and_then(|t| t.as_str()).map(str::to_string);
    let changes = d.get("changes").and_then(|c| c.as_array());
    changes
        .into_iter()
        .flatten()
        .filter_map(|c| {
            let field = ProjectField::from_key(c.get("field")?.as_str()?)?;
            let change = FieldChange {
                field,
                from: text(c, "from"),
                to: text(c, "to"),
            };
            Some(change.words_in(lang))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// An outcome's change: Japanese as the rest of seedline words it (`成果 #12 企業導出 2026-06-01 を
/// 記録`); English with the kind's English name.
fn outcome_words(action: &str, d: &serde_json::Value, lang: Lang) -> Option<String> {
    if lang == Lang::Ja {
        return crate::model::outcome::outcome_history_words(action, d, lang);
    }
    let verb = match action.strip_prefix("outcome.")? {
        "add" => "recorded",
        "import" => "imported",
        "edit" => "edited",
        "delete" => "deleted",
        "restore" => "restored",
        _ => return None,
    };
    let id = d.get("outcome_id").and_then(|v| v.as_i64())?;
    let kind = d
        .get("kind")
        .and_then(|v| v.as_str())
        .and_then(OutcomeKind::parse)
        .map(|k| format!(" {}", k.name_en()))
        .unwrap_or_default();
    let date = d
        .get("date")
        .and_then(|v| v.as_str())
        .map(|v| format!(" {v}"))
        .unwrap_or_default();
    let mut out = format!("Outcome #{id}{kind}{date} {verb}");
    if let Some(changed) = d.get("changed").and_then(|v| v.as_array())
        && !changed.is_empty()
    {
        let names: Vec<&str> = changed.iter().filter_map(|v| v.as_str()).collect();
        out.push_str(&format!("; changed {}", names.join(", ")));
    }
    if let Some(v) = d.get("version").and_then(|v| v.as_i64()) {
        out.push_str(&format!(" (version {v})"));
    }
    Some(out)
}

/// `PO 山田 花子 を担当に追加 (2026-04-01〜)` / `Assigned PO 山田 花子 from 2026-04-01`.
fn assignment_words(action: &str, d: &serde_json::Value, lang: Lang) -> Option<String> {
    let s = |k: &str| d.get(k).and_then(|v| v.as_str());
    let who = format!("{} {}", s("role")?, s("name")?);
    let from = s("from").unwrap_or("?");
    let to = s("to").unwrap_or("?");
    let retired = s("why") == Some("officer.retire");
    Some(match (action, lang) {
        ("assign.add", Lang::Ja) => format!("{who} を担当に追加 ({from}〜)"),
        ("assign.add", Lang::En) => format!("Assigned {who} from {from}"),
        ("assign.edit", Lang::Ja) => format!("{who} の担当開始日を {from} に変更"),
        ("assign.edit", Lang::En) => format!("{who}: assignment start set to {from}"),
        ("assign.remove", Lang::Ja) => format!(
            "{who} の担当を終了 ({from}〜{to}){}",
            if retired { "、退任" } else { "" }
        ),
        ("assign.remove", Lang::En) => format!(
            "Unassigned {who} (from {from} to {to}){}",
            if retired { ", retired" } else { "" }
        ),
        ("assign.past", Lang::Ja) => format!("{who} の担当履歴を記録 ({from}〜{to})"),
        ("assign.past", Lang::En) => format!("Recorded past assignment of {who} ({from} to {to})"),
        ("assign.undo", Lang::Ja) => format!("{who} の担当追加を取り消し"),
        ("assign.undo", Lang::En) => format!("Took back the assignment of {who}"),
        ("unassign.undo", Lang::Ja) => format!("{who} の担当終了を取り消し ({from}〜)"),
        ("unassign.undo", Lang::En) => {
            format!("Took back the end of {who}'s assignment (from {from})")
        }
        _ => return None,
    })
}
