//! Python bindings of the `unilogin` core (pyo3, abi3): the native module `unilogin._unilogin`.
//!
//! Every rule lives in the core; this crate only converts Python values
//! to the core's types and the core's results and problems back to Python. Problems become
//! dicts `{type, loc, msg, input, ctx}` and exceptions from `unilogin/_errors.py`.

/// The docstring the stubs (`python/unilogin/_unilogin.pyi`) give the function or class
/// `$name`, copied by `build.rs`: written once, run as a doctest there, shown by `help()`.
macro_rules! pydoc {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/pydoc/", $name, ".txt"))
    };
}

mod agreement;
mod arrow;
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

/// The native module: every function and class, by the file that converts it.
#[pymodule]
mod _unilogin {
    #[pymodule_export]
    use crate::agreement::{agreement_state_diagram, AgreementLedger};
    #[pymodule_export]
    use crate::arrow::{
        arrow_valid_mask, arrow_valid_rows, check_arrow, ArrowBooleans, ArrowTable,
    };
    #[pymodule_export]
    use crate::credentials::{
        assign_password, assigned_password_entropy, check_password, check_reset_code,
        hash_password, is_common_password, password_expiry, password_needs_rehash,
        reset_public_message, PyGrantStore, PyPasswordExpiry,
    };
    #[pymodule_export]
    use crate::export::{check_export, iter_problems, validate_csv, ProblemBatches};
    #[pymodule_export]
    use crate::help::{
        login_guide, login_help, provisioning_estimate, LoginGuide, ProvisioningEstimate,
    };
    #[pymodule_export]
    use crate::institution::{
        institution_type_codes, institution_type_info, legal_basis_info, legal_basis_keys,
        parse_institution_type, parse_legal_basis,
    };
    #[pymodule_export]
    use crate::onboarding::{onboarding_mermaid, onboarding_plan, OnboardingProgress};
    #[pymodule_export]
    use crate::records::{
        cell_texts, check_value, error_types, parse_record, record_keys, valid_mask,
        validate_record, validate_records, validate_request, validate_values, value_kinds,
    };
    /// The package's version, the workspace's (`Cargo.toml`): the crate, the wheel and the npm
    /// package have one version.
    #[pymodule_export]
    #[allow(
        non_upper_case_globals,
        reason = "Python's name for a package's version"
    )]
    const __version__: &str = env!("CARGO_PKG_VERSION");
    #[pymodule_export]
    use crate::values::{
        City, Cpr, Cvr, Email, HouseNumber, InstitutionName, InstitutionNumber, Municipality,
        PNumber, PhoneNumber, PostalCode, Street, Username,
    };
}
