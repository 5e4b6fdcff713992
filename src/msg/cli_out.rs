//! What `seedline …` prints on stdout when a command succeeds (and the demo's progress on
//! stderr), in both languages. Ids, names, paths and commands in backquotes are spliced in as
//! they are; machine-readable output (CSV, tab-separated lists) is not worded here.

use super::Msg;
use std::fmt::Display;

// ---- import and export ----

/// The summary of an import: `counts` already worded ([`counted`]).
pub fn imported(dry_run: bool, file: &str, rows: u64, counts: &Msg) -> Msg {
    if dry_run {
        Msg::new(
            format!(
                "確認のみ: {file}: {rows} 行を取り込めます: {}。何も書き込んでいません",
                counts.get(crate::Lang::Ja)
            ),
            format!(
                "dry run: would import {file}: {rows} rows: {}; nothing written",
                counts.get(crate::Lang::En)
            ),
        )
    } else {
        Msg::new(
            format!(
                "取り込みました {file}: {rows} 行: {}",
                counts.get(crate::Lang::Ja)
            ),
            format!(
                "imported {file}: {rows} rows: {}",
                counts.get(crate::Lang::En)
            ),
        )
    }
}

/// What an import counts, each kind of row with its number.
#[derive(Debug, Clone, Copy)]
pub enum Counted {
    Inserted,
    Added,
    Updated,
    Replaced,
    Unchanged,
    AlreadyRecorded,
    CurrentAdded,
    StartChanged,
    PastRecorded,
    OfficersAdded,
    /// Lineage links whose kind an import changed.
    KindChanged,
}

impl Counted {
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Counted::Inserted => ("新規", "inserted"),
            Counted::Added => ("追加", "added"),
            Counted::Updated => ("更新", "updated"),
            Counted::Replaced => ("置換", "replaced"),
            Counted::Unchanged => ("変更なし", "unchanged"),
            Counted::AlreadyRecorded => ("記録済みで変更なし", "unchanged (already recorded)"),
            Counted::CurrentAdded => ("現担当の追加", "current added"),
            Counted::StartChanged => ("開始日の変更", "start dates changed"),
            Counted::PastRecorded => ("過去の担当の記録", "past recorded"),
            Counted::OfficersAdded => ("担当者の追加", "officers added"),
            Counted::KindChanged => ("種別の変更", "kind changed"),
        }
    }
}

/// `新規 3、更新 1` / `3 inserted, 1 updated`.
pub fn counted(items: &[(Counted, u64)]) -> Msg {
    let ja: Vec<String> = items
        .iter()
        .map(|(c, n)| format!("{} {n}", c.words().0))
        .collect();
    let en: Vec<String> = items
        .iter()
        .map(|(c, n)| format!("{n} {}", c.words().1))
        .collect();
    Msg::new(ja.join("、"), en.join(", "))
}

pub fn rows_written(rows: u64, file: &str) -> Msg {
    Msg::new(
        format!("{rows} 行を書き出しました: {file}"),
        format!("{rows} rows written to {file}"),
    )
}

pub fn backup_written(file: impl Display, bytes: &str) -> Msg {
    Msg::new(
        format!("バックアップを書き出しました: {file}（{bytes} バイト、モード 0600）"),
        format!("backup written to {file} ({bytes} bytes, mode 0600)"),
    )
}

// ---- notes, flags, phases, gates, outcomes, deadlines ----

pub fn note_added(note: i64, id: &str) -> Msg {
    Msg::new(
        format!("記録 #{note} を {id} に追加しました"),
        format!("note {note} added to {id}"),
    )
}

pub fn saved_version(what: Thing, n: i64, version: i64) -> Msg {
    let (ja, en) = what.words();
    Msg::new(
        format!("{ja} #{n} を保存しました（版 {version}）"),
        format!("{en} {n} saved (version {version})"),
    )
}

/// A record deleted softly, with the command that brings it back.
pub fn deleted(what: Thing, n: i64) -> Msg {
    let (ja, en) = what.words();
    let command = what.command();
    Msg::new(
        format!("{ja} #{n} を削除しました（`seedline {command} restore {n}` で戻せます）"),
        format!("{en} {n} deleted (`seedline {command} restore {n}` brings it back)"),
    )
}

pub fn restored(what: Thing, n: i64) -> Msg {
    let (ja, en) = what.words();
    Msg::new(
        format!("{ja} #{n} を元に戻しました"),
        format!("{en} {n} restored"),
    )
}

/// The records the command line saves, deletes and restores by number.
#[derive(Debug, Clone, Copy)]
pub enum Thing {
    Note,
    Gate,
    Outcome,
}

impl Thing {
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Thing::Note => ("記録", "note"),
            Thing::Gate => ("ステージゲート判定", "gate"),
            Thing::Outcome => ("成果", "outcome"),
        }
    }

    fn command(self) -> &'static str {
        match self {
            Thing::Note => "note",
            Thing::Gate => "gate",
            Thing::Outcome => "outcome",
        }
    }
}

pub fn follow_up_done(note: i64) -> Msg {
    Msg::new(
        format!("記録 #{note} のフォローアップを完了にしました"),
        format!("follow-up of note {note} done"),
    )
}

/// A new flag: project › successor program (status), names in the run's language.
pub fn flag_added(flag: i64, id: &str, program: &str, status: &str) -> Msg {
    Msg::new(
        format!("ハイウェイ支援フラグ #{flag}: {id} › {program}（{status}）"),
        format!("flag {flag}: {id} › {program} ({status})"),
    )
}

pub fn flag_moved(flag: i64, from: &str, to: &str) -> Msg {
    Msg::new(
        format!("ハイウェイ支援フラグ #{flag}: {from} › {to}"),
        format!("flag {flag}: {from} › {to}"),
    )
}

pub fn phase_moved(id: &str, to: &str) -> Msg {
    Msg::new(
        format!("{id} のフェーズを {to} に移しました"),
        format!("{id} moved to {to}"),
    )
}

pub fn gate_recorded(gate_id: i64, id: &str, gate: &str, decision: &str) -> Msg {
    Msg::new(
        format!("ステージゲート判定 #{gate_id} を記録しました: {id} {gate} {decision}"),
        format!("gate {gate_id} recorded: {id} {gate} {decision}"),
    )
}

pub fn after_go(id: &str) -> Msg {
    Msg::new(
        format!("（Go の後はフェーズを移せます: `seedline phase {id} --to PHASE`）"),
        format!("(a Go may be followed by `seedline phase {id} --to PHASE`)"),
    )
}

pub fn no_gates(id: &str) -> Msg {
    Msg::new(
        format!("{id} にステージゲート判定の記録はありません"),
        format!("no stage-gate decision recorded for {id}"),
    )
}

pub fn gate_corrected(gate_id: i64, version: i64, rest: &str) -> Msg {
    Msg::new(
        format!("ステージゲート判定 #{gate_id} を訂正しました（版 {version}）: {rest}"),
        format!("gate {gate_id} corrected (version {version}): {rest}"),
    )
}

pub fn gate_deadline_reopened(deadline: impl Display) -> Msg {
    Msg::new(
        format!("この判定で済んでいた予定のステージゲート（期限 {deadline}）が未了に戻りました"),
        format!("the scheduled stage gate it settled (deadline {deadline}) is open again"),
    )
}

pub fn outcome_added(n: i64, kind: &str, on: impl Display, id: &str) -> Msg {
    Msg::new(
        format!("成果 #{n}（{kind} {on}）を {id} に追加しました"),
        format!("outcome {n} ({kind} {on}) added to {id}"),
    )
}

pub fn no_outcomes(id: &str) -> Msg {
    Msg::new(
        format!("{id} に成果の記録はありません（`seedline outcome add {id} --kind … --date …`）"),
        format!("no outcomes recorded for {id} (`seedline outcome add {id} --kind … --date …`)"),
    )
}

pub fn deadline_added(n: i64, id: &str) -> Msg {
    Msg::new(
        format!("期限 #{n} を {id} に追加しました"),
        format!("deadline #{n} added to {id}"),
    )
}

pub fn deadline_done(n: i64, on: impl Display) -> Msg {
    Msg::new(
        format!("期限 #{n} を {on} に完了にしました"),
        format!("deadline #{n} done on {on}"),
    )
}

pub fn deadline_reopened(n: i64) -> Msg {
    Msg::new(
        format!("期限 #{n} を未了に戻しました"),
        format!("deadline #{n} reopened"),
    )
}

// ---- programs ----

pub fn program_added(code: &str, name: &str) -> Msg {
    Msg::new(
        format!("事業 {code} を追加しました: {name}"),
        format!("program {code} added: {name}"),
    )
}

pub fn program_saved(code: &str, version: i64, changed: bool) -> Msg {
    if changed {
        Msg::new(
            format!("事業 {code} を保存しました（版 {version}）"),
            format!("program {code} saved (version {version})"),
        )
    } else {
        Msg::new(
            format!("事業 {code}: 変更はありません（版 {version}）"),
            format!("program {code}: nothing changed (version {version})"),
        )
    }
}

pub fn program_retired(code: &str, day: impl Display) -> Msg {
    Msg::new(
        format!(
            "事業 {code} を {day} で終了にしました。課題はそのままです（`seedline program restore {code}` で戻せます）"
        ),
        format!(
            "program {code} retired on {day}: its projects stay (`seedline program restore {code}` brings it back)"
        ),
    )
}

pub fn program_restored(code: &str) -> Msg {
    Msg::new(
        format!("事業 {code} を元に戻しました"),
        format!("program {code} restored"),
    )
}

// ---- the demo ----

/// One line of the demo's progress: the stage and how far it is.
pub fn demo_progress(stage: &str, done: usize, total: usize) -> Msg {
    let ja = match stage {
        "projects" => "課題",
        "flags" => "ハイウェイ支援フラグ",
        "notes" => "記録",
        _ => "準備",
    };
    let en = match stage {
        "projects" | "flags" | "notes" => stage,
        _ => "preparing",
    };
    Msg::new(
        format!("{ja}: {done}/{total}"),
        format!("{en}: {done}/{total}"),
    )
}

// ---- doctor ----

/// A row of `PRAGMA foreign_key_check`: the table and row pointing at a missing parent.
pub fn orphan_row(table: &str, row: i64, parent: &str) -> Msg {
    Msg::new(
        format!("{table} の行 {row} が存在しない {parent} を参照しています"),
        format!("{table} row {row} points at a missing {parent}"),
    )
}

/// A search table that does not hold every row (`what`: which one).
pub fn index_out_of_step(what: IndexKind, indexed: i64, rows: i64) -> Msg {
    let (ja, en, unit_ja, unit_en) = match what {
        IndexKind::Projects => ("検索索引", "search index", "課題", "projects"),
        IndexKind::ShortWords => ("短語表", "short-word table", "課題", "projects"),
        IndexKind::Notes => ("記録の検索索引", "note search index", "記録", "notes"),
    };
    Msg::new(
        format!("{ja}に {unit_ja} {indexed} 件、データベースに {rows} 件"),
        format!("{en} holds {indexed} {unit_en}, the database {rows}"),
    )
}

/// A portfolio tally (budget pivot or funnel, kept by triggers) that differs from a recount.
pub fn tally_out_of_step(table: &str, rows: i64) -> Msg {
    Msg::new(
        format!("集計表 {table} の {rows} 行が再集計と一致しません"),
        format!("tally {table}: {rows} rows differ from a recount"),
    )
}

/// The search tables `seedline doctor` counts.
#[derive(Debug, Clone, Copy)]
pub enum IndexKind {
    Projects,
    ShortWords,
    Notes,
}

pub fn open_flags_twice(n: i64) -> Msg {
    Msg::new(
        format!("未決のハイウェイ支援フラグを2つ以上持つ課題が {n} 件あります"),
        format!("{n} projects carry more than one open highway flag"),
    )
}

/// A `-wal` / `-shm` file whose mode makes writes fail (`writable`: false) or differs from the
/// database's; with its fix.
pub fn side_file_mode(side: impl Display, mode: u32, want: u32, writable: bool) -> Msg {
    if writable {
        Msg::new(
            format!(
                "{side}: モード {mode:o} がデータベースと違います（{want:o} のはず）。`chmod {want:o} {side}` で直してください"
            ),
            format!(
                "{side}: mode {mode:o} does not match the database's (expected {want:o}); fix it with `chmod {want:o} {side}`"
            ),
        )
    } else {
        Msg::new(
            format!(
                "{side}: モード {mode:o} では所有者も書き込めず、書き込みはすべて `attempt to write a readonly database` で失敗します。`chmod {want:o} {side}` で直してください"
            ),
            format!(
                "{side}: mode {mode:o} is not writable by its owner, so every write fails with \"attempt to write a readonly database\"; fix it with `chmod {want:o} {side}`"
            ),
        )
    }
}

/// The label before each problem `seedline doctor` found.
pub fn problem(detail: &str) -> Msg {
    Msg::new(format!("問題: {detail}"), format!("problem: {detail}"))
}

// ---- projects, officers, assignments, watching, attachments, program links ----

pub fn project_added(id: &str, program: &str, ip: &str, phase: &str) -> Msg {
    Msg::new(
        format!("{id} を追加しました: {program} / {ip} / {phase}"),
        format!("{id} added: {program} / {ip} / {phase}"),
    )
}

pub fn project_retired(id: &str) -> Msg {
    Msg::new(
        format!(
            "{id} を除外しました: どの画面・件数・書き出しにも出ません。記録は残ります（`seedline project restore {id}` で戻せます）"
        ),
        format!(
            "{id} retired: hidden from every view, count and export; its notes are kept (`seedline project restore {id}` brings it back)"
        ),
    )
}

pub fn project_restored(id: &str) -> Msg {
    Msg::new(format!("{id} を元に戻しました"), format!("{id} restored"))
}

pub fn project_no_field(id: &str) -> Msg {
    Msg::new(
        format!(
            "{id}: 項目の指定がないため変更はありません（例 --licensing license、--end 2028-03-31）"
        ),
        format!(
            "{id}: no field given, nothing changed (e.g. --licensing license, --end 2028-03-31)"
        ),
    )
}

pub fn project_unchanged(id: &str, version: i64) -> Msg {
    Msg::new(
        format!("{id}: どの値も指定どおりです。変更はありません（版 {version}）"),
        format!("{id}: every value is already as given; nothing changed (version {version})"),
    )
}

pub fn project_saved(id: &str, version: i64) -> Msg {
    Msg::new(
        format!("{id} を保存しました（版 {version}）:"),
        format!("{id} saved (version {version}):"),
    )
}

pub fn officer_added(role: &str, name: &str) -> Msg {
    Msg::new(
        format!("担当者を追加しました: {role} {name}"),
        format!("added {role} {name}"),
    )
}

pub fn officer_changed(before: &str, after: &str, version: i64) -> Msg {
    Msg::new(
        format!("{before} を {after} に変更しました（版 {version}）"),
        format!("{before} is now {after} (version {version})"),
    )
}

pub fn officer_retired(who: &str, on: impl Display, ended: usize) -> Msg {
    Msg::new(
        format!(
            "{who} は {on} で退任しました。現在の担当 {ended} 件を終了しました（`seedline officer restore` で名簿に戻せます）"
        ),
        format!(
            "{who} retired on {on}; {ended} current assignment(s) ended (`seedline officer restore` brings them back on the roster)"
        ),
    )
}

pub fn officer_back(who: &str) -> Msg {
    Msg::new(
        format!("{who} を名簿に戻しました"),
        format!("{who} is back on the roster"),
    )
}

pub fn no_officers() -> Msg {
    Msg::new(
        "担当者はまだいません。`seedline officer add NAME --role PO --login ACCOUNT` で追加してください",
        "no officers yet; add one with `seedline officer add NAME --role PO --login ACCOUNT`",
    )
}

pub fn assigned(who: &str, projects: &str, from: impl Display) -> Msg {
    Msg::new(
        format!("{who} を {projects} の担当にしました（{from} から）"),
        format!("assigned {who} to {projects} from {from}"),
    )
}

pub fn already_assigned(who: &str, projects: &str) -> Msg {
    Msg::new(
        format!("{who} は既に {projects} の担当です（変更なし）"),
        format!("{who} was already assigned to {projects} (no change)"),
    )
}

pub fn unassigned(who: &str, project: &str, from: &str, to: impl Display) -> Msg {
    Msg::new(
        format!("{who} を {project} の担当から外しました（{from}〜{to}。担当の履歴には残ります）"),
        format!("unassigned {who} from {project} ({from}〜{to}; kept in the assignment history)"),
    )
}

pub fn not_assigned(who: &str, projects: &str) -> Msg {
    Msg::new(
        format!("{who} は {projects} の担当ではありません（変更なし）"),
        format!("{who} was not assigned to {projects} (no change)"),
    )
}

pub fn watching(id: &str, on: bool) -> Msg {
    if on {
        Msg::new(
            format!("{id} をウォッチに加えました"),
            format!("watching {id}"),
        )
    } else {
        Msg::new(
            format!("{id} のウォッチを外しました"),
            format!("not watching {id}"),
        )
    }
}

pub fn attachment_added(n: i64, id: &str) -> Msg {
    Msg::new(
        format!("添付 #{n} を {id} に追加しました"),
        format!("attachment #{n} added to {id}"),
    )
}

pub fn attachment_removed(n: i64) -> Msg {
    Msg::new(
        format!("添付 #{n} を外しました"),
        format!("attachment #{n} removed"),
    )
}

pub fn program_linked(from: &str, to: &str, kind: &str, added: bool) -> Msg {
    if added {
        Msg::new(
            format!("事業をつなぎました: {from} › {to}（{kind}）"),
            format!("linked {from} › {to} ({kind})"),
        )
    } else {
        Msg::new(
            format!("事業のつながりを外しました: {from} › {to}（{kind}）"),
            format!("link {from} › {to} ({kind}) removed"),
        )
    }
}

// ---- set-up ----

/// What `seedline init` found or made.
pub fn initialized(existed: bool, path: impl Display, counts: [usize; 4]) -> Msg {
    let [ips, areas, programs, links] = counts;
    let (ja, en) = if existed {
        ("確認しました", "checked")
    } else {
        ("作成しました", "created")
    };
    Msg::new(
        format!(
            "{path} を{ja}: 統合プロジェクト {ips}、疾患領域 {areas}、事業 {programs}、事業間のつながり {links}"
        ),
        format!(
            "{en} {path}: {ips} integrated projects, {areas} disease areas, {programs} programs, {links} program links"
        ),
    )
}

/// What `seedline demo` made, and how long it took.
pub fn demo_made(path: impl Display, counts: [usize; 8], seconds: f64) -> Msg {
    let [
        projects,
        notes,
        flags,
        gates,
        outcomes,
        budgets,
        deadlines,
        links,
    ] = counts;
    Msg::new(
        format!(
            "{path}: 課題 {projects}、記録 {notes}、ハイウェイ支援フラグ {flags}、ステージゲート判定 {gates}、成果 {outcomes}、配分額 {budgets} 行、期限 {deadlines}、添付 {links}（{seconds:.1} 秒）"
        ),
        format!(
            "{path}: {projects} projects, {notes} notes, {flags} highway flags, {gates} stage gates, {outcomes} outcomes, {budgets} budget rows, {deadlines} deadlines, {links} links in {seconds:.1} s"
        ),
    )
}
