//! Legal bases and institution types, for the Python enums `LegalBasis` and `InstitutionType`.

use pyo3::prelude::*;
use unilogin::{form, InstitutionType, LegalBasis};

use crate::errors::{self, Class};

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
    let parsed = if accepted {
        LegalBasis::parse_accepted(text)
    } else {
        LegalBasis::parse(text)
    };
    parsed
        .map(LegalBasis::key)
        .map_err(|e| errors::value_error(py, e, text, lang))
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
    let b = form::legal_basis(key).map_err(|p| errors::problem(py, Class::Validation, p, lang))?;
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
    let parsed = if accepted {
        InstitutionType::parse_accepted(text)
    } else {
        InstitutionType::parse(text)
    };
    parsed
        .map(InstitutionType::code)
        .map_err(|e| errors::value_error(py, e, text, lang))
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
    let code = code.to_string();
    let t = InstitutionType::parse(&code).map_err(|e| errors::value_error(py, e, &code, lang))?;
    Ok((t.label(lang), t.age_range()))
}
