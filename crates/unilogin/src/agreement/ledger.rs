//! The append-only history of data-access agreements and the commands that extend it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::party::{check_decider, check_rights, Institution, Party, Person, Vendor};
use super::AgreementState;
use crate::history::{self, Events, Replay, Stored};
use crate::identifiers::MAX_TEXT_CHARS;
use crate::text::clean_text;
use crate::{Ctx, ErrorType, FieldError, Loc, LocItem, Problem, Problems, Term};

/// The JSON format version written by [`Ledger`] and the highest one it reads.
pub const LEDGER_VERSION: u32 = 1;

const APPROVE: &Term = &Term {
    key: "approve",
    da: "godkendes",
    en: "approved",
};
const REJECT: &Term = &Term {
    key: "reject",
    da: "afvises",
    en: "rejected",
};
const CLOSE: &Term = &Term {
    key: "close",
    da: "lukkes",
    en: "closed",
};
const WITHDRAW: &Term = &Term {
    key: "withdraw",
    da: "trækkes tilbage",
    en: "withdrawn",
};
const THE_VENDOR: &Term = &Term {
    key: "vendor",
    da: "den leverandør, anmodningen gælder,",
    en: "the vendor the request is about",
};
const STIL_OR_APPROVER: &Term = &Term {
    key: "stil_or_approver",
    da: "STIL eller den part, der godkendte aftalen,",
    en: "STIL or the party that approved the agreement",
};
const TO_SEND: &Term = &Term {
    key: "send_request",
    da: "sende anmodningen",
    en: "send the request",
};
const TO_WITHDRAW: &Term = &Term {
    key: "withdraw",
    da: "trække anmodningen tilbage",
    en: "withdraw the request",
};
const TO_CLOSE: &Term = &Term {
    key: "close",
    da: "lukke aftalen",
    en: "close the agreement",
};

/// The id of one agreement (one vendor, system and institution): 1, 2, 3, … in request order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AgreementId(pub u64);

impl std::fmt::Display for AgreementId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A vendor's request for data access for one system (and optional service) to one or several
/// institutions at once, with one optional comment shared by all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataAccessRequest {
    /// The requesting vendor.
    pub vendor: Vendor,
    /// The vendor's system the access is for.
    pub system: String,
    /// The web service, if the request names one.
    #[serde(default)]
    pub service: Option<String>,
    /// The institutions asked; each becomes its own agreement.
    pub institutions: Vec<Institution>,
    /// One optional comment for all.
    #[serde(default)]
    pub comment: Option<String>,
    /// Whether this is the request of the vendor of the municipality's placement system
    /// (*pladsanvisningssystem*) and Aula, which goes to the municipality for a municipal
    /// daycare and to the daycare otherwise, and is decided by that addressee alone. Any other
    /// request (the default), e.g. for digital learning materials, goes to the daycare and may be
    /// decided by the daycare or, for municipal and self-governing daycares, the municipality.
    /// See [`Institution::approvers`].
    #[serde(default)]
    pub placement_system: bool,
}

/// A decision on a pending request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum Decision {
    /// Approve (*Godkend*), stating whether a data processing agreement is in place.
    Approve {
        /// Whether the institution and the vendor have a data processing agreement.
        dpa_in_place: bool,
    },
    /// Reject (*Afvis*).
    Reject,
}

/// What happened in one event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum EventKind {
    /// The vendor sent a request; the agreement is pending.
    Requested {
        /// The vendor.
        vendor: Vendor,
        /// The system.
        system: String,
        /// The service, if any.
        #[serde(default)]
        service: Option<String>,
        /// The institution.
        institution: Institution,
        /// Whether it is the placement-system vendor's request ([`DataAccessRequest::placement_system`]).
        #[serde(default, skip_serializing_if = "is_false")]
        placement_system: bool,
    },
    /// The deciding party approved.
    Approved {
        /// Whether a data processing agreement was stated to be in place.
        dpa_in_place: bool,
    },
    /// The deciding party rejected.
    Rejected,
    /// STIL, or the party that approved it, closed (ended) the approved agreement.
    Closed,
    /// The vendor withdrew the pending request.
    Withdrawn,
}

/// One entry of the history: what happened to which agreement, when, by whom, with what comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// The agreement.
    pub agreement: AgreementId,
    /// When (supplied by the host; the library never reads a clock).
    pub at: DateTime<Utc>,
    /// The acting person.
    pub by: Person,
    /// The comment given with the action, if any.
    #[serde(default)]
    pub comment: Option<String>,
    /// What happened.
    #[serde(flatten)]
    pub kind: EventKind,
}

/// One agreement as derived from the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Agreement {
    /// The id.
    pub id: AgreementId,
    /// The vendor.
    pub vendor: Vendor,
    /// The system.
    pub system: String,
    /// The service, if any.
    pub service: Option<String>,
    /// The institution.
    pub institution: Institution,
    /// Whether it is the placement-system vendor's request ([`DataAccessRequest::placement_system`]).
    pub placement_system: bool,
    /// The party that approved it, once approved.
    pub approved_by: Option<Party>,
    /// The current state.
    pub state: AgreementState,
    /// Positions of this agreement's events in [`Ledger::events`], oldest first.
    pub history: Vec<usize>,
}

/// The host's policy for approvals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AgreementPolicy {
    /// Refuse approval without a data processing agreement instead of warning. STIL's guide says
    /// a DPA *should* be in place; by default a missing one is a warning.
    pub require_dpa: bool,
}

/// The result of a successful decision: warnings to show (e.g. `agreement_dpa_missing`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outcome {
    /// Warnings, located at the agreement id.
    pub warnings: Problems,
}

/// Which notification the portal sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    /// A request was sent (to its addressee, see [`Institution::addressee`]).
    Sent,
    /// A request was approved (to the vendor).
    Approved,
    /// A request was rejected (to the vendor).
    Rejected,
}

/// A notification derivable from the history, for a host to mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notification {
    /// What kind.
    pub kind: NotificationKind,
    /// The agreement.
    pub agreement: AgreementId,
    /// The party to notify.
    pub to: Party,
    /// When the event happened.
    pub at: DateTime<Utc>,
    /// The comment given with the action, if any.
    pub comment: Option<String>,
}

/// All agreements and their append-only history. Serialises as `{"version": 1, "events": […]}`
/// (the shared history envelope); deserialising replays the events through the same rules, so
/// a stored history that breaks them is refused.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Ledger {
    events: Vec<Event>,
    agreements: Vec<Agreement>,
    policy: AgreementPolicy,
}

impl Serialize for Ledger {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.stored().serialize(s)
    }
}

impl<'de> Deserialize<'de> for Ledger {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        history::deserialize(d, LEDGER_VERSION, Self::from_fields)
    }
}

impl Replay<Event> for Ledger {
    fn apply_event(&mut self, event: Event) -> Result<(), FieldError> {
        self.apply(event).map(|_| ())
    }
}

fn illegal(state: AgreementState, action: &'static Term) -> FieldError {
    FieldError::with_ctx(
        ErrorType::AgreementIllegalTransition,
        Ctx::new()
            .with("state", state.term())
            .with("action", action),
    )
}

fn wrong_actor(expected: &'static Term, action: &'static Term) -> FieldError {
    FieldError::with_ctx(
        ErrorType::AgreementWrongActor,
        Ctx::new().with("expected", expected).with("action", action),
    )
}

#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_false(b: &bool) -> bool {
    !*b
}

fn clean_comment(comment: Option<&str>) -> Option<String> {
    comment
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
}

impl Ledger {
    /// An empty ledger with the default policy.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty ledger with `policy`.
    pub fn with_policy(policy: AgreementPolicy) -> Self {
        Self {
            policy,
            ..Self::new()
        }
    }

    /// The policy in force.
    pub fn policy(&self) -> AgreementPolicy {
        self.policy
    }

    /// Sets the policy for future decisions (the history is not re-judged).
    pub fn set_policy(&mut self, policy: AgreementPolicy) {
        self.policy = policy;
    }

    /// Every event, oldest first.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Every agreement, in id order.
    pub fn agreements(&self) -> &[Agreement] {
        &self.agreements
    }

    /// The agreement with `id`.
    ///
    /// # Errors
    /// [`ErrorType::AgreementNotFound`].
    pub fn agreement(&self, id: AgreementId) -> Result<&Agreement, FieldError> {
        usize::try_from(id.0)
            .ok()
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| self.agreements.get(i))
            .ok_or_else(|| {
                FieldError::with_ctx(
                    ErrorType::AgreementNotFound,
                    Ctx::new().with("id", id.to_string()),
                )
            })
    }

    /// The events of one agreement, oldest first.
    ///
    /// # Errors
    /// [`ErrorType::AgreementNotFound`].
    pub fn history(&self, id: AgreementId) -> Result<Vec<&Event>, FieldError> {
        let agreement = self.agreement(id)?;
        Ok(agreement
            .history
            .iter()
            .filter_map(|&i| self.events.get(i))
            .collect())
    }

    /// Sends a data-access request: one pending agreement per institution. All or nothing.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use unilogin::agreement::{DataAccessRequest, Institution, Ledger, Party, Person, Vendor};
    /// use unilogin::identifiers::{InstitutionNumber, Municipality};
    /// use unilogin::LegalBasis;
    ///
    /// let vendor = Vendor::parse("Skolesystemer A/S", "13585628", "1029829825")?;
    /// let sender = Person::new("Vera Vendor", Party::Vendor(vendor.cvr));
    /// let request = DataAccessRequest {
    ///     vendor,
    ///     system: "Pladsanvisning".into(),
    ///     service: None,
    ///     institutions: vec![Institution {
    ///         number: InstitutionNumber::parse("G18062")?,
    ///         legal_basis: LegalBasis::Privat,
    ///         municipality: Municipality::parse("Aarhus")?,
    ///     }],
    ///     comment: Some("Ny aftale".into()),
    ///     placement_system: false,
    /// };
    /// let mut ledger = Ledger::new();
    /// let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
    /// let ids = ledger.request(&request, &sender, at)?;
    /// assert_eq!(ledger.agreement(ids[0])?.state.to_string(), "pending");
    ///
    /// // The same request again is a duplicate while the first is pending.
    /// let err = ledger.request(&request, &sender, at).unwrap_err();
    /// assert_eq!(err.as_slice()[0].kind().code(), "agreement_duplicate");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// Every problem: the sender is not the vendor (`agreement_wrong_actor`), an invalid system
    /// or service name, no institutions (`agreement_no_institutions`), an institution whose
    /// legal basis the portal does not cover (`legal_basis_not_accepted`), an institution named
    /// twice or already covered by a pending or approved agreement (`agreement_duplicate`), a
    /// time before the last event (`event_out_of_order`) or outside the years 1–9999
    /// (`time_out_of_range`), located at `at`.
    pub fn request(
        &mut self,
        request: &DataAccessRequest,
        by: &Person,
        at: DateTime<Utc>,
    ) -> Result<Vec<AgreementId>, Problems> {
        let mut problems = Problems::new();
        let mut push =
            |loc: Loc, input: Option<&str>, e: FieldError| problems.push(e.at(loc, input));
        if by.party != Party::Vendor(request.vendor.cvr) {
            push(Loc::key("vendor"), None, wrong_actor(THE_VENDOR, TO_SEND));
        }
        let system = clean_text(&request.system, MAX_TEXT_CHARS).map(str::to_owned);
        if let Err(e) = &system {
            push(Loc::key("system"), Some(&request.system), e.clone());
        }
        let service = match request
            .service
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => Ok(None),
            Some(s) => clean_text(s, MAX_TEXT_CHARS).map(|s| Some(s.to_owned())),
        };
        if let Err(e) = &service {
            push(Loc::key("service"), request.service.as_deref(), e.clone());
        }
        if let Err(e) = self.check_time(at) {
            push(Loc::key("at"), Some(&history::time_text(at)), e);
        }
        if request.institutions.is_empty() {
            push(
                Loc::key("institutions"),
                None,
                FieldError::new(ErrorType::AgreementNoInstitutions),
            );
        }
        let (Ok(system), Ok(service)) = (system, service) else {
            return Err(problems);
        };
        for (i, institution) in request.institutions.iter().enumerate() {
            let mut loc = Loc::key("institutions");
            loc.push(LocItem::Index(i));
            let number = institution.number.to_string();
            if let Err(e) = institution.addressee(request.placement_system) {
                push(loc, Some(&number), e);
                continue;
            }
            let earlier = request
                .institutions
                .iter()
                .take(i)
                .any(|o| o.number == institution.number);
            let active = self.agreements.iter().any(|a| {
                a.institution.number == institution.number
                    && a.vendor.cvr == request.vendor.cvr
                    && a.system == system
                    && a.service == service
                    && matches!(a.state, AgreementState::Pending | AgreementState::Approved)
            });
            if earlier || active {
                let ctx = Ctx::new()
                    .with("vendor", request.vendor.name.clone())
                    .with("system", system.clone())
                    .with("institution", number.clone());
                push(
                    loc,
                    Some(&number),
                    FieldError::with_ctx(ErrorType::AgreementDuplicate, ctx),
                );
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let comment = clean_comment(request.comment.as_deref());
        let mut ids = Vec::with_capacity(request.institutions.len());
        for institution in &request.institutions {
            let event = Event {
                agreement: self.next_id(),
                at,
                by: by.clone(),
                comment: comment.clone(),
                kind: EventKind::Requested {
                    vendor: request.vendor.clone(),
                    system: system.clone(),
                    service: service.clone(),
                    institution: *institution,
                    placement_system: request.placement_system,
                },
            };
            ids.push(event.agreement);
            // Checked above; applying a checked request cannot fail.
            if let Err(e) = self.apply(event) {
                let mut all = Problems::new();
                all.push(e.at(Loc::key("institutions"), None));
                return Err(all);
            }
        }
        Ok(ids)
    }

    /// Approves or rejects one pending request.
    ///
    /// # Errors
    /// `agreement_not_found`; `agreement_wrong_party` unless `by` acts for a party that may
    /// decide ([`Institution::approvers`]: the addressee of the placement-system vendor's
    /// request; for other requests the daycare, or the municipality of a municipal or
    /// self-governing daycare);
    /// `agreement_missing_right` without the Tilslutning right; `agreement_missing_key_file`
    /// for a private daycare's employee without MitID Erhverv with key file;
    /// `agreement_illegal_transition` unless pending; `agreement_dpa_missing` when approving
    /// without a data processing agreement under a policy that requires one (otherwise it is a
    /// warning in the [`Outcome`]); `event_out_of_order` for a time before the last event of the
    /// ledger, `time_out_of_range` outside the years 1–9999. Nothing is recorded then.
    pub fn decide(
        &mut self,
        id: AgreementId,
        decision: Decision,
        by: &Person,
        at: DateTime<Utc>,
        comment: Option<&str>,
    ) -> Result<Outcome, FieldError> {
        let kind = match decision {
            Decision::Approve { dpa_in_place } => EventKind::Approved { dpa_in_place },
            Decision::Reject => EventKind::Rejected,
        };
        let event = Event {
            agreement: id,
            at,
            by: by.clone(),
            comment: clean_comment(comment),
            kind,
        };
        self.apply(event)
    }

    /// Decides several requests at once; each result is what [`Ledger::decide`] gives for that
    /// id alone, in the same order (a failing one does not stop the others).
    pub fn decide_many(
        &mut self,
        ids: &[AgreementId],
        decision: Decision,
        by: &Person,
        at: DateTime<Utc>,
        comment: Option<&str>,
    ) -> Vec<Result<Outcome, FieldError>> {
        ids.iter()
            .map(|&id| self.decide(id, decision, by, at, comment))
            .collect()
    }

    /// Closes (ends) an approved agreement: STIL (for example when it closes the institution
    /// number), or the party that approved it, acting through a person with the rights a
    /// decision needs.
    ///
    /// # Errors
    /// `agreement_not_found`; `agreement_wrong_actor` unless `by` acts for STIL or for the party
    /// that approved the agreement (so nobody else can close a pending one);
    /// `agreement_missing_right` or `agreement_missing_key_file` for a person of the approving
    /// party without the rights a decision needs; `agreement_illegal_transition` unless
    /// approved; `event_out_of_order`, `time_out_of_range` as for [`Ledger::decide`].
    pub fn close(
        &mut self,
        id: AgreementId,
        by: &Person,
        at: DateTime<Utc>,
        comment: Option<&str>,
    ) -> Result<(), FieldError> {
        let event = Event {
            agreement: id,
            at,
            by: by.clone(),
            comment: clean_comment(comment),
            kind: EventKind::Closed,
        };
        self.apply(event).map(|_| ())
    }

    /// The vendor withdraws a pending request.
    ///
    /// # Errors
    /// `agreement_not_found`; `agreement_wrong_actor` unless `by` acts for the requesting
    /// vendor; `agreement_illegal_transition` unless pending; `event_out_of_order`,
    /// `time_out_of_range` as for [`Ledger::decide`].
    pub fn withdraw(
        &mut self,
        id: AgreementId,
        by: &Person,
        at: DateTime<Utc>,
        comment: Option<&str>,
    ) -> Result<(), FieldError> {
        let event = Event {
            agreement: id,
            at,
            by: by.clone(),
            comment: clean_comment(comment),
            kind: EventKind::Withdrawn,
        };
        self.apply(event).map(|_| ())
    }

    /// The notifications the portal sends, derived from the history: *sent* to the addressee of
    /// each request ([`Institution::addressee`]), *approved* and *rejected* to the vendor.
    pub fn notifications(&self) -> Vec<Notification> {
        self.events
            .iter()
            .filter_map(|e| {
                let agreement = self.agreement(e.agreement).ok()?;
                let vendor = Party::Vendor(agreement.vendor.cvr);
                let (kind, to) = match &e.kind {
                    EventKind::Requested {
                        institution,
                        placement_system,
                        ..
                    } => (
                        NotificationKind::Sent,
                        institution.addressee(*placement_system).ok()?,
                    ),
                    EventKind::Approved { .. } => (NotificationKind::Approved, vendor),
                    EventKind::Rejected => (NotificationKind::Rejected, vendor),
                    EventKind::Closed | EventKind::Withdrawn => return None,
                };
                Some(Notification {
                    kind,
                    agreement: e.agreement,
                    to,
                    at: e.at,
                    comment: e.comment.clone(),
                })
            })
            .collect()
    }

    /// Rebuilds a ledger from a history, applying every event through the same rules as the
    /// commands (the DPA policy is not re-judged: the events record what was stated).
    ///
    /// # Errors
    /// [`ErrorType::HistoryInvalid`] naming the first event that breaks a rule (`index`) and
    /// why (`reason`, the rule's code).
    pub fn replay(events: impl IntoIterator<Item = Event>) -> Result<Self, FieldError> {
        history::replay(Self::new(), events)
    }

    /// Loads a ledger from its JSON form, replaying the history.
    ///
    /// # Errors
    /// `json_invalid` for malformed JSON, `unsupported_version` for a version other than 1,
    /// `history_invalid` for a history that breaks the rules.
    pub fn from_json(json: &str) -> Result<Self, FieldError> {
        history::load(json, LEDGER_VERSION).and_then(Self::from_fields)
    }

    fn stored(&self) -> Stored<Events<&[Event]>> {
        Stored::new(
            LEDGER_VERSION,
            Events {
                events: &self.events,
            },
        )
    }

    fn from_fields(fields: Events<Vec<Event>>) -> Result<Self, FieldError> {
        Self::replay(fields.events)
    }

    /// The JSON form: `{"version": 1, "events": […]}`.
    pub fn to_json(&self) -> String {
        self.stored().to_json()
    }

    /// `Ok` if an event at `at` may follow the history: storable, and not before the last event.
    fn check_time(&self, at: DateTime<Utc>) -> Result<(), FieldError> {
        history::check_storable(at)?;
        history::check_order(self.events.last().map(|e| e.at), at)
    }

    fn next_id(&self) -> AgreementId {
        AgreementId(
            u64::try_from(self.agreements.len())
                .unwrap_or(u64::MAX)
                .saturating_add(1),
        )
    }

    /// The one place where the rules of the lifecycle live: checks `event` against the current
    /// state, then appends it and updates the derived agreement.
    fn apply(&mut self, event: Event) -> Result<Outcome, FieldError> {
        self.check_time(event.at)?;
        let position = self.events.len();
        let mut outcome = Outcome::default();
        if let EventKind::Requested {
            vendor,
            system,
            service,
            institution,
            placement_system,
        } = &event.kind
        {
            if event.agreement != self.next_id() {
                return Err(FieldError::with_ctx(
                    ErrorType::AgreementNotFound,
                    Ctx::new().with("id", event.agreement.to_string()),
                ));
            }
            if event.by.party != Party::Vendor(vendor.cvr) {
                return Err(wrong_actor(THE_VENDOR, TO_SEND));
            }
            institution.addressee(*placement_system)?;
            self.agreements.push(Agreement {
                id: event.agreement,
                vendor: vendor.clone(),
                system: system.clone(),
                service: service.clone(),
                institution: *institution,
                placement_system: *placement_system,
                approved_by: None,
                state: AgreementState::Pending,
                history: vec![position],
            });
            self.events.push(event);
            return Ok(outcome);
        }
        let policy = self.policy;
        let agreement = self.agreement(event.agreement)?;
        let next = match &event.kind {
            EventKind::Requested { .. } => return Err(illegal(agreement.state, APPROVE)),
            EventKind::Approved { dpa_in_place } => {
                check_decider(agreement.institution, agreement.placement_system, &event.by)?;
                if agreement.state != AgreementState::Pending {
                    return Err(illegal(agreement.state, APPROVE));
                }
                if !dpa_in_place {
                    let warning = FieldError::new(ErrorType::AgreementDpaMissing);
                    if policy.require_dpa {
                        return Err(warning);
                    }
                    let mut loc = Loc::root();
                    loc.push(LocItem::Key(std::borrow::Cow::Owned(
                        event.agreement.to_string(),
                    )));
                    outcome.warnings.push(warning.at(loc, None));
                }
                AgreementState::Approved
            }
            EventKind::Rejected => {
                check_decider(agreement.institution, agreement.placement_system, &event.by)?;
                if agreement.state != AgreementState::Pending {
                    return Err(illegal(agreement.state, REJECT));
                }
                AgreementState::Rejected
            }
            EventKind::Closed => {
                if event.by.party != Party::Stil {
                    if agreement.approved_by != Some(event.by.party) {
                        return Err(wrong_actor(STIL_OR_APPROVER, TO_CLOSE));
                    }
                    check_rights(agreement.institution, &event.by)?;
                }
                if agreement.state != AgreementState::Approved {
                    return Err(illegal(agreement.state, CLOSE));
                }
                AgreementState::Closed
            }
            EventKind::Withdrawn => {
                if event.by.party != Party::Vendor(agreement.vendor.cvr) {
                    return Err(wrong_actor(THE_VENDOR, TO_WITHDRAW));
                }
                if agreement.state != AgreementState::Pending {
                    return Err(illegal(agreement.state, WITHDRAW));
                }
                AgreementState::Withdrawn
            }
        };
        let index = usize::try_from(event.agreement.0)
            .unwrap_or(usize::MAX)
            .saturating_sub(1);
        if let Some(a) = self.agreements.get_mut(index) {
            if next == AgreementState::Approved {
                a.approved_by = Some(event.by.party);
            }
            a.state = next;
            a.history.push(position);
        }
        self.events.push(event);
        Ok(outcome)
    }
}

/// Problems of a single field error at the root, for hosts that want one shape.
impl From<FieldError> for Problems {
    fn from(e: FieldError) -> Self {
        let mut p = Problems::new();
        p.push(e.at(Loc::root(), None));
        p
    }
}

impl From<Problem> for Problems {
    fn from(p: Problem) -> Self {
        let mut all = Problems::new();
        all.push(p);
        all
    }
}
