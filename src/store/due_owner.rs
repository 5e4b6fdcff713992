//! The due board's counts per officer (`t`): each open item counted once for each of its owners
//! (a follow-up's author, a deadline's assigned officers, `-` for a deadline with none) in each
//! aging bucket. Answered from kept counts whatever the number of projects: everyone's from
//! `follow_up_tally`, `deadline_tally`'s officer rows and `unassigned_tally` (v18); mine from
//! `follow_up_tally` by my names and my rows of `deadline_pair_tally` (v19).

use super::Store;
use super::due_page::{Half, Kept, MineWay};
use crate::Result;
use crate::model::{AgingBucket, Date, DueBoardRow, Me, sort_board};
use rusqlite::types::Value;

/// One per-officer statement being written: its SQL arms and their parameters, in order.
struct OwnerSql {
    today: Date,
    until: Date,
    params: Vec<Value>,
}

impl OwnerSql {
    /// `CASE` giving the aging bucket (0..=3) of the day in `date`, its bounds as parameters.
    fn bucket(&mut self, date: &str) -> String {
        let mut case = String::from("CASE");
        for (k, b) in AgingBucket::BOARD[..3].iter().enumerate() {
            let bound = b.due_range(self.today).1.map(|d| d.to_string());
            self.params.push(Value::Text(bound.unwrap_or_default()));
            case.push_str(&format!(" WHEN {date} <= ? THEN {k}"));
        }
        case.push_str(" ELSE 3 END");
        case
    }

    /// The board's horizon as the next parameter.
    fn until(&mut self) {
        self.params.push(Value::Text(self.until.to_string()));
    }

    /// Everyone's rows: kept follow-ups per author, kept deadlines per officer (two officers of
    /// one name are one row, as when the items were read), unassigned deadlines as `''`.
    fn everyone(&mut self) -> String {
        let case = self.bucket("due_on");
        self.until();
        let notes = format!(
            "SELECT author, {case}, sum(n) FROM follow_up_tally WHERE due_on <= ? GROUP BY 1, 2"
        );
        let case = self.bucket("t.due_on");
        self.until();
        let assigned = format!(
            "SELECT o.name, {case}, sum(t.n) FROM deadline_tally t JOIN officer o ON o.id = t.officer_id
             WHERE t.officer_id > 0 AND t.due_on <= ? GROUP BY 1, 2"
        );
        let case = self.bucket("due_on");
        self.until();
        let nobody =
            format!("SELECT '', {case}, sum(n) FROM unassigned_tally WHERE due_on <= ? GROUP BY 2");
        format!("{notes} UNION ALL {assigned} UNION ALL {nobody}")
    }

    /// My rows: my follow-ups by author from the kept counts (the same rows as my open items),
    /// then my deadlines per officer of their projects.
    fn mine(&mut self, me: &Me) -> String {
        let case = self.bucket("due_on");
        self.until();
        self.params
            .extend(me.names.iter().map(|n| Value::Text(n.clone())));
        let marks = vec!["?"; me.names.len()].join(", ");
        let notes = format!(
            "SELECT author, {case}, sum(n) FROM follow_up_tally
             WHERE due_on <= ? AND author IN ({marks}) GROUP BY 1, 2"
        );
        match Kept::of(Some(me)) {
            // My rows of the kept pairs, split by co-officer.
            Kept::Officer(officer) => {
                let case = self.bucket("t.due_on");
                self.params.push(Value::Integer(officer));
                self.until();
                format!(
                    "{notes} UNION ALL
                     SELECT coalesce(o.name, ''), {case}, sum(t.n) FROM deadline_pair_tally t
                       LEFT JOIN officer o ON o.id = t.co_officer_id
                     WHERE t.officer_id = ? AND t.due_on <= ? GROUP BY 1, 2"
                )
            }
            // No officer record: no deadlines of mine.
            Kept::Nobody => notes,
            // A project assigned to two of my records would count twice in a sum of their
            // rows: my items, grouped over my projects' open-item index.
            Kept::Counted => {
                let (open, open_params) = Half::Deadlines.open(self.until, Some(me), MineWay::Set);
                let case = self.bucket("d.due_on");
                self.params.extend(open_params);
                format!(
                    "{notes} UNION ALL
                     SELECT coalesce(o.name, ''), {case}, count(*) FROM deadline d
                       LEFT JOIN project_officer po ON po.project_id = d.project_id
                       LEFT JOIN officer o ON o.id = po.officer_id
                     WHERE {open} GROUP BY 1, 2"
                )
            }
        }
    }
}

impl Store {
    /// Counts per officer and aging bucket as of `today`, of the board up to `until` (everyone's,
    /// or mine), in the board's row order (`-`: deadlines without an officer).
    pub fn due_owner_counts(
        &self,
        until: Date,
        today: Date,
        mine: Option<&Me>,
    ) -> Result<Vec<DueBoardRow>> {
        let mut owner = OwnerSql {
            today,
            until,
            params: Vec::new(),
        };
        let sql = match mine {
            None => owner.everyone(),
            Some(me) => owner.mine(me),
        };
        let mut by_owner: std::collections::BTreeMap<String, [i64; 4]> = Default::default();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(owner.params.iter()), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        for row in rows {
            let (owner, slot, n) = row?;
            let owner = if owner.is_empty() { "-".into() } else { owner };
            by_owner.entry(owner).or_default()[usize::try_from(slot).unwrap_or(3).min(3)] += n;
        }
        Ok(sort_board(
            by_owner
                .into_iter()
                .map(|(owner, counts)| DueBoardRow { owner, counts })
                .collect(),
        ))
    }
}
