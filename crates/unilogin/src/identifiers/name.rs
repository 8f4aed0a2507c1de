use super::canonical_string_type;
use crate::text::{clean_text, text_value};
use crate::FieldError;

/// The longest name Dagtilbudsregisteret stores (its data model: names ≤ 132 characters).
pub(crate) const MAX_NAME_CHARS: usize = 132;

/// The trimmed text of a name, street or town: 1–132 characters without control characters.
pub(crate) fn name_text(input: &str) -> Result<&str, FieldError> {
    clean_text(input, MAX_NAME_CHARS)
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
    /// [`crate::ErrorType::Missing`] when blank, [`crate::ErrorType::StringControlCharacters`],
    /// [`crate::ErrorType::StringTooLong`] above 132 characters.
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
    use crate::ErrorType;

    #[test]
    fn the_name_is_kept_trimmed_and_shown_as_written() {
        let name = InstitutionName::parse("  Børnehuset Mælkebøtten \t").unwrap();
        assert_eq!(name.as_str(), "Børnehuset Mælkebøtten");
        assert_eq!(name.to_string(), "Børnehuset Mælkebøtten");
        assert_eq!(
            serde_json::to_string(&name).unwrap(),
            "\"Børnehuset Mælkebøtten\""
        );
    }

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
