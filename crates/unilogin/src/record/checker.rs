//! Reading a raw record field by field while collecting every problem.

use super::field::Field;
use super::raw::{is_blank, RawRecord};
use crate::text::TextValue;
use crate::{ErrorType, FieldError, Loc, Problems};

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
