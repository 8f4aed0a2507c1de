//! Legal bases and institution types, for the Python enums `LegalBasis` and `InstitutionType`.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use unilogin::{InstitutionType, LegalBasis};

use crate::errors;

pub fn legal_basis(key: &str) -> PyResult<LegalBasis> {
    LegalBasis::ALL
        .into_iter()
        .find(|b| b.key() == key)
        .ok_or_else(|| PyValueError::new_err(format!("unknown legal basis key `{key}`")))
}

fn institution_type(code: u16) -> PyResult<InstitutionType> {
    InstitutionType::from_code(code)
        .ok_or_else(|| PyValueError::new_err(format!("unknown institution type code `{code}`")))
}

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
pub fn legal_basis_info(key: &str, lang: &str) -> PyResult<(u8, u8, &'static str, String)> {
    let lang = errors::lang(lang)?;
    let b = legal_basis(key)?;
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
pub fn institution_type_info(code: u16, lang: &str) -> PyResult<(&'static str, Option<(u8, u8)>)> {
    let lang = errors::lang(lang)?;
    let t = institution_type(code)?;
    Ok((t.label(lang), t.age_range()))
}
