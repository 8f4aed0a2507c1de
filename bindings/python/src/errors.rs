//! Problems as Python dicts and the package's exceptions (`unilogin._errors`).

use pyo3::exceptions::PyTypeError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyType};
use unilogin::credentials::reset::ResetError;
use unilogin::form::{self, ArgumentError, CallError, GrantError};
use unilogin::{CtxValue, FieldError, Lang, Loc, LocItem, Problem, Problems};

/// The language of a `lang=` argument: `da` or `en` (also `da-DK`, `en-GB`, …).
pub fn lang(tag: &str) -> PyResult<Lang> {
    form::lang(tag).map_err(argument)
}

/// A context value as Python: numbers as `int`, texts and terms (by key) as `str`.
fn ctx_value<'py>(py: Python<'py>, value: &CtxValue) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        CtxValue::Int(n) => n.into_pyobject(py)?.into_any(),
        CtxValue::Str(s) => s.as_ref().into_pyobject(py)?.into_any(),
        CtxValue::Term(t) => t.key.into_pyobject(py)?.into_any(),
    })
}

fn loc_items<'py>(py: Python<'py>, row: Option<usize>, loc: &Loc) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    if let Some(row) = row {
        list.append(row)?;
    }
    for item in loc.items() {
        match item {
            LocItem::Index(i) => list.append(*i)?,
            LocItem::Key(k) => list.append(k.as_ref())?,
        }
    }
    Ok(list)
}

/// One problem as `{type, loc, msg, input, ctx}`; `row` (if any) goes in front of `loc`.
pub fn problem_dict<'py>(
    py: Python<'py>,
    problem: &Problem,
    row: Option<usize>,
    lang: Lang,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item(intern!(py, "type"), problem.kind().code())?;
    dict.set_item(intern!(py, "loc"), loc_items(py, row, problem.loc())?)?;
    dict.set_item(intern!(py, "msg"), problem.message(lang))?;
    dict.set_item(intern!(py, "input"), problem.input())?;
    let ctx = PyDict::new(py);
    for (k, v) in problem.ctx().iter() {
        ctx.set_item(k, ctx_value(py, v)?)?;
    }
    dict.set_item(intern!(py, "ctx"), ctx)?;
    Ok(dict)
}

/// Appends every problem of `problems` to `out`.
pub fn extend(
    py: Python<'_>,
    out: &Bound<'_, PyList>,
    problems: &Problems,
    row: Option<usize>,
    lang: Lang,
) -> PyResult<()> {
    for p in problems {
        out.append(problem_dict(py, p, row, lang)?)?;
    }
    Ok(())
}

/// The problems as a list of dicts.
pub fn problem_list<'py>(
    py: Python<'py>,
    problems: &Problems,
    lang: Lang,
) -> PyResult<Bound<'py, PyList>> {
    let out = PyList::empty(py);
    extend(py, &out, problems, None, lang)?;
    Ok(out)
}

/// The exception classes defined in `unilogin/_errors.py`.
#[derive(Clone, Copy)]
pub enum Class {
    Validation,
    Transition,
    Reset,
    Argument,
    Assignment,
}

impl Class {
    fn name(self) -> &'static str {
        match self {
            Self::Validation => "ValidationError",
            Self::Transition => "TransitionError",
            Self::Reset => "ResetError",
            Self::Argument => "ArgumentError",
            Self::Assignment => "AssignmentError",
        }
    }
}

static ERRORS_MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

fn class(py: Python<'_>, class: Class) -> PyResult<Bound<'_, PyType>> {
    let module = ERRORS_MODULE.get_or_try_init(py, || {
        PyModule::import(py, "unilogin._errors").map(Bound::unbind)
    })?;
    let cls = module.bind(py).getattr(class.name())?;
    cls.cast_into::<PyType>()
        .map_err(|e| PyTypeError::new_err(e.to_string()))
}

/// An exception of `cls` built from `args`.
fn exception<'py, A: pyo3::call::PyCallArgs<'py>>(
    py: Python<'py>,
    cls: Class,
    args: impl FnOnce() -> PyResult<A>,
) -> PyErr {
    let build = || -> PyResult<PyErr> { Ok(PyErr::from_value(class(py, cls)?.call1(args()?)?)) };
    build().unwrap_or_else(|e| e)
}

/// An exception of `cls` carrying `problems` (its `.errors()`), message in `lang`.
pub fn raise(py: Python<'_>, cls: Class, problems: &Problems, lang: Lang) -> PyErr {
    exception(py, cls, || Ok((problem_list(py, problems, lang)?,)))
}

/// An exception of `cls` carrying one problem.
pub fn problem(py: Python<'_>, cls: Class, problem: Problem, lang: Lang) -> PyErr {
    let mut problems = Problems::new();
    problems.push(problem);
    raise(py, cls, &problems, lang)
}

/// The core's argument error as `unilogin.ArgumentError` (a `ValueError` with `code`
/// `invalid_argument` and the argument's name).
pub fn argument(error: ArgumentError) -> PyErr {
    let name = error.argument();
    let message = error.into_message();
    Python::attach(|py| exception(py, Class::Argument, || Ok((message, name))))
}

/// A core error raised as an exception of a class from `unilogin._errors`, message in `lang`.
pub trait CoreError {
    /// The exception: `cls` carrying the problems; a bad argument is always `ArgumentError`.
    fn into_py(self, py: Python<'_>, cls: Class, lang: Lang) -> PyErr;
}

impl CoreError for Problems {
    fn into_py(self, py: Python<'_>, cls: Class, lang: Lang) -> PyErr {
        raise(py, cls, &self, lang)
    }
}

impl CoreError for Problem {
    fn into_py(self, py: Python<'_>, cls: Class, lang: Lang) -> PyErr {
        problem(py, cls, self, lang)
    }
}

/// An error without input (transitions, reset grants, JSON shapes), at the root.
impl CoreError for FieldError {
    fn into_py(self, py: Python<'_>, cls: Class, lang: Lang) -> PyErr {
        problem(py, cls, self.at(Loc::root(), None), lang)
    }
}

impl CoreError for ResetError {
    fn into_py(self, py: Python<'_>, cls: Class, lang: Lang) -> PyErr {
        FieldError::from(self).into_py(py, cls, lang)
    }
}

impl CoreError for CallError {
    fn into_py(self, py: Python<'_>, cls: Class, lang: Lang) -> PyErr {
        match self {
            Self::Argument(e) => argument(e),
            Self::Problem(p) => p.into_py(py, cls, lang),
        }
    }
}

/// A shape problem is always a `ValidationError`; a reset problem is `cls`.
impl CoreError for GrantError {
    fn into_py(self, py: Python<'_>, cls: Class, lang: Lang) -> PyErr {
        match self {
            Self::Shape(p) => p.into_py(py, Class::Validation, lang),
            Self::Argument(e) => argument(e),
            Self::Reset(p) => p.into_py(py, cls, lang),
        }
    }
}

/// A core result as Python's: the value, or the error raised as `cls`.
pub trait Raise<T> {
    /// The value, or the error as an exception of `cls` with its message in `lang`.
    fn or_raise(self, py: Python<'_>, cls: Class, lang: Lang) -> PyResult<T>;
}

impl<T, E: CoreError> Raise<T> for Result<T, E> {
    fn or_raise(self, py: Python<'_>, cls: Class, lang: Lang) -> PyResult<T> {
        self.map_err(|e| e.into_py(py, cls, lang))
    }
}

/// `AssignmentError(message)`.
pub fn assignment(py: Python<'_>, message: String) -> PyErr {
    exception(py, Class::Assignment, || Ok((message,)))
}

/// A `ValidationError` for one value's error, with the value as its input.
pub fn value_error(py: Python<'_>, error: FieldError, input: &str, lang: Lang) -> PyErr {
    problem(
        py,
        Class::Validation,
        error.at(Loc::root(), Some(input)),
        lang,
    )
}
