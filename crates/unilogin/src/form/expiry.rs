//! The password-expiry call as a binding assembles it: exactly one of a group, a grade or a
//! role, with the date the grade or role needs.

use chrono::{DateTime, NaiveDate, Utc};

use crate::credentials::expiry::{ExpiryPolicy, PasswordExpiry};
use crate::people::{Grade, Role};
use crate::Loc;

use super::argument::{user_group, ArgumentError, CallError};

/// Whose password it is, as a binding's arguments name it: exactly one of `group` (a key),
/// `grade` or `role`; `on` (normally today) is needed with a grade or a role, and
/// `band_changed_on` applies to a group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExpiryArguments<'a> {
    /// The user group's key.
    pub group: Option<&'a str>,
    /// A pupil's school grade.
    pub grade: Option<u8>,
    /// The user's role.
    pub role: Option<Role>,
    /// The date the grade or role is taken on.
    pub on: Option<NaiveDate>,
    /// The date a pupil of the group moved into its band.
    pub band_changed_on: Option<NaiveDate>,
}

/// When the password last changed at `last_change` must be changed, for the user `args`
/// describes (see [`PasswordExpiry::for_group`], [`PasswordExpiry::for_pupil`],
/// [`PasswordExpiry::for_role`]).
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use unilogin::credentials::expiry::ExpiryPolicy;
/// use unilogin::form::{password_expiry, ExpiryArguments};
/// let last = Utc.with_ymd_and_hms(2027, 3, 1, 7, 30, 0).unwrap();
/// let parent = ExpiryArguments { group: Some("parent"), ..ExpiryArguments::default() };
/// assert!(password_expiry(&parent, last, &ExpiryPolicy::STIL)?.must_change_by.is_some());
/// let pupil = ExpiryArguments { grade: Some(5), ..ExpiryArguments::default() };
/// assert_eq!(password_expiry(&pupil, last, &ExpiryPolicy::STIL).unwrap_err().code(), "invalid_argument");
/// # Ok::<(), unilogin::form::CallError>(())
/// ```
///
/// # Errors
/// An argument error unless exactly one of group, grade and role is given, for a grade or a
/// role without `on`, and for an unknown group; `grade_range` for a grade outside 0–10.
pub fn password_expiry(
    args: &ExpiryArguments<'_>,
    last_change: DateTime<Utc>,
    policy: &ExpiryPolicy,
) -> Result<PasswordExpiry, CallError> {
    let on = || {
        args.on.ok_or_else(|| {
            ArgumentError::new("on", "`on` (the date) is needed with a grade or a role")
        })
    };
    Ok(match (args.group, args.grade, args.role) {
        (Some(group), None, None) => PasswordExpiry::for_group(
            user_group(group)?,
            last_change,
            args.band_changed_on,
            policy,
        ),
        (None, Some(grade), None) => {
            let grade = Grade::new(grade)
                .map_err(|e| CallError::Problem(e.at(Loc::root(), Some(&grade.to_string()))))?;
            PasswordExpiry::for_pupil(grade, on()?, last_change, policy)
        }
        (None, None, Some(role)) => PasswordExpiry::for_role(role, on()?, last_change, policy),
        _ => {
            return Err(
                ArgumentError::new("group", "give exactly one of group, grade or role").into(),
            )
        }
    })
}
