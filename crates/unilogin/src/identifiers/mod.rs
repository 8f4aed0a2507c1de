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
pub(crate) use name::MAX_NAME_CHARS as MAX_TEXT_CHARS;
pub use p_number::PNumber;
pub use phone::PhoneNumber;

/// Exactly `N` ASCII digits left in `input` after removing the separators people type
/// (spaces, non-breaking spaces, dashes, dots), without allocating. `None` if anything else
/// remains or the count of digits is not `N`.
fn fixed_digits<const N: usize>(input: &str) -> Option<[u8; N]> {
    let mut out = [0_u8; N];
    let mut len = 0;
    for c in input.chars() {
        match c {
            '0'..='9' => {
                // More than N digits: no slot left.
                *out.get_mut(len)? = c as u8;
                len += 1;
            }
            ' ' | '\u{a0}' | '\u{202f}' | '\t' | '-' | '\u{2010}' | '\u{2011}' | '\u{2013}'
            | '.' => {}
            _ => return None,
        }
    }
    (len == N).then_some(out)
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
/// `Deserialize` uses `parse`, or the inherent function named second: it must accept every value
/// the type can hold, so that whatever serialises reads back.
macro_rules! canonical_string_type {
    ($ty:ident) => {
        $crate::identifiers::canonical_string_type!($ty, parse);
    };
    ($ty:ident, $deserialize:ident) => {
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
                Self::$deserialize(&raw).map_err(::serde::de::Error::custom)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_digits_keeps_exactly_n_digits() {
        assert_eq!(fixed_digits::<8>("13585628"), Some(*b"13585628"));
        assert_eq!(fixed_digits::<8>("13 58-56.28"), Some(*b"13585628"));
        assert_eq!(
            fixed_digits::<8>("\u{a0}1358\u{202f}5628\t"),
            Some(*b"13585628")
        );
        assert_eq!(
            fixed_digits::<8>("1358\u{2010}56\u{2011}2\u{2013}8"),
            Some(*b"13585628")
        );
        assert_eq!(fixed_digits::<8>("1358562"), None);
        assert_eq!(fixed_digits::<8>("135856281"), None);
        assert_eq!(fixed_digits::<8>("1358562x"), None);
        assert_eq!(fixed_digits::<8>("135856281x"), None);
        assert_eq!(fixed_digits::<8>("１３５８５６２８"), None);
        assert_eq!(fixed_digits::<8>(""), None);
        assert_eq!(fixed_digits::<8>(" - . "), None);
        assert_eq!(fixed_digits::<0>(""), Some([]));
        assert_eq!(fixed_digits::<0>("1"), None);
        assert_eq!(fixed_digits::<10>("10 2982 9825"), Some(*b"1029829825"));
    }
}
