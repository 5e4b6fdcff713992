//! What can sit over a screen: the filter line, the key help, the command palette, a form, the
//! officer picker.

use super::{App, Command, InputLine};
use crate::model::fold_key;

/// The overlay in front of the current screen.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Overlay {
    #[default]
    None,
    /// The `/` filter line; `original` is restored by Esc.
    Filter { line: InputLine, original: String },
    /// The `?` key help.
    Help,
    /// The `:` command palette.
    Palette(PaletteState),
    /// A form (note, flag, phase move, …).
    Form(Box<super::Form>),
    /// The officer picker (`O`).
    Picker(Box<super::PickerState>),
}

/// The palette's input and highlighted entry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PaletteState {
    pub input: InputLine,
    pub cursor: usize,
}

/// One palette line: a command, its keys on this screen and its descriptions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaletteEntry {
    pub command: Command,
    pub keys: String,
    pub ja: &'static str,
    pub en: &'static str,
}

/// Every command with its keys on the current screen, narrowed by the palette's input (matched
/// against the command's name and both descriptions).
pub fn palette_entries(app: &App) -> Vec<PaletteEntry> {
    let wanted = match &app.overlay {
        Overlay::Palette(p) => fold_key(&p.input.text),
        _ => String::new(),
    };
    Command::ALL
        .into_iter()
        .filter_map(|command| {
            let (name, ja, en) = command.describe();
            let hit =
                wanted.is_empty() || [name, ja, en].iter().any(|s| fold_key(s).contains(&wanted));
            hit.then(|| PaletteEntry {
                command,
                keys: app.keymap.keys_for(app.mode(), command).join(" "),
                ja,
                en,
            })
        })
        .collect()
}
