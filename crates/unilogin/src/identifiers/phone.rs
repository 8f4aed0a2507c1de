use super::canonical_string_type;
use crate::text::trim;
use crate::{Ctx, ErrorType, FieldError};

/// A Danish phone number in the closed 8-digit plan (national pattern `[2-9]\d{7}`).
///
/// Parsing tolerates `+45`, `0045` or `(+45)` in front, and spaces, dashes, dots and
/// parentheses between digits. The canonical form is `xx xx xx xx`. Ten digits starting with
/// a bare `45` (`4533663366`) are refused with their own type, which gives the number meant
/// (`+45` without its `+` is not taken silently).
///
/// ```
/// use unilogin::identifiers::PhoneNumber;
/// assert_eq!(PhoneNumber::parse("+45 3366-3366")?.to_string(), "33 66 33 66");
/// assert_eq!(PhoneNumber::parse("0").unwrap_err().kind().code(), "phone_format");
/// assert_eq!(
///     PhoneNumber::parse("33663366 / 40404040").unwrap_err().kind().code(),
///     "phone_multiple"
/// );
/// # Ok::<(), unilogin::FieldError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PhoneNumber([u8; 11]);

fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{202f}' | '-' | '\u{2013}' | '.' | '(' | ')'
    )
}

impl PhoneNumber {
    /// Parses a Danish phone number.
    ///
    /// # Errors
    /// [`ErrorType::PhoneMultiple`] when the field holds two or more numbers;
    /// [`ErrorType::PhoneFirstDigit`] for eight digits starting with 0 or 1;
    /// [`ErrorType::PhoneCountryCodeWithoutPlus`] for ten digits starting with `45` (and then
    /// 2–9) without `+` or `00` in front: `ctx` `number` is the eight digits after it;
    /// [`ErrorType::PhoneFormat`] for anything else that is not one 8-digit number.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        crate::text::or_invisible(input, Self::parse_chars(input))
    }

    /// [`Self::parse`] but for invisible characters: it accepts none, so one can only make
    /// it fail, and is looked for only then.
    fn parse_chars(input: &str) -> Result<Self, FieldError> {
        let trimmed = trim(input);
        let rest = strip_country_code(trimmed);
        let prefixed = rest.len() < trimmed.len();
        // The first ten digits (enough for `45` and eight more) and how many there are in all.
        let mut first = [0_u8; 10];
        let mut count = 0_usize;
        for c in rest.chars() {
            if c.is_ascii_digit() {
                if let Some(slot) = first.get_mut(count) {
                    *slot = c as u8;
                }
                count += 1;
            } else if !is_separator(c) {
                return Err(FieldError::new(Self::classify_foreign(trimmed)));
            }
        }
        let digits: &[u8] = match (count, first) {
            (8, _) => &first[..8],
            // `4533663366`: the country code without its `+` (or `00`). Not taken as +45
            // silently: the number may as well be mistyped (a model choice, docs/domain.md).
            (10, [b'4', b'5', third, ..]) if !prefixed && !matches!(third, b'0' | b'1') => {
                return Err(country_code_without_plus(&first[2..]));
            }
            (n, _) if n >= 16 => return Err(FieldError::new(ErrorType::PhoneMultiple)),
            _ => return Err(FieldError::new(ErrorType::PhoneFormat)),
        };
        if matches!(digits.first(), Some(b'0' | b'1')) {
            return Err(FieldError::new(ErrorType::PhoneFirstDigit));
        }
        Ok(Self(grouped(digits)))
    }

    /// Input with characters that never belong in one number: several numbers separated by
    /// `/`, `,`, `og`, … or plain text such as an email address.
    fn classify_foreign(input: &str) -> ErrorType {
        let numbers = input
            .split(|c: char| !(c.is_ascii_digit() || is_separator(c) || c == '+'))
            .filter(|part| part.chars().filter(char::is_ascii_digit).count() >= 8)
            .count();
        if numbers >= 2 {
            ErrorType::PhoneMultiple
        } else {
            ErrorType::PhoneFormat
        }
    }

    /// The canonical form, e.g. `33 66 33 66`.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// The eight digits without spaces, e.g. `33663366`.
    pub fn digits(&self) -> String {
        self.as_str().chars().filter(char::is_ascii_digit).collect()
    }
}

/// Eight digits in the canonical form `xx xx xx xx`.
fn grouped(digits: &[u8]) -> [u8; 11] {
    let mut out = [b' '; 11];
    for (i, &d) in digits.iter().enumerate() {
        if let Some(slot) = out.get_mut(i + i / 2) {
            *slot = d;
        }
    }
    out
}

/// `phone_country_code_without_plus` for the eight digits after a bare `45`, with the number
/// as it is meant to be written in `ctx`.
fn country_code_without_plus(digits: &[u8]) -> FieldError {
    let number = grouped(digits);
    let number = std::str::from_utf8(&number).unwrap_or_default();
    FieldError::with_ctx(
        ErrorType::PhoneCountryCodeWithoutPlus,
        Ctx::new().with("number", number.to_owned()),
    )
}

fn strip_country_code(s: &str) -> &str {
    for prefix in ["(+45)", "+45", "0045", "(0045)"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            return rest;
        }
    }
    s
}

canonical_string_type!(PhoneNumber);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_world_forms() {
        for s in [
            "33663366",
            "3366 3366",
            "33 66 33 66",
            "+4533663366",
            "0045 33 66 33 66",
            "(+45) 33 66 33 66",
            "33-66-33-66",
        ] {
            assert_eq!(
                PhoneNumber::parse(s).map(|p| p.to_string()).as_deref(),
                Ok("33 66 33 66"),
                "{s}"
            );
        }
    }

    #[test]
    fn refuses_with_precise_types() {
        let kind = |s: &str| PhoneNumber::parse(s).map_err(|e| e.kind());
        assert_eq!(kind("0"), Err(ErrorType::PhoneFormat));
        assert_eq!(kind("kontakt@b.dk"), Err(ErrorType::PhoneFormat));
        assert_eq!(kind("3366336"), Err(ErrorType::PhoneFormat));
        assert_eq!(kind("13663366"), Err(ErrorType::PhoneFirstDigit));
        assert_eq!(kind("03663366"), Err(ErrorType::PhoneFirstDigit));
        assert_eq!(kind("33663366 / 40404040"), Err(ErrorType::PhoneMultiple));
        assert_eq!(kind("33663366, 40404040"), Err(ErrorType::PhoneMultiple));
        assert_eq!(kind("33663366 og 40404040"), Err(ErrorType::PhoneMultiple));
        assert_eq!(kind("33663366 40404040"), Err(ErrorType::PhoneMultiple));
        assert_eq!(kind("tlf. 33663366"), Err(ErrorType::PhoneFormat));
    }

    #[test]
    fn a_bare_45_in_front_is_refused_with_the_number_meant() {
        for s in [
            "4533663366",
            "45 33663366",
            "45 33 66 33 66",
            "(45) 33 66 33 66",
        ] {
            let err = PhoneNumber::parse(s).unwrap_err();
            assert_eq!(err.kind(), ErrorType::PhoneCountryCodeWithoutPlus, "{s}");
            assert_eq!(
                serde_json::to_value(err.ctx()).unwrap(),
                serde_json::json!({"number": "33 66 33 66"}),
                "{s}"
            );
        }
        assert_eq!(
            PhoneNumber::parse("4533663366")
                .unwrap_err()
                .message(crate::Lang::Da),
            "Nummeret ligner +45 33 66 33 66 uden + foran; skriv +45 33 66 33 66 eller 33 66 33 66"
        );
        let kind = |s: &str| PhoneNumber::parse(s).map_err(|e| e.kind());
        // Not a Danish number after the 45 either, or a country code given twice.
        assert_eq!(kind("4513663366"), Err(ErrorType::PhoneFormat));
        assert_eq!(kind("+45 4533663366"), Err(ErrorType::PhoneFormat));
        assert_eq!(kind("0045 4533663366"), Err(ErrorType::PhoneFormat));
        // Ten digits not starting with 45 stay a format error.
        assert_eq!(kind("3366336600"), Err(ErrorType::PhoneFormat));
    }
}
