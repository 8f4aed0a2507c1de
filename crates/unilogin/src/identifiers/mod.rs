//! Identifiers and contact values: each a newtype that can only hold a valid value.
//!
//! Every type parses messy real input (`FromStr` and a `parse` function), displays its canonical
//! form, and (de)serialises as that canonical string. Sources for each rule are in
//! `docs/domain.md`.

mod address;
mod cvr;
mod email;
mod institution_number;
mod municipality;
mod municipality_table;
mod name;
mod p_number;
mod phone;

pub use address::{Address, City, HouseNumber, PostalCode, Street};
pub use cvr::Cvr;
pub use email::Email;
pub use institution_number::InstitutionNumber;
pub use municipality::Municipality;
pub use name::InstitutionName;
pub(crate) use name::{clean_text, MAX_NAME_CHARS as MAX_TEXT_CHARS};
pub use p_number::PNumber;
pub use phone::PhoneNumber;

/// Keeps the ASCII digits of `input` after removing the separators people type
/// (spaces, non-breaking spaces, dashes, dots). Returns `None` if anything else remains.
fn digits_without_separators(input: &str) -> Option<String> {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        match c {
            '0'..='9' => out.push(c),
            ' ' | '\u{a0}' | '\u{202f}' | '\t' | '-' | '\u{2010}' | '\u{2011}' | '\u{2013}'
            | '.' => {}
            _ => return None,
        }
    }
    Some(out)
}

/// The weighted digit sum used by the CVR and P-number modulus-11 checks.
fn weighted_sum(digits: &[u8], weights: &[u32]) -> u32 {
    digits
        .iter()
        .zip(weights)
        .map(|(&d, &w)| u32::from(d - b'0') * w)
        .sum()
}

/// Implements `Display`, `FromStr`, `Serialize`, `Deserialize`, `AsRef<str>` for a newtype
/// around a canonical `String` with an inherent `parse(&str) -> Result<Self, FieldError>`.
macro_rules! canonical_string_type {
    ($ty:ident) => {
        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $ty {
            type Err = $crate::FieldError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s)
            }
        }

        impl AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let raw = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(d)?;
                Self::parse(&raw).map_err(::serde::de::Error::custom)
            }
        }
    };
}
pub(crate) use canonical_string_type;

/// The kinds of single value the library parses, for hosts that dispatch on a name (the
/// command's `check`, per-field form validation in the bindings, the shared test vectors).
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
    /// [`crate::LegalBasis`], any of § 19 stk. 2–5.
    LegalBasis,
    /// [`crate::LegalBasis`] as STIL's form accepts it (stk. 2, 3, 5).
    LegalBasisAccepted,
    /// [`crate::InstitutionType`], any recognised code.
    InstitutionType,
    /// [`crate::InstitutionType`] as STIL's form accepts it (6010–6012).
    InstitutionTypeAccepted,
}

impl ValueKind {
    /// Every kind.
    pub const ALL: [Self; 15] = [
        Self::Cvr,
        Self::PNumber,
        Self::InstitutionNumber,
        Self::Municipality,
        Self::Phone,
        Self::Email,
        Self::PostalCode,
        Self::HouseNumber,
        Self::Street,
        Self::City,
        Self::InstitutionName,
        Self::LegalBasis,
        Self::LegalBasisAccepted,
        Self::InstitutionType,
        Self::InstitutionTypeAccepted,
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
            Self::PostalCode => "postal_code",
            Self::HouseNumber => "house_number",
            Self::Street => "street",
            Self::City => "city",
            Self::InstitutionName => "institution_name",
            Self::LegalBasis => "legal_basis",
            Self::LegalBasisAccepted => "legal_basis_accepted",
            Self::InstitutionType => "institution_type",
            Self::InstitutionTypeAccepted => "institution_type_accepted",
        }
    }

    /// The kind with this name; dashes are accepted for underscores (`p-number`).
    pub fn from_name(name: &str) -> Option<Self> {
        let name = name.trim().replace('-', "_").to_ascii_lowercase();
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Parses `input` as this kind and returns its canonical string: the identifier's
    /// `Display`, the municipality's official name, the legal basis key, the type code.
    ///
    /// ```
    /// use unilogin::identifiers::ValueKind;
    /// assert_eq!(ValueKind::Phone.canonical("+45 3366 3366").as_deref(), Ok("33 66 33 66"));
    /// assert_eq!(ValueKind::Cvr.canonical("13585627").unwrap_err().kind().code(), "cvr_checksum");
    /// ```
    ///
    /// # Errors
    /// The kind's parse error; [`crate::ErrorType::Missing`] for blank input.
    pub fn canonical(self, input: &str) -> Result<String, crate::FieldError> {
        if input.trim().is_empty() {
            return Err(crate::FieldError::new(crate::ErrorType::Missing));
        }
        Ok(match self {
            Self::Cvr => Cvr::parse(input)?.to_string(),
            Self::PNumber => PNumber::parse(input)?.to_string(),
            Self::InstitutionNumber => InstitutionNumber::parse(input)?.to_string(),
            Self::Municipality => Municipality::parse(input)?.to_string(),
            Self::Phone => PhoneNumber::parse(input)?.to_string(),
            Self::Email => Email::parse(input)?.to_string(),
            Self::PostalCode => PostalCode::parse(input)?.to_string(),
            Self::HouseNumber => HouseNumber::parse(input)?.to_string(),
            Self::Street => Street::parse(input)?.to_string(),
            Self::City => City::parse(input)?.to_string(),
            Self::InstitutionName => InstitutionName::parse(input)?.to_string(),
            Self::LegalBasis => crate::LegalBasis::parse(input)?.to_string(),
            Self::LegalBasisAccepted => crate::LegalBasis::parse_accepted(input)?.to_string(),
            Self::InstitutionType => crate::InstitutionType::parse(input)?.to_string(),
            Self::InstitutionTypeAccepted => {
                crate::InstitutionType::parse_accepted(input)?.to_string()
            }
        })
    }
}
