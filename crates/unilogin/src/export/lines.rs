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

    /// Appends the next line, with its line break if it has one, to `buf`, which may hold at
    /// most [`MAX_RECORD_BYTES`] bytes afterwards (and the `\n` of a `\r\n`); `start` is the line the record began on (for
    /// the error). A line ends at `\n` (Unix), `\r\n` (Windows) or a `\r` not followed by `\n`
    /// (old Mac exports), so files with any of these, or a mix, have the same lines.
    /// Returns `false` at the end of the input.
    pub(crate) fn read_line(&mut self, buf: &mut Vec<u8>, start: u64) -> Result<bool, ExportError> {
        let before = buf.len();
        let too_long = || {
            ExportError::at_line(ErrorType::RecordTooLong, start, |c| {
                c.with("max_bytes", MAX_RECORD_BYTES)
            })
        };
        // Whether the line ended at a `\r`, which a `\n` may still follow.
        let mut after_cr = false;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(available) => available,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(ExportError::io(&e)),
            };
            if after_cr {
                if available.first() == Some(&b'\n') {
                    buf.push(b'\n');
                    self.reader.consume(1);
                }
                break;
            }
            if available.is_empty() {
                break;
            }
            let end = memchr::memchr2(b'\n', b'\r', available);
            let take = end.map_or(available.len(), |i| i + 1);
            let chunk = available.get(..take).unwrap_or_default();
            if buf.len().saturating_add(take) > MAX_RECORD_BYTES {
                return Err(too_long());
            }
            buf.extend_from_slice(chunk);
            let last = chunk.last().copied();
            self.reader.consume(take);
            match (end, last) {
                (Some(_), Some(b'\r')) => after_cr = true,
                (Some(_), _) => break,
                (None, _) => {}
            }
        }
        let read = buf.len() - before;
        if read == 0 {
            return Ok(false);
        }
        self.line += 1;
        self.bytes += u64::try_from(read).unwrap_or(u64::MAX);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands out one byte per read, so every line break meets a buffer's end.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            match (self.0.split_first(), buf.first_mut()) {
                (Some((&byte, rest)), Some(slot)) => {
                    *slot = byte;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    fn lines(reader: impl Read) -> (Vec<Vec<u8>>, u64, u64) {
        let mut lines = Lines::new(reader);
        let mut out = Vec::new();
        let mut buf = Vec::new();
        while lines.read_line(&mut buf, lines.line() + 1).unwrap() {
            out.push(std::mem::take(&mut buf));
        }
        (out, lines.line(), lines.bytes())
    }

    #[test]
    fn lines_end_at_lf_crlf_or_a_lone_cr() {
        let input = b"a\nb\r\nc\rd\r\re\n\rf";
        let want: Vec<Vec<u8>> = [
            &b"a\n"[..],
            b"b\r\n",
            b"c\r",
            b"d\r",
            b"\r",
            b"e\n",
            b"\r",
            b"f",
        ]
        .iter()
        .map(|l| l.to_vec())
        .collect();
        let length = u64::try_from(input.len()).unwrap();
        assert_eq!(lines(&input[..]), (want.clone(), 8, length));
        // A `\r\n` split between two reads is one line break.
        assert_eq!(lines(Trickle(input)), (want, 8, length));
    }

    #[test]
    fn a_line_over_the_limit_is_refused_whatever_its_line_break() {
        for end in [&b"\n"[..], b"\r", b"\r\n"] {
            let mut input = vec![b'x'; MAX_RECORD_BYTES + 1];
            input.extend_from_slice(end);
            let mut lines = Lines::new(&input[..]);
            let error = lines.read_line(&mut Vec::new(), 1).unwrap_err();
            assert_eq!(error.kind(), ErrorType::RecordTooLong);
        }
    }
}
