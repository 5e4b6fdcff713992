//! 系譜 (lineage) on the command line and in CSV: what `seedline lineage` prints, and the
//! problems of a lineage file, in both languages. The refusals of a single link (self, retired,
//! repeat, cycle) are in `invalid.rs`.

use super::Msg;
use crate::model::{Coded, LineageKind};

/// Why a link got the kind it has when `--kind` was not given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindSource {
    /// `--kind` given.
    Given,
    /// An accepted highway flag of the predecessor to the successor's program.
    Flag,
    /// A program link (ペアリング / マッチング) between the two programs.
    ProgramLink,
    /// Neither: an ordinary open call.
    Default,
}

/// `系譜を記録しました: A › B（ペアリング）`, with where the kind came from.
pub fn linked(pred: &str, succ: &str, kind: LineageKind, source: KindSource) -> Msg {
    let (ja, en) = (kind.name_ja(), kind.name_en());
    let (why_ja, why_en) = match source {
        KindSource::Given => ("", ""),
        KindSource::Flag => (
            "。種別は受理済みのハイウェイ支援フラグから判断しました",
            "; kind taken from the accepted highway flag",
        ),
        KindSource::ProgramLink => (
            "。種別は事業間の連携から判断しました（違う場合は --kind で指定）",
            "; kind taken from the link between the programs (give --kind if it differs)",
        ),
        KindSource::Default => (
            "。事業間の連携がないため公募としました（違う場合は --kind で指定）",
            "; no link between the programs, so open call (give --kind if it differs)",
        ),
    };
    Msg::new(
        format!("系譜を記録しました: {pred} › {succ}（{ja}）{why_ja}"),
        format!("linked {pred} > {succ} ({en}){why_en}"),
    )
}

pub fn unlinked(pred: &str, succ: &str) -> Msg {
    Msg::new(
        format!("系譜を削除しました: {pred} › {succ}"),
        format!("unlinked {pred} > {succ}"),
    )
}

/// `seedline lineage unlink` on two projects with no link between them.
pub fn no_link(pred: &str, succ: &str) -> Msg {
    Msg::new(
        format!(
            "{pred} から {succ} への系譜はありません（seedline lineage list {pred} で確認できます）"
        ),
        format!("{pred} is not linked to {succ} (see seedline lineage list {pred})"),
    )
}

/// `seedline lineage list` with nothing to list.
pub fn no_links() -> Msg {
    Msg::new(
        "系譜はまだ記録されていません",
        "no lineage links recorded yet",
    )
}

// --- problems of a lineage file ----------------------------------------------------------------

/// The same two projects on two lines of the file.
pub fn duplicate_row(pred: &str, succ: &str, first: u64, line: u64) -> Msg {
    Msg::new(
        format!("系譜 {pred} › {succ} が重複しています: {first} 行目と {line} 行目"),
        format!("duplicate link {pred} > {succ}: lines {first} and {line} both have it"),
    )
}

/// A row whose link, with the database and the lines before it, would close a cycle.
pub fn cycle_in_file(pred: &str, succ: &str) -> Msg {
    Msg::new(
        format!(
            "{succ} はデータベースまたはこのファイルの前の行で既に {pred} の前身です: この系譜は循環になります"
        ),
        format!(
            "{succ} already comes before {pred} (in the database or an earlier line): this link would make a cycle"
        ),
    )
}

/// An empty 課題管理番号 cell.
pub fn id_required() -> Msg {
    Msg::new(
        "空です。課題管理番号を書いてください",
        "empty; expected a 課題管理番号",
    )
}

/// The words of one kind for `--kind` help and problems: the codes accepted.
pub fn kinds() -> String {
    LineageKind::ALL
        .iter()
        .map(|k| k.code().replace('_', "-"))
        .collect::<Vec<_>>()
        .join(", ")
}

// --- the words of a chain ------------------------------------------------------------------------

/// The gap (切れ目) from a predecessor's end to its successor's start: `0日 (切れ目なし)`,
/// `-10日 (期間が重なる)`, `91日`; `-` while the predecessor has no end date.
pub fn gap(days: Option<i64>) -> Msg {
    match days {
        None => Msg::new("- (終了日なし)", "- (no end date)"),
        Some(0) => Msg::new("0日 (切れ目なし)", "0 days (seamless)"),
        Some(n) if n < 0 => Msg::new(
            format!("{n}日 (期間が重なる・切れ目なし)"),
            format!("{n} days (overlapping, seamless)"),
        ),
        Some(1) => Msg::new("1日", "1 day"),
        Some(n) => Msg::new(format!("{n}日"), format!("{n} days")),
    }
}

/// For a highway link: days from the flag to its decision.
pub fn decision(days: Option<i64>) -> Msg {
    match days {
        Some(n) => Msg::new(
            format!("フラグから決定まで {n}日"),
            format!("flag to decision {n} days"),
        ),
        None => Msg::new("フラグは未決定", "flag not decided yet"),
    }
}

/// The heading of `show lineage`: the project, and how many come before and after it.
pub fn chain_heading(id: &str, before: usize, after: usize) -> Msg {
    Msg::new(
        format!("系譜 {id}: 前身 {before} 件 › この課題 › 後継 {after} 件"),
        format!("lineage of {id}: {before} before > this project > {after} after"),
    )
}

/// A project with neither predecessor nor successor.
pub fn alone(id: &str) -> Msg {
    Msg::new(
        format!(
            "{id} には前身も後継も記録されていません（seedline lineage link 前身 後継 で記録できます）"
        ),
        format!(
            "{id} has no recorded predecessor or successor (record one with seedline lineage link PRED SUCC)"
        ),
    )
}
