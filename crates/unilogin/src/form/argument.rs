//! The arguments a binding passes by name (a language, a record or value kind, a user group, a
//! field key, a decision, a task), parsed once for every binding, and the typed errors of a
//! boundary call.
//!
//! A name outside its fixed set is an [`ArgumentError`] (code `invalid_argument`): Python raises
//! it as `unilogin.ArgumentError`, JavaScript as a `TypeError` with `.code`. A value the domain
//! judges (a legal basis, a password, a policy override) is a [`Problem`] with its catalogue
//! type, raised as the bindings raise every problem.

use std::fmt;

use crate::agreement::Decision;
use crate::credentials::check::HashedPassword;
use crate::credentials::reset::{CodeFormat, OneTimeCode};
use crate::export::Syntax;
use crate::login::{FailureCause, Guide, LoginPolicy, Task, UserFacts};
use crate::onboarding::{Actor, StepId};
use crate::people::UserGroup;
use crate::record::{Field, RecordKind};
use crate::{Lang, Problem, RequestField};

use super::ValueKind;

/// A bad argument to a boundary call: a name outside its fixed set, or text without the
/// argument's format. Its code is always [`ArgumentError::CODE`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArgumentError {
    argument: &'static str,
    message: String,
}

impl ArgumentError {
    /// The stable code of every argument error: `invalid_argument`.
    pub const CODE: &'static str = "invalid_argument";

    /// An error of the argument named `argument` (as the Python binding names it). A message
    /// quoting the argument keeps any CPR-shaped number in it masked (`150320-****`).
    pub fn new(argument: &'static str, message: impl Into<String>) -> Self {
        let message = message.into();
        Self {
            argument,
            message: crate::problem::mask_personal(&message).into_owned(),
        }
    }

    /// The code, [`ArgumentError::CODE`].
    pub fn code(&self) -> &'static str {
        Self::CODE
    }

    /// The argument's name, e.g. `group`.
    pub fn argument(&self) -> &'static str {
        self.argument
    }

    /// The message (English, like the host languages' own argument errors).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The message, owned.
    pub fn into_message(self) -> String {
        self.message
    }
}

impl fmt::Display for ArgumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ArgumentError {}

/// What a boundary call can fail with: a bad argument, or a problem the domain reports.
#[derive(Debug, Clone, PartialEq)]
pub enum CallError {
    /// A bad argument.
    Argument(ArgumentError),
    /// A problem with its catalogue type.
    Problem(Problem),
}

impl CallError {
    /// The stable code: `invalid_argument` or the problem's type.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Argument(e) => e.code(),
            Self::Problem(p) => p.kind().code(),
        }
    }
}

impl From<ArgumentError> for CallError {
    fn from(e: ArgumentError) -> Self {
        Self::Argument(e)
    }
}

impl From<Problem> for CallError {
    fn from(p: Problem) -> Self {
        Self::Problem(p)
    }
}

/// `name`, `name` and `name`: the choices of a message.
fn listed(names: impl IntoIterator<Item = &'static str>, quote: bool) -> String {
    let names: Vec<String> = names
        .into_iter()
        .map(|n| {
            if quote {
                format!("`{n}`")
            } else {
                n.to_owned()
            }
        })
        .collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.concat(),
    }
}

/// The language of a `lang` argument: `da` or `en` (also `da-DK`, `en-GB`, …).
///
/// # Errors
/// An [`ArgumentError`] for any other tag.
pub fn lang(tag: &str) -> Result<Lang, ArgumentError> {
    Lang::parse(tag).ok_or_else(|| {
        ArgumentError::new(
            "lang",
            format!("unknown language `{tag}`: use `da` or `en`"),
        )
    })
}

/// The syntax of an export named by an argument (`input_format`): `csv` or `jsonl`
/// ([`Syntax::from_name`], which also takes `json_lines` and `ndjson`).
///
/// ```
/// use unilogin::export::Syntax;
/// assert_eq!(unilogin::form::syntax("jsonl")?, Syntax::JsonLines);
/// assert_eq!(unilogin::form::syntax("xlsx").unwrap_err().argument(), "input_format");
/// # Ok::<(), unilogin::form::ArgumentError>(())
/// ```
///
/// # Errors
/// An [`ArgumentError`] for any other name.
pub fn syntax(name: &str) -> Result<Syntax, ArgumentError> {
    Syntax::from_name(name).ok_or_else(|| {
        ArgumentError::new(
            "input_format",
            format!("unknown input format `{name}`: use `csv` or `jsonl`"),
        )
    })
}

/// The reference date of an `as_of` argument, `YYYY-MM-DD` ([`crate::ValidationPolicy::as_of`]).
///
/// ```
/// assert_eq!(unilogin::form::as_of("2026-08-15")?.to_string(), "2026-08-15");
/// assert_eq!(unilogin::form::as_of("15.08.2026").unwrap_err().argument(), "as_of");
/// # Ok::<(), unilogin::form::ArgumentError>(())
/// ```
///
/// # Errors
/// An [`ArgumentError`] for text that is not a date in that form.
pub fn as_of(text: &str) -> Result<chrono::NaiveDate, ArgumentError> {
    crate::iso_date::parse(text.trim()).ok_or_else(|| {
        ArgumentError::new("as_of", format!("`{text}` is not a date: use `YYYY-MM-DD`"))
    })
}

/// The record kind named `name` (`request`, `register` or `user`).
///
/// # Errors
/// An [`ArgumentError`] for any other name.
pub fn record_kind(name: &str) -> Result<RecordKind, ArgumentError> {
    RecordKind::from_name(name).ok_or_else(|| {
        let names = listed(RecordKind::ALL.map(RecordKind::name), true);
        ArgumentError::new("kind", format!("unknown kind `{name}`: use {names}"))
    })
}

/// The value kind named `name` (`cvr`, `p_number`, `municipality`, …).
///
/// # Errors
/// An [`ArgumentError`] for any other name.
pub fn value_kind(name: &str) -> Result<ValueKind, ArgumentError> {
    ValueKind::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = ValueKind::ALL.iter().map(|k| k.name()).collect();
        ArgumentError::new(
            "kind",
            format!(
                "unknown value kind `{name}`: use one of {}",
                names.join(", ")
            ),
        )
    })
}

/// The user group with this key (`indskoling`, …, `parent`; `youth-education` too).
///
/// # Errors
/// An [`ArgumentError`] for any other key.
pub fn user_group(key: &str) -> Result<UserGroup, ArgumentError> {
    UserGroup::from_key(key).ok_or_else(|| {
        let keys = listed(UserGroup::ALL.map(UserGroup::key), false);
        ArgumentError::new("group", format!("unknown user group `{key}`: use {keys}"))
    })
}

/// The field of the institution-number request with this key (or another name
/// [`RequestField::from_column`] accepts).
///
/// # Errors
/// An [`ArgumentError`] for a name of no request field.
pub fn request_field(key: &str) -> Result<RequestField, ArgumentError> {
    RequestField::from_column(key)
        .ok_or_else(|| ArgumentError::new("key", format!("`{key}` is not a field of the request")))
}

/// Earlier passwords in the history format (Argon2id PHC strings, or the old
/// `sha256$<salt hex>$<digest hex>`);
/// `argument` names the list in the error (`previous_hashes`, `history`).
///
/// # Errors
/// An [`ArgumentError`] naming the first entry in another format.
pub fn password_history<S: AsRef<str>>(
    hashes: &[S],
    argument: &'static str,
) -> Result<Vec<HashedPassword>, ArgumentError> {
    hashes
        .iter()
        .enumerate()
        .map(|(i, h)| {
            HashedPassword::parse(h.as_ref()).map_err(|_| {
                ArgumentError::new(
                    argument,
                    format!("{argument}[{i}] is not a password hash of hash_password (Argon2id) or the old sha256$<salt hex>$<digest hex>"),
                )
            })
        })
        .collect()
}

/// A one-time code a host gives for a reset grant, in the store's `format`.
///
/// # Errors
/// An [`ArgumentError`] for text that is not a code of the format.
pub fn one_time_code(format: CodeFormat, text: &str) -> Result<OneTimeCode, ArgumentError> {
    OneTimeCode::parse(format, text).ok_or_else(|| {
        ArgumentError::new(
            "code",
            format!("not a one-time code of the format `{}`", format.key()),
        )
    })
}

/// A one-time code's format by its key: `digits6` (the default) or `crockford8`.
///
/// # Errors
/// An [`ArgumentError`] (argument `format`) for any other key.
pub fn code_format(key: &str) -> Result<CodeFormat, ArgumentError> {
    CodeFormat::ALL
        .into_iter()
        .find(|f| f.key() == key)
        .ok_or_else(|| {
            ArgumentError::new(
                "format",
                format!("unknown code format `{key}`: use `digits6` or `crockford8`"),
            )
        })
}

/// The decision on a data-access agreement: `approve` (stating whether a data processing
/// agreement is in place) or `reject`.
///
/// # Errors
/// An [`ArgumentError`] for any other key.
pub fn decision(key: &str, dpa_in_place: bool) -> Result<Decision, ArgumentError> {
    match key {
        "approve" => Ok(Decision::Approve { dpa_in_place }),
        "reject" => Ok(Decision::Reject),
        other => Err(ArgumentError::new(
            "decision",
            format!("unknown decision `{other}`: use `approve` or `reject`"),
        )),
    }
}

/// The onboarding step with this key.
///
/// # Errors
/// An [`ArgumentError`] for any other key.
pub fn onboarding_step(key: &str) -> Result<StepId, ArgumentError> {
    StepId::parse(key)
        .ok_or_else(|| ArgumentError::new("step", format!("unknown onboarding step `{key}`")))
}

/// The onboarding actor with this key.
///
/// # Errors
/// An [`ArgumentError`] for any other key.
pub fn onboarding_actor(key: &str) -> Result<Actor, ArgumentError> {
    Actor::parse(key)
        .ok_or_else(|| ArgumentError::new("actor", format!("unknown onboarding actor `{key}`")))
}

/// The login guide for a task given by its key, with its failure cause: only `login_failed`
/// takes (and needs) one.
///
/// # Errors
/// An [`ArgumentError`] for an unknown task or cause, or a cause where none belongs.
pub fn login_guide(
    task: &str,
    cause: Option<&str>,
    user: &UserFacts,
    policy: &LoginPolicy,
) -> Result<Guide, ArgumentError> {
    let Some(parsed) = Task::parse(task) else {
        let tasks = listed(Task::ALL.iter().map(|t| t.key()), false);
        return Err(ArgumentError::new(
            "task",
            format!("unknown task `{task}`: use {tasks}"),
        ));
    };
    match (parsed, cause) {
        (Task::Activation, None) => Ok(Guide::activation(user, policy)),
        (Task::ForgottenPassword, None) => Ok(Guide::forgotten_password(user, policy)),
        (Task::ChangePassword, None) => Ok(Guide::change_password(user, policy)),
        (Task::LoginFailed, Some(c)) => FailureCause::parse(c)
            .map(|cause| Guide::login_failed(cause, user, policy))
            .ok_or_else(|| ArgumentError::new("cause", format!("unknown failure cause `{c}`"))),
        (Task::LoginFailed, None) => Err(ArgumentError::new("cause", "login_failed needs a cause")),
        (_, Some(_)) => Err(ArgumentError::new(
            "cause",
            "only login_failed takes a cause",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_outside_their_set_are_argument_errors() {
        assert_eq!(lang("en-GB"), Ok(Lang::En));
        let sv = lang("sv").unwrap_err();
        assert_eq!((sv.code(), sv.argument()), ("invalid_argument", "lang"));
        assert_eq!(
            record_kind("school").unwrap_err().message(),
            "unknown kind `school`: use `request`, `register` or `user`"
        );
        assert_eq!(
            user_group("rektor").unwrap_err().message(),
            "unknown user group `rektor`: use indskoling, mellemtrin, udskoling, youth_education, employee or parent"
        );
        assert_eq!(user_group("youth-education"), Ok(UserGroup::YouthEducation));
        assert!(value_kind("iban").is_err());
        assert_eq!(request_field("Phone").map(Field::key), Ok("phone"));
        assert_eq!(
            password_history(&["plain"], "history")
                .unwrap_err()
                .message(),
            "history[0] is not a password hash of hash_password (Argon2id) or the old sha256$<salt hex>$<digest hex>"
        );
        assert_eq!(decision("reject", false), Ok(Decision::Reject));
        assert!(decision("maybe", false).is_err());
        assert!(onboarding_step("nope").is_err() && onboarding_actor("nope").is_err());
    }

    #[test]
    fn only_a_failed_login_takes_a_cause() {
        let user = UserFacts::new(crate::people::Role::Parent, true, None);
        let guide = |task, cause| login_guide(task, cause, &user, &LoginPolicy::STIL);
        assert_eq!(
            guide("activation", None).map(|g| g.task),
            Ok(Task::Activation)
        );
        assert!(guide("login_failed", None).is_err());
        assert!(guide("activation", Some("no_access_to_service")).is_err());
        assert!(guide("login_failed", Some("nope")).is_err());
        assert_eq!(
            guide("nope", None).unwrap_err().message(),
            "unknown task `nope`: use activation, forgotten_password, login_failed or change_password"
        );
        assert_eq!(
            guide("change_password", None).map(|g| g.task),
            Ok(Task::ChangePassword)
        );
        assert!(guide("change_password", Some("no_access_to_service")).is_err());
        assert!(guide("login_failed", Some("no_access_to_service")).is_ok());
    }
}
