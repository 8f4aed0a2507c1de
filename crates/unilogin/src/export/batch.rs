//! Rows read but not yet checked, and the checker that checks them on any thread.

use super::row::{check_length, municipality_of};
use super::{csv, ExportError, ExportRow};
use crate::record::Header;
use crate::{RecordKind, ValidationPolicy};

/// Rows read by [`ExportChecker::next_batch`](super::ExportChecker::next_batch) and not yet checked: they own their bytes, so
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

/// A batch of [`ExportChecker::next_batch`](super::ExportChecker::next_batch) ends after this many bytes of rows, so that batches
/// in flight stay small even when rows are long.
pub const MAX_BATCH_BYTES: usize = 256 * 1024;

impl RowBatch {
    /// The bytes of CSV rows the batch holds (0 for checked rows).
    pub(crate) fn bytes(&self) -> usize {
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
    pub(crate) fn new(kind: RecordKind, header: Option<Header>, policy: ValidationPolicy) -> Self {
        Self {
            kind,
            header,
            policy,
        }
    }

    /// Splits, decodes and checks every row of `batch`, in order. A CSV row with more or fewer
    /// fields than the header ends the batch: the rows before it come with the
    /// [`ErrorType::CsvRowLength`](crate::ErrorType::CsvRowLength) error (stop reading then).
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
            let municipality = if problems.is_empty() {
                None
            } else {
                municipality_of(header, (0..count).map(|i| fields.get(i)))
            };
            checked.push(ExportRow {
                index: row.index,
                line: row.line,
                end_line: row.end_line,
                windows_1252,
                problems: problems.in_row(row.index),
                municipality,
                bytes_read: row.bytes_read,
            });
        }
        (checked, None)
    }
}
