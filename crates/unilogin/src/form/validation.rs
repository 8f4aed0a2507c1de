//! A whole record checked at once.

use serde::Serialize;

use crate::record::RecordKind;
use crate::{Lang, Problem, Problems, RenderedProblem, ValidationPolicy};

/// A whole record checked at once: its canonical JSON when valid, otherwise every problem.
#[derive(Debug, Clone, PartialEq)]
pub struct Validation {
    outcome: Result<serde_json::Value, Problems>,
}

impl Validation {
    /// Wraps the result of a record validation (e.g. [`RecordKind::validate_json`]).
    pub fn new(outcome: Result<serde_json::Value, Problems>) -> Self {
        Self { outcome }
    }

    /// Validates one record given as a JSON object (see [`RecordKind::validate_json_with`]).
    pub fn of_json(
        kind: RecordKind,
        object: &serde_json::Map<String, serde_json::Value>,
        policy: &ValidationPolicy,
    ) -> Self {
        Self::new(kind.validate_json_with(object, policy))
    }

    /// The valid record's canonical JSON, if it is valid.
    pub fn value(&self) -> Option<&serde_json::Value> {
        self.outcome.as_ref().ok()
    }

    /// The problems; empty when the record is valid.
    pub fn problems(&self) -> &[Problem] {
        self.outcome.as_ref().err().map_or(&[], Problems::as_slice)
    }

    /// The result in its JSON shape, with messages in `lang`:
    /// `{ok, value, problems: [{type, loc, msg, input, ctx}]}`.
    pub fn rendered(&self, lang: Lang) -> RenderedValidation<'_> {
        RenderedValidation {
            ok: self.outcome.is_ok(),
            value: self.value(),
            problems: self.problems().iter().map(|p| p.rendered(lang)).collect(),
        }
    }
}

/// A [`Validation`] ready to serialise.
#[derive(Debug, Clone, Serialize)]
pub struct RenderedValidation<'a> {
    /// Whether the record is valid.
    pub ok: bool,
    /// The valid record's canonical JSON, or `null`.
    pub value: Option<&'a serde_json::Value>,
    /// Every problem, in field order.
    pub problems: Vec<RenderedProblem<'a>>,
}
