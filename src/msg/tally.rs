//! What `seedline doctor` says about the dashboard's kept counts (`store::tally`) and what
//! `seedline doctor --rebuild-counts` prints.

use super::Msg;

/// The kept counts differ from a recount in `cells` cells.
pub fn counts_drift(cells: i64) -> Msg {
    Msg::new(
        format!(
            "ダッシュボードの集計が数え直しと {cells} か所で異なります（seedline doctor --rebuild-counts で作り直せます）"
        ),
        format!(
            "the dashboard's kept counts differ from a recount in {cells} cells (seedline doctor --rebuild-counts rebuilds them)"
        ),
    )
}

/// One cell that differs: whose, which row (`dim`, `key`), phase, figure, day, kept and counted.
pub fn drift_cell(d: &crate::store::TallyDrift) -> Msg {
    let (dim_ja, dim_en) = match d.dim.as_str() {
        "ip" => ("統合プロジェクト", "integrated project"),
        "area" => ("疾患領域", "disease area"),
        _ => ("上位の疾患領域", "parent disease area"),
    };
    let (fig_ja, fig_en) = match d.figure.as_str() {
        "projects" => ("課題数", "projects"),
        "flagged" => ("未決のフラグ", "open flags"),
        "due_projects" => (
            "期限の来たフォローアップのある課題",
            "projects with a follow-up due",
        ),
        "due_notes" => ("期限の来たフォローアップ", "follow-ups due"),
        "licensed" => ("企業導出", "licensed"),
        "approvals" => ("薬事承認", "approvals"),
        _ => ("配分額（千円）", "budget (kyen)"),
    };
    let (who_ja, who_en) = if d.officer_id == 0 {
        ("全員".to_string(), "everyone".to_string())
    } else {
        (
            format!("担当者 #{}", d.officer_id),
            format!("officer #{}", d.officer_id),
        )
    };
    let (day, kept, counted, key, phase) = (&d.day, d.kept, d.counted, d.key, d.phase);
    let (day_ja, day_en) = if day.is_empty() {
        (String::new(), String::new())
    } else {
        (format!("、{day}"), format!(", {day}"))
    };
    Msg::new(
        format!(
            "集計 {who_ja}、{dim_ja} #{key}、フェーズ {phase}、{fig_ja}{day_ja}: 保持 {kept}、数え直し {counted}"
        ),
        format!(
            "count {who_en}, {dim_en} #{key}, phase {phase}, {fig_en}{day_en}: kept {kept}, counted {counted}"
        ),
    )
}

/// The due follow-ups summed by year, month and day (`tally_span`) differ from the kept counts
/// in `rows` rows.
pub fn spans_drift(rows: i64) -> Msg {
    Msg::new(
        format!(
            "期限の来たフォローアップの年・月・日ごとの合計が集計と {rows} 行で異なります（seedline doctor --rebuild-counts で作り直せます）"
        ),
        format!(
            "the due follow-ups summed by year, month and day differ from the kept counts in {rows} rows (seedline doctor --rebuild-counts rebuilds them)"
        ),
    )
}

/// A bulk write's pause of the kept counts was left behind.
pub fn counts_paused() -> Msg {
    Msg::new(
        "一括書き込みによる集計の保留が残っています（seedline doctor --rebuild-counts で作り直せます）",
        "a bulk write left the kept counts paused (seedline doctor --rebuild-counts rebuilds them)",
    )
}

/// The kept counts were rebuilt: `cells` cells.
pub fn counts_rebuilt(cells: i64) -> Msg {
    Msg::new(
        format!("ダッシュボードの集計を数え直しました（{cells} か所）"),
        format!("rebuilt the dashboard's kept counts ({cells} cells)"),
    )
}
