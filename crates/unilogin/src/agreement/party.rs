//! Who takes part: vendors, institutions, the deciding party and the acting person.

use serde::{Deserialize, Serialize};

use crate::identifiers::{Cvr, InstitutionNumber, Municipality, PNumber, MAX_TEXT_CHARS};
use crate::text::clean_text;
use crate::{ErrorType, FieldError, LegalBasis, Loc, Problems};

/// A vendor (*leverandør*) as registered in STIL's provider register: name, CVR and P-number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Vendor {
    /// The vendor's name (1–132 characters).
    pub name: String,
    /// The vendor's CVR number.
    pub cvr: Cvr,
    /// The vendor's P-number.
    pub p_number: PNumber,
}

impl Vendor {
    /// Validates a vendor from raw text, reporting every problem (locs `name`, `cvr`,
    /// `p_number`).
    ///
    /// ```
    /// use unilogin::agreement::Vendor;
    /// assert!(Vendor::parse("Skolesystemer A/S", "13585628", "1029829825").is_ok());
    /// assert_eq!(Vendor::parse("", "13585627", "1029829825").unwrap_err().len(), 2);
    /// ```
    ///
    /// # Errors
    /// Every invalid field.
    pub fn parse(name: &str, cvr: &str, p_number: &str) -> Result<Self, Problems> {
        let mut problems = Problems::new();
        let name_result = clean_text(name, MAX_TEXT_CHARS).map(str::to_owned);
        let cvr_result = Cvr::parse(cvr);
        let p_result = PNumber::parse(p_number);
        for (key, input, error) in [
            ("name", name, name_result.as_ref().err()),
            ("cvr", cvr, cvr_result.as_ref().err()),
            ("p_number", p_number, p_result.as_ref().err()),
        ] {
            if let Some(e) = error {
                problems.push(e.clone().at(Loc::key(key), Some(input)));
            }
        }
        match (name_result, cvr_result, p_result) {
            (Ok(name), Ok(cvr), Ok(p_number)) => Ok(Self {
                name,
                cvr,
                p_number,
            }),
            _ => Err(problems),
        }
    }
}

/// An institution as the portal knows it: its number, legal basis and municipality, which
/// together decide who approves requests for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Institution {
    /// The placement unit's institution number.
    pub number: InstitutionNumber,
    /// Its legal basis.
    pub legal_basis: LegalBasis,
    /// The municipality it lies in.
    pub municipality: Municipality,
}

impl Institution {
    /// The party that approves or rejects requests for this institution: the municipality for
    /// a municipal daycare (§ 19 stk. 2), the daycare itself for self-governing and private ones
    /// (stk. 3 and 5).
    ///
    /// # Errors
    /// [`ErrorType::LegalBasisNotAccepted`] for § 19 stk. 4, which STIL's guidance does not cover.
    pub fn deciding_party(&self) -> Result<Party, FieldError> {
        match self.legal_basis.accepted()? {
            LegalBasis::Kommunal => Ok(Party::Municipality(self.municipality)),
            _ => Ok(Party::Daycare(self.number)),
        }
    }
}

/// An organisation acting in the portal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Party {
    /// A municipality.
    Municipality(Municipality),
    /// A daycare institution, by institution number.
    Daycare(InstitutionNumber),
    /// A vendor, by CVR number.
    Vendor(Cvr),
    /// STIL (Styrelsen for It og Læring), which runs the portal.
    Stil,
}

impl std::fmt::Display for Party {
    /// A language-neutral name: `København (101)`, `G18062`, `CVR 13585628`, `STIL`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Municipality(m) => write!(f, "{} ({})", m.name(), m.code()),
            Self::Daycare(n) => write!(f, "{n}"),
            Self::Vendor(cvr) => write!(f, "CVR {cvr}"),
            Self::Stil => f.write_str("STIL"),
        }
    }
}

/// The person acting for a party, with the rights the portal checks.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Person {
    /// The person's name, as shown in the history.
    pub name: String,
    /// The organisation the person acts for.
    pub party: Party,
    /// Holds the NemLog-in right "Tilslutning: Ret til at administrere aftaler på
    /// tilslutning.stil.dk".
    #[serde(default)]
    pub tilslutning_right: bool,
    /// Has MitID Erhverv with key file (*nøglefil*), required of a private daycare's employee.
    #[serde(default)]
    pub mitid_erhverv_key_file: bool,
}

impl Person {
    /// A person acting for `party` without any rights yet.
    pub fn new(name: impl Into<String>, party: Party) -> Self {
        Self {
            name: name.into(),
            party,
            tilslutning_right: false,
            mitid_erhverv_key_file: false,
        }
    }

    /// Grants the Tilslutning right (builder style).
    #[must_use]
    pub fn with_tilslutning_right(mut self) -> Self {
        self.tilslutning_right = true;
        self
    }

    /// Records MitID Erhverv with key file (builder style).
    #[must_use]
    pub fn with_key_file(mut self) -> Self {
        self.mitid_erhverv_key_file = true;
        self
    }
}

/// Checks that `person` may approve or reject requests for `institution`.
pub(super) fn check_decider(institution: Institution, person: &Person) -> Result<(), FieldError> {
    let expected = institution.deciding_party()?;
    if person.party != expected {
        return Err(FieldError::with_ctx(
            ErrorType::AgreementWrongParty,
            crate::Ctx::new()
                .with("institution", institution.number.to_string())
                .with("expected", expected.to_string())
                .with("actual", person.party.to_string()),
        ));
    }
    if !person.tilslutning_right {
        return Err(FieldError::new(ErrorType::AgreementMissingRight));
    }
    if institution.legal_basis == LegalBasis::Privat && !person.mitid_erhverv_key_file {
        return Err(FieldError::new(ErrorType::AgreementMissingKeyFile));
    }
    Ok(())
}
