//! Project lists: the ids matching a filter in a sort order (cheap, all of them), and the display
//! rows of just the ids on screen.

use super::filter::condition;
use super::{Store, codes};
use crate::Result;
use crate::model::{HighwayInfo, ProjectRow, Scope, Sort, SortKey, officer_key};
use crate::query::Filter;
use std::collections::HashMap;

/// `ORDER BY` expressions of a sort key (ties broken by 課題管理番号).
fn order_by(key: SortKey) -> Vec<&'static str> {
    vec![match key {
        SortKey::AmedId => "p.amed_id",
        SortKey::Title => "p.title",
        SortKey::Pi => return vec!["p.pi_name", "p.institution"],
        SortKey::Program => "(SELECT name_ja FROM program WHERE id = p.program_id)",
        SortKey::Phase => "p.phase",
        SortKey::Modality => "(SELECT sort_order FROM modality WHERE code = p.modality)",
        SortKey::Flag => {
            "coalesce((SELECT min(CASE f.status WHEN 'recommended' THEN 1 WHEN 'candidate' THEN 2
                 WHEN 'accepted' THEN 3 WHEN 'declined' THEN 4 ELSE 5 END)
               FROM highway_flag f WHERE f.project_id = p.id), 9)"
        }
        SortKey::LastNote => {
            "coalesce((SELECT max(n.occurred_on) FROM note n WHERE n.project_id = p.id AND n.deleted_at IS NULL), '')"
        }
        SortKey::DaysInPhase => {
            // Ascending = fewest days first = the latest phase entry first.
            "coalesce((SELECT -julianday(e.entered_on) FROM phase_entered e WHERE e.project_id = p.id), 0)"
        }
        SortKey::EndDate => "coalesce(p.end_date, '9999')",
        SortKey::FlagAge => {
            // `+f.status`: left to itself SQLite answers min(created_at) from the (status,
            // created_at) index, scanning every open flag for each project (58 s at 100,000).
            "coalesce((SELECT min(f.created_at) FROM highway_flag f
               WHERE f.project_id = p.id AND +f.status IN ('candidate', 'recommended')), '9999')"
        }
    }]
}

impl Store {
    /// Row ids of the projects matching `filter` in `scope`, in `sort` order (ties by
    /// 課題管理番号). Reads in one statement; no transaction stays open afterwards. Words of one or
    /// two characters scan `project_short` on disk (see `store::short`).
    pub fn project_ids(&self, filter: &Filter, sort: Sort, scope: &Scope) -> Result<Vec<i64>> {
        // The highway queue as opened: from the open flags, not a sort of every project.
        if super::highway_queue::is_queue(filter, sort) {
            return self.highway_queue(sort.descending);
        }
        let me = self.me(&scope.me)?;
        let cond = condition(filter, scope, &me);
        let direction = if sort.descending { "DESC" } else { "ASC" };
        let order: Vec<String> = order_by(sort.key)
            .iter()
            .chain(&["p.amed_id"])
            .map(|e| format!("{e} {direction}"))
            .collect();
        // Every live project by 課題管理番号 (an export of all, the whole unfiltered list): the ids
        // straight from the 課題管理番号 index, less the retired ones (a partial index), rather than
        // each project's row read for its `retired_at` (at 100,000 projects, 75,000 reads of the file:
        // as many as the export's own).
        let live_by_amed_id = cond.sql == super::filter::LIVE && sort.key == SortKey::AmedId;
        let sql = format!(
            "SELECT p.id FROM project p WHERE {} ORDER BY {}",
            match live_by_amed_id {
                true => "p.id NOT IN (SELECT id FROM project WHERE retired_at IS NOT NULL)",
                false => &cond.sql,
            },
            order.join(", ")
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let ids = stmt
            .query_map(rusqlite::params_from_iter(cond.params.iter()), |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok(ids)
    }

    /// Display rows for `ids`, in the order given; ids that no longer exist are left out.
    pub fn project_rows(&self, ids: &[i64], scope: &Scope) -> Result<Vec<ProjectRow>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let sql = format!(
            "SELECT p.id, p.amed_id, p.title, p.pi_name, p.institution, g.name_ja, g.name_en, p.phase, p.modality,
               (SELECT f.status FROM highway_flag f WHERE f.project_id = p.id
                 ORDER BY f.status IN ('candidate', 'recommended') DESC, f.updated_at DESC LIMIT 1),
               (SELECT max(n.occurred_on) FROM note n WHERE n.project_id = p.id AND n.deleted_at IS NULL),
               EXISTS (SELECT 1 FROM note n WHERE n.project_id = p.id AND n.follow_up_on <= ?1
                 AND n.follow_up_done_at IS NULL AND n.deleted_at IS NULL),
               o.id, o.version, p.program_id,
               (SELECT e.entered_on FROM phase_entered e WHERE e.project_id = p.id),
               EXISTS (SELECT 1 FROM watch w WHERE w.officer = ?2 AND w.project_id = p.id),
               substr(o.created_at, 1, 10), t.name_ja, t.name_en,
               o.competitive_advantage, o.ip_portfolio, o.evidence_data, p.end_date
             FROM project p
             LEFT JOIN highway_flag o ON o.project_id = p.id AND o.status IN ('candidate', 'recommended')
             LEFT JOIN program t ON t.id = o.target_program_id
             JOIN program g ON g.id = p.program_id WHERE p.id IN ({list}) AND p.retired_at IS NULL"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut by_id: HashMap<i64, ProjectRow> = stmt
            .query_map(
                rusqlite::params![scope.today.to_string(), officer_key(&scope.me)],
                |r| {
                    Ok(ProjectRow {
                        id: r.get(0)?,
                        amed_id: r.get(1)?,
                        title: r.get(2)?,
                        pi_name: r.get(3)?,
                        institution: r.get(4)?,
                        program_ja: r.get(5)?,
                        program_en: r.get(6)?,
                        phase: codes::phase(r, 7)?,
                        modality: codes::coded(r, 8)?,
                        flag: codes::coded_opt(r, 9)?,
                        last_note: r.get(10)?,
                        follow_up_due: r.get(11)?,
                        open_flag: match (
                            r.get::<_, Option<i64>>(12)?,
                            r.get::<_, Option<i64>>(13)?,
                        ) {
                            (Some(id), Some(version)) => Some((id, version)),
                            _ => None,
                        },
                        program_id: r.get(14)?,
                        phase_entered: r.get(15)?,
                        watched: r.get(16)?,
                        highway: match r.get::<_, Option<String>>(17)? {
                            Some(flagged_on) => Some(HighwayInfo {
                                flagged_on,
                                target_ja: r.get(18)?,
                                target_en: r.get(19)?,
                                criteria: [
                                    codes::coded(r, 20)?,
                                    codes::coded(r, 21)?,
                                    codes::coded(r, 22)?,
                                ],
                            }),
                            None => None,
                        },
                        end_date: r.get(23)?,
                    })
                },
            )?
            .map(|row| row.map(|row| (row.id, row)))
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
    }
}

/// Stops what a store's connection is running from another thread (see
/// [`Store::interrupt_handle`]): the statement fails at once, as interrupted.
pub struct Interrupt(rusqlite::InterruptHandle);

impl Interrupt {
    /// Interrupts the statement running now, if any (a no-op when none runs).
    pub fn interrupt(&self) {
        self.0.interrupt();
    }
}

impl Store {
    /// A handle that interrupts this store's running statement from another thread (the TUI's
    /// list worker is stopped this way when a newer filter supersedes its list).
    pub fn interrupt_handle(&self) -> Interrupt {
        Interrupt(self.conn.get_interrupt_handle())
    }
}
