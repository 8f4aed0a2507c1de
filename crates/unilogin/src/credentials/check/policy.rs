//! STIL's password rules per user group, as data a host can override.

use serde::{Deserialize, Serialize};

use crate::people::UserGroup;
use crate::{Ctx, ErrorType, FieldError};

/// The rules a chosen password must meet. [`PasswordPolicy::stil`] gives STIL's rules for a
/// user group; every field can be overridden by a host (all of them are public, and the policy
/// reads from and writes to JSON with exactly these field names).
///
/// Sources (see `docs/passwords.md`): STIL, "Om
/// adgangskodeskift i Unilogin" and the Unilogin password policy on viden.stil.dk.
///
/// | group | may choose | length | lower, upper, digit |
/// |---|---|---|---|
/// | indskoling | no (picture password) | – | – |
/// | mellemtrin | yes | 8–24 (M) | not required |
/// | udskoling, youth education, employee, parent | yes | 8–24 (M) | required (M) |
///
/// For every group that may choose: no name, no season, not a common password, not one of the
/// last 5 passwords (H).
///
/// ```
/// use unilogin::credentials::check::PasswordPolicy;
/// use unilogin::people::UserGroup;
/// let policy = PasswordPolicy::stil(UserGroup::Udskoling);
/// assert_eq!((policy.min_length, policy.max_length, policy.history_depth), (8, 24, 5));
/// assert!(!PasswordPolicy::stil(UserGroup::Indskoling).may_choose);
///
/// let longer = PasswordPolicy::stil_with_overrides(
///     UserGroup::Employee,
///     &serde_json::json!({"min_length": 12}),
/// )?;
/// assert_eq!(longer.min_length, 12);
/// let typo = PasswordPolicy::stil_with_overrides(
///     UserGroup::Employee,
///     &serde_json::json!({"min_lenght": 12}),
/// );
/// assert_eq!(typo.unwrap_err().kind().code(), "json_invalid");
/// # Ok::<(), unilogin::FieldError>(())
/// ```
// Independent switches a host sets in its configuration (JSON); enums would not read better.
#[allow(
    clippy::struct_excessive_bools,
    reason = "each switch is one of STIL's rules, on or off per user group"
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordPolicy {
    /// Whether the group may choose its own password at all. STIL: not in indskoling, whose
    /// pupils get four pictures assigned by Unilogin (H).
    pub may_choose: bool,
    /// The minimum length in characters (Unicode scalar values). STIL: 8 (M).
    pub min_length: u32,
    /// The maximum length in characters. STIL: 24 (M).
    pub max_length: u32,
    /// Require a lower-case letter (æ, ø, å count). STIL: from udskoling up (M).
    pub require_lowercase: bool,
    /// Require an upper-case letter (Æ, Ø, Å count). STIL: from udskoling up (M).
    pub require_uppercase: bool,
    /// Require a digit 0–9. STIL: from udskoling up (M).
    pub require_digit: bool,
    /// Refuse passwords containing a part of the user's name (H).
    pub forbid_names: bool,
    /// Refuse passwords containing forår, sommer, efterår or vinter (H).
    pub forbid_seasons: bool,
    /// Refuse the most common passwords (H); the list and matching are described in
    /// `docs/passwords.md`.
    pub forbid_common: bool,
    /// How many of the user's most recent passwords a new one must differ from; 0 turns the
    /// rule off. STIL: 5 (H).
    pub history_depth: u32,
}

impl PasswordPolicy {
    /// STIL's minimum length (M).
    pub const STIL_MIN_LENGTH: u32 = 8;
    /// STIL's maximum length (M).
    pub const STIL_MAX_LENGTH: u32 = 24;
    /// STIL's history depth (H).
    pub const STIL_HISTORY_DEPTH: u32 = 5;

    /// STIL's rules for `group`.
    ///
    /// Indskoling may not choose; its other fields are the mellemtrin rules, which apply if a
    /// host overrides `may_choose`.
    pub const fn stil(group: UserGroup) -> Self {
        let composition = match group {
            UserGroup::Indskoling | UserGroup::Mellemtrin => false,
            UserGroup::Udskoling
            | UserGroup::YouthEducation
            | UserGroup::Employee
            | UserGroup::Parent => true,
        };
        Self {
            may_choose: !matches!(group, UserGroup::Indskoling),
            min_length: Self::STIL_MIN_LENGTH,
            max_length: Self::STIL_MAX_LENGTH,
            require_lowercase: composition,
            require_uppercase: composition,
            require_digit: composition,
            forbid_names: true,
            forbid_seasons: true,
            forbid_common: true,
            history_depth: Self::STIL_HISTORY_DEPTH,
        }
    }

    /// STIL's rules for `group` with some fields replaced by those in `overrides`, a JSON object
    /// with any of the field names (`{"min_length": 12, "require_digit": false}`). For hosts
    /// and bindings that keep their policy as configuration.
    ///
    /// # Errors
    /// [`ErrorType::JsonInvalid`] when `overrides` is not an object, names an unknown field or
    /// gives a value of the wrong type.
    pub fn stil_with_overrides(
        group: UserGroup,
        overrides: &serde_json::Value,
    ) -> Result<Self, FieldError> {
        let invalid = |reason: String| {
            FieldError::with_ctx(ErrorType::JsonInvalid, Ctx::new().with("reason", reason))
        };
        let serde_json::Value::Object(fields) = overrides else {
            return Err(invalid(
                "the policy overrides must be a JSON object".to_owned(),
            ));
        };
        let mut merged =
            serde_json::to_value(Self::stil(group)).map_err(|e| invalid(e.to_string()))?;
        if let serde_json::Value::Object(base) = &mut merged {
            for (key, value) in fields {
                base.insert(key.clone(), value.clone());
            }
        }
        serde_json::from_value(merged).map_err(|e| invalid(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stil_defaults_per_group() {
        for group in UserGroup::ALL {
            let p = PasswordPolicy::stil(group);
            assert_eq!(p.may_choose, group != UserGroup::Indskoling, "{group}");
            let composition = !matches!(group, UserGroup::Indskoling | UserGroup::Mellemtrin);
            assert_eq!(p.require_uppercase, composition, "{group}");
            assert_eq!((p.min_length, p.max_length, p.history_depth), (8, 24, 5));
            assert!(p.forbid_names && p.forbid_seasons && p.forbid_common);
        }
    }

    #[test]
    fn overrides_merge_and_refuse_nonsense() {
        let p = PasswordPolicy::stil_with_overrides(
            UserGroup::Mellemtrin,
            &serde_json::json!({"require_digit": true, "history_depth": 0}),
        )
        .unwrap();
        assert!(p.require_digit && !p.require_uppercase);
        assert_eq!(p.history_depth, 0);
        for bad in [
            serde_json::json!([1]),
            serde_json::json!({"min_length": -1}),
            serde_json::json!({"forbid_names": "yes"}),
        ] {
            let err = PasswordPolicy::stil_with_overrides(UserGroup::Parent, &bad).unwrap_err();
            assert_eq!(err.kind(), ErrorType::JsonInvalid, "{bad}");
        }
    }
}
