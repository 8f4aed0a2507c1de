//! The record kinds by name, for hosts that dispatch on one, and the one place a kind's name
//! meets its type.

use std::borrow::Cow;

use super::field::Field;
use super::raw::RawRecord;
use super::record_type::RecordType;
use crate::{Problems, ValidationPolicy};

/// The record kinds the library validates, for hosts that dispatch on a name (the command's
/// `--kind`, the bindings' `kind=` argument, the shared vectors).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RecordKind {
    /// An institution-number request ([`crate::InstitutionNumberRequest`]).
    Request,
    /// A Dagtilbudsregisteret row ([`crate::RegisterRecord`]).
    Register,
    /// A user roster row ([`crate::people::UserRecord`]); the `cpr` input is masked in problems.
    User,
}

/// Evaluates `$body` with `$K` naming the [`RecordType`] of the kind `$kind`: the one dispatch
/// from a kind to its type, so a new kind adds one arm here.
macro_rules! with_record_type {
    ($kind:expr, $K:ident => $body:expr) => {
        match $kind {
            $crate::record::RecordKind::Request => {
                type $K = $crate::InstitutionNumberRequest;
                $body
            }
            $crate::record::RecordKind::Register => {
                type $K = $crate::RegisterRecord;
                $body
            }
            $crate::record::RecordKind::User => {
                type $K = $crate::people::UserRecord;
                $body
            }
        }
    };
}
pub(super) use with_record_type;

/// Validates `raw` as a `K` and gives the valid record as canonical JSON.
pub(super) fn validate_to_json<K: RecordType>(
    raw: &RawRecord<'_, K::Field>,
    policy: ValidationPolicy,
) -> Result<serde_json::Value, Problems> {
    // Serialising our own plain data types to a JSON value cannot fail.
    K::validate_with(raw, policy)
        .map(|record| serde_json::to_value(record).unwrap_or(serde_json::Value::Null))
}

fn keys<K: RecordType>() -> Vec<&'static str> {
    K::Field::ALL.iter().map(|f| f.key()).collect()
}

fn knows_column<K: RecordType>(column: &str) -> bool {
    K::Field::from_column(column).is_some()
}

impl RecordKind {
    /// Every kind.
    pub const ALL: [Self; 3] = [Self::Request, Self::Register, Self::User];

    /// The name: `request`, `register` or `user`.
    pub fn name(self) -> &'static str {
        with_record_type!(self, K => K::NAME)
    }

    /// The kind with this name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(name.trim()))
    }

    /// The canonical keys of this kind's fields, in report order.
    pub fn keys(self) -> Vec<&'static str> {
        with_record_type!(self, K => keys::<K>())
    }

    /// Whether a column name denotes one of this kind's fields (key or alias).
    pub fn knows_column(self, column: &str) -> bool {
        with_record_type!(self, K => knows_column::<K>(column))
    }

    /// Checks one JSON object and returns only its problems (empty when valid), without
    /// building the valid record's JSON.
    pub fn check_json_with(
        self,
        object: &serde_json::Map<String, serde_json::Value>,
        policy: &ValidationPolicy,
    ) -> Problems {
        with_record_type!(self, K => K::problems(&RawRecord::from_json(object), *policy))
    }

    /// Validates one record given as `(column, value)` pairs and returns the valid record as
    /// canonical JSON, or every problem. Unknown columns are ignored.
    ///
    /// # Errors
    /// Every problem of the record, located at canonical field keys.
    pub fn validate_pairs<'a, K, V, I>(self, pairs: I) -> Result<serde_json::Value, Problems>
    where
        K: AsRef<str>,
        V: Into<Cow<'a, str>>,
        I: IntoIterator<Item = (K, V)>,
    {
        self.validate_pairs_with(pairs, &ValidationPolicy::STIL)
    }

    /// Validates like [`RecordKind::validate_pairs`] under a host's `policy` (user rows use only
    /// its reference date, [`ValidationPolicy::as_of`]).
    ///
    /// # Errors
    /// Every problem of the record, located at canonical field keys.
    pub fn validate_pairs_with<'a, K, V, I>(
        self,
        pairs: I,
        policy: &ValidationPolicy,
    ) -> Result<serde_json::Value, Problems>
    where
        K: AsRef<str>,
        V: Into<Cow<'a, str>>,
        I: IntoIterator<Item = (K, V)>,
    {
        with_record_type!(self, T => validate_to_json::<T>(&RawRecord::from_pairs(pairs), *policy))
    }

    /// Validates one record given as a JSON object (see [`RawRecord::from_json`]).
    ///
    /// ```
    /// use unilogin::record::RecordKind;
    /// let row = serde_json::json!({"cvr": "13585627"});
    /// let problems = RecordKind::Request.validate_json(row.as_object().unwrap()).unwrap_err();
    /// assert_eq!(problems.as_slice()[0].kind().code(), "cvr_checksum");
    ///
    /// let user = serde_json::json!({"cpr": "150320-4000", "fornavn": "Freja",
    ///     "efternavn": "Testesen", "rolle": "forælder", "instnr": "G18062"});
    /// let valid = RecordKind::User.validate_json(user.as_object().unwrap()).unwrap();
    /// assert_eq!(valid["role"], "parent");
    /// ```
    ///
    /// # Errors
    /// Every problem of the record, located at canonical field keys.
    pub fn validate_json(
        self,
        object: &serde_json::Map<String, serde_json::Value>,
    ) -> Result<serde_json::Value, Problems> {
        self.validate_json_with(object, &ValidationPolicy::STIL)
    }

    /// Validates like [`RecordKind::validate_json`] under a host's `policy` (user rows use only
    /// its reference date, [`ValidationPolicy::as_of`]).
    ///
    /// # Errors
    /// Every problem of the record, located at canonical field keys.
    pub fn validate_json_with(
        self,
        object: &serde_json::Map<String, serde_json::Value>,
        policy: &ValidationPolicy,
    ) -> Result<serde_json::Value, Problems> {
        with_record_type!(self, K => validate_to_json::<K>(&RawRecord::from_json(object), *policy))
    }
}
