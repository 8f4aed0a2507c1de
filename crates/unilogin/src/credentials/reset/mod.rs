//! The five-minute teacher reset (*Giv ny adgangskode* in Elevadgang).
//!
//! A teacher with the role Lærer and a class affiliation with the pupil, or a user administrator
//! with the right "Unilogin – Brugeradministrator i ElevAdgang", issues a **grant** for a pupil.
//! For five minutes the pupil can redeem it by entering their username at a Unilogin login;
//! Unilogin then assigns a new password, and pupils in mellemtrin and udskoling may choose
//! another one. A grant is used once; a newer grant for the same pupil supersedes older ones.
//! Hosts that show the pupil a one-time code as well get the same window, single use,
//! constant-time comparison of a salted hash keyed with the host's secret ([`Keyring`]), and an
//! attempt limit.
//!
//! Grants live in a [`GrantStore`]: an append-only history of events (issued, wrong code,
//! redeemed) from which every grant's state is derived; it serialises as a versioned JSON
//! document and loading replays the history through the same rules. Time is always a
//! parameter and randomness comes from the caller's CSPRNG.
//!
//! Redeeming fails with distinct error types for the host's logs and support staff, but the
//! pupil should only ever see [`public_message`], which does not say why, so a login page
//! cannot be used to find out whether a pupil has a grant.
//!
//! Sources: STIL, "Adgang og login til elevadgang.unilogin.dk" / "Giv ny adgangskode"
//! (viden.stil.dk; confidence H); what happens after the five minutes, the code
//! format and the attempt limit are model choices. See `docs/reset.md`.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use unilogin::credentials::reset::{GrantStore, Issuer, Pupil};
//! use unilogin::people::{Grade, Username};
//!
//! let mut store = GrantStore::new();
//! let teacher = Issuer::teacher("lærer-17", true);
//! let pupil = Pupil::with_grade(Username::parse("abcd1234")?, Grade::new(5)?);
//! let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
//! store.issue(&teacher, &pupil, at)?;
//!
//! let redeemed = store.redeem(&pupil.username, None, at + chrono::Duration::minutes(4))?;
//! assert!(redeemed.may_choose_own);
//! // A second redemption fails; the pupil sees only the generic message.
//! let err = store.redeem(&pupil.username, None, at + chrono::Duration::minutes(4)).unwrap_err();
//! assert_eq!(err.kind().code(), "reset_used");
//! assert_eq!(err.public_message(unilogin::Lang::Da), "Det lykkedes ikke. Bed din lærer om en ny adgangskode.");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod code;
mod keys;
mod store;

pub use code::{CodeFormat, CodeHash, OneTimeCode, SALT_BYTES};
pub use keys::{CodeKey, Keyring, MAX_KEY_ID_CHARS, MIN_SECRET_BYTES};
pub use store::{
    Event, EventKind, Grant, GrantId, GrantState, GrantStatus, GrantStore, STORE_VERSION,
};

use std::fmt::{self, Write as _};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::people::{Grade, GradeBand, UserGroup, Username};
use crate::{Ctx, ErrorType, FieldError, Lang};

/// The host's policy for grants. The defaults are STIL's five minutes and the library's model
/// choices for hosts that use one-time codes.
///
/// ```
/// use unilogin::credentials::reset::{CodeFormat, ResetPolicy};
/// let strict = ResetPolicy { max_attempts: 3, code_format: CodeFormat::Crockford8, ..ResetPolicy::STIL };
/// assert_eq!(strict.window_minutes, 5);
/// // Out-of-range values are clamped when used.
/// assert_eq!(ResetPolicy { window_minutes: 0, ..ResetPolicy::STIL }.effective().window_minutes, 1);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct ResetPolicy {
    /// How long a grant can be redeemed, in minutes: STIL's Elevadgang gives five
    /// (confidence H). Used within 1–[`ResetPolicy::MAX_WINDOW_MINUTES`].
    pub window_minutes: u32,
    /// How many wrong one-time codes a grant allows; the last one locks it (model choice: 5).
    /// Used within 1–[`ResetPolicy::MAX_ATTEMPTS`].
    pub max_attempts: u32,
    /// The format of generated one-time codes (model choice: six digits).
    pub code_format: CodeFormat,
}

impl ResetPolicy {
    /// STIL's five minutes; five attempts and six-digit codes for hosts that use codes.
    pub const STIL: Self = Self {
        window_minutes: 5,
        max_attempts: 5,
        code_format: CodeFormat::Digits6,
    };

    /// The longest window the library accepts: one hour.
    pub const MAX_WINDOW_MINUTES: u32 = 60;

    /// The most wrong attempts the library accepts.
    pub const MAX_ATTEMPTS: u32 = 20;

    /// The policy with every value clamped to the range the library accepts (this is what
    /// grants are stamped with).
    #[must_use]
    pub fn effective(self) -> Self {
        Self {
            window_minutes: self.window_minutes.clamp(1, Self::MAX_WINDOW_MINUTES),
            max_attempts: self.max_attempts.clamp(1, Self::MAX_ATTEMPTS),
            code_format: self.code_format,
        }
    }
}

impl Default for ResetPolicy {
    fn default() -> Self {
        Self::STIL
    }
}

/// The facts about the person who issues a grant that the rule needs; the host looks them up
/// (the role and class affiliations come from the school's administrative system, the right from
/// Unilogin's user administration).
///
/// ```
/// use unilogin::credentials::reset::Issuer;
/// assert!(Issuer::teacher("lærer-17", true).authorise().is_ok());
/// assert_eq!(Issuer::teacher("lærer-17", false).authorise().unwrap_err().kind().code(), "reset_no_class_affiliation");
/// assert!(Issuer::user_administrator("ba-1").authorise().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Issuer {
    /// The host's identifier for the issuer (e.g. their Unilogin username), kept in the history.
    pub id: String,
    /// Has the role Lærer (from the school's administrative system).
    #[serde(default)]
    pub teacher_role: bool,
    /// Has a class affiliation with this pupil (from the school's administrative system).
    #[serde(default)]
    pub class_affiliation: bool,
    /// Holds the right "Unilogin – Brugeradministrator i ElevAdgang".
    #[serde(default)]
    pub elevadgang_admin_right: bool,
}

impl Issuer {
    /// A person with the role Lærer, with or without a class affiliation with the pupil.
    pub fn teacher(id: impl Into<String>, class_affiliation: bool) -> Self {
        Self {
            id: id.into(),
            teacher_role: true,
            class_affiliation,
            elevadgang_admin_right: false,
        }
    }

    /// A user administrator with the right "Unilogin – Brugeradministrator i ElevAdgang".
    pub fn user_administrator(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            teacher_role: false,
            class_affiliation: false,
            elevadgang_admin_right: true,
        }
    }

    /// Whether this person may issue a grant for the pupil: a user administrator with the right
    /// may; a teacher may with a class affiliation.
    ///
    /// # Errors
    /// `reset_no_class_affiliation` for a teacher without a class affiliation with the pupil;
    /// `reset_not_authorised` for anyone else (no role Lærer and no right).
    pub fn authorise(&self) -> Result<(), ResetError> {
        if self.elevadgang_admin_right || (self.teacher_role && self.class_affiliation) {
            Ok(())
        } else if self.teacher_role {
            Err(ResetError::new(ErrorType::ResetNoClassAffiliation))
        } else {
            Err(ResetError::new(ErrorType::ResetNotAuthorised))
        }
    }
}

/// The pupil a grant is for: their username and grade band. Elevadgang serves pupils in
/// grundskolen, so the band is indskoling, mellemtrin or udskoling.
///
/// Serialises as `{"username": "abcd1234", "group": "mellemtrin"}`; reading also accepts
/// `{"username": …, "grade": 5}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "PupilData")]
pub struct Pupil {
    /// The pupil's Unilogin username.
    pub username: Username,
    /// The pupil's grade band.
    #[serde(rename = "group")]
    pub band: GradeBand,
}

impl Pupil {
    /// A pupil in `band`.
    pub fn new(username: Username, band: GradeBand) -> Self {
        Self { username, band }
    }

    /// A pupil in `grade`.
    pub fn with_grade(username: Username, grade: Grade) -> Self {
        Self::new(username, grade.band())
    }

    /// The user group whose password rules apply.
    pub fn group(self) -> UserGroup {
        match self.band {
            GradeBand::Indskoling => UserGroup::Indskoling,
            GradeBand::Mellemtrin => UserGroup::Mellemtrin,
            GradeBand::Udskoling => UserGroup::Udskoling,
        }
    }

    /// Whether the pupil may choose another password than the one Unilogin assigns after a
    /// reset: mellemtrin and udskoling may, indskoling (picture passwords) may not.
    pub fn may_choose_own(self) -> bool {
        self.band != GradeBand::Indskoling
    }
}

#[derive(Deserialize)]
struct PupilData {
    username: Username,
    #[serde(default)]
    group: Option<GradeBand>,
    #[serde(default)]
    grade: Option<Grade>,
}

impl TryFrom<PupilData> for Pupil {
    type Error = &'static str;
    fn try_from(d: PupilData) -> Result<Self, Self::Error> {
        let band = match (d.group, d.grade) {
            (Some(band), None) => band,
            (None, Some(grade)) => grade.band(),
            (Some(band), Some(grade)) if grade.band() == band => band,
            (Some(_), Some(_)) => return Err("the grade is not in the group"),
            (None, None) => {
                return Err("a pupil needs a group (indskoling, mellemtrin, udskoling) or a grade")
            }
        };
        Ok(Self::new(d.username, band))
    }
}

/// A grant just issued: its id, when it stops being redeemable, and the one-time code if one
/// was made. The code is in this value only; show it to the issuer and drop it.
#[derive(Debug)]
#[non_exhaustive]
pub struct Issued {
    /// The grant.
    pub grant: GrantId,
    /// The first instant at which the grant can no longer be redeemed.
    pub expires_at: DateTime<Utc>,
    /// The one-time code, if the grant has one.
    pub code: Option<OneTimeCode>,
}

/// A successful redemption: whose password is to be reset and what the pupil may do next.
/// [`Redemption::assign_password`] draws the new password; more fields may be added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Redemption {
    /// The grant redeemed.
    pub grant: GrantId,
    /// The pupil.
    pub username: Username,
    /// The pupil's user group (indskoling, mellemtrin or udskoling).
    pub group: UserGroup,
    /// Whether the pupil may then choose another password than the assigned one (mellemtrin
    /// and udskoling: yes; indskoling: no).
    pub may_choose_own: bool,
    /// When it was redeemed.
    pub at: DateTime<Utc>,
}

impl Redemption {
    /// The new password Unilogin assigns the pupil after the redemption: pictures for
    /// indskoling, two compound words for mellemtrin, words and digits for udskoling; drawn with
    /// `rng` (a CSPRNG) so that it avoids the pupil's `names`. The pupil may then choose another
    /// when [`Redemption::may_choose_own`] says so.
    ///
    /// # Errors
    /// [`crate::credentials::assigned::AssignError`] when no candidate passes the group's policy.
    pub fn assign_password(
        &self,
        names: &[&str],
        rng: &mut (impl rand_core::RngCore + rand_core::CryptoRng),
    ) -> Result<
        crate::credentials::assigned::AssignedPassword,
        crate::credentials::assigned::AssignError,
    > {
        crate::credentials::assigned::assign(self.group, names, rng)
    }

    /// The redemption of `grant` for `pupil` at `at`.
    pub fn new(grant: GrantId, pupil: Pupil, at: DateTime<Utc>) -> Self {
        Self {
            grant,
            username: pupil.username,
            group: pupil.group(),
            may_choose_own: pupil.may_choose_own(),
            at,
        }
    }
}

/// Why issuing or redeeming a grant failed: one of the `reset_*` error types (or, when loading
/// stored JSON, `json_invalid` / `unsupported_version` / `history_invalid`). Show [`ResetError::message`] to the
/// issuer and in logs; show the pupil [`ResetError::public_message`], which is the same for
/// every failure. Neither ever contains a code or a hash.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ResetError(FieldError);

impl ResetError {
    pub(crate) fn new(kind: ErrorType) -> Self {
        Self(FieldError::new(kind))
    }

    pub(crate) fn with_ctx(kind: ErrorType, ctx: Ctx) -> Self {
        Self(FieldError::with_ctx(kind, ctx))
    }

    /// The error type, e.g. `reset_expired`.
    pub fn kind(&self) -> ErrorType {
        self.0.kind()
    }

    /// The template values (`minutes` for `reset_expired`, `max_attempts` for
    /// `reset_too_many_attempts`).
    pub fn ctx(&self) -> &Ctx {
        self.0.ctx()
    }

    /// The precise message in `lang`, for the issuer, support staff and logs.
    pub fn message(&self, lang: Lang) -> String {
        self.0.message(lang)
    }

    /// The message to show the pupil at a login page, the same for every failure:
    /// see [`public_message`].
    pub fn public_message(&self, lang: Lang) -> &'static str {
        public_message(lang)
    }

    /// The underlying field error, to place in the shared error shape.
    pub fn field_error(&self) -> &FieldError {
        &self.0
    }
}

impl From<ResetError> for FieldError {
    fn from(e: ResetError) -> Self {
        e.0
    }
}

/// The one message a pupil sees when a reset fails, whatever the reason, so a login page
/// cannot be used to learn whether a grant exists, has expired or was used.
///
/// ```
/// use unilogin::{credentials::reset::public_message, Lang};
/// assert_eq!(public_message(Lang::Da), "Det lykkedes ikke. Bed din lærer om en ny adgangskode.");
/// assert_eq!(public_message(Lang::En), "That did not work. Ask your teacher for a new password.");
/// ```
pub fn public_message(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "Det lykkedes ikke. Bed din lærer om en ny adgangskode.",
        Lang::En => "That did not work. Ask your teacher for a new password.",
    }
}

/// A step of the lifecycle, as named in the state diagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// The teacher or user administrator issues a grant.
    Issue,
    /// The pupil redeems within the window (with the right code, if any).
    Redeem,
    /// A wrong code, below the limit.
    WrongCode,
    /// The wrong code that reaches the limit.
    LastWrongCode,
    /// A newer grant for the same pupil.
    Supersede,
    /// The window ends (time passes; no event).
    WindowEnds,
}

/// Every transition of a grant: (from, action, to); `None` is "before the grant". The
/// `expired` status is derived from time, not stored; every other state is derived from events.
pub const TRANSITIONS: [(Option<GrantStatus>, Action, GrantStatus); 7] = [
    (None, Action::Issue, GrantStatus::Valid),
    (
        Some(GrantStatus::Valid),
        Action::Redeem,
        GrantStatus::Redeemed,
    ),
    (
        Some(GrantStatus::Valid),
        Action::WrongCode,
        GrantStatus::Valid,
    ),
    (
        Some(GrantStatus::Valid),
        Action::LastWrongCode,
        GrantStatus::Locked,
    ),
    (
        Some(GrantStatus::Valid),
        Action::Supersede,
        GrantStatus::Superseded,
    ),
    (
        Some(GrantStatus::Valid),
        Action::WindowEnds,
        GrantStatus::Expired,
    ),
    (
        Some(GrantStatus::Expired),
        Action::Supersede,
        GrantStatus::Superseded,
    ),
];

/// The lifecycle of a grant as a Mermaid state diagram, generated from [`TRANSITIONS`].
///
/// ```
/// let diagram = unilogin::credentials::reset::state_diagram(unilogin::Lang::En);
/// assert!(diagram.contains("valid --> redeemed: pupil redeems"));
/// ```
pub fn state_diagram(lang: Lang) -> String {
    let action = |a: Action| match (a, lang) {
        (Action::Issue, Lang::Da) => "læreren giver ny adgangskode",
        (Action::Redeem, Lang::Da) => "eleven indløser",
        (Action::WrongCode, Lang::Da) => "forkert kode",
        (Action::LastWrongCode, Lang::Da) => "sidste forkerte kode",
        (Action::Supersede, Lang::Da) => "der gives en nyere",
        (Action::WindowEnds, Lang::Da) => "tiden løber ud",
        (Action::Issue, Lang::En) => "teacher issues",
        (Action::Redeem, Lang::En) => "pupil redeems",
        (Action::WrongCode, Lang::En) => "wrong code",
        (Action::LastWrongCode, Lang::En) => "last wrong code",
        (Action::Supersede, Lang::En) => "newer grant issued",
        (Action::WindowEnds, Lang::En) => "window ends",
    };
    let mut out = String::from("stateDiagram-v2\n");
    // States are named by their stable keys; a label in another wording is declared first.
    for status in GrantStatus::ALL {
        let term = status.term();
        if status != GrantStatus::NotYetValid && term.text(lang) != term.key {
            let _ = writeln!(out, "    state \"{}\" as {}", term.text(lang), term.key);
        }
    }
    for (from, act, to) in TRANSITIONS {
        let from = from.map_or("[*]", |s| s.term().key);
        let _ = writeln!(out, "    {from} --> {}: {}", to.term().key, action(act));
    }
    for state in [
        GrantStatus::Redeemed,
        GrantStatus::Locked,
        GrantStatus::Superseded,
    ] {
        let _ = writeln!(out, "    {} --> [*]", state.term().key);
    }
    out
}

impl fmt::Display for GrantStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.term().key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn who_may_issue() {
        let cases = [
            ((true, true, false), None),
            (
                (true, false, false),
                Some(ErrorType::ResetNoClassAffiliation),
            ),
            ((false, true, false), Some(ErrorType::ResetNotAuthorised)),
            ((false, false, false), Some(ErrorType::ResetNotAuthorised)),
            ((false, false, true), None),
            ((true, false, true), None),
        ];
        for ((teacher_role, class_affiliation, elevadgang_admin_right), want) in cases {
            let issuer = Issuer {
                id: "x".into(),
                teacher_role,
                class_affiliation,
                elevadgang_admin_right,
            };
            assert_eq!(
                issuer.authorise().err().map(|e| e.kind()),
                want,
                "{issuer:?}"
            );
        }
    }

    #[test]
    fn pupils_read_from_group_or_grade() {
        let p: Pupil = serde_json::from_str(r#"{"username": "ABCD1234", "grade": 3}"#).unwrap();
        assert_eq!(p.band, GradeBand::Indskoling);
        assert!(!p.may_choose_own());
        let p: Pupil =
            serde_json::from_str(r#"{"username": "abcd1234", "group": "udskoling"}"#).unwrap();
        assert_eq!(p.group(), UserGroup::Udskoling);
        assert_eq!(
            serde_json::to_value(p).unwrap(),
            serde_json::json!({"username": "abcd1234", "group": "udskoling"})
        );
        for bad in [
            r#"{"username": "abcd1234"}"#,
            r#"{"username": "abcd1234", "group": "employee"}"#,
            r#"{"username": "abcd1234", "group": "indskoling", "grade": 7}"#,
            r#"{"username": "abc", "grade": 7}"#,
        ] {
            assert!(serde_json::from_str::<Pupil>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn policy_is_clamped() {
        let p = ResetPolicy {
            window_minutes: 1000,
            max_attempts: 0,
            code_format: CodeFormat::Crockford8,
        }
        .effective();
        assert_eq!((p.window_minutes, p.max_attempts), (60, 1));
        assert_eq!(ResetPolicy::default(), ResetPolicy::STIL);
    }
}
