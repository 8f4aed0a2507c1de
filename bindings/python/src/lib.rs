//! Python bindings of the `unilogin` core (pyo3, abi3): the native module `unilogin._unilogin`.
//!
//! Every rule lives in the core; this crate only converts Python values
//! to the core's types and the core's results and problems back to Python. Problems become
//! dicts `{type, loc, msg, input, ctx}` and exceptions from `unilogin/_errors.py`.

mod agreement;
mod convert;
mod credentials;
mod errors;
mod export;
mod help;
mod institution;
mod onboarding;
mod records;
mod values;

use pyo3::prelude::*;

#[pymodule]
fn _unilogin(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(records::validate_records, m)?)?;
    m.add_function(wrap_pyfunction!(records::validate_request, m)?)?;
    m.add_function(wrap_pyfunction!(records::validate_record, m)?)?;
    m.add_function(wrap_pyfunction!(records::parse_record, m)?)?;
    m.add_function(wrap_pyfunction!(export::validate_csv, m)?)?;
    m.add_function(wrap_pyfunction!(export::check_export, m)?)?;
    m.add_function(wrap_pyfunction!(records::check_value, m)?)?;
    m.add_function(wrap_pyfunction!(records::validate_values, m)?)?;
    m.add_function(wrap_pyfunction!(records::valid_mask, m)?)?;
    m.add_function(wrap_pyfunction!(records::record_keys, m)?)?;
    m.add_function(wrap_pyfunction!(records::value_kinds, m)?)?;
    m.add_function(wrap_pyfunction!(records::error_types, m)?)?;
    m.add_class::<values::Cvr>()?;
    m.add_class::<values::PNumber>()?;
    m.add_class::<values::InstitutionNumber>()?;
    m.add_class::<values::Municipality>()?;
    m.add_class::<values::PhoneNumber>()?;
    m.add_class::<values::Email>()?;
    m.add_class::<values::PostalCode>()?;
    m.add_class::<values::HouseNumber>()?;
    m.add_class::<values::Street>()?;
    m.add_class::<values::City>()?;
    m.add_class::<values::InstitutionName>()?;
    m.add_class::<values::Username>()?;
    m.add_class::<values::Cpr>()?;
    m.add_function(wrap_pyfunction!(institution::legal_basis_keys, m)?)?;
    m.add_function(wrap_pyfunction!(institution::parse_legal_basis, m)?)?;
    m.add_function(wrap_pyfunction!(institution::legal_basis_info, m)?)?;
    m.add_function(wrap_pyfunction!(institution::institution_type_codes, m)?)?;
    m.add_function(wrap_pyfunction!(institution::parse_institution_type, m)?)?;
    m.add_function(wrap_pyfunction!(institution::institution_type_info, m)?)?;
    m.add_function(wrap_pyfunction!(onboarding::onboarding_plan, m)?)?;
    m.add_function(wrap_pyfunction!(onboarding::onboarding_mermaid, m)?)?;
    m.add_class::<onboarding::OnboardingProgress>()?;
    m.add_class::<agreement::AgreementLedger>()?;
    m.add_function(wrap_pyfunction!(agreement::agreement_state_diagram, m)?)?;
    m.add_function(wrap_pyfunction!(credentials::check_password, m)?)?;
    m.add_function(wrap_pyfunction!(credentials::hash_password, m)?)?;
    m.add_function(wrap_pyfunction!(credentials::is_common_password, m)?)?;
    m.add_function(wrap_pyfunction!(credentials::assign_password, m)?)?;
    m.add_function(wrap_pyfunction!(credentials::assigned_password_entropy, m)?)?;
    m.add_function(wrap_pyfunction!(credentials::reset_public_message, m)?)?;
    m.add_class::<credentials::PyGrantStore>()?;
    m.add_class::<credentials::PyPasswordExpiry>()?;
    m.add_function(wrap_pyfunction!(credentials::password_expiry, m)?)?;
    m.add_class::<help::ProvisioningEstimate>()?;
    m.add_function(wrap_pyfunction!(help::provisioning_estimate, m)?)?;
    m.add_class::<help::LoginGuide>()?;
    m.add_function(wrap_pyfunction!(help::login_guide, m)?)?;
    Ok(())
}
