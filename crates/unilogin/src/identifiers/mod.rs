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
pub(crate) use name::{at_most, clean_text, text_value, MAX_NAME_CHARS as MAX_TEXT_CHARS};
pub use p_number::PNumber;
pub use phone::PhoneNumber;

/// `s.trim()`, without the Unicode scan in the common case of a value that starts and ends
/// with a visible ASCII character.
///
/// Bytes `0x21..=0x7F` are ASCII and never white space, so such a value has nothing to trim;
/// anything else (a space, a control, a non-ASCII character) takes the full `str::trim`.
#[inline]
pub(crate) fn trim(s: &str) -> &str {
    let visible_ascii = |b: Option<&u8>| matches!(b, Some(0x21..=0x7F));
    let bytes = s.as_bytes();
    if visible_ascii(bytes.first()) && visible_ascii(bytes.last()) {
        s
    } else {
        s.trim()
    }
}

/// Whether `s` holds a control character (`char::is_control`: U+0000–U+001F and
/// U+007F–U+009F), by a byte scan: in UTF-8 these are the bytes below `0x20`, `0x7F`, and
/// `0xC2` followed by `0x80..=0x9F` (`0xC2` is always a lead byte, so the pair is one character).
pub(crate) fn has_control(s: &str) -> bool {
    let bytes = s.as_bytes();
    // Without early exit, so that the compiler can check many bytes at once.
    let c0_or_delete = bytes
        .iter()
        .fold(0_u8, |found, &b| found | u8::from(b < 0x20 || b == 0x7F));
    c0_or_delete != 0
        || (bytes.contains(&0xC2)
            && bytes
                .windows(2)
                .any(|pair| matches!(pair, [0xC2, 0x80..=0x9F])))
}

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

/// `s.to_lowercase()` written into `buf`, without allocating. `None` when it does not fit, or
/// when `s` holds a capital sigma (whose lower case depends on its neighbours): then call
/// `str::to_lowercase`. Every other character lowers on its own, as `str::to_lowercase` does.
pub(crate) fn lowercase_into<'a>(s: &str, buf: &'a mut [u8]) -> Option<&'a str> {
    let mut len = 0;
    for c in s.chars() {
        if c.is_ascii() {
            *buf.get_mut(len)? = c.to_ascii_lowercase() as u8;
            len += 1;
        } else if c == '\u{3a3}' {
            return None;
        } else {
            for lower in c.to_lowercase() {
                let end = len + lower.len_utf8();
                lower.encode_utf8(buf.get_mut(len..end)?);
                len = end;
            }
        }
    }
    std::str::from_utf8(buf.get(..len)?).ok()
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character, alone and between letters.
    fn every_char_in_context() -> impl Iterator<Item = (char, [String; 4])> {
        (char::MIN..=char::MAX).map(|c| {
            (
                c,
                [
                    format!("{c}"),
                    format!("a{c}"),
                    format!("{c}b"),
                    format!("a{c}b"),
                ],
            )
        })
    }

    #[test]
    fn trim_matches_str_trim() {
        for s in [
            "",
            " ",
            "x",
            " x",
            "x ",
            "\u{a0}x",
            "x\u{2003}",
            "\u{85}x",
            "x\u{3000}",
            "\tx\n",
            "\u{7f}x\u{7f}",
            "!x~",
            "\u{1c}x",
            "ø",
            " ø ",
            "\u{feff}x",
            "a b",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
        for (c, strings) in every_char_in_context() {
            for s in &strings {
                assert_eq!(trim(s), s.trim(), "{c:?}");
            }
        }
    }

    #[test]
    fn control_scan_matches_char_is_control() {
        for (c, strings) in every_char_in_context() {
            for s in &strings {
                assert_eq!(has_control(s), c.is_control(), "{c:?} in {s:?}");
            }
        }
        assert!(!has_control(""));
        assert!(has_control("Børne\u{85}have"));
        assert!(!has_control("Børne\u{a0}have"));
    }

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

    #[test]
    fn lowercase_into_matches_str_to_lowercase() {
        let mut buf = [0_u8; 64];
        for (c, strings) in every_char_in_context() {
            for s in &strings {
                match lowercase_into(s, &mut buf) {
                    Some(lower) => assert_eq!(lower, s.to_lowercase(), "{c:?}"),
                    None => assert_eq!(c, 'Σ'),
                }
            }
        }
        for s in [
            "Kommunal, dagtilbudslovens §19, stk. 2",
            "BØRNEHAVE",
            "İ",
            "K",
            "",
        ] {
            assert_eq!(
                lowercase_into(s, &mut buf).map(str::to_owned),
                Some(s.to_lowercase())
            );
        }
        // Too long for the buffer, including a character split at its end.
        assert_eq!(lowercase_into(&"a".repeat(65), &mut buf), None);
        assert_eq!(
            lowercase_into(&format!("{}Ø", "a".repeat(63)), &mut buf),
            None
        );
        assert_eq!(lowercase_into("ΣΑΣ", &mut buf), None);
    }
}
