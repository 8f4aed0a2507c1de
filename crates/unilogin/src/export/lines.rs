//! Physical lines of an export, with the checks every syntax shares: a UTF-8 byte-order mark is
//! skipped, UTF-16 and binary files are refused, and no record may grow without bound.

use std::io::{BufRead, BufReader, Read};

use super::error::ExportError;
use crate::ErrorType;

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// How large one record (a CSV record with its quoted line breaks, or one JSON line) may be.
/// Register rows are well under 2 KB; a larger record is almost always a quote that is never
/// closed, which would otherwise swallow the rest of the file into memory.
pub const MAX_RECORD_BYTES: usize = 1 << 20;

/// Reads a stream line by line, counting lines and bytes.
pub(crate) struct Lines<R> {
    reader: BufReader<R>,
    /// Lines read so far.
    line: u64,
    /// Bytes read so far.
    bytes: u64,
    /// Whether the first line started with a UTF-8 byte-order mark.
    bom: bool,
}

impl<R> std::fmt::Debug for Lines<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lines")
            .field("line", &self.line)
            .field("bytes", &self.bytes)
            .finish_non_exhaustive()
    }
}

impl<R: Read> Lines<R> {
    pub(crate) fn new(reader: R) -> Self {
        Self {
            reader: BufReader::with_capacity(1 << 16, reader),
            line: 0,
            bytes: 0,
            bom: false,
        }
    }

    /// Lines read so far (the number of the last line read).
    pub(crate) fn line(&self) -> u64 {
        self.line
    }

    /// Bytes read so far.
    pub(crate) fn bytes(&self) -> u64 {
        self.bytes
    }

    /// Whether the input started with a UTF-8 byte-order mark.
    pub(crate) fn bom(&self) -> bool {
        self.bom
    }

    /// Appends the next line, with its `\n` if it has one, to `buf`, which may hold at most
    /// `limit` bytes afterwards; `start` is the line the record began on (for the error).
    /// Returns `false` at the end of the input.
    pub(crate) fn read_line(&mut self, buf: &mut Vec<u8>, start: u64) -> Result<bool, ExportError> {
        let before = buf.len();
        let room = MAX_RECORD_BYTES.saturating_sub(before);
        let limit = u64::try_from(room).unwrap_or(u64::MAX);
        let too_long = || {
            ExportError::at_line(ErrorType::RecordTooLong, start, |c| {
                c.with("max_bytes", MAX_RECORD_BYTES)
            })
        };
        if room == 0 {
            let more = self.reader.fill_buf().map_err(|e| ExportError::io(&e))?;
            return if more.is_empty() {
                Ok(false)
            } else {
                Err(too_long())
            };
        }
        let read = (&mut self.reader)
            .take(limit)
            .read_until(b'\n', buf)
            .map_err(|e| ExportError::io(&e))?;
        if read == 0 {
            return Ok(false);
        }
        self.line += 1;
        self.bytes += u64::try_from(read).unwrap_or(u64::MAX);
        if buf.len() >= MAX_RECORD_BYTES && buf.last() != Some(&b'\n') {
            return Err(too_long());
        }
        let chunk = buf.get(before..).unwrap_or_default();
        if self.line == 1 {
            if chunk.starts_with(BOM) {
                self.bom = true;
                buf.drain(before..before + BOM.len());
            } else if chunk.starts_with(b"\xff\xfe") || chunk.starts_with(b"\xfe\xff") {
                return Err(self.invalid(&encodings::UTF_16));
            }
        }
        let chunk = buf.get(before..).unwrap_or_default();
        if chunk.contains(&0) {
            // UTF-16 without a byte-order mark has a NUL in every ASCII character; a
            // spreadsheet (.xlsx is a zip archive) or other binary file has them too.
            let nuls = chunk.split(|&b| b == 0).count() - 1;
            let utf16 = nuls * 3 >= chunk.len();
            return Err(self.invalid(if utf16 {
                &encodings::UTF_16
            } else {
                &encodings::BINARY
            }));
        }
        Ok(true)
    }

    fn invalid(&self, encoding: &'static crate::Term) -> ExportError {
        ExportError::at_line(ErrorType::EncodingInvalid, self.line, |c| {
            c.with("encoding", encoding)
        })
    }
}

/// The text encodings the reader refuses, as named in `encoding_invalid`.
pub(crate) mod encodings {
    use crate::Term;

    /// UTF-16 ("Unicode text" from a spreadsheet program).
    pub static UTF_16: Term = Term {
        key: "utf_16",
        da: "UTF-16, f.eks. \"Unicode-tekst\" fra et regneark",
        en: "UTF-16, e.g. \"Unicode text\" from a spreadsheet",
    };
    /// NUL bytes: a binary file such as a spreadsheet workbook.
    pub static BINARY: Term = Term {
        key: "binary",
        da: "binære data, f.eks. en regnearksfil",
        en: "binary data, e.g. a spreadsheet workbook",
    };
}
