//! The boundary every binding calls: what an interactive form needs from the core, as plain
//! values that serialise to JSON, and the arguments of a call parsed and assembled once.
//!
//! - [`check_request_field`]: one field of the institution-number request checked on its own
//!   (for per-keystroke feedback); [`Validation`]: a whole record checked at once;
//! - [`ValueKind`], [`parse_value`], [`ValueCheck`]: single values by the name of their kind;
//! - [`municipalities`], [`suggestion_limit`], [`choices`]: autocomplete and the selects'
//!   options; [`catalogue`]: the error catalogue;
//! - the arguments bindings pass by name ([`lang`], [`record_kind`], [`value_kind`],
//!   [`user_group`], …) and their typed errors ([`ArgumentError`], [`CallError`]);
//! - legal bases and institution types as text or code ([`parse_legal_basis`],
//!   [`parse_institution_type`], [`institution_type`]);
//! - the calls bindings assemble the same way: [`check_password`], [`password_expiry`],
//!   [`onboarding_plan`], [`onboarding_progress`], [`login_guide`], [`provisioning_policy`],
//!   [`reset_pupil`], [`issue_reset_grant`], [`reset_code`] (and [`from_json`] for every value a host passes in its JSON form).
//!
//! Bindings (WASM, Python) convert their host's values to these arguments and serialise the
//! results as they are; they hold no rules, lists or counts of their own.
//!
//! ```
//! use unilogin::form::{self, Validation};
//! use unilogin::{Lang, ValidationPolicy};
//!
//! // One field, as the user types it: the canonical value, or the problem at its key.
//! let ok = form::check_request_field("phone", Some("+45 3366 3366"), &ValidationPolicy::STIL);
//! assert_eq!(ok.map(|c| c.value().cloned()), Some(Some(serde_json::json!("33 66 33 66"))));
//! let bad = form::check_request_field("legal_basis", Some("§ 19, stk. 4"), &ValidationPolicy::STIL);
//! let problem = bad.as_ref().and_then(|c| c.problem());
//! assert_eq!(problem.map(|p| p.kind().code()), Some("legal_basis_not_accepted"));
//!
//! // The whole request: the valid record, or every problem.
//! let record = serde_json::json!({"cvr": "13585627"});
//! let validation = Validation::of_json(
//!     unilogin::RecordKind::Request,
//!     record.as_object().unwrap(),
//!     &ValidationPolicy::STIL,
//! );
//! let shown = serde_json::to_value(validation.rendered(Lang::En)).unwrap();
//! assert_eq!(shown["ok"], false);
//! assert_eq!(shown["problems"][0]["type"], "cvr_checksum");
//! ```

mod argument;
mod catalogue;
mod choices;
mod expiry;
mod field;
mod institution;
mod onboarding;
mod password;
mod provisioning;
mod reset;
mod validation;
mod value;

pub use argument::{
    as_of, code_format, decision, lang, login_guide, onboarding_actor, onboarding_step,
    one_time_code, password_history, record_kind, request_field, syntax, user_group, value_kind,
    ArgumentError, CallError,
};
pub use catalogue::{catalogue, CatalogueEntry};
pub use choices::{choices, municipalities, suggestion_limit, Choice, Choices, MunicipalityChoice};
pub use expiry::{password_expiry, ExpiryArguments};
pub use field::{check_request_field, FieldCheck, RenderedFieldCheck};
pub use institution::{institution_type, parse_institution_type, parse_legal_basis};
pub use onboarding::{legal_basis, onboarding_plan, onboarding_progress};
pub use password::{check_password, password_history_text, password_policy, PasswordArguments};
pub use provisioning::{provisioning_policy, EstimateArguments};
pub use reset::{
    check_reset_code, from_json, issue_reset_grant, reset_code, reset_pupil, reset_username,
    EnteredCode, GrantCode, GrantError,
};
pub use validation::{validation_policy, RenderedValidation, Validation};
pub use value::{parse_value, ValueCheck, ValueKind};
