//! Single values dispatched by the name of their kind: what the command's `check`, the
//! bindings' `check_value` / `parseValue` and the shared identifier vectors call.

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::identifiers::{
    Address, City, Cvr, Door, Email, Floor, HouseNumber, InstitutionName, InstitutionNumber,
    Municipality, PNumber, PhoneNumber, PostalCode, Street,
};
use crate::people::{Cpr, Grade, Username};
use crate::{ErrorType, FieldError, InstitutionType, LegalBasis, Loc, Problem};

/// The kinds of single value the library parses, for hosts that dispatch on a name (the
/// command's `check`, per-value checks in the bindings, the shared test vectors).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueKind {
    /// [`Cvr`]
    Cvr,
    /// [`PNumber`]
    PNumber,
    /// [`InstitutionNumber`]
    InstitutionNumber,
    /// [`Municipality`]
    Municipality,
    /// [`PhoneNumber`]
    Phone,
    /// [`Email`]
    Email,
    /// [`Email`] given in ASCII ([`Email::ascii`]: the domain's IDNA A-labels, `xn--…`).
    EmailAscii,
    /// [`Cpr`]: a personal identity number, shown masked ([`ValueKind::shown`]).
    Cpr,
    /// [`PostalCode`]
    PostalCode,
    /// [`HouseNumber`]
    HouseNumber,
    /// [`Street`]
    Street,
    /// [`City`]
    City,
    /// [`InstitutionName`]
    InstitutionName,
    /// [`LegalBasis`], any of § 19 stk. 2–5.
    LegalBasis,
    /// [`LegalBasis`] as STIL's form accepts it (stk. 2, 3, 5).
    LegalBasisAccepted,
    /// [`InstitutionType`], any recognised code.
    InstitutionType,
    /// [`InstitutionType`] as STIL's form accepts it (6010–6012).
    InstitutionTypeAccepted,
    /// [`Username`]
    Username,
    /// [`Grade`], a school grade 0–10.
    Grade,
    /// [`Floor`]
    Floor,
    /// [`Door`]
    Door,
    /// [`Address`] on one line ([`Address::parse_line`]); the town is not compared with the
    /// postal code (a record's check does that, as its policy says).
    Address,
}

impl ValueKind {
    /// Every kind.
    pub const ALL: [Self; 22] = [
        Self::Cvr,
        Self::PNumber,
        Self::InstitutionNumber,
        Self::Municipality,
        Self::Phone,
        Self::Email,
        Self::EmailAscii,
        Self::Cpr,
        Self::PostalCode,
        Self::HouseNumber,
        Self::Street,
        Self::City,
        Self::InstitutionName,
        Self::LegalBasis,
        Self::LegalBasisAccepted,
        Self::InstitutionType,
        Self::InstitutionTypeAccepted,
        Self::Username,
        Self::Grade,
        Self::Floor,
        Self::Door,
        Self::Address,
    ];

    /// The name: the `snake_case` key, e.g. `p_number`, `legal_basis_accepted`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Cvr => "cvr",
            Self::PNumber => "p_number",
            Self::InstitutionNumber => "institution_number",
            Self::Municipality => "municipality",
            Self::Phone => "phone",
            Self::Email => "email",
            Self::EmailAscii => "email_ascii",
            Self::Cpr => "cpr",
            Self::PostalCode => "postal_code",
            Self::HouseNumber => "house_number",
            Self::Street => "street",
            Self::City => "city",
            Self::InstitutionName => "institution_name",
            Self::LegalBasis => "legal_basis",
            Self::LegalBasisAccepted => "legal_basis_accepted",
            Self::InstitutionType => "institution_type",
            Self::InstitutionTypeAccepted => "institution_type_accepted",
            Self::Username => "username",
            Self::Grade => "grade",
            Self::Floor => "floor",
            Self::Door => "door",
            Self::Address => "address",
        }
    }

    /// The kind with this name; dashes are accepted for underscores (`p-number`).
    pub fn from_name(name: &str) -> Option<Self> {
        let name = name.trim().replace('-', "_").to_ascii_lowercase();
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Parses `input` as this kind and returns its canonical string: the identifier's
    /// `Display`, the municipality's official name, the legal basis key, the type code, the
    /// CPR number as `DDMMYY-SSSS`, the grade's number, an email address with its domain in
    /// Unicode (`email`) or in ASCII (`email_ascii`).
    ///
    /// ```
    /// use unilogin::form::ValueKind;
    /// assert_eq!(ValueKind::Phone.canonical("+45 3366 3366").as_deref(), Ok("33 66 33 66"));
    /// assert_eq!(ValueKind::Cvr.canonical("13585627").unwrap_err().kind().code(), "cvr_checksum");
    /// assert_eq!(ValueKind::Grade.canonical(" 3 ").as_deref(), Ok("3"));
    /// let email = "sb@taastrup.børnegalaxen.dk";
    /// assert_eq!(ValueKind::EmailAscii.canonical(email).as_deref(), Ok("sb@taastrup.xn--brnegalaxen-ggb.dk"));
    /// ```
    ///
    /// # Errors
    /// The kind's parse error; [`ErrorType::Missing`] for blank input.
    pub fn canonical(self, input: &str) -> Result<String, FieldError> {
        Ok(self.parsed(input)?.canonical)
    }

    /// Raw input of this kind as problems and printed output may show it: a CPR number's
    /// serial number masked ([`Cpr::redact`]), any other kind as given with the serial number
    /// of any CPR-shaped number in it masked (`150320-****`).
    pub fn shown(self, input: &str) -> Cow<'_, str> {
        match self {
            Self::Cpr => Cpr::redact(input),
            _ => crate::text::mask_cpr(input),
        }
    }

    fn parsed(self, input: &str) -> Result<Parsed, FieldError> {
        if input.trim().is_empty() {
            return Err(FieldError::new(ErrorType::Missing));
        }
        let plain = |canonical: String| Parsed {
            shown: canonical.clone(),
            canonical,
            birth_date: None,
            ascii: None,
        };
        Ok(match self {
            Self::Cvr => plain(Cvr::parse(input)?.to_string()),
            Self::PNumber => plain(PNumber::parse(input)?.to_string()),
            Self::InstitutionNumber => plain(InstitutionNumber::parse(input)?.to_string()),
            Self::Municipality => plain(Municipality::parse(input)?.to_string()),
            Self::Phone => plain(PhoneNumber::parse(input)?.to_string()),
            Self::Email => {
                let email = Email::parse(input)?;
                let ascii = email.ascii();
                let ascii = (ascii != email.as_str()).then(|| ascii.into_owned());
                Parsed {
                    ascii,
                    ..plain(email.to_string())
                }
            }
            Self::EmailAscii => plain(Email::parse(input)?.ascii().into_owned()),
            Self::Cpr => {
                let cpr = Cpr::parse(input)?;
                Parsed {
                    canonical: cpr.as_str().to_owned(),
                    shown: cpr.masked(),
                    birth_date: Some(cpr.birth_date()),
                    ascii: None,
                }
            }
            Self::PostalCode => plain(PostalCode::parse(input)?.to_string()),
            Self::HouseNumber => plain(HouseNumber::parse(input)?.to_string()),
            Self::Street => plain(Street::parse(input)?.to_string()),
            Self::City => plain(City::parse(input)?.to_string()),
            Self::InstitutionName => plain(InstitutionName::parse(input)?.to_string()),
            Self::LegalBasis => plain(LegalBasis::parse(input)?.to_string()),
            Self::LegalBasisAccepted => plain(LegalBasis::parse_accepted(input)?.to_string()),
            Self::InstitutionType => plain(InstitutionType::parse(input)?.to_string()),
            Self::InstitutionTypeAccepted => {
                plain(InstitutionType::parse_accepted(input)?.to_string())
            }
            Self::Username => plain(Username::parse(input)?.as_str().to_owned()),
            Self::Grade => plain(Grade::parse(input)?.value().to_string()),
            Self::Floor => plain(Floor::parse(input)?.to_string()),
            Self::Door => plain(Door::parse(input)?.to_string()),
            Self::Address => plain(Address::parse_line(input)?.to_string()),
        })
    }
}

/// A parsed value: its canonical text, the text safe to print, a CPR number's birth date, and
/// an email address's ASCII form where it differs.
struct Parsed {
    canonical: String,
    shown: String,
    birth_date: Option<NaiveDate>,
    ascii: Option<String>,
}

/// Parses one value of `kind` for a binding: its canonical text, or its problem at the root
/// location with the input as [`ValueKind::shown`] shows it. `None` is an absent value
/// (`missing`, without input).
///
/// ```
/// use unilogin::form::{parse_value, ValueKind};
/// assert_eq!(parse_value(ValueKind::Cvr, Some("DK 1358 5628")).as_deref(), Ok("13585628"));
/// let problem = parse_value(ValueKind::Cpr, Some("3102211234")).unwrap_err();
/// assert_eq!((problem.kind().code(), problem.input()), ("cpr_date", Some("310221-****")));
/// ```
///
/// # Errors
/// The value's problem.
pub fn parse_value(kind: ValueKind, input: Option<&str>) -> Result<String, Problem> {
    let Some(input) = input else {
        return Err(FieldError::new(ErrorType::Missing).at(Loc::root(), None));
    };
    kind.canonical(input)
        .map_err(|e| e.at(Loc::root(), Some(&kind.shown(input))))
}

/// One value checked for printing (the command's `check`): the input as it may be shown, and
/// the canonical form as it may be shown with a CPR number's birth date or an email address's
/// ASCII form, or the error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueCheck {
    kind: ValueKind,
    input: String,
    outcome: Result<Checked, FieldError>,
}

/// What a valid value adds to its canonical form in a [`ValueCheck`].
#[derive(Debug, Clone, PartialEq, Eq)]
struct Checked {
    shown: String,
    birth_date: Option<NaiveDate>,
    ascii: Option<String>,
}

impl ValueCheck {
    /// Checks `input` as a value of `kind`.
    ///
    /// ```
    /// use unilogin::form::{ValueCheck, ValueKind};
    /// let check = ValueCheck::new(ValueKind::Cpr, "150320-4120");
    /// assert_eq!((check.input(), check.shown()), ("150320-****", Some("150320-****")));
    /// assert_eq!(check.birth_date().map(|d| d.to_string()).as_deref(), Some("2020-03-15"));
    /// ```
    pub fn new(kind: ValueKind, input: &str) -> Self {
        Self {
            kind,
            input: kind.shown(input).into_owned(),
            outcome: kind.parsed(input).map(|p| Checked {
                shown: p.shown,
                birth_date: p.birth_date,
                ascii: p.ascii,
            }),
        }
    }

    /// The kind.
    pub fn kind(&self) -> ValueKind {
        self.kind
    }

    /// The input as it may be shown (a CPR number masked).
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The canonical form as it may be shown (a CPR number masked), or `None` when invalid.
    pub fn shown(&self) -> Option<&str> {
        self.outcome.as_ref().ok().map(|c| c.shown.as_str())
    }

    /// The birth date of a valid CPR number.
    pub fn birth_date(&self) -> Option<NaiveDate> {
        self.outcome.as_ref().ok().and_then(|c| c.birth_date)
    }

    /// The ASCII form of a valid email address ([`Email::ascii`]) when its domain is not ASCII.
    ///
    /// ```
    /// use unilogin::form::{ValueCheck, ValueKind};
    /// let check = ValueCheck::new(ValueKind::Email, "sb@taastrup.børnegalaxen.dk");
    /// assert_eq!(check.ascii(), Some("sb@taastrup.xn--brnegalaxen-ggb.dk"));
    /// assert_eq!(ValueCheck::new(ValueKind::Email, "a@b.dk").ascii(), None);
    /// ```
    pub fn ascii(&self) -> Option<&str> {
        self.outcome.as_ref().ok().and_then(|c| c.ascii.as_deref())
    }

    /// The error, or `None` when the value is valid.
    pub fn error(&self) -> Option<&FieldError> {
        self.outcome.as_ref().err()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_name_that_finds_it() {
        for kind in ValueKind::ALL {
            assert_eq!(ValueKind::from_name(kind.name()), Some(kind));
            assert_eq!(
                ValueKind::from_name(&kind.name().replace('_', "-").to_uppercase()),
                Some(kind)
            );
        }
        assert_eq!(ValueKind::from_name("iban"), None);
    }

    #[test]
    fn cpr_numbers_are_never_shown_whole() {
        let valid = ValueCheck::new(ValueKind::Cpr, "1503204120");
        assert_eq!(valid.shown(), Some("150320-****"));
        assert_eq!(
            ValueKind::Cpr.canonical("1503204120").unwrap(),
            "150320-4120"
        );
        let invalid = ValueCheck::new(ValueKind::Cpr, "0102031234x");
        assert_eq!(invalid.input(), "***********");
        assert_eq!(
            invalid.error().map(FieldError::kind),
            Some(ErrorType::CprFormat)
        );
        let problem = parse_value(ValueKind::Cpr, Some("0102031234x")).unwrap_err();
        assert_eq!(problem.input(), Some("***********"));
    }

    #[test]
    fn usernames_grades_and_absent_values() {
        assert_eq!(
            ValueKind::Username.canonical("ABCD1234").unwrap(),
            "abcd1234"
        );
        assert_eq!(
            ValueKind::Grade.canonical("11").unwrap_err().kind(),
            ErrorType::GradeRange
        );
        let absent = parse_value(ValueKind::Email, None).unwrap_err();
        assert_eq!((absent.kind(), absent.input()), (ErrorType::Missing, None));
        let blank = parse_value(ValueKind::Email, Some(" ")).unwrap_err();
        assert_eq!(
            (blank.kind(), blank.input()),
            (ErrorType::Missing, Some(" "))
        );
    }
}
