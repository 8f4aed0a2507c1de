//! [`ValidationPolicy`]: record validation's rules of medium or low confidence as data a host can
//! override: the P-number checksum and the number where its weights switch, the register's
//! ownership codes (`ejerformKode`), the institution types a request or a register row
//! accepts, and whether a town must match its postal code.
//!
//! The default is STIL's rules as documented in `docs/domain.md`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::identifiers::PNumber;
use crate::iso_date;
use crate::{Ctx, ErrorType, FieldError, InstitutionType, LegalBasis};

/// Record validation's rules that rest on medium- or low-confidence sources, as data. Every
/// field has STIL's value by default ([`ValidationPolicy::STIL`]); from JSON, a host gives only
/// the fields it overrides (unknown fields are refused).
///
/// ```
/// use unilogin::{InstitutionNumberRequest, InstitutionType, RawRequest, ValidationPolicy};
/// let raw = RawRequest::from_pairs([("p_number", "1029829824"), ("institution_type", "6013")]);
/// let strict = InstitutionNumberRequest::validate(&raw).unwrap_err();
/// assert!(strict.iter().any(|p| p.kind().code() == "p_number_checksum"));
/// assert!(strict.iter().any(|p| p.kind().code() == "institution_type_not_accepted"));
///
/// let lenient = ValidationPolicy::STIL.with_p_number_checksum(false);
/// let problems = InstitutionNumberRequest::validate_with(&raw, &lenient).unwrap_err();
/// let host: ValidationPolicy = serde_json::from_value(serde_json::json!({
///     "p_number_checksum": false,
///     "request_institution_types": [6010, 6011, 6012, 6013],
/// }))?;
/// let problems = InstitutionNumberRequest::validate_with(&raw, &host).unwrap_err();
/// assert!(problems.iter().all(|p| p.kind().code() != "p_number_checksum"));
/// assert!(problems.iter().all(|p| p.loc().to_string() != "institution_type"));
/// assert!(host.request_institution_types.contains(InstitutionType::Dagpleje));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct ValidationPolicy {
    /// Enforce the P-number modulus-11 check. The rule is inferred from public implementations
    /// and open data rather than published by the CVR register (M), so a host may turn it off
    /// (or treat `p_number_checksum` problems as warnings by their type). Default: on.
    pub p_number_checksum: bool,
    /// The reference date of the records: the day they are checked on, as the host gives it
    /// (the core reads no clock). With a date, a user row refuses a CPR number whose birth date
    /// is after it (`cpr_date_in_future`) and reports a pupil whose age on that date does not
    /// fit the grade band (`age_outside_grade_band`, a warning by its type if the host wants).
    /// Default: `None`, no check against a date. Serialised as `YYYY-MM-DD`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use unilogin::{record::RecordKind, ValidationPolicy};
    /// let row = serde_json::json!({
    ///     "cpr": "150320-4120", "first_name": "Freja", "last_name": "Prøvesen",
    ///     "role": "elev", "grade": "9", "institution_number": "G18062"
    /// });
    /// let row = row.as_object().unwrap();
    /// assert!(RecordKind::User.validate_json(row).is_ok());
    /// let on = ValidationPolicy::STIL.with_as_of(NaiveDate::from_ymd_opt(2026, 8, 15));
    /// let problems = RecordKind::User.validate_json_with(row, &on).unwrap_err();
    /// assert_eq!(problems.as_slice()[0].kind().code(), "age_outside_grade_band");
    /// ```
    #[serde(deserialize_with = "iso_date::optional")]
    pub as_of: Option<NaiveDate>,
    /// The last P-number checked with the old series' weights (1,5,6,7,3,6,4,8,9,1); every
    /// number above it uses 4,3,2,7,6,5,4,3,2,1. The real switch is only known to lie between
    /// 1006395171 and 1007201377 (M), so a host that learns better may move it. Default:
    /// [`PNumber::WEIGHT_SWITCH`], 1006959421, the highest known number of the old series.
    pub p_number_weight_switch: u64,
    /// The register's ownership codes (`ejerformKode`) for each legal basis. No STIL source
    /// gives the mapping (L). Default: 1 kommunal, 2 selvejet, 3 privat, 4 udliciteret.
    #[serde(deserialize_with = "OwnershipCodes::deserialize_checked")]
    pub ownership_codes: OwnershipCodes,
    /// The institution types an institution-number request accepts. STIL's form offers 6010,
    /// 6011 and 6012 (H); a host may accept more of the recognised ones (whose names rest on
    /// low-confidence sources) or fewer. Default: 6010, 6011, 6012.
    pub request_institution_types: InstitutionTypes,
    /// The institution types a register row accepts. Default: every recognised type (6010–6014,
    /// 6020–6022; beyond 6010–6012 L).
    pub register_institution_types: InstitutionTypes,
    /// Compare a record's town with its postal code's town in PostNord's list
    /// (`postal_code_town_mismatch`). Real register rows match the list exactly, so a mismatch
    /// is a real defect; a host whose data writes towns otherwise may turn the check off.
    /// Default: on.
    ///
    /// ```
    /// use unilogin::{record::RecordKind, ValidationPolicy};
    /// let row = serde_json::json!({"street": "Nørregade", "house_number": "12",
    ///     "postal_code": "8000", "city": "Odense C"});
    /// let row = row.as_object().unwrap();
    /// let town = |p: &ValidationPolicy| RecordKind::Request.validate_json_with(row, p)
    ///     .unwrap_err().iter().any(|p| p.kind().code() == "postal_code_town_mismatch");
    /// assert!(town(&ValidationPolicy::STIL));
    /// assert!(!town(&ValidationPolicy::STIL.with_postal_town(false)));
    /// ```
    pub postal_town: bool,
}

impl ValidationPolicy {
    /// STIL's rules as documented: every check on, the documented switch, mapping and types.
    pub const STIL: Self = Self {
        p_number_checksum: true,
        as_of: None,
        p_number_weight_switch: PNumber::WEIGHT_SWITCH,
        ownership_codes: OwnershipCodes::STIL,
        request_institution_types: InstitutionTypes::REQUEST_STIL,
        register_institution_types: InstitutionTypes::ALL,
        postal_town: true,
    };

    /// This policy with the P-number checksum on or off ([`ValidationPolicy::p_number_checksum`]).
    /// The policy is `#[non_exhaustive]` (later versions may add rules), so a host outside the
    /// crate builds one from [`ValidationPolicy::STIL`] with these methods, or from JSON.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use unilogin::ValidationPolicy;
    /// let policy = ValidationPolicy::STIL
    ///     .with_p_number_checksum(false)
    ///     .with_as_of(NaiveDate::from_ymd_opt(2026, 8, 15));
    /// assert!(!policy.p_number_checksum);
    /// assert_eq!(policy.as_of.map(|d| d.to_string()).as_deref(), Some("2026-08-15"));
    /// assert_eq!(policy.with_p_number_weight_switch(1_006_395_171).p_number_weight_switch, 1_006_395_171);
    /// ```
    ///
    /// A struct literal does not compile outside the crate:
    ///
    /// ```compile_fail
    /// let p = unilogin::ValidationPolicy { p_number_checksum: false, ..unilogin::ValidationPolicy::STIL };
    /// ```
    #[must_use]
    pub const fn with_p_number_checksum(mut self, on: bool) -> Self {
        self.p_number_checksum = on;
        self
    }

    /// This policy with the reference date `as_of` ([`ValidationPolicy::as_of`]).
    #[must_use]
    pub const fn with_as_of(mut self, as_of: Option<NaiveDate>) -> Self {
        self.as_of = as_of;
        self
    }

    /// This policy with the last P-number of the old weight series
    /// ([`ValidationPolicy::p_number_weight_switch`]).
    #[must_use]
    pub const fn with_p_number_weight_switch(mut self, last_old: u64) -> Self {
        self.p_number_weight_switch = last_old;
        self
    }

    /// This policy with the register's ownership codes ([`ValidationPolicy::ownership_codes`]).
    #[must_use]
    pub const fn with_ownership_codes(mut self, codes: OwnershipCodes) -> Self {
        self.ownership_codes = codes;
        self
    }

    /// This policy with the institution types a request may name
    /// ([`ValidationPolicy::request_institution_types`]).
    #[must_use]
    pub const fn with_request_institution_types(mut self, types: InstitutionTypes) -> Self {
        self.request_institution_types = types;
        self
    }

    /// This policy with the institution types a register row may name
    /// ([`ValidationPolicy::register_institution_types`]).
    #[must_use]
    pub const fn with_register_institution_types(mut self, types: InstitutionTypes) -> Self {
        self.register_institution_types = types;
        self
    }

    /// This policy with the town check on or off ([`ValidationPolicy::postal_town`]).
    #[must_use]
    pub const fn with_postal_town(mut self, on: bool) -> Self {
        self.postal_town = on;
        self
    }

    /// Parses a P-number under this policy.
    pub(crate) fn p_number(self, input: &str) -> Result<PNumber, FieldError> {
        if self.p_number_checksum {
            PNumber::parse_with_switch(input, self.p_number_weight_switch)
        } else {
            PNumber::parse_format(input)
        }
    }

    /// A register row's legal basis: an ownership code (bare digits) by
    /// [`ValidationPolicy::ownership_codes`], or any text [`LegalBasis::parse`] reads.
    ///
    /// # Errors
    /// [`ErrorType::LegalBasisUnknown`] for a code no basis has, or text not recognised.
    pub(crate) fn register_legal_basis(self, input: &str) -> Result<LegalBasis, FieldError> {
        let trimmed = input.trim();
        if !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit()) {
            return trimmed
                .parse()
                .ok()
                .and_then(|code| self.ownership_codes.legal_basis(code))
                .ok_or(FieldError::new(ErrorType::LegalBasisUnknown));
        }
        LegalBasis::parse(trimmed)
    }

    /// A request's institution type: STIL's three with STIL's error, or the host's set.
    ///
    /// # Errors
    /// As [`InstitutionType::parse_accepted`] under STIL's set; under another set,
    /// [`ErrorType::InstitutionTypeNotInPolicy`] for a recognised type outside it.
    pub(crate) fn request_institution_type(
        self,
        input: &str,
    ) -> Result<InstitutionType, FieldError> {
        if self.request_institution_types == InstitutionTypes::REQUEST_STIL {
            return InstitutionType::parse_accepted(input);
        }
        self.request_institution_types
            .check(InstitutionType::parse(input)?)
    }

    /// A register row's institution type, if in [`ValidationPolicy::register_institution_types`].
    ///
    /// # Errors
    /// [`ErrorType::InstitutionTypeUnknown`]; [`ErrorType::InstitutionTypeNotInPolicy`] for a
    /// recognised type outside the set.
    pub(crate) fn register_institution_type(
        self,
        input: &str,
    ) -> Result<InstitutionType, FieldError> {
        self.register_institution_types
            .check(InstitutionType::parse(input)?)
    }
}

impl Default for ValidationPolicy {
    fn default() -> Self {
        Self::STIL
    }
}

/// The register's ownership code (`ejerformKode`) of each legal basis, `None` for a basis no
/// code denotes. From JSON: `{"kommunal": 1, "selvejet": 2, "privat": 3, "udliciteret": 4}`,
/// any subset (the others keep STIL's code); in a [`ValidationPolicy`] two bases may not share
/// a code ([`OwnershipCodes::check`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OwnershipCodes {
    /// § 19, stk. 2.
    pub kommunal: Option<u8>,
    /// § 19, stk. 3.
    pub selvejet: Option<u8>,
    /// § 19, stk. 5.
    pub privat: Option<u8>,
    /// § 19, stk. 4.
    pub udliciteret: Option<u8>,
}

impl OwnershipCodes {
    /// The mapping the library assumes: 1 kommunal, 2 selvejet, 3 privat, 4 udliciteret.
    pub const STIL: Self = Self {
        kommunal: Some(1),
        selvejet: Some(2),
        privat: Some(3),
        udliciteret: Some(4),
    };

    /// The code of `basis`.
    pub fn code(self, basis: LegalBasis) -> Option<u8> {
        match basis {
            LegalBasis::Kommunal => self.kommunal,
            LegalBasis::Selvejet => self.selvejet,
            LegalBasis::Privat => self.privat,
            LegalBasis::Udliciteret => self.udliciteret,
        }
    }

    /// The legal basis with `code`.
    ///
    /// ```
    /// use unilogin::policy::OwnershipCodes;
    /// use unilogin::LegalBasis;
    /// assert_eq!(OwnershipCodes::STIL.legal_basis(2), Some(LegalBasis::Selvejet));
    /// let host = OwnershipCodes { udliciteret: Some(5), ..OwnershipCodes::STIL };
    /// assert_eq!(host.legal_basis(5), Some(LegalBasis::Udliciteret));
    /// assert_eq!(host.legal_basis(4), None);
    /// ```
    pub fn legal_basis(self, code: u8) -> Option<LegalBasis> {
        LegalBasis::ALL
            .into_iter()
            .find(|&b| self.code(b) == Some(code))
    }
}

impl OwnershipCodes {
    /// The codes, if no two legal bases share one.
    ///
    /// # Errors
    /// The message naming the code and the two bases.
    pub fn check(self) -> Result<Self, String> {
        for (i, a) in LegalBasis::ALL.into_iter().enumerate() {
            for b in LegalBasis::ALL.into_iter().skip(i + 1) {
                if let (Some(x), Some(y)) = (self.code(a), self.code(b)) {
                    if x == y {
                        return Err(format!(
                            "ownership code {x} is given to both {} and {}",
                            a.key(),
                            b.key()
                        ));
                    }
                }
            }
        }
        Ok(self)
    }

    /// Reads the codes and [`OwnershipCodes::check`]s them.
    fn deserialize_checked<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Self::deserialize(d)?
            .check()
            .map_err(serde::de::Error::custom)
    }
}

impl Default for OwnershipCodes {
    fn default() -> Self {
        Self::STIL
    }
}

/// A set of recognised institution types. From JSON: a list of codes (`[6010, 6011, 6012]`);
/// a code that is not recognised is refused.
///
/// ```
/// use unilogin::policy::InstitutionTypes;
/// use unilogin::InstitutionType;
/// let types = InstitutionTypes::of(&[InstitutionType::Vuggestue, InstitutionType::Dagpleje]);
/// assert!(types.contains(InstitutionType::Dagpleje));
/// assert!(!types.contains(InstitutionType::Boernehave));
/// assert_eq!(types.codes(), [6010, 6013]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "Vec<u16>", into = "Vec<u16>")]
pub struct InstitutionTypes(u16);

impl InstitutionTypes {
    /// Every recognised type.
    pub const ALL: Self = Self((1 << InstitutionType::ALL.len()) - 1);
    /// The types STIL's institution-number form offers: 6010, 6011, 6012.
    pub const REQUEST_STIL: Self = Self(0b111);

    fn bit(kind: InstitutionType) -> u16 {
        let index = InstitutionType::ALL
            .iter()
            .position(|&t| t == kind)
            .unwrap_or(0);
        1 << index
    }

    /// The set of `types`.
    pub fn of(types: &[InstitutionType]) -> Self {
        Self(types.iter().fold(0, |set, &t| set | Self::bit(t)))
    }

    /// Whether `kind` is in the set.
    pub fn contains(self, kind: InstitutionType) -> bool {
        self.0 & Self::bit(kind) != 0
    }

    /// The types in the set, in code order.
    pub fn types(self) -> impl Iterator<Item = InstitutionType> {
        InstitutionType::ALL
            .into_iter()
            .filter(move |&t| self.contains(t))
    }

    /// The codes in the set, in order.
    pub fn codes(self) -> Vec<u16> {
        self.types().map(InstitutionType::code).collect()
    }

    /// `kind` if in the set.
    fn check(self, kind: InstitutionType) -> Result<InstitutionType, FieldError> {
        if self.contains(kind) {
            return Ok(kind);
        }
        let accepted: Vec<String> = self.codes().iter().map(u16::to_string).collect();
        Err(FieldError::with_ctx(
            ErrorType::InstitutionTypeNotInPolicy,
            Ctx::new()
                .with("code", i64::from(kind.code()))
                .with("label", kind.term())
                .with("accepted", accepted.join(", ")),
        ))
    }
}

impl TryFrom<Vec<u16>> for InstitutionTypes {
    type Error = String;
    fn try_from(codes: Vec<u16>) -> Result<Self, Self::Error> {
        let types = codes
            .iter()
            .map(|&c| InstitutionType::from_code(c).ok_or(c))
            .collect::<Result<Vec<_>, u16>>()
            .map_err(|c| format!("{c} is not a recognised institution type"))?;
        Ok(Self::of(&types))
    }
}

impl From<InstitutionTypes> for Vec<u16> {
    fn from(types: InstitutionTypes) -> Self {
        types.codes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stil_is_the_default_and_serialises_whole() {
        let policy: ValidationPolicy = serde_json::from_str("{}").unwrap();
        assert_eq!(policy, ValidationPolicy::STIL);
        let json = serde_json::to_value(ValidationPolicy::STIL).unwrap();
        assert_eq!(
            json["request_institution_types"],
            serde_json::json!([6010, 6011, 6012])
        );
        assert_eq!(json["ownership_codes"]["udliciteret"], 4);
        assert_eq!(json["p_number_weight_switch"], 1_006_959_421_u64);
        let back: ValidationPolicy = serde_json::from_value(json).unwrap();
        assert_eq!(back, ValidationPolicy::STIL);
    }

    #[test]
    fn overrides_are_checked() {
        let read = |v: serde_json::Value| serde_json::from_value::<ValidationPolicy>(v);
        assert!(read(serde_json::json!({"p_number_checksm": false})).is_err());
        assert!(read(serde_json::json!({"request_institution_types": [6099]})).is_err());
        let shared = read(serde_json::json!({"ownership_codes": {"privat": 1}})).unwrap_err();
        assert!(
            shared
                .to_string()
                .contains("ownership code 1 is given to both kommunal and privat"),
            "{shared}"
        );
        let moved =
            read(serde_json::json!({"ownership_codes": {"kommunal": null, "privat": 1}})).unwrap();
        assert_eq!(
            moved.ownership_codes.legal_basis(1),
            Some(LegalBasis::Privat)
        );
        assert_eq!(moved.ownership_codes.legal_basis(3), None);
        assert_eq!(moved.ownership_codes.selvejet, Some(2));
    }

    #[test]
    fn the_lookups_follow_the_policy() {
        let stil = ValidationPolicy::STIL;
        assert_eq!(stil.register_legal_basis("4"), Ok(LegalBasis::Udliciteret));
        assert_eq!(
            stil.register_legal_basis("5").unwrap_err().kind(),
            ErrorType::LegalBasisUnknown
        );
        let err = stil.request_institution_type("6013").unwrap_err();
        assert_eq!(err.kind(), ErrorType::InstitutionTypeNotAccepted);
        let host = ValidationPolicy {
            request_institution_types: InstitutionTypes::of(&[InstitutionType::Boernehave]),
            register_institution_types: InstitutionTypes::REQUEST_STIL,
            ..stil
        };
        assert_eq!(
            host.request_institution_type("6011"),
            Ok(InstitutionType::Boernehave)
        );
        let err = host.request_institution_type("6010").unwrap_err();
        assert_eq!(err.kind(), ErrorType::InstitutionTypeNotInPolicy);
        assert_eq!(
            err.message(crate::Lang::En),
            "6010 (Nursery) is not accepted here; only 6011"
        );
        assert_eq!(
            host.register_institution_type("6013").unwrap_err().kind(),
            ErrorType::InstitutionTypeNotInPolicy
        );
    }

    #[test]
    fn the_policy_reads_its_date_so() {
        let policy: ValidationPolicy = serde_json::from_str(r#"{"as_of": "2026-08-15"}"#).unwrap();
        assert_eq!(policy.as_of, chrono::NaiveDate::from_ymd_opt(2026, 8, 15));
        let none: ValidationPolicy = serde_json::from_str(r#"{"as_of": null}"#).unwrap();
        assert_eq!(none.as_of, None);
        let bad = serde_json::from_str::<ValidationPolicy>(r#"{"as_of": "15.08.2026"}"#);
        assert!(bad.unwrap_err().to_string().contains("is not a date"));
    }
}
