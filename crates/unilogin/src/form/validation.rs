//! A whole record checked at once.

use serde::{Deserialize as _, Serialize};

use crate::problem::serde_input::json_invalid;
use crate::record::RecordKind;
use crate::{Lang, Loc, Problem, Problems, RenderedProblem, ValidationPolicy};

use super::CallError;

/// The validation policy a binding is given: STIL's ([`ValidationPolicy::STIL`]) with the
/// host's `overrides` (a JSON object of [`ValidationPolicy`]'s fields, e.g.
/// `{"request_institution_types": [6010, 6011, 6012, 6013], "ownership_codes":
/// {"udliciteret": 5}}`), the P-number checksum off when `p_number_checksum` is false (the
/// bindings' older switch; `true` leaves the overrides' value), and the reference date `as_of`
/// when one is given as an argument of its own (it wins over an `as_of` in the overrides: the
/// command's `--as-of` over its `--policy` file, Python's `as_of=` over its `policy=` mapping).
///
/// ```
/// use chrono::NaiveDate;
/// use unilogin::form::validation_policy;
/// let host = serde_json::json!({"p_number_weight_switch": 1006395171, "as_of": "2026-01-05"});
/// let policy = validation_policy(Some(&host), true, None)?;
/// assert_eq!(policy.p_number_weight_switch, 1_006_395_171);
/// assert_eq!(policy.as_of, NaiveDate::from_ymd_opt(2026, 1, 5));
/// let later = NaiveDate::from_ymd_opt(2026, 8, 15);
/// assert_eq!(validation_policy(Some(&host), true, later)?.as_of, later);
/// assert!(!validation_policy(None, false, None)?.p_number_checksum);
/// let typo = serde_json::json!({"request_institution_type": [6013]});
/// assert_eq!(validation_policy(Some(&typo), true, None).unwrap_err().code(), "json_invalid");
/// # Ok::<(), unilogin::form::CallError>(())
/// ```
///
/// # Errors
/// `json_invalid` at `policy` for overrides that are not an object of the policy's fields (an
/// unknown field, a code that is not a recognised institution type, an ownership code given
/// to two legal bases).
pub fn validation_policy(
    overrides: Option<&serde_json::Value>,
    p_number_checksum: bool,
    as_of: Option<chrono::NaiveDate>,
) -> Result<ValidationPolicy, CallError> {
    let mut policy = match overrides {
        None => ValidationPolicy::STIL,
        Some(o) => ValidationPolicy::deserialize(o).map_err(|e| {
            CallError::Problem(json_invalid(e.to_string()).at(Loc::key("policy"), None))
        })?,
    };
    policy.p_number_checksum &= p_number_checksum;
    policy.as_of = as_of.or(policy.as_of);
    Ok(policy)
}

/// A whole record checked at once: its canonical JSON when valid, otherwise every problem.
#[derive(Debug, Clone, PartialEq)]
pub struct Validation {
    outcome: Result<serde_json::Value, Problems>,
}

impl Validation {
    /// Wraps the result of a record validation (e.g. [`RecordKind::validate_json`]).
    pub fn new(outcome: Result<serde_json::Value, Problems>) -> Self {
        Self { outcome }
    }

    /// Validates one record given as a JSON object (see [`RecordKind::validate_json_with`]).
    pub fn of_json(
        kind: RecordKind,
        object: &serde_json::Map<String, serde_json::Value>,
        policy: &ValidationPolicy,
    ) -> Self {
        Self::new(kind.validate_json_with(object, policy))
    }

    /// The valid record's canonical JSON, if it is valid.
    pub fn value(&self) -> Option<&serde_json::Value> {
        self.outcome.as_ref().ok()
    }

    /// The problems; empty when the record is valid.
    pub fn problems(&self) -> &[Problem] {
        self.outcome.as_ref().err().map_or(&[], Problems::as_slice)
    }

    /// The result in its JSON shape, with messages in `lang`:
    /// `{ok, value, problems: [{type, loc, msg, input, ctx}]}`.
    pub fn rendered(&self, lang: Lang) -> RenderedValidation<'_> {
        RenderedValidation {
            ok: self.outcome.is_ok(),
            value: self.value(),
            problems: self.problems().iter().map(|p| p.rendered(lang)).collect(),
        }
    }
}

/// A [`Validation`] ready to serialise.
#[derive(Debug, Clone, Serialize)]
pub struct RenderedValidation<'a> {
    /// Whether the record is valid.
    pub ok: bool,
    /// The valid record's canonical JSON, or `null`.
    pub value: Option<&'a serde_json::Value>,
    /// Every problem, in field order.
    pub problems: Vec<RenderedProblem<'a>>,
}
