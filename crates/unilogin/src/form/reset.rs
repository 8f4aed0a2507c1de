//! The reset-grant calls as a binding assembles them: the pupil read from its JSON form (the
//! username checked first, so a bad one is a reset problem with its input), and the one-time
//! code the host asks for.

use chrono::{DateTime, Utc};
use rand_core::{CryptoRng, RngCore};
use serde::de::DeserializeOwned;

use crate::credentials::reset::{GrantStore, Issued, Issuer, OneTimeCode, Pupil};
use crate::people::Username;
use crate::problem::serde_input::{self, ReadError};
use crate::{ErrorType, FieldError, Loc, Problem};

use super::argument::{one_time_code, ArgumentError, CallError};

/// A one-time code as the user enters it, in the format of key `format`: the check of a reset
/// page's code field.
///
/// ```
/// let code = unilogin::form::reset_code("digits6", " 482-915 ").unwrap();
/// assert_eq!((code.reveal(), code.grouped().as_str()), ("482915", "482 915"));
/// let bad = unilogin::form::reset_code("digits6", "48291x").unwrap_err();
/// assert_eq!(bad.code(), "reset_code_format");
/// assert_eq!(unilogin::form::reset_code("hex", "1").unwrap_err().code(), "invalid_argument");
/// ```
///
/// # Errors
/// An argument error for an unknown format; `reset_code_format` (at the root, with the entered
/// text as input) for text that is not a code of the format.
pub fn reset_code(format: &str, text: &str) -> Result<OneTimeCode, CallError> {
    let format = super::argument::code_format(format)?;
    OneTimeCode::entered(format, text)
        .map_err(|e| CallError::Problem(e.at(Loc::root(), Some(text))))
}

/// An entered one-time code as a reset page shows it back: `{"code": "482915", "grouped":
/// "482 915"}`, the canonical code and the code grouped for reading aloud.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct EnteredCode {
    /// The canonical code.
    pub code: String,
    /// The code grouped for reading aloud.
    pub grouped: String,
}

/// The check of a reset page's code field, as bindings return it: [`reset_code`]'s code as an
/// [`EnteredCode`].
///
/// ```
/// let shown = unilogin::form::check_reset_code("crockford8", "7kqm 2xwd").unwrap();
/// assert_eq!(serde_json::to_value(shown).unwrap(), serde_json::json!({"code": "7KQM2XWD", "grouped": "7KQM-2XWD"}));
/// ```
///
/// # Errors
/// As [`reset_code`].
pub fn check_reset_code(format: &str, text: &str) -> Result<EnteredCode, CallError> {
    let code = reset_code(format, text)?;
    Ok(EnteredCode {
        code: code.reveal().to_owned(),
        grouped: code.grouped(),
    })
}

/// A value of the core's serde JSON form (a policy, an issuer, a person, a request, …) from
/// the JSON a host passes.
///
/// ```
/// use unilogin::agreement::DataAccessRequest;
/// use unilogin::credentials::reset::ResetPolicy;
/// let policy: ResetPolicy = unilogin::form::from_json(serde_json::json!({"max_attempts": 3}))?;
/// assert_eq!(policy.max_attempts, 3);
/// let bad = unilogin::form::from_json::<ResetPolicy>(serde_json::json!({"max_attempts": "3"}));
/// assert_eq!(bad.unwrap_err().kind().code(), "json_invalid");
///
/// // A value of a domain type keeps its own error, where it is, with its text.
/// let request = serde_json::json!({
///     "vendor": {"name": "Skolesystemer A/S", "cvr": "13585628", "p_number": "1029829825"},
///     "system": "Pladsanvisning",
///     "institutions": [{"number": "A11111", "legal_basis": "kommunal", "municipality": "Aarhus"}],
/// });
/// let legacy = unilogin::form::from_json::<DataAccessRequest>(request).unwrap_err();
/// assert_eq!(legacy.kind().code(), "institution_number_legacy");
/// assert_eq!(legacy.loc().to_string(), "institutions.0.number");
/// assert_eq!(legacy.input(), Some("A11111"));
/// # Ok::<(), unilogin::Problem>(())
/// ```
///
/// # Errors
/// The domain error of a value of a domain type (`institution_number_legacy`, `grade_range`,
/// `cvr_checksum`, …) at that value's location, with its text as the input; otherwise
/// `json_invalid` (with the reason) at the root when the value does not have the type's form.
#[allow(
    clippy::needless_pass_by_value,
    reason = "the owned value a binding has after converting its argument, as before"
)]
pub fn from_json<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, Problem> {
    serde_input::read(&value).map_err(ReadError::into_problem)
}

/// The username a pupil redeems a grant with.
///
/// # Errors
/// The username's problem, at the root with the text as its input.
pub fn reset_username(text: &str) -> Result<Username, Problem> {
    Username::parse(text).map_err(|e| e.at(Loc::root(), Some(text)))
}

/// The one-time code a host asks for when it issues a grant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GrantCode {
    /// No code: the pupil redeems with the username alone.
    Without,
    /// A fresh code of the store's format.
    Generated,
    /// The host's own code, in the store's format.
    Given(String),
}

/// What issuing a grant can fail with, by how a binding raises it.
#[derive(Debug, Clone, PartialEq)]
pub enum GrantError {
    /// The issuer or the pupil does not have its JSON form: `json_invalid` at the root.
    Shape(Problem),
    /// A given code not of the store's format.
    Argument(ArgumentError),
    /// The pupil's username does not parse (with its input), or the reset rules refuse.
    Reset(Problem),
}

impl GrantError {
    /// The stable code: `invalid_argument` or the problem's type.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Argument(e) => e.code(),
            Self::Shape(p) | Self::Reset(p) => p.kind().code(),
        }
    }
}

/// The pupil a grant is for, from its JSON form; the username is checked first, so a bad one
/// is a reset problem with its input rather than a shape problem.
///
/// # Errors
/// [`GrantError::Reset`] for the username or another domain value (a grade outside 0–10, at
/// `grade`); [`GrantError::Shape`] for a field that does not have its form.
pub fn reset_pupil(value: serde_json::Value) -> Result<Pupil, GrantError> {
    if let Some(name) = value.get("username").and_then(serde_json::Value::as_str) {
        reset_username(name).map_err(GrantError::Reset)?;
    }
    from_json(value).map_err(|p| {
        // A domain value of the pupil (a grade 11) is the pupil's problem, as the username's.
        if p.kind() == ErrorType::JsonInvalid {
            GrantError::Shape(p)
        } else {
            GrantError::Reset(p)
        }
    })
}

/// Issues a grant for `pupil` by `issuer` at `at`, with the `code` asked for.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use unilogin::credentials::reset::{GrantStore, Issuer};
/// use unilogin::form::{issue_reset_grant, reset_pupil, GrantCode};
/// let mut store = GrantStore::new();
/// let teacher = Issuer::teacher("lærer-17", true);
/// let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
/// let pupil = reset_pupil(serde_json::json!({"username": "abcd1234", "group": "mellemtrin"}))?;
/// let issued = issue_reset_grant(&mut store, &teacher, &pupil, at, GrantCode::Generated, &mut rand_core::OsRng);
/// assert!(issued?.code.is_some());
/// let given = GrantCode::Given("x".into());
/// let refused = issue_reset_grant(&mut store, &teacher, &pupil, at, given, &mut rand_core::OsRng);
/// assert_eq!(refused.unwrap_err().code(), "invalid_argument");
/// # Ok::<(), unilogin::form::GrantError>(())
/// ```
///
/// # Errors
/// [`GrantError::Argument`] for a given code not of the store's format; [`GrantError::Reset`]
/// for what [`GrantStore::issue`] refuses.
pub fn issue_reset_grant(
    store: &mut GrantStore,
    issuer: &Issuer,
    pupil: &Pupil,
    at: DateTime<Utc>,
    code: GrantCode,
    rng: &mut (impl RngCore + CryptoRng),
) -> Result<Issued, GrantError> {
    let result = match code {
        GrantCode::Without => store.issue(issuer, pupil, at),
        GrantCode::Generated => store.issue_with_code(issuer, pupil, at, rng),
        GrantCode::Given(text) => {
            let given =
                one_time_code(store.policy().code_format, &text).map_err(GrantError::Argument)?;
            store.issue_with_given_code(issuer, pupil, given, at, rng)
        }
    };
    result.map_err(|e| GrantError::Reset(FieldError::from(e).at(Loc::root(), None)))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use serde_json::json;

    use super::*;

    fn issue(pupil: serde_json::Value, code: GrantCode) -> Result<Issued, GrantError> {
        let mut store = GrantStore::new();
        let admin = Issuer::user_administrator("admin-1");
        let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
        let pupil = reset_pupil(pupil)?;
        issue_reset_grant(&mut store, &admin, &pupil, at, code, &mut rand_core::OsRng)
    }

    #[test]
    fn the_username_is_checked_before_the_pupil_is_read() {
        // A bad username with a bad group: the username's problem, raised as a reset problem.
        let Err(GrantError::Reset(p)) =
            issue(json!({"username": "a b", "group": 5}), GrantCode::Without)
        else {
            panic!("expected a reset problem")
        };
        assert_eq!(
            (p.kind().code(), p.input()),
            ("username_format", Some("a b"))
        );
        // A good username with a bad group: the pupil's shape.
        let shape = issue(
            json!({"username": "abcd1234", "group": 5}),
            GrantCode::Without,
        );
        assert!(matches!(&shape, Err(GrantError::Shape(p)) if p.kind().code() == "json_invalid"));
        // A grade outside 0–10 is the pupil's own problem, not `json_invalid`.
        let Err(GrantError::Reset(p)) = issue(
            json!({"username": "abcd1234", "grade": 11}),
            GrantCode::Without,
        ) else {
            panic!("expected a reset problem")
        };
        assert_eq!(
            (p.kind().code(), p.loc()),
            ("grade_range", &Loc::key("grade"))
        );
    }

    #[test]
    fn the_code_asked_for_is_the_code_issued() {
        let pupil = || json!({"username": "abcd1234", "group": "udskoling"});
        assert!(issue(pupil(), GrantCode::Without).unwrap().code.is_none());
        assert!(issue(pupil(), GrantCode::Generated).unwrap().code.is_some());
        let given = issue(pupil(), GrantCode::Given("482915".into())).unwrap();
        assert_eq!(
            given.code.map(|c| c.reveal().to_owned()).as_deref(),
            Some("482915")
        );
        let bad = issue(pupil(), GrantCode::Given("x".into())).unwrap_err();
        assert_eq!(bad.code(), "invalid_argument");
    }
}
