//! The due follow-ups summed by year, month and day (`tally_span`, schema v15, kept by the
//! triggers of `tally_span.sql` on `tally`): "due by today" is the years before today's, this
//! year's months before today's and this month's days up to today, three index ranges bounded by
//! the calendar whatever the number of distinct due days. `doctor` compares the table with a
//! recount from `tally`; the rebuild refills it through those triggers.

use crate::Result;
use crate::model::Date;

/// The rows of `tally_span` recounted from `tally` (the migration's fill and `doctor`'s recount).
macro_rules! span_recount {
    () => {
        "SELECT t.officer_id, t.dim, t.figure, g.grain, substr(t.day, 1, g.len), t.key, t.phase,
                sum(t.n)
         FROM tally t,
              (SELECT 'y' AS grain, 4 AS len UNION ALL SELECT 'm', 7 UNION ALL SELECT 'd', 10) g
         WHERE t.figure IN ('due_projects', 'due_notes')
         GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(t.n) <> 0"
    };
}
pub(super) use span_recount;

/// Today's bounds on the calendar, as the spans' text: the year (`:year`), its first month
/// (`:year_start`), the month (`:month`), its first day (`:month_start`) and the day (`:today`).
pub(super) struct Bounds {
    pub today: String,
    pub year: String,
    pub year_start: String,
    pub month: String,
    pub month_start: String,
}

impl Bounds {
    pub(super) fn of(today: Date) -> Bounds {
        let year = today.format("%Y").to_string();
        let month = today.format("%Y-%m").to_string();
        Bounds {
            year_start: format!("{year}-01"),
            month_start: format!("{month}-01"),
            today: today.to_string(),
            year,
            month,
        }
    }
}

/// SQL arms (`key, phase, figure, n`) of `figure`'s follow-ups due before today (`through_today`:
/// or on it), for `officer_id = :officer AND dim = {dim}`: three range scans of the primary key.
pub(super) fn due_arms(dim: &str, figure: &str, through_today: bool) -> String {
    let last = if through_today { "<=" } else { "<" };
    let arm = |grain: &str, range: &str| {
        format!(
            "SELECT key, phase, figure, n FROM tally_span
             WHERE officer_id = :officer AND dim = {dim} AND figure = '{figure}'
               AND grain = '{grain}' AND {range}"
        )
    };
    [
        arm("y", "span < :year"),
        arm("m", "span >= :year_start AND span < :month"),
        arm("d", &format!("span >= :month_start AND span {last} :today")),
    ]
    .join(" UNION ALL ")
}

/// How many rows of `tally_span` differ from its recount from `tally` (missing, extra or off).
pub(super) fn differing_rows(conn: &rusqlite::Connection) -> Result<i64> {
    let kept = "SELECT officer_id, dim, figure, grain, span, key, phase, n FROM tally_span
                WHERE n <> 0";
    let recount = span_recount!();
    Ok(conn.query_row(
        &format!(
            "SELECT (SELECT count(*) FROM ({kept} EXCEPT {recount}))
                  + (SELECT count(*) FROM ({recount} EXCEPT {kept}))"
        ),
        [],
        |r| r.get(0),
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bounds_split_today_into_year_month_and_day() {
        let b = Bounds::of(crate::model::parse_date("2027-01-01").unwrap());
        assert_eq!(
            (
                b.year.as_str(),
                b.year_start.as_str(),
                b.month.as_str(),
                b.month_start.as_str(),
                b.today.as_str()
            ),
            ("2027", "2027-01", "2027-01", "2027-01-01", "2027-01-01")
        );
    }
}
