use super::{canonical_string_type, fixed_digits, weighted_sum};
use crate::text::trim;
use crate::{Ctx, ErrorType, FieldError};

/// Weights for P-numbers up to and including [`WEIGHT_SWITCH`] (a historic generator quirk).
const LOW_WEIGHTS: [u32; 10] = [1, 5, 6, 7, 3, 6, 4, 8, 9, 1];
/// Weights for P-numbers above [`WEIGHT_SWITCH`].
const HIGH_WEIGHTS: [u32; 10] = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
/// The last P-number checked with [`LOW_WEIGHTS`] (the real switch lies between
/// 1006395171 and 1007201377; 1006959421 is the highest known number of the low series).
pub(crate) const WEIGHT_SWITCH: u64 = 1_006_959_421;

/// A Danish P-number (produktionsenhedsnummer): 10 digits, the first not 0, with a weighted
/// modulus-11 check whose weights depend on the number's range.
///
/// A failing checksum has its own error type ([`ErrorType::PNumberChecksum`]) so a host can
/// choose to treat it as a warning: the checksum rule is inferred from public implementations
/// and open data, not published by the register. For the same reason a `PNumber` can hold a
/// number whose checksum fails ([`PNumber::parse_format`], or a record validated under
/// [`crate::ValidationPolicy`] without the check), and deserialising one checks only the
/// format, so that every value reads back; `FromStr` and [`PNumber::parse`] check both.
///
/// ```
/// use unilogin::identifiers::PNumber;
/// assert_eq!(PNumber::parse("10 2982 9825")?.to_string(), "1029829825");
/// assert_eq!(PNumber::parse("1029829824").unwrap_err().kind().code(), "p_number_checksum");
/// # Ok::<(), unilogin::FieldError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PNumber([u8; 10]);

impl PNumber {
    /// The weights of the modulus-11 check of the current series (every number above the
    /// switch at 1006959421), first digit first: such a P-number is valid when the sum of each
    /// digit times its weight is divisible by 11.
    pub const WEIGHTS: [u32; 10] = HIGH_WEIGHTS;

    /// The last P-number checked with the old series' weights (1,5,6,7,3,6,4,8,9,1): the
    /// highest known number of that series. The real switch lies between 1006395171 and
    /// 1007201377; a host may move it ([`crate::ValidationPolicy::p_number_weight_switch`]).
    pub const WEIGHT_SWITCH: u64 = WEIGHT_SWITCH;

    /// Parses a P-number from messy input (spaces, dashes and dots are tolerated).
    ///
    /// # Errors
    /// [`ErrorType::PNumberFormat`] unless 10 digits starting with 1–9 remain;
    /// [`ErrorType::PNumberChecksum`] when the modulus-11 check fails.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        Self::parse_with_switch(input, WEIGHT_SWITCH)
    }

    /// Parses like [`PNumber::parse`], with the old series' weights up to and including
    /// `weight_switch` instead of [`PNumber::WEIGHT_SWITCH`].
    ///
    /// ```
    /// use unilogin::identifiers::PNumber;
    /// // Valid in the old series, not in the new one.
    /// assert!(PNumber::parse_with_switch("1006959421", PNumber::WEIGHT_SWITCH).is_ok());
    /// let moved = PNumber::parse_with_switch("1006959421", 1_006_395_171);
    /// assert_eq!(moved.unwrap_err().kind().code(), "p_number_checksum");
    /// ```
    ///
    /// # Errors
    /// As [`PNumber::parse`].
    pub fn parse_with_switch(input: &str, weight_switch: u64) -> Result<Self, FieldError> {
        let number = Self::parse_format(input)?;
        if !checksum_ok_with(&number.0, weight_switch) {
            return Err(FieldError::with_ctx(
                ErrorType::PNumberChecksum,
                Ctx::new().with("p_number", number.as_str().to_owned()),
            ));
        }
        Ok(number)
    }

    /// Parses a P-number checking only its format (10 digits, the first not 0), for hosts whose
    /// policy does not enforce the checksum (see [`crate::ValidationPolicy`]).
    ///
    /// ```
    /// use unilogin::identifiers::PNumber;
    /// let p = PNumber::parse_format("1029829824")?;
    /// assert!(!p.has_valid_checksum());
    /// assert_eq!(PNumber::parse_format("102982982").unwrap_err().kind().code(), "p_number_format");
    /// # Ok::<(), unilogin::FieldError>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorType::PNumberFormat`].
    pub fn parse_format(input: &str) -> Result<Self, FieldError> {
        crate::text::or_invisible(input, Self::parse_format_chars(input))
    }

    /// [`Self::parse_format`] but for invisible characters: it accepts none, so one can only make
    /// it fail, and is looked for only then.
    fn parse_format_chars(input: &str) -> Result<Self, FieldError> {
        let bytes: [u8; 10] =
            fixed_digits(trim(input)).ok_or(FieldError::new(ErrorType::PNumberFormat))?;
        if bytes[0] == b'0' {
            return Err(FieldError::new(ErrorType::PNumberFormat));
        }
        Ok(Self(bytes))
    }

    /// Whether the number passes the modulus-11 check.
    pub fn has_valid_checksum(&self) -> bool {
        checksum_ok(&self.0)
    }

    /// The canonical form: 10 digits.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// The number as an integer.
    pub fn value(&self) -> u64 {
        self.0
            .iter()
            .fold(0, |acc, &d| acc * 10 + u64::from(d - b'0'))
    }
}

pub(crate) fn checksum_ok(digits: &[u8; 10]) -> bool {
    checksum_ok_with(digits, WEIGHT_SWITCH)
}

/// The modulus-11 check with the old weights up to and including `weight_switch`.
fn checksum_ok_with(digits: &[u8; 10], weight_switch: u64) -> bool {
    let value = digits
        .iter()
        .fold(0_u64, |acc, &d| acc * 10 + u64::from(d - b'0'));
    let weights = if value <= weight_switch {
        &LOW_WEIGHTS
    } else {
        &HIGH_WEIGHTS
    };
    weighted_sum(digits, weights) % 11 == 0
}

// A `PNumber` may hold a number without a valid checksum (`parse_format`, or a record validated
// under a policy without the check), so reading one back checks only the format.
canonical_string_type!(PNumber, parse_format);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_reads_back_and_deserialising_checks_the_format() {
        let lenient: PNumber = serde_json::from_str("\"1029829824\"").unwrap();
        assert!(!lenient.has_valid_checksum());
        assert_eq!(serde_json::to_string(&lenient).unwrap(), "\"1029829824\"");
        let error = serde_json::from_str::<PNumber>("\"102982982\"").unwrap_err();
        assert!(error.to_string().contains("P-number"), "{error}");
        assert_eq!(
            "1029829824".parse::<PNumber>().unwrap_err().kind(),
            ErrorType::PNumberChecksum
        );
    }

    #[test]
    fn the_value_is_the_number_the_digits_spell() {
        for (input, value) in [
            ("1000000011", 1_000_000_011),
            ("10 0695 9421", 1_006_959_421),
            ("1029829825", 1_029_829_825),
            ("9999999996", 9_999_999_996),
        ] {
            assert_eq!(PNumber::parse(input).unwrap().value(), value, "{input}");
        }
        // A number kept without its checksum has its value too.
        assert_eq!(
            PNumber::parse_format("1029829824").unwrap().value(),
            1_029_829_824
        );
    }

    #[test]
    fn accepts_examples_from_the_rules() {
        for s in [
            "1000000011",
            "1006959421",
            "1006959438",
            "1029829825",
            "9999999996",
        ] {
            assert!(PNumber::parse(s).is_ok(), "{s}");
        }
    }

    #[test]
    fn rejects_examples_from_the_rules() {
        for s in ["1000000009", "1000000010", "1029829824"] {
            assert_eq!(
                PNumber::parse(s).map_err(|e| e.kind()),
                Err(ErrorType::PNumberChecksum)
            );
        }
        for s in ["", "0000000011", "100000001", "10000000111", "100000001a"] {
            assert_eq!(
                PNumber::parse(s).map_err(|e| e.kind()),
                Err(ErrorType::PNumberFormat)
            );
        }
    }
}
