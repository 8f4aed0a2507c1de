//! The institution-number request a private daycare sends STIL.
//!
//! Source: STIL, "Tilslutning til Unilogin", section "Tildeling af institutionsnummer": all
//! fields are mandatory (CVR and P-number, address, municipality name, institution name, email,
//! phone, legal basis § 19 stk. 2/3/5, institution type 6010/6011/6012).

use serde::{Deserialize, Serialize};

use crate::identifiers::{
    Address, City, Cvr, Email, HouseNumber, InstitutionName, Municipality, PNumber, PhoneNumber,
    PostalCode, Street,
};
use crate::record::{Checker, Field, RawRecord, RecordType};
use crate::{
    ErrorType, FieldError, InstitutionType, LegalBasis, Loc, Problem, Problems, ValidationPolicy,
};

/// The fields of an institution-number request, in form order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RequestField {
    /// `cvr`
    Cvr,
    /// `p_number`
    PNumber,
    /// `institution_name`
    InstitutionName,
    /// `street`
    Street,
    /// `house_number`
    HouseNumber,
    /// `postal_code`
    PostalCode,
    /// `city`
    City,
    /// `municipality`
    Municipality,
    /// `email`
    Email,
    /// `phone`
    Phone,
    /// `legal_basis`
    LegalBasis,
    /// `institution_type`
    InstitutionType,
}

impl Field for RequestField {
    const ALL: &'static [Self] = &[
        Self::Cvr,
        Self::PNumber,
        Self::InstitutionName,
        Self::Street,
        Self::HouseNumber,
        Self::PostalCode,
        Self::City,
        Self::Municipality,
        Self::Email,
        Self::Phone,
        Self::LegalBasis,
        Self::InstitutionType,
    ];

    fn key(self) -> &'static str {
        match self {
            Self::Cvr => "cvr",
            Self::PNumber => "p_number",
            Self::InstitutionName => "institution_name",
            Self::Street => "street",
            Self::HouseNumber => "house_number",
            Self::PostalCode => "postal_code",
            Self::City => "city",
            Self::Municipality => "municipality",
            Self::Email => "email",
            Self::Phone => "phone",
            Self::LegalBasis => "legal_basis",
            Self::InstitutionType => "institution_type",
        }
    }

    /// The labels of STIL's guide for the request (S-private: "CVR og P-nummer",
    /// "Kommunenavn", "Institutionens navn", "Email-adresse", "Telefonnummer", "Dagtilbuddets
    /// lovgrundlag", "Dagtilbuddets institutionstype") and the register's column names for the
    /// same values (S-datireg-model: `cvrNummer`, `pNummer`, `vejNavn`, …), so a request file
    /// with either header is read. Matched case-insensitively.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Self::Cvr => &["CVR-nummer", "cvrNummer"],
            Self::PNumber => &["P-nummer", "pNummer"],
            Self::InstitutionName => &["Institutionens navn", "Institutionsnavn", "dagtilbudsNavn"],
            Self::Street => &["vejNavn"],
            Self::HouseNumber => &["husNummer", "Husnr"],
            Self::PostalCode => &["postNummer", "Postnr"],
            Self::City => &["byNavn", "By"],
            Self::Municipality => &["Kommunenavn", "Kommune", "kommuneKode_Tekst"],
            Self::Email => &["Email-adresse", "E-mail-adresse", "E-mail"],
            Self::Phone => &["Telefonnummer", "Telefon", "Tlf"],
            Self::LegalBasis => &["Dagtilbuddets lovgrundlag", "Lovgrundlag"],
            Self::InstitutionType => &["Dagtilbuddets institutionstype", "Institutionstype"],
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Raw input of an institution-number request.
pub type RawRequest<'a> = RawRecord<'a, RequestField>;

/// A valid institution-number request: every field present and valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InstitutionNumberRequest {
    /// The institution's CVR number.
    pub cvr: Cvr,
    /// The institution's P-number.
    pub p_number: PNumber,
    /// The institution's name.
    pub institution_name: InstitutionName,
    /// The institution's address.
    #[serde(flatten)]
    pub address: Address,
    /// The municipality the institution lies in.
    pub municipality: Municipality,
    /// The contact email.
    pub email: Email,
    /// The contact phone.
    pub phone: PhoneNumber,
    /// The legal basis: § 19, stk. 2, 3 or 5 (never stk. 4).
    pub legal_basis: LegalBasis,
    /// The institution type: 6010, 6011 or 6012.
    pub institution_type: InstitutionType,
}

/// Each field's value as [`InstitutionNumberRequest`]'s checks give it: `None` where the field
/// is missing or invalid.
type Checked = (
    Option<Cvr>,
    Option<PNumber>,
    Option<InstitutionName>,
    Option<Street>,
    Option<HouseNumber>,
    Option<PostalCode>,
    Option<City>,
    Option<Municipality>,
    Option<Email>,
    Option<PhoneNumber>,
    Option<LegalBasis>,
    Option<InstitutionType>,
);

impl InstitutionNumberRequest {
    /// Validates a raw request, reporting **every** problem at once.
    ///
    /// ```
    /// use unilogin::request::{InstitutionNumberRequest, RawRequest};
    /// let raw = RawRequest::from_pairs([
    ///     ("cvr", "DK-13585628"), ("p_number", "1029829825"),
    ///     ("institution_name", "Børnehuset Mælkebøtten"), ("street", "Nørregade"),
    ///     ("house_number", "12b"), ("postal_code", "1165"), ("city", "København K"),
    ///     ("municipality", "Københavns Kommune"), ("email", "kontakt@maelkeboetten.dk"),
    ///     ("phone", "+45 33 66 33 66"), ("legal_basis", "stk. 5"), ("institution_type", "6012"),
    /// ]);
    /// let request = InstitutionNumberRequest::validate(&raw)?;
    /// assert_eq!(request.phone.to_string(), "33 66 33 66");
    ///
    /// let bad = RawRequest::from_pairs([("cvr", "13585627"), ("legal_basis", "§ 19, stk. 4")]);
    /// let problems = InstitutionNumberRequest::validate(&bad).unwrap_err();
    /// assert_eq!(problems.len(), 12); // checksum, stk. 4, and ten missing fields
    /// # Ok::<(), unilogin::Problems>(())
    /// ```
    ///
    /// # Errors
    /// All problems of the record, each located at its field's canonical key.
    pub fn validate(raw: &RawRequest<'_>) -> Result<Self, Problems> {
        Self::validate_with(raw, &ValidationPolicy::STIL)
    }

    /// Validates like [`InstitutionNumberRequest::validate`] under a host's `policy`.
    ///
    /// # Errors
    /// All problems of the record, each located at its field's canonical key.
    pub fn validate_with(
        raw: &RawRequest<'_>,
        policy: &ValidationPolicy,
    ) -> Result<Self, Problems> {
        <Self as RecordType>::validate_with(raw, *policy)
    }

    /// One field checked alone with the request's rules, for per-keystroke feedback: its
    /// canonical JSON value (as the valid request's JSON holds it), or the problem the whole
    /// request reports at its key. Derived from [`Self::check_each`], so it cannot drift.
    pub(crate) fn check_field(
        field: RequestField,
        raw: Option<&str>,
        policy: ValidationPolicy,
    ) -> Result<serde_json::Value, Problem> {
        let record = RawRequest::from_pairs(raw.map(|v| (field.key(), v)));
        let mut c = Checker::new(&record);
        let each = serde_json::to_value(Self::check_each(&mut c, policy));
        match each.ok().as_ref().and_then(|v| v.get(field.index())) {
            Some(value) if !value.is_null() => Ok(value.clone()),
            _ => Err(c
                .finish()
                .into_iter()
                .find(|p| p.loc() == &Loc::key(field.key()))
                .unwrap_or_else(|| {
                    FieldError::new(ErrorType::Missing).at(Loc::key(field.key()), raw)
                })),
        }
    }

    /// Every field checked with the request's rule, in field order.
    fn check_each(c: &mut Checker<'_, '_, RequestField>, policy: ValidationPolicy) -> Checked {
        use RequestField as F;
        (
            c.required_exact(F::Cvr, Cvr::parse),
            c.required_exact(F::PNumber, |v| policy.p_number(v)),
            c.required_text::<InstitutionName>(F::InstitutionName),
            c.required_text::<Street>(F::Street),
            c.required_exact(F::HouseNumber, HouseNumber::parse),
            c.required_exact(F::PostalCode, PostalCode::parse),
            c.required_text::<City>(F::City),
            c.required(F::Municipality, Municipality::parse),
            c.required_text::<Email>(F::Email),
            c.required_exact(F::Phone, PhoneNumber::parse),
            c.required(F::LegalBasis, LegalBasis::parse_accepted),
            c.required(F::InstitutionType, |v| policy.request_institution_type(v)),
        )
    }
}

impl RecordType for InstitutionNumberRequest {
    type Field = RequestField;
    const NAME: &'static str = "request";

    fn check_fields(
        mut c: Checker<'_, '_, RequestField>,
        policy: ValidationPolicy,
    ) -> Result<Self, Problems> {
        match Self::check_each(&mut c, policy) {
            (
                Some(cvr),
                Some(p_number),
                Some(institution_name),
                Some(street),
                Some(house_number),
                Some(postal_code),
                Some(city),
                Some(municipality),
                Some(email),
                Some(phone),
                Some(legal_basis),
                Some(institution_type),
            ) => Ok(Self {
                cvr,
                p_number,
                institution_name,
                address: Address {
                    street,
                    house_number,
                    postal_code,
                    city,
                },
                municipality,
                email,
                phone,
                legal_basis,
                institution_type,
            }),
            _ => Err(c.finish()),
        }
    }
}
