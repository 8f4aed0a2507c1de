//! A password in plain text that does not show itself.

use std::fmt;

use serde::{Deserialize, Deserializer};
use zeroize::Zeroize;

/// A password in plain text, as a user typed it. `Debug` prints `Password(<redacted>)`; there is
/// no `Display`, `Serialize`, `Clone` or `PartialEq` (compare with [`super::HashedPassword`]),
/// so a password does not end up in logs, error values or JSON by accident. The text is read
/// with [`Password::reveal`] and overwritten with zeros when the value is dropped (best effort:
/// copies the program made before cannot be reached).
///
/// ```
/// use unilogin::credentials::check::Password;
/// let password = Password::new("Hestesko-Bilvask-12");
/// assert_eq!(format!("{password:?}"), "Password(<redacted>)");
/// assert_eq!(password.reveal(), "Hestesko-Bilvask-12");
/// ```
pub struct Password(String);

impl Password {
    /// Wraps a password.
    pub fn new(text: impl Into<String>) -> Self {
        Self(text.into())
    }

    /// The password text, for checking or hashing it.
    pub fn reveal(&self) -> &str {
        &self.0
    }
}

impl From<String> for Password {
    fn from(text: String) -> Self {
        Self(text)
    }
}

impl From<&str> for Password {
    fn from(text: &str) -> Self {
        Self(text.to_owned())
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

impl<'de> Deserialize<'de> for Password {
    /// Reads a password from a string (e.g. a JSON form submission). The error for anything
    /// else does not repeat the value.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer)
            .map(Self)
            .map_err(|_| serde::de::Error::custom("a password must be a string"))
    }
}

impl Drop for Password {
    /// Overwrites the text and the rest of its allocation with zeros (`zeroize`: writes the
    /// compiler may not remove).
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_is_redacted_and_json_reads() {
        let p: Password = serde_json::from_str("\"Sommer2024!\"").unwrap();
        assert_eq!(p.reveal(), "Sommer2024!");
        assert!(!format!("{p:?} {p:#?}").contains("Sommer"));
        let err = serde_json::from_str::<Password>("123456789").unwrap_err();
        assert!(!err.to_string().contains("123456789"), "{err}");
        assert_eq!(format!("{p:?}"), "Password(<redacted>)");
    }

    #[test]
    fn every_way_in_keeps_the_text() {
        assert_eq!(Password::from("Sommer2024!").reveal(), "Sommer2024!");
        assert_eq!(
            Password::from(String::from("Æblegrød-7")).reveal(),
            "Æblegrød-7"
        );
        assert_eq!(Password::new("x").reveal(), "x");
    }
}
