//! [`ValidationPolicy`]: the switch for record validation's one check of medium confidence, the
//! P-number checksum, as data a host can override.
//!
//! The default is STIL's rules as documented in `docs/domain.md`.

use serde::{Deserialize, Serialize};

use crate::identifiers::PNumber;
use crate::FieldError;

/// Which medium-confidence checks record validation applies.
///
/// ```
/// use unilogin::{InstitutionNumberRequest, RawRequest, ValidationPolicy};
/// let raw = RawRequest::from_pairs([("p_number", "1029829824")]);
/// let strict = InstitutionNumberRequest::validate(&raw).unwrap_err();
/// assert!(strict.iter().any(|p| p.kind().code() == "p_number_checksum"));
///
/// let lenient = ValidationPolicy { p_number_checksum: false };
/// let problems = InstitutionNumberRequest::validate_with(&raw, &lenient).unwrap_err();
/// assert!(problems.iter().all(|p| p.kind().code() != "p_number_checksum"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct ValidationPolicy {
    /// Enforce the P-number modulus-11 check. The rule is inferred from public implementations
    /// and open data rather than published by the CVR register, so a host may turn it off (or
    /// treat `p_number_checksum` problems as warnings by their type). Default: on.
    pub p_number_checksum: bool,
}

impl ValidationPolicy {
    /// STIL's rules as documented: every check on.
    pub const STIL: Self = Self {
        p_number_checksum: true,
    };

    /// Parses a P-number under this policy.
    pub(crate) fn p_number(self, input: &str) -> Result<PNumber, FieldError> {
        if self.p_number_checksum {
            PNumber::parse(input)
        } else {
            PNumber::parse_format(input)
        }
    }
}

impl Default for ValidationPolicy {
    fn default() -> Self {
        Self::STIL
    }
}
