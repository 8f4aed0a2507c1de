//! The append-only history of reset grants and the commands that extend it.

use chrono::{DateTime, Duration, Utc};
use rand_core::{CryptoRng, RngCore};
use serde::{Deserialize, Serialize};

use super::code::{spend_comparison, CodeHash, OneTimeCode};
use super::keys::Keyring;
use super::{Issued, Issuer, Pupil, Redemption, ResetError, ResetPolicy};
use crate::history::{self, Replay, Stored};
use crate::people::Username;
use crate::{Ctx, ErrorType, FieldError, Term};

/// The JSON format version written by [`GrantStore`] and the highest one it reads. Version 2
/// added keyed code hashes and `latest`; version 1 stores (unkeyed) still load.
pub const STORE_VERSION: u32 = 2;

/// The id of one grant: 1, 2, 3, … in issue order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct GrantId(pub u64);

impl std::fmt::Display for GrantId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The state of a grant as derived from the events alone (time not considered).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GrantState {
    /// Issued and neither redeemed, locked nor superseded (it may still have expired).
    Open,
    /// Redeemed: a grant is used once.
    Redeemed,
    /// Too many wrong one-time codes: the grant can no longer be redeemed.
    Locked,
    /// A newer grant for the same pupil was issued while this one was open.
    Superseded,
}

/// The status of a grant at a given time: its [`GrantState`] with the window applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GrantStatus {
    /// Open, but the time lies before the grant was issued.
    NotYetValid,
    /// Open and within its window: redeemable.
    Valid,
    /// Open, but the window has ended.
    Expired,
    /// Redeemed.
    Redeemed,
    /// Locked after too many wrong codes.
    Locked,
    /// Superseded by a newer grant.
    Superseded,
}

impl GrantStatus {
    /// Every status.
    pub const ALL: [Self; 6] = [
        Self::NotYetValid,
        Self::Valid,
        Self::Expired,
        Self::Redeemed,
        Self::Locked,
        Self::Superseded,
    ];

    /// The status as a term: "gyldig" / "valid", and so on.
    pub fn term(self) -> &'static Term {
        match self {
            Self::NotYetValid => &Term {
                key: "not_yet_valid",
                da: "ikke gyldig endnu",
                en: "not yet valid",
            },
            Self::Valid => &Term {
                key: "valid",
                da: "gyldig",
                en: "valid",
            },
            Self::Expired => &Term {
                key: "expired",
                da: "udløbet",
                en: "expired",
            },
            Self::Redeemed => &Term {
                key: "redeemed",
                da: "indløst",
                en: "redeemed",
            },
            Self::Locked => &Term {
                key: "locked",
                da: "låst",
                en: "locked",
            },
            Self::Superseded => &Term {
                key: "superseded",
                da: "erstattet",
                en: "superseded",
            },
        }
    }
}

/// What happened in one event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum EventKind {
    /// A grant was issued; it supersedes every open grant for the same pupil.
    Issued {
        /// The pupil.
        pupil: Pupil,
        /// Who issued it, with the facts that authorised them.
        issuer: Issuer,
        /// The window in minutes, stamped from the policy in force.
        window_minutes: u32,
        /// The hashed one-time code, if the grant has one.
        #[serde(default)]
        code: Option<CodeHash>,
    },
    /// A wrong one-time code was entered within the window (the entry itself is not kept).
    WrongCode,
    /// The grant was redeemed within the window.
    Redeemed,
}

/// One entry of the history: what happened to which grant, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// The grant.
    pub grant: GrantId,
    /// When (supplied by the host; the library never reads a clock).
    pub at: DateTime<Utc>,
    /// What happened.
    #[serde(flatten)]
    pub kind: EventKind,
}

/// One grant as derived from the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Grant {
    /// The id.
    pub id: GrantId,
    /// The pupil.
    pub pupil: Pupil,
    /// Who issued it.
    pub issuer: Issuer,
    /// When it was issued: the first instant it can be redeemed.
    pub issued_at: DateTime<Utc>,
    /// The first instant it can no longer be redeemed: `issued_at` + the window.
    pub expires_at: DateTime<Utc>,
    /// The window in minutes.
    pub window_minutes: u32,
    /// The state derived from the events.
    pub state: GrantState,
    /// Wrong one-time codes entered so far.
    pub wrong_attempts: u32,
    /// The grant that superseded this one, if any.
    pub superseded_by: Option<GrantId>,
    /// Positions of this grant's events in [`GrantStore::events`], oldest first.
    pub history: Vec<usize>,
    #[serde(skip)]
    code: Option<CodeHash>,
}

impl Grant {
    /// Whether the grant has a one-time code.
    pub fn has_code(&self) -> bool {
        self.code.is_some()
    }

    /// Whether the grant's one-time code is stored keyed with a host secret (`None` without a
    /// code). An unkeyed code (a store without a key, or one written before keys) can be
    /// brute-forced offline by anyone who reads the stored grants.
    pub fn code_is_keyed(&self) -> Option<bool> {
        self.code.as_ref().map(CodeHash::is_keyed)
    }

    /// How many wrong codes the grant allows, if it has a code.
    pub fn max_attempts(&self) -> Option<u32> {
        self.code.as_ref().map(CodeHash::max_attempts)
    }

    /// The status at `at`: the window is half-open, `[issued_at, expires_at)`.
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use unilogin::credentials::reset::{GrantStatus, GrantStore, Issuer, Pupil};
    /// use unilogin::people::{GradeBand, Username};
    /// let mut store = GrantStore::new();
    /// let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
    /// let pupil = Pupil::new(Username::parse("abcd1234")?, GradeBand::Indskoling);
    /// let id = store.issue(&Issuer::teacher("t", true), &pupil, at)?.grant;
    /// let grant = store.grant(id)?;
    /// assert_eq!(grant.status(at - Duration::seconds(1)), GrantStatus::NotYetValid);
    /// assert_eq!(grant.status(at + Duration::seconds(299)), GrantStatus::Valid);
    /// assert_eq!(grant.status(at + Duration::minutes(5)), GrantStatus::Expired);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn status(&self, at: DateTime<Utc>) -> GrantStatus {
        match self.state {
            GrantState::Redeemed => GrantStatus::Redeemed,
            GrantState::Locked => GrantStatus::Locked,
            GrantState::Superseded => GrantStatus::Superseded,
            GrantState::Open if at < self.issued_at => GrantStatus::NotYetValid,
            GrantState::Open if at >= self.expires_at => GrantStatus::Expired,
            GrantState::Open => GrantStatus::Valid,
        }
    }

    /// `Ok` if the grant can be redeemed at `at`, otherwise the reason.
    fn check_redeemable(&self, at: DateTime<Utc>) -> Result<(), ResetError> {
        match self.status(at) {
            GrantStatus::Valid => Ok(()),
            GrantStatus::NotYetValid => Err(ResetError::new(ErrorType::ResetNotYetValid)),
            GrantStatus::Expired => Err(ResetError::with_ctx(
                ErrorType::ResetExpired,
                Ctx::new().with("minutes", i64::from(self.window_minutes)),
            )),
            GrantStatus::Redeemed => Err(ResetError::new(ErrorType::ResetUsed)),
            GrantStatus::Locked => Err(too_many_attempts(self.max_attempts().unwrap_or(0))),
            GrantStatus::Superseded => Err(ResetError::new(ErrorType::ResetSuperseded)),
        }
    }
}

fn too_many_attempts(max_attempts: u32) -> ResetError {
    ResetError::with_ctx(
        ErrorType::ResetTooManyAttempts,
        Ctx::new().with("max_attempts", i64::from(max_attempts)),
    )
}

fn no_grant() -> ResetError {
    ResetError::new(ErrorType::ResetNoGrant)
}

fn json_invalid(reason: String) -> ResetError {
    ResetError(history::json_invalid(reason))
}

/// Every grant and its append-only history. Serialises as `{"version": 2, "latest": …,
/// "events": […]}` (the shared history envelope); deserialising replays the events through the
/// same rules, so a stored history that breaks them is refused. One-time codes are stored only
/// as salted hashes, keyed with the host's secret when the store has a [`Keyring`] (the keys
/// are never stored with the grants).
///
/// Every call is in time order: an event, or a redemption refused without one, may not be
/// dated before the last event or refused redemption (`event_out_of_order`), so a clock set
/// back cannot reopen a window a refusal has already seen closed. `latest` is the time of a
/// refusal after the last event, if any.
///
/// Each grant is stamped with the window and attempt limit of the policy in force when it was
/// issued, so changing the policy later neither re-judges the history nor changes open grants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantStore {
    events: Vec<Event>,
    grants: Vec<Grant>,
    policy: ResetPolicy,
    latest: Option<DateTime<Utc>>,
    keys: Keyring,
}

/// The owner's fields of the stored form.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Fields<E> {
    /// The time of a refused redemption after the last event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    latest: Option<DateTime<Utc>>,
    /// The events, oldest first.
    events: E,
}

impl Serialize for GrantStore {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.stored().serialize(s)
    }
}

impl<'de> Deserialize<'de> for GrantStore {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        history::deserialize(d, STORE_VERSION, Self::from_fields)
    }
}

impl Replay<Event> for GrantStore {
    fn apply_event(&mut self, event: Event) -> Result<(), FieldError> {
        self.apply(event).map_err(FieldError::from)
    }
}

impl Default for GrantStore {
    fn default() -> Self {
        Self::new()
    }
}

impl GrantStore {
    /// An empty store with STIL's policy.
    pub fn new() -> Self {
        Self::with_policy(ResetPolicy::STIL)
    }

    /// An empty store with `policy` (clamped: [`ResetPolicy::effective`]).
    pub fn with_policy(policy: ResetPolicy) -> Self {
        Self {
            events: Vec::new(),
            grants: Vec::new(),
            policy: policy.effective(),
            latest: None,
            keys: Keyring::default(),
        }
    }

    /// The policy in force for new grants, as enforced: every value clamped to the range the
    /// library accepts.
    ///
    /// ```
    /// use unilogin::credentials::reset::{GrantStore, ResetPolicy};
    /// let store = GrantStore::with_policy(ResetPolicy { window_minutes: 1000, ..ResetPolicy::STIL });
    /// assert_eq!(store.policy().window_minutes, 60);
    /// ```
    pub fn policy(&self) -> ResetPolicy {
        self.policy
    }

    /// Sets the policy for future grants (clamped; grants already issued keep their stamped
    /// values).
    pub fn set_policy(&mut self, policy: ResetPolicy) {
        self.policy = policy.effective();
    }

    /// Sets the keys: new one-time codes are keyed with the current key, codes stored with an
    /// older key are verified with it. Give the keys again after loading a store: they are never
    /// stored with it.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use rand_core::OsRng;
    /// use unilogin::credentials::reset::{CodeKey, GrantStore, Issuer, Keyring, Pupil};
    /// use unilogin::people::{GradeBand, Username};
    /// let secret = [42_u8; 32]; // the host's secret, e.g. from its secret store
    /// let mut store = GrantStore::new();
    /// store.set_keys(Keyring::new(CodeKey::new("2026-11", &secret)?));
    /// let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
    /// let pupil = Pupil::new(Username::parse("abcd1234")?, GradeBand::Udskoling);
    /// let issued = store.issue_with_code(&Issuer::teacher("t", true), &pupil, at, &mut OsRng)?;
    /// assert_eq!(store.grant(issued.grant)?.code_is_keyed(), Some(true));
    /// assert!(!store.to_json().contains("\"sha256\""));
    ///
    /// let mut loaded = GrantStore::from_json(&store.to_json())?;
    /// loaded.set_keys(Keyring::new(CodeKey::new("2026-12", &[7; 32])?).with_old(CodeKey::new("2026-11", &secret)?));
    /// assert!(loaded.redeem(&pupil.username, Some(issued.code.unwrap().reveal()), at).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_keys(&mut self, keys: Keyring) {
        self.keys = keys;
    }

    /// This store with `keys` (see [`GrantStore::set_keys`]).
    #[must_use]
    pub fn with_keys(mut self, keys: Keyring) -> Self {
        self.set_keys(keys);
        self
    }

    /// Whether new one-time codes are keyed (the store has a current key). Without a key they
    /// are stored as salted SHA-256, which is weaker: see [`Grant::code_is_keyed`].
    pub fn is_keyed(&self) -> bool {
        self.keys.current().is_some()
    }

    /// The grants whose one-time code is stored unkeyed (weaker: brute-forceable offline from
    /// the stored grants), oldest first.
    pub fn unkeyed_codes(&self) -> Vec<GrantId> {
        self.grants
            .iter()
            .filter(|g| g.code_is_keyed() == Some(false))
            .map(|g| g.id)
            .collect()
    }

    /// Every event, oldest first.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Every grant, in id order.
    pub fn grants(&self) -> &[Grant] {
        &self.grants
    }

    /// The grant with `id`.
    ///
    /// # Errors
    /// `reset_no_grant`.
    pub fn grant(&self, id: GrantId) -> Result<&Grant, ResetError> {
        Self::index(id)
            .and_then(|i| self.grants.get(i))
            .ok_or_else(no_grant)
    }

    /// The newest grant for `username`, whatever its state.
    pub fn latest(&self, username: &Username) -> Option<&Grant> {
        self.grants
            .iter()
            .rev()
            .find(|g| g.pupil.username == *username)
    }

    /// The events of grant `id`, oldest first.
    ///
    /// # Errors
    /// `reset_no_grant`.
    pub fn history(&self, id: GrantId) -> Result<Vec<&Event>, ResetError> {
        let grant = self.grant(id)?;
        Ok(grant
            .history
            .iter()
            .filter_map(|&i| self.events.get(i))
            .collect())
    }

    /// Issues a grant the pupil redeems with their username alone (STIL's Elevadgang).
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use unilogin::credentials::reset::{GrantStore, Issuer, Pupil};
    /// use unilogin::people::{GradeBand, Username};
    /// let mut store = GrantStore::new();
    /// let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
    /// let pupil = Pupil::new(Username::parse("abcd1234")?, GradeBand::Mellemtrin);
    /// let issued = store.issue(&Issuer::user_administrator("ba-1"), &pupil, at)?;
    /// assert_eq!(issued.expires_at, Utc.with_ymd_and_hms(2026, 11, 2, 9, 5, 0).unwrap());
    /// assert!(issued.code.is_none());
    ///
    /// let no_class = Issuer::teacher("lærer-17", false);
    /// assert_eq!(store.issue(&no_class, &pupil, at).unwrap_err().kind().code(), "reset_no_class_affiliation");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// `reset_no_class_affiliation` for a teacher without a class affiliation with the pupil,
    /// `reset_not_authorised` for someone who is neither teacher nor user administrator with
    /// the ElevAdgang right, `event_out_of_order` for a time before the store's last event or
    /// refused redemption, `time_out_of_range` when the time or the end of the window lies
    /// outside the years 1–9999. Nothing is recorded then: a failed issue changes nothing (an
    /// older grant stays open, with its code).
    pub fn issue(
        &mut self,
        issuer: &Issuer,
        pupil: &Pupil,
        at: DateTime<Utc>,
    ) -> Result<Issued, ResetError> {
        self.issue_inner(issuer, pupil, at, None)
    }

    /// Issues a grant with a fresh one-time code of the policy's format from `rng`; the code
    /// is in the result only (show it to the issuer), the store keeps a salted hash, keyed with
    /// the current key if the store has one ([`GrantStore::set_keys`]).
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use rand_core::OsRng;
    /// use unilogin::credentials::reset::{GrantStore, Issuer, Pupil};
    /// use unilogin::people::{GradeBand, Username};
    /// let mut store = GrantStore::new();
    /// let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
    /// let pupil = Pupil::new(Username::parse("abcd1234")?, GradeBand::Udskoling);
    /// let issued = store.issue_with_code(&Issuer::teacher("t", true), &pupil, at, &mut OsRng)?;
    /// let code = issued.code.unwrap();
    /// assert!(!store.to_json().contains(code.reveal()));
    /// let later = at + Duration::minutes(1);
    /// assert_eq!(store.redeem(&pupil.username, Some("not it"), later).unwrap_err().kind().code(), "reset_wrong_code");
    /// assert!(store.redeem(&pupil.username, Some(code.reveal()), later).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`GrantStore::issue`].
    pub fn issue_with_code(
        &mut self,
        issuer: &Issuer,
        pupil: &Pupil,
        at: DateTime<Utc>,
        rng: &mut (impl RngCore + CryptoRng),
    ) -> Result<Issued, ResetError> {
        issuer.authorise()?;
        let code = OneTimeCode::generate(self.policy.code_format, rng);
        self.issue_with_given_code(issuer, pupil, code, at, rng)
    }

    /// Issues a grant with a one-time code the caller supplies (for deterministic tests and the
    /// shared vectors, or a host that makes codes elsewhere); `rng` provides the salt. The code
    /// keeps its own format, whatever the policy's.
    ///
    /// # Errors
    /// As [`GrantStore::issue`].
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use rand_core::OsRng;
    /// use unilogin::credentials::reset::{CodeFormat, GrantStore, Issuer, OneTimeCode, Pupil};
    /// use unilogin::people::{GradeBand, Username};
    /// let mut store = GrantStore::new();
    /// let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
    /// let pupil = Pupil::new(Username::parse("abcd1234")?, GradeBand::Mellemtrin);
    /// let code = || OneTimeCode::parse(CodeFormat::Crockford8, "7KQM-2XWD").unwrap();
    /// let issued = store.issue_with_given_code(&Issuer::teacher("t", true), &pupil, code(), at, &mut OsRng)?;
    /// assert_eq!(issued.code.unwrap().reveal(), "7KQM2XWD");
    /// let nobody = Issuer { id: "x".into(), teacher_role: false, class_affiliation: false, elevadgang_admin_right: false };
    /// let err = store.issue_with_given_code(&nobody, &pupil, code(), at, &mut OsRng).unwrap_err();
    /// assert_eq!(err.kind().code(), "reset_not_authorised");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn issue_with_given_code(
        &mut self,
        issuer: &Issuer,
        pupil: &Pupil,
        code: OneTimeCode,
        at: DateTime<Utc>,
        rng: &mut (impl RngCore + CryptoRng),
    ) -> Result<Issued, ResetError> {
        issuer.authorise()?;
        let max_attempts = self.policy.effective().max_attempts;
        let hash = CodeHash::new(&code, max_attempts, self.keys.current(), rng);
        let mut result = self.issue_inner(issuer, pupil, at, Some(hash))?;
        result.code = Some(code);
        Ok(result)
    }

    fn issue_inner(
        &mut self,
        issuer: &Issuer,
        pupil: &Pupil,
        at: DateTime<Utc>,
        code: Option<CodeHash>,
    ) -> Result<Issued, ResetError> {
        let grant = self.next_id();
        self.apply(Event {
            grant,
            at,
            kind: EventKind::Issued {
                pupil: *pupil,
                issuer: issuer.clone(),
                window_minutes: self.policy.effective().window_minutes,
                code,
            },
        })?;
        let expires_at = self.grant(grant)?.expires_at;
        Ok(Issued {
            grant,
            expires_at,
            code: None,
        })
    }

    /// The pupil enters their username (and the one-time code, if the host shows one) at `at`:
    /// redeems the newest grant for the username. On success the host assigns a new password.
    ///
    /// A wrong or missing code for a grant that has one counts as a wrong attempt (recorded);
    /// the attempt that reaches the limit locks the grant. A code that belongs to an older
    /// grant of the same pupil is recognised and refused with that grant's state (superseded,
    /// used, locked) without counting. A code given for a grant without one is ignored.
    ///
    /// # Errors
    /// Checked in this order: `event_out_of_order` / `time_out_of_range` (`at` before the
    /// store's last event or refused redemption, so also before the grant was issued, or not
    /// storable; nothing is recorded), then `reset_no_grant` (no grant for the username); then
    /// for the newest grant `reset_used`, `reset_too_many_attempts`, `reset_expired` (`at` at
    /// or after the end of the window); then the
    /// code: `reset_superseded` (an older grant's code), `reset_wrong_code`, or
    /// `reset_too_many_attempts` for the wrong code that reaches the limit, `reset_key_unknown`
    /// for a code keyed with a key the store's keyring does not hold (not counted). Every
    /// refusal after the order check keeps its time, so a later call cannot be dated before it.
    /// Show the pupil [`ResetError::public_message`] only.
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};
    /// use unilogin::credentials::reset::{CodeFormat, GrantStore, Issuer, OneTimeCode, Pupil};
    /// use unilogin::people::{Grade, Username};
    /// let mut store = GrantStore::new();
    /// let mut rng = ChaCha20Rng::seed_from_u64(1);
    /// let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
    /// let pupil = Pupil::with_grade(Username::parse("abcd1234")?, Grade::new(2)?);
    /// let code = OneTimeCode::parse(CodeFormat::Digits6, "482915").unwrap();
    /// store.issue_with_given_code(&Issuer::teacher("t", true), &pupil, code, at, &mut rng)?;
    ///
    /// let stranger = Username::parse("zzzz0000")?;
    /// assert_eq!(store.redeem(&stranger, None, at).unwrap_err().kind().code(), "reset_no_grant");
    /// let done = store.redeem(&pupil.username, Some("482 915"), at + Duration::minutes(1))?;
    /// assert_eq!((done.group.key(), done.may_choose_own), ("indskoling", false));
    /// // A clock set back is refused, whatever else is wrong.
    /// let err = store.redeem(&pupil.username, Some("482915"), at).unwrap_err();
    /// assert_eq!(err.kind().code(), "event_out_of_order");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn redeem(
        &mut self,
        username: &Username,
        code: Option<&str>,
        at: DateTime<Utc>,
    ) -> Result<Redemption, ResetError> {
        if let Err(e) = self.observe(at) {
            spend(code);
            return Err(e);
        }
        let Some(id) = self.latest(username).map(|g| g.id) else {
            spend(code);
            return Err(no_grant());
        };
        self.redeem_checked(id, code, at, true)
    }

    /// Redeems one particular grant (for a host that keeps the grant id, e.g. in a link), for
    /// the pupil `username`.
    ///
    /// # Errors
    /// `event_out_of_order`, `time_out_of_range` (as for [`GrantStore::redeem`]),
    /// `reset_no_grant` (no such grant for this username), `reset_superseded` (a newer grant was
    /// issued), `reset_used`, `reset_too_many_attempts`, `reset_expired`, `reset_wrong_code`,
    /// `reset_key_unknown`.
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use unilogin::credentials::reset::{GrantStore, Issuer, Pupil};
    /// use unilogin::people::{GradeBand, Username};
    /// let mut store = GrantStore::new();
    /// let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
    /// let pupil = Pupil::new(Username::parse("abcd1234")?, GradeBand::Udskoling);
    /// let first = store.issue(&Issuer::teacher("t", true), &pupil, at)?.grant;
    /// let second = store.issue(&Issuer::user_administrator("a"), &pupil, at + Duration::minutes(1))?.grant;
    /// let later = at + Duration::minutes(2);
    /// let err = store.redeem_grant(first, &pupil.username, None, later).unwrap_err();
    /// assert_eq!(err.kind().code(), "reset_superseded");
    /// assert_eq!(store.redeem_grant(second, &pupil.username, None, later)?.grant, second);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn redeem_grant(
        &mut self,
        id: GrantId,
        username: &Username,
        code: Option<&str>,
        at: DateTime<Utc>,
    ) -> Result<Redemption, ResetError> {
        if let Err(e) = self.observe(at) {
            spend(code);
            return Err(e);
        }
        match self.grant(id) {
            Ok(g) if g.pupil.username == *username => self.redeem_checked(id, code, at, false),
            _ => {
                spend(code);
                Err(no_grant())
            }
        }
    }

    fn redeem_checked(
        &mut self,
        id: GrantId,
        code: Option<&str>,
        at: DateTime<Utc>,
        recognise_older: bool,
    ) -> Result<Redemption, ResetError> {
        let grant = self.grant(id)?;
        if let Err(e) = grant.check_redeemable(at) {
            spend(code);
            return Err(e);
        }
        let pupil = grant.pupil;
        if let Some(hash) = &grant.code {
            let right = match code {
                Some(c) => hash.matches(c, &self.keys)?,
                None => false,
            };
            if !right {
                if let (true, Some(entered)) = (recognise_older, code) {
                    if let Some(older) = self.grants.iter().find(|g| {
                        g.id < id
                            && g.pupil.username == pupil.username
                            && g.code
                                .as_ref()
                                .is_some_and(|h| h.matches(entered, &self.keys).unwrap_or(false))
                    }) {
                        return Err(older
                            .check_redeemable(at)
                            .err()
                            .unwrap_or_else(|| ResetError::new(ErrorType::ResetSuperseded)));
                    }
                }
                self.apply(Event {
                    grant: id,
                    at,
                    kind: EventKind::WrongCode,
                })?;
                let grant = self.grant(id)?;
                return Err(if grant.state == GrantState::Locked {
                    too_many_attempts(grant.max_attempts().unwrap_or(0))
                } else {
                    ResetError::new(ErrorType::ResetWrongCode)
                });
            }
        }
        self.apply(Event {
            grant: id,
            at,
            kind: EventKind::Redeemed,
        })?;
        Ok(Redemption::new(id, pupil, at))
    }

    /// Rebuilds a store from a history, applying every event through the same rules as the
    /// commands (the issuer's facts, single use, the window, the attempt limit; whether a
    /// redeemed grant's code was right cannot be re-checked, as only its hash is kept).
    ///
    /// # Errors
    /// `history_invalid` naming the first event that breaks a rule (`index`) and why (`reason`:
    /// the rule's code, e.g. `reset_used` or `event_out_of_order` for an event dated before the
    /// one before it, or what is wrong with the event, e.g. `grant 3 is not the next id 1`).
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use unilogin::credentials::reset::{GrantStore, Issuer, Pupil};
    /// use unilogin::people::{GradeBand, Username};
    /// let mut store = GrantStore::new();
    /// let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
    /// let pupil = Pupil::new(Username::parse("abcd1234")?, GradeBand::Mellemtrin);
    /// store.issue(&Issuer::teacher("t", true), &pupil, at)?;
    /// store.redeem(&pupil.username, None, at)?;
    /// assert_eq!(GrantStore::replay(store.events().to_vec())?.grants(), store.grants());
    ///
    /// let mut twice = store.events().to_vec();
    /// twice.push(twice[1].clone());
    /// assert_eq!(GrantStore::replay(twice).unwrap_err().kind().code(), "history_invalid");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn replay(events: impl IntoIterator<Item = Event>) -> Result<Self, ResetError> {
        history::replay(Self::new(), events).map_err(ResetError)
    }

    /// Loads a store from its JSON form, replaying the history.
    ///
    /// ```
    /// use unilogin::credentials::reset::GrantStore;
    /// let store = GrantStore::from_json(r#"{"version": 1, "events": []}"#)?;
    /// assert!(store.grants().is_empty());
    /// let err = GrantStore::from_json(r#"{"version": 3, "events": []}"#).unwrap_err();
    /// assert_eq!(err.kind().code(), "unsupported_version");
    /// # Ok::<(), unilogin::credentials::reset::ResetError>(())
    /// ```
    ///
    /// The store has no keys and STIL's policy: give them with [`GrantStore::set_keys`] and
    /// [`GrantStore::set_policy`].
    ///
    /// # Errors
    /// `json_invalid` for malformed JSON, `unsupported_version` for a version other than 1 or 2,
    /// `history_invalid` for a history that breaks the rules (also a `latest` before the last
    /// event: its `index` is the number of events).
    pub fn from_json(json: &str) -> Result<Self, ResetError> {
        history::load(json, STORE_VERSION)
            .map_err(ResetError)
            .and_then(Self::from_fields)
    }

    fn from_fields(fields: Fields<Vec<Event>>) -> Result<Self, ResetError> {
        let count = fields.events.len();
        let mut store = Self::replay(fields.events)?;
        if let Some(latest) = fields.latest {
            store
                .observe(latest)
                .map_err(|e| ResetError(history::broken(count, &e.0)))?;
        }
        Ok(store)
    }

    fn stored(&self) -> Stored<Fields<&[Event]>> {
        Stored::new(
            STORE_VERSION,
            Fields {
                latest: self.latest,
                events: &self.events,
            },
        )
    }

    /// The JSON form: `{"version": 2, "events": […]}`, with `"latest"` after the version when a
    /// redemption was refused after the last event.
    pub fn to_json(&self) -> String {
        self.stored().to_json()
    }

    fn index(id: GrantId) -> Option<usize> {
        usize::try_from(id.0).ok()?.checked_sub(1)
    }

    fn next_id(&self) -> GrantId {
        GrantId(
            u64::try_from(self.grants.len())
                .unwrap_or(u64::MAX)
                .saturating_add(1),
        )
    }

    /// The last time the store has been told of: its last event or a redemption refused after
    /// it. A call dated before it is refused (`event_out_of_order`).
    pub fn last_time(&self) -> Option<DateTime<Utc>> {
        self.events.last().map(|e| e.at).max(self.latest)
    }

    /// `Ok` if a call at `at` may follow: storable, and not before the last time.
    fn check_time(&self, at: DateTime<Utc>) -> Result<(), ResetError> {
        history::check_storable(at)
            .and_then(|()| history::check_order(self.last_time(), at))
            .map_err(ResetError)
    }

    /// Checks the time of a redemption and remembers it, so no later call goes back before it.
    fn observe(&mut self, at: DateTime<Utc>) -> Result<(), ResetError> {
        self.check_time(at)?;
        if self.events.last().is_none_or(|e| e.at < at) {
            self.latest = Some(at);
        }
        Ok(())
    }

    /// The one place where the rules of the lifecycle live: checks `event` against the current
    /// state, then appends it and updates the derived grants. Every check comes before the first
    /// change, so an event that is refused changes nothing.
    fn apply(&mut self, event: Event) -> Result<(), ResetError> {
        self.check_time(event.at)?;
        let position = self.events.len();
        match &event.kind {
            EventKind::Issued {
                pupil,
                issuer,
                window_minutes,
                code,
            } => {
                if event.grant != self.next_id() {
                    return Err(json_invalid(format!(
                        "grant {} is not the next id {}",
                        event.grant,
                        self.next_id()
                    )));
                }
                if !(1..=ResetPolicy::MAX_WINDOW_MINUTES).contains(window_minutes) {
                    return Err(json_invalid(format!(
                        "window_minutes {window_minutes} is outside 1–{}",
                        ResetPolicy::MAX_WINDOW_MINUTES
                    )));
                }
                if let Some(max) = code.as_ref().map(CodeHash::max_attempts) {
                    if !(1..=ResetPolicy::MAX_ATTEMPTS).contains(&max) {
                        return Err(json_invalid(format!(
                            "max_attempts {max} is outside 1–{}",
                            ResetPolicy::MAX_ATTEMPTS
                        )));
                    }
                }
                issuer.authorise()?;
                let expires_at = event
                    .at
                    .checked_add_signed(Duration::minutes(i64::from(*window_minutes)))
                    .unwrap_or(DateTime::<Utc>::MAX_UTC);
                history::check_storable(expires_at).map_err(ResetError)?;
                for older in &mut self.grants {
                    if older.pupil.username == pupil.username && older.state == GrantState::Open {
                        older.state = GrantState::Superseded;
                        older.superseded_by = Some(event.grant);
                    }
                }
                self.grants.push(Grant {
                    id: event.grant,
                    pupil: *pupil,
                    issuer: issuer.clone(),
                    issued_at: event.at,
                    expires_at,
                    window_minutes: *window_minutes,
                    state: GrantState::Open,
                    wrong_attempts: 0,
                    superseded_by: None,
                    history: vec![position],
                    code: code.clone(),
                });
            }
            EventKind::WrongCode | EventKind::Redeemed => {
                let index = Self::index(event.grant).ok_or_else(no_grant)?;
                let grant = self.grants.get_mut(index).ok_or_else(no_grant)?;
                grant.check_redeemable(event.at)?;
                if event.kind == EventKind::Redeemed {
                    grant.state = GrantState::Redeemed;
                } else {
                    let max = grant.max_attempts().ok_or_else(|| {
                        json_invalid(format!("grant {} has no code to get wrong", event.grant))
                    })?;
                    grant.wrong_attempts = grant.wrong_attempts.saturating_add(1);
                    if grant.wrong_attempts >= max {
                        grant.state = GrantState::Locked;
                    }
                }
                grant.history.push(position);
            }
        }
        self.events.push(event);
        self.latest = None;
        Ok(())
    }
}

/// Hashes the entered code, if any, against nothing, so failures that need no comparison take
/// about as long as a wrong code.
fn spend(code: Option<&str>) {
    if let Some(entered) = code {
        spend_comparison(entered);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::GradeBand;
    use chrono::TimeZone;
    use rand_chacha::rand_core::SeedableRng;
    use rand_chacha::ChaCha20Rng;

    fn t(min: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap() + Duration::minutes(min)
    }

    fn pupil(name: &str, band: GradeBand) -> Pupil {
        Pupil::new(Username::parse(name).unwrap(), band)
    }

    #[test]
    fn the_window_is_half_open() {
        let mut store = GrantStore::new();
        let p = pupil("abcd1234", GradeBand::Indskoling);
        store.issue(&Issuer::teacher("t", true), &p, t(0)).unwrap();
        let before = t(0) - Duration::nanoseconds(1);
        assert_eq!(store.grants()[0].status(before), GrantStatus::NotYetValid);
        let ok = store
            .redeem(&p.username, None, t(5) - Duration::nanoseconds(1))
            .unwrap();
        assert!(!ok.may_choose_own);
        assert_eq!(ok.group, crate::people::UserGroup::Indskoling);
        assert_eq!(
            store.events().len(),
            2,
            "only the issue and the redemption are recorded"
        );
        let mut late = GrantStore::new();
        late.issue(&Issuer::teacher("t", true), &p, t(0)).unwrap();
        let err = late.redeem(&p.username, None, t(5)).unwrap_err();
        assert_eq!(
            err.message(crate::Lang::En),
            "The 5 minutes to use the new password have passed"
        );
    }

    #[test]
    fn calls_are_in_time_order_and_a_refusal_keeps_its_time() {
        let mut store = GrantStore::new();
        let p = pupil("abcd1234", GradeBand::Indskoling);
        let teacher = Issuer::teacher("t", true);
        store.issue(&teacher, &p, t(10)).unwrap();
        // Before the issue: out of order, nothing recorded.
        let err = store.redeem(&p.username, None, t(9)).unwrap_err();
        assert_eq!(err.kind(), ErrorType::EventOutOfOrder);
        // Too late, then "earlier": the refusal's time holds.
        let err = store.redeem(&p.username, None, t(20)).unwrap_err();
        assert_eq!(err.kind(), ErrorType::ResetExpired);
        let err = store.redeem(&p.username, None, t(11)).unwrap_err();
        assert_eq!(err.kind(), ErrorType::EventOutOfOrder);
        assert_eq!(
            err.message(crate::Lang::En),
            "The time 2026-11-02T09:11:00Z lies before the last event (2026-11-02T09:20:00Z); events are recorded in time order"
        );
        // An older issue may not supersede the newer grant.
        let err = store.issue(&teacher, &p, t(15)).unwrap_err();
        assert_eq!(err.kind(), ErrorType::EventOutOfOrder);
        assert_eq!(store.grants().len(), 1);
        assert_eq!(store.grants()[0].state, GrantState::Open);
        // The refusal's time survives saving and loading; a `latest` before the last event
        // is refused.
        let text = store.to_json();
        assert!(
            text.starts_with(r#"{"version":2,"latest":"2026-11-02T09:20:00Z","#),
            "{text}"
        );
        let mut loaded = GrantStore::from_json(&text).unwrap();
        assert_eq!(loaded, store);
        let err = loaded.redeem(&p.username, None, t(11)).unwrap_err();
        assert_eq!(err.kind(), ErrorType::EventOutOfOrder);
        let bad = text.replace("09:20:00Z", "09:05:00Z");
        let err = GrantStore::from_json(&bad).unwrap_err();
        assert_eq!(
            err.message(crate::Lang::En),
            "The history cannot be replayed: event 1 is invalid (event_out_of_order)"
        );
        // A new issue at or after the refusal clears `latest`.
        store.issue(&teacher, &p, t(20)).unwrap();
        assert!(!store.to_json().contains("latest"));
    }

    #[test]
    fn a_failed_issue_changes_nothing() {
        let mut rng = ChaCha20Rng::seed_from_u64(11);
        let mut store = GrantStore::new();
        let p = pupil("abcd1234", GradeBand::Udskoling);
        let teacher = Issuer::teacher("t", true);
        let near_end = Utc.with_ymd_and_hms(9999, 12, 31, 23, 54, 0).unwrap();
        let first = store
            .issue_with_code(&teacher, &p, near_end, &mut rng)
            .unwrap();
        let before = store.clone();
        // The window would end after 9999-12-31: refused before anything changes.
        let last = Utc.with_ymd_and_hms(9999, 12, 31, 23, 56, 0).unwrap();
        let err = store
            .issue_with_code(&teacher, &p, last, &mut rng)
            .unwrap_err();
        assert_eq!(err.kind(), ErrorType::TimeOutOfRange);
        assert_eq!(store, before);
        assert_eq!(store.grants()[0].state, GrantState::Open);
        let code = first.code.unwrap();
        assert!(store.redeem(&p.username, Some(code.reveal()), last).is_ok());
    }

    #[test]
    fn attempts_lock_the_grant_and_the_right_code_then_fails() {
        let mut rng = ChaCha20Rng::seed_from_u64(9);
        let mut store = GrantStore::with_policy(ResetPolicy {
            max_attempts: 3,
            ..ResetPolicy::STIL
        });
        let p = pupil("abcd1234", GradeBand::Udskoling);
        let code = OneTimeCode::parse(super::super::CodeFormat::Digits6, "111111").unwrap();
        store
            .issue_with_given_code(&Issuer::teacher("t", true), &p, code, t(0), &mut rng)
            .unwrap();
        let kinds: Vec<_> = ["000000", "", "x"]
            .iter()
            .map(|c| store.redeem(&p.username, Some(c), t(1)).unwrap_err().kind())
            .collect();
        assert_eq!(
            kinds,
            [
                ErrorType::ResetWrongCode,
                ErrorType::ResetWrongCode,
                ErrorType::ResetTooManyAttempts
            ]
        );
        let err = store.redeem(&p.username, Some("111111"), t(1)).unwrap_err();
        assert_eq!(err.kind(), ErrorType::ResetTooManyAttempts);
        assert_eq!(
            err.ctx()
                .get("max_attempts")
                .map(ToString::to_string)
                .as_deref(),
            Some("3")
        );
        assert_eq!(store.grants()[0].state, GrantState::Locked);
    }

    #[test]
    fn newer_grants_supersede_and_old_codes_are_recognised() {
        let mut rng = ChaCha20Rng::seed_from_u64(10);
        let mut store = GrantStore::new();
        let p = pupil("abcd1234", GradeBand::Mellemtrin);
        let teacher = Issuer::teacher("t", true);
        let first = store.issue_with_code(&teacher, &p, t(0), &mut rng).unwrap();
        let second = store.issue_with_code(&teacher, &p, t(1), &mut rng).unwrap();
        let old = first.code.unwrap();
        let err = store
            .redeem(&p.username, Some(old.reveal()), t(2))
            .unwrap_err();
        assert_eq!(err.kind(), ErrorType::ResetSuperseded);
        assert_eq!(
            store.grants()[1].wrong_attempts,
            0,
            "an old code is not a guess"
        );
        let err = store
            .redeem_grant(first.grant, &p.username, Some(old.reveal()), t(2))
            .unwrap_err();
        assert_eq!(err.kind(), ErrorType::ResetSuperseded);
        let new = second.code.unwrap();
        let other = Username::parse("zzzz9999").unwrap();
        let err = store
            .redeem_grant(second.grant, &other, Some(new.reveal()), t(2))
            .unwrap_err();
        assert_eq!(err.kind(), ErrorType::ResetNoGrant);
        store.redeem(&p.username, Some(new.reveal()), t(2)).unwrap();
        assert_eq!(store.grants()[0].superseded_by, Some(second.grant));
        let replayed = GrantStore::replay(store.events().to_vec()).unwrap();
        assert_eq!(replayed.grants(), store.grants());
    }

    #[test]
    fn replay_refuses_broken_histories() {
        let mut store = GrantStore::new();
        let p = pupil("abcd1234", GradeBand::Mellemtrin);
        store.issue(&Issuer::teacher("t", true), &p, t(0)).unwrap();
        store.redeem(&p.username, None, t(1)).unwrap();
        let mut events = store.events().to_vec();
        events.push(events[1].clone());
        let err = GrantStore::replay(events).unwrap_err();
        assert_eq!(err.kind(), ErrorType::HistoryInvalid);
        assert_eq!(
            err.message(crate::Lang::En),
            "The history cannot be replayed: event 2 is invalid (reset_used)"
        );
        let mut events = store.events().to_vec();
        events[1].kind = EventKind::WrongCode;
        let err = GrantStore::replay(events).unwrap_err();
        assert!(
            err.message(crate::Lang::En).contains("has no code"),
            "{err}"
        );
    }
}
