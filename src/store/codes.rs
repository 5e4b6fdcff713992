//! Coded values read back from the database (phases by position, modalities, statuses and kinds
//! by code) through `FromSql`: an unknown code is an error that names the code and the column,
//! never a silent default. `model` cannot name rusqlite, so the impls live here on newtypes.

use crate::model::{Coded, Phase};
use rusqlite::Row;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, Type, ValueRef};

/// A stored code that no value of the expected kind has.
#[derive(Debug)]
pub(crate) struct UnknownCode {
    /// What was expected, e.g. `FlagStatus` or `phase`.
    pub what: String,
    /// The stored value as text.
    pub code: String,
    /// The result column, when known.
    pub column: Option<String>,
    /// What would have been accepted.
    pub expected: String,
}

impl std::fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown {} code '{}'", self.what, self.code)?;
        if let Some(column) = &self.column {
            write!(f, " in column {column}")?;
        }
        write!(
            f,
            " (expected one of {}; run `seedline doctor`)",
            self.expected
        )
    }
}

impl std::error::Error for UnknownCode {}

/// A coded value (`Coded::parse` of a TEXT column).
pub(crate) struct Code<T>(pub T);

impl<T: Coded> FromSql for Code<T> {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        T::parse(text)
            .map(Code)
            .ok_or_else(|| FromSqlError::Other(Box::new(unknown::<T>(text, None))))
    }
}

/// A phase stored by its position 1..=5 (`phase.id`).
pub(crate) struct PhaseOrd(pub Phase);

impl FromSql for PhaseOrd {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let ord = value.as_i64()?;
        Phase::from_ord(ord)
            .map(PhaseOrd)
            .ok_or_else(|| FromSqlError::Other(Box::new(unknown_phase(ord))))
    }
}

fn type_name<T>() -> String {
    let full = std::any::type_name::<T>();
    full.rsplit("::").next().unwrap_or(full).to_string()
}

fn unknown<T: Coded>(code: &str, column: Option<&str>) -> UnknownCode {
    UnknownCode {
        what: type_name::<T>(),
        code: code.to_string(),
        column: column.map(str::to_string),
        expected: T::codes_list(),
    }
}

fn unknown_phase(ord: i64) -> UnknownCode {
    UnknownCode {
        what: "phase".into(),
        code: ord.to_string(),
        column: None,
        expected: "1, 2, 3, 4, 5".into(),
    }
}

/// Names the column in an unknown-code error of column `idx` (`FromSql` does not know it).
fn named(row: &Row<'_>, idx: usize, err: rusqlite::Error) -> rusqlite::Error {
    match err {
        rusqlite::Error::FromSqlConversionFailure(i, ty, e) => match e.downcast::<UnknownCode>() {
            Ok(mut unknown) => {
                unknown.column = row.as_ref().column_name(idx).ok().map(str::to_string);
                rusqlite::Error::FromSqlConversionFailure(i, ty, unknown)
            }
            Err(e) => rusqlite::Error::FromSqlConversionFailure(i, ty, e),
        },
        other => other,
    }
}

/// The coded value in column `idx` (TEXT, not NULL).
pub(crate) fn coded<T: Coded>(row: &Row<'_>, idx: usize) -> rusqlite::Result<T> {
    row.get::<_, Code<T>>(idx)
        .map(|c| c.0)
        .map_err(|e| named(row, idx, e))
}

/// The coded value in column `idx`, `None` for NULL.
pub(crate) fn coded_opt<T: Coded>(row: &Row<'_>, idx: usize) -> rusqlite::Result<Option<T>> {
    row.get::<_, Option<Code<T>>>(idx)
        .map(|c| c.map(|c| c.0))
        .map_err(|e| named(row, idx, e))
}

/// The phase stored by position in column `idx`.
pub(crate) fn phase(row: &Row<'_>, idx: usize) -> rusqlite::Result<Phase> {
    row.get::<_, PhaseOrd>(idx)
        .map(|p| p.0)
        .map_err(|e| named(row, idx, e))
}

/// The phase stored by position in column `idx`, `None` for NULL.
pub(crate) fn phase_opt(row: &Row<'_>, idx: usize) -> rusqlite::Result<Option<Phase>> {
    row.get::<_, Option<PhaseOrd>>(idx)
        .map(|p| p.map(|p| p.0))
        .map_err(|e| named(row, idx, e))
}

/// The date in column `idx` (`YYYY-MM-DD`, or a timestamp starting with one), `None` for NULL;
/// anything else is an error naming the column.
pub(crate) fn date_opt(row: &Row<'_>, idx: usize) -> rusqlite::Result<Option<crate::model::Date>> {
    let Some(text) = row.get::<_, Option<String>>(idx)? else {
        return Ok(None);
    };
    let day = text.get(..10).and_then(crate::model::parse_date);
    day.map(Some).ok_or_else(|| {
        let column = row.as_ref().column_name(idx).unwrap_or("?").to_string();
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            Type::Text,
            format!("stored date '{text}' in column {column} is invalid").into(),
        )
    })
}

/// A code already read as text from column `idx` of `row` (for a column whose kind depends on
/// another column).
pub(crate) fn coded_text<T: Coded>(row: &Row<'_>, idx: usize, text: &str) -> rusqlite::Result<T> {
    T::parse(text).ok_or_else(|| {
        let column = row.as_ref().column_name(idx).ok();
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            Type::Text,
            Box::new(unknown::<T>(text, column)),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FlagStatus;

    #[test]
    fn unknown_codes_are_errors_naming_the_code_and_column() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let err = conn
            .query_row("SELECT 'maybe' AS status", [], |r| {
                coded::<FlagStatus>(r, 0)
            })
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("'maybe'") && err.contains("column status"),
            "{err}"
        );
        let err = conn
            .query_row("SELECT 9 AS to_phase", [], |r| phase(r, 0))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("'9'") && err.contains("column to_phase"),
            "{err}"
        );
        let ok: Code<FlagStatus> = conn
            .query_row("SELECT 'recommended'", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok.0, FlagStatus::Recommended);
        let bad = conn.query_row("SELECT 0", [], |r| r.get::<_, PhaseOrd>(0));
        assert!(bad.is_err());
        assert_eq!(
            conn.query_row("SELECT NULL", [], |r| coded_opt::<FlagStatus>(r, 0))
                .unwrap(),
            None
        );
    }
}
