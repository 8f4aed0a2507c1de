//! The host's secret keys for one-time codes: a code is stored as HMAC-SHA-256 keyed with one,
//! so the stored grants alone (a leaked `to_json()`) do not let anyone try the million six-digit
//! codes offline. Keys are never stored with the grants: the host keeps them (a secret store, an
//! environment variable) and gives them to the store after loading it.
//!
//! Each keyed code records the id of its key; a [`Keyring`] holds the current key (for new
//! codes) and older ones (to verify codes issued before a rotation). See `docs/reset.md`.

use std::fmt;

use zeroize::Zeroizing;

use crate::{Ctx, ErrorType};

use super::ResetError;

/// The shortest secret accepted, in bytes (the output size of SHA-256).
pub const MIN_SECRET_BYTES: usize = 32;

/// The longest key id accepted, in characters.
pub const MAX_KEY_ID_CHARS: usize = 64;

/// One secret key for one-time codes, with the id stored beside each code it keys. `Debug`
/// shows the id only; the secret's bytes are wiped when the key is dropped.
///
/// ```
/// use unilogin::credentials::reset::CodeKey;
/// let key = CodeKey::new("2026-11", &[7; 32])?;
/// assert_eq!(key.id(), "2026-11");
/// assert_eq!(format!("{key:?}"), "CodeKey { id: \"2026-11\", secret: <redacted> }");
/// assert_eq!(CodeKey::new("2026-11", b"short").unwrap_err().kind().code(), "reset_key_invalid");
/// assert_eq!(CodeKey::new("a b", &[7; 32]).unwrap_err().kind().code(), "reset_key_invalid");
/// # Ok::<(), unilogin::credentials::reset::ResetError>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct CodeKey {
    id: String,
    secret: Zeroizing<Vec<u8>>,
}

impl CodeKey {
    /// A key with `id` (1–64 ASCII letters, digits, `.`, `_` or `-`) and `secret` (at least
    /// [`MIN_SECRET_BYTES`] random bytes from a CSPRNG, kept by the host).
    ///
    /// # Errors
    /// `reset_key_invalid` for another id or a shorter secret.
    pub fn new(id: &str, secret: &[u8]) -> Result<Self, ResetError> {
        if !valid_id(id) || secret.len() < MIN_SECRET_BYTES {
            return Err(ResetError::new(ErrorType::ResetKeyInvalid));
        }
        Ok(Self {
            id: id.to_owned(),
            secret: Zeroizing::new(secret.to_vec()),
        })
    }

    /// The id stored with each code keyed with this key.
    pub fn id(&self) -> &str {
        &self.id
    }

    pub(super) fn secret(&self) -> &[u8] {
        &self.secret
    }
}

/// Whether `id` is a key id: 1–64 ASCII letters, digits, `.`, `_` or `-`.
pub(super) fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_KEY_ID_CHARS
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

impl fmt::Debug for CodeKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CodeKey {{ id: {:?}, secret: <redacted> }}", self.id)
    }
}

/// The keys a [`super::GrantStore`] uses: the current one keys new codes; every key (current and
/// old) verifies the codes stored with its id. Empty by default: a store without a key stores
/// codes as salted SHA-256 only, which is weaker (see [`super::Grant::code_is_keyed`]).
///
/// ```
/// use unilogin::credentials::reset::{CodeKey, Keyring};
/// let ring = Keyring::new(CodeKey::new("k2", &[2; 32])?).with_old(CodeKey::new("k1", &[1; 32])?);
/// assert_eq!(ring.current_id(), Some("k2"));
/// assert!(ring.get("k1").is_some() && ring.get("k0").is_none());
/// assert!(Keyring::default().current_id().is_none());
/// # Ok::<(), unilogin::credentials::reset::ResetError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Keyring {
    current: Option<CodeKey>,
    old: Vec<CodeKey>,
}

impl Keyring {
    /// A keyring whose current key is `current`.
    pub fn new(current: CodeKey) -> Self {
        Self {
            current: Some(current),
            old: Vec::new(),
        }
    }

    /// This keyring with `key` kept for verifying codes issued under it (after a rotation).
    #[must_use]
    pub fn with_old(mut self, key: CodeKey) -> Self {
        self.old.push(key);
        self
    }

    /// A keyring of `keys` (id, secret) whose current key is the one with `current_id`: the
    /// form a host's configuration takes (every key it still honours, and which is current).
    ///
    /// ```
    /// use unilogin::credentials::reset::Keyring;
    /// let keys = [("2026-12", vec![2; 32]), ("2026-11", vec![1; 32])];
    /// let ring = Keyring::from_keys("2026-12", keys.clone())?;
    /// assert_eq!(ring.current_id(), Some("2026-12"));
    /// assert!(ring.get("2026-11").is_some());
    /// let err = Keyring::from_keys("2027-01", keys).unwrap_err();
    /// assert_eq!(err.kind().code(), "reset_key_unknown");
    /// # Ok::<(), unilogin::credentials::reset::ResetError>(())
    /// ```
    ///
    /// # Errors
    /// `reset_key_invalid` for a key [`CodeKey::new`] refuses, `reset_key_unknown` when no key
    /// has `current_id`.
    pub fn from_keys<I, S>(current_id: &str, keys: I) -> Result<Self, ResetError>
    where
        I: IntoIterator<Item = (S, Vec<u8>)>,
        S: AsRef<str>,
    {
        let mut current = None;
        let mut old = Vec::new();
        for (id, secret) in keys {
            let key = CodeKey::new(id.as_ref(), &secret)?;
            if key.id == current_id && current.is_none() {
                current = Some(key);
            } else {
                old.push(key);
            }
        }
        if current.is_none() {
            return Err(ResetError::with_ctx(
                ErrorType::ResetKeyUnknown,
                Ctx::new().with("key_id", current_id.to_owned()),
            ));
        }
        Ok(Self { current, old })
    }

    /// The current key, if any.
    pub fn current(&self) -> Option<&CodeKey> {
        self.current.as_ref()
    }

    /// The id of the current key, if any.
    pub fn current_id(&self) -> Option<&str> {
        self.current.as_ref().map(CodeKey::id)
    }

    /// The key with `id`, current or old.
    pub fn get(&self, id: &str) -> Option<&CodeKey> {
        self.current.iter().chain(&self.old).find(|k| k.id == id)
    }
}
