//! What a failed login's message says: the cause(s) of "Ingen adgang" read from the text a user
//! saw, as a helpdesk pastes it.

use super::FailureCause;
use crate::{ErrorType, FieldError};

/// The longest message read, in characters: far beyond any Unilogin error message.
pub const MAX_MESSAGE_CHARS: usize = 1000;

/// The causes a login message points to, most specific first.
///
/// STIL's guide: "Fejlbeskeden ved login indikerer, hvad der er problemet" — a message about the
/// username or password is cause 1, a message about access to the service is cause 2. "Ingen
/// adgang" alone names no cause, so both are possible. The text is read case-insensitively,
/// with any punctuation, quotes or line breaks, in Danish or English, and with the ASCII
/// spellings `ae`, `oe`, `aa` for æ, ø, å.
///
/// ```
/// use unilogin::login::{causes_of_message, FailureCause};
/// assert_eq!(
///     causes_of_message("Forkert brugernavn eller adgangskode")?,
///     [FailureCause::WrongUsernameOrPassword]
/// );
/// assert_eq!(
///     causes_of_message("\"Ingen adgang\"")?,
///     [FailureCause::WrongUsernameOrPassword, FailureCause::NoAccessToService]
/// );
/// assert_eq!(causes_of_message("Serveren svarer ikke").unwrap_err().kind().code(), "login_message_unknown");
/// # Ok::<(), unilogin::FieldError>(())
/// ```
///
/// # Errors
/// `missing` for a blank message, `string_too_long` beyond [`MAX_MESSAGE_CHARS`],
/// `login_message_unknown` for a message that names neither cause nor "Ingen adgang".
pub fn causes_of_message(message: &str) -> Result<Vec<FailureCause>, FieldError> {
    let trimmed = message.trim();
    if trimmed.is_empty() {
        return Err(FieldError::new(ErrorType::Missing));
    }
    crate::text::at_most(trimmed, MAX_MESSAGE_CHARS)?;
    let words = words(trimmed);
    let has = |options: &[&str]| options.iter().any(|o| contains_phrase(&words, o));
    let credentials = has(&[
        "brugernavn",
        "adgangskode",
        "kodeord",
        "username",
        "password",
    ]) && has(&[
        "forkert",
        "forkerte",
        "ugyldig",
        "ugyldigt",
        "wrong",
        "incorrect",
        "invalid",
    ]);
    let service = has(&["tjeneste", "tjenesten", "tjenester", "service"])
        && has(&[
            "ikke adgang",
            "ikke rettighed",
            "ingen adgang",
            "ingen rettighed",
            "no access",
            "not have access",
            "no right",
            "not authorised",
            "not authorized",
        ]);
    let mut causes = Vec::new();
    if credentials {
        causes.push(FailureCause::WrongUsernameOrPassword);
    }
    if service {
        causes.push(FailureCause::NoAccessToService);
    }
    if causes.is_empty() && has(&["ingen adgang", "no access", "access denied"]) {
        causes = FailureCause::ALL.to_vec();
    }
    if causes.is_empty() {
        return Err(FieldError::new(ErrorType::LoginMessageUnknown));
    }
    Ok(causes)
}

/// The message as lower-case words of letters and digits, æ, ø and å spelt `ae`, `oe`, `aa`.
fn words(text: &str) -> Vec<String> {
    crate::text::fold_danish(text, Some(' '))
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// Whether `words` holds the words of `phrase` (written with æ, ø, å) one after the other.
fn contains_phrase(words: &[String], phrase: &str) -> bool {
    let wanted = self::words(phrase);
    !wanted.is_empty() && words.windows(wanted.len()).any(|w| w == wanted.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;
    use FailureCause::{NoAccessToService as Service, WrongUsernameOrPassword as Credentials};

    #[test]
    fn messages_name_their_causes() {
        for (message, want) in [
            ("Forkert brugernavn eller adgangskode", vec![Credentials]),
            (
                "Dit brugernavn eller din adgangskode er forkert.",
                vec![Credentials],
            ),
            ("FORKERT BRUGERNAVN ELLER ADGANGSKODE!", vec![Credentials]),
            ("Wrong username or password", vec![Credentials]),
            (
                "Ingen adgang\nDu har ikke adgang til tjenesten",
                vec![Service],
            ),
            (
                "Du har ikke rettighed/adgang til den tjeneste, du forsøger at logge ind på.",
                vec![Service],
            ),
            ("Du har ikke rettighed til tjenesten", vec![Service]),
            ("Ingen adgang", vec![Credentials, Service]),
            ("»Ingen adgang«", vec![Credentials, Service]),
            ("ingen   adgang", vec![Credentials, Service]),
            ("No access", vec![Credentials, Service]),
        ] {
            assert_eq!(causes_of_message(message), Ok(want), "{message}");
        }
    }

    #[test]
    fn other_text_is_refused() {
        for (message, code) in [
            ("", "missing"),
            ("  \n ", "missing"),
            ("Serveren svarer ikke", "login_message_unknown"),
            ("adgang", "login_message_unknown"),
            ("brugernavn", "login_message_unknown"),
            ("tjenesten", "login_message_unknown"),
        ] {
            assert_eq!(
                causes_of_message(message).unwrap_err().kind().code(),
                code,
                "{message:?}"
            );
        }
        let long = "Ingen adgang ".repeat(100);
        assert_eq!(
            causes_of_message(&long).unwrap_err().kind().code(),
            "string_too_long"
        );
    }

    #[test]
    fn phrases_match_whole_words_in_order() {
        let w = words("Ikke-adgang: Ærø");
        assert_eq!(w, ["ikke", "adgang", "aeroe"]);
        assert!(contains_phrase(&w, "ikke adgang"));
        assert!(!contains_phrase(&w, "adgang ikke"));
        assert!(contains_phrase(&words("Tjenesten"), "tjenesten"));
        assert!(!contains_phrase(&words("Tjenesterne"), "tjenesten"));
    }
}
