use super::canonical_string_type;
use crate::{Ctx, ErrorType, FieldError};

/// An institution number of a placement unit (anvisningsenhed) in Dagtilbudsregisteret:
/// `G` followed by five digits, e.g. `G18062`.
///
/// A lower-case `g` and spaces are accepted; legacy A-numbers (phased out by 1 January 2021)
/// are recognised and refused with their own error type.
///
/// ```
/// use unilogin::identifiers::InstitutionNumber;
/// assert_eq!(InstitutionNumber::parse("g 18062")?.to_string(), "G18062");
/// assert_eq!(
///     InstitutionNumber::parse("A12345").unwrap_err().kind().code(),
///     "institution_number_legacy"
/// );
/// # Ok::<(), unilogin::FieldError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InstitutionNumber([u8; 6]);

impl InstitutionNumber {
    /// Parses an institution number.
    ///
    /// # Errors
    /// [`ErrorType::InstitutionNumberLegacy`] for an A-number (`A` and five digits);
    /// [`ErrorType::InstitutionNumberFormat`] for anything else that is not `G` and five digits.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        crate::text::or_invisible(input, Self::parse_chars(input))
    }

    /// [`Self::parse`] but for invisible characters: it accepts none, so one can only make
    /// it fail, and is looked for only then.
    fn parse_chars(input: &str) -> Result<Self, FieldError> {
        let format = || FieldError::new(ErrorType::InstitutionNumberFormat);
        // The input without spaces and dashes must be six ASCII bytes. A non-ASCII character
        // left in it could never pass the digit check below (it takes two or more bytes, so one
        // of them lands after the first), so it is refused here without building the string.
        let mut bytes = [0_u8; 6];
        let mut len = 0;
        for c in input.chars() {
            match c {
                ' ' | '\u{a0}' | '-' => {}
                c if c.is_ascii() => {
                    *bytes.get_mut(len).ok_or_else(format)? = c as u8;
                    len += 1;
                }
                _ => return Err(format()),
            }
        }
        if len != bytes.len() {
            return Err(format());
        }
        bytes[0] = bytes[0].to_ascii_uppercase();
        if !bytes[1..].iter().all(u8::is_ascii_digit) {
            return Err(format());
        }
        match bytes[0] {
            b'G' => Ok(Self(bytes)),
            b'A' => Err(FieldError::with_ctx(
                ErrorType::InstitutionNumberLegacy,
                Ctx::new().with("number", String::from_utf8_lossy(&bytes).into_owned()),
            )),
            _ => Err(format()),
        }
    }

    /// The canonical form, e.g. `G18062`.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

canonical_string_type!(InstitutionNumber);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_canonicalises() {
        assert_eq!(
            InstitutionNumber::parse(" g18062 ")
                .map(|n| n.to_string())
                .as_deref(),
            Ok("G18062")
        );
        assert_eq!(
            InstitutionNumber::parse("G 18-062")
                .map(|n| n.to_string())
                .as_deref(),
            Ok("G18062")
        );
    }

    #[test]
    fn refuses_with_precise_types() {
        let kind = |s: &str| InstitutionNumber::parse(s).map_err(|e| e.kind());
        assert_eq!(kind("A12345"), Err(ErrorType::InstitutionNumberLegacy));
        assert_eq!(kind("a12345"), Err(ErrorType::InstitutionNumberLegacy));
        for s in [
            "",
            "G1806",
            "G180621",
            "101001",
            "X18062",
            "G1806x",
            "ØG1806",
            // Non-ASCII characters whose low byte is an ASCII digit or letter (U+0130 ends in
            // 0x30, `0`; U+0147 in 0x47, `G`): never read as that byte.
            "G1806\u{130}",
            "\u{147}18062",
        ] {
            assert_eq!(kind(s), Err(ErrorType::InstitutionNumberFormat), "{s}");
        }
    }
}
