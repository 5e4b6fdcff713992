//! The officer's actions on projects: the forms that record notes, flags, flag moves, phase moves
//! and gates; quick actions on notes and follow-ups; undo of the session's own last triage action;
//! and what happens when a save succeeds, conflicts or finds the database busy.

use super::form::{Field, Form, FormKind};
use super::save::{Save, SaveOutcome, build_save};
use super::{App, Effect, Overlay, Screen};
use crate::model::Coded;
use crate::tr;

impl App {
    /// The project the officer is looking at: the detail's, the list's cursor row, the due item's.
    pub fn focused_project(&self) -> Option<i64> {
        self.screen().focused_project()
    }

    pub(crate) fn heading_for(&self, project_id: i64) -> String {
        let from_detail = match self.screen() {
            Screen::Detail(d) => d
                .detail
                .as_ref()
                .filter(|d| d.id == project_id)
                .map(|d| (d.amed_id.clone(), d.title.clone())),
            Screen::List(l) => l
                .rows
                .get(&project_id)
                .map(|r| (r.amed_id.clone(), r.title.clone())),
            Screen::Due(d) => d
                .items
                .iter()
                .find(|i| i.project_id == project_id)
                .map(|i| (i.amed_id.clone(), i.title.clone())),
            _ => None,
        };
        from_detail.map_or_else(
            || format!("#{project_id}"),
            |(id, title)| format!("{id}  {title}"),
        )
    }

    /// Opens `form` over the screen.
    /// Opens `form`, or the draft kept for the same project and kind of form, as it was left.
    /// A draft keeps the version it was typed on, so a record changed since is a conflict on
    /// save, never overwritten unseen; only a flag draft takes the selection `f` is pressed on.
    pub(crate) fn show_form(&mut self, form: Form) -> Vec<Effect> {
        let draft = form.kind.draft_slot().and_then(|s| self.drafts.remove(&s));
        let form = match draft {
            Some(draft) if !matches!(form.kind, FormKind::Flag { .. }) => {
                self.notice = Some(tr(self.lang, "下書きを復元しました", "draft restored").into());
                draft
            }
            Some(draft) => {
                let record = super::DraftRecord {
                    kind: form.kind.clone(),
                    heading: form.heading.clone(),
                    ..App::draft_of(&draft)
                };
                self.notice = Some(tr(self.lang, "下書きを復元しました", "draft restored").into());
                self.form_from_draft(&record)
            }
            None => form,
        };
        self.overlay = Overlay::Form(Box::new(form));
        Vec::new()
    }

    fn no_open_flag(&mut self) -> Vec<Effect> {
        self.status = Some(
            tr(
                self.lang,
                "この課題に未決のハイウェイ支援フラグはありません（f で作成）",
                "no open highway flag on this project (f creates one)",
            )
            .into(),
        );
        Vec::new()
    }

    pub(crate) fn not_here(&mut self) -> Vec<Effect> {
        self.status = Some(
            tr(
                self.lang,
                "この画面では使えません（課題を選んでください）",
                "not on this screen (open a project first)",
            )
            .into(),
        );
        Vec::new()
    }

    /// `n`: a new note, restoring the draft kept for this project if there is one.
    pub fn open_note_form(&mut self) -> Vec<Effect> {
        let Some(project_id) = self.focused_project() else {
            return self.not_here();
        };
        let form = self.build_form(FormKind::Note { project_id }, self.heading_for(project_id));
        self.show_form(form)
    }

    /// `f`: flag the selection (or the focused project) for highway support. The successor
    /// programs linked to the project's program come first.
    pub fn open_flag_form(&mut self) -> Vec<Effect> {
        let (project_ids, program_id) = match self.screen() {
            Screen::List(l) => (
                l.targets(),
                l.cursor_id()
                    .and_then(|id| l.rows.get(&id))
                    .map(|r| r.program_id),
            ),
            Screen::Detail(d) => (vec![d.id], d.detail.as_ref().map(|d| d.program_id)),
            _ => match self.focused_project() {
                Some(id) => (vec![id], None),
                None => return self.not_here(),
            },
        };
        if project_ids.is_empty() {
            return self.not_here();
        }
        let heading = if project_ids.len() == 1 {
            self.heading_for(project_ids[0])
        } else {
            format!(
                "{} {}",
                project_ids.len(),
                tr(self.lang, "件の課題", "projects")
            )
        };
        let form = self.build_form(
            FormKind::Flag {
                project_ids,
                program_id,
            },
            heading,
        );
        self.show_form(form)
    }

    /// `m`: move the focused project's open flag to its next status.
    pub fn open_flag_move_form(&mut self) -> Vec<Effect> {
        let Some(project_id) = self.focused_project() else {
            return self.not_here();
        };
        let open = match self.screen() {
            Screen::Detail(d) => d.detail.as_ref().and_then(|d| {
                d.flags
                    .iter()
                    .find(|f| f.status.is_open())
                    .map(|f| (f.id, f.version, f.status))
            }),
            Screen::List(l) => l
                .rows
                .get(&project_id)
                .and_then(|r| Some((r.open_flag?.0, r.open_flag?.1, r.flag?))),
            _ => None,
        };
        let Some((flag_id, version, from)) = open else {
            return self.no_open_flag();
        };
        let heading = format!(
            "{}  ({})",
            self.heading_for(project_id),
            from.label(self.lang)
        );
        let form = self.build_form(
            FormKind::FlagMove {
                project_id,
                flag_id,
                version,
                from,
            },
            heading,
        );
        self.show_form(form)
    }

    /// `p`: move the focused project to another phase.
    pub fn open_phase_form(&mut self) -> Vec<Effect> {
        let Some(project_id) = self.focused_project() else {
            return self.not_here();
        };
        let (from, version) = match self.screen() {
            Screen::Detail(d) => match &d.detail {
                Some(detail) => (detail.phase, Some(detail.version)),
                None => return Vec::new(),
            },
            Screen::List(l) => match l.rows.get(&project_id) {
                Some(r) => (r.phase, None),
                None => return Vec::new(),
            },
            _ => return self.not_here(),
        };
        let heading = format!(
            "{}  ({})",
            self.heading_for(project_id),
            from.label(self.lang)
        );
        let form = self.build_form(
            FormKind::Phase {
                project_id,
                version,
                from,
            },
            heading,
        );
        self.show_form(form)
    }

    /// `A` in the detail: assess the open flag's three licensing criteria again, starting from the
    /// current assessment.
    pub fn open_criteria_form(&mut self) -> Vec<Effect> {
        let Screen::Detail(d) = self.screen() else {
            return self.not_here();
        };
        let Some(flag) = d
            .detail
            .as_ref()
            .and_then(|d| d.flags.iter().find(|f| f.status.is_open()))
            .cloned()
        else {
            return self.no_open_flag();
        };
        let kind = FormKind::Criteria {
            project_id: d.id,
            flag_id: flag.id,
            version: flag.version,
        };
        let keys = [
            ("competitive", "competitive_note"),
            ("ip", "ip_note"),
            ("evidence", "evidence_note"),
        ];
        let mut values = Vec::new();
        for ((status_key, note_key), (status, note)) in keys.iter().zip(&flag.criteria) {
            values.push((status_key.to_string(), status.code().to_string()));
            values.push((note_key.to_string(), note.clone()));
        }
        let record = super::DraftRecord {
            kind,
            heading: self.heading_for(d.id),
            values,
            focus: 0,
        };
        let form = self.form_from_draft(&record);
        self.show_form(form)
    }

    /// `a`: record a stage-gate decision.
    /// A form about the focused project (deadline, link).
    pub(crate) fn open_project_form(&mut self, kind: impl FnOnce(i64) -> FormKind) -> Vec<Effect> {
        let Some(project_id) = self.focused_project() else {
            return self.not_here();
        };
        let form = self.build_form(kind(project_id), self.heading_for(project_id));
        self.show_form(form)
    }

    pub fn open_gate_form(&mut self) -> Vec<Effect> {
        self.open_project_form(|project_id| FormKind::Gate { project_id })
    }

    /// `e`: edit the focused note of the detail screen.
    pub fn open_edit_note_form(&mut self) -> Vec<Effect> {
        let Some(note) = self.focused_note().cloned() else {
            return self.no_note();
        };
        let Screen::Detail(d) = self.screen() else {
            return Vec::new();
        };
        let kind = FormKind::EditNote {
            project_id: d.id,
            note_id: note.id,
            version: note.version,
        };
        let heading = format!(
            "{}  {} {}",
            self.heading_for(d.id),
            note.occurred_on,
            note.kind.label(self.lang)
        );
        // Opened on the note's text: a draft only once that text is changed.
        let body = Field::body("body", "本文", "Text", &note.body);
        let form = Form::new(kind, heading, vec![body], self.today);
        self.show_form(form)
    }

    fn focused_note(&self) -> Option<&crate::model::NoteView> {
        match self.screen() {
            Screen::Detail(d) => d
                .detail
                .as_ref()
                .and_then(|detail| detail.notes.get(d.note_focus?)),
            _ => None,
        }
    }

    fn no_note(&mut self) -> Vec<Effect> {
        self.status = Some(
            tr(
                self.lang,
                "記録を選んでください（J / K で移動）",
                "pick a note first (J / K)",
            )
            .into(),
        );
        Vec::new()
    }

    /// `x`: delete the focused note (soft; `u` brings it back).
    pub fn delete_focused_note(&mut self) -> Vec<Effect> {
        match self.focused_note() {
            Some(note) => vec![Effect::Save(Save::DeleteNote { note_id: note.id })],
            None => self.no_note(),
        }
    }

    /// `c`: mark the follow-up of the focused note (detail) or the due item (due board: a
    /// follow-up or a deadline) done.
    pub fn complete_follow_up(&mut self) -> Vec<Effect> {
        if let Screen::Due(d) = self.screen()
            && let Some(item) = d.current()
            && let crate::model::DueSource::Deadline(deadline_id, _) = item.source
        {
            return vec![Effect::Save(Save::DeadlineDone {
                deadline_id,
                version: item.version,
            })];
        }
        let note_id = match self.screen() {
            Screen::Due(d) => d.current().and_then(|i| i.note_id()),
            _ => self
                .focused_note()
                .filter(|n| n.follow_up_on.is_some() && n.follow_up_done.is_none())
                .map(|n| n.id),
        };
        match note_id {
            Some(note_id) => vec![Effect::Save(Save::CompleteFollowUp { note_id })],
            None => {
                self.status = Some(
                    tr(
                        self.lang,
                        "未了のフォローアップがありません",
                        "no pending follow-up here",
                    )
                    .into(),
                );
                Vec::new()
            }
        }
    }

    /// From the palette: import a project list from a CSV file.
    pub fn open_import_form(&mut self) -> Vec<Effect> {
        let heading = tr(
            self.lang,
            "CSV取り込み（全行を検査してから一括で書き込み）",
            "CSV import (every row checked, then all written at once)",
        )
        .to_string();
        let form = self.build_form(FormKind::Import, heading);
        self.show_form(form)
    }

    /// `u`: takes back this session's last triage action.
    pub fn undo(&mut self) -> Vec<Effect> {
        match self.undo_stack.pop() {
            Some(entry) => vec![Effect::Save(Save::Undo(entry))],
            None => {
                self.status =
                    Some(tr(self.lang, "取り消せる操作はありません", "nothing to undo").into());
                Vec::new()
            }
        }
    }

    /// Ctrl-S in a form: validates and asks the runtime to save; the form stays open until the
    /// save is confirmed, so nothing typed is lost on an error.
    pub fn submit_form(&mut self) -> Vec<Effect> {
        let Overlay::Form(form) = &self.overlay else {
            return Vec::new();
        };
        let built = if form.kind.is_export() {
            self.export_save(form)
        } else {
            build_save(form, self.lang)
        };
        match built {
            Ok(save) => {
                self.saving = true;
                vec![Effect::Save(save)]
            }
            Err(message) => {
                self.status = Some(message);
                Vec::new()
            }
        }
    }

    /// After an edit in a form whose save was refused with `refused`: once the refused field
    /// reads (the form's first refusal is now about another field, or there is none), the
    /// refusal leaves the status line.
    pub(crate) fn clear_refusal_once_read(&mut self, refused: Option<String>) {
        let (Some(refused), Overlay::Form(form)) = (refused, &self.overlay) else {
            return;
        };
        if form.kind.is_export() {
            return;
        }
        let field = |m: &str| m.split_once(": ").map(|(f, _)| f.to_string());
        let still = match build_save(form, self.lang) {
            Ok(_) => false,
            Err(now) => now == refused || field(&now) == field(&refused),
        };
        if !still {
            self.status = None;
        }
    }

    /// Esc in a form: what was typed is kept as a draft for this project and kind of form (the
    /// form's own key restores it).
    pub fn close_form(&mut self) {
        if let Overlay::Form(form) = std::mem::take(&mut self.overlay)
            && form.has_text()
            && let Some(slot) = form.kind.draft_slot()
        {
            let key = self.opening_key(&form.kind);
            self.drafts.insert(slot, *form);
            self.notice = Some(match key {
                Some(key) => format!(
                    "{}{key}{}",
                    tr(self.lang, "下書きを保持しました（", "draft kept ("),
                    tr(self.lang, " で再開）", " resumes it)")
                ),
                None => tr(self.lang, "下書きを保持しました", "draft kept").into(),
            });
        }
    }

    /// The key that opens a form of `kind` on this screen (as bound, overrides included), or the
    /// palette's `:` when no key on this screen does.
    pub(crate) fn opening_key(&self, kind: &FormKind) -> Option<String> {
        use super::Command as C;
        let command = match kind {
            FormKind::Note { .. } => C::NewNote,
            FormKind::EditNote { .. } => C::EditNote,
            FormKind::Flag { .. } => C::FlagProject,
            FormKind::FlagMove { .. } => C::MoveFlag,
            FormKind::Criteria { .. } => C::ReviseCriteria,
            FormKind::Phase { .. } => C::MovePhase,
            FormKind::Gate { .. } => C::RecordGate,
            FormKind::GateEdit { .. } => C::CorrectGate,
            FormKind::Deadline { .. } => C::AddDeadline,
            FormKind::Attach { .. } => C::AddLink,
            FormKind::Outcome { .. } => C::RecordOutcome,
            FormKind::ProjectEdit { .. } => C::EditProject,
            FormKind::ProjectNew => C::NewProject,
            FormKind::ProjectRetire { .. } => C::RetireProject,
            FormKind::Import => C::Import,
            FormKind::Export { .. }
            | FormKind::ExportPivot { .. }
            | FormKind::SuccessorNew { .. } => {
                return None;
            }
        };
        self.keymap
            .keys_for(self.mode(), command)
            .into_iter()
            .next()
            .or_else(|| Some(":".into()))
    }

    /// The runtime's answer to a save.
    pub fn saved(&mut self, outcome: SaveOutcome) -> Vec<Effect> {
        self.saving = false;
        match outcome {
            SaveOutcome::Saved { done, undo } => {
                let notice = self
                    .exported(&done)
                    .unwrap_or_else(|| done.message(self.lang));
                if matches!(self.overlay, Overlay::Form(_) | Overlay::Successor(_)) {
                    self.overlay = Overlay::None;
                }
                // A retired project is in no view: its detail closes.
                if matches!(done, super::Done::ProjectRetired { .. })
                    && matches!(self.screen(), Screen::Detail(_))
                {
                    self.stack.pop();
                }
                self.pending_save = None;
                self.undo_stack.extend(undo);
                self.status = None;
                self.notice = Some(notice);
                let offer = match done {
                    super::Done::FlagMoved { to, .. } => self.offer_successor(to),
                    _ => Vec::new(),
                };
                let mut effects = self.load_current();
                effects.push(Effect::CountProjects);
                effects.extend(self.picker_reload());
                effects.extend(offer);
                effects
            }
            SaveOutcome::Conflict { message, .. } if matches!(self.overlay, Overlay::Picker(_)) => {
                self.status = Some(format!(
                    "{}{}",
                    message.get(self.lang),
                    tr(
                        self.lang,
                        "。最新の担当を読み込みました。もう一度選んでください",
                        "; the latest assignments are loaded: choose again"
                    )
                ));
                let mut effects = self.load_current();
                effects.extend(self.picker_reload());
                effects
            }
            SaveOutcome::Conflict { message, latest } => {
                if let Overlay::Form(form) = &mut self.overlay {
                    form.conflict_version = latest;
                }
                self.status = Some(format!(
                    "{}{}",
                    message.get(self.lang),
                    tr(
                        self.lang,
                        "。入力は保持しています。Ctrl-S: 自分の版を新しい版として保存 / Esc: 閉じる（下書き保持）",
                        "; your text is kept. Ctrl-S: save mine as a new revision / Esc: close (draft kept)"
                    )
                ));
                self.load_current()
            }
            SaveOutcome::Busy { retry } => {
                self.pending_save = Some(*retry);
                self.status = Some(
                    tr(
                        self.lang,
                        "データベース使用中、再試行します（入力は保持）",
                        "database busy, retrying (your text is kept)",
                    )
                    .into(),
                );
                Vec::new()
            }
            SaveOutcome::Failed(failure) => {
                self.pending_save = None;
                self.status = Some(failure.message(self.lang));
                Vec::new()
            }
        }
    }
}
