//! 系譜 (lineage) as CSV both ways: `前身課題管理番号,後継課題管理番号,種別,記録者,記録日時`.
//!
//! Export writes every link whose two projects are in use (retired ends left out), oldest
//! predecessor first; 種別 in Japanese like every export. Import reads the first three columns
//! (記録者 and 記録日時 are for the record: an import is recorded by whoever runs it, now); an
//! empty 種別 is inferred as `seedline lineage link` does. The whole file is checked before
//! anything is written — unknown or retired 課題管理番号, a project named as its own successor,
//! the same pair on two lines, a link that would close a cycle with the database and the lines
//! before it — and then every row is written in one transaction, or none. A link already stored
//! with the same kind is unchanged, so importing the same file twice changes nothing.

use super::Problem;
use super::columns::{self, Field};
use super::export::{ExportOptions, write_row};
use super::import::{DataRows, ImportOptions, ImportReport, open_with_header};
use super::officers::{column_name, start};
use super::validate::Row;
use super::write::Cell;
use crate::model::{Coded, LineageKind};
use crate::msg::{csv as words, invalid as why, lineage as msg};
use crate::store::{LineageImportCounts, LineageRow, Store};
use crate::text::sanitize_line;
use crate::{Error, Result};
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::Path;

/// Writes every link (see the module documentation). Returns the rows written and the output.
pub fn export_lineage<W: Write>(
    store: &Store,
    options: &ExportOptions,
    out: W,
    progress: &mut dyn FnMut(u64),
) -> Result<(u64, W)> {
    let fail = |e: std::io::Error| Error::io(&options.output, e);
    let mut w = start(options, out)?;
    let fields: Vec<Field> = options.columns.iter().map(|c| c.field).collect();
    let mut n = 0;
    for l in store.lineage_links()? {
        write_row(&mut w, &fields, |f| match f {
            Field::LineagePredecessor => Cell::text(&l.predecessor.amed_id),
            Field::LineageSuccessor => Cell::text(&l.successor.amed_id),
            Field::LineageKind => Cell::text(l.kind.name_ja()),
            Field::LinkedBy => Cell::text(&l.linked_by),
            Field::LinkedAt => Cell::text(&l.linked_at),
            _ => Cell::text(""),
        })
        .map_err(fail)?;
        n += 1;
        progress(n);
    }
    Ok((n, w.finish().map_err(fail)?))
}

/// A 課題管理番号 cell: trimmed, required.
fn id_cell(row: &mut Row<'_>, field: Field) -> Option<String> {
    let t = row.token(field)?;
    if t.is_empty() {
        row.problem(field, msg::id_required());
        return None;
    }
    Some(t)
}

/// Whether `to` can be reached from `from` in `graph` (successors by predecessor).
fn reaches(graph: &HashMap<i64, Vec<i64>>, from: i64, to: i64) -> bool {
    let mut seen = HashSet::new();
    let mut stack = vec![from];
    while let Some(id) = stack.pop() {
        if id == to {
            return true;
        }
        if seen.insert(id) {
            stack.extend(graph.get(&id).into_iter().flatten().copied());
        }
    }
    false
}

/// One data row read: line, the two 課題管理番号 and the kind when given.
struct Read {
    line: u64,
    pred: String,
    succ: String,
    kind: Option<LineageKind>,
}

/// Checks `path` and, unless `options.dry_run` or a problem was found, writes its links in one
/// transaction (see the module documentation).
pub fn import_lineage(
    store: &mut Store,
    path: &Path,
    options: &ImportOptions,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportReport<LineageImportCounts>> {
    let mut report = ImportReport::default();
    let cap = options.max_problems;
    let Some((records, header)) = open_with_header(path, columns::LINEAGE, options, &mut report)?
    else {
        return Ok(report);
    };
    let pred_column = column_name(&header, Field::LineagePredecessor);
    let succ_column = column_name(&header, Field::LineageSuccessor);
    let mut read: Vec<Read> = Vec::new();
    let mut data = DataRows {
        records,
        names: &header.names,
        multiline_ok: |_| false,
        empty_rows: 0,
    };
    while let Some(record) = data.next_row(&mut report, cap, progress) {
        let mut row = Row::new(record.line, &header, &record.fields);
        let pred = id_cell(&mut row, Field::LineagePredecessor);
        let succ = id_cell(&mut row, Field::LineageSuccessor);
        let kind = match row.token(Field::LineageKind) {
            None if row.has(Field::LineageKind) => Err(()),
            None => Ok(None),
            Some(t) if t.is_empty() => Ok(None),
            Some(t) => super::labels::coded::<LineageKind>(&t, "lineage kind")
                .map(Some)
                .map_err(|m| row.problem(Field::LineageKind, m)),
        };
        for p in std::mem::take(&mut row.problems) {
            report.push(p, cap);
        }
        if let (Some(pred), Some(succ), Ok(kind)) = (pred, succ, kind) {
            read.push(Read {
                line: record.line,
                pred,
                succ,
                kind,
            });
        }
    }
    data.note_skipped(&mut report);
    let ids: Vec<String> = read
        .iter()
        .flat_map(|r| [r.pred.clone(), r.succ.clone()])
        .collect();
    let ends = store.lineage_ends(&ids)?;
    let mut graph: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut stored: HashMap<(i64, i64), LineageKind> = HashMap::new();
    for (a, b, kind) in store.lineage_pairs()? {
        graph.entry(a).or_default().push(b);
        stored.insert((a, b), kind);
    }
    let mut seen: HashMap<(i64, i64), u64> = HashMap::new();
    let mut rows: Vec<LineageRow> = Vec::new();
    for r in &read {
        let (p, s) = (sanitize_line(&r.pred), sanitize_line(&r.succ));
        let mut bad = false;
        for (id, column, shown) in [(&r.pred, &pred_column, &p), (&r.succ, &succ_column, &s)] {
            let problem = match ends.get(id) {
                None => Some(words::unknown_project(shown)),
                Some(e) if e.retired => Some(why::lineage_retired(shown)),
                Some(_) => None,
            };
            if let Some(m) = problem {
                report.push(Problem::at(r.line, column, m), cap);
                bad = true;
            }
        }
        let (Some(a), Some(b)) = (ends.get(&r.pred), ends.get(&r.succ)) else {
            continue;
        };
        if bad {
            continue;
        }
        let problem = if a.id == b.id {
            Some(why::lineage_self(&p))
        } else if let Some(first) = seen.insert((a.id, b.id), r.line) {
            Some(msg::duplicate_row(&p, &s, first, r.line))
        } else if !stored.contains_key(&(a.id, b.id)) && reaches(&graph, b.id, a.id) {
            Some(msg::cycle_in_file(&p, &s))
        } else {
            None
        };
        if let Some(m) = problem {
            report.push(Problem::at(r.line, &succ_column, m), cap);
            continue;
        }
        graph.entry(a.id).or_default().push(b.id);
        // An empty 種別 keeps a stored link's kind, and is inferred for a new one.
        let (kind, flag) = match (r.kind, stored.get(&(a.id, b.id))) {
            (Some(k), _) => (k, None),
            (None, Some(k)) => (*k, None),
            (None, None) => store.inferred_lineage_kind(a.id, b.id)?,
        };
        rows.push(LineageRow {
            predecessor: a.id,
            successor: b.id,
            kind,
            flag: flag.filter(|_| kind == LineageKind::Highway),
        });
    }
    if report.problem_count() > 0 {
        return Ok(report);
    }
    if report.rows == 0 {
        report.notes.push(words::no_data_rows());
    }
    report.counts = Some(if options.dry_run {
        store.plan_lineage(&rows)?
    } else {
        store.import_lineage(&rows)?
    });
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::reaches;
    use std::collections::HashMap;

    #[test]
    fn reaching_follows_links_forward_only() {
        let graph: HashMap<i64, Vec<i64>> = [(1, vec![2]), (2, vec![3]), (4, vec![1])].into();
        assert!(reaches(&graph, 1, 3));
        assert!(reaches(&graph, 4, 3));
        assert!(!reaches(&graph, 3, 1));
        assert!(reaches(&graph, 5, 5));
    }
}
