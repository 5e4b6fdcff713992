//! Issue 17, second pass (input): control and bidi characters refused on every way text comes in
//! (CLI arguments, TUI forms, the store) exactly as CSV import refuses them, and never written raw
//! to a terminal by `export`; disease areas named as the filter line names them; the formula
//! guard for full-width signs and ideographic spaces.

mod areas;
mod formula;
mod refused;
mod terminal;
