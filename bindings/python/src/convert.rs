//! Conversions between Python objects and the core's plain values: text cells, sequences of
//! texts, JSON values (and the core's types in their JSON form) and timezone-aware datetimes.

use std::borrow::Cow;

use chrono::{DateTime, Utc};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple};
use serde::de::DeserializeOwned;
use serde_json::Value;
use unilogin::Lang;

use crate::errors::{Class, Raise};

/// The largest integer a float holds exactly (2^53).
const MAX_EXACT_INTEGER: f64 = 9_007_199_254_740_992.0;

/// The text of one cell as the core reads JSON (`RawRecord::from_json`): a string as written,
/// `None` (and a float NaN, as pandas writes a missing value) as absent, a bool as `true` /
/// `false`, an integer as its digits, a float that holds an integer (within ±2^53) as that
/// integer's digits and any other float as its JSON text; anything else as its `str()`.
pub fn cell_text<'a>(value: &'a Bound<'_, PyAny>) -> PyResult<Option<Cow<'a, str>>> {
    if let Ok(s) = value.cast::<PyString>() {
        return s.to_cow().map(|c| Some(Cow::Owned(c.into_owned())));
    }
    if value.is_none() {
        return Ok(None);
    }
    if let Ok(b) = value.cast::<PyBool>() {
        return Ok(Some(Cow::Borrowed(if b.is_true() {
            "true"
        } else {
            "false"
        })));
    }
    if value.cast::<PyInt>().is_ok() {
        return Ok(Some(Cow::Owned(value.str()?.to_cow()?.into_owned())));
    }
    if let Ok(f) = value.cast::<PyFloat>() {
        return Ok(float_text(f.value()).map(Cow::Owned));
    }
    Ok(Some(Cow::Owned(value.str()?.to_cow()?.into_owned())))
}

/// The text of a float cell: absent for NaN (a missing value in pandas and Arrow), an
/// integer's digits for a float that holds one exactly (pandas stores an integer column with
/// one missing cell as floats, `1025436144.0`), otherwise its JSON text.
pub fn float_text(x: f64) -> Option<String> {
    if x.fract() == 0.0 && x.abs() <= MAX_EXACT_INTEGER {
        #[allow(clippy::cast_possible_truncation, reason = "integral and within ±2^53")]
        return Some((x as i64).to_string());
    }
    serde_json::Number::from_f64(x).map(|n| n.to_string())
}

/// A Python object as a JSON value: dicts (string keys), lists and tuples, strings, numbers,
/// bools and `None`; datetimes as RFC 3339 text (they must be timezone-aware).
pub fn to_json(value: &Bound<'_, PyAny>) -> PyResult<Value> {
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if value.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = value.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if value.cast::<PyInt>().is_ok() {
        if let Ok(n) = value.extract::<i64>() {
            return Ok(Value::from(n));
        }
        if let Ok(n) = value.extract::<u64>() {
            return Ok(Value::from(n));
        }
        return Err(PyValueError::new_err("integer out of range"));
    }
    if let Ok(f) = value.cast::<PyFloat>() {
        return serde_json::Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| PyValueError::new_err("NaN and infinity are not JSON numbers"));
    }
    if let Ok(d) = value.cast::<PyDict>() {
        let mut map = serde_json::Map::with_capacity(d.len());
        for (k, v) in d.iter() {
            let key = k
                .cast::<PyString>()
                .map_err(|_| PyTypeError::new_err("mapping keys must be strings"))?
                .to_cow()?
                .into_owned();
            map.insert(key, to_json(&v)?);
        }
        return Ok(Value::Object(map));
    }
    if value.cast::<PyList>().is_ok() || value.cast::<PyTuple>().is_ok() {
        let items = value.try_iter()?.map(|v| to_json(&v?));
        return items.collect::<PyResult<_>>().map(Value::Array);
    }
    if is_datetime(value)? {
        let at = utc(value)?;
        return Ok(Value::String(
            at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
        ));
    }
    if let Ok(m) = value.cast::<PyMapping>() {
        let d = PyDict::new(value.py());
        d.update(m)?;
        return to_json(d.as_any());
    }
    Err(PyTypeError::new_err(format!(
        "cannot convert a `{}` to JSON",
        value.get_type().name()?
    )))
}

/// The text of an optional cell argument: `None` stays `None`, anything else as [`cell_text`]
/// (an absent cell, e.g. NaN, as empty text).
pub fn optional_text(value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<String>> {
    match value.filter(|v| !v.is_none()) {
        Some(v) => Ok(Some(cell_text(v)?.map(Cow::into_owned).unwrap_or_default())),
        None => Ok(None),
    }
}

/// A `TypeError` with `message` for a `str` where a sequence of texts belongs (a `str` is a
/// sequence of its characters, which is never what the caller meant).
pub fn refuse_str(values: &Bound<'_, PyAny>, message: impl FnOnce() -> String) -> PyResult<()> {
    match values.cast::<PyString>() {
        Ok(_) => Err(PyTypeError::new_err(message())),
        Err(_) => Ok(()),
    }
}

/// The `str` values of the iterable argument `what` (absent: none).
pub fn texts(values: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Vec<String>> {
    let Some(values) = values else {
        return Ok(Vec::new());
    };
    refuse_str(values, || {
        format!("{what} must be a sequence of str, not a str")
    })?;
    values
        .try_iter()?
        .map(|v| {
            v?.cast::<PyString>()
                .map_err(|_| PyTypeError::new_err(format!("{what} must hold str values")))?
                .to_cow()
                .map(Cow::into_owned)
        })
        .collect()
}

/// A value of the core's serde JSON form, from a Python mapping; a `ValidationError`
/// (`json_invalid`) when it does not have that form.
pub fn from_mapping<T: DeserializeOwned>(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    lang: Lang,
) -> PyResult<T> {
    unilogin::form::from_json(to_json(value)?).or_raise(py, Class::Validation, lang)
}

/// An optional policy mapping: absent, STIL's (the type's default).
pub fn policy_or_stil<T: DeserializeOwned + Default>(
    py: Python<'_>,
    value: Option<&Bound<'_, PyAny>>,
    lang: Lang,
) -> PyResult<T> {
    value.map_or_else(|| Ok(T::default()), |v| from_mapping(py, v, lang))
}

/// A JSON value as Python: objects as dicts (their keys interned: reports repeat the same few
/// keys in every problem), arrays as lists.
pub fn from_json<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => s.into_pyobject(py)?.into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(from_json(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(PyString::intern(py, k), from_json(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

/// Any serialisable core value as Python (through its JSON form).
pub fn serialised<'py, T: serde::Serialize>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_value(value).map_err(|e| PyValueError::new_err(e.to_string()))?;
    from_json(py, &json)
}

/// The key a core enum serialises as: a unit variant's text, or the field `tag` of a tagged one.
pub fn serde_key<T: serde::Serialize>(value: &T, tag: Option<&str>) -> PyResult<String> {
    let json = serde_json::to_value(value).map_err(|e| PyValueError::new_err(e.to_string()))?;
    let key = tag.map_or(Some(&json), |t| json.get(t));
    Ok(key.and_then(Value::as_str).unwrap_or_default().to_owned())
}

static DATETIME: PyOnceLock<(Py<PyAny>, Py<PyAny>)> = PyOnceLock::new();

fn datetime_types(py: Python<'_>) -> PyResult<&(Py<PyAny>, Py<PyAny>)> {
    DATETIME.get_or_try_init(py, || {
        let module = PyModule::import(py, "datetime")?;
        let class = module.getattr("datetime")?.unbind();
        let utc = module.getattr("timezone")?.getattr("utc")?.unbind();
        Ok((class, utc))
    })
}

fn is_datetime(value: &Bound<'_, PyAny>) -> PyResult<bool> {
    let (class, _) = datetime_types(value.py())?;
    value.is_instance(class.bind(value.py()))
}

/// A timezone-aware `datetime` (any tzinfo, `zoneinfo` included) as an instant in UTC. Naive
/// datetimes are refused: the core never guesses a time zone.
pub fn utc(value: &Bound<'_, PyAny>) -> PyResult<DateTime<Utc>> {
    let py = value.py();
    if !is_datetime(value)? {
        return Err(PyTypeError::new_err(format!(
            "expected a timezone-aware datetime, got `{}`",
            value.get_type().name()?
        )));
    }
    if value.call_method0("utcoffset")?.is_none() {
        return Err(PyValueError::new_err(
            "the datetime has no time zone: give a timezone-aware datetime (e.g. tzinfo=datetime.timezone.utc)",
        ));
    }
    let (_, tz) = datetime_types(py)?;
    value.call_method1("astimezone", (tz.bind(py),))?.extract()
}
