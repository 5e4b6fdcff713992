//! What a performed save did, as typed figures ([`Done`]) or why it failed ([`Failure`]), and the
//! words the officer reads for each, in both languages. The runtime reports; the app words.

use super::save::Undo;
use crate::model::{Coded, Date, DeadlineKind, FlagStatus, GateDecision, Phase};
use crate::{Lang, tr};

/// What a save wrote, with the figures its message names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    NoteSaved,
    /// A note's text replaced (the earlier text stays in the history).
    NoteUpdated,
    /// `count` projects flagged for highway support; `skipped` already had an open flag.
    Flagged {
        count: usize,
        skipped: usize,
    },
    CriteriaUpdated,
    FlagMoved {
        from: FlagStatus,
        to: FlagStatus,
    },
    PhaseMoved {
        from: Phase,
        to: Phase,
    },
    GateRecorded {
        gate: String,
        decision: GateDecision,
    },
    DeadlineAdded {
        kind: DeadlineKind,
        due_on: Date,
    },
    LinkAdded,
    /// An outcome recorded (`u` deletes it again).
    OutcomeRecorded {
        kind: crate::model::OutcomeKind,
        on: Date,
    },
    /// `rows` rows written to the file at `path` (as the officer typed it).
    Exported {
        rows: u64,
        path: String,
    },
    /// A project list imported (or only checked, `dry_run`).
    Imported {
        dry_run: bool,
        inserted: u64,
        updated: u64,
        unchanged: u64,
    },
    NoteDeleted,
    FollowUpDone,
    DeadlineDone,
    /// The watch of `projects` projects set; `watched` of them are watched now.
    Watched {
        projects: usize,
        watched: i64,
    },
    /// An officer (`PO 山田 花子`) assigned to `projects` projects; `already` had them.
    Assigned {
        officer: String,
        projects: usize,
        already: usize,
    },
    /// An officer's assignments to `projects` projects ended (kept in the history).
    Unassigned {
        officer: String,
        projects: usize,
    },
    /// A project's fields changed (worded `企業導出: 未導出 › 実施許諾` in the officer's language).
    ProjectSaved {
        changes: Vec<crate::model::FieldChange>,
    },
    /// An edit that left every value as it was: nothing written.
    ProjectUnchanged,
    /// A project added.
    ProjectAdded {
        amed_id: String,
    },
    /// The successor created from its predecessor, with `officers` PS / PO carried over and
    /// the highway link.
    SuccessorCreated {
        amed_id: String,
        officers: usize,
    },
    /// An existing project recorded as the successor.
    SuccessorLinked {
        amed_id: String,
    },
    /// A project retired (hidden from every view).
    ProjectRetired {
        amed_id: String,
    },
    /// This triage action was taken back.
    Undone(Undo),
    /// A stage-gate decision corrected, as it reads now.
    GateCorrected {
        gate: String,
        decision: GateDecision,
        on: Date,
    },
    /// A stage-gate decision deleted; `reopened`: the scheduled gate it settled is open again.
    GateDeleted {
        gate: String,
        reopened: bool,
    },
}

/// Why a save wrote nothing (a conflict and a busy database are their own outcomes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// A store or file error, in both languages (`crate::Error` is not `Clone`).
    Error(crate::msg::Msg),
    /// An export that wrote nothing: the path asked for, and why.
    ExportRefused {
        path: String,
        why: super::ExportProblem,
    },
    /// An import file refused: how many problems, and the first one's line.
    ImportRefused {
        path: String,
        problems: u64,
        first: crate::msg::Msg,
    },
}

impl Done {
    /// The notice that tells the officer what happened.
    pub fn message(&self, lang: Lang) -> String {
        let t = |ja: &'static str, en: &'static str| tr(lang, ja, en);
        match self {
            Done::NoteSaved => t("記録を保存しました", "note saved").into(),
            Done::NoteUpdated => t(
                "記録を更新しました（以前の版は履歴に保存）",
                "note updated (the earlier text is kept)",
            )
            .into(),
            Done::Flagged { count, skipped } => {
                let mut message = format!(
                    "{count} {}",
                    t(
                        "件にハイウェイ支援フラグを立てました",
                        "project(s) flagged for highway support"
                    )
                );
                if *skipped > 0 {
                    message.push_str(&format!(
                        " ({skipped} {})",
                        t("件は既に未決フラグあり", "already had an open flag")
                    ));
                }
                message
            }
            Done::CriteriaUpdated => {
                t("導出基準の評価を更新しました", "licensing criteria updated").into()
            }
            Done::FlagMoved { from, to } => format!("{} › {}", from.label(lang), to.label(lang)),
            Done::PhaseMoved { from, to } => format!("{} › {}", from.label(lang), to.label(lang)),
            Done::GateRecorded { gate, decision } => format!(
                "{gate} {} {}",
                decision.label(lang),
                t(
                    "を記録しました（u で取り消し、C で訂正）",
                    "recorded (u undoes, C corrects)"
                )
            ),
            Done::GateCorrected { gate, decision, on } => format!(
                "{} {gate} {} {on} ({})",
                t("ステージゲート判定を訂正しました:", "stage gate corrected:"),
                decision.label(lang),
                t("u で取り消し", "u undoes")
            ),
            Done::GateDeleted { gate, reopened } => {
                let mut message = format!(
                    "{gate} {}",
                    t(
                        "の判定を削除しました（u で取り消し）",
                        "decision deleted (u undoes)"
                    )
                );
                if *reopened {
                    message.push_str(t(
                        " 予定のステージゲートを未了に戻しました",
                        "; its scheduled stage gate is open again",
                    ));
                }
                message
            }
            Done::DeadlineAdded { kind, due_on } => format!(
                "{} {due_on} {}",
                kind.label(lang),
                t("を追加しました", "added")
            ),
            Done::LinkAdded => t("添付リンクを追加しました", "link added").into(),
            Done::OutcomeRecorded { kind, on } => format!(
                "{} {on} {}",
                kind.label(lang),
                t(
                    "を成果として記録しました（u で取り消し）",
                    "recorded as an outcome (u undoes)"
                )
            ),
            Done::Exported { rows, path } => format!(
                "{rows} {} {path}",
                t("件を書き出しました:", "rows written to")
            ),
            Done::Imported {
                dry_run,
                inserted,
                updated,
                unchanged,
            } => format!(
                "{}{} {inserted} / {} {updated} / {} {unchanged}",
                if *dry_run {
                    t("確認のみ: ", "dry run: ")
                } else {
                    ""
                },
                t("新規", "inserted"),
                t("更新", "updated"),
                t("変更なし", "unchanged"),
            ),
            Done::NoteDeleted => t(
                "記録を削除しました（u で取り消し）",
                "note deleted (u undoes)",
            )
            .into(),
            Done::FollowUpDone => t("フォローアップを完了にしました", "follow-up done").into(),
            Done::DeadlineDone => t("期限を完了にしました", "deadline done").into(),
            Done::Watched { projects, watched } => match (projects, watched) {
                (1, 1) => t("ウォッチリストに追加しました", "added to my watch list").into(),
                (1, _) => t("ウォッチリストから外しました", "removed from my watch list").into(),
                (n, w) => format!(
                    "{n} {} ({w} {})",
                    t("件のウォッチを更新", "projects updated"),
                    t("件ウォッチ中", "watched")
                ),
            },
            Done::Assigned {
                officer,
                projects,
                already,
            } => {
                let mut message = match lang {
                    Lang::Ja => format!("{officer} を {projects} 件の担当に追加しました"),
                    Lang::En => format!("{officer} assigned to {projects} project(s)"),
                };
                if *already > 0 {
                    message.push_str(&format!(
                        " ({already} {})",
                        t("件は担当済み", "already assigned")
                    ));
                }
                message.push_str(t("（u で取り消し）", " (u undoes)"));
                message
            }
            Done::Unassigned { officer, projects } => match lang {
                Lang::Ja => {
                    format!(
                        "{officer} の担当を {projects} 件終了しました（履歴に保存、u で取り消し）"
                    )
                }
                Lang::En => format!(
                    "{officer} unassigned from {projects} project(s) (kept in the history; u undoes)"
                ),
            },
            Done::ProjectSaved { changes } => format!(
                "{} {} ({})",
                t("課題を更新しました:", "project saved:"),
                changes
                    .iter()
                    .map(|c| c.words_in(lang))
                    .collect::<Vec<_>>()
                    .join("; "),
                t("u で取り消し", "u undoes")
            ),
            Done::ProjectUnchanged => t(
                "変更はありません（何も書き込んでいません）",
                "nothing changed (nothing written)",
            )
            .into(),
            Done::ProjectAdded { amed_id } => format!(
                "{amed_id} {}",
                t("を追加しました（u で取り消し）", "added (u undoes)")
            ),
            Done::SuccessorCreated { amed_id, officers } => match lang {
                Lang::Ja => format!(
                    "後継課題 {amed_id} を作成し、系譜（ハイウェイ支援）に記録しました（PS/PO {officers} 名を引き継ぎ、u で取り消し）"
                ),
                Lang::En => format!(
                    "successor {amed_id} created and linked (highway), {officers} PS/PO carried over (u undoes)"
                ),
            },
            Done::SuccessorLinked { amed_id } => format!(
                "{amed_id} {}",
                t(
                    "を後継課題として系譜に記録しました（u で取り消し）",
                    "recorded as the successor (u undoes)"
                )
            ),
            Done::ProjectRetired { amed_id } => format!(
                "{amed_id} {}",
                t(
                    "を除外しました（全画面・集計・書き出しから除外、記録は保持。u で取り消し）",
                    "retired: hidden from every view, count and export, notes kept (u undoes)"
                )
            ),
            Done::Undone(_) => t(
                "取り消しました（履歴に記録）",
                "undone (recorded in the history)",
            )
            .into(),
        }
    }
}

impl Failure {
    /// The status line that says what went wrong.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Failure::Error(text) => text.get(lang).to_string(),
            Failure::ExportRefused { path, why } => why.message(lang, path),
            Failure::ImportRefused {
                path,
                problems,
                first,
            } => crate::msg::csv::import_refused(path, *problems, first)
                .get(lang)
                .to_string(),
        }
    }
}

impl crate::opener::Opened {
    /// What the officer reads about a link they opened.
    pub fn message(&self, lang: Lang) -> String {
        use crate::opener::Opened as O;
        match self {
            O::Opened(target) => format!("{} {target}", tr(lang, "開きました:", "opened:")),
            O::Failed { target, error } => {
                format!(
                    "{} {error}; {target}",
                    tr(lang, "開けません:", "cannot open:")
                )
            }
            O::Refused(target) => format!(
                "{} {target}",
                tr(
                    lang,
                    "この形式のリンクは開きません:",
                    "not opening this kind of link:"
                )
            ),
            O::NotFound(target) => format!(
                "{} {target}",
                tr(lang, "ファイルが見つかりません:", "file not found:")
            ),
            O::At(target) => format!("{} {target}", tr(lang, "場所:", "at:")),
        }
    }
}
