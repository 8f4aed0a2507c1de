//! Bulk validation of records (mappings, CSV files) and of single values.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyList, PyMapping, PyString};
use unilogin::form::{self, ValueKind};
use unilogin::record::{Header, RecordKind};
use unilogin::{ErrorType, Problem, Problems, ValidationPolicy};

use crate::convert::{cell_text, from_json, to_json};
use crate::errors::{self, Class, Raise};

/// The record kind named `name` (`request`, `register` or `user`).
pub fn record_kind(name: &str) -> PyResult<RecordKind> {
    form::record_kind(name).map_err(errors::argument)
}

pub fn value_kind(name: &str) -> PyResult<ValueKind> {
    form::value_kind(name).map_err(errors::argument)
}

/// The validation policy of a call: STIL's with the `policy` mapping's overrides, the P-number
/// checksum off when `p_number_checksum` is false, and `as_of` ([`form::validation_policy`]).
pub fn policy(
    py: Python<'_>,
    p_number_checksum: bool,
    as_of: Option<chrono::NaiveDate>,
    overrides: Option<&Bound<'_, PyAny>>,
    lang: unilogin::Lang,
) -> PyResult<ValidationPolicy> {
    let overrides = overrides.map(to_json).transpose()?;
    form::validation_policy(overrides.as_ref(), p_number_checksum, as_of).or_raise(
        py,
        Class::Validation,
        lang,
    )
}

fn key_text(key: &Bound<'_, PyAny>) -> PyResult<String> {
    match key.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.into_owned()),
        Err(_) => Ok(key.str()?.to_cow()?.into_owned()),
    }
}

/// The `(key, value)` items of a mapping row.
fn items<'py>(
    row: &Bound<'py, PyAny>,
    index: Option<usize>,
) -> PyResult<Vec<(Bound<'py, PyAny>, Bound<'py, PyAny>)>> {
    if let Ok(d) = row.cast::<PyDict>() {
        return Ok(d.iter().collect());
    }
    if let Ok(m) = row.cast::<PyMapping>() {
        return m
            .items()?
            .iter()
            .map(|item| item.extract())
            .collect::<PyResult<_>>();
    }
    let at = index.map_or_else(String::new, |i| format!(" (row {i})"));
    Err(PyTypeError::new_err(format!(
        "a record must be a mapping of column names to values, not `{}`{at}",
        row.get_type().name()?
    )))
}

/// A record as the JSON object the core reads, each value converted by [`cell_text`].
fn json_object(
    pairs: &[(Bound<'_, PyAny>, Bound<'_, PyAny>)],
) -> PyResult<serde_json::Map<String, serde_json::Value>> {
    let mut map = serde_json::Map::with_capacity(pairs.len());
    for (k, v) in pairs {
        if let Some(text) = cell_text(v)? {
            map.insert(key_text(k)?, serde_json::Value::String(text.into_owned()));
        }
    }
    Ok(map)
}

/// The text of one cell: a string's UTF-8 bytes, the text of another value, or absent.
enum Cell<'py> {
    Utf8(Bound<'py, PyBytes>),
    Text(String),
    Absent,
}

impl Cell<'_> {
    fn as_str(&self) -> PyResult<Option<&str>> {
        match self {
            Self::Utf8(b) => std::str::from_utf8(b.as_bytes())
                .map(Some)
                .map_err(|e| PyValueError::new_err(e.to_string())),
            Self::Text(t) => Ok(Some(t)),
            Self::Absent => Ok(None),
        }
    }
}

/// The columns of the previous row, so rows with the same keys reuse one resolved header.
struct HeaderCache {
    keys: Vec<Py<PyAny>>,
    header: Header,
}

/// Checks one mapping through a header resolved once while the rows keep their keys; an
/// absent value (`None`, NaN) stays distinct from a blank one (the core's sparse row).
fn check_mapping(
    py: Python<'_>,
    kind: RecordKind,
    row: &Bound<'_, PyAny>,
    index: Option<usize>,
    cache: &mut Option<HeaderCache>,
    policy: ValidationPolicy,
) -> PyResult<Problems> {
    let pairs = items(row, index)?;
    // Strings are encoded once into UTF-8 bytes objects and borrowed from there.
    let mut cells: Vec<Cell<'_>> = Vec::with_capacity(pairs.len());
    for (_, v) in &pairs {
        if let Ok(s) = v.cast::<PyString>() {
            cells.push(Cell::Utf8(s.encode_utf8()?));
        } else {
            cells.push(match cell_text(v)? {
                Some(text) => Cell::Text(text.into_owned()),
                None => Cell::Absent,
            });
        }
    }
    let texts = cells
        .iter()
        .map(Cell::as_str)
        .collect::<PyResult<Vec<Option<&str>>>>()?;
    let same = cache.as_ref().is_some_and(|c| {
        c.keys.len() == pairs.len()
            && c.keys
                .iter()
                .zip(&pairs)
                .all(|(a, (b, _))| a.bind(py).is(b) || a.bind(py).eq(b).unwrap_or(false))
    });
    let header = match cache {
        Some(c) if same => &c.header,
        _ => {
            let names = pairs
                .iter()
                .map(|(k, _)| key_text(k))
                .collect::<PyResult<Vec<_>>>()?;
            let fresh = HeaderCache {
                keys: pairs.iter().map(|(k, _)| k.clone().unbind()).collect(),
                header: kind.header(&names),
            };
            &cache.insert(fresh).header
        }
    };
    Ok(kind.check_sparse_row_with(header, texts, &policy))
}

#[doc = pydoc!("validate_records")]
#[pyfunction]
#[pyo3(signature = (rows, *, kind, lang = "da", p_number_checksum = true, as_of = None, policy = None))]
pub fn validate_records<'py>(
    py: Python<'py>,
    rows: &Bound<'py, PyAny>,
    kind: &str,
    lang: &str,
    p_number_checksum: bool,
    as_of: Option<chrono::NaiveDate>,
    policy: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let kind = record_kind(kind)?;
    let lang = errors::lang(lang)?;
    let policy = self::policy(py, p_number_checksum, as_of, policy, lang)?;
    let out = PyList::empty(py);
    let mut cache = None;
    for (i, row) in rows.try_iter()?.enumerate() {
        let row = row?;
        let problems = check_mapping(py, kind, &row, Some(i), &mut cache, policy)?;
        errors::extend(py, &out, &problems, Some(i), lang)?;
    }
    Ok(out)
}

#[doc = pydoc!("validate_request")]
#[pyfunction]
#[pyo3(signature = (mapping, *, lang = "da", p_number_checksum = true, as_of = None, policy = None))]
pub fn validate_request<'py>(
    py: Python<'py>,
    mapping: &Bound<'py, PyAny>,
    lang: &str,
    p_number_checksum: bool,
    as_of: Option<chrono::NaiveDate>,
    policy: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    validate_record(
        py,
        mapping,
        "request",
        lang,
        p_number_checksum,
        as_of,
        policy,
    )
}

#[doc = pydoc!("validate_record")]
#[pyfunction]
#[pyo3(signature = (mapping, *, kind, lang = "da", p_number_checksum = true, as_of = None, policy = None))]
pub fn validate_record<'py>(
    py: Python<'py>,
    mapping: &Bound<'py, PyAny>,
    kind: &str,
    lang: &str,
    p_number_checksum: bool,
    as_of: Option<chrono::NaiveDate>,
    policy: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let kind = record_kind(kind)?;
    let lang = errors::lang(lang)?;
    let policy = self::policy(py, p_number_checksum, as_of, policy, lang)?;
    let problems = kind.check_json_with(&json_object(&items(mapping, None)?)?, &policy);
    errors::problem_list(py, &problems, lang)
}

#[doc = pydoc!("parse_record")]
#[pyfunction]
#[pyo3(signature = (mapping, *, kind, lang = "da", p_number_checksum = true, as_of = None, policy = None))]
pub fn parse_record<'py>(
    py: Python<'py>,
    mapping: &Bound<'py, PyAny>,
    kind: &str,
    lang: &str,
    p_number_checksum: bool,
    as_of: Option<chrono::NaiveDate>,
    policy: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let kind = record_kind(kind)?;
    let lang = errors::lang(lang)?;
    let policy = self::policy(py, p_number_checksum, as_of, policy, lang)?;
    let object = json_object(&items(mapping, None)?)?;
    let valid = kind.validate_json_with(&object, &policy);
    from_json(py, &valid.or_raise(py, Class::Validation, lang)?)
}

/// One value of `kind` as its canonical text or its problem ([`form::parse_value`]).
fn parsed(kind: ValueKind, value: &Bound<'_, PyAny>) -> PyResult<Result<String, Problem>> {
    Ok(form::parse_value(kind, cell_text(value)?.as_deref()))
}

#[doc = pydoc!("check_value")]
#[pyfunction]
#[pyo3(signature = (value, *, kind, lang = "da"))]
pub fn check_value(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    kind: &str,
    lang: &str,
) -> PyResult<String> {
    let kind = value_kind(kind)?;
    let lang = errors::lang(lang)?;
    parsed(kind, value)?.or_raise(py, Class::Validation, lang)
}

#[doc = pydoc!("validate_values")]
#[pyfunction]
#[pyo3(signature = (values, *, kind, lang = "da"))]
pub fn validate_values<'py>(
    py: Python<'py>,
    values: &Bound<'py, PyAny>,
    kind: &str,
    lang: &str,
) -> PyResult<Bound<'py, PyList>> {
    let kind = value_kind(kind)?;
    let lang = errors::lang(lang)?;
    let out = PyList::empty(py);
    for (i, value) in values.try_iter()?.enumerate() {
        if let Err(problem) = parsed(kind, &value?)? {
            out.append(errors::problem_dict(py, &problem, Some(i), lang)?)?;
        }
    }
    Ok(out)
}

#[doc = pydoc!("valid_mask")]
#[pyfunction]
#[pyo3(signature = (values, *, kind))]
pub fn valid_mask<'py>(
    py: Python<'py>,
    values: &Bound<'py, PyAny>,
    kind: &str,
) -> PyResult<Bound<'py, PyList>> {
    let kind = value_kind(kind)?;
    let out = PyList::empty(py);
    for value in values.try_iter()? {
        let value = value?;
        let ok = match value.cast::<PyString>() {
            Ok(s) => kind.canonical(&s.to_cow()?).is_ok(),
            Err(_) => parsed(kind, &value)?.is_ok(),
        };
        out.append(PyBool::new(py, ok))?;
    }
    Ok(out)
}

#[doc = pydoc!("cell_texts")]
#[pyfunction]
pub fn cell_texts(values: &Bound<'_, PyAny>) -> PyResult<Vec<Option<String>>> {
    values
        .try_iter()?
        .map(|value| Ok(cell_text(&value?)?.map(std::borrow::Cow::into_owned)))
        .collect()
}

#[doc = pydoc!("record_keys")]
#[pyfunction]
pub fn record_keys(kind: &str) -> PyResult<Vec<&'static str>> {
    Ok(record_kind(kind)?.keys())
}

#[doc = pydoc!("value_kinds")]
#[pyfunction]
pub fn value_kinds() -> Vec<&'static str> {
    ValueKind::ALL.iter().map(|k| k.name()).collect()
}

#[doc = pydoc!("error_types")]
#[pyfunction]
pub fn error_types() -> Vec<&'static str> {
    ErrorType::ALL.iter().map(|t| t.code()).collect()
}
