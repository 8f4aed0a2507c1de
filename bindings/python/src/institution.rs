//! Legal bases and institution types, for the Python enums `LegalBasis` and `InstitutionType`.

use pyo3::prelude::*;
use unilogin::{form, InstitutionType, LegalBasis};

use crate::errors::{self, Class, Raise};

/// `legal_basis_keys() -> list[str]`
#[pyfunction]
pub fn legal_basis_keys() -> Vec<&'static str> {
    LegalBasis::ALL.iter().map(|b| b.key()).collect()
}

/// `parse_legal_basis(text, *, accepted=False, lang="da") -> str` (the key)
#[pyfunction]
#[pyo3(signature = (text, *, accepted = false, lang = "da"))]
pub fn parse_legal_basis(
    py: Python<'_>,
    text: &str,
    accepted: bool,
    lang: &str,
) -> PyResult<&'static str> {
    let lang = errors::lang(lang)?;
    let basis = form::parse_legal_basis(text, accepted);
    Ok(basis.or_raise(py, Class::Validation, lang)?.key())
}

/// `legal_basis_info(key, lang) -> (stk, ownership_code, label, form_text)`
#[pyfunction]
#[pyo3(signature = (key, lang = "da"))]
pub fn legal_basis_info(
    py: Python<'_>,
    key: &str,
    lang: &str,
) -> PyResult<(u8, u8, &'static str, String)> {
    let lang = errors::lang(lang)?;
    let b = form::legal_basis(key).or_raise(py, Class::Validation, lang)?;
    Ok((
        b.stk(),
        b.ownership_code(),
        b.label(lang),
        b.form_text(lang),
    ))
}

/// `institution_type_codes() -> list[int]`
#[pyfunction]
pub fn institution_type_codes() -> Vec<u16> {
    InstitutionType::ALL.iter().map(|t| t.code()).collect()
}

/// `parse_institution_type(text, *, accepted=False, lang="da") -> int` (the code)
#[pyfunction]
#[pyo3(signature = (text, *, accepted = false, lang = "da"))]
pub fn parse_institution_type(
    py: Python<'_>,
    text: &str,
    accepted: bool,
    lang: &str,
) -> PyResult<u16> {
    let lang = errors::lang(lang)?;
    let parsed = form::parse_institution_type(text, accepted);
    Ok(parsed.or_raise(py, Class::Validation, lang)?.code())
}

/// `institution_type_info(code, lang) -> (label, age_range)`
#[pyfunction]
#[pyo3(signature = (code, lang = "da"))]
pub fn institution_type_info(
    py: Python<'_>,
    code: u16,
    lang: &str,
) -> PyResult<(&'static str, Option<(u8, u8)>)> {
    let lang = errors::lang(lang)?;
    let t = form::institution_type(code).or_raise(py, Class::Validation, lang)?;
    Ok((t.label(lang), t.age_range()))
}
