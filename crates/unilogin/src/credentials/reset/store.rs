//! The append-only history of reset grants and the commands that extend it.

use chrono::{DateTime, Duration, Utc};
use rand_core::{CryptoRng, RngCore};
use serde::{Deserialize, Serialize};

use super::code::{spend_comparison, CodeHash, OneTimeCode};
use super::{Issued, Issuer, Pupil, Redemption, ResetError, ResetPolicy};
use crate::history::{self, Events, Replay, Stored};
use crate::people::Username;
use crate::{Ctx, ErrorType, FieldError, Term};

/// The JSON format version written by [`GrantStore`] and the highest one it reads.
pub const STORE_VERSION: u32 = 1;

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

/// Every grant and its append-only history. Serialises as `{"version": 1, "events": […]}` (the
/// shared history envelope); deserialising replays the events through the same rules, so a
/// stored history that breaks them is refused. One-time codes are stored only as salted hashes.
///
/// Each grant is stamped with the window and attempt limit of the policy in force when it was
/// issued, so changing the policy later neither re-judges the history nor changes open grants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantStore {
    events: Vec<Event>,
    grants: Vec<Grant>,
    policy: ResetPolicy,
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

    /// An empty store with `policy`.
    pub fn with_policy(policy: ResetPolicy) -> Self {
        Self {
            events: Vec::new(),
            grants: Vec::new(),
            policy,
        }
    }

    /// The policy in force for new grants.
    pub fn policy(&self) -> ResetPolicy {
        self.policy
    }

    /// Sets the policy for future grants (grants already issued keep their stamped values).
    pub fn set_policy(&mut self, policy: ResetPolicy) {
        self.policy = policy;
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
    /// the ElevAdgang right. Nothing is recorded then.
    pub fn issue(
        &mut self,
        issuer: &Issuer,
        pupil: &Pupil,
        at: DateTime<Utc>,
    ) -> Result<Issued, ResetError> {
        self.issue_inner(issuer, pupil, at, None)
    }

    /// Issues a grant with a fresh one-time code of the policy's format from `rng`; the code
    /// is in the result only (show it to the issuer), the store keeps a salted hash.
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
        let hash = CodeHash::new(&code, max_attempts, rng);
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
    /// Checked in this order: `reset_no_grant` (no grant for the username); then for the newest
    /// grant `reset_used`, `reset_too_many_attempts`, `reset_not_yet_valid` (`at` before the
    /// grant was issued), `reset_expired` (`at` at or after the end of the window); then the
    /// code: `reset_superseded` (an older grant's code), `reset_wrong_code`, or
    /// `reset_too_many_attempts` for the wrong code that reaches the limit. Show the pupil
    /// [`ResetError::public_message`] only.
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
    /// let err = store.redeem(&pupil.username, Some("482915"), at + Duration::minutes(5)).unwrap_err();
    /// assert_eq!(err.kind().code(), "reset_expired");
    /// let done = store.redeem(&pupil.username, Some("482 915"), at + Duration::minutes(1))?;
    /// assert_eq!((done.group.key(), done.may_choose_own), ("indskoling", false));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn redeem(
        &mut self,
        username: &Username,
        code: Option<&str>,
        at: DateTime<Utc>,
    ) -> Result<Redemption, ResetError> {
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
    /// `reset_no_grant` (no such grant for this username), `reset_superseded` (a newer grant was
    /// issued), `reset_used`, `reset_too_many_attempts`, `reset_not_yet_valid`,
    /// `reset_expired`, `reset_wrong_code`.
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
            let right = code.is_some_and(|c| hash.matches(c));
            if !right {
                if let (true, Some(entered)) = (recognise_older, code) {
                    if let Some(older) = self.grants.iter().find(|g| {
                        g.id < id
                            && g.pupil.username == pupil.username
                            && g.code.as_ref().is_some_and(|h| h.matches(entered))
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
    /// the rule's code, e.g. `reset_used`, or what is wrong with the event, e.g.
    /// `grant 3 is not the next id 1`).
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
    /// let err = GrantStore::from_json(r#"{"version": 2, "events": []}"#).unwrap_err();
    /// assert_eq!(err.kind().code(), "unsupported_version");
    /// # Ok::<(), unilogin::credentials::reset::ResetError>(())
    /// ```
    ///
    /// # Errors
    /// `json_invalid` for malformed JSON, `unsupported_version` for a version other than 1,
    /// `history_invalid` for a history that breaks the rules.
    pub fn from_json(json: &str) -> Result<Self, ResetError> {
        history::load(json, STORE_VERSION)
            .map_err(ResetError)
            .and_then(Self::from_fields)
    }

    fn from_fields(fields: Events<Vec<Event>>) -> Result<Self, ResetError> {
        Self::replay(fields.events)
    }

    fn stored(&self) -> Stored<Events<&[Event]>> {
        Stored::new(
            STORE_VERSION,
            Events {
                events: &self.events,
            },
        )
    }

    /// The JSON form: `{"version": 1, "events": […]}`.
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

    /// The one place where the rules of the lifecycle live: checks `event` against the current
    /// state, then appends it and updates the derived grants.
    fn apply(&mut self, event: Event) -> Result<(), ResetError> {
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
                for older in &mut self.grants {
                    if older.pupil.username == pupil.username && older.state == GrantState::Open {
                        older.state = GrantState::Superseded;
                        older.superseded_by = Some(event.grant);
                    }
                }
                let expires_at = event
                    .at
                    .checked_add_signed(Duration::minutes(i64::from(*window_minutes)))
                    .unwrap_or(DateTime::<Utc>::MAX_UTC);
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
        let err = store
            .redeem(&p.username, None, t(0) - Duration::nanoseconds(1))
            .unwrap_err();
        assert_eq!(err.kind(), ErrorType::ResetNotYetValid);
        let err = store.redeem(&p.username, None, t(5)).unwrap_err();
        assert_eq!(
            err.message(crate::Lang::En),
            "The 5 minutes to use the new password have passed"
        );
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
