//! The due board a screen at a time: its counts from the open-item indexes (`note_follow_up_open`,
//! `deadline_open`) without reading an item, and the items of one page found by their place in
//! the board's order (keyset: due date, follow-ups before deadlines, id), never by an offset.
//!
//! Retired projects are left out by `project_id NOT IN (retired)`: the retired ids are read once
//! (few rows) and every open item is tested from the index entry alone, so the counts never visit
//! a project row. The deadlines' counts come from `deadline_tally` (open deadlines of live
//! projects per due day and officer, schema v14): sums over days, whatever the number of projects.
//! The counts per officer (`t`) are in `due_owner.rs`.
//! Mine pages probe each deadline's project for my assignment, so a page reads about a page of
//! entries, unless my deadlines are too rare for that (see [`MineWay`]).

use super::Store;
use super::due::{due_item, select};
use crate::Result;
use crate::model::{AgingBucket, Date, DueCounts, DueItem, DueKey, DueSeek, Me};
use rusqlite::types::Value;

/// Open follow-ups due by the first parameter, of live projects (`note_follow_up_open` holds both
/// the date and the project: the test needs no table row).
const NOTES_OPEN: &str = "n.follow_up_on IS NOT NULL AND n.follow_up_done_at IS NULL
    AND n.deleted_at IS NULL AND n.follow_up_on <= ?
    AND n.project_id NOT IN (SELECT id FROM project WHERE retired_at IS NOT NULL)";

/// Open deadlines due by the first parameter, of live projects (`deadline_open`: date, id,
/// project, in the board's order).
const DEADLINES_OPEN: &str = "d.done_on IS NULL AND d.due_on <= ?
    AND d.project_id NOT IN (SELECT id FROM project WHERE retired_at IS NOT NULL)";

/// Which half of the board a condition is for.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Half {
    Notes,
    Deadlines,
}

impl Half {
    fn table(self) -> &'static str {
        match self {
            Half::Notes => "note n",
            Half::Deadlines => "deadline d",
        }
    }

    fn date(self) -> &'static str {
        match self {
            Half::Notes => "n.follow_up_on",
            Half::Deadlines => "d.due_on",
        }
    }

    fn id(self) -> &'static str {
        match self {
            Half::Notes => "n.id",
            Half::Deadlines => "d.id",
        }
    }

    /// The open items of this half due by `until` (mine only with `mine`, my deadlines found the
    /// `way` asked), and its parameters.
    pub(super) fn open(self, until: Date, mine: Option<&Me>, way: MineWay) -> (String, Vec<Value>) {
        let mut params = vec![Value::Text(until.to_string())];
        let mut sql = match self {
            Half::Notes => NOTES_OPEN,
            Half::Deadlines => DEADLINES_OPEN,
        }
        .to_string();
        if let Some(me) = mine {
            match self {
                Half::Notes => {
                    let marks: Vec<&str> = me.names.iter().map(|_| "?").collect();
                    sql.push_str(&format!(" AND n.author IN ({})", marks.join(", ")));
                    params.extend(me.names.iter().map(|n| Value::Text(n.clone())));
                }
                Half::Deadlines => {
                    let ids: Vec<String> = me.officer_ids.iter().map(i64::to_string).collect();
                    let ids = ids.join(", ");
                    sql.push_str(&match way {
                        MineWay::Probe => format!(
                            " AND EXISTS (SELECT 1 FROM project_officer po
                                WHERE po.project_id = d.project_id AND po.officer_id IN ({ids}))"
                        ),
                        MineWay::Set => format!(
                            " AND d.project_id IN (SELECT project_id FROM project_officer WHERE officer_id IN ({ids}))"
                        ),
                    });
                }
            }
        }
        (sql, params)
    }
}

/// How "mine" finds my deadlines. `Probe` walks the open deadlines in the board's order and looks
/// each one's project up in `project_officer` (its primary key): a page reads about
/// page ÷ (my share of the board) entries. `Set` walks my projects' open deadlines
/// (`deadline_open_project`), as many as I have projects: cheaper when my share is small.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum MineWay {
    Probe,
    Set,
}

/// Below this share of the board's deadlines (1 in `RARE`), mine pages walk my projects instead of
/// probing every deadline: a page of probes then reads at most about `RARE` × page entries.
const RARE: i64 = 64;

/// Whose kept deadline counts answer the board: everyone's (officer 0) or one officer's; `Nobody`
/// for mine without an officer record; `Counted` when my name matches several officer records
/// (a project assigned to two of them would count twice in a sum of their rows).
#[derive(Clone, Copy)]
pub(super) enum Kept {
    Officer(i64),
    Nobody,
    Counted,
}

impl Kept {
    pub(super) fn of(mine: Option<&Me>) -> Kept {
        match mine.map(|me| me.officer_ids.as_slice()) {
            None => Kept::Officer(0),
            Some([]) => Kept::Nobody,
            Some([id]) => Kept::Officer(*id),
            Some(_) => Kept::Counted,
        }
    }
}

/// Whether this half's items come after `key` (`inclusive`: or are it), as SQL on its date and id.
/// Follow-ups sort before deadlines on the same day, so one half's test depends on the key's.
fn after(half: Half, key: &DueKey, inclusive: bool, params: &mut Vec<Value>) -> String {
    let (date, id) = (half.date(), half.id());
    let same_half = key.deadline == (half == Half::Deadlines);
    let later_half = half == Half::Deadlines && !key.deadline;
    params.push(Value::Text(key.due_on.clone()));
    if same_half {
        params.push(Value::Integer(key.id));
        let op = if inclusive { ">=" } else { ">" };
        format!("({date}, {id}) {op} (?, ?)")
    } else if later_half {
        format!("{date} >= ?")
    } else {
        format!("{date} > ?")
    }
}

/// Whether this half's items come before `key`.
fn before(half: Half, key: &DueKey, params: &mut Vec<Value>) -> String {
    let (date, id) = (half.date(), half.id());
    let same_half = key.deadline == (half == Half::Deadlines);
    let earlier_half = half == Half::Notes && key.deadline;
    params.push(Value::Text(key.due_on.clone()));
    if same_half {
        params.push(Value::Integer(key.id));
        format!("({date}, {id}) < (?, ?)")
    } else if earlier_half {
        format!("{date} <= ?")
    } else {
        format!("{date} < ?")
    }
}

impl Store {
    /// How many items the board up to `until` holds, and how many fall in each aging bucket as
    /// of `today` (everything on the board is due by `until`, today + 30 days). Follow-ups are
    /// counted from their open-item indexes (`SEARCH n USING COVERING INDEX note_follow_up_open
    /// (follow_up_on<?)`; mine: `note_open_follow_up_author (author=? AND follow_up_on<?)`);
    /// deadlines are sums of one officer's kept rows (`deadline_tally`), counted over
    /// `deadline_open` only when my name matches several officer records.
    pub fn due_counts(&self, until: Date, today: Date, mine: Option<&Me>) -> Result<DueCounts> {
        let bound = |b: AgingBucket| b.due_range(today).1.map(|d| d.to_string());
        let ends = [
            bound(AgingBucket::Overdue61Plus),
            bound(AgingBucket::Overdue31To60),
            bound(AgingBucket::Overdue1To30),
        ];
        let mut sums = [0i64; 4];
        let halves = match Kept::of(mine) {
            Kept::Officer(officer) => {
                sums = self.kept_deadline_sums(officer, until, &ends)?;
                &[Half::Notes][..]
            }
            Kept::Nobody => &[Half::Notes][..],
            Kept::Counted => &[Half::Notes, Half::Deadlines][..],
        };
        for &half in halves {
            let (open, mut params) = half.open(until, mine, MineWay::Set);
            let date = half.date();
            let mut cols = vec!["count(*)".to_string()];
            for end in &ends {
                cols.push(format!("coalesce(sum({date} <= ?), 0)"));
                params.insert(cols.len() - 2, Value::Text(end.clone().unwrap_or_default()));
            }
            let sql = format!(
                "SELECT {} FROM {} WHERE {open}",
                cols.join(", "),
                half.table()
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let row: [i64; 4] = stmt.query_row(rusqlite::params_from_iter(params.iter()), |r| {
                Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?])
            })?;
            for (sum, n) in sums.iter_mut().zip(row) {
                *sum += n;
            }
        }
        // Cumulative counts (due by each bucket's last day) into the buckets themselves.
        let [total, by61, by31, by1] = sums;
        Ok(DueCounts {
            total: usize::try_from(total).unwrap_or_default(),
            buckets: [by61, by31 - by61, by1 - by31, total - by1],
        })
    }

    /// How many items of the board come before `key` (its position, when it is still due). The
    /// deadlines of the days before the key's come from the kept counts; the key's own day is
    /// counted (`SEARCH d USING INDEX deadline_open (due_on=? AND id<?)`).
    pub fn due_position(&self, until: Date, mine: Option<&Me>, key: &DueKey) -> Result<usize> {
        let mut n = 0i64;
        let kept = Kept::of(mine);
        for half in [Half::Notes, Half::Deadlines] {
            let (open, mut params) = half.open(until, mine, MineWay::Probe);
            let cond = match (half, kept) {
                (Half::Deadlines, Kept::Nobody) => continue,
                // The days before the key's from the kept counts, the key's own day counted.
                (Half::Deadlines, Kept::Officer(officer)) => {
                    n += self.kept_deadlines_before(officer, until, &key.due_on)?;
                    if !key.deadline {
                        continue;
                    }
                    params.push(Value::Text(key.due_on.clone()));
                    params.push(Value::Integer(key.id));
                    "d.due_on = ? AND d.id < ?".to_string()
                }
                _ => before(half, key, &mut params),
            };
            let sql = format!(
                "SELECT count(*) FROM {} WHERE {open} AND {cond}",
                half.table()
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            n += stmt.query_row(rusqlite::params_from_iter(params.iter()), |r| {
                r.get::<_, i64>(0)
            })?;
        }
        Ok(usize::try_from(n).unwrap_or_default())
    }

    /// At most `limit` items of the board up to `until` from `seek` on (or, for `Before` and
    /// `End`, up to it), in the board's order: what [`Store::due_items`] answers, a page of it.
    /// Each half walks its open-item index from the key (`SEARCH ... USING INDEX
    /// note_follow_up_open (follow_up_on>?)`), reading at most `limit` entries; the two are merged
    /// here and only the page's items are read in full.
    pub fn due_page(
        &self,
        until: Date,
        mine: Option<&Me>,
        seek: &DueSeek,
        limit: usize,
    ) -> Result<Vec<DueItem>> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let backwards = matches!(seek, DueSeek::End | DueSeek::Before(_));
        let mut keys: Vec<DueKey> = Vec::new();
        let way = self.mine_way(until, mine)?;
        for half in [Half::Notes, Half::Deadlines] {
            let (open, mut params) = half.open(until, mine, way);
            let cond = match seek {
                DueSeek::Start | DueSeek::End => "1".to_string(),
                DueSeek::After(key) => after(half, key, false, &mut params),
                DueSeek::From(key) => after(half, key, true, &mut params),
                DueSeek::Before(key) => before(half, key, &mut params),
            };
            let dir = if backwards { "DESC" } else { "ASC" };
            let (date, id) = (half.date(), half.id());
            let sql = format!(
                "SELECT {date}, {id} FROM {} WHERE {open} AND {cond}
                 ORDER BY {date} {dir}, {id} {dir} LIMIT {limit}",
                half.table()
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(params.iter()), |r| {
                Ok(DueKey {
                    due_on: r.get(0)?,
                    deadline: half == Half::Deadlines,
                    id: r.get(1)?,
                })
            })?;
            keys.extend(rows.collect::<rusqlite::Result<Vec<_>>>()?);
        }
        keys.sort();
        if backwards {
            let skip = keys.len().saturating_sub(limit);
            keys.drain(..skip);
        } else {
            keys.truncate(limit);
        }
        let ids = |deadline: bool| -> String {
            let ids: Vec<String> = keys
                .iter()
                .filter(|k| k.deadline == deadline)
                .map(|k| k.id.to_string())
                .collect();
            if ids.is_empty() {
                "0".into()
            } else {
                ids.join(",")
            }
        };
        // The page's items by id (primary keys), in the board's order.
        let sql = select(
            &format!("n.id IN ({})", ids(false)),
            &format!("d.id IN ({})", ids(true)),
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let items = stmt.query_map([], due_item)?;
        Ok(items.collect::<rusqlite::Result<_>>()?)
    }

    /// `officer`'s open deadlines due by `until` and by each of `ends` (cumulative), from the
    /// kept counts: `SEARCH deadline_tally USING PRIMARY KEY (officer_id=? AND due_on<?)`.
    fn kept_deadline_sums(
        &self,
        officer: i64,
        until: Date,
        ends: &[Option<String>; 3],
    ) -> Result<[i64; 4]> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT coalesce(sum(n), 0), coalesce(sum(n) FILTER (WHERE due_on <= ?3), 0),
                    coalesce(sum(n) FILTER (WHERE due_on <= ?4), 0),
                    coalesce(sum(n) FILTER (WHERE due_on <= ?5), 0)
             FROM deadline_tally WHERE officer_id = ?1 AND due_on <= ?2",
        )?;
        let [a, b, c] = ends.clone().map(Option::unwrap_or_default);
        Ok(stmt.query_row(
            rusqlite::params![officer, until.to_string(), a, b, c],
            |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?]),
        )?)
    }

    /// `officer`'s open deadlines due before `day` (and by `until`), from the kept counts.
    fn kept_deadlines_before(&self, officer: i64, until: Date, day: &str) -> Result<i64> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT coalesce(sum(n), 0) FROM deadline_tally
             WHERE officer_id = ?1 AND due_on <= ?2 AND due_on < ?3",
        )?;
        Ok(
            stmt.query_row(rusqlite::params![officer, until.to_string(), day], |r| {
                r.get(0)
            })?,
        )
    }

    /// How mine pages find my deadlines: by probe unless my share of the board's deadlines (from
    /// the kept counts) is under 1 in [`RARE`], or my name matches several officer records.
    fn mine_way(&self, until: Date, mine: Option<&Me>) -> Result<MineWay> {
        let Kept::Officer(officer) = Kept::of(mine) else {
            return Ok(MineWay::Set);
        };
        if officer == 0 {
            return Ok(MineWay::Probe);
        }
        let none = [None, None, None];
        let my = self.kept_deadline_sums(officer, until, &none)?[0];
        let all = self.kept_deadline_sums(0, until, &none)?[0];
        Ok(if my * RARE >= all {
            MineWay::Probe
        } else {
            MineWay::Set
        })
    }
}
