//! The officer picker (`O` on the detail and on a list selection): the active roster over the
//! screen, narrowed as the officer types; each officer marked when assigned to all (or some) of
//! the target projects. Enter assigns the highlighted officer to the targets (from today), or,
//! when they have them all already, ends those assignments (today); the picker stays open and
//! reloads, so several officers can be toggled. Esc closes. Each toggle is one save, undoable.

use super::save::Save;
use super::{App, Effect, InputLine, Overlay, Screen};
use crate::model::{Coded, RosterEntry, fold_key, officer_key};
use crate::tr;

/// The picker's state: its targets, the typed filter, the highlighted line and the roster
/// (`None` until loaded).
#[derive(Debug, Clone, PartialEq)]
pub struct PickerState {
    pub project_ids: Vec<i64>,
    /// What the targets are, for the title (`JP… 課題名`, `3 件の課題`).
    pub heading: String,
    pub input: InputLine,
    /// Index into [`PickerState::visible`].
    pub cursor: usize,
    pub roster: Option<Vec<RosterEntry>>,
}

/// How an officer stands to the picker's targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Assigned to every target.
    All,
    /// Assigned to some of them.
    Some,
    None,
}

impl PickerState {
    /// The roster lines matching the typed text (name, with or without spaces; role; login).
    pub fn visible(&self) -> Vec<&RosterEntry> {
        let wanted = fold_key(&self.input.text);
        let bare = officer_key(&self.input.text);
        self.roster
            .iter()
            .flatten()
            .filter(|o| {
                wanted.is_empty()
                    || officer_key(&o.name).contains(&bare)
                    || fold_key(o.role.code()) == wanted
                    || o.login
                        .as_deref()
                        .is_some_and(|l| fold_key(l).contains(&wanted))
            })
            .collect()
    }

    /// How `o` stands to the targets.
    pub fn mark(&self, o: &RosterEntry) -> Mark {
        match o.assigned {
            0 => Mark::None,
            n if n >= self.project_ids.len() => Mark::All,
            _ => Mark::Some,
        }
    }

    /// The effect that loads the roster for these targets.
    pub fn load(&self) -> Effect {
        Effect::LoadRoster {
            project_ids: self.project_ids.clone(),
        }
    }
}

impl App {
    /// `O`: the officer picker over the detail's project or the list's selection (else its
    /// cursor row).
    pub fn open_officer_picker(&mut self) -> Vec<Effect> {
        let project_ids = match self.screen() {
            Screen::List(l) => l.targets(),
            Screen::Detail(d) => vec![d.id],
            _ => return self.not_here(),
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
        let picker = PickerState {
            project_ids,
            heading,
            input: InputLine::default(),
            cursor: 0,
            roster: None,
        };
        let load = picker.load();
        self.overlay = Overlay::Picker(Box::new(picker));
        vec![load]
    }

    /// The roster arrived (for these targets; an answer for a picker closed since is dropped).
    pub fn roster_loaded(&mut self, project_ids: Vec<i64>, roster: Vec<RosterEntry>) {
        if let Overlay::Picker(p) = &mut self.overlay
            && p.project_ids == project_ids
        {
            p.roster = Some(roster);
            p.cursor = p.cursor.min(p.visible().len().saturating_sub(1));
        }
    }

    /// Enter in the picker: assign the highlighted officer to the targets, or end their
    /// assignments when they have all of them.
    pub fn picker_toggle(&mut self) -> Vec<Effect> {
        let Overlay::Picker(p) = &self.overlay else {
            return Vec::new();
        };
        let Some(o) = p.visible().get(p.cursor).map(|o| (*o).clone()) else {
            return Vec::new();
        };
        let assign = p.mark(&o) != Mark::All;
        let save = Save::Assign {
            project_ids: p.project_ids.clone(),
            officer_id: o.id,
            version: o.version,
            label: format!("{} {}", o.role.code(), o.name),
            on: self.today,
            assign,
        };
        self.saving = true;
        vec![Effect::Save(save)]
    }

    /// Up / Down in the picker.
    pub fn picker_move(&mut self, down: bool) {
        if let Overlay::Picker(p) = &mut self.overlay {
            let last = p.visible().len().saturating_sub(1);
            p.cursor = if down {
                (p.cursor + 1).min(last)
            } else {
                p.cursor.saturating_sub(1)
            };
        }
    }

    /// After a save with the picker open: its roster again (marks and versions move).
    pub fn picker_reload(&self) -> Vec<Effect> {
        match &self.overlay {
            Overlay::Picker(p) => vec![p.load()],
            _ => Vec::new(),
        }
    }
}
