//! Raw records: the text values of one form submission or one export row, keyed by field.
//!
//! A record kind ([`crate::request`], [`crate::register`], [`crate::people::UserRecord`]) defines
//! its fields with canonical keys (the same in JSON, CSV headers, Python dicts and JS objects)
//! and the column names it also accepts. A [`RawRecord`] holds whatever text arrived for each
//! field; validation turns it into a typed value or every problem at once.
//!
//! A field holding personal data masks its raw value ([`Field::mask_input`]) wherever the
//! library shows it: in a problem's `input` and in `Debug` output of a [`RawRecord`].

use std::borrow::Cow;
use std::fmt;

use crate::text::TextValue;
use crate::{ErrorType, FieldError, Loc, Problems};

/// The fields of one record kind.
pub trait Field: Copy + Eq + fmt::Debug + 'static {
    /// Every field, in the order problems are reported.
    const ALL: &'static [Self];

    /// The canonical key, e.g. `p_number`.
    fn key(self) -> &'static str;

    /// The other column names accepted for this field (matched case-insensitively).
    fn aliases(self) -> &'static [&'static str] {
        &[]
    }

    /// The position of this field in [`Field::ALL`].
    fn index(self) -> usize {
        Self::ALL.iter().position(|&f| f == self).unwrap_or(0)
    }

    /// The raw value as problems (their `input`) and `Debug` output show it. By default the
    /// value as given; a field holding personal data overrides this, e.g. the user kind's
    /// `cpr` field shows only `DDMMYY-****` ([`crate::people::Cpr::redact`]).
    fn mask_input(self, raw: &str) -> Cow<'_, str> {
        Cow::Borrowed(raw)
    }

    /// The field a column name denotes: its canonical key or an alias, case-insensitively,
    /// ignoring surrounding whitespace and a byte-order mark.
    fn from_column(name: &str) -> Option<Self> {
        if let Some(exact) = Self::ALL.iter().copied().find(|f| f.key() == name) {
            return Some(exact);
        }
        let name = name.trim().trim_start_matches('\u{feff}').trim();
        Self::ALL.iter().copied().find(|f| {
            f.key().eq_ignore_ascii_case(name)
                || f.aliases().iter().any(|a| a.eq_ignore_ascii_case(name))
        })
    }
}

/// The most fields a record kind has; a [`RawRecord`] keeps its values inline, so building one
/// for each row of a large export costs no allocation.
pub(crate) const MAX_FIELDS: usize = 16;

/// Whether `value` is empty or only whitespace (with the parsers' fast `trim`).
fn is_blank(value: &str) -> bool {
    crate::text::trim(value).is_empty()
}

/// The raw text values of one record, by field.
///
/// `Debug` shows each value through [`Field::mask_input`], so personal data stays masked.
#[derive(Clone, PartialEq, Eq)]
pub struct RawRecord<'a, F: Field> {
    values: [Option<Cow<'a, str>>; MAX_FIELDS],
    _fields: std::marker::PhantomData<F>,
}

impl<F: Field> fmt::Debug for RawRecord<'_, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(
                F::ALL
                    .iter()
                    .map(|&k| (k.key(), self.get(k).map(|v| k.mask_input(v)))),
            )
            .finish()
    }
}

impl<F: Field> Default for RawRecord<'_, F> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'a, F: Field> RawRecord<'a, F> {
    /// A record with no values.
    pub fn new() -> Self {
        // A kind with more fields than a record holds does not compile.
        const {
            assert!(
                F::ALL.len() <= MAX_FIELDS,
                "a record kind has at most 16 fields"
            );
        }
        Self {
            values: [const { None }; MAX_FIELDS],
            _fields: std::marker::PhantomData,
        }
    }

    /// Sets the value of `field` (builder style).
    #[must_use]
    pub fn with(mut self, field: F, value: impl Into<Cow<'a, str>>) -> Self {
        self.set(field, value);
        self
    }

    /// Sets the value of `field`.
    pub fn set(&mut self, field: F, value: impl Into<Cow<'a, str>>) {
        if let Some(slot) = self.values.get_mut(field.index()) {
            *slot = Some(value.into());
        }
    }

    /// Sets the field a column name denotes. Returns `false` (and stores nothing) when the name
    /// matches no field; such columns are not errors.
    ///
    /// When several columns denote the same field (an export with both `kommuneKode` and
    /// `kommuneKode_Tekst`, say), a blank value never replaces a non-blank one.
    pub fn set_column(&mut self, column: &str, value: impl Into<Cow<'a, str>>) -> bool {
        let Some(field) = F::from_column(column) else {
            return false;
        };
        let value = value.into();
        let keep_existing =
            self.get(field).is_some_and(|existing| !is_blank(existing)) && is_blank(&value);
        if !keep_existing {
            self.set(field, value);
        }
        true
    }

    /// Builds a record from `(column, value)` pairs; unknown columns are ignored.
    pub fn from_pairs<K, V, I>(pairs: I) -> Self
    where
        K: AsRef<str>,
        V: Into<Cow<'a, str>>,
        I: IntoIterator<Item = (K, V)>,
    {
        let mut record = Self::new();
        for (k, v) in pairs {
            record.set_column(k.as_ref(), v);
        }
        record
    }

    /// Builds a record from one row of values laid out as `fields` says (the field index of each
    /// column, `None` for columns no field uses), with [`RawRecord::set_column`]'s rule that a
    /// blank value never replaces a non-blank one.
    fn from_indexed<V, I>(fields: &[Option<usize>], values: I) -> Self
    where
        V: Into<Cow<'a, str>>,
        I: IntoIterator<Item = V>,
    {
        Self::from_indexed_sparse(fields, values.into_iter().map(Some))
    }

    /// Like [`RawRecord::from_indexed`], where `None` is an absent value (the column is skipped,
    /// as a JSON `null` is).
    fn from_indexed_sparse<V, I>(fields: &[Option<usize>], values: I) -> Self
    where
        V: Into<Cow<'a, str>>,
        I: IntoIterator<Item = Option<V>>,
    {
        let mut record = Self::new();
        for (field, value) in fields.iter().zip(values) {
            let (Some(slot), Some(value)) = (field.and_then(|i| record.values.get_mut(i)), value)
            else {
                continue;
            };
            let value = value.into();
            // Only a second column for the same field can meet a value already there.
            let keep_existing =
                slot.as_deref().is_some_and(|existing| !is_blank(existing)) && is_blank(&value);
            if !keep_existing {
                *slot = Some(value);
            }
        }
        record
    }

    /// Builds a record from a JSON object: strings are taken as written, numbers and booleans as
    /// their JSON text, `null` as absent, arrays and objects as their JSON text (which no field
    /// accepts). Unknown keys are ignored.
    pub fn from_json(object: &'a serde_json::Map<String, serde_json::Value>) -> Self {
        let mut record = Self::new();
        for (k, v) in object {
            match v {
                serde_json::Value::Null => {}
                serde_json::Value::String(s) => {
                    record.set_column(k, s.as_str());
                }
                other => {
                    record.set_column(k, other.to_string());
                }
            }
        }
        record
    }

    /// The raw value of `field`, if any.
    pub fn get(&self, field: F) -> Option<&str> {
        self.values.get(field.index()).and_then(|v| v.as_deref())
    }
}

/// Collects the problems of one record while its fields are parsed.
///
/// A checker either builds the record's values (validation) or only checks them (bulk checks
/// that report problems and drop valid rows): then the text fields
/// ([`Checker::required_text`], [`Checker::optional_text`]) are checked without building their
/// value and come back as `None`, so a record kind's validation ends in its "some field is
/// missing" branch and returns the problems found, which may be none.
pub(crate) struct Checker<'r, 'a, F: Field> {
    record: &'r RawRecord<'a, F>,
    problems: Problems,
    build: bool,
}

impl<'r, 'a, F: Field> Checker<'r, 'a, F> {
    /// A checker that builds the values.
    pub(crate) fn new(record: &'r RawRecord<'a, F>) -> Self {
        Self {
            record,
            problems: Problems::new(),
            build: true,
        }
    }

    /// A checker that only checks text fields (see the type's documentation).
    pub(crate) fn checking(record: &'r RawRecord<'a, F>) -> Self {
        Self {
            build: false,
            ..Self::new(record)
        }
    }

    /// Parses a mandatory text field; when only checking, checks it and returns `None`.
    pub(crate) fn required_text<T: TextValue>(&mut self, field: F) -> Option<T> {
        if self.build {
            return self.required(field, T::parse);
        }
        self.required(field, T::check);
        None
    }

    /// Parses an optional text field; when only checking, checks it and returns `Ok(None)`.
    pub(crate) fn optional_text<T: TextValue>(&mut self, field: F) -> Result<Option<T>, ()> {
        if self.build {
            return self.optional(field, T::parse);
        }
        self.optional(field, T::check).map(|_| None)
    }

    /// The non-blank raw value of `field`.
    pub(crate) fn value(&self, field: F) -> Option<&'r str> {
        self.record.get(field).filter(|v| !is_blank(v))
    }

    /// Records a problem for `field`, keeping its raw input as [`Field::mask_input`] shows it.
    pub(crate) fn report(&mut self, field: F, error: FieldError) {
        let input = self.record.get(field).map(|raw| field.mask_input(raw));
        self.problems
            .push(error.at(Loc::key(field.key()), input.as_deref()));
    }

    /// Parses a mandatory field; a blank or absent value is [`ErrorType::Missing`].
    pub(crate) fn required<T>(
        &mut self,
        field: F,
        parse: impl FnOnce(&str) -> Result<T, FieldError>,
    ) -> Option<T> {
        if let Some(v) = self.value(field) {
            self.parse_value(field, v, parse)
        } else {
            self.report(field, FieldError::new(ErrorType::Missing));
            None
        }
    }

    /// Parses an optional field; blank or absent is `Ok(None)`.
    pub(crate) fn optional<T>(
        &mut self,
        field: F,
        parse: impl FnOnce(&str) -> Result<T, FieldError>,
    ) -> Result<Option<T>, ()> {
        match self.value(field) {
            Some(v) => self.parse_value(field, v, parse).map(Some).ok_or(()),
            None => Ok(None),
        }
    }

    fn parse_value<T>(
        &mut self,
        field: F,
        value: &str,
        parse: impl FnOnce(&str) -> Result<T, FieldError>,
    ) -> Option<T> {
        match parse(value) {
            Ok(v) => Some(v),
            Err(e) => {
                self.report(field, e);
                None
            }
        }
    }

    pub(crate) fn finish(self) -> Problems {
        self.problems
    }
}

/// The record kinds the library validates, for hosts that dispatch on a name (the command's
/// `--kind`, the bindings' `kind=` argument, the shared vectors).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    /// An institution-number request ([`crate::InstitutionNumberRequest`]).
    Request,
    /// A Dagtilbudsregisteret row ([`crate::RegisterRecord`]).
    Register,
    /// A user roster row ([`crate::people::UserRecord`]); the `cpr` input is masked in problems.
    User,
}

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

fn field_index<F: Field>(name: &str) -> Option<usize> {
    F::from_column(name).map(Field::index)
}

impl RecordKind {
    /// Resolves a file's column names once (see [`Header`]).
    pub fn header<S: AsRef<str>>(self, names: impl IntoIterator<Item = S>) -> Header {
        let names: Vec<String> = names.into_iter().map(|n| n.as_ref().to_owned()).collect();
        let resolve = match self {
            Self::Request => field_index::<crate::RequestField>,
            Self::Register => field_index::<crate::RegisterField>,
            Self::User => field_index::<crate::people::UserField>,
        };
        let fields = names.iter().map(|n| resolve(n)).collect();
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
        self.validate_row_with(header, values, &crate::ValidationPolicy::STIL)
    }

    /// Checks one JSON object and returns only its problems (empty when valid), without
    /// building the valid record's JSON.
    pub fn check_json_with(
        self,
        object: &serde_json::Map<String, serde_json::Value>,
        policy: &crate::ValidationPolicy,
    ) -> Problems {
        match self {
            Self::Request => {
                crate::InstitutionNumberRequest::problems(&RawRecord::from_json(object), *policy)
            }
            Self::Register => {
                crate::RegisterRecord::problems(&RawRecord::from_json(object), *policy)
            }
            Self::User => crate::people::UserRecord::validate(&RawRecord::from_json(object))
                .err()
                .unwrap_or_default(),
        }
    }

    /// Checks one row under STIL's rules; see [`RecordKind::check_row_with`].
    pub fn check_row<'a, V, I>(self, header: &Header, values: I) -> Problems
    where
        V: Into<Cow<'a, str>>,
        I: IntoIterator<Item = V>,
    {
        self.check_row_with(header, values, &crate::ValidationPolicy::STIL)
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
        policy: &crate::ValidationPolicy,
    ) -> Result<serde_json::Value, Problems>
    where
        V: Into<Cow<'a, str>>,
        I: IntoIterator<Item = V>,
    {
        if header.kind != self {
            return self.validate_row_with(&self.header(&header.names), values, policy);
        }
        let fields = &header.fields;
        let record = match self {
            Self::Request => to_json(crate::InstitutionNumberRequest::validate_with(
                &RawRecord::from_indexed(fields, values),
                policy,
            )?),
            Self::Register => to_json(crate::RegisterRecord::validate_with(
                &RawRecord::from_indexed(fields, values),
                policy,
            )?),
            Self::User => to_json(crate::people::UserRecord::validate(
                &RawRecord::from_indexed(fields, values),
            )?),
        };
        Ok(record)
    }

    /// Checks one row laid out as `header` says and returns only its problems (empty when the
    /// row is valid), without building the valid record's JSON: the fast path for bulk checks.
    pub fn check_row_with<'a, V, I>(
        self,
        header: &Header,
        values: I,
        policy: &crate::ValidationPolicy,
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
        policy: &crate::ValidationPolicy,
    ) -> Problems
    where
        V: Into<Cow<'a, str>>,
        I: IntoIterator<Item = Option<V>>,
    {
        if header.kind != self {
            return self.check_sparse_row_with(&self.header(&header.names), values, policy);
        }
        let fields = &header.fields;
        match self {
            Self::Request => crate::InstitutionNumberRequest::problems(
                &RawRecord::from_indexed_sparse(fields, values),
                *policy,
            ),
            Self::Register => crate::RegisterRecord::problems(
                &RawRecord::from_indexed_sparse(fields, values),
                *policy,
            ),
            Self::User => {
                crate::people::UserRecord::validate(&RawRecord::from_indexed_sparse(fields, values))
                    .err()
                    .unwrap_or_default()
            }
        }
    }

    /// Every kind.
    pub const ALL: [Self; 3] = [Self::Request, Self::Register, Self::User];

    /// The name: `request`, `register` or `user`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Request => "request",
            Self::Register => "register",
            Self::User => "user",
        }
    }

    /// The kind with this name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(name.trim()))
    }

    /// The canonical keys of this kind's fields, in report order.
    pub fn keys(self) -> Vec<&'static str> {
        match self {
            Self::Request => crate::RequestField::ALL.iter().map(|f| f.key()).collect(),
            Self::Register => crate::RegisterField::ALL.iter().map(|f| f.key()).collect(),
            Self::User => crate::people::UserField::ALL
                .iter()
                .map(|f| f.key())
                .collect(),
        }
    }

    /// Whether a column name denotes one of this kind's fields (key or alias).
    pub fn knows_column(self, column: &str) -> bool {
        match self {
            Self::Request => crate::RequestField::from_column(column).is_some(),
            Self::Register => crate::RegisterField::from_column(column).is_some(),
            Self::User => crate::people::UserField::from_column(column).is_some(),
        }
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
        self.validate_pairs_with(pairs, &crate::ValidationPolicy::STIL)
    }

    /// Validates like [`RecordKind::validate_pairs`] under a host's `policy` (user rows have no
    /// policy-dependent check).
    ///
    /// # Errors
    /// Every problem of the record, located at canonical field keys.
    pub fn validate_pairs_with<'a, K, V, I>(
        self,
        pairs: I,
        policy: &crate::ValidationPolicy,
    ) -> Result<serde_json::Value, Problems>
    where
        K: AsRef<str>,
        V: Into<Cow<'a, str>>,
        I: IntoIterator<Item = (K, V)>,
    {
        let record = match self {
            Self::Request => to_json(crate::InstitutionNumberRequest::validate_with(
                &RawRecord::from_pairs(pairs),
                policy,
            )?),
            Self::Register => to_json(crate::RegisterRecord::validate_with(
                &RawRecord::from_pairs(pairs),
                policy,
            )?),
            Self::User => to_json(crate::people::UserRecord::validate(
                &RawRecord::from_pairs(pairs),
            )?),
        };
        Ok(record)
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
        self.validate_json_with(object, &crate::ValidationPolicy::STIL)
    }

    /// Validates like [`RecordKind::validate_json`] under a host's `policy` (user rows have no
    /// policy-dependent check).
    ///
    /// # Errors
    /// Every problem of the record, located at canonical field keys.
    pub fn validate_json_with(
        self,
        object: &serde_json::Map<String, serde_json::Value>,
        policy: &crate::ValidationPolicy,
    ) -> Result<serde_json::Value, Problems> {
        let record = match self {
            Self::Request => to_json(crate::InstitutionNumberRequest::validate_with(
                &RawRecord::from_json(object),
                policy,
            )?),
            Self::Register => to_json(crate::RegisterRecord::validate_with(
                &RawRecord::from_json(object),
                policy,
            )?),
            Self::User => to_json(crate::people::UserRecord::validate(&RawRecord::from_json(
                object,
            ))?),
        };
        Ok(record)
    }
}

fn to_json<T: serde::Serialize>(value: T) -> serde_json::Value {
    // Serialising our own plain data types to a JSON value cannot fail.
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}
