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
mod punycode;

pub use address::{Address, City, Door, Floor, HouseNumber, PostalCode, Street};
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
                Self::$deserialize(&raw).map_err($crate::problem::serde_input::domain)
            }
        }
    };
}
pub(crate) use canonical_string_type;

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
