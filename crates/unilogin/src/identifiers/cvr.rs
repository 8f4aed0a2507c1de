use super::{canonical_string_type, fixed_digits, weighted_sum};
use crate::text::trim;
use crate::{Ctx, ErrorType, FieldError};

/// A Danish CVR number (Det Centrale Virksomhedsregister): 8 digits, the first not 0, with a
/// weighted modulus-11 check (weights 2,7,6,5,4,3,2,1).
///
/// Parsing tolerates a `DK` prefix and spaces, dashes and dots between digits.
///
/// ```
/// use unilogin::identifiers::Cvr;
/// let cvr: Cvr = "DK 13 58 56 28".parse()?;
/// assert_eq!(cvr.to_string(), "13585628");
///
/// let err = Cvr::parse("13585627").unwrap_err();
/// assert_eq!(err.kind().code(), "cvr_checksum");
/// # Ok::<(), unilogin::FieldError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Cvr([u8; 8]);

impl Cvr {
    /// The weights of the modulus-11 check, first digit first: a CVR number is valid when the
    /// sum of each digit times its weight is divisible by 11.
    pub const WEIGHTS: [u32; 8] = [2, 7, 6, 5, 4, 3, 2, 1];

    /// Parses a CVR number from messy input.
    ///
    /// # Errors
    /// [`ErrorType::CvrFormat`] unless 8 digits starting with 1–9 remain after removing the
    /// prefix and separators; [`ErrorType::CvrChecksum`] when the modulus-11 check fails.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        crate::text::or_invisible(input, Self::parse_chars(input))
    }

    /// [`Self::parse`] but for invisible characters: it accepts none, so one can only make
    /// it fail, and is looked for only then.
    fn parse_chars(input: &str) -> Result<Self, FieldError> {
        let body = strip_dk_prefix(trim(input));
        let bytes: [u8; 8] = fixed_digits(body).ok_or(FieldError::new(ErrorType::CvrFormat))?;
        if bytes[0] == b'0' {
            return Err(FieldError::new(ErrorType::CvrFormat));
        }
        let cvr = Self(bytes);
        if weighted_sum(&bytes, &Self::WEIGHTS) % 11 != 0 {
            return Err(FieldError::with_ctx(
                ErrorType::CvrChecksum,
                Ctx::new().with("cvr", cvr.as_str().to_owned()),
            ));
        }
        Ok(cvr)
    }

    /// The canonical form: 8 digits.
    pub fn as_str(&self) -> &str {
        // The bytes are ASCII digits by construction.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

/// Removes a leading `DK` (any case), with an optional `-`, `:` or space after it.
fn strip_dk_prefix(s: &str) -> &str {
    match s.get(..2) {
        Some(p) if p.eq_ignore_ascii_case("dk") => {
            s[2..].trim_start_matches([' ', '-', ':', '\u{a0}'])
        }
        _ => s,
    }
}

canonical_string_type!(Cvr);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_examples_from_the_rules() {
        for s in [
            "13585628",
            "13748136",
            "24256790",
            "DK13585628",
            "dk-1358 5628",
            "13.58.56.28",
        ] {
            assert!(Cvr::parse(s).is_ok(), "{s}");
        }
    }

    #[test]
    fn rejects_with_precise_types() {
        assert_eq!(
            Cvr::parse("13585627").map_err(|e| e.kind()),
            Err(ErrorType::CvrChecksum)
        );
        for s in [
            "",
            "1358562",
            "135856280",
            "03585628",
            "1358562x",
            "DK",
            "１３５８５６２８",
        ] {
            assert_eq!(
                Cvr::parse(s).map_err(|e| e.kind()),
                Err(ErrorType::CvrFormat),
                "{s}"
            );
        }
    }
}
