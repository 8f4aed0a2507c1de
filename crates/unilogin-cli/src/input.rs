//! Naming the input: a file, or standard input for `-`; and reading standard input line by
//! line with a bound on each line.

use std::fmt;
use std::io::{self, Read};
use std::path::Path;

use unilogin::export::{ExportSource, Syntax};
use zeroize::Zeroizing;

use crate::exit::Fatal;

/// Whether `path` means standard input.
fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The name an error message gives `path`.
pub(crate) fn display_name(path: &Path) -> String {
    if is_stdin(path) {
        "standard input".to_owned()
    } else {
        path.display().to_string()
    }
}

/// The size of the file at `path`, if it is a file.
pub(crate) fn size(path: &Path) -> Option<u64> {
    if is_stdin(path) {
        return None;
    }
    std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_file)
        .map(|m| m.len())
}

/// The export at `path`: standard input for `-` (read as `syntax` or JSON Lines), else the file
/// (read as `syntax` or as its extension tells).
pub(crate) fn source(path: &Path, syntax: Option<Syntax>) -> ExportSource<'_> {
    if is_stdin(path) {
        ExportSource::Reader {
            reader: Box::new(io::stdin()),
            syntax: syntax.unwrap_or(Syntax::JsonLines),
        }
    } else {
        ExportSource::Path { path, syntax }
    }
}

/// The longest line `unilogin check` reads from standard input, in bytes: far beyond any value
/// it checks, small enough that endless input without a line break (`< /dev/zero`) is refused
/// at once instead of filling memory.
pub(crate) const MAX_LINE_BYTES: usize = 64 * 1024;

/// The longest password `unilogin password check` reads, in bytes (the rules allow at most
/// 24 characters, 96 bytes of UTF-8; a longer one within this bound is reported as too long).
pub(crate) const MAX_PASSWORD_BYTES: usize = 1024;

/// Bytes read from the input at a time. At least the size of standard input's own buffer, so
/// reads bypass that buffer and the text read stays in [`Lines`]' own, which is wiped.
const CHUNK_BYTES: usize = 16 * 1024;

/// Why a line could not be read.
#[derive(Debug)]
pub(crate) enum LineError {
    /// Line `line` (1-based) is longer than `limit` bytes.
    TooLong { line: usize, limit: usize },
    /// Line `line` is not UTF-8 text.
    NotUtf8 { line: usize },
    /// Reading failed.
    Io(io::Error),
}

impl LineError {
    /// The input error, naming standard input; `what` says what was read ("the password").
    pub(crate) fn fatal(&self, what_da: &str, what_en: &str) -> Fatal {
        match self {
            Self::TooLong { line, limit } => Fatal::new(
                format!(
                    "standard input: linje {line} er længere end {limit} bytes ({what_da} er \
                     for lang til at blive læst)"
                ),
                format!(
                    "standard input: line {line} is longer than {limit} bytes ({what_en} is too \
                     long to read)"
                ),
            ),
            Self::NotUtf8 { line } => Fatal::new(
                format!("standard input: linje {line} er ikke UTF-8-tekst"),
                format!("standard input: line {line} is not UTF-8 text"),
            ),
            Self::Io(e) => Fatal::new(
                format!("kan ikke læse {what_da} fra standard input: {e}"),
                format!("cannot read {what_en} from standard input: {e}"),
            ),
        }
    }
}

/// Lines of a reader, each at most `limit` bytes, in constant memory: a line longer than the
/// limit is an error as soon as the limit is passed, without reading the rest of it. Line
/// breaks are LF or CRLF and are not part of the line. Everything read is wiped when the
/// reader is dropped (it may be a password).
pub(crate) struct Lines<R> {
    reader: R,
    limit: usize,
    chunk: Zeroizing<Vec<u8>>,
    start: usize,
    end: usize,
    line: Zeroizing<Vec<u8>>,
    number: usize,
    eof: bool,
}

impl<R> fmt::Debug for Lines<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lines")
            .field("limit", &self.limit)
            .field("number", &self.number)
            .finish_non_exhaustive()
    }
}

impl<R: Read> Lines<R> {
    pub(crate) fn new(reader: R, limit: usize) -> Self {
        Self {
            reader,
            limit,
            chunk: Zeroizing::new(vec![0; CHUNK_BYTES]),
            start: 0,
            end: 0,
            // Room for the longest line and its CR, so the text is never moved (and copied).
            line: Zeroizing::new(Vec::with_capacity(limit.saturating_add(1))),
            number: 0,
            eof: false,
        }
    }

    /// The next line, or `None` after the last one. The text is valid until the next call.
    pub(crate) fn next_line(&mut self) -> Option<Result<&str, LineError>> {
        self.line.clear();
        if self.eof {
            return None;
        }
        self.number += 1;
        loop {
            if self.start == self.end {
                match self.reader.read(&mut self.chunk) {
                    Ok(0) => {
                        self.eof = true;
                        if self.line.is_empty() {
                            return None;
                        }
                        break;
                    }
                    Ok(n) => {
                        self.start = 0;
                        self.end = n;
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        self.eof = true;
                        return Some(Err(LineError::Io(e)));
                    }
                }
            }
            let available = self.chunk.get(self.start..self.end).unwrap_or_default();
            let (taken, found) = match available.iter().position(|&b| b == b'\n') {
                Some(i) => (i, true),
                None => (available.len(), false),
            };
            // One byte more than the limit is allowed for a CR before the LF.
            if self.line.len() + taken > self.limit.saturating_add(1) {
                self.eof = true;
                return Some(Err(LineError::TooLong {
                    line: self.number,
                    limit: self.limit,
                }));
            }
            self.line
                .extend_from_slice(available.get(..taken).unwrap_or_default());
            self.start += taken + usize::from(found);
            if found {
                break;
            }
        }
        if self.line.last() == Some(&b'\r') {
            self.line.pop();
        }
        if self.line.len() > self.limit {
            self.eof = true;
            return Some(Err(LineError::TooLong {
                line: self.number,
                limit: self.limit,
            }));
        }
        Some(std::str::from_utf8(&self.line).map_err(|_| {
            self.eof = true;
            LineError::NotUtf8 { line: self.number }
        }))
    }
}
