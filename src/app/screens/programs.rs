//! The programs (事業): each with its ministry, integrated project, phases, project count and the
//! programs it hands seeds to, grouped by integrated project. `t` shows or hides retired ones;
//! Enter opens the program's projects (a list filtered `program:CODE`).

use super::Ctx;
use crate::app::{Command, Effect};
use crate::model::{ProgramRow, Reference};
use crate::{Lang, tr};
use std::collections::HashMap;
use std::sync::Arc;

/// The programs screen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProgramsState {
    /// The reference data and project counts the rows were built from (`None`: loading).
    pub loaded: Option<(Arc<Reference>, HashMap<i64, i64>)>,
    /// The rows shown, in order.
    pub rows: Vec<ProgramRow>,
    /// Retired programs shown too (`t`).
    pub show_retired: bool,
    pub cursor: usize,
    pub offset: usize,
}

/// Lines above the rows: the counts and the column header.
pub const PROGRAMS_HEAD: usize = 2;

impl ProgramsState {
    /// `t` (retired shown / hidden) and the cursor.
    pub fn command(&mut self, command: Command, ctx: &mut Ctx) -> Option<Vec<Effect>> {
        match command {
            Command::TogglePivot => {
                self.show_retired = !self.show_retired;
                let code = self.cursor_row().map(|r| r.program.code.clone());
                self.build();
                if let Some(i) =
                    code.and_then(|c| self.rows.iter().position(|r| r.program.code == c))
                {
                    self.cursor = i;
                }
                self.keep_in_view(ctx);
                ctx.status = Some(
                    if self.show_retired {
                        tr(ctx.lang, "廃止した事業も表示", "retired programs shown")
                    } else {
                        tr(ctx.lang, "廃止した事業は非表示", "retired programs hidden")
                    }
                    .into(),
                );
                Some(Vec::new())
            }
            _ if command.is_navigation() => {
                let page = ctx.body_rows().saturating_sub(PROGRAMS_HEAD);
                (self.cursor, self.offset) =
                    command.move_cursor(self.cursor, self.offset, self.rows.len(), page);
                Some(Vec::new())
            }
            _ => None,
        }
    }

    /// Keeps the cursor row on screen.
    pub fn keep_in_view(&mut self, ctx: &Ctx) {
        let page = ctx.body_rows().saturating_sub(PROGRAMS_HEAD);
        (self.cursor, self.offset) =
            Command::Refresh.move_cursor(self.cursor, self.offset, self.rows.len(), page);
    }

    /// The effect that loads the programs and their project counts.
    pub fn load(&self) -> Vec<Effect> {
        vec![Effect::LoadPrograms]
    }

    /// Takes the loaded reference data and counts (the cursor stays on its program).
    pub fn loaded(&mut self, reference: Arc<Reference>, counts: HashMap<i64, i64>) {
        let code = self.cursor_row().map(|r| r.program.code.clone());
        self.loaded = Some((reference, counts));
        self.build();
        if let Some(i) = code.and_then(|c| self.rows.iter().position(|r| r.program.code == c)) {
            self.cursor = i;
        }
        self.cursor = self.cursor.min(self.rows.len().saturating_sub(1));
    }

    fn build(&mut self) {
        self.rows = match &self.loaded {
            Some((reference, counts)) => reference.program_rows(counts, self.show_retired),
            None => Vec::new(),
        };
        self.cursor = self.cursor.min(self.rows.len().saturating_sub(1));
    }

    /// The row under the cursor.
    pub fn cursor_row(&self) -> Option<&ProgramRow> {
        self.rows.get(self.cursor)
    }

    /// The filter and the list label Enter opens: the program's projects.
    pub fn open_query(&self, lang: Lang) -> Option<(String, String)> {
        let row = self.cursor_row()?;
        Some((
            format!("program:{}", row.program.code),
            format!("{} {}", tr(lang, "事業", "Program"), row.name(lang)),
        ))
    }

    /// The head lines and every row.
    pub fn content_height(&self) -> usize {
        if self.loaded.is_none() {
            return 1;
        }
        PROGRAMS_HEAD + self.rows.len()
    }

    /// The breadcrumb.
    pub fn name(&self, lang: Lang) -> String {
        tr(lang, "事業一覧", "Programs").into()
    }
}
