//! Who takes part: vendors, institutions, who may decide for them, and the acting person.

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
    /// The party a request for this institution goes to. The request of the vendor of the
    /// municipality's placement system (*pladsanvisningssystem*) and Aula (`placement_system`)
    /// goes to the municipality for a municipal daycare (§ 19 stk. 2) and to the daycare for
    /// self-governing and private ones (stk. 3 and 5); every other request goes to the daycare.
    ///
    /// # Errors
    /// [`ErrorType::LegalBasisNotAccepted`] for § 19 stk. 4, which STIL's guidance does not cover.
    pub fn addressee(&self, placement_system: bool) -> Result<Party, FieldError> {
        match self.legal_basis.accepted()? {
            LegalBasis::Kommunal if placement_system => Ok(Party::Municipality(self.municipality)),
            _ => Ok(Party::Daycare(self.number)),
        }
    }

    /// The parties that may approve or reject a request for this institution, the addressee
    /// first. The placement-system vendor's request is decided by its addressee alone. Any other
    /// request to a municipal or self-governing daycare may be decided by the daycare or by the
    /// municipality ("Dagtilbuddet eller en medarbejder fra kommunen kan også godkende aftaler om
    /// dataadgang"); for a private daycare only by the daycare.
    ///
    /// ```
    /// use unilogin::agreement::{Institution, Party};
    /// use unilogin::identifiers::{InstitutionNumber, Municipality};
    /// use unilogin::LegalBasis;
    /// let number = InstitutionNumber::parse("G10101")?;
    /// let kbh = Municipality::parse("København")?;
    /// let kommunal = Institution { number, legal_basis: LegalBasis::Kommunal, municipality: kbh };
    /// assert_eq!(kommunal.approvers(true)?, [Party::Municipality(kbh)]);
    /// assert_eq!(kommunal.approvers(false)?, [Party::Daycare(number), Party::Municipality(kbh)]);
    /// let privat = Institution { legal_basis: LegalBasis::Privat, ..kommunal };
    /// assert_eq!(privat.approvers(false)?, [Party::Daycare(number)]);
    /// # Ok::<(), unilogin::FieldError>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorType::LegalBasisNotAccepted`] for § 19 stk. 4, as [`Institution::addressee`].
    pub fn approvers(&self, placement_system: bool) -> Result<Vec<Party>, FieldError> {
        let addressee = self.addressee(placement_system)?;
        let mut parties = vec![addressee];
        if !placement_system && self.legal_basis != LegalBasis::Privat {
            parties.push(Party::Municipality(self.municipality));
        }
        Ok(parties)
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

/// Checks that `person` may approve or reject a request for `institution`.
pub(super) fn check_decider(
    institution: Institution,
    placement_system: bool,
    person: &Person,
) -> Result<(), FieldError> {
    let approvers = institution.approvers(placement_system)?;
    if !approvers.contains(&person.party) {
        let expected: Vec<String> = approvers.iter().map(ToString::to_string).collect();
        return Err(FieldError::with_ctx(
            ErrorType::AgreementWrongParty,
            crate::Ctx::new()
                .with("institution", institution.number.to_string())
                .with("expected", expected.join(" / "))
                .with("actual", person.party.to_string()),
        ));
    }
    check_rights(institution, person)
}

/// Checks the rights a person needs to act for an institution in the portal: the Tilslutning
/// right, and for a private daycare's employee MitID Erhverv with key file.
pub(super) fn check_rights(institution: Institution, person: &Person) -> Result<(), FieldError> {
    if !person.tilslutning_right {
        return Err(FieldError::new(ErrorType::AgreementMissingRight));
    }
    if institution.legal_basis == LegalBasis::Privat && !person.mitid_erhverv_key_file {
        return Err(FieldError::new(ErrorType::AgreementMissingKeyFile));
    }
    Ok(())
}
