//! Onboarding journeys: how a daycare gets connected to Unilogin, per legal basis.
//!
//! A [`Plan`] is the ordered list of [`Step`]s STIL's guide "Tilslutning til Unilogin"
//! (viden.stil.dk) describes for one legal basis (dagtilbudsloven § 19): kommunal (stk. 2),
//! selvejet (stk. 3) and privat (stk. 5). Each step has a stable `snake_case` id ([`StepId`]),
//! the [`Actor`] responsible for it, the steps it waits for, a [`Requirement`] level, and a title
//! and explanation in Danish and English. Plans are plain data: they serialise to JSON and draw
//! themselves as Mermaid flowcharts ([`Plan::to_mermaid`]).
//!
//! A [`Progress`] records which steps are done, by whom and when, in an append-only list of
//! [`Completion`]s. It refuses completions that break the plan (unknown step, done twice, open
//! prerequisites, wrong actor), tells each actor what to do next, and stores as versioned JSON
//! that is validated by replaying it through the same checks. Time is always an input: nothing
//! here reads a clock.
//!
//! Source: STIL, "Tilslutning til Unilogin" (viden.stil.dk); confidence H. § 19,
//! stk. 4 (udliciteret) has no journey in the guide and is refused with
//! [`ErrorType::OnboardingNotCovered`](crate::ErrorType::OnboardingNotCovered).
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use unilogin::onboarding::{Actor, Plan, Progress, StepId};
//! use unilogin::{Lang, LegalBasis};
//!
//! let plan = Plan::for_legal_basis(LegalBasis::Kommunal)?;
//! assert_eq!(plan.steps[0].id, StepId::RegisterMasterData);
//!
//! let mut progress = Progress::new(LegalBasis::Kommunal)?;
//! let now = Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap();
//! progress.complete(StepId::RegisterMasterData, Actor::Municipality, now)?;
//! assert_eq!(progress.next_steps(Some(Actor::Vendor))[0].id, StepId::VendorSendsRequest);
//!
//! // The municipality cannot approve a request the vendor has not sent yet.
//! let err = progress
//!     .complete(StepId::ApproveRequest, Actor::Municipality, now)
//!     .unwrap_err();
//! assert_eq!(
//!     err.message(Lang::En),
//!     "Step approve_request first requires: vendor_sends_request"
//! );
//! # Ok::<(), unilogin::FieldError>(())
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::problem::Term;
use crate::Lang;

mod mermaid;
mod plan;
mod progress;

pub use plan::{Plan, Step};
pub use progress::{Completion, Progress, Summary};

/// Who carries out an onboarding step.
///
/// Serialises as a `snake_case` key (`municipality`, `vendor`, `daycare`, `stil`,
/// `employee_or_parent`).
///
/// ```
/// use unilogin::onboarding::Actor;
/// use unilogin::Lang;
/// assert_eq!(Actor::parse("employee_or_parent"), Some(Actor::EmployeeOrParent));
/// assert_eq!(Actor::Municipality.label(Lang::Da), "Kommunen");
/// assert_eq!(Actor::parse("kommunen"), None); // keys only, not labels
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// The municipality (kommunen), e.g. its person responsible for daycare
    /// (dagtilbudsansvarlig).
    Municipality,
    /// The vendor (leverandøren) of the administrative or placement system and Aula.
    Vendor,
    /// The daycare (dagtilbuddet), e.g. an employee holding the Tilslutning right.
    Daycare,
    /// STIL (Styrelsen for It og Læring), which runs Unilogin and Tilslutning.
    Stil,
    /// The users: employees (and parents) who activate their Unilogin.
    EmployeeOrParent,
}

impl Actor {
    /// Every actor, in a fixed order.
    pub const ALL: [Self; 5] = [
        Self::Municipality,
        Self::Vendor,
        Self::Daycare,
        Self::Stil,
        Self::EmployeeOrParent,
    ];

    /// The stable key, e.g. `employee_or_parent`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Municipality => "municipality",
            Self::Vendor => "vendor",
            Self::Daycare => "daycare",
            Self::Stil => "stil",
            Self::EmployeeOrParent => "employee_or_parent",
        }
    }

    /// The actor with this key, if any (keys only; labels are not parsed).
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.key() == key)
    }

    /// The actor as a message term: the key in `ctx`, "kommunen" / "the municipality" in text.
    pub fn term(self) -> &'static Term {
        match self {
            Self::Municipality => &Term {
                key: "municipality",
                da: "kommunen",
                en: "the municipality",
            },
            Self::Vendor => &Term {
                key: "vendor",
                da: "leverandøren",
                en: "the vendor",
            },
            Self::Daycare => &Term {
                key: "daycare",
                da: "dagtilbuddet",
                en: "the daycare",
            },
            Self::Stil => &Term {
                key: "stil",
                da: "STIL",
                en: "STIL",
            },
            Self::EmployeeOrParent => &Term {
                key: "employee_or_parent",
                da: "medarbejderen eller forælderen",
                en: "the employee or parent",
            },
        }
    }

    /// A short label: "Kommunen" / "Municipality".
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Municipality, Lang::Da) => "Kommunen",
            (Self::Vendor, Lang::Da) => "Leverandøren",
            (Self::Daycare, Lang::Da) => "Dagtilbuddet",
            (Self::Stil, _) => "STIL",
            (Self::EmployeeOrParent, Lang::Da) => "Medarbejder eller forælder",
            (Self::Municipality, Lang::En) => "Municipality",
            (Self::Vendor, Lang::En) => "Vendor",
            (Self::Daycare, Lang::En) => "Daycare",
            (Self::EmployeeOrParent, Lang::En) => "Employee or parent",
        }
    }
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// How binding a step is.
///
/// Only [`Requirement::Mandatory`] steps block the steps that list them as prerequisites;
/// recommended, advisory and conditional steps can be completed but never hold anything up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    /// The guide says it must happen ("skal").
    Mandatory,
    /// The guide says it should happen ("bør"): the data processing agreement.
    Recommended,
    /// The guide gives advice only: IT support for language assessment.
    Advisory,
    /// Needed only when an earlier step finds it is: asking STIL for an institution number when
    /// the look-up finds none.
    Conditional,
}

impl Requirement {
    /// Every level, strongest first.
    pub const ALL: [Self; 4] = [
        Self::Mandatory,
        Self::Recommended,
        Self::Advisory,
        Self::Conditional,
    ];

    /// The stable key: `mandatory`, `recommended`, `advisory` or `conditional`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Mandatory => "mandatory",
            Self::Recommended => "recommended",
            Self::Advisory => "advisory",
            Self::Conditional => "conditional",
        }
    }

    /// A short label: "skal" / "mandatory", "bør" / "recommended", "råd" / "advice", "hvis
    /// nødvendigt" / "if needed".
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Mandatory, Lang::Da) => "skal",
            (Self::Recommended, Lang::Da) => "bør",
            (Self::Advisory, Lang::Da) => "råd",
            (Self::Mandatory, Lang::En) => "mandatory",
            (Self::Recommended, Lang::En) => "recommended",
            (Self::Advisory, Lang::En) => "advice",
            (Self::Conditional, Lang::Da) => "hvis nødvendigt",
            (Self::Conditional, Lang::En) => "if needed",
        }
    }

    /// Whether an open step of this level blocks the steps that depend on it.
    pub fn blocks(self) -> bool {
        matches!(self, Self::Mandatory)
    }
}

impl fmt::Display for Requirement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// The stable id of an onboarding step, shared by every plan that has the step.
///
/// Serialises as its `snake_case` key, e.g. `vendor_sends_request`. Which ids a plan contains
/// depends on the legal basis; see [`Plan::for_legal_basis`].
///
/// ```
/// use unilogin::onboarding::StepId;
/// assert_eq!(StepId::parse("approve_request"), Some(StepId::ApproveRequest));
/// assert_eq!(StepId::TilslutningRight.key(), "tilslutning_right");
/// assert_eq!(StepId::parse("Approve request"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepId {
    /// Kommunal/selvejet 1: the municipality registers master and personal data in its
    /// placement system.
    RegisterMasterData,
    /// The vendor sends a data-access request via Tilslutning.
    VendorSendsRequest,
    /// The deciding party approves the data-access request in Tilslutning.
    ApproveRequest,
    /// Kommunal/selvejet 4: the municipality orders read access to Unilogin user administration.
    OrderReadAccess,
    /// Kommunal/selvejet 5: the municipality guides employees and parents.
    GuideUsers,
    /// Privat 1: look up the institution number in Dagtilbudsregisteret.
    InstitutionNumber,
    /// Privat 1, only when the look-up finds none: ask STIL for an institution number.
    RequestInstitutionNumber,
    /// Privat 2: obtain an administrative system that can send user data to Unilogin.
    AdministrativeSystem,
    /// Privat 3 (advice): clarify IT support for language assessment.
    LanguageAssessmentAdvice,
    /// Privat 4: the responsible employee gets MitID Erhverv with key file.
    MitidErhvervKeyFile,
    /// Privat 5: the employee is granted the NemLog-in right for Tilslutning.
    TilslutningRight,
    /// Privat 6 (recommended): a data processing agreement with the vendor.
    DataProcessingAgreement,
    /// Privat 8a: the daycare enters its users in the administrative system.
    EnterUsers,
    /// Every plan: the user data reaches Unilogin and the users are created.
    CreateUsers,
    /// Every plan: employees and parents activate their Unilogin and create their first
    /// password with MitID.
    ActivateUnilogin,
}

impl StepId {
    /// Every step id, in a fixed order.
    pub const ALL: [Self; 15] = [
        Self::RegisterMasterData,
        Self::VendorSendsRequest,
        Self::ApproveRequest,
        Self::OrderReadAccess,
        Self::GuideUsers,
        Self::InstitutionNumber,
        Self::RequestInstitutionNumber,
        Self::AdministrativeSystem,
        Self::LanguageAssessmentAdvice,
        Self::MitidErhvervKeyFile,
        Self::TilslutningRight,
        Self::DataProcessingAgreement,
        Self::EnterUsers,
        Self::CreateUsers,
        Self::ActivateUnilogin,
    ];

    /// The stable key, e.g. `vendor_sends_request`.
    pub fn key(self) -> &'static str {
        match self {
            Self::RegisterMasterData => "register_master_data",
            Self::VendorSendsRequest => "vendor_sends_request",
            Self::ApproveRequest => "approve_request",
            Self::OrderReadAccess => "order_read_access",
            Self::GuideUsers => "guide_users",
            Self::InstitutionNumber => "institution_number",
            Self::RequestInstitutionNumber => "request_institution_number",
            Self::AdministrativeSystem => "administrative_system",
            Self::LanguageAssessmentAdvice => "language_assessment_advice",
            Self::MitidErhvervKeyFile => "mitid_erhverv_key_file",
            Self::TilslutningRight => "tilslutning_right",
            Self::DataProcessingAgreement => "data_processing_agreement",
            Self::EnterUsers => "enter_users",
            Self::CreateUsers => "create_users",
            Self::ActivateUnilogin => "activate_unilogin",
        }
    }

    /// The step id with this key, if any.
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
}

impl fmt::Display for StepId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A text in Danish and English.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Localized {
    /// The Danish text.
    pub da: String,
    /// The English text.
    pub en: String,
}

impl Localized {
    /// A text from its Danish and English wording.
    pub fn new(da: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            da: da.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Da => &self.da,
            Lang::En => &self.en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_match_serde_and_parse_back() {
        for id in StepId::ALL {
            assert_eq!(serde_json::to_value(id).unwrap(), id.key());
            assert_eq!(StepId::parse(id.key()), Some(id));
            assert_eq!(id.to_string(), id.key());
        }
        for actor in Actor::ALL {
            assert_eq!(serde_json::to_value(actor).unwrap(), actor.key());
            assert_eq!(Actor::parse(actor.key()), Some(actor));
            assert_ne!(actor.label(Lang::Da), "");
            assert_ne!(actor.label(Lang::En), "");
            assert_eq!(actor.term().key, actor.key());
        }
        for level in Requirement::ALL {
            assert_eq!(serde_json::to_value(level).unwrap(), level.key());
        }
        assert!(Requirement::Mandatory.blocks());
        assert!(!Requirement::Recommended.blocks());
        assert!(!Requirement::Advisory.blocks());
        assert!(!Requirement::Conditional.blocks());
    }

    #[test]
    fn localized_picks_the_language() {
        let t = Localized::new("Hej", "Hello");
        assert_eq!(t.get(Lang::Da), "Hej");
        assert_eq!(t.get(Lang::En), "Hello");
    }
}
