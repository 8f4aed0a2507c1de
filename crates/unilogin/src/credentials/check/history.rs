//! A user's earlier passwords, without plaintext: the host's own stored hashes behind a trait,
//! or the portable format `sha256$<salt hex>$<digest hex>` for hosts without one.

use std::fmt;
use std::str::FromStr;

use crate::credentials::digest::{hex, salted_sha256, unhex};
use rand_core::{CryptoRng, RngCore};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use subtle::ConstantTimeEq;

/// One stored earlier password that can tell whether a candidate equals it.
///
/// Implement this for the host's own password hashes (bcrypt, scrypt, Argon2, …); the core never
/// needs the plaintext. [`HashedPassword`] is the built-in implementation.
pub trait StoredPassword {
    /// Whether `candidate` is the stored password (exactly, byte for byte).
    fn matches(&self, candidate: &str) -> bool;
}

/// A user's earlier passwords, most recent first.
///
/// Implemented for slices, arrays and vectors of any [`StoredPassword`] (most recent first: put
/// the current password first), and for [`NoHistory`]. A host whose store answers the question
/// itself (e.g. a database function) implements this trait directly.
pub trait PasswordHistory {
    /// Whether `candidate` equals one of the `depth` most recent passwords.
    fn contains_recent(&self, candidate: &str, depth: usize) -> bool;
}

impl<S: StoredPassword> PasswordHistory for [S] {
    fn contains_recent(&self, candidate: &str, depth: usize) -> bool {
        // Every entry is compared, so the time does not tell which one matched.
        self.iter()
            .take(depth)
            .fold(false, |found, stored| stored.matches(candidate) | found)
    }
}

impl<S: StoredPassword> PasswordHistory for Vec<S> {
    fn contains_recent(&self, candidate: &str, depth: usize) -> bool {
        self.as_slice().contains_recent(candidate, depth)
    }
}

impl<S: StoredPassword, const N: usize> PasswordHistory for [S; N] {
    fn contains_recent(&self, candidate: &str, depth: usize) -> bool {
        self.as_slice().contains_recent(candidate, depth)
    }
}

/// No earlier passwords (a new user, or a host that does not keep them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NoHistory;

impl PasswordHistory for NoHistory {
    fn contains_recent(&self, _candidate: &str, _depth: usize) -> bool {
        false
    }
}

/// The bytes of salt in a [`HashedPassword`].
pub const SALT_BYTES: usize = 16;

const SCHEME: &str = "sha256";

/// A stored password in the portable format `sha256$<salt hex>$<digest hex>`: 16 random bytes
/// of salt, and SHA-256 of the salt followed by the password's UTF-8 bytes, both in lower-case
/// hex. Comparisons run in constant time. `Debug` shows neither salt nor digest.
///
/// This is a format for password *history* in hosts that have no password hashing of their
/// own: one SHA-256 is fast to compute, so a leaked history can be attacked offline faster
/// than bcrypt or Argon2 hashes. Hosts that have a slow hash implement [`StoredPassword`] for
/// it instead.
///
/// ```
/// use rand_core::OsRng;
/// use unilogin::credentials::check::HashedPassword;
/// let stored = HashedPassword::new("Hestesko-Bilvask-12", &mut OsRng);
/// assert!(stored.matches("Hestesko-Bilvask-12"));
/// assert!(!stored.matches("hestesko-bilvask-12"));
///
/// let text = stored.to_string();
/// assert!(text.starts_with("sha256$") && text.len() == 7 + 32 + 1 + 64);
/// assert_eq!(text.parse::<HashedPassword>()?, stored);
/// assert!("sha256$00$11".parse::<HashedPassword>().is_err());
/// # Ok::<(), unilogin::credentials::check::HashFormatError>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct HashedPassword {
    salt: [u8; SALT_BYTES],
    digest: [u8; 32],
}

impl HashedPassword {
    /// Hashes `password` with a fresh salt from `rng` (use a CSPRNG such as `rand_core::OsRng`).
    pub fn new(password: &str, rng: &mut (impl RngCore + CryptoRng)) -> Self {
        let mut salt = [0_u8; SALT_BYTES];
        rng.fill_bytes(&mut salt);
        Self::with_salt(password, salt)
    }

    /// Hashes `password` with the given salt. For tests and shared vectors; production code
    /// uses [`HashedPassword::new`] so every entry gets a fresh random salt.
    pub fn with_salt(password: &str, salt: [u8; SALT_BYTES]) -> Self {
        Self {
            digest: digest(&salt, password),
            salt,
        }
    }

    /// Reads the stored form `sha256$<32 lower-case hex digits>$<64 lower-case hex digits>`.
    ///
    /// # Errors
    /// [`HashFormatError`] for any other text.
    pub fn parse(text: &str) -> Result<Self, HashFormatError> {
        let mut parts = text.split('$');
        match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some(SCHEME), Some(salt), Some(digest), None) => Ok(Self {
                salt: unhex(salt).ok_or(HashFormatError)?,
                digest: unhex(digest).ok_or(HashFormatError)?,
            }),
            _ => Err(HashFormatError),
        }
    }

    /// Whether `candidate` is the password this entry was made from (constant-time compare).
    pub fn matches(&self, candidate: &str) -> bool {
        digest(&self.salt, candidate).ct_eq(&self.digest).into()
    }
}

impl StoredPassword for HashedPassword {
    fn matches(&self, candidate: &str) -> bool {
        HashedPassword::matches(self, candidate)
    }
}

fn digest(salt: &[u8], password: &str) -> [u8; 32] {
    salted_sha256(&[salt, password.as_bytes()])
}

fn push_hex(out: &mut String, bytes: &[u8]) {
    out.push_str(&hex(bytes));
}

impl fmt::Display for HashedPassword {
    /// The stored form `sha256$<salt hex>$<digest hex>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = String::with_capacity(SCHEME.len() + 2 + 2 * (SALT_BYTES + 32));
        text.push_str(SCHEME);
        text.push('$');
        push_hex(&mut text, &self.salt);
        text.push('$');
        push_hex(&mut text, &self.digest);
        f.write_str(&text)
    }
}

impl fmt::Debug for HashedPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HashedPassword(sha256$<redacted>)")
    }
}

impl FromStr for HashedPassword {
    type Err = HashFormatError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for HashedPassword {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for HashedPassword {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// A stored password history entry that is not in the form `sha256$<salt hex>$<digest hex>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a stored password of the form `sha256$<32 hex digits>$<64 hex digits>` (lower case)")]
pub struct HashFormatError;

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::rand_core::SeedableRng;
    use rand_chacha::ChaCha20Rng;
    use sha2::{Digest, Sha256};

    #[test]
    fn format_round_trips_and_is_the_documented_one() {
        let stored = HashedPassword::with_salt("Hestesko-Bilvask-12", [7; SALT_BYTES]);
        let text = stored.to_string();
        let mut hasher = Sha256::new();
        hasher.update([7_u8; SALT_BYTES]);
        hasher.update(b"Hestesko-Bilvask-12");
        let mut expected = String::from("sha256$07070707070707070707070707070707$");
        push_hex(&mut expected, &hasher.finalize());
        assert_eq!(text, expected);
        assert_eq!(HashedPassword::parse(&text), Ok(stored.clone()));
        let json = serde_json::to_string(&stored).unwrap();
        assert_eq!(
            serde_json::from_str::<HashedPassword>(&json).unwrap(),
            stored
        );
        assert!(!format!("{stored:?}").contains("0707"));
    }

    #[test]
    fn bad_forms_are_refused() {
        let good = HashedPassword::with_salt("x", [0; SALT_BYTES]).to_string();
        for bad in [
            String::new(),
            good.to_uppercase(),
            good.replacen("sha256", "sha512", 1),
            format!("{good}$"),
            good[..good.len() - 1].to_owned(),
            good.replacen('$', "", 1),
            "sha256$$".to_owned(),
            "sha256$ä0$".to_owned(),
        ] {
            assert_eq!(HashedPassword::parse(&bad), Err(HashFormatError), "{bad}");
        }
    }

    #[test]
    fn fresh_salts_differ_and_history_depth_counts() {
        let mut rng = ChaCha20Rng::seed_from_u64(7);
        let a = HashedPassword::new("same", &mut rng);
        let b = HashedPassword::new("same", &mut rng);
        assert_ne!(a.to_string(), b.to_string());
        assert!(a.matches("same") && b.matches("same"));
        let history: Vec<HashedPassword> = ["p1", "p2", "p3"]
            .iter()
            .map(|p| HashedPassword::new(p, &mut rng))
            .collect();
        assert!(history.contains_recent("p2", 2));
        assert!(!history.contains_recent("p3", 2));
        assert!(!history.contains_recent("p1", 0));
        assert!(!NoHistory.contains_recent("p1", 5));
    }
}
