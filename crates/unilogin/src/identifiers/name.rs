use super::{canonical_string_type, has_control, trim};
use crate::{Ctx, ErrorType, FieldError};

/// The longest name Dagtilbudsregisteret stores (its data model: names ≤ 132 characters).
pub(crate) const MAX_NAME_CHARS: usize = 132;

/// The trimmed text of a name, street or town: 1–132 characters without control characters.
pub(crate) fn name_text(input: &str) -> Result<&str, FieldError> {
    clean_text(input, MAX_NAME_CHARS)
}

/// Implements [`crate::record::TextValue`] for a text newtype whose `parse` keeps the text
/// `$text(input)` returns: checking runs `$text` without keeping it.
macro_rules! text_value {
    ($ty:ident, $text:path) => {
        impl $crate::record::TextValue for $ty {
            fn parse(input: &str) -> Result<Self, $crate::FieldError> {
                Self::parse(input)
            }

            fn check(input: &str) -> Result<(), $crate::FieldError> {
                $text(input).map(drop)
            }
        }
    };
}
pub(crate) use text_value;

/// Trims `input` and checks it is 1–`max` characters without control characters.
pub(crate) fn clean_text(input: &str, max: usize) -> Result<&str, FieldError> {
    let trimmed = trim(input);
    if trimmed.is_empty() {
        return Err(FieldError::new(ErrorType::Missing));
    }
    if has_control(trimmed) {
        return Err(FieldError::new(ErrorType::StringControlCharacters));
    }
    at_most(trimmed, max)?;
    Ok(trimmed)
}

/// [`ErrorType::StringTooLong`] when `text` has more than `max` characters.
pub(crate) fn at_most(text: &str, max: usize) -> Result<(), FieldError> {
    // Bytes bound characters from above: count characters only when it can matter.
    if text.len() <= max {
        return Ok(());
    }
    let length = text.chars().count();
    if length > max {
        return Err(FieldError::with_ctx(
            ErrorType::StringTooLong,
            Ctx::new()
                .with("max_length", max)
                .with("actual_length", length),
        ));
    }
    Ok(())
}

/// The name of a daycare institution: 1–132 characters, trimmed, without control characters.
///
/// ```
/// use unilogin::identifiers::InstitutionName;
/// assert_eq!(InstitutionName::parse("  Børnehuset Mælkebøtten ")?.as_str(), "Børnehuset Mælkebøtten");
/// assert_eq!(InstitutionName::parse("a\nb").unwrap_err().kind().code(), "string_control_characters");
/// # Ok::<(), unilogin::FieldError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InstitutionName(String);

impl InstitutionName {
    /// Parses an institution name.
    ///
    /// # Errors
    /// [`ErrorType::Missing`] when blank, [`ErrorType::StringControlCharacters`],
    /// [`ErrorType::StringTooLong`] above 132 characters.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        name_text(input).map(|s| Self(s.to_owned()))
    }

    /// The trimmed name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

canonical_string_type!(InstitutionName);
text_value!(InstitutionName, name_text);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_is_counted_in_characters() {
        assert!(InstitutionName::parse(&"ø".repeat(132)).is_ok());
        let err = InstitutionName::parse(&"ø".repeat(133)).unwrap_err();
        assert_eq!(err.kind(), ErrorType::StringTooLong);
        assert_eq!(
            err.message(crate::Lang::En),
            "Must be at most 132 characters long (is 133)"
        );
        assert_eq!(
            InstitutionName::parse(" \t ").unwrap_err().kind(),
            ErrorType::Missing
        );
    }
}
