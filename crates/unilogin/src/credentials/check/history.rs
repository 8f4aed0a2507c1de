//! A user's earlier passwords, without plaintext: the host's own stored hashes behind a trait,
//! or the built-in format for hosts without one: Argon2id PHC strings (OWASP's parameters), and
//! the old `sha256$<salt hex>$<digest hex>` entries, still verified and flagged for re-hashing.

use std::fmt;
use std::str::FromStr;

use crate::credentials::digest::{hex, salted_sha256, unhex};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
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

/// The Argon2id parameters of new entries: OWASP's Password Storage Cheat Sheet's first
/// configuration, 19 MiB of memory (`m`, in KiB), 2 iterations (`t`), 1 degree of parallelism
/// (`p`), a 32-byte hash.
pub const ARGON2_MEMORY_KIB: u32 = 19 * 1024;
/// See [`ARGON2_MEMORY_KIB`].
pub const ARGON2_ITERATIONS: u32 = 2;
/// See [`ARGON2_MEMORY_KIB`].
pub const ARGON2_PARALLELISM: u32 = 1;
const ARGON2_OUTPUT_BYTES: usize = 32;

/// The most memory a stored Argon2id entry may ask for when it is verified (in KiB: 64 MiB),
/// and the most iterations and lanes, so a hostile history entry cannot exhaust the host.
const ARGON2_MAX_MEMORY_KIB: u32 = 64 * 1024;
const ARGON2_MAX_ITERATIONS: u32 = 10;
const ARGON2_MAX_PARALLELISM: u32 = 4;

/// A stored earlier password, in one of two text forms:
///
/// - **Argon2id** (what [`HashedPassword::new`] makes): the PHC string
///   `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>` (base64 without padding), with OWASP's
///   parameters (19 MiB of memory, 2 iterations, 1 lane); deliberately slow and memory-hard, so a leaked history
///   is expensive to attack offline. Entries with other parameters are verified with their own
///   (up to 64 MiB, 10 iterations, 4 lanes).
/// - **`sha256$<salt hex>$<digest hex>`** (the format before Argon2id): 16 bytes of salt and
///   SHA-256 of the salt followed by the password. Still verified, but one SHA-256 is fast to
///   attack offline: [`HashedPassword::needs_rehash`] says so; replace such an entry with
///   `HashedPassword::new(password)` when the user next enters that password (at a login or a
///   change).
///
/// Comparisons run in constant time. `Debug` shows neither salt nor hash.
///
/// ```
/// use rand_core::OsRng;
/// use unilogin::credentials::check::HashedPassword;
/// let stored = HashedPassword::new("Hestesko-Bilvask-12", &mut OsRng);
/// assert!(stored.matches("Hestesko-Bilvask-12"));
/// assert!(!stored.matches("hestesko-bilvask-12"));
/// assert!(!stored.needs_rehash());
///
/// let text = stored.to_string();
/// assert!(text.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
/// assert_eq!(text.parse::<HashedPassword>()?, stored);
///
/// // An entry of the old form still counts, and should be re-hashed.
/// let old: HashedPassword = "sha256$000102030405060708090a0b0c0d0e0f$0dc10b4720471a31332cbe9e5e49d74c215b51dcc1f7653213b0b6670faa370a".parse()?;
/// assert!(old.needs_rehash());
/// assert!("sha256$00$11".parse::<HashedPassword>().is_err());
/// # Ok::<(), unilogin::credentials::check::HashFormatError>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct HashedPassword(Form);

#[derive(Clone, PartialEq, Eq)]
enum Form {
    Sha256 {
        salt: [u8; SALT_BYTES],
        digest: [u8; 32],
    },
    /// The PHC string, checked when it was made or read.
    Argon2id(String),
}

/// The hasher for `params`.
fn argon2(params: Params) -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// OWASP's parameters.
fn owasp() -> Result<Params, argon2::Error> {
    Params::new(
        ARGON2_MEMORY_KIB,
        ARGON2_ITERATIONS,
        ARGON2_PARALLELISM,
        Some(ARGON2_OUTPUT_BYTES),
    )
}

impl HashedPassword {
    /// Hashes `password` with Argon2id (OWASP's parameters) and a fresh salt from `rng` (use a
    /// CSPRNG such as `rand_core::OsRng`). This takes about 19 MiB of memory and tens of
    /// milliseconds, on purpose.
    pub fn new(password: &str, rng: &mut (impl RngCore + CryptoRng)) -> Self {
        let mut salt = [0_u8; SALT_BYTES];
        rng.fill_bytes(&mut salt);
        Self::argon2id_with_salt(password, salt)
    }

    /// Hashes `password` with Argon2id and the given salt. For tests and shared vectors;
    /// production code uses [`HashedPassword::new`] so every entry gets a fresh random salt.
    pub fn argon2id_with_salt(password: &str, salt: [u8; SALT_BYTES]) -> Self {
        let phc = SaltString::encode_b64(&salt).ok().and_then(|salt| {
            let params = owasp().ok()?;
            argon2(params)
                .hash_password(password.as_bytes(), &salt)
                .ok()
                .map(|h| h.to_string())
        });
        match phc {
            Some(phc) => Self(Form::Argon2id(phc)),
            // Unreachable with the constant parameters and a 16-byte salt; an entry that matches
            // nothing is the safe result.
            None => Self(Form::Argon2id(String::new())),
        }
    }

    /// An entry of the old form `sha256$…` with the given salt: fast and deterministic, for
    /// tests and shared vectors of the history rule only. It [`needs_rehash`](Self::needs_rehash).
    pub fn with_salt(password: &str, salt: [u8; SALT_BYTES]) -> Self {
        Self(Form::Sha256 {
            digest: digest(&salt, password),
            salt,
        })
    }

    /// Reads a stored entry: `$argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>` or the old
    /// `sha256$<32 lower-case hex digits>$<64 lower-case hex digits>`.
    ///
    /// # Errors
    /// [`HashFormatError`] for any other text, and for Argon2id parameters beyond 64 MiB,
    /// 10 iterations or 4 lanes.
    pub fn parse(text: &str) -> Result<Self, HashFormatError> {
        if text.starts_with("$argon2id$") {
            return parse_argon2id(text).map(|()| Self(Form::Argon2id(text.to_owned())));
        }
        let mut parts = text.split('$');
        match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some(SCHEME), Some(salt), Some(digest), None) => Ok(Self(Form::Sha256 {
                salt: unhex(salt).ok_or(HashFormatError)?,
                digest: unhex(digest).ok_or(HashFormatError)?,
            })),
            _ => Err(HashFormatError),
        }
    }

    /// Whether `candidate` is the password this entry was made from (constant-time compare).
    pub fn matches(&self, candidate: &str) -> bool {
        match &self.0 {
            Form::Sha256 { salt, digest: d } => digest(salt, candidate).ct_eq(d).into(),
            Form::Argon2id(phc) => PasswordHash::new(phc).is_ok_and(|hash| {
                Params::try_from(&hash).is_ok_and(|params| {
                    argon2(params)
                        .verify_password(candidate.as_bytes(), &hash)
                        .is_ok()
                })
            }),
        }
    }

    /// Whether the entry should be replaced by `HashedPassword::new(password)` the next time the
    /// user gives the password: it is of the old, fast `sha256$` form, or Argon2id with other
    /// parameters than today's.
    pub fn needs_rehash(&self) -> bool {
        match &self.0 {
            Form::Sha256 { .. } => true,
            Form::Argon2id(phc) => PasswordHash::new(phc)
                .ok()
                .and_then(|hash| Params::try_from(&hash).ok())
                .is_none_or(|p| {
                    (p.m_cost(), p.t_cost(), p.p_cost(), p.output_len())
                        != (
                            ARGON2_MEMORY_KIB,
                            ARGON2_ITERATIONS,
                            ARGON2_PARALLELISM,
                            Some(ARGON2_OUTPUT_BYTES),
                        )
                }),
        }
    }
}

/// Checks a PHC string of Argon2id version 19 whose parameters stay within the bounds.
fn parse_argon2id(text: &str) -> Result<(), HashFormatError> {
    let hash = PasswordHash::new(text).map_err(|_| HashFormatError)?;
    let params = Params::try_from(&hash).map_err(|_| HashFormatError)?;
    let bounded = hash.algorithm == Algorithm::Argon2id.ident()
        && hash.version == Some(Version::V0x13.into())
        && hash.hash.is_some_and(|h| (16..=64).contains(&h.len()))
        && hash.salt.is_some()
        && params.m_cost() <= ARGON2_MAX_MEMORY_KIB
        && params.t_cost() <= ARGON2_MAX_ITERATIONS
        && params.p_cost() <= ARGON2_MAX_PARALLELISM;
    if bounded {
        Ok(())
    } else {
        Err(HashFormatError)
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
    /// The stored form: the PHC string, or `sha256$<salt hex>$<digest hex>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Form::Argon2id(phc) => f.write_str(phc),
            Form::Sha256 { salt, digest } => {
                let mut text = String::with_capacity(SCHEME.len() + 2 + 2 * (SALT_BYTES + 32));
                text.push_str(SCHEME);
                text.push('$');
                push_hex(&mut text, salt);
                text.push('$');
                push_hex(&mut text, digest);
                f.write_str(&text)
            }
        }
    }
}

impl fmt::Debug for HashedPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Form::Argon2id(_) => f.write_str("HashedPassword(argon2id$<redacted>)"),
            Form::Sha256 { .. } => f.write_str("HashedPassword(sha256$<redacted>)"),
        }
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

/// A stored password history entry in neither form: `$argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>`
/// (within 64 MiB, 10 iterations, 4 lanes) or `sha256$<salt hex>$<digest hex>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a stored password of the form `$argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>` (at most m=65536, t=10, p=4) or `sha256$<32 hex digits>$<64 hex digits>` (lower case)")]
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
    fn new_entries_are_argon2id_with_owasp_parameters() {
        let stored = HashedPassword::argon2id_with_salt("Hestesko-Bilvask-12", [7; SALT_BYTES]);
        let text = stored.to_string();
        // The same string as the reference implementation (libargon2's `argon2id_hash_encoded`
        // with t=2, m=19456, p=1, the salt of sixteen 7s, a 32-byte hash).
        assert_eq!(
            text,
            "$argon2id$v=19$m=19456,t=2,p=1$BwcHBwcHBwcHBwcHBwcHBw$guADmarNt6iveOOddGfNtSw9ux61mA7tMN/oObbtjKE"
        );
        assert!(stored.matches("Hestesko-Bilvask-12"));
        assert!(!stored.matches("Hestesko-Bilvask-13"));
        assert!(!stored.needs_rehash());
        assert_eq!(HashedPassword::parse(&text), Ok(stored.clone()));
        assert_eq!(format!("{stored:?}"), "HashedPassword(argon2id$<redacted>)");
        // The old form still matches, and says it should be re-hashed.
        let old = HashedPassword::with_salt("Hestesko-Bilvask-12", [7; SALT_BYTES]);
        assert!(old.matches("Hestesko-Bilvask-12") && old.needs_rehash());
        // Cheaper parameters verify but need a re-hash; hostile ones are refused unread.
        let cheap = text.replace("m=19456,t=2", "m=8,t=1");
        let cheap = HashedPassword::parse(&cheap).unwrap();
        assert!(cheap.needs_rehash() && !cheap.matches("Hestesko-Bilvask-12"));
        for bad in [
            text.replace("m=19456", "m=4194304"),
            text.replace("t=2", "t=1000"),
            text.replace("p=1", "p=64"),
            text.replace("argon2id", "argon2i"),
            text.replace("v=19", "v=16"),
            text.replace("$argon2id$", "$argon2id$$"),
            format!("{text}$"),
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
