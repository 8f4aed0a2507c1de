use super::canonical_string_type;
use crate::text::{at_most, trim, TextValue};
use crate::{ErrorType, FieldError};

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
    /// [`ErrorType::EmailFormat`] for invalid syntax, [`ErrorType::CprInWrongField`] for an
    /// address holding a CPR-shaped number, [`ErrorType::InvisibleCharacter`].
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let (trimmed, local) = checked(input)?;
        // `local@domain` is `trimmed` itself: copy it once and lower-case the domain in place.
        let mut canonical = trimmed.to_owned();
        if let Some(domain) = canonical.get_mut(local + 1..) {
            domain.make_ascii_lowercase();
        }
        Ok(Self(canonical))
    }

    /// The canonical address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Checks an address: the trimmed text and the length of its local part.
fn checked(input: &str) -> Result<(&str, usize), FieldError> {
    if let Some(e) = crate::text::misplaced_cpr(input) {
        return Err(e);
    }
    // An address accepts only ASCII: an invisible character can only make it fail.
    crate::text::or_invisible(input, checked_chars(input))
}

fn checked_chars(input: &str) -> Result<(&str, usize), FieldError> {
    let trimmed = trim(input);
    if trimmed.is_empty() {
        return Err(FieldError::new(ErrorType::Missing));
    }
    at_most(trimmed, MAX_EMAIL_CHARS)?;
    let (local, domain) = trimmed
        .split_once('@')
        .ok_or(FieldError::new(ErrorType::EmailFormat))?;
    if !valid_local(local) || !valid_domain(domain) {
        return Err(FieldError::new(ErrorType::EmailFormat));
    }
    Ok((trimmed, local.len()))
}

impl TextValue for Email {
    fn parse(input: &str) -> Result<Self, FieldError> {
        Self::parse(input)
    }

    fn check(input: &str) -> Result<(), FieldError> {
        checked(input).map(drop)
    }
}

/// Whether a local part may hold `b`: an ASCII letter or digit or one of
/// ``.!#$%&'*+/=?^_`{|}~-`` (a `match`, not a scan of a list).
fn local_byte(b: u8) -> bool {
    matches!(
        b,
        b'a'..=b'z'
            | b'A'..=b'Z'
            | b'0'..=b'9'
            | b'.'
            | b'!'
            | b'#'
            | b'$'
            | b'%'
            | b'&'
            | b'\''
            | b'*'
            | b'+'
            | b'/'
            | b'='
            | b'?'
            | b'^'
            | b'_'
            | b'`'
            | b'{'
            | b'|'
            | b'}'
            | b'~'
            | b'-'
    )
}

fn valid_local(local: &str) -> bool {
    (1..=64).contains(&local.len()) && local.bytes().all(local_byte)
}

/// Two or more dot-separated labels of 1–63 ASCII letters, digits and hyphens, no label
/// starting or ending with a hyphen, at most 255 bytes in all.
fn valid_domain(domain: &str) -> bool {
    let mut labels = 0;
    for label in domain.as_bytes().split(|&b| b == b'.') {
        let ok = (1..=63).contains(&label.len())
            && label
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
            && label.first() != Some(&b'-')
            && label.last() != Some(&b'-');
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
    fn local_bytes_match_the_rule() {
        const SPECIALS: &[u8] = b".!#$%&'*+/=?^_`{|}~-";
        for b in 0..=u8::MAX {
            assert_eq!(
                local_byte(b),
                b.is_ascii_alphanumeric() || SPECIALS.contains(&b),
                "{b:#x}"
            );
        }
    }

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
