//! Reading a raw record field by field while collecting every problem.

use super::field::Field;
use super::raw::{is_blank, RawRecord};
use crate::text::TextValue;
use crate::{ErrorType, FieldError, Loc, Problems};

/// When a field's value is looked at for a CPR-shaped number ([`crate::text::misplaced_cpr`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Screen {
    /// Before parsing: the parser may accept a value with other text in it.
    Before,
    /// Only when parsing fails: the parser accepts nothing CPR-shaped, or accepts ten digits
    /// as its own value (a P-number), which is then kept.
    OnFailure,
    /// Never here: the parser refuses one itself ([`TextValue`]), or the field holds a CPR
    /// number.
    Parser,
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
        // A text value refuses a CPR-shaped number itself ([`TextValue`]).
        if self.build {
            return self.required_as(field, T::parse, Screen::Parser);
        }
        self.required_as(field, T::check, Screen::Parser);
        None
    }

    /// Parses an optional text field; when only checking, checks it and returns `Ok(None)`.
    pub(crate) fn optional_text<T: TextValue>(&mut self, field: F) -> Result<Option<T>, ()> {
        if self.build {
            return self.optional_as(field, T::parse, Screen::Parser);
        }
        self.optional_as(field, T::check, Screen::Parser)
            .map(|_| None)
    }

    /// The non-blank raw value of `field`.
    pub(crate) fn value(&self, field: F) -> Option<&'r str> {
        self.record.get(field).filter(|v| !is_blank(v))
    }

    /// Records a problem for `field`, keeping its raw input as [`Field::mask_input`] shows it
    /// (withheld when another field hides it, [`Field::hidden_by`]).
    pub(crate) fn report(&mut self, field: F, error: FieldError) {
        let input = self.record.shown(field);
        self.problems
            .push(error.at(Loc::key(field.key()), input.as_deref()));
    }

    /// Parses a mandatory field; a blank or absent value is [`ErrorType::Missing`].
    pub(crate) fn required<T>(
        &mut self,
        field: F,
        parse: impl FnOnce(&str) -> Result<T, FieldError>,
    ) -> Option<T> {
        self.required_as(field, parse, Screen::Before)
    }

    /// Parses a mandatory field like [`Checker::required`] with a parser that accepts nothing
    /// CPR-shaped but its own valid values (a CVR number, a phone number, a P-number, …): a
    /// CPR-shaped number is looked for only when it fails, so valid values cost nothing more.
    pub(crate) fn required_exact<T>(
        &mut self,
        field: F,
        parse: impl FnOnce(&str) -> Result<T, FieldError>,
    ) -> Option<T> {
        self.required_as(field, parse, Screen::OnFailure)
    }

    /// Parses an optional field like [`Checker::optional`], with a parser as
    /// [`Checker::required_exact`] describes.
    pub(crate) fn optional_exact<T>(
        &mut self,
        field: F,
        parse: impl FnOnce(&str) -> Result<T, FieldError>,
    ) -> Result<Option<T>, ()> {
        self.optional_as(field, parse, Screen::OnFailure)
    }

    fn required_as<T>(
        &mut self,
        field: F,
        parse: impl FnOnce(&str) -> Result<T, FieldError>,
        screen: Screen,
    ) -> Option<T> {
        if let Some(v) = self.value(field) {
            self.parse_value(field, v, parse, screen)
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
        self.optional_as(field, parse, Screen::Before)
    }

    fn optional_as<T>(
        &mut self,
        field: F,
        parse: impl FnOnce(&str) -> Result<T, FieldError>,
        screen: Screen,
    ) -> Result<Option<T>, ()> {
        match self.value(field) {
            Some(v) => self
                .parse_value(field, v, parse, screen)
                .map(Some)
                .ok_or(()),
            None => Ok(None),
        }
    }

    /// Parses a non-blank value of `field`. A field that does not hold a CPR number refuses a
    /// CPR-shaped one ([`ErrorType::CprInWrongField`]), looked for as `screen` says.
    fn parse_value<T>(
        &mut self,
        field: F,
        value: &str,
        parse: impl FnOnce(&str) -> Result<T, FieldError>,
        screen: Screen,
    ) -> Option<T> {
        let screen = if field.holds_cpr() {
            Screen::Parser
        } else {
            screen
        };
        let before = match screen {
            Screen::Before => crate::text::misplaced_cpr(value),
            Screen::OnFailure | Screen::Parser => None,
        };
        let result = match before {
            Some(e) => Err(e),
            None => parse(value),
        };
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                let e = match screen {
                    Screen::OnFailure => crate::text::misplaced_cpr(value).unwrap_or(e),
                    Screen::Before | Screen::Parser => e,
                };
                self.report(field, e);
                None
            }
        }
    }

    /// The non-blank raw value of `field` for a check that reads it without
    /// [`Checker::required`] or [`Checker::optional`] (two fields parsed together): `Ok(None)`
    /// when blank or absent; `Err(())` when it holds an invisible character or a CPR-shaped
    /// number, which is reported at `field`.
    pub(crate) fn screened(&mut self, field: F) -> Result<Option<&'r str>, ()> {
        let Some(value) = self.value(field) else {
            return Ok(None);
        };
        let cpr = (!field.holds_cpr())
            .then(|| crate::text::misplaced_cpr(value))
            .flatten();
        match cpr.map_or_else(|| crate::text::visible(value), Err) {
            Ok(()) => Ok(Some(value)),
            Err(e) => {
                self.report(field, e);
                Err(())
            }
        }
    }

    pub(crate) fn finish(self) -> Problems {
        self.problems
    }
}
