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
pub(crate) use name::clean_text;
pub use name::InstitutionName;
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
