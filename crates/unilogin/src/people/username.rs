use crate::identifiers::canonical_string_type;
use crate::{ErrorType, FieldError};

/// A Unilogin username: four letters followed by four digits, e.g. `abcd1234`
/// (confidence M). Letters are a–z; input is accepted in any case and trimmed, and the canonical
/// form is lower case.
///
/// ```
/// use unilogin::people::Username;
/// assert_eq!(Username::parse(" ABCD1234 ")?.as_str(), "abcd1234");
/// assert_eq!(Username::parse("abc12345").unwrap_err().kind().code(), "username_format");
/// # Ok::<(), unilogin::FieldError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Username([u8; 8]);

impl Username {
    /// Parses a username.
    ///
    /// # Errors
    /// [`ErrorType::UsernameFormat`] unless four ASCII letters and four digits.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        crate::text::or_invisible(input, Self::parse_chars(input))
    }

    /// [`Self::parse`] but for invisible characters: it accepts none, so one can only make
    /// it fail, and is looked for only then.
    fn parse_chars(input: &str) -> Result<Self, FieldError> {
        let mut bytes: [u8; 8] = input
            .trim()
            .as_bytes()
            .try_into()
            .map_err(|_| FieldError::new(ErrorType::UsernameFormat))?;
        let (letters, digits) = bytes.split_at_mut(4);
        if !letters.iter().all(u8::is_ascii_alphabetic) || !digits.iter().all(u8::is_ascii_digit) {
            return Err(FieldError::new(ErrorType::UsernameFormat));
        }
        letters.make_ascii_lowercase();
        Ok(Self(bytes))
    }

    /// The canonical form, e.g. `abcd1234`.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

canonical_string_type!(Username);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_letters_then_four_digits() {
        assert_eq!(
            Username::parse("Abcd1234")
                .map(|u| u.to_string())
                .as_deref(),
            Ok("abcd1234")
        );
        for s in [
            "",
            "abcd123",
            "abcd12345",
            "1234abcd",
            "abc_1234",
            "æbcd1234",
            "abcd123x",
        ] {
            assert_eq!(
                Username::parse(s).unwrap_err().kind(),
                ErrorType::UsernameFormat,
                "{s}"
            );
        }
    }
}
