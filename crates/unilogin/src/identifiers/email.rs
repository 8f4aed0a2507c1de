use std::borrow::Cow;

use super::{canonical_string_type, punycode};
use crate::text::{at_most, is_invisible, trim, TextValue};
use crate::{Ctx, ErrorType, FieldError};

/// The longest email address Dagtilbudsregisteret stores.
pub(crate) const MAX_EMAIL_CHARS: usize = 132;

/// The longest local part (the part before `@`), in octets (RFC 5321 §4.5.3.1.1).
pub(crate) const MAX_LOCAL_OCTETS: usize = 64;

/// The longest domain label in its ASCII form (RFC 1035 §2.3.4, RFC 5890 §2.3.2.1).
pub(crate) const MAX_LABEL_OCTETS: usize = 63;

/// The longest domain in its ASCII form, without a final dot (RFC 1035 §2.3.4, RFC 5321
/// §4.5.3.1.2).
pub(crate) const MAX_DOMAIN_OCTETS: usize = 253;

/// The prefix of an IDNA label in its ASCII form (an A-label, RFC 5890 §2.3.2.1).
const ACE_PREFIX: &str = "xn--";

/// An email address, internationalised ones included (RFC 6531, "SMTP Extension for
/// Internationalized Email", with an IDNA domain, RFC 5890–5891), as the Python library
/// email-validator accepts them.
///
/// - The local part is a dot-atom: ASCII letters, digits and ``!#$%&'*+/=?^_`{|}~-``, and
///   letters and digits of any script (`børnehusetskovshoved`), in runs separated by single
///   dots; at most 64 octets (UTF-8 bytes: `ø` counts two). Quoted local parts, spaces,
///   control and invisible characters are refused.
/// - The domain has two or more labels of letters (of any script), ASCII digits and hyphens, no
///   label starting or ending with a hyphen nor holding `--` in its third and fourth places
///   unless it is an `xn--` label of valid Punycode, and no label mixing right-to-left and
///   left-to-right letters (RFC 5893); each label is at most 63 octets and the whole domain at
///   most 253 in its ASCII form ([`Email::ascii`]).
/// - The whole address is at most 132 characters in its canonical form (the register's limit),
///   which is never longer than the input: an address typed with `xn--` labels may be longer.
///   Its ASCII form may be longer too: [`Email::ascii`] reads back as the same address.
///
/// The canonical form keeps the local part as written and gives the domain in lower case
/// and in Unicode (an `xn--` label is decoded: both spellings of one address are equal).
/// Unicode normalisation is not applied: letters are expected in their composed form (`ø`,
/// `å` as one character each, as keyboards type them); a combining mark is refused.
///
/// ```
/// use unilogin::identifiers::Email;
/// assert_eq!(Email::parse(" Kontakt@Boernehuset.DK ")?.as_str(), "Kontakt@boernehuset.dk");
/// let idn = Email::parse("sb@taastrup.Børnegalaxen.dk")?;
/// assert_eq!(idn.as_str(), "sb@taastrup.børnegalaxen.dk");
/// assert_eq!(idn.ascii(), "sb@taastrup.xn--brnegalaxen-ggb.dk");
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
    /// [`ErrorType::EmailLocalPartTooLong`] for a local part above 64 octets,
    /// [`ErrorType::EmailDomainLabelTooLong`] and [`ErrorType::EmailDomainTooLong`] for a
    /// domain whose ASCII form is too long, [`ErrorType::EmailFormat`] for invalid syntax,
    /// [`ErrorType::CprInWrongField`] for an address holding a CPR-shaped number,
    /// [`ErrorType::InvisibleCharacter`].
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let (local, domain) = checked(input)?;
        let mut canonical = String::with_capacity(local.len() + 1 + domain.len());
        canonical.push_str(local);
        canonical.push('@');
        canonical.push_str(&domain);
        Ok(Self(canonical))
    }

    /// The canonical address: the domain in lower case and in Unicode.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The address with its domain in ASCII: each label with a letter outside ASCII as its
    /// IDNA A-label (`xn--` and the label in Punycode, RFC 3492), for mail systems without
    /// SMTPUTF8 and for DNS. The local part stays as it is (an address whose local part is
    /// not ASCII needs SMTPUTF8 anyway). The address itself when its domain is ASCII.
    ///
    /// ```
    /// use unilogin::identifiers::Email;
    /// let email = Email::parse("børnehusetskovshoved@gentofte.dk")?;
    /// assert_eq!(email.ascii(), "børnehusetskovshoved@gentofte.dk");
    /// # Ok::<(), unilogin::FieldError>(())
    /// ```
    pub fn ascii(&self) -> Cow<'_, str> {
        let Some((local, domain)) = self.0.rsplit_once('@') else {
            return Cow::Borrowed(&self.0);
        };
        if domain.is_ascii() {
            return Cow::Borrowed(&self.0);
        }
        let mut out = String::with_capacity(self.0.len() + 16);
        out.push_str(local);
        out.push('@');
        for (i, label) in domain.split('.').enumerate() {
            if i > 0 {
                out.push('.');
            }
            // `parse` encoded every label already: Punycode cannot fail on them.
            match ascii_label(label) {
                Some(ascii) => out.push_str(&ascii),
                None => out.push_str(label),
            }
        }
        Cow::Owned(out)
    }
}

/// A label in its ASCII form: itself when ASCII, else `xn--` and its Punycode.
fn ascii_label(label: &str) -> Option<Cow<'_, str>> {
    if label.is_ascii() {
        return Some(Cow::Borrowed(label));
    }
    let mut ascii = String::from(ACE_PREFIX);
    ascii.push_str(&punycode::encode(label)?);
    Some(Cow::Owned(ascii))
}

/// Checks an address: its local part and its canonical domain.
fn checked(input: &str) -> Result<(&str, Cow<'_, str>), FieldError> {
    if let Some(e) = crate::text::misplaced_cpr(input) {
        return Err(e);
    }
    // No invisible character is accepted: one can only make the address fail, and then that
    // is the error reported.
    crate::text::or_invisible(input, checked_chars(input))
}

fn checked_chars(input: &str) -> Result<(&str, Cow<'_, str>), FieldError> {
    let trimmed = trim(input);
    if trimmed.is_empty() {
        return Err(FieldError::new(ErrorType::Missing));
    }
    // The 132 characters count the canonical form, which is never longer than the input: only
    // an `xn--` label, decoded, makes it shorter. A valid address is at most 318 characters as
    // typed (64 octets, the `@` and 253 octets of ASCII domain, a U-label no longer than its
    // A-label), so longer input is refused before any other work.
    let typed = at_most(trimmed, MAX_EMAIL_CHARS);
    let long_as_typed = typed.is_err();
    if let Err(e) = typed {
        if at_most(trimmed, MAX_LOCAL_OCTETS + 1 + MAX_DOMAIN_OCTETS).is_err()
            || !has_a_label(trimmed)
        {
            return Err(e);
        }
    }
    let format = || FieldError::new(ErrorType::EmailFormat);
    let (local, domain) = trimmed.split_once('@').ok_or_else(format)?;
    if local.len() > MAX_LOCAL_OCTETS {
        return Err(FieldError::with_ctx(
            ErrorType::EmailLocalPartTooLong,
            Ctx::new()
                .with("max_length", MAX_LOCAL_OCTETS)
                .with("actual_length", local.len()),
        ));
    }
    if !valid_local(local) {
        return Err(format());
    }
    let domain = canonical_domain(domain)?;
    if long_as_typed {
        let length = local.chars().count() + 1 + domain.chars().count();
        at_most_chars(length)?;
    }
    Ok((local, domain))
}

/// [`ErrorType::StringTooLong`] for a canonical address of `length` characters above 132.
fn at_most_chars(length: usize) -> Result<(), FieldError> {
    if length <= MAX_EMAIL_CHARS {
        return Ok(());
    }
    Err(FieldError::with_ctx(
        ErrorType::StringTooLong,
        Ctx::new()
            .with("max_length", MAX_EMAIL_CHARS)
            .with("actual_length", length),
    ))
}

/// Whether `text` holds `xn--` in any case: an A-label, the one thing that makes the canonical
/// address shorter than the input.
fn has_a_label(text: &str) -> bool {
    text.as_bytes()
        .windows(ACE_PREFIX.len())
        .any(|w| w.eq_ignore_ascii_case(ACE_PREFIX.as_bytes()))
}

impl TextValue for Email {
    fn parse(input: &str) -> Result<Self, FieldError> {
        Self::parse(input)
    }

    fn check(input: &str) -> Result<(), FieldError> {
        checked(input).map(drop)
    }
}

/// Whether a local part may hold the ASCII byte `b`: a letter or digit or one of
/// ``!#$%&'*+/=?^_`{|}~-`` (RFC 5322 `atext`; a `match`, not a scan of a list).
fn local_byte(b: u8) -> bool {
    matches!(
        b,
        b'a'..=b'z'
            | b'A'..=b'Z'
            | b'0'..=b'9'
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

/// Whether a local part may hold `c`: [`local_byte`], or a letter or digit outside ASCII
/// (RFC 6531 §3.3 extends `atext` with `UTF8-non-ascii`; of those, letters and digits of any
/// script are accepted), never an invisible one.
fn local_char(c: char) -> bool {
    match u8::try_from(c) {
        Ok(b) if b.is_ascii() => local_byte(b),
        _ => c.is_alphanumeric() && !is_invisible(c),
    }
}

/// A dot-atom (RFC 5322 §3.2.3): runs of [`local_char`] separated by single dots.
fn valid_local(local: &str) -> bool {
    let dots = !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..");
    // ASCII, the common case, byte by byte.
    dots && if local.is_ascii() {
        local.bytes().all(|b| b == b'.' || local_byte(b))
    } else {
        local.chars().all(|c| c == '.' || local_char(c))
    }
}

/// Whether a domain label (lower-cased) may hold `c`: an ASCII letter, digit or hyphen, or a
/// letter outside ASCII that is its own lower case (IDNA2008 refuses upper case, RFC 5892
/// §2.2), never an invisible one.
fn domain_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'
    } else {
        c.is_alphabetic() && !is_invisible(c) && {
            let mut lower = c.to_lowercase();
            lower.next() == Some(c) && lower.next().is_none()
        }
    }
}

/// Whether `c` is in a block of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko,
/// Samaritan, Mandaic, their presentation forms, and the right-to-left blocks of the
/// supplementary planes): the letters there have the bidirectional class R or AL.
fn right_to_left(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF
    )
}

/// Whether `label` (lower-cased) is an LDH label or a U-label's characters: one or more
/// [`domain_char`]s, not starting or ending with a hyphen, without hyphens in its third and
/// fourth places (reserved for `xn--` and future prefixes: RFC 5891 §4.2.3.1, RFC 5890
/// §2.3.1). A label with a right-to-left letter starts with one and holds no left-to-right
/// letter (RFC 5893 §2, rules 1 and 2, as the Python `idna` package checks each label):
/// `abcא` mixes directions and is refused.
fn valid_label_chars(label: &str) -> bool {
    let well_formed = !label.is_empty()
        && label.chars().all(domain_char)
        && !label.starts_with('-')
        && !label.ends_with('-')
        && label.get(2..4) != Some("--");
    if !well_formed || label.is_ascii() || !label.chars().any(right_to_left) {
        return well_formed;
    }
    label.chars().next().is_some_and(right_to_left)
        && label
            .chars()
            .all(|c| right_to_left(c) || c.is_ascii_digit() || c == '-')
}

/// The domain checked, in canonical form: lower case, each `xn--` label decoded to Unicode.
///
/// Two or more labels; each in its ASCII form at most 63 octets, the whole at most 253.
fn canonical_domain(domain: &str) -> Result<Cow<'_, str>, FieldError> {
    let format = || FieldError::new(ErrorType::EmailFormat);
    let simple = domain
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-');
    let lowered: Cow<'_, str> = if simple {
        Cow::Borrowed(domain)
    } else if domain.is_ascii() {
        Cow::Owned(domain.to_ascii_lowercase())
    } else {
        // Letter by letter (as IDNA maps a label): no context-dependent final sigma.
        Cow::Owned(domain.chars().flat_map(char::to_lowercase).collect())
    };
    // An `xn--` label is given in Unicode: then the canonical domain is built label by label.
    let mut canonical = lowered
        .split('.')
        .any(|label| label.starts_with(ACE_PREFIX))
        .then(|| String::with_capacity(lowered.len()));
    let mut ascii_len = 0;
    let mut labels = 0;
    for label in lowered.split('.') {
        let (unicode, ascii): (Cow<'_, str>, Cow<'_, str>) =
            if let Some(encoded) = label.strip_prefix(ACE_PREFIX) {
                // An A-label: valid Punycode of a U-label that encodes back to it.
                let decoded = punycode::decode(encoded).ok_or_else(format)?;
                if decoded.is_ascii() || !valid_label_chars(&decoded) {
                    return Err(format());
                }
                if ascii_label(&decoded).as_deref() != Some(label) {
                    return Err(format());
                }
                (Cow::Owned(decoded), Cow::Borrowed(label))
            } else {
                if !valid_label_chars(label) {
                    return Err(format());
                }
                let ascii = ascii_label(label).ok_or_else(format)?;
                (Cow::Borrowed(label), ascii)
            };
        if ascii.len() > MAX_LABEL_OCTETS {
            return Err(FieldError::with_ctx(
                ErrorType::EmailDomainLabelTooLong,
                Ctx::new()
                    .with("label", unicode.into_owned())
                    .with("max_length", MAX_LABEL_OCTETS)
                    .with("actual_length", ascii.len()),
            ));
        }
        ascii_len += ascii.len() + usize::from(labels > 0);
        if let Some(text) = canonical.as_mut() {
            if labels > 0 {
                text.push('.');
            }
            text.push_str(&unicode);
        }
        labels += 1;
    }
    if labels < 2 {
        return Err(format());
    }
    if ascii_len > MAX_DOMAIN_OCTETS {
        return Err(FieldError::with_ctx(
            ErrorType::EmailDomainTooLong,
            Ctx::new()
                .with("max_length", MAX_DOMAIN_OCTETS)
                .with("actual_length", ascii_len),
        ));
    }
    Ok(match canonical {
        Some(text) => Cow::Owned(text),
        None => lowered,
    })
}

canonical_string_type!(Email);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_bytes_match_the_rule() {
        const SPECIALS: &[u8] = b"!#$%&'*+/=?^_`{|}~-";
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
        for (s, canonical, ascii) in [
            ("a@b.dk", "a@b.dk", "a@b.dk"),
            (
                "first.last+tag@sub.kommune.dk",
                "first.last+tag@sub.kommune.dk",
                "first.last+tag@sub.kommune.dk",
            ),
            ("o'neil@x-y.com", "o'neil@x-y.com", "o'neil@x-y.com"),
            (
                "børnehusetskovshoved@gentofte.dk",
                "børnehusetskovshoved@gentofte.dk",
                "børnehusetskovshoved@gentofte.dk",
            ),
            (
                "sb@taastrup.børnegalaxen.dk",
                "sb@taastrup.børnegalaxen.dk",
                "sb@taastrup.xn--brnegalaxen-ggb.dk",
            ),
            (
                "SB@Taastrup.BØRNEGALAXEN.DK",
                "SB@taastrup.børnegalaxen.dk",
                "SB@taastrup.xn--brnegalaxen-ggb.dk",
            ),
            (
                "sb@taastrup.XN--BRNEGALAXEN-GGB.dk",
                "sb@taastrup.børnegalaxen.dk",
                "sb@taastrup.xn--brnegalaxen-ggb.dk",
            ),
            ("Ærø@Ærø.dk", "Ærø@ærø.dk", "Ærø@xn--r-3fa9c.dk"),
            ("a@אבג.dk", "a@אבג.dk", "a@xn--4dbcd.dk"),
            ("a@א1.dk", "a@א1.dk", "a@xn--1-zhc.dk"),
            ("a@ابج.dk", "a@ابج.dk", "a@xn--mgbcm.dk"),
        ] {
            let email = Email::parse(s).unwrap_or_else(|e| panic!("{s}: {e:?}"));
            assert_eq!(email.as_str(), canonical, "{s}");
            assert_eq!(email.ascii(), ascii, "{s}");
            assert_eq!(Email::parse(&email.ascii()).as_ref(), Ok(&email), "{s}");
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
            "a@b.dk,c@d.dk",
            ".a@b.dk",
            "a.@b.dk",
            "a..b@c.dk",
            "\"a\"@b.dk",
            "a@ab--c.dk",
            "a@xn--.dk",
            "a@xn--abc.dk",
            "a@xn--brnegalaxen-ggb-.dk",
            "a@xn--pda-.dk",
            "a@xn--a-ba.dk",
            "a@ø_.dk",
            "a\u{301}@b.dk",
            "a@b\u{301}.dk",
            "😀@b.dk",
            "a@b.😀",
            "a@b.dk.",
            "a@abcא.dk",
            "a@אa.dk",
            "a@1א.dk",
            "a@ابجa.dk",
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

    #[test]
    fn lengths_have_their_own_errors() {
        let local = Email::parse(&format!("{}@b.dk", "ø".repeat(33))).unwrap_err();
        assert_eq!(local.kind(), ErrorType::EmailLocalPartTooLong);
        assert_eq!(
            local.ctx().get("actual_length"),
            Some(&crate::problem::CtxValue::Int(66))
        );
        assert!(Email::parse(&format!("{}@b.dk", "ø".repeat(32))).is_ok());
        // 60 ø: `xn--pdaaa…` is 66 octets.
        let label = Email::parse(&format!("a@{}.dk", "ø".repeat(60))).unwrap_err();
        assert_eq!(label.kind(), ErrorType::EmailDomainLabelTooLong);
        assert_eq!(
            label.ctx().get("actual_length"),
            Some(&crate::problem::CtxValue::Int(66))
        );
        assert!(Email::parse(&format!("a@{}.dk", "ø".repeat(57))).is_ok());
        // Six labels of 18 different ideographs: 41 octets each in ASCII, 254 in all.
        let ideographs: String = (0..18)
            .filter_map(|i| char::from_u32(0x4E00 + i * 37))
            .collect();
        let long = format!("a@{}.dk", [ideographs.as_str(); 6].join("."));
        assert!(long.chars().count() <= MAX_EMAIL_CHARS);
        let domain = Email::parse(&long).unwrap_err();
        assert_eq!(domain.kind(), ErrorType::EmailDomainTooLong);
        assert_eq!(
            domain.ctx().get("actual_length"),
            Some(&crate::problem::CtxValue::Int(254))
        );
    }

    #[test]
    fn the_limit_counts_the_canonical_form() {
        // Two labels of 57 ø (63 octets each in ASCII) and one ø: 122 characters, 140 in ASCII.
        let label = "ø".repeat(57);
        let email = Email::parse(&format!("a@{label}.{label}.ø.dk")).unwrap();
        assert_eq!(email.as_str().chars().count(), 122);
        let ascii = email.ascii();
        assert_eq!(ascii.chars().count(), 140);
        assert_eq!(Email::parse(&ascii).as_ref(), Ok(&email));
        // 133 characters in canonical form, however the domain is spelled.
        let over = format!("{}@{label}.{label}.ø.dk", "a".repeat(12));
        let a_label = format!("xn--pd{}", "a".repeat(57));
        let over_ascii = over.replace(&label, &a_label).replace(".ø.", ".xn--pda.");
        assert_eq!(over_ascii.chars().count(), 151);
        for text in [&over, &over_ascii] {
            let error = Email::parse(text).unwrap_err();
            assert_eq!(error.kind(), ErrorType::StringTooLong, "{text}");
            assert_eq!(
                error.ctx().get("actual_length"),
                Some(&crate::problem::CtxValue::Int(133)),
                "{text}"
            );
        }
        assert_eq!(
            Email::parse(&format!("{}@b.dk", "a".repeat(400))).map_err(|e| e.kind()),
            Err(ErrorType::StringTooLong)
        );
    }

    #[test]
    fn invisible_characters_are_named() {
        for s in ["a\u{200b}b@c.dk", "a@b\u{3164}.dk", "\u{3164}@b.dk"] {
            assert_eq!(
                Email::parse(s).map_err(|e| e.kind()),
                Err(ErrorType::InvisibleCharacter),
                "{s:?}"
            );
        }
    }
}
