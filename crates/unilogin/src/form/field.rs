//! One field of the institution-number request checked on its own, for per-keystroke feedback.

use serde::Serialize;

use crate::record::Field;
use crate::{
    InstitutionNumberRequest, Lang, Problem, RenderedProblem, RequestField, ValidationPolicy,
};

/// The result of checking one field of an institution-number request on its own, with the
/// request's rules: the field is mandatory, the legal basis must be one the form accepts
/// (§ 19, stk. 2, 3 or 5), the institution type 6010–6012, the P-number under the host's
/// [`ValidationPolicy`]. The problem, if any, is exactly the one validating the whole request
/// reports at this field's key, but for the checks that compare two fields and so need both
/// (a town against its postal code, `postal_code_town_mismatch`; a part of the address given
/// twice, `address_conflict`). An optional field left out (`address`, `floor`, `door`) is
/// valid with the value `null`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldCheck {
    field: RequestField,
    outcome: Result<serde_json::Value, Problem>,
}

impl FieldCheck {
    /// Checks `raw` as `field` of a request (see [`check_request_field`]).
    pub fn new(field: RequestField, raw: Option<&str>, policy: &ValidationPolicy) -> Self {
        let outcome = InstitutionNumberRequest::check_field(field, raw, *policy);
        Self { field, outcome }
    }

    /// The field.
    pub fn field(&self) -> RequestField {
        self.field
    }

    /// The canonical value as the valid request's JSON holds it (`"33 66 33 66"`, `6012`), or
    /// `None` when the field has a problem.
    pub fn value(&self) -> Option<&serde_json::Value> {
        self.outcome.as_ref().ok()
    }

    /// The problem, located at the field's canonical key, or `None` when the value is valid.
    pub fn problem(&self) -> Option<&Problem> {
        self.outcome.as_ref().err()
    }

    /// The check in its JSON shape, with the message in `lang`:
    /// `{key, ok, value, problems: [{type, loc, msg, input, ctx}]}` (at most one problem).
    pub fn rendered(&self, lang: Lang) -> RenderedFieldCheck<'_> {
        RenderedFieldCheck {
            key: self.field.key(),
            ok: self.outcome.is_ok(),
            value: self.value(),
            problems: self
                .problem()
                .map(|p| p.rendered(lang))
                .into_iter()
                .collect(),
        }
    }
}

/// A [`FieldCheck`] ready to serialise.
#[derive(Debug, Clone, Serialize)]
pub struct RenderedFieldCheck<'a> {
    /// The field's canonical key.
    pub key: &'static str,
    /// Whether the value is valid.
    pub ok: bool,
    /// The canonical value, or `null`.
    pub value: Option<&'a serde_json::Value>,
    /// The problem, if any, in the shared shape (an array, like a record's problems).
    pub problems: Vec<RenderedProblem<'a>>,
}

/// Checks one field of an institution-number request, given by its canonical key (or another
/// name [`RequestField`] accepts, matched like a column name). `raw` is the text as typed;
/// `None` means the field is absent (its problem then has no `input`). Returns `None` when `key`
/// names no request field.
pub fn check_request_field(
    key: &str,
    raw: Option<&str>,
    policy: &ValidationPolicy,
) -> Option<FieldCheck> {
    RequestField::from_column(key).map(|field| FieldCheck::new(field, raw, policy))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::Validation;
    use crate::record::RecordKind;
    use crate::Loc;
    use serde_json::{json, Value};

    /// The problems that compare two fields, which one field alone cannot have.
    const CROSS_FIELD: [crate::ErrorType; 2] = [
        crate::ErrorType::PostalCodeTownMismatch,
        crate::ErrorType::AddressConflict,
    ];

    fn request_vectors() -> Vec<Value> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/vectors/requests.json");
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        doc["cases"].as_array().unwrap().clone()
    }

    /// Every field of every request vector, checked alone, agrees with the whole request:
    /// the same problem at its key, or the same canonical value.
    #[test]
    fn a_field_alone_agrees_with_the_whole_request() {
        let policy = ValidationPolicy::STIL;
        for case in request_vectors() {
            let input = case["input"].as_object().unwrap();
            // Field by field only where the vector uses canonical keys alone.
            if !input
                .keys()
                .all(|k| RecordKind::Request.keys().contains(&k.as_str()))
            {
                continue;
            }
            // With the address on one line, its parts are not their own fields.
            if input.contains_key("address") {
                continue;
            }
            let whole = Validation::of_json(RecordKind::Request, input, &policy);
            for &field in RequestField::ALL {
                let raw = input.get(field.key()).and_then(|v| match v {
                    Value::Null => None,
                    Value::String(s) => Some(s.clone()),
                    other => Some(other.to_string()),
                });
                let check = check_request_field(field.key(), raw.as_deref(), &policy).unwrap();
                let expected: Vec<&Problem> = whole
                    .problems()
                    .iter()
                    .filter(|p| p.loc() == &Loc::key(field.key()))
                    .filter(|p| !CROSS_FIELD.contains(&p.kind()))
                    .collect();
                assert_eq!(
                    check.problem().into_iter().collect::<Vec<_>>(),
                    expected,
                    "{}: {}",
                    case["name"],
                    field.key()
                );
                // The fields given (a floor or door may come from the house number); one left
                // out is valid alone only if optional, with the value null.
                match (whole.value(), raw.is_some()) {
                    (Some(valid), true) => {
                        assert_eq!(check.value(), valid.get(field.key()), "{}", case["name"]);
                    }
                    (Some(_), false) if field.is_optional() => {
                        assert_eq!(check.value(), Some(&Value::Null), "{}", case["name"]);
                    }
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn the_field_check_renders_like_a_record() {
        let check = check_request_field("cvr", Some("13585627"), &ValidationPolicy::STIL).unwrap();
        assert_eq!(
            serde_json::to_value(check.rendered(Lang::Da)).unwrap(),
            json!({"key": "cvr", "ok": false, "value": null, "problems": [{
                "type": "cvr_checksum", "loc": ["cvr"],
                "msg": "CVR-nummeret 13585627 er ugyldigt (kontrolcifferet passer ikke)",
                "input": "13585627", "ctx": {"cvr": "13585627"}}]})
        );
        let absent = check_request_field("email", None, &ValidationPolicy::STIL).unwrap();
        assert_eq!(absent.problem().unwrap().input(), None);
        let typed = check_request_field(
            "institution_type",
            Some("Børnehave"),
            &ValidationPolicy::STIL,
        );
        assert_eq!(typed.unwrap().value(), Some(&json!(6011)));
        assert!(check_request_field("no_such_field", Some("x"), &ValidationPolicy::STIL).is_none());
    }
}
