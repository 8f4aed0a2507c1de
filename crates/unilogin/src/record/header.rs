//! A file's columns resolved once against a record kind, and the kind's checks of rows laid
//! out by them.

use std::borrow::Cow;

use super::field::Field;
use super::kind::{validate_to_json, with_record_type, RecordKind};
use super::raw::RawRecord;
use super::record_type::RecordType;
use crate::{Problems, ValidationPolicy};

/// The columns of a file resolved once against a record kind, so each row is matched by
/// position instead of by name.
///
/// ```
/// use unilogin::record::RecordKind;
/// let header = RecordKind::Register.header(["pNummer", "geoBredde", "vejNavn"]);
/// assert_eq!(header.unknown_columns(), ["geoBredde"]);
/// let problems = RecordKind::Register.validate_row(&header, ["1029829824", "56.8", "Skolevej"]);
/// assert!(problems.unwrap_err().iter().any(|p| p.kind().code() == "p_number_checksum"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    kind: RecordKind,
    names: Vec<String>,
    fields: Vec<Option<usize>>,
}

impl Header {
    /// The record kind the header was resolved for.
    pub fn kind(&self) -> RecordKind {
        self.kind
    }

    /// The column names as given.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The canonical key each column denotes, `None` for a column no field uses.
    pub fn keys(&self) -> Vec<Option<&'static str>> {
        let keys = self.kind.keys();
        self.fields
            .iter()
            .map(|f| f.and_then(|i| keys.get(i).copied()))
            .collect()
    }

    /// The names of the columns no field uses (they are ignored, not errors).
    pub fn unknown_columns(&self) -> Vec<&str> {
        self.names
            .iter()
            .zip(&self.fields)
            .filter(|(_, f)| f.is_none())
            .map(|(n, _)| n.as_str())
            .collect()
    }

    /// Whether any column denotes a field of the kind.
    pub fn knows_any(&self) -> bool {
        self.fields.iter().any(Option::is_some)
    }
}

/// The field index each column name denotes, for the kind `K`.
fn field_indices<K: RecordType>(names: &[String]) -> Vec<Option<usize>> {
    names
        .iter()
        .map(|n| K::Field::from_column(n).map(Field::index))
        .collect()
}

impl RecordKind {
    /// Resolves a file's column names once (see [`Header`]).
    pub fn header<S: AsRef<str>>(self, names: impl IntoIterator<Item = S>) -> Header {
        let names: Vec<String> = names.into_iter().map(|n| n.as_ref().to_owned()).collect();
        let fields = with_record_type!(self, K => field_indices::<K>(&names));
        Header {
            kind: self,
            names,
            fields,
        }
    }

    /// Validates one row laid out as `header` says, under STIL's rules.
    ///
    /// # Errors
    /// Every problem of the record, located at canonical field keys.
    pub fn validate_row<'a, V, I>(
        self,
        header: &Header,
        values: I,
    ) -> Result<serde_json::Value, Problems>
    where
        V: Into<Cow<'a, str>>,
        I: IntoIterator<Item = V>,
    {
        self.validate_row_with(header, values, &ValidationPolicy::STIL)
    }

    /// Checks one row under STIL's rules; see [`RecordKind::check_row_with`].
    pub fn check_row<'a, V, I>(self, header: &Header, values: I) -> Problems
    where
        V: Into<Cow<'a, str>>,
        I: IntoIterator<Item = V>,
    {
        self.check_row_with(header, values, &ValidationPolicy::STIL)
    }

    /// Validates like [`RecordKind::validate_row`] under a host's `policy`. A header resolved
    /// for another kind is resolved again for this one.
    ///
    /// # Errors
    /// Every problem of the record, located at canonical field keys.
    pub fn validate_row_with<'a, V, I>(
        self,
        header: &Header,
        values: I,
        policy: &ValidationPolicy,
    ) -> Result<serde_json::Value, Problems>
    where
        V: Into<Cow<'a, str>>,
        I: IntoIterator<Item = V>,
    {
        if header.kind != self {
            return self.validate_row_with(&self.header(&header.names), values, policy);
        }
        let fields = &header.fields;
        with_record_type!(
            self,
            K => validate_to_json::<K>(&RawRecord::from_indexed(fields, values), *policy)
        )
    }

    /// Checks one row laid out as `header` says and returns only its problems (empty when the
    /// row is valid), without building the valid record's JSON: the fast path for bulk checks.
    pub fn check_row_with<'a, V, I>(
        self,
        header: &Header,
        values: I,
        policy: &ValidationPolicy,
    ) -> Problems
    where
        V: Into<Cow<'a, str>>,
        I: IntoIterator<Item = V>,
    {
        self.check_sparse_row_with(header, values.into_iter().map(Some), policy)
    }

    /// Checks like [`RecordKind::check_row_with`] a row whose values may be absent (`None`): an
    /// absent value is skipped, as a JSON `null` is, so its problem has no `input` (a blank
    /// value's has `""`) and it never replaces another column's value for the same field. For
    /// hosts whose rows have holes (missing values in a data frame) and should still be matched
    /// by position; the problems are those of [`RecordKind::check_json_with`] on the object
    /// without the absent keys.
    ///
    /// ```
    /// use unilogin::record::RecordKind;
    /// use unilogin::ValidationPolicy;
    /// let header = RecordKind::Register.header(["cvrNummer", "pNummer", "email"]);
    /// let problems = RecordKind::Register.check_sparse_row_with(
    ///     &header,
    ///     [Some("13585627"), None, None],
    ///     &ValidationPolicy::STIL,
    /// );
    /// let codes: Vec<_> = problems.iter().map(|p| p.kind().code()).collect();
    /// assert!(codes.contains(&"cvr_checksum") && codes.contains(&"unilogin_requires_p_number"));
    /// ```
    pub fn check_sparse_row_with<'a, V, I>(
        self,
        header: &Header,
        values: I,
        policy: &ValidationPolicy,
    ) -> Problems
    where
        V: Into<Cow<'a, str>>,
        I: IntoIterator<Item = Option<V>>,
    {
        if header.kind != self {
            return self.check_sparse_row_with(&self.header(&header.names), values, policy);
        }
        let fields = &header.fields;
        with_record_type!(
            self,
            K => K::problems(&RawRecord::from_indexed_sparse(fields, values), *policy)
        )
    }
}
