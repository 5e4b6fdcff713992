//! Dashboard state: which pivot, the figures, and the cursor over the matrix cells.

use super::Command;
use crate::store::{Headline, Matrix, Pivot};

/// Figures for the dashboard, loaded together.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DashboardData {
    pub matrix: Matrix,
    pub headline: Headline,
}

/// The dashboard's state.
#[derive(Debug, Clone, Default)]
pub struct DashboardState {
    pub pivot: Pivot,
    pub data: Option<DashboardData>,
    /// Row of the matrix (the last row index + 1 is the totals row).
    pub row: usize,
    /// 0..5 are the phases, 5 is the row total.
    pub col: usize,
    /// Only projects assigned to me (`o`).
    pub mine: bool,
    /// Cells show this fiscal year's allocations (千円) instead of counts (`b`).
    pub budget: bool,
}

/// Columns a cursor can stand on: five phases and the total.
pub const COLUMNS: usize = 6;

impl DashboardState {
    /// Stores loaded figures, keeping the cursor inside the new matrix.
    pub fn set_data(&mut self, data: DashboardData) {
        let mine = data.matrix.options.officers.is_some();
        let budget = data.matrix.options.budget_year.is_some();
        if data.matrix.pivot != self.pivot || mine != self.mine || budget != self.budget {
            return; // an answer to an older request
        }
        self.data = Some(data);
        self.row = self.row.min(self.rows().saturating_sub(1));
    }

    /// Rows the cursor can visit: matrix rows plus the totals row.
    pub fn rows(&self) -> usize {
        self.data.as_ref().map_or(0, |d| d.matrix.rows.len() + 1)
    }

    /// Switches between integrated projects and disease areas; the cursor goes to the top.
    pub fn toggle_pivot(&mut self) {
        self.pivot = match self.pivot {
            Pivot::IntegratedProject => Pivot::DiseaseArea,
            Pivot::DiseaseArea => Pivot::IntegratedProject,
        };
        self.data = None;
        self.row = 0;
    }

    /// Moves the cursor for a navigation action; stays inside the matrix.
    pub fn move_cursor(&mut self, command: Command) {
        let last_row = self.rows().saturating_sub(1);
        match command {
            Command::Up => self.row = self.row.saturating_sub(1),
            Command::Down => self.row = (self.row + 1).min(last_row),
            Command::Left => self.col = self.col.saturating_sub(1),
            Command::Right => self.col = (self.col + 1).min(COLUMNS - 1),
            Command::Top => self.row = 0,
            Command::Bottom => self.row = last_row,
            Command::PageUp => self.row = self.row.saturating_sub(10),
            Command::PageDown => self.row = (self.row + 10).min(last_row),
            _ => {}
        }
    }
}
