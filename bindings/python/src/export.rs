//! Whole export files: `validate_csv` (the problems), `check_export` (problems with their
//! lines, the summary and the error that stopped reading) and `iter_problems` (the problems in
//! batches, in constant memory), read and checked by the core's `export` module with the GIL
//! released.
//!
//! `validate_csv` and `check_export` take the GIL back every [`BATCH`] problems to turn them
//! into Python objects, so the core never holds more than a batch of them (and a Ctrl-C is
//! seen between batches).

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use pyo3::exceptions::{PyFileNotFoundError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyDict, PyInt, PyList, PyMemoryView};
use unilogin::export::{
    ExportOptions, ExportReport, ExportRow, ExportSource, ExportStream, ReportProblem, Syntax,
};
use unilogin::{ErrorType, Lang, Problem, Problems, RecordKind};

use crate::convert::serialised;
use crate::errors;
use crate::records::{policy, record_kind};

/// Problems turned into Python objects at a time by `validate_csv` and `check_export`, and
/// the default `batch_size` of `iter_problems`.
const BATCH: usize = 1000;

/// A count argument (`jobs`): 0 or more.
pub fn count(name: &str, value: i64) -> PyResult<usize> {
    usize::try_from(value)
        .map_err(|_| PyValueError::new_err(format!("{name} must be 0 or more, not {value}")))
}

/// An optional `int` argument of 1 or more (`max_errors`, `batch_size`); `none` says what
/// `None` means. A `bool` or another type is a `TypeError`, 0 or less a `ValueError`, and an
/// `int` too large for memory is as good as no limit.
fn positive(name: &str, value: Option<&Bound<'_, PyAny>>, none: &str) -> PyResult<Option<usize>> {
    let Some(value) = value else {
        return Ok(None);
    };
    if value.cast::<PyBool>().is_ok() || value.cast::<PyInt>().is_err() {
        return Err(PyTypeError::new_err(format!(
            "{name} must be an int of 1 or more, or None for {none}, not `{}`",
            value.get_type().name()?
        )));
    }
    if value.lt(1)? {
        return Err(PyValueError::new_err(format!(
            "{name} must be 1 or more, or None for {none}, not {value}"
        )));
    }
    Ok(Some(value.extract::<usize>().unwrap_or(usize::MAX)))
}

/// The arguments of the three functions, checked: the record kind and the options.
fn arguments(
    py: Python<'_>,
    kind: &str,
    lang: &str,
    (p_number_checksum, as_of, overrides): (
        bool,
        Option<chrono::NaiveDate>,
        Option<&Bound<'_, PyAny>>,
    ),
    jobs: i64,
    max_errors: Option<&Bound<'_, PyAny>>,
) -> PyResult<(RecordKind, ExportOptions)> {
    let lang = errors::lang(lang)?;
    Ok((
        record_kind(kind)?,
        ExportOptions {
            lang,
            policy: policy(py, p_number_checksum, as_of, overrides, lang)?,
            max_errors: positive("max_errors", max_errors, "no limit")?.unwrap_or(0),
            jobs: count("jobs", jobs)?,
        },
    ))
}

/// A problem of a row as `check_export` gives it: `{type, loc, msg, input, ctx, line}`.
fn report_problem<'py>(
    py: Python<'py>,
    problem: &Problem,
    line: Option<u64>,
    lang: Lang,
) -> PyResult<Bound<'py, PyAny>> {
    serialised(py, &ReportProblem::new(problem, line, lang))
}

/// How the problems of rows become Python objects.
#[derive(Clone, Copy)]
enum Shape {
    /// `validate_csv`'s `{type, loc, msg, input, ctx}`.
    Plain,
    /// `check_export`'s, with the row's `line`.
    WithLine,
}

/// Appends the problems of `rows` to `out` in `shape`.
fn convert(
    py: Python<'_>,
    out: &Py<PyList>,
    rows: &[ExportRow],
    shape: Shape,
    lang: Lang,
) -> PyResult<()> {
    let out = out.bind(py);
    for row in rows {
        match shape {
            Shape::Plain => errors::extend(py, out, &row.problems, None, lang)?,
            Shape::WithLine => {
                for problem in &row.problems {
                    out.append(report_problem(py, problem, Some(row.line), lang)?)?;
                }
            }
        }
    }
    Ok(())
}

/// The `input_format` argument: `csv` or `jsonl` (the syntax of bytes and file objects, which
/// have no extension; a path's extension otherwise decides).
fn syntax(name: &str) -> PyResult<Syntax> {
    unilogin::form::syntax(name).map_err(errors::argument)
}

/// What `validate_csv` and `check_export` read: a path (`str` or `os.PathLike`), bytes
/// (`bytes`, `bytearray`, `memoryview`) or a binary file object (anything with `read`).
pub enum Input {
    /// A file, read as its extension tells unless a syntax is given.
    Path(PathBuf),
    /// The whole export in memory.
    Bytes(Vec<u8>),
    /// A binary file object, read in chunks as the core asks for them.
    File(Py<PyAny>),
}

impl<'a, 'py> FromPyObject<'a, 'py> for Input {
    type Error = PyErr;

    fn extract(source: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(b) = source.cast::<PyBytes>() {
            return Ok(Self::Bytes(b.as_bytes().to_vec()));
        }
        if let Ok(b) = source.cast::<PyByteArray>() {
            return Ok(Self::Bytes(b.to_vec()));
        }
        if source.cast::<PyMemoryView>().is_ok() {
            let bytes = source
                .py()
                .import("builtins")?
                .getattr("bytes")?
                .call1((source,))?;
            return Ok(Self::Bytes(bytes.cast::<PyBytes>()?.as_bytes().to_vec()));
        }
        if let Ok(path) = source.extract::<PathBuf>() {
            return Ok(Self::Path(path));
        }
        if source.hasattr("read")? {
            return Ok(Self::File(source.to_owned().unbind()));
        }
        Err(PyTypeError::new_err(format!(
            "expected a path (str or os.PathLike), bytes or a binary file object, not `{}`",
            source.get_type().name()?
        )))
    }
}

impl Input {
    /// A missing file is Python's `FileNotFoundError` ([`file_exists`]); `validate_csv` asks
    /// when the core could not open the file (`check_export` reports it, as the command does).
    fn check_exists(&self) -> PyResult<()> {
        match self {
            Self::Path(path) => file_exists(path),
            Self::Bytes(_) | Self::File(_) => Ok(()),
        }
    }

    /// The core's source: bytes and file objects are read as `syntax`, CSV by default.
    fn source(&self, syntax: Option<Syntax>) -> ExportSource<'_> {
        match self {
            Self::Path(path) => ExportSource::Path { path, syntax },
            Self::Bytes(bytes) => ExportSource::Reader {
                reader: Box::new(bytes.as_slice()),
                syntax: syntax.unwrap_or(Syntax::Csv),
            },
            Self::File(file) => ExportSource::Reader {
                reader: Box::new(PyReader(file)),
                syntax: syntax.unwrap_or(Syntax::Csv),
            },
        }
    }
}

/// A missing file is Python's `FileNotFoundError`, as `open()` raises it; other reading errors
/// are the export's own (`file_unreadable`, …).
fn file_exists(path: &Path) -> PyResult<()> {
    match std::fs::metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(PyFileNotFoundError::new_err((
            2,
            "No such file or directory",
            path.display().to_string(),
        ))),
        _ => Ok(()),
    }
}

/// A binary Python file object as a [`Read`]: each read takes the GIL for one `read(n)` call,
/// so the rows are checked with the GIL released between reads.
struct PyReader<'a>(&'a Py<PyAny>);

impl Read for PyReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        Python::attach(|py| {
            let chunk = self
                .0
                .bind(py)
                .call_method1("read", (buf.len(),))
                .map_err(|e| io::Error::other(e.to_string()))?;
            let bytes = chunk.cast::<PyBytes>().map_err(|_| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    "the file object gives text, not bytes: open it in binary mode ('rb')",
                )
            })?;
            let bytes = bytes.as_bytes();
            // A `read(n)` returning more than asked for breaks the file protocol; its bytes
            // are not dropped silently.
            if bytes.len() > buf.len() {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("read({}) gave {} bytes", buf.len(), bytes.len()),
                ));
            }
            for (to, from) in buf.iter_mut().zip(bytes) {
                *to = *from;
            }
            Ok(bytes.len())
        })
    }
}

/// Checks the export `input` with the GIL released and appends the problems of its rows to
/// `out` in `shape`, taking the GIL back every [`BATCH`] problems; the report holds no rows.
fn check_into(
    py: Python<'_>,
    input: &Input,
    syntax: Option<Syntax>,
    kind: RecordKind,
    options: &ExportOptions,
    out: &Py<PyList>,
    shape: Shape,
) -> PyResult<ExportReport> {
    let lang = options.lang;
    py.detach(|| {
        let mut rows: Vec<ExportRow> = Vec::new();
        let mut held = 0_usize;
        let flush = |rows: &mut Vec<ExportRow>| {
            let done = Python::attach(|py| {
                py.check_signals()?;
                convert(py, out, rows, shape, lang)
            });
            rows.clear();
            done
        };
        let source = input.source(syntax);
        let (report, failed) = ExportReport::stream(source, kind, options, |row| {
            if row.problems.is_empty() {
                return ControlFlow::Continue(());
            }
            held += row.problems.len();
            rows.push(row);
            if held >= BATCH {
                held = 0;
                if let Err(error) = flush(&mut rows) {
                    return ControlFlow::Break(error);
                }
            }
            ControlFlow::Continue(())
        });
        match failed {
            Some(error) => Err(error),
            None => flush(&mut rows).map(|()| report),
        }
    })
}

/// `unilogin.ExportError(errors, problems, summary)`: the error that stopped reading, the
/// problems found before it that the call has not handed out, and the summary.
fn export_error(py: Python<'_>, report: &ExportReport, problems: Bound<'_, PyList>) -> PyErr {
    static CLASS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let build = || -> PyResult<PyErr> {
        let class = CLASS.get_or_try_init(py, || {
            Ok::<_, PyErr>(
                PyModule::import(py, "unilogin._errors")?
                    .getattr("ExportError")?
                    .unbind(),
            )
        })?;
        let mut fatal = Problems::new();
        if let Some(error) = &report.error {
            fatal.push(error.problem());
        }
        let errors = errors::problem_list(py, &fatal, report.lang)?;
        let summary = serialised(py, &report.summary_entry())?;
        Ok(PyErr::from_value(
            class.bind(py).call1((errors, problems, summary))?,
        ))
    };
    build().unwrap_or_else(|e| e)
}

#[doc = pydoc!("validate_csv")]
#[pyfunction]
#[pyo3(signature = (path, *, kind, lang = "da", p_number_checksum = true, as_of = None, jobs = 0, max_errors = None, policy = None, input_format = None))]
#[allow(
    clippy::needless_pass_by_value,
    reason = "pyo3 extracts the input into an owned value"
)]
#[allow(
    clippy::too_many_arguments,
    reason = "a Python function's keyword arguments, each extracted by pyo3"
)]
pub fn validate_csv<'py>(
    py: Python<'py>,
    path: Input,
    kind: &str,
    lang: &str,
    p_number_checksum: bool,
    as_of: Option<chrono::NaiveDate>,
    jobs: i64,
    max_errors: Option<&Bound<'py, PyAny>>,
    policy: Option<&Bound<'py, PyAny>>,
    input_format: Option<&str>,
) -> PyResult<Bound<'py, PyList>> {
    let checksum = (p_number_checksum, as_of, policy);
    let (kind, options) = arguments(py, kind, lang, checksum, jobs, max_errors)?;
    let syntax = input_format.map(syntax).transpose()?;
    let out = PyList::empty(py).unbind();
    let report = check_into(py, &path, syntax, kind, &options, &out, Shape::Plain)?;
    let out = out.into_bound(py);
    if report
        .error
        .as_ref()
        .map(unilogin::export::ExportError::kind)
        == Some(ErrorType::FileUnreadable)
    {
        path.check_exists()?;
    }
    if report.error.is_some() {
        return Err(export_error(py, &report, out));
    }
    Ok(out)
}

#[doc = pydoc!("check_export")]
#[pyfunction]
#[pyo3(signature = (path, *, kind, lang = "da", p_number_checksum = true, as_of = None, jobs = 0, max_errors = None, policy = None, input_format = None))]
#[allow(
    clippy::needless_pass_by_value,
    reason = "pyo3 extracts the input into an owned value"
)]
#[allow(
    clippy::too_many_arguments,
    reason = "a Python function's keyword arguments, each extracted by pyo3"
)]
pub fn check_export<'py>(
    py: Python<'py>,
    path: Input,
    kind: &str,
    lang: &str,
    p_number_checksum: bool,
    as_of: Option<chrono::NaiveDate>,
    jobs: i64,
    max_errors: Option<&Bound<'py, PyAny>>,
    policy: Option<&Bound<'py, PyAny>>,
    input_format: Option<&str>,
) -> PyResult<Bound<'py, PyDict>> {
    let checksum = (p_number_checksum, as_of, policy);
    let (kind, options) = arguments(py, kind, lang, checksum, jobs, max_errors)?;
    let syntax = input_format.map(syntax).transpose()?;
    let problems = PyList::empty(py).unbind();
    let report = check_into(
        py,
        &path,
        syntax,
        kind,
        &options,
        &problems,
        Shape::WithLine,
    )?;
    let dict = PyDict::new(py);
    dict.set_item("problems", problems)?;
    dict.set_item("summary", serialised(py, &report.summary_entry())?)?;
    dict.set_item("error", serialised(py, &report.error_entry())?)?;
    Ok(dict)
}

#[doc = pydoc!("ProblemBatches")]
#[pyclass(name = "ProblemBatches", module = "unilogin")]
#[derive(Debug)]
pub struct ProblemBatches {
    stream: ExportStream<File>,
    lang: Lang,
    batch_size: usize,
    /// Problems of a row read and not handed out yet, with the row's line (a row's problems
    /// may be split between two batches).
    pending: VecDeque<(Problem, u64)>,
    /// Whether the error that stopped reading was raised.
    raised: bool,
}

impl ProblemBatches {
    /// The next batch's problems: up to `batch_size`, fewer only at the end.
    fn fill(&mut self) -> Vec<(Problem, u64)> {
        let mut batch = Vec::with_capacity(self.batch_size.min(BATCH));
        while batch.len() < self.batch_size {
            if let Some(problem) = self.pending.pop_front() {
                batch.push(problem);
                continue;
            }
            let Some(row) = self.stream.next() else {
                break;
            };
            let line = row.line;
            self.pending
                .extend(row.problems.into_iter().map(|problem| (problem, line)));
        }
        batch
    }
}

#[pymethods]
impl ProblemBatches {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyList>>> {
        let batch = py.detach(|| self.fill());
        if batch.is_empty() {
            if self.stream.error().is_some() && !self.raised {
                self.raised = true;
                return Err(export_error(py, &self.stream.report(), PyList::empty(py)));
            }
            return Ok(None);
        }
        let out = PyList::empty(py);
        for (problem, line) in &batch {
            out.append(report_problem(py, problem, Some(*line), self.lang)?)?;
        }
        Ok(Some(out))
    }

    /// What was read so far, in `check_export`'s summary shape (`None` when the file could not
    /// be opened).
    #[getter]
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialised(py, &self.stream.report().summary_entry())
    }

    /// The error that stopped reading, in `check_export`'s error shape, or `None`.
    #[getter]
    fn error<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialised(py, &self.stream.report().error_entry())
    }

    /// Stops reading and closes the file; the batches end (the problems read and not handed
    /// out are dropped).
    fn close(&mut self) {
        self.stream.close();
        self.pending.clear();
    }

    fn __repr__(&self) -> String {
        let rows = self.stream.summary().map_or(0, |s| s.rows);
        let state = if self.stream.is_ended() && self.pending.is_empty() {
            "ended"
        } else {
            "reading"
        };
        format!(
            "<ProblemBatches rows={rows} problems={} {state}>",
            self.stream.problems()
        )
    }
}

#[doc = pydoc!("iter_problems")]
#[pyfunction]
#[pyo3(signature = (path, *, kind, lang = "da", p_number_checksum = true, as_of = None, max_errors = None, batch_size = None, policy = None))]
#[allow(
    clippy::needless_pass_by_value,
    reason = "pyo3 extracts an `os.PathLike` into an owned `PathBuf`"
)]
#[allow(
    clippy::too_many_arguments,
    reason = "a Python function's keyword arguments, each extracted by pyo3"
)]
pub fn iter_problems(
    py: Python<'_>,
    path: PathBuf,
    kind: &str,
    lang: &str,
    p_number_checksum: bool,
    as_of: Option<chrono::NaiveDate>,
    max_errors: Option<&Bound<'_, PyAny>>,
    batch_size: Option<&Bound<'_, PyAny>>,
    policy: Option<&Bound<'_, PyAny>>,
) -> PyResult<ProblemBatches> {
    let checksum = (p_number_checksum, as_of, policy);
    let (kind, options) = arguments(py, kind, lang, checksum, 1, max_errors)?;
    let batch_size = positive("batch_size", batch_size, "the default, 1000")?.unwrap_or(BATCH);
    let stream = py.detach(|| ExportStream::open(&path, None, kind, &options));
    if stream.error().map(unilogin::export::ExportError::kind) == Some(ErrorType::FileUnreadable) {
        file_exists(&path)?;
    }
    if stream.is_ended() && stream.error().is_some() {
        return Err(export_error(py, &stream.report(), PyList::empty(py)));
    }
    Ok(ProblemBatches {
        stream,
        lang: options.lang,
        batch_size,
        pending: VecDeque::new(),
        raised: false,
    })
}
