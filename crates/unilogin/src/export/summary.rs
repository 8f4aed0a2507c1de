//! What reading an export found: the counts, the columns matched and the columns ignored.

use std::collections::BTreeMap;

use super::row::ExportRow;
use super::{columns, Encoding, Syntax};
use crate::record::Header;
use crate::{Ctx, ErrorType, FieldError, RecordKind};

/// How many unknown columns (or JSON keys) a summary lists; the rest are counted in
/// [`ExportSummary::unknown_columns_omitted`].
pub const MAX_UNKNOWN_COLUMNS: usize = 100;

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
    pub(crate) fn new(kind: RecordKind, name: &str, position: Option<usize>, line: u64) -> Self {
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

/// What reading an export found. It serialises as the `summary` of an
/// [`ExportReport`](super::ExportReport) ([`ReportSummary`](super::ReportSummary)).
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
    /// Columns (CSV) or keys (JSON Lines) no field uses, in the order first seen: the first
    /// [`MAX_UNKNOWN_COLUMNS`] of them.
    pub unknown_columns: Vec<UnknownColumn>,
    /// How many more columns (or keys) no field uses than `unknown_columns` lists. JSON keys
    /// are counted among the first 10 000 distinct keys (up to 1 MiB of key names) of the file.
    pub unknown_columns_omitted: usize,
    /// Data rows read.
    pub rows: usize,
    /// Rows with at least one problem.
    pub rows_with_problems: usize,
    /// Problems in all rows.
    pub problems: usize,
    /// Problems per error type.
    pub problems_by_type: BTreeMap<ErrorType, usize>,
    /// Problems per municipality, by official name: the municipality each row with problems
    /// names ([`ExportRow::municipality`]); rows without one to read are not counted here.
    pub problems_by_municipality: BTreeMap<&'static str, usize>,
    /// Lines read.
    pub lines: u64,
    /// Bytes read.
    pub bytes: u64,
    /// Whether the whole file was read (`false` when the caller stopped early).
    pub complete: bool,
}

impl ExportSummary {
    pub(crate) fn new(kind: RecordKind, syntax: Syntax) -> Self {
        Self {
            kind,
            syntax,
            encoding: Encoding::Utf8,
            windows_1252_line: None,
            delimiter: None,
            header: None,
            unknown_columns: Vec::new(),
            unknown_columns_omitted: 0,
            rows: 0,
            rows_with_problems: 0,
            problems: 0,
            problems_by_type: BTreeMap::new(),
            problems_by_municipality: BTreeMap::new(),
            lines: 0,
            bytes: 0,
            complete: false,
        }
    }

    pub(crate) fn count(&mut self, row: &ExportRow) {
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
            if let Some(municipality) = row.municipality {
                *self
                    .problems_by_municipality
                    .entry(municipality)
                    .or_insert(0) += problems.len();
            }
        }
    }
}
