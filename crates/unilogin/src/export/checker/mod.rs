//! The export checker: reads an export row by row, checks each row and keeps the summary.

use std::collections::HashSet;
use std::io::Read;
use std::ops::ControlFlow;
use std::path::Path;

use super::batch::{BatchRow, RowBatch, RowChecker, MAX_BATCH_BYTES};
use super::jsonl::{JsonLinesReader, Object};
use super::row::{check_length, municipality_of, ExportRow};
use super::summary::{ExportSummary, UnknownColumn, MAX_UNKNOWN_COLUMNS};
use super::{columns, error, open, CsvReader, Encoding, ExportError, Syntax};
use crate::record::Header;
use crate::{Ctx, ErrorType, FieldError, Loc, Problems, RecordKind, ValidationPolicy};

pub(super) mod parallel;

/// How many distinct JSON keys are remembered as looked at (known or not), so each is resolved
/// once and the unknown ones are counted; later new keys are neither listed nor counted.
const MAX_SEEN_KEYS: usize = 10_000;

/// How many bytes of key names that memory may hold.
const MAX_SEEN_KEY_BYTES: usize = 1 << 20;

/// How many column names an error lists ([`ErrorType::CsvNoKnownColumn`],
/// [`ErrorType::CsvColumnDuplicate`], [`ErrorType::JsonKeyDuplicate`]).
const MAX_LISTED_COLUMNS: usize = 20;

enum Source<R> {
    Csv {
        reader: CsvReader<R>,
        header: Header,
    },
    JsonLines {
        reader: JsonLinesReader<R>,
        /// Keys already looked at (known or not), so each is resolved once.
        seen: SeenKeys,
        /// The keys of the last object resolved, reused while objects have the same keys.
        layout: Option<Layout>,
    },
}

/// The distinct JSON keys looked at, within [`MAX_SEEN_KEYS`] and [`MAX_SEEN_KEY_BYTES`].
#[derive(Default)]
struct SeenKeys {
    keys: HashSet<String>,
    bytes: usize,
}

impl SeenKeys {
    /// Whether `key` is new and there is room to remember it (then it is remembered).
    fn first_sight(&mut self, key: &str) -> bool {
        if self.keys.len() >= MAX_SEEN_KEYS
            || self.bytes.saturating_add(key.len()) > MAX_SEEN_KEY_BYTES
            || self.keys.contains(key)
        {
            return false;
        }
        self.bytes += key.len();
        self.keys.insert(key.to_owned())
    }
}

/// An object's keys resolved as a header, with the groups of keys that name a field twice.
struct Layout {
    header: Header,
    duplicates: Vec<Vec<usize>>,
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
    /// [`ErrorType::CsvKindMismatch`] when the header looks like another kind's
    /// ([`Header::looks_like`]), [`ErrorType::CsvNoKnownColumn`] when no header column names
    /// a field of `kind` (nor of another kind),
    /// [`ErrorType::CsvColumnDuplicate`] when it names one field twice by the same name
    /// ([`Header::duplicates`]), and the reading errors of [`ExportChecker::next_row`] for the
    /// header line.
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
                let header = kind.shared_header(reader.shared_header());
                let line = reader.header_line();
                if let Some((other, known)) = header.looks_like() {
                    return Err(ExportError::new(
                        ErrorType::CsvKindMismatch,
                        Ctx::new()
                            .with("kind", kind.name())
                            .with("looks_like", other.name())
                            .with("known", header.keys().iter().flatten().count())
                            .with("looks_like_known", known)
                            .with("columns", reader.header().len()),
                        Some(line),
                    ));
                }
                if !header.knows_any() {
                    return Err(ExportError::new(
                        ErrorType::CsvNoKnownColumn,
                        Ctx::new()
                            .with("kind", kind.name())
                            .with("found", listed(reader.header().iter().map(String::as_str)))
                            .with("expected", kind.keys().join(", ")),
                        Some(line),
                    ));
                }
                if let Some(positions) = header.duplicates().first() {
                    return Err(duplicate_columns(&header, positions, line));
                }
                summary.delimiter = Some(char::from(reader.delimiter()));
                summary.windows_1252_line = reader.windows_1252_line();
                let mut unknown = header
                    .keys()
                    .into_iter()
                    .enumerate()
                    .filter(|(_, key)| key.is_none());
                for (i, _) in unknown.by_ref().take(MAX_UNKNOWN_COLUMNS) {
                    let name = reader.header().get(i).map_or("", String::as_str);
                    summary
                        .unknown_columns
                        .push(UnknownColumn::new(kind, name, Some(i), line));
                }
                summary.unknown_columns_omitted = unknown.count();
                summary.header = Some(header.clone());
                Source::Csv { reader, header }
            }
            Syntax::JsonLines => Source::JsonLines {
                reader: JsonLinesReader::new(reader),
                seen: SeenKeys::default(),
                layout: None,
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

    /// Reads and checks every remaining row and hands each to `on_row` on this thread, in file
    /// order, counted in the summary; `on_row` returns [`ControlFlow::Break`] to stop early
    /// (the summary is then not `complete`), and the break value is returned.
    ///
    /// `jobs` is the number of checking threads: `0` for one per CPU ([`resolve_jobs`](super::resolve_jobs)), `1` to
    /// read and check on this thread. With more, this thread reads while the others split,
    /// decode and check batches of CSV rows (JSON Lines rows are checked as they are parsed, on
    /// this thread); a bounded number of batches is in flight, so memory stays bounded whatever
    /// the file's size. The rows, the summary and the error are the same for any `jobs`.
    ///
    /// When it returns early (a break or an error) the checker reads nothing more: with threads
    /// it has read ahead, so it could not go on where the caller stopped.
    ///
    /// ```
    /// use std::ops::ControlFlow;
    /// use unilogin::export::{ExportChecker, Syntax};
    /// use unilogin::{RecordKind, ValidationPolicy};
    /// let mut file = String::from("cvr;pNummer\n");
    /// for i in 0..2000 {
    ///     file.push_str(if i % 500 == 7 { "13585627;1029829825\n" } else { "13585628;1029829825\n" });
    /// }
    /// let mut checker =
    ///     ExportChecker::new(file.as_bytes(), Syntax::Csv, RecordKind::Register, &ValidationPolicy::STIL)?;
    /// let mut with_checksum_error = Vec::new();
    /// let stopped = checker.check_all(2, |row| {
    ///     if row.problems.iter().any(|p| p.kind().code() == "cvr_checksum") {
    ///         with_checksum_error.push(row.index);
    ///     }
    ///     ControlFlow::<()>::Continue(())
    /// })?;
    /// assert_eq!(stopped, None);
    /// assert_eq!(with_checksum_error, [7, 507, 1007, 1507]);
    /// let summary = checker.finish();
    /// assert_eq!((summary.rows, summary.complete), (2000, true));
    /// # Ok::<(), unilogin::export::ExportError>(())
    /// ```
    ///
    /// # Errors
    /// Those of [`ExportChecker::next_row`]; the rows before the error were handed to `on_row`
    /// and counted.
    pub fn check_all<B>(
        &mut self,
        jobs: usize,
        mut on_row: impl FnMut(ExportRow) -> ControlFlow<B>,
    ) -> Result<Option<B>, ExportError> {
        let jobs = parallel::resolve_jobs(jobs);
        // JSON Lines rows are checked as they are parsed, on this thread.
        let result = if jobs <= 1 || self.summary.syntax == Syntax::JsonLines {
            self.check_here(&mut on_row)
        } else {
            parallel::check_on_threads(self, jobs, &mut on_row)
        };
        if !matches!(result, Ok(None)) {
            self.stopped = true;
        }
        result
    }

    fn check_here<B>(
        &mut self,
        on_row: &mut impl FnMut(ExportRow) -> ControlFlow<B>,
    ) -> Result<Option<B>, ExportError> {
        while let Some(row) = self.next_row()? {
            if let ControlFlow::Break(b) = on_row(row) {
                return Ok(Some(b));
            }
        }
        Ok(None)
    }

    /// Stops after a row handed out by [`ExportChecker::check_all`]'s threads (`end`: its end
    /// line and the bytes read after it): as on one thread, the summary describes the file up to
    /// that row and is not complete, even when it was the last row.
    pub(crate) fn stop_after(&mut self, end: (u64, u64)) {
        self.summary.complete = false;
        self.settle(Some(end));
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
    /// [`ErrorType::RecordTooLong`]; for CSV [`ErrorType::CsvRowLength`] and
    /// [`ErrorType::CsvQuoteUnclosed`]; for JSON Lines [`ErrorType::JsonLineInvalid`] and
    /// [`ErrorType::JsonLineNotObject`]. [`ErrorType::FileNoRows`] at the end of a file without
    /// a data row (a CSV header alone, or a JSON Lines file without an object): a file that
    /// gives nothing to check is never taken for a valid one.
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
                if self.read == 0 {
                    self.stopped = true;
                    return Err(self.no_rows());
                }
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
                    if self.read == 0 {
                        self.pending = Some(self.no_rows());
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

    /// The error of a file that ended without a data row.
    fn no_rows(&self) -> ExportError {
        ExportError::new(
            ErrorType::FileNoRows,
            Ctx::new().with("lines", error::line_value(self.reading.lines)),
            None,
        )
    }

    /// A checker for the rows of [`ExportChecker::next_batch`]'s batches.
    pub fn row_checker(&self) -> RowChecker {
        let header = match &self.source {
            Source::Csv { header, .. } => Some(header.clone()),
            Source::JsonLines { .. } => None,
        };
        RowChecker::new(self.kind, header, self.policy)
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
        let (line, problems, end_line, windows_1252, municipality) = match &mut self.source {
            Source::Csv { reader, header } => {
                let Some(record) = reader.next_record()? else {
                    return Ok(None);
                };
                let line = record.line();
                let windows_1252 = record.windows_1252();
                check_length(header.names().len(), record.len(), line, index)?;
                let problems = kind.check_row_with(header, record.iter(), &self.policy);
                let municipality = if problems.is_empty() {
                    None
                } else {
                    municipality_of(header, record.iter().map(Some))
                };
                (
                    line,
                    problems,
                    reader.lines_read(),
                    windows_1252,
                    municipality,
                )
            }
            Source::JsonLines {
                reader,
                seen,
                layout,
            } => {
                let Some((line, object)) = reader.next_object()? else {
                    return Ok(None);
                };
                for key in &object.keys {
                    if seen.first_sight(key) && !kind.knows_column(key) {
                        let summary = &mut self.summary;
                        if summary.unknown_columns.len() < MAX_UNKNOWN_COLUMNS {
                            let column = UnknownColumn::new(kind, key, None, line);
                            summary.unknown_columns.push(column);
                        } else {
                            summary.unknown_columns_omitted += 1;
                        }
                    }
                }
                let layout = match layout {
                    Some(layout) if layout.header.names() == object.keys.as_slice() => layout,
                    _ => {
                        let header = kind.header(&object.keys);
                        let duplicates = header.duplicates();
                        layout.insert(Layout { header, duplicates })
                    }
                };
                let problems = check_object(kind, layout, &object, self.policy);
                let municipality = if problems.is_empty() {
                    None
                } else {
                    municipality_of(&layout.header, object.values.iter().map(Option::as_deref))
                };
                (line, problems, line, reader.windows_1252(), municipality)
            }
        };
        self.read += 1;
        Ok(Some(ExportRow {
            index,
            line,
            end_line,
            windows_1252,
            problems,
            municipality,
            bytes_read: 0,
        }))
    }
}

/// The problems of one JSON object: one [`ErrorType::JsonKeyDuplicate`] for each field named
/// by several keys of the same name, then those of its values, where only the first of such
/// keys is checked.
fn check_object(
    kind: RecordKind,
    layout: &Layout,
    object: &Object,
    policy: ValidationPolicy,
) -> Problems {
    let header = &layout.header;
    let mut skipped = vec![
        false;
        if layout.duplicates.is_empty() {
            0
        } else {
            object.keys.len()
        }
    ];
    let mut problems = Problems::new();
    let keys = if layout.duplicates.is_empty() {
        Vec::new()
    } else {
        header.keys()
    };
    for positions in &layout.duplicates {
        let (Some(&first), Some(rest)) = (positions.first(), positions.get(1..)) else {
            continue;
        };
        for &i in rest {
            if let Some(skip) = skipped.get_mut(i) {
                *skip = true;
            }
        }
        let Some(&Some(field)) = keys.get(first) else {
            continue;
        };
        let error = FieldError::with_ctx(
            ErrorType::JsonKeyDuplicate,
            Ctx::new()
                .with("field", field)
                .with("keys", names_of(header, positions)),
        );
        problems.push(error.at(Loc::key(field), None));
    }
    let values = object.values.iter().enumerate().map(|(i, value)| {
        value
            .as_deref()
            .filter(|_| !skipped.get(i).copied().unwrap_or(false))
    });
    for problem in kind.check_sparse_row_with(header, values, &policy) {
        problems.push(problem);
    }
    problems
}

/// The names of the columns at `positions`, as messages show them (see [`listed`]).
fn names_of(header: &Header, positions: &[usize]) -> String {
    let names = header.names();
    listed(
        positions
            .iter()
            .map(|&i| names.get(i).map_or("", String::as_str)),
    )
}

/// The [`ErrorType::CsvColumnDuplicate`] error of the columns at `positions`.
fn duplicate_columns(header: &Header, positions: &[usize], line: u64) -> ExportError {
    let field = positions
        .first()
        .and_then(|&i| header.keys().get(i).copied().flatten())
        .unwrap_or_default();
    ExportError::at_line(ErrorType::CsvColumnDuplicate, line, |c| {
        c.with("field", field)
            .with("columns", names_of(header, positions))
    })
}

/// Column names as an error lists them: the first [`MAX_LISTED_COLUMNS`] as messages show
/// them ([`columns::shown`]), then how many more there are.
fn listed<'a>(names: impl ExactSizeIterator<Item = &'a str>) -> String {
    let more = names.len().saturating_sub(MAX_LISTED_COLUMNS);
    let mut list: Vec<_> = names
        .take(MAX_LISTED_COLUMNS)
        .map(|c| columns::shown(c))
        .collect();
    if more > 0 {
        list.push(format!("… (+{more})").into());
    }
    list.join(", ")
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
/// See the [module documentation](super) for an example.
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
