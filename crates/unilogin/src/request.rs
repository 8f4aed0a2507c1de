//! The institution-number request a private daycare sends STIL.
//!
//! Source: STIL, "Tilslutning til Unilogin", section "Tildeling af institutionsnummer": all
//! fields are mandatory (CVR and P-number, address, municipality name, institution name, email,
//! phone, legal basis § 19 stk. 2/3/5, institution type 6010/6011/6012).

use serde::{Deserialize, Serialize};

use crate::identifiers::{
    Address, City, Cvr, Door, Email, Floor, HouseNumber, InstitutionName, Municipality, PNumber,
    PhoneNumber, PostalCode, Street,
};
use crate::record::{check_address, AddressFields, Checker, Field, RawRecord, RecordType};
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
    /// `address`: the whole address on one line, as the guide's "Adresseoplysninger"
    /// (`Nørregade 12, 2. tv, 8000 Aarhus C`), instead of street, house number, postal code
    /// and city.
    Address,
    /// `floor`, optional: the floor (`st`, `2`, `kl`), also accepted after the house number.
    Floor,
    /// `door`, optional: the door (`tv`, `th`, `3`), also accepted after the house number.
    Door,
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
        Self::Address,
        Self::Floor,
        Self::Door,
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
            Self::Address => "address",
            Self::Floor => "floor",
            Self::Door => "door",
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
            Self::Address => &["Adresseoplysninger", "Adresse"],
            Self::Floor => &["Etage", "etagebetegnelse"],
            Self::Door => &["Dør", "doer", "dørbetegnelse"],
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl RequestField {
    /// Whether the request may leave the field out: the address line (then street, house
    /// number, postal code and city are needed), the floor and the door.
    pub fn is_optional(self) -> bool {
        matches!(self, Self::Address | Self::Floor | Self::Door)
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
    Option<Address>,
    Option<Floor>,
    Option<Door>,
);

/// The request's address fields.
const ADDRESS_FIELDS: AddressFields<RequestField> = AddressFields {
    line: Some(RequestField::Address),
    street: RequestField::Street,
    house_number: RequestField::HouseNumber,
    floor: RequestField::Floor,
    door: RequestField::Door,
    postal_code: RequestField::PostalCode,
    city: RequestField::City,
};

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
        let each = serde_json::to_value(Self::check_each(&mut c, policy).0);
        match each.ok().as_ref().and_then(|v| v.get(field.index())) {
            Some(value) if !value.is_null() => Ok(value.clone()),
            _ => match c
                .finish()
                .into_iter()
                .find(|p| p.loc() == &Loc::key(field.key()))
            {
                Some(problem) => Err(problem),
                // An optional field left out.
                None if field.is_optional() => Ok(serde_json::Value::Null),
                None => Err(FieldError::new(ErrorType::Missing).at(Loc::key(field.key()), raw)),
            },
        }
    }

    /// Every field checked with the request's rule, in field order, and the address when all
    /// its parts are valid.
    fn check_each(
        c: &mut Checker<'_, '_, RequestField>,
        policy: ValidationPolicy,
    ) -> (Checked, Option<Address>) {
        use RequestField as F;
        let cvr = c.required_exact(F::Cvr, Cvr::parse);
        let p_number = c.required_exact(F::PNumber, |v| policy.p_number(v));
        let institution_name = c.required_text::<InstitutionName>(F::InstitutionName);
        let a = check_address(c, &ADDRESS_FIELDS, policy);
        (
            (
                cvr,
                p_number,
                institution_name,
                a.street,
                a.house_number,
                a.postal_code,
                a.city,
                c.required(F::Municipality, Municipality::parse),
                c.required_text::<Email>(F::Email),
                c.required_exact(F::Phone, PhoneNumber::parse),
                c.required(F::LegalBasis, LegalBasis::parse_accepted),
                c.required(F::InstitutionType, |v| policy.request_institution_type(v)),
                a.line,
                a.floor,
                a.door,
            ),
            a.address,
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
                (
                    Some(cvr),
                    Some(p_number),
                    Some(institution_name),
                    _,
                    _,
                    _,
                    _,
                    Some(municipality),
                    Some(email),
                    Some(phone),
                    Some(legal_basis),
                    Some(institution_type),
                    _,
                    _,
                    _,
                ),
                Some(address),
            ) => Ok(Self {
                cvr,
                p_number,
                institution_name,
                address,
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
