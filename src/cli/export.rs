//! `seedline export projects|notes|flags|gates|budgets|outcomes|assignments|officers|programs|links|lineage`:
//! the chosen projects (a filter, a list of 課題管理番号, or all), or the roster and the programs, as
//! an Excel-safe CSV file or on standard output; one audit row per export.

use crate::csv_io::{self, AtomicFile, ExportKind, ExportOptions, columns};
use crate::model::Sort;
use crate::msg::cli;
use crate::session::RunContext;
use crate::store::Store;
use crate::text::sanitize_line;
use anyhow::{Context, Result};
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What to export.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Kind {
    /// 研究開発課題 (the columns import reads back).
    Projects,
    /// 伴走支援記録 of the chosen projects (deleted notes left out).
    Notes,
    /// Highway flags of the chosen projects.
    Flags,
    /// Stage-gate decisions of the chosen projects.
    Gates,
    /// Fiscal-year allocations of the chosen projects (課題管理番号, 年度, 配分額(千円)), by
    /// 課題管理番号 then 年度: the format `import budgets` reads.
    Budgets,
    /// 担当 of the chosen projects (課題管理番号, 氏名, 役割, 担当開始日, 担当終了日): current ones
    /// with an empty 担当終了日, ended ones with both dates; the format `import assignments` reads.
    Assignments,
    /// The roster (氏名, 役割, ログイン, 退任日), retired officers included; not per project.
    Officers,
    /// Every program (事業), retired ones included: the format `import programs` reads.
    Programs,
    /// Every program link (先行事業, 後継事業, 種別, 開始日): the format `import links` reads.
    Links,
    /// Outcomes of the chosen projects (課題管理番号, 種別, 日付, 製品名, 内容; deleted ones left
    /// out), by project then date: the format `import outcomes` reads.
    Outcomes,
    /// 系譜: every link between two projects (前身課題管理番号, 後継課題管理番号, 種別, 記録者,
    /// 記録日時), retired projects left out: the format `import lineage` reads.
    Lineage,
}

/// `seedline export …`.
#[derive(Debug, clap::Args)]
pub struct Args {
    pub kind: Kind,
    /// Only projects matching this filter (the TUI's `/` syntax), e.g. "ip:drug phase:臨床".
    #[arg(long, short)]
    pub query: Option<String>,
    /// Only the projects listed in this file (one 課題管理番号 a line; `-` for standard input), in
    /// that order.
    #[arg(long, value_name = "FILE|-")]
    pub ids: Option<PathBuf>,
    /// Columns to write, in order, by Japanese or English name (e.g. "amed_id,研究開発課題名,phase").
    #[arg(long, value_name = "LIST")]
    pub columns: Option<String>,
    /// Write to this file (default: standard output).
    #[arg(long, short, alias = "out", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite an existing output file.
    #[arg(long)]
    pub force: bool,
    /// Leave out the UTF-8 byte-order mark (for tools that dislike it; Excel needs it).
    #[arg(long)]
    pub no_bom: bool,
}

fn kind(k: Kind) -> ExportKind {
    match k {
        Kind::Projects => ExportKind::Projects,
        Kind::Notes => ExportKind::Notes,
        Kind::Flags => ExportKind::Flags,
        Kind::Gates => ExportKind::Gates,
        Kind::Budgets => ExportKind::Budgets,
        Kind::Assignments => ExportKind::Assignments,
        Kind::Officers => ExportKind::Officers,
        Kind::Programs => ExportKind::Programs,
        Kind::Links => ExportKind::Links,
        Kind::Outcomes => ExportKind::Outcomes,
        Kind::Lineage => ExportKind::Lineage,
    }
}

/// 課題管理番号 from a file or standard input: one a line; blank lines, `#` comments, a BOM and
/// a 課題管理番号 header line are skipped.
fn read_ids(path: &Path) -> Result<Vec<String>> {
    let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let file =
            std::fs::File::open(path).map_err(|e| cli::cannot_open("--ids", path.display(), &e))?;
        Box::new(std::io::BufReader::new(file))
    };
    let mut ids = Vec::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|_| cli::ids_not_utf8(n + 1))?;
        let id = line.trim_start_matches('\u{FEFF}').trim();
        if id.is_empty() || id.starts_with('#') || columns::PROJECTS[0].matches(id) {
            continue;
        }
        ids.push(id.to_string());
    }
    Ok(ids)
}

/// The row ids to export: `--ids` (in file order) and/or `--query`, else every project.
fn chosen(ctx: &RunContext, store: &Store, args: &Args) -> Result<Vec<i64>> {
    if matches!(args.kind, Kind::Officers) {
        if args.query.is_some() || args.ids.is_some() {
            return Err(cli::roster_is_whole().into());
        }
        return Ok(Vec::new());
    }
    let filter = match &args.query {
        Some(q) => {
            let reference = store.reference()?;
            Some(crate::query::resolve(q, &reference).context("--query")?)
        }
        None => None,
    };
    let Some(path) = &args.ids else {
        return Ok(store.project_ids(
            &filter.unwrap_or_default(),
            Sort::default(),
            &ctx.scope(),
        )?);
    };
    let (ids, missing) = store.project_ids_by_amed_id(&read_ids(path)?)?;
    if !missing.is_empty() {
        let shown: Vec<String> = missing
            .iter()
            .take(5)
            .map(|m| format!("'{}'", sanitize_line(m)))
            .collect();
        let more = if missing.len() > 5 {
            format!(" and {} more", missing.len() - 5)
        } else {
            String::new()
        };
        return Err(cli::ids_missing(missing.len(), &format!("{}{more}", shown.join(", "))).into());
    }
    Ok(match filter {
        Some(filter) => {
            let matching: std::collections::HashSet<i64> = store
                .project_ids(&filter, Sort::default(), &ctx.scope())?
                .into_iter()
                .collect();
            ids.into_iter().filter(|id| matching.contains(id)).collect()
        }
        None => ids,
    })
}

/// Standard output on its way to a terminal: the CSV text with every character a terminal would
/// act on (ESC, other C0 and C1 controls, DEL, bidi controls, a carriage return not ending a
/// line) shown as a visible placeholder, as the TUI shows it. Data never runs as an escape
/// sequence on the officer's terminal; a file or a pipe (`active: false`) gets the exact bytes.
pub struct TerminalSafe<W: Write> {
    inner: W,
    active: bool,
    /// Bytes of a character split between two writes.
    pending: Vec<u8>,
    /// A carriage return seen last: kept if a line feed follows.
    cr: bool,
}

impl<W: Write> TerminalSafe<W> {
    pub fn new(inner: W, active: bool) -> TerminalSafe<W> {
        TerminalSafe {
            inner,
            active,
            pending: Vec::new(),
            cr: false,
        }
    }

    fn push(&mut self, text: &str, out: &mut String) {
        for c in text.chars() {
            if std::mem::take(&mut self.cr) && c != '\n' {
                out.push_str(&sanitize_line("\r"));
            }
            match c {
                '\r' => self.cr = true,
                '\n' => out.push_str("\r\n"),
                '\t' => out.push('\t'),
                c if crate::text::is_unsafe_char(c) => {
                    out.push_str(&sanitize_line(c.encode_utf8(&mut [0; 4])))
                }
                c => out.push(c),
            }
        }
    }

    /// Writes out every whole character received (all of them, a lone CR included, at `end`).
    fn drain(&mut self, end: bool) -> std::io::Result<()> {
        let bytes = std::mem::take(&mut self.pending);
        let mut out = String::with_capacity(bytes.len());
        let mut rest = &bytes[..];
        loop {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    self.push(text, &mut out);
                    rest = &[];
                    break;
                }
                Err(e) => {
                    let (valid, tail) = rest.split_at(e.valid_up_to());
                    self.push(&String::from_utf8_lossy(valid), &mut out);
                    match e.error_len() {
                        Some(n) => {
                            self.push("\u{FFFD}", &mut out);
                            rest = &tail[n..];
                        }
                        None if end => {
                            self.push("\u{FFFD}", &mut out);
                            rest = &[];
                            break;
                        }
                        None => {
                            rest = tail;
                            break;
                        }
                    }
                }
            }
        }
        self.pending = rest.to_vec();
        if end && std::mem::take(&mut self.cr) {
            out.push_str(&sanitize_line("\r"));
        }
        self.inner.write_all(out.as_bytes())
    }
}

impl<W: Write> Write for TerminalSafe<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if !self.active {
            return self.inner.write(buf);
        }
        self.pending.extend_from_slice(buf);
        self.drain(false)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.active {
            self.drain(true)?;
        }
        self.inner.flush()
    }
}

fn clear_progress(shown: bool) {
    if shown {
        eprint!("\r\x1b[K");
    }
}

/// A closed pipe (`seedline export … | head`) is how the reader says "enough".
fn is_broken_pipe(e: &crate::Error) -> bool {
    matches!(e, crate::Error::Io { error, .. } if error.kind() == std::io::ErrorKind::BrokenPipe)
}

pub fn run(ctx: &RunContext, store: &mut Store, args: Args) -> Result<ExitCode> {
    if store.is_read_only() {
        return Err(cli::export_read_only().into());
    }
    let kind = kind(args.kind);
    let to_stdout = args.output.as_deref().is_none_or(|p| p.as_os_str() == "-");
    let mut options = ExportOptions::new(kind, "-");
    options.lang = ctx.lang;
    let lang = ctx.lang;
    options.bom = !args.no_bom;
    if let Some(list) = &args.columns {
        options.columns = columns::select(kind.columns(), list).map_err(|e| e.at("--columns"))?;
    }
    let ids = if kind.is_reference() {
        if args.query.is_some() || args.ids.is_some() {
            return Err(cli::reference_is_whole(kind.code()).into());
        }
        Vec::new()
    } else {
        chosen(ctx, store, &args)?
    };
    let show_progress = std::io::stderr().is_terminal();
    let mut written = 0u64;
    let mut progress = |n: u64| {
        written = n;
        if show_progress && n % 1000 == 0 {
            eprint!("\r{}", cli::exporting(n).get(lang));
        }
    };
    if to_stdout {
        let terminal = std::io::stdout().is_terminal();
        // A terminal gets the text without a BOM, control characters shown as placeholders.
        options.bom &= !terminal;
        let out = TerminalSafe::new(std::io::BufWriter::new(std::io::stdout().lock()), terminal);
        let result = csv_io::export(store, &ids, &options, out, &mut progress).and_then(
            |(rows, mut out)| {
                out.flush().map_err(|e| crate::Error::io("-", e))?;
                Ok(rows)
            },
        );
        clear_progress(show_progress);
        let rows = match result {
            Ok(rows) => rows,
            // The reader has gone (`| head`): it has what it wanted; record what was handed out.
            Err(e) if is_broken_pipe(&e) => written,
            Err(e) => return Err(e.into()),
        };
        store.record_export(kind.code(), rows, "-")?;
        return Ok(ExitCode::SUCCESS);
    }
    let target = args.output.clone().unwrap_or_default();
    options.output = target.display().to_string();
    // SIGTERM/SIGINT stop the export at its next write; the temporary file is removed on the way
    // out (the default action would leave it behind).
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT] {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)?;
    }
    let mut out = AtomicFile::create(&target, args.force)?;
    out.cancel_on(Arc::clone(&signal));
    let result = csv_io::export(store, &ids, &options, &mut out, &mut progress);
    clear_progress(show_progress);
    if let Some(code) = interrupted(lang, &signal) {
        return Ok(code);
    }
    let (rows, _) = result?;
    let file = std::path::absolute(&target)
        .unwrap_or(target)
        .display()
        .to_string();
    // Recorded before the file appears: an export that is not in the audit log never lands.
    store.record_export(kind.code(), rows, &file)?;
    if let Err(e) = out.commit() {
        return interrupted(lang, &signal).ok_or_else(|| e.into());
    }
    println!(
        "{}",
        crate::msg::cli_out::rows_written(rows, &sanitize_line(&file)).get(lang)
    );
    Ok(ExitCode::SUCCESS)
}

/// After a SIGTERM or SIGINT (its number in `signal`): says so, and the exit status 128 + signal.
/// The output file is dropped by then, and its temporary file with it.
fn interrupted(lang: crate::Lang, signal: &AtomicUsize) -> Option<ExitCode> {
    let sig = signal.load(Ordering::SeqCst);
    (sig != 0).then(|| {
        eprintln!("{}", cli::export_interrupted().get(lang));
        ExitCode::from(128 + sig as u8)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(chunks: &[&[u8]], active: bool) -> Vec<u8> {
        let mut w = TerminalSafe::new(Vec::new(), active);
        for c in chunks {
            w.write_all(c).unwrap();
        }
        w.flush().unwrap();
        w.inner
    }

    #[test]
    fn a_terminal_never_gets_escape_sequences_from_data() {
        let cell = "x\u{1b}]0;pwned\u{7}\u{9b}31m\u{202e}y\rz\r\n".as_bytes();
        // Split inside the two-byte C1 character and inside the CRLF.
        let out = through(&[&cell[..11], &cell[11..16], &cell[16..]], true);
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "x\u{241B}]0;pwned\u{2407}<U+009B>31m<U+202E>y\u{240D}z\r\n"
        );
        let plain = "がん,\"行1\n行2\"\r\n".as_bytes();
        let out = through(&[&plain[..1], &plain[1..]], true);
        assert_eq!(String::from_utf8(out).unwrap(), "がん,\"行1\r\n行2\"\r\n");
    }

    #[test]
    fn files_and_pipes_get_the_exact_bytes() {
        let bytes = "\u{feff}x\u{1b}[2J\r\n".as_bytes();
        assert_eq!(through(&[bytes], false), bytes);
    }
}
