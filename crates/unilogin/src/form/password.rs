//! The password check as a binding calls it: the arguments by name, checked, and the
//! checklist or the typed error.

use serde::Deserialize;

use crate::credentials::check::{self, PasswordContext, PasswordPolicy, PasswordReport};
use crate::people::UserGroup;
use crate::Loc;

use super::argument::{self, CallError};

/// Who chooses the password, as a binding receives it: the group's key, the user's names, the
/// earlier passwords in the history format and the host's policy overrides (see
/// [`PasswordPolicy::stil_with_overrides`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordArguments {
    /// The user group's key, e.g. `mellemtrin`.
    pub group: String,
    /// The user's names, whole or in parts.
    #[serde(default)]
    pub names: Vec<String>,
    /// Earlier passwords as `sha256$<salt hex>$<digest hex>`.
    #[serde(default)]
    pub history: Vec<String>,
    /// Overrides of STIL's policy for the group, a JSON object.
    #[serde(default)]
    pub policy: Option<serde_json::Value>,
}

/// STIL's password policy for `group` with the host's `overrides`, if any.
///
/// # Errors
/// `json_invalid` at `policy` for overrides that are not an object of policy fields.
pub fn password_policy(
    group: UserGroup,
    overrides: Option<&serde_json::Value>,
) -> Result<PasswordPolicy, CallError> {
    match overrides {
        None => Ok(PasswordPolicy::stil(group)),
        Some(o) => PasswordPolicy::stil_with_overrides(group, o)
            .map_err(|e| CallError::Problem(e.at(Loc::key("policy"), None))),
    }
}

/// Checks `password` for the user the arguments describe ([`check::check_password`]).
/// `history_argument` is the binding's name for [`PasswordArguments::history`], for its error.
///
/// ```
/// use unilogin::form::{check_password, PasswordArguments};
/// let args = PasswordArguments { group: "mellemtrin".into(), ..PasswordArguments::default() };
/// assert!(!check_password("qzx7", &args, "history")?.is_ok());
/// let teacher = PasswordArguments { group: "teacher".into(), ..PasswordArguments::default() };
/// assert_eq!(check_password("x", &teacher, "history").unwrap_err().code(), "invalid_argument");
/// # Ok::<(), unilogin::form::CallError>(())
/// ```
///
/// # Errors
/// An argument error for an unknown group or a history entry in another format;
/// `json_invalid` at `policy` for bad overrides; `password_not_choosable` at `password`.
pub fn check_password(
    password: &str,
    args: &PasswordArguments,
    history_argument: &'static str,
) -> Result<PasswordReport, CallError> {
    let group = argument::user_group(&args.group)?;
    let history = argument::password_history(&args.history, history_argument)?;
    let policy = password_policy(group, args.policy.as_ref())?;
    let names: Vec<&str> = args.names.iter().map(String::as_str).collect();
    let context = PasswordContext::new(group)
        .with_names(&names)
        .with_history(&history);
    check::check_password(password, &context, &policy)
        .map_err(|e| CallError::Problem(e.at(Loc::key("password"), None)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::check::HashedPassword;

    #[test]
    fn the_call_locates_its_problems() {
        let args = |group: &str, policy: Option<serde_json::Value>| PasswordArguments {
            group: group.to_owned(),
            policy,
            ..PasswordArguments::default()
        };
        let refused = check_password("Hestesko-Bilvask-12", &args("indskoling", None), "history");
        let Err(CallError::Problem(p)) = refused else {
            panic!("{refused:?}")
        };
        assert_eq!(
            (p.kind().code(), p.loc()),
            ("password_not_choosable", &Loc::key("password"))
        );
        let policy = serde_json::json!({"min_lenght": 1});
        let bad = check_password("x", &args("parent", Some(policy)), "history").unwrap_err();
        assert_eq!(bad.code(), "json_invalid");
        let with_history = PasswordArguments {
            history: vec![HashedPassword::new("Gammel-Kode-12", &mut rand_core::OsRng).to_string()],
            ..args("parent", None)
        };
        let report = check_password("Gammel-Kode-12", &with_history, "history").unwrap();
        assert!(!report.is_ok());
    }
}
