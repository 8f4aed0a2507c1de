//! The password check as a binding calls it: the arguments by name, checked, and the
//! checklist or the typed error.

use serde::Deserialize;

use crate::credentials::check::{
    self, HashedPassword, PasswordContext, PasswordPolicy, PasswordReport,
};
use crate::people::UserGroup;
use crate::Loc;

use super::argument::{self, ArgumentError, CallError};

/// Who chooses the password, as a binding receives it: the group's key, the user's names, the
/// earlier passwords in the history format and the host's policy overrides (see
/// [`PasswordPolicy::stil_with_overrides`]). Without names the `no_name` rule is
/// `not_checked`, and so is `not_recent` without a history.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordArguments {
    /// The user group's key, e.g. `mellemtrin`.
    pub group: String,
    /// The user's names, whole or in parts.
    #[serde(default)]
    pub names: Vec<String>,
    /// Earlier passwords as Argon2id PHC strings or the old `sha256$<salt hex>$<digest hex>`,
    /// most recent first. `None` (absent): the earlier passwords are not known and the
    /// `not_recent` rule is not checked; `Some([])`: the user has none, and it is met.
    #[serde(default)]
    pub history: Option<Vec<String>>,
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

/// The earlier passwords in the text of a history file: one hash per line (an Argon2id PHC
/// string or the old `sha256$<salt hex>$<digest hex>`), most recent first; blank lines and
/// lines starting with `#` are skipped, spaces around a hash ignored.
///
/// ```
/// use unilogin::form::password_history_text;
/// let old = "sha256$000102030405060708090a0b0c0d0e0f$0dc10b4720471a31332cbe9e5e49d74c215b51dcc1f7653213b0b6670faa370a";
/// assert_eq!(password_history_text(&format!("# newest first\n{old}\n\n"))?.len(), 1);
/// let err = password_history_text("\nplain\n").unwrap_err();
/// assert_eq!(err.message(), "line 2 is not a password hash of hash_password (Argon2id) or the old sha256$<salt hex>$<digest hex>");
/// # Ok::<(), unilogin::form::ArgumentError>(())
/// ```
///
/// # Errors
/// An argument error (`history`) naming the first line that is not a hash.
pub fn password_history_text(text: &str) -> Result<Vec<HashedPassword>, ArgumentError> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
        .map(|(number, line)| {
            HashedPassword::parse(line).map_err(|_| {
                ArgumentError::new(
                    "history",
                    format!("line {number} is not a password hash of hash_password (Argon2id) or the old sha256$<salt hex>$<digest hex>"),
                )
            })
        })
        .collect()
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
    let history = args
        .history
        .as_deref()
        .map(|h| argument::password_history(h, history_argument))
        .transpose()?;
    let policy = password_policy(group, args.policy.as_ref())?;
    let names: Vec<&str> = args.names.iter().map(String::as_str).collect();
    let mut context = PasswordContext::new(group).with_names(&names);
    if let Some(history) = &history {
        context = context.with_history(history);
    }
    check::check_password(password, &context, &policy)
        .map_err(|e| CallError::Problem(e.at(Loc::key("password"), None)))
}

#[cfg(test)]
mod tests {
    use super::*;

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
            history: Some(vec![HashedPassword::new(
                "Gammel-Kode-12",
                &mut rand_core::OsRng,
            )
            .to_string()]),
            ..args("parent", None)
        };
        let report = check_password("Gammel-Kode-12", &with_history, "history").unwrap();
        assert!(!report.is_ok());
        let without = check_password("Gammel-Kode-12", &args("parent", None), "history").unwrap();
        assert!(without.is_ok() && !without.is_complete());
        assert_eq!(
            without.status(check::PasswordRule::NotRecent),
            check::RuleStatus::NotChecked
        );
    }
}
