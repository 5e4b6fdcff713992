//! After a highway flag is accepted on the detail: the offer to record the seed's successor.
//! Over the detail, a picker lists "create it from this project", "later", then the projects of
//! the flag's target program (narrowed as the officer types). Create opens the new-project form
//! prefilled from the predecessor (saved with its PS / PO and the highway link in one
//! transaction); picking a project records the highway link with the flag; later closes.

use super::save::Save;
use super::{App, Effect, FormKind, InputLine, Overlay, Screen};
use crate::model::{FlagStatus, LineageProject, fold_key};
use crate::tr;

/// The offer's state.
#[derive(Debug, Clone, PartialEq)]
pub struct SuccessorOffer {
    pub predecessor_id: i64,
    pub flag_id: i64,
    pub program_id: i64,
    /// The target program's code (the new project's program).
    pub program_code: String,
    /// `JP… › 事業名`, for the title.
    pub heading: String,
    pub input: InputLine,
    /// Index into [`SuccessorOffer::entries`].
    pub cursor: usize,
    /// The target program's projects (`None` until loaded).
    pub candidates: Option<Vec<LineageProject>>,
}

/// One line of the offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfferEntry<'a> {
    Create,
    Later,
    Existing(&'a LineageProject),
}

impl SuccessorOffer {
    /// Create, later, then the candidates matching the typed text (課題管理番号 or title).
    pub fn entries(&self) -> Vec<OfferEntry<'_>> {
        let wanted = fold_key(&self.input.text);
        let mut out = vec![OfferEntry::Create, OfferEntry::Later];
        out.extend(
            self.candidates
                .iter()
                .flatten()
                .filter(|p| {
                    wanted.is_empty()
                        || fold_key(&p.amed_id).contains(&wanted)
                        || fold_key(&p.title).contains(&wanted)
                })
                .map(OfferEntry::Existing),
        );
        out
    }

    pub fn load(&self) -> Effect {
        Effect::LoadSuccessorCandidates {
            program_id: self.program_id,
            exclude: self.predecessor_id,
        }
    }
}

impl App {
    /// After a flag move was saved: when it accepted the detail's open flag, offer to record the
    /// successor (nothing elsewhere, nor for another move).
    pub(crate) fn offer_successor(&mut self, to: FlagStatus) -> Vec<Effect> {
        if to != FlagStatus::Accepted {
            return Vec::new();
        }
        let Screen::Detail(d) = self.screen() else {
            return Vec::new();
        };
        let Some(detail) = d.detail.as_deref() else {
            return Vec::new();
        };
        // The detail loaded before the move: the flag just accepted is the one still open there.
        let Some(flag) = detail.flags.iter().find(|f| f.status.is_open()) else {
            return Vec::new();
        };
        let Some(program) = self
            .reference
            .programs
            .iter()
            .find(|p| p.name_ja == flag.target_ja)
        else {
            return Vec::new();
        };
        let target = if self.lang == crate::Lang::Ja {
            &program.name_ja
        } else {
            &program.name_en
        };
        let offer = SuccessorOffer {
            predecessor_id: detail.id,
            flag_id: flag.id,
            program_id: program.id,
            program_code: program.code.clone(),
            heading: format!("{} › {target}", detail.amed_id),
            input: InputLine::default(),
            cursor: 0,
            candidates: None,
        };
        let load = offer.load();
        self.overlay = Overlay::Successor(Box::new(offer));
        vec![load]
    }

    /// The target program's projects arrived (dropped when the offer has closed since).
    pub fn successor_candidates_loaded(&mut self, program_id: i64, projects: Vec<LineageProject>) {
        if let Overlay::Successor(o) = &mut self.overlay
            && o.program_id == program_id
        {
            o.candidates = Some(projects);
            o.cursor = o.cursor.min(o.entries().len().saturating_sub(1));
        }
    }

    /// Up / Down in the offer.
    pub fn successor_move(&mut self, down: bool) {
        if let Overlay::Successor(o) = &mut self.overlay {
            let last = o.entries().len().saturating_sub(1);
            o.cursor = if down {
                (o.cursor + 1).min(last)
            } else {
                o.cursor.saturating_sub(1)
            };
        }
    }

    /// Enter in the offer: the prefilled form, later, or the link to the chosen project.
    pub fn successor_choose(&mut self) -> Vec<Effect> {
        let Overlay::Successor(o) = &self.overlay else {
            return Vec::new();
        };
        let o = (**o).clone();
        match o.entries().get(o.cursor).copied() {
            Some(OfferEntry::Create) => {
                self.overlay = Overlay::None;
                self.open_successor_form(o.predecessor_id, o.flag_id, &o.program_code)
            }
            Some(OfferEntry::Later) | None => {
                self.overlay = Overlay::None;
                self.status = Some(
                    tr(
                        self.lang,
                        "後継課題はあとで記録できます（seedline lineage link）",
                        "the successor can be recorded later (seedline lineage link)",
                    )
                    .into(),
                );
                Vec::new()
            }
            Some(OfferEntry::Existing(p)) => {
                self.saving = true;
                vec![Effect::Save(Save::SuccessorLink {
                    predecessor_id: o.predecessor_id,
                    successor_id: p.id,
                    flag_id: o.flag_id,
                    amed_id: p.amed_id.clone(),
                })]
            }
        }
    }

    /// The new-project form prefilled from the detail's project as its successor in `program`.
    fn open_successor_form(
        &mut self,
        predecessor_id: i64,
        flag_id: i64,
        program: &str,
    ) -> Vec<Effect> {
        let Screen::Detail(d) = self.screen() else {
            return Vec::new();
        };
        let Some(pred) = d.detail.as_deref().filter(|p| p.id == predecessor_id) else {
            return Vec::new();
        };
        let prefill = super::project_form::successor_values(self, pred, program);
        let heading = format!(
            "{}  {}",
            tr(
                self.lang,
                "後継課題を作成（前身から引き継ぎ）:",
                "Create the successor from:"
            ),
            pred.amed_id
        );
        let kind = FormKind::SuccessorNew {
            predecessor_id,
            flag_id,
            prefill,
            on: self.today,
        };
        let form = self.build_form(kind, heading);
        self.overlay = Overlay::Form(Box::new(form));
        Vec::new()
    }
}
