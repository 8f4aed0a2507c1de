//! One row of a Dagtilbudsregisteret export of a placement unit (anvisningsenhed).
//!
//! Source: STIL, Dagtilbudsregisteret data model (viden.stil.dk, "Datamodel"): names and email
//! ≤ 132 characters, phone free text ≤ 20, institution numbers 6-character text, P-number
//! mandatory; Unilogin users attach only to a placement unit registered with CVR/P-number.
//! Column names are those of the register's public CSV export, matched case-insensitively.

use serde::{Deserialize, Serialize};

use crate::identifiers::Address;
use crate::identifiers::{
    City, Cvr, Email, InstitutionName, InstitutionNumber, Municipality, PNumber, PhoneNumber,
};
use crate::record::{check_address, AddressFields, Checker, Field, RawRecord, RecordType};
use crate::{ErrorType, FieldError, InstitutionType, LegalBasis, Problems, ValidationPolicy};

/// The register's limit for the free-text phone field.
pub const MAX_REGISTER_PHONE_CHARS: usize = 20;
/// The register's length of an institution number (6-character text).
pub const INSTITUTION_NUMBER_CHARS: usize = 6;

/// The fields of a register row the validator uses, with the register's column names as aliases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RegisterField {
    /// `placement_unit_number` (anvisningsenhedsNummer)
    PlacementUnitNumber,
    /// `daycare_number` (daginstitutionsNummer)
    DaycareNumber,
    /// `institution_name` (dagtilbudsNavn)
    InstitutionName,
    /// `institution_type` (instType3)
    InstitutionType,
    /// `legal_basis` (ejerformKode: 1 kommunal, 2 selvejende, 3 privat, 4 udliciteret)
    LegalBasis,
    /// `municipality` (`kommuneKode_Tekst`)
    Municipality,
    /// `admin_municipality` (`admKommuneKode_Tekst`)
    AdminMunicipality,
    /// `street` (vejNavn)
    Street,
    /// `house_number` (husNummer)
    HouseNumber,
    /// `postal_code` (postNummer)
    PostalCode,
    /// `city` (byNavn)
    City,
    /// `supplementary_city` (supplerendeBynavn)
    SupplementaryCity,
    /// `email`
    Email,
    /// `phone` (telefonNummer)
    Phone,
    /// `cvr` (cvrNummer)
    Cvr,
    /// `p_number` (pNummer)
    PNumber,
    /// `floor` (etage), optional; also accepted after the house number (`12, 2. tv`).
    Floor,
    /// `door` (doer), optional; also accepted after the house number.
    Door,
}

impl Field for RegisterField {
    const ALL: &'static [Self] = &[
        Self::PlacementUnitNumber,
        Self::DaycareNumber,
        Self::InstitutionName,
        Self::InstitutionType,
        Self::LegalBasis,
        Self::Municipality,
        Self::AdminMunicipality,
        Self::Street,
        Self::HouseNumber,
        Self::PostalCode,
        Self::City,
        Self::SupplementaryCity,
        Self::Email,
        Self::Phone,
        Self::Cvr,
        Self::PNumber,
        Self::Floor,
        Self::Door,
    ];

    fn key(self) -> &'static str {
        match self {
            Self::PlacementUnitNumber => "placement_unit_number",
            Self::DaycareNumber => "daycare_number",
            Self::InstitutionName => "institution_name",
            Self::InstitutionType => "institution_type",
            Self::LegalBasis => "legal_basis",
            Self::Municipality => "municipality",
            Self::AdminMunicipality => "admin_municipality",
            Self::Street => "street",
            Self::HouseNumber => "house_number",
            Self::PostalCode => "postal_code",
            Self::City => "city",
            Self::SupplementaryCity => "supplementary_city",
            Self::Email => "email",
            Self::Phone => "phone",
            Self::Cvr => "cvr",
            Self::PNumber => "p_number",
            Self::Floor => "floor",
            Self::Door => "door",
        }
    }

    fn aliases(self) -> &'static [&'static str] {
        match self {
            Self::PlacementUnitNumber => &[
                "anvisningsenhedsNummer",
                "enhedsNummer",
                "institution_number",
            ],
            Self::DaycareNumber => &["daginstitutionsNummer"],
            Self::InstitutionName => &["dagtilbudsNavn", "enhedsNavn", "anvisningsenhedsNavn"],
            Self::InstitutionType => &["instType3", "instType"],
            Self::LegalBasis => &["ejerformKode", "ejerform"],
            Self::Municipality => &["kommuneKode_Tekst", "kommuneKode", "kommune"],
            Self::AdminMunicipality => &["admKommuneKode_Tekst", "admKommuneKode"],
            Self::Street => &["vejNavn"],
            Self::HouseNumber => &["husNummer"],
            Self::PostalCode => &["postNummer"],
            Self::City => &["byNavn"],
            Self::SupplementaryCity => &["supplerendeBynavn"],
            Self::Email => &[],
            Self::Phone => &["telefonNummer", "telefon"],
            Self::Cvr => &["cvrNummer"],
            Self::PNumber => &["pNummer"],
            Self::Floor => &["etage", "etagebetegnelse"],
            Self::Door => &["doer", "dør", "dørbetegnelse"],
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The register row's address fields (the register has no address on one line).
const ADDRESS_FIELDS: AddressFields<RegisterField> = AddressFields {
    line: None,
    street: RegisterField::Street,
    house_number: RegisterField::HouseNumber,
    floor: RegisterField::Floor,
    door: RegisterField::Door,
    postal_code: RegisterField::PostalCode,
    city: RegisterField::City,
};

/// Raw input of a register row.
pub type RawRegisterRow<'a> = RawRecord<'a, RegisterField>;

/// A valid register row of a placement unit that can get Unilogin users.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RegisterRecord {
    /// The placement unit's institution number (G-number).
    pub placement_unit_number: InstitutionNumber,
    /// The institution number of the daycare (parent board level), if given.
    pub daycare_number: Option<String>,
    /// The placement unit's name.
    pub institution_name: InstitutionName,
    /// The institution type (any recognised instType3 code).
    pub institution_type: InstitutionType,
    /// The legal basis (from the ownership code).
    pub legal_basis: LegalBasis,
    /// The municipality the unit lies in.
    pub municipality: Municipality,
    /// The administrating municipality, if given.
    pub admin_municipality: Option<Municipality>,
    /// The unit's address.
    #[serde(flatten)]
    pub address: Address,
    /// A supplementary town name, if given.
    pub supplementary_city: Option<City>,
    /// The contact email, if given.
    pub email: Option<Email>,
    /// The contact phone, if given.
    pub phone: Option<PhoneNumber>,
    /// The CVR number, if given (the register fills it from the P-number).
    pub cvr: Option<Cvr>,
    /// The P-number, without which the unit cannot get Unilogin users.
    pub p_number: PNumber,
}

/// The register's phone field: free text ≤ 20 characters that must be one Danish number.
/// Two numbers in the field are reported as such even when the text is also too long.
fn parse_register_phone(input: &str) -> Result<PhoneNumber, FieldError> {
    let parsed = PhoneNumber::parse(input);
    if matches!(&parsed, Err(e) if e.kind() == ErrorType::PhoneMultiple) {
        return parsed;
    }
    crate::text::at_most(input.trim(), MAX_REGISTER_PHONE_CHARS)?;
    parsed
}

/// The daycare's institution number: the register's 6-character text, kept as written.
struct DaycareNumber(String);

impl DaycareNumber {
    fn parse(input: &str) -> Result<Self, FieldError> {
        daycare_text(input).map(|s| Self(s.to_owned()))
    }
}

fn daycare_text(input: &str) -> Result<&str, FieldError> {
    crate::text::clean_text(input, INSTITUTION_NUMBER_CHARS)
}

crate::text::text_value!(DaycareNumber, daycare_text);

impl RegisterRecord {
    /// Validates one register row, reporting **every** problem at once. Columns the validator
    /// does not use (geoBredde, aktivitetsstatus, …) are ignored.
    ///
    /// ```
    /// use unilogin::register::{RawRegisterRow, RegisterRecord};
    /// let row = RawRegisterRow::from_pairs([
    ///     ("anvisningsenhedsNummer", "G18062"), ("dagtilbudsNavn", "Solsikken"),
    ///     ("instType3", "6011"), ("ejerformKode", "3"), ("kommuneKode_Tekst", "Vesthimmerland"),
    ///     ("vejNavn", "Skolevej"), ("husNummer", "4"), ("postNummer", "9600"),
    ///     ("byNavn", "Aars"), ("telefonNummer", "98 62 12 34"), ("pNummer", "1029829825"),
    ///     ("geoBredde", "56.80"),
    /// ]);
    /// let record = RegisterRecord::validate(&row)?;
    /// assert_eq!(record.municipality.name(), "Vesthimmerlands");
    ///
    /// let no_p = RawRegisterRow::from_pairs([("pNummer", "")]);
    /// let problems = RegisterRecord::validate(&no_p).unwrap_err();
    /// assert!(problems.iter().any(|p| p.kind().code() == "unilogin_requires_p_number"));
    /// # Ok::<(), unilogin::Problems>(())
    /// ```
    ///
    /// # Errors
    /// All problems of the row, each located at its field's canonical key.
    pub fn validate(raw: &RawRegisterRow<'_>) -> Result<Self, Problems> {
        Self::validate_with(raw, &ValidationPolicy::STIL)
    }

    /// Validates like [`RegisterRecord::validate`] under a host's `policy`.
    ///
    /// # Errors
    /// All problems of the row, each located at its field's canonical key.
    pub fn validate_with(
        raw: &RawRegisterRow<'_>,
        policy: &ValidationPolicy,
    ) -> Result<Self, Problems> {
        <Self as RecordType>::validate_with(raw, *policy)
    }
}

impl RecordType for RegisterRecord {
    type Field = RegisterField;
    const NAME: &'static str = "register";

    fn check_fields(
        mut c: Checker<'_, '_, RegisterField>,
        policy: ValidationPolicy,
    ) -> Result<Self, Problems> {
        use RegisterField as F;
        let placement_unit_number =
            c.required_exact(F::PlacementUnitNumber, InstitutionNumber::parse);
        let daycare_number = c.optional_text::<DaycareNumber>(F::DaycareNumber);
        let institution_name = c.required_text::<InstitutionName>(F::InstitutionName);
        let institution_type =
            c.required(F::InstitutionType, |v| policy.register_institution_type(v));
        let legal_basis = c.required(F::LegalBasis, |v| policy.register_legal_basis(v));
        let municipality = c.required(F::Municipality, Municipality::parse);
        let admin_municipality = c.optional(F::AdminMunicipality, Municipality::parse);
        let address = check_address(&mut c, &ADDRESS_FIELDS, policy).address;
        let supplementary_city = c.optional_text::<City>(F::SupplementaryCity);
        let email = c.optional_text::<Email>(F::Email);
        let phone = c.optional_exact(F::Phone, parse_register_phone);
        let cvr = c.optional_exact(F::Cvr, Cvr::parse);
        let p_number = match c.value(F::PNumber) {
            None => {
                c.report(
                    F::PNumber,
                    FieldError::new(ErrorType::UniloginRequiresPNumber),
                );
                None
            }
            Some(_) => c.required_exact(F::PNumber, |v| policy.p_number(v)),
        };
        match (
            placement_unit_number,
            daycare_number,
            institution_name,
            institution_type,
            legal_basis,
            municipality,
            admin_municipality,
            address,
            supplementary_city,
            (email, phone, cvr, p_number),
        ) {
            (
                Some(placement_unit_number),
                Ok(daycare_number),
                Some(institution_name),
                Some(institution_type),
                Some(legal_basis),
                Some(municipality),
                Ok(admin_municipality),
                Some(address),
                Ok(supplementary_city),
                (Ok(email), Ok(phone), Ok(cvr), Some(p_number)),
            ) => Ok(Self {
                placement_unit_number,
                daycare_number: daycare_number.map(|d| d.0),
                institution_name,
                institution_type,
                legal_basis,
                municipality,
                admin_municipality,
                address,
                supplementary_city,
                email,
                phone,
                cvr,
                p_number,
            }),
            _ => Err(c.finish()),
        }
    }
}
