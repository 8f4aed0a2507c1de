//! Reading CSV record by record, with the line each record starts on.
//!
//! Records and fields are split with the quoting rules of RFC 4180 as the `csv` crate applies
//! them (a test checks the two agree on every short input), so that every row knows the line it
//! starts on: the `csv` crate's own positions are wrong after blank lines
//! (BurntSushi/rust-csv#208), and the core stays free of dependencies for WebAssembly.

use std::io::Read;
use std::sync::Arc;

use super::decode::decode;
use super::error::ExportError;
use super::lines::Lines;
use crate::ErrorType;

/// The delimiters a header line is searched for, in order of preference on a tie.
pub const DELIMITERS: [u8; 3] = [b';', b',', b'\t'];

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

/// The delimiter of a CSV header line: the one of `;`, `,` and tab that occurs most outside
/// double quotes (`;` before `,` before tab on a tie; `,` when none occurs).
///
/// ```
/// use unilogin::export::detect_delimiter;
/// assert_eq!(detect_delimiter(b"cvrNummer;pNummer;navn"), b';');
/// assert_eq!(detect_delimiter(b"\"a;b\",c"), b',');
/// assert_eq!(detect_delimiter(b"cvr"), b',');
/// ```
pub fn detect_delimiter(header: &[u8]) -> u8 {
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

fn without_line_break(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    bytes.strip_suffix(b"\r").unwrap_or(bytes)
}

/// A CSV reader that yields decoded records one at a time in constant memory.
///
/// The first non-blank line is the header; its delimiter (`;`, `,` or tab, see
/// [`detect_delimiter`]) is used for the whole file. Fields may be quoted with `"` (`""` inside
/// quotes is one quote; quoted fields may span lines). Lines that are empty or hold only spaces
/// and tabs are skipped. A UTF-8 byte-order mark is skipped; each field is decoded as UTF-8 when
/// it is valid UTF-8 and as Windows-1252 otherwise. Records may have any number of fields.
///
/// ```
/// use unilogin::export::CsvReader;
/// let input = b"navn;by\n\"Bakken; Syd\";\xc5rhus\n\n\"To\nlinjer\";Ry\n";
/// let mut reader = CsvReader::new(&input[..])?;
/// assert_eq!(reader.header(), ["navn", "by"]);
/// let record = reader.next_record()?.unwrap();
/// assert_eq!((record.line(), record.get(0), record.get(1)), (2, Some("Bakken; Syd"), Some("Århus")));
/// let record = reader.next_record()?.unwrap();
/// assert_eq!(record.line(), 4);
/// assert_eq!(record.iter().collect::<Vec<_>>(), ["To\nlinjer", "Ry"]);
/// assert!(reader.next_record()?.is_none());
/// assert_eq!(reader.windows_1252_line(), Some(2));
///
/// // A file with no header line at all is an error.
/// assert_eq!(CsvReader::new(&b"\n \n"[..]).unwrap_err().kind().code(), "file_empty");
/// # Ok::<(), unilogin::export::ExportError>(())
/// ```
#[derive(Debug)]
pub struct CsvReader<R> {
    lines: Lines<R>,
    delimiter: u8,
    header: Arc<[String]>,
    header_line: u64,
    /// The current record's bytes, without its line break.
    raw: Vec<u8>,
    /// The current record's fields after unquoting, end to end.
    unquoted: Vec<u8>,
    /// The current record's decoded fields, end to end.
    text: String,
    /// The byte range of each field in `text`.
    bounds: Vec<(usize, usize)>,
    windows_1252_line: Option<u64>,
    /// Whether the current record had a field read as Windows-1252.
    windows_1252: bool,
}

/// One record of a [`CsvReader`]: its decoded fields and the line it starts on.
#[derive(Debug, Clone, Copy)]
pub struct CsvRecord<'a> {
    line: u64,
    windows_1252: bool,
    text: &'a str,
    bounds: &'a [(usize, usize)],
}

impl<'a> CsvRecord<'a> {
    /// The 1-based line of the file where the record starts.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// Whether some field was not valid UTF-8 and was read as Windows-1252.
    pub fn windows_1252(&self) -> bool {
        self.windows_1252
    }

    /// How many fields the record has (at least one).
    pub fn len(&self) -> usize {
        self.bounds.len()
    }

    /// Whether the record has no fields (never true for a record read from a file).
    pub fn is_empty(&self) -> bool {
        self.bounds.is_empty()
    }

    /// The field at `index`, if the record has it.
    pub fn get(&self, index: usize) -> Option<&'a str> {
        let &(start, end) = self.bounds.get(index)?;
        self.text.get(start..end)
    }

    /// The fields in order.
    pub fn iter(&self) -> impl Iterator<Item = &'a str> + 'a {
        let text = self.text;
        self.bounds
            .iter()
            .map(move |&(start, end)| text.get(start..end).unwrap_or_default())
    }
}

impl<R: Read> CsvReader<R> {
    /// Reads the header line and detects the delimiter.
    ///
    /// # Errors
    /// [`ErrorType::FileEmpty`] when there is no non-blank line; the errors of
    /// [`CsvReader::next_record`] for the header line, where a quote still open at the record
    /// limit is [`ErrorType::CsvQuoteUnclosed`] too.
    pub fn new(reader: R) -> Result<Self, ExportError> {
        let mut this = Self {
            lines: Lines::new(reader),
            delimiter: b',',
            header: Arc::new([]),
            header_line: 0,
            raw: Vec::new(),
            unquoted: Vec::new(),
            text: String::new(),
            bounds: Vec::new(),
            windows_1252_line: None,
            windows_1252: false,
        };
        let Some(line) = this.next_raw(|b| DELIMITERS.contains(&b), true)? else {
            return Err(ExportError::new(
                ErrorType::FileEmpty,
                crate::Ctx::new(),
                None,
            ));
        };
        this.delimiter = detect_delimiter(&this.raw);
        this.split(line);
        let record = CsvRecord {
            line,
            windows_1252: this.windows_1252,
            text: &this.text,
            bounds: &this.bounds,
        };
        this.header = record.iter().map(str::to_owned).collect();
        this.header_line = line;
        Ok(this)
    }

    /// The delimiter detected from the header line.
    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// The header's column names, decoded.
    pub fn header(&self) -> &[String] {
        &self.header
    }

    /// The header's column names, shared.
    pub(crate) fn shared_header(&self) -> Arc<[String]> {
        Arc::clone(&self.header)
    }

    /// The 1-based line of the header.
    pub fn header_line(&self) -> u64 {
        self.header_line
    }

    /// The first line with a field that was not valid UTF-8 and was read as Windows-1252.
    pub fn windows_1252_line(&self) -> Option<u64> {
        self.windows_1252_line
    }

    /// Whether the file started with a UTF-8 byte-order mark.
    pub fn bom(&self) -> bool {
        self.lines.bom()
    }

    /// Lines read so far (the last line of the last record returned).
    pub fn lines_read(&self) -> u64 {
        self.lines.line()
    }

    /// Bytes read so far.
    pub fn bytes_read(&self) -> u64 {
        self.lines.bytes()
    }

    /// The next record, or `None` at the end of the file.
    ///
    /// # Errors
    /// [`ErrorType::FileUnreadable`] for an I/O error, [`ErrorType::EncodingInvalid`] for UTF-16
    /// or binary data, [`ErrorType::RecordTooLong`] for a record over
    /// [`super::MAX_RECORD_BYTES`] (usually a quote never closed),
    /// [`ErrorType::CsvQuoteUnclosed`] for a quoted field still open at the end of the file.
    pub fn next_record(&mut self) -> Result<Option<CsvRecord<'_>>, ExportError> {
        let delimiter = self.delimiter;
        let Some(line) = self.next_raw(|b| b == delimiter, false)? else {
            return Ok(None);
        };
        self.split(line);
        Ok(Some(CsvRecord {
            line,
            windows_1252: self.windows_1252,
            text: &self.text,
            bounds: &self.bounds,
        }))
    }

    /// Reads the next non-blank record into `raw` (without its line break) and returns the line
    /// it starts on. `header`: whether it is the header line, where a quote that is still open
    /// when the record outgrows [`super::MAX_RECORD_BYTES`] is the error rather than the length.
    fn next_raw(
        &mut self,
        is_delimiter: impl Fn(u8) -> bool,
        header: bool,
    ) -> Result<Option<u64>, ExportError> {
        loop {
            self.raw.clear();
            let line = self.lines.line() + 1;
            let mut state = State::FieldStart;
            // The line of the quote that opened the quoted field the record is in.
            let mut opened = line;
            loop {
                let start = self.raw.len();
                match self.lines.read_line(&mut self.raw, line) {
                    Ok(true) => {}
                    Ok(false) => break,
                    Err(error) if header && state == State::Quoted => {
                        if error.kind() == ErrorType::RecordTooLong {
                            return Err(quote_unclosed(opened));
                        }
                        return Err(error);
                    }
                    Err(error) => return Err(error),
                }
                let chunk = self.raw.get(start..).unwrap_or_default();
                if state != State::Quoted && !chunk.contains(&b'"') {
                    // No quote: the line ends the record (a delimiter or line break resets the
                    // state, and neither can open a quoted field).
                    state = State::FieldStart;
                } else {
                    for &byte in chunk {
                        let next = state.step(byte, &is_delimiter);
                        if state == State::FieldStart && next == State::Quoted {
                            opened = self.lines.line();
                        }
                        state = next;
                    }
                }
                if state != State::Quoted {
                    break;
                }
            }
            if self.raw.is_empty() {
                return Ok(None);
            }
            if state == State::Quoted {
                // The file ended inside a quoted field: every line after the quote was read
                // into it.
                return Err(quote_unclosed(opened));
            }
            let length = without_line_break(&self.raw).len();
            self.raw.truncate(length);
            if self.raw.iter().all(|b| matches!(b, b' ' | b'\t')) {
                continue;
            }
            return Ok(Some(line));
        }
    }

    /// Splits `raw` into decoded fields in `text` and `bounds`.
    fn split(&mut self, line: u64) {
        let mut fields = Fields {
            unquoted: std::mem::take(&mut self.unquoted),
            text: std::mem::take(&mut self.text),
            bounds: std::mem::take(&mut self.bounds),
        };
        self.windows_1252 = fields.split(&self.raw, self.delimiter);
        if self.windows_1252 && self.windows_1252_line.is_none() {
            self.windows_1252_line = Some(line);
        }
        self.unquoted = fields.unquoted;
        self.text = fields.text;
        self.bounds = fields.bounds;
    }

    /// The next record's raw bytes (without its line break) and the line it starts on, not
    /// split into fields: for splitting elsewhere with [`Fields::split`].
    pub(crate) fn next_raw_record(&mut self) -> Result<Option<(u64, &[u8])>, ExportError> {
        let delimiter = self.delimiter;
        Ok(self
            .next_raw(|b| b == delimiter, false)?
            .map(|line| (line, self.raw.as_slice())))
    }
}

/// The error of a quoted field that is still open at the end of the file (or, in the header,
/// at the record limit): [`ErrorType::CsvQuoteUnclosed`] at the line of its opening quote.
fn quote_unclosed(line: u64) -> ExportError {
    ExportError::at_line(ErrorType::CsvQuoteUnclosed, line, |c| c)
}

/// Buffers for splitting records into decoded fields, reused from record to record.
#[derive(Debug, Default)]
pub(crate) struct Fields {
    /// The fields after unquoting, end to end.
    unquoted: Vec<u8>,
    /// The decoded fields, end to end.
    pub(crate) text: String,
    /// The byte range of each field in `text`.
    pub(crate) bounds: Vec<(usize, usize)>,
}

impl Fields {
    /// Splits the record `raw` into decoded fields; whether some field was read as
    /// Windows-1252.
    pub(crate) fn split(&mut self, raw: &[u8], delimiter: u8) -> bool {
        self.text.clear();
        self.bounds.clear();
        let unquoted = if raw.contains(&b'"') {
            unquote(raw, delimiter, &mut self.unquoted, &mut self.bounds);
            &self.unquoted
        } else {
            let mut start = 0;
            for (i, &byte) in raw.iter().enumerate() {
                if byte == delimiter {
                    self.bounds.push((start, i));
                    start = i + 1;
                }
            }
            self.bounds.push((start, raw.len()));
            raw
        };
        if let Ok(text) = std::str::from_utf8(unquoted) {
            // Fields end at ASCII delimiters (or were unquoted from whole characters), so every
            // bound is a character boundary unless a field's bytes only form characters together
            // with its neighbour's; decode field by field then.
            if self
                .bounds
                .iter()
                .all(|&(s, e)| text.is_char_boundary(s) && text.is_char_boundary(e))
            {
                self.text.push_str(text);
                return false;
            }
        }
        let mut any = false;
        for bound in &mut self.bounds {
            let field = unquoted.get(bound.0..bound.1).unwrap_or_default();
            let (text, windows_1252) = decode(field);
            any |= windows_1252;
            let start = self.text.len();
            self.text.push_str(&text);
            *bound = (start, self.text.len());
        }
        any
    }

    /// The field at `index`.
    pub(crate) fn get(&self, index: usize) -> Option<&str> {
        let &(start, end) = self.bounds.get(index)?;
        self.text.get(start..end)
    }
}

/// Splits one record into its fields with the rules [`State`] follows: a field that starts with
/// a quote runs to the closing quote, `""` inside it is one quote, and anything after the
/// closing quote is kept as written. The fields go end to end into `out`, their ranges into
/// `bounds`.
fn unquote(bytes: &[u8], delimiter: u8, out: &mut Vec<u8>, bounds: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut start = 0;
    let mut state = State::FieldStart;
    for &byte in bytes {
        let next = state.step(byte, |b| b == delimiter);
        match (state, next) {
            // Opening quote, closing (or first of a doubled) quote.
            (State::FieldStart, State::Quoted) | (State::Quoted, State::QuoteInQuoted) => {}
            (_, State::FieldStart) if byte == delimiter => {
                bounds.push((start, out.len()));
                start = out.len();
            }
            _ => out.push(byte),
        }
        state = next;
    }
    bounds.push((start, out.len()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(input: &[u8]) -> Vec<(u64, Vec<String>)> {
        let mut reader = CsvReader::new(input).unwrap();
        let mut out = vec![(reader.header_line(), reader.header().to_vec())];
        while let Some(r) = reader.next_record().unwrap() {
            out.push((r.line(), r.iter().map(str::to_owned).collect()));
        }
        out
    }

    fn strings(fields: &[&str]) -> Vec<String> {
        fields.iter().map(|&f| f.to_owned()).collect()
    }

    #[test]
    fn records_know_their_lines_across_blank_lines_and_quoted_breaks() {
        assert_eq!(
            records(b"h,x\n1,a\n\n  \n4,b\r\n\r\n6,\"c\n\nd\"\n\n10,\"e\"\"\"\n11,f"),
            [
                (1, strings(&["h", "x"])),
                (2, strings(&["1", "a"])),
                (5, strings(&["4", "b"])),
                (7, strings(&["6", "c\n\nd"])),
                (11, strings(&["10", "e\""])),
                (12, strings(&["11", "f"])),
            ]
        );
    }

    #[test]
    fn cr_lf_and_crlf_line_ends_and_a_mix_give_the_same_records() {
        let lf = records(b"h,x\n1,a\n\n2,\"b\nc\"\n3,d\n");
        let cr = records(b"h,x\r1,a\r\r2,\"b\nc\"\r3,d\r");
        let crlf = records(b"h,x\r\n1,a\r\n\r\n2,\"b\nc\"\r\n3,d\r\n");
        let mixed = records(b"h,x\r1,a\r\n\n2,\"b\nc\"\r3,d");
        assert_eq!(lf[1], (2, strings(&["1", "a"])));
        assert_eq!(lf[3], (6, strings(&["3", "d"])));
        assert_eq!(cr, lf);
        assert_eq!(crlf, lf);
        assert_eq!(mixed, lf);
    }

    #[test]
    fn quotes_inside_unquoted_fields_are_plain_characters() {
        assert_eq!(
            records("a,Børnehuset \"Solsikken,b\nc,d,e\n".as_bytes()),
            [
                (1, strings(&["a", "Børnehuset \"Solsikken", "b"])),
                (2, strings(&["c", "d", "e"]))
            ]
        );
    }

    #[test]
    fn a_byte_order_mark_is_dropped_from_the_first_line_only() {
        let mut reader = CsvReader::new("\u{feff}h,x\n\u{feff}1,a\n".as_bytes()).unwrap();
        assert!(reader.bom());
        assert_eq!(reader.header(), ["h", "x"]);
        let record = reader.next_record().unwrap().unwrap();
        assert_eq!(record.get(0), Some("\u{feff}1"));
    }

    #[test]
    fn fields_are_unquoted_and_decoded_one_by_one() {
        let input = b"a;b;c;d\n\"Privat, \"\"stk. 5\"\"\";\"\xd8\nb\";;\xc3\xb8\n";
        assert_eq!(
            records(input)[1],
            (2, strings(&["Privat, \"stk. 5\"", "Ø\nb", "", "ø"]))
        );
    }

    #[test]
    fn a_utf8_character_split_by_a_delimiter_is_read_as_windows_1252() {
        // `ø` is C3 B8; with a quote between them, the unquoted bytes join into valid UTF-8.
        let input = b"a,b\n\xc3,\"\xb8\"\n";
        let rows = records(input);
        assert_eq!(rows[1], (2, strings(&["Ã", "¸"])));
    }

    #[test]
    fn an_unclosed_quote_stops_at_the_record_limit() {
        let mut input = b"a,b\n\"open,".to_vec();
        input.extend(b"x\n".repeat(super::super::MAX_RECORD_BYTES));
        let mut reader = CsvReader::new(&input[..]).unwrap();
        let error = reader.next_record().unwrap_err();
        assert_eq!(error.kind(), ErrorType::RecordTooLong);
        assert_eq!(error.line(), Some(2));
    }

    #[test]
    fn a_quote_never_closed_is_named_with_the_line_it_opens_on() {
        let unclosed = |input: &[u8]| {
            let error = match CsvReader::new(input) {
                Err(error) => error,
                Ok(mut reader) => loop {
                    match reader.next_record() {
                        Ok(Some(_)) => {}
                        Ok(None) => panic!("no error: {input:?}"),
                        Err(error) => break error,
                    }
                },
            };
            assert_eq!(error.kind(), ErrorType::CsvQuoteUnclosed, "{input:?}");
            error.line()
        };
        // In the header: the whole file would be one column name.
        assert_eq!(unclosed(b"\"cvr;navn\n13585628;A\n"), Some(1));
        assert_eq!(unclosed(b"\n\ncvr;\"navn\r13585628;A\r"), Some(3));
        let mut long = b"cvr;\"navn\n".to_vec();
        long.extend(b"13585628;A\n".repeat(super::super::MAX_RECORD_BYTES / 8));
        assert_eq!(unclosed(&long), Some(1));
        // In a row: at the quote that is still open, also after a closed one.
        assert_eq!(unclosed(b"h,x\n\"a\nb\",c\nd,\"e\nf\n"), Some(4));
        assert_eq!(unclosed(b"h,x\n\"a\nb\",\"c\nd\n"), Some(3));
    }

    /// Every record and field as the `csv` crate reads `input` (`\n`, `\r\n` or `\r` ends a
    /// record).
    fn with_csv_crate(input: &[u8]) -> Vec<Vec<Vec<u8>>> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .terminator(csv::Terminator::CRLF)
            .from_reader(input);
        reader
            .byte_records()
            .map(|r| r.unwrap().iter().map(<[u8]>::to_vec).collect())
            .collect()
    }

    /// Every record and field as this reader reads `input` with `,` (a header of one comma
    /// fixes the delimiter), and whether it ended at an unclosed quote.
    fn with_reader(input: &[u8]) -> (Vec<Vec<Vec<u8>>>, bool) {
        let mut all = b",\n".to_vec();
        all.extend_from_slice(input);
        let mut reader = CsvReader::new(&all[..]).unwrap();
        let mut out = Vec::new();
        loop {
            match reader.next_record() {
                Ok(Some(r)) => out.push(r.iter().map(|f| f.as_bytes().to_vec()).collect()),
                Ok(None) => return (out, false),
                Err(e) => {
                    assert_eq!(e.kind(), ErrorType::CsvQuoteUnclosed, "{input:?}");
                    return (out, true);
                }
            }
        }
    }

    /// The reader agrees with the `csv` crate on `input`, except that a quote left open at the
    /// end (the `csv` crate's last record) is an error.
    fn agrees(input: &[u8]) {
        let (ours, unclosed) = with_reader(input);
        let mut theirs = with_csv_crate(input);
        if unclosed {
            theirs.pop();
        }
        assert_eq!(ours, theirs, "{input:?}");
    }

    #[test]
    fn records_and_fields_agree_with_the_csv_crate() {
        for input in [
            &b"a,b\n1,2\n"[..],
            b"\"a,b\",c\n\"x\"\"y\",\"\"\n",
            b"\"open\nquote,x\n\ny",
            b"a\"b\",c\n\"q\"tail,d\n",
            b"\n\n,,\n\"\"\n",
            b"a,b\r1,2\r\n3,4\n\r5,\"x\ry\"\r",
        ] {
            agrees(input);
        }
        // Every string of up to 6 bytes over a small alphabet.
        let alphabet = [b'a', b',', b'"', b'\n', b'\r'];
        let mut input = Vec::new();
        for length in 1..=6_u32 {
            for mut n in 0..alphabet.len().pow(length) {
                input.clear();
                for _ in 0..length {
                    input.push(alphabet[n % alphabet.len()]);
                    n /= alphabet.len();
                }
                agrees(&input);
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
