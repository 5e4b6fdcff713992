//! A project list (all projects, a dashboard cell, the highway queue): the matching ids in order,
//! a cursor and scroll offset, the selection, and the display rows of what is on screen.

use super::Ctx;
use crate::app::{Command, Effect};
use crate::model::{ProjectRow, Sort, SortKey};
use crate::query::Filter;
use crate::tr;
use std::collections::{BTreeSet, HashMap};

/// Rows of the list body above its rows: the filter/info line and the column header.
pub const LIST_HEAD: usize = 2;

/// Which list this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    /// Projects matching a filter.
    Projects,
    /// Projects with an open highway flag, oldest flag first (triage).
    Highway,
    /// マイポートフォリオ: projects assigned to me or on my watch list (`mine:watch`).
    Portfolio,
    /// The matching radar: projects ending within this many days with no decision on their seed
    /// (`ending:N`), soonest first. A typed `ending:` term replaces the horizon.
    Radar(u32),
}

/// The radar's name with the window it shows: its horizon of `days`, or the `ending:` term of
/// `filter` when it names one, e.g. `マッチング・レーダー（180日以内に終了）`; `・絞り込み` /
/// `, filtered` when other terms narrow it.
pub fn radar_label(lang: crate::Lang, days: u32, filter: &Filter) -> String {
    use crate::Lang::{En, Ja};
    use crate::query::EndingFilter;
    let narrowed = Filter {
        ending: None,
        ..filter.clone()
    } != Filter::default();
    let more = if narrowed {
        tr(lang, "・絞り込み", ", filtered")
    } else {
        ""
    };
    match (lang, filter.ending.unwrap_or(EndingFilter::Days(days))) {
        (Ja, EndingFilter::Days(n)) => format!("マッチング・レーダー（{n}日以内に終了{more}）"),
        (En, EndingFilter::Days(n)) => format!("Matching radar (ending within {n} days{more})"),
        (Ja, EndingFilter::Months(n)) => format!("マッチング・レーダー（{n}か月以内に終了{more}）"),
        (En, EndingFilter::Months(n)) => {
            format!("Matching radar (ending within {n} months{more})")
        }
        (Ja, EndingFilter::Overdue) => format!("マッチング・レーダー（終了後・判断なし{more}）"),
        (En, EndingFilter::Overdue) => format!("Matching radar (ended, no decision{more})"),
    }
}

/// The state of one list screen.
#[derive(Debug, Clone, PartialEq)]
pub struct ListState {
    pub kind: ListKind,
    /// Shown in the breadcrumb, e.g. `医薬品 × 非臨床`.
    pub label: String,
    /// The query and label the list was opened with (the label holds while the query does).
    pub opened: (String, String),
    /// The filter line as typed.
    pub query: String,
    /// The filter as resolved (what was loaded).
    pub filter: Filter,
    pub sort: Sort,
    /// Matching project ids in display order.
    pub ids: Vec<i64>,
    /// Whether `ids` answers the current filter (false while loading).
    pub loaded: bool,
    /// `ids` is only the first screen of the answer; the whole list is on its way.
    pub partial: bool,
    pub cursor: usize,
    /// First row on screen.
    pub offset: usize,
    pub selected: BTreeSet<i64>,
    /// Where a range selection (`v`) started.
    pub anchor: Option<usize>,
    /// A count typed before a key (`5 Space` selects five rows, `5 j` moves five).
    pub count: Option<usize>,
    /// Display rows fetched so far (only rows that were on screen).
    pub rows: HashMap<i64, ProjectRow>,
    /// Id of the last load request; older answers are ignored.
    pub request: u64,
    /// Opened from the palette by 課題管理番号: a single match opens its detail in its place.
    pub open_single: bool,
}

/// Rows kept in the cache before it is emptied (a few screens' worth).
const ROW_CACHE: usize = 2_000;

/// Rows of projects on screen for a terminal of `ctx`'s size.
pub fn page(ctx: &Ctx) -> usize {
    ctx.body_rows().saturating_sub(LIST_HEAD).max(1)
}

impl ListState {
    /// Cursor, selection and sort; Esc first abandons a started range selection.
    pub fn command(&mut self, command: Command, ctx: &mut Ctx) -> Option<Vec<Effect>> {
        let page = page(ctx);
        let count = self.count.take();
        match command {
            Command::Back if count.is_some() => return Some(Vec::new()),
            Command::Back if self.anchor.is_some() => {
                self.anchor = None;
                return Some(Vec::new());
            }
            Command::Up | Command::Down => {
                for _ in 0..count.unwrap_or(1) {
                    self.move_cursor(command, page);
                }
            }
            _ if command.is_navigation() => self.move_cursor(command, page),
            Command::ToggleSelect => match count {
                Some(n) => self.toggle_rows(n, page),
                None => self.toggle_select(page),
            },
            Command::SelectRange => {
                if !self.select_range() {
                    ctx.status = Some(
                        tr(
                            ctx.lang,
                            "範囲選択: 終点へ移動して v",
                            "range: move to the end and press v",
                        )
                        .into(),
                    );
                }
            }
            Command::SelectAll => self.select_all(),
            Command::SortNext | Command::SortReverse => {
                if command == Command::SortNext {
                    let shown: Vec<SortKey> = crate::app::visible_columns(ctx.cols(), ctx.lang)
                        .into_iter()
                        .map(|(key, _)| key)
                        .collect();
                    self.sort_next(&shown);
                } else {
                    self.sort.descending = !self.sort.descending;
                }
                // A new order is read from its top: the first row, the cursor on it (the old
                // order's ids go, so the answer does not follow the cursor's project).
                self.cursor = 0;
                self.offset = 0;
                self.ids.clear();
                return Some(self.load(ctx));
            }
            _ => return None,
        }
        Some(self.rows_effect(ctx))
    }

    /// Loads the list again under a fresh request: the first screen first (enough for where the
    /// cursor is), the rest after the frame. Rows are fetched again too (a save or another
    /// session may have changed them).
    pub fn load(&mut self, ctx: &Ctx) -> Vec<Effect> {
        self.request = ctx.request;
        self.loaded = false;
        self.rows.clear();
        let limit = (self.offset + page(ctx) + 1).min(1_000);
        vec![self.load_effect(ctx.request, ctx.scope.clone(), Some(limit))]
    }

    /// The whole answer arrived (older requests are ignored).
    pub fn loaded_ids(&mut self, request: u64, ids: Vec<i64>, ctx: &Ctx) -> Vec<Effect> {
        if self.request == request {
            self.set_ids(ids, page(ctx));
        }
        self.rows_effect(ctx)
    }

    /// The first screen of the answer arrived: show it, and ask for the whole after the frame.
    pub fn loaded_head(&mut self, request: u64, ids: Vec<i64>, ctx: &Ctx) -> Vec<Effect> {
        let mut effects = Vec::new();
        if self.request == request {
            self.take_head(ids, page(ctx));
            let full = self.load_effect(request, ctx.scope.clone(), None);
            effects.push(Effect::Later(Box::new(full)));
        }
        effects.extend(self.rows_effect(ctx));
        effects
    }

    /// Fetches the display rows that came on screen.
    pub fn rows_effect(&self, ctx: &Ctx) -> Vec<Effect> {
        if !self.loaded {
            return Vec::new();
        }
        let ids = self.missing_rows(page(ctx));
        if ids.is_empty() {
            Vec::new()
        } else {
            vec![Effect::LoadRows {
                ids,
                scope: ctx.scope.clone(),
            }]
        }
    }

    /// The info line, the column header and every listed project (or the line saying none
    /// match, once the answer is in).
    pub fn content_height(&self) -> usize {
        LIST_HEAD + self.ids.len().max(usize::from(self.loaded))
    }

    pub fn new(kind: ListKind, label: String, query: String, filter: Filter) -> ListState {
        let sort = match kind {
            ListKind::Projects | ListKind::Portfolio => Sort::default(),
            ListKind::Highway => Sort {
                key: SortKey::FlagAge,
                descending: false,
            },
            ListKind::Radar(_) => Sort {
                key: SortKey::EndDate,
                descending: false,
            },
        };
        ListState {
            kind,
            opened: (query.clone(), label.clone()),
            label,
            query,
            filter,
            sort,
            ids: Vec::new(),
            loaded: false,
            partial: false,
            cursor: 0,
            offset: 0,
            selected: BTreeSet::new(),
            anchor: None,
            count: None,
            rows: HashMap::new(),
            request: 0,
            open_single: false,
        }
    }

    /// The filter actually loaded: the highway queue always adds "open flag", the radar
    /// `ending:` its horizon (unless the filter line names its own window).
    pub fn effective_filter(&self) -> Filter {
        let mut f = self.filter.clone();
        match self.kind {
            ListKind::Highway => f.flag = Some(crate::query::FlagFilter::Open),
            ListKind::Radar(days) if f.ending.is_none() => {
                f.ending = Some(crate::query::EndingFilter::Days(days));
            }
            _ => {}
        }
        f
    }

    /// The project under the cursor.
    pub fn cursor_id(&self) -> Option<i64> {
        self.ids.get(self.cursor).copied()
    }

    /// Takes a new answer: keeps the cursor on the same project when it is still listed, and the
    /// selection to projects still listed.
    pub fn set_ids(&mut self, ids: Vec<i64>, page: usize) {
        self.partial = false;
        let keep = self.cursor_id();
        // A set of every listed id only when there is a selection to prune (8 bytes an id in
        // the list, several times that in a set: 1,000,000 projects).
        if !self.selected.is_empty() {
            let listed: std::collections::HashSet<i64> = ids.iter().copied().collect();
            self.selected.retain(|id| listed.contains(id));
        }
        self.ids = ids;
        self.loaded = true;
        self.cursor = keep
            .and_then(|id| self.ids.iter().position(|x| *x == id))
            .unwrap_or(self.cursor)
            .min(self.ids.len().saturating_sub(1));
        self.anchor = self.anchor.filter(|a| *a < self.ids.len());
        self.scroll_into_view(page);
    }

    /// The effect that loads this list's answer: its first `head` ids, or all of them.
    pub fn load_effect(
        &self,
        request: u64,
        scope: crate::model::Scope,
        head: Option<usize>,
    ) -> Effect {
        let (filter, sort) = (self.effective_filter(), self.sort);
        match head {
            Some(limit) => Effect::LoadListHead {
                request,
                filter,
                sort,
                scope,
                limit,
            },
            None => Effect::LoadList {
                request,
                filter,
                sort,
                scope,
            },
        }
    }

    /// Takes the first screen of the answer; none found among the first projects (a rare
    /// filter) leaves the list searching until the whole answer comes.
    fn take_head(&mut self, ids: Vec<i64>, page: usize) {
        if ids.is_empty() {
            self.ids.clear();
            self.cursor = 0;
            self.offset = 0;
            self.partial = true;
        } else {
            self.set_head(ids, page);
        }
    }

    /// Stores the first screen of the answer (the selection is kept: the rest is coming).
    pub fn set_head(&mut self, ids: Vec<i64>, page: usize) {
        self.ids = ids;
        self.loaded = true;
        self.partial = true;
        self.cursor = self.cursor.min(self.ids.len().saturating_sub(1));
        self.anchor = self.anchor.filter(|a| *a < self.ids.len());
        self.scroll_into_view(page);
    }

    /// Stores fetched display rows.
    pub fn add_rows(&mut self, rows: Vec<ProjectRow>) {
        if self.rows.len() + rows.len() > ROW_CACHE {
            self.rows.clear();
        }
        self.rows.extend(rows.into_iter().map(|r| (r.id, r)));
    }

    /// Ids on screen whose rows have not been fetched.
    pub fn missing_rows(&self, page: usize) -> Vec<i64> {
        let end = (self.offset + page).min(self.ids.len());
        self.ids[self.offset.min(end)..end]
            .iter()
            .filter(|id| !self.rows.contains_key(id))
            .copied()
            .collect()
    }

    /// Moves the cursor for a navigation command; `page` is the number of rows on screen.
    pub fn move_cursor(&mut self, command: Command, page: usize) {
        let last = self.ids.len().saturating_sub(1);
        let step = page.max(1);
        self.cursor = match command {
            Command::Up => self.cursor.saturating_sub(1),
            Command::Down => (self.cursor + 1).min(last),
            Command::Top => 0,
            Command::Bottom => last,
            Command::PageUp => self.cursor.saturating_sub(step),
            Command::PageDown => (self.cursor + step).min(last),
            _ => self.cursor,
        };
        self.scroll_into_view(page);
    }

    /// Keeps the cursor row on screen (after a move, or when the terminal changed size).
    pub fn scroll_into_view(&mut self, page: usize) {
        let page = page.max(1);
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + page {
            self.offset = self.cursor + 1 - page;
        }
        self.offset = self.offset.min(self.ids.len().saturating_sub(page));
    }

    /// Space: toggles the cursor row and moves down.
    pub fn toggle_select(&mut self, page: usize) {
        if let Some(id) = self.cursor_id() {
            if !self.selected.remove(&id) {
                self.selected.insert(id);
            }
            self.move_cursor(Command::Down, page);
        }
    }

    /// A digit typed on the list: the count so far (at most 9,999), or `None` for a leading 0.
    pub fn push_digit(&mut self, digit: u8) -> Option<usize> {
        let n = self.count.unwrap_or(0) * 10 + usize::from(digit);
        self.count = (n > 0).then_some(n.min(9_999));
        self.count
    }

    /// `N Space`: toggles `n` rows from the cursor down as `n` presses of Space would, stopping at
    /// the last row (which is toggled once).
    pub fn toggle_rows(&mut self, n: usize, page: usize) {
        for _ in 0..n {
            let Some(id) = self.cursor_id() else {
                return;
            };
            if !self.selected.remove(&id) {
                self.selected.insert(id);
            }
            if self.cursor + 1 >= self.ids.len() {
                break;
            }
            self.move_cursor(Command::Down, page);
        }
    }

    /// `v`: the first press marks where the range starts, the second selects anchor..=cursor.
    /// Returns whether a range was completed.
    pub fn select_range(&mut self) -> bool {
        match self.anchor.take() {
            None => {
                self.anchor = Some(self.cursor);
                false
            }
            Some(a) => {
                let (lo, hi) = (a.min(self.cursor), a.max(self.cursor));
                self.selected.extend(
                    self.ids[lo..=hi.min(self.ids.len().saturating_sub(1))]
                        .iter()
                        .copied(),
                );
                true
            }
        }
    }

    /// `*`: selects every listed project, or clears the selection when all are selected.
    pub fn select_all(&mut self) {
        if !self.ids.is_empty() && self.selected.len() == self.ids.len() {
            self.selected.clear();
        } else {
            self.selected = self.ids.iter().copied().collect();
        }
    }

    /// The projects an action applies to: the selection, or the cursor row when none.
    pub fn targets(&self) -> Vec<i64> {
        if self.selected.is_empty() {
            self.cursor_id().into_iter().collect()
        } else {
            self.ids
                .iter()
                .filter(|id| self.selected.contains(id))
                .copied()
                .collect()
        }
    }

    /// `s`: the next of the columns `shown` on screen (ascending), in their order; from a key not
    /// among them (the highway queue's flag age, a column the width dropped), the first shown
    /// after it. `S` reverses.
    pub fn sort_next(&mut self, shown: &[SortKey]) {
        let columns: Vec<SortKey> = SortKey::COLUMNS
            .into_iter()
            .filter(|k| shown.contains(k))
            .collect();
        let Some(&first) = columns.first() else {
            return;
        };
        let order = |k: SortKey| SortKey::COLUMNS.iter().position(|c| *c == k);
        let key = match order(self.sort.key) {
            Some(at) => columns
                .iter()
                .copied()
                .find(|k| order(*k) > Some(at))
                .unwrap_or(first),
            None => first,
        };
        self.sort = Sort {
            key,
            descending: false,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(n: i64) -> ListState {
        let mut l = ListState::new(
            ListKind::Projects,
            "x".into(),
            String::new(),
            Filter::default(),
        );
        l.set_ids((1..=n).collect(), 10);
        l
    }

    #[test]
    fn cursor_stays_visible_and_in_bounds() {
        let mut l = list(100);
        l.move_cursor(Command::PageDown, 10);
        assert_eq!((l.cursor, l.offset), (10, 1));
        l.move_cursor(Command::Bottom, 10);
        assert_eq!((l.cursor, l.offset), (99, 90));
        l.move_cursor(Command::Down, 10);
        assert_eq!(l.cursor, 99);
        l.move_cursor(Command::Top, 10);
        assert_eq!((l.cursor, l.offset), (0, 0));
        assert_eq!(l.missing_rows(10), (1..=10).collect::<Vec<_>>());
    }

    #[test]
    fn selection_toggle_range_all() {
        let mut l = list(20);
        l.toggle_select(10);
        assert_eq!(l.selected.iter().copied().collect::<Vec<_>>(), [1]);
        assert_eq!(l.cursor, 1, "space moves down");
        assert!(!l.select_range());
        l.move_cursor(Command::Down, 10);
        l.move_cursor(Command::Down, 10);
        assert!(l.select_range());
        assert_eq!(l.selected.iter().copied().collect::<Vec<_>>(), [1, 2, 3, 4]);
        assert_eq!(l.targets(), [1, 2, 3, 4]);
        l.select_all();
        assert_eq!(l.selected.len(), 20);
        l.select_all();
        assert!(l.selected.is_empty());
        assert_eq!(l.targets(), [4], "no selection: the cursor row");
    }

    #[test]
    fn reload_keeps_cursor_on_the_same_project_and_prunes_selection() {
        let mut l = list(20);
        l.move_cursor(Command::Down, 10);
        l.move_cursor(Command::Down, 10); // on id 3
        l.selected.extend([3, 15]);
        l.set_ids(vec![2, 3, 4], 10);
        assert_eq!(l.cursor_id(), Some(3));
        assert_eq!(l.selected.iter().copied().collect::<Vec<_>>(), [3]);
        l.set_ids(vec![], 10);
        assert_eq!(l.cursor_id(), None);
        assert!(l.targets().is_empty());
    }

    #[test]
    fn sort_cycles_through_the_columns_shown() {
        let mut l = list(1);
        let all = SortKey::COLUMNS;
        l.sort_next(&all);
        assert_eq!(l.sort.key, SortKey::Title);
        for _ in 0..4 {
            l.sort_next(&all);
        }
        assert_eq!(
            l.sort.key,
            SortKey::DaysInPhase,
            "days in phase follows the phase"
        );
        for _ in 0..4 {
            l.sort_next(&all);
        }
        assert_eq!(l.sort.key, SortKey::AmedId);
        let narrow = [SortKey::AmedId, SortKey::Title, SortKey::Phase];
        l.sort_next(&narrow);
        l.sort_next(&narrow);
        assert_eq!(l.sort.key, SortKey::Phase, "Pi and Program are skipped");
        l.sort_next(&narrow);
        assert_eq!(l.sort.key, SortKey::AmedId);
        l.sort.key = SortKey::Program;
        l.sort_next(&narrow);
        assert_eq!(
            l.sort.key,
            SortKey::Phase,
            "from a hidden column: the next shown"
        );
    }
}
