//! Whole export files: `validate_csv` (the problems) and `check_export` (problems with their
//! lines, the summary and the error that stopped reading), read and checked by the core's
//! `export` module with the GIL released.

use std::path::{Path, PathBuf};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyList;
use unilogin::export::{ExportOptions, ExportReport, ExportSource};
use unilogin::{Problems, RecordKind};

use crate::convert::serialised;
use crate::errors::{self, Class};
use crate::records::{policy, record_kind};

/// Reads and checks the file at `path` into the core's report; call it with the GIL released.
fn run(path: &Path, kind: RecordKind, options: &ExportOptions) -> ExportReport {
    ExportReport::check(ExportSource::Path { path, syntax: None }, kind, options)
}

/// A count argument (`jobs`, `max_errors`): 0 or more.
fn count(name: &str, value: i64) -> PyResult<usize> {
    usize::try_from(value)
        .map_err(|_| PyValueError::new_err(format!("{name} must be 0 or more, not {value}")))
}

/// The arguments both functions share, checked: the record kind and the options.
fn arguments(
    kind: &str,
    lang: &str,
    p_number_checksum: bool,
    jobs: i64,
    max_errors: i64,
) -> PyResult<(RecordKind, ExportOptions)> {
    Ok((
        record_kind(kind)?,
        ExportOptions {
            lang: errors::lang(lang)?,
            policy: policy(p_number_checksum),
            max_errors: count("max_errors", max_errors)?,
            jobs: count("jobs", jobs)?,
        },
    ))
}

/// `validate_csv(path, *, kind, lang="da", p_number_checksum=True, jobs=0) -> list[dict]`:
/// every problem of a CSV or JSON Lines export; a file that cannot be read raises
/// `ValidationError`.
#[pyfunction]
#[pyo3(signature = (path, *, kind, lang = "da", p_number_checksum = true, jobs = 0))]
#[allow(
    clippy::needless_pass_by_value,
    reason = "pyo3 extracts an `os.PathLike` into an owned `PathBuf`"
)]
pub fn validate_csv<'py>(
    py: Python<'py>,
    path: PathBuf,
    kind: &str,
    lang: &str,
    p_number_checksum: bool,
    jobs: i64,
) -> PyResult<Bound<'py, PyList>> {
    let (kind, options) = arguments(kind, lang, p_number_checksum, jobs, 0)?;
    let report = py.detach(|| run(&path, kind, &options));
    let lang = options.lang;
    if let Some(error) = report.error {
        let mut fatal = Problems::new();
        fatal.push(error.problem());
        return Err(errors::raise(py, Class::Validation, &fatal, lang));
    }
    let out = PyList::empty(py);
    for row in &report.rows {
        errors::extend(py, &out, &row.problems, None, lang)?;
    }
    Ok(out)
}

/// `check_export(path, *, kind, lang="da", p_number_checksum=True, jobs=0, max_errors=0) ->
/// dict`: the core's export report, the object the command's `--format json` prints
/// (`{problems, summary, error}`), without raising for a file that cannot be read.
#[pyfunction]
#[pyo3(signature = (path, *, kind, lang = "da", p_number_checksum = true, jobs = 0, max_errors = 0))]
#[allow(
    clippy::needless_pass_by_value,
    reason = "pyo3 extracts an `os.PathLike` into an owned `PathBuf`"
)]
pub fn check_export<'py>(
    py: Python<'py>,
    path: PathBuf,
    kind: &str,
    lang: &str,
    p_number_checksum: bool,
    jobs: i64,
    max_errors: i64,
) -> PyResult<Bound<'py, PyAny>> {
    let (kind, options) = arguments(kind, lang, p_number_checksum, jobs, max_errors)?;
    let report = py.detach(|| run(&path, kind, &options));
    serialised(py, &report)
}
