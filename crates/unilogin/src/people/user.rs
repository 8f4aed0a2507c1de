//! One row of a user roster: a person an administrative system sends to Unilogin.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::{Cpr, Grade, Role, Username};
use crate::identifiers::{canonical_string_type, Email, InstitutionNumber};
use crate::record::{Checker, Field, RawRecord, RecordType};
use crate::text::{clean_text, text_value};
use crate::{ErrorType, FieldError, Problems, ValidationPolicy};

/// The longest first or last name accepted (the register's limit for names, applied to people
/// as a model choice: STIL publishes no limit for user names).
pub const MAX_PERSON_NAME_CHARS: usize = 132;

/// The longest alias accepted: an alias is a display name, so it has a name's limit
/// ([`MAX_PERSON_NAME_CHARS`]).
pub const MAX_ALIAS_CHARS: usize = MAX_PERSON_NAME_CHARS;

/// A first or last name: 1–132 characters, trimmed, without control characters.
///
/// ```
/// use unilogin::people::PersonName;
/// assert_eq!(PersonName::parse("  Søren Åge ")?.as_str(), "Søren Åge");
/// let err = PersonName::parse("Ida\tMarie").unwrap_err();
/// assert_eq!(err.kind().code(), "string_control_characters");
/// # Ok::<(), unilogin::FieldError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PersonName(String);

impl PersonName {
    /// Parses a name.
    ///
    /// # Errors
    /// [`ErrorType::Missing`] when blank, [`ErrorType::StringControlCharacters`],
    /// [`ErrorType::StringTooLong`] above [`MAX_PERSON_NAME_CHARS`] characters.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        clean_text(input, MAX_PERSON_NAME_CHARS).map(|s| Self(s.to_owned()))
    }

    /// The trimmed name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

canonical_string_type!(PersonName);
text_value!(PersonName, |input| clean_text(input, MAX_PERSON_NAME_CHARS));

/// The alias of a person with name and address protection (navne- og adressebeskyttelse): the
/// display name shown instead of the real name (e.g. `Er.Navne.Beskyttet`, or initials). It is
/// a name, with a name's rules ([`PersonName`]: 1–132 characters, trimmed, without control
/// characters), and never a substitute for the CPR number: a row with an alias still needs
/// its CPR number, and its real name is withheld from every problem, `Debug` output and the
/// row's JSON. See `docs/people.md`.
///
/// ```
/// use unilogin::people::Alias;
/// assert_eq!(Alias::parse(" Er.Navne.Beskyttet ")?.as_str(), "Er.Navne.Beskyttet");
/// assert_eq!(Alias::parse(&"x".repeat(133)).unwrap_err().kind().code(), "string_too_long");
/// # Ok::<(), unilogin::FieldError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Alias(String);

impl Alias {
    /// Parses an alias.
    ///
    /// # Errors
    /// [`ErrorType::Missing`] when blank, [`ErrorType::StringControlCharacters`],
    /// [`ErrorType::StringTooLong`] above [`MAX_ALIAS_CHARS`] characters.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        clean_text(input, MAX_ALIAS_CHARS).map(|s| Self(s.to_owned()))
    }

    /// The trimmed alias.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

canonical_string_type!(Alias);
text_value!(Alias, |input| clean_text(input, MAX_ALIAS_CHARS));

/// The fields of a user roster row, with common Danish column names as aliases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UserField {
    /// `cpr` (`cprnr`, `cpr_nr`, `cpr-nr`, `cprnummer`, `cpr_nummer`, `cpr-nummer`,
    /// `personnummer`)
    Cpr,
    /// `alias` (the display name of a person with name and address protection)
    Alias,
    /// `first_name` (`fornavn`, `fornavne`, `firstname`, `first name`)
    FirstName,
    /// `last_name` (`efternavn`, `lastname`, `last name`, `surname`)
    LastName,
    /// `role` (`rolle`, `brugertype`)
    Role,
    /// `grade` (`klassetrin`, `klasse`, `trin`)
    Grade,
    /// `institution_number` (`institutionsnummer`, `institutionsnr`, `instnr`, `inst_nr`)
    InstitutionNumber,
    /// `username` (`brugernavn`, `unilogin`, `uni-login`, `unilogin_brugernavn`, `brugerid`)
    Username,
    /// `email` (`e-mail`, `e_mail`, `mail`, `emailadresse`, `e-mailadresse`)
    Email,
}

impl Field for UserField {
    const ALL: &'static [Self] = &[
        Self::Cpr,
        Self::Alias,
        Self::FirstName,
        Self::LastName,
        Self::Role,
        Self::Grade,
        Self::InstitutionNumber,
        Self::Username,
        Self::Email,
    ];

    fn key(self) -> &'static str {
        match self {
            Self::Cpr => "cpr",
            Self::Alias => "alias",
            Self::FirstName => "first_name",
            Self::LastName => "last_name",
            Self::Role => "role",
            Self::Grade => "grade",
            Self::InstitutionNumber => "institution_number",
            Self::Username => "username",
            Self::Email => "email",
        }
    }

    fn aliases(self) -> &'static [&'static str] {
        match self {
            Self::Cpr => &[
                "cprnr",
                "cpr_nr",
                "cpr-nr",
                "cprnummer",
                "cpr_nummer",
                "cpr-nummer",
                "personnummer",
            ],
            Self::Alias => &[],
            Self::FirstName => &["fornavn", "fornavne", "firstname", "first name"],
            Self::LastName => &["efternavn", "lastname", "last name", "surname"],
            Self::Role => &["rolle", "brugertype"],
            Self::Grade => &["klassetrin", "klasse", "trin"],
            Self::InstitutionNumber => {
                &["institutionsnummer", "institutionsnr", "instnr", "inst_nr"]
            }
            Self::Username => &[
                "brugernavn",
                "unilogin",
                "uni-login",
                "unilogin_brugernavn",
                "brugerid",
            ],
            Self::Email => &["e-mail", "e_mail", "mail", "emailadresse", "e-mailadresse"],
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    fn holds_cpr(self) -> bool {
        self == Self::Cpr
    }

    /// The CPR field shows only `DDMMYY-****` (see [`Cpr::redact`]); other fields as given,
    /// with any CPR-shaped number masked.
    fn mask_input(self, raw: &str) -> Cow<'_, str> {
        match self {
            Self::Cpr => Cpr::redact(raw),
            _ => crate::text::mask_cpr(raw),
        }
    }

    /// The real name is withheld when the row gives an alias.
    fn hidden_by(self) -> Option<Self> {
        matches!(self, Self::FirstName | Self::LastName).then_some(Self::Alias)
    }
}

/// Raw input of a user roster row.
pub type RawUserRecord<'a> = RawRecord<'a, UserField>;

/// A valid user roster row: who the person is, their role and the institution they belong to.
///
/// A validated record has a CPR number, and may have an alias (see [`UserRecord::validate`]).
/// `Debug` masks the CPR number ([`Cpr`]) and, when the row has an alias, withholds the real
/// name.
///
/// Serialisation gives a flat JSON object with every key: `cpr`, `alias`, `first_name`,
/// `last_name`, `role` (its key: `pupil`, `youth_education`, `employee`, `parent`), `grade` (a
/// number for pupils, else `null`), `institution_number`, `username`, `email`, absent values as
/// `null`, and the derived `birth_date` (`YYYY-MM-DD` from the CPR number), which shows how the
/// century rule read the number. The object holds the full CPR number. When the row has an
/// alias, `first_name` and `last_name` are `null`: the real name of a protected person is
/// withheld (the typed fields keep it for a host that needs it), so such an object does not
/// read back. Deserialisation reads the same shape (it ignores `birth_date`) and checks the
/// role and grade.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "UserRecordJson", try_from = "UserRecordJson")]
#[non_exhaustive]
pub struct UserRecord {
    /// The CPR number.
    pub cpr: Cpr,
    /// The display name of a person with name and address protection, shown instead of the
    /// real name, if given.
    pub alias: Option<Alias>,
    /// The first name(s). Withheld from `Debug` output and JSON when [`Self::alias`] is given.
    pub first_name: PersonName,
    /// The last name. Withheld from `Debug` output and JSON when [`Self::alias`] is given.
    pub last_name: PersonName,
    /// The role, with the grade for pupils.
    pub role: Role,
    /// The institution number the user belongs to.
    pub institution_number: InstitutionNumber,
    /// The Unilogin username, if the person already has one.
    pub username: Option<Username>,
    /// The email address, if given.
    pub email: Option<Email>,
}

impl UserRecord {
    /// The name to show: the alias when given, else the first and last name.
    ///
    /// ```
    /// use unilogin::people::{RawUserRecord, UserRecord};
    /// let row = RawUserRecord::from_pairs([
    ///     ("cpr", "150320-4000"), ("fornavn", "Freja"), ("efternavn", "Testesen"),
    ///     ("rolle", "elev"), ("klasse", "0"), ("instnr", "G18062"),
    ///     ("alias", "Er.Navne.Beskyttet"),
    /// ]);
    /// let user = UserRecord::validate(&row)?;
    /// assert_eq!(user.shown_name(), "Er.Navne.Beskyttet");
    /// assert!(!format!("{user:?}").contains("Freja"));
    /// # Ok::<(), unilogin::Problems>(())
    /// ```
    pub fn shown_name(&self) -> Cow<'_, str> {
        match &self.alias {
            Some(alias) => Cow::Borrowed(alias.as_str()),
            None => Cow::Owned(format!(
                "{} {}",
                self.first_name.as_str(),
                self.last_name.as_str()
            )),
        }
    }
}

/// `Debug` with the CPR number masked and, when an alias is given, the real name withheld.
impl std::fmt::Debug for UserRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let withheld = format_args!("<withheld>");
        let mut s = f.debug_struct("UserRecord");
        s.field("cpr", &self.cpr).field("alias", &self.alias);
        if self.alias.is_some() {
            s.field("first_name", &withheld)
                .field("last_name", &withheld);
        } else {
            s.field("first_name", &self.first_name)
                .field("last_name", &self.last_name);
        }
        s.field("role", &self.role)
            .field("institution_number", &self.institution_number)
            .field("username", &self.username)
            .field("email", &self.email)
            .finish()
    }
}

/// The serialised shape of [`UserRecord`]: flat, every key present.
#[derive(Serialize, Deserialize)]
struct UserRecordJson {
    cpr: Cpr,
    #[serde(default)]
    birth_date: Option<chrono::NaiveDate>,
    alias: Option<Alias>,
    first_name: Option<PersonName>,
    last_name: Option<PersonName>,
    role: Cow<'static, str>,
    grade: Option<Grade>,
    institution_number: InstitutionNumber,
    username: Option<Username>,
    email: Option<Email>,
}

impl From<UserRecord> for UserRecordJson {
    fn from(r: UserRecord) -> Self {
        let grade = match r.role {
            Role::Pupil { grade } => Some(grade),
            _ => None,
        };
        // The real name of a protected person is withheld.
        let shown = r.alias.is_none();
        Self {
            cpr: r.cpr,
            birth_date: Some(r.cpr.birth_date()),
            alias: r.alias,
            first_name: shown.then_some(r.first_name),
            last_name: shown.then_some(r.last_name),
            role: Cow::Borrowed(r.role.key()),
            grade,
            institution_number: r.institution_number,
            username: r.username,
            email: r.email,
        }
    }
}

impl TryFrom<UserRecordJson> for UserRecord {
    type Error = FieldError;

    fn try_from(j: UserRecordJson) -> Result<Self, Self::Error> {
        let (Some(first_name), Some(last_name)) = (j.first_name, j.last_name) else {
            return Err(FieldError::new(ErrorType::Missing));
        };
        let grade = j.grade.map(|g| g.to_string());
        Ok(Self {
            cpr: j.cpr,
            alias: j.alias,
            first_name,
            last_name,
            role: Role::parse(&j.role, grade.as_deref())?,
            institution_number: j.institution_number,
            username: j.username,
            email: j.email,
        })
    }
}

/// Drops a class letter from a grade as a `klasse` column gives it: `5.A`, `5A`, `5 b`,
/// `10.x` become `5`, `5`, `5`, `10`. Anything else is returned as it is.
fn without_class_letter(grade: &str) -> &str {
    let trimmed = grade.trim();
    let digits_end = trimmed
        .char_indices()
        .find(|(_, c)| !c.is_ascii_digit())
        .map_or(trimmed.len(), |(i, _)| i);
    let (digits, rest) = trimmed.split_at(digits_end);
    let mut letters = rest.trim_start_matches('.').trim_start().chars();
    match (letters.next(), letters.next()) {
        (Some(letter), None)
            if !digits.is_empty() && digits.len() <= 2 && letter.is_alphabetic() =>
        {
            digits
        }
        _ => trimmed,
    }
}

impl UserRecord {
    /// Validates one roster row, reporting **every** problem at once. Columns the validator
    /// does not use are ignored.
    ///
    /// - `cpr`: required, also when an alias is given.
    /// - `alias`: optional, the display name of a protected person, with a name's rules
    ///   ([`Alias`]). When it is given, the `input` of a problem at `first_name` or `last_name`
    ///   is one `*` per character: the real name is not shown.
    /// - `first_name`, `last_name`: 1–132 characters ([`PersonName`]).
    /// - `role` and `grade`: by [`Role::parse`]; `role_unknown` is reported at `role`,
    ///   `grade_required`, `grade_not_applicable` and `grade_range` at `grade`. A class letter
    ///   after the grade (`5.A`, `5A`) is ignored. With a blank or unknown role, a given grade
    ///   is still checked to be 0–10.
    /// - `institution_number`: required ([`InstitutionNumber`]).
    /// - `username`, `email`: optional ([`Username`], [`Email`]).
    ///
    /// This checks no date; under a policy with a reference date ([`ValidationPolicy::as_of`],
    /// through `RecordType::validate_with` or the `_with` methods of
    /// [`crate::record::RecordKind`]) a birth date after it is `cpr_date_in_future` at `cpr`,
    /// and a pupil whose age on it is outside the grade band's ages
    /// ([`super::GradeBand::ages`]) is `age_outside_grade_band` at `grade`.
    ///
    /// The `input` of a problem at `cpr` is masked ([`Cpr::redact`]).
    ///
    /// ```
    /// use unilogin::people::{RawUserRecord, UserRecord};
    /// let row = RawUserRecord::from_pairs([
    ///     ("CPR-nummer", "150320-4000"), ("Fornavn", "Freja"), ("Efternavn", "Testesen"),
    ///     ("Rolle", "elev"), ("Klasse", "0.A"), ("Institutionsnummer", "G18062"),
    /// ]);
    /// let user = UserRecord::validate(&row)?;
    /// assert_eq!(user.role.group().key(), "indskoling");
    ///
    /// let bad = RawUserRecord::from_pairs([
    ///     ("cpr", "310220-4000"), ("rolle", "forælder"), ("klasse", "3"),
    /// ]);
    /// let problems = UserRecord::validate(&bad).unwrap_err();
    /// let first = &problems.as_slice()[0];
    /// assert_eq!((first.kind().code(), first.input()), ("cpr_date", Some("310220-****")));
    /// # Ok::<(), unilogin::Problems>(())
    /// ```
    ///
    /// # Errors
    /// All problems of the row, each located at its field's canonical key.
    pub fn validate(raw: &RawUserRecord<'_>) -> Result<Self, Problems> {
        <Self as RecordType>::validate_with(raw, ValidationPolicy::STIL)
    }
}

/// User rows check dates against the policy's reference date ([`ValidationPolicy::as_of`]).
impl RecordType for UserRecord {
    type Field = UserField;
    const NAME: &'static str = "user";

    fn check_fields(
        mut c: Checker<'_, '_, UserField>,
        policy: ValidationPolicy,
    ) -> Result<Self, Problems> {
        use UserField as F;
        let cpr = c.required(F::Cpr, Cpr::parse);
        let cpr = match (cpr, policy.as_of) {
            (Some(cpr), Some(as_of)) => match cpr.born_by(as_of) {
                Ok(()) => Some(cpr),
                Err(e) => {
                    c.report(F::Cpr, e);
                    None
                }
            },
            (cpr, _) => cpr,
        };
        let alias = c.optional_text::<Alias>(F::Alias);
        let first_name = c.required_text::<PersonName>(F::FirstName);
        let last_name = c.required_text::<PersonName>(F::LastName);
        let role = check_role(&mut c);
        let role = match (role, cpr, policy.as_of) {
            (Some(role), Some(cpr), Some(as_of)) => match age_fits_role(cpr, role, as_of) {
                Ok(()) => Some(role),
                Err(e) => {
                    c.report(F::Grade, e);
                    None
                }
            },
            (role, ..) => role,
        };
        let institution_number = c.required_exact(F::InstitutionNumber, InstitutionNumber::parse);
        let username = c.optional_exact(F::Username, Username::parse);
        let email = c.optional_text::<Email>(F::Email);
        match (
            cpr,
            alias,
            first_name,
            last_name,
            role,
            institution_number,
            username,
            email,
        ) {
            (
                Some(cpr),
                Ok(alias),
                Some(first_name),
                Some(last_name),
                Some(role),
                Some(institution_number),
                Ok(username),
                Ok(email),
            ) => Ok(Self {
                cpr,
                alias,
                first_name,
                last_name,
                role,
                institution_number,
                username,
                email,
            }),
            _ => Err(c.finish()),
        }
    }
}

/// `Ok` unless `role` is a pupil whose age on `as_of` is outside the grade band's ages
/// ([`super::GradeBand::ages`]).
fn age_fits_role(cpr: Cpr, role: Role, as_of: chrono::NaiveDate) -> Result<(), FieldError> {
    let Role::Pupil { grade } = role else {
        return Ok(());
    };
    let band = grade.band();
    let (min, max) = band.ages();
    let Some(age) = cpr.age_on(as_of) else {
        return Ok(());
    };
    if (u32::from(min)..=u32::from(max)).contains(&age) {
        return Ok(());
    }
    Err(FieldError::with_ctx(
        ErrorType::AgeOutsideGradeBand,
        crate::Ctx::new()
            .with("age", i64::from(age))
            .with("grade", i64::from(grade.value()))
            .with("band", band.term())
            .with("min_age", i64::from(min))
            .with("max_age", i64::from(max))
            .with("as_of", as_of.to_string()),
    ))
}

/// Checks `role` and `grade` together, placing each problem at the field it concerns.
fn check_role(c: &mut Checker<'_, '_, UserField>) -> Option<Role> {
    // Both screened first, so a problem of either is placed at its own field.
    let (role, grade) = match (c.screened(UserField::Role), c.screened(UserField::Grade)) {
        (Ok(role), Ok(grade)) => (role, grade.map(without_class_letter)),
        (Err(()), Ok(Some(grade))) => {
            if let Err(e) = Grade::parse(without_class_letter(grade)) {
                c.report(UserField::Grade, e);
            }
            return None;
        }
        _ => return None,
    };
    let result = match role {
        None => Err(FieldError::new(ErrorType::Missing)),
        Some(role) => Role::parse(role, grade),
    };
    match result {
        Ok(role) => Some(role),
        Err(e) if matches!(e.kind(), ErrorType::Missing | ErrorType::RoleUnknown) => {
            c.report(UserField::Role, e);
            if let Some(Err(e)) = grade.map(Grade::parse) {
                c.report(UserField::Grade, e);
            }
            None
        }
        Err(e) => {
            c.report(UserField::Grade, e);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::Datelike;

    use super::*;
    use crate::Lang;

    fn row<'a>(pairs: &[(&'a str, &'a str)]) -> RawUserRecord<'a> {
        RawUserRecord::from_pairs(pairs.iter().copied())
    }

    const VALID: [(&str, &str); 6] = [
        ("cpr", "150320-4000"),
        ("first_name", "Freja"),
        ("last_name", "Testesen"),
        ("role", "elev"),
        ("grade", "0"),
        ("institution_number", "G18062"),
    ];

    fn with(changes: &[(&'static str, &'static str)]) -> RawUserRecord<'static> {
        let mut raw = row(&VALID);
        for &(k, v) in changes {
            raw.set(UserField::from_column(k).unwrap(), v);
        }
        raw
    }

    fn problems(raw: &RawUserRecord<'_>) -> Vec<(String, String, Option<String>)> {
        UserRecord::validate(raw)
            .unwrap_err()
            .iter()
            .map(|p| {
                (
                    p.kind().code().to_owned(),
                    p.loc().to_string(),
                    p.input().map(str::to_owned),
                )
            })
            .collect()
    }

    fn one(kind: &str, loc: &str, input: Option<&str>) -> Vec<(String, String, Option<String>)> {
        vec![(kind.to_owned(), loc.to_owned(), input.map(str::to_owned))]
    }

    #[test]
    fn danish_column_names_case_insensitively() {
        for (column, field) in [
            ("CPR-nr", UserField::Cpr),
            ("Personnummer", UserField::Cpr),
            ("FORNAVN", UserField::FirstName),
            ("Efternavn", UserField::LastName),
            ("Rolle", UserField::Role),
            ("Klassetrin", UserField::Grade),
            ("klasse", UserField::Grade),
            ("InstNr", UserField::InstitutionNumber),
            ("Brugernavn", UserField::Username),
            ("UNI-Login", UserField::Username),
            ("E-mail", UserField::Email),
        ] {
            assert_eq!(UserField::from_column(column), Some(field), "{column}");
        }
        for (i, f) in UserField::ALL.iter().enumerate() {
            assert_eq!(f.index(), i);
        }
    }

    #[test]
    fn a_valid_row_serialises_flat_with_every_key() {
        let user = UserRecord::validate(&row(&VALID)).unwrap();
        let json = serde_json::to_value(&user).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "cpr": "150320-4000", "birth_date": "2020-03-15", "alias": null, "first_name": "Freja",
                "last_name": "Testesen", "role": "pupil", "grade": 0,
                "institution_number": "G18062", "username": null, "email": null
            })
        );
        let back: UserRecord = serde_json::from_value(json).unwrap();
        assert_eq!(back, user);
        let employee = UserRecord::validate(&with(&[("role", "pædagog"), ("grade", "")])).unwrap();
        let json = serde_json::to_value(&employee).unwrap();
        assert_eq!(
            (&json["role"], &json["grade"]),
            (&serde_json::json!("employee"), &serde_json::Value::Null)
        );
        let no_cpr = serde_json::json!({
            "alias": "E.N.B.", "first_name": "A", "last_name": "B", "role": "parent",
            "institution_number": "G18062"
        });
        assert!(serde_json::from_value::<UserRecord>(no_cpr).is_err());
    }

    #[test]
    fn the_cpr_number_is_required_also_with_an_alias() {
        assert_eq!(
            problems(&with(&[("cpr", " ")])),
            one("missing", "cpr", Some(" "))
        );
        // An alias is a display name, not a substitute for the CPR number.
        assert_eq!(
            problems(&with(&[("cpr", ""), ("alias", "Er.Navne.Beskyttet")])),
            one("missing", "cpr", Some(""))
        );
        let both = UserRecord::validate(&with(&[("alias", "Er.Navne.Beskyttet")])).unwrap();
        assert_eq!(
            both.alias.as_ref().map(Alias::as_str),
            Some("Er.Navne.Beskyttet")
        );
        assert_eq!(
            problems(&with(&[("cpr", "12"), ("alias", "E.N.B.")])),
            one("cpr_format", "cpr", Some("**"))
        );
        assert_eq!(
            problems(&with(&[("alias", "a\u{7}")])),
            one("string_control_characters", "alias", Some("a\u{7}"))
        );
    }

    #[test]
    fn an_alias_follows_the_name_rules() {
        let longest = "x".repeat(MAX_PERSON_NAME_CHARS);
        let raw = with(&[]).with(UserField::Alias, longest.as_str());
        assert!(UserRecord::validate(&raw).is_ok());
        let too_long = "x".repeat(MAX_PERSON_NAME_CHARS + 1);
        let raw = with(&[]).with(UserField::Alias, too_long.as_str());
        let err = UserRecord::validate(&raw).unwrap_err();
        assert_eq!(
            serde_json::to_value(err.as_slice()[0].ctx()).unwrap(),
            serde_json::json!({"max_length": 132, "actual_length": 133})
        );
    }

    #[test]
    fn with_an_alias_the_real_name_is_never_shown() {
        let raw = with(&[
            ("alias", "Er.Navne.Beskyttet"),
            ("first_name", "Freja\tMarie"),
        ])
        .with(UserField::LastName, "T".repeat(133));
        let got = problems(&raw);
        assert_eq!(
            got,
            [
                one(
                    "string_control_characters",
                    "first_name",
                    Some("***********")
                ),
                one("string_too_long", "last_name", Some(&"*".repeat(133))),
            ]
            .concat()
        );
        assert!(!format!("{raw:?}").contains("Freja"), "{raw:?}");
        let valid = with(&[("alias", "Er.Navne.Beskyttet")]);
        let debug = format!("{valid:?}");
        assert!(
            !debug.contains("Freja") && !debug.contains("Testesen"),
            "{debug}"
        );
        let user = UserRecord::validate(&valid).unwrap();
        let debug = format!("{user:?}");
        assert!(
            !debug.contains("Freja") && !debug.contains("Testesen"),
            "{debug}"
        );
        assert_eq!(user.first_name.as_str(), "Freja");
        assert_eq!(user.shown_name(), "Er.Navne.Beskyttet");
        let json = serde_json::to_value(&user).unwrap();
        assert_eq!(
            (&json["first_name"], &json["last_name"], &json["alias"]),
            (
                &serde_json::Value::Null,
                &serde_json::Value::Null,
                &serde_json::json!("Er.Navne.Beskyttet")
            )
        );
        assert!(serde_json::from_value::<UserRecord>(json).is_err());
        // Without an alias the name is shown as given.
        assert_eq!(
            problems(&with(&[("first_name", "Freja\tMarie")])),
            one(
                "string_control_characters",
                "first_name",
                Some("Freja\tMarie")
            )
        );
        let plain = UserRecord::validate(&with(&[])).unwrap();
        assert_eq!(plain.shown_name(), "Freja Testesen");
    }

    #[test]
    fn cpr_input_is_masked_in_problems_and_debug() {
        assert_eq!(
            problems(&with(&[("cpr", "300220-4000")])),
            one("cpr_date", "cpr", Some("300220-****"))
        );
        let raw = with(&[("cpr", "150320-4000")]);
        let debug = format!("{raw:?}");
        assert!(debug.contains("\"150320-****\""), "{debug}");
        assert!(!debug.contains("4000"), "{debug}");
        let user = UserRecord::validate(&raw).unwrap();
        let debug = format!("{user:?}");
        assert!(
            debug.contains("Cpr(150320-****)") && !debug.contains("4000"),
            "{debug}"
        );
        assert_eq!(
            problems(&with(&[("cpr", "150320-40001")])),
            one("cpr_format", "cpr", Some("************"))
        );
    }

    #[test]
    fn role_and_grade_problems_sit_where_they_belong() {
        assert_eq!(
            problems(&with(&[("grade", "")])),
            one("grade_required", "grade", Some(""))
        );
        assert_eq!(
            problems(&with(&[("role", "forælder"), ("grade", "3")])),
            one("grade_not_applicable", "grade", Some("3"))
        );
        assert_eq!(
            problems(&with(&[("grade", "11")])),
            one("grade_range", "grade", Some("11"))
        );
        assert_eq!(
            problems(&with(&[("role", "rektor")])),
            one("role_unknown", "role", Some("rektor"))
        );
        assert_eq!(
            problems(&with(&[("role", "rektor"), ("grade", "11")])),
            [
                one("role_unknown", "role", Some("rektor")),
                one("grade_range", "grade", Some("11"))
            ]
            .concat()
        );
        assert_eq!(
            problems(&with(&[("role", ""), ("grade", "3")])),
            one("missing", "role", Some(""))
        );
        let err = UserRecord::validate(&with(&[("role", "parent"), ("grade", "2")])).unwrap_err();
        assert_eq!(
            err.as_slice()[0].message(Lang::Da),
            "Kun elever i grundskolen har et klassetrin, ikke forælder"
        );
    }

    #[test]
    fn dates_are_checked_against_the_reference_date_only_when_given() {
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 8, 15).unwrap();
        let on = ValidationPolicy {
            as_of: Some(as_of),
            ..ValidationPolicy::STIL
        };
        let kinds = |raw: &RawUserRecord<'_>, policy: ValidationPolicy| -> Vec<String> {
            <UserRecord as RecordType>::validate_with(raw, policy)
                .err()
                .map(|p| p.iter().map(|p| p.kind().code().to_owned()).collect())
                .unwrap_or_default()
        };
        let future = with(&[("cpr", "160826-4120")]);
        assert_eq!(kinds(&future, on), ["cpr_date_in_future"]);
        assert!(kinds(&future, ValidationPolicy::STIL).is_empty());
        // Every band's first and last age fit; one year outside does not.
        for band in crate::people::GradeBand::ALL {
            let (first, last) = band.grades();
            let (min, max) = band.ages();
            for (grade, age, fits) in [
                (first, min, true),
                (last, max, true),
                (first, min - 1, false),
                (last, max + 1, false),
            ] {
                let born = as_of.with_year(2026 - i32::from(age)).unwrap();
                let cpr = format!("{}-4120", born.format("%d%m%y"));
                let grade = grade.to_string();
                let raw = row(&VALID)
                    .with(UserField::Cpr, cpr.clone())
                    .with(UserField::Grade, grade.clone());
                let want: &[&str] = if fits {
                    &[]
                } else {
                    &["age_outside_grade_band"]
                };
                assert_eq!(kinds(&raw, on), want, "{band:?} grade {grade} age {age}");
            }
        }
        // Only pupils have a grade band.
        let baby_parent = with(&[("cpr", "150826-4120"), ("role", "forælder"), ("grade", "")]);
        assert!(kinds(&baby_parent, on).is_empty());
    }

    #[test]
    fn class_letters_are_dropped_from_the_grade() {
        for (given, grade) in [
            ("5.A", 5),
            ("5A", 5),
            ("5 b", 5),
            ("10.x", 10),
            ("0.ø", 0),
            ("7. klasse", 7),
        ] {
            let user = UserRecord::validate(&with(&[("grade", given)])).unwrap();
            assert_eq!(
                user.role,
                Role::Pupil {
                    grade: Grade::new(grade).unwrap()
                },
                "{given}"
            );
        }
        for given in ["5AB", "A", "5.-", "105a"] {
            assert_eq!(without_class_letter(given), given, "{given}");
        }
    }

    #[test]
    fn every_problem_at_once() {
        let raw = row(&[
            ("cpr", "999999-9999"),
            ("fornavn", "Ida\nMarie"),
            ("efternavn", ""),
            ("rolle", "elev"),
            ("klasse", "12"),
            ("instnr", "A12345"),
            ("brugernavn", "ab12"),
            ("email", "ida@"),
        ]);
        let got: Vec<(String, String)> =
            problems(&raw).into_iter().map(|(k, l, _)| (k, l)).collect();
        let want: Vec<(String, String)> = [
            ("cpr_date", "cpr"),
            ("string_control_characters", "first_name"),
            ("missing", "last_name"),
            ("grade_range", "grade"),
            ("institution_number_legacy", "institution_number"),
            ("username_format", "username"),
            ("email_format", "email"),
        ]
        .iter()
        .map(|(k, l)| ((*k).to_owned(), (*l).to_owned()))
        .collect();
        assert_eq!(got, want);
    }
}
