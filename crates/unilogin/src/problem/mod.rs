//! The one error shape used everywhere: `{type, loc, msg, input, ctx}`.
//!
//! Every problem the library reports has a stable `snake_case` [`ErrorType`] code, a location
//! ([`Loc`]) made of field keys and row indices, the raw input that caused it (if any), and a
//! context map ([`Ctx`]) holding the values the message template needs. Messages are rendered in
//! Danish or English from the type and the context, never translated from message text.

mod catalogue;
mod context;
mod location;
pub(crate) mod serde_input;

use std::fmt;

use serde::Serialize;

pub use catalogue::{ErrorType, Lang};
pub(crate) use context::render;
pub use context::{Ctx, CtxValue, Term};
pub use location::{Loc, LocItem};

/// `text` with the serial number of every CPR-shaped number in it masked, in place:
/// `150320-4000` and `1503204000` (ten digits, or six and four with a dash or a space between,
/// whose first six are a real date under the CPR office's century rule) become `150320-****`
/// and `150320****`. Every problem's `input` and every text in its context go through this, so
/// a CPR number never lands whole in a message, a rendered problem or a binding's problem,
/// whichever field or call it came from. Non-ASCII characters inside a number (an invisible
/// character, say) do not hide it.
pub(crate) fn mask_personal(text: &str) -> std::borrow::Cow<'_, str> {
    crate::people::cpr_shape::mask(text, |c| !c.is_ascii())
}

/// The problem of one value, before it is placed in a record: a type and its context.
///
/// Every parser in [`crate::identifiers`] and [`crate::institution`] returns this on failure.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub struct FieldError {
    kind: ErrorType,
    ctx: Ctx,
}

impl FieldError {
    /// A field error of `kind` with an empty context.
    pub fn new(kind: ErrorType) -> Self {
        Self {
            kind,
            ctx: Ctx::new(),
        }
    }

    /// A field error of `kind` with `ctx`.
    pub fn with_ctx(kind: ErrorType, ctx: Ctx) -> Self {
        Self { kind, ctx }
    }

    /// The error type.
    pub fn kind(&self) -> ErrorType {
        self.kind
    }

    /// The template values.
    pub fn ctx(&self) -> &Ctx {
        &self.ctx
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        render(self.kind.template(lang), &self.ctx, lang)
    }

    /// Places this error at `loc`, recording the raw `input` with any CPR-shaped number in it
    /// masked (its serial number hidden: `150320-****`).
    pub fn at(self, loc: Loc, input: Option<&str>) -> Problem {
        Problem {
            kind: self.kind,
            loc,
            input: input.map(|i| mask_personal(i).into_owned()),
            ctx: self.ctx,
        }
    }
}

/// One problem: `{type, loc, msg, input, ctx}`; `msg` is rendered on demand in either language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    kind: ErrorType,
    loc: Loc,
    input: Option<String>,
    ctx: Ctx,
}

impl Problem {
    /// The error type.
    pub fn kind(&self) -> ErrorType {
        self.kind
    }

    /// The location.
    pub fn loc(&self) -> &Loc {
        &self.loc
    }

    /// The raw input that caused the problem, exactly as it arrived (a blank value is `""`);
    /// `None` when the field was absent altogether.
    pub fn input(&self) -> Option<&str> {
        self.input.as_deref()
    }

    /// The template values.
    pub fn ctx(&self) -> &Ctx {
        &self.ctx
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        render(self.kind.template(lang), &self.ctx, lang)
    }

    /// Puts a row index in front of the location.
    #[must_use]
    pub fn in_row(mut self, row: usize) -> Self {
        self.loc.prepend(LocItem::Index(row));
        self
    }

    /// The problem in the shared shape, with its message in `lang`, ready to serialise.
    pub fn rendered(&self, lang: Lang) -> RenderedProblem<'_> {
        RenderedProblem {
            kind: self.kind,
            loc: &self.loc,
            msg: self.message(lang),
            input: self.input.as_deref(),
            ctx: &self.ctx,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} [{}]",
            self.loc,
            self.message(Lang::En),
            self.kind
        )
    }
}

/// A problem in the serialised shape `{type, loc, msg, input, ctx}`.
#[derive(Debug, Clone, Serialize)]
pub struct RenderedProblem<'a> {
    /// The stable error code.
    #[serde(rename = "type")]
    pub kind: ErrorType,
    /// Where the problem is.
    pub loc: &'a Loc,
    /// The rendered message.
    pub msg: String,
    /// The raw input, or `null` when missing.
    pub input: Option<&'a str>,
    /// The template values.
    pub ctx: &'a Ctx,
}

/// Every problem found in one value or record; never empty when returned as an error.
#[derive(Debug, Clone, PartialEq, Eq, Default, thiserror::Error)]
#[error("{} problem(s): {}", .0.len(), .0.first().map(ToString::to_string).unwrap_or_default())]
pub struct Problems(Vec<Problem>);

impl Problems {
    /// No problems yet.
    pub fn new() -> Self {
        Self(Vec::new())
    }

    /// Adds a problem.
    pub fn push(&mut self, problem: Problem) {
        self.0.push(problem);
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The problems in the order they were found (field order).
    pub fn as_slice(&self) -> &[Problem] {
        &self.0
    }

    /// Iterates over the problems.
    pub fn iter(&self) -> std::slice::Iter<'_, Problem> {
        self.0.iter()
    }

    /// Puts a row index in front of every location.
    #[must_use]
    pub fn in_row(self, row: usize) -> Self {
        Self(self.0.into_iter().map(|p| p.in_row(row)).collect())
    }

    /// The problems in the shared shape with messages in `lang`.
    pub fn rendered(&self, lang: Lang) -> Vec<RenderedProblem<'_>> {
        self.0.iter().map(|p| p.rendered(lang)).collect()
    }
}

impl IntoIterator for Problems {
    type Item = Problem;
    type IntoIter = std::vec::IntoIter<Problem>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Problems {
    type Item = &'a Problem;
    type IntoIter = std::slice::Iter<'a, Problem>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpr_numbers_are_masked_in_input_ctx_and_message() {
        let p = FieldError::with_ctx(
            ErrorType::JsonInvalid,
            Ctx::new().with("reason", "invalid value: \"150320-4000\"".to_owned()),
        )
        .at(
            Loc::root(),
            Some("{\"id\": \"1503204000\"} 15032\u{200b}04000"),
        );
        assert_eq!(
            p.input(),
            Some("{\"id\": \"150320****\"} 15032\u{200b}0****")
        );
        assert_eq!(
            p.message(Lang::En),
            "Invalid JSON: invalid value: \"150320-****\""
        );
        let json = serde_json::to_string(&p.rendered(Lang::Da)).unwrap_or_default();
        assert!(!json.contains("4000"), "{json}");
    }

    #[test]
    fn rendered_problem_has_the_shared_shape() {
        let p = FieldError::with_ctx(ErrorType::CvrChecksum, Ctx::new().with("cvr", "13585627"))
            .at(Loc::key("cvr"), Some("13585627"))
            .in_row(3);
        let json = serde_json::to_value(p.rendered(Lang::Da)).unwrap_or_default();
        assert_eq!(
            json,
            serde_json::json!({
                "type": "cvr_checksum",
                "loc": [3, "cvr"],
                "msg": "CVR-nummeret 13585627 er ugyldigt (kontrolcifferet passer ikke)",
                "input": "13585627",
                "ctx": {"cvr": "13585627"}
            })
        );
    }
}
