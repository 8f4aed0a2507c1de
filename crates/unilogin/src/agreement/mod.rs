//! Data-access agreements (*dataaftaler*) in STIL's Tilslutning portal.
//!
//! A vendor asks for access for one system (and optionally one service) to one or several
//! institution numbers at once; each institution gets its own agreement, pending (*Venter*)
//! until a party that may decide approves (*Godkend*) or rejects (*Afvis*) it. STIL, or the
//! party that approved it, can close (end) an approved agreement (e.g. when STIL closes an
//! institution number) and a vendor can withdraw a pending request. Every change is an event in an append-only history kept by a [`Ledger`];
//! the state of each agreement is derived from that history and can be rebuilt from it.
//!
//! Sources: STIL, "Tilslutning til Unilogin" and the Tilslutning guides on viden.stil.dk
//! (states Venter/Godkendt/Afvist, bulk decisions, history, notifications, who decides); the
//! closed and withdrawn states are a model choice (confidence L). See
//! `docs/agreements.md`.

mod ledger;
mod party;

pub use ledger::{
    Agreement, AgreementId, AgreementPolicy, DataAccessRequest, Decision, Event, EventKind, Ledger,
    Notification, NotificationKind, Outcome,
};
pub use party::{Institution, Party, Person, Vendor};

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::{Lang, Term};

/// The status of one agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgreementState {
    /// *Venter*: requested, awaiting a decision.
    Pending,
    /// *Godkendt*: approved; the vendor may fetch the institution's user data.
    Approved,
    /// *Afvist*: rejected.
    Rejected,
    /// Closed after approval, by STIL or by the party that approved it (model choice: the
    /// portal's wording is not published).
    Closed,
    /// Withdrawn by the vendor while pending (model choice).
    Withdrawn,
}

impl AgreementState {
    /// Every state.
    pub const ALL: [Self; 5] = [
        Self::Pending,
        Self::Approved,
        Self::Rejected,
        Self::Closed,
        Self::Withdrawn,
    ];

    /// The term used in messages: "Venter" / "pending", and so on.
    pub fn term(self) -> &'static Term {
        match self {
            Self::Pending => &Term {
                key: "pending",
                da: "Venter",
                en: "pending",
            },
            Self::Approved => &Term {
                key: "approved",
                da: "Godkendt",
                en: "approved",
            },
            Self::Rejected => &Term {
                key: "rejected",
                da: "Afvist",
                en: "rejected",
            },
            Self::Closed => &Term {
                key: "closed",
                da: "Lukket",
                en: "closed",
            },
            Self::Withdrawn => &Term {
                key: "withdrawn",
                da: "Trukket tilbage",
                en: "withdrawn",
            },
        }
    }

    /// The label in `lang`, e.g. "Venter".
    pub fn label(self, lang: Lang) -> &'static str {
        self.term().text(lang)
    }

    /// Whether no further transition is possible.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Rejected | Self::Closed | Self::Withdrawn)
    }
}

impl std::fmt::Display for AgreementState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.term().key)
    }
}

/// An action on an agreement, as named in the state diagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// The vendor sends a request.
    Request,
    /// The deciding party approves.
    Approve,
    /// The deciding party rejects.
    Reject,
    /// STIL, or the party that approved, closes (ends) the agreement.
    Close,
    /// The vendor withdraws.
    Withdraw,
}

/// Every legal transition: (from, action, to); `None` is "before the request". Anything else is
/// refused with `agreement_illegal_transition`.
pub const TRANSITIONS: [(Option<AgreementState>, Action, AgreementState); 5] = [
    (None, Action::Request, AgreementState::Pending),
    (
        Some(AgreementState::Pending),
        Action::Approve,
        AgreementState::Approved,
    ),
    (
        Some(AgreementState::Pending),
        Action::Reject,
        AgreementState::Rejected,
    ),
    (
        Some(AgreementState::Pending),
        Action::Withdraw,
        AgreementState::Withdrawn,
    ),
    (
        Some(AgreementState::Approved),
        Action::Close,
        AgreementState::Closed,
    ),
];

/// The lifecycle as a Mermaid state diagram, generated from [`TRANSITIONS`].
///
/// ```
/// let diagram = unilogin::agreement::state_diagram(unilogin::Lang::Da);
/// assert!(diagram.contains("Venter --> Godkendt: godkend"));
/// ```
pub fn state_diagram(lang: Lang) -> String {
    let label = |s: AgreementState| s.label(lang).replace(' ', "_");
    let action = |a: Action| match (a, lang) {
        (Action::Request, Lang::Da) => "leverandøren anmoder",
        (Action::Approve, Lang::Da) => "godkend",
        (Action::Reject, Lang::Da) => "afvis",
        (Action::Close, Lang::Da) => "STIL eller godkenderen lukker",
        (Action::Withdraw, Lang::Da) => "leverandøren trækker tilbage",
        (Action::Request, Lang::En) => "vendor requests",
        (Action::Approve, Lang::En) => "approve",
        (Action::Reject, Lang::En) => "reject",
        (Action::Close, Lang::En) => "STIL or the approver closes",
        (Action::Withdraw, Lang::En) => "vendor withdraws",
    };
    let mut out = String::from("stateDiagram-v2\n");
    for (from, act, to) in TRANSITIONS {
        let from = from.map_or_else(|| "[*]".to_owned(), label);
        let _ = writeln!(out, "    {from} --> {}: {}", label(to), action(act));
    }
    for state in AgreementState::ALL.into_iter().filter(|s| s.is_final()) {
        let _ = writeln!(out, "    {} --> [*]", label(state));
    }
    out
}
