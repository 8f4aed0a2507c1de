//! The fatal errors of reading an export: each has an [`ErrorType`] from the catalogue.

use std::io;

use crate::{Ctx, ErrorType, FieldError, Lang, Loc, Problem, Term};

/// An error that stops reading an export: the file cannot be read, is not text, or is not CSV or
/// JSON Lines of the expected shape. Rows checked before it were handed to the callback.
///
/// Like every problem it has a stable [`ErrorType`] code and a context; its message is rendered
/// in either language. Nothing from a row's values appears in it, except the header's column
/// names (a cell with six or more digits is masked like a CPR number).
///
/// ```
/// use unilogin::export::{check_reader, Syntax};
/// use unilogin::{RecordKind, ValidationPolicy};
/// let error = check_reader(
///     "cvr;navn\n13585628;A;extra\n".as_bytes(),
///     Syntax::Csv,
///     RecordKind::Request,
///     &ValidationPolicy::STIL,
///     |_| std::ops::ControlFlow::Continue(()),
/// )
/// .unwrap_err();
/// assert_eq!(error.kind().code(), "csv_row_length");
/// assert_eq!(error.line(), Some(2));
/// assert_eq!(
///     error.message(unilogin::Lang::En),
///     "Row 0 (line 2) has 3 fields, but the header has 2; quote fields that contain the delimiter"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.error.message(Lang::En))]
pub struct ExportError {
    error: FieldError,
    line: Option<u64>,
}

impl ExportError {
    pub(crate) fn new(kind: ErrorType, ctx: Ctx, line: Option<u64>) -> Self {
        Self {
            error: FieldError::with_ctx(kind, ctx),
            line,
        }
    }

    /// An error on `line`: the context starts with `line`, then what `ctx` adds.
    pub(crate) fn at_line(kind: ErrorType, line: u64, ctx: impl FnOnce(Ctx) -> Ctx) -> Self {
        Self::new(
            kind,
            ctx(Ctx::new().with("line", line_value(line))),
            Some(line),
        )
    }

    /// An I/O error while opening or reading.
    pub(crate) fn io(error: &io::Error) -> Self {
        Self::new(
            ErrorType::FileUnreadable,
            Ctx::new().with("reason", io_reason(error)),
            None,
        )
    }

    /// The error type, e.g. `csv_row_length`.
    pub fn kind(&self) -> ErrorType {
        self.error.kind()
    }

    /// The template values (`line`, `row`, `fields`, `expected`, …).
    pub fn ctx(&self) -> &Ctx {
        self.error.ctx()
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.error.message(lang)
    }

    /// The 1-based line of the file the error is on, when it is on one.
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    /// The error as a value error, for hosts that report it like other problems.
    pub fn field_error(&self) -> &FieldError {
        &self.error
    }

    /// The error in the shared problem shape, located at the root (`loc` `[]`), without input.
    pub fn problem(&self) -> Problem {
        self.error.clone().at(Loc::root(), None)
    }
}

pub(crate) fn line_value(line: u64) -> i64 {
    i64::try_from(line).unwrap_or(i64::MAX)
}

/// Why a file cannot be read.
pub(crate) mod reasons {
    use crate::Term;

    /// The file does not exist.
    pub static NOT_FOUND: Term = Term {
        key: "not_found",
        da: "filen findes ikke",
        en: "the file does not exist",
    };
    /// Permission denied.
    pub static PERMISSION_DENIED: Term = Term {
        key: "permission_denied",
        da: "adgang nægtet",
        en: "permission denied",
    };
    /// A directory, not a file.
    pub static IS_A_DIRECTORY: Term = Term {
        key: "is_a_directory",
        da: "det er en mappe",
        en: "it is a directory",
    };
}

fn io_reason(error: &io::Error) -> crate::CtxValue {
    let term: Option<&'static Term> = match error.kind() {
        io::ErrorKind::NotFound => Some(&reasons::NOT_FOUND),
        io::ErrorKind::PermissionDenied => Some(&reasons::PERMISSION_DENIED),
        io::ErrorKind::IsADirectory => Some(&reasons::IS_A_DIRECTORY),
        _ => None,
    };
    term.map_or_else(|| error.to_string().into(), crate::CtxValue::from)
}
