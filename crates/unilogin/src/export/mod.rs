//! Reading whole export files: CSV and JSON Lines, row by row in constant memory.
//!
//! A municipality's or vendor's export arrives as a file: CSV separated by `;` (common in
//! Danish spreadsheets), `,` or tab, in UTF-8 (with or without a byte-order mark) or
//! Windows-1252, or JSON Lines. This module reads it one record at a time, checks each row as a
//! [`RecordKind`] and hands it to the caller with its row index and line, and returns a summary:
//! rows read, rows with problems, problems per error type, the columns it matched and those it
//! ignores (with the closest known name as a suggestion).
//!
//! - [`check_reader`] and [`check_path`]: the whole file with a callback per row.
//! - [`ExportChecker`]: the same as an iterator of rows, for hosts that pull, and
//!   [`ExportChecker::check_all`] to check on several threads while one reads.
//! - [`CsvReader`]: the CSV reader alone (delimiter detection, quoting, decoding).
//!
//! Problems in rows are ordinary [`Problems`] located at `[row, field]`. What stops reading (an
//! unreadable file, UTF-16 or binary data, a ragged CSV row, a line that is not a JSON object)
//! is an [`ExportError`], with an [`ErrorType`] code from the catalogue like every problem.
//!
//! ```
//! use std::ops::ControlFlow;
//! use unilogin::export::{check_reader, Encoding, Syntax};
//! use unilogin::{Lang, RecordKind, ValidationPolicy};
//!
//! // A semicolon-separated register export saved by a spreadsheet as Windows-1252.
//! let file = b"anvisningsenhedsNummer;dagtilbudsNavn;instType3;ejerformKode;kommuneKode_Tekst;\
//!              vejNavn;husNummer;postNummer;byNavn;pNummer;telefonNumer\n\
//!              G18062;Skovb\xf8rnehaven Egernet;6011;3;Vesthimmerland;Skolevej;4;9600;Aars;\
//!              1029829825;98 62 12 34\n\
//!              A14672;\xd8stergades B\xf8rnehus;6011;1;Aarhus;\xd8stergade;2;8000;Aarhus C;\
//!              1029829825;\n";
//! let mut problems = Vec::new();
//! let summary = check_reader(
//!     &file[..],
//!     Syntax::Csv,
//!     RecordKind::Register,
//!     &ValidationPolicy::STIL,
//!     |row| {
//!         problems.extend(row.problems);
//!         ControlFlow::Continue(())
//!     },
//! )?;
//! assert_eq!((summary.rows, summary.rows_with_problems), (2, 1));
//! assert_eq!(summary.encoding, Encoding::Windows1252);
//! assert_eq!(summary.delimiter, Some(';'));
//! assert_eq!(problems[0].loc().to_string(), "1.placement_unit_number");
//! assert_eq!(problems[0].kind().code(), "institution_number_legacy");
//!
//! assert_eq!(problems[0].input(), Some("A14672"));
//!
//! // `telefonNumer` is no register column: it is ignored, with a suggestion.
//! let unknown = &summary.unknown_columns[0];
//! assert_eq!(unknown.suggestion, Some("telefonNummer"));
//! assert_eq!(
//!     unknown.warning().message(Lang::En),
//!     "Column telefonNumer is not used and is ignored; did you mean telefonNummer?"
//! );
//! # Ok::<(), unilogin::export::ExportError>(())
//! ```

mod columns;
mod csv;
mod decode;
mod error;
mod jsonl;
mod lines;
mod parallel;

use std::collections::{BTreeMap, HashSet};
use std::fs::File;
use std::io::Read;
use std::ops::ControlFlow;
use std::path::Path;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

pub use self::csv::{detect_delimiter, CsvReader, CsvRecord, DELIMITERS};
pub use self::error::ExportError;
use self::jsonl::JsonLinesReader;
pub use self::lines::MAX_RECORD_BYTES;
pub use self::parallel::{resolve_jobs, MAX_JOBS};
use crate::record::Header;
use crate::{Ctx, ErrorType, FieldError, Problems, RecordKind, ValidationPolicy};

/// The syntax of an export file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Syntax {
    /// CSV with a header line; the delimiter is detected.
    Csv,
    /// JSON Lines: one JSON object per line.
    JsonLines,
}

impl Syntax {
    /// The syntax a file name's extension names, case-insensitively: `.csv`, `.tsv` and `.txt`
    /// are CSV; `.jsonl`, `.ndjson` and `.json` are JSON Lines.
    ///
    /// ```
    /// use std::path::Path;
    /// use unilogin::export::Syntax;
    /// assert_eq!(Syntax::from_path(Path::new("eksport.CSV")), Some(Syntax::Csv));
    /// assert_eq!(Syntax::from_path(Path::new("x.ndjson")), Some(Syntax::JsonLines));
    /// assert_eq!(Syntax::from_path(Path::new("eksport.xlsx")), None);
    /// ```
    pub fn from_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "csv" | "tsv" | "txt" => Some(Self::Csv),
            "jsonl" | "ndjson" | "json" => Some(Self::JsonLines),
            _ => None,
        }
    }

    /// Like [`Syntax::from_path`], with the error to report when the extension names no syntax.
    ///
    /// # Errors
    /// [`ErrorType::FileFormatUnknown`], with the extension (`.xlsx`) in `ctx`.
    pub fn of_path(path: &Path) -> Result<Self, ExportError> {
        Self::from_path(path).ok_or_else(|| unknown_format(path))
    }

    /// The name: `csv` or `jsonl`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::JsonLines => "jsonl",
        }
    }

    /// The syntax with this name (`csv`, `jsonl`; also `json_lines`, `ndjson`).
    pub fn from_name(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "csv" => Some(Self::Csv),
            "jsonl" | "json_lines" | "ndjson" => Some(Self::JsonLines),
            _ => None,
        }
    }
}

/// The text encoding an export was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// UTF-8 without a byte-order mark (ASCII included).
    Utf8,
    /// UTF-8 with a byte-order mark, as spreadsheet programs save "CSV UTF-8".
    Utf8Bom,
    /// Windows-1252 ("ANSI" on Danish Windows): some field was not valid UTF-8.
    Windows1252,
}

impl Encoding {
    /// The name: `utf-8`, `utf-8-bom` or `windows-1252`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "utf-8",
            Self::Utf8Bom => "utf-8-bom",
            Self::Windows1252 => "windows-1252",
        }
    }
}

impl Serialize for Encoding {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// One checked row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRow {
    /// The 0-based index of the data row (header and blank lines not counted).
    pub index: usize,
    /// The 1-based line of the file where the row starts.
    pub line: u64,
    /// The 1-based line where the row ends: `line`, unless a quoted field spans lines.
    pub end_line: u64,
    /// Whether some field of the row was not UTF-8 and was read as Windows-1252.
    pub windows_1252: bool,
    /// The row's problems, located under `index` (`loc` `[index, field]`); empty when valid.
    pub problems: Problems,
    /// Bytes of the file read so far (for progress reports).
    pub bytes_read: u64,
}

/// A column (or JSON key) that no field of the record kind uses. It is ignored; the warning
/// names the closest known column when one is close.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownColumn {
    /// The name as given (a name with six or more digits is masked like a CPR number).
    pub column: String,
    /// The 0-based position in a CSV header; `None` for a JSON key.
    pub position: Option<usize>,
    /// The line it was first seen on.
    pub line: u64,
    /// The known column name it is closest to, if any is close.
    pub suggestion: Option<&'static str>,
}

impl UnknownColumn {
    fn new(kind: RecordKind, name: &str, position: Option<usize>, line: u64) -> Self {
        Self {
            column: columns::shown(name).into_owned(),
            position,
            line,
            suggestion: columns::suggestion(kind, name),
        }
    }

    /// The warning: [`ErrorType::ColumnSuggestion`] with `column` and `suggestion`, or
    /// [`ErrorType::ColumnUnknown`] with `column`.
    pub fn warning(&self) -> FieldError {
        let ctx = Ctx::new().with("column", self.column.clone());
        match self.suggestion {
            Some(suggestion) => FieldError::with_ctx(
                ErrorType::ColumnSuggestion,
                ctx.with("suggestion", suggestion),
            ),
            None => FieldError::with_ctx(ErrorType::ColumnUnknown, ctx),
        }
    }
}

/// What reading an export found. Serialises as a JSON object (`problems_by_type` keyed by
/// code, `columns` as `{column, key}`, `unknown_columns` as `{column, suggestion, type}`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ExportSummary {
    /// The record kind the rows were checked as.
    pub kind: RecordKind,
    /// The syntax read.
    pub syntax: Syntax,
    /// The encoding the text was read in.
    pub encoding: Encoding,
    /// The first line with a field read as Windows-1252.
    pub windows_1252_line: Option<u64>,
    /// The CSV delimiter detected from the header line.
    pub delimiter: Option<char>,
    /// The CSV header resolved against the kind.
    pub header: Option<Header>,
    /// Columns (CSV) or keys (JSON Lines) no field uses, in the order first seen. JSON keys are
    /// collected up to 100 distinct names.
    pub unknown_columns: Vec<UnknownColumn>,
    /// Data rows read.
    pub rows: usize,
    /// Rows with at least one problem.
    pub rows_with_problems: usize,
    /// Problems in all rows.
    pub problems: usize,
    /// Problems per error type.
    pub problems_by_type: BTreeMap<ErrorType, usize>,
    /// Lines read.
    pub lines: u64,
    /// Bytes read.
    pub bytes: u64,
    /// Whether the whole file was read (`false` when the caller stopped early).
    pub complete: bool,
}

impl ExportSummary {
    fn new(kind: RecordKind, syntax: Syntax) -> Self {
        Self {
            kind,
            syntax,
            encoding: Encoding::Utf8,
            windows_1252_line: None,
            delimiter: None,
            header: None,
            unknown_columns: Vec::new(),
            rows: 0,
            rows_with_problems: 0,
            problems: 0,
            problems_by_type: BTreeMap::new(),
            lines: 0,
            bytes: 0,
            complete: false,
        }
    }

    fn count(&mut self, row: &ExportRow) {
        if row.windows_1252 && self.windows_1252_line.is_none_or(|l| row.line < l) {
            self.windows_1252_line = Some(row.line);
        }
        let problems = &row.problems;
        self.rows += 1;
        if !problems.is_empty() {
            self.rows_with_problems += 1;
            self.problems += problems.len();
            for problem in problems {
                *self.problems_by_type.entry(problem.kind()).or_insert(0) += 1;
            }
        }
    }
}

impl Serialize for ExportSummary {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Column<'a> {
            column: std::borrow::Cow<'a, str>,
            key: Option<&'static str>,
        }
        #[derive(Serialize)]
        struct Unknown<'a> {
            #[serde(rename = "type")]
            kind: ErrorType,
            column: &'a str,
            position: Option<usize>,
            line: u64,
            suggestion: Option<&'static str>,
        }
        let columns: Option<Vec<Column<'_>>> = self.header.as_ref().map(|header| {
            header
                .names()
                .iter()
                .zip(header.keys())
                .map(|(name, key)| Column {
                    column: columns::shown(name),
                    key,
                })
                .collect()
        });
        let unknown: Vec<Unknown<'_>> = self
            .unknown_columns
            .iter()
            .map(|u| Unknown {
                kind: u.warning().kind(),
                column: &u.column,
                position: u.position,
                line: u.line,
                suggestion: u.suggestion,
            })
            .collect();
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("kind", self.kind.name())?;
        map.serialize_entry("syntax", self.syntax.name())?;
        map.serialize_entry("encoding", &self.encoding)?;
        map.serialize_entry("windows_1252_line", &self.windows_1252_line)?;
        map.serialize_entry("delimiter", &self.delimiter)?;
        map.serialize_entry("columns", &columns)?;
        map.serialize_entry("unknown_columns", &unknown)?;
        map.serialize_entry("rows", &self.rows)?;
        map.serialize_entry("rows_with_problems", &self.rows_with_problems)?;
        map.serialize_entry("problems", &self.problems)?;
        map.serialize_entry("problems_by_type", &self.problems_by_type)?;
        map.serialize_entry("lines", &self.lines)?;
        map.serialize_entry("bytes", &self.bytes)?;
        map.serialize_entry("complete", &self.complete)?;
        map.end()
    }
}

/// How many distinct unknown JSON keys a summary collects.
const MAX_UNKNOWN_KEYS: usize = 100;

enum Source<R> {
    Csv {
        reader: CsvReader<R>,
        header: Header,
    },
    JsonLines {
        reader: JsonLinesReader<R>,
        /// Keys already looked at (known or not), so each is resolved once.
        seen: HashSet<String>,
    },
}

/// Reads an export row by row and checks each row: the pull form of [`check_reader`], also an
/// [`Iterator`] of `Result<ExportRow, ExportError>` that ends after the first error.
///
/// ```
/// use unilogin::export::{ExportChecker, Syntax};
/// use unilogin::{RecordKind, ValidationPolicy};
/// let file = "{\"cvr\": \"13585628\"}\n\n{\"cvr\": \"13585627\", \"farve\": \"grøn\"}\n";
/// let mut checker = ExportChecker::new(
///     file.as_bytes(),
///     Syntax::JsonLines,
///     RecordKind::Request,
///     &ValidationPolicy::STIL,
/// )?;
/// let rows: Vec<_> = checker.by_ref().collect::<Result<_, _>>()?;
/// assert_eq!(rows[1].line, 3);
/// assert!(rows[1].problems.iter().any(|p| p.kind().code() == "cvr_checksum"));
/// let summary = checker.finish();
/// assert_eq!((summary.rows, summary.complete), (2, true));
/// assert_eq!(summary.unknown_columns[0].column, "farve");
/// # Ok::<(), unilogin::export::ExportError>(())
/// ```
pub struct ExportChecker<R> {
    source: Source<R>,
    kind: RecordKind,
    policy: ValidationPolicy,
    summary: ExportSummary,
    /// Rows read (handed out by `next_row` or in batches): the next row's index.
    read: usize,
    /// Whether the reader reached the end of the input.
    at_end: bool,
    /// Whether reading stopped before the end: an error was returned, or
    /// [`ExportChecker::check_all`] returned early. Nothing more is read then.
    stopped: bool,
    /// An error met while filling a batch, returned by the next call.
    pending: Option<ExportError>,
    /// Where the reader is, which may be ahead of the rows counted in the summary.
    reading: Reading,
}

/// Where the reader is: lines and bytes read, and whether the file has a byte-order mark.
#[derive(Debug, Clone, Copy, Default)]
struct Reading {
    bom: bool,
    lines: u64,
    bytes: u64,
}

impl<R> std::fmt::Debug for ExportChecker<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExportChecker")
            .field("kind", &self.kind)
            .field("policy", &self.policy)
            .field("summary", &self.summary)
            .finish_non_exhaustive()
    }
}

impl<R: Read> ExportChecker<R> {
    /// Starts reading: for CSV, reads and resolves the header line.
    ///
    /// # Errors
    /// For CSV: [`ErrorType::FileEmpty`] without a header line,
    /// [`ErrorType::CsvNoKnownColumn`] when no header column names a field of `kind`, and the
    /// reading errors of [`ExportChecker::next_row`] for the header line.
    pub fn new(
        reader: R,
        syntax: Syntax,
        kind: RecordKind,
        policy: &ValidationPolicy,
    ) -> Result<Self, ExportError> {
        let mut summary = ExportSummary::new(kind, syntax);
        let source = match syntax {
            Syntax::Csv => {
                let reader = CsvReader::new(reader)?;
                let header = kind.header(reader.header());
                if !header.knows_any() {
                    let found: Vec<_> = reader
                        .header()
                        .iter()
                        .map(|c| columns::shown(c).into_owned())
                        .collect();
                    return Err(ExportError::new(
                        ErrorType::CsvNoKnownColumn,
                        Ctx::new()
                            .with("kind", kind.name())
                            .with("found", found.join(", "))
                            .with("expected", kind.keys().join(", ")),
                        Some(reader.header_line()),
                    ));
                }
                summary.delimiter = Some(char::from(reader.delimiter()));
                summary.windows_1252_line = reader.windows_1252_line();
                summary.unknown_columns = reader
                    .header()
                    .iter()
                    .zip(header.keys())
                    .enumerate()
                    .filter(|(_, (_, key))| key.is_none())
                    .map(|(i, (name, _))| {
                        UnknownColumn::new(kind, name, Some(i), reader.header_line())
                    })
                    .collect();
                summary.header = Some(header.clone());
                Source::Csv { reader, header }
            }
            Syntax::JsonLines => Source::JsonLines {
                reader: JsonLinesReader::new(reader),
                seen: HashSet::new(),
            },
        };
        let mut checker = Self {
            source,
            kind,
            policy: *policy,
            summary,
            read: 0,
            at_end: false,
            stopped: false,
            pending: None,
            reading: Reading::default(),
        };
        checker.update_reading();
        checker.settle(None);
        Ok(checker)
    }

    /// What has been read so far.
    pub fn summary(&self) -> &ExportSummary {
        &self.summary
    }

    /// The summary; `complete` is `true` when every row was read (and, with batches,
    /// recorded).
    pub fn finish(self) -> ExportSummary {
        self.summary
    }

    /// Takes note of where the reader is.
    fn update_reading(&mut self) {
        self.reading = match &self.source {
            Source::Csv { reader, .. } => Reading {
                bom: reader.bom(),
                lines: reader.lines_read(),
                bytes: reader.bytes_read(),
            },
            Source::JsonLines { reader, .. } => Reading {
                bom: reader.bom(),
                lines: reader.lines_read(),
                bytes: reader.bytes_read(),
            },
        };
    }

    /// Sets the summary's lines, bytes and encoding: as read up to the end of the last row
    /// counted (`upto`: its end line and the bytes read after it), or as far as the reader got.
    /// The Windows-1252 line is that of the header or of the rows counted.
    fn settle(&mut self, upto: Option<(u64, u64)>) {
        let reading = self.reading;
        let (lines, bytes) = upto.unwrap_or((reading.lines, reading.bytes));
        self.summary.lines = lines;
        self.summary.bytes = bytes;
        let windows_1252_line = self.summary.windows_1252_line;
        self.summary.encoding = match (windows_1252_line, reading.bom) {
            (Some(_), _) => Encoding::Windows1252,
            (None, true) => Encoding::Utf8Bom,
            (None, false) => Encoding::Utf8,
        };
    }

    /// Reads and checks the next row; `None` at the end of the file (the summary is then
    /// `complete`) and after an error.
    ///
    /// # Errors
    /// [`ErrorType::FileUnreadable`] (I/O), [`ErrorType::EncodingInvalid`] (UTF-16 or binary),
    /// [`ErrorType::RecordTooLong`]; for CSV [`ErrorType::CsvRowLength`]; for JSON Lines
    /// [`ErrorType::JsonLineInvalid`] and [`ErrorType::JsonLineNotObject`].
    pub fn next_row(&mut self) -> Result<Option<ExportRow>, ExportError> {
        if let Some(error) = self.pending.take() {
            self.stopped = true;
            return Err(error);
        }
        if self.stopped || self.at_end {
            return Ok(None);
        }
        let result = self.read_row();
        self.update_reading();
        if let Ok(None) = result {
            self.settle(None);
        }
        match result {
            Err(error) => {
                self.stopped = true;
                Err(error)
            }
            Ok(None) => {
                self.at_end = true;
                self.summary.complete = self.summary.rows == self.read;
                Ok(None)
            }
            Ok(Some(row)) => {
                self.summary.count(&row);
                self.settle(None);
                Ok(Some(self.finish_row(row)))
            }
        }
    }

    /// Reads up to `max_rows` rows (and not much more than [`MAX_BATCH_BYTES`]) without
    /// splitting or checking CSV rows, for checking on
    /// other threads with a [`RowChecker`] ([`ExportChecker::row_checker`]), which also finds
    /// rows of the wrong length; JSON Lines rows are checked here, as they are parsed. `None` at the end of the file and after an error. Rows read
    /// before an error come in a batch of their own; the error comes with the next call.
    ///
    /// Rows checked from batches count in the summary only when handed back with
    /// [`ExportChecker::record`], in order.
    ///
    /// ```
    /// use unilogin::export::{ExportChecker, Syntax};
    /// use unilogin::{RecordKind, ValidationPolicy};
    /// let file = "cvr;pNummer\n13585628;1029829825\n13585627;1029829825\n13585628;1029829824\n";
    /// let mut checker =
    ///     ExportChecker::new(file.as_bytes(), Syntax::Csv, RecordKind::Register, &ValidationPolicy::STIL)?;
    /// let row_checker = checker.row_checker();
    /// let mut rows = Vec::new();
    /// while let Some(batch) = checker.next_batch(2)? {
    ///     // A host may send the batch and the row checker to another thread here.
    ///     let (checked, error) = row_checker.check(batch);
    ///     rows.extend(checked);
    ///     if let Some(error) = error {
    ///         return Err(error);
    ///     }
    /// }
    /// for row in &rows {
    ///     checker.record(row);
    /// }
    /// assert_eq!(rows.iter().map(|r| r.index).collect::<Vec<_>>(), [0, 1, 2]);
    /// let summary = checker.finish();
    /// assert_eq!((summary.rows, summary.complete), (3, true));
    /// # Ok::<(), unilogin::export::ExportError>(())
    /// ```
    ///
    /// # Errors
    /// Those of [`ExportChecker::next_row`].
    pub fn next_batch(&mut self, max_rows: usize) -> Result<Option<RowBatch>, ExportError> {
        if let Some(error) = self.pending.take() {
            self.stopped = true;
            return Err(error);
        }
        if self.stopped || self.at_end {
            return Ok(None);
        }
        let max_rows = max_rows.max(1);
        let mut batch = match &self.source {
            Source::Csv { reader, .. } => RowBatch::Csv {
                raw: Vec::new(),
                rows: Vec::with_capacity(max_rows),
                delimiter: reader.delimiter(),
            },
            Source::JsonLines { .. } => RowBatch::Checked(Vec::with_capacity(max_rows)),
        };
        while batch.len() < max_rows && batch.bytes() < MAX_BATCH_BYTES {
            let result = self.read_into(&mut batch);
            self.update_reading();
            match result {
                Ok(true) => {}
                Ok(false) => {
                    self.at_end = true;
                    if self.summary.rows == self.read {
                        self.summary.complete = true;
                        self.settle(None);
                    }
                    break;
                }
                Err(error) => {
                    self.pending = Some(error);
                    break;
                }
            }
        }
        if batch.is_empty() {
            return self.next_batch(max_rows);
        }
        Ok(Some(batch))
    }

    /// Reads one row into `batch`; `false` at the end.
    fn read_into(&mut self, batch: &mut RowBatch) -> Result<bool, ExportError> {
        match (&mut self.source, batch) {
            (Source::Csv { reader, .. }, RowBatch::Csv { raw, rows, .. }) => {
                let index = self.read;
                let Some((line, record)) = reader.next_raw_record()? else {
                    return Ok(false);
                };
                if raw.is_empty() {
                    // Room for the whole batch, judged by its first row, within the batch limit.
                    raw.reserve(
                        record
                            .len()
                            .saturating_add(16)
                            .saturating_mul(rows.capacity())
                            .min(MAX_BATCH_BYTES.saturating_add(record.len())),
                    );
                }
                let start = raw.len();
                raw.extend_from_slice(record);
                rows.push(BatchRow {
                    index,
                    line,
                    end_line: reader.lines_read(),
                    bytes_read: reader.bytes_read(),
                    start,
                    end: raw.len(),
                });
                self.read += 1;
                Ok(true)
            }
            (_, RowBatch::Checked(rows)) => match self.read_row()? {
                Some(row) => {
                    self.update_reading();
                    rows.push(self.finish_row(row));
                    Ok(true)
                }
                None => Ok(false),
            },
            (Source::JsonLines { .. }, RowBatch::Csv { .. }) => Ok(false),
        }
    }

    /// A checker for the rows of [`ExportChecker::next_batch`]'s batches.
    pub fn row_checker(&self) -> RowChecker {
        RowChecker {
            kind: self.kind,
            header: match &self.source {
                Source::Csv { header, .. } => Some(header.clone()),
                Source::JsonLines { .. } => None,
            },
            policy: self.policy,
        }
    }

    /// Counts a row checked from a batch in the summary (call it for every row, in order).
    /// The summary's lines, bytes and encoding then describe the file up to that row.
    pub fn record(&mut self, row: &ExportRow) {
        self.summary.count(row);
        if self.at_end && self.summary.rows == self.read {
            self.summary.complete = true;
            self.settle(None);
        } else {
            self.settle(Some((row.end_line, row.bytes_read)));
        }
    }

    /// The row with its index in front of every problem's location and the bytes read.
    fn finish_row(&self, row: ExportRow) -> ExportRow {
        ExportRow {
            problems: row.problems.in_row(row.index),
            bytes_read: self.reading.bytes,
            ..row
        }
    }

    /// Reads and checks one row (problems not yet located in the row); counts it as read.
    fn read_row(&mut self) -> Result<Option<ExportRow>, ExportError> {
        let index = self.read;
        let kind = self.kind;
        let (line, problems, end_line, windows_1252) = match &mut self.source {
            Source::Csv { reader, header } => {
                let Some(record) = reader.next_record()? else {
                    return Ok(None);
                };
                let line = record.line();
                let windows_1252 = record.windows_1252();
                check_length(header.names().len(), record.len(), line, index)?;
                let problems = kind.check_row_with(header, record.iter(), &self.policy);
                (line, problems, reader.lines_read(), windows_1252)
            }
            Source::JsonLines { reader, seen } => {
                let Some((line, object)) = reader.next_object()? else {
                    return Ok(None);
                };
                for key in object.keys() {
                    if seen.len() < MAX_UNKNOWN_KEYS && !seen.contains(key.as_str()) {
                        seen.insert(key.clone());
                        if !kind.knows_column(key) {
                            self.summary
                                .unknown_columns
                                .push(UnknownColumn::new(kind, key, None, line));
                        }
                    }
                }
                let problems = kind.check_json_with(&object, &self.policy);
                (line, problems, line, reader.windows_1252())
            }
        };
        self.read += 1;
        Ok(Some(ExportRow {
            index,
            line,
            end_line,
            windows_1252,
            problems,
            bytes_read: 0,
        }))
    }
}

/// [`ErrorType::CsvRowLength`] unless the row's `fields` are the header's `expected`.
fn check_length(
    expected: usize,
    fields: usize,
    line: u64,
    index: usize,
) -> Result<(), ExportError> {
    if fields == expected {
        return Ok(());
    }
    Err(ExportError::at_line(ErrorType::CsvRowLength, line, |c| {
        c.with("row", index)
            .with("fields", fields)
            .with("expected", expected)
    }))
}

/// Rows read by [`ExportChecker::next_batch`] and not yet checked: they own their bytes, so
/// a batch can be split into fields and checked on another thread with a [`RowChecker`].
#[derive(Debug, Clone)]
pub enum RowBatch {
    /// CSV rows as read: not split into fields, decoded or checked yet.
    #[non_exhaustive]
    Csv {
        /// The rows' bytes, end to end.
        raw: Vec<u8>,
        /// Where each row is, in `raw` and in the file.
        rows: Vec<BatchRow>,
        /// The file's delimiter.
        delimiter: u8,
    },
    /// JSON Lines rows, checked as they were parsed.
    Checked(Vec<ExportRow>),
}

/// Where one row of a [`RowBatch`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchRow {
    /// The row's index.
    pub index: usize,
    /// The line it starts on.
    pub line: u64,
    /// The line it ends on.
    pub end_line: u64,
    /// The bytes of the file read after it.
    pub bytes_read: u64,
    /// Its first byte in the batch.
    pub start: usize,
    /// The byte after its last in the batch.
    pub end: usize,
}

/// A batch of [`ExportChecker::next_batch`] ends after this many bytes of rows, so that batches
/// in flight stay small even when rows are long.
pub const MAX_BATCH_BYTES: usize = 256 * 1024;

impl RowBatch {
    /// The bytes of CSV rows the batch holds (0 for checked rows).
    fn bytes(&self) -> usize {
        match self {
            Self::Csv { raw, .. } => raw.len(),
            Self::Checked(_) => 0,
        }
    }

    /// How many rows the batch holds.
    pub fn len(&self) -> usize {
        match self {
            Self::Csv { rows, .. } => rows.len(),
            Self::Checked(rows) => rows.len(),
        }
    }

    /// Whether the batch holds no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Checks the rows of a [`RowBatch`]: the record kind, the file's resolved header and the
/// policy. It is `Send` and `Sync`; clone it for each thread.
#[derive(Debug, Clone)]
pub struct RowChecker {
    kind: RecordKind,
    header: Option<Header>,
    policy: ValidationPolicy,
}

impl RowChecker {
    /// Splits, decodes and checks every row of `batch`, in order. A CSV row with more or fewer
    /// fields than the header ends the batch: the rows before it come with the
    /// [`ErrorType::CsvRowLength`] error (stop reading then).
    pub fn check(&self, batch: RowBatch) -> (Vec<ExportRow>, Option<ExportError>) {
        let (raw, rows, delimiter, header) = match (batch, &self.header) {
            (RowBatch::Checked(rows), _) => return (rows, None),
            (RowBatch::Csv { .. }, None) => return (Vec::new(), None),
            (
                RowBatch::Csv {
                    raw,
                    rows,
                    delimiter,
                },
                Some(header),
            ) => (raw, rows, delimiter, header),
        };
        let expected = header.names().len();
        let mut fields = csv::Fields::default();
        let mut checked = Vec::with_capacity(rows.len());
        for row in rows {
            let bytes = raw.get(row.start..row.end).unwrap_or_default();
            let windows_1252 = fields.split(bytes, delimiter);
            let count = fields.bounds.len();
            if let Err(error) = check_length(expected, count, row.line, row.index) {
                return (checked, Some(error));
            }
            let values = (0..count).map(|i| fields.get(i).unwrap_or_default());
            let problems = self.kind.check_row_with(header, values, &self.policy);
            checked.push(ExportRow {
                index: row.index,
                line: row.line,
                end_line: row.end_line,
                windows_1252,
                problems: problems.in_row(row.index),
                bytes_read: row.bytes_read,
            });
        }
        (checked, None)
    }
}

impl<R: Read> Iterator for ExportChecker<R> {
    type Item = Result<ExportRow, ExportError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_row().transpose()
    }
}

/// Reads an export from `reader` and checks every row as `kind` under `policy`, handing each
/// row to `on_row` as soon as it is read; `on_row` returns [`ControlFlow::Break`] to stop early
/// (the summary is then not `complete`). Memory stays constant whatever the file's size.
///
/// See the [module documentation](self) for an example.
///
/// # Errors
/// The errors of [`ExportChecker::new`] and [`ExportChecker::next_row`]; rows read before the
/// error were handed to `on_row`.
pub fn check_reader<R: Read>(
    reader: R,
    syntax: Syntax,
    kind: RecordKind,
    policy: &ValidationPolicy,
    mut on_row: impl FnMut(ExportRow) -> ControlFlow<()>,
) -> Result<ExportSummary, ExportError> {
    let mut checker = ExportChecker::new(reader, syntax, kind, policy)?;
    while let Some(row) = checker.next_row()? {
        if on_row(row).is_break() {
            break;
        }
    }
    Ok(checker.finish())
}

/// Opens the file at `path`, chooses its syntax by extension ([`Syntax::from_path`]) and checks
/// it like [`check_reader`].
///
/// ```
/// use std::ops::ControlFlow;
/// use std::path::Path;
/// use unilogin::export::check_path;
/// use unilogin::{RecordKind, ValidationPolicy};
/// let summary = check_path(
///     Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/register.csv")),
///     RecordKind::Register,
///     &ValidationPolicy::STIL,
///     |_| ControlFlow::Continue(()),
/// )?;
/// assert_eq!((summary.rows, summary.rows_with_problems), (13, 5));
///
/// let error = check_path(
///     Path::new("register.xlsx"),
///     RecordKind::Register,
///     &ValidationPolicy::STIL,
///     |_| ControlFlow::Continue(()),
/// )
/// .unwrap_err();
/// assert_eq!(error.kind().code(), "file_format_unknown");
/// # Ok::<(), unilogin::export::ExportError>(())
/// ```
///
/// # Errors
/// [`ErrorType::FileFormatUnknown`] for an extension [`Syntax::from_path`] does not know,
/// [`ErrorType::FileUnreadable`] when the file cannot be opened (missing, a directory, no
/// permission), and the errors of [`check_reader`].
pub fn check_path(
    path: &Path,
    kind: RecordKind,
    policy: &ValidationPolicy,
    on_row: impl FnMut(ExportRow) -> ControlFlow<()>,
) -> Result<ExportSummary, ExportError> {
    let syntax = Syntax::of_path(path)?;
    check_reader(open(path)?, syntax, kind, policy, on_row)
}

/// How `file_format_unknown` names a file without an extension.
static NO_EXTENSION: crate::Term = crate::Term {
    key: "none",
    da: "(ingen)",
    en: "(none)",
};

/// The [`ErrorType::FileFormatUnknown`] error for `path`.
fn unknown_format(path: &Path) -> ExportError {
    let extension: crate::CtxValue = match path.extension() {
        Some(e) => format!(".{}", e.to_string_lossy()).into(),
        None => (&NO_EXTENSION).into(),
    };
    ExportError::new(
        ErrorType::FileFormatUnknown,
        Ctx::new().with("extension", extension),
        None,
    )
}

/// Opens `path` for reading; a directory is refused here rather than at the first read.
///
/// # Errors
/// [`ErrorType::FileUnreadable`].
pub fn open(path: &Path) -> Result<File, ExportError> {
    let file = File::open(path).map_err(|e| ExportError::io(&e))?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(ExportError::io(&std::io::Error::from(
            std::io::ErrorKind::IsADirectory,
        )));
    }
    Ok(file)
}
