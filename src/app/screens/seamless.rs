//! 切れ目 (the gaps between programs): every lineage link's gap from the predecessor's end to
//! the successor's start, per program pair, per fiscal year of the hand-over, and per seed from
//! 基礎 to 実用化 (`t` cycles the three). Up / Down move the cursor; Enter opens the successor
//! projects of the row (a pair or a year) or the projects of the seed's chain.

use super::Ctx;
use crate::app::{Command, Effect};
use crate::model::{GapKey, GapRow, Seamless};
use crate::{Lang, tr};

/// Which rows the screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SeamlessView {
    /// Predecessor program > successor program.
    #[default]
    Pairs,
    /// Fiscal year of the successor's start.
    Years,
    /// One row per seed (a chain from its root project).
    Seeds,
}

impl SeamlessView {
    /// `pairs`, `years`, `seeds` (as `show seamless --view` takes them).
    pub fn parse(text: &str) -> Option<SeamlessView> {
        match text.trim().to_ascii_lowercase().as_str() {
            "pairs" | "pair" | "programs" => Some(SeamlessView::Pairs),
            "years" | "year" | "fy" => Some(SeamlessView::Years),
            "seeds" | "seed" => Some(SeamlessView::Seeds),
            _ => None,
        }
    }

    /// The view's name.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            SeamlessView::Pairs => tr(lang, "事業間", "program pairs"),
            SeamlessView::Years => tr(lang, "年度別", "fiscal years"),
            SeamlessView::Seeds => tr(lang, "シーズ別", "seeds"),
        }
    }

    fn next(self) -> SeamlessView {
        match self {
            SeamlessView::Pairs => SeamlessView::Years,
            SeamlessView::Years => SeamlessView::Seeds,
            SeamlessView::Seeds => SeamlessView::Pairs,
        }
    }
}

/// The gaps-between-programs screen.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SeamlessState {
    pub data: Option<Seamless>,
    pub view: SeamlessView,
    pub cursor: usize,
    /// First body row on screen.
    pub scroll: usize,
}

/// Rows above the body: the title line, two totals lines and the column header.
pub const SEAMLESS_HEAD: usize = 4;

impl SeamlessState {
    /// Body rows of the current view.
    pub fn rows(&self) -> usize {
        self.data.as_ref().map_or(0, |d| match self.view {
            SeamlessView::Pairs => d.pairs.len(),
            SeamlessView::Years => d.years.len(),
            SeamlessView::Seeds => d.seeds.len(),
        })
    }

    /// The gap rows of the current view (none for seeds).
    pub fn gap_rows(&self) -> &[GapRow] {
        match (&self.data, self.view) {
            (Some(d), SeamlessView::Pairs) => &d.pairs,
            (Some(d), SeamlessView::Years) => &d.years,
            _ => &[],
        }
    }

    /// `t` (next view), Up / Down and pages.
    pub fn command(&mut self, command: Command, ctx: &Ctx) -> Option<Vec<Effect>> {
        let page = ctx.body_rows().saturating_sub(SEAMLESS_HEAD).max(1);
        match command {
            Command::TogglePivot => {
                self.view = self.view.next();
                self.cursor = 0;
                self.scroll = 0;
            }
            _ if command.is_navigation() => {
                (self.cursor, self.scroll) =
                    command.move_cursor(self.cursor, self.scroll, self.rows(), page);
            }
            _ => return None,
        }
        Some(Vec::new())
    }

    /// Keeps the cursor among `page` body rows after a resize.
    pub fn keep_in_view(&mut self, page: usize) {
        (self.cursor, self.scroll) =
            Command::Refresh.move_cursor(self.cursor, self.scroll, self.rows(), page.max(1));
    }

    /// The effect that loads the figures.
    pub fn load(&self) -> Vec<Effect> {
        vec![Effect::LoadSeamless]
    }

    /// Takes loaded figures; the cursor stays inside them.
    pub fn loaded(&mut self, data: Seamless) {
        self.data = Some(data);
        self.cursor = self.cursor.min(self.rows().saturating_sub(1));
        self.scroll = self.scroll.min(self.cursor);
    }

    /// The filter and label of the projects behind the cursor row: a pair's or a year's
    /// successors (by 課題管理番号), a seed's whole chain.
    pub fn open_query(&self, lang: Lang) -> Option<(String, String)> {
        let data = self.data.as_ref()?;
        let (ids, label) = match self.view {
            SeamlessView::Seeds => {
                let seed = data.seeds.get(self.cursor)?;
                (
                    &seed.projects,
                    format!("{} {}", tr(lang, "シーズの系譜", "Seed chain"), seed.root),
                )
            }
            _ => {
                let row = self.gap_rows().get(self.cursor)?;
                let what = tr(lang, "後継課題", "successors");
                (
                    &row.successors,
                    format!("{} {what}", key_label(&row.key, lang)),
                )
            }
        };
        (!ids.is_empty()).then(|| (format!("id:{}", ids.join(",")), label))
    }

    /// The head and one row per pair, year or seed; the title and a "no links" line when empty.
    pub fn content_height(&self) -> usize {
        match &self.data {
            None => 1,
            Some(d) if d.total.handovers == 0 => 2,
            Some(_) => SEAMLESS_HEAD + self.rows(),
        }
    }

    /// The breadcrumb: which view.
    pub fn name(&self, lang: Lang) -> String {
        format!(
            "{} ({})",
            tr(lang, "事業間の切れ目", "Gaps between programs"),
            self.view.label(lang)
        )
    }
}

/// A program's name in `lang` (the Japanese one when the English is not set).
fn program_name(names: &(String, String), lang: Lang) -> &str {
    match lang {
        Lang::En if !names.1.trim().is_empty() => &names.1,
        _ => &names.0,
    }
}

/// A row's name: `先行 › 後継`, a fiscal year, or the total.
pub fn key_label(key: &GapKey, lang: Lang) -> String {
    match key {
        GapKey::Pair { from, to } => {
            format!("{} › {}", program_name(from, lang), program_name(to, lang))
        }
        GapKey::Year(y) => y.label(lang),
        GapKey::Total => tr(lang, "全体", "All").into(),
    }
}
