//! Whole export files: `validate_csv` (the problems) and `check_export` (problems with their
//! lines, the summary and the error that stopped reading), read and checked by the core's
//! `export` module with the GIL released.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use unilogin::export::{self, ExportError, ExportSummary};
use unilogin::{Lang, Problem, Problems, RecordKind, ValidationPolicy};

use crate::convert::serialised;
use crate::errors::{self, Class};
use crate::records::{policy, record_kind};

/// What reading an export gave: each problem with the line its row starts on, the summary
/// (`None` when the file could not be opened or its header not read) and the error that
/// stopped reading.
struct Run {
    problems: Vec<(u64, Problem)>,
    summary: Option<ExportSummary>,
    error: Option<ExportError>,
}

/// Reads and checks the file at `path` on `jobs` threads; call it with the GIL released.
fn run(path: &Path, kind: RecordKind, policy: ValidationPolicy, jobs: usize) -> Run {
    let opened = export::Syntax::of_path(path)
        .and_then(|syntax| export::ExportChecker::new(export::open(path)?, syntax, kind, &policy));
    let mut checker = match opened {
        Ok(checker) => checker,
        Err(error) => {
            return Run {
                problems: Vec::new(),
                summary: None,
                error: Some(error),
            }
        }
    };
    let mut problems = Vec::new();
    let end = checker.check_all(jobs, |row| {
        problems.extend(row.problems.into_iter().map(|p| (row.line, p)));
        ControlFlow::<()>::Continue(())
    });
    Run {
        problems,
        summary: Some(checker.finish()),
        error: end.err(),
    }
}

/// The arguments both functions share, checked.
fn arguments(
    kind: &str,
    lang: &str,
    p_number_checksum: bool,
    jobs: i64,
) -> PyResult<(RecordKind, Lang, ValidationPolicy, usize)> {
    let jobs = usize::try_from(jobs)
        .map_err(|_| PyValueError::new_err(format!("jobs must be 0 or more, not {jobs}")))?;
    Ok((
        record_kind(kind)?,
        errors::lang(lang)?,
        policy(p_number_checksum),
        jobs,
    ))
}

/// `validate_csv(path, *, kind, lang="da", p_number_checksum=True, jobs=0) -> list[dict]`:
/// every problem of a CSV or JSON Lines export; a file that cannot be read raises
/// `ValidationError`.
#[pyfunction]
#[pyo3(signature = (path, *, kind, lang = "da", p_number_checksum = true, jobs = 0))]
// pyo3 extracts an `os.PathLike` into an owned `PathBuf`.
#[allow(
    clippy::needless_pass_by_value,
    reason = "pyo3 extracts the path argument by value"
)]
pub fn validate_csv<'py>(
    py: Python<'py>,
    path: PathBuf,
    kind: &str,
    lang: &str,
    p_number_checksum: bool,
    jobs: i64,
) -> PyResult<Bound<'py, PyList>> {
    let (kind, lang, policy, jobs) = arguments(kind, lang, p_number_checksum, jobs)?;
    let run = py.detach(|| run(&path, kind, policy, jobs));
    if let Some(error) = run.error {
        let mut fatal = Problems::new();
        fatal.push(error.problem());
        return Err(errors::raise(py, Class::Validation, &fatal, lang));
    }
    let out = PyList::empty(py);
    for (_, problem) in &run.problems {
        out.append(errors::problem_dict(py, problem, None, lang)?)?;
    }
    Ok(out)
}

/// `check_export(path, *, kind, lang="da", p_number_checksum=True, jobs=0) -> dict`: an object
/// shaped like the command's `--format json` (`{problems, summary, error}`, the error in the
/// problems' shape), without raising for a file that cannot be read.
#[pyfunction]
#[pyo3(signature = (path, *, kind, lang = "da", p_number_checksum = true, jobs = 0))]
#[allow(
    clippy::needless_pass_by_value,
    reason = "pyo3 extracts the path argument by value"
)]
pub fn check_export<'py>(
    py: Python<'py>,
    path: PathBuf,
    kind: &str,
    lang: &str,
    p_number_checksum: bool,
    jobs: i64,
) -> PyResult<Bound<'py, PyDict>> {
    let (kind, lang, policy, jobs) = arguments(kind, lang, p_number_checksum, jobs)?;
    let run = py.detach(|| run(&path, kind, policy, jobs));
    let problems = PyList::empty(py);
    for (line, problem) in &run.problems {
        let dict = errors::problem_dict(py, problem, None, lang)?;
        dict.set_item("line", line)?;
        problems.append(dict)?;
    }
    let out = PyDict::new(py);
    out.set_item("problems", problems)?;
    let summary = match &run.summary {
        None => None,
        Some(summary) => Some(summary_dict(py, summary, lang)?),
    };
    out.set_item("summary", summary)?;
    let error = match &run.error {
        None => None,
        Some(error) => {
            let dict = errors::problem_dict(py, &error.problem(), None, lang)?;
            dict.set_item("line", error.line())?;
            Some(dict)
        }
    };
    out.set_item("error", error)?;
    Ok(out)
}

/// The summary as the command's JSON gives it, each unknown column with its `msg` in `lang`.
fn summary_dict<'py>(
    py: Python<'py>,
    summary: &ExportSummary,
    lang: Lang,
) -> PyResult<Bound<'py, PyAny>> {
    let dict = serialised(py, summary)?;
    let unknown = dict.get_item("unknown_columns")?;
    for (column, item) in summary.unknown_columns.iter().zip(unknown.try_iter()?) {
        item?.set_item("msg", column.warning().message(lang))?;
    }
    Ok(dict)
}
