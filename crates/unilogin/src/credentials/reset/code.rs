//! Optional one-time codes for hosts that show the pupil a code: generated with the caller's
//! CSPRNG, handed to the issuer once, stored only as a salted HMAC-SHA-256 keyed with the host's
//! secret (or, in a store without a key and in stores written before keys, a salted SHA-256,
//! which is weaker) and compared in constant time.

use std::fmt;

use crate::credentials::digest::{hex, salted_sha256, unhex};
use crate::{Ctx, ErrorType, FieldError};
use hmac::{Hmac, Mac as _};
use rand_core::{CryptoRng, RngCore};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use subtle::ConstantTimeEq;

use super::keys::{self, CodeKey, Keyring};
use super::ResetError;

/// Crockford's Base32 alphabet: digits and upper-case letters without I, L, O and U.
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Entered codes longer than this are refused without hashing (a code is at most 8 characters;
/// the rest is room for spaces and dashes).
const MAX_ENTERED_CHARS: usize = 64;

/// Domain separation for the stored hash, so the hash of a code is never the hash of anything
/// else the library stores.
const HASH_DOMAIN: &[u8] = b"unilogin/reset-code/v1\0";

/// Domain separation for the keyed hash.
const KEYED_DOMAIN: &[u8] = b"unilogin/reset-code/v2\0";

/// Length of the random salt stored with each code, in bytes.
pub const SALT_BYTES: usize = 16;

/// The shape of a one-time code.
///
/// - [`CodeFormat::Digits6`] (default): six digits, e.g. `482 915`. Easy to type for young
///   pupils on a tablet; about 20 bits, so with the default of 5 attempts a guesser wins with
///   probability 5 in a million per grant.
/// - [`CodeFormat::Crockford8`]: eight characters of Crockford's Base32 alphabet
///   (`0-9 A-Z` without I, L, O, U), e.g. `7KQM-2XWD`: 40 bits. Input is read leniently (case,
///   spaces and dashes ignored; O reads as 0, I and L as 1). For hosts whose stored grants may
///   be seen by others during the window (a salted hash of six digits can be brute-forced).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeFormat {
    /// Six decimal digits.
    #[default]
    Digits6,
    /// Eight characters of Crockford's Base32 alphabet.
    Crockford8,
}

impl CodeFormat {
    /// Every format.
    pub const ALL: [Self; 2] = [Self::Digits6, Self::Crockford8];

    /// The number of characters of a code.
    pub fn length(self) -> usize {
        match self {
            Self::Digits6 => 6,
            Self::Crockford8 => 8,
        }
    }

    /// The key: `digits6` or `crockford8`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Digits6 => "digits6",
            Self::Crockford8 => "crockford8",
        }
    }

    /// The canonical form of an entered code: separators (spaces, dashes) removed, letters
    /// upper-cased and, for Crockford, O read as 0 and I/L as 1. `None` if it is not a code of
    /// this format.
    fn normalise(self, input: &str) -> Option<String> {
        if input.chars().count() > MAX_ENTERED_CHARS {
            return None;
        }
        let mut out = String::with_capacity(self.length());
        for c in input.chars() {
            if c.is_whitespace() || matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2013}') {
                continue;
            }
            let c = match self {
                Self::Digits6 if c.is_ascii_digit() => c,
                Self::Digits6 => return None,
                Self::Crockford8 => match c.to_ascii_uppercase() {
                    'O' => '0',
                    'I' | 'L' => '1',
                    u if u.is_ascii() && CROCKFORD.contains(&(u as u8)) => u,
                    _ => return None,
                },
            };
            out.push(c);
        }
        (out.len() == self.length()).then_some(out)
    }

    /// One random character of the alphabet, without modulo bias.
    fn random_char(self, rng: &mut (impl RngCore + CryptoRng)) -> char {
        loop {
            let mut byte = [0_u8; 1];
            rng.fill_bytes(&mut byte);
            let [b] = byte;
            match self {
                // 250 = 25 × 10: reject 250..=255 so every digit is equally likely.
                Self::Digits6 if b < 250 => return char::from(b'0' + b % 10),
                Self::Digits6 => {}
                // 256 = 8 × 32: masking is unbiased.
                Self::Crockford8 => {
                    let i = usize::from(b & 31);
                    if let Some(&c) = CROCKFORD.get(i) {
                        return char::from(c);
                    }
                }
            }
        }
    }
}

impl fmt::Display for CodeFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A one-time code in plain text, as shown once to the issuer. Its `Debug` output is redacted
/// and it has no `Display`, `Clone` or `Serialize`, so it does not end up in logs or storage by
/// accident; read it with [`OneTimeCode::reveal`] where it is shown.
///
/// ```
/// use unilogin::credentials::reset::{CodeFormat, OneTimeCode};
/// let code = OneTimeCode::parse(CodeFormat::Digits6, "482 915").unwrap();
/// assert_eq!(code.reveal(), "482915");
/// assert_eq!(format!("{code:?}"), "OneTimeCode(<redacted>)");
/// assert!(OneTimeCode::parse(CodeFormat::Digits6, "48291").is_none());
/// ```
pub struct OneTimeCode {
    format: CodeFormat,
    text: String,
}

impl OneTimeCode {
    /// A fresh random code of `format` from `rng` (use a CSPRNG such as `rand_core::OsRng`).
    ///
    /// ```
    /// use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};
    /// use unilogin::credentials::reset::{CodeFormat, OneTimeCode};
    /// let mut rng = ChaCha20Rng::seed_from_u64(7);
    /// let code = OneTimeCode::generate(CodeFormat::Crockford8, &mut rng);
    /// assert_eq!(code.reveal().len(), 8);
    /// assert!(OneTimeCode::parse(CodeFormat::Crockford8, code.reveal()).is_some());
    /// ```
    pub fn generate(format: CodeFormat, rng: &mut (impl RngCore + CryptoRng)) -> Self {
        let text = (0..format.length())
            .map(|_| format.random_char(rng))
            .collect();
        Self { format, text }
    }

    /// A code given as text (for deterministic tests and shared vectors, or a host that makes
    /// its codes elsewhere), read leniently as an entered code is. `None` unless it is a code
    /// of `format`.
    pub fn parse(format: CodeFormat, text: &str) -> Option<Self> {
        format.normalise(text).map(|text| Self { format, text })
    }

    /// A code as a user enters it (the pupil's reset page checking the field before the host
    /// redeems it), read leniently as [`OneTimeCode::parse`] reads it.
    ///
    /// ```
    /// use unilogin::credentials::reset::{CodeFormat, OneTimeCode};
    /// let code = OneTimeCode::entered(CodeFormat::Crockford8, "7kqm-2xwd").unwrap();
    /// assert_eq!(code.grouped(), "7KQM-2XWD");
    /// let short = OneTimeCode::entered(CodeFormat::Digits6, "48291").unwrap_err();
    /// assert_eq!(short.kind().code(), "reset_code_format");
    /// assert_eq!(short.ctx().get("length").map(ToString::to_string).as_deref(), Some("6"));
    /// ```
    ///
    /// # Errors
    /// `reset_code_format` (ctx `format`, `length`) unless the text is a code of `format`.
    pub fn entered(format: CodeFormat, text: &str) -> Result<Self, FieldError> {
        Self::parse(format, text).ok_or_else(|| {
            let length = i64::try_from(format.length()).unwrap_or(i64::MAX);
            FieldError::with_ctx(
                ErrorType::ResetCodeFormat,
                Ctx::new()
                    .with("format", format.key())
                    .with("length", length),
            )
        })
    }

    /// The code in canonical form, e.g. `482915` or `7KQM2XWD`: show it to the issuer, then
    /// drop it.
    pub fn reveal(&self) -> &str {
        &self.text
    }

    /// The code grouped for reading aloud: `482 915`, `7KQM-2XWD`.
    pub fn grouped(&self) -> String {
        let (sep, at) = match self.format {
            CodeFormat::Digits6 => (' ', 3),
            CodeFormat::Crockford8 => ('-', 4),
        };
        let mut out = String::with_capacity(self.text.len() + 1);
        for (i, c) in self.text.chars().enumerate() {
            if i == at {
                out.push(sep);
            }
            out.push(c);
        }
        out
    }

    /// The format.
    pub fn format(&self) -> CodeFormat {
        self.format
    }
}

impl fmt::Debug for OneTimeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OneTimeCode(<redacted>)")
    }
}

/// What is stored of a one-time code: its format, a random salt, the keyed hash of the salted
/// code with the id of its key (or, unkeyed, its SHA-256), and the number of wrong attempts the
/// grant allows. `Debug` shows neither salt nor hash.
///
/// Serialises as `{"format": "digits6", "salt": "<32 hex>", "key_id": "k1", "hmac_sha256":
/// "<64 hex>", "max_attempts": 5}`; unkeyed (stores without a key, and every store written
/// before keys) as `{"format": …, "salt": …, "sha256": "<64 hex>", "max_attempts": …}`, which
/// anyone holding the stored grants can brute-force offline (six digits in well under a second).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CodeHashData", into = "CodeHashData")]
pub struct CodeHash {
    format: CodeFormat,
    salt: [u8; SALT_BYTES],
    digest: Digest,
    max_attempts: u32,
}

/// The hash of a salted code: keyed (with the id of its key) or not.
#[derive(Clone, PartialEq, Eq)]
enum Digest {
    Sha256([u8; 32]),
    Hmac { key_id: String, mac: [u8; 32] },
}

impl CodeHash {
    /// Hashes `code` with a fresh salt from `rng`, keyed with `key` if there is one.
    pub(super) fn new(
        code: &OneTimeCode,
        max_attempts: u32,
        key: Option<&CodeKey>,
        rng: &mut (impl RngCore + CryptoRng),
    ) -> Self {
        let mut salt = [0_u8; SALT_BYTES];
        rng.fill_bytes(&mut salt);
        let digest = match key {
            Some(key) => Digest::Hmac {
                key_id: key.id().to_owned(),
                mac: keyed(key.secret(), &salt, &code.text),
            },
            None => Digest::Sha256(digest(&salt, &code.text)),
        };
        Self {
            format: code.format,
            salt,
            digest,
            max_attempts,
        }
    }

    /// The format of the code.
    pub fn format(&self) -> CodeFormat {
        self.format
    }

    /// How many wrong attempts the grant allows before it is locked.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// Whether the code is stored keyed with a host secret; `false` for the weaker unkeyed form.
    pub fn is_keyed(&self) -> bool {
        matches!(self.digest, Digest::Hmac { .. })
    }

    /// The id of the key the code is stored with, if keyed.
    pub fn key_id(&self) -> Option<&str> {
        match &self.digest {
            Digest::Hmac { key_id, .. } => Some(key_id),
            Digest::Sha256(_) => None,
        }
    }

    /// Whether `entered` is the code, compared in constant time over the hashes. An entry that
    /// is not a code of the format is hashed too (as an empty code), so the time taken does not
    /// tell a malformed entry from a wrong one.
    ///
    /// # Errors
    /// `reset_key_unknown` when the code is keyed with a key `keys` does not hold.
    pub(super) fn matches(&self, entered: &str, keys: &Keyring) -> Result<bool, ResetError> {
        let canonical = self.format.normalise(entered);
        let text = canonical.as_deref().unwrap_or_default();
        let equal: bool = match &self.digest {
            Digest::Sha256(stored) => digest(&self.salt, text).ct_eq(stored).into(),
            Digest::Hmac { key_id, mac } => {
                let key = keys.get(key_id).ok_or_else(|| {
                    ResetError::with_ctx(
                        ErrorType::ResetKeyUnknown,
                        Ctx::new().with("key_id", key_id.clone()),
                    )
                })?;
                keyed(key.secret(), &self.salt, text).ct_eq(mac).into()
            }
        };
        Ok(equal && canonical.is_some())
    }
}

/// Spends the same work as a comparison when there is no code to compare with, so that "no
/// grant" and "wrong code" take about as long.
pub(super) fn spend_comparison(entered: &str) {
    let canonical = CodeFormat::Digits6.normalise(entered);
    let candidate = keyed(
        &[0; 32],
        &[0; SALT_BYTES],
        canonical.as_deref().unwrap_or_default(),
    );
    let _: bool = candidate.ct_eq(&[0; 32]).into();
}

fn digest(salt: &[u8; SALT_BYTES], code: &str) -> [u8; 32] {
    salted_sha256(&[HASH_DOMAIN, salt, code.as_bytes()])
}

/// HMAC-SHA-256 (RFC 2104) with `secret` over the domain, the salt and the code.
fn keyed(secret: &[u8], salt: &[u8; SALT_BYTES], code: &str) -> [u8; 32] {
    // HMAC takes a key of any length, so this never fails.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret) else {
        return [0; 32];
    };
    mac.update(KEYED_DOMAIN);
    mac.update(salt);
    mac.update(code.as_bytes());
    mac.finalize().into_bytes().into()
}

impl fmt::Debug for CodeHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CodeHash")
            .field("format", &self.format)
            .field("salt", &"<redacted>")
            .field("key_id", &self.key_id())
            .field("digest", &"<redacted>")
            .field("max_attempts", &self.max_attempts)
            .finish_non_exhaustive()
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CodeHashData {
    format: CodeFormat,
    salt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    key_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    hmac_sha256: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sha256: Option<String>,
    max_attempts: u32,
}

impl From<CodeHash> for CodeHashData {
    fn from(c: CodeHash) -> Self {
        let (key_id, hmac_sha256, sha256) = match c.digest {
            Digest::Sha256(d) => (None, None, Some(hex(&d))),
            Digest::Hmac { key_id, mac } => (Some(key_id), Some(hex(&mac)), None),
        };
        Self {
            format: c.format,
            salt: hex(&c.salt),
            key_id,
            hmac_sha256,
            sha256,
            max_attempts: c.max_attempts,
        }
    }
}

impl TryFrom<CodeHashData> for CodeHash {
    type Error = String;
    fn try_from(d: CodeHashData) -> Result<Self, Self::Error> {
        let salt = unhex(&d.salt).ok_or("salt is not 32 lower-case hex digits")?;
        let digest = match (d.key_id, d.hmac_sha256, d.sha256) {
            (None, None, Some(sha256)) => {
                Digest::Sha256(unhex(&sha256).ok_or("sha256 is not 64 lower-case hex digits")?)
            }
            (Some(key_id), Some(mac), None) => {
                if !keys::valid_id(&key_id) {
                    return Err("key_id is not 1–64 letters, digits, '.', '_' or '-'".into());
                }
                let mac = unhex(&mac).ok_or("hmac_sha256 is not 64 lower-case hex digits")?;
                Digest::Hmac { key_id, mac }
            }
            _ => {
                return Err("a code has either `sha256` or both `key_id` and `hmac_sha256`".into())
            }
        };
        Ok(Self {
            format: d.format,
            salt,
            digest,
            max_attempts: d.max_attempts,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::rand_core::SeedableRng;
    use rand_chacha::ChaCha20Rng;

    #[test]
    fn generated_codes_have_the_format_and_parse_back() {
        let mut rng = ChaCha20Rng::seed_from_u64(1);
        for format in CodeFormat::ALL {
            for _ in 0..200 {
                let code = OneTimeCode::generate(format, &mut rng);
                assert_eq!(code.reveal().len(), format.length());
                let again = OneTimeCode::parse(format, &code.grouped()).unwrap();
                assert_eq!(again.reveal(), code.reveal());
            }
        }
    }

    #[test]
    fn digits_are_roughly_uniform() {
        let mut rng = ChaCha20Rng::seed_from_u64(2);
        let mut counts = [0_u32; 10];
        for _ in 0..10_000 {
            let code = OneTimeCode::generate(CodeFormat::Digits6, &mut rng);
            for b in code.reveal().bytes() {
                counts[usize::from(b - b'0')] += 1;
            }
        }
        // 60 000 digits, 6 000 expected each; a biased generator would be far off.
        assert!(
            counts.iter().all(|&n| (5_600..6_400).contains(&n)),
            "{counts:?}"
        );
    }

    #[test]
    fn lenient_reading() {
        let c = |t| OneTimeCode::parse(CodeFormat::Crockford8, t).map(|c| c.reveal().to_owned());
        assert_eq!(c("7kqm-2xwd").as_deref(), Some("7KQM2XWD"));
        assert_eq!(c("OIL0 0000").as_deref(), Some("01100000"));
        assert_eq!(c("7KQM2XWU"), None);
        assert_eq!(c("7KQM2XW"), None);
        let d = |t| OneTimeCode::parse(CodeFormat::Digits6, t).map(|c| c.reveal().to_owned());
        assert_eq!(d(" 123-456 ").as_deref(), Some("123456"));
        assert_eq!(d("12345a"), None);
        assert_eq!(d("١٢٣٤٥٦"), None);
        assert_eq!(d(&"1".repeat(100)), None);
    }

    #[test]
    fn hashes_match_only_the_code_and_hide_it() {
        let mut rng = ChaCha20Rng::seed_from_u64(3);
        let none = Keyring::default();
        let code = OneTimeCode::parse(CodeFormat::Digits6, "123456").unwrap();
        let stored = CodeHash::new(&code, 5, None, &mut rng);
        assert!(!stored.is_keyed());
        assert_eq!(stored.matches("123 456", &none), Ok(true));
        assert_eq!(stored.matches("123457", &none), Ok(false));
        assert_eq!(stored.matches("", &none), Ok(false));
        assert!(!format!("{stored:?}").contains("123456"));
        let json = serde_json::to_string(&stored).unwrap();
        assert!(!json.contains("\"123456\""));
        let back: CodeHash = serde_json::from_str(&json).unwrap();
        assert_eq!(back, stored);
        // The same code with another salt hashes differently.
        let other = CodeHash::new(&code, 5, None, &mut rng);
        assert!(other.digest != stored.digest);
    }

    #[test]
    fn keyed_hashes_need_their_key_and_name_it() {
        let mut rng = ChaCha20Rng::seed_from_u64(4);
        let k1 = CodeKey::new("k1", &[1; 32]).unwrap();
        let k2 = CodeKey::new("k2", &[2; 32]).unwrap();
        let code = OneTimeCode::parse(CodeFormat::Digits6, "123456").unwrap();
        let stored = CodeHash::new(&code, 5, Some(&k1), &mut rng);
        assert!(stored.is_keyed());
        assert_eq!(stored.key_id(), Some("k1"));
        let json = serde_json::to_value(&stored).unwrap();
        assert_eq!(json["key_id"], "k1");
        assert!(json.get("sha256").is_none() && json["hmac_sha256"].is_string());
        let rotated = Keyring::new(k2.clone()).with_old(k1.clone());
        assert_eq!(stored.matches("123456", &rotated), Ok(true));
        assert_eq!(stored.matches("123457", &rotated), Ok(false));
        let err = stored.matches("123456", &Keyring::new(k2)).unwrap_err();
        assert_eq!(err.kind(), ErrorType::ResetKeyUnknown);
        assert_eq!(
            err.message(crate::Lang::En),
            "The one-time code key k1 is not in the keyring"
        );
        // Another secret under the same id does not match.
        let impostor = Keyring::new(CodeKey::new("k1", &[9; 32]).unwrap());
        assert_eq!(stored.matches("123456", &impostor), Ok(false));
        let back: CodeHash = serde_json::from_value(json).unwrap();
        assert_eq!(back, stored);
    }

    #[test]
    fn stored_forms_are_either_keyed_or_not() {
        let salt = "00".repeat(16);
        let hash = "11".repeat(32);
        let read = |v: serde_json::Value| serde_json::from_value::<CodeHash>(v).is_ok();
        let base = |extra: serde_json::Value| {
            let mut v = serde_json::json!({"format": "digits6", "salt": salt, "max_attempts": 5});
            for (k, x) in extra.as_object().unwrap() {
                v[k] = x.clone();
            }
            v
        };
        assert!(read(base(serde_json::json!({"sha256": hash}))));
        assert!(read(base(
            serde_json::json!({"key_id": "k1", "hmac_sha256": hash})
        )));
        assert!(!read(base(serde_json::json!({}))));
        assert!(!read(base(serde_json::json!({"hmac_sha256": hash}))));
        assert!(!read(base(
            serde_json::json!({"key_id": "k1", "sha256": hash})
        )));
        assert!(!read(base(
            serde_json::json!({"key_id": "k 1", "hmac_sha256": hash})
        )));
        assert!(!read(base(serde_json::json!({"sha256": hash, "extra": 1}))));
    }
}
