use super::canonical_string_type;
use crate::{Ctx, ErrorType, FieldError};

/// The longest email address Dagtilbudsregisteret stores.
pub(crate) const MAX_EMAIL_CHARS: usize = 132;

/// An email address: HTML5 (WHATWG "valid e-mail address") syntax with a dotted domain,
/// local part ≤ 64 and whole address ≤ 132 characters (the register's limit).
///
/// The domain is lower-cased in the canonical form; the local part is kept as written.
///
/// ```
/// use unilogin::identifiers::Email;
/// assert_eq!(Email::parse(" Kontakt@Boernehuset.DK ")?.as_str(), "Kontakt@boernehuset.dk");
/// assert_eq!(Email::parse("kontakt@").unwrap_err().kind().code(), "email_format");
/// # Ok::<(), unilogin::FieldError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Email(String);

impl Email {
    /// Parses an email address.
    ///
    /// # Errors
    /// [`ErrorType::Missing`] when blank, [`ErrorType::StringTooLong`] above 132 characters,
    /// [`ErrorType::EmailFormat`] for invalid syntax.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(FieldError::new(ErrorType::Missing));
        }
        // Bytes bound characters from above: count characters only when it can matter.
        let length = if trimmed.len() <= MAX_EMAIL_CHARS {
            trimmed.len()
        } else {
            trimmed.chars().count()
        };
        if length > MAX_EMAIL_CHARS {
            return Err(FieldError::with_ctx(
                ErrorType::StringTooLong,
                Ctx::new()
                    .with("max_length", MAX_EMAIL_CHARS)
                    .with("actual_length", length),
            ));
        }
        let (local, domain) = trimmed
            .split_once('@')
            .ok_or(FieldError::new(ErrorType::EmailFormat))?;
        if !valid_local(local) || !valid_domain(domain) {
            return Err(FieldError::new(ErrorType::EmailFormat));
        }
        let mut canonical = String::with_capacity(trimmed.len());
        canonical.push_str(local);
        canonical.push('@');
        canonical.push_str(domain);
        canonical[local.len() + 1..].make_ascii_lowercase();
        Ok(Self(canonical))
    }

    /// The canonical address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn valid_local(local: &str) -> bool {
    const SPECIALS: &[u8] = b".!#$%&'*+/=?^_`{|}~-";
    (1..=64).contains(&local.len())
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || SPECIALS.contains(&b))
}

fn valid_domain(domain: &str) -> bool {
    let mut labels = 0;
    for label in domain.split('.') {
        let bytes = label.as_bytes();
        let ok = (1..=63).contains(&bytes.len())
            && bytes
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
            && bytes.first() != Some(&b'-')
            && bytes.last() != Some(&b'-');
        if !ok {
            return false;
        }
        labels += 1;
    }
    labels >= 2 && domain.len() <= 255
}

canonical_string_type!(Email);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_addresses() {
        for s in ["a@b.dk", "first.last+tag@sub.kommune.dk", "o'neil@x-y.com"] {
            assert!(Email::parse(s).is_ok(), "{s}");
        }
    }

    #[test]
    fn rejects_bad_syntax() {
        for s in [
            "a",
            "a@",
            "@b.dk",
            "a@b",
            "a@@b.dk",
            "a b@c.dk",
            "a@-b.dk",
            "a@b-.dk",
            "a@b..dk",
            "æ@b.dk",
            "a@b.dk,c@d.dk",
        ] {
            assert_eq!(
                Email::parse(s).map_err(|e| e.kind()),
                Err(ErrorType::EmailFormat),
                "{s}"
            );
        }
        let long = format!("{}@b.dk", "a".repeat(64)) + &".dk".repeat(30);
        assert_eq!(
            Email::parse(&long).map_err(|e| e.kind()),
            Err(ErrorType::StringTooLong)
        );
    }
}
