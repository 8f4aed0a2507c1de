use serde::{Deserialize, Serialize};

use super::canonical_string_type;
use super::name::name_text;
use crate::text::{text_value, trim};
use crate::{Ctx, ErrorType, FieldError};

/// The lowest Danish postal code (0800, Høje-Taastrup, a business code).
pub const POSTAL_CODE_MIN: u16 = 800;
/// The highest Danish postal code (9990, Skagen).
pub const POSTAL_CODE_MAX: u16 = 9990;

/// A Danish postal code: four digits in 0800–9990. A `DK-` prefix is tolerated.
///
/// ```
/// use unilogin::identifiers::PostalCode;
/// assert_eq!(PostalCode::parse("DK-2100")?.to_string(), "2100");
/// assert_eq!(PostalCode::parse("0700").unwrap_err().kind().code(), "postal_code_range");
/// # Ok::<(), unilogin::FieldError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PostalCode([u8; 4]);

impl PostalCode {
    /// Parses a postal code.
    ///
    /// # Errors
    /// [`ErrorType::PostalCodeFormat`] unless four digits; [`ErrorType::PostalCodeRange`]
    /// outside 0800–9990.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        crate::text::or_invisible(input, Self::parse_chars(input))
    }

    /// [`Self::parse`] but for invisible characters: it accepts none, so one can only make
    /// it fail, and is looked for only then.
    fn parse_chars(input: &str) -> Result<Self, FieldError> {
        let trimmed = trim(input);
        let body = match trimmed.get(..3) {
            Some(p) if p.eq_ignore_ascii_case("dk-") => &trimmed[3..],
            _ => trimmed,
        };
        let bytes: [u8; 4] = body
            .as_bytes()
            .try_into()
            .map_err(|_| FieldError::new(ErrorType::PostalCodeFormat))?;
        if !bytes.iter().all(u8::is_ascii_digit) {
            return Err(FieldError::new(ErrorType::PostalCodeFormat));
        }
        let value = bytes
            .iter()
            .fold(0_u16, |acc, &d| acc * 10 + u16::from(d - b'0'));
        if !(POSTAL_CODE_MIN..=POSTAL_CODE_MAX).contains(&value) {
            return Err(FieldError::with_ctx(
                ErrorType::PostalCodeRange,
                Ctx::new().with("min", "0800").with("max", "9990"),
            ));
        }
        Ok(Self(bytes))
    }

    /// The canonical four digits.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

canonical_string_type!(PostalCode);

/// A Danish house number (husnummer): 1–999, optionally followed by one letter A–Z
/// (the address regulation allows no Æ, Ø or Å as house letter).
///
/// A space before the letter and a lower-case letter are accepted; the canonical form is
/// e.g. `12B`.
///
/// ```
/// use unilogin::identifiers::HouseNumber;
/// assert_eq!(HouseNumber::parse("12 b")?.to_string(), "12B");
/// assert_eq!(HouseNumber::parse("0").unwrap_err().kind().code(), "house_number_format");
/// # Ok::<(), unilogin::FieldError>(())
/// ```
///
/// Held inline (at most three digits and a letter), so parsing does not allocate. `Debug`,
/// `Hash`, `Eq` and `Ord` are those of the canonical string, as when it was a `String`.
#[derive(Clone)]
pub struct HouseNumber {
    bytes: [u8; 4],
    len: u8,
}

impl HouseNumber {
    /// Parses a house number.
    ///
    /// # Errors
    /// [`ErrorType::HouseNumberFormat`] for anything but 1–999 with an optional letter.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        crate::text::or_invisible(input, Self::parse_chars(input))
    }

    /// [`Self::parse`] but for invisible characters: it accepts none, so one can only make
    /// it fail, and is looked for only then.
    fn parse_chars(input: &str) -> Result<Self, FieldError> {
        let err = || FieldError::new(ErrorType::HouseNumberFormat);
        let trimmed = trim(input);
        let split = trimmed
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(trimmed.len());
        let (number, letter) = trimmed.split_at(split);
        let letter = letter.trim_start();
        if number.is_empty() || number.len() > 3 || number.starts_with('0') {
            return Err(err());
        }
        let mut bytes = [0_u8; 4];
        let mut len = number.len();
        bytes
            .get_mut(..len)
            .ok_or_else(err)?
            .copy_from_slice(number.as_bytes());
        let mut letters = letter.chars();
        match (letters.next(), letters.next()) {
            (None, _) => {}
            (Some(c), None) if c.is_ascii_alphabetic() => {
                *bytes.get_mut(len).ok_or_else(err)? = c.to_ascii_uppercase() as u8;
                len += 1;
            }
            _ => return Err(err()),
        }
        Ok(Self {
            bytes,
            len: u8::try_from(len).map_err(|_| err())?,
        })
    }

    /// The canonical form, e.g. `12B`.
    pub fn as_str(&self) -> &str {
        // ASCII digits and a letter by construction.
        self.bytes
            .get(..usize::from(self.len))
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default()
    }
}

impl std::fmt::Debug for HouseNumber {
    /// `HouseNumber("12B")`, as the derived form of the former `HouseNumber(String)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("HouseNumber").field(&self.as_str()).finish()
    }
}

impl PartialEq for HouseNumber {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for HouseNumber {}

impl std::hash::Hash for HouseNumber {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for HouseNumber {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for HouseNumber {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

canonical_string_type!(HouseNumber);

/// A street name (vejnavn): 1–132 characters, trimmed, without control characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Street(String);

impl Street {
    /// Parses a street name.
    ///
    /// # Errors
    /// [`ErrorType::Missing`], [`ErrorType::StringControlCharacters`], [`ErrorType::StringTooLong`].
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        name_text(input).map(|s| Self(s.to_owned()))
    }

    /// The trimmed name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

canonical_string_type!(Street);
text_value!(Street, name_text);

/// A city or postal district name (by / postdistrikt): 1–132 characters, trimmed, without
/// control characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct City(String);

impl City {
    /// Parses a city name.
    ///
    /// # Errors
    /// [`ErrorType::Missing`], [`ErrorType::StringControlCharacters`], [`ErrorType::StringTooLong`].
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        name_text(input).map(|s| Self(s.to_owned()))
    }

    /// The trimmed name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

canonical_string_type!(City);
text_value!(City, name_text);

/// A Danish street address: street, house number, postal code and city.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Address {
    /// The street name.
    pub street: Street,
    /// The house number, e.g. `12B`.
    pub house_number: HouseNumber,
    /// The postal code.
    pub postal_code: PostalCode,
    /// The city (postal district).
    pub city: City,
}

impl std::fmt::Display for Address {
    /// `Street 12B, 2100 City`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}, {} {}",
            self.street, self.house_number, self.postal_code, self.city
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postal_codes() {
        assert!(PostalCode::parse("0800").is_ok());
        assert!(PostalCode::parse("9990").is_ok());
        assert_eq!(
            PostalCode::parse("9991").unwrap_err().kind(),
            ErrorType::PostalCodeRange
        );
        assert_eq!(
            PostalCode::parse("800").unwrap_err().kind(),
            ErrorType::PostalCodeFormat
        );
        assert_eq!(
            PostalCode::parse("21OO").unwrap_err().kind(),
            ErrorType::PostalCodeFormat
        );
    }

    #[test]
    fn house_numbers_compare_hash_and_debug_as_their_string() {
        use std::hash::{BuildHasher, RandomState};
        let state = RandomState::new();
        let inputs = ["1", "12", "12B", "12 c", "2", "999", "999Z", "9A"];
        for a in inputs {
            let house = HouseNumber::parse(a).unwrap();
            let text = house.to_string();
            assert_eq!(format!("{house:?}"), format!("HouseNumber({text:?})"));
            assert_eq!(
                format!("{house:#?}"),
                format!("HouseNumber(\n    {text:?},\n)")
            );
            assert_eq!(state.hash_one(&house), state.hash_one(&text));
            for b in inputs {
                let other = HouseNumber::parse(b).unwrap();
                assert_eq!(house.cmp(&other), text.cmp(&other.to_string()), "{a} {b}");
                assert_eq!(house == other, text == other.to_string(), "{a} {b}");
            }
        }
    }

    #[test]
    fn house_numbers() {
        for (s, want) in [("1", "1"), ("999", "999"), ("12B", "12B"), ("12 b", "12B")] {
            assert_eq!(
                HouseNumber::parse(s).map(|h| h.to_string()).as_deref(),
                Ok(want)
            );
        }
        for s in ["", "0", "012", "1000", "12BC", "B12", "12-14", "12,", "7ø"] {
            assert_eq!(
                HouseNumber::parse(s).unwrap_err().kind(),
                ErrorType::HouseNumberFormat,
                "{s}"
            );
        }
    }
}
