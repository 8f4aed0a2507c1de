//! Reading whole export files: CSV and JSON Lines, row by row in constant memory.
//!
//! A municipality's or vendor's export arrives as a file: CSV separated by `;` (common in
//! Danish spreadsheets), `,` or tab, in UTF-8 (with or without a byte-order mark) or
//! Windows-1252, or JSON Lines. This module reads it one record at a time, checks each row as a
//! [`RecordKind`](crate::RecordKind) and hands it to the caller with its row index and line, and returns a summary:
//! rows read, rows with problems, problems per error type, the columns it matched and those it
//! ignores (with the closest known name as a suggestion).
//!
//! - [`check_reader`] and [`check_path`]: the whole file with a callback per row.
//! - [`ExportChecker`]: the same as an iterator of rows, for hosts that pull, and
//!   [`ExportChecker::check_all`] to check on several threads while one reads.
//! - [`CsvReader`]: the CSV reader alone (delimiter detection, quoting, decoding).
//! - [`ExportReport`]: the report of a whole file in the one shape the command's JSON formats
//!   and the bindings give, `{problems, summary, error}`, whole or row by row.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, in any mix. Problems in rows are ordinary
//! [`Problems`](crate::Problems) located at `[row, field]`. What stops reading (an unreadable
//! file, UTF-16 or binary data, a ragged CSV row, a quote never closed, a header naming a field
//! twice, a line that is not a JSON object, a file without data rows) is an [`ExportError`],
//! with an [`ErrorType`](crate::ErrorType) code from the catalogue like every problem.
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

mod batch;
mod checker;
mod columns;
mod csv;
mod decode;
mod detect;
mod error;
mod jsonl;
mod lines;
mod report;
mod row;
mod stream;
mod summary;
mod syntax;

use std::fs::File;
use std::path::Path;

pub use self::batch::{BatchRow, RowBatch, RowChecker, MAX_BATCH_BYTES};
pub use self::checker::parallel::{resolve_jobs, MAX_JOBS};
pub use self::checker::{check_path, check_reader, ExportChecker};
pub use self::csv::{detect_delimiter, CsvReader, CsvRecord, DELIMITERS};
pub use self::detect::detect_kind;
pub use self::error::ExportError;
pub use self::lines::MAX_RECORD_BYTES;
pub use self::report::{
    ExportOptions, ExportReport, ExportSource, ReportError, ReportProblem, ReportSummary,
    CSV_COLUMNS,
};
pub use self::row::ExportRow;
pub use self::stream::ExportStream;
pub use self::summary::{ExportSummary, UnknownColumn, MAX_UNKNOWN_COLUMNS};
pub use self::syntax::{Encoding, Syntax};

/// Opens `path` for reading; a directory is refused here rather than at the first read.
///
/// # Errors
/// [`ErrorType::FileUnreadable`](crate::ErrorType::FileUnreadable).
pub fn open(path: &Path) -> Result<File, ExportError> {
    let file = File::open(path).map_err(|e| ExportError::io(&e))?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(ExportError::io(&std::io::Error::from(
            std::io::ErrorKind::IsADirectory,
        )));
    }
    Ok(file)
}
