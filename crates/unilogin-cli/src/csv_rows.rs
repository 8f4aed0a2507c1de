//! Reading a CSV file record by record, with the line each record starts on.
//!
//! Records and fields are split here with the quoting rules of RFC 4180 as the `csv` crate
//! applies them (a test checks the two agree), so that every row knows the line it starts on:
//! the `csv` crate's own positions are wrong after blank lines (BurntSushi/rust-csv#208).

use std::borrow::Cow;
use std::io::BufRead;

use unilogin::RecordKind;

use crate::input::{read_error, Row, BOM};
use crate::Fatal;

/// The delimiters a header line is searched for, in order of preference on a tie.
const DELIMITERS: [u8; 3] = [b';', b',', b'\t'];

/// Where the splitter is within a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// At the start of a field (also of a record).
    FieldStart,
    /// In a field that did not start with a quote; quotes in it are plain characters.
    Unquoted,
    /// In a quoted field, where line breaks and delimiters are part of the value.
    Quoted,
    /// Just after a quote in a quoted field: the field's end, or the first of `""`.
    QuoteInQuoted,
}

impl State {
    fn step(self, byte: u8, is_delimiter: impl Fn(u8) -> bool) -> Self {
        match (self, byte) {
            (Self::Quoted, b'"') => Self::QuoteInQuoted,
            (Self::Quoted, _) | (Self::QuoteInQuoted, b'"') => Self::Quoted,
            (_, b'\n') => Self::FieldStart,
            (_, b) if is_delimiter(b) => Self::FieldStart,
            (Self::FieldStart, b'"') => Self::Quoted,
            _ => Self::Unquoted,
        }
    }
}

/// One record's bytes (without its line break) and the 1-based line it starts on.
#[derive(Debug)]
struct Record {
    line: u64,
    bytes: Vec<u8>,
}

/// Splits a CSV stream into records, skipping blank lines (empty or only spaces and tabs).
struct Records {
    reader: Box<dyn BufRead>,
    /// Lines read so far.
    line: u64,
}

impl Records {
    fn new(reader: Box<dyn BufRead>) -> Self {
        Self { reader, line: 0 }
    }

    fn next(&mut self, is_delimiter: impl Fn(u8) -> bool) -> std::io::Result<Option<Record>> {
        loop {
            let line = self.line + 1;
            let mut bytes = Vec::new();
            let mut state = State::FieldStart;
            loop {
                let start = bytes.len();
                if self.reader.read_until(b'\n', &mut bytes)? == 0 {
                    break;
                }
                self.line += 1;
                if self.line == 1 && bytes.starts_with(BOM) {
                    bytes.drain(..BOM.len());
                }
                for &byte in bytes.get(start..).unwrap_or_default() {
                    state = state.step(byte, &is_delimiter);
                }
                if state != State::Quoted {
                    break;
                }
            }
            if bytes.is_empty() {
                return Ok(None);
            }
            // A quote left open at the end of the file keeps its last line break.
            let content = if state == State::Quoted {
                &bytes
            } else {
                without_line_break(&bytes)
            };
            if content.iter().all(|b| matches!(b, b' ' | b'\t')) {
                continue;
            }
            let length = content.len();
            bytes.truncate(length);
            return Ok(Some(Record { line, bytes }));
        }
    }
}

fn without_line_break(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    bytes.strip_suffix(b"\r").unwrap_or(bytes)
}

/// The delimiter of a CSV header line: the one of `;`, `,` and tab that occurs most outside
/// double quotes (`;` before `,` before tab on a tie; `,` when none occurs).
pub(crate) fn detect_delimiter(header: &[u8]) -> u8 {
    let mut counts = [0_usize; DELIMITERS.len()];
    let mut quoted = false;
    for &byte in header {
        if byte == b'"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(i) = DELIMITERS.iter().position(|&d| d == byte) {
                if let Some(count) = counts.get_mut(i) {
                    *count += 1;
                }
            }
        }
    }
    let mut best = (b',', 0);
    for (&delimiter, &count) in DELIMITERS.iter().zip(&counts) {
        if count > best.1 {
            best = (delimiter, count);
        }
    }
    best.0
}

/// Splits one record into its raw fields with the rules [`State`] follows: a field that starts
/// with a quote runs to the closing quote, `""` inside it is one quote, and anything after the
/// closing quote is kept as written.
fn raw_fields(bytes: &[u8], delimiter: u8) -> Vec<Vec<u8>> {
    let mut fields = Vec::new();
    let mut field = Vec::new();
    let mut state = State::FieldStart;
    for &byte in bytes {
        let next = state.step(byte, |b| b == delimiter);
        match (state, next) {
            // Opening quote, closing (or first of a doubled) quote, and a field's end.
            (State::FieldStart, State::Quoted) | (State::Quoted, State::QuoteInQuoted) => {}
            (_, State::FieldStart) if byte == delimiter => {
                fields.push(std::mem::take(&mut field));
            }
            _ => field.push(byte),
        }
        state = next;
    }
    fields.push(field);
    fields
}

/// The fields of one record, decoded as UTF-8.
fn fields(
    record: &Record,
    delimiter: u8,
    at: &str,
    columns: Option<&[String]>,
) -> Result<Vec<String>, Fatal> {
    raw_fields(&record.bytes, delimiter)
        .into_iter()
        .enumerate()
        .map(|(i, field)| {
            String::from_utf8(field).map_err(|_| {
                let column = columns
                    .and_then(|c| c.get(i))
                    .map_or_else(|| format!("field {}", i + 1), |c| format!("column {c}"));
                Fatal::new(format!(
                    "{at}, {column}: not valid UTF-8; save the file as UTF-8"
                ))
            })
        })
        .collect()
}

/// A header cell as an error message shows it. A file without a header line has a data row
/// there, so a cell with six or more digits (a CPR number, say) is masked like a CPR field.
fn shown_column(column: &str) -> Cow<'_, str> {
    if column.bytes().filter(u8::is_ascii_digit).count() >= 6 {
        unilogin::people::Cpr::redact(column)
    } else {
        Cow::Borrowed(column)
    }
}

/// Validates every data row of a CSV stream as `kind`.
pub(crate) fn check_csv(
    name: &str,
    reader: Box<dyn BufRead>,
    kind: RecordKind,
    mut on_row: impl FnMut(Row) -> Result<(), Fatal>,
) -> Result<(), Fatal> {
    let mut records = Records::new(reader);
    let header = records
        .next(|b| DELIMITERS.contains(&b))
        .map_err(|e| read_error(name, &e))?
        .ok_or_else(|| {
            Fatal::new(format!(
                "{name} is empty; a CSV file starts with a header line"
            ))
        })?;
    let delimiter = detect_delimiter(&header.bytes);
    let at = format!("{name}: line {}", header.line);
    let columns = fields(&header, delimiter, &at, None)?;
    let resolved = kind.header(&columns);
    if !resolved.knows_any() {
        return Err(Fatal::new(format!(
            "no column of {name} names a {kind} field (found {found}; expected some of \
             {expected}); check --kind and the header line",
            kind = kind.name(),
            found = columns
                .iter()
                .map(|c| shown_column(c))
                .collect::<Vec<_>>()
                .join(", "),
            expected = kind.keys().join(", "),
        )));
    }
    let mut index = 0;
    while let Some(record) = records
        .next(|b| b == delimiter)
        .map_err(|e| read_error(name, &e))?
    {
        let at = format!("{name}: row {index} (line {})", record.line);
        let values = fields(&record, delimiter, &at, Some(&columns))?;
        if values.len() != columns.len() {
            return Err(Fatal::new(format!(
                "{at}: {} fields, but the header has {}; quote fields that contain the delimiter",
                values.len(),
                columns.len()
            )));
        }
        let problems = kind
            .check_row(&resolved, values.iter().map(String::as_str))
            .in_row(index);
        on_row(Row {
            index,
            line: record.line,
            problems,
        })?;
        index += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn split(input: &str) -> Vec<(u64, String)> {
        let mut records = Records::new(Box::new(std::io::Cursor::new(input.as_bytes().to_vec())));
        let mut out = Vec::new();
        while let Some(r) = records.next(|b| b == b',').unwrap() {
            out.push((r.line, String::from_utf8(r.bytes).unwrap()));
        }
        out
    }

    #[test]
    fn records_know_their_lines_across_blank_lines_and_quoted_breaks() {
        assert_eq!(
            split("h,x\n1,a\n\n  \n4,b\r\n\r\n6,\"c\n\nd\"\n\n10,\"e\"\"\"\n11,f"),
            [
                (1, "h,x".to_owned()),
                (2, "1,a".to_owned()),
                (5, "4,b".to_owned()),
                (7, "6,\"c\n\nd\"".to_owned()),
                (11, "10,\"e\"\"\"".to_owned()),
                (12, "11,f".to_owned()),
            ]
        );
    }

    #[test]
    fn quotes_inside_unquoted_fields_are_plain_characters() {
        assert_eq!(
            split("a,Børnehuset \"Solsikken,b\nc,d\n"),
            [
                (1, "a,Børnehuset \"Solsikken,b".to_owned()),
                (2, "c,d".to_owned())
            ]
        );
    }

    #[test]
    fn a_byte_order_mark_is_dropped_from_the_first_line_only() {
        assert_eq!(
            split("\u{feff}h,x\n\u{feff}1,a\n"),
            [(1, "h,x".to_owned()), (2, "\u{feff}1,a".to_owned())]
        );
    }

    #[test]
    fn fields_are_decoded_like_csv() {
        let record = Record {
            line: 3,
            bytes: b"\"Privat, \"\"stk. 5\"\"\";\"a\nb\";;x".to_vec(),
        };
        assert_eq!(
            fields(&record, b';', "f: line 3", None).unwrap(),
            ["Privat, \"stk. 5\"", "a\nb", "", "x"]
        );
    }

    /// Every record and field as the `csv` crate reads `input` (`\n` ends a record).
    fn with_csv_crate(input: &[u8]) -> Vec<Vec<Vec<u8>>> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_reader(input);
        reader
            .byte_records()
            .map(|r| r.unwrap().iter().map(<[u8]>::to_vec).collect())
            .collect()
    }

    fn with_splitter(input: &[u8]) -> Vec<Vec<Vec<u8>>> {
        let mut records = Records::new(Box::new(std::io::Cursor::new(input.to_vec())));
        let mut out = Vec::new();
        while let Some(r) = records.next(|b| b == b',').unwrap() {
            out.push(raw_fields(&r.bytes, b','));
        }
        out
    }

    #[test]
    fn records_and_fields_agree_with_the_csv_crate() {
        for input in [
            &b"a,b\n1,2\n"[..],
            b"\"a,b\",c\n\"x\"\"y\",\"\"\n",
            b"\"open\nquote,x\n\ny",
            b"a\"b\",c\n\"q\"tail,d\n",
            b"\n\n,,\n\"\"\n",
        ] {
            assert_eq!(with_splitter(input), with_csv_crate(input), "{input:?}");
        }
        // Every string of up to 7 bytes over a small alphabet.
        let alphabet = [b'a', b',', b'"', b'\n'];
        let mut input = Vec::new();
        for length in 1..=7_u32 {
            for mut n in 0..4_usize.pow(length) {
                input.clear();
                for _ in 0..length {
                    input.push(alphabet[n % 4]);
                    n /= 4;
                }
                assert_eq!(with_splitter(&input), with_csv_crate(&input), "{input:?}");
            }
        }
    }

    #[test]
    fn delimiter_is_the_most_frequent_outside_quotes() {
        assert_eq!(detect_delimiter(b"a;b;c"), b';');
        assert_eq!(detect_delimiter(b"a,b,c"), b',');
        assert_eq!(detect_delimiter(b"a\tb\tc"), b'\t');
        assert_eq!(detect_delimiter(b"\"a,b,c\";d;e"), b';');
        assert_eq!(detect_delimiter(b"a,b;c"), b';');
        assert_eq!(detect_delimiter(b"cvr"), b',');
    }
}
