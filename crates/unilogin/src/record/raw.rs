//! The raw text values of one record, kept inline by field.

use std::borrow::Cow;
use std::fmt;

use super::field::Field;

/// The most fields a record kind has; a [`RawRecord`] keeps its values inline, so building one
/// for each row of a large export costs no allocation.
const MAX_FIELDS: usize = 20;

/// Whether `value` is empty or only whitespace (with the parsers' fast `trim`).
pub(super) fn is_blank(value: &str) -> bool {
    crate::text::trim(value).is_empty()
}

/// The raw text values of one record, by field.
///
/// `Debug` shows each value through [`Field::mask_input`], so personal data stays masked, and
/// withholds a value another field hides ([`Field::hidden_by`]).
#[derive(Clone, PartialEq, Eq)]
pub struct RawRecord<'a, F: Field> {
    values: [Option<Cow<'a, str>>; MAX_FIELDS],
    _fields: std::marker::PhantomData<F>,
}

impl<F: Field> fmt::Debug for RawRecord<'_, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(F::ALL.iter().map(|&k| (k.key(), self.shown(k))))
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
                "a record kind has at most 20 fields"
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
    pub(super) fn from_indexed<V, I>(fields: &[Option<usize>], values: I) -> Self
    where
        V: Into<Cow<'a, str>>,
        I: IntoIterator<Item = V>,
    {
        Self::from_indexed_sparse(fields, values.into_iter().map(Some))
    }

    /// Like [`RawRecord::from_indexed`], where `None` is an absent value (the column is skipped,
    /// as a JSON `null` is).
    pub(super) fn from_indexed_sparse<V, I>(fields: &[Option<usize>], values: I) -> Self
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

    /// The value of `field` as problems and `Debug` output show it: through
    /// [`Field::mask_input`], or one `*` per character when the field that hides it
    /// ([`Field::hidden_by`]) has a non-blank value.
    pub(crate) fn shown(&self, field: F) -> Option<Cow<'_, str>> {
        let raw = self.get(field)?;
        let hidden = field
            .hidden_by()
            .and_then(|by| self.get(by))
            .is_some_and(|v| !is_blank(v));
        Some(if hidden && !is_blank(raw) {
            Cow::Owned("*".repeat(raw.chars().count()))
        } else {
            field.mask_input(raw)
        })
    }
}
