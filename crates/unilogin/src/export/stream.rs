//! The pull form of [`ExportReport::stream`]: a host asks for the next row when it wants it
//! (a Python iterator, say) instead of being called for each.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::{
    open, ExportChecker, ExportError, ExportOptions, ExportReport, ExportRow, ExportSummary, Syntax,
};
use crate::RecordKind;

/// Reads and checks an export row by row when asked, on the caller's thread, and ends as
/// [`ExportReport::stream`] does: after the row where the [`ExportOptions::max_errors`]-th
/// problem is found (`max_errors_reached`), at the end of the file, or at an error, which
/// becomes the report's `error`. Only the row being handed out is held, so memory stays
/// constant whatever the file's size; [`ExportOptions::jobs`] is not used (one thread).
///
/// It is an [`Iterator`] of every checked row (with problems or not); [`ExportStream::report`]
/// gives the report so far (no rows), with the summary of what was read.
///
/// ```
/// use unilogin::export::{ExportOptions, ExportStream, Syntax};
/// use unilogin::RecordKind;
/// let mut file = String::from("cvr;pNummer\n");
/// for _ in 0..1000 {
///     file.push_str("13585627;1029829825\n");
/// }
/// let options = ExportOptions { max_errors: 25, ..ExportOptions::default() };
/// let mut stream = ExportStream::new(file.as_bytes(), Syntax::Csv, RecordKind::Register, &options);
/// let first = stream.next().expect("a row");
/// assert_eq!((first.index, first.line), (0, 2));
/// assert_eq!(stream.report().summary.map(|s| s.rows), Some(1));
/// // Every row has problems (a bad check digit, the register's other fields missing).
/// let rest = stream.by_ref().count();
/// assert!(stream.problems() >= 25 && rest < 25);
/// let report = stream.report();
/// assert!(report.max_errors_reached && report.error.is_none());
/// assert_eq!(report.summary.map(|s| (s.rows, s.complete)), Some((1 + rest, false)));
/// ```
#[derive(Debug)]
pub struct ExportStream<R> {
    /// The checker while reading goes on; `None` once it has ended.
    checker: Option<ExportChecker<R>>,
    /// The report: its summary is set when reading ends, its rows stay empty.
    report: ExportReport,
    max_errors: usize,
    problems: usize,
}

impl ExportStream<File> {
    /// Opens the file at `path`, read as `syntax` or as its extension tells
    /// ([`Syntax::of_path`]), and starts checking it as `kind`. A file that cannot be opened
    /// or whose header cannot be read gives a stream that has ended, with that error.
    pub fn open(
        path: &Path,
        syntax: Option<Syntax>,
        kind: RecordKind,
        options: &ExportOptions,
    ) -> Self {
        let opened = syntax
            .map_or_else(|| Syntax::of_path(path), Ok)
            .and_then(|syntax| Ok((open(path)?, syntax)));
        match opened {
            Ok((file, syntax)) => Self::new(file, syntax, kind, options),
            Err(error) => Self::ended(error, options),
        }
    }
}

impl<R: Read> ExportStream<R> {
    /// Starts checking the bytes of `reader` as `syntax` and `kind` (for CSV, reads the
    /// header); an error there gives a stream that has ended, with that error.
    pub fn new(reader: R, syntax: Syntax, kind: RecordKind, options: &ExportOptions) -> Self {
        match ExportChecker::new(reader, syntax, kind, &options.policy) {
            Ok(checker) => Self {
                checker: Some(checker),
                report: Self::empty(options),
                max_errors: options.max_errors,
                problems: 0,
            },
            Err(error) => Self::ended(error, options),
        }
    }

    fn empty(options: &ExportOptions) -> ExportReport {
        ExportReport {
            lang: options.lang,
            rows: Vec::new(),
            summary: None,
            max_errors_reached: false,
            error: None,
        }
    }

    fn ended(error: ExportError, options: &ExportOptions) -> Self {
        let mut report = Self::empty(options);
        report.error = Some(error);
        Self {
            checker: None,
            report,
            max_errors: options.max_errors,
            problems: 0,
        }
    }

    /// Whether reading has ended (nothing more comes from [`Iterator::next`]).
    pub fn is_ended(&self) -> bool {
        self.checker.is_none()
    }

    /// Problems found so far.
    pub fn problems(&self) -> usize {
        self.problems
    }

    /// The error that stopped reading, if one did.
    pub fn error(&self) -> Option<&ExportError> {
        self.report.error.as_ref()
    }

    /// What has been read so far; `None` when the file could not be opened or its header not
    /// read.
    pub fn summary(&self) -> Option<&ExportSummary> {
        self.checker
            .as_ref()
            .map(ExportChecker::summary)
            .or(self.report.summary.as_ref())
    }

    /// Stops reading (the file is closed); the summary stays that of the rows read, not
    /// `complete` unless the end had been reached.
    pub fn close(&mut self) {
        if let Some(checker) = self.checker.take() {
            self.report.summary = Some(checker.finish());
        }
    }

    /// The report so far, without rows: the summary of what was read, whether
    /// `max_errors` stopped reading, and the error that did.
    pub fn report(&self) -> ExportReport {
        let mut report = self.report.clone();
        report.summary = self.summary().cloned();
        report
    }

    /// The report, once reading has ended or to stop it ([`ExportStream::close`]).
    pub fn into_report(mut self) -> ExportReport {
        self.close();
        self.report
    }
}

impl<R: Read> Iterator for ExportStream<R> {
    type Item = ExportRow;

    /// The next checked row; `None` once reading has ended.
    fn next(&mut self) -> Option<ExportRow> {
        let checker = self.checker.as_mut()?;
        match checker.next_row() {
            Ok(Some(row)) => {
                self.problems += row.problems.len();
                if self.max_errors > 0 && self.problems >= self.max_errors {
                    self.report.max_errors_reached = true;
                    self.close();
                }
                Some(row)
            }
            Ok(None) => {
                self.close();
                None
            }
            Err(error) => {
                self.report.error = Some(error);
                self.close();
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::ops::ControlFlow;

    use super::*;
    use crate::export::ExportSource;
    use crate::Lang;

    fn options(max_errors: usize) -> ExportOptions {
        ExportOptions {
            lang: Lang::En,
            max_errors,
            jobs: 1,
            ..ExportOptions::default()
        }
    }

    /// The rows with problems and the report of the pull form, then of `ExportReport::stream`.
    fn both(
        file: &[u8],
        syntax: Syntax,
        max_errors: usize,
    ) -> (
        (Vec<ExportRow>, ExportReport),
        (Vec<ExportRow>, ExportReport),
    ) {
        let options = options(max_errors);
        let mut stream = ExportStream::new(file, syntax, RecordKind::Register, &options);
        let pulled: Vec<_> = stream.by_ref().filter(|r| !r.problems.is_empty()).collect();
        assert!(stream.is_ended());
        let mut pushed = Vec::new();
        let source = ExportSource::Reader {
            reader: Box::new(file),
            syntax,
        };
        let (report, _) = ExportReport::stream(source, RecordKind::Register, &options, |row| {
            if !row.problems.is_empty() {
                pushed.push(row);
            }
            ControlFlow::<()>::Continue(())
        });
        ((pulled, stream.into_report()), (pushed, report))
    }

    fn file(rows: usize, tail: &str) -> Vec<u8> {
        let mut file = String::from("cvr;pNummer\n");
        for i in 0..rows {
            file.push_str(if i % 3 == 1 {
                "13585627;1029829824\n"
            } else {
                "13585628;1029829825\n"
            });
        }
        file.push_str(tail);
        file.into_bytes()
    }

    #[test]
    fn ends_as_the_push_form_does() {
        let files = [
            (file(30, ""), Syntax::Csv),
            (file(30, "1;2;3\n13585627;1\n"), Syntax::Csv),
            (file(0, ""), Syntax::Csv),
            (b"".to_vec(), Syntax::Csv),
            (b"pNummer\n\xff\xfe\x00\x00\n".to_vec(), Syntax::Csv),
            (
                b"{\"cvr\": \"13585627\"}\n\n{\"cvr\": 1}\n[1]\n{\"cvr\": \"1\"}\n".to_vec(),
                Syntax::JsonLines,
            ),
        ];
        for (file, syntax) in &files {
            for max_errors in [0, 1, 2, 3, 19, 20, 21, 1000] {
                let (pulled, pushed) = both(file, *syntax, max_errors);
                assert_eq!(
                    pulled,
                    pushed,
                    "{max_errors}: {:?}",
                    String::from_utf8_lossy(file)
                );
            }
        }
    }

    #[test]
    fn holds_what_was_read_and_stops_when_closed() {
        let options = options(0);
        let file = file(3000, "");
        let mut stream = ExportStream::new(&file[..], Syntax::Csv, RecordKind::Register, &options);
        assert_eq!(stream.summary().map(|s| s.rows), Some(0));
        let rows: Vec<_> = stream.by_ref().take(10).collect();
        assert_eq!(rows.len(), 10);
        let found: usize = rows.iter().map(|row| row.problems.len()).sum();
        assert_eq!(stream.problems(), found);
        stream.close();
        assert!(stream.is_ended() && stream.next().is_none());
        let report = stream.into_report();
        let summary = report.summary.expect("a summary");
        assert_eq!((summary.rows, summary.complete), (10, false));
        assert!(!report.max_errors_reached && report.error.is_none());
    }

    #[test]
    fn a_file_that_cannot_be_opened_has_ended_with_its_error() {
        let options = options(0);
        let path = Path::new("no such file.csv");
        let mut stream = ExportStream::open(path, None, RecordKind::Register, &options);
        assert!(stream.is_ended() && stream.next().is_none() && stream.summary().is_none());
        assert_eq!(
            stream.error().map(|e| e.kind().code()),
            Some("file_unreadable")
        );
        assert_eq!(stream.report().error.as_ref(), stream.error());
        let path = Path::new("export.xlsx");
        let stream = ExportStream::open(path, None, RecordKind::Register, &options);
        assert!(stream.into_report().error.is_some());
    }
}
