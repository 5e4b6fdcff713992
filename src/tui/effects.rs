//! Performs the app's effects against the store and feeds the results back as actions.

use crate::app::{Action, App, DashboardData, Effect, Save, SaveOutcome, Undo};
use crate::model::{Author, Coded, FlagStatus, PhaseMove};
use crate::store::{MatrixOptions, Store};
use crate::{Error, Lang, tr};

/// Runs effects until none are left (an effect's answer may ask for more), the ones meant for
/// after a frame included, last: for `show`, tests and scripts, which want the whole answer.
pub fn run_all(store: &mut Store, app: &mut App, effects: Vec<Effect>) {
    let mut effects = effects;
    while !effects.is_empty() {
        effects = run_until_frame(store, app, effects);
    }
}

/// Runs effects until none are left but those meant for after the next frame, which it returns
/// (the TUI draws, then runs them).
pub fn run_until_frame(store: &mut Store, app: &mut App, effects: Vec<Effect>) -> Vec<Effect> {
    let mut later = Vec::new();
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        if let Effect::Later(effect) = effect {
            later.push(*effect);
            continue;
        }
        let action = perform(store, &app.author, app.lang, effect);
        queue.extend(app.update(action));
    }
    later
}

/// Performs one effect; a failure becomes a message in the status line, never a panic.
pub fn perform(store: &mut Store, author: &Author, lang: Lang, effect: Effect) -> Action {
    let result = match effect {
        Effect::LoadDashboard {
            pivot,
            today,
            mine,
            budget_year,
        } => (|| {
            let options = MatrixOptions {
                officers: match mine {
                    Some(me) => Some(store.me(&me)?.officer_ids),
                    None => None,
                },
                budget_year,
            };
            Ok(Action::DashboardLoaded(Box::new(DashboardData {
                matrix: store.matrix_with(pivot, today, &options)?,
                headline: store.headline(today)?,
            })))
        })(),
        Effect::LoadList {
            request,
            filter,
            sort,
            scope,
        } => store
            .project_ids(&filter, sort, &scope)
            .map(|ids| Action::ListLoaded { request, ids }),
        Effect::LoadListHead {
            request,
            filter,
            sort,
            scope,
            limit,
        } => match store.project_ids_head(&filter, sort, &scope, limit) {
            Ok(Some(ids)) => Ok(Action::ListHeadLoaded { request, ids }),
            Ok(None) => store
                .project_ids(&filter, sort, &scope)
                .map(|ids| Action::ListLoaded { request, ids }),
            Err(e) => Err(e),
        },
        // Performed by the caller after its frame (`run_until_frame`); here at once.
        Effect::Later(effect) => return perform(store, author, lang, *effect),
        Effect::LoadRows { ids, scope } => store.project_rows(&ids, &scope).map(Action::RowsLoaded),
        Effect::LoadDetail { id, me } => store.project_detail(id).and_then(|mut d| {
            d.watched = store.is_watched(id, &me)?;
            Ok(Action::DetailLoaded(Box::new(d)))
        }),
        Effect::LoadDue { mine, scope } => (|| {
            let me = if mine {
                Some(store.me(&scope.me)?)
            } else {
                None
            };
            let until = scope.today.checked_add_days(chrono::Days::new(30));
            store.due_items(until, me.as_ref()).map(Action::DueLoaded)
        })(),
        Effect::LoadBudget {
            rows_by,
            filter,
            scope,
        } => store
            .budget_pivot(rows_by, &filter, &scope, None)
            .map(|p| Action::BudgetLoaded(Box::new(p))),
        Effect::LoadFunnel {
            year,
            filter,
            scope,
        } => store
            .funnel(year, &filter, &scope)
            .map(|f| Action::FunnelLoaded(Box::new(f))),
        Effect::LoadPi { key, today } => store
            .pi_overview(&key, today)
            .map(|o| Action::PiLoaded(Box::new(o))),
        Effect::LoadLinks { project_id } => store
            .attachments(project_id)
            .map(|links| Action::LinksLoaded { project_id, links }),
        Effect::OpenLink { target } => Ok(Action::Notice(crate::opener::open(&target, lang))),
        Effect::LoadHistory { project_id } => store.history(project_id).map(Action::HistoryLoaded),
        Effect::CountProjects => store.project_count().map(Action::TotalLoaded),
        Effect::Save(save) => Ok(Action::SaveDone(save_outcome(store, author, lang, save))),
    };
    result.unwrap_or_else(|e| Action::Failed(e.to_string()))
}

/// Writes one change and says what happened, with how to undo it.
fn save_outcome(store: &mut Store, author: &Author, lang: Lang, save: Save) -> SaveOutcome {
    let retry = save.clone();
    let note_id = match &save {
        Save::EditNote { note_id, .. } => Some(*note_id),
        _ => None,
    };
    match write(store, author, lang, save) {
        Ok((message, undo)) => SaveOutcome::Saved { message, undo },
        Err(e) if e.is_busy() => SaveOutcome::Busy {
            retry: Box::new(retry),
        },
        Err(e @ Error::Conflict { .. }) => SaveOutcome::Conflict {
            message: e.to_string(),
            latest: note_id.and_then(|id| store.note_version(id).ok()),
        },
        Err(e) => SaveOutcome::Failed {
            message: e.to_string(),
        },
    }
}

fn write(
    store: &mut Store,
    author: &Author,
    lang: Lang,
    save: Save,
) -> crate::Result<(String, Vec<Undo>)> {
    let t = |ja: &'static str, en: &'static str| tr(lang, ja, en).to_string();
    Ok(match save {
        Save::Note { project_id, note } => {
            store.add_note(project_id, &note, author)?;
            (t("記録を保存しました", "note saved"), Vec::new())
        }
        Save::EditNote {
            note_id,
            version,
            body,
            ..
        } => {
            store.edit_note(note_id, version, &body, author)?;
            (
                t(
                    "記録を更新しました（以前の版は履歴に保存）",
                    "note updated (the earlier text is kept)",
                ),
                Vec::new(),
            )
        }
        Save::Flags { project_ids, flag } => {
            let mut undo = Vec::new();
            let mut skipped = 0;
            for id in &project_ids {
                match store.add_flag(*id, &flag, author) {
                    Ok(flag_id) => undo.push(Undo::FlagAdded { flag_id }),
                    Err(Error::Invalid { .. }) if project_ids.len() > 1 => skipped += 1,
                    Err(e) => return Err(e),
                }
            }
            let mut message = format!(
                "{} {}",
                undo.len(),
                t(
                    "件にハイウェイ支援フラグを立てました",
                    "project(s) flagged for highway support"
                )
            );
            if skipped > 0 {
                message.push_str(&format!(
                    " ({skipped} {})",
                    t("件は既に未決フラグあり", "already had an open flag")
                ));
            }
            (message, undo)
        }
        Save::Criteria {
            flag_id,
            version,
            criteria,
        } => {
            store.update_flag_criteria(flag_id, version, &criteria, author)?;
            (
                t("導出基準の評価を更新しました", "licensing criteria updated"),
                Vec::new(),
            )
        }
        Save::FlagMove {
            flag_id,
            version,
            from,
            to,
            why,
        } => {
            store.move_flag(flag_id, version, to, &why, author)?;
            (
                format!("{} › {}", from.label(lang), to.label(lang)),
                vec![Undo::FlagMoved { flag_id, from }],
            )
        }
        Save::Phase {
            project_id,
            version,
            from,
            change,
        } => {
            store.move_phase(project_id, version, &change, author)?;
            (
                format!("{} › {}", from.label(lang), change.to.label(lang)),
                vec![Undo::PhaseMoved { project_id, from }],
            )
        }
        Save::Gate { project_id, gate } => {
            store.add_gate(project_id, &gate, author)?;
            (
                format!("{} {}", gate.gate, gate.decision.label(lang)),
                Vec::new(),
            )
        }
        Save::Deadline {
            project_id,
            deadline,
        } => {
            store.add_deadline(project_id, &deadline, author)?;
            (
                format!(
                    "{} {} {}",
                    deadline.kind.label(lang),
                    deadline.due_on,
                    t("を追加しました", "added")
                ),
                Vec::new(),
            )
        }
        Save::Attach {
            project_id,
            attachment,
        } => {
            store.add_attachment(project_id, &attachment, author)?;
            (t("添付リンクを追加しました", "link added"), Vec::new())
        }
        Save::ExportPivot { pivot, path } => {
            let rows = export_pivot(store, lang, &pivot, &path)?;
            (
                format!(
                    "{rows} {} {path}",
                    t("件を書き出しました:", "rows written to")
                ),
                Vec::new(),
            )
        }
        Save::Export { ids, columns, path } => {
            let rows = export_csv(store, lang, &ids, &columns, &path)?;
            (
                format!(
                    "{rows} {} {path}",
                    t("件を書き出しました:", "rows written to")
                ),
                Vec::new(),
            )
        }
        Save::Import {
            path,
            upsert,
            dry_run,
        } => (import_csv(store, lang, &path, upsert, dry_run)?, Vec::new()),
        Save::DeleteNote { note_id } => {
            store.delete_note(note_id, author)?;
            (
                t(
                    "記録を削除しました（u で取り消し）",
                    "note deleted (u undoes)",
                ),
                vec![Undo::NoteDeleted { note_id }],
            )
        }
        Save::CompleteFollowUp { note_id } => {
            store.complete_follow_up(note_id, author)?;
            (
                t("フォローアップを完了にしました", "follow-up done"),
                vec![Undo::FollowUpDone { note_id }],
            )
        }
        Save::DeadlineDone {
            deadline_id,
            version,
        } => {
            let today = chrono::Local::now().date_naive();
            store.set_deadline_done(deadline_id, Some(version), Some(today), author)?;
            (
                t("期限を完了にしました", "deadline done"),
                vec![Undo::DeadlineDone { deadline_id }],
            )
        }
        Save::Watch { project_ids, on } => {
            let mut watched = 0;
            for id in &project_ids {
                watched += i64::from(store.set_watch(*id, &author.name, on)?);
            }
            let message = match (project_ids.len(), watched) {
                (1, 1) => t("ウォッチリストに追加しました", "added to my watch list"),
                (1, _) => t("ウォッチリストから外しました", "removed from my watch list"),
                (n, w) => format!(
                    "{n} {} ({w} {})",
                    t("件のウォッチを更新", "projects updated"),
                    t("件ウォッチ中", "watched")
                ),
            };
            (message, Vec::new())
        }
        Save::Undo(undo) => {
            match undo {
                Undo::FlagAdded { flag_id } => {
                    store.revert_flag(flag_id, FlagStatus::Withdrawn, author)?
                }
                Undo::FlagMoved { flag_id, from } => store.revert_flag(flag_id, from, author)?,
                Undo::PhaseMoved { project_id, from } => {
                    let change = PhaseMove {
                        to: from,
                        on: chrono::Local::now().date_naive(),
                        reason: "取り消し (undo)".into(),
                    };
                    store.move_phase(project_id, None, &change, author)?
                }
                Undo::NoteDeleted { note_id } => store.restore_note(note_id)?,
                Undo::FollowUpDone { note_id } => store.reopen_follow_up(note_id)?,
                Undo::DeadlineDone { deadline_id } => {
                    store.set_deadline_done(deadline_id, None, None, author)?
                }
            }
            (
                t(
                    "取り消しました（履歴に記録）",
                    "undone (recorded in the history)",
                ),
                Vec::new(),
            )
        }
    })
}

/// Writes the projects `ids` (in that order) with `columns` to a new file at `path`: 0600, via a
/// temporary file, recorded in the audit log before it appears; an existing file is refused.
fn export_csv(
    store: &mut Store,
    lang: Lang,
    ids: &[i64],
    columns: &str,
    path: &str,
) -> crate::Result<u64> {
    use crate::csv_io::{AtomicFile, ExportKind, ExportOptions, columns as cols, export};
    let target = std::path::Path::new(path);
    let mut options = ExportOptions::new(ExportKind::Projects, path);
    options.lang = lang;
    options.columns = cols::select(ExportKind::Projects.columns(), columns)
        .map_err(|e| Error::invalid("columns", e))?;
    let mut out = AtomicFile::create(target, false)?;
    let (rows, _) = export(store, ids, &options, &mut out, &mut |_| {})?;
    let file = std::path::absolute(target).unwrap_or_else(|_| target.to_path_buf());
    store.record_export(
        ExportKind::Projects.code(),
        rows,
        &file.display().to_string(),
    )?;
    out.commit()?;
    crate::log::event("export", &[("rows", rows as i64)]);
    Ok(rows)
}

/// Writes the budget pivot as shown to a new file at `path` (0600, via a temporary file, audited).
fn export_pivot(
    store: &mut Store,
    lang: Lang,
    pivot: &crate::model::BudgetPivot,
    path: &str,
) -> crate::Result<u64> {
    use crate::csv_io::AtomicFile;
    let target = std::path::Path::new(path);
    let mut out = AtomicFile::create(target, false)?;
    let rows = crate::csv_io::write_budget_pivot(&mut out, pivot, lang)
        .map_err(|e| Error::io(target, e))?;
    let file = std::path::absolute(target).unwrap_or_else(|_| target.to_path_buf());
    store.record_export("budget_pivot", rows, &file.display().to_string())?;
    out.commit()?;
    Ok(rows)
}

/// Imports a project list; a refused file is an error listing its first problems.
fn import_csv(
    store: &mut Store,
    lang: Lang,
    path: &str,
    upsert: bool,
    dry_run: bool,
) -> crate::Result<String> {
    use crate::csv_io::{ImportOptions, import_projects};
    let mut options = ImportOptions::new(chrono::Local::now().date_naive());
    options.mode = if upsert {
        crate::store::ImportMode::Upsert
    } else {
        crate::store::ImportMode::Insert
    };
    options.dry_run = dry_run;
    let report = import_projects(store, std::path::Path::new(path), &options, &mut |_| {})?;
    let Some(counts) = report.counts.filter(|_| report.is_ok()) else {
        let lines = report.problem_lines(path);
        let count = report.problems.len() as u64 + report.more_problems;
        return Err(Error::invalid(
            path,
            format!(
                "{count} {} {}",
                tr(
                    lang,
                    "件の問題、何も書き込んでいません。最初の問題:",
                    "problems, nothing written; first:"
                ),
                lines.first().cloned().unwrap_or_default()
            ),
        ));
    };
    crate::log::event(
        "import",
        &[
            ("inserted", counts.inserted as i64),
            ("updated", counts.updated as i64),
        ],
    );
    Ok(format!(
        "{}{} {} / {} {} / {} {}",
        if dry_run {
            tr(lang, "確認のみ: ", "dry run: ")
        } else {
            ""
        },
        tr(lang, "新規", "inserted"),
        counts.inserted,
        tr(lang, "更新", "updated"),
        counts.updated,
        tr(lang, "変更なし", "unchanged"),
        counts.unchanged
    ))
}
