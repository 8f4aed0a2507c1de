//! A file's columns resolved once against a record kind, and the kind's checks of rows laid
//! out by them.

use std::borrow::Cow;
use std::sync::Arc;

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
    // Shared, so that the copies a checker keeps (one per checking thread, one in the
    // summary) of a header of any width cost nothing.
    names: Arc<[String]>,
    fields: Arc<[Option<usize>]>,
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
            .zip(self.fields.iter())
            .filter(|(_, f)| f.is_none())
            .map(|(n, _)| n.as_str())
            .collect()
    }

    /// Whether any column denotes a field of the kind.
    pub fn knows_any(&self) -> bool {
        self.fields.iter().any(Option::is_some)
    }

    /// The other record kind this header looks like, when it was most likely resolved for the
    /// wrong one: fewer than half of its columns name a field of its kind, and another kind
    /// names more than half of them (a register export checked as a user roster). `None` when the kind
    /// knows half or more of the columns, so a header that fits its kind is never questioned.
    /// Only the first [`Header::KIND_SAMPLE`] columns are compared, so a header of any width
    /// costs the same. Gives the kind with the most known columns and how many it knows.
    ///
    /// ```
    /// use unilogin::RecordKind;
    /// let register = RecordKind::User.header(["cvrNummer", "pNummer", "vejNavn", "postNummer", "email"]);
    /// assert_eq!(register.looks_like(), Some((RecordKind::Register, 5)));
    /// let roster = RecordKind::User.header(["cpr", "fornavn", "efternavn", "noter"]);
    /// assert_eq!(roster.looks_like(), None);
    /// ```
    pub fn looks_like(&self) -> Option<(RecordKind, usize)> {
        let sample = || self.names.iter().take(Self::KIND_SAMPLE);
        let known = |kind: RecordKind| sample().filter(|n| kind.knows_column(n)).count();
        let own = known(self.kind);
        if own * 2 >= sample().len() {
            return None;
        }
        RecordKind::ALL
            .into_iter()
            .filter(|&k| k != self.kind)
            .map(|k| (k, known(k)))
            .filter(|&(_, n)| n > own && n * 2 > sample().len())
            .max_by_key(|&(_, n)| n)
    }

    /// How many of a header's first columns [`Header::looks_like`] compares.
    pub const KIND_SAMPLE: usize = 256;

    /// The columns that name a field by the same name more than once, as names are matched
    /// (case aside, and spaces or a byte-order mark around them): the 0-based positions of each
    /// such group, in header order. A row's value for the field is then ambiguous; a checker
    /// reports the group and checks the first column only. Different names of one field
    /// (`kommuneKode` and `kommuneKode_Tekst`) are no duplicates: a blank one never replaces
    /// the other. Columns no field uses are never duplicates.
    ///
    /// ```
    /// use unilogin::record::RecordKind;
    /// let header = RecordKind::Request.header(["cvr", "navn", "cvr", " CVR", "x", "x"]);
    /// assert_eq!(header.duplicates(), [vec![0, 2, 3]]);
    /// assert!(RecordKind::Register.header(["kommuneKode", "kommuneKode_Tekst"]).duplicates().is_empty());
    /// ```
    pub fn duplicates(&self) -> Vec<Vec<usize>> {
        let mut groups: Vec<(usize, String, Vec<usize>)> = Vec::new();
        for (position, (name, field)) in self.names.iter().zip(self.fields.iter()).enumerate() {
            let Some(field) = *field else { continue };
            let name = matched_name(name);
            match groups
                .iter_mut()
                .find(|(f, n, _)| *f == field && *n == name)
            {
                Some((_, _, positions)) => positions.push(position),
                None => groups.push((field, name, vec![position])),
            }
        }
        groups
            .into_iter()
            .filter(|(_, _, positions)| positions.len() > 1)
            .map(|(_, _, positions)| positions)
            .collect()
    }
}

/// A column name as names are matched to fields: without spaces or a byte-order mark around
/// it, in lower case.
fn matched_name(name: &str) -> String {
    name.trim()
        .trim_start_matches('\u{feff}')
        .trim()
        .to_ascii_lowercase()
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
        self.shared_header(names.into_iter().map(|n| n.as_ref().to_owned()).collect())
    }

    /// Resolves column names the caller keeps too (a reader's header), without copying them.
    pub(crate) fn shared_header(self, names: Arc<[String]>) -> Header {
        let fields = with_record_type!(self, K => field_indices::<K>(&names)).into();
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
            return self.validate_row_with(&self.header(header.names.iter()), values, policy);
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
            return self.check_sparse_row_with(&self.header(header.names.iter()), values, policy);
        }
        let fields = &header.fields;
        with_record_type!(
            self,
            K => K::problems(&RawRecord::from_indexed_sparse(fields, values), *policy)
        )
    }
}
