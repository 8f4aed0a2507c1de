//! Checking a password a user chooses against STIL's rules for Unilogin, with a report a form
//! can show as a live checklist.
//!
//! - [`PasswordPolicy`]: the rules per user group as data ([`PasswordPolicy::stil`]).
//! - [`check_password`]: every violation at once, and the status of every rule
//!   ([`PasswordReport`], [`PasswordRule`] ids `length`, `lowercase`, `uppercase`, `digit`,
//!   `characters`, `no_name`, `no_season`, `not_common`, `not_recent`).
//! - [`Password`]: a password that shows `<redacted>` in `Debug`.
//! - [`PasswordHistory`], [`StoredPassword`], [`HashedPassword`]: earlier passwords without
//!   plaintext.
//!
//! A password never appears in a violation's message, context or `Debug` output, nor in a
//! report: a violation names the rule it breaks, never the part of the password that breaks it
//! (no season, name or common word found in it).
//!
//! Sources: STIL, "Om adgangskodeskift i Unilogin" and the Unilogin password policy
//! (viden.stil.dk). Rules, sources and model choices:
//! `docs/passwords.md`.

mod common_passwords;
mod fold;
mod history;
mod policy;
mod report;
mod secret;

use std::fmt;

pub use common_passwords::{is_common_password, CONTAINMENT_MIN_CHARS};
pub use fold::MIN_NAME_PART_CHARS;
pub use history::{
    HashFormatError, HashedPassword, NoHistory, PasswordHistory, StoredPassword, SALT_BYTES,
};
pub use policy::PasswordPolicy;
pub use report::{
    PasswordReport, PasswordRule, RenderedPasswordReport, RenderedRule, RenderedViolation,
    RuleCheck, RuleStatus,
};
pub use secret::Password;

use zeroize::Zeroizing;

use crate::people::UserGroup;
use crate::{Ctx, ErrorType, FieldError};

use fold::{fold, folds_differ, Fold};

/// Who is choosing the password: the group, the person's names, and their earlier passwords.
///
/// `names` are the user's names as registered, whole or in parts (`["Søren Aabye
/// Kierkegaard"]` or `["Søren", "Kierkegaard"]`); every part of at least
/// [`MIN_NAME_PART_CHARS`] letters is looked for. `history` holds the earlier passwords, most
/// recent first.
///
/// What the context does not give is not checked: without a name part to look for the
/// `no_name` rule is [`RuleStatus::NotChecked`], and without a history (`None`, the default)
/// so is `not_recent`. A user known to have no earlier passwords has the empty history
/// (`with_history(&NoHistory)`), and `not_recent` is met.
///
/// ```
/// use unilogin::credentials::check::{HashedPassword, PasswordContext};
/// use unilogin::people::UserGroup;
/// let history = [HashedPassword::with_salt("Gammel-Kode-1", [1; 16])];
/// let context = PasswordContext::new(UserGroup::Parent)
///     .with_names(&["Ida Ågård"])
///     .with_history(&history);
/// assert_eq!(context.group, UserGroup::Parent);
/// assert!(context.history.is_some());
/// assert!(PasswordContext::new(UserGroup::Parent).history.is_none());
/// ```
#[derive(Clone, Copy)]
pub struct PasswordContext<'a> {
    /// The user's group (used for the `password_not_choosable` message).
    pub group: UserGroup,
    /// The user's names.
    pub names: &'a [&'a str],
    /// The user's earlier passwords; `None` when they are not known (`not_recent` is not
    /// checked then).
    pub history: Option<&'a dyn PasswordHistory>,
}

impl<'a> PasswordContext<'a> {
    /// A user of `group` whose names and earlier passwords are not given: the `no_name` and
    /// `not_recent` rules are not checked until [`Self::with_names`] and
    /// [`Self::with_history`] give them.
    pub fn new(group: UserGroup) -> Self {
        Self {
            group,
            names: &[],
            history: None,
        }
    }

    /// The same context with the user's names.
    #[must_use]
    pub fn with_names(self, names: &'a [&'a str]) -> Self {
        Self { names, ..self }
    }

    /// The same context with the user's earlier passwords.
    #[must_use]
    pub fn with_history(self, history: &'a dyn PasswordHistory) -> Self {
        Self {
            history: Some(history),
            ..self
        }
    }
}

impl fmt::Debug for PasswordContext<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PasswordContext")
            .field("group", &self.group)
            .field("names", &self.names)
            .field("history", &self.history.map(|_| "<history>"))
            .finish()
    }
}

/// What one pass over the password's characters found.
// Four independent findings of one pass; an enum per flag would only add noise.
#[allow(
    clippy::struct_excessive_bools,
    reason = "one flag per character class the rules ask about"
)]
#[derive(Default)]
struct Chars {
    count: usize,
    lower: bool,
    upper: bool,
    digit: bool,
    control: bool,
}

impl Chars {
    fn of(password: &str) -> Self {
        let mut found = Self::default();
        for c in password.chars() {
            found.count += 1;
            found.lower |= c.is_lowercase();
            found.upper |= c.is_uppercase();
            found.digit |= c.is_ascii_digit();
            found.control |= c.is_control();
        }
        found
    }
}

/// Checks a chosen `password` for the user in `context` against `policy`, and reports every
/// violation and the status of every rule. A rule the context gives nothing to check against
/// (no names, no history) is [`RuleStatus::NotChecked`], never met.
///
/// Lengths count characters (Unicode scalar values); æ, ø and å are letters (Æ, Ø, Å upper
/// case). Names, seasons and common passwords are matched case-insensitively after folding
/// æ/ø/å to ASCII both ways, ignoring spaces and punctuation (`docs/passwords.md`).
///
/// ```
/// use unilogin::credentials::check::{
///     check_password, PasswordContext, PasswordPolicy, PasswordRule, RuleStatus,
/// };
/// use unilogin::people::UserGroup;
/// use unilogin::Lang;
///
/// let names = ["Søren Kierkegaard"];
/// let context = PasswordContext::new(UserGroup::Udskoling).with_names(&names);
/// let policy = PasswordPolicy::stil(UserGroup::Udskoling);
///
/// let report = check_password("Hestesko-Bilvask-12", &context, &policy)?;
/// assert!(report.is_ok());
///
/// let report = check_password("soeren2024", &context, &policy)?;
/// let codes: Vec<_> = report.violations().iter().map(|v| v.kind().code()).collect();
/// assert_eq!(codes, ["password_needs_uppercase", "password_contains_name", "password_common"]);
/// assert_eq!(report.status(PasswordRule::Digit), RuleStatus::Met);
/// // No earlier passwords were given: that rule was not checked.
/// assert_eq!(report.status(PasswordRule::NotRecent), RuleStatus::NotChecked);
/// assert_eq!(report.violations()[1].message(Lang::Da), "Adgangskoden må ikke indeholde dit navn");
///
/// let pupil = PasswordContext::new(UserGroup::Indskoling);
/// let refused = check_password("Hestesko-Bilvask-12", &pupil, &PasswordPolicy::stil(UserGroup::Indskoling));
/// assert_eq!(refused.unwrap_err().kind().code(), "password_not_choosable");
/// # Ok::<(), unilogin::FieldError>(())
/// ```
///
/// # Errors
/// [`ErrorType::PasswordNotChoosable`] when the policy does not let the group choose a
/// password at all (indskoling: pupils get a picture password); no rule is checked then.
pub fn check_password(
    password: &str,
    context: &PasswordContext<'_>,
    policy: &PasswordPolicy,
) -> Result<PasswordReport, FieldError> {
    if !policy.may_choose {
        return Err(FieldError::with_ctx(
            ErrorType::PasswordNotChoosable,
            Ctx::new().with("group", context.group.term()),
        ));
    }
    let mut report = PasswordReport::with_capacity();
    check_characters(password, policy, &mut report);
    check_contents(password, context.names, policy, &mut report);
    check_history(password, context.history, policy, &mut report);
    Ok(report)
}

fn violation(failed: bool, kind: ErrorType) -> Option<FieldError> {
    failed.then(|| FieldError::new(kind))
}

/// The rules on the characters themselves: length, composition, control characters.
fn check_characters(password: &str, policy: &PasswordPolicy, report: &mut PasswordReport) {
    let chars = Chars::of(password);
    let (min, max) = (policy.min_length, policy.max_length);
    let count = u32::try_from(chars.count).unwrap_or(u32::MAX);
    let length = if count < min {
        Some(FieldError::with_ctx(
            ErrorType::PasswordTooShort,
            Ctx::new().with("min_length", i64::from(min)),
        ))
    } else if count > max {
        Some(FieldError::with_ctx(
            ErrorType::PasswordTooLong,
            Ctx::new().with("max_length", i64::from(max)),
        ))
    } else {
        None
    };
    let limits = Ctx::new()
        .with("min_length", i64::from(min))
        .with("max_length", i64::from(max));
    report.record(PasswordRule::Length, true, length, limits);

    for (rule, applies, missing, kind) in [
        (
            PasswordRule::Lowercase,
            policy.require_lowercase,
            !chars.lower,
            ErrorType::PasswordNeedsLowercase,
        ),
        (
            PasswordRule::Uppercase,
            policy.require_uppercase,
            !chars.upper,
            ErrorType::PasswordNeedsUppercase,
        ),
        (
            PasswordRule::Digit,
            policy.require_digit,
            !chars.digit,
            ErrorType::PasswordNeedsDigit,
        ),
    ] {
        report.record(
            rule,
            applies,
            violation(applies && missing, kind),
            Ctx::new(),
        );
    }
    report.record(
        PasswordRule::Characters,
        true,
        violation(chars.control, ErrorType::PasswordCharacters),
        Ctx::new(),
    );
}

/// The rules on what the password says: names, seasons, common passwords.
fn check_contents(
    password: &str,
    names: &[&str],
    policy: &PasswordPolicy,
    report: &mut PasswordReport,
) {
    let needs_fold = policy.forbid_names || policy.forbid_seasons || policy.forbid_common;
    // The folds are copies of the password: wiped when dropped.
    let full = Zeroizing::new(if needs_fold {
        fold(password, Fold::Full)
    } else {
        String::new()
    });

    if policy.forbid_names && !fold::has_name_part(names) {
        report.record_not_checked(PasswordRule::NoName, Ctx::new());
    } else {
        let name = policy.forbid_names && {
            let short = folds_differ(password).then(|| Zeroizing::new(fold(password, Fold::Short)));
            fold::contains_name(&full, short.as_ref().map(|s| s.as_str()), names)
        };
        report.record(
            PasswordRule::NoName,
            policy.forbid_names,
            violation(name, ErrorType::PasswordContainsName),
            Ctx::new(),
        );
    }

    let found = if policy.forbid_seasons || policy.forbid_common {
        common_passwords::scan(&full)
    } else {
        common_passwords::Found::default()
    };
    // The violation names the rule, not the season found: that would be a part of the
    // password.
    let season = policy.forbid_seasons && found.season.is_some();
    report.record(
        PasswordRule::NoSeason,
        policy.forbid_seasons,
        violation(season, ErrorType::PasswordContainsSeason),
        Ctx::new(),
    );

    let is_common =
        policy.forbid_common && (found.long_common || common_passwords::is_listed(&full));
    report.record(
        PasswordRule::NotCommon,
        policy.forbid_common,
        violation(is_common, ErrorType::PasswordCommon),
        Ctx::new(),
    );
}

/// The rule on earlier passwords.
fn check_history(
    password: &str,
    history: Option<&dyn PasswordHistory>,
    policy: &PasswordPolicy,
    report: &mut PasswordReport,
) {
    let depth = policy.history_depth;
    let Some(history) = history.filter(|_| depth > 0) else {
        if depth > 0 {
            report.record_not_checked(
                PasswordRule::NotRecent,
                Ctx::new().with("count", i64::from(depth)),
            );
        } else {
            report.record(
                PasswordRule::NotRecent,
                false,
                None,
                Ctx::new().with("count", 0_i64),
            );
        }
        return;
    };
    let reused = history.contains_recent(password, usize::try_from(depth).unwrap_or(usize::MAX));
    report.record(
        PasswordRule::NotRecent,
        true,
        reused.then(|| {
            FieldError::with_ctx(
                ErrorType::PasswordReused,
                Ctx::new().with("count", i64::from(depth)),
            )
        }),
        Ctx::new().with("count", i64::from(depth)),
    );
}

impl Password {
    /// Checks this password: [`check_password`] with its text.
    ///
    /// ```
    /// use unilogin::credentials::check::{Password, PasswordContext, PasswordPolicy};
    /// use unilogin::people::UserGroup;
    /// let group = UserGroup::Mellemtrin;
    /// let context = PasswordContext::new(group);
    /// let ok = Password::new("hestesko-bilvask").check(&context, &PasswordPolicy::stil(group))?;
    /// assert!(ok.is_ok());
    /// let short = Password::new("hest").check(&context, &PasswordPolicy::stil(group))?;
    /// assert_eq!(short.violations()[0].kind().code(), "password_too_short");
    /// # Ok::<(), unilogin::FieldError>(())
    /// ```
    ///
    /// # Errors
    /// As [`check_password`].
    pub fn check(
        &self,
        context: &PasswordContext<'_>,
        policy: &PasswordPolicy,
    ) -> Result<PasswordReport, FieldError> {
        check_password(self.reveal(), context, policy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    fn codes(password: &str, group: UserGroup, names: &[&str]) -> Vec<&'static str> {
        let context = PasswordContext::new(group).with_names(names);
        check_password(password, &context, &PasswordPolicy::stil(group))
            .unwrap()
            .violations()
            .iter()
            .map(|v| v.kind().code())
            .collect()
    }

    #[test]
    fn danish_letters_are_letters() {
        assert!(codes("Ærøskøbing-Æble7", UserGroup::Employee, &[]).is_empty());
        assert_eq!(
            codes("ÆRØSKØBING-7", UserGroup::Employee, &[]),
            ["password_needs_lowercase"]
        );
        assert_eq!(
            codes("ærøskøbing-7", UserGroup::Employee, &[]),
            ["password_needs_uppercase"]
        );
        // Eight characters, ten bytes.
        assert!(codes("blåbærøl", UserGroup::Mellemtrin, &[]).is_empty());
        assert_eq!(
            codes("blåbær7", UserGroup::Mellemtrin, &[]),
            ["password_too_short"]
        );
    }

    #[test]
    fn every_violation_at_once() {
        assert_eq!(
            codes(
                "password-sommer-hansen-sommer\n",
                UserGroup::Udskoling,
                &["Ib Hansen"]
            ),
            [
                "password_too_long",
                "password_needs_uppercase",
                "password_needs_digit",
                "password_characters",
                "password_contains_name",
                "password_contains_season",
                "password_common",
            ]
        );
    }

    #[test]
    fn a_violation_names_the_rule_not_the_fragment() {
        let group = UserGroup::Parent;
        let names = ["Ib Hansen"];
        let context = PasswordContext::new(group).with_names(&names);
        let rendered = |password: &str| {
            let report = check_password(password, &context, &PasswordPolicy::stil(group)).unwrap();
            let json = serde_json::to_string(&report.rendered(Lang::En)).unwrap()
                + &serde_json::to_string(&report.rendered(Lang::Da)).unwrap();
            let violations = serde_json::to_string(&report.rendered(Lang::Da).violations).unwrap();
            (report, json, violations)
        };
        let mut seen = Vec::new();
        for (password, fragment) in [
            ("Mit-Sommerhus-77", "ommer"),
            ("Mit-Vinterhus-77", "inter"),
            ("Mit-Efteraarshus-7", "fter"),
            ("Hansen-Bilvask-77", "ansen"),
        ] {
            let (report, json, violations) = rendered(password);
            assert!(!report.is_ok(), "{password}");
            for v in report.violations() {
                assert!(v.ctx().is_empty(), "{password}: {:?}", v.ctx());
            }
            assert!(
                !violations.to_lowercase().contains(fragment),
                "{violations}"
            );
            assert!(!json.contains(password), "{json}");
            seen.push(violations);
        }
        // The three seasons give the same violation: nothing tells which one it was.
        assert_eq!(seen[0], seen[1]);
        assert_eq!(seen[0], seen[2]);
    }

    #[test]
    fn indskoling_is_refused_precisely() {
        let err = check_password(
            "Hestesko-Bilvask-12",
            &PasswordContext::new(UserGroup::Indskoling),
            &PasswordPolicy::stil(UserGroup::Indskoling),
        )
        .unwrap_err();
        assert_eq!(err.kind(), ErrorType::PasswordNotChoosable);
        assert_eq!(
            err.message(crate::Lang::Da),
            "Elever i indskolingen (0.–3. klasse) kan ikke vælge deres egen adgangskode; de får en billedadgangskode"
        );
    }

    #[test]
    fn rules_that_do_not_apply_are_marked() {
        let context = PasswordContext::new(UserGroup::Mellemtrin);
        let mut policy = PasswordPolicy::stil(UserGroup::Mellemtrin);
        policy.history_depth = 0;
        policy.forbid_common = false;
        let report = check_password("password", &context, &policy).unwrap();
        assert!(report.is_ok());
        let statuses: Vec<_> = report.rules().iter().map(|r| r.status().key()).collect();
        assert_eq!(
            statuses,
            [
                "met",
                "not_applicable",
                "not_applicable",
                "not_applicable",
                "met",
                // No names given: the name rule applies but was not checked.
                "not_checked",
                "met",
                "not_applicable",
                "not_applicable"
            ]
        );
    }

    #[test]
    fn rules_without_their_input_are_not_checked_never_met() {
        let group = UserGroup::Parent;
        let policy = PasswordPolicy::stil(group);
        let status = |context: &PasswordContext<'_>| {
            let report = check_password("Hestesko-Bilvask-12", context, &policy).unwrap();
            assert!(report.is_ok());
            (
                report.status(PasswordRule::NoName),
                report.status(PasswordRule::NotRecent),
                report.is_complete(),
            )
        };
        let bare = PasswordContext::new(group);
        assert_eq!(
            status(&bare),
            (RuleStatus::NotChecked, RuleStatus::NotChecked, false)
        );
        // Name parts shorter than three letters are not looked for: nothing to check.
        let short = ["Bo Li"];
        assert_eq!(status(&bare.with_names(&short)).0, RuleStatus::NotChecked);
        let names = ["Ida Ågård"];
        let full = bare.with_names(&names).with_history(&NoHistory);
        assert_eq!(status(&full), (RuleStatus::Met, RuleStatus::Met, true));
        let report = check_password("Hestesko-Bilvask-12", &bare, &policy).unwrap();
        let not_checked: Vec<_> = report.not_checked().map(PasswordRule::id).collect();
        assert_eq!(not_checked, ["no_name", "not_recent"]);
        let rendered = serde_json::to_value(report.rendered(Lang::En)).unwrap();
        assert_eq!(rendered["complete"], false);
        assert_eq!(rendered["rules"][8]["status"], "not_checked");
        assert_eq!(rendered["rules"][8]["met"], serde_json::Value::Null);
    }
}
