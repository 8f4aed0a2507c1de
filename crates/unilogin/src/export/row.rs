//! One checked row of an export, and the check every CSV row gets: as many fields as the header.

use super::ExportError;
use crate::{ErrorType, Problems};

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

/// [`ErrorType::CsvRowLength`] unless the row's `fields` are the header's `expected`.
pub(crate) fn check_length(
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
