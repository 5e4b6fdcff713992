//! Input encodings: a streaming UTF-8 check that says where the first bad byte is and whether the
//! file looks like Shift_JIS (CP932, what Excel on Japanese Windows saves), and a streaming
//! Shift_JIS → UTF-8 reader for `--encoding shift_jis`. Both keep memory bounded.

use encoding_rs::{Decoder, DecoderResult, SHIFT_JIS};
use std::io::{self, BufRead, BufReader, Read};

/// The UTF-8 byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The encoding of an imported file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    #[default]
    Utf8,
    /// Shift_JIS as Windows writes it (CP932 / Windows-31J).
    ShiftJis,
}

/// What a pass over a file found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scan {
    /// Bytes after the byte-order mark.
    pub bytes: u64,
    /// Whether the file starts with a UTF-8 byte-order mark.
    pub bom: bool,
    /// The first byte that is not UTF-8: line, byte offset (from the start of the file, 0-based)
    /// and whether the text around it decodes as Shift_JIS.
    pub not_utf8: Option<(u64, u64, bool)>,
}

/// Reads `input` through once, checking UTF-8 (when `check` is set).
pub fn scan(input: impl Read, check: bool) -> io::Result<Scan> {
    let mut input = BufReader::with_capacity(64 * 1024, input);
    let mut scan = Scan::default();
    if input.fill_buf()?.starts_with(BOM) {
        scan.bom = true;
        input.consume(BOM.len());
    }
    let mut data: Vec<u8> = Vec::new();
    let mut offset = if scan.bom { 3u64 } else { 0 }; // file offset of data[0]
    let mut line = 1u64;
    loop {
        let chunk = input.fill_buf()?;
        let n = chunk.len();
        scan.bytes += n as u64;
        if check && scan.not_utf8.is_none() {
            data.extend_from_slice(chunk);
        }
        input.consume(n);
        if data.is_empty() {
            if n == 0 {
                break;
            }
            continue;
        }
        let (valid, bad) = match std::str::from_utf8(&data) {
            Ok(_) => (data.len(), false),
            // An incomplete sequence at the end: keep it for the next read, unless the file ends.
            Err(e) if e.error_len().is_none() && n > 0 => (e.valid_up_to(), false),
            Err(e) => (e.valid_up_to(), true),
        };
        line += count_lines(&data[..valid]);
        if bad {
            let start = data[..valid]
                .iter()
                .rposition(|b| *b == b'\n')
                .map_or(0, |p| p + 1);
            let sjis = looks_like_shift_jis(&data[start..]);
            scan.not_utf8 = Some((line, offset + valid as u64, sjis));
            data.clear();
        } else {
            offset += valid as u64;
            data.drain(..valid);
        }
        if n == 0 {
            break;
        }
    }
    Ok(scan)
}

fn count_lines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|b| **b == b'\n').count() as u64
}

/// Whether `bytes` (from the start of a line to the end of what was read) decode as Shift_JIS,
/// allowing a character cut at the end; a long stretch is cut after its last line break.
fn looks_like_shift_jis(bytes: &[u8]) -> bool {
    const WINDOW: usize = 16 * 1024;
    let window = if bytes.len() > WINDOW {
        let w = &bytes[..WINDOW];
        w.iter().rposition(|b| *b == b'\n').map_or(w, |p| &w[..p])
    } else {
        bytes
    };
    let ok = |w: &[u8]| {
        SHIFT_JIS
            .decode_without_bom_handling_and_without_replacement(w)
            .is_some()
    };
    ok(window) || (window.len() > 1 && ok(&window[..window.len() - 1]))
}

/// A byte that is not Shift_JIS (line and 0-based byte offset in the file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, byte {byte}: not valid Shift_JIS")]
pub struct NotShiftJis {
    pub line: u64,
    pub byte: u64,
}

/// Decodes Shift_JIS (CP932) to UTF-8 as it is read; a malformed byte is an `InvalidData` error
/// carrying [`NotShiftJis`].
pub struct ShiftJisReader<R> {
    inner: R,
    decoder: Decoder,
    input: Vec<u8>,
    start: usize,
    end: usize,
    output: Vec<u8>,
    out_pos: usize,
    out_len: usize,
    eof: bool,
    done: bool,
    /// Bytes of the file decoded so far, and the line they end on.
    consumed: u64,
    line: u64,
    failed: Option<NotShiftJis>,
}

impl<R: Read> ShiftJisReader<R> {
    pub fn new(inner: R) -> ShiftJisReader<R> {
        ShiftJisReader {
            inner,
            decoder: SHIFT_JIS.new_decoder_without_bom_handling(),
            input: vec![0; 16 * 1024],
            start: 0,
            end: 0,
            output: vec![0; 3 * 16 * 1024 + 16],
            out_pos: 0,
            out_len: 0,
            eof: false,
            done: false,
            consumed: 0,
            line: 1,
            failed: None,
        }
    }

    fn refill(&mut self) -> io::Result<()> {
        if self.start == self.end && !self.eof {
            self.start = 0;
            self.end = self.inner.read(&mut self.input)?;
            self.eof = self.end == 0;
        }
        let src = &self.input[self.start..self.end];
        let (result, read, written) =
            self.decoder
                .decode_to_utf8_without_replacement(src, &mut self.output, self.eof);
        // A malformed sequence may have begun in the previous buffer (a lead byte at its end).
        let bad_at = match result {
            DecoderResult::Malformed(bad, extra) => {
                Some(read.saturating_sub(extra as usize + bad as usize))
            }
            DecoderResult::InputEmpty if self.eof => {
                self.done = true;
                None
            }
            _ => None,
        };
        self.line += count_lines(&src[..bad_at.unwrap_or(read)]);
        if let Some(at) = bad_at {
            self.failed = Some(NotShiftJis {
                line: self.line,
                byte: self.consumed + at as u64,
            });
        }
        self.consumed += read as u64;
        self.start += read;
        self.out_pos = 0;
        self.out_len = written;
        Ok(())
    }
}

impl<R: Read> Read for ShiftJisReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.out_pos < self.out_len {
                let n = buf.len().min(self.out_len - self.out_pos);
                buf[..n].copy_from_slice(&self.output[self.out_pos..self.out_pos + n]);
                self.out_pos += n;
                return Ok(n);
            }
            if let Some(e) = self.failed {
                return Err(io::Error::new(io::ErrorKind::InvalidData, e));
            }
            if self.done {
                return Ok(0);
            }
            self.refill()?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_scan_finds_the_first_bad_byte_and_recognises_shift_jis() {
        let (sjis, _, _) = SHIFT_JIS.encode("課題管理番号,研究開発課題名\nJP1,がん\n");
        let mut file = b"a,b\n".to_vec();
        file.extend_from_slice(&sjis);
        let s = scan(&file[..], true).unwrap();
        assert_eq!(s.not_utf8, Some((2, 4, true)));
        let s = scan(&b"\xEF\xBB\xBFa\n\xFF\xFE\xFD"[..], true).unwrap();
        assert!(s.bom);
        assert_eq!(s.not_utf8.map(|(l, b, _)| (l, b)), Some((2, 5)));
        let s = scan("日本語\n".as_bytes(), true).unwrap();
        assert_eq!(s.not_utf8, None);
        assert_eq!(s.bytes, 10);
    }

    #[test]
    fn shift_jis_decodes_in_small_reads_and_reports_bad_bytes() {
        let text = "研究開発課題名,概要\n".repeat(3000);
        let (sjis, _, _) = SHIFT_JIS.encode(&text);
        let mut out = String::new();
        ShiftJisReader::new(&sjis[..])
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, text);
        let mut bad = b"ok\nok\n".to_vec();
        bad.extend_from_slice(b"\x81\x20");
        let err = ShiftJisReader::new(&bad[..])
            .read_to_string(&mut String::new())
            .unwrap_err();
        let inner = err
            .get_ref()
            .and_then(|e| e.downcast_ref::<NotShiftJis>())
            .copied();
        assert_eq!(inner, Some(NotShiftJis { line: 3, byte: 6 }));
    }
}
