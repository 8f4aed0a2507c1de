//! Reading the core's serde JSON forms so a domain error keeps its own type and location.
//!
//! A domain type's `Deserialize` (a CVR number, an institution number, a username, a grade, …)
//! can only hand serde a message. [`domain`] also keeps the [`FieldError`] itself for the
//! thread, and [`read`] gives it back, at the path of the value that failed, instead of one
//! `json_invalid` whose reason is the English message.

use std::borrow::Cow;
use std::cell::RefCell;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::{Ctx, CtxValue, ErrorType, FieldError, Lang, Loc, LocItem, Problem};

thread_local! {
    /// The last domain error a `Deserialize` raised on this thread, with its message.
    static LAST: RefCell<Option<(String, FieldError)>> = const { RefCell::new(None) };
}

/// The serde error for a domain `error` in a `Deserialize`: its English message, and the error
/// kept for [`read`].
pub(crate) fn domain<E: serde::de::Error>(error: FieldError) -> E {
    let message = error.message(Lang::En);
    let serde_error = E::custom(&message);
    LAST.with(|last| *last.borrow_mut() = Some((message, error)));
    serde_error
}

/// How a JSON value failed to read as a `T`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ReadError {
    /// A value of a domain type is invalid: its own error, where it is (from the root of the
    /// value read), and its text when it is a string.
    Domain {
        error: FieldError,
        loc: Loc,
        input: Option<String>,
    },
    /// The value does not have the form: `json_invalid` with the reason.
    Shape(FieldError),
}

impl ReadError {
    /// The problem: the domain error at its location with its input, or `json_invalid` at
    /// the root.
    pub(crate) fn into_problem(self) -> Problem {
        match self {
            Self::Domain { error, loc, input } => error.at(loc, input.as_deref()),
            Self::Shape(error) => error.at(Loc::root(), None),
        }
    }
}

/// `json_invalid` with `reason`.
pub(crate) fn json_invalid(reason: impl Into<crate::CtxValue>) -> FieldError {
    FieldError::with_ctx(ErrorType::JsonInvalid, Ctx::new().with("reason", reason))
}

/// Reads `value` as a `T`. A domain error comes back as itself, at the path of the value
/// that failed; any other failure is `json_invalid` with serde's reason.
pub(crate) fn read<T: DeserializeOwned>(value: &Value) -> Result<T, ReadError> {
    LAST.with(|last| last.borrow_mut().take());
    let result: Result<T, _> = serde_path_to_error::deserialize(value);
    let kept = LAST.with(|last| last.borrow_mut().take());
    let failure = match result {
        Ok(read) => return Ok(read),
        Err(failure) => failure,
    };
    let reason = failure.inner().to_string();
    match kept {
        // The failure is the domain error only if serde reports its very message (a domain
        // error an untagged enum tried and recovered from is not the failure).
        Some((message, error)) if message == reason => {
            let mut loc = Loc::root();
            let mut at = Some(value);
            for segment in failure.path() {
                match segment {
                    serde_path_to_error::Segment::Seq { index } => {
                        loc.push(LocItem::Index(*index));
                        at = at.and_then(|v| v.get(*index));
                    }
                    serde_path_to_error::Segment::Map { key } => {
                        loc.push(LocItem::Key(Cow::Owned(key.clone())));
                        at = at.and_then(|v| v.get(key));
                    }
                    serde_path_to_error::Segment::Enum { .. }
                    | serde_path_to_error::Segment::Unknown => {}
                }
            }
            // Inside an internally tagged enum (a party `{"kind", "id"}`) serde reads from a
            // buffer and the path stops at the object: the value is the one field whose text
            // the error names in its context.
            if let Some(Value::Object(fields)) = at {
                let mut named = fields.iter().filter(|(_, v)| {
                    v.as_str().is_some_and(|text| {
                        error
                            .ctx()
                            .iter()
                            .any(|(_, c)| matches!(c, CtxValue::Str(s) if s == text))
                    })
                });
                if let (Some((key, value)), None) = (named.next(), named.next()) {
                    loc.push(LocItem::Key(Cow::Owned(key.clone())));
                    at = Some(value);
                }
            }
            let input = at.and_then(Value::as_str).map(str::to_owned);
            Err(ReadError::Domain { error, loc, input })
        }
        _ => Err(ReadError::Shape(json_invalid(reason))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A domain type of the test: a number up to 10 (its error is `grade_range`).
    #[derive(Debug)]
    struct Small;

    impl<'de> serde::Deserialize<'de> for Small {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            match <serde_json::Value as serde::Deserialize>::deserialize(d)? {
                Value::Number(n) if n.as_u64().is_some_and(|n| n <= 10) => Ok(Self),
                _ => Err(domain(FieldError::new(ErrorType::GradeRange))),
            }
        }
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code, reason = "only read")]
    struct Place {
        numbers: Vec<Small>,
        name: Option<String>,
    }

    #[test]
    fn a_domain_error_keeps_its_type_location_and_input() {
        let value = serde_json::json!({"numbers": [1, "A11111"]});
        let Err(ReadError::Domain { error, loc, input }) = read::<Place>(&value) else {
            panic!("a domain error")
        };
        assert_eq!(error.kind(), ErrorType::GradeRange);
        assert_eq!(loc.to_string(), "numbers.1");
        assert_eq!(input.as_deref(), Some("A11111"));

        let number = serde_json::json!({"numbers": [11]});
        let problem = read::<Place>(&number).unwrap_err().into_problem();
        assert_eq!(problem.kind(), ErrorType::GradeRange);
        assert_eq!(problem.loc().to_string(), "numbers.0");
        assert_eq!(problem.input(), None);
    }

    /// A domain type that names its text in its error, inside an internally tagged enum.
    #[derive(Debug)]
    struct Named;

    impl<'de> serde::Deserialize<'de> for Named {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let text = <String as serde::Deserialize>::deserialize(d)?;
            Err(domain(FieldError::with_ctx(
                ErrorType::InstitutionNumberLegacy,
                Ctx::new().with("number", text),
            )))
        }
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(tag = "kind", rename_all = "snake_case")]
    #[allow(dead_code, reason = "only read")]
    enum Party {
        Daycare { id: Named },
    }

    #[test]
    fn inside_a_tagged_enum_the_field_is_found_by_its_text() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code, reason = "only read")]
        struct Person {
            party: Party,
        }
        let value = serde_json::json!({"party": {"kind": "daycare", "id": "A11111"}});
        let problem = read::<Person>(&value).unwrap_err().into_problem();
        assert_eq!(problem.kind(), ErrorType::InstitutionNumberLegacy);
        assert_eq!(problem.loc().to_string(), "party.id");
        assert_eq!(problem.input(), Some("A11111"));
    }

    #[test]
    fn a_wrong_shape_is_json_invalid() {
        let value = serde_json::json!({"numbers": [], "name": 5});
        let problem = read::<Place>(&value).unwrap_err().into_problem();
        assert_eq!(problem.kind(), ErrorType::JsonInvalid);
        assert_eq!(problem.loc(), &Loc::root());
        // A domain error seen earlier on the thread is not taken for this one.
        let _ = read::<Place>(&serde_json::json!({"numbers": [11]}));
        let shape = read::<Place>(&serde_json::json!({"numbers": 1})).unwrap_err();
        assert!(matches!(shape, ReadError::Shape(_)), "{shape:?}");
    }
}
