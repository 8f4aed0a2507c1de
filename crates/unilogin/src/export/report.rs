//! The report of checking a whole export, in the one shape the command's JSON formats and the
//! bindings give: `{problems, summary, error}`.
//!
//! [`ExportReport::check`] gives the whole object; [`ExportReport::stream`] hands the rows out
//! as they are checked, for writers that print each row's problems ([`ExportRow::entries`])
//! before the end of a file of any size.

use std::convert::Infallible;
use std::io::Read;
use std::ops::ControlFlow;
use std::path::Path;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use super::{columns, open, ExportChecker, ExportError, ExportRow, ExportSummary, Syntax};
use crate::{ErrorType, Lang, Problem, RecordKind, RenderedProblem, ValidationPolicy};

impl ExportRow {
    /// The row's problems as report entries, messages in `lang`.
    pub fn entries(&self, lang: Lang) -> impl Iterator<Item = ReportProblem<'_>> {
        self.problems
            .iter()
            .map(move |problem| ReportProblem::new(problem, Some(self.line), lang))
    }
}

/// An export to check: a file, or any reader.
pub enum ExportSource<'a> {
    /// The file at `path`, read as `syntax`, or as its extension tells ([`Syntax::from_path`]).
    Path {
        /// The file.
        path: &'a Path,
        /// The syntax, overriding the extension.
        syntax: Option<Syntax>,
    },
    /// Bytes from a reader (standard input, say), read as `syntax`.
    Reader {
        /// The reader.
        reader: Box<dyn Read + 'a>,
        /// The syntax.
        syntax: Syntax,
    },
}

impl std::fmt::Debug for ExportSource<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Path { path, syntax } => f
                .debug_struct("Path")
                .field("path", path)
                .field("syntax", syntax)
                .finish(),
            Self::Reader { syntax, .. } => f
                .debug_struct("Reader")
                .field("syntax", syntax)
                .finish_non_exhaustive(),
        }
    }
}

impl<'a> ExportSource<'a> {
    /// Opens the source and starts checking it as `kind` under `policy`.
    fn checker(
        self,
        kind: RecordKind,
        policy: ValidationPolicy,
    ) -> Result<ExportChecker<Box<dyn Read + 'a>>, ExportError> {
        let (reader, syntax): (Box<dyn Read + 'a>, Syntax) = match self {
            Self::Path { path, syntax } => {
                let syntax = match syntax {
                    Some(syntax) => syntax,
                    None => Syntax::of_path(path)?,
                };
                (Box::new(open(path)?), syntax)
            }
            Self::Reader { reader, syntax } => (reader, syntax),
        };
        ExportChecker::new(reader, syntax, kind, &policy)
    }
}

/// How to check an export and render its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportOptions {
    /// The language of the messages.
    pub lang: Lang,
    /// The rules' switches.
    pub policy: ValidationPolicy,
    /// Stop reading after the row where the N-th problem is found (`0`: never stop).
    pub max_errors: usize,
    /// Checking threads: `0` for one per CPU, `1` to check on the reading thread
    /// ([`ExportChecker::check_all`]).
    pub jobs: usize,
}

impl Default for ExportOptions {
    /// Danish messages, STIL's rules, no limit, one thread per CPU.
    fn default() -> Self {
        Self {
            lang: Lang::Da,
            policy: ValidationPolicy::STIL,
            max_errors: 0,
            jobs: 0,
        }
    }
}

/// The report of checking a whole export; it serialises as `{problems, summary, error}`:
///
/// - `problems`: every problem of every row in file order, as `{type, loc, msg, input, ctx,
///   line}` ([`ReportProblem`]; `line` is where the row starts);
/// - `summary`: the [`ExportSummary`] with `max_errors_reached`, each unknown column as `{type,
///   column, position, line, suggestion, msg}` ([`ReportSummary`]); `null` when the file could
///   not be opened or its header not read;
/// - `error`: what stopped reading, as a problem at the root (`loc` `[]`, `input` `null`) with
///   the `line` it was met on (`null` when it is on none), or `null`.
///
/// ```
/// use std::path::Path;
/// use unilogin::export::{ExportOptions, ExportReport, ExportSource};
/// use unilogin::{Lang, RecordKind};
/// let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/register.csv"));
/// let options = ExportOptions { lang: Lang::En, ..ExportOptions::default() };
/// let report = ExportReport::check(ExportSource::Path { path, syntax: None }, RecordKind::Register, &options);
/// let json = serde_json::to_value(&report)?;
/// assert_eq!(json["problems"][0]["type"], "p_number_checksum");
/// assert_eq!(json["problems"][0]["loc"], serde_json::json!([3, "p_number"]));
/// assert_eq!(json["problems"][0]["line"], 5);
/// assert_eq!(json["summary"]["rows"], 13);
/// assert_eq!(json["summary"]["max_errors_reached"], false);
/// assert_eq!(json["error"], serde_json::Value::Null);
///
/// let missing = Path::new("missing.csv");
/// let report = ExportReport::check(ExportSource::Path { path: missing, syntax: None }, RecordKind::Register, &options);
/// let json = serde_json::to_value(&report)?;
/// assert_eq!(json["summary"], serde_json::Value::Null);
/// assert_eq!(
///     json["error"],
///     serde_json::json!({"type": "file_unreadable", "loc": [], "input": null, "line": null,
///                        "msg": "The file cannot be read: the file does not exist",
///                        "ctx": {"reason": "not_found"}})
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ExportReport {
    /// The language of the messages.
    pub lang: Lang,
    /// The rows with problems, in file order ([`ExportReport::check`]; none from
    /// [`ExportReport::stream`], which hands every row out instead).
    pub rows: Vec<ExportRow>,
    /// What was read; `None` when the file could not be opened or its header not read.
    pub summary: Option<ExportSummary>,
    /// Whether reading stopped at [`ExportOptions::max_errors`].
    pub max_errors_reached: bool,
    /// What stopped reading; the rows before it were checked.
    pub error: Option<ExportError>,
}

impl ExportReport {
    /// Checks every row of `source` as `kind` and keeps the rows with problems. Memory grows
    /// with the problems found; [`ExportReport::stream`] keeps none.
    pub fn check(source: ExportSource<'_>, kind: RecordKind, options: &ExportOptions) -> Self {
        let mut rows = Vec::new();
        let (mut report, _) = Self::stream(source, kind, options, |row| {
            if !row.problems.is_empty() {
                rows.push(row);
            }
            ControlFlow::<Infallible>::Continue(())
        });
        report.rows = rows;
        report
    }

    /// Checks every row of `source` as `kind` and hands each to `on_row` as soon as it is
    /// checked, in file order (serialise its problems with [`ExportRow::entries`]); memory stays
    /// constant whatever the file's size. Reading stops after the row where the
    /// [`ExportOptions::max_errors`]-th problem is found (`max_errors_reached`), at an error,
    /// or when `on_row` returns [`ControlFlow::Break`], whose value comes back beside the
    /// report. The report holds no rows.
    pub fn stream<B>(
        source: ExportSource<'_>,
        kind: RecordKind,
        options: &ExportOptions,
        mut on_row: impl FnMut(ExportRow) -> ControlFlow<B>,
    ) -> (Self, Option<B>) {
        let mut report = Self {
            lang: options.lang,
            rows: Vec::new(),
            summary: None,
            max_errors_reached: false,
            error: None,
        };
        let mut checker = match source.checker(kind, options.policy) {
            Ok(checker) => checker,
            Err(error) => {
                report.error = Some(error);
                return (report, None);
            }
        };
        let mut problems = 0_usize;
        let end = checker.check_all(options.jobs, |row| {
            problems += row.problems.len();
            if let ControlFlow::Break(b) = on_row(row) {
                return ControlFlow::Break(Some(b));
            }
            if options.max_errors > 0 && problems >= options.max_errors {
                return ControlFlow::Break(None);
            }
            ControlFlow::Continue(())
        });
        report.summary = Some(checker.finish());
        let stopped = match end {
            Ok(None) => None,
            Ok(Some(stopped)) => {
                report.max_errors_reached = stopped.is_none();
                stopped
            }
            Err(error) => {
                report.error = Some(error);
                None
            }
        };
        (report, stopped)
    }

    /// The `summary` entry, ready to serialise.
    pub fn summary_entry(&self) -> Option<ReportSummary<'_>> {
        self.summary
            .as_ref()
            .map(|summary| ReportSummary::new(summary, self.max_errors_reached, self.lang))
    }

    /// The `error` entry, ready to serialise.
    pub fn error_entry(&self) -> Option<ReportError<'_>> {
        self.error.as_ref().map(|error| ReportError {
            error,
            lang: self.lang,
        })
    }
}

impl Serialize for ExportReport {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Problems<'a>(&'a [ExportRow], Lang);
        impl Serialize for Problems<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(self.0.iter().flat_map(|row| row.entries(self.1)))
            }
        }
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("problems", &Problems(&self.rows, self.lang))?;
        map.serialize_entry("summary", &self.summary_entry())?;
        map.serialize_entry("error", &self.error_entry())?;
        map.end()
    }
}

/// The columns of a report's problems as CSV, one line per problem: the row (from 0), the line
/// its row starts on, the field (the location after the row, joined with `.`), the type, the
/// message and the input. The command's `--format csv` / `excel-csv` and the browser checker's
/// download write these; each cell goes through [`crate::escape::csv_field`].
pub const CSV_COLUMNS: [&str; 6] = ["row", "line", "field", "type", "message", "input"];

/// A problem of a report: `{type, loc, msg, input, ctx, line}`, the shared problem shape with
/// the line of the file it is on.
#[derive(Debug, Clone, Copy)]
pub struct ReportProblem<'a> {
    problem: &'a Problem,
    line: Option<u64>,
    lang: Lang,
}

impl<'a> ReportProblem<'a> {
    /// `problem` on `line`, its message in `lang`.
    pub fn new(problem: &'a Problem, line: Option<u64>, lang: Lang) -> Self {
        Self {
            problem,
            line,
            lang,
        }
    }

    /// The problem.
    pub fn problem(&self) -> &'a Problem {
        self.problem
    }

    /// The line: where the problem's row starts, or where reading stopped.
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    /// The message.
    pub fn msg(&self) -> String {
        self.problem.message(self.lang)
    }
}

impl Serialize for ReportProblem<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Shape<'a> {
            #[serde(flatten)]
            problem: RenderedProblem<'a>,
            line: Option<u64>,
        }
        Shape {
            problem: self.problem.rendered(self.lang),
            line: self.line,
        }
        .serialize(serializer)
    }
}

/// The error of a report: the [`ExportError`] as a [`ReportProblem`] at the root.
#[derive(Debug, Clone, Copy)]
pub struct ReportError<'a> {
    error: &'a ExportError,
    lang: Lang,
}

impl Serialize for ReportError<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let problem = self.error.problem();
        ReportProblem::new(&problem, self.error.line(), self.lang).serialize(serializer)
    }
}

/// The summary of a report: the [`ExportSummary`]'s fields (`problems_by_type` keyed by code,
/// `columns` as `{column, key}`, `unknown_columns` as `{type, column, position, line,
/// suggestion, msg}`) and `max_errors_reached`.
#[derive(Debug, Clone, Copy)]
pub struct ReportSummary<'a> {
    summary: &'a ExportSummary,
    max_errors_reached: bool,
    lang: Lang,
}

impl<'a> ReportSummary<'a> {
    /// `summary` of a run that stopped at `--max-errors` or not, messages in `lang`.
    pub fn new(summary: &'a ExportSummary, max_errors_reached: bool, lang: Lang) -> Self {
        Self {
            summary,
            max_errors_reached,
            lang,
        }
    }
}

impl Serialize for ReportSummary<'_> {
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
            msg: String,
        }
        /// The header's columns, written one by one (a header may have very many).
        struct Columns<'a>(&'a crate::record::Header);
        impl Serialize for Columns<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let header = self.0;
                serializer.collect_seq(header.names().iter().zip(header.keys()).map(
                    |(name, key)| Column {
                        column: columns::shown(name),
                        key,
                    },
                ))
            }
        }
        let summary = self.summary;
        let columns = summary.header.as_ref().map(Columns);
        let unknown: Vec<Unknown<'_>> = summary
            .unknown_columns
            .iter()
            .map(|u| {
                let warning = u.warning();
                Unknown {
                    kind: warning.kind(),
                    column: &u.column,
                    position: u.position,
                    line: u.line,
                    suggestion: u.suggestion,
                    msg: warning.message(self.lang),
                }
            })
            .collect();
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("kind", summary.kind.name())?;
        map.serialize_entry("syntax", summary.syntax.name())?;
        map.serialize_entry("encoding", &summary.encoding)?;
        map.serialize_entry("windows_1252_line", &summary.windows_1252_line)?;
        map.serialize_entry("delimiter", &summary.delimiter)?;
        map.serialize_entry("columns", &columns)?;
        map.serialize_entry("unknown_columns", &unknown)?;
        map.serialize_entry("unknown_columns_omitted", &summary.unknown_columns_omitted)?;
        map.serialize_entry("rows", &summary.rows)?;
        map.serialize_entry("rows_with_problems", &summary.rows_with_problems)?;
        map.serialize_entry("problems", &summary.problems)?;
        map.serialize_entry("problems_by_type", &summary.problems_by_type)?;
        map.serialize_entry(
            "problems_by_municipality",
            &summary.problems_by_municipality,
        )?;
        map.serialize_entry("lines", &summary.lines)?;
        map.serialize_entry("bytes", &summary.bytes)?;
        map.serialize_entry("complete", &summary.complete)?;
        map.serialize_entry("max_errors_reached", &self.max_errors_reached)?;
        map.end()
    }
}
