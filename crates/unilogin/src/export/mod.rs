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
//! - [`ExportChecker`]: the same as an iterator of rows, for hosts that pull.
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

    fn count(&mut self, problems: &Problems) {
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
    failed: bool,
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
            failed: false,
        };
        checker.update_reading();
        Ok(checker)
    }

    /// What has been read so far.
    pub fn summary(&self) -> &ExportSummary {
        &self.summary
    }

    /// The summary; `complete` is `true` when every row was read.
    pub fn finish(self) -> ExportSummary {
        self.summary
    }

    fn update_reading(&mut self) {
        let (bom, windows_1252_line, bytes) = match &self.source {
            Source::Csv { reader, .. } => (
                reader.bom(),
                reader.windows_1252_line(),
                reader.bytes_read(),
            ),
            Source::JsonLines { reader, .. } => (
                reader.bom(),
                reader.windows_1252_line(),
                reader.bytes_read(),
            ),
        };
        self.summary.windows_1252_line = windows_1252_line;
        self.summary.encoding = match (windows_1252_line, bom) {
            (Some(_), _) => Encoding::Windows1252,
            (None, true) => Encoding::Utf8Bom,
            (None, false) => Encoding::Utf8,
        };
        self.summary.bytes = bytes;
    }

    /// Reads and checks the next row; `None` at the end of the file (the summary is then
    /// `complete`) and after an error.
    ///
    /// # Errors
    /// [`ErrorType::FileUnreadable`] (I/O), [`ErrorType::EncodingInvalid`] (UTF-16 or binary),
    /// [`ErrorType::RecordTooLong`]; for CSV [`ErrorType::CsvRowLength`]; for JSON Lines
    /// [`ErrorType::JsonLineInvalid`] and [`ErrorType::JsonLineNotObject`].
    pub fn next_row(&mut self) -> Result<Option<ExportRow>, ExportError> {
        if self.failed || self.summary.complete {
            return Ok(None);
        }
        let result = self.read_row();
        self.update_reading();
        match &result {
            Err(_) => self.failed = true,
            Ok(None) => self.summary.complete = true,
            Ok(Some(row)) => self.summary.count(&row.problems),
        }
        result
    }

    fn read_row(&mut self) -> Result<Option<ExportRow>, ExportError> {
        let index = self.summary.rows;
        let kind = self.kind;
        let (line, problems, lines) = match &mut self.source {
            Source::Csv { reader, header } => {
                let expected = header.names().len();
                let Some(record) = reader.next_record()? else {
                    return Ok(None);
                };
                let line = record.line();
                if record.len() != expected {
                    return Err(ExportError::at_line(ErrorType::CsvRowLength, line, |c| {
                        c.with("row", index)
                            .with("fields", record.len())
                            .with("expected", expected)
                    }));
                }
                let problems = kind.check_row_with(header, record.iter(), &self.policy);
                (line, problems, reader.lines_read())
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
                (line, problems, line)
            }
        };
        self.summary.lines = lines;
        Ok(Some(ExportRow {
            index,
            line,
            problems: problems.in_row(index),
            bytes_read: self.summary.bytes,
        }))
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
