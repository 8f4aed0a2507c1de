//! Typed identifiers: each Python class holds a value of the core's newtype, so it is valid.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple, PyType};
use unilogin::identifiers;
use unilogin::people;

use crate::errors;

/// The text of a constructor argument: only `str` is accepted.
fn text(value: &Bound<'_, PyAny>, class: &str) -> PyResult<String> {
    match value.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.into_owned()),
        Err(_) => Err(PyTypeError::new_err(format!(
            "{class}() takes a str, not `{}`",
            value.get_type().name()?
        ))),
    }
}

/// The pydantic core schema of a value class, built by `unilogin._pydantic` (which imports
/// pydantic only then).
fn pydantic_schema<'py>(cls: &Bound<'py, PyType>) -> PyResult<Bound<'py, PyAny>> {
    cls.py()
        .import("unilogin._pydantic")?
        .call_method1("core_schema", (cls,))
}

macro_rules! identifier {
    ($(#[$doc:meta])* $name:literal, $class:ident, $core:ty $(, { $($extra:tt)* })?) => {
        $(#[$doc])*
        #[pyclass(name = $name, module = "unilogin", frozen, eq, ord, hash)]
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $class(pub $core);

        #[pymethods]
        impl $class {
            #[new]
            #[pyo3(signature = (text, /, *, lang = "da"))]
            fn new(py: Python<'_>, text: &Bound<'_, PyAny>, lang: &str) -> PyResult<Self> {
                let lang = errors::lang(lang)?;
                let raw = self::text(text, $name)?;
                <$core>::parse(&raw)
                    .map(Self)
                    .map_err(|e| errors::value_error(py, e, &raw, lang))
            }

            /// Whether `text` parses (any other type: `False`).
            #[staticmethod]
            fn is_valid(text: &Bound<'_, PyAny>) -> PyResult<bool> {
                Ok(match text.cast::<PyString>() {
                    Ok(s) => <$core>::parse(&s.to_cow()?).is_ok(),
                    Err(_) => false,
                })
            }

            fn __str__(&self) -> String {
                self.0.to_string()
            }

            fn __repr__(&self) -> String {
                format!("{}({:?})", $name, self.0.to_string())
            }

            fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyType>, Bound<'py, PyTuple>)> {
                let text = slf.get().0.to_string();
                Ok((slf.get_type(), PyTuple::new(slf.py(), [text])?))
            }

            /// pydantic v2: the class as a model's field type (`unilogin._pydantic`).
            #[classmethod]
            fn __get_pydantic_core_schema__<'py>(
                cls: &Bound<'py, PyType>,
                _source: &Bound<'py, PyAny>,
                _handler: &Bound<'py, PyAny>,
            ) -> PyResult<Bound<'py, PyAny>> {
                pydantic_schema(cls)
            }

            $($($extra)*)?
        }
    };
}

identifier!(
    #[doc = pydoc!("Cvr")]
    "Cvr",
    Cvr,
    identifiers::Cvr
);
identifier!(
    #[doc = pydoc!("PNumber")]
    "PNumber",
    PNumber,
    identifiers::PNumber,
    {
        /// Whether the number passes the modulus-11 check.
        #[getter]
        fn has_valid_checksum(&self) -> bool {
            self.0.has_valid_checksum()
        }

        /// The number as an integer.
        #[getter]
        fn value(&self) -> u64 {
            self.0.value()
        }

        /// Parses checking only the format (10 digits, the first not 0).
        #[classmethod]
        #[pyo3(signature = (text, /, *, lang = "da"))]
        fn parse_format(
            _cls: &Bound<'_, PyType>,
            py: Python<'_>,
            text: &Bound<'_, PyAny>,
            lang: &str,
        ) -> PyResult<Self> {
            let lang = errors::lang(lang)?;
            let raw = self::text(text, "PNumber")?;
            identifiers::PNumber::parse_format(&raw)
                .map(Self)
                .map_err(|e| errors::value_error(py, e, &raw, lang))
        }
    }
);
identifier!(
    #[doc = pydoc!("InstitutionNumber")]
    "InstitutionNumber",
    InstitutionNumber,
    identifiers::InstitutionNumber
);
identifier!(
    #[doc = pydoc!("Municipality")]
    "Municipality",
    Municipality,
    identifiers::Municipality,
    {
        /// The 3-digit code, e.g. 101.
        #[getter]
        fn code(&self) -> u16 {
            self.0.code()
        }

        /// The code zero-padded to four digits, e.g. `0101`.
        #[getter]
        fn code4(&self) -> String {
            self.0.code4()
        }

        /// The official name, e.g. `København`.
        #[getter]
        fn name(&self) -> &'static str {
            self.0.name()
        }

        /// The municipality with this code, or `None`.
        #[staticmethod]
        fn from_code(code: i64) -> Option<Self> {
            u16::try_from(code)
                .ok()
                .and_then(identifiers::Municipality::from_code)
                .map(Self)
        }

        /// Every municipality, ordered by code.
        #[staticmethod]
        fn all() -> Vec<Self> {
            identifiers::Municipality::all().map(Self).collect()
        }

        /// Municipalities whose name (or a part of it) starts with `prefix`, for autocomplete.
        #[staticmethod]
        fn search(prefix: &str) -> Vec<Self> {
            identifiers::Municipality::search(prefix)
                .map(Self)
                .collect()
        }
    }
);
identifier!(
    #[doc = pydoc!("PhoneNumber")]
    "PhoneNumber",
    PhoneNumber,
    identifiers::PhoneNumber,
    {
        /// The eight digits without spaces.
        #[getter]
        fn digits(&self) -> String {
            self.0.digits()
        }
    }
);
identifier!(
    #[doc = pydoc!("Email")]
    "Email",
    Email,
    identifiers::Email,
    {
        /// The address with its domain in ASCII (IDNA A-labels, `xn--…`); the local part as is.
        #[getter]
        fn ascii(&self) -> String {
            self.0.ascii().into_owned()
        }
    }
);
identifier!(
    #[doc = pydoc!("PostalCode")]
    "PostalCode",
    PostalCode,
    identifiers::PostalCode
);
identifier!(
    #[doc = pydoc!("HouseNumber")]
    "HouseNumber",
    HouseNumber,
    identifiers::HouseNumber
);
identifier!(
    #[doc = pydoc!("Street")]
    "Street",
    Street,
    identifiers::Street
);
identifier!(
    #[doc = pydoc!("City")]
    "City",
    City,
    identifiers::City
);
identifier!(
    #[doc = pydoc!("InstitutionName")]
    "InstitutionName",
    InstitutionName,
    identifiers::InstitutionName
);
identifier!(
    #[doc = pydoc!("Username")]
    "Username",
    Username,
    people::Username
);

#[doc = pydoc!("Cpr")]
#[pyclass(name = "Cpr", module = "unilogin", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Cpr(pub people::Cpr);

#[pymethods]
impl Cpr {
    #[new]
    #[pyo3(signature = (text, /, *, lang = "da"))]
    fn new(py: Python<'_>, text: &Bound<'_, PyAny>, lang: &str) -> PyResult<Self> {
        let lang = errors::lang(lang)?;
        let raw = self::text(text, "Cpr")?;
        people::Cpr::parse(&raw)
            .map(Self)
            .map_err(|e| errors::value_error(py, e, &people::Cpr::redact(&raw), lang))
    }

    /// Whether `text` parses as a CPR number.
    #[staticmethod]
    fn is_valid(text: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(match text.cast::<PyString>() {
            Ok(s) => people::Cpr::parse(&s.to_cow()?).is_ok(),
            Err(_) => false,
        })
    }

    /// The birth date (century from the 7th digit).
    #[getter]
    fn birth_date(&self) -> chrono::NaiveDate {
        self.0.birth_date()
    }

    /// `DDMMYY-****`.
    #[getter]
    fn masked(&self) -> String {
        self.0.masked()
    }

    /// The full canonical number `DDMMYY-SSSS`: personal data, for the host's own store.
    fn full(&self) -> String {
        self.0.to_string()
    }

    /// `DDMMYY-****`, as `masked`.
    fn __str__(&self) -> String {
        self.0.masked()
    }

    fn __repr__(&self) -> String {
        format!("Cpr({:?})", self.0.masked())
    }

    /// pydantic v2: a model's field type; it serialises masked, as `str()` does
    /// (`unilogin._pydantic`).
    #[classmethod]
    fn __get_pydantic_core_schema__<'py>(
        cls: &Bound<'py, PyType>,
        _source: &Bound<'py, PyAny>,
        _handler: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        pydantic_schema(cls)
    }
}
